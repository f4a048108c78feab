/* Scalar floating point: the op0 = x0x1 part of "Data Processing -- Scalar
   Floating-Point and Advanced SIMD" (Arm ARM C4.1.96). Single and double
   precision, plus the conversions to and from half precision that ARMv8.0
   has; FP16 arithmetic (FEAT_FP16), FRINT32/64 (FEAT_FRINTTS), FJCVTZS
   (FEAT_JSCVT) and BFCVT (FEAT_BF16) are not advertised, so they decode as
   unallocated. The semantics are in sem_fp.c; handlers fetch operands, call
   it and write the destination. Writing a scalar FP register clears the
   rest of its 128-bit V register. */
#include "cpu/insn.h"
#include "cpu/sem_alu.h"
#include "cpu/sem_fp.h"

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

OP_HANDLER(fmov_s) { set_v(cpu, in->rd, vs(cpu, in->rn)); return NEXT; }
OP_HANDLER(fmov_d) { set_v(cpu, in->rd, vd(cpu, in->rn)); return NEXT; }
OP_HANDLER(fmov_imm) { set_v(cpu, in->rd, in->imm); return NEXT; }
OP_HANDLER(fmov_w_s) { cpu->x[in->rd] = vs(cpu, in->rn); return NEXT; }
OP_HANDLER(fmov_s_w) { set_v(cpu, in->rd, (u32)cpu->x[in->rn]); return NEXT; }
OP_HANDLER(fmov_x_d) { cpu->x[in->rd] = vd(cpu, in->rn); return NEXT; }
OP_HANDLER(fmov_d_x) { set_v(cpu, in->rd, cpu->x[in->rn]); return NEXT; }
OP_HANDLER(fmov_x_d1) { cpu->x[in->rd] = cpu->v[in->rn].d[1]; return NEXT; }

/* Writes the top half only: the low half of Vd is kept. */
OP_HANDLER(fmov_d1_x) { cpu->v[in->rd].d[1] = cpu->x[in->rn]; return NEXT; }

/* FPAbs and FPNeg touch the sign bit only: no NaN processing, no flags. */
OP_HANDLER(fabs_s) { set_v(cpu, in->rd, vs(cpu, in->rn) & ~SIGN32); return NEXT; }
OP_HANDLER(fabs_d) { set_v(cpu, in->rd, vd(cpu, in->rn) & ~SIGN64); return NEXT; }
OP_HANDLER(fneg_s) { set_v(cpu, in->rd, vs(cpu, in->rn) ^ SIGN32); return NEXT; }
OP_HANDLER(fneg_d) { set_v(cpu, in->rd, vd(cpu, in->rn) ^ SIGN64); return NEXT; }

OP_HANDLER(fcsel_s) {
  set_v(cpu, in->rd, vs(cpu, cond_holds(cpu, in->a) ? in->rn : in->rm));
  return NEXT;
}
OP_HANDLER(fcsel_d) {
  set_v(cpu, in->rd, vd(cpu, cond_holds(cpu, in->a) ? in->rn : in->rm));
  return NEXT;
}

/* ---- Arithmetic ---------------------------------------------------------- */

OP_HANDLER(fsqrt_s) { set_v(cpu, in->rd, fp32_sqrt(cpu, vs(cpu, in->rn))); return NEXT; }
OP_HANDLER(fsqrt_d) { set_v(cpu, in->rd, fp64_sqrt(cpu, vd(cpu, in->rn))); return NEXT; }

#define FP_BINARY(name, fn)                                                  \
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
FP_CCMP(fccmp_s, fp32, vs, false)
FP_CCMP(fccmp_d, fp64, vd, false)
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
FIXED_TO_FP(fixed_to_fp_s_w, fixed_to_fp32, 32)
FIXED_TO_FP(fixed_to_fp_s_x, fixed_to_fp32, 64)
FIXED_TO_FP(fixed_to_fp_d_w, fixed_to_fp64, 32)
FIXED_TO_FP(fixed_to_fp_d_x, fixed_to_fp64, 64)
#undef FIXED_TO_FP

/* ---- Decoding ------------------------------------------------------------ */

/* ftype (bits 23:22) as an index into {single, double} tables; -1 for half
   precision (FEAT_FP16) and the unallocated ftype 2. */
static int sd_index(u32 w) {
  u32 ftype = bits(w, 23, 22);
  return ftype < 2 ? (int)ftype : -1;
}

static void decode_vregs(u32 w, struct insn *out) {
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  out->rm = bits(w, 20, 16);
  out->ra = bits(w, 14, 10);
}

