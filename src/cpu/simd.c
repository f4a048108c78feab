/* Advanced SIMD decode: routes an encoding of the "Data Processing --
   Scalar Floating-Point and Advanced SIMD" group (Arm ARM C4.1.95) that is
   not scalar FP to the decoder of its AdvSIMD encoding group.

   The group table is indexed by op0 = <31:28>, op1 = <24:23>,
   op2 = <22:19> and op3 = <18:10>. The vector groups have op0 = 0xx0 and
   their "Advanced SIMD scalar" twins op0 = 01x1, with the same op1..op3
   layout, so one routine serves both. Everything with op0 = 1xxx here is
   cryptography, as are the AES and SHA patterns inside the vector and
   scalar spaces: simd_crypto.c decodes them. */
#include "cpu/simd.h"

static bool decode_group(u32 w, bool scalar, struct insn *out) {
  u32 op1 = bits(w, 24, 23), op2 = bits(w, 22, 19);
  bool b10 = bit(w, 10), b11 = bit(w, 11), b15 = bit(w, 15), b21 = bit(w, 21);

  /* Half precision (FEAT_FP16) has encodings in several groups below. */
  if (is_simd_fp16(w, scalar)) return decode_simd_fp16(w, scalar, out);
  if (op1 & 2) {                                   /* op1 = 1x */
    if (!b10 && bits(w, 15, 12) == 0xe) return decode_simd_dot_elem(w, scalar, out);
    if (!b10) return decode_simd_elem(w, scalar, out);
    if (op1 == 3) return false;
    if (op2 == 0)
      return scalar ? false : decode_simd_modified_imm(w, out);
    return decode_simd_shift_imm(w, scalar, out);
  }
  if (b21) {                                       /* op2 = x1xx */
    if (b10) return decode_simd_three_same(w, scalar, out);
    if (!b11 && bits(w, 23, 22) == 3) return decode_crypto_pmull64(w, out);
    if (!b11) return decode_simd_three_diff(w, scalar, out);
    if (bits(w, 18, 17) != 0) return false;        /* unallocated */
    switch (bits(w, 20, 19)) {
      case 0: return decode_simd_two_misc(w, scalar, out);
      case 1: return decode_crypto_two_reg(w, out); /* AES, SHA: op2 = x101 */
      case 2: return scalar ? decode_simd_scalar_pairwise(w, out)
                            : decode_simd_across(w, out);
      default: return false; /* op2 = x111: FP16 two-register misc, above */
    }
  }
  if (b10) {                                       /* op2 = x0xx, op3 = ...1 */
    /* Three-register extension (SDOT, SQRDMLAH, FCMLA...) when bit 15 is
       set; FP16 three same (op2 = 10xx) is decoded above. */
    if (b15) return decode_simd_three_ext(w, scalar, out);
    if ((op2 & 8) || op1 != 0) return false;
    return decode_simd_copy(w, scalar, out);
  }
  if (scalar) return decode_crypto_sha_three(w, out);
  if (b15) return false;                           /* unallocated */
  if (bit(w, 29)) return decode_simd_extract(w, out);
  return b11 ? decode_simd_permute(w, out) : decode_simd_table(w, out);
}

bool decode_simd(u32 w, struct insn *out) {
  if (bit(w, 31)) return decode_crypto_sha512_sha3(w, out);
  /* decode_simd_fp() sends op0 = x0x1 to fp.c, so bit 28 set means 01x1. */
  return decode_group(w, bit(w, 28), out);
}
