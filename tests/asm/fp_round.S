/* FRINTN FRINTP FRINTM FRINTZ FRINTA FRINTX FRINTI: halves and near-halves
   of both signs (ties to even versus ties away), results that are zero
   keep the operand's sign, values already integral, NaNs, infinities,
   denormals (and FZ), Inexact only for FRINTX, and FRINTX/FRINTI following
   FPCR.RMode. Each case shows FPSR and V0 (top half preset to garbage). */
.include "harness.inc"

.set RN, 0x000000
.set RP, 0x400000
.set RM, 0x800000
.set RZ, 0xc00000
.set FZ, 0x1000000
.set DN, 0x2000000

.macro MODE name, fpcr
  CASE \name
  ldr x9, =\fpcr
  msr fpcr, x9
.endm

.macro UN op, t, a
  CASE \op\()_\t\()_\a
  ldr x9, =\a
  fmov d1, x9
  fmov v0.d[1], x9
  msr fpsr, xzr
  \op \t\()0, \t\()1
  FPSR
  SHOWV 0
.endm

  MODE rn, RN
  /* 0.5 1.5 2.5 -0.5 -1.5 -2.5 0.3 -0.7 1.0 -0.0 2^23-0.5 2^23+1 max
     denormal inf -inf qNaN sNaN */
  .irp op, frintn, frintp, frintm, frintz, frinta, frintx, frinti
  .irp a, 0x3f000000, 0x3fc00000, 0x40200000, 0xbf000000, 0xbfc00000, 0xc0200000, 0x3e99999a, 0xbf333333, 0x3f800000, 0x80000000, 0x4afffffe, 0x4b000001, 0x7f7fffff, 0x00000001, 0x7f800000, 0xff800000, 0x7fc00002, 0xff800002
  UN \op, s, \a
  .endr
  .endr

  /* 0.5 2.5 -2.5 -0.7 2^52-0.5 2^52+1 denormal qNaN sNaN */
  .irp op, frintn, frintp, frintm, frintz, frinta, frintx, frinti
  .irp a, 0x3fe0000000000000, 0x4004000000000000, 0xc004000000000000, 0xbfe6666666666666, 0x432ffffffffffffe, 0x4330000000000001, 0x8000000000000001, 0x7ff8000000000003, 0x7ff0000000000003
  UN \op, d, \a
  .endr
  .endr

  /* FRINTX and FRINTI round as FPCR says. */
  .irp mode, RP, RM, RZ
  MODE mode_\mode, \mode
  .irp op, frintx, frinti
  .irp a, 0x3fc00000, 0xbfc00000, 0x40200000, 0xbe99999a, 0x3e99999a
  UN \op, s, \a
  .endr
  UN \op, d, 0xc004000000000000
  UN \op, d, 0x3fd0000000000000
  .endr
  .endr

  MODE fz, FZ
  .irp op, frintn, frintp, frintx
  UN \op, s, 0x00000001
  UN \op, s, 0x807fffff
  UN \op, d, 0x0000000000000001
  .endr

  MODE dn, DN
  .irp op, frintn, frintx
  UN \op, s, 0x7fc00002
  UN \op, d, 0xfff0000000000003
  .endr
  DONE
