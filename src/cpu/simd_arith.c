/* Advanced SIMD integer arithmetic without saturation: element-wise add,
   multiply, logic, compare, min/max, absolute difference, halving add and
   bit counting, with the decoders of the two groups that hold most of them
   ("three same" and "two-register miscellaneous", Arm ARM C4.1.95). Those
   decoders also hand out the saturating (simd_sat.c), shift (simd_shift.c),
   pairwise (simd_reduce.c) and permute (simd_perm.c) forms of the groups.

   An element-wise handler computes all 16 bytes, whatever the element size
   or Q, in one fixed-count loop per size that the compiler vectorises;
   vec_write() then clears what lies above the result. That is only right
   for operations without side effects: the saturating ones, which set
   FPSR.QC, loop over the live elements only. */
#include "cpu/simd.h"

#include "cpu/sem_fp.h"

/* Defines op_NAME and a helper lanes_NAME(n, m, d, esz) that the by-element
   forms reuse: each element of the result is EXPR of the elements n, m and
   d (of Vn, Vm and the old Vd), all of type uN. LANES is SIMD_LANES, or
   SIMD_LANES_BHS for operations without a 64-bit form. */
#define DEF_ELEMENTWISE(name, LANES, EXPR)                                  \
  static inline ALWAYS_INLINE vreg lanes_##name(vreg vn, vreg vm, vreg vd, u32 esz) { \
    vreg r;                                                                 \
    (void)esz; /* the bitwise forms do not look at it */                    \
    LANES(esz, ALL_LANES, uN n = LANE(vn, i); uN m = LANE(vm, i);           \
          uN d = LANE(vd, i); (void)n; (void)m; (void)d;                    \
          LANE(r, i) = (uN)(EXPR));                                         \
    return r;                                                               \
  }                                                                         \
  OP_HANDLER(name) {                                                        \
    vreg r = lanes_##name(cpu->v[in->rn], cpu->v[in->rm], cpu->v[in->rd],   \
                          in->a);                                           \
    vec_write(cpu, in->rd, r, in->b);                                       \
    return NEXT;                                                            \
  }

/* All ones when the condition holds, as the compare instructions give. */
#define MASK(cond) (-(uN)(cond))

/* Arm ARM CountLeadingZeroBits() and CountLeadingSignBits() of a
   width-bit value. */
static inline u32 clz_bits(u64 x, u32 width) {
  return x ? (u32)__builtin_clzll(x) - (64 - width) : width;
}
static inline u32 cls_bits(u64 x, u32 width) {
  u64 low = width == 64 ? ~0ull : (1ull << width) - 1;
  return clz_bits(((x >> 1) ^ x) & (low >> 1), width - 1);
}

/* Polynomial (carry-less) multiply of two bytes, low 8 bits: PMUL. */
static inline u8 pmul8(u8 a, u8 b) {
  u8 r = 0;
  for (u32 i = 0; i < 8; i++)
    if (b >> i & 1) r ^= (u8)(a << i);
  return r;
}

static inline u8 rbit8(u8 x) {
  x = (u8)((x & 0xf0) >> 4 | (x & 0x0f) << 4);
  x = (u8)((x & 0xcc) >> 2 | (x & 0x33) << 2);
  return (u8)((x & 0xaa) >> 1 | (x & 0x55) << 1);
}

/* Arithmetic. Products are taken as u32 (elements are at most 32 bits
   here), so that no promoted int overflows and the loops vectorise. */
DEF_ELEMENTWISE(add_vec, SIMD_LANES, n + m)
DEF_ELEMENTWISE(sub_vec, SIMD_LANES, n - m)
DEF_ELEMENTWISE(mul_vec, SIMD_LANES_BHS, (u32)n * m)
DEF_ELEMENTWISE(mla_vec, SIMD_LANES_BHS, d + (u32)n * m)
DEF_ELEMENTWISE(mls_vec, SIMD_LANES_BHS, d - (u32)n * m)
DEF_ELEMENTWISE(pmul_vec, SIMD_LANES_BHS, pmul8((u8)n, (u8)m))
DEF_ELEMENTWISE(abs_vec, SIMD_LANES, (sN)n < 0 ? -n : n)
DEF_ELEMENTWISE(neg_vec, SIMD_LANES, -n)

