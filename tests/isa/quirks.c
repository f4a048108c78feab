/* The Arm ARM reference for the instructions qemu 7.2 gets wrong (see
   tests/isa/qemu-quirks.md). Each reference takes the state before one
   instruction and produces the state after it, computing with exact
   integer arithmetic as the pseudocode's real numbers do. */
#include "quirks.h"

#include <string.h>

#define FPSR_IOC (1u << 0)
#define FPSR_IXC (1u << 4)
#define FPSR_IDC (1u << 7)
#define FPCR_FZ16 (1u << 19)
#define FPCR_FZ (1u << 24)

/* A finite value as mantissa * 2^exp, with its sign; what FPUnpack()
   yields for Zero, Denormal and Normal. */
struct finite {
  bool sign;
  u64 mant;
  int exp;
};

/* RoundDown() then the step toward zero of round-to-zero: |value|
   truncated, and whether anything was dropped. */
static u64 truncate_magnitude(struct finite v, bool *inexact, bool *huge) {
  *inexact = *huge = false;
  if (v.exp >= 0) {
    if (v.mant && (64 - __builtin_clzll(v.mant)) + v.exp > 63) {
      *huge = true;
      return 0;
    }
    return v.mant << v.exp;
  }
  int sh = -v.exp;
  if (sh >= 64) {
    *inexact = v.mant != 0;
    return 0;
  }
  *inexact = (v.mant & ((1ull << sh) - 1)) != 0;
  return v.mant >> sh;
}

/* --- FJCVTZS: FPToFixedJS() ------------------------------------------------------ */

/* qemu 7.2 takes a denormal flushed by FPCR.FZ for an exact zero. */
static bool fjcvtzs_wrong_on(u32 w, const struct isa_state *in, const struct isa_state *ref) {
  (void)ref;
  u64 d;
  memcpy(&d, in->v[w >> 5 & 31], 8);
  return (in->fpcr & FPCR_FZ) && !(d >> 52 & 0x7ff) && (d & ((1ull << 52) - 1));
}

/* The low 32 bits of the truncated value, however large (int_result
   modulo 2^32, as FPToFixedJS() reduces it). */
static u32 low32(struct finite v, u64 mag, bool huge) {
  u32 bits = huge ? (v.exp >= 64 ? 0 : (u32)(v.mant << v.exp)) : (u32)mag;
  return v.sign ? 0u - bits : bits;
}

/* FPToFixedJS(op, fpcr, TRUE): Wd, and PSTATE.Z = "the conversion was exact". */
static void fjcvtzs_reference(u32 w, const struct isa_state *in, struct isa_state *out) {
  u64 d;
  memcpy(&d, in->v[w >> 5 & 31], 8);
  u32 exp = d >> 52 & 0x7ff, fpsr = 0, result = 0;
  u64 frac = d & ((1ull << 52) - 1);
  bool sign = d >> 63, z = true;
  if (exp == 0x7ff) { /* NaN or infinity: InvalidOp, result 0 */
    fpsr |= FPSR_IOC;
    z = false;
  } else {
    struct finite v = {sign, exp ? frac | 1ull << 52 : frac, exp ? (int)exp - 1075 : -1074};
    if (!exp && frac && (in->fpcr & FPCR_FZ)) { /* FPUnpack flushes: InputDenorm */
      v.mant = 0;
      fpsr |= FPSR_IDC;
    }
    bool inexact, huge;
    u64 mag = truncate_magnitude(v, &inexact, &huge);
    result = low32(v, mag, huge);
    if (huge || mag > (sign ? 1ull << 31 : (1ull << 31) - 1)) {
      fpsr |= FPSR_IOC;
      z = false;
    } else if (inexact) {
      fpsr |= FPSR_IXC;
      z = false;
    } else if (!mag && (sign || frac)) { /* -0.0, or a denormal flushed to +0.0 */
      z = false;
    }
  }
  *out = *in;
  if ((w & 31) != 31) out->x[w & 31] = result;
  out->nzcv = (u64)z << 30;
  out->fpsr |= fpsr;
}

/* --- FCVTZS (vector, fixed-point), scalar half precision: FPToFixed() ------------ */

/* FCVTZS Hd, Hn, #fbits: qemu 7.2 writes the result sign-extended to 32
   bits; the pseudocode writes a 16-bit element (V[d] = result, with
   datasize = esize = 16), so bits 127:16 are zero. That shows when the
   result is negative. */
static bool fcvtzs_h_fixed_wrong_on(u32 w, const struct isa_state *in, const struct isa_state *ref) {
  (void)in;
  return ref->v[w & 31][1] >> 7;
}

static void fcvtzs_h_fixed_reference(u32 w, const struct isa_state *in, struct isa_state *out) {
  u16 h;
  memcpy(&h, in->v[w >> 5 & 31], 2);
  int fbits = 32 - (int)(w >> 16 & 0x7f); /* (esize * 2) - UInt(immh:immb) */
  u32 fpsr = 0, exp = h >> 10 & 31, frac = h & 0x3ff;
  bool sign = h >> 15;
  i64 result = 0;
  /* FPCR.AHP does not apply: "the data-processing instructions added as
     part of FEAT_FP16 always use the IEEE half-precision format". */
  bool special = exp == 31; /* infinity or NaN */
  if (special && frac) {
    fpsr |= FPSR_IOC; /* NaN: FPUnpack's value is 0, the result 0 */
  } else if (special) {
    result = sign ? -32768 : 32767;
    fpsr |= FPSR_IOC;
  } else {
    bool flushed = !exp && (in->fpcr & FPCR_FZ16); /* no InputDenorm for half */
    struct finite v = {sign, flushed ? 0 : exp ? frac | 0x400 : frac, (exp ? (int)exp - 25 : -24) + fbits};
    bool inexact, huge;
    u64 mag = truncate_magnitude(v, &inexact, &huge);
    i64 value = sign ? -(i64)mag : (i64)mag;
    if (huge || value > 32767 || value < -32768) {
      result = sign ? -32768 : 32767;
      fpsr |= FPSR_IOC;
    } else {
      result = value;
      if (inexact) fpsr |= FPSR_IXC;
    }
  }
  *out = *in;
  memset(out->v[w & 31], 0, 16);
  u16 r = (u16)result;
  memcpy(out->v[w & 31], &r, 2);
  out->fpsr |= fpsr;
}

/* --- The table (keep in step with qemu-quirks.md) --------------------------------- */

const struct quirk g_quirks[] = {
    {"FJCVTZS", 0xfffffc00, 0x1e7e0000,
     "with FPCR.FZ set, a denormal input flushed to zero sets PSTATE.Z as for an exact zero",
     fjcvtzs_wrong_on, fjcvtzs_reference},
    {"FCVTZS (vector, fixed-point), scalar half precision", 0xfff0fc00, 0x5f10fc00,
     "writes the 16-bit result sign-extended to 32 bits instead of zero-extended to 128",
     fcvtzs_h_fixed_wrong_on, fcvtzs_h_fixed_reference},
};

const u32 g_nquirks = sizeof g_quirks / sizeof *g_quirks;

const struct quirk *quirk_of(u32 w) {
  for (u32 i = 0; i < g_nquirks; i++)
    if ((w & g_quirks[i].mask) == g_quirks[i].match) return &g_quirks[i];
  return NULL;
}
