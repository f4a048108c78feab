/* FMOV (register, general <-> FP, top half of V, immediate), FABS and FNEG:
   bit moves that raise no exception and leave NaNs unquietened, even with
   FZ and DN set; scalar writes clear the rest of the V register, the
   D[1] form keeps the low half. */
.include "harness.inc"

  CASE setup
  ldr x9, =0x0123456789abcdef
  ldr x10, =0xfedcba9876543210
  fmov d1, x9
  fmov v1.d[1], x10
  fmov d2, x10
  fmov v2.d[1], x9
  SHOWV 1
  SHOWV 2

  CASE fmov_reg
  fmov s3, s1
  fmov d5, d1
  SHOWV 3
  SHOWV 5

  CASE fmov_general
  ldr x0, =0xaaaaaaaaaaaaaaaa
  ldr x1, =0xbbbbbbbbbbbbbbbb
  ldr x2, =0xcccccccccccccccc
  ldr x3, =0xdddddddddddddddd
  fmov w0, s1
  fmov x1, d1
  fmov x2, v1.d[1]
  fmov x3, v2.d[1]
  SHOW x0
  SHOW x1
  SHOW x2
  SHOW x3

  CASE fmov_to_fp
  ldr x9, =0x1122334455667788
  fmov s6, w9
  fmov d7, x9
  fmov d8, d1
  fmov v8.d[1], x9 /* writes the top half only */
  fmov s9, wzr
  fmov v10.d[1], xzr
  SHOWV 6
  SHOWV 7
  SHOWV 8
  SHOWV 9
  SHOWV 10

  /* FMOV, FABS and FNEG of signalling NaNs and denormals under FZ and DN:
     no quieting, no flushing, no flags. */
  CASE bits_only
  ldr x9, =0x3000000
  msr fpcr, x9
  msr fpsr, xzr
  ldr x9, =0xff800001
  fmov s11, w9
  fabs s12, s11
  fneg s13, s11
  fmov s14, s11
  ldr x9, =0x0000000000000001
  fmov d15, x9
  fneg d16, d15
  fabs d17, d16
  ldr x9, =0x7ff0000000000001
  fmov d18, x9
  fneg d19, d18
  fmov d20, d19
  SHOWV 12
  SHOWV 13
  SHOWV 14
  SHOWV 16
  SHOWV 17
  SHOWV 19
  SHOWV 20
  FPSR
  msr fpcr, xzr

  /* FMOV #imm: VFPExpandImm of all sign, exponent and fraction corners. */
  .irp imm, 1.0, -1.0, 2.0, 0.125, 31.0, -0.1328125, 1.9375, 0.5, -15.5, 16.0, 0.25, 3.0
  CASE fmov_imm_\imm
  fmov v21.d[1], x9
  fmov s21, #\imm
  fmov v22.d[1], x9
  fmov d22, #\imm
  SHOWV 21
  SHOWV 22
  .endr
  DONE
