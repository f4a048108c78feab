/* AdvSIMD half-precision one-operand forms and conversions (FEAT_FP16),
   8H, 4H and AdvSIMD scalar, with FPSR flags: FABS FNEG FSQRT, FRECPE
   FRSQRTE FRECPX (the estimate tables with half's exponent range: overflow
   and FZ16 flushing at its ends), FRINTN/P/M/Z/A/X/I, FCVT{N,P,M,Z,A}{S,U}
   into 16-bit integers (saturating), SCVTF/UCVTF of 16-bit integers,
   the fixed-point forms of shift by immediate (fbits 1 to 16), and FMOV
   (vector, immediate) of half precision. */
.include "harness.inc"
.arch armv8.2-a+fp16

.set RN, 0x000000
.set RP, 0x400000
.set RM, 0x800000
.set RZ, 0xc00000
.set FZ16, 0x80000
.set DN, 0x2000000

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

  LOADQ 0, h_a
  LOADQ 1, h_b
  LOADQ 2, h_c
  LOADQ 3, h_sub
  LOADQ 4, h_big
  LOADQ 5, i_a
  LOADQ 6, h_cvt
  msr fpcr, xzr

  CASE fabs_fneg
  msr fpsr, xzr
  OP1 fabs v16.8h, v0.8h
  OP1 fneg v16.8h, v0.8h
  OP1 fabs v16.4h, v1.4h
  OP1 fneg v16.4h, v1.4h
  FPSR

  .irp op, fsqrt, frecpe, frsqrte
  CASE \op
  msr fpsr, xzr
  OP1 \op v16.8h, v0.8h
  OP1 \op v16.8h, v1.8h
  OP1 \op v16.4h, v2.4h
  OP1 \op v16.8h, v3.8h
  OP1 \op v16.8h, v4.8h
  FPSR
  .endr
  .irp op, frecpe, frsqrte, frecpx
  CASE \op\()_scalar
  msr fpsr, xzr
  OP1 \op h16, h0
  OP1 \op h16, h2
  OP1 \op h16, h3
  OP1 \op h16, h4
  FPSR
  .endr
  CASE frecpx
  msr fpsr, xzr
  .irp n, 0, 1, 2, 3, 4
  .irp lane, 0, 1, 2, 3, 4, 5, 6, 7
  mov h17, v\n\().h[\lane]
  OP1 frecpx h16, h17
  .endr
  .endr
  FPSR

  /* FRECPE and FRSQRTE at the ends of the range, each rounding mode and
     FZ16: 1/x overflows for |x| < 2^-16, flushes for |x| >= 2^14. */
  .irp mode, RN, RP, RM, RZ, FZ16, DN
  CASE estimates_\mode
  ldr x9, =\mode
  msr fpcr, x9
  msr fpsr, xzr
  OP1 frecpe v16.8h, v3.8h
  OP1 frecpe v16.8h, v4.8h
  OP1 frsqrte v16.8h, v3.8h
  OP1 frecps v16.8h, v3.8h, v4.8h
  OP1 frsqrts v16.8h, v4.8h, v3.8h
  FPSR
  .endr

  /* FRINT*: FRINTX signals Inexact; FRINTI and FRINTX use FPCR.RMode. */
  .irp mode, RN, RP, RM, RZ
  CASE frint_\mode
  ldr x9, =\mode
  msr fpcr, x9
  msr fpsr, xzr
  .irp op, frintn, frintp, frintm, frintz, frinta, frinti
  OP1 \op v16.8h, v2.8h
  OP1 \op v16.4h, v6.4h
  .endr
  FPSR
  msr fpsr, xzr
  OP1 frintx v16.8h, v6.8h
  FPSR
  msr fpsr, xzr
  OP1 frintx v16.8h, v0.8h
  FPSR
  .endr
  msr fpcr, xzr

  /* To 16-bit integers: saturation at 32767, -32768 and 65535, NaN to 0;
     then the same lanes with fraction bits. */
  .irp op, fcvtns, fcvtnu, fcvtps, fcvtpu, fcvtms, fcvtmu, fcvtzs, fcvtzu, fcvtas, fcvtau
  CASE \op
  msr fpsr, xzr
  OP1 \op v16.8h, v6.8h
  OP1 \op v16.4h, v0.4h
  OP1 \op h16, h6
  FPSR
  msr fpsr, xzr
  OP1 \op v16.8h, v2.8h
  FPSR
  .endr

  CASE fcvtz_fixed
  msr fpsr, xzr
  OP1 fcvtzs v16.8h, v2.8h, #1
  OP1 fcvtzs v16.8h, v2.8h, #8
  OP1 fcvtzs v16.4h, v2.4h, #16
  OP1 fcvtzu v16.8h, v2.8h, #4
  OP1 fcvtzu v16.8h, v3.8h, #16
  OP1 fcvtzu h16, h2, #3
  OP1 fcvtzs h16, h6, #2
  OP1 fcvtzs h16, h3, #16
  FPSR

  /* From 16-bit integers: signed and unsigned views of the same lanes;
     65520 and up overflow half precision. */
  .irp mode, RN, RP, RM, RZ
  CASE tofp_\mode
  ldr x9, =\mode
  msr fpcr, x9
  msr fpsr, xzr
  OP1 scvtf v16.8h, v5.8h
  OP1 ucvtf v16.8h, v5.8h
  OP1 scvtf v16.4h, v5.4h
  OP1 ucvtf h16, h5
  OP1 scvtf h16, h5
  OP1 scvtf v16.8h, v5.8h, #1
  OP1 ucvtf v16.8h, v5.8h, #16
  OP1 scvtf v16.4h, v5.4h, #12
  OP1 ucvtf h16, h5, #5
  OP1 scvtf h16, h5, #16
  FPSR
  .endr
  CASE tofp_fz16
  ldr x9, =FZ16
  msr fpcr, x9
  msr fpsr, xzr
  OP1 ucvtf v16.8h, v5.8h, #16
  OP1 scvtf v16.8h, v5.8h, #16
  FPSR
  msr fpcr, xzr

  /* The scalar fixed-point FCVTZS of a negative half. qemu 7.2 writes the
     16-bit result sign-extended to 32 bits, where the Arm ARM's
     V[d] = result zero-extends it (as the integer form above does), so
     only the low 16 bits are shown here. */
  CASE fcvtzs_fixed_negative
  msr fpsr, xzr
  mov h17, v0.h[1]      /* -2.5 */
  fcvtzs h16, h17, #2
  umov w0, v16.h[0]
  SHOW x0
  mov h17, v2.h[6]      /* -7.75: saturates */
  fcvtzs h16, h17, #13
  umov w0, v16.h[0]
  SHOW x0
  FPSR

  CASE fmov_imm
  OP1 fmov v16.8h, #1.0
  OP1 fmov v16.4h, #-31.0
  OP1 fmov v16.8h, #0.125
  OP1 fmov v16.4h, #-1.9375
  OP1 fmov v16.8h, #0.1328125
  DONE

  .data
  .balign 16
