/* Scalar half-precision arithmetic (FEAT_FP16): FADD FSUB FMUL FDIV FNMUL
   FSQRT FMAX FMIN FMAXNM FMINNM and the fused FMADD FMSUB FNMADD FNMSUB on
   special operands (zeros, infinities, NaN payloads, quieting and
   priority), every rounding mode, the 65504 overflow boundary, subnormal
   halves and tininess before rounding, FPCR.FZ16 (which, unlike FZ, flushes
   half-precision inputs without raising IDC), FZ and AHP (which must not
   affect half arithmetic), and DN. Each case clears FPSR, runs one
   instruction with V0 preset to all ones and shows FPSR and V0: a scalar
   write clears the rest of the register. */
.include "harness.inc"
.arch armv8.2-a+fp16

.set RN, 0x000000
.set RP, 0x400000
.set RM, 0x800000
.set RZ, 0xc00000
.set FZ16, 0x80000
.set FZ, 0x1000000
.set DN, 0x2000000
.set AHP, 0x4000000

/* Starts a group of cases under FPCR = fpcr. */
.macro MODE name, fpcr
  CASE \name
  ldr x9, =\fpcr
  msr fpcr, x9
.endm

/* Hn = the 16-bit pattern a, the rest of Vn zero (an ARMv8.0 FMOV). */
.macro LDH n, a
  mov w9, #\a
  fmov s\n, w9
.endm

.macro PREP
  movi v0.2d, #-1
  msr fpsr, xzr
.endm

/* op h0, h1, h2 with h1, h2 = the bit patterns a, b. */
.macro BIN op, a, b
  CASE \op\()_\a\()_\b
  LDH 1, \a
  LDH 2, \b
  PREP
  \op h0, h1, h2
  FPSR
  SHOWV 0
.endm

/* op h0, h1 with h1 = the bit pattern a. */
.macro UN op, a
  CASE \op\()_\a
  LDH 1, \a
  PREP
  \op h0, h1
  FPSR
  SHOWV 0
.endm

/* op h0, h1, h2, h3: h3 is the addend. */
.macro FUSED op, a, b, c
  CASE \op\()_\a\()_\b\()_\c
  LDH 1, \a
  LDH 2, \b
  LDH 3, \c
  PREP
  \op h0, h1, h2, h3
  FPSR
  SHOWV 0
