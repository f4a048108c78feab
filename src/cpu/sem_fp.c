/* Arm floating-point semantics, bit-exact with the Arm ARM pseudocode
   (shared/functions/float: FPUnpack, FPProcessNaNs, FPRound, FPAdd, ...).

   The reference path. Every operation follows its pseudocode function step
   by step. fp_unpack() is FPUnpack (flushing denormal inputs under FPCR.FZ
   and raising IDC), fp_process_nans() is FPProcessNaNs (a signalling NaN
   before a quiet one, the first operand before the second, quieting, and
   FPCR.DN), and fp_round() is FPRoundBase: every rounding mode plus
   ties-away and round-to-odd, tininess detected before rounding, output
   flush-to-zero raising UFC, and the alternative half-precision format.
   Results are formed exactly with integer arithmetic: a significand whose
   bit 0 is "sticky" (the OR of every bit below it) is all that rounding
   needs, so division and square root stop after 64 bits. The host FPU plays
   no part in this path.

   The fast path. FADD, FSUB, FMUL, FDIV, FSQRT and the fused multiply-add
   first run on the host's SSE unit, with MXCSR set to the guest's rounding
   mode, all exceptions masked and FTZ/DAZ off, so the host computes the
   IEEE 754 result and flags. That answer is kept only where IEEE 754 and
   the Arm ARM provably agree:
     - MXCSR raised no invalid, divide-by-zero, overflow or underflow flag:
       x86 propagates a different NaN and has a different default NaN, and
       detects tininess after rounding where Arm does so before;
     - the result is zero or a normal number strictly greater in magnitude
       than the smallest normal (a result that rounded up to the smallest
       normal may be an Arm underflow, and under FZ an Arm zero), and no
       infinity or NaN, which could come from such operands without a flag;
     - when FPCR.FZ is set, no operand was denormal (MXCSR.DE), since Arm
       would have flushed it.
   Inexact (MXCSR.PE) is then the only exception the instruction can raise
   on either architecture. Everything else takes the reference path. Build
   with -DELFRUN_FP_NO_HOST to use the reference path alone.

   Half precision (FEAT_FP16) always takes the reference path: SSE has no
   half-precision arithmetic, and a detour through single precision would
   round twice. Its arithmetic is IEEE half whatever FPCR.AHP says (AHP
   only affects conversions), and FPCR.FZ16, not FZ, flushes its denormals. */
#include "cpu/sem_fp.h"

#if defined(__x86_64__) && !defined(ELFRUN_FP_NO_HOST)
#define FP_HOST 1
#else
#define FP_HOST 0
#endif

/* ---- Formats ---------------------------------------------------------- */

/* A format is named by its width N (16, 32 or 64), as in the pseudocode. */
static inline int fmt_e(int n) { return n == 16 ? 5 : n == 32 ? 8 : 11; }
static inline int fmt_f(int n) { return n - fmt_e(n) - 1; }
static inline u64 sign_bit(int n) { return 1ull << (n - 1); }
static inline u64 exp_ones(int n) { return (1ull << fmt_e(n)) - 1; }
static inline int exp_bias(int n) { return (1 << (fmt_e(n) - 1)) - 1; }
static inline u64 frac_mask(int n) { return (1ull << fmt_f(n)) - 1; }
/* The top fraction bit: the quiet bit of a NaN. */
static inline u64 frac_top(int n) { return 1ull << (fmt_f(n) - 1); }

static inline u64 fp_zero(int n, u32 sign) { return sign ? sign_bit(n) : 0; }
static inline u64 fp_infinity(int n, u32 sign) {
  return fp_zero(n, sign) | exp_ones(n) << fmt_f(n);
}
static inline u64 fp_max_normal(int n, u32 sign) {
  return fp_zero(n, sign) | (exp_ones(n) - 1) << fmt_f(n) | frac_mask(n);
}
static inline u64 fp_default_nan(int n) { return exp_ones(n) << fmt_f(n) | frac_top(n); }
static inline u64 fp_two(int n) { return (u64)(exp_bias(n) + 1) << fmt_f(n); }
static inline u64 fp_three(int n) { return fp_two(n) | frac_top(n); }
static inline u64 fp_one_point_five(int n) {
  return (u64)exp_bias(n) << fmt_f(n) | frac_top(n);
}

int fpcr_rmode(const struct cpu *cpu) { return cpu->fpcr >> FPCR_RMODE_SHIFT & 3; }

/* FPCR as FPUnpack and FPRound see it: only conversions use AHP. */
static inline u32 fpcr_arith(const struct cpu *cpu) { return cpu->fpcr & ~FPCR_AHP; }
/* FPCR as FPUnpackCV and FPRoundCV see it: conversions ignore FZ16. */
static inline u32 fpcr_cvt(const struct cpu *cpu) { return cpu->fpcr & ~FPCR_FZ16; }

static inline bool fpcr_fz(u32 fpcr, int n) {
  return n == 16 ? fpcr & FPCR_FZ16 : fpcr & FPCR_FZ;
}

/* ---- Wide integer helpers ---------------------------------------------- */

static inline int clz128(u128 x) {
  u64 hi = (u64)(x >> 64);
  return hi ? __builtin_clzll(hi) : 64 + __builtin_clzll((u64)x);
}

/* x >> d, with bit 0 set if any nonzero bit was shifted out. */
static u64 shift_right_jam(u64 x, int d) {
  if (d <= 0) return x;
  if (d >= 64) return x != 0;
  return x >> d | ((x << (64 - d)) != 0);
}

static u128 shift_right_jam128(u128 x, int d) {
  if (d <= 0) return x;
  if (d >= 128) return x != 0;
  return x >> d | ((x << (128 - d)) != 0);
}

/* The top 64 significant bits of x != 0, jammed; *exp keeps the value. */
static u64 narrow_jam(u128 x, int *exp) {
  int drop = 64 - clz128(x);
  if (drop <= 0) return (u64)x;
  *exp += drop;
  return (u64)(x >> drop) | ((x << (128 - drop)) != 0);
}

/* Integer square root of x; *exact tells whether it had no remainder.
   Digit by digit, two radicand bits per result bit. */
static u64 isqrt128(u128 x, bool *exact) {
  u128 rem = 0;
  u64 root = 0;
  for (int i = 0; i < 64; i++) {
    rem = rem << 2 | x >> 126;
    x <<= 2;
    u128 trial = (u128)root << 2 | 1;
    root <<= 1;
    if (rem >= trial) {
      rem -= trial;
      root |= 1;
    }
  }
  *exact = rem == 0;
  return root;
}

/* ---- FPUnpack and NaNs ------------------------------------------------- */

enum fptype { FPTYPE_ZERO, FPTYPE_FINITE, FPTYPE_INF, FPTYPE_QNAN, FPTYPE_SNAN };

/* An unpacked operand. FPTYPE_FINITE (the pseudocode's FPType_Nonzero and
   FPType_Denormal) is the value (-1)^sign * sig * 2^exp. */
struct fpnum {
  enum fptype type;
  u32 sign;
  int exp;
  u64 sig;
};

static inline bool is_nan(const struct fpnum *u) { return u->type >= FPTYPE_QNAN; }
static inline bool is_inf(const struct fpnum *u) { return u->type == FPTYPE_INF; }
static inline bool is_zero(const struct fpnum *u) { return u->type == FPTYPE_ZERO; }