/* Bitwise: the element size is irrelevant, so these always work on two
   64-bit lanes (SIMD_BITWISE ignores esz) without a switch on it.
   BSL, BIT and BIF are the pseudocode's operand1 EOR ((operand1 EOR Vn)
   AND operand3) with its three choices of operand1 and operand3. */
#define SIMD_BITWISE(esz, count, ...) SIMD_LANES_T(u64, i64, 2, __VA_ARGS__)
DEF_ELEMENTWISE(and_vec, SIMD_BITWISE, n & m)
DEF_ELEMENTWISE(bic_vec, SIMD_BITWISE, n & ~m)
DEF_ELEMENTWISE(orr_vec, SIMD_BITWISE, n | m)
DEF_ELEMENTWISE(orn_vec, SIMD_BITWISE, n | ~m)
DEF_ELEMENTWISE(eor_vec, SIMD_BITWISE, n ^ m)
DEF_ELEMENTWISE(bsl_vec, SIMD_BITWISE, m ^ ((m ^ n) & d))
DEF_ELEMENTWISE(bit_vec, SIMD_BITWISE, d ^ ((d ^ n) & m))
DEF_ELEMENTWISE(bif_vec, SIMD_BITWISE, d ^ ((d ^ n) & ~m))
DEF_ELEMENTWISE(not_vec, SIMD_BITWISE, ~n)
#undef SIMD_BITWISE

/* Compares. */
DEF_ELEMENTWISE(cmeq_vec, SIMD_LANES, MASK(n == m))
DEF_ELEMENTWISE(cmtst_vec, SIMD_LANES, MASK((n & m) != 0))
DEF_ELEMENTWISE(cmgt_vec, SIMD_LANES, MASK((sN)n > (sN)m))
DEF_ELEMENTWISE(cmge_vec, SIMD_LANES, MASK((sN)n >= (sN)m))
DEF_ELEMENTWISE(cmhi_vec, SIMD_LANES, MASK(n > m))
DEF_ELEMENTWISE(cmhs_vec, SIMD_LANES, MASK(n >= m))
DEF_ELEMENTWISE(cmeq_zero, SIMD_LANES, MASK(n == 0))
DEF_ELEMENTWISE(cmgt_zero, SIMD_LANES, MASK((sN)n > 0))
DEF_ELEMENTWISE(cmge_zero, SIMD_LANES, MASK((sN)n >= 0))
DEF_ELEMENTWISE(cmle_zero, SIMD_LANES, MASK((sN)n <= 0))
DEF_ELEMENTWISE(cmlt_zero, SIMD_LANES, MASK((sN)n < 0))

/* Maximum, minimum, absolute difference (whose W-bit truncation is the
   difference taken the right way round, modulo 2^W). */
DEF_ELEMENTWISE(smax_vec, SIMD_LANES_BHS, (sN)n > (sN)m ? n : m)
DEF_ELEMENTWISE(smin_vec, SIMD_LANES_BHS, (sN)n < (sN)m ? n : m)
DEF_ELEMENTWISE(umax_vec, SIMD_LANES_BHS, n > m ? n : m)
DEF_ELEMENTWISE(umin_vec, SIMD_LANES_BHS, n < m ? n : m)
DEF_ELEMENTWISE(sabd_vec, SIMD_LANES_BHS, (sN)n > (sN)m ? n - m : m - n)
DEF_ELEMENTWISE(uabd_vec, SIMD_LANES_BHS, n > m ? n - m : m - n)
DEF_ELEMENTWISE(saba_vec, SIMD_LANES_BHS, d + ((sN)n > (sN)m ? n - m : m - n))
DEF_ELEMENTWISE(uaba_vec, SIMD_LANES_BHS, d + (n > m ? n - m : m - n))

/* Halving add and subtract: the sum or difference is exact in 64 bits,
   since these have no 64-bit form, and >> of a negative value floors. */
