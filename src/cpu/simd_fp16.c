/* Advanced SIMD half-precision floating point (FEAT_FP16, advertised as
   ASIMDHP): the "(FP16)" encoding groups of Arm ARM C4.1.95 -- three same,
   two-register miscellaneous and their AdvSIMD scalar twins -- and the
   half-precision forms that sit inside shared groups: scalar pairwise,
   across lanes, (scalar) x indexed element, FMOV (vector, immediate) and
   the fixed-point conversions of shift by immediate. simd.c hands every
   such encoding to decode_simd_fp16() before its own group decoders run.

   The handlers mirror simd_fp_vec.c on 16-bit lanes: 8 of them (Q = 1), 4
   (Q = 0) or 1 (AdvSIMD scalar), each through the fp16_* functions of
   sem_fp.h, which follow the Arm ARM pseudocode with N = 16 (FPAdd,
   FPMulAdd, FPCompareGE, FPToFixed, ...). Only the live lanes are computed,
   since each may raise exception flags. Fields: b = bytes of the result as
   simd.h describes (16, 8, or 2 for a scalar); a = 1 (16-bit elements). */
#include "cpu/simd.h"

#include "cpu/sem_fp.h"

typedef u16 (*fp16_binop)(struct cpu *, u16, u16);
typedef u16 (*fp16_unop)(struct cpu *, u16);

#define SIGN16 0x8000u
#define ESZ_H 1 /* log2 of the element size in bytes */

static inline u32 lanes(const struct insn *in) { return in->b / 2u; }

/* Element i of the result is f(Vn[i], Vm[i]), for the live lanes. */
static vreg map2(struct cpu *cpu, const struct insn *in, vreg n, vreg m, fp16_binop f) {
  vreg r = {.d = {0, 0}};
  for (u32 i = 0; i < lanes(in); i++) r.h[i] = f(cpu, n.h[i], m.h[i]);
  return r;
}

static const struct insn *binary(struct cpu *cpu, const struct insn *in, fp16_binop f) {
  vec_write(cpu, in->rd, map2(cpu, in, cpu->v[in->rn], cpu->v[in->rm], f), in->b);
  return NEXT;
}

/* The by-element forms: the vector form against Vm[imm] broadcast. */
static const struct insn *binary_elem(struct cpu *cpu, const struct insn *in,
                                      fp16_binop f) {
  vreg m = lane_broadcast(&cpu->v[in->rm], ESZ_H, (u32)in->imm);
  vec_write(cpu, in->rd, map2(cpu, in, cpu->v[in->rn], m, f), in->b);
  return NEXT;
}

