/* Data processing, register (Arm ARM C4.1.87), logical (shifted register):
   AND, BIC, ORR, ORN, EOR, EON, ANDS, BICS and their aliases, 32 and
   64 bits, every shift type with amounts 0, 1 and the maximum. */
.include "harness.inc"

.include "dp_cases.inc"

  T and_x, "and x0, x1, x2", 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0
  T and_x_lsl, "and x0, x1, x2, lsl #4", 0xffffffffffffffff, 0x0ff00ff00ff00ff0
  T and_x_lsr_63, "and x0, x1, x2, lsr #63", 0xffffffffffffffff, 0x8000000000000000
  T and_x_asr_63, "and x0, x1, x2, asr #63", 0x0123456789abcdef, 0x8000000000000000
  T and_x_ror_1, "and x0, x1, x2, ror #1", 0xffffffffffffffff, 0x0000000000000001
  T and_x_ror_63, "and x0, x1, x2, ror #63", 0xffffffffffffffff, 0x8000000000000001
  T and_w, "and w0, w1, w2", 0xffffffffffffffff, 0xffffffff12345678
  T and_w_lsl_31, "and w0, w1, w2, lsl #31", 0xffffffffffffffff, 0x0000000000000001
  T and_w_asr_31, "and w0, w1, w2, asr #31", 0x00000000f0f0f0f0, 0x0000000080000000
  T and_w_ror_1, "and w0, w1, w2, ror #1", 0xffffffffffffffff, 0x0000000000000001
  T and_w_ror_31, "and w0, w1, w2, ror #31", 0xffffffffffffffff, 0x0000000080000000
  T and_w_lsr_0, "and w0, w1, w2, lsr #0", 0xffffffffffffffff, 0xffffffff87654321
  T bic_x, "bic x0, x1, x2", 0xffffffffffffffff, 0x00ff00ff00ff00ff
  T bic_x_lsr, "bic x0, x1, x2, lsr #8", 0xffffffffffffffff, 0xffffffffffffffff
  T bic_w, "bic w0, w1, w2", 0xffffffffffffffff, 0x000000000000ffff
  T bic_w_asr, "bic w0, w1, w2, asr #16", 0xffffffffffffffff, 0x0000000080000000
  T orr_x, "orr x0, x1, x2", 0xf000000000000000, 0x000000000000000f
  T orr_w, "orr w0, w1, w2", 0xf0000000f0000000, 0x000000000000000f
  T orr_x_lsl_63, "orr x0, x1, x2, lsl #63", 0x0000000000000001, 0x0000000000000001
  T orr_x_asr, "orr x0, x1, x2, asr #4", 0x0000000000000001, 0x8000000000000000
  T orr_w_lsr, "orr w0, w1, w2, lsr #16", 0xffffffff00000000, 0x00000000ffff0000
  T orr_w_ror_16, "orr w0, w1, w2, ror #16", 0x0000000000000000, 0xffffffff1234abcd
  T orr_rm_zr, "orr x0, x1, xzr", 0x0123456789abcdef
  T orr_zr_shifted, "orr x0, xzr, x1, lsl #4", 0x0123456789abcdef
  T mov_x, "mov x0, x1", 0x0123456789abcdef
  T mov_w, "mov w0, w1", 0x0123456789abcdef
  T mov_x_zr, "mov x0, xzr"
  T mov_w_zr, "mov w0, wzr"
  T orn_x, "orn x0, x1, x2", 0x0000000000000001, 0xffffffffffff0000
  T orn_x_ror, "orn x0, x1, x2, ror #32", 0x0000000000000000, 0x00000000ffffffff
  T orn_w, "orn w0, w1, w2", 0x0000000000000000, 0xffffffff0000ffff
  T orn_w_lsl, "orn w0, w1, w2, lsl #8", 0x0000000000000000, 0x0000000000ffffff
  T mvn_x, "mvn x0, x1", 0x0123456789abcdef
  T mvn_w, "mvn w0, w1", 0x0123456789abcdef
  T mvn_w_asr, "mvn w0, w1, asr #31", 0x0000000080000000
  T eor_x, "eor x0, x1, x2", 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0
  T eor_x_ror_8, "eor x0, x1, x2, ror #8", 0x0000000000000000, 0x00000000000000ab
  T eor_w, "eor w0, w1, w2", 0xaaaaaaaaaaaaaaaa, 0x5555555555555555
  T eor_w_asr, "eor w0, w1, w2, asr #4", 0x0000000000000000, 0x0000000080000000
  T eor_self, "eor x0, x1, x1", 0x0123456789abcdef
  T eon_x, "eon x0, x1, x2", 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0
  T eon_x_lsl, "eon x0, x1, x2, lsl #60", 0x0000000000000000, 0x000000000000000f
  T eon_w, "eon w0, w1, w2", 0x0000000000000000, 0x0000000000000000
  T eon_w_lsr, "eon w0, w1, w2, lsr #31", 0x0000000000000000, 0x0000000080000000
  TF ands_x_neg, "ands x0, x1, x2", 0x8000000000000001, 0x8000000000000000, 0x3
  TF ands_x_zero, "ands x0, x1, x2, lsl #1", 0x0000000000000001, 0x8000000000000000, 0xf
  TF ands_x_pos, "ands x0, x1, x2, asr #1", 0x4000000000000000, 0x8000000000000000, 0x3
  TF ands_w_neg, "ands w0, w1, w2", 0x0000000080000000, 0x0000000080000000, 0x3
  TF ands_w_upper, "ands w0, w1, w2", 0xffffffff00000000, 0xffffffff00000000, 0x3
  TF ands_w_ror, "ands w0, w1, w2, ror #1", 0x0000000080000000, 0x0000000000000001, 0x7
  TF tst_x, "tst x1, x2", 0x00000000000000f0, 0x000000000000000f, 0xf
  TF tst_w_lsr, "tst w1, w2, lsr #4", 0x000000000000000f, 0x00000000000000f0, 0x7
  TF bics_x, "bics x0, x1, x2", 0xffffffffffffffff, 0x7fffffffffffffff, 0x3
  TF bics_x_zero, "bics x0, x1, x2, ror #4", 0x000000000000000f, 0xffffffffffffffff, 0x3
  TF bics_w, "bics w0, w1, w2", 0x00000000ffffffff, 0x000000007fffffff, 0x3
  TF bics_w_lsl, "bics w0, w1, w2, lsl #16", 0x000000000000ffff, 0x0000000000000001, 0xf
  TF and_keeps_flags, "and x0, x1, x2", 0, 0, 0xb
  TF orr_keeps_flags, "orr w0, w1, w2, lsl #3", 1, 1, 0x5
  DONE
