/* Data processing, register (Arm ARM C4.1.87), 1, 2 and 3 sources: RBIT,
   REV16, REV32, REV, CLZ, CLS; UDIV, SDIV, LSLV, LSRV, ASRV, RORV, CRC32
   and CRC32C; MADD, MSUB, SMADDL, SMSUBL, UMADDL, UMSUBL, SMULH, UMULH and
   their aliases. 32 and 64 bits, with division by zero, INT_MIN / -1,
   shift amounts past datasize and operands with stray upper bits. */
.include "harness.inc"
  .arch_extension crc

.include "dp_cases.inc"

/* Data processing (1 source). */
  T rbit_x, "rbit x0, x1", 0x0000000000000001
  T rbit_x_pattern, "rbit x0, x1", 0x0123456789abcdef
  T rbit_w, "rbit w0, w1", 0xffffffff00000001
  T rbit_w_pattern, "rbit w0, w1", 0x0000000012345678
  T rev16_x, "rev16 x0, x1", 0x0123456789abcdef
  T rev16_w, "rev16 w0, w1", 0xffffffff12345678
  T rev32_x, "rev32 x0, x1", 0x0123456789abcdef
  T rev_x, "rev x0, x1", 0x0123456789abcdef
  T rev_x_ends, "rev x0, x1", 0x8000000000000001
  T rev_w, "rev w0, w1", 0xffffffff12345678
  T clz_x_zero, "clz x0, x1", 0
  T clz_x_one, "clz x0, x1", 1
  T clz_x_top, "clz x0, x1", 0x8000000000000000
  T clz_x_mid, "clz x0, x1", 0x0000000100000000
  T clz_w_zero, "clz w0, w1", 0xffffffff00000000
  T clz_w_one, "clz w0, w1", 1
  T clz_w_top, "clz w0, w1", 0x0000000080000000
  T cls_x_zero, "cls x0, x1", 0
  T cls_x_ones, "cls x0, x1", 0xffffffffffffffff
  T cls_x_one, "cls x0, x1", 1
  T cls_x_min, "cls x0, x1", 0x8000000000000000
  T cls_x_neg, "cls x0, x1", 0xfff0000000000000
  T cls_w_zero, "cls w0, w1", 0xffffffff00000000
  T cls_w_ones, "cls w0, w1", 0x00000000ffffffff
  T cls_w_pos, "cls w0, w1", 0x0000000000010000
  T cls_w_min, "cls w0, w1", 0x0000000080000000

/* Data processing (2 source): division. */
  T udiv_x, "udiv x0, x1, x2", 0xffffffffffffffff, 0x0000000000000010
  T udiv_x_zero, "udiv x0, x1, x2", 0x0123456789abcdef, 0
  T udiv_x_big, "udiv x0, x1, x2", 0x0000000000000005, 0x8000000000000000
  T udiv_w, "udiv w0, w1, w2", 0x00000000ffffffff, 0xffffffff00000003
  T udiv_w_zero, "udiv w0, w1, w2", 0x0000000012345678, 0xffffffff00000000
  T sdiv_x, "sdiv x0, x1, x2", 0xfffffffffffffff9, 0x0000000000000002
  T sdiv_x_neg, "sdiv x0, x1, x2", 0x0000000000000007, 0xfffffffffffffffe
  T sdiv_x_zero, "sdiv x0, x1, x2", 0x8000000000000000, 0
  T sdiv_x_min_by_m1, "sdiv x0, x1, x2", 0x8000000000000000, 0xffffffffffffffff
  T sdiv_x_min_by_1, "sdiv x0, x1, x2", 0x8000000000000000, 0x0000000000000001
  T sdiv_w, "sdiv w0, w1, w2", 0x00000000fffffff9, 0x0000000000000002
  T sdiv_w_upper, "sdiv w0, w1, w2", 0x1234567800000064, 0xffffffff0000000a
  T sdiv_w_zero, "sdiv w0, w1, w2", 0x0000000080000000, 0xffffffff00000000
  T sdiv_w_min_by_m1, "sdiv w0, w1, w2", 0x0000000080000000, 0x00000000ffffffff
  T sdiv_w_neg_neg, "sdiv w0, w1, w2", 0x00000000fffffff0, 0x00000000fffffffd

