/* Data processing, immediate (Arm ARM C4.1.86): add/subtract, logical,
   move wide, PC-relative, bitfield and extract, in 32- and 64-bit forms,
   with SP as operand where the encoding allows it. */
.include "harness.inc"

.include "dp_cases.inc"

/* Add/subtract (immediate). */
  T add_x, "add x0, x1, #0xfff", 0x123456789abcdef0
  T add_x_lsl12, "add x0, x1, #0xabc, lsl #12", 0xfffffffffffff000
  T add_x_wrap, "add x0, x1, #1", 0xffffffffffffffff
  T add_w, "add w0, w1, #1", 0xffffffff7fffffff
  T add_w_wrap, "add w0, w1, #0x10, lsl #12", 0x12345678fffff000
  T sub_x, "sub x0, x1, #1", 0
  T sub_x_lsl12, "sub x0, x1, #0xfff, lsl #12", 0x0000000000fff000
  T sub_w, "sub w0, w1, #2", 0xffffffff00000001
  TF adds_x_zero, "adds x0, x1, #0", 0, 0, 0xf
  TF adds_x_carry, "adds x0, x1, #1", 0xffffffffffffffff, 0, 0
  TF adds_x_overflow, "adds x0, x1, #1", 0x7fffffffffffffff, 0, 0
  TF adds_x_plain, "adds x0, x1, #4095, lsl #12", 0x1000, 0, 0xf
  TF adds_w_overflow, "adds w0, w1, #1", 0xffffffff7fffffff, 0, 0
  TF adds_w_carry, "adds w0, w1, #1", 0x00000000ffffffff, 0, 0
  TF adds_w_neg, "adds w0, w1, #0", 0x80000000, 0, 0
  TF subs_x_equal, "subs x0, x1, #5", 5, 0, 0
  TF subs_x_borrow, "subs x0, x1, #1", 0, 0, 0
  TF subs_x_overflow, "subs x0, x1, #1", 0x8000000000000000, 0, 0
  TF subs_x_big, "subs x0, x1, #1, lsl #12", 0xfff, 0, 0
  TF subs_w_overflow, "subs w0, w1, #1", 0x0000000080000000, 0, 0
  TF subs_w_upper_ignored, "subs w0, w1, #3", 0xffffffff00000003, 0, 0xf
  TF cmp_x, "cmp x1, #0xfff", 0x1000, 0, 0
  TF cmp_w, "cmp w1, #0", 0, 0, 0
  TF cmn_x, "cmn x1, #1", 0xffffffffffffffff, 0, 0
  TF cmn_w, "cmn w1, #1, lsl #12", 0x7ffff000, 0, 0
  TF add_keeps_flags, "add x0, x1, #1", 1, 0, 0x9
  TF sub_keeps_flags, "sub w0, w1, #1", 0, 0, 0x6

  CASE sp_forms
  mov x9, sp
  add sp, sp, #0x20          /* ADD SP, SP, #imm */
  mov x0, sp                 /* MOV from SP: ADD x0, sp, #0 */
  sub sp, sp, #0x20
  sub x0, x0, x9
  SHOW x0
  add x1, sp, #1, lsl #12
  sub x1, x1, x9
  SHOW x1
  sub x2, sp, #0x30
  sub x2, x9, x2
  SHOW x2
  adds x3, sp, #0x8          /* ADDS reads SP */
  sub x3, x3, x9
  SHOW x3
  subs x4, sp, #0x8
  sub x4, x9, x4
  SHOW x4
  cmp sp, #0                 /* SP is non-zero and below 2^63: nzcv=2 */
  FLAGS
  cmn sp, #0                 /* writes no register: SP must not move */
  mov x5, sp
  sub x5, x5, x9
  SHOW x5

  CASE wsp_forms
  mov x9, sp
  LI x1, 0xfffffffffffffff0
  add wsp, w1, #4            /* writes SP zero-extended */
  mov x2, sp
  sub wsp, w1, #0x10
  mov x3, sp
  mov sp, x9
  SHOW x2
  SHOW x3

