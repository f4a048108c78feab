/* Advanced SIMD shifts: by register (SSHL, USHL and their rounding and
   saturating forms), by immediate (SSHR, USHR, SHL, SRI, SLI, the
   accumulating, rounding and saturating forms), narrowing (SHRN, RSHRN,
   SQSHRN, SQSHRUN... ) and widening (SSHLL, USHLL, SHLL), with the decoder
   of the "shift by immediate" group.

   The plain shifts that compilers and string routines use run as typed
   lane loops. The rest share shift_value(), which follows the pseudocode
   of the register forms: the element is an unbounded integer, shifted left
   or (negative shift) right, rounded by adding 1 << (-shift - 1) first,
   then truncated or saturated. A 128-bit integer holds every value that
   can arise, once right shifts beyond 65 bits are clamped (from there on
   the result no longer depends on the count). */
#include "cpu/simd.h"

enum sat { NO_SAT, SAT_SIGNED, SAT_UNSIGNED };

static u64 shift_value(struct cpu *cpu, i128 v, i32 shift, bool rounding, enum sat sat,
                       u32 width) {
  if (shift >= 0) {
    if (sat == NO_SAT) return shift >= 64 ? 0 : (u64)v << shift;
    if (v == 0) return 0;
    /* Any non-zero value shifted by the width or more is out of range. */
    if ((u32)shift >= width) v = v < 0 ? -((i128)1 << 80) : (i128)1 << 80;
    else v = (i128)((u128)v << shift);
  } else {
    u32 k = shift < -65 ? 65 : (u32)-shift;
    if (rounding) v += (i128)1 << (k - 1);
    v >>= k;
  }
  switch (sat) {
    case SAT_SIGNED: return sat_signed(cpu, v, width);
    case SAT_UNSIGNED: return sat_unsigned(cpu, v, width);
    default: return (u64)v;
  }
}

static i128 lane_value(const vreg *v, u32 esz, u32 i, bool is_unsigned) {
  return is_unsigned ? (i128)lane_u(v, esz, i) : (i128)lane_s(v, esz, i);
}

/* SSHL, USHL, SRSHL, URSHL, SQSHL, UQSHL, SQRSHL, UQRSHL (register): the
   shift count is the signed low byte of each element of Vm. */
