/* Advanced SIMD floating point on single- and double-precision elements:
   arithmetic, FMLA/FMLS, compares, pairwise and across-lanes reductions,
   estimates and steps, rounding to integral, conversions to and from
   integers (also fixed-point) and between precisions, in their vector,
   AdvSIMD scalar and by-element forms; with the decoders of the FP parts of
   the AdvSIMD groups. Half-precision arithmetic (FEAT_FP16) is not
   implemented and decodes as unallocated.

   Every element goes through the per-element functions of sem_fp.h, which
   follow the Arm ARM pseudocode (FPAdd, FPMulAdd, FPCompareGE, FPToFixed,
   ...), read FPCR and accumulate FPSR. Only the live elements are
   computed, since each may raise exception flags. Fields: a = log2 of the
   element size (2 or 3; for the precision conversions the narrow size),
   b = bytes of the result as simd.h describes. */
#include "cpu/simd.h"

#include "cpu/sem_fp.h"

typedef u32 (*fp32_binop)(struct cpu *, u32, u32);
typedef u64 (*fp64_binop)(struct cpu *, u64, u64);
typedef u32 (*fp32_unop)(struct cpu *, u32);
typedef u64 (*fp64_unop)(struct cpu *, u64);

#define SIGN32 0x80000000u
#define SIGN64 0x8000000000000000ull

/* Element i of the result is f(Vn[i], Vm[i]), for the b bytes of it. */
static vreg fp_map2(struct cpu *cpu, const struct insn *in, vreg n, vreg m,
                    fp32_binop f32, fp64_binop f64) {
  vreg r = {.d = {0, 0}};
  if (in->a == 2) {
    for (u32 i = 0; i < in->b / 4u; i++) r.s[i] = f32(cpu, n.s[i], m.s[i]);
  } else {
    for (u32 i = 0; i < in->b / 8u; i++) r.d[i] = f64(cpu, n.d[i], m.d[i]);
  }
  return r;
}

static vreg fp_map1(struct cpu *cpu, const struct insn *in, vreg n, fp32_unop f32,
                    fp64_unop f64) {
  vreg r = {.d = {0, 0}};
  if (in->a == 2) {
    for (u32 i = 0; i < in->b / 4u; i++) r.s[i] = f32(cpu, n.s[i]);
  } else {
    for (u32 i = 0; i < in->b / 8u; i++) r.d[i] = f64(cpu, n.d[i]);
  }
  return r;
}

