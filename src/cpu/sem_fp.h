#ifndef ELFRUN_CPU_SEM_FP_H_
#define ELFRUN_CPU_SEM_FP_H_

/* Arm floating-point semantics (Arm ARM shared/functions/float), shared by
   the scalar FP family (fp.c), AdvSIMD (simd.c, once per lane) and a future
   JIT. Operands and results are raw IEEE bit patterns; FPCR is read from
   cpu->fpcr and exceptions accumulate into cpu->fpsr. Nothing here decodes
   or touches guest memory. See sem_fp.c for the approach. The fp16_*
   functions are half precision (FEAT_FP16): FPCR.FZ16 flushes their
   denormals and FPCR.AHP does not apply to them. */

#include "cpu/cpu.h"

/* FPCR fields (bits 8-15, the trap enables, read as zero). */
#define FPCR_AHP (1u << 26)  /* alternative half-precision format */
#define FPCR_DN (1u << 25)   /* default NaN */
#define FPCR_FZ (1u << 24)   /* flush-to-zero, single and double */
#define FPCR_RMODE_SHIFT 22  /* RMode, bits 23:22 */
#define FPCR_FZ16 (1u << 19) /* flush-to-zero, half precision */

/* FPSR cumulative exception bits. */
#define FPSR_IOC (1u << 0) /* invalid operation */
#define FPSR_DZC (1u << 1) /* divide by zero */
#define FPSR_OFC (1u << 2) /* overflow */
#define FPSR_UFC (1u << 3) /* underflow */
#define FPSR_IXC (1u << 4) /* inexact */
#define FPSR_IDC (1u << 7) /* input denormal (flushed) */

/* Arm ARM FPRounding. The first four match FPCR.RMode. */
enum fp_rounding {
  FPROUND_TIEEVEN = 0, /* RN */
  FPROUND_POSINF = 1,  /* RP */
  FPROUND_NEGINF = 2,  /* RM */
  FPROUND_ZERO = 3,    /* RZ */
  FPROUND_TIEAWAY = 4, /* FCVTA*, FRINTA */
  FPROUND_ODD = 5,     /* FCVTXN */
};

/* FPRoundingMode(FPCR). */
int fpcr_rmode(const struct cpu *cpu);

u16 fp16_add(struct cpu *cpu, u16 a, u16 b);
u16 fp16_sub(struct cpu *cpu, u16 a, u16 b);
u16 fp16_mul(struct cpu *cpu, u16 a, u16 b);
u16 fp16_div(struct cpu *cpu, u16 a, u16 b);
u16 fp16_max(struct cpu *cpu, u16 a, u16 b);
u16 fp16_min(struct cpu *cpu, u16 a, u16 b);
u16 fp16_maxnm(struct cpu *cpu, u16 a, u16 b);
u16 fp16_minnm(struct cpu *cpu, u16 a, u16 b);
u16 fp16_mulx(struct cpu *cpu, u16 a, u16 b);
u16 fp16_recps(struct cpu *cpu, u16 a, u16 b);
u16 fp16_rsqrts(struct cpu *cpu, u16 a, u16 b);
u32 fp32_add(struct cpu *cpu, u32 a, u32 b);
u64 fp64_add(struct cpu *cpu, u64 a, u64 b);
u32 fp32_sub(struct cpu *cpu, u32 a, u32 b);
u64 fp64_sub(struct cpu *cpu, u64 a, u64 b);
u32 fp32_mul(struct cpu *cpu, u32 a, u32 b);
u64 fp64_mul(struct cpu *cpu, u64 a, u64 b);
u32 fp32_div(struct cpu *cpu, u32 a, u32 b);
u64 fp64_div(struct cpu *cpu, u64 a, u64 b);
u32 fp32_max(struct cpu *cpu, u32 a, u32 b);
u64 fp64_max(struct cpu *cpu, u64 a, u64 b);
u32 fp32_min(struct cpu *cpu, u32 a, u32 b);
u64 fp64_min(struct cpu *cpu, u64 a, u64 b);
u32 fp32_maxnm(struct cpu *cpu, u32 a, u32 b);
u64 fp64_maxnm(struct cpu *cpu, u64 a, u64 b);
u32 fp32_minnm(struct cpu *cpu, u32 a, u32 b);
u64 fp64_minnm(struct cpu *cpu, u64 a, u64 b);
u32 fp32_mulx(struct cpu *cpu, u32 a, u32 b);
u64 fp64_mulx(struct cpu *cpu, u64 a, u64 b);
u32 fp32_recps(struct cpu *cpu, u32 a, u32 b);
u64 fp64_recps(struct cpu *cpu, u64 a, u64 b);
u32 fp32_rsqrts(struct cpu *cpu, u32 a, u32 b);
u64 fp64_rsqrts(struct cpu *cpu, u64 a, u64 b);

/* Fused addend + a * b, rounded once (FPMulAdd). Negate a for FMSUB/FMLS,
   the addend too for FNMADD. */