static const struct insn *shift_by_register(struct cpu *cpu, const struct insn *in,
                                            bool is_unsigned, bool rounding, bool saturating) {
  vreg r = {.d = {0, 0}}, n = cpu->v[in->rn], m = cpu->v[in->rm];
  u32 esz = in->a, width = 8u << esz;
  enum sat sat = !saturating ? NO_SAT : is_unsigned ? SAT_UNSIGNED : SAT_SIGNED;
  for (u32 i = 0; i < (u32)in->b >> esz; i++) {
    i8 shift = (i8)lane_u(&m, esz, i);
    lane_set(&r, esz, i, shift_value(cpu, lane_value(&n, esz, i, is_unsigned), shift,
                                     rounding, sat, width));
  }
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(sshl_vec) { return shift_by_register(cpu, in, false, false, false); }
OP_HANDLER(ushl_vec) { return shift_by_register(cpu, in, true, false, false); }
OP_HANDLER(srshl_vec) { return shift_by_register(cpu, in, false, true, false); }
OP_HANDLER(urshl_vec) { return shift_by_register(cpu, in, true, true, false); }
OP_HANDLER(sqshl_vec) { return shift_by_register(cpu, in, false, false, true); }
OP_HANDLER(uqshl_vec) { return shift_by_register(cpu, in, true, false, true); }
OP_HANDLER(sqrshl_vec) { return shift_by_register(cpu, in, false, true, true); }
OP_HANDLER(uqrshl_vec) { return shift_by_register(cpu, in, true, true, true); }

/* Plain shifts by immediate (imm = shift). An SSHR by the full width
   fills with the sign, which a shift by W - 1 gives; a USHR by the full
   width gives zero. */
OP_HANDLER(shl_vec) {
  vreg r, n = cpu->v[in->rn];
  u32 shift = (u32)in->imm;
  SIMD_LANES(in->a, ALL_LANES, LANE(r, i) = (uN)(LANE(n, i) << shift));
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(sshr_vec) {
  vreg r, n = cpu->v[in->rn];
  u32 shift = (u32)in->imm;
  SIMD_LANES(in->a, ALL_LANES,
             LANE(r, i) = (uN)((sN)LANE(n, i) >> (shift < W ? shift : W - 1)));
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(ushr_vec) {
  vreg r, n = cpu->v[in->rn];
  u32 shift = (u32)in->imm;
  SIMD_LANES(in->a, ALL_LANES, LANE(r, i) = shift < W ? (uN)(LANE(n, i) >> shift) : 0);
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(ssra_vec) {
  vreg r = cpu->v[in->rd], n = cpu->v[in->rn];
  u32 shift = (u32)in->imm;
  SIMD_LANES(in->a, ALL_LANES,
             LANE(r, i) += (uN)((sN)LANE(n, i) >> (shift < W ? shift : W - 1)));
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(usra_vec) {
  vreg r = cpu->v[in->rd], n = cpu->v[in->rn];
  u32 shift = (u32)in->imm;
  SIMD_LANES(in->a, ALL_LANES, LANE(r, i) += shift < W ? (uN)(LANE(n, i) >> shift) : 0);
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

/* SRSHR, URSHR, SRSRA, URSRA: rounding right shifts, accumulating or not. */
static const struct insn *rounding_shift_right(struct cpu *cpu, const struct insn *in,
                                               bool is_unsigned, bool accumulate) {
  vreg r = cpu->v[in->rd], n = cpu->v[in->rn];
  u32 esz = in->a, width = 8u << esz;
  for (u32 i = 0; i < (u32)in->b >> esz; i++) {
    u64 x = shift_value(cpu, lane_value(&n, esz, i, is_unsigned), -(i32)in->imm, true,
                        NO_SAT, width);
    lane_set(&r, esz, i, accumulate ? x + lane_u(&r, esz, i) : x);
  }
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(srshr_vec) { return rounding_shift_right(cpu, in, false, false); }
OP_HANDLER(urshr_vec) { return rounding_shift_right(cpu, in, true, false); }
OP_HANDLER(srsra_vec) { return rounding_shift_right(cpu, in, false, true); }
OP_HANDLER(ursra_vec) { return rounding_shift_right(cpu, in, true, true); }

/* SLI and SRI: the shifted bits of Vn replace those of Vd; the bits the
   shift vacated keep Vd's. SRI by the full width leaves Vd as it was. */
OP_HANDLER(sli_vec) {
  vreg r = cpu->v[in->rd], n = cpu->v[in->rn];
  u32 shift = (u32)in->imm;
  SIMD_LANES(in->a, ALL_LANES, uN mask = (uN)((uN)~(uN)0 << shift);
             LANE(r, i) = (uN)((LANE(r, i) & ~mask) | (uN)(LANE(n, i) << shift)));
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(sri_vec) {
  vreg r = cpu->v[in->rd], n = cpu->v[in->rn];
  u32 shift = (u32)in->imm;
  SIMD_LANES(in->a, ALL_LANES, if (shift < W) {
    uN mask = (uN)((uN)~(uN)0 >> shift);
    LANE(r, i) = (uN)((LANE(r, i) & ~mask) | (LANE(n, i) >> shift));
  });
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

/* SQSHL, UQSHL (immediate) and SQSHLU: saturating left shifts. */
static const struct insn *saturating_shift_left(struct cpu *cpu, const struct insn *in,
                                                bool src_unsigned, enum sat sat) {
  vreg r = {.d = {0, 0}}, n = cpu->v[in->rn];
  u32 esz = in->a, width = 8u << esz;
  for (u32 i = 0; i < (u32)in->b >> esz; i++)
    lane_set(&r, esz, i, shift_value(cpu, lane_value(&n, esz, i, src_unsigned),
                                     (i32)in->imm, false, sat, width));
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(sqshl_imm) { return saturating_shift_left(cpu, in, false, SAT_SIGNED); }
OP_HANDLER(uqshl_imm) { return saturating_shift_left(cpu, in, true, SAT_UNSIGNED); }
OP_HANDLER(sqshlu_vec) { return saturating_shift_left(cpu, in, false, SAT_UNSIGNED); }

/* SHRN: the narrowing case that string routines use (SHRN #4 packs a
   byte mask into nibbles), as a typed loop. */
OP_HANDLER(shrn_vec) {
  vreg r = cpu->v[in->rd], n = cpu->v[in->rn];
  u32 shift = (u32)in->imm, first = narrow_first(in);
  SIMD_WIDE_LANES(in->a, narrow_count(in), LANE(r, first + i) = (uN)(WIDE(n, i) >> shift));
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

/* RSHRN and the saturating narrowing shifts: imm = right shift, a = the
   narrow size (see simd.h). */
static const struct insn *narrowing_shift(struct cpu *cpu, const struct insn *in,
                                          bool src_unsigned, bool rounding, enum sat sat) {
  vreg r = cpu->v[in->rd], n = cpu->v[in->rn];
  u32 esz = in->a, width = 8u << esz, first = narrow_first(in);
  for (u32 i = 0; i < narrow_count(in); i++)
    lane_set(&r, esz, first + i,
             shift_value(cpu, lane_value(&n, esz + 1, i, src_unsigned), -(i32)in->imm,
                         rounding, sat, width));
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(rshrn_vec) { return narrowing_shift(cpu, in, true, true, NO_SAT); }
OP_HANDLER(sqshrn_vec) { return narrowing_shift(cpu, in, false, false, SAT_SIGNED); }
OP_HANDLER(sqrshrn_vec) { return narrowing_shift(cpu, in, false, true, SAT_SIGNED); }
OP_HANDLER(uqshrn_vec) { return narrowing_shift(cpu, in, true, false, SAT_UNSIGNED); }
OP_HANDLER(uqrshrn_vec) { return narrowing_shift(cpu, in, true, true, SAT_UNSIGNED); }
OP_HANDLER(sqshrun_vec) { return narrowing_shift(cpu, in, false, false, SAT_UNSIGNED); }
OP_HANDLER(sqrshrun_vec) { return narrowing_shift(cpu, in, false, true, SAT_UNSIGNED); }

/* SSHLL, USHLL (and so SXTL, UXTL, SHLL): widening left shifts by imm,
   from the narrow elements ra onwards (see simd.h). */
OP_HANDLER(sshll_vec) {
  vreg r, n = cpu->v[in->rn];
  u32 shift = (u32)in->imm, first = in->ra;
  SIMD_WIDE_LANES(in->a, wide_count(in),
                  WIDE(r, i) = (uW)((uW)(sW)(sN)LANE(n, first + i) << shift));
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(ushll_vec) {
  vreg r, n = cpu->v[in->rn];
  u32 shift = (u32)in->imm, first = in->ra;
  SIMD_WIDE_LANES(in->a, wide_count(in), WIDE(r, i) = (uW)((uW)LANE(n, first + i) << shift));
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

/* The kinds of form in the shift-by-immediate group. */
enum shift_kind {
  RIGHT,  /* same size, shift = 2 * esize - immh:immb */
  LEFT,   /* same size, shift = immh:immb - esize */
  NARROW, /* esize is the narrow size; right shift */
  LONG,   /* esize is the narrow size; left shift */
};

struct shift_form {
  u16 op[2];      /* by U; 0 (OP_undef): unallocated */
  u8 kind;        /* enum shift_kind */
  u8 scalar;      /* 0: vector only; 1: scalar, 64-bit only; 2: scalar, any size */
};

static const struct shift_form kShiftImm[0x15] = {
    [0x00] = {{OP_sshr_vec, OP_ushr_vec}, RIGHT, 1},
    [0x02] = {{OP_ssra_vec, OP_usra_vec}, RIGHT, 1},
    [0x04] = {{OP_srshr_vec, OP_urshr_vec}, RIGHT, 1},
    [0x06] = {{OP_srsra_vec, OP_ursra_vec}, RIGHT, 1},
    [0x08] = {{0, OP_sri_vec}, RIGHT, 1},
    [0x0a] = {{OP_shl_vec, OP_sli_vec}, LEFT, 1},
    [0x0c] = {{0, OP_sqshlu_vec}, LEFT, 2},
    [0x0e] = {{OP_sqshl_imm, OP_uqshl_imm}, LEFT, 2},
    [0x10] = {{OP_shrn_vec, OP_sqshrun_vec}, NARROW, 2},
    [0x11] = {{OP_rshrn_vec, OP_sqrshrun_vec}, NARROW, 2},
    [0x12] = {{OP_sqshrn_vec, OP_uqshrn_vec}, NARROW, 2},
    [0x13] = {{OP_sqrshrn_vec, OP_uqrshrn_vec}, NARROW, 2},
    [0x14] = {{OP_sshll_vec, OP_ushll_vec}, LONG, 0},
};

/* 0 Q U 011110 immh immb opcode 1 Rn Rd (vector), 01 U 111110 ... (scalar).
   The element size is given by the highest set bit of immh. */
bool decode_simd_shift_imm(u32 w, bool scalar, struct insn *out) {
  u32 q = bit(w, 30), u = bit(w, 29), immh = bits(w, 22, 19), opcode = bits(w, 15, 11);
  u32 immhb = bits(w, 22, 16);
  if (immh == 0) return false;
  if (opcode == 0x1c || opcode == 0x1f) return decode_simd_fp_fixed(w, scalar, out);
  if (opcode >= ARRAY_LEN(kShiftImm) || !kShiftImm[opcode].op[u]) return false;
  const struct shift_form *f = &kShiftImm[opcode];
  u32 size = 31 - (u32)__builtin_clz(immh), esize = 8u << size;
  bool wide_operand = f->kind == NARROW || f->kind == LONG;
  if (wide_operand && size == 3) return false;
  if (scalar && (f->op[u] == OP_shrn_vec || f->op[u] == OP_rshrn_vec)) return false;
  if (scalar ? f->scalar == 0 || (f->scalar == 1 && size != 3) : size == 3 && !q)
    return false;
  out->op = f->op[u];
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  out->a = size;
  out->imm = f->kind == RIGHT || f->kind == NARROW ? 2 * esize - immhb : immhb - esize;
  if (f->kind == LONG) {
    out->b = 16;
    out->ra = q ? 8 >> size : 0;
  } else {
    out->b = scalar ? 1 << size : q ? 16 : 8;
  }
  return true;
}