DEF_ELEMENTWISE(shadd_vec, SIMD_LANES_BHS, ((i64)(sN)n + (sN)m) >> 1)
DEF_ELEMENTWISE(uhadd_vec, SIMD_LANES_BHS, ((u64)n + m) >> 1)
DEF_ELEMENTWISE(srhadd_vec, SIMD_LANES_BHS, ((i64)(sN)n + (sN)m + 1) >> 1)
DEF_ELEMENTWISE(urhadd_vec, SIMD_LANES_BHS, ((u64)n + m + 1) >> 1)
DEF_ELEMENTWISE(shsub_vec, SIMD_LANES_BHS, ((i64)(sN)n - (sN)m) >> 1)
DEF_ELEMENTWISE(uhsub_vec, SIMD_LANES_BHS, ((i64)n - (i64)m) >> 1)

/* Bit counts. */
DEF_ELEMENTWISE(cls_vec, SIMD_LANES_BHS, cls_bits(n, W))
DEF_ELEMENTWISE(clz_vec, SIMD_LANES_BHS, clz_bits(n, W))
DEF_ELEMENTWISE(cnt_vec, SIMD_LANES_BHS, __builtin_popcount(n))
DEF_ELEMENTWISE(rbit_vec, SIMD_LANES_BHS, rbit8((u8)n))

/* MUL, MLA, MLS (by element): the vector form against Vm[imm] broadcast. */
OP_HANDLER(mul_elem) {
  vreg m = lane_broadcast(&cpu->v[in->rm], in->a, (u32)in->imm);
  vec_write(cpu, in->rd, lanes_mul_vec(cpu->v[in->rn], m, cpu->v[in->rd], in->a), in->b);
  return NEXT;
}
OP_HANDLER(mla_elem) {
  vreg m = lane_broadcast(&cpu->v[in->rm], in->a, (u32)in->imm);
  vec_write(cpu, in->rd, lanes_mla_vec(cpu->v[in->rn], m, cpu->v[in->rd], in->a), in->b);
  return NEXT;
}
OP_HANDLER(mls_elem) {
  vreg m = lane_broadcast(&cpu->v[in->rm], in->a, (u32)in->imm);
  vec_write(cpu, in->rd, lanes_mls_vec(cpu->v[in->rn], m, cpu->v[in->rd], in->a), in->b);
  return NEXT;
}

/* URECPE and URSQRTE: UnsignedRecipEstimate() and UnsignedRSqrtEstimate()
   of 32-bit fixed-point fractions, through the 9-bit RecipEstimate() and
   RecipSqrtEstimate() that FRECPE and FRSQRTE also use. Operands below the
   estimates' input range (under 0.5 and under 0.25) give all ones. */