/* Data processing (2 source): shifts by register, amount MOD datasize. */
  T lslv_x_0, "lsl x0, x1, x2", 0x0123456789abcdef, 0
  T lslv_x_4, "lsl x0, x1, x2", 0x0123456789abcdef, 4
  T lslv_x_63, "lsl x0, x1, x2", 0x0000000000000003, 63
  T lslv_x_64, "lsl x0, x1, x2", 0x0123456789abcdef, 64
  T lslv_x_65, "lsl x0, x1, x2", 0x0123456789abcdef, 65
  T lslv_x_neg, "lslv x0, x1, x2", 0x0000000000000003, 0xffffffffffffffff
  T lslv_w_31, "lsl w0, w1, w2", 0x0000000000000003, 31
  T lslv_w_32, "lsl w0, w1, w2", 0xffffffff12345678, 32
  T lslv_w_33, "lsl w0, w1, w2", 0x0000000012345678, 0xffffffff00000021
  T lsrv_x_1, "lsr x0, x1, x2", 0x8000000000000000, 1
  T lsrv_x_63, "lsr x0, x1, x2", 0x8000000000000000, 63
  T lsrv_x_64, "lsrv x0, x1, x2", 0x8000000000000000, 64
  T lsrv_w_31, "lsr w0, w1, w2", 0xffffffff80000000, 31
  T lsrv_w_32, "lsr w0, w1, w2", 0xffffffff80000000, 32
  T lsrv_w_4, "lsr w0, w1, w2", 0xffffffff80000000, 4
  T asrv_x_1, "asr x0, x1, x2", 0x8000000000000000, 1
  T asrv_x_63, "asr x0, x1, x2", 0x8000000000000000, 63
  T asrv_x_64, "asrv x0, x1, x2", 0x8000000000000000, 64
  T asrv_x_pos, "asr x0, x1, x2", 0x7000000000000000, 60
  T asrv_w_31, "asr w0, w1, w2", 0x0000000080000000, 31
  T asrv_w_4, "asr w0, w1, w2", 0x0000000080000000, 4
  T asrv_w_36, "asr w0, w1, w2", 0x0000000080000000, 36
  T rorv_x_1, "ror x0, x1, x2", 0x0000000000000001, 1
  T rorv_x_63, "ror x0, x1, x2", 0x8000000000000001, 63
  T rorv_x_64, "rorv x0, x1, x2", 0x0123456789abcdef, 64
  T rorv_x_100, "ror x0, x1, x2", 0x0123456789abcdef, 100
  T rorv_w_1, "ror w0, w1, w2", 0xffffffff00000001, 1
  T rorv_w_31, "ror w0, w1, w2", 0x0000000080000001, 31
  T rorv_w_32, "ror w0, w1, w2", 0xffffffff12345678, 32
  T rorv_w_40, "ror w0, w1, w2", 0x0000000012345678, 40