u16 fp16_muladd(struct cpu *cpu, u16 addend, u16 a, u16 b);
u32 fp32_muladd(struct cpu *cpu, u32 addend, u32 a, u32 b);
u64 fp64_muladd(struct cpu *cpu, u64 addend, u64 a, u64 b);

u16 fp16_sqrt(struct cpu *cpu, u16 a);
u16 fp16_recpe(struct cpu *cpu, u16 a);
u16 fp16_rsqrte(struct cpu *cpu, u16 a);
u16 fp16_recpx(struct cpu *cpu, u16 a);
u32 fp32_sqrt(struct cpu *cpu, u32 a);
u64 fp64_sqrt(struct cpu *cpu, u64 a);
u32 fp32_recpe(struct cpu *cpu, u32 a);
u64 fp64_recpe(struct cpu *cpu, u64 a);
u32 fp32_rsqrte(struct cpu *cpu, u32 a);
u64 fp64_rsqrte(struct cpu *cpu, u64 a);
u32 fp32_recpx(struct cpu *cpu, u32 a);
u64 fp64_recpx(struct cpu *cpu, u64 a);

/* Arm ARM RecipEstimate() and RecipSqrtEstimate() on their 9-bit fixed-point
   inputs, for URECPE and URSQRTE. */
int fp_recip_estimate(int a);
int fp_rsqrt_estimate(int a);

/* FPRoundInt: rmode is an enum fp_rounding (not ODD); exact sets IXC when
   the result differs from the operand (FRINTX). */
u16 fp16_round_int(struct cpu *cpu, u16 a, int rmode, bool exact);
u32 fp32_round_int(struct cpu *cpu, u32 a, int rmode, bool exact);
u64 fp64_round_int(struct cpu *cpu, u64 a, int rmode, bool exact);

/* FPCompare: NZCV packed in bits 3..0. signal_all raises Invalid for quiet
   NaNs too (FCMPE). */
int fp16_compare(struct cpu *cpu, u16 a, u16 b, bool signal_all);
int fp32_compare(struct cpu *cpu, u32 a, u32 b, bool signal_all);
int fp64_compare(struct cpu *cpu, u64 a, u64 b, bool signal_all);
/* FPCompareEQ (quiet), FPCompareGE and FPCompareGT (signalling). */
bool fp16_cmp_eq(struct cpu *cpu, u16 a, u16 b);
bool fp16_cmp_ge(struct cpu *cpu, u16 a, u16 b);
bool fp16_cmp_gt(struct cpu *cpu, u16 a, u16 b);
bool fp32_cmp_eq(struct cpu *cpu, u32 a, u32 b);
bool fp32_cmp_ge(struct cpu *cpu, u32 a, u32 b);
bool fp32_cmp_gt(struct cpu *cpu, u32 a, u32 b);
bool fp64_cmp_eq(struct cpu *cpu, u64 a, u64 b);
bool fp64_cmp_ge(struct cpu *cpu, u64 a, u64 b);
bool fp64_cmp_gt(struct cpu *cpu, u64 a, u64 b);

/* FPToFixed: the result saturates to a width-bit (16, 32 or 64) integer and
   is returned zero-extended. */
u64 fp16_to_fixed(struct cpu *cpu, u16 a, int fbits, bool is_unsigned, int rmode,
                  int width);
u64 fp32_to_fixed(struct cpu *cpu, u32 a, int fbits, bool is_unsigned, int rmode,
                  int width);
u64 fp64_to_fixed(struct cpu *cpu, u64 a, int fbits, bool is_unsigned, int rmode,
                  int width);
/* FixedToFP with the FPCR rounding mode: the low width (16, 32 or 64) bits
   of v are the integer. */
u16 fixed_to_fp16(struct cpu *cpu, u64 v, int fbits, bool is_unsigned, int width);
u32 fixed_to_fp32(struct cpu *cpu, u64 v, int fbits, bool is_unsigned, int width);
u64 fixed_to_fp64(struct cpu *cpu, u64 v, int fbits, bool is_unsigned, int width);

/* FPConvert with the FPCR rounding mode; the half-precision forms honour
   FPCR.AHP. fp64_to_fp32_round takes the rounding (FPROUND_ODD: FCVTXN). */
u64 fp32_to_fp64(struct cpu *cpu, u32 a);
u32 fp64_to_fp32(struct cpu *cpu, u64 a);
u32 fp64_to_fp32_round(struct cpu *cpu, u64 a, int rmode);
u16 fp32_to_fp16(struct cpu *cpu, u32 a);
u32 fp16_to_fp32(struct cpu *cpu, u16 a);
u16 fp64_to_fp16(struct cpu *cpu, u64 a);
u64 fp16_to_fp64(struct cpu *cpu, u16 a);

/* FPToFixedJS (FJCVTZS): the double a rounded toward zero to an integer,
   returned modulo 2^32. *exact is the pseudocode's Z: the conversion was
   exact and in the 32-bit signed range, and a was not -0.0 or a flushed
   denormal. */
u32 fp64_to_js_int(struct cpu *cpu, u64 a, bool *exact);

#endif
