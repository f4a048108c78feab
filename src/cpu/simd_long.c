/* Advanced SIMD widening and narrowing arithmetic: the "three different"
   group (Arm ARM C4.1.95) -- SADDL, SADDW, ADDHN, SABAL, SABDL, SMLAL,
   SMLSL, SMULL, PMULL and their unsigned and rounding forms -- plus the
   by-element long multiplies. The saturating doubling forms of the group
   (SQDMULL, SQDMLAL, SQDMLSL) live in simd_sat.c.

   See simd.h for how a, b and ra describe a widening or narrowing form.
   Each wide result is exact in the wide type: a sum, difference or product
   of two narrow values always fits there. */
#include "cpu/simd.h"

/* Defines op_NAME and lanes_NAME() of a widening form: wide element i of
   the result is EXPR of the narrow elements ra + i of Vn and Vm (n, m, of
   type uN) and the wide elements i of Vn and the old Vd (wn, d, of type
   uW). */
#define DEF_LONG(name, EXPR)                                                  \
  static vreg lanes_##name(const struct insn *in, vreg vn, vreg vm, vreg vd) { \
    vreg r = {.d = {0, 0}}; /* not every lane count fills r */             \
    u32 first = in->ra;                                                       \
    SIMD_WIDE_LANES(in->a, wide_count(in), uN n = LANE(vn, first + i);        \
                    uN m = LANE(vm, first + i); uW wn = WIDE(vn, i);          \
                    uW d = WIDE(vd, i); (void)n; (void)m; (void)wn; (void)d;  \
                    WIDE(r, i) = (uW)(EXPR));                                 \
    return r;                                                                 \
  }                                                                           \
  OP_HANDLER(name) {                                                          \
    vreg r = lanes_##name(in, cpu->v[in->rn], cpu->v[in->rm], cpu->v[in->rd]); \
    vec_write(cpu, in->rd, r, in->b);                                         \
    return NEXT;                                                              \
  }

/* Narrow elements extended to the wide signed type; unsigned ones extend
   by themselves. */
#define SX(x) ((sW)(sN)(x))

/* |x - y| of two values already extended to a wide type. */
#define ABSDIFF(x, y) ((x) > (y) ? (x) - (y) : (y) - (x))

/* Polynomial (carry-less) multiply of two bytes into 16 bits: PMULL. */
static inline u16 pmull8(u8 a, u8 b) {
  u16 r = 0;
  for (u32 i = 0; i < 8; i++)
    if (b >> i & 1) r ^= (u16)(a << i);
  return r;
}

DEF_LONG(saddl_vec, SX(n) + SX(m))
DEF_LONG(uaddl_vec, (uW)n + m)
DEF_LONG(ssubl_vec, SX(n) - SX(m))
DEF_LONG(usubl_vec, (uW)n - m)
DEF_LONG(saddw_vec, wn + (uW)SX(m))
DEF_LONG(uaddw_vec, wn + m)
DEF_LONG(ssubw_vec, wn - (uW)SX(m))
DEF_LONG(usubw_vec, wn - m)
DEF_LONG(sabdl_vec, ABSDIFF(SX(n), SX(m)))
DEF_LONG(uabdl_vec, ABSDIFF((uW)n, (uW)m))
DEF_LONG(sabal_vec, d + (uW)ABSDIFF(SX(n), SX(m)))
DEF_LONG(uabal_vec, d + (uW)ABSDIFF((uW)n, (uW)m))
DEF_LONG(smull_vec, SX(n) * SX(m))
DEF_LONG(umull_vec, (uW)n * m)
DEF_LONG(smlal_vec, d + (uW)(SX(n) * SX(m)))
DEF_LONG(umlal_vec, d + (uW)((uW)n * m))
DEF_LONG(smlsl_vec, d - (uW)(SX(n) * SX(m)))
DEF_LONG(umlsl_vec, d - (uW)((uW)n * m))
DEF_LONG(pmull_vec, pmull8((u8)n, (u8)m))

/* SMULL, UMULL, SMLAL, UMLAL, SMLSL, UMLSL (by element): the vector form
   against Vm[imm] broadcast. */
static const struct insn *long_elem(struct cpu *cpu, const struct insn *in,
                                    vreg (*lanes)(const struct insn *, vreg, vreg, vreg)) {
  vreg m = lane_broadcast(&cpu->v[in->rm], in->a, (u32)in->imm);
  vec_write(cpu, in->rd, lanes(in, cpu->v[in->rn], m, cpu->v[in->rd]), in->b);
  return NEXT;
}

