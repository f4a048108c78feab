/* The encoding forms the tester draws instructions from, in the spirit of
   risu's pattern files: one row per instruction (or family sharing one
   encoding diagram), written as the Arm ARM draws it, most significant bit
   first. A pattern is a list of tokens: runs of fixed 0/1 bits, and fields
   NAME:WIDTH whose NAME gives their role:

     Rd Rt Rt2 Rs   general register the instruction may write (31 = ZR)
     Rn Rm Ra       general register it only reads (31 = ZR)
     Rdsp Rnsp      the same, where 31 means SP
     Vd Vn Vm Va Vt Vt2   SIMD&FP register
     Rb             memory base (31 = SP), chosen by the generator
     Ri             memory index or post-index register, chosen likewise
     anything else  immediate or opcode bits, drawn at random

   A form's predicate rejects the reserved and CONSTRAINED UNPREDICTABLE
   values its fields may take; forms are grouped into classes, each with a
   weight and a CPU feature (a /proc/cpuinfo name, "" for the base
   architecture). */
#ifndef ELFRUN_TESTS_ISA_FORMS_H_
#define ELFRUN_TESTS_ISA_FORMS_H_

#include <stdbool.h>

#include "isa.h"

enum role {
  ROLE_IMM,
  ROLE_GP_R,
  ROLE_GP_W,
  ROLE_SP_R,
  ROLE_SP_W,
  ROLE_V,
  ROLE_BASE,
  ROLE_INDEX,
};

/* How an instruction addresses memory (gen.c turns the word into an
   address calculation). */
enum mem_kind {
  MEM_NONE,
  MEM_UIMM,        /* [Xn, #imm12 << scale] */
  MEM_IMM9,        /* [Xn, #simm9]: LDUR, LDTR */
  MEM_PRE9,        /* [Xn, #simm9]! */
  MEM_POST9,       /* [Xn], #simm9 */
  MEM_ROFF,        /* [Xn, Rm, extend #shift] */
  MEM_LIT,         /* PC + simm19 << 2 */
  MEM_PAIR,        /* LDP/STP/LDNP/STNP, the index mode from bits 24:23 */
  MEM_MULT,        /* LD1-LD4/ST1-ST4 (multiple structures), [Xn] */
  MEM_MULT_POST,   /*   [Xn], Xm or #size */
  MEM_ONE,         /* LD1-LD4/ST1-ST4 (single structure), LDnR, [Xn] */
  MEM_ONE_POST,
  MEM_EXCL,        /* exclusive, ordered, LSE: [Xn], naturally aligned */
  MEM_EXCL_PAIR,   /* LDXP/STXP/CASP: [Xn], aligned to the pair */
  MEM_RCPC9,       /* LDAPUR/STLUR: [Xn, #simm9], naturally aligned */
};

struct field {
  u8 lo, width, role;
};

#define FORM_MAX_FIELDS 10

struct form {
  const char *names; /* mnemonics objdump may print, '|'-separated; "x*" = prefix */
  u8 cls;            /* enum isa_class */
  const char *feature;
  const char *pattern;
  bool (*valid)(u32 w);
  u8 mem;            /* enum mem_kind */
  /* Filled in by forms_init() from the pattern: */
  u32 fixed;         /* the fixed bits */
  u8 nfields;
  struct field fields[FORM_MAX_FIELDS];
};

/* The classes, each with its share of the instructions and a minimum count
   per run (scaled by the run's size). */
