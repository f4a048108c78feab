/* AdvSIMD half-precision arithmetic (FEAT_FP16), 8H and 4H vectors and the
   AdvSIMD scalar forms, with FPSR flags: FADD FSUB FMUL FDIV FMULX FABD
   FMAX FMIN FMAXNM FMINNM FRECPS FRSQRTS, FMLA FMLS (vector and by
   element, index up to 7 and Vm up to V15), FMUL FMULX by element,
   FCMEQ FCMGE FCMGT FACGE FACGT (register), FCMEQ FCMGE FCMGT FCMLE FCMLT
   (zero), pairwise FADDP FMAXP FMINP FMAXNMP FMINNMP (vector and scalar),
   FMAXV FMINV FMAXNMV FMINNMV (the pseudocode's Reduce() order decides
   which NaN wins), under FZ16, DN and a directed rounding mode. A 4H result
   clears the top half of its register; a scalar one everything above it. */
.include "harness.inc"
.arch armv8.2-a+fp16

.set RP, 0x400000
.set FZ16, 0x80000
.set DN, 0x2000000
.set AHP, 0x4000000

.macro LOADQ n, label
  adr x9, \label
  ldr q\n, [x9]
.endm

/* Runs one instruction into v16 (preset to all ones) and shows it. */
.macro OP1 text:vararg
  movi v16.2d, #-1
  \text
  SHOWV 16
.endm

.macro ALL_INPUTS
  LOADQ 0, h_a
  LOADQ 1, h_b
  LOADQ 2, h_c
  LOADQ 3, h_d
  LOADQ 4, h_nans
  LOADQ 5, h_e
  LOADQ 15, h_m
.endm

  ALL_INPUTS
  msr fpcr, xzr

  .irp op, fadd, fsub, fmul, fdiv, fmulx, fabd, fmax, fmin, fmaxnm, fminnm, frecps, frsqrts
  CASE \op
  msr fpsr, xzr
  OP1 \op v16.8h, v0.8h, v1.8h
  OP1 \op v16.8h, v1.8h, v0.8h
  OP1 \op v16.4h, v2.4h, v3.4h
  OP1 \op v16.8h, v4.8h, v2.8h
  FPSR
  .endr

  .irp op, fmulx, fabd, frecps, frsqrts
  CASE \op\()_scalar
  msr fpsr, xzr
  OP1 \op h16, h0, h1
  OP1 \op h16, h2, h3
  FPSR
  .endr
  CASE fmulx_inf_zero
  msr fpsr, xzr
  OP1 fmulx v16.8h, v0.8h, v5.8h
  FPSR

  /* FMLA, FMLS: the accumulator is read from Vd. */
  .irp op, fmla, fmls
  CASE \op
  msr fpsr, xzr
  mov v16.16b, v3.16b
  \op v16.8h, v2.8h, v1.8h
  SHOWV 16
  mov v16.16b, v1.16b
  \op v16.4h, v0.4h, v2.4h
  SHOWV 16
  mov v16.16b, v4.16b
  \op v16.8h, v2.8h, v4.8h
  SHOWV 16
  FPSR
  .endr

  /* By element: index H:L:M, Vm from V0-V15. */
  .irp op, fmla, fmls, fmul, fmulx
  CASE \op\()_elem
  msr fpsr, xzr
  mov v16.16b, v3.16b
  \op v16.8h, v2.8h, v15.h[7]
  SHOWV 16
  mov v16.16b, v3.16b
  \op v16.4h, v2.4h, v15.h[2]
  SHOWV 16
  mov v16.16b, v1.16b
  \op v16.8h, v0.8h, v15.h[5]
  SHOWV 16
  mov v16.16b, v3.16b
  \op h16, h2, v15.h[6]
  SHOWV 16
  mov v16.16b, v3.16b
  \op h16, h5, v0.h[5]
  SHOWV 16
  FPSR
  .endr

  /* Compares give all ones or zeros; FCMEQ is quiet on quiet NaNs. */
  .irp op, fcmeq, fcmge, fcmgt, facge, facgt
  CASE \op
  msr fpsr, xzr
  OP1 \op v16.8h, v0.8h, v1.8h
  OP1 \op v16.4h, v2.4h, v3.4h
  OP1 \op h16, h0, h1
  OP1 \op h16, h5, h5
  FPSR
  msr fpsr, xzr
  OP1 \op v16.8h, v5.8h, v5.8h
  FPSR
  .endr
  CASE fcmeq_qnan_quiet
  msr fpsr, xzr
  OP1 fcmeq h16, h4, h4
  FPSR

  .irp op, fcmeq, fcmge, fcmgt, fcmle, fcmlt
  CASE \op\()_zero
  msr fpsr, xzr
  OP1 \op v16.8h, v0.8h, #0.0
  OP1 \op v16.4h, v5.4h, #0.0
  OP1 \op v16.8h, v5.8h, #0.0
  OP1 \op h16, h2, #0.0
  FPSR
  msr fpsr, xzr
  OP1 \op v16.8h, v4.8h, #0.0
  FPSR
  .endr

  /* Pairwise: pairs of the concatenation Vm:Vn. */
  .irp op, faddp, fmaxp, fminp, fmaxnmp, fminnmp
  CASE \op
  msr fpsr, xzr
  OP1 \op v16.8h, v0.8h, v1.8h
  OP1 \op v16.4h, v2.4h, v3.4h
  OP1 \op v16.8h, v4.8h, v5.8h
  OP1 \op h16, v2.2h
  OP1 \op h16, v4.2h
  FPSR
  .endr

  /* Across lanes: f(f(f(e0,e1),f(e2,e3)),f(f(e4,e5),f(e6,e7))). */
  .irp op, fmaxv, fminv, fmaxnmv, fminnmv
  CASE \op
  msr fpsr, xzr
  OP1 \op h16, v0.8h
  OP1 \op h16, v2.4h
  OP1 \op h16, v5.8h
  OP1 \op h16, v4.8h
  OP1 \op h16, v4.4h
  FPSR
  .endr
  CASE reduce_order
  LOADQ 6, h_order
  msr fpsr, xzr
  OP1 fmaxv h16, v6.8h
  OP1 fminnmv h16, v6.8h
  OP1 fmaxnmv h16, v6.4h
  FPSR

  /* Modes: FZ16 flushes half lanes without IDC, DN gives 0x7e00, a
     directed rounding mode rounds each lane, AHP changes nothing here. */
  .irp mode, FZ16, DN, RP, AHP
  CASE mode_\mode
  ldr x9, =\mode
  msr fpcr, x9
  msr fpsr, xzr
  OP1 fadd v16.8h, v0.8h, v1.8h
  OP1 fmul v16.8h, v5.8h, v2.8h
  OP1 fdiv v16.8h, v2.8h, v3.8h
  mov v16.16b, v3.16b
  fmla v16.8h, v2.8h, v5.8h
  SHOWV 16
  OP1 fmaxnmv h16, v5.8h
  OP1 faddp v16.8h, v4.8h, v5.8h
  OP1 fcmeq v16.8h, v5.8h, #0.0
  OP1 fabd h16, h5, h0
  FPSR
  .endr
  msr fpcr, xzr
  DONE

  .data
  .balign 16
