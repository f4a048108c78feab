/* AdvSIMD floating point, single and double lanes, with FPSR flags:
   arithmetic (FADD FSUB FMUL FDIV FMULX FABD FMAX FMIN FMAXNM FMINNM),
   FMLA/FMLS (vector and by element), compares (register, zero, FACGE),
   pairwise and across lanes, FABS FNEG FSQRT, FRECPE FRSQRTE FRECPS
   FRSQRTS FRECPX, FRINT* under two FPCR rounding modes, conversions to and
   from integers (vector, scalar, fixed-point, saturating), FCVTN FCVTL
   FCVTXN; NaN propagation and FPCR.DN. */
.include "harness.inc"

.macro LOADQ n, label
  adr x9, \label
  ldr q\n, [x9]
.endm

  LOADQ 0, s_a
  LOADQ 1, s_b
  LOADQ 2, d_a
  LOADQ 3, d_b
  LOADQ 4, s_nan
  LOADQ 5, d_nan
  msr fpcr, xzr

  CASE arith
  msr fpsr, xzr
  fadd v10.4s, v0.4s, v1.4s
  fsub v11.2d, v2.2d, v3.2d
  fmul v12.2s, v0.2s, v1.2s
  fdiv v13.4s, v0.4s, v1.4s
  fdiv v14.2d, v2.2d, v3.2d
  fmulx v15.4s, v0.4s, v1.4s
  fabd v16.2d, v2.2d, v3.2d
  fmulx d17, d2, d3
  fabd s18, s0, s1
  SHOWV 10
  SHOWV 11
  SHOWV 12
  SHOWV 13
  SHOWV 14
  SHOWV 15
  SHOWV 16
  SHOWV 17
  SHOWV 18
  FPSR

  CASE nan_propagation
  msr fpsr, xzr
  fadd v10.4s, v4.4s, v0.4s
  fadd v11.4s, v0.4s, v4.4s
  fmax v12.2d, v5.2d, v2.2d
  fmaxnm v13.4s, v4.4s, v1.4s
  fminnm v14.2d, v5.2d, v3.2d
  fmin v15.4s, v0.4s, v1.4s
  SHOWV 10
  SHOWV 11
  SHOWV 12
  SHOWV 13
  SHOWV 14
  SHOWV 15
  FPSR
  mov x1, #0x2000000          /* FPCR.DN */
  msr fpcr, x1
  msr fpsr, xzr
  fadd v16.4s, v4.4s, v0.4s
  fmul v17.2d, v5.2d, v2.2d
  msr fpcr, xzr
  SHOWV 16
  SHOWV 17
  FPSR

  CASE fmla
  mov v10.16b, v1.16b
  fmla v10.4s, v0.4s, v1.4s
  mov v11.16b, v3.16b
  fmls v11.2d, v2.2d, v3.2d
  mov v12.16b, v1.16b
  fmla v12.2s, v0.2s, v1.s[3]
  mov v13.16b, v3.16b
  fmls v13.2d, v2.2d, v3.d[1]
  mov v14.16b, v0.16b
  fmla s14, s0, v1.s[1]
  fmul v15.4s, v0.4s, v1.s[2]
  fmulx d16, d2, v3.d[0]
  SHOWV 10
  SHOWV 11
  SHOWV 12
  SHOWV 13
  SHOWV 14
  SHOWV 15
  SHOWV 16

  CASE compare
  msr fpsr, xzr
  fcmeq v10.4s, v0.4s, v1.4s
  fcmge v11.2d, v2.2d, v3.2d
  fcmgt v12.4s, v0.4s, v4.4s
  facge v13.4s, v0.4s, v1.4s
  facgt d14, d2, d3
  SHOWV 10
  SHOWV 11
  SHOWV 12
  SHOWV 13
  SHOWV 14
  FPSR
  msr fpsr, xzr
  fcmeq v15.4s, v4.4s, #0.0
  FPSR
  msr fpsr, xzr
  fcmge v16.2d, v2.2d, #0.0
  fcmgt v17.4s, v0.4s, #0.0
  fcmle v18.2d, v3.2d, #0.0
  fcmlt s19, s1, #0.0
  SHOWV 15
  SHOWV 16
  SHOWV 17
  SHOWV 18
  SHOWV 19
  FPSR

  CASE pairwise
  msr fpsr, xzr
  faddp v10.4s, v0.4s, v1.4s
  fmaxp v11.2d, v2.2d, v3.2d
  fminnmp v12.2s, v0.2s, v1.2s
  faddp s13, v0.2s
  fmaxnmp d14, v5.2d
  fminp s15, v1.2s
  fmaxv s16, v0.4s
  fminnmv s17, v4.4s
  fmaxnmv s18, v1.4s
  fminv s19, v1.4s
  SHOWV 10
  SHOWV 11
  SHOWV 12
  SHOWV 13
  SHOWV 14
  SHOWV 15
  SHOWV 16
  SHOWV 17
  SHOWV 18
  SHOWV 19
  FPSR

  CASE unary
  msr fpsr, xzr
  fabs v10.4s, v0.4s
  fneg v11.2d, v5.2d
  fsqrt v12.4s, v0.4s
  fsqrt v13.2d, v2.2d
  frecpe v14.4s, v0.4s
  frsqrte v15.2d, v2.2d
  frecps v16.4s, v0.4s, v1.4s
  frsqrts d17, d2, d3
  frecpx s18, s0
  frecpx d19, d3
  SHOWV 10
  SHOWV 11
  SHOWV 12
  SHOWV 13
  SHOWV 14
  SHOWV 15
  SHOWV 16
  SHOWV 17
  SHOWV 18
  SHOWV 19
  FPSR

  CASE frint
  LOADQ 6, halves
  msr fpsr, xzr
  frintn v10.4s, v6.4s
  frinta v11.4s, v6.4s
  frintp v12.4s, v6.4s
  frintm v13.4s, v6.4s
  frintz v14.4s, v6.4s
  frinti v15.4s, v6.4s
  frintx v16.2d, v2.2d
  SHOWV 10
  SHOWV 11
  SHOWV 12
  SHOWV 13
  SHOWV 14
  SHOWV 15
  SHOWV 16
  FPSR
  mov x1, #0x800000            /* FPCR.RMode = RM */
  msr fpcr, x1
  frinti v17.4s, v6.4s
  frintx v18.4s, v6.4s
  msr fpcr, xzr
  SHOWV 17
  SHOWV 18

  CASE to_int
  LOADQ 6, halves
  msr fpsr, xzr
  fcvtns v10.4s, v6.4s
  fcvtas v11.4s, v6.4s
  fcvtps v12.4s, v6.4s
  fcvtms v13.4s, v6.4s
  fcvtzu v14.4s, v6.4s
  fcvtzs v15.2d, v2.2d
  fcvtzu d16, d3
  fcvtzs v17.4s, v0.4s, #8
  fcvtzu v18.2d, v2.2d, #60
  fcvtau s19, s6
  SHOWV 10
  SHOWV 11
  SHOWV 12
  SHOWV 13
  SHOWV 14
  SHOWV 15
  SHOWV 16
  SHOWV 17
  SHOWV 18
  SHOWV 19
  FPSR

  CASE from_int
  LOADQ 7, ints
  msr fpsr, xzr
  scvtf v10.4s, v7.4s
  ucvtf v11.4s, v7.4s
  scvtf v12.2d, v7.2d
  ucvtf d13, d7
  scvtf v14.4s, v7.4s, #16
  ucvtf v15.2d, v7.2d, #64
  scvtf s16, s7, #1
  SHOWV 10
  SHOWV 11
  SHOWV 12
  SHOWV 13
  SHOWV 14
  SHOWV 15
  SHOWV 16
  FPSR

  CASE precision
  msr fpsr, xzr
  fcvtn v10.2s, v2.2d
  mov v11.16b, v0.16b
  fcvtn2 v11.4s, v3.2d
  fcvtn v12.4h, v0.4s
  mov v13.16b, v1.16b
  fcvtn2 v13.8h, v1.4s
  fcvtl v14.2d, v0.2s
  fcvtl2 v15.2d, v1.4s
  fcvtl v16.4s, v13.4h
  fcvtl2 v17.4s, v13.8h
  fcvtxn v18.2s, v2.2d
  fcvtxn s19, d3
  SHOWV 10
  SHOWV 11
  SHOWV 12
  SHOWV 13
  SHOWV 14
  SHOWV 15
  SHOWV 16
  SHOWV 17
  SHOWV 18
  SHOWV 19
  FPSR
  DONE

  .section .rodata
  .balign 16
s_a:    .float 1.5, -0.0, 3.0e38, 1.0e-39
s_b:    .float -2.25, 0.0, 2.0, 3.0
d_a:    .double 1.0e308, -0.1
d_b:    .double 10.0, 3.0
s_nan:  .word 0x7fa00001, 0x7fc00002, 0xffc00003, 0x3f800000
d_nan:  .quad 0x7ff0000000000005, 0x3ff0000000000000
halves: .float 2.5, -2.5, 0.5, -1.75
ints:   .quad 0x80000000fffffff1, 0x7fffffff00000003