.endm

  MODE rn, RN
  /* Special operands: +0 -0 1.0 +inf -inf, the smallest subnormal, a
     quiet NaN with payload, a negative signalling NaN with payload. */
  .irp op, fadd, fsub, fmul, fdiv
  .irp a, 0x0000, 0x8000, 0x3c00, 0x7c00, 0xfc00, 0x0001, 0x7e01, 0xfc02
  .irp b, 0x0000, 0x8000, 0x3c00, 0x7c00, 0xfc00, 0x0001, 0x7e01, 0xfc02
  BIN \op, \a, \b
  .endr
  .endr
  .endr

  /* NaN priority: signalling over quiet, then the first operand. */
  .irp op, fnmul, fmax, fmin, fmaxnm, fminnm
  .irp a, 0x8000, 0x4200, 0xfc00, 0x7e05, 0x7c06
  .irp b, 0x0000, 0x3c00, 0x7c00, 0xfe07, 0x7d08
  BIN \op, \a, \b
  .endr
  .endr
  .endr
  BIN fmax, 0x0000, 0x8000
  BIN fmin, 0x0000, 0x8000
  BIN fmaxnm, 0x8000, 0x0000
  BIN fminnm, 0x8000, 0x0000
  BIN fmax, 0x03ff, 0x0400   /* subnormal against the smallest normal */
  BIN fminnm, 0x83ff, 0x8001

  /* Rounding: ties, inexact quotients, the overflow boundary, exact zero
     signs, tininess. */
  .irp mode, RN, RP, RM, RZ
  MODE mode_\mode, \mode
  BIN fadd, 0x3c00, 0x1000   /* 1 + 2^-11: a tie, to even (down) */
  BIN fadd, 0x3c01, 0x1000   /* a tie, to even (up) */
  BIN fadd, 0xbc00, 0x9001   /* -(1 + 2^-11 + tiny) */
  BIN fsub, 0x3c00, 0x3c00   /* exact zero: -0 only in RM */
  BIN fadd, 0x8000, 0x0000
  BIN fadd, 0x8000, 0x8000
  BIN fadd, 0x7bff, 0x4b80   /* 65504 + 15: stays 65504, inexact */
  BIN fadd, 0x7bff, 0x4c00   /* 65504 + 16 = 65520: the overflow tie */
  BIN fadd, 0x7bff, 0x7bff   /* overflow: inf or 65504 */
  BIN fmul, 0xfbff, 0x4000   /* negative overflow */
  BIN fdiv, 0x3c00, 0x4200   /* 1/3 */
  BIN fdiv, 0xbc00, 0x4200   /* -1/3 */
  BIN fdiv, 0x7bff, 0x0001   /* overflow by division */
  BIN fmul, 0x0400, 0x3bff   /* below 2^-14 before rounding: UFC */
  BIN fmul, 0x0403, 0x3800   /* inexact subnormal */
  BIN fmul, 0x8001, 0x3800   /* 2^-25: a tie, to zero */
  BIN fmul, 0x0001, 0x3801   /* just above the tie */
  BIN fnmul, 0x4200, 0x3555
  UN fsqrt, 0x4000           /* sqrt 2 */
  UN fsqrt, 0x3c01
  UN fsqrt, 0x0002
  FUSED fmadd, 0x3c01, 0x3c01, 0xbc00  /* (1+u)^2 - 1, rounded once */
  FUSED fmadd, 0x7bff, 0x3c00, 0x4c00
  FUSED fnmadd, 0x3c00, 0x3c00, 0x8000
  FUSED fmsub, 0x3c00, 0x3c00, 0x3c00  /* exact zero sign */
  .endr

  /* Exact results need no flags; a subnormal product that is exact raises
     no UFC. */
  MODE exact, RN
  BIN fmul, 0x0400, 0x3c00
  BIN fmul, 0x0402, 0x3800
  BIN fsub, 0x0401, 0x0400
  BIN fadd, 0x8001, 0x0001
  BIN fdiv, 0x0400, 0x4000
  BIN fdiv, 0x3c00, 0x0000   /* divide by zero */
  BIN fdiv, 0x0000, 0x0000   /* invalid */

  /* FZ16 flushes half-precision subnormal inputs without IDC, and tiny
     results with UFC (not IXC), even when they would round to normal. */
  MODE fz16, FZ16
  BIN fadd, 0x0001, 0x3c00
  BIN fadd, 0x83ff, 0x0000
  BIN fadd, 0x83ff, 0x83ff
  BIN fmul, 0x0001, 0x7c00   /* flushed subnormal * inf: invalid */
  BIN fdiv, 0x3c00, 0x8001   /* divide by a flushed zero */
  BIN fmul, 0x0400, 0x3bff   /* tiny before rounding: flushed */
  BIN fmul, 0x0403, 0x3800
  BIN fsub, 0x0401, 0x0400
  BIN fmul, 0x0400, 0x3c00   /* exactly 2^-14 stays */
  BIN fmax, 0x0001, 0x8000
  BIN fmin, 0x0001, 0x8000
  UN fsqrt, 0x0004
  FUSED fmadd, 0x0001, 0x3c00, 0x0002
  MODE fz16_rm, FZ16|RM
  BIN fsub, 0x0401, 0x0401
  BIN fmul, 0x87ff, 0x3800

  /* FZ is for single and double precision: half subnormals stay. */
  MODE fz_only, FZ
  BIN fadd, 0x0001, 0x0001
  BIN fmul, 0x0403, 0x3800

  /* AHP changes only conversions: half arithmetic stays IEEE. */
  MODE ahp, AHP
  BIN fadd, 0x7c00, 0x3c00
  BIN fadd, 0x7bff, 0x7bff
  BIN fmul, 0x7e01, 0x3c00
  UN fsqrt, 0xfc00

  /* Default NaN: every NaN result is 0x7e00. */
  MODE dn, DN
  BIN fadd, 0xfe01, 0x3c00
  BIN fmul, 0x3c00, 0x7c01
  BIN fsub, 0x7c00, 0x7c00
  BIN fdiv, 0xfe01, 0x0000
  BIN fnmul, 0x0000, 0xfc00
  BIN fmaxnm, 0x7d00, 0x3c00
  UN fsqrt, 0xbc00
  UN fsqrt, 0x7c03
  FUSED fmadd, 0x3c00, 0x3c00, 0x7e02

  /* FSQRT specials. */
  MODE sqrt, RN
  .irp a, 0x0000, 0x8000, 0x3c00, 0x4400, 0xbc00, 0x7c00, 0xfc00, 0x7e03, 0xfc03, 0x0001, 0x8001, 0x7bff, 0x03ff
  UN fsqrt, \a
  .endr

  /* Fused multiply-add: NaN selection among three operands, and Arm's
     0 * inf + qNaN, which is invalid rather than the NaN. */
  MODE fused, RN
  .irp op, fmadd, fmsub, fnmadd, fnmsub
  FUSED \op, 0x4000, 0x4200, 0x3c00
  FUSED \op, 0x7e01, 0x7d02, 0x7e03
  FUSED \op, 0x7e01, 0x3c00, 0x7d03
  FUSED \op, 0x0000, 0x7c00, 0x7e03
  FUSED \op, 0x7c00, 0x3c00, 0xfc00
  FUSED \op, 0x0000, 0x8000, 0x0000
  FUSED \op, 0x7bff, 0x7bff, 0xfbff
  FUSED \op, 0x0400, 0x0400, 0x8001
  .endr

  /* Flags accumulate: a second exception keeps the first. */
  CASE accumulate
  msr fpcr, xzr
  msr fpsr, xzr
  LDH 1, 0x3c00
  fmov s2, wzr
  fdiv h0, h1, h2
  LDH 3, 0x4200
  fdiv h0, h1, h3
  FPSR
  DONE
