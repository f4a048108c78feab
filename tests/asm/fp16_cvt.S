/* Scalar half-precision moves, compares, rounding and conversions
   (FEAT_FP16): FMOV (register, immediate, to and from W/X), FCMP FCMPE
   (register and #0.0), FCCMP FCCMPE, FCSEL, FRINTN/P/M/Z/A/X/I,
   FCVT{N,P,M,Z,A}{S,U} to W and X, FCVTZS/FCVTZU and SCVTF/UCVTF with
   fixed-point scales, under each rounding mode and FZ16, with FPSR flags. */
.include "harness.inc"
.arch armv8.2-a+fp16

.set RN, 0x000000
.set RP, 0x400000
.set RM, 0x800000
.set RZ, 0xc00000
.set FZ16, 0x80000
.set DN, 0x2000000
.set AHP, 0x4000000

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

/* FCMP-style compare of h1 = a and h2 = b: shows NZCV and FPSR. */
.macro COMPARE op, a, b
  CASE \op\()_\a\()_\b
  LDH 1, \a
  LDH 2, \b
  msr fpsr, xzr
  \op h1, h2
  FLAGS
  FPSR
.endm

/* FRINT*: h0 = op(a). */
.macro RINT op, a
  CASE \op\()_\a
  LDH 1, \a
  movi v0.2d, #-1
  msr fpsr, xzr
  \op h0, h1
  FPSR
  SHOWV 0
.endm

/* op x0 and w1 from h1 = a, then the same into w1 (32-bit saturation). */
.macro TOINT op, a
  CASE \op\()_\a
  LDH 1, \a
  msr fpsr, xzr
  \op x0, h1
  \op w1, h1
  FPSR
  SHOW x0
  SHOW x1
.endm

/* op h0 from x1 = v (64-bit source) and h3 from w1 (32-bit source). */
.macro TOFP op, v
  CASE \op\()_\v
  ldr x1, =\v
  movi v0.2d, #-1
  movi v3.2d, #-1
  msr fpsr, xzr
  \op h0, x1
  \op h3, w1
  FPSR
  SHOWV 0
  SHOWV 3