/* FPUnpackBase, with fpcr already narrowed by the caller (fpcr_arith or
   fpcr_cvt). A half-precision denormal flushed by FZ16 raises no IDC. */
static struct fpnum fp_unpack(struct cpu *cpu, int n, u64 x, u32 fpcr) {
  int f = fmt_f(n);
  u64 e = x >> f & exp_ones(n), frac = x & frac_mask(n);
  struct fpnum u = {.type = FPTYPE_FINITE, .sign = x >> (n - 1) & 1};
  if (e == 0) {
    if (frac != 0 && fpcr_fz(fpcr, n)) {
      if (n != 16) cpu->fpsr |= FPSR_IDC;
      frac = 0;
    }
    if (frac == 0) u.type = FPTYPE_ZERO;
    u.sig = frac;
    u.exp = 1 - exp_bias(n) - f;
    return u;
  }
  if (e == exp_ones(n) && !(n == 16 && (fpcr & FPCR_AHP))) {
    u.type = frac == 0 ? FPTYPE_INF : (frac & frac_top(n)) ? FPTYPE_QNAN : FPTYPE_SNAN;
    return u;
  }
  u.sig = frac | 1ull << f;
  u.exp = (int)e - exp_bias(n) - f;
  return u;
}

/* FPProcessNaN. */
static u64 fp_process_nan(struct cpu *cpu, int n, const struct fpnum *u, u64 x) {
  if (u->type == FPTYPE_SNAN) {
    cpu->fpsr |= FPSR_IOC;
    x |= frac_top(n);
  }
  return (cpu->fpcr & FPCR_DN) ? fp_default_nan(n) : x;
}

/* FPProcessNaNs and FPProcessNaNs3: the first signalling NaN, else the first
   quiet NaN, in operand order. False when no operand is a NaN. */
static bool fp_process_nans(struct cpu *cpu, int n, int count, const struct fpnum *u,
                            const u64 *x, u64 *result) {
  for (int t = FPTYPE_SNAN; t >= FPTYPE_QNAN; t--) {
    for (int i = 0; i < count; i++) {
      if (u[i].type != (enum fptype)t) continue;
      *result = fp_process_nan(cpu, n, &u[i], x[i]);
      return true;
    }
  }
  return false;
}

/* The Invalid Operation result: the default NaN. */
static u64 fp_invalid(struct cpu *cpu, int n) {
  cpu->fpsr |= FPSR_IOC;
  return fp_default_nan(n);
}

/* FPConvertNaN: quiet, same sign, payload kept from its top bit down. */
static u64 fp_convert_nan(int from, int to, u64 x) {
  u64 payload = (x & (frac_top(from) - 1)) << (52 - fmt_f(from)); /* bits 50:0 */
  u64 sign = x >> (from - 1) & 1;
  return fp_zero(to, sign) | fp_default_nan(to) | payload >> (52 - fmt_f(to));
}

/* ---- FPRoundBase -------------------------------------------------------- */

/* How the bits below the rounding point compare with half a unit there. */
enum fperr { ERR_EXACT, ERR_BELOW_HALF, ERR_HALF, ERR_ABOVE_HALF };

/* sig >> shift (shift >= 0), classifying the bits shifted out. */
static u64 shift_right_err(u64 sig, int shift, enum fperr *err) {
  if (shift == 0) {
    *err = ERR_EXACT;
    return sig;
  }
  u64 rem = shift >= 64 ? sig : sig & ((1ull << shift) - 1);
  if (rem == 0) *err = ERR_EXACT;
  else if (shift > 64) *err = ERR_BELOW_HALF;
  else {
    u64 half = 1ull << (shift - 1);
    *err = rem < half ? ERR_BELOW_HALF : rem == half ? ERR_HALF : ERR_ABOVE_HALF;
  }
  return shift >= 64 ? 0 : sig >> shift;
}

/* The round_up decision of FPRoundBase, FPRoundInt and FPToFixed, stated on
   the magnitude: whether |result| is the truncated magnitude plus one. */
static bool round_up(int rmode, u32 sign, u64 magnitude, enum fperr err) {
  switch (rmode) {
    case FPROUND_TIEEVEN:
      return err == ERR_ABOVE_HALF || (err == ERR_HALF && (magnitude & 1));
    case FPROUND_POSINF: return err != ERR_EXACT && !sign;
    case FPROUND_NEGINF: return err != ERR_EXACT && sign;
    case FPROUND_TIEAWAY: return err >= ERR_HALF;
    default: return false; /* ZERO and ODD truncate */
  }
}

static bool overflow_to_inf(int rmode, u32 sign) {
  switch (rmode) {
    case FPROUND_POSINF: return !sign;
    case FPROUND_NEGINF: return sign;
    case FPROUND_ZERO: case FPROUND_ODD: return false;
    default: return true;
  }
}

/* FPRoundBase: rounds (-1)^sign * sig * 2^exp, sig != 0, to format n. Bit 0
   of sig may be sticky (see the top of the file): rounding always happens
   at least two bits above it. */
static u64 fp_round(struct cpu *cpu, int n, u32 fpcr, int rmode, u32 sign, int exp,
                    u64 sig) {
  int f = fmt_f(n), lz = __builtin_clzll(sig);
  int min_exp = 1 - exp_bias(n);   /* minimum_exp */
  int exponent = exp - lz + 63;    /* the value is 1.x * 2^exponent */
  sig <<= lz;
  if (fpcr_fz(fpcr, n) && exponent < min_exp) { /* tiny before rounding */
    cpu->fpsr |= FPSR_UFC;
    return fp_zero(n, sign);
  }
  int biased = exponent - min_exp + 1, shift = 63 - f;
  if (biased < 1) { /* denormal: keep the bits at or above 2^min_exp-f */
    shift += 1 - biased;
    biased = 0;
  }
  enum fperr err;
  u64 mant = shift_right_err(sig, shift, &err);
  if (biased == 0 && err != ERR_EXACT) cpu->fpsr |= FPSR_UFC;
  if (round_up(rmode, sign, mant, err)) {
    mant++;
    if (mant == 1ull << f) biased = 1;  /* denormal rounded up to normal */
    if (mant == 2ull << f) {            /* carried into the exponent */
      biased++;
      mant >>= 1;
    }
  }
  if (rmode == FPROUND_ODD && err != ERR_EXACT) mant |= 1;

  u64 result = fp_zero(n, sign) | (u64)biased << f | (mant & frac_mask(n));
  if (n == 16 && (fpcr & FPCR_AHP)) { /* no infinities: saturate, Invalid */
    if (biased > (int)exp_ones(n)) {
      cpu->fpsr |= FPSR_IOC;
      return fp_zero(n, sign) | (sign_bit(n) - 1);
    }
  } else if (biased >= (int)exp_ones(n)) {
    cpu->fpsr |= FPSR_OFC | FPSR_IXC;
    return overflow_to_inf(rmode, sign) ? fp_infinity(n, sign) : fp_max_normal(n, sign);
  }
  if (err != ERR_EXACT) cpu->fpsr |= FPSR_IXC;
  return result;
}

/* FPRound of an exactly computed finite value; an exact zero takes the sign
   FPAdd and FPMulAdd give it: minus only when rounding toward -infinity. */
static u64 fp_round_value(struct cpu *cpu, int n, u32 fpcr, int rmode,
                          const struct fpnum *v) {
  if (is_zero(v)) return fp_zero(n, rmode == FPROUND_NEGINF);
  return fp_round(cpu, n, fpcr, rmode, v->sign, v->exp, v->sig);
}