/* Arm ARM VFPExpandImm for single (t = 0) and double (t = 1) precision. */
static u64 vfp_expand_imm(u32 imm8, int t) {
  u64 sign = imm8 >> 7, b6 = imm8 >> 6 & 1, exp_low = imm8 >> 4 & 3, frac = imm8 & 15;
  if (t == 0)
    return sign << 31 | (b6 ^ 1) << 30 | (b6 ? 0x1full : 0) << 25 | exp_low << 23 | frac << 19;
  return sign << 63 | (b6 ^ 1) << 62 | (b6 ? 0xffull : 0) << 54 | exp_low << 52 | frac << 48;
}

/* FP to general register: FCVT*S/U. rounding is an enum fp_rounding. */
static bool decode_to_fixed(u32 w, int t, int rounding, bool is_unsigned, int fbits,
                            struct insn *out) {
  static const u16 kOps[2][2] = {{OP_fp_to_fixed_w_s, OP_fp_to_fixed_x_s},
                                 {OP_fp_to_fixed_w_d, OP_fp_to_fixed_x_d}};
  out->op = kOps[t][bit(w, 31)];
  out->rd = reg_dst(bits(w, 4, 0));
  out->rn = bits(w, 9, 5);
  out->a = (u8)rounding;
  out->b = is_unsigned;
  out->imm = (u64)fbits;
  return true;
}

/* General register to FP: SCVTF, UCVTF. */
static bool decode_to_fp(u32 w, int t, bool is_unsigned, int fbits, struct insn *out) {
  static const u16 kOps[2][2] = {{OP_fixed_to_fp_s_w, OP_fixed_to_fp_s_x},
                                 {OP_fixed_to_fp_d_w, OP_fixed_to_fp_d_x}};
  out->op = kOps[t][bit(w, 31)];
  out->rd = bits(w, 4, 0);
  out->rn = reg_src(bits(w, 9, 5));
  out->b = is_unsigned;
  out->imm = (u64)fbits;
  return true;
}

/* Conversion between floating-point and fixed-point (bit 21 = 0). */
static bool decode_fp_fixed(u32 w, struct insn *out) {
  u32 rmode_opcode = bits(w, 20, 16), scale = bits(w, 15, 10);
  int t = sd_index(w);
  if (t < 0 || (!bit(w, 31) && scale < 32)) return false; /* fbits > 32 for W */
  int fbits = 64 - (int)scale;
  switch (rmode_opcode) {
    case 0x02: return decode_to_fp(w, t, false, fbits, out);  /* SCVTF */
    case 0x03: return decode_to_fp(w, t, true, fbits, out);   /* UCVTF */
    case 0x18: return decode_to_fixed(w, t, FPROUND_ZERO, false, fbits, out); /* FCVTZS */
    case 0x19: return decode_to_fixed(w, t, FPROUND_ZERO, true, fbits, out);  /* FCVTZU */
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
    default: return false; /* half precision (FEAT_FP16) or FJCVTZS (FEAT_JSCVT) */
  }
  out->op = op;
  out->rd = to_general ? reg_dst(bits(w, 4, 0)) : bits(w, 4, 0);
  out->rn = to_general ? bits(w, 9, 5) : reg_src(bits(w, 9, 5));
  return true;
}