/* Logical (immediate): element sizes 2 to 64, rotated runs. */
  T and_x_e2, "and x0, x1, #0x5555555555555555", 0xfedcba9876543210
  T orr_x_e4, "orr x0, x1, #0x1111111111111111", 0x0123456789abcdef
  T eor_x_e8, "eor x0, x1, #0x0f0f0f0f0f0f0f0f", 0xffffffff00000000
  T and_x_e16, "and x0, x1, #0xff00ff00ff00ff00", 0xfedcba9876543210
  T orr_x_e32, "orr x0, x1, #0x00ffff0000ffff00", 0x8000000000000001
  T and_x_e64, "and x0, x1, #0x7fffffffffffffff", 0xffffffffffffffff
  T eor_x_e64_rot, "eor x0, x1, #0x8000000000000001", 0xffffffffffffffff
  T orr_x_e64_run, "orr x0, x1, #0x00000000ffff0000", 0
  T and_x_e64_high, "and x0, x1, #0xfffffffffffffffe", 0xffffffffffffffff
  T and_w, "and w0, w1, #0x7ffffffe", 0xffffffffffffffff
  T orr_w, "orr w0, w1, #0xf0f0f0f0", 0xffffffff00000001
  T eor_w, "eor w0, w1, #0x80000000", 0xffffffff80000000
  T eor_w_e2, "eor w0, w1, #0xaaaaaaaa", 0x12345678ffffffff
  T mov_bitmask_x, "mov x0, #0x5555555555555555"
  T mov_bitmask_w, "mov w0, #0xff00ff00"
  T orr_xzr_e64, "orr x0, xzr, #0xfffffffffffff000"
  TF ands_x_neg, "ands x0, x1, #0x8000000000000000", 0x8000000000000001, 0, 0x3
  TF ands_x_zero, "ands x0, x1, #0xff", 0xffffffffffffff00, 0, 0xf
  TF ands_w_neg, "ands w0, w1, #0x80000000", 0x80000000, 0, 0x3
  TF ands_w_upper_ignored, "ands w0, w1, #0xffff", 0xffffffff00010000, 0, 0x3
  TF tst_x, "tst x1, #0x1", 0x3, 0, 0xf
  TF tst_w, "tst w1, #0xc0000000", 0x40000000, 0, 0xf

  CASE logical_sp_forms
  mov x9, sp
  LI x1, 0x0000000000123457
  and sp, x1, #0xfffffffffffffff0  /* AND writes SP */
  mov x2, sp
  orr sp, xzr, #0x7ff000
  mov x3, sp
  eor wsp, w1, #0xff
  mov x4, sp
  mov sp, x9
  SHOW x2
  SHOW x3
  SHOW x4

/* Move wide. */
  T movz_x, "movz x0, #0xffff, lsl #48"
  T movz_w, "movz w0, #0xbeef, lsl #16"
  T movz_zero, "movz x0, #0"
  T movn_x, "movn x0, #0"
  T movn_x_lsl32, "movn x0, #0x1234, lsl #32"
  T movn_w, "movn w0, #0"
  T movn_w_lsl16, "movn w0, #0x8000, lsl #16"
  T movk_w_lsl16, "movk w0, #0xbeef, lsl #16"
  T movk_w_low, "movk w0, #0xbeef"
  T movk_x_lsl48, "movk x0, #0xbeef, lsl #48"
  T movk_x_lsl16, "movk x0, #0, lsl #16"

/* PC-relative: absolute addresses differ from run to run only if the
   binary moves, so show offsets. */
  CASE adr
  adr x0, .
  adr x1, . + 0x1000
  sub x1, x1, x0
  SHOW x1
  adr x2, . - 0x100000
  sub x2, x0, x2
  SHOW x2
  adr x3, 1f
  sub x3, x3, x0
1:SHOW x3
  CASE adrp
  adrp x0, .
  and x1, x0, #0xfff
  SHOW x1
  adrp x2, . + 0x12345000
  sub x2, x2, x0
  SHOW x2
  adrp x3, . - 0x7000
  sub x3, x0, x3
  SHOW x3
  adr x4, .
  and x4, x4, #0xfffffffffffff000
  adrp x5, .
  sub x5, x5, x4
  SHOW x5

/* Bitfield: UBFM aliases. */
  T lsl_x_0, "lsl x0, x1, #0", 0x8123456789abcdef
  T lsl_x_1, "lsl x0, x1, #1", 0x8123456789abcdef
  T lsl_x_63, "lsl x0, x1, #63", 0x0000000000000003
  T lsl_w_1, "lsl w0, w1, #1", 0xffffffffc0000001
  T lsl_w_31, "lsl w0, w1, #31", 0x0000000000000003
  T lsr_x_0, "lsr x0, x1, #0", 0x8123456789abcdef
  T lsr_x_4, "lsr x0, x1, #4", 0x8123456789abcdef
  T lsr_x_63, "lsr x0, x1, #63", 0x8000000000000000
  T lsr_w_1, "lsr w0, w1, #1", 0xffffffff80000000
  T lsr_w_31, "lsr w0, w1, #31", 0xffffffff80000000
  T ubfx_x, "ubfx x0, x1, #8, #16", 0xfedcba9876543210
  T ubfx_x_top, "ubfx x0, x1, #60, #4", 0xfedcba9876543210
  T ubfx_x_all, "ubfx x0, x1, #0, #64", 0xfedcba9876543210
  T ubfx_w, "ubfx w0, w1, #31, #1", 0x0000000080000000
  T ubfx_w_mid, "ubfx w0, w1, #4, #24", 0xffffffffffffffff
  T ubfiz_x, "ubfiz x0, x1, #60, #4", 0xffffffffffffffff
  T ubfiz_x_low, "ubfiz x0, x1, #1, #1", 0xffffffffffffffff
  T ubfiz_w, "ubfiz w0, w1, #4, #28", 0xffffffffffffffff
  T ubfiz_w_top, "ubfiz w0, w1, #31, #1", 0xffffffffffffffff
  T uxtb, "uxtb w0, w1", 0xffffffffffffff80
  T uxth, "uxth w0, w1", 0xffffffffffff8000
  T ubfm_x_raw, "ubfm x0, x1, #63, #62", 0xc000000000000001
  T ubfm_w_raw, "ubfm w0, w1, #16, #15", 0x1234567890abcdef