/* ---- Arithmetic --------------------------------------------------------- */

/* Shifts sig left until its top bit is bit msb (sig has at most 53 bits). */
static void normalize(struct fpnum *u, int msb) {
  int sh = __builtin_clzll(u->sig) - (63 - msb);
  u->sig <<= sh;
  u->exp -= sh;
}

/* The sum of two finite values, exact but for the sticky bit. With both
   significands at bit 62 the larger one has at least 10 zero low bits, so
   subtracting the jammed smaller one leaves the rounding bits intact. */
static struct fpnum fp_sum(struct fpnum a, struct fpnum b) {
  if (is_zero(&a)) return b;
  if (is_zero(&b)) return a;
  normalize(&a, 62);
  normalize(&b, 62);
  if (a.exp < b.exp || (a.exp == b.exp && a.sig < b.sig)) {
    struct fpnum t = a;
    a = b;
    b = t;
  }
  b.sig = shift_right_jam(b.sig, a.exp - b.exp);
  a.sig = a.sign == b.sign ? a.sig + b.sig : a.sig - b.sig;
  if (a.sig == 0) a.type = FPTYPE_ZERO;
  return a;
}

/* FPAdd, and FPSub when negate is set. */
static u64 fp_addsub(struct cpu *cpu, int n, u64 a, u64 b, bool negate) {
  u32 fpcr = fpcr_arith(cpu);
  struct fpnum u[2] = {fp_unpack(cpu, n, a, fpcr), fp_unpack(cpu, n, b, fpcr)};
  u64 x[2] = {a, b}, result;
  if (fp_process_nans(cpu, n, 2, u, x, &result)) return result;
  u[1].sign ^= negate;
  if (is_inf(&u[0]) && is_inf(&u[1]) && u[0].sign != u[1].sign) return fp_invalid(cpu, n);
  if (is_inf(&u[0])) return fp_infinity(n, u[0].sign);
  if (is_inf(&u[1])) return fp_infinity(n, u[1].sign);
  if (is_zero(&u[0]) && is_zero(&u[1]) && u[0].sign == u[1].sign)
    return fp_zero(n, u[0].sign);
  struct fpnum sum = fp_sum(u[0], u[1]);
  return fp_round_value(cpu, n, fpcr, fpcr_rmode(cpu), &sum);
}

/* FPMul, and FPMulX when mulx is set (infinity times zero is 2.0). */
static u64 fp_mul(struct cpu *cpu, int n, u64 a, u64 b, bool mulx) {
  u32 fpcr = fpcr_arith(cpu);
  struct fpnum u[2] = {fp_unpack(cpu, n, a, fpcr), fp_unpack(cpu, n, b, fpcr)};
  u64 x[2] = {a, b}, result;
  if (fp_process_nans(cpu, n, 2, u, x, &result)) return result;
  u32 sign = u[0].sign ^ u[1].sign;
  if ((is_inf(&u[0]) && is_zero(&u[1])) || (is_zero(&u[0]) && is_inf(&u[1])))
    return mulx ? fp_zero(n, sign) | fp_two(n) : fp_invalid(cpu, n);
  if (is_inf(&u[0]) || is_inf(&u[1])) return fp_infinity(n, sign);
  if (is_zero(&u[0]) || is_zero(&u[1])) return fp_zero(n, sign);
  int exp = u[0].exp + u[1].exp;
  u64 sig = narrow_jam((u128)u[0].sig * u[1].sig, &exp);
  return fp_round(cpu, n, fpcr, fpcr_rmode(cpu), sign, exp, sig);
}

/* FPDiv. The quotient of significands normalized to bits 62 and 63 has 63
   or 64 bits; a nonzero remainder becomes the sticky bit. */
static u64 fp_div(struct cpu *cpu, int n, u64 a, u64 b) {
  u32 fpcr = fpcr_arith(cpu);
  struct fpnum u[2] = {fp_unpack(cpu, n, a, fpcr), fp_unpack(cpu, n, b, fpcr)};
  u64 x[2] = {a, b}, result;
  if (fp_process_nans(cpu, n, 2, u, x, &result)) return result;
  u32 sign = u[0].sign ^ u[1].sign;
  if ((is_inf(&u[0]) && is_inf(&u[1])) || (is_zero(&u[0]) && is_zero(&u[1])))
    return fp_invalid(cpu, n);
  if (is_inf(&u[0]) || is_zero(&u[1])) {
    if (!is_inf(&u[0])) cpu->fpsr |= FPSR_DZC;
    return fp_infinity(n, sign);
  }
  if (is_zero(&u[0]) || is_inf(&u[1])) return fp_zero(n, sign);
  normalize(&u[0], 62);
  normalize(&u[1], 63);
  u128 num = (u128)u[0].sig << 64;
  u64 q = (u64)(num / u[1].sig);
  bool inexact = num % u[1].sig != 0;
  return fp_round(cpu, n, fpcr, fpcr_rmode(cpu), sign, u[0].exp - u[1].exp - 64,
                  q | inexact);
}

/* FPSqrt. The radicand gets an even exponent and 127 or 128 bits, so its
   integer root has 64 bits. */
static u64 fp_sqrt(struct cpu *cpu, int n, u64 a) {
  u32 fpcr = fpcr_arith(cpu);
  struct fpnum u = fp_unpack(cpu, n, a, fpcr);
  if (is_nan(&u)) return fp_process_nan(cpu, n, &u, a);
  if (is_zero(&u)) return fp_zero(n, u.sign);
  if (is_inf(&u) && !u.sign) return fp_infinity(n, 0);
  if (u.sign) return fp_invalid(cpu, n);
  normalize(&u, 62);
  if (u.exp & 1) {
    u.sig <<= 1;
    u.exp--;
  }
  bool exact;
  u64 root = isqrt128((u128)u.sig << 64, &exact);
  return fp_round(cpu, n, fpcr, fpcr_rmode(cpu), 0, (u.exp - 64) / 2, root | !exact);
}

/* A finite value with a 128-bit significand: products and their sums. */
struct wide {
  u32 sign;
  int exp;
  u128 sig;
};

static void wide_normalize(struct wide *w, int msb) {
  int sh = clz128(w->sig) - (127 - msb);
  w->sig <<= sh;
  w->exp -= sh;
}

/* FPRound((addend + p1 * p2) * 2^scale), all three finite: the fused core
   of FPMulAdd, FPRecipStepFused and FPRSqrtStepFused. Both terms are placed
   at bit 125; the product has at most 106 bits, so as in fp_sum the larger
   term has zero low bits and jamming the smaller one is safe. */
static u64 fp_fused(struct cpu *cpu, int n, u32 fpcr, const struct fpnum *addend,
                    const struct fpnum *p1, const struct fpnum *p2, int scale) {
  int rmode = fpcr_rmode(cpu);
  bool zero_a = is_zero(addend), zero_p = is_zero(p1) || is_zero(p2);
  struct wide acc = {addend->sign, addend->exp, addend->sig};
  struct wide prod = {p1->sign ^ p2->sign, p1->exp + p2->exp, (u128)p1->sig * p2->sig};
  if (zero_a && zero_p) {
    u32 sign = addend->sign == prod.sign ? addend->sign : rmode == FPROUND_NEGINF;
    return fp_zero(n, sign);
  }
  if (zero_a) {
    acc = prod;
  } else if (!zero_p) {
    wide_normalize(&acc, 125);
    wide_normalize(&prod, 125);
    struct wide *big = &prod, *small = &acc;
    if (prod.exp < acc.exp || (prod.exp == acc.exp && prod.sig < acc.sig)) {
      big = &acc;
      small = &prod;
    }
    small->sig = shift_right_jam128(small->sig, big->exp - small->exp);
    big->sig = big->sign == small->sign ? big->sig + small->sig : big->sig - small->sig;
    if (big->sig == 0) return fp_zero(n, rmode == FPROUND_NEGINF);
    acc = *big;
  }
  int exp = acc.exp + scale;
  u64 sig = narrow_jam(acc.sig, &exp);
  return fp_round(cpu, n, fpcr, rmode, acc.sign, exp, sig);
}

