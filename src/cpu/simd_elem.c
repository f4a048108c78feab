/* Decoder of the Advanced SIMD "vector x indexed element" group and its
   scalar twin (Arm ARM C4.1.95). The handlers broadcast Vm[index] and run
   the vector form's code, so they live beside it: MUL/MLA/MLS in
   simd_arith.c, the long multiplies in simd_long.c, the doubling ones in
   simd_sat.c, the FP ones in simd_fp_vec.c. */
#include "cpu/simd.h"

/* Integer forms by opcode <15:12> and U; 0 (OP_undef) is unallocated or
   not implemented (SDOT, UDOT, SQRDMLAH, SQRDMLSH, FMLAL: not ARMv8.0),
   and the FP opcodes are decoded apart. */
static const u16 kElem[16][2] = {
    [0x0] = {0, OP_mla_elem},
    [0x2] = {OP_smlal_elem, OP_umlal_elem},
    [0x3] = {OP_sqdmlal_elem, 0},
    [0x4] = {0, OP_mls_elem},
    [0x6] = {OP_smlsl_elem, OP_umlsl_elem},
    [0x7] = {OP_sqdmlsl_elem, 0},
    [0x8] = {OP_mul_elem, 0},
    [0xa] = {OP_smull_elem, OP_umull_elem},
    [0xb] = {OP_sqdmull_elem, 0},
    [0xc] = {OP_sqdmulh_elem, 0},
    [0xd] = {OP_sqrdmulh_elem, 0},
};

static bool is_long_elem(u16 op) {
  switch (op) {
    case OP_smlal_elem: case OP_umlal_elem: case OP_smlsl_elem: case OP_umlsl_elem:
    case OP_smull_elem: case OP_umull_elem: case OP_sqdmlal_elem:
    case OP_sqdmlsl_elem: case OP_sqdmull_elem:
      return true;
    default:
      return false;
  }
}

static bool is_doubling_elem(u16 op) {
  switch (op) {
    case OP_sqdmlal_elem: case OP_sqdmlsl_elem: case OP_sqdmull_elem:
    case OP_sqdmulh_elem: case OP_sqrdmulh_elem:
      return true;
    default:
      return false;
  }
}

/* 0 Q U 01111 size L M Rm opcode H 0 Rn Rd (vector), 01 U 11111 ...
   (scalar). For 16-bit elements the index is H:L:M and Vm is V0-V15; for
   32-bit ones the index is H:L and M extends Rm. */
bool decode_simd_elem(u32 w, bool scalar, struct insn *out) {
  u32 q = bit(w, 30), u = bit(w, 29), size = bits(w, 23, 22), opcode = bits(w, 15, 12);
  u32 h = bit(w, 11), l = bit(w, 21), m = bit(w, 20);
  if (opcode == 0x1 || opcode == 0x5 || opcode == 0x9)
    return decode_simd_fp_elem(w, scalar, out);
  u16 op = kElem[opcode][u];
  if (!op || size == 0 || size == 3) return false;
  if (scalar && !is_doubling_elem(op)) return false;
  out->op = op;
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  out->a = size;
  if (size == 1) {
    out->rm = bits(w, 19, 16);
    out->imm = h << 2 | l << 1 | m;
  } else {
    out->rm = bits(w, 20, 16);
    out->imm = h << 1 | l;
  }
  if (is_long_elem(op)) {
    out->b = scalar ? 2 << size : 16;
    out->ra = scalar || !q ? 0 : 8 >> size;
  } else {
    out->b = scalar ? 1 << size : q ? 16 : 8;
  }
  return true;
}
