/* Advanced SIMD saturating integer arithmetic: SQADD, UQADD, SQSUB,
   UQSUB, SUQADD, USQADD, SQABS, SQNEG, the doubling multiplies SQDMULH,
   SQRDMULH, SQDMULL, SQDMLAL, SQDMLSL (vector, scalar and by element), and
   the saturating narrows SQXTN, UQXTN, SQXTUN.

   Each element is computed exactly in 128 bits, then clamped by
   SignedSatQ() or UnsignedSatQ() (sat_signed(), sat_unsigned()), which set
   FPSR.QC. Only the live elements are computed, so that QC reflects them
   alone; these forms are too rare for that to matter to speed. */
#include "cpu/simd.h"

/* Defines op_NAME and lanes_NAME(): element i of the result is EXPR of
   element i of Vn, Vm and the old Vd, each available sign-extended (sn,
   sm, sd) and zero-extended (un, um, ud), with `width` the element width in
   bits. */
#define DEF_SATURATING(name, EXPR)                                            \
  static vreg lanes_##name(struct cpu *cpu, const struct insn *in, vreg vn,   \
                           vreg vm, vreg vd) {                                \
    vreg r = {.d = {0, 0}};                                                   \
    u32 esz = in->a, width = 8u << esz;                                       \
    for (u32 i = 0; i < (u32)in->b >> esz; i++) {                             \
      i64 sn = lane_s(&vn, esz, i), sm = lane_s(&vm, esz, i);                 \
      i64 sd = lane_s(&vd, esz, i);                                           \
      u64 un = lane_u(&vn, esz, i), um = lane_u(&vm, esz, i);                 \
      u64 ud = lane_u(&vd, esz, i);                                           \
      (void)sn, (void)sm, (void)sd, (void)un, (void)um, (void)ud;             \
      lane_set(&r, esz, i, EXPR);                                             \
    }                                                                         \
    return r;                                                                 \
  }                                                                           \
  OP_HANDLER(name) {                                                          \
    vreg r = lanes_##name(cpu, in, cpu->v[in->rn], cpu->v[in->rm],            \
                          cpu->v[in->rd]);                                    \
    vec_write(cpu, in->rd, r, in->b);                                         \
    return NEXT;                                                              \
  }

DEF_SATURATING(sqadd_vec, sat_signed(cpu, (i128)sn + sm, width))
DEF_SATURATING(uqadd_vec, sat_unsigned(cpu, (i128)un + um, width))
DEF_SATURATING(sqsub_vec, sat_signed(cpu, (i128)sn - sm, width))
DEF_SATURATING(uqsub_vec, sat_unsigned(cpu, (i128)un - um, width))
/* SUQADD: Vd (signed) plus Vn (unsigned); USQADD the other way round. */
DEF_SATURATING(suqadd_vec, sat_signed(cpu, (i128)sd + un, width))
DEF_SATURATING(usqadd_vec, sat_unsigned(cpu, (i128)ud + sn, width))
DEF_SATURATING(sqabs_vec, sat_signed(cpu, sn < 0 ? -(i128)sn : sn, width))
DEF_SATURATING(sqneg_vec, sat_signed(cpu, -(i128)sn, width))
/* The high half of the doubled product, rounded for SQRDMULH; only
   MIN * MIN overflows. */
DEF_SATURATING(sqdmulh_vec, sat_signed(cpu, 2 * (i128)sn * sm >> width, width))
DEF_SATURATING(sqrdmulh_vec,
               sat_signed(cpu, (2 * (i128)sn * sm + ((i128)1 << (width - 1))) >> width,
                          width))

