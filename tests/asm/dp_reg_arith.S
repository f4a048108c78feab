/* Data processing, register (Arm ARM C4.1.87), arithmetic: add/subtract
   (shifted register), add/subtract (extended register) with every extend
   and SP operands, and add/subtract with carry; 32 and 64 bits, flags
   after every flag-setting form. */
.include "harness.inc"

.include "dp_cases.inc"

/* Add/subtract (shifted register). */
  T add_x, "add x0, x1, x2", 0x7fffffffffffffff, 0x0000000000000001
  T add_x_lsl, "add x0, x1, x2, lsl #12", 0x0000000000000fff, 0x0000000000000001
  T add_x_lsl_63, "add x0, x1, x2, lsl #63", 0x0000000000000000, 0x0000000000000003
  T add_x_lsr_63, "add x0, x1, x2, lsr #63", 0x0000000000000001, 0x8000000000000000
  T add_x_asr_1, "add x0, x1, x2, asr #1", 0x0000000000000000, 0x8000000000000000
  T add_w, "add w0, w1, w2", 0x00000000ffffffff, 0x0000000000000002
  T add_w_lsl_31, "add w0, w1, w2, lsl #31", 0x0000000000000001, 0x0000000000000001
  T add_w_asr_31, "add w0, w1, w2, asr #31", 0x0000000000000000, 0x0000000080000000
  T add_w_lsr, "add w0, w1, w2, lsr #4", 0xffffffff00000000, 0xffffffff80000000
  T add_zr, "add x0, xzr, x1", 0x0123456789abcdef
  T sub_x, "sub x0, x1, x2", 0x0000000000000000, 0x0000000000000001
  T sub_x_lsl, "sub x0, x1, x2, lsl #32", 0x0000000100000000, 0x0000000000000001
  T sub_x_asr, "sub x0, x1, x2, asr #63", 0x0000000000000000, 0x8000000000000000
  T sub_w, "sub w0, w1, w2", 0x0000000000000000, 0x0000000000000001
  T sub_w_lsr_31, "sub w0, w1, w2, lsr #31", 0x0000000000000000, 0x0000000080000000
  T neg_x, "neg x0, x1", 0x0000000000000001
  T neg_x_lsl, "neg x0, x1, lsl #1", 0x4000000000000000
  T neg_w, "neg w0, w1", 0x0000000000000001
  TF adds_x_carry, "adds x0, x1, x2", 0xffffffffffffffff, 0x0000000000000001, 0x0
  TF adds_x_overflow, "adds x0, x1, x2", 0x7fffffffffffffff, 0x0000000000000001, 0x0
  TF adds_x_both, "adds x0, x1, x2", 0x8000000000000000, 0x8000000000000000, 0x0
  TF adds_x_lsl, "adds x0, x1, x2, lsl #1", 0x0000000000000001, 0x0000000000000001, 0xf
  TF adds_x_asr, "adds x0, x1, x2, asr #63", 0x0000000000000001, 0x8000000000000000, 0x0
  TF adds_w_carry, "adds w0, w1, w2", 0x00000000ffffffff, 0x0000000000000001, 0x0
  TF adds_w_overflow, "adds w0, w1, w2", 0x000000007fffffff, 0x0000000000000001, 0x0
  TF adds_w_upper, "adds w0, w1, w2", 0xffffffff00000000, 0xffffffff00000000, 0x0
  TF adds_w_lsr, "adds w0, w1, w2, lsr #1", 0x0000000040000000, 0x0000000080000000, 0x0
  TF subs_x_equal, "subs x0, x1, x2", 0x0123456789abcdef, 0x0123456789abcdef, 0x0
  TF subs_x_borrow, "subs x0, x1, x2", 0x0000000000000000, 0x0000000000000001, 0x0
  TF subs_x_overflow, "subs x0, x1, x2", 0x8000000000000000, 0x0000000000000001, 0x0
  TF subs_x_overflow2, "subs x0, x1, x2", 0x7fffffffffffffff, 0xffffffffffffffff, 0x0
  TF subs_x_lsl, "subs x0, x1, x2, lsl #4", 0x0000000000000100, 0x0000000000000010, 0x0
  TF subs_w_equal, "subs w0, w1, w2", 0x1234567800000005, 0x8765432100000005, 0x0
  TF subs_w_overflow, "subs w0, w1, w2", 0x0000000080000000, 0x0000000000000001, 0x0
  TF subs_w_asr, "subs w0, w1, w2, asr #31", 0x0000000000000000, 0x0000000080000000, 0x0
  TF cmp_x, "cmp x1, x2", 0x0000000000000001, 0x0000000000000002, 0x0
  TF cmp_x_lsr, "cmp x1, x2, lsr #1", 0x0000000000000001, 0x0000000000000002, 0x0
  TF cmp_w, "cmp w1, w2", 0x0000000000000002, 0x0000000000000001, 0x0
  TF cmn_x, "cmn x1, x2", 0x0000000000000001, 0xffffffffffffffff, 0x0
  TF cmn_w_lsl, "cmn w1, w2, lsl #31", 0x0000000080000000, 0x0000000000000001, 0x0
  TF negs_x_min, "negs x0, x1", 0x8000000000000000, 0, 0x0
  TF negs_x_zero, "negs x0, x1", 0x0000000000000000, 0, 0x0
  TF negs_w, "negs w0, w1", 0x0000000000000001, 0, 0x0
  TF add_keeps_flags, "add x0, x1, x2, lsl #2", 1, 1, 0xa
  TF sub_keeps_flags, "sub w0, w1, w2", 1, 1, 0x5