OP_HANDLER(smull_elem) { return long_elem(cpu, in, lanes_smull_vec); }
OP_HANDLER(umull_elem) { return long_elem(cpu, in, lanes_umull_vec); }
OP_HANDLER(smlal_elem) { return long_elem(cpu, in, lanes_smlal_vec); }
OP_HANDLER(umlal_elem) { return long_elem(cpu, in, lanes_umlal_vec); }
OP_HANDLER(smlsl_elem) { return long_elem(cpu, in, lanes_smlsl_vec); }
OP_HANDLER(umlsl_elem) { return long_elem(cpu, in, lanes_umlsl_vec); }

/* ADDHN, RADDHN, SUBHN, RSUBHN: the high half of the wide sum or
   difference, computed modulo 2^(2 * esize) as the pseudocode does, with
   1 << (esize - 1) added first by the rounding forms. a is the narrow
   size. */
static const struct insn *high_narrow(struct cpu *cpu, const struct insn *in,
                                      bool subtract, bool rounding) {
  vreg r = cpu->v[in->rd], n = cpu->v[in->rn], m = cpu->v[in->rm];
  u32 first = narrow_first(in);
  SIMD_WIDE_LANES(in->a, narrow_count(in),
                  uW round = rounding ? (uW)((uW)1 << (W - 1)) : 0;
                  uW x = (uW)((subtract ? WIDE(n, i) - WIDE(m, i)
                                        : WIDE(n, i) + WIDE(m, i)) + round);
                  LANE(r, first + i) = (uN)(x >> W));
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(addhn_vec) { return high_narrow(cpu, in, false, false); }
OP_HANDLER(raddhn_vec) { return high_narrow(cpu, in, false, true); }
OP_HANDLER(subhn_vec) { return high_narrow(cpu, in, true, false); }
OP_HANDLER(rsubhn_vec) { return high_narrow(cpu, in, true, true); }

/* "Three different" by opcode <15:12> and U; 0 (OP_undef) is unallocated. */
static const u16 kThreeDiff[16][2] = {
    {OP_saddl_vec, OP_uaddl_vec},   {OP_saddw_vec, OP_uaddw_vec},
    {OP_ssubl_vec, OP_usubl_vec},   {OP_ssubw_vec, OP_usubw_vec},
    {OP_addhn_vec, OP_raddhn_vec},  {OP_sabal_vec, OP_uabal_vec},
    {OP_subhn_vec, OP_rsubhn_vec},  {OP_sabdl_vec, OP_uabdl_vec},
    {OP_smlal_vec, OP_umlal_vec},   {OP_sqdmlal_vec, 0},
    {OP_smlsl_vec, OP_umlsl_vec},   {OP_sqdmlsl_vec, 0},
    {OP_smull_vec, OP_umull_vec},   {OP_sqdmull_vec, 0},
    {OP_pmull_vec, 0},              {0, 0},
};

/* 0 Q U 01110 size 1 Rm opcode 00 Rn Rd (vector), 01 U 11110 ... (scalar:
   only SQDMLAL, SQDMLSL, SQDMULL). */
bool decode_simd_three_diff(u32 w, bool scalar, struct insn *out) {
  u32 q = bit(w, 30), u = bit(w, 29), size = bits(w, 23, 22), opcode = bits(w, 15, 12);
  u16 op = kThreeDiff[opcode][u];
  bool doubling = op == OP_sqdmlal_vec || op == OP_sqdmlsl_vec || op == OP_sqdmull_vec;
  /* PMULL of 64-bit elements (size 3) is FEAT_PMULL, not implemented. */
  if (!op || size == 3) return false;
  if (doubling && size == 0) return false;
  if (op == OP_pmull_vec && size != 0) return false;
  if (scalar && !doubling) return false;
  out->op = op;
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  out->rm = bits(w, 20, 16);
  out->a = size;
  if (opcode == 4 || opcode == 6) { /* narrowing: ADDHN, SUBHN, ... */
    out->b = q ? 16 : 8;
    return true;
  }
  out->b = scalar ? 2 << size : 16;
  out->ra = scalar || !q ? 0 : 8 >> size;
  return true;
}
