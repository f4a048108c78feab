/* Data processing, register (Arm ARM C4.1.87), conditional: CCMN and CCMP
   (register and immediate), CSEL, CSINC, CSINV, CSNEG and their aliases,
   32 and 64 bits, under every condition code including AL and NV. */
.include "harness.inc"

.include "dp_cases.inc"

/* COND_TABLE cond: for each NZCV value 15..0, CSINC x4, xzr, xzr, cond
   (0 if cond holds, else 1) shifted into x0, so x0 is the condition's
   truth table, inverted. */
.macro COND_TABLE cond
  CASE cond_\cond
  mov x0, #0
  .irp nzcv, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0
  mov x4, #(\nzcv << 28)
  msr nzcv, x4
  csinc x4, xzr, xzr, \cond
  orr x0, x4, x0, lsl #1
  .endr
  SHOW x0
.endm

  .irp cond, eq, ne, cs, cc, mi, pl, vs, vc, hi, ls, ge, lt, gt, le, al, nv
  COND_TABLE \cond
  .endr

/* Conditional select: Z preset, so EQ holds and NE fails. */
  TF csel_x_true, "csel x0, x1, x2, eq", 0x1111111111111111, 0x2222222222222222, 0x4
  TF csel_x_false, "csel x0, x1, x2, ne", 0x1111111111111111, 0x2222222222222222, 0x4
  TF csel_w_true, "csel w0, w1, w2, eq", 0x1111111111111111, 0x2222222222222222, 0x4
  TF csel_w_false, "csel w0, w1, w2, ne", 0x1111111111111111, 0x2222222222222222, 0x4
  TF csel_x_zr, "csel x0, xzr, x2, eq", 0x1111111111111111, 0x2222222222222222, 0x4
  TF csinc_x_true, "csinc x0, x1, x2, eq", 0x1111111111111111, 0xffffffffffffffff, 0x4
  TF csinc_x_false, "csinc x0, x1, x2, ne", 0x1111111111111111, 0xffffffffffffffff, 0x4
  TF csinc_w_false, "csinc w0, w1, w2, ne", 0x1111111111111111, 0x00000000ffffffff, 0x4
  TF csinc_w_true, "csinc w0, w1, w2, eq", 0x1111111111111111, 0x00000000ffffffff, 0x4
  TF csinv_x_true, "csinv x0, x1, x2, eq", 0x1111111111111111, 0x0000000000000000, 0x4
  TF csinv_x_false, "csinv x0, x1, x2, ne", 0x1111111111111111, 0x0000000000000000, 0x4
  TF csinv_w_false, "csinv w0, w1, w2, ne", 0x1111111111111111, 0x0000000000000000, 0x4
  TF csinv_w_true, "csinv w0, w1, w2, eq", 0x1111111111111111, 0x0000000000000000, 0x4
  TF csneg_x_true, "csneg x0, x1, x2, eq", 0x1111111111111111, 0x0000000000000001, 0x4
  TF csneg_x_false, "csneg x0, x1, x2, ne", 0x1111111111111111, 0x0000000000000001, 0x4
  TF csneg_x_min, "csneg x0, x1, x2, ne", 0x1111111111111111, 0x8000000000000000, 0x4
  TF csneg_w_false, "csneg w0, w1, w2, ne", 0x1111111111111111, 0x0000000000000001, 0x4
  TF csneg_w_true, "csneg w0, w1, w2, eq", 0x1111111111111111, 0x0000000000000001, 0x4
  TF cset_x, "cset x0, eq", 0, 0, 0x4
  TF cset_w, "cset w0, ne", 0, 0, 0x4
  TF csetm_x, "csetm x0, eq", 0, 0, 0x4
  TF csetm_w, "csetm w0, eq", 0, 0, 0x4
  TF cinc_x, "cinc x0, x1, eq", 0xffffffffffffffff, 0, 0x4
  TF cinc_w, "cinc w0, w1, eq", 0xffffffffffffffff, 0, 0x4
  TF cinv_x, "cinv x0, x1, eq", 0x00000000000000ff, 0, 0x4
  TF cinv_w, "cinv w0, w1, ne", 0x00000000000000ff, 0, 0x4
  TF cneg_x, "cneg x0, x1, eq", 0x0000000000000005, 0, 0x4
  TF cneg_w, "cneg w0, w1, eq", 0x0000000000000005, 0, 0x4
  TF csel_al, "csel x0, x1, x2, al", 0x1111111111111111, 0x2222222222222222, 0x0
  TF csel_nv, "csel x0, x1, x2, nv", 0x1111111111111111, 0x2222222222222222, 0x0

/* Conditional compare: the comparison's flags when the condition holds
   (Z preset, EQ), the immediate nzcv when it fails (NE). */
  TF ccmp_x_true_eq, "ccmp x1, x2, #0, eq", 5, 5, 0x4
  TF ccmp_x_true_lt, "ccmp x1, x2, #0, eq", 0x8000000000000000, 1, 0x4
  TF ccmp_x_false, "ccmp x1, x2, #0xa, ne", 5, 5, 0x4
  TF ccmp_w_true, "ccmp w1, w2, #0xf, eq", 0xffffffff00000001, 0x0000000000000002, 0x4
  TF ccmp_w_false, "ccmp w1, w2, #0x3, ne", 1, 2, 0x4
  TF ccmp_w_overflow, "ccmp w1, w2, #0, eq", 0x0000000080000000, 0x0000000000000001, 0x4
  TF ccmp_x_imm_true, "ccmp x1, #31, #0, eq", 31, 0, 0x4
  TF ccmp_x_imm_true2, "ccmp x1, #1, #0, eq", 0, 0, 0x4
  TF ccmp_x_imm_false, "ccmp x1, #31, #0x9, ne", 31, 0, 0x4
  TF ccmp_w_imm_true, "ccmp w1, #0, #0xf, eq", 0x0000000100000000, 0, 0x4
  TF ccmp_w_imm_false, "ccmp w1, #0, #0x5, ne", 0, 0, 0x4
  TF ccmn_x_true, "ccmn x1, x2, #0, eq", 0xffffffffffffffff, 1, 0x4
  TF ccmn_x_overflow, "ccmn x1, x2, #0, eq", 0x7fffffffffffffff, 1, 0x4
  TF ccmn_x_false, "ccmn x1, x2, #0xc, ne", 0xffffffffffffffff, 1, 0x4
  TF ccmn_w_true, "ccmn w1, w2, #0, eq", 0x00000000ffffffff, 0x0000000000000002, 0x4
  TF ccmn_w_false, "ccmn w1, w2, #0x1, ne", 0, 0, 0x4
  TF ccmn_x_imm_true, "ccmn x1, #1, #0, eq", 0xffffffffffffffff, 0, 0x4
  TF ccmn_x_imm_false, "ccmn x1, #1, #0x1, ne", 0xffffffffffffffff, 0, 0x4
  TF ccmn_w_imm_true, "ccmn w1, #31, #0, eq", 0x7fffffff, 0, 0x4
  TF ccmn_w_imm_false, "ccmn w1, #31, #0x8, ne", 0x7fffffff, 0, 0x4
  TF ccmp_al, "ccmp x1, x2, #0xf, al", 1, 1, 0x0
  TF ccmp_nv, "ccmp x1, x2, #0xf, nv", 1, 2, 0x0
  TF ccmp_zr, "ccmp xzr, x2, #0, eq", 0, 0, 0x4
  DONE