/* Add/subtract (extended register). */
  T add_uxtb, "add x0, x1, w2, uxtb", 0x1000000000000000, 0xffffffffffffff80
  T add_uxth_1, "add x0, x1, w2, uxth #1", 0x1000000000000000, 0xffffffffffff8000
  T add_uxtw_2, "add x0, x1, w2, uxtw #2", 0x1000000000000000, 0xffffffff80000000
  T add_uxtx_4, "add x0, x1, x2, uxtx #4", 0x0000000000000000, 0x8000000000000001
  T add_sxtb_3, "add x0, x1, w2, sxtb #3", 0x0000000000000000, 0x0000000000000080
  T add_sxth_4, "add x0, x1, w2, sxth #4", 0x0000000000000000, 0x0000000000008000
  T add_sxtw, "add x0, x1, w2, sxtw", 0x0000000000000000, 0x0000000080000000
  T add_sxtw_pos, "add x0, x1, w2, sxtw #1", 0x0000000000000000, 0xffffffff7fffffff
  T add_sxtx_2, "add x0, x1, x2, sxtx #2", 0x0000000000000000, 0xc000000000000001
  T add_w_uxtb, "add w0, w1, w2, uxtb", 0xffffffff00000000, 0xfffffffffffffff0
  T add_w_sxtb, "add w0, w1, w2, sxtb", 0xffffffff00000000, 0x00000000000000f0
  T add_w_sxth_2, "add w0, w1, w2, sxth #2", 0x0000000000000000, 0x0000000000008000
  T add_w_uxtw_4, "add w0, w1, w2, uxtw #4", 0x0000000000000001, 0x00000000f0000001
  T add_w_sxtw_1, "add w0, w1, w2, sxtw #1", 0x0000000000000001, 0x00000000c0000000
  T add_w_uxtx, "add w0, w1, w2, uxtx", 0x0000000000000001, 0xffffffffffffffff
  T sub_uxtb, "sub x0, x1, w2, uxtb", 0x0000000000000000, 0x00000000000000ff
  T sub_sxtb, "sub x0, x1, w2, sxtb", 0x0000000000000000, 0x00000000000000ff
  T sub_sxth_1, "sub x0, x1, w2, sxth #1", 0x0000000000000000, 0x000000000000ffff
  T sub_uxtw, "sub x0, x1, w2, uxtw", 0x0000000000000000, 0xffffffffffffffff
  T sub_sxtw_4, "sub x0, x1, w2, sxtw #4", 0x0000000000000000, 0x00000000ffffffff
  T sub_w_uxth, "sub w0, w1, w2, uxth", 0x0000000000000000, 0x00000000ffff0001
  T sub_w_sxtb_4, "sub w0, w1, w2, sxtb #4", 0x0000000000000000, 0x0000000000000081
  TF adds_ext_sxtb, "adds x0, x1, w2, sxtb", 0x0000000000000001, 0x00000000000000ff, 0x0
  TF adds_ext_uxtw, "adds x0, x1, w2, uxtw", 0xffffffff00000000, 0x00000000ffffffff, 0xf
  TF adds_ext_w_uxtb, "adds w0, w1, w2, uxtb", 0x00000000ffffff01, 0x00000000000000ff, 0x0
  TF adds_ext_w_sxth, "adds w0, w1, w2, sxth #1", 0x000000007fffffff, 0x0000000000000001, 0x0
  TF subs_ext_uxth, "subs x0, x1, w2, uxth", 0x000000000000ffff, 0xffffffffffffffff, 0x0
  TF subs_ext_sxtw_2, "subs x0, x1, w2, sxtw #2", 0x8000000000000000, 0x0000000000000001, 0x0
  TF subs_ext_w_sxtb, "subs w0, w1, w2, sxtb", 0x0000000000000000, 0x0000000000000080, 0x0
  TF subs_ext_w_uxtb_4, "subs w0, w1, w2, uxtb #4", 0x0000000000000ff0, 0x00000000000000ff, 0x0
  TF cmp_ext_sxtw, "cmp x1, w2, sxtw", 0xffffffffffffffff, 0x00000000ffffffff, 0x0
  TF cmn_ext_w_uxth, "cmn w1, w2, uxth", 0x00000000ffff0001, 0x000000000000ffff, 0x0

  CASE ext_sp_forms
  mov x9, sp
  LI x1, 0x10
  LI x2, 0xfffffffffffffff0
  add x0, sp, x1              /* ADD (extended): SP + X1, LSL 0 */
  sub x0, x0, x9
  SHOW x0
  add x3, sp, w2, sxtw #2
  sub x3, x9, x3
  SHOW x3
  sub sp, sp, x1, lsl #2      /* SUB SP, SP, X1, UXTX #2 */
  mov x4, sp
  add sp, sp, w1, uxtb #2
  sub x4, x9, x4
  SHOW x4
  adds x5, sp, x1             /* ADDS reads SP, writes X5 */
  sub x5, x5, x9
  SHOW x5
  subs x6, sp, w2, sxtw       /* extended with SP: SP + 16 */
  sub x6, x6, x9
  SHOW x6
  cmp sp, x1                  /* SP is above 16: nzcv=2 */
  FLAGS
  cmp sp, w1, uxtw
  FLAGS
  mov x7, sp
  sub x7, x7, x9
  SHOW x7

  CASE ext_wsp_forms
  mov x9, sp
  LI x1, 0xffffffff00001000
  LI x2, 0x00000000000001ff
  add wsp, w1, w2, uxtb       /* writes SP zero-extended */
  mov x3, sp
  sub wsp, w1, w2, uxth
  mov x4, sp
  add sp, x1, x2
  mov x5, sp
  mov sp, x9
  SHOW x3
  SHOW x4
  SHOW x5