/* Bitfield: SBFM aliases. */
  T asr_x_0, "asr x0, x1, #0", 0x8000000000000000
  T asr_x_1, "asr x0, x1, #1", 0x8000000000000000
  T asr_x_63_neg, "asr x0, x1, #63", 0x8000000000000000
  T asr_x_63_pos, "asr x0, x1, #63", 0x7fffffffffffffff
  T asr_w_31, "asr w0, w1, #31", 0x0000000080000000
  T asr_w_4, "asr w0, w1, #4", 0x00000000f0000000
  T asr_w_0, "asr w0, w1, #0", 0xffffffff80000000
  T sxtb_x, "sxtb x0, w1", 0x0000000000000080
  T sxtb_x_pos, "sxtb x0, w1", 0xffffffffffffff7f
  T sxtb_w, "sxtb w0, w1", 0x0000000000000080
  T sxth_x, "sxth x0, w1", 0x0000000000008000
  T sxth_w, "sxth w0, w1", 0x0000000000018001
  T sxtw, "sxtw x0, w1", 0x0000000080000000
  T sxtw_pos, "sxtw x0, w1", 0xffffffff7fffffff
  T sbfx_x, "sbfx x0, x1, #4, #8", 0x0000000000000800
  T sbfx_x_top, "sbfx x0, x1, #63, #1", 0x8000000000000000
  T sbfx_w, "sbfx w0, w1, #28, #4", 0x0000000080000000
  T sbfx_w_one, "sbfx w0, w1, #0, #1", 0x0000000000000001
  T sbfiz_x, "sbfiz x0, x1, #8, #4", 0x0000000000000008
  T sbfiz_x_top, "sbfiz x0, x1, #63, #1", 0x0000000000000001
  T sbfiz_w, "sbfiz w0, w1, #30, #2", 0x0000000000000002
  T sbfiz_w_mid, "sbfiz w0, w1, #4, #8", 0x0000000000000080
  T sbfm_x_raw, "sbfm x0, x1, #0, #0", 0x0000000000000001
  T sbfm_w_raw, "sbfm w0, w1, #31, #30", 0x0000000060000000

/* Bitfield: BFM aliases keep the destination outside the field. */
  T bfi_x, "bfi x0, x1, #8, #16", 0xffffffffffff1234
  T bfi_x_top, "bfi x0, x1, #63, #1", 0x0000000000000001
  T bfi_x_all, "bfi x0, x1, #0, #64", 0x0123456789abcdef
  T bfi_w, "bfi w0, w1, #28, #4", 0x0000000000000003
  T bfi_w_low, "bfi w0, w1, #0, #8", 0xffffffffffffffff
  T bfc_x, "bfi x0, xzr, #4, #8"
  T bfxil_x, "bfxil x0, x1, #60, #4", 0x5000000000000000
  T bfxil_x_all, "bfxil x0, x1, #0, #64", 0x0123456789abcdef
  T bfxil_w, "bfxil w0, w1, #0, #32", 0x0123456789abcdef
  T bfxil_w_mid, "bfxil w0, w1, #8, #8", 0x000000000000ff00
  T bfm_x_raw, "bfm x0, x1, #32, #31", 0x00000000ffffffff
  T bfm_w_raw, "bfm w0, w1, #31, #0", 0x0000000000000000

/* Extract. */
  T extr_x_0, "extr x0, x1, x2, #0", 0x1111111111111111, 0x2222222222222222
  T extr_x_1, "extr x0, x1, x2, #1", 0x0000000000000001, 0x0000000000000000
  T extr_x_32, "extr x0, x1, x2, #32", 0x0123456789abcdef, 0xfedcba9876543210
  T extr_x_63, "extr x0, x1, x2, #63", 0x0123456789abcdef, 0xfedcba9876543210
  T extr_w_0, "extr w0, w1, w2, #0", 0x1111111111111111, 0x2222222222222222
  T extr_w_16, "extr w0, w1, w2, #16", 0xffffffff89abcdef, 0xffffffff76543210
  T extr_w_31, "extr w0, w1, w2, #31", 0x0000000000000001, 0x0000000080000000
  T ror_x, "ror x0, x1, #13", 0x0123456789abcdef
  T ror_x_63, "ror x0, x1, #63", 0x8000000000000001
  T ror_w, "ror w0, w1, #1", 0xffffffff00000001
  T ror_w_31, "ror w0, w1, #31", 0x0000000080000001
  DONE
