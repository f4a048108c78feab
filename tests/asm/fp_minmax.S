/* FMAX FMIN FMAXNM FMINNM: zeros of both signs (+0 is the larger), NaN
   propagation for FMAX/FMIN, "a number beats one quiet NaN" for the NM
   forms (a signalling NaN still propagates, Invalid), FZ and DN. Each case
   shows FPSR and V0 (top half preset to garbage). */
.include "harness.inc"

.set FZ, 0x1000000
.set DN, 0x2000000

.macro MODE name, fpcr
  CASE \name
  ldr x9, =\fpcr
  msr fpcr, x9
.endm

.macro BIN op, t, a, b
  CASE \op\()_\t\()_\a\()_\b
  ldr x9, =\a
  fmov d1, x9
  ldr x9, =\b
  fmov d2, x9
  fmov v0.d[1], x9
  msr fpsr, xzr
  \op \t\()0, \t\()1, \t\()2
  FPSR
  SHOWV 0
.endm

  MODE rn, 0
  /* +0 -0 -1.0 2.0 -inf, a denormal, a quiet and a signalling NaN. */
  .irp op, fmax, fmin, fmaxnm, fminnm
  .irp a, 0x00000000, 0x80000000, 0xbf800000, 0x40000000, 0xff800000, 0x00000001, 0x7fc00001, 0x7f800002
  .irp b, 0x00000000, 0x80000000, 0xbf800000, 0x40000000, 0xff800000, 0x00000001, 0x7fc00001, 0x7f800002
  BIN \op, s, \a, \b
  .endr
  .endr
  .endr

  .irp op, fmax, fmin, fmaxnm, fminnm
  .irp a, 0x8000000000000000, 0x0000000000000000, 0x7ff0000000000000, 0xfff8000000000001, 0x7ff0000000000002
  .irp b, 0x8000000000000000, 0x3ff0000000000000, 0xfff8000000000003, 0xfff0000000000004
  BIN \op, d, \a, \b
  .endr
  .endr
  .endr

  /* Under FZ a denormal is a zero of its sign: the result is a zero, and
     IDC is set. */
  MODE fz, FZ
  .irp op, fmax, fmin, fmaxnm, fminnm
  BIN \op, s, 0x00000001, 0x80000000
  BIN \op, s, 0x80000001, 0x00000000
  BIN \op, s, 0x80000001, 0x80000000
  BIN \op, s, 0x807fffff, 0xbf800000
  BIN \op, s, 0x007fffff, 0x7fc00000
  BIN \op, d, 0x8000000000000001, 0x0000000000000000
  .endr

  MODE dn, DN
  .irp op, fmax, fmin, fmaxnm, fminnm
  BIN \op, s, 0x7fc00001, 0x3f800000
  BIN \op, s, 0x3f800000, 0xff800001
  BIN \op, d, 0xfff8000000000001, 0x7ff8000000000002
  .endr
  DONE