/* CRC32 and CRC32C: single steps (no inversion) with stray upper bits in
   the operands, then the check value of "123456789" with the usual
   initial and final inversion (CRC-32: cbf43926, CRC-32C: e3069283). */
  T crc32b, "crc32b w0, w1, w2", 0xffffffff00000000, 0xffffffffffffff01
  T crc32b_ones, "crc32b w0, w1, w2", 0x00000000ffffffff, 0x00000000000000ff
  T crc32h, "crc32h w0, w1, w2", 0x0000000012345678, 0xffffffffffffabcd
  T crc32w, "crc32w w0, w1, w2", 0x0000000012345678, 0xffffffff89abcdef
  T crc32x, "crc32x w0, w1, x2", 0x00000000ffffffff, 0x0123456789abcdef
  T crc32cb, "crc32cb w0, w1, w2", 0xffffffff00000000, 0xffffffffffffff01
  T crc32ch, "crc32ch w0, w1, w2", 0x0000000012345678, 0xffffffffffffabcd
  T crc32cw, "crc32cw w0, w1, w2", 0x0000000012345678, 0xffffffff89abcdef
  T crc32cx, "crc32cx w0, w1, x2", 0x00000000ffffffff, 0x0123456789abcdef

  CASE crc32_check
  LI x1, 0x3837363534333231     /* "12345678" */
  LI x2, 0x39                   /* "9" */
  mov w0, #-1
  crc32x w0, w0, x1
  crc32b w0, w0, w2
  mvn w0, w0
  SHOW x0
  mov w3, #-1
  crc32w w3, w3, w1
  lsr x4, x1, #32
  crc32h w3, w3, w4
  lsr x4, x1, #48
  crc32h w3, w3, w4
  crc32b w3, w3, w2
  mvn w3, w3
  SHOW x3

  CASE crc32c_check
  mov w0, #-1
  crc32cx w0, w0, x1
  crc32cb w0, w0, w2
  mvn w0, w0
  SHOW x0
  mov w3, #-1
  crc32cw w3, w3, w1
  lsr x4, x1, #32
  crc32ch w3, w3, w4
  lsr x4, x1, #48
  crc32ch w3, w3, w4
  crc32cb w3, w3, w2
  mvn w3, w3
  SHOW x3

/* Data processing (3 source). */
  T madd_x, "madd x0, x1, x2, x3", 0x0000000100000001, 0x0000000100000001, 0x0000000000000005
  T madd_x_wrap, "madd x0, x1, x2, x3", 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff
  T madd_w, "madd w0, w1, w2, w3", 0xffffffff00010000, 0x0000000000010001, 0xffffffff00000001
  T mul_x, "mul x0, x1, x2", 0x8000000000000001, 0x0000000000000003
  T mul_w, "mul w0, w1, w2", 0x0000000080000001, 0xffffffff00000003
  T msub_x, "msub x0, x1, x2, x3", 0x0000000000000003, 0x0000000000000004, 0x0000000000000005
  T msub_w, "msub w0, w1, w2, w3", 0x0000000000000003, 0x0000000000000004, 0xffffffff00000005
  T mneg_x, "mneg x0, x1, x2", 0x0000000000000003, 0x0000000000000004
  T mneg_w, "mneg w0, w1, w2", 0x0000000000000003, 0x0000000000000004
  T smaddl, "smaddl x0, w1, w2, x3", 0x00000000ffffffff, 0x0000000000000002, 0x0000000000000010
  T smaddl_min, "smaddl x0, w1, w2, x3", 0xffffffff80000000, 0x0000000080000000, 0x0000000000000000
  T smull, "smull x0, w1, w2", 0x000000007fffffff, 0x0000000080000000
  T smsubl, "smsubl x0, w1, w2, x3", 0x00000000fffffffe, 0x0000000000000003, 0x0000000000000000
  T smnegl, "smnegl x0, w1, w2", 0x00000000ffffffff, 0x00000000ffffffff
  T umaddl, "umaddl x0, w1, w2, x3", 0x00000000ffffffff, 0x00000000ffffffff, 0x0000000000000001
  T umull, "umull x0, w1, w2", 0xffffffff80000000, 0x0000000000000002
  T umsubl, "umsubl x0, w1, w2, x3", 0x00000000ffffffff, 0x0000000000000002, 0x0000000000000000
  T umnegl, "umnegl x0, w1, w2", 0x0000000000000001, 0x00000000ffffffff
  T smulh, "smulh x0, x1, x2", 0xffffffffffffffff, 0xffffffffffffffff
  T smulh_min, "smulh x0, x1, x2", 0x8000000000000000, 0x8000000000000000
  T smulh_mixed, "smulh x0, x1, x2", 0x8000000000000000, 0x7fffffffffffffff
  T smulh_pos, "smulh x0, x1, x2", 0x0123456789abcdef, 0x0fedcba987654321
  T umulh, "umulh x0, x1, x2", 0xffffffffffffffff, 0xffffffffffffffff
  T umulh_min, "umulh x0, x1, x2", 0x8000000000000000, 0x8000000000000000
  T umulh_small, "umulh x0, x1, x2", 0x00000000ffffffff, 0x00000000ffffffff
  DONE