.endm

  msr fpcr, xzr

  CASE fmov
  ldr x1, =0x123456789abcdef0
  dup v1.2d, x1
  movi v0.2d, #-1
  fmov h0, h1
  SHOWV 0
  fmov w2, h1
  fmov x3, h1
  SHOW x2
  SHOW x3
  movi v4.2d, #-1
  fmov h4, w1
  movi v5.2d, #-1
  fmov h5, x1
  movi v6.2d, #-1
  fmov h6, wzr
  fmov wzr, h1
  SHOWV 4
  SHOWV 5
  SHOWV 6
  movi v0.2d, #-1
  fmov h0, #1.0
  SHOWV 0
  fmov h0, #-0.125
  SHOWV 0
  fmov h0, #31.0
  SHOWV 0
  fmov h0, #0.1328125
  SHOWV 0
  fmov h0, #-1.9375
  SHOWV 0
  fmov h0, #2.0
  SHOWV 0

  /* Compares: equal zeros, order, infinities, NaNs (quiet and signalling)
     and subnormals; FCMPE signals on quiet NaNs too. */
  .irp op, fcmp, fcmpe
  .irp a, 0x0000, 0x3c00, 0xfc00, 0x7e01, 0x0001
  .irp b, 0x8000, 0x4000, 0x7c00, 0x7d02, 0x8001
  COMPARE \op, \a, \b
  .endr
  .endr
  .endr

  CASE fcmp_zero
  LDH 1, 0x8000
  LDH 2, 0x7d00
  LDH 3, 0x7e00
  LDH 4, 0x0001
  msr fpsr, xzr
  fcmp h1, #0.0
  FLAGS
  fcmp h4, #0.0
  FLAGS
  fcmp h3, #0.0
  FLAGS
  FPSR
  msr fpsr, xzr
  fcmp h2, #0.0
  FLAGS
  FPSR
  msr fpsr, xzr
  fcmpe h3, #0.0
  FLAGS
  FPSR

  /* FCCMP compares only when the condition holds; otherwise the flags
     come from the immediate and nothing is raised. */
  CASE fccmp
  LDH 1, 0x3c00
  LDH 2, 0x4000
  LDH 3, 0x7e00
  LDH 4, 0x7d00
  msr fpsr, xzr
  cmp x1, x1
  fccmp h1, h2, #0xf, eq
  FLAGS
  cmp x1, x1
  fccmp h1, h2, #0x5, ne
  FLAGS
  cmp x1, x1
  fccmp h3, h4, #0x0, ne
  FLAGS
  FPSR
  cmp x1, x1
  fccmp h3, h1, #0x0, eq
  FLAGS
  FPSR
  cmp x1, x1
  fccmpe h3, h1, #0x0, eq
  FLAGS
  FPSR
  msr fpsr, xzr
  cmp x1, x1
  fccmpe h2, h1, #0x4, eq
  FLAGS
  fccmpe h3, h4, #0x2, lt
  FLAGS
  FPSR

  CASE fcsel
  LDH 1, 0x3c00
  LDH 2, 0xc000
  movi v0.2d, #-1
  cmp x1, x1
  fcsel h0, h1, h2, eq
  SHOWV 0
  movi v0.2d, #-1
  fcsel h0, h1, h2, ne
  SHOWV 0

  /* Rounding to integral: ties, halves, the largest non-integers, big
     values that are already integers, zeros, subnormals and NaNs. */
  MODE frint, RN
  .irp op, frintn, frintp, frintm, frintz, frinta, frintx, frinti
  .irp a, 0x3800, 0x3e00, 0x4100, 0xb800, 0xbe00, 0x63ff, 0xe3ff, 0x6400, 0x7bff, 0x8000, 0x0001, 0x83ff, 0x3bff, 0x7c00, 0x7d01, 0xfe02
  RINT \op, \a
  .endr
  .endr
  .irp mode, RP, RM, RZ
  MODE frint_\mode, \mode
  RINT frinti, 0x3e00
  RINT frinti, 0xbe00
  RINT frintx, 0x4100
  RINT frintx, 0xc100
  .endr
  MODE frint_fz16, FZ16
  RINT frintp, 0x0001
  RINT frintx, 0x83ff
  MODE frint_dn, DN
  RINT frintn, 0x7d01

  /* To integers: every rounding, signed and unsigned, both widths. */
  MODE toint, RN
  .irp op, fcvtns, fcvtnu, fcvtps, fcvtpu, fcvtms, fcvtmu, fcvtzs, fcvtzu, fcvtas, fcvtau
  .irp a, 0x4100, 0xc100, 0x3800, 0xb800, 0x7bff, 0xfbff, 0x7c00, 0xfc00, 0x7e01, 0x7d01, 0x0001, 0x8000
  TOINT \op, \a
  .endr
  .endr
  MODE toint_fz16, FZ16
  TOINT fcvtps, 0x0001
  TOINT fcvtms, 0x8001

  /* Fixed-point: fbits from 1 to 64 for X, to 32 for W. */
  MODE fixed, RN
  LDH 1, 0x3e00   /* 1.5 */
  LDH 2, 0xd640   /* -100 */
  LDH 3, 0x7bff   /* 65504 */
  LDH 4, 0x0001   /* 2^-24 */
  msr fpsr, xzr
  fcvtzs w0, h1, #1
  fcvtzs x1, h1, #64
  fcvtzs w2, h1, #32
  fcvtzu x3, h2, #3
  fcvtzs x4, h2, #3
  fcvtzs w5, h3, #16
  fcvtzu w6, h3, #16
  fcvtzs x7, h4, #30
  fcvtzu x8, h4, #64
  SHOW x0
  SHOW x1
  SHOW x2
  SHOW x3
  SHOW x4
  SHOW x5
  SHOW x6
  SHOW x7
  SHOW x8
  FPSR

  /* From integers: exact, rounded, the 65504 boundary and beyond. */
  .irp mode, RN, RP, RM, RZ
  MODE tofp_\mode, \mode
  .irp v, 0, 1, -1, 2049, 65504, 65519, 65520, 0x7fffffff, 0xffffffff, 0x8000000000000000, -65519
  TOFP scvtf, \v
  TOFP ucvtf, \v
  .endr
  .endr

  MODE tofp_fixed, RN
  ldr x1, =0x8000000000000000
  mov w2, #3
  msr fpsr, xzr
  scvtf h0, x1, #64     /* -0.5 */
  SHOWV 0
  ucvtf h0, x1, #64     /* 0.5 */
  SHOWV 0
  scvtf h0, w2, #32     /* 3 * 2^-32: underflows */
  SHOWV 0
  ucvtf h0, x2, #24     /* 3 * 2^-24: subnormal, exact */
  SHOWV 0
  scvtf h0, x2, #26     /* 3 * 2^-26: tiny and inexact */
  SHOWV 0
  FPSR
  MODE tofp_fixed_fz16, FZ16
  msr fpsr, xzr
  ucvtf h0, x2, #24
  SHOWV 0
  FPSR

  /* AHP and DN do not change these conversions' half operands. */
  MODE ahp, AHP|DN
  TOINT fcvtzs, 0x7c00
  TOFP scvtf, 65520
  CASE ahp_fmov
  fmov h0, #1.0
  SHOWV 0
  DONE