OP_HANDLER(urecpe_vec) {
  vreg r, n = cpu->v[in->rn];
  for (u32 i = 0; i < 4; i++)
    r.s[i] = n.s[i] >> 31 ? (u32)fp_recip_estimate((int)(n.s[i] >> 23)) << 23 : 0xffffffffu;
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(ursqrte_vec) {
  vreg r, n = cpu->v[in->rn];
  for (u32 i = 0; i < 4; i++)
    r.s[i] = n.s[i] >> 30 ? (u32)fp_rsqrt_estimate((int)(n.s[i] >> 23)) << 23 : 0xffffffffu;
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

/* Element sizes a form allows, as masks of 1 << size. */
enum { SZ_D = 8, SZ_HS = 6, SZ_BHS = 7, SZ_BHSD = 15 };

/* One row of an opcode table: the op for U = 0 and U = 1 (0, which is
   OP_undef, for an unallocated encoding), and the element sizes of the
   vector form and of the AdvSIMD scalar form (0: no scalar form). A
   64-bit element needs Q = 1 in the vector form. */
struct form {
  u16 op[2];
  u8 vector_sizes, scalar_sizes;
};

static bool size_allowed(const struct form *f, u32 size, u32 q, bool scalar) {
  if (scalar) return f->scalar_sizes >> size & 1;
  return (f->vector_sizes >> size & 1) && !(size == 3 && !q);
}

/* Integer "three same" by opcode <15:11>; the FP half (opcodes 11xxx) is
   simd_fp_vec.c's, and opcode 00011 (logical) is decoded apart. */
static const struct form kThreeSame[24] = {
    [0x00] = {{OP_shadd_vec, OP_uhadd_vec}, SZ_BHS, 0},
    [0x01] = {{OP_sqadd_vec, OP_uqadd_vec}, SZ_BHSD, SZ_BHSD},
    [0x02] = {{OP_srhadd_vec, OP_urhadd_vec}, SZ_BHS, 0},
    [0x04] = {{OP_shsub_vec, OP_uhsub_vec}, SZ_BHS, 0},
    [0x05] = {{OP_sqsub_vec, OP_uqsub_vec}, SZ_BHSD, SZ_BHSD},
    [0x06] = {{OP_cmgt_vec, OP_cmhi_vec}, SZ_BHSD, SZ_D},
    [0x07] = {{OP_cmge_vec, OP_cmhs_vec}, SZ_BHSD, SZ_D},
    [0x08] = {{OP_sshl_vec, OP_ushl_vec}, SZ_BHSD, SZ_D},
    [0x09] = {{OP_sqshl_vec, OP_uqshl_vec}, SZ_BHSD, SZ_BHSD},
    [0x0a] = {{OP_srshl_vec, OP_urshl_vec}, SZ_BHSD, SZ_D},
    [0x0b] = {{OP_sqrshl_vec, OP_uqrshl_vec}, SZ_BHSD, SZ_BHSD},
    [0x0c] = {{OP_smax_vec, OP_umax_vec}, SZ_BHS, 0},
    [0x0d] = {{OP_smin_vec, OP_umin_vec}, SZ_BHS, 0},
    [0x0e] = {{OP_sabd_vec, OP_uabd_vec}, SZ_BHS, 0},
    [0x0f] = {{OP_saba_vec, OP_uaba_vec}, SZ_BHS, 0},
    [0x10] = {{OP_add_vec, OP_sub_vec}, SZ_BHSD, SZ_D},
    [0x11] = {{OP_cmtst_vec, OP_cmeq_vec}, SZ_BHSD, SZ_D},
    [0x12] = {{OP_mla_vec, OP_mls_vec}, SZ_BHS, 0},
    [0x13] = {{OP_mul_vec, OP_pmul_vec}, SZ_BHS, 0},
    [0x14] = {{OP_smaxp_vec, OP_umaxp_vec}, SZ_BHS, 0},
    [0x15] = {{OP_sminp_vec, OP_uminp_vec}, SZ_BHS, 0},
    [0x16] = {{OP_sqdmulh_vec, OP_sqrdmulh_vec}, SZ_HS, SZ_HS},
    [0x17] = {{OP_addp_vec, 0}, SZ_BHSD, 0},
};

/* AND, BIC, ORR, ORN (U = 0) and EOR, BSL, BIT, BIF (U = 1) by size. */
static const u16 kLogical[2][4] = {
    {OP_and_vec, OP_bic_vec, OP_orr_vec, OP_orn_vec},
    {OP_eor_vec, OP_bsl_vec, OP_bit_vec, OP_bif_vec},
};

static void decode_regs3(u32 w, struct insn *out) {
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  out->rm = bits(w, 20, 16);
}

/* 0 Q U 01110 size 1 Rm opcode 1 Rn Rd (vector), 01 U 11110 ... (scalar). */
bool decode_simd_three_same(u32 w, bool scalar, struct insn *out) {
  u32 q = bit(w, 30), u = bit(w, 29), size = bits(w, 23, 22), opcode = bits(w, 15, 11);
  if (opcode >= 0x18) return decode_simd_fp_three_same(w, scalar, out);
  decode_regs3(w, out);
  if (opcode == 0x03) {
    if (scalar) return false;
    out->op = kLogical[u][size];
    out->a = 3;
    out->b = q ? 16 : 8;
    return true;
  }
  const struct form *f = &kThreeSame[opcode];
  if (!f->op[u] || !size_allowed(f, size, q, scalar)) return false;
  if (f->op[u] == OP_pmul_vec && size != 0) return false;
  out->op = f->op[u];
  out->a = size;
  out->b = scalar ? 1 << size : q ? 16 : 8;
  return true;
}

/* Integer "two-register miscellaneous" by opcode <16:12>; the rest of the
   group is FP (simd_fp_vec.c) or, below, narrowing and pairwise forms. */
static const struct form kTwoMisc[12] = {
    [0x02] = {{OP_saddlp_vec, OP_uaddlp_vec}, SZ_BHS, 0},
    [0x03] = {{OP_suqadd_vec, OP_usqadd_vec}, SZ_BHSD, SZ_BHSD},
    [0x04] = {{OP_cls_vec, OP_clz_vec}, SZ_BHS, 0},
    [0x06] = {{OP_sadalp_vec, OP_uadalp_vec}, SZ_BHS, 0},
    [0x07] = {{OP_sqabs_vec, OP_sqneg_vec}, SZ_BHSD, SZ_BHSD},
    [0x08] = {{OP_cmgt_zero, OP_cmge_zero}, SZ_BHSD, SZ_D},
    [0x09] = {{OP_cmeq_zero, OP_cmle_zero}, SZ_BHSD, SZ_D},
    [0x0a] = {{OP_cmlt_zero, 0}, SZ_BHSD, SZ_D},
    [0x0b] = {{OP_abs_vec, OP_neg_vec}, SZ_BHSD, SZ_D},
};

/* REV64 (U = 0, opcode 0), REV16 (U = 0, opcode 1), REV32 (U = 1,
   opcode 0): the container must be wider than the element. */
static bool decode_rev(u32 u, u32 opcode, u32 size, struct insn *out) {
  u32 container = opcode ? 2 : u ? 4 : 8;
  if (opcode && u) return false;
  if ((1u << size) >= container) return false;
  out->op = OP_rev_vec;
  out->imm = container - (1u << size);
  return true;
}

/* XTN, SQXTN, SQXTUN, UQXTN, SHLL: narrowing or widening by one size. */
static bool decode_misc_narrow(u32 u, u32 opcode, u32 size, u32 q, bool scalar,
                               struct insn *out) {
  static const u16 kOps[3][2] = {
      {OP_xtn_vec, OP_sqxtun_vec},  /* 10010 */
      {0, OP_ushll_vec},            /* 10011: SHLL */
      {OP_sqxtn_vec, OP_uqxtn_vec}, /* 10100 */
  };
  if (opcode < 0x12 || opcode > 0x14 || size == 3) return false;
  u16 op = kOps[opcode - 0x12][u];
  if (!op || (scalar && (op == OP_xtn_vec || op == OP_ushll_vec))) return false;
  out->op = op;
  out->a = size;
  if (op == OP_ushll_vec) { /* SHLL: shift left by the element width */
    out->b = 16;
    out->ra = q ? 8 >> size : 0;
    out->imm = 8u << size;
    return true;
  }
  out->b = scalar ? 1 << size : q ? 16 : 8;
  return true;
}

/* 0 Q U 01110 size 10000 opcode 10 Rn Rd (vector), 01 U 11110 ... (scalar). */
bool decode_simd_two_misc(u32 w, bool scalar, struct insn *out) {
  u32 q = bit(w, 30), u = bit(w, 29), size = bits(w, 23, 22), opcode = bits(w, 16, 12);
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  if (opcode == 0x1c && size == 2) { /* URECPE, URSQRTE: 32-bit only */
    if (scalar) return false;
    out->op = u ? OP_ursqrte_vec : OP_urecpe_vec;
    out->a = 2;
    out->b = q ? 16 : 8;
    return true;
  }
  if ((opcode >= 0x0c && opcode <= 0x0f) || opcode >= 0x16)
    return decode_simd_fp_two_misc(w, scalar, out);
  if (opcode >= 0x10) return decode_misc_narrow(u, opcode, size, q, scalar, out);
  out->a = size;
  out->b = scalar ? 1 << size : q ? 16 : 8;
  if (opcode <= 0x01) return !scalar && decode_rev(u, opcode, size, out);
  if (opcode == 0x05) { /* CNT (U = 0); NOT, RBIT (U = 1, by size) */
    if (scalar || size > u) return false;
    out->op = !u ? OP_cnt_vec : size ? OP_rbit_vec : OP_not_vec;
    out->a = 0;
    return true;
  }
  const struct form *f = &kTwoMisc[opcode];
  if (!f->op[u] || !size_allowed(f, size, q, scalar)) return false;
  out->op = f->op[u];
  return true;
}
