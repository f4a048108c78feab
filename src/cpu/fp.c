/* Scalar floating point: the op0 = x0x1 part of "Data Processing -- Scalar
   Floating-Point and Advanced SIMD" (Arm ARM C4.1.96). Single, double and
   half precision (ftype 00, 01, 11; half-precision arithmetic is FEAT_FP16)
   and the conversions between them, and FJCVTZS (FEAT_JSCVT, handled in
   fp_jscvt.c). FRINT32/64 (FEAT_FRINTTS) and BFCVT (FEAT_BF16) are not
   advertised, so they decode as unallocated. The semantics are in
   sem_fp.c; handlers fetch operands, call it and write the destination.
   Writing a scalar FP register clears the rest of its 128-bit V register. */
#include "cpu/insn.h"
#include "cpu/sem_alu.h"
#include "cpu/sem_fp.h"

#define SIGN16 0x8000u
#define SIGN32 0x80000000u
#define SIGN64 0x8000000000000000ull

/* insn.a of FRINTX and FRINTI: round with FPCR.RMode. */
#define ROUND_BY_FPCR 0xff

static inline u16 vh(const struct cpu *cpu, u8 r) { return cpu->v[r].h[0]; }
static inline u32 vs(const struct cpu *cpu, u8 r) { return cpu->v[r].s[0]; }
static inline u64 vd(const struct cpu *cpu, u8 r) { return cpu->v[r].d[0]; }

/* V[d] = ZeroExtend(value, 128). */
static inline void set_v(struct cpu *cpu, u8 r, u64 value) {
  cpu->v[r].d[0] = value;
  cpu->v[r].d[1] = 0;
}

static inline void set_nzcv(struct cpu *cpu, int nzcv) {
  cpu->nf = nzcv >> 3 & 1;
  cpu->zf = nzcv >> 2 & 1;
  cpu->cf = nzcv >> 1 & 1;
  cpu->vf = nzcv & 1;
}

/* ---- Moves ------------------------------------------------------------- */

OP_HANDLER(fmov_h) { set_v(cpu, in->rd, vh(cpu, in->rn)); return NEXT; }
OP_HANDLER(fmov_s) { set_v(cpu, in->rd, vs(cpu, in->rn)); return NEXT; }
OP_HANDLER(fmov_d) { set_v(cpu, in->rd, vd(cpu, in->rn)); return NEXT; }
OP_HANDLER(fmov_imm) { set_v(cpu, in->rd, in->imm); return NEXT; }
/* FMOV Wd/Xd, Hn and FMOV Hd, Wn/Xn move the low 16 bits and zero-extend. */
OP_HANDLER(fmov_w_h) { cpu->x[in->rd] = vh(cpu, in->rn); return NEXT; }
OP_HANDLER(fmov_h_w) { set_v(cpu, in->rd, (u16)cpu->x[in->rn]); return NEXT; }
OP_HANDLER(fmov_w_s) { cpu->x[in->rd] = vs(cpu, in->rn); return NEXT; }
OP_HANDLER(fmov_s_w) { set_v(cpu, in->rd, (u32)cpu->x[in->rn]); return NEXT; }
OP_HANDLER(fmov_x_d) { cpu->x[in->rd] = vd(cpu, in->rn); return NEXT; }
OP_HANDLER(fmov_d_x) { set_v(cpu, in->rd, cpu->x[in->rn]); return NEXT; }
OP_HANDLER(fmov_x_d1) { cpu->x[in->rd] = cpu->v[in->rn].d[1]; return NEXT; }

/* Writes the top half only: the low half of Vd is kept. */
OP_HANDLER(fmov_d1_x) { cpu->v[in->rd].d[1] = cpu->x[in->rn]; return NEXT; }

/* FPAbs and FPNeg touch the sign bit only: no NaN processing, no flags. */
OP_HANDLER(fabs_h) { set_v(cpu, in->rd, vh(cpu, in->rn) & ~SIGN16); return NEXT; }
OP_HANDLER(fabs_s) { set_v(cpu, in->rd, vs(cpu, in->rn) & ~SIGN32); return NEXT; }
OP_HANDLER(fabs_d) { set_v(cpu, in->rd, vd(cpu, in->rn) & ~SIGN64); return NEXT; }
OP_HANDLER(fneg_h) { set_v(cpu, in->rd, vh(cpu, in->rn) ^ SIGN16); return NEXT; }
OP_HANDLER(fneg_s) { set_v(cpu, in->rd, vs(cpu, in->rn) ^ SIGN32); return NEXT; }
OP_HANDLER(fneg_d) { set_v(cpu, in->rd, vd(cpu, in->rn) ^ SIGN64); return NEXT; }