/* Add/subtract with carry: carry in preset through NZCV. */
  TF adc_x_c0, "adc x0, x1, x2", 0x0000000000000001, 0x0000000000000002, 0x0
  TF adc_x_c1, "adc x0, x1, x2", 0x0000000000000001, 0x0000000000000002, 0x2
  TF adc_x_wrap, "adc x0, x1, x2", 0xffffffffffffffff, 0x0000000000000000, 0x2
  TF adc_w_c1, "adc w0, w1, w2", 0x00000000ffffffff, 0x00000000ffffffff, 0x2
  TF adc_w_upper, "adc w0, w1, w2", 0xffffffff00000000, 0xffffffff00000000, 0xd
  TF adcs_x_carry, "adcs x0, x1, x2", 0xffffffffffffffff, 0x0000000000000000, 0x2
  TF adcs_x_overflow, "adcs x0, x1, x2", 0x7fffffffffffffff, 0x0000000000000000, 0x2
  TF adcs_x_both, "adcs x0, x1, x2", 0xffffffffffffffff, 0xffffffffffffffff, 0x2
  TF adcs_x_c0, "adcs x0, x1, x2", 0x8000000000000000, 0x8000000000000000, 0xd
  TF adcs_w_carry, "adcs w0, w1, w2", 0x00000000ffffffff, 0x0000000000000000, 0x2
  TF adcs_w_overflow, "adcs w0, w1, w2", 0x000000007ffffffe, 0x0000000000000001, 0x2
  TF adcs_w_zero, "adcs w0, w1, w2", 0x0000000000000000, 0x0000000000000000, 0xd
  TF sbc_x_c1, "sbc x0, x1, x2", 0x0000000000000005, 0x0000000000000003, 0x2
  TF sbc_x_c0, "sbc x0, x1, x2", 0x0000000000000005, 0x0000000000000003, 0x0
  TF sbc_w_c0, "sbc w0, w1, w2", 0x0000000000000000, 0x0000000000000000, 0x0
  TF sbcs_x_equal, "sbcs x0, x1, x2", 0x0000000000000007, 0x0000000000000007, 0x2
  TF sbcs_x_borrow, "sbcs x0, x1, x2", 0x0000000000000007, 0x0000000000000007, 0x0
  TF sbcs_x_overflow, "sbcs x0, x1, x2", 0x8000000000000000, 0x0000000000000000, 0x0
  TF sbcs_w_equal, "sbcs w0, w1, w2", 0xffffffff00000007, 0x0000000000000007, 0x2
  TF sbcs_w_overflow, "sbcs w0, w1, w2", 0x000000007fffffff, 0x00000000ffffffff, 0x2
  TF ngc_x, "ngc x0, x1", 0x0000000000000001, 0, 0x0
  TF ngc_w, "ngc w0, w1", 0x0000000000000001, 0, 0x2
  TF ngcs_x, "ngcs x0, x1", 0x0000000000000000, 0, 0x2
  TF ngcs_w, "ngcs w0, w1", 0x0000000000000000, 0, 0x0
  DONE