OP_HANDLER(sqdmulh_elem) {
  vreg m = lane_broadcast(&cpu->v[in->rm], in->a, (u32)in->imm);
  vreg r = lanes_sqdmulh_vec(cpu, in, cpu->v[in->rn], m, cpu->v[in->rd]);
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(sqrdmulh_elem) {
  vreg m = lane_broadcast(&cpu->v[in->rm], in->a, (u32)in->imm);
  vreg r = lanes_sqrdmulh_vec(cpu, in, cpu->v[in->rn], m, cpu->v[in->rd]);
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

/* Defines op_NAME and lanes_NAME() for a widening form (see simd.h): the
   narrow elements ra + i of Vn and Vm come sign-extended as sn, sm, the
   wide element i of the old Vd as sd, and `width` is the wide width. */
#define DEF_SATURATING_LONG(name, EXPR)                                       \
  static vreg lanes_##name(struct cpu *cpu, const struct insn *in, vreg vn,   \
                           vreg vm, vreg vd) {                                \
    vreg r = {.d = {0, 0}};                                                   \
    u32 esz = in->a, width = 16u << esz;                                      \
    for (u32 i = 0; i < wide_count(in); i++) {                                \
      i64 sn = lane_s(&vn, esz, in->ra + i), sm = lane_s(&vm, esz, in->ra + i); \
      i64 sd = lane_s(&vd, esz + 1, i);                                       \
      (void)sd;                                                               \
      lane_set(&r, esz + 1, i, EXPR);                                         \
    }                                                                         \
    return r;                                                                 \
  }                                                                           \
  OP_HANDLER(name) {                                                          \
    vreg r = lanes_##name(cpu, in, cpu->v[in->rn], cpu->v[in->rm],            \
                          cpu->v[in->rd]);                                    \
    vec_write(cpu, in->rd, r, in->b);                                         \
    return NEXT;                                                              \
  }

/* SignedSatQ(2 * a * b): QC is set by the doubling of MIN * MIN alone. */
static inline i64 doubled_product(struct cpu *cpu, i64 a, i64 b, u32 width) {
  return (i64)sat_signed(cpu, 2 * (i128)a * b, width);
}

/* SQDMLAL and SQDMLSL saturate the product, then the accumulation; either
   sets QC (the pseudocode's sat1 || sat2). */
DEF_SATURATING_LONG(sqdmull_vec, (u64)doubled_product(cpu, sn, sm, width))
DEF_SATURATING_LONG(sqdmlal_vec,
                    sat_signed(cpu, (i128)sd + doubled_product(cpu, sn, sm, width), width))
DEF_SATURATING_LONG(sqdmlsl_vec,
                    sat_signed(cpu, (i128)sd - doubled_product(cpu, sn, sm, width), width))

static const struct insn *saturating_long_elem(
    struct cpu *cpu, const struct insn *in,
    vreg (*lanes)(struct cpu *, const struct insn *, vreg, vreg, vreg)) {
  vreg m = lane_broadcast(&cpu->v[in->rm], in->a, (u32)in->imm);
  vec_write(cpu, in->rd, lanes(cpu, in, cpu->v[in->rn], m, cpu->v[in->rd]), in->b);
  return NEXT;
}

OP_HANDLER(sqdmull_elem) { return saturating_long_elem(cpu, in, lanes_sqdmull_vec); }
OP_HANDLER(sqdmlal_elem) { return saturating_long_elem(cpu, in, lanes_sqdmlal_vec); }
OP_HANDLER(sqdmlsl_elem) { return saturating_long_elem(cpu, in, lanes_sqdmlsl_vec); }

/* Saturating narrows (see simd.h for a, b): SQXTN signed to signed, UQXTN
   unsigned to unsigned, SQXTUN signed to unsigned. */
static const struct insn *saturating_narrow(struct cpu *cpu, const struct insn *in,
                                            bool src_signed, bool dst_signed) {
  vreg r = cpu->v[in->rd], n = cpu->v[in->rn];
  u32 esz = in->a, width = 8u << esz, first = narrow_first(in);
  for (u32 i = 0; i < narrow_count(in); i++) {
    i128 x = src_signed ? (i128)lane_s(&n, esz + 1, i) : (i128)lane_u(&n, esz + 1, i);
    u64 y = dst_signed ? sat_signed(cpu, x, width) : sat_unsigned(cpu, x, width);
    lane_set(&r, esz, first + i, y);
  }
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(sqxtn_vec) { return saturating_narrow(cpu, in, true, true); }
OP_HANDLER(uqxtn_vec) { return saturating_narrow(cpu, in, false, false); }
OP_HANDLER(sqxtun_vec) { return saturating_narrow(cpu, in, true, false); }
