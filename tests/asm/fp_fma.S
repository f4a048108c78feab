/* FMADD FMSUB FNMADD FNMSUB: one rounding (fused), which operands each form
   negates (before NaN processing, so NaN signs show it), the NaN order
   addend-first, Arm's 0 * inf + qNaN = default NaN, exact zero signs per
   rounding mode, overflow and underflow, FZ and DN. Each case shows FPSR
   and V0 (top half preset to garbage). */
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

/* op t0, t1, t2, t3: t3 + t1 * t2 for FMADD. */
.macro FMA op, t, n, m, a
  CASE \op\()_\t\()_\n\()_\m\()_\a
  ldr x9, =\n
  fmov d1, x9
  ldr x9, =\m
  fmov d2, x9
  ldr x9, =\a
  fmov d3, x9
  fmov v0.d[1], x9
  msr fpsr, xzr
  \op \t\()0, \t\()1, \t\()2, \t\()3
  FPSR
  SHOWV 0
.endm

/* All four forms on the same operands. */
.macro FMA4 t, n, m, a
  .irp op, fmadd, fmsub, fnmadd, fnmsub
  FMA \op, \t, \n, \m, \a
  .endr
.endm

  MODE rn, RN
  FMA4 s, 0x40000000, 0x40400000, 0x3f800000   /* 2 * 3 + 1 */
  FMA4 d, 0x4000000000000000, 0x4008000000000000, 0x3ff0000000000000
  /* (1 + 2^-23)(1 - 2^-23) - 1 = -2^-46 exactly; unfused it would be 0. */
  FMA4 s, 0x3f800001, 0x3f7ffffe, 0xbf800000
  FMA4 d, 0x3ff0000000000001, 0x3feffffffffffffe, 0xbff0000000000000
  /* A product far below the addend only sets the sticky bit. */
  FMA4 s, 0x00000001, 0x00000001, 0x3f800000
  FMA4 d, 0x0000000000000001, 0x0000000000000001, 0x3ff0000000000000

  /* NaNs: signalling before quiet, addend before Rn before Rm; FMSUB and
     FNMADD negate Rn, FNMADD and FNMSUB negate Ra, first. */
  FMA4 s, 0x7fc00001, 0x7fc00002, 0x7fc00003
  FMA4 s, 0x7fc00001, 0x7f800002, 0x7fc00003
  FMA4 s, 0x7f800001, 0x3f800000, 0xffc00003
  FMA4 s, 0x3f800000, 0x3f800000, 0xff800003
  FMA4 d, 0x7ff8000000000001, 0x3ff0000000000000, 0x3ff0000000000000
  FMA4 d, 0x3ff0000000000000, 0xfff0000000000002, 0x7ff8000000000003
  /* 0 * inf: invalid, default NaN, even when the addend is a quiet NaN
     (but a signalling addend is propagated). */
  FMA4 s, 0x00000000, 0x7f800000, 0x3f800000
  FMA4 s, 0x7f800000, 0x80000000, 0x7fc00004
  FMA4 s, 0x7f800000, 0x80000000, 0x7f800004
  FMA4 d, 0x0000000000000000, 0xfff0000000000000, 0x7ff8000000000004
  /* inf - inf: invalid; inf + finite: inf. */
  FMA4 s, 0x7f800000, 0x3f800000, 0xff800000
  FMA4 s, 0x7f800000, 0x3f800000, 0x7f800000
  FMA4 s, 0x3f800000, 0x3f800000, 0xff800000

  /* Exact zeros: +0 unless rounding toward -infinity, except zero plus a
     zero product of the same sign. */
  .irp mode, RN, RP, RM, RZ
  MODE mode_\mode, \mode
  FMA4 s, 0x3f800000, 0x3f800000, 0xbf800000
  FMA4 s, 0x00000000, 0x3f800000, 0x80000000
  FMA4 s, 0x80000000, 0x3f800000, 0x80000000
  FMA4 s, 0x3f800001, 0x3f800001, 0x00000000   /* (1+2^-23)^2: inexact */
  FMA4 s, 0x7f7fffff, 0x40000000, 0xff7fffff   /* 2max - max: exact max */
  FMA4 s, 0x7f7fffff, 0x7f7fffff, 0x3f800000   /* overflow */
  FMA4 d, 0x3ff0000000000001, 0x3ff0000000000001, 0x0000000000000000
  FMA4 d, 0x0010000000000001, 0x3fefffffffffffff, 0x8000000000000000
  .endr

  /* Underflow is judged on the fused result, before rounding. */
  MODE tiny, RN
  FMA4 s, 0x00ffffff, 0x3f000000, 0x00000000
  FMA4 s, 0x00800000, 0x3f800000, 0x80000001
  FMA4 s, 0x00800000, 0x3f7fffff, 0x00000000

  MODE fz, FZ
  FMA4 s, 0x00000001, 0x7f800000, 0x3f800000   /* flushed 0 * inf */
  FMA4 s, 0x3f800000, 0x3f800000, 0x00000001   /* denormal addend */
  FMA4 s, 0x00ffffff, 0x3f000000, 0x00000000   /* flushed output */
  FMA4 d, 0x000fffffffffffff, 0x3ff0000000000000, 0x0000000000000000

  MODE dn, DN
  FMA4 s, 0x7fc00001, 0x3f800000, 0x3f800000
  FMA4 s, 0x3f800000, 0x3f800000, 0xff800001
  FMA4 d, 0x0000000000000000, 0x7ff0000000000000, 0x7ff8000000000001
  DONE