static const struct insn *unary(struct cpu *cpu, const struct insn *in, fp16_unop f) {
  vreg r = {.d = {0, 0}}, n = cpu->v[in->rn];
  for (u32 i = 0; i < lanes(in); i++) r.h[i] = f(cpu, n.h[i]);
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

/* ---- Element-wise arithmetic ------------------------------------------- */

OP_HANDLER(fadd_vec_h) { return binary(cpu, in, fp16_add); }
OP_HANDLER(fsub_vec_h) { return binary(cpu, in, fp16_sub); }
OP_HANDLER(fmul_vec_h) { return binary(cpu, in, fp16_mul); }
OP_HANDLER(fdiv_vec_h) { return binary(cpu, in, fp16_div); }
OP_HANDLER(fmax_vec_h) { return binary(cpu, in, fp16_max); }
OP_HANDLER(fmin_vec_h) { return binary(cpu, in, fp16_min); }
OP_HANDLER(fmaxnm_vec_h) { return binary(cpu, in, fp16_maxnm); }
OP_HANDLER(fminnm_vec_h) { return binary(cpu, in, fp16_minnm); }
OP_HANDLER(fmulx_vec_h) { return binary(cpu, in, fp16_mulx); }
OP_HANDLER(frecps_vec_h) { return binary(cpu, in, fp16_recps); }
OP_HANDLER(frsqrts_vec_h) { return binary(cpu, in, fp16_rsqrts); }
OP_HANDLER(fmul_elem_h) { return binary_elem(cpu, in, fp16_mul); }
OP_HANDLER(fmulx_elem_h) { return binary_elem(cpu, in, fp16_mulx); }

/* FABD: FPAbs(FPSub()); FPAbs clears the sign bit, of a NaN too. */
static u16 fabd16(struct cpu *cpu, u16 a, u16 b) { return fp16_sub(cpu, a, b) & ~SIGN16; }
OP_HANDLER(fabd_vec_h) { return binary(cpu, in, fabd16); }

/* FMLA and FMLS: FPMulAdd(Vd, Vn, Vm) with one rounding; FMLS negates the
   Vn element first (FPNeg, which flips the sign of a NaN as well). */
static const struct insn *muladd(struct cpu *cpu, const struct insn *in, vreg m,
                                 bool negate) {
  vreg r = {.d = {0, 0}}, n = cpu->v[in->rn], d = cpu->v[in->rd];
  u16 flip = negate ? SIGN16 : 0;
  for (u32 i = 0; i < lanes(in); i++)
    r.h[i] = fp16_muladd(cpu, d.h[i], n.h[i] ^ flip, m.h[i]);
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(fmla_vec_h) { return muladd(cpu, in, cpu->v[in->rm], false); }
OP_HANDLER(fmls_vec_h) { return muladd(cpu, in, cpu->v[in->rm], true); }
OP_HANDLER(fmla_elem_h) {
  return muladd(cpu, in, lane_broadcast(&cpu->v[in->rm], ESZ_H, (u32)in->imm), false);
}
OP_HANDLER(fmls_elem_h) {
  return muladd(cpu, in, lane_broadcast(&cpu->v[in->rm], ESZ_H, (u32)in->imm), true);
}

/* ---- Compares ------------------------------------------------------------ */

/* All ones or all zeros. FCMEQ is FPCompareEQ (quiet); the others signal on
   any NaN. FACGE and FACGT compare magnitudes (FPAbs of both operands). */
static u16 mask_of(bool holds) { return holds ? 0xffff : 0; }
static u16 fcmeq16(struct cpu *cpu, u16 a, u16 b) { return mask_of(fp16_cmp_eq(cpu, a, b)); }
static u16 fcmge16(struct cpu *cpu, u16 a, u16 b) { return mask_of(fp16_cmp_ge(cpu, a, b)); }
static u16 fcmgt16(struct cpu *cpu, u16 a, u16 b) { return mask_of(fp16_cmp_gt(cpu, a, b)); }
static u16 facge16(struct cpu *cpu, u16 a, u16 b) {
  return fcmge16(cpu, a & ~SIGN16, b & ~SIGN16);
}
static u16 facgt16(struct cpu *cpu, u16 a, u16 b) {
  return fcmgt16(cpu, a & ~SIGN16, b & ~SIGN16);
}

OP_HANDLER(fcmeq_vec_h) { return binary(cpu, in, fcmeq16); }
OP_HANDLER(fcmge_vec_h) { return binary(cpu, in, fcmge16); }
OP_HANDLER(fcmgt_vec_h) { return binary(cpu, in, fcmgt16); }
OP_HANDLER(facge_vec_h) { return binary(cpu, in, facge16); }
OP_HANDLER(facgt_vec_h) { return binary(cpu, in, facgt16); }

/* Against +0.0: FCMLE and FCMLT are FPCompareGE(0, x) and FPCompareGT(0, x). */
static const struct insn *compare_zero(struct cpu *cpu, const struct insn *in,
                                       bool zero_first, fp16_binop f) {
  vreg zero = {.d = {0, 0}}, n = cpu->v[in->rn];
  vreg r = zero_first ? map2(cpu, in, zero, n, f) : map2(cpu, in, n, zero, f);
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(fcmeq_zero_h) { return compare_zero(cpu, in, false, fcmeq16); }
OP_HANDLER(fcmge_zero_h) { return compare_zero(cpu, in, false, fcmge16); }
OP_HANDLER(fcmgt_zero_h) { return compare_zero(cpu, in, false, fcmgt16); }
OP_HANDLER(fcmle_zero_h) { return compare_zero(cpu, in, true, fcmge16); }
OP_HANDLER(fcmlt_zero_h) { return compare_zero(cpu, in, true, fcmgt16); }

/* ---- Pairwise and across lanes -------------------------------------------- */

/* Pairwise: element i of the result is f of elements 2i and 2i + 1 of the
   concatenation Vm:Vn (of the low halves when b = 8). */
static const struct insn *pairwise(struct cpu *cpu, const struct insn *in, fp16_binop f) {
  vreg cat[2], first = {.d = {0, 0}}, second = {.d = {0, 0}};
  vec_concat(cat, cpu->v[in->rn], cpu->v[in->rm], in->b);
  for (u32 i = 0; i < lanes(in); i++) {
    u32 j = 2 * i;
    first.h[i] = cat[j / 8].h[j % 8];
    second.h[i] = cat[j / 8].h[j % 8 + 1];
  }
  vec_write(cpu, in->rd, map2(cpu, in, first, second, f), in->b);
  return NEXT;
}

OP_HANDLER(faddp_vec_h) { return pairwise(cpu, in, fp16_add); }
OP_HANDLER(fmaxp_vec_h) { return pairwise(cpu, in, fp16_max); }
OP_HANDLER(fminp_vec_h) { return pairwise(cpu, in, fp16_min); }
OP_HANDLER(fmaxnmp_vec_h) { return pairwise(cpu, in, fp16_maxnm); }
OP_HANDLER(fminnmp_vec_h) { return pairwise(cpu, in, fp16_minnm); }

/* Scalar pairwise (FADDP Hd, Vn.2H ...): f(Vn[0], Vn[1]). */
static const struct insn *pair_scalar(struct cpu *cpu, const struct insn *in,
                                      fp16_binop f) {
  vreg n = cpu->v[in->rn], r = {.d = {0, 0}};
  r.h[0] = f(cpu, n.h[0], n.h[1]);
  cpu->v[in->rd] = r;
  return NEXT;
}

OP_HANDLER(faddp_scalar_h) { return pair_scalar(cpu, in, fp16_add); }
OP_HANDLER(fmaxp_scalar_h) { return pair_scalar(cpu, in, fp16_max); }
OP_HANDLER(fminp_scalar_h) { return pair_scalar(cpu, in, fp16_min); }
OP_HANDLER(fmaxnmp_scalar_h) { return pair_scalar(cpu, in, fp16_maxnm); }
OP_HANDLER(fminnmp_scalar_h) { return pair_scalar(cpu, in, fp16_minnm); }

/* Arm ARM Reduce(): f(reduce(lower half), reduce(upper half)), recursively,
   so for 8 lanes f(f(f(e0, e1), f(e2, e3)), f(f(e4, e5), f(e6, e7))); the
   order decides which NaN wins. */
static u16 reduce(struct cpu *cpu, const u16 *e, u32 count, fp16_binop f) {
  if (count == 1) return e[0];
  u32 half = count / 2;
  u16 lo = reduce(cpu, e, half, f);
  return f(cpu, lo, reduce(cpu, e + half, half, f));
}

/* FMAXV, FMINV, FMAXNMV, FMINNMV over 4 (Q = 0) or 8 (Q = 1) lanes; b
   holds the bytes of the source here. */
static const struct insn *across(struct cpu *cpu, const struct insn *in, fp16_binop f) {
  vreg n = cpu->v[in->rn], r = {.d = {0, 0}};
  r.h[0] = reduce(cpu, n.h, lanes(in), f);
  cpu->v[in->rd] = r;
  return NEXT;
}

OP_HANDLER(fmaxv_vec_h) { return across(cpu, in, fp16_max); }
OP_HANDLER(fminv_vec_h) { return across(cpu, in, fp16_min); }
OP_HANDLER(fmaxnmv_vec_h) { return across(cpu, in, fp16_maxnm); }
OP_HANDLER(fminnmv_vec_h) { return across(cpu, in, fp16_minnm); }

/* ---- One-operand forms ------------------------------------------------------ */

/* FPAbs and FPNeg touch the sign bits only and raise nothing. */
#define SIGNS16 0x8000800080008000ull

OP_HANDLER(fabs_vec_h) {
  vreg r = cpu->v[in->rn];
  r.d[0] &= ~SIGNS16;
  r.d[1] &= ~SIGNS16;
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(fneg_vec_h) {
  vreg r = cpu->v[in->rn];
  r.d[0] ^= SIGNS16;
  r.d[1] ^= SIGNS16;
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(fsqrt_vec_h) { return unary(cpu, in, fp16_sqrt); }
OP_HANDLER(frecpe_vec_h) { return unary(cpu, in, fp16_recpe); }
OP_HANDLER(frsqrte_vec_h) { return unary(cpu, in, fp16_rsqrte); }
OP_HANDLER(frecpx_scalar_h) { return unary(cpu, in, fp16_recpx); }

/* imm of FRINT*, FCVT*S and FCVT*U: an FPRounding, or ROUND_FPCR for the
   FPCR's mode (FRINTX, FRINTI); FRINT_EXACT marks FRINTX. */
#define ROUND_FPCR 7
#define FRINT_EXACT 8

static int rounding_of(const struct cpu *cpu, const struct insn *in) {
  int rmode = (int)(in->imm & 7);
  return rmode == ROUND_FPCR ? fpcr_rmode(cpu) : rmode;
}

/* FRINTN, FRINTP, FRINTM, FRINTZ, FRINTA, FRINTX, FRINTI: FPRoundInt. */
OP_HANDLER(frint_vec_h) {
  vreg r = {.d = {0, 0}}, n = cpu->v[in->rn];
  int rmode = rounding_of(cpu, in);
  bool exact = in->imm & FRINT_EXACT;
  for (u32 i = 0; i < lanes(in); i++) r.h[i] = fp16_round_int(cpu, n.h[i], rmode, exact);
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

/* FCVTNS, FCVTPS, FCVTMS, FCVTZS, FCVTAS and their unsigned twins, vector
   and scalar, integer and fixed-point: FPToFixed into 16-bit integers, with
   ra fraction bits and the rounding of imm. */
static const struct insn *to_int(struct cpu *cpu, const struct insn *in, bool is_unsigned) {
  vreg r = {.d = {0, 0}}, n = cpu->v[in->rn];
  int rmode = rounding_of(cpu, in), fbits = in->ra;
  for (u32 i = 0; i < lanes(in); i++)
    r.h[i] = (u16)fp16_to_fixed(cpu, n.h[i], fbits, is_unsigned, rmode, 16);
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(fcvt_to_sint_vec_h) { return to_int(cpu, in, false); }
OP_HANDLER(fcvt_to_uint_vec_h) { return to_int(cpu, in, true); }

/* SCVTF and UCVTF of 16-bit integers, also fixed-point (ra fraction bits):
   FixedToFP with the FPCR's rounding. */
static const struct insn *to_fp(struct cpu *cpu, const struct insn *in, bool is_unsigned) {
  vreg r = {.d = {0, 0}}, n = cpu->v[in->rn];
  for (u32 i = 0; i < lanes(in); i++)
    r.h[i] = fixed_to_fp16(cpu, n.h[i], in->ra, is_unsigned, 16);
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(scvtf_vec_h) { return to_fp(cpu, in, false); }
OP_HANDLER(ucvtf_vec_h) { return to_fp(cpu, in, true); }

/* ---- Decoders ---------------------------------------------------------- */

/* The half-precision encodings, by the Arm ARM group they belong to. */
enum fp16_group {
  FP16_NONE,
  FP16_THREE_SAME,   /* 0 Q U 01110 a 10 Rm 00 opcode 1 Rn Rd, and scalar */
  FP16_TWO_MISC,     /* 0 Q U 01110 a 1111 00 opcode 10 Rn Rd, and scalar */
  FP16_REDUCE,       /* across lanes (vector), pairwise (scalar): U = 0 */
  FP16_ELEM,         /* (scalar) x indexed element with size = 00 */
  FP16_FMOV_IMM,     /* modified immediate with o2 = 1 */
  FP16_FIXED,        /* shift by immediate, immh = 001x: fixed-point */
};

/* Classifies an AdvSIMD encoding (simd.c's op0 = 0xx0 or 01x1) by the
   fields of Arm ARM C4.1.95 that the FP16 groups fix: op1 = <24:23>,
   op2 = <22:19>, op3 = <18:10>, plus the opcodes that carry half precision
   in the shared groups. */
static enum fp16_group fp16_group(u32 w, bool scalar) {
  u32 op1 = bits(w, 24, 23), op2 = bits(w, 22, 19), opcode = bits(w, 16, 12);
  if (op1 & 2) {
    if (op1 == 3) return FP16_NONE;
    if (!bit(w, 10)) { /* x indexed element */
      u32 elem_opcode = bits(w, 15, 12);
      bool fp = elem_opcode == 0x1 || elem_opcode == 0x5 || elem_opcode == 0x9;
      return bits(w, 23, 22) == 0 && fp ? FP16_ELEM : FP16_NONE;
    }
    if (op2 == 0) return !scalar && bit(w, 11) ? FP16_FMOV_IMM : FP16_NONE;
    u32 shift_opcode = bits(w, 15, 11);
    bool fixed = shift_opcode == 0x1c || shift_opcode == 0x1f;
    return (op2 >> 1) == 1 && fixed ? FP16_FIXED : FP16_NONE;
  }
  if ((op2 >> 2) == 2 && bits(w, 15, 14) == 0 && bit(w, 10)) /* op2 10xx */
    return FP16_THREE_SAME;
  if (bit(w, 21) && bits(w, 18, 17) == 0 && bits(w, 11, 10) == 2) {
    if ((op2 & 7) == 7) return FP16_TWO_MISC; /* op2 x111 */
    bool fp_reduce = opcode == 0x0c || opcode == 0x0d || opcode == 0x0f;
    if ((op2 & 7) == 6 && !bit(w, 29) && fp_reduce) return FP16_REDUCE; /* op2 x110 */
  }
  return FP16_NONE;
}

bool is_simd_fp16(u32 w, bool scalar) { return fp16_group(w, scalar) != FP16_NONE; }

static void fp16_regs(u32 w, struct insn *out) {
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  out->rm = bits(w, 20, 16);
  out->a = ESZ_H;
}

/* Bytes of the result: Q picks 16 or 8 for a vector; a scalar is one lane. */
static u8 fp16_bytes(u32 w, bool scalar) { return scalar ? 2 : bit(w, 30) ? 16 : 8; }

/* Three same (FP16), by [U][a][opcode]; 0 is unallocated. */
static const u16 kThreeSame[2][2][8] = {
    {{OP_fmaxnm_vec_h, OP_fmla_vec_h, OP_fadd_vec_h, OP_fmulx_vec_h, OP_fcmeq_vec_h, 0,
      OP_fmax_vec_h, OP_frecps_vec_h},
     {OP_fminnm_vec_h, OP_fmls_vec_h, OP_fsub_vec_h, 0, 0, 0, OP_fmin_vec_h,
      OP_frsqrts_vec_h}},
    {{OP_fmaxnmp_vec_h, 0, OP_faddp_vec_h, OP_fmul_vec_h, OP_fcmge_vec_h, OP_facge_vec_h,
      OP_fmaxp_vec_h, OP_fdiv_vec_h},
     {OP_fminnmp_vec_h, 0, OP_fabd_vec_h, 0, OP_fcmgt_vec_h, OP_facgt_vec_h, OP_fminp_vec_h,
      0}},
};

/* The forms the AdvSIMD scalar three same FP16 group has. */
static bool has_scalar_three_same(u16 op) {
  switch (op) {
    case OP_fmulx_vec_h: case OP_fcmeq_vec_h: case OP_frecps_vec_h: case OP_frsqrts_vec_h:
    case OP_fcmge_vec_h: case OP_facge_vec_h: case OP_fabd_vec_h: case OP_fcmgt_vec_h:
    case OP_facgt_vec_h:
      return true;
    default:
      return false;
  }
}

static bool decode_three_same(u32 w, bool scalar, struct insn *out) {
  u16 op = kThreeSame[bit(w, 29)][bit(w, 23)][bits(w, 13, 11)];
  if (!op || (scalar && !has_scalar_three_same(op))) return false;
  out->op = op;
  fp16_regs(w, out);
  out->b = fp16_bytes(w, scalar);
  return true;
}

/* FRINT* by [U][a][opcode<0>] for opcodes 11000 and 11001: the rounding,
   or -1 when unallocated. */
static const int kFrint[2][2][2] = {
    {{FPROUND_TIEEVEN, FPROUND_NEGINF}, {FPROUND_POSINF, FPROUND_ZERO}},
    {{FPROUND_TIEAWAY, ROUND_FPCR | FRINT_EXACT}, {-1, ROUND_FPCR}},
};

/* FCVT[NMPZ][SU] by [a][opcode<0>] for opcodes 11010 and 11011. */
static const int kFcvtRounding[2][2] = {
    {FPROUND_TIEEVEN, FPROUND_NEGINF}, {FPROUND_POSINF, FPROUND_ZERO}};

/* Two-register miscellaneous (FP16) and its scalar twin; bit 22 is 1. */
static bool decode_two_misc(u32 w, bool scalar, struct insn *out) {
  u32 u = bit(w, 29), hi = bit(w, 23), opcode = bits(w, 16, 12);
  if (!bit(w, 22)) return false;
  fp16_regs(w, out);
  out->rm = 0;
  out->b = fp16_bytes(w, scalar);
  switch (opcode) {
    case 0x0c: out->op = u ? OP_fcmge_zero_h : OP_fcmgt_zero_h; return hi;
    case 0x0d: out->op = u ? OP_fcmle_zero_h : OP_fcmeq_zero_h; return hi;
    case 0x0e: out->op = OP_fcmlt_zero_h; return hi && !u;
    case 0x0f: out->op = u ? OP_fneg_vec_h : OP_fabs_vec_h; return hi && !scalar;
    case 0x18:
    case 0x19: {
      int rmode = kFrint[u][hi][opcode & 1];
      if (rmode < 0 || scalar) return false;
      out->op = OP_frint_vec_h;
      out->imm = (u64)rmode;
      return true;
    }
    case 0x1a:
    case 0x1b:
      out->op = u ? OP_fcvt_to_uint_vec_h : OP_fcvt_to_sint_vec_h;
      out->imm = (u64)kFcvtRounding[hi][opcode & 1];
      return true;
    case 0x1c: /* FCVTAS, FCVTAU */
      out->op = u ? OP_fcvt_to_uint_vec_h : OP_fcvt_to_sint_vec_h;
      out->imm = FPROUND_TIEAWAY;
      return !hi;
    case 0x1d:
      if (hi) out->op = u ? OP_frsqrte_vec_h : OP_frecpe_vec_h;
      else out->op = u ? OP_ucvtf_vec_h : OP_scvtf_vec_h;
      return true;
    case 0x1f: /* FSQRT is vector only, FRECPX scalar only */
      if (!hi) return false;
      out->op = u ? OP_fsqrt_vec_h : OP_frecpx_scalar_h;
      return u ? !scalar : scalar;
    default:
      return false;
  }
}

/* FMAXNMV, FMINNMV, FMAXV, FMINV (across lanes, 4H or 8H) and FMAXNMP,
   FMINNMP, FADDP, FMAXP, FMINP (scalar pairwise, 2H): U = 0, sz = 0, o1 =
   <23> picks min over max. */
static bool decode_reduce(u32 w, bool scalar, struct insn *out) {
  static const u16 kAcross[2][2] = {{OP_fmaxnmv_vec_h, OP_fminnmv_vec_h},
                                    {OP_fmaxv_vec_h, OP_fminv_vec_h}};
  static const u16 kPair[2][2] = {{OP_fmaxnmp_scalar_h, OP_fminnmp_scalar_h},
                                  {OP_fmaxp_scalar_h, OP_fminp_scalar_h}};
  u32 o1 = bit(w, 23), opcode = bits(w, 16, 12);
  if (bit(w, 22)) return false;
  fp16_regs(w, out);
  out->rm = 0;
  if (opcode == 0x0d) { /* FADDP; no FADDV */
    if (!scalar || o1) return false;
    out->op = OP_faddp_scalar_h;
  } else {
    out->op = (scalar ? kPair : kAcross)[opcode == 0x0f][o1];
  }
  out->b = fp16_bytes(w, scalar); /* across lanes: the bytes of Vn */
  return true;
}

/* FMLA, FMLS, FMUL, FMULX (by element) with size = 00: the index is H:L:M
   and Vm is V0-V15. U = 1 is FMULX only (FCMLA has no half form here). */
static bool decode_elem(u32 w, bool scalar, struct insn *out) {
  u32 u = bit(w, 29), opcode = bits(w, 15, 12);
  if (u && opcode != 0x9) return false;
  fp16_regs(w, out);
  switch (opcode) {
    case 0x1: out->op = OP_fmla_elem_h; break;
    case 0x5: out->op = OP_fmls_elem_h; break;
    default: out->op = u ? OP_fmulx_elem_h : OP_fmul_elem_h; break;
  }
  out->rm = bits(w, 19, 16);
  out->imm = bit(w, 11) << 2 | bit(w, 21) << 1 | bit(w, 20);
  out->b = fp16_bytes(w, scalar);
  return true;
}

/* FMOV (vector, immediate), half precision: 0 Q 0 0111100000 abc 1111 1 1
   defgh Rd. VFPExpandImm with N = 16, replicated: MOVI's handler does the
   write. */
static bool decode_fmov_imm(u32 w, struct insn *out) {
  if (bit(w, 29) || bits(w, 15, 12) != 0xf) return false;
  u64 imm8 = bits(w, 18, 16) << 5 | bits(w, 9, 5);
  u64 sign = imm8 >> 7, b6 = imm8 >> 6 & 1, low6 = imm8 & 0x3f;
  u64 half = sign << 15 | (b6 ^ 1) << 14 | (b6 ? 3ull : 0) << 12 | low6 << 6;
  out->op = OP_movi_vec;
  out->rd = bits(w, 4, 0);
  out->b = fp16_bytes(w, false);
  out->imm = half * 0x0001000100010001ull;
  return true;
}

/* SCVTF, UCVTF, FCVTZS, FCVTZU (vector and scalar, fixed-point) with
   immh = 001x: 16-bit elements, fbits = 32 - immh:immb (1 to 16). */
static bool decode_fixed(u32 w, bool scalar, struct insn *out) {
  u32 u = bit(w, 29);
  fp16_regs(w, out);
  out->rm = 0;
  out->b = fp16_bytes(w, scalar);
  out->ra = 32 - bits(w, 22, 16);
  if (bits(w, 15, 11) == 0x1c) {
    out->op = u ? OP_ucvtf_vec_h : OP_scvtf_vec_h;
  } else {
    out->op = u ? OP_fcvt_to_uint_vec_h : OP_fcvt_to_sint_vec_h;
    out->imm = FPROUND_ZERO;
  }
  return true;
}

bool decode_simd_fp16(u32 w, bool scalar, struct insn *out) {
  switch (fp16_group(w, scalar)) {
    case FP16_THREE_SAME: return decode_three_same(w, scalar, out);
    case FP16_TWO_MISC: return decode_two_misc(w, scalar, out);
    case FP16_REDUCE: return decode_reduce(w, scalar, out);
    case FP16_ELEM: return decode_elem(w, scalar, out);
    case FP16_FMOV_IMM: return decode_fmov_imm(w, out);
    case FP16_FIXED: return decode_fixed(w, scalar, out);
    default: return false;
  }
}