#define ISA_CLASSES(C)                          \
  C(DP_PCREL, "dp_imm.pcrel", 2)                \
  C(DP_ADDSUB_IMM, "dp_imm.addsub", 3)          \
  C(DP_LOGIC_IMM, "dp_imm.logic", 3)            \
  C(DP_MOVW, "dp_imm.movewide", 2)              \
  C(DP_BITFIELD, "dp_imm.bitfield", 3)          \
  C(DP_EXTRACT, "dp_imm.extract", 2)            \
  C(DP_LOGIC_REG, "dp_reg.logic", 3)            \
  C(DP_ADDSUB_REG, "dp_reg.addsub_shifted", 3)  \
  C(DP_ADDSUB_EXT, "dp_reg.addsub_ext", 3)      \
  C(DP_ADC, "dp_reg.carry", 2)                  \
  C(DP_CCMP, "dp_reg.cond_compare", 2)          \
  C(DP_CSEL, "dp_reg.cond_select", 2)           \
  C(DP_1SRC, "dp_reg.1src", 2)                  \
  C(DP_2SRC, "dp_reg.2src", 3)                  \
  C(DP_CRC, "dp_reg.crc32", 2)                  \
  C(DP_3SRC, "dp_reg.3src", 3)                  \
  C(LS_GP, "ldst.gp", 6)                        \
  C(LS_LIT, "ldst.literal", 1)                  \
  C(LS_PAIR, "ldst.pair", 3)                    \
  C(LS_FP, "ldst.simdfp", 4)                    \
  C(LS_FP_PAIR, "ldst.simdfp_pair", 2)          \
  C(LS_STRUCT, "ldst.struct", 5)                \
  C(LS_EXCL, "ldst.exclusive", 3)               \
  C(LS_LSE, "ldst.lse_atomic", 3)               \
  C(LS_RCPC, "ldst.rcpc", 1)                    \
  C(FP_MOV, "fp.move", 2)                       \
  C(FP_1SRC, "fp.1src", 3)                      \
  C(FP_2SRC, "fp.2src", 4)                      \
  C(FP_3SRC, "fp.3src", 3)                      \
  C(FP_CMP, "fp.compare", 3)                    \
  C(FP_CSEL, "fp.cond_select", 1)               \
  C(FP_CVT_INT, "fp.cvt_int", 4)                \
  C(FP_CVT_FIXED, "fp.cvt_fixed", 2)            \
  C(SIMD_INT3, "simd.int_three_same", 8)        \
  C(SIMD_FP3, "simd.fp_three_same", 6)          \
  C(SIMD_DIFF3, "simd.three_different", 5)      \
  C(SIMD_INT2, "simd.int_two_misc", 5)          \
  C(SIMD_FP2, "simd.fp_two_misc", 5)            \
  C(SIMD_ACROSS, "simd.across_lanes", 3)        \
  C(SIMD_COPY, "simd.copy", 3)                  \
  C(SIMD_MODIMM, "simd.modified_imm", 2)        \
  C(SIMD_SHIFT, "simd.shift_imm", 5)            \
  C(SIMD_ELEM_INT, "simd.int_by_element", 3)    \
  C(SIMD_ELEM_FP, "simd.fp_by_element", 3)      \
  C(SIMD_PERM, "simd.permute", 3)               \
  C(SIMD_SCALAR_INT, "simd.scalar_int", 5)      \
  C(SIMD_SCALAR_FP, "simd.scalar_fp", 5)        \
  C(CRYPTO_AES, "crypto.aes", 2)                \
  C(CRYPTO_SHA1, "crypto.sha1", 2)              \
  C(CRYPTO_SHA2, "crypto.sha256", 2)            \
  C(CRYPTO_SHA512, "crypto.sha512", 2)          \
  C(CRYPTO_SHA3, "crypto.sha3", 2)              \
  C(CRYPTO_SM3, "crypto.sm3", 1)                \
  C(CRYPTO_SM4, "crypto.sm4", 1)                \
  C(CRYPTO_PMULL, "crypto.pmull64", 1)          \
  C(FP16_SCALAR, "fp16.scalar", 5)              \
  C(FP16_SIMD, "fp16.simd", 5)                  \
  C(EXT_RDM, "ext.rdm", 2)                      \
  C(EXT_DOTPROD, "ext.dotprod", 2)              \
  C(EXT_FHM, "ext.fhm", 2)                      \
  C(EXT_FCMA, "ext.fcma", 2)                    \
  C(EXT_JSCVT, "ext.jscvt", 1)                  \
  C(EXT_FRINT, "ext.frint", 1)                  \
  C(EXT_FLAGM, "ext.flagm", 1)                  \
  C(EXT_I8MM, "ext.i8mm", 1)                    \
  C(EXT_BF16, "ext.bf16", 1)                    \
  C(EXT_CSSC, "ext.cssc", 1)                    \
  C(NEVER, "never", 0) /* SIGILL candidates only: see forms_sigill() */

enum isa_class {
#define CLASS_ENUM(id, name, weight) CLS_##id,
  ISA_CLASSES(CLASS_ENUM)
#undef CLASS_ENUM
  CLS_COUNT
};

extern const char *const g_class_names[CLS_COUNT];
extern const u32 g_class_weights[CLS_COUNT];

extern struct form g_forms[];
extern const u32 g_nforms;

/* Parses every pattern; exits with a message on a malformed one. */
void forms_init(void);

/* A random instance of form f: fixed bits plus random fields. Register
   fields get what pick_reg() returns for their role. */
u32 form_draw(const struct form *f, u32 (*pick_reg)(void *ctx, enum role), void *ctx,
              u64 (*random_bits)(void *ctx, u32 width));

/* Does objdump's mnemonic match one the form allows? */
bool form_mnemonic_ok(const struct form *f, const char *mnemonic);

static inline u32 bits_of(u32 w, int hi, int lo) { return w >> lo & ((2u << (hi - lo)) - 1); }
static inline u32 bit_of(u32 w, int n) { return w >> n & 1; }

#endif
