/* Conversions between FP and integers. FCVT{N,P,M,Z,A}{S,U} to W and X
   from S and D: each rounding, saturation with Invalid (Arm saturates where
   x86 gives 0x8000...), NaN -> 0 with Invalid, negative -> 0 for unsigned,
   Inexact. FCVTZS/FCVTZU with fbits. SCVTF/UCVTF from W and X, integer and
   fixed-point, in each rounding mode. The general register 31 is XZR. */
.include "harness.inc"

.set RN, 0x000000
.set RP, 0x400000
.set RM, 0x800000
.set RZ, 0xc00000
.set FZ, 0x1000000

.macro MODE name, fpcr
  CASE \name
  ldr x9, =\fpcr
  msr fpcr, x9
.endm

/* op r0, t1 [, #fbits]: FP to integer; shows FPSR and X0 (preset to
   garbage, so a W result must clear its top half). */
.macro TOINT op, r, t, a, fbits=
  CASE \op\()_\r\()_\t\()_\a\()_\fbits
  ldr x9, =\a
  fmov d1, x9
  mov x0, #-1
  msr fpsr, xzr
  .ifb \fbits
  \op \r\()0, \t\()1
  .else
  \op \r\()0, \t\()1, #\fbits
  .endif
  FPSR
  SHOW x0
.endm

/* op t0, r1 [, #fbits]: integer to FP; shows FPSR and V0. */
.macro TOFP op, t, r, a, fbits=
  CASE \op\()_\t\()_\r\()_\a\()_\fbits
  ldr x1, =\a
  fmov v0.d[1], x1
  msr fpsr, xzr
  .ifb \fbits
  \op \t\()0, \r\()1
  .else
  \op \t\()0, \r\()1, #\fbits
  .endif
  FPSR
  SHOWV 0
.endm

  MODE rn, RN
  /* 2.5 -2.5 1.5 -0.5 0.49999997 -1.0 2^31 -2^31 -2^31-1 2^32 2^32-256
     2^63 -2^63 2^64 inf -inf qNaN sNaN denormal -0.0 */
  .irp op, fcvtns, fcvtnu, fcvtps, fcvtpu, fcvtms, fcvtmu, fcvtzs, fcvtzu, fcvtas, fcvtau
  .irp a, 0x40200000, 0xc0200000, 0x3fc00000, 0xbf000000, 0x3effffff, 0xbf800000, 0x4f000000, 0xcf000000, 0xcf000001, 0x4f800000, 0x4f7fffff, 0x5f000000, 0xdf000000, 0x5f800000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7f800001, 0x00000001, 0x80000000
  TOINT \op, w, s, \a
  TOINT \op, x, s, \a
  .endr
  .endr

  /* Double precision around the 32- and 64-bit limits. */
  .irp op, fcvtns, fcvtnu, fcvtzs, fcvtzu, fcvtas, fcvtms, fcvtpu
  .irp a, 0x41dfffffffe00000, 0x41dfffffffc00000, 0xc1e0000000100000, 0xc1e0000000000000, 0x41efffffffffffff, 0x41effffffff00000, 0x43dfffffffffffff, 0x43e0000000000000, 0xc3e0000000000000, 0x43efffffffffffff, 0xbfe0000000000001, 0x4004000000000000, 0xfff8000000000000
  TOINT \op, w, d, \a
  TOINT \op, x, d, \a
  .endr
  .endr

  /* Fixed point: the value is scaled by 2^fbits before rounding to zero. */
  .irp op, fcvtzs, fcvtzu
  TOINT \op, w, s, 0x3fc00000, 1
  TOINT \op, w, s, 0xbfc00000, 1
  TOINT \op, w, s, 0x3fc00000, 31
  TOINT \op, w, s, 0x3f000000, 32
  TOINT \op, w, s, 0x3f800000, 32
  TOINT \op, x, s, 0x3f800000, 63
  TOINT \op, x, s, 0xbf800000, 63
  TOINT \op, x, s, 0x3f000000, 64
  TOINT \op, x, d, 0x3fefffffffffffff, 64
  TOINT \op, w, d, 0x3e00000000000001, 32
  TOINT \op, x, d, 0x7ff8000000000000, 10
  .endr

  /* General register 31 is XZR: it reads as zero and discards writes. */
  CASE xzr
  fmov s1, #1.0
  fcvtzs wzr, s1
  scvtf s0, xzr
  ucvtf d2, wzr
  SHOWV 0
  SHOWV 2

  /* Integer to FP in each rounding mode. */
  .irp mode, RN, RP, RM, RZ
  MODE mode_\mode, \mode
  .irp op, scvtf, ucvtf
  .irp a, 0x00000000, 0x00000001, 0xffffffff, 0x80000000, 0x7fffffff, 0x01000001, 0x01000003, 0x7fffffc0
  TOFP \op, s, w, \a
  TOFP \op, d, w, \a
  .endr
  .irp a, 0x8000000000000000, 0xffffffffffffffff, 0x7fffffffffffffff, 0x0020000000000001, 0x0020000000000003, 0x0000000100000001, 0xfffffffffffffc01
  TOFP \op, s, x, \a
  TOFP \op, d, x, \a
  .endr
  TOFP \op, s, w, 0x00000003, 1
  TOFP \op, s, w, 0xffffffff, 32
  TOFP \op, d, w, 0x80000000, 31
  TOFP \op, s, x, 0x8000000000000001, 64
  TOFP \op, d, x, 0xffffffffffffffff, 63
  TOFP \op, d, x, 0x0000000000000001, 64
  .endr
  .endr

  MODE fz, FZ
  TOINT fcvtzs, w, s, 0x80000001
  TOINT fcvtps, x, d, 0x0000000000000001
  TOINT fcvtmu, w, s, 0x00000001
  DONE
