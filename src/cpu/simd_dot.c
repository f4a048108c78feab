/* The dot product instructions of FEAT_DotProd ("asimddp"): SDOT and UDOT,
   vector and by element, with the decoder of the Advanced SIMD
   "three-register extension" group they belong to (Arm ARM C4.1.95). The
   group's other forms (SQRDMLAH, SQRDMLSH: FEAT_RDM; FCMLA, FCADD:
   FEAT_FCMA; USDOT: FEAT_I8MM; BFDOT...) are not advertised, so they
   decode as unallocated. See simd.h for the a, b and imm conventions. */
#include "cpu/simd.h"

/* Arm ARM SDOT/UDOT: each 32-bit element of Vd accumulates, modulo 2^32,
   the four products of the bytes of Vn and Vm in the same 32 bits, each
   byte extended to an integer first. */
static vreg dot_lanes(vreg n, vreg m, vreg d, bool is_signed) {
  for (u32 e = 0; e < 4; e++) {
    u32 sum = 0;
    for (u32 i = 4 * e; i < 4 * e + 4; i++)
      sum += is_signed ? (u32)((i32)(i8)n.b[i] * (i8)m.b[i]) : (u32)n.b[i] * m.b[i];
    d.s[e] += sum;
  }
  return d;
}

static const struct insn *dot(struct cpu *cpu, const struct insn *in, vreg m, bool is_signed) {
  vreg r = dot_lanes(cpu->v[in->rn], m, cpu->v[in->rd], is_signed);
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(sdot_vec) { return dot(cpu, in, cpu->v[in->rm], true); }
OP_HANDLER(udot_vec) { return dot(cpu, in, cpu->v[in->rm], false); }

/* By element: the four bytes of Vm.4B[imm] against every group of four. */
OP_HANDLER(sdot_elem) {
  return dot(cpu, in, lane_broadcast(&cpu->v[in->rm], 2, (u32)in->imm), true);
}
OP_HANDLER(udot_elem) {
  return dot(cpu, in, lane_broadcast(&cpu->v[in->rm], 2, (u32)in->imm), false);
}

/* Three-register extension: 0 Q U 01110 size 0 Rm 1 opcode 1 Rn Rd. Of it
   only SDOT/UDOT (opcode 0010, size 2) are implemented; the scalar twin
   holds SQRDMLAH and SQRDMLSH only. */
bool decode_simd_three_ext(u32 w, bool scalar, struct insn *out) {
  if (scalar || bits(w, 15, 11) != 0x12 || bits(w, 23, 22) != 2) return false;
  out->op = bit(w, 29) ? OP_udot_vec : OP_sdot_vec;
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  out->rm = bits(w, 20, 16);
  out->a = 2;
  out->b = bit(w, 30) ? 16 : 8;
  return true;
}

/* SDOT, UDOT (by element): 0 Q U 01111 size L M Rm 1110 H 0 Rn Rd, size 2;
   simd.c sends every "vector x indexed element" word with opcode 1110
   here. Vm is M:Rm and the index H:L. */
bool decode_simd_dot_elem(u32 w, bool scalar, struct insn *out) {
  if (scalar || bits(w, 23, 22) != 2) return false;
  out->op = bit(w, 29) ? OP_udot_elem : OP_sdot_elem;
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  out->rm = bits(w, 20, 16);
  out->a = 2;
  out->b = bit(w, 30) ? 16 : 8;
  out->imm = bit(w, 11) << 1 | bit(w, 21);
  return true;
}