/* FPMulAdd: addend + op1 * op2. */
static u64 fp_muladd(struct cpu *cpu, int n, u64 addend, u64 op1, u64 op2) {
  u32 fpcr = fpcr_arith(cpu);
  struct fpnum u[3] = {fp_unpack(cpu, n, addend, fpcr), fp_unpack(cpu, n, op1, fpcr),
                       fp_unpack(cpu, n, op2, fpcr)};
  u64 x[3] = {addend, op1, op2}, result;
  bool inf_zero = (is_inf(&u[1]) && is_zero(&u[2])) || (is_zero(&u[1]) && is_inf(&u[2]));
  bool nan = fp_process_nans(cpu, n, 3, u, x, &result);
  /* Arm makes 0 * inf + qNaN invalid rather than propagating the NaN. */
  if (u[0].type == FPTYPE_QNAN && inf_zero) return fp_invalid(cpu, n);
  if (nan) return result;
  bool inf_p = is_inf(&u[1]) || is_inf(&u[2]);
  u32 sign_p = u[1].sign ^ u[2].sign;
  if (inf_zero || (is_inf(&u[0]) && inf_p && u[0].sign != sign_p))
    return fp_invalid(cpu, n);
  if (is_inf(&u[0])) return fp_infinity(n, u[0].sign);
  if (inf_p) return fp_infinity(n, sign_p);
  return fp_fused(cpu, n, fpcr, &u[0], &u[1], &u[2], 0);
}

/* FPRecipStepFused (2 - a*b) and FPRSqrtStepFused ((3 - a*b) / 2). */
static u64 fp_step(struct cpu *cpu, int n, u64 a, u64 b, bool rsqrt) {
  u32 fpcr = fpcr_arith(cpu);
  a ^= sign_bit(n); /* FPNeg before unpacking: a NaN keeps the flipped sign */
  struct fpnum u[2] = {fp_unpack(cpu, n, a, fpcr), fp_unpack(cpu, n, b, fpcr)};
  u64 x[2] = {a, b}, result;
  if (fp_process_nans(cpu, n, 2, u, x, &result)) return result;
  if ((is_inf(&u[0]) && is_zero(&u[1])) || (is_zero(&u[0]) && is_inf(&u[1])))
    return rsqrt ? fp_one_point_five(n) : fp_two(n);
  if (is_inf(&u[0]) || is_inf(&u[1])) return fp_infinity(n, u[0].sign ^ u[1].sign);
  struct fpnum c = fp_unpack(cpu, n, rsqrt ? fp_three(n) : fp_two(n), fpcr);
  return fp_fused(cpu, n, fpcr, &c, &u[0], &u[1], rsqrt ? -1 : 0);
}

/* ---- Comparisons, maximum and minimum ----------------------------------- */

/* A signed integer ordered as the values are: zeros (flushed denormals
   included) are 0, other magnitudes order as their bit patterns. */
static i64 order_key(int n, const struct fpnum *u, u64 x) {
  if (is_zero(u)) return 0;
  i64 mag = (i64)(x & (sign_bit(n) - 1));
  return u->sign ? -mag : mag;
}

/* FPMax and FPMin. */
static u64 fp_maxmin(struct cpu *cpu, int n, u64 a, u64 b, bool is_max) {
  u32 fpcr = fpcr_arith(cpu);
  struct fpnum u[2] = {fp_unpack(cpu, n, a, fpcr), fp_unpack(cpu, n, b, fpcr)};
  u64 x[2] = {a, b}, result;
  if (fp_process_nans(cpu, n, 2, u, x, &result)) return result;
  i64 k1 = order_key(n, &u[0], a), k2 = order_key(n, &u[1], b);
  int pick = (is_max ? k1 > k2 : k1 < k2) ? 0 : 1;
  if (is_inf(&u[pick])) return fp_infinity(n, u[pick].sign);
  if (is_zero(&u[pick])) /* +0 is the larger zero, -0 the smaller */
    return fp_zero(n, is_max ? u[0].sign & u[1].sign : u[0].sign | u[1].sign);
  return x[pick]; /* FPRound of a representable value is the value */
}

/* FPMaxNum and FPMinNum: one quiet NaN loses against a number. */
static u64 fp_maxminnm(struct cpu *cpu, int n, u64 a, u64 b, bool is_max) {
  u32 fpcr = fpcr_arith(cpu);
  struct fpnum ua = fp_unpack(cpu, n, a, fpcr), ub = fp_unpack(cpu, n, b, fpcr);
  bool qa = ua.type == FPTYPE_QNAN, qb = ub.type == FPTYPE_QNAN;
  if (qa && !qb) a = fp_infinity(n, is_max); /* -inf for max, +inf for min */
  if (!qa && qb) b = fp_infinity(n, is_max);
  return fp_maxmin(cpu, n, a, b, is_max);
}

/* FPCompare: NZCV of FCMP, unordered = 0011. */
static int fp_compare(struct cpu *cpu, int n, u64 a, u64 b, bool signal_all) {
  u32 fpcr = fpcr_arith(cpu);
  struct fpnum ua = fp_unpack(cpu, n, a, fpcr), ub = fp_unpack(cpu, n, b, fpcr);
  if (is_nan(&ua) || is_nan(&ub)) {
    if (ua.type == FPTYPE_SNAN || ub.type == FPTYPE_SNAN || signal_all)
      cpu->fpsr |= FPSR_IOC;
    return 0x3;
  }
  i64 k1 = order_key(n, &ua, a), k2 = order_key(n, &ub, b);
  return k1 == k2 ? 0x6 : k1 < k2 ? 0x8 : 0x2;
}

enum fp_relation { REL_EQ, REL_GE, REL_GT };

/* FPCompareEQ (quiet), FPCompareGE and FPCompareGT (signalling). */
static bool fp_cmp(struct cpu *cpu, int n, u64 a, u64 b, enum fp_relation rel) {
  u32 fpcr = fpcr_arith(cpu);
  struct fpnum ua = fp_unpack(cpu, n, a, fpcr), ub = fp_unpack(cpu, n, b, fpcr);
  if (is_nan(&ua) || is_nan(&ub)) {
    if (rel != REL_EQ || ua.type == FPTYPE_SNAN || ub.type == FPTYPE_SNAN)
      cpu->fpsr |= FPSR_IOC;
    return false;
  }
  i64 k1 = order_key(n, &ua, a), k2 = order_key(n, &ub, b);
  return rel == REL_EQ ? k1 == k2 : rel == REL_GE ? k1 >= k2 : k1 > k2;
}

/* ---- Estimates ---------------------------------------------------------- */

int fp_recip_estimate(int a) {
  a = a * 2 + 1;             /* units of 1/1024, rounded to nearest */
  int b = (1 << 19) / a;
  return (b + 1) / 2;        /* round to nearest */
}