OP_HANDLER(fcsel_h) {
  set_v(cpu, in->rd, vh(cpu, cond_holds(cpu, in->a) ? in->rn : in->rm));
  return NEXT;
}
OP_HANDLER(fcsel_s) {
  set_v(cpu, in->rd, vs(cpu, cond_holds(cpu, in->a) ? in->rn : in->rm));
  return NEXT;
}
OP_HANDLER(fcsel_d) {
  set_v(cpu, in->rd, vd(cpu, cond_holds(cpu, in->a) ? in->rn : in->rm));
  return NEXT;
}

/* ---- Arithmetic ---------------------------------------------------------- */

OP_HANDLER(fsqrt_h) { set_v(cpu, in->rd, fp16_sqrt(cpu, vh(cpu, in->rn))); return NEXT; }
OP_HANDLER(fsqrt_s) { set_v(cpu, in->rd, fp32_sqrt(cpu, vs(cpu, in->rn))); return NEXT; }
OP_HANDLER(fsqrt_d) { set_v(cpu, in->rd, fp64_sqrt(cpu, vd(cpu, in->rn))); return NEXT; }

#define FP_BINARY(name, fn)                                                  \
  OP_HANDLER(name##_h) {                                                     \
    set_v(cpu, in->rd, fp16_##fn(cpu, vh(cpu, in->rn), vh(cpu, in->rm)));    \
    return NEXT;                                                             \
  }                                                                          \
  OP_HANDLER(name##_s) {                                                     \
    set_v(cpu, in->rd, fp32_##fn(cpu, vs(cpu, in->rn), vs(cpu, in->rm)));    \
    return NEXT;                                                             \
  }                                                                          \
  OP_HANDLER(name##_d) {                                                     \
    set_v(cpu, in->rd, fp64_##fn(cpu, vd(cpu, in->rn), vd(cpu, in->rm)));    \
    return NEXT;                                                             \
  }
FP_BINARY(fadd, add)
FP_BINARY(fsub, sub)
FP_BINARY(fmul, mul)
FP_BINARY(fdiv, div)
FP_BINARY(fmax, max)
FP_BINARY(fmin, min)
FP_BINARY(fmaxnm, maxnm)
FP_BINARY(fminnm, minnm)
#undef FP_BINARY

/* FNMUL negates the product after rounding, NaN results included. */
OP_HANDLER(fnmul_h) {
  set_v(cpu, in->rd, fp16_mul(cpu, vh(cpu, in->rn), vh(cpu, in->rm)) ^ SIGN16);
  return NEXT;
}
OP_HANDLER(fnmul_s) {
  set_v(cpu, in->rd, fp32_mul(cpu, vs(cpu, in->rn), vs(cpu, in->rm)) ^ SIGN32);
  return NEXT;
}
OP_HANDLER(fnmul_d) {
  set_v(cpu, in->rd, fp64_mul(cpu, vd(cpu, in->rn), vd(cpu, in->rm)) ^ SIGN64);
  return NEXT;
}

/* The fused forms negate operands before FPMulAdd (so before NaN
   processing): neg_a the addend Ra, neg_n the multiplicand Rn. */
#define FP_FUSED(name, neg_a, neg_n)                                         \
  OP_HANDLER(name##_h) {                                                     \
    u16 a = vh(cpu, in->ra) ^ (neg_a ? SIGN16 : 0);                          \
    u16 n = vh(cpu, in->rn) ^ (neg_n ? SIGN16 : 0);                          \
    set_v(cpu, in->rd, fp16_muladd(cpu, a, n, vh(cpu, in->rm)));             \
    return NEXT;                                                             \
  }                                                                          \
  OP_HANDLER(name##_s) {                                                     \
    u32 a = vs(cpu, in->ra) ^ (neg_a ? SIGN32 : 0);                          \
    u32 n = vs(cpu, in->rn) ^ (neg_n ? SIGN32 : 0);                          \
    set_v(cpu, in->rd, fp32_muladd(cpu, a, n, vs(cpu, in->rm)));             \
    return NEXT;                                                             \
  }                                                                          \
  OP_HANDLER(name##_d) {                                                     \
    u64 a = vd(cpu, in->ra) ^ (neg_a ? SIGN64 : 0);                          \
    u64 n = vd(cpu, in->rn) ^ (neg_n ? SIGN64 : 0);                          \
    set_v(cpu, in->rd, fp64_muladd(cpu, a, n, vd(cpu, in->rm)));             \
    return NEXT;                                                             \
  }
FP_FUSED(fmadd, false, false)
FP_FUSED(fmsub, false, true)
FP_FUSED(fnmadd, true, true)
FP_FUSED(fnmsub, true, false)
#undef FP_FUSED

static int frint_rmode(const struct cpu *cpu, const struct insn *in) {
  return in->a == ROUND_BY_FPCR ? fpcr_rmode(cpu) : in->a;
}
OP_HANDLER(frint_h) {
  set_v(cpu, in->rd, fp16_round_int(cpu, vh(cpu, in->rn), frint_rmode(cpu, in), in->b));
  return NEXT;
}
OP_HANDLER(frint_s) {
  set_v(cpu, in->rd, fp32_round_int(cpu, vs(cpu, in->rn), frint_rmode(cpu, in), in->b));
  return NEXT;
}
OP_HANDLER(frint_d) {
  set_v(cpu, in->rd, fp64_round_int(cpu, vd(cpu, in->rn), frint_rmode(cpu, in), in->b));
  return NEXT;
}

/* ---- Compares ------------------------------------------------------------ */

/* b selects the "#0.0" form: the second operand is +0.0. */
OP_HANDLER(fcmp_h) {
  u16 m = in->b ? 0 : vh(cpu, in->rm);
  set_nzcv(cpu, fp16_compare(cpu, vh(cpu, in->rn), m, false));
  return NEXT;
}
OP_HANDLER(fcmpe_h) {
  u16 m = in->b ? 0 : vh(cpu, in->rm);
  set_nzcv(cpu, fp16_compare(cpu, vh(cpu, in->rn), m, true));
  return NEXT;
}
OP_HANDLER(fcmp_s) {
  u32 m = in->b ? 0 : vs(cpu, in->rm);
  set_nzcv(cpu, fp32_compare(cpu, vs(cpu, in->rn), m, false));
  return NEXT;
}
OP_HANDLER(fcmp_d) {
  u64 m = in->b ? 0 : vd(cpu, in->rm);
  set_nzcv(cpu, fp64_compare(cpu, vd(cpu, in->rn), m, false));
  return NEXT;
}
OP_HANDLER(fcmpe_s) {
  u32 m = in->b ? 0 : vs(cpu, in->rm);
  set_nzcv(cpu, fp32_compare(cpu, vs(cpu, in->rn), m, true));
  return NEXT;
}
OP_HANDLER(fcmpe_d) {
  u64 m = in->b ? 0 : vd(cpu, in->rm);
  set_nzcv(cpu, fp64_compare(cpu, vd(cpu, in->rn), m, true));
  return NEXT;
}

/* When the condition fails the flags come from the immediate and the
   operands are not compared, so no exception is raised. */
#define FP_CCMP(name, fp, get, signal)                                        \
  OP_HANDLER(name) {                                                          \
    int nzcv = (int)in->imm;                                                  \
    if (cond_holds(cpu, in->a))                                               \
      nzcv = fp##_compare(cpu, get(cpu, in->rn), get(cpu, in->rm), signal);   \
    set_nzcv(cpu, nzcv);                                                      \
    return NEXT;                                                              \
  }
FP_CCMP(fccmp_h, fp16, vh, false)
FP_CCMP(fccmp_s, fp32, vs, false)
FP_CCMP(fccmp_d, fp64, vd, false)
FP_CCMP(fccmpe_h, fp16, vh, true)
FP_CCMP(fccmpe_s, fp32, vs, true)
FP_CCMP(fccmpe_d, fp64, vd, true)
#undef FP_CCMP

/* ---- Conversions --------------------------------------------------------- */

OP_HANDLER(fcvt_d_s) { set_v(cpu, in->rd, fp32_to_fp64(cpu, vs(cpu, in->rn))); return NEXT; }
OP_HANDLER(fcvt_h_s) { set_v(cpu, in->rd, fp32_to_fp16(cpu, vs(cpu, in->rn))); return NEXT; }
OP_HANDLER(fcvt_s_d) { set_v(cpu, in->rd, fp64_to_fp32(cpu, vd(cpu, in->rn))); return NEXT; }
OP_HANDLER(fcvt_h_d) { set_v(cpu, in->rd, fp64_to_fp16(cpu, vd(cpu, in->rn))); return NEXT; }
OP_HANDLER(fcvt_s_h) { set_v(cpu, in->rd, fp16_to_fp32(cpu, vh(cpu, in->rn))); return NEXT; }
OP_HANDLER(fcvt_d_h) { set_v(cpu, in->rd, fp16_to_fp64(cpu, vh(cpu, in->rn))); return NEXT; }

#define FP_TO_FIXED(name, fp, get, width)                                        \
  OP_HANDLER(name) {                                                             \
    cpu->x[in->rd] = fp##_to_fixed(cpu, get(cpu, in->rn), (int)in->imm, in->b,   \
                                   in->a, width);                                \
    return NEXT;                                                                 \
  }
FP_TO_FIXED(fp_to_fixed_w_h, fp16, vh, 32)
FP_TO_FIXED(fp_to_fixed_x_h, fp16, vh, 64)
FP_TO_FIXED(fp_to_fixed_w_s, fp32, vs, 32)
FP_TO_FIXED(fp_to_fixed_x_s, fp32, vs, 64)
FP_TO_FIXED(fp_to_fixed_w_d, fp64, vd, 32)
FP_TO_FIXED(fp_to_fixed_x_d, fp64, vd, 64)
#undef FP_TO_FIXED

#define FIXED_TO_FP(name, fn, width)                                             \
  OP_HANDLER(name) {                                                             \
    set_v(cpu, in->rd, fn(cpu, cpu->x[in->rn], (int)in->imm, in->b, width));     \
    return NEXT;                                                                 \
  }
FIXED_TO_FP(fixed_to_fp_h_w, fixed_to_fp16, 32)
FIXED_TO_FP(fixed_to_fp_h_x, fixed_to_fp16, 64)
FIXED_TO_FP(fixed_to_fp_s_w, fixed_to_fp32, 32)
FIXED_TO_FP(fixed_to_fp_s_x, fixed_to_fp32, 64)
FIXED_TO_FP(fixed_to_fp_d_w, fixed_to_fp64, 32)
FIXED_TO_FP(fixed_to_fp_d_x, fixed_to_fp64, 64)
#undef FIXED_TO_FP

/* ---- Decoding ------------------------------------------------------------ */

/* The precision named by ftype (bits 23:22), as an index into the decode
   tables: 00 single, 01 double, 11 half (FEAT_FP16); 10 is unallocated
   outside the BFCVT encoding (FEAT_BF16). */
enum prec { PREC_S, PREC_D, PREC_H, NUM_PREC };

static int prec_of(u32 w) {
  static const int kPrec[4] = {PREC_S, PREC_D, -1, PREC_H};
  return kPrec[bits(w, 23, 22)];
}

static void decode_vregs(u32 w, struct insn *out) {
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  out->rm = bits(w, 20, 16);
  out->ra = bits(w, 14, 10);
}

/* Arm ARM VFPExpandImm: sign, NOT(b6), Replicate(b6, E - 3), imm8<5:4>,
   then imm8<3:0> at the top of the fraction. */
static u64 vfp_expand_imm(u32 imm8, int p) {
  static const int kExpBits[NUM_PREC] = {8, 11, 5};
  int e = kExpBits[p], f = p == PREC_S ? 23 : p == PREC_D ? 52 : 10;
  u64 sign = imm8 >> 7, b6 = imm8 >> 6 & 1, low6 = imm8 & 0x3f;
  u64 exp_top = (b6 ^ 1) << (e - 1) | (b6 ? (1ull << (e - 3)) - 1 : 0) << 2;
  return sign << (e + f) | exp_top << f | low6 << (f - 4);
}

/* FP to general register: FCVT*S/U. rounding is an enum fp_rounding. */
static bool decode_to_fixed(u32 w, int p, int rounding, bool is_unsigned, int fbits,
                            struct insn *out) {
  static const u16 kOps[NUM_PREC][2] = {{OP_fp_to_fixed_w_s, OP_fp_to_fixed_x_s},
                                        {OP_fp_to_fixed_w_d, OP_fp_to_fixed_x_d},
                                        {OP_fp_to_fixed_w_h, OP_fp_to_fixed_x_h}};
  out->op = kOps[p][bit(w, 31)];
  out->rd = reg_dst(bits(w, 4, 0));
  out->rn = bits(w, 9, 5);
  out->a = (u8)rounding;
  out->b = is_unsigned;
  out->imm = (u64)fbits;
  return true;
}

/* General register to FP: SCVTF, UCVTF. */
static bool decode_to_fp(u32 w, int p, bool is_unsigned, int fbits, struct insn *out) {
  static const u16 kOps[NUM_PREC][2] = {{OP_fixed_to_fp_s_w, OP_fixed_to_fp_s_x},
                                        {OP_fixed_to_fp_d_w, OP_fixed_to_fp_d_x},
                                        {OP_fixed_to_fp_h_w, OP_fixed_to_fp_h_x}};
  out->op = kOps[p][bit(w, 31)];
  out->rd = bits(w, 4, 0);
  out->rn = reg_src(bits(w, 9, 5));
  out->b = is_unsigned;
  out->imm = (u64)fbits;
  return true;
}

/* Conversion between floating-point and fixed-point (bit 21 = 0). */
static bool decode_fp_fixed(u32 w, struct insn *out) {
  u32 rmode_opcode = bits(w, 20, 16), scale = bits(w, 15, 10);
  int p = prec_of(w);
  if (p < 0 || (!bit(w, 31) && scale < 32)) return false; /* fbits > 32 for W */
  int fbits = 64 - (int)scale;
  switch (rmode_opcode) {
    case 0x02: return decode_to_fp(w, p, false, fbits, out);  /* SCVTF */
    case 0x03: return decode_to_fp(w, p, true, fbits, out);   /* UCVTF */
    case 0x18: return decode_to_fixed(w, p, FPROUND_ZERO, false, fbits, out); /* FCVTZS */
    case 0x19: return decode_to_fixed(w, p, FPROUND_ZERO, true, fbits, out);  /* FCVTZU */
    default: return false;
  }
}

/* FMOV between a general register and (part of) a V register. */
static bool decode_fmov_general(u32 w, struct insn *out) {
  u32 sf_type_rmode = bit(w, 31) << 4 | bits(w, 23, 22) << 2 | bits(w, 20, 19);
  bool to_general = bits(w, 18, 16) == 6;
  u16 op;
  switch (sf_type_rmode) {
    case 0x00: op = to_general ? OP_fmov_w_s : OP_fmov_s_w; break;   /* 32-bit, single */
    case 0x14: op = to_general ? OP_fmov_x_d : OP_fmov_d_x; break;   /* 64-bit, double */
    case 0x19: op = to_general ? OP_fmov_x_d1 : OP_fmov_d1_x; break; /* 64-bit, D[1] */
    case 0x0c: case 0x1c: /* 32- or 64-bit, half: the same 16 bits either way */
      op = to_general ? OP_fmov_w_h : OP_fmov_h_w;
      break;
    case 0x07: /* FJCVTZS Wd, Dn (FEAT_JSCVT, fp_jscvt.c) */
      if (!to_general) return false;
      op = OP_fjcvtzs;
      break;
    default: return false;
  }
  out->op = op;
  out->rd = to_general ? reg_dst(bits(w, 4, 0)) : bits(w, 4, 0);
  out->rn = to_general ? bits(w, 9, 5) : reg_src(bits(w, 9, 5));
  return true;
}

/* Conversion between floating-point and integer (bits 15:10 = 0). */
static bool decode_fp_int(u32 w, struct insn *out) {
  u32 rmode = bits(w, 20, 19), opcode = bits(w, 18, 16);
  int p = prec_of(w);
  if (opcode >= 6) return decode_fmov_general(w, out);
  if (p < 0) return false;
  switch (opcode) {
    case 0: case 1: /* FCVTNS..FCVTZU: RMode numbers the roundings as FPCR does */
      return decode_to_fixed(w, p, (int)rmode, opcode & 1, 0, out);
    case 2: case 3: /* SCVTF, UCVTF */
      if (rmode != 0) return false;
      return decode_to_fp(w, p, opcode & 1, 0, out);
    default: /* FCVTAS, FCVTAU */
      if (rmode != 0) return false;
      return decode_to_fixed(w, p, FPROUND_TIEAWAY, opcode & 1, 0, out);
  }
}

/* FCVT: opc (bits 16:15) is the destination type, ftype the source. */
static bool decode_fcvt(u32 w, struct insn *out) {
  switch (bits(w, 23, 22) << 2 | bits(w, 16, 15)) {
    case 0x1: out->op = OP_fcvt_d_s; return true;
    case 0x3: out->op = OP_fcvt_h_s; return true;
    case 0x4: out->op = OP_fcvt_s_d; return true;
    case 0x7: out->op = OP_fcvt_h_d; return true;
    case 0xc: out->op = OP_fcvt_s_h; return true;
    case 0xd: out->op = OP_fcvt_d_h; return true;
    default: return false; /* same type, or BFCVT (FEAT_BF16) */
  }
}

/* Floating-point data-processing (1 source). */
static bool decode_fp_1src(u32 w, struct insn *out) {
  static const u16 kBasic[4][NUM_PREC] = {{OP_fmov_s, OP_fmov_d, OP_fmov_h},
                                          {OP_fabs_s, OP_fabs_d, OP_fabs_h},
                                          {OP_fneg_s, OP_fneg_d, OP_fneg_h},
                                          {OP_fsqrt_s, OP_fsqrt_d, OP_fsqrt_h}};
  static const u16 kFrintOps[NUM_PREC] = {OP_frint_s, OP_frint_d, OP_frint_h};
  static const u8 kFrint[8] = {FPROUND_TIEEVEN, FPROUND_POSINF, FPROUND_NEGINF, FPROUND_ZERO,
                               FPROUND_TIEAWAY, 0, ROUND_BY_FPCR, ROUND_BY_FPCR};
  u32 opcode = bits(w, 20, 15);
  int p = prec_of(w);
  if (bit(w, 31)) return false;
  decode_vregs(w, out);
  if ((opcode & 0x3c) == 0x04) return decode_fcvt(w, out);
  if (p < 0) return false;
  if (opcode < 4) {
    out->op = kBasic[opcode][p];
    return true;
  }
  /* 0x8..0xf: FRINTN, P, M, Z, A, -, X, I. FRINT32/64 (FEAT_FRINTTS) are
     not advertised. */
  if ((opcode & 0x38) != 0x08 || opcode == 0x0d) return false;
  out->op = kFrintOps[p];
  out->a = kFrint[opcode & 7];
  out->b = opcode == 0x0e; /* FRINTX signals Inexact */
  return true;
}

/* Floating-point compare: FCMP, FCMPE, each with a register or #0.0. */
static bool decode_fp_compare(u32 w, struct insn *out) {
  static const u16 kOps[2][NUM_PREC] = {{OP_fcmp_s, OP_fcmp_d, OP_fcmp_h},
                                        {OP_fcmpe_s, OP_fcmpe_d, OP_fcmpe_h}};
  int p = prec_of(w);
  if (bit(w, 31) || bits(w, 15, 14) || bits(w, 2, 0) || p < 0) return false;
  decode_vregs(w, out);
  out->op = kOps[bit(w, 4)][p];
  out->b = bit(w, 3); /* the #0.0 form ignores Rm, as objdump and qemu do */
  return true;
}

/* Floating-point move (immediate). */
static bool decode_fp_imm(u32 w, struct insn *out) {
  int p = prec_of(w);
  if (bit(w, 31) || bits(w, 9, 5) || p < 0) return false;
  out->op = OP_fmov_imm;
  out->rd = bits(w, 4, 0);
  out->imm = vfp_expand_imm(bits(w, 20, 13), p);
  return true;
}

/* Floating-point conditional compare. */
static bool decode_fp_ccmp(u32 w, struct insn *out) {
  static const u16 kOps[2][NUM_PREC] = {{OP_fccmp_s, OP_fccmp_d, OP_fccmp_h},
                                        {OP_fccmpe_s, OP_fccmpe_d, OP_fccmpe_h}};
  int p = prec_of(w);
  if (bit(w, 31) || p < 0) return false;
  decode_vregs(w, out);
  out->op = kOps[bit(w, 4)][p];
  out->a = bits(w, 15, 12);
  out->imm = bits(w, 3, 0);
  return true;
}

/* Floating-point data-processing (2 source). */
static bool decode_fp_2src(u32 w, struct insn *out) {
  static const u16 kOps[9][NUM_PREC] = {
      {OP_fmul_s, OP_fmul_d, OP_fmul_h},       {OP_fdiv_s, OP_fdiv_d, OP_fdiv_h},
      {OP_fadd_s, OP_fadd_d, OP_fadd_h},       {OP_fsub_s, OP_fsub_d, OP_fsub_h},
      {OP_fmax_s, OP_fmax_d, OP_fmax_h},       {OP_fmin_s, OP_fmin_d, OP_fmin_h},
      {OP_fmaxnm_s, OP_fmaxnm_d, OP_fmaxnm_h}, {OP_fminnm_s, OP_fminnm_d, OP_fminnm_h},
      {OP_fnmul_s, OP_fnmul_d, OP_fnmul_h},
  };
  u32 opcode = bits(w, 15, 12);
  int p = prec_of(w);
  if (bit(w, 31) || opcode >= ARRAY_LEN(kOps) || p < 0) return false;
  decode_vregs(w, out);
  out->op = kOps[opcode][p];
  return true;
}

/* Floating-point conditional select. */
static bool decode_fp_csel(u32 w, struct insn *out) {
  static const u16 kOps[NUM_PREC] = {OP_fcsel_s, OP_fcsel_d, OP_fcsel_h};
  int p = prec_of(w);
  if (bit(w, 31) || p < 0) return false;
  decode_vregs(w, out);
  out->op = kOps[p];
  out->a = bits(w, 15, 12);
  return true;
}

/* Floating-point data-processing (3 source): o1 (bit 21), o0 (bit 15). */
static bool decode_fp_3src(u32 w, struct insn *out) {
  static const u16 kOps[4][NUM_PREC] = {{OP_fmadd_s, OP_fmadd_d, OP_fmadd_h},
                                        {OP_fmsub_s, OP_fmsub_d, OP_fmsub_h},
                                        {OP_fnmadd_s, OP_fnmadd_d, OP_fnmadd_h},
                                        {OP_fnmsub_s, OP_fnmsub_d, OP_fnmsub_h}};
  int p = prec_of(w);
  if (bit(w, 31) || p < 0) return false;
  decode_vregs(w, out);
  out->op = kOps[bit(w, 21) << 1 | bit(w, 15)][p];
  return true;
}

/* Entered with bit 28 = 1 and bit 30 = 0 (simd_fp.c). Bit 31 is M (must be
   0) or, in the conversions, sf; bit 29 (S) set is unallocated. */
bool decode_fp(u32 w, struct insn *out) {
  if (bit(w, 29)) return false;
  if (bit(w, 24)) return decode_fp_3src(w, out);
  if (!bit(w, 21)) return decode_fp_fixed(w, out);
  switch (bits(w, 11, 10)) {
    case 1: return decode_fp_ccmp(w, out);
    case 2: return decode_fp_2src(w, out);
    case 3: return decode_fp_csel(w, out);
  }
  if (bit(w, 12)) return decode_fp_imm(w, out);              /* op3 xxxxxx100 */
  if (bits(w, 13, 12) == 2) return decode_fp_compare(w, out); /* op3 xxxxx1000 */
  if (bits(w, 14, 12) == 4) return decode_fp_1src(w, out);    /* op3 xxxx10000 */
  if (bits(w, 15, 12) == 0) return decode_fp_int(w, out);     /* op3 xxx000000 */
  return false;
}