/* 1.0, -2.5, 65504, 2^-24, -0, inf, qNaN, sNaN */
h_a: .hword 0x3c00, 0xc100, 0x7bff, 0x0001, 0x8000, 0x7c00, 0x7e01, 0x7d02
/* 3.0, 0.5, 65504, max subnormal, +0, -inf, 1.0, qNaN */
h_b: .hword 0x4200, 0x3800, 0x7bff, 0x03ff, 0x0000, 0xfc00, 0x3c00, 0x7e03
/* 1.5, 0.1, -7, 1000, 2^-14, 1/3, -0.75, 2048 */
h_c: .hword 0x3e00, 0x2e66, 0xc700, 0x63d0, 0x0400, 0x3555, 0xba00, 0x6800
/* 0.5, 3, 2, -2, 0.25, 10, -1, 0.001 */
h_d: .hword 0x3800, 0x4200, 0x4000, 0xc000, 0x3400, 0x4900, 0xbc00, 0x1419
/* NaNs between numbers, for the pairwise and Reduce() orders */
h_nans: .hword 0x3c00, 0x7e01, 0x4000, 0xfe02, 0x7d03, 0x4200, 0xfc00, 0x7e04
/* subnormals and zeros: 2^-24, -max subnormal, +0, -0, 0x0200, 0x8001, 2^-14, -2^-14 */
h_e: .hword 0x0001, 0x83ff, 0x0000, 0x8000, 0x0200, 0x8001, 0x0400, 0x8400
/* multipliers by element: 2, -0.5, 0.1, 1/3, inf, 0, 1.5, 65504 */
h_m: .hword 0x4000, 0xb800, 0x2e66, 0x3555, 0x7c00, 0x0000, 0x3e00, 0x7bff
/* a quiet NaN, then a signalling one: Reduce() meets them as
   f(f(qNaN, 1), f(sNaN, 4)), so the quiet NaN wins; a left-to-right fold
   would meet the signalling NaN last and return it */
h_order: .hword 0x7e11, 0x3c00, 0x7d22, 0x4400, 0x4500, 0x4200, 0x4100, 0x4600
