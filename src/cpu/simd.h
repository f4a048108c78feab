#ifndef ELFRUN_CPU_SIMD_H_
#define ELFRUN_CPU_SIMD_H_

/* Shared by the Advanced SIMD files (simd*.c): the group decoders that
   simd.c routes to, and the lane helpers every handler uses.

   Field conventions of a decoded AdvSIMD instruction, unless its INSN row
   in list_simd.h says otherwise:
     rd, rn, rm  V register numbers (X slots for general-register operands)
     a           log2 of the element size in bytes (0 = B ... 3 = D)
     b           bytes of Vd the result occupies: 16 or 8 for a vector
                 (Q = 1 or 0), the element size for an AdvSIMD scalar.
                 Every write clears Vd above them, as the Arm ARM's
                 V[d] = result does for a 64-bit or scalar result.
     imm         shift amount, lane index or expanded immediate
   Narrowing forms (XTN, SHRN, ADDHN, SQXTN...): a is the size of the narrow
   result elements; b = 8 writes the low half and clears the high half,
   b = 16 (the "2" forms) writes the high half and keeps the low half, and
   b = 1 << a is a scalar.
   Widening forms (SADDL, SSHLL, SMULL, SQDMULL...): a is the size of the
   narrow source elements, b the bytes of the wide result (16, or 2 << a
   for a scalar), and ra the first narrow source lane: 0, or half the lanes
   of the register for the "2" forms that read the high half. */

#include "cpu/insn.h"

/* One decoder per encoding group of Arm ARM C4.1.95 ("Data Processing --
   Scalar Floating-Point and Advanced SIMD"). `scalar` selects the
   "Advanced SIMD scalar ..." twin of a group, which allows fewer forms. */
bool decode_simd_copy(u32 w, bool scalar, struct insn *out);       /* simd_perm.c */
bool decode_simd_modified_imm(u32 w, struct insn *out);           /* simd_perm.c */
bool decode_simd_permute(u32 w, struct insn *out);                /* simd_perm.c */
bool decode_simd_extract(u32 w, struct insn *out);                /* simd_perm.c */
bool decode_simd_table(u32 w, struct insn *out);                  /* simd_perm.c */
bool decode_simd_three_same(u32 w, bool scalar, struct insn *out); /* simd_arith.c */
bool decode_simd_two_misc(u32 w, bool scalar, struct insn *out);   /* simd_arith.c */
bool decode_simd_three_diff(u32 w, bool scalar, struct insn *out); /* simd_long.c */
bool decode_simd_across(u32 w, struct insn *out);                 /* simd_reduce.c */
bool decode_simd_scalar_pairwise(u32 w, struct insn *out);        /* simd_reduce.c */
bool decode_simd_shift_imm(u32 w, bool scalar, struct insn *out);  /* simd_shift.c */
bool decode_simd_elem(u32 w, bool scalar, struct insn *out);       /* simd_elem.c */

/* The floating-point forms of those groups (simd_fp_vec.c). */
bool decode_simd_fp_three_same(u32 w, bool scalar, struct insn *out);
bool decode_simd_fp_two_misc(u32 w, bool scalar, struct insn *out);
bool decode_simd_fp_fixed(u32 w, bool scalar, struct insn *out);
bool decode_simd_fp_elem(u32 w, bool scalar, struct insn *out);
bool decode_simd_fp_across(u32 w, struct insn *out);
bool decode_simd_fp_scalar_pairwise(u32 w, struct insn *out);

/* The half-precision (FEAT_FP16) encodings of all those groups
   (simd_fp16.c): is_simd_fp16() tells whether w is one of them. */
bool is_simd_fp16(u32 w, bool scalar);
bool decode_simd_fp16(u32 w, bool scalar, struct insn *out);

/* The cryptographic groups (simd_crypto.c) and the dot products
   (simd_dot.c). */
bool decode_crypto_two_reg(u32 w, struct insn *out);     /* AES, two-register SHA */
bool decode_crypto_sha_three(u32 w, struct insn *out);   /* three-register SHA */
bool decode_crypto_pmull64(u32 w, struct insn *out);     /* PMULL Vd.1Q */
bool decode_crypto_sha512_sha3(u32 w, struct insn *out); /* op0 = 1100 */
bool decode_simd_three_ext(u32 w, bool scalar, struct insn *out);
bool decode_simd_dot_elem(u32 w, bool scalar, struct insn *out);

/* FPSR.QC, the cumulative saturation bit. */
#define FPSR_QC (1u << 27)

/* Writes r to Vd, clearing Vd from byte `bytes` up (see b above). */
static inline void vec_write(struct cpu *cpu, u32 rd, vreg r, u32 bytes) {
  if (bytes < 16) {
    r.d[1] = 0;
    if (bytes < 8) r.d[0] &= ~0ull >> (64 - 8 * bytes);
  }
  cpu->v[rd] = r;
}

/* The pseudocode's concatenation Vm:Vn of the low `bytes` (8 or 16) of
   each, as one array of elements: the pairwise forms walk it two at a
   time. */
static inline void vec_concat(vreg cat[2], vreg n, vreg m, u32 bytes) {
  if (bytes == 16) {
    cat[0] = n;
    cat[1] = m;
  } else {
    cat[0].d[0] = n.d[0];
    cat[0].d[1] = m.d[0];
  }
}

/* Element i of size 2^esz bytes, zero- or sign-extended. */
static inline u64 lane_u(const vreg *v, u32 esz, u32 i) {
  switch (esz) {
    case 0: return v->b[i];
    case 1: return v->h[i];
    case 2: return v->s[i];
    default: return v->d[i];
  }
}

