/* FCMP FCMPE (register and #0.0), FCCMP FCCMPE, FCSEL: NZCV for less,
   equal, greater and unordered; Invalid for signalling NaNs (FCMP) or any
   NaN (FCMPE); no exception when FCCMP's condition fails; FZ denormals
   compare as zero (IDC). */
.include "harness.inc"

.set FZ, 0x1000000

.macro MODE name, fpcr
  CASE \name
  ldr x9, =\fpcr
  msr fpcr, x9
.endm

/* op t1, t2 (or t1, #0.0 when b is "zero"), then NZCV and FPSR. */
.macro CMP op, t, a, b
  CASE \op\()_\t\()_\a\()_\b
  ldr x9, =\a
  fmov d1, x9
  .ifc \b, zero
  msr fpsr, xzr
  \op \t\()1, #0.0
  .else
  ldr x9, =\b
  fmov d2, x9
  msr fpsr, xzr
  \op \t\()1, \t\()2
  .endif
  FLAGS
  FPSR
.endm

/* op t1, t2, #nzcv, cond after setting NZCV to `start` (hex digit). */
.macro CCMP op, t, a, b, nzcv, cond, start
  CASE \op\()_\t\()_\a\()_\b\()_\nzcv\()_\cond\()_\start
  ldr x9, =\a
  fmov d1, x9
  ldr x9, =\b
  fmov d2, x9
  mov x9, #\start << 28
  msr nzcv, x9
  msr fpsr, xzr
  \op \t\()1, \t\()2, #\nzcv, \cond
  FLAGS
  FPSR
.endm

/* fcsel t0, t1, t2, cond after setting NZCV to `start`. */
.macro CSEL t, cond, start
  CASE fcsel_\t\()_\cond\()_\start
  ldr x9, =0x1111111122222222
  fmov d1, x9
  ldr x9, =0x3333333344444444
  fmov d2, x9
  fmov v0.d[1], x9
  mov x9, #\start << 28
  msr nzcv, x9
  fcsel \t\()0, \t\()1, \t\()2, \cond
  SHOWV 0
.endm

  MODE rn, 0
  .irp op, fcmp, fcmpe
  .irp a, 0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x7f800000, 0xff800000, 0x00000001, 0x7fc00000, 0x7f800001
  .irp b, 0x80000000, 0x3f800000, 0x7f800000, 0x00000001, 0x7fc00000, 0xff800001, zero
  CMP \op, s, \a, \b
  .endr
  .endr
  .endr

  .irp op, fcmp, fcmpe
  .irp a, 0x8000000000000000, 0x3ff0000000000000, 0xc000000000000000, 0xfff0000000000000, 0x7ff8000000000000, 0x7ff0000000000001
  .irp b, 0x3ff0000000000000, 0x3ff0000000000001, 0xfff8000000000000, zero
  CMP \op, d, \a, \b
  .endr
  .endr
  .endr

  /* The #0.0 form ignores its Rm field (here 2). */
  CASE fcmp_zero_rm_field
  ldr x9, =0x3f800000
  fmov s2, w9
  fmov s1, wzr
  .inst 0x1e222028 /* fcmp s1, #0.0 with Rm = 2 */
  FLAGS

  /* Condition holds: compare; fails: flags = #nzcv, no exception. */
  .irp op, fccmp, fccmpe
  CCMP \op, s, 0x3f800000, 0x40000000, 0xf, eq, 0x4
  CCMP \op, s, 0x3f800000, 0x40000000, 0xf, eq, 0x0
  CCMP \op, s, 0x7fc00000, 0x40000000, 0x0, ne, 0x0
  CCMP \op, s, 0x7fc00000, 0x40000000, 0x5, ne, 0x4
  CCMP \op, s, 0x7f800001, 0x40000000, 0x2, ge, 0x0
  CCMP \op, s, 0x7f800001, 0x40000000, 0x2, lt, 0x0
  CCMP \op, d, 0x4000000000000000, 0x4000000000000000, 0x8, al, 0x0
  CCMP \op, d, 0x7ff0000000000001, 0x4000000000000000, 0x8, nv, 0x0
  CCMP \op, d, 0xfff8000000000000, 0x4000000000000000, 0x8, hi, 0x2
  .endr

  .irp cond, eq, ne, hs, lo, mi, pl, vs, vc, hi, ls, ge, lt, gt, le, al, nv
  CSEL s, \cond, 0x6
  CSEL d, \cond, 0x9
  .endr

  MODE fz, FZ
  CMP fcmp, s, 0x00000001, 0x80000000
  CMP fcmp, s, 0x80000001, zero
  CMP fcmpe, s, 0x007fffff, 0x00800000
  CMP fcmp, d, 0x0000000000000001, 0x8000000000000000
  CCMP fccmp, s, 0x00000001, 0x00000000, 0x0, eq, 0x4
  CCMP fccmp, s, 0x00000001, 0x00000000, 0x0, eq, 0x0
  DONE