static int rsqrt_estimate_slow(int a) {
  if (a < 256) {
    a = a * 2 + 1;           /* 0.25 .. 0.5 in units of 1/512 */
  } else {
    a = (a >> 1) << 1;       /* 0.5 .. 1.0 in units of 1/256 */
    a = (a + 1) * 2;
  }
  int b = 512;               /* the largest b with b < 2^14 / sqrt(a) */
  while (a * (b + 1) * (b + 1) < (1 << 28)) b++;
  return (b + 1) / 2;
}

/* RecipSqrtEstimate's search takes up to 500 steps, so each of its 384
   answers is computed once, when first asked for (not at start-up, which
   every run pays). Every answer is at least 128, so 0 means "not yet"; two
   threads racing store the same value. */
static u16 g_rsqrt_table[512 - 128];

int fp_rsqrt_estimate(int a) {
  u16 *slot = &g_rsqrt_table[a - 128];
  u16 v = __atomic_load_n(slot, __ATOMIC_RELAXED);
  if (!v) __atomic_store_n(slot, v = (u16)rsqrt_estimate_slow(a), __ATOMIC_RELAXED);
  return v;
}

/* The operand's fraction widened to 52 bits, and its biased exponent: the
   scaled form both estimate pseudocodes start from. */
static u64 fraction52(int n, u64 x, int *exp) {
  *exp = (int)(x >> fmt_f(n) & exp_ones(n));
  return (x & frac_mask(n)) << (52 - fmt_f(n));
}

#define FRAC52_MASK ((1ull << 52) - 1)

/* FPRecipEstimate. */
static u64 fp_recpe(struct cpu *cpu, int n, u64 a) {
  u32 fpcr = fpcr_arith(cpu);
  struct fpnum u = fp_unpack(cpu, n, a, fpcr);
  int f = fmt_f(n), emax = 1 << (fmt_e(n) - 1);
  if (is_nan(&u)) return fp_process_nan(cpu, n, &u, a);
  if (is_inf(&u)) return fp_zero(n, u.sign);
  if (is_zero(&u)) {
    cpu->fpsr |= FPSR_DZC;
    return fp_infinity(n, u.sign);
  }
  int log2 = 63 - __builtin_clzll(u.sig) + u.exp; /* floor(log2(|value|)) */
  if (log2 < -emax) { /* the reciprocal overflows */
    cpu->fpsr |= FPSR_OFC | FPSR_IXC;
    int rmode = fpcr_rmode(cpu);
    return overflow_to_inf(rmode, u.sign) ? fp_infinity(n, u.sign) : fp_max_normal(n, u.sign);
  }
  if (fpcr_fz(fpcr, n) && log2 >= emax - 2) { /* the reciprocal is tiny */
    cpu->fpsr |= FPSR_UFC;
    return fp_zero(n, u.sign);
  }
  int exp;
  u64 fraction = fraction52(n, a, &exp);
  if (exp == 0) {
    if (!(fraction >> 51 & 1)) {
      exp = -1;
      fraction = fraction << 2 & FRAC52_MASK;
    } else {
      fraction = fraction << 1 & FRAC52_MASK;
    }
  }
  int scaled = 0x100 | (int)(fraction >> 44);
  int result_exp = 2 * exp_bias(n) - 1 - exp;
  u64 estimate = (u64)(fp_recip_estimate(scaled) & 0xff) << 44;
  if (result_exp == 0) {
    estimate = 1ull << 51 | estimate >> 1;
  } else if (result_exp == -1) {
    estimate = 1ull << 50 | estimate >> 2;
    result_exp = 0;
  }
  return fp_zero(n, u.sign) | (u64)result_exp << f | estimate >> (52 - f);
}

/* FPRSqrtEstimate. */
static u64 fp_rsqrte(struct cpu *cpu, int n, u64 a) {
  u32 fpcr = fpcr_arith(cpu);
  struct fpnum u = fp_unpack(cpu, n, a, fpcr);
  int f = fmt_f(n);
  if (is_nan(&u)) return fp_process_nan(cpu, n, &u, a);
  if (is_zero(&u)) {
    cpu->fpsr |= FPSR_DZC;
    return fp_infinity(n, u.sign);
  }
  if (u.sign) return fp_invalid(cpu, n);
  if (is_inf(&u)) return fp_zero(n, 0);
  int exp;
  u64 fraction = fraction52(n, a, &exp);
  if (exp == 0) {
    while (!(fraction >> 51 & 1)) {
      fraction = fraction << 1 & FRAC52_MASK;
      exp--;
    }
    fraction = fraction << 1 & FRAC52_MASK;
  }
  /* 0.25 <= scaled/512 < 1.0, keeping the exponent's parity: an even biased
     exponent means an odd unbiased one, so the value is taken as 0.5 .. 1.0. */
  int scaled = (exp & 1) ? 0x80 | (int)(fraction >> 45) : 0x100 | (int)(fraction >> 44);
  int result_exp = (3 * exp_bias(n) - 1 - exp) / 2;
  u64 estimate = (u64)(fp_rsqrt_estimate(scaled) & 0xff);
  return (u64)result_exp << f | estimate << (f - 8);
}

/* FPRecpX: the reciprocal exponent, fraction zero. */
static u64 fp_recpx(struct cpu *cpu, int n, u64 a) {
  struct fpnum u = fp_unpack(cpu, n, a, fpcr_arith(cpu));
  if (is_nan(&u)) return fp_process_nan(cpu, n, &u, a);
  u64 exp = a >> fmt_f(n) & exp_ones(n);
  u64 rexp = exp == 0 ? exp_ones(n) - 1 : ~exp & exp_ones(n);
  return fp_zero(n, u.sign) | rexp << fmt_f(n);
}

/* ---- Rounding to integral, conversions ---------------------------------- */

/* FPRoundInt. */
static u64 fp_round_int(struct cpu *cpu, int n, u64 a, int rmode, bool exact) {
  u32 fpcr = fpcr_arith(cpu);
  struct fpnum u = fp_unpack(cpu, n, a, fpcr);
  if (is_nan(&u)) return fp_process_nan(cpu, n, &u, a);
  if (is_inf(&u)) return fp_infinity(n, u.sign);
  if (is_zero(&u)) return fp_zero(n, u.sign);
  if (u.exp >= 0) return a; /* already an integer */
  enum fperr err;
  u64 mag = shift_right_err(u.sig, -u.exp, &err);
  if (round_up(rmode, u.sign, mag, err)) mag++;
  u64 result = mag == 0 ? fp_zero(n, u.sign)
                        : fp_round(cpu, n, fpcr, FPROUND_ZERO, u.sign, 0, mag);
  if (exact && err != ERR_EXACT) cpu->fpsr |= FPSR_IXC;
  return result;
}

