/* Advanced SIMD reductions: pairwise operations (ADDP, SMAXP, UMINP...,
   the pairwise long adds SADDLP, UADALP...) and the "across lanes" group
   (ADDV, SMAXV, UMINV, SADDLV, UADDLV...), with the decoders of the across
   lanes and scalar pairwise groups. memchr, strlen and friends reduce a
   compare mask with these, so the common ones run as typed loops. */
#include "cpu/simd.h"

/* Defines op_NAME: element i of the result is EXPR of the elements 2i and
   2i + 1 (x, y, of type uN) of Vm:Vn. */
#define DEF_PAIRWISE(name, LANES, EXPR)                                  \
  OP_HANDLER(name) {                                                     \
    vreg r, cat[2];                                                      \
    vec_concat(cat, cpu->v[in->rn], cpu->v[in->rm], in->b);             \
    LANES(in->a, (u32)in->b >> in->a, uN x = LANE(cat, 2 * i);           \
          uN y = LANE(cat, 2 * i + 1); LANE(r, i) = (uN)(EXPR));         \
    vec_write(cpu, in->rd, r, in->b);                                    \
    return NEXT;                                                         \
  }

DEF_PAIRWISE(addp_vec, SIMD_LANES, x + y)
DEF_PAIRWISE(smaxp_vec, SIMD_LANES_BHS, (sN)x > (sN)y ? x : y)
DEF_PAIRWISE(sminp_vec, SIMD_LANES_BHS, (sN)x < (sN)y ? x : y)
DEF_PAIRWISE(umaxp_vec, SIMD_LANES_BHS, x > y ? x : y)
DEF_PAIRWISE(uminp_vec, SIMD_LANES_BHS, x < y ? x : y)

/* ADDP (scalar): Dd = Vn.d[0] + Vn.d[1]. */
OP_HANDLER(addp_scalar) {
  vreg r = {.d = {cpu->v[in->rn].d[0] + cpu->v[in->rn].d[1], 0}};
  cpu->v[in->rd] = r;
  return NEXT;
}

/* SADDLP, UADDLP and the accumulating SADALP, UADALP: wide element i is
   the sum of narrow elements 2i and 2i + 1 of Vn (a = narrow size). */
static const struct insn *add_pairs_long(struct cpu *cpu, const struct insn *in,
                                         bool is_signed, bool accumulate) {
  vreg r = cpu->v[in->rd], n = cpu->v[in->rn];
  SIMD_WIDE_LANES(in->a, (u32)in->b >> (in->a + 1),
                  uW x = is_signed ? (uW)(sW)(sN)LANE(n, 2 * i) : LANE(n, 2 * i);
                  uW y = is_signed ? (uW)(sW)(sN)LANE(n, 2 * i + 1) : LANE(n, 2 * i + 1);
                  WIDE(r, i) = (uW)((accumulate ? WIDE(r, i) : 0) + x + y));
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(saddlp_vec) { return add_pairs_long(cpu, in, true, false); }
OP_HANDLER(uaddlp_vec) { return add_pairs_long(cpu, in, false, false); }
OP_HANDLER(sadalp_vec) { return add_pairs_long(cpu, in, true, true); }
OP_HANDLER(uadalp_vec) { return add_pairs_long(cpu, in, false, true); }

/* Across lanes: b is the size of the source vector (8 or 16 bytes) and the
   result is a scalar of the element size (2^a bytes), or twice that for
   the long sums. The lane macros run their loop once here, for the types
   they define; the reduction is the inner loop. */
#define DEF_ACROSS(name, LANES, EXPR)                                    \
  OP_HANDLER(name) {                                                     \
    vreg r = {.d = {0, 0}}, n = cpu->v[in->rn];                          \
    LANES(in->a, 1, uN acc = LANE(n, 0);                                 \
          for (u32 j = 1; j < (u32)in->b >> in->a; j++) {                \
            uN x = LANE(n, j);                                           \
            acc = (uN)(EXPR);                                            \
          } LANE(r, 0) = acc);                                           \
    cpu->v[in->rd] = r;                                                  \
    return NEXT;                                                         \
  }

DEF_ACROSS(addv_vec, SIMD_LANES_BHS, acc + x)
DEF_ACROSS(smaxv_vec, SIMD_LANES_BHS, (sN)x > (sN)acc ? x : acc)
DEF_ACROSS(sminv_vec, SIMD_LANES_BHS, (sN)x < (sN)acc ? x : acc)
DEF_ACROSS(umaxv_vec, SIMD_LANES_BHS, x > acc ? x : acc)
DEF_ACROSS(uminv_vec, SIMD_LANES_BHS, x < acc ? x : acc)

static const struct insn *add_long_across(struct cpu *cpu, const struct insn *in,
                                          bool is_signed) {
  vreg r = {.d = {0, 0}}, n = cpu->v[in->rn];
  SIMD_WIDE_LANES(in->a, 1, uW acc = 0;
                  for (u32 j = 0; j < (u32)in->b >> in->a; j++)
                    acc += is_signed ? (uW)(sW)(sN)LANE(n, j) : LANE(n, j);
                  WIDE(r, 0) = acc);
  cpu->v[in->rd] = r;
  return NEXT;
}

OP_HANDLER(saddlv_vec) { return add_long_across(cpu, in, true); }
OP_HANDLER(uaddlv_vec) { return add_long_across(cpu, in, false); }

/* 0 Q U 01110 size 11000 opcode 10 Rn Rd. */
bool decode_simd_across(u32 w, struct insn *out) {
  u32 q = bit(w, 30), u = bit(w, 29), size = bits(w, 23, 22), opcode = bits(w, 16, 12);
  if (opcode == 0x0c || opcode == 0x0f) return decode_simd_fp_across(w, out);
  /* Four elements at least: no D elements, and S elements need Q = 1. */
  if (size == 3 || (size == 2 && !q)) return false;
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  out->a = size;
  out->b = q ? 16 : 8;
  switch (opcode) {
    case 0x03: out->op = u ? OP_uaddlv_vec : OP_saddlv_vec; return true;
    case 0x0a: out->op = u ? OP_umaxv_vec : OP_smaxv_vec; return true;
    case 0x1a: out->op = u ? OP_uminv_vec : OP_sminv_vec; return true;
    case 0x1b: out->op = OP_addv_vec; return !u;
    default: return false;
  }
}

/* 01 U 11110 size 11000 opcode 10 Rn Rd: ADDP (scalar) and the FP forms. */
bool decode_simd_scalar_pairwise(u32 w, struct insn *out) {
  u32 u = bit(w, 29), size = bits(w, 23, 22), opcode = bits(w, 16, 12);
  if (opcode != 0x1b) return decode_simd_fp_scalar_pairwise(w, out);
  if (u || size != 3) return false;
  out->op = OP_addp_scalar;
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  return true;
}