/* Conversion between floating-point and integer (bits 15:10 = 0). */
static bool decode_fp_int(u32 w, struct insn *out) {
  u32 rmode = bits(w, 20, 19), opcode = bits(w, 18, 16);
  int t = sd_index(w);
  if (opcode >= 6) return decode_fmov_general(w, out);
  if (t < 0) return false;
  switch (opcode) {
    case 0: case 1: /* FCVTNS..FCVTZU: RMode numbers the roundings as FPCR does */
      return decode_to_fixed(w, t, (int)rmode, opcode & 1, 0, out);
    case 2: case 3: /* SCVTF, UCVTF */
      if (rmode != 0) return false;
      return decode_to_fp(w, t, opcode & 1, 0, out);
    default: /* FCVTAS, FCVTAU */
      if (rmode != 0) return false;
      return decode_to_fixed(w, t, FPROUND_TIEAWAY, opcode & 1, 0, out);
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
  static const u16 kBasic[4][2] = {{OP_fmov_s, OP_fmov_d}, {OP_fabs_s, OP_fabs_d},
                                   {OP_fneg_s, OP_fneg_d}, {OP_fsqrt_s, OP_fsqrt_d}};
  static const u8 kFrint[8] = {FPROUND_TIEEVEN, FPROUND_POSINF, FPROUND_NEGINF, FPROUND_ZERO,
                               FPROUND_TIEAWAY, 0, ROUND_BY_FPCR, ROUND_BY_FPCR};
  u32 opcode = bits(w, 20, 15);
  int t = sd_index(w);
  if (bit(w, 31)) return false;
  decode_vregs(w, out);
  if ((opcode & 0x3c) == 0x04) return decode_fcvt(w, out);
  if (t < 0) return false;
  if (opcode < 4) {
    out->op = kBasic[opcode][t];
    return true;
  }
  /* 0x8..0xf: FRINTN, P, M, Z, A, -, X, I. FRINT32/64 (FEAT_FRINTTS) are
     not advertised. */
  if ((opcode & 0x38) != 0x08 || opcode == 0x0d) return false;
  out->op = t ? OP_frint_d : OP_frint_s;
  out->a = kFrint[opcode & 7];
  out->b = opcode == 0x0e; /* FRINTX signals Inexact */
  return true;
}

/* Floating-point compare: FCMP, FCMPE, each with a register or #0.0. */
static bool decode_fp_compare(u32 w, struct insn *out) {
  static const u16 kOps[2][2] = {{OP_fcmp_s, OP_fcmp_d}, {OP_fcmpe_s, OP_fcmpe_d}};
  int t = sd_index(w);
  if (bit(w, 31) || bits(w, 15, 14) || bits(w, 2, 0) || t < 0) return false;
  decode_vregs(w, out);
  out->op = kOps[bit(w, 4)][t];
  out->b = bit(w, 3); /* the #0.0 form ignores Rm, as objdump and qemu do */
  return true;
}

/* Floating-point move (immediate). */
static bool decode_fp_imm(u32 w, struct insn *out) {
  int t = sd_index(w);
  if (bit(w, 31) || bits(w, 9, 5) || t < 0) return false;
  out->op = OP_fmov_imm;
  out->rd = bits(w, 4, 0);
  out->imm = vfp_expand_imm(bits(w, 20, 13), t);
  return true;
}

/* Floating-point conditional compare. */
static bool decode_fp_ccmp(u32 w, struct insn *out) {
  static const u16 kOps[2][2] = {{OP_fccmp_s, OP_fccmp_d}, {OP_fccmpe_s, OP_fccmpe_d}};
  int t = sd_index(w);
  if (bit(w, 31) || t < 0) return false;
  decode_vregs(w, out);
  out->op = kOps[bit(w, 4)][t];
  out->a = bits(w, 15, 12);
  out->imm = bits(w, 3, 0);
  return true;
}

/* Floating-point data-processing (2 source). */
static bool decode_fp_2src(u32 w, struct insn *out) {
  static const u16 kOps[9][2] = {
      {OP_fmul_s, OP_fmul_d},     {OP_fdiv_s, OP_fdiv_d},     {OP_fadd_s, OP_fadd_d},
      {OP_fsub_s, OP_fsub_d},     {OP_fmax_s, OP_fmax_d},     {OP_fmin_s, OP_fmin_d},
      {OP_fmaxnm_s, OP_fmaxnm_d}, {OP_fminnm_s, OP_fminnm_d}, {OP_fnmul_s, OP_fnmul_d},
  };
  u32 opcode = bits(w, 15, 12);
  int t = sd_index(w);
  if (bit(w, 31) || opcode >= ARRAY_LEN(kOps) || t < 0) return false;
  decode_vregs(w, out);
  out->op = kOps[opcode][t];
  return true;
}

/* Floating-point conditional select. */
static bool decode_fp_csel(u32 w, struct insn *out) {
  int t = sd_index(w);
  if (bit(w, 31) || t < 0) return false;
  decode_vregs(w, out);
  out->op = t ? OP_fcsel_d : OP_fcsel_s;
  out->a = bits(w, 15, 12);
  return true;
}

/* Floating-point data-processing (3 source): o1 (bit 21), o0 (bit 15). */
static bool decode_fp_3src(u32 w, struct insn *out) {
  static const u16 kOps[4][2] = {{OP_fmadd_s, OP_fmadd_d}, {OP_fmsub_s, OP_fmsub_d},
                                 {OP_fnmadd_s, OP_fnmadd_d}, {OP_fnmsub_s, OP_fnmsub_d}};
  int t = sd_index(w);
  if (bit(w, 31) || t < 0) return false;
  decode_vregs(w, out);
  out->op = kOps[bit(w, 21) << 1 | bit(w, 15)][t];
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