/* FPToFixed: round value * 2^fbits to an integer, saturating to width bits. */
static u64 fp_to_fixed(struct cpu *cpu, int n, u64 a, int fbits, bool is_unsigned,
                       int rmode, int width) {
  struct fpnum u = fp_unpack(cpu, n, a, fpcr_arith(cpu));
  if (is_nan(&u)) {
    cpu->fpsr |= FPSR_IOC;
    return 0;
  }
  if (is_zero(&u)) return 0;
  bool overflow = false;
  enum fperr err = ERR_EXACT;
  u64 mag = 0;
  int exp = u.exp + fbits;
  if (is_inf(&u) || exp > 63 || (exp >= 0 && u.sig > ~0ull >> exp)) {
    overflow = true;
  } else if (exp >= 0) {
    mag = u.sig << exp;
  } else {
    mag = shift_right_err(u.sig, -exp, &err);
    if (round_up(rmode, u.sign, mag, err)) mag++;
  }
  u64 limit = is_unsigned ? (u.sign ? 0 : ~0ull >> (64 - width))
                          : (1ull << (width - 1)) - !u.sign;
  u64 width_mask = ~0ull >> (64 - width);
  if (overflow || mag > limit) {
    cpu->fpsr |= FPSR_IOC;
    return u.sign ? -limit & width_mask : limit;
  }
  if (err != ERR_EXACT) cpu->fpsr |= FPSR_IXC;
  return (u.sign ? -mag : mag) & width_mask;
}

/* FixedToFP with the FPCR rounding mode. */
static u64 fixed_to_fp(struct cpu *cpu, int n, u64 v, int fbits, bool is_unsigned,
                       int width) {
  u64 mag = v & (~0ull >> (64 - width));
  u32 sign = 0;
  if (!is_unsigned && (mag >> (width - 1) & 1)) {
    sign = 1;
    mag = -mag & (~0ull >> (64 - width));
  }
  if (mag == 0) return fp_zero(n, 0);
  return fp_round(cpu, n, fpcr_arith(cpu), fpcr_rmode(cpu), sign, -fbits, mag);
}

/* FPConvert between precisions. */
static u64 fp_convert(struct cpu *cpu, int from, int to, u64 a, int rmode) {
  u32 fpcr = fpcr_cvt(cpu);
  bool alt_hp = to == 16 && (fpcr & FPCR_AHP);
  struct fpnum u = fp_unpack(cpu, from, a, fpcr);
  if (is_nan(&u)) {
    if (u.type == FPTYPE_SNAN || alt_hp) cpu->fpsr |= FPSR_IOC;
    if (alt_hp) return fp_zero(to, u.sign);
    return (fpcr & FPCR_DN) ? fp_default_nan(to) : fp_convert_nan(from, to, a);
  }
  if (is_inf(&u)) {
    if (!alt_hp) return fp_infinity(to, u.sign);
    cpu->fpsr |= FPSR_IOC;
    return fp_zero(to, u.sign) | (sign_bit(to) - 1);
  }
  if (is_zero(&u)) return fp_zero(to, u.sign);
  return fp_round(cpu, to, fpcr, rmode, u.sign, u.exp, u.sig);
}

/* ---- Host fast path ----------------------------------------------------- */

#if FP_HOST
#define MXCSR_DEFAULT 0x1f80u /* all exceptions masked, RN, no FTZ or DAZ */
enum { MX_IE = 1, MX_DE = 2, MX_ZE = 4, MX_OE = 8, MX_UE = 16, MX_PE = 32 };

/* MXCSR for the guest's rounding mode: x86 RC is 0 RN, 1 RM, 2 RP, 3 RZ. */
static inline u32 host_mxcsr(const struct cpu *cpu) {
  static const u8 kRc[4] = {0, 2, 1, 3};
  return MXCSR_DEFAULT | (u32)kRc[fpcr_rmode(cpu)] << 13;
}

static inline void host_mxcsr_restore(u32 ctl) {
  if (ctl != MXCSR_DEFAULT) {
    u32 def = MXCSR_DEFAULT;
    __asm__ volatile("ldmxcsr %0" : : "m"(def));
  }
}

/* One SSE instruction between loading MXCSR and reading back its flags, in
   one asm statement so that the compiler cannot move anything across. The
   operand named a is both the first source and the destination. */
