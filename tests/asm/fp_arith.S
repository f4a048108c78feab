/* Scalar FADD FSUB FMUL FDIV FNMUL FSQRT: special operands (zeros, infinities,
   NaN propagation and quieting), each rounding mode, tininess before
   rounding, FZ on inputs and outputs, DN. Each case clears FPSR, runs one
   instruction and shows FPSR and V0, whose top half is preset to garbage
   that the scalar write must clear. */
.include "harness.inc"

.set RN, 0x000000
.set RP, 0x400000
.set RM, 0x800000
.set RZ, 0xc00000
.set FZ, 0x1000000
.set DN, 0x2000000

/* Starts a group of cases under FPCR = fpcr. */
.macro MODE name, fpcr
  CASE \name
  ldr x9, =\fpcr
  msr fpcr, x9
.endm

/* op t0, t1, t2 with t1, t2 = the bit patterns a, b (t is s or d). */
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

/* op t0, t1 with t1 = the bit pattern a. */
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
  /* Special operands, single precision: +0 -0 1.0 +inf -inf, the smallest
     denormal, a quiet NaN with payload, a negative signalling NaN. */
  .irp op, fadd, fsub, fmul, fdiv
  .irp a, 0x00000000, 0x80000000, 0x3f800000, 0x7f800000, 0xff800000, 0x00000001, 0x7fc00001, 0xff800002
  .irp b, 0x00000000, 0x80000000, 0x3f800000, 0x7f800000, 0xff800000, 0x00000001, 0x7fc00001, 0xff800002
  BIN \op, s, \a, \b
  .endr
  .endr
  .endr

  /* Double precision: NaN payloads in the low bits survive; the first
     operand wins among equals, a signalling NaN over a quiet one. */
  .irp op, fadd, fsub, fmul, fdiv, fnmul
  .irp a, 0x8000000000000000, 0x3ff0000000000000, 0xfff0000000000000, 0x7ff8000000000005, 0x7ff0000000000006
  .irp b, 0x0000000000000000, 0x3ff0000000000000, 0x7ff0000000000000, 0xfff8000000000007, 0x7ff4000000000008
  BIN \op, d, \a, \b
  .endr
  .endr
  .endr

  /* FNMUL negates after rounding: the default NaN and quieted NaNs too. */
  BIN fnmul, s, 0x00000000, 0x7f800000
  BIN fnmul, s, 0x7fa00001, 0x3f800000
  BIN fnmul, s, 0x40400000, 0x3eaaaaab

  /* Rounding: ties, inexact quotients, overflow, exact zero signs. */
  .irp mode, RN, RP, RM, RZ
  MODE mode_\mode, \mode
  BIN fadd, s, 0x3f800000, 0x33800000   /* 1 + 2^-24: tie, to even */
  BIN fadd, s, 0x3f800001, 0x33800000   /* tie, to even (up) */
  BIN fadd, s, 0xbf800000, 0xb3800001   /* -(1 + 2^-24 + tiny) */
  BIN fsub, s, 0x3f800000, 0x3f800000   /* exact zero: -0 only in RM */
  BIN fadd, s, 0x80000000, 0x00000000   /* -0 + +0 */
  BIN fadd, s, 0x80000000, 0x80000000   /* -0 + -0 */
  BIN fadd, s, 0x7f7fffff, 0x7f7fffff   /* overflow: inf or max */
  BIN fmul, s, 0xff7fffff, 0x40000000   /* negative overflow */
  BIN fdiv, s, 0x3f800000, 0x40400000   /* 1/3 */
  BIN fdiv, s, 0xbf800000, 0x40400000   /* -1/3 */
  BIN fmul, s, 0x00800001, 0x3f7fffff   /* just below 2^-126 */
  BIN fmul, s, 0x80000003, 0x3f000000   /* denormal halved: tie */
  BIN fadd, d, 0x3ff0000000000000, 0x3ca0000000000000
  BIN fadd, d, 0x3ff0000000000001, 0x3ca0000000000000
  BIN fdiv, d, 0x3ff0000000000000, 0x4008000000000000
  BIN fdiv, d, 0xbff0000000000000, 0x4008000000000000
  BIN fmul, d, 0x7fefffffffffffff, 0x3ff0000000000001
  BIN fsub, d, 0x4000000000000000, 0x4000000000000000
  BIN fmul, d, 0x0010000000000001, 0x3fefffffffffffff
  UN fsqrt, s, 0x40000000
  UN fsqrt, d, 0x4000000000000000
  UN fsqrt, s, 0x3f800001
  .endr

  /* Underflow: Arm detects tininess before rounding, x86 after. */
  MODE tiny, RN
  BIN fmul, s, 0x00800000, 0x3f800000   /* exactly 2^-126: no flags */
  BIN fmul, s, 0x00ffffff, 0x3f000000   /* rounds up to 2^-126: UFC IXC */
  BIN fmul, s, 0x00800002, 0x3f000000   /* exact denormal: no UFC */
  BIN fmul, s, 0x00800003, 0x3f000000   /* inexact denormal: UFC IXC */
  BIN fmul, s, 0x00000001, 0x3f000000   /* 2^-150: tie to zero */
  BIN fmul, s, 0x00000001, 0x3f000001   /* just above: min denormal */
  BIN fdiv, s, 0x00800000, 0x40000000
  BIN fdiv, s, 0x00ffffff, 0x40000000
  BIN fmul, d, 0x001fffffffffffff, 0x3fe0000000000000
  BIN fmul, d, 0x0010000000000003, 0x3fe0000000000000
  BIN fsub, s, 0x00800001, 0x00800000   /* exact denormal difference */
  BIN fadd, s, 0x80000001, 0x00000001   /* exact zero */

  /* Flush-to-zero: denormal inputs become zero (IDC), tiny results
     become zero (UFC, not IXC) even when they would round to normal. */
  MODE fz, FZ
  BIN fadd, s, 0x00000001, 0x3f800000
  BIN fadd, s, 0x807fffff, 0x00000000
  BIN fadd, s, 0x807fffff, 0x807fffff
  BIN fmul, s, 0x00000001, 0x7f800000   /* flushed denormal * inf: invalid */
  BIN fdiv, s, 0x3f800000, 0x80000001   /* divide by a flushed zero */
  BIN fmul, s, 0x00ffffff, 0x3f000000   /* tiny before rounding: flushed */
  BIN fmul, s, 0x00800003, 0x3f000000
  BIN fsub, s, 0x00800001, 0x00800000
  BIN fmul, s, 0x00800000, 0x3f800000   /* exactly 2^-126 stays */
  BIN fmul, d, 0x001fffffffffffff, 0x3fe0000000000000
  BIN fadd, d, 0x000fffffffffffff, 0x0000000000000001
  BIN fmax, s, 0x00000001, 0x80000000
  UN fsqrt, s, 0x00000004
  UN fsqrt, d, 0x8000000000000001
  MODE fz_rm, FZ|RM
  BIN fsub, s, 0x00800001, 0x00800001
  BIN fmul, s, 0x80ffffff, 0x3f000000

  /* Default NaN: every NaN result is 0x7fc00000 / 0x7ff8000000000000. */
  MODE dn, DN
  BIN fadd, s, 0xffc00001, 0x3f800000
  BIN fmul, s, 0x3f800000, 0x7f800001
  BIN fsub, s, 0x7f800000, 0x7f800000
  BIN fdiv, d, 0xfff8000000000001, 0x0000000000000000
  BIN fnmul, s, 0x00000000, 0xff800000
  UN fsqrt, s, 0xbf800000
  UN fsqrt, d, 0x7ff0000000000003

  /* FSQRT specials. */
  MODE sqrt, RN
  .irp a, 0x00000000, 0x80000000, 0x3f800000, 0x40800000, 0xbf800000, 0x7f800000, 0xff800000, 0x7fc00003, 0xff800003, 0x00000001, 0x80000001, 0x7f7fffff
  UN fsqrt, s, \a
  .endr
  .irp a, 0x8000000000000000, 0x4010000000000000, 0x4000000000000000, 0xbff0000000000000, 0x7ff0000000000000, 0x7ff0000000000009, 0x0000000000000001
  UN fsqrt, d, \a
  .endr

  /* Flags accumulate: a second exception keeps the first. */
  CASE accumulate
  msr fpsr, xzr
  ldr x9, =0x3f800000
  fmov s1, w9
  fmov s2, wzr
  fdiv s0, s1, s2
  fmov s3, #3.0
  fdiv s0, s1, s3
  FPSR
  DONE