static inline i64 lane_s(const vreg *v, u32 esz, u32 i) {
  switch (esz) {
    case 0: return (i8)v->b[i];
    case 1: return (i16)v->h[i];
    case 2: return (i32)v->s[i];
    default: return (i64)v->d[i];
  }
}

static inline void lane_set(vreg *v, u32 esz, u32 i, u64 x) {
  switch (esz) {
    case 0: v->b[i] = (u8)x; break;
    case 1: v->h[i] = (u16)x; break;
    case 2: v->s[i] = (u32)x; break;
    default: v->d[i] = x; break;
  }
}

/* A register whose every element of size 2^esz is element `index` of v:
   the by-element forms run the vector form's code on it. */
static inline vreg lane_broadcast(const vreg *v, u32 esz, u32 index) {
  vreg r;
  u64 x = lane_u(v, esz, index);
  for (u32 i = 0; i < 16u >> esz; i++) lane_set(&r, esz, i, x);
  return r;
}

/* Arm ARM SignedSatQ() and UnsignedSatQ(): v clamped to `width` bits,
   setting FPSR.QC when it had to be. */
static inline u64 sat_signed(struct cpu *cpu, i128 v, u32 width) {
  i128 max = ((i128)1 << (width - 1)) - 1, min = -max - 1;
  if (v > max || v < min) {
    cpu->fpsr |= FPSR_QC;
    v = v > max ? max : min;
  }
  return (u64)v;
}

static inline u64 sat_unsigned(struct cpu *cpu, i128 v, u32 width) {
  i128 max = ((i128)1 << width) - 1;
  if (v > max || v < 0) {
    cpu->fpsr |= FPSR_QC;
    v = v > max ? max : 0;
  }
  return (u64)v;
}

/* Lane loops. SIMD_LANES(esz, count, body) runs body for i = 0 .. count-1
   with these in scope for elements of 2^esz bytes:
     uN, sN    the unsigned and signed element types
     W         the element width in bits
     LANE(v, j) element j of the vreg v, as an lvalue of type uN
   count may use uN, so ALL_LANES covers the whole register. The switch
   gives the compiler one fixed-type loop per size to vectorise; handlers
   that only exist up to 32-bit elements use SIMD_LANES_BHS. */
#define UNUSED_TYPE __attribute__((unused))
#define LANE(v, j) (((uN *)&(v))[j])
#define ALL_LANES (16 / sizeof(uN))

#define SIMD_LANES_T(U, S, count, ...)        \
  do {                                        \
    typedef U uN UNUSED_TYPE;                 \
    typedef S sN UNUSED_TYPE;                 \
    enum { W = 8 * sizeof(uN) };              \
    for (u32 i = 0; i < (count); i++) {       \
      __VA_ARGS__;                            \
    }                                         \
  } while (0)

#define SIMD_LANES(esz, count, ...)                                  \
  do {                                                               \
    switch (esz) {                                                   \
      case 0: SIMD_LANES_T(u8, i8, count, __VA_ARGS__); break;       \
      case 1: SIMD_LANES_T(u16, i16, count, __VA_ARGS__); break;     \
      case 2: SIMD_LANES_T(u32, i32, count, __VA_ARGS__); break;     \
      default: SIMD_LANES_T(u64, i64, count, __VA_ARGS__); break;    \
    }                                                                \
  } while (0)

#define SIMD_LANES_BHS(esz, count, ...)                              \
  do {                                                               \
    switch (esz) {                                                   \
      case 0: SIMD_LANES_T(u8, i8, count, __VA_ARGS__); break;       \
      case 1: SIMD_LANES_T(u16, i16, count, __VA_ARGS__); break;     \
      default: SIMD_LANES_T(u32, i32, count, __VA_ARGS__); break;    \
    }                                                                \
  } while (0)

/* Widening and narrowing loops: as SIMD_LANES_BHS, with uN/sN the narrow
   element types (2^esz bytes), uW/sW the wide ones (twice that), and
   WIDE(v, j) element j of v as an lvalue of type uW. */
#define WIDE(v, j) (((uW *)&(v))[j])

#define SIMD_WIDE_T(U, S, UW, SW, count, ...) \
  do {                                        \
    typedef U uN UNUSED_TYPE;                 \
    typedef S sN UNUSED_TYPE;                 \
    typedef UW uW UNUSED_TYPE;                \
    typedef SW sW UNUSED_TYPE;                \
    enum { W = 8 * sizeof(uN) };              \
    for (u32 i = 0; i < (count); i++) {       \
      __VA_ARGS__;                            \
    }                                         \
  } while (0)

#define SIMD_WIDE_LANES(esz, count, ...)                                     \
  do {                                                                       \
    switch (esz) {                                                           \
      case 0: SIMD_WIDE_T(u8, i8, u16, i16, count, __VA_ARGS__); break;      \
      case 1: SIMD_WIDE_T(u16, i16, u32, i32, count, __VA_ARGS__); break;    \
      default: SIMD_WIDE_T(u32, i32, u64, i64, count, __VA_ARGS__); break;   \
    }                                                                        \
  } while (0)

/* Lanes of a narrowing result (see b above): how many, and the first. */
static inline u32 narrow_count(const struct insn *in) {
  return (in->b == 16 ? 8u : in->b) >> in->a;
}
static inline u32 narrow_first(const struct insn *in) {
  return in->b == 16 ? narrow_count(in) : 0;
}

/* Wide lanes of a widening result. */
static inline u32 wide_count(const struct insn *in) { return in->b >> (in->a + 1); }

#endif