#define SSE_OP(text, ...)                                                 \
  __asm__ volatile("ldmxcsr %[ctl]\n\t" text "\n\tstmxcsr %[st]"          \
                   : [a] "+x"(a), [st] "=m"(st)                           \
                   : [ctl] "m"(ctl), ##__VA_ARGS__)

#define HOST_OP1(name, type, insn)                                        \
  static inline type name(type a, u32 ctl, u32 *flags) {                 \
    u32 st;                                                               \
    SSE_OP(insn " %[a], %[a]");                                           \
    host_mxcsr_restore(ctl);                                              \
    *flags = st & 0x3f;                                                   \
    return a;                                                             \
  }
#define HOST_OP2(name, type, insn)                                        \
  static inline type name(type a, type b, u32 ctl, u32 *flags) {         \
    u32 st;                                                               \
    SSE_OP(insn " %[b], %[a]", [b] "x"(b));                               \
    host_mxcsr_restore(ctl);                                              \
    *flags = st & 0x3f;                                                   \
    return a;                                                             \
  }
/* a + b * c, one rounding. */
#define HOST_OP3(name, type, insn)                                        \
  static inline type name(type a, type b, type c, u32 ctl, u32 *flags) { \
    u32 st;                                                               \
    SSE_OP(insn " %[c], %[b], %[a]", [b] "x"(b), [c] "x"(c));             \
    host_mxcsr_restore(ctl);                                              \
    *flags = st & 0x3f;                                                   \
    return a;                                                             \
  }
HOST_OP2(host_add32, float, "addss")
HOST_OP2(host_sub32, float, "subss")
HOST_OP2(host_mul32, float, "mulss")
HOST_OP2(host_div32, float, "divss")
HOST_OP1(host_sqrt32, float, "sqrtss")
HOST_OP3(host_fma32, float, "vfmadd231ss")
HOST_OP2(host_add64, double, "addsd")
HOST_OP2(host_sub64, double, "subsd")
HOST_OP2(host_mul64, double, "mulsd")
HOST_OP2(host_div64, double, "divsd")
HOST_OP1(host_sqrt64, double, "sqrtsd")
HOST_OP3(host_fma64, double, "vfmadd231sd")
#undef HOST_OP1
#undef HOST_OP2
#undef HOST_OP3
#undef SSE_OP

static inline float f32_of(u32 x) { union { u32 u; float f; } v = {x}; return v.f; }
static inline u32 bits_of_f32(float f) { union { float f; u32 u; } v = {f}; return v.u; }
static inline double f64_of(u64 x) { union { u64 u; double f; } v = {x}; return v.f; }
static inline u64 bits_of_f64(double f) { union { double f; u64 u; } v = {f}; return v.u; }

/* Whether the host's IEEE answer r is Arm's too (see the top of the file);
   if so, accounts its only possible exception, Inexact. */
static inline ALWAYS_INLINE bool host_agrees(struct cpu *cpu, int n, u64 r, u32 flags) {
  if (flags & (MX_IE | MX_ZE | MX_OE | MX_UE)) return false;
  if ((flags & MX_DE) && (cpu->fpcr & FPCR_FZ)) return false;
  u64 mag = r & (sign_bit(n) - 1);
  if (mag != 0 && (mag <= 1ull << fmt_f(n) || mag >= fp_infinity(n, 0))) return false;
  if (flags & MX_PE) cpu->fpsr |= FPSR_IXC;
  return true;
}

static bool host_has_fma(void) { return __builtin_cpu_supports("fma"); }

/* Tries the host first: `host` is the SSE form, `ref` the reference. */
#define TRY_HOST32(host, ...)                                                   \
  do {                                                                          \
    u32 flags_, r_ = bits_of_f32(host(__VA_ARGS__, host_mxcsr(cpu), &flags_)); \
    if (host_agrees(cpu, 32, r_, flags_)) return r_;                            \
  } while (0)
#define TRY_HOST64(host, ...)                                                   \
  do {                                                                          \
    u32 flags_;                                                                 \
    u64 r_ = bits_of_f64(host(__VA_ARGS__, host_mxcsr(cpu), &flags_));         \
    if (host_agrees(cpu, 64, r_, flags_)) return r_;                            \
  } while (0)
#else
#define TRY_HOST32(host, ...) do { } while (0)
#define TRY_HOST64(host, ...) do { } while (0)
static bool host_has_fma(void) { return false; }
#endif

/* ---- The API (sem_fp.h) ------------------------------------------------- */

/* Half precision: the reference path with N = 16. */
u16 fp16_add(struct cpu *cpu, u16 a, u16 b) { return (u16)fp_addsub(cpu, 16, a, b, false); }
u16 fp16_sub(struct cpu *cpu, u16 a, u16 b) { return (u16)fp_addsub(cpu, 16, a, b, true); }
u16 fp16_mul(struct cpu *cpu, u16 a, u16 b) { return (u16)fp_mul(cpu, 16, a, b, false); }
u16 fp16_div(struct cpu *cpu, u16 a, u16 b) { return (u16)fp_div(cpu, 16, a, b); }
u16 fp16_max(struct cpu *cpu, u16 a, u16 b) { return (u16)fp_maxmin(cpu, 16, a, b, true); }
u16 fp16_min(struct cpu *cpu, u16 a, u16 b) { return (u16)fp_maxmin(cpu, 16, a, b, false); }
u16 fp16_maxnm(struct cpu *cpu, u16 a, u16 b) { return (u16)fp_maxminnm(cpu, 16, a, b, true); }
u16 fp16_minnm(struct cpu *cpu, u16 a, u16 b) { return (u16)fp_maxminnm(cpu, 16, a, b, false); }
u16 fp16_mulx(struct cpu *cpu, u16 a, u16 b) { return (u16)fp_mul(cpu, 16, a, b, true); }
u16 fp16_recps(struct cpu *cpu, u16 a, u16 b) { return (u16)fp_step(cpu, 16, a, b, false); }
u16 fp16_rsqrts(struct cpu *cpu, u16 a, u16 b) { return (u16)fp_step(cpu, 16, a, b, true); }
u16 fp16_muladd(struct cpu *cpu, u16 addend, u16 a, u16 b) {
  return (u16)fp_muladd(cpu, 16, addend, a, b);
}
u16 fp16_sqrt(struct cpu *cpu, u16 a) { return (u16)fp_sqrt(cpu, 16, a); }
u16 fp16_recpe(struct cpu *cpu, u16 a) { return (u16)fp_recpe(cpu, 16, a); }
u16 fp16_rsqrte(struct cpu *cpu, u16 a) { return (u16)fp_rsqrte(cpu, 16, a); }
u16 fp16_recpx(struct cpu *cpu, u16 a) { return (u16)fp_recpx(cpu, 16, a); }
u16 fp16_round_int(struct cpu *cpu, u16 a, int rmode, bool exact) {
  return (u16)fp_round_int(cpu, 16, a, rmode, exact);
}
int fp16_compare(struct cpu *cpu, u16 a, u16 b, bool signal_all) {
  return fp_compare(cpu, 16, a, b, signal_all);
}
bool fp16_cmp_eq(struct cpu *cpu, u16 a, u16 b) { return fp_cmp(cpu, 16, a, b, REL_EQ); }
bool fp16_cmp_ge(struct cpu *cpu, u16 a, u16 b) { return fp_cmp(cpu, 16, a, b, REL_GE); }
bool fp16_cmp_gt(struct cpu *cpu, u16 a, u16 b) { return fp_cmp(cpu, 16, a, b, REL_GT); }
u64 fp16_to_fixed(struct cpu *cpu, u16 a, int fbits, bool is_unsigned, int rmode,
                  int width) {
  return fp_to_fixed(cpu, 16, a, fbits, is_unsigned, rmode, width);
}
u16 fixed_to_fp16(struct cpu *cpu, u64 v, int fbits, bool is_unsigned, int width) {
  return (u16)fixed_to_fp(cpu, 16, v, fbits, is_unsigned, width);
}

/* Single and double precision. */

u32 fp32_add(struct cpu *cpu, u32 a, u32 b) {
  TRY_HOST32(host_add32, f32_of(a), f32_of(b));
  return (u32)fp_addsub(cpu, 32, a, b, false);
}
u64 fp64_add(struct cpu *cpu, u64 a, u64 b) {
  TRY_HOST64(host_add64, f64_of(a), f64_of(b));
  return fp_addsub(cpu, 64, a, b, false);
}
u32 fp32_sub(struct cpu *cpu, u32 a, u32 b) {
  TRY_HOST32(host_sub32, f32_of(a), f32_of(b));
  return (u32)fp_addsub(cpu, 32, a, b, true);
}
u64 fp64_sub(struct cpu *cpu, u64 a, u64 b) {
  TRY_HOST64(host_sub64, f64_of(a), f64_of(b));
  return fp_addsub(cpu, 64, a, b, true);
}
u32 fp32_mul(struct cpu *cpu, u32 a, u32 b) {
  TRY_HOST32(host_mul32, f32_of(a), f32_of(b));
  return (u32)fp_mul(cpu, 32, a, b, false);
}
u64 fp64_mul(struct cpu *cpu, u64 a, u64 b) {
  TRY_HOST64(host_mul64, f64_of(a), f64_of(b));
  return fp_mul(cpu, 64, a, b, false);
}
u32 fp32_div(struct cpu *cpu, u32 a, u32 b) {
  TRY_HOST32(host_div32, f32_of(a), f32_of(b));
  return (u32)fp_div(cpu, 32, a, b);
}
u64 fp64_div(struct cpu *cpu, u64 a, u64 b) {
  TRY_HOST64(host_div64, f64_of(a), f64_of(b));
  return fp_div(cpu, 64, a, b);
}
u32 fp32_sqrt(struct cpu *cpu, u32 a) {
  TRY_HOST32(host_sqrt32, f32_of(a));
  return (u32)fp_sqrt(cpu, 32, a);
}
u64 fp64_sqrt(struct cpu *cpu, u64 a) {
  TRY_HOST64(host_sqrt64, f64_of(a));
  return fp_sqrt(cpu, 64, a);
}
u32 fp32_muladd(struct cpu *cpu, u32 addend, u32 a, u32 b) {
  if (host_has_fma()) TRY_HOST32(host_fma32, f32_of(addend), f32_of(a), f32_of(b));
  return (u32)fp_muladd(cpu, 32, addend, a, b);
}
u64 fp64_muladd(struct cpu *cpu, u64 addend, u64 a, u64 b) {
  if (host_has_fma()) TRY_HOST64(host_fma64, f64_of(addend), f64_of(a), f64_of(b));
  return fp_muladd(cpu, 64, addend, a, b);
}

u32 fp32_max(struct cpu *cpu, u32 a, u32 b) { return (u32)fp_maxmin(cpu, 32, a, b, true); }
u64 fp64_max(struct cpu *cpu, u64 a, u64 b) { return fp_maxmin(cpu, 64, a, b, true); }
u32 fp32_min(struct cpu *cpu, u32 a, u32 b) { return (u32)fp_maxmin(cpu, 32, a, b, false); }
u64 fp64_min(struct cpu *cpu, u64 a, u64 b) { return fp_maxmin(cpu, 64, a, b, false); }
u32 fp32_maxnm(struct cpu *cpu, u32 a, u32 b) { return (u32)fp_maxminnm(cpu, 32, a, b, true); }
u64 fp64_maxnm(struct cpu *cpu, u64 a, u64 b) { return fp_maxminnm(cpu, 64, a, b, true); }
u32 fp32_minnm(struct cpu *cpu, u32 a, u32 b) { return (u32)fp_maxminnm(cpu, 32, a, b, false); }
u64 fp64_minnm(struct cpu *cpu, u64 a, u64 b) { return fp_maxminnm(cpu, 64, a, b, false); }
u32 fp32_mulx(struct cpu *cpu, u32 a, u32 b) { return (u32)fp_mul(cpu, 32, a, b, true); }
u64 fp64_mulx(struct cpu *cpu, u64 a, u64 b) { return fp_mul(cpu, 64, a, b, true); }
u32 fp32_recps(struct cpu *cpu, u32 a, u32 b) { return (u32)fp_step(cpu, 32, a, b, false); }
u64 fp64_recps(struct cpu *cpu, u64 a, u64 b) { return fp_step(cpu, 64, a, b, false); }
u32 fp32_rsqrts(struct cpu *cpu, u32 a, u32 b) { return (u32)fp_step(cpu, 32, a, b, true); }
u64 fp64_rsqrts(struct cpu *cpu, u64 a, u64 b) { return fp_step(cpu, 64, a, b, true); }

u32 fp32_recpe(struct cpu *cpu, u32 a) { return (u32)fp_recpe(cpu, 32, a); }
u64 fp64_recpe(struct cpu *cpu, u64 a) { return fp_recpe(cpu, 64, a); }
u32 fp32_rsqrte(struct cpu *cpu, u32 a) { return (u32)fp_rsqrte(cpu, 32, a); }
u64 fp64_rsqrte(struct cpu *cpu, u64 a) { return fp_rsqrte(cpu, 64, a); }
u32 fp32_recpx(struct cpu *cpu, u32 a) { return (u32)fp_recpx(cpu, 32, a); }
u64 fp64_recpx(struct cpu *cpu, u64 a) { return fp_recpx(cpu, 64, a); }

u32 fp32_round_int(struct cpu *cpu, u32 a, int rmode, bool exact) {
  return (u32)fp_round_int(cpu, 32, a, rmode, exact);
}
u64 fp64_round_int(struct cpu *cpu, u64 a, int rmode, bool exact) {
  return fp_round_int(cpu, 64, a, rmode, exact);
}

int fp32_compare(struct cpu *cpu, u32 a, u32 b, bool signal_all) {
  return fp_compare(cpu, 32, a, b, signal_all);
}
int fp64_compare(struct cpu *cpu, u64 a, u64 b, bool signal_all) {
  return fp_compare(cpu, 64, a, b, signal_all);
}
bool fp32_cmp_eq(struct cpu *cpu, u32 a, u32 b) { return fp_cmp(cpu, 32, a, b, REL_EQ); }
bool fp32_cmp_ge(struct cpu *cpu, u32 a, u32 b) { return fp_cmp(cpu, 32, a, b, REL_GE); }
bool fp32_cmp_gt(struct cpu *cpu, u32 a, u32 b) { return fp_cmp(cpu, 32, a, b, REL_GT); }
bool fp64_cmp_eq(struct cpu *cpu, u64 a, u64 b) { return fp_cmp(cpu, 64, a, b, REL_EQ); }
bool fp64_cmp_ge(struct cpu *cpu, u64 a, u64 b) { return fp_cmp(cpu, 64, a, b, REL_GE); }
bool fp64_cmp_gt(struct cpu *cpu, u64 a, u64 b) { return fp_cmp(cpu, 64, a, b, REL_GT); }

u64 fp32_to_fixed(struct cpu *cpu, u32 a, int fbits, bool is_unsigned, int rmode,
                  int width) {
  return fp_to_fixed(cpu, 32, a, fbits, is_unsigned, rmode, width);
}
u64 fp64_to_fixed(struct cpu *cpu, u64 a, int fbits, bool is_unsigned, int rmode,
                  int width) {
  return fp_to_fixed(cpu, 64, a, fbits, is_unsigned, rmode, width);
}
u32 fixed_to_fp32(struct cpu *cpu, u64 v, int fbits, bool is_unsigned, int width) {
  return (u32)fixed_to_fp(cpu, 32, v, fbits, is_unsigned, width);
}
u64 fixed_to_fp64(struct cpu *cpu, u64 v, int fbits, bool is_unsigned, int width) {
  return fixed_to_fp(cpu, 64, v, fbits, is_unsigned, width);
}

u64 fp32_to_fp64(struct cpu *cpu, u32 a) {
  return fp_convert(cpu, 32, 64, a, fpcr_rmode(cpu));
}
u32 fp64_to_fp32(struct cpu *cpu, u64 a) {
  return (u32)fp_convert(cpu, 64, 32, a, fpcr_rmode(cpu));
}
u32 fp64_to_fp32_round(struct cpu *cpu, u64 a, int rmode) {
  return (u32)fp_convert(cpu, 64, 32, a, rmode);
}
u16 fp32_to_fp16(struct cpu *cpu, u32 a) {
  return (u16)fp_convert(cpu, 32, 16, a, fpcr_rmode(cpu));
}
u32 fp16_to_fp32(struct cpu *cpu, u16 a) {
  return (u32)fp_convert(cpu, 16, 32, a, fpcr_rmode(cpu));
}
u16 fp64_to_fp16(struct cpu *cpu, u64 a) {
  return (u16)fp_convert(cpu, 64, 16, a, fpcr_rmode(cpu));
}
u64 fp16_to_fp64(struct cpu *cpu, u16 a) {
  return fp_convert(cpu, 16, 64, a, fpcr_rmode(cpu));
}

/* FPToFixedJS. Truncating the magnitude is the pseudocode's RoundDown()
   plus one for inexact negative values; the result is that integer modulo
   2^32, whatever its range. Only an in-range result can be Inexact,
   and an infinity gives 0. A normal double with exp >= 0 is at least 2^52,
   out of range; its low bits are those of sig << exp. */
u32 fp64_to_js_int(struct cpu *cpu, u64 a, bool *exact) {
  struct fpnum u = fp_unpack(cpu, 64, a, fpcr_arith(cpu));
  *exact = false;
  if (is_nan(&u) || is_inf(&u)) {
    cpu->fpsr |= FPSR_IOC;
    return 0;
  }
  if (is_zero(&u)) { /* Z for +0.0 only: not -0.0, nor a flushed denormal */
    *exact = !u.sign && (a & frac_mask(64)) == 0;
    return 0;
  }
  enum fperr err = ERR_EXACT;
  u64 mag;
  bool in_range = false;
  if (u.exp >= 0) {
    mag = u.exp >= 64 ? 0 : u.sig << u.exp;
  } else {
    mag = shift_right_err(u.sig, -u.exp, &err);
    in_range = mag <= (u.sign ? 1ull << 31 : (1ull << 31) - 1);
  }
  if (!in_range) cpu->fpsr |= FPSR_IOC;
  else if (err != ERR_EXACT) cpu->fpsr |= FPSR_IXC;
  *exact = in_range && err == ERR_EXACT;
  return (u32)(u.sign ? -mag : mag);
}