static const struct insn *fp_binary(struct cpu *cpu, const struct insn *in,
                                    fp32_binop f32, fp64_binop f64) {
  vreg r = fp_map2(cpu, in, cpu->v[in->rn], cpu->v[in->rm], f32, f64);
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

/* The by-element forms: the vector form against Vm[imm] broadcast. */
static const struct insn *fp_binary_elem(struct cpu *cpu, const struct insn *in,
                                         fp32_binop f32, fp64_binop f64) {
  vreg m = lane_broadcast(&cpu->v[in->rm], in->a, (u32)in->imm);
  vec_write(cpu, in->rd, fp_map2(cpu, in, cpu->v[in->rn], m, f32, f64), in->b);
  return NEXT;
}

static const struct insn *fp_unary(struct cpu *cpu, const struct insn *in,
                                   fp32_unop f32, fp64_unop f64) {
  vec_write(cpu, in->rd, fp_map1(cpu, in, cpu->v[in->rn], f32, f64), in->b);
  return NEXT;
}

/* Element-wise arithmetic. */
OP_HANDLER(fadd_vec) { return fp_binary(cpu, in, fp32_add, fp64_add); }
OP_HANDLER(fsub_vec) { return fp_binary(cpu, in, fp32_sub, fp64_sub); }
OP_HANDLER(fmul_vec) { return fp_binary(cpu, in, fp32_mul, fp64_mul); }
OP_HANDLER(fdiv_vec) { return fp_binary(cpu, in, fp32_div, fp64_div); }
OP_HANDLER(fmax_vec) { return fp_binary(cpu, in, fp32_max, fp64_max); }
OP_HANDLER(fmin_vec) { return fp_binary(cpu, in, fp32_min, fp64_min); }
OP_HANDLER(fmaxnm_vec) { return fp_binary(cpu, in, fp32_maxnm, fp64_maxnm); }
OP_HANDLER(fminnm_vec) { return fp_binary(cpu, in, fp32_minnm, fp64_minnm); }
OP_HANDLER(fmulx_vec) { return fp_binary(cpu, in, fp32_mulx, fp64_mulx); }
OP_HANDLER(frecps_vec) { return fp_binary(cpu, in, fp32_recps, fp64_recps); }
OP_HANDLER(frsqrts_vec) { return fp_binary(cpu, in, fp32_rsqrts, fp64_rsqrts); }
OP_HANDLER(fmul_elem) { return fp_binary_elem(cpu, in, fp32_mul, fp64_mul); }
OP_HANDLER(fmulx_elem) { return fp_binary_elem(cpu, in, fp32_mulx, fp64_mulx); }

/* FABD: FPAbs(FPSub()); FPAbs clears the sign bit, of a NaN too. */
static u32 fabd32(struct cpu *cpu, u32 a, u32 b) { return fp32_sub(cpu, a, b) & ~SIGN32; }
static u64 fabd64(struct cpu *cpu, u64 a, u64 b) { return fp64_sub(cpu, a, b) & ~SIGN64; }
OP_HANDLER(fabd_vec) { return fp_binary(cpu, in, fabd32, fabd64); }

/* FMLA and FMLS: FPMulAdd(Vd, Vn, Vm) with one rounding; FMLS negates the
   Vn element first (FPNeg, which flips the sign of a NaN as well). */
static const struct insn *fp_muladd(struct cpu *cpu, const struct insn *in, vreg m,
                                    bool negate) {
  vreg r = {.d = {0, 0}}, n = cpu->v[in->rn], d = cpu->v[in->rd];
  if (in->a == 2) {
    for (u32 i = 0; i < in->b / 4u; i++)
      r.s[i] = fp32_muladd(cpu, d.s[i], negate ? n.s[i] ^ SIGN32 : n.s[i], m.s[i]);
  } else {
    for (u32 i = 0; i < in->b / 8u; i++)
      r.d[i] = fp64_muladd(cpu, d.d[i], negate ? n.d[i] ^ SIGN64 : n.d[i], m.d[i]);
  }
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(fmla_vec) { return fp_muladd(cpu, in, cpu->v[in->rm], false); }
OP_HANDLER(fmls_vec) { return fp_muladd(cpu, in, cpu->v[in->rm], true); }
OP_HANDLER(fmla_elem) {
  return fp_muladd(cpu, in, lane_broadcast(&cpu->v[in->rm], in->a, (u32)in->imm), false);
}
OP_HANDLER(fmls_elem) {
  return fp_muladd(cpu, in, lane_broadcast(&cpu->v[in->rm], in->a, (u32)in->imm), true);
}

/* Compares give all ones or all zeros. FCMEQ is FPCompareEQ (quiet); the
   others signal on any NaN. FACGE and FACGT compare magnitudes. */
static u32 fcmeq32(struct cpu *cpu, u32 a, u32 b) { return fp32_cmp_eq(cpu, a, b) ? ~0u : 0; }
static u64 fcmeq64(struct cpu *cpu, u64 a, u64 b) { return fp64_cmp_eq(cpu, a, b) ? ~0ull : 0; }
static u32 fcmge32(struct cpu *cpu, u32 a, u32 b) { return fp32_cmp_ge(cpu, a, b) ? ~0u : 0; }
static u64 fcmge64(struct cpu *cpu, u64 a, u64 b) { return fp64_cmp_ge(cpu, a, b) ? ~0ull : 0; }
static u32 fcmgt32(struct cpu *cpu, u32 a, u32 b) { return fp32_cmp_gt(cpu, a, b) ? ~0u : 0; }
static u64 fcmgt64(struct cpu *cpu, u64 a, u64 b) { return fp64_cmp_gt(cpu, a, b) ? ~0ull : 0; }
static u32 facge32(struct cpu *cpu, u32 a, u32 b) { return fcmge32(cpu, a & ~SIGN32, b & ~SIGN32); }
static u64 facge64(struct cpu *cpu, u64 a, u64 b) { return fcmge64(cpu, a & ~SIGN64, b & ~SIGN64); }
static u32 facgt32(struct cpu *cpu, u32 a, u32 b) { return fcmgt32(cpu, a & ~SIGN32, b & ~SIGN32); }
static u64 facgt64(struct cpu *cpu, u64 a, u64 b) { return fcmgt64(cpu, a & ~SIGN64, b & ~SIGN64); }

OP_HANDLER(fcmeq_vec) { return fp_binary(cpu, in, fcmeq32, fcmeq64); }
OP_HANDLER(fcmge_vec) { return fp_binary(cpu, in, fcmge32, fcmge64); }
OP_HANDLER(fcmgt_vec) { return fp_binary(cpu, in, fcmgt32, fcmgt64); }
OP_HANDLER(facge_vec) { return fp_binary(cpu, in, facge32, facge64); }
OP_HANDLER(facgt_vec) { return fp_binary(cpu, in, facgt32, facgt64); }

/* Against +0.0: FCMLE and FCMLT are FPCompareGE(0, x) and FPCompareGT(0, x). */
static const struct insn *fp_compare_zero(struct cpu *cpu, const struct insn *in,
                                          bool zero_first, fp32_binop f32, fp64_binop f64) {
  vreg zero = {.d = {0, 0}}, n = cpu->v[in->rn];
  vreg r = zero_first ? fp_map2(cpu, in, zero, n, f32, f64) : fp_map2(cpu, in, n, zero, f32, f64);
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(fcmeq_zero) { return fp_compare_zero(cpu, in, false, fcmeq32, fcmeq64); }
OP_HANDLER(fcmge_zero) { return fp_compare_zero(cpu, in, false, fcmge32, fcmge64); }
OP_HANDLER(fcmgt_zero) { return fp_compare_zero(cpu, in, false, fcmgt32, fcmgt64); }
OP_HANDLER(fcmle_zero) { return fp_compare_zero(cpu, in, true, fcmge32, fcmge64); }
OP_HANDLER(fcmlt_zero) { return fp_compare_zero(cpu, in, true, fcmgt32, fcmgt64); }

/* Pairwise: element i of the result is f of elements 2i and 2i + 1 of the
   concatenation Vm:Vn (of the low halves when b = 8). */
static const struct insn *fp_pairwise(struct cpu *cpu, const struct insn *in,
                                      fp32_binop f32, fp64_binop f64) {
  vreg cat[2];
  vec_concat(cat, cpu->v[in->rn], cpu->v[in->rm], in->b);
  /* Unzip: element i of `first` is element 2i of the pair, of `second` 2i + 1. */
  vreg first = {.d = {0, 0}}, second = {.d = {0, 0}};
  u32 per_reg = 16u >> in->a;
  for (u32 i = 0; i < (u32)in->b >> in->a; i++) {
    u32 j = 2 * i;
    lane_set(&first, in->a, i, lane_u(&cat[j / per_reg], in->a, j % per_reg));
    lane_set(&second, in->a, i, lane_u(&cat[j / per_reg], in->a, j % per_reg + 1));
  }
  vec_write(cpu, in->rd, fp_map2(cpu, in, first, second, f32, f64), in->b);
  return NEXT;
}

OP_HANDLER(faddp_vec) { return fp_pairwise(cpu, in, fp32_add, fp64_add); }
OP_HANDLER(fmaxp_vec) { return fp_pairwise(cpu, in, fp32_max, fp64_max); }
OP_HANDLER(fminp_vec) { return fp_pairwise(cpu, in, fp32_min, fp64_min); }
OP_HANDLER(fmaxnmp_vec) { return fp_pairwise(cpu, in, fp32_maxnm, fp64_maxnm); }
OP_HANDLER(fminnmp_vec) { return fp_pairwise(cpu, in, fp32_minnm, fp64_minnm); }

/* Scalar pairwise (FADDP Sd, Vn.2S ...): f(Vn[0], Vn[1]), b = element size. */
static const struct insn *fp_pair_scalar(struct cpu *cpu, const struct insn *in,
                                         fp32_binop f32, fp64_binop f64) {
  vreg n = cpu->v[in->rn], r = {.d = {0, 0}};
  if (in->a == 2) r.s[0] = f32(cpu, n.s[0], n.s[1]);
  else r.d[0] = f64(cpu, n.d[0], n.d[1]);
  cpu->v[in->rd] = r;
  return NEXT;
}

OP_HANDLER(faddp_scalar) { return fp_pair_scalar(cpu, in, fp32_add, fp64_add); }
OP_HANDLER(fmaxp_scalar) { return fp_pair_scalar(cpu, in, fp32_max, fp64_max); }
OP_HANDLER(fminp_scalar) { return fp_pair_scalar(cpu, in, fp32_min, fp64_min); }
OP_HANDLER(fmaxnmp_scalar) { return fp_pair_scalar(cpu, in, fp32_maxnm, fp64_maxnm); }
OP_HANDLER(fminnmp_scalar) { return fp_pair_scalar(cpu, in, fp32_minnm, fp64_minnm); }

/* Across lanes, on the four single-precision elements of Vn: the
   pseudocode's Reduce() halves the vector recursively, so the order is
   f(f(e0, e1), f(e2, e3)), which decides which NaN wins. */
static const struct insn *fp_across(struct cpu *cpu, const struct insn *in, fp32_binop f) {
  vreg n = cpu->v[in->rn], r = {.d = {0, 0}};
  u32 lo = f(cpu, n.s[0], n.s[1]), hi = f(cpu, n.s[2], n.s[3]);
  r.s[0] = f(cpu, lo, hi);
  cpu->v[in->rd] = r;
  return NEXT;
}

OP_HANDLER(fmaxv_vec) { return fp_across(cpu, in, fp32_max); }
OP_HANDLER(fminv_vec) { return fp_across(cpu, in, fp32_min); }
OP_HANDLER(fmaxnmv_vec) { return fp_across(cpu, in, fp32_maxnm); }
OP_HANDLER(fminnmv_vec) { return fp_across(cpu, in, fp32_minnm); }

/* Sign manipulation: FPAbs and FPNeg touch the sign bit only and raise
   nothing. */
OP_HANDLER(fabs_vec) {
  vreg r = cpu->v[in->rn];
  u64 mask = in->a == 2 ? 0x7fffffff7fffffffull : ~SIGN64;
  r.d[0] &= mask;
  r.d[1] &= mask;
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(fneg_vec) {
  vreg r = cpu->v[in->rn];
  u64 mask = in->a == 2 ? 0x8000000080000000ull : SIGN64;
  r.d[0] ^= mask;
  r.d[1] ^= mask;
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(fsqrt_vec) { return fp_unary(cpu, in, fp32_sqrt, fp64_sqrt); }
OP_HANDLER(frecpe_vec) { return fp_unary(cpu, in, fp32_recpe, fp64_recpe); }
OP_HANDLER(frsqrte_vec) { return fp_unary(cpu, in, fp32_rsqrte, fp64_rsqrte); }
OP_HANDLER(frecpx_scalar) { return fp_unary(cpu, in, fp32_recpx, fp64_recpx); }

/* imm of FRINT*, FCVT*S and FCVT*U: an FPRounding, or this for the FPCR's
   mode (FRINTX, FRINTI). FRINT_EXACT marks FRINTX. */
#define ROUND_FPCR 7
#define FRINT_EXACT 8

static int rounding_of(const struct cpu *cpu, const struct insn *in) {
  int rmode = (int)(in->imm & 7);
  return rmode == ROUND_FPCR ? fpcr_rmode(cpu) : rmode;
}

/* FRINTN, FRINTP, FRINTM, FRINTZ, FRINTA, FRINTX, FRINTI: FPRoundInt. */
OP_HANDLER(frint_vec) {
  vreg r = {.d = {0, 0}}, n = cpu->v[in->rn];
  int rmode = rounding_of(cpu, in);
  bool exact = in->imm & FRINT_EXACT;
  if (in->a == 2) {
    for (u32 i = 0; i < in->b / 4u; i++) r.s[i] = fp32_round_int(cpu, n.s[i], rmode, exact);
  } else {
    for (u32 i = 0; i < in->b / 8u; i++) r.d[i] = fp64_round_int(cpu, n.d[i], rmode, exact);
  }
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

/* FCVTNS, FCVTPS, FCVTMS, FCVTZS, FCVTAS and their unsigned twins, vector
   and scalar, integer and fixed-point: FPToFixed with ra fraction bits
   and the rounding of imm, saturating to the element width. */
static const struct insn *fp_to_int(struct cpu *cpu, const struct insn *in, bool is_unsigned) {
  vreg r = {.d = {0, 0}}, n = cpu->v[in->rn];
  int rmode = rounding_of(cpu, in), fbits = in->ra;
  if (in->a == 2) {
    for (u32 i = 0; i < in->b / 4u; i++)
      r.s[i] = (u32)fp32_to_fixed(cpu, n.s[i], fbits, is_unsigned, rmode, 32);
  } else {
    for (u32 i = 0; i < in->b / 8u; i++)
      r.d[i] = fp64_to_fixed(cpu, n.d[i], fbits, is_unsigned, rmode, 64);
  }
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(fcvt_to_sint_vec) { return fp_to_int(cpu, in, false); }
OP_HANDLER(fcvt_to_uint_vec) { return fp_to_int(cpu, in, true); }

/* SCVTF and UCVTF, integer and fixed-point (ra fraction bits): FixedToFP
   with the FPCR's rounding. */
static const struct insn *int_to_fp(struct cpu *cpu, const struct insn *in, bool is_unsigned) {
  vreg r = {.d = {0, 0}}, n = cpu->v[in->rn];
  int fbits = in->ra;
  if (in->a == 2) {
    for (u32 i = 0; i < in->b / 4u; i++)
      r.s[i] = fixed_to_fp32(cpu, n.s[i], fbits, is_unsigned, 32);
  } else {
    for (u32 i = 0; i < in->b / 8u; i++)
      r.d[i] = fixed_to_fp64(cpu, n.d[i], fbits, is_unsigned, 64);
  }
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(scvtf_vec) { return int_to_fp(cpu, in, false); }
OP_HANDLER(ucvtf_vec) { return int_to_fp(cpu, in, true); }

/* FCVTL, FCVTL2 (widening; a = 1: half to single, a = 2: single to
   double). */
OP_HANDLER(fcvtl_vec) {
  vreg r, n = cpu->v[in->rn];
  u32 first = in->ra;
  if (in->a == 1) {
    for (u32 i = 0; i < 4; i++) r.s[i] = fp16_to_fp32(cpu, n.h[first + i]);
  } else {
    for (u32 i = 0; i < 2; i++) r.d[i] = fp32_to_fp64(cpu, n.s[first + i]);
  }
  cpu->v[in->rd] = r;
  return NEXT;
}

/* FCVTN, FCVTN2 (narrowing; a = 1: single to half, a = 2: double to
   single) and FCVTXN, FCVTXN2 (double to single, rounding to odd). */
static const struct insn *fp_narrow(struct cpu *cpu, const struct insn *in, bool to_odd) {
  vreg r = cpu->v[in->rd], n = cpu->v[in->rn];
  u32 first = narrow_first(in), count = narrow_count(in);
  for (u32 i = 0; i < count; i++) {
    if (in->a == 1) r.h[first + i] = fp32_to_fp16(cpu, n.s[i]);
    else if (to_odd) r.s[first + i] = fp64_to_fp32_round(cpu, n.d[i], FPROUND_ODD);
    else r.s[first + i] = fp64_to_fp32(cpu, n.d[i]);
  }
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(fcvtn_vec) { return fp_narrow(cpu, in, false); }
OP_HANDLER(fcvtxn_vec) { return fp_narrow(cpu, in, true); }

/* ---- Decoders ---------------------------------------------------------- */

static void fp_regs(u32 w, struct insn *out) {
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  out->rm = bits(w, 20, 16);
}

/* Element size and result bytes from sz = <22>: double precision needs
   Q = 1 in the vector forms. */
static bool fp_size(u32 w, bool scalar, struct insn *out) {
  u32 sz = bit(w, 22), q = bit(w, 30);
  if (!scalar && sz && !q) return false;
  out->a = 2 + sz;
  out->b = scalar ? 4u << sz : q ? 16 : 8;
  return true;
}

/* "Three same", opcode 11xxx, by [U][<23>][opcode<2:0>]. FMLAL and FMLSL
   (FEAT_FHM) are left unallocated. */
static const u16 kFpThreeSame[2][2][8] = {
    {{OP_fmaxnm_vec, OP_fmla_vec, OP_fadd_vec, OP_fmulx_vec, OP_fcmeq_vec, 0, OP_fmax_vec,
      OP_frecps_vec},
     {OP_fminnm_vec, OP_fmls_vec, OP_fsub_vec, 0, 0, 0, OP_fmin_vec, OP_frsqrts_vec}},
    {{OP_fmaxnmp_vec, 0, OP_faddp_vec, OP_fmul_vec, OP_fcmge_vec, OP_facge_vec, OP_fmaxp_vec,
      OP_fdiv_vec},
     {OP_fminnmp_vec, 0, OP_fabd_vec, 0, OP_fcmgt_vec, OP_facgt_vec, OP_fminp_vec, 0}},
};

static bool has_fp_scalar_three_same(u16 op) {
  switch (op) {
    case OP_fmulx_vec: case OP_fcmeq_vec: case OP_frecps_vec: case OP_frsqrts_vec:
    case OP_fcmge_vec: case OP_facge_vec: case OP_fabd_vec: case OP_fcmgt_vec:
    case OP_facgt_vec:
      return true;
    default:
      return false;
  }
}

bool decode_simd_fp_three_same(u32 w, bool scalar, struct insn *out) {
  u16 op = kFpThreeSame[bit(w, 29)][bit(w, 23)][bits(w, 13, 11)];
  if (!op || (scalar && !has_fp_scalar_three_same(op))) return false;
  if (!fp_size(w, scalar, out)) return false;
  out->op = op;
  fp_regs(w, out);
  return true;
}

/* FCVTN, FCVTXN, FCVTL (opcodes 1011x with <23> = 0): sz picks the pair of
   precisions and Q the half of the narrow vector. */
static bool decode_fp_precision(u32 w, bool scalar, struct insn *out) {
  u32 u = bit(w, 29), sz = bit(w, 22), q = bit(w, 30), opcode = bits(w, 16, 12);
  out->a = 1 + sz;
  if (opcode == 0x17) { /* FCVTL */
    if (u || scalar) return false;
    out->op = OP_fcvtl_vec;
    out->b = 16;
    out->ra = q ? 4 >> sz : 0;
    return true;
  }
  if (u) { /* FCVTXN: double to single only */
    if (!sz) return false;
    out->op = OP_fcvtxn_vec;
  } else {
    if (scalar) return false;
    out->op = OP_fcvtn_vec;
  }
  out->b = scalar ? 4 : q ? 16 : 8;
  return true;
}

/* FRINT* by [U][<23>][opcode<0>] for opcodes 11000 and 11001: the
   rounding, or -1 when unallocated. */
static const int kFrint[2][2][2] = {
    {{FPROUND_TIEEVEN, FPROUND_NEGINF}, {FPROUND_POSINF, FPROUND_ZERO}},
    {{FPROUND_TIEAWAY, ROUND_FPCR | FRINT_EXACT}, {-1, ROUND_FPCR}},
};

/* FCVT[NPMZA][SU] by [<23>][opcode<0>] for opcodes 11010, 11011, and by
   <23> for 11100. */
static const int kFcvtRounding[2][2] = {
    {FPROUND_TIEEVEN, FPROUND_NEGINF}, {FPROUND_POSINF, FPROUND_ZERO}};

/* The FP half of "two-register miscellaneous": opcodes 011xx with <23> = 1
   and 1011x-11111. */
bool decode_simd_fp_two_misc(u32 w, bool scalar, struct insn *out) {
  u32 u = bit(w, 29), hi = bit(w, 23), opcode = bits(w, 16, 12);
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  if (opcode == 0x16 || opcode == 0x17) return !hi && decode_fp_precision(w, scalar, out);
  if (!fp_size(w, scalar, out)) return false;
  switch (opcode) {
    case 0x0c: out->op = u ? OP_fcmge_zero : OP_fcmgt_zero; return hi;
    case 0x0d: out->op = u ? OP_fcmle_zero : OP_fcmeq_zero; return hi;
    case 0x0e: out->op = OP_fcmlt_zero; return hi && !u;
    case 0x0f: out->op = u ? OP_fneg_vec : OP_fabs_vec; return hi && !scalar;
    case 0x18:
    case 0x19: {
      int rmode = kFrint[u][hi][opcode & 1];
      if (rmode < 0 || scalar) return false;
      out->op = OP_frint_vec;
      out->imm = (u64)rmode;
      return true;
    }
    case 0x1a:
    case 0x1b:
      out->op = u ? OP_fcvt_to_uint_vec : OP_fcvt_to_sint_vec;
      out->imm = (u64)kFcvtRounding[hi][opcode & 1];
      return true;
    case 0x1c: /* <23> = 1 is URECPE/URSQRTE, decoded before FP */
      if (hi) return false;
      out->op = u ? OP_fcvt_to_uint_vec : OP_fcvt_to_sint_vec;
      out->imm = FPROUND_TIEAWAY;
      return true;
    case 0x1d:
      if (hi) out->op = u ? OP_frsqrte_vec : OP_frecpe_vec;
      else out->op = u ? OP_ucvtf_vec : OP_scvtf_vec;
      return true;
    case 0x1f: /* FSQRT; FRECPX is AdvSIMD scalar only */
      if (!hi) return false; /* FRINT64Z, FRINT64X: FEAT_FRINTTS */
      if (u) {
        out->op = OP_fsqrt_vec;
        return !scalar;
      }
      out->op = OP_frecpx_scalar;
      return scalar;
    default: /* 0x1e: FRINT32Z, FRINT32X (FEAT_FRINTTS) */
      return false;
  }
}

/* SCVTF, UCVTF, FCVTZS, FCVTZU (fixed-point), from the shift-by-immediate
   group: immh 01xx is single, 1xxx double precision (001x, half, is
   FEAT_FP16), and fbits = 2 * esize - immh:immb. */
bool decode_simd_fp_fixed(u32 w, bool scalar, struct insn *out) {
  u32 q = bit(w, 30), u = bit(w, 29), immh = bits(w, 22, 19), immhb = bits(w, 22, 16);
  if (immh < 4 || (!scalar && immh >= 8 && !q)) return false;
  u32 sz = immh >= 8, esize = 32u << sz;
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  out->a = 2 + sz;
  out->b = scalar ? 4u << sz : q ? 16 : 8;
  out->ra = 2 * esize - immhb;
  if (bits(w, 15, 11) == 0x1c) {
    out->op = u ? OP_ucvtf_vec : OP_scvtf_vec;
  } else {
    out->op = u ? OP_fcvt_to_uint_vec : OP_fcvt_to_sint_vec;
    out->imm = FPROUND_ZERO;
  }
  return true;
}

/* FMLA, FMLS, FMUL, FMULX (by element), opcodes 0001, 0101, 1001. size = 10
   is single precision (index H:L, M extends Rm), 11 double (index H, L
   must be 0); 00 is half precision (FEAT_FP16). U = 1 with 0001 or 0101
   is FCMLA (FEAT_FCMA). */
bool decode_simd_fp_elem(u32 w, bool scalar, struct insn *out) {
  u32 u = bit(w, 29), size = bits(w, 23, 22), opcode = bits(w, 15, 12);
  u32 h = bit(w, 11), l = bit(w, 21);
  if (size < 2 || (size == 3 && l)) return false;
  if (u && opcode != 0x9) return false;
  if (!fp_size(w, scalar, out)) return false;
  switch (opcode) {
    case 0x1: out->op = OP_fmla_elem; break;
    case 0x5: out->op = OP_fmls_elem; break;
    default: out->op = u ? OP_fmulx_elem : OP_fmul_elem; break;
  }
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  out->rm = bits(w, 20, 16);
  out->imm = size == 2 ? h << 1 | l : h;
  return true;
}

/* FMAXNMV, FMINNMV, FMAXV, FMINV (opcodes 01100, 01111, U = 1): 4S only.
   U = 0 is half precision (FEAT_FP16). */
bool decode_simd_fp_across(u32 w, struct insn *out) {
  u32 q = bit(w, 30), u = bit(w, 29), hi = bit(w, 23), sz = bit(w, 22);
  if (!u || sz || !q) return false;
  if (bits(w, 16, 12) == 0x0c) out->op = hi ? OP_fminnmv_vec : OP_fmaxnmv_vec;
  else out->op = hi ? OP_fminv_vec : OP_fmaxv_vec;
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  out->a = 2;
  return true;
}

/* FMAXNMP, FMINNMP, FADDP, FMAXP, FMINP (scalar): U = 1; sz picks Vn.2S or
   Vn.2D. U = 0 is half precision (FEAT_FP16). */
bool decode_simd_fp_scalar_pairwise(u32 w, struct insn *out) {
  u32 u = bit(w, 29), hi = bit(w, 23), sz = bit(w, 22);
  if (!u) return false;
  switch (bits(w, 16, 12)) {
    case 0x0c: out->op = hi ? OP_fminnmp_scalar : OP_fmaxnmp_scalar; break;
    case 0x0d: if (hi) return false; out->op = OP_faddp_scalar; break;
    case 0x0f: out->op = hi ? OP_fminp_scalar : OP_fmaxp_scalar; break;
    default: return false;
  }
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  out->a = 2 + sz;
  return true;
}