/* 1.0, -2.5, 65504, 2^-24, -0, inf, qNaN, sNaN */
h_a: .hword 0x3c00, 0xc100, 0x7bff, 0x0001, 0x8000, 0x7c00, 0x7e01, 0x7d02
/* 4.0, 0.5, -4.0, 0.1, +0, -inf, -qNaN, -sNaN */
h_b: .hword 0x4400, 0x3800, 0xc400, 0x2e66, 0x0000, 0xfc00, 0xfe03, 0xfc04
/* 1.5, 2.5, -0.5, -1.5, 1023.5, 0.1, -7.75, 100.25 */
h_c: .hword 0x3e00, 0x4100, 0xb800, 0xbe00, 0x63ff, 0x2e66, 0xc7c0, 0x5644
/* subnormals and tiny normals: 2^-24, 0x00ff, 0x0100, 0x0200, max subnormal, 2^-14, -2^-24, -0x0180 */
h_sub: .hword 0x0001, 0x00ff, 0x0100, 0x0200, 0x03ff, 0x0400, 0x8001, 0x8180
/* big and small: 2^14, 16376, 65504, -32768, 8192, 16400, 2^-15, 2^-16 */
h_big: .hword 0x7400, 0x73ff, 0x7bff, 0xf800, 0x7000, 0x7401, 0x0200, 0x0100
/* 16-bit integers: -3, 1, -1, 32767, -32768, 2049, 12345, 0 */
i_a: .hword 0xfffd, 1, 0xffff, 0x7fff, 0x8000, 2049, 12345, 0
/* for conversions: 32752, 32768, 65504, -32768, -40000, 0.5, -0.5, inf */
h_cvt: .hword 0x77ff, 0x7800, 0x7bff, 0xf800, 0xf8e2, 0x3800, 0xb800, 0x7c00
