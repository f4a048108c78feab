#ifndef ELFRUN_CPU_SEM_ALU_H_
#define ELFRUN_CPU_SEM_ALU_H_

/* Integer semantics shared by the data-processing families and a future JIT:
   values in, value out, flags written to the cpu's NZCV words. They neither
   decode nor touch guest memory. */

#include <string.h>

#include "cpu/cpu.h"
#include "cpu/sem_bits.h"

/* Arm ARM AddWithCarry(), 64- and 32-bit, setting NZCV. */
/* CRC32 (IEEE) and CRC32C tables for slicing by 8, [poly][k][byte]: made
   when the first CRC instruction is decoded (dp_reg.c). */
extern u32 g_crc_table[2][8][256];

static inline u64 sem_adc64_flags(struct cpu *c, u64 x, u64 y, u32 carry) {
  u64 r;
  u32 c1 = __builtin_add_overflow(x, y, &r);
  u32 c2 = __builtin_add_overflow(r, (u64)carry, &r);
  c->nf = r >> 63;
  c->zf = r == 0;
  c->cf = c1 | c2;
  c->vf = ((x ^ r) & (y ^ r)) >> 63;
  return r;
}

static inline u32 sem_adc32_flags(struct cpu *c, u32 x, u32 y, u32 carry) {
  u32 r;
  u32 c1 = __builtin_add_overflow(x, y, &r);
  u32 c2 = __builtin_add_overflow(r, carry, &r);
  c->nf = r >> 31;
  c->zf = r == 0;
  c->cf = c1 | c2;
  c->vf = ((x ^ r) & (y ^ r)) >> 31;
  return r;
}

/* ADDS/SUBS/ANDS set NZCV exactly as the host's ADD/SUB/TEST set SF, ZF,
   CF and OF, except that Arm's carry after a subtraction is "no borrow",
   the inverse of x86's CF (hence SETAE). On an x86-64 host the flags are
   taken from the host instruction with SETcc, four byte stores instead of
   a dozen instructions recomputing them; the C versions below say the same
   thing portably. */
#if defined(__x86_64__)
#define HOST_FLAGS_OP(insn, setc, acc, rhs, cpu)                                \
  __asm__(insn " %[y], %[r]\n\tsets %[n]\n\tsete %[z]\n\t" setc " %[c]\n\tseto %[v]" \
          : [r] "+r"(acc), [n] "=m"((cpu)->nf), [z] "=m"((cpu)->zf),              \
            [c] "=m"((cpu)->cf), [v] "=m"((cpu)->vf)                              \
          : [y] "r"(rhs)                                                          \
          : "cc")
#endif

/* AddWithCarry(x, y, '0'): ADDS, CMN. */
static inline u64 sem_add64_flags(struct cpu *c, u64 x, u64 y) {
#if defined(__x86_64__)
  HOST_FLAGS_OP("addq", "setc", x, y, c);
  return x;
#else
  u64 r = x + y;
  c->nf = r >> 63;
  c->zf = r == 0;
  c->cf = r < x;
  c->vf = ((x ^ r) & (y ^ r)) >> 63;
  return r;
#endif
}

static inline u32 sem_add32_flags(struct cpu *c, u32 x, u32 y) {
#if defined(__x86_64__)
  HOST_FLAGS_OP("addl", "setc", x, y, c);
  return x;
#else
  u32 r = x + y;
  c->nf = r >> 31;
  c->zf = r == 0;
  c->cf = r < x;
  c->vf = ((x ^ r) & (y ^ r)) >> 31;
  return r;
#endif
}

/* AddWithCarry(x, NOT(y), '1'): SUBS, CMP. The carry out is "no borrow",
   x >= y unsigned; overflow when the operands' signs differ and the
   result's sign differs from x's. */
static inline u64 sem_sub64_flags(struct cpu *c, u64 x, u64 y) {
#if defined(__x86_64__)
  HOST_FLAGS_OP("subq", "setae", x, y, c);
  return x;
#else
  u64 r = x - y;
  c->nf = r >> 63;
  c->zf = r == 0;
  c->cf = x >= y;
  c->vf = ((x ^ y) & (x ^ r)) >> 63;
  return r;
#endif
}

static inline u32 sem_sub32_flags(struct cpu *c, u32 x, u32 y) {
#if defined(__x86_64__)
  HOST_FLAGS_OP("subl", "setae", x, y, c);
  return x;
#else
  u32 r = x - y;
  c->nf = r >> 31;
  c->zf = r == 0;
  c->cf = x >= y;
  c->vf = ((x ^ y) & (x ^ r)) >> 31;
  return r;
#endif
}

/* Flags of a logical result (ANDS, BICS, TST): C and V cleared. */
static inline void sem_logic_flags64(struct cpu *c, u64 r) {
  c->nf = r >> 63;
  c->zf = r == 0;
  c->cf = 0;
  c->vf = 0;
}
static inline void sem_logic_flags32(struct cpu *c, u32 r) {
  c->nf = r >> 31;
  c->zf = r == 0;
  c->cf = 0;
  c->vf = 0;
}

/* Sets NZCV from the 4-bit immediate of CCMP/CCMN (N in bit 3). */
static inline void sem_set_nzcv4(struct cpu *c, u32 nzcv) {
  cpu_set_nzcv(c, (u64)nzcv << 28);
}

/* Arm ARM ShiftType, in encoding order (the "shift" field). */
enum shift_type { SHIFT_LSL, SHIFT_LSR, SHIFT_ASR, SHIFT_ROR };

/* Arm ARM ShiftReg(): amount < datasize, as the decoder guarantees. */
static inline ALWAYS_INLINE u64 sem_shift64(u64 x, u32 type, u32 amount) {
  switch (type) {
    case SHIFT_LSL: return x << amount;
    case SHIFT_LSR: return x >> amount;
    case SHIFT_ASR: return (u64)((i64)x >> amount);
    default: return ror64(x, amount);
  }
}

static inline ALWAYS_INLINE u32 sem_shift32(u32 x, u32 type, u32 amount) {
  switch (type) {
    case SHIFT_LSL: return x << amount;
    case SHIFT_LSR: return x >> amount;
    case SHIFT_ASR: return (u32)((i32)x >> amount);
    default: return ror32(x, amount);
  }
}

/* Arm ARM ExtendType, in encoding order (the "option" field). */
enum extend_type {
  EXTEND_UXTB, EXTEND_UXTH, EXTEND_UXTW, EXTEND_UXTX,
  EXTEND_SXTB, EXTEND_SXTH, EXTEND_SXTW, EXTEND_SXTX,
};

/* Arm ARM ExtendReg() before its left shift, at 64 bits; the 32-bit forms
   use the low half of the result. */
static inline u64 sem_extend(u64 x, u32 type) {
  switch (type) {
    case EXTEND_UXTB: return (u8)x;
    case EXTEND_UXTH: return (u16)x;
    case EXTEND_UXTW: return (u32)x;
    case EXTEND_SXTB: return (u64)(i64)(i8)x;
    case EXTEND_SXTH: return (u64)(i64)(i16)x;
    case EXTEND_SXTW: return (u64)(i64)(i32)x;
    default: return x; /* UXTX, SXTX */
  }
}

/* NZCV as a 4-bit number, N in bit 3. Each flag byte is 0 or 1, and the
   multiplier moves byte k of the word to bit 27 - k with no two partial
   products meeting, so one multiply gathers them. */
_Static_assert(__builtin_offsetof(struct cpu, vf) == __builtin_offsetof(struct cpu, nf) + 3,
               "nf, zf, cf, vf are consecutive bytes");
static inline u32 cpu_nzcv4(const struct cpu *c) {
  u32 w;
  memcpy(&w, &c->nf, sizeof w);
  return (u32)((u64)w * 0x08040201u >> 24) & 0xf;
}

/* For each condition, bit i says whether it holds when NZCV == i: the
   Arm ARM's ConditionHolds() tabulated over the 16 flag combinations. */
static const u16 kConditionHolds[16] = {
    0xf0f0, 0x0f0f, 0xcccc, 0x3333, 0xff00, 0x00ff, 0xaaaa, 0x5555, /* EQ..VC */
    0x0c0c, 0xf3f3, 0xaa55, 0x55aa, 0x0a05, 0xf5fa, 0xffff, 0xffff, /* HI..NV */
};

/* Arm ARM ConditionHolds(). A condition known at compile time (each B.cond
   op) folds to a flag test or two; one read from the instruction (CSEL,
   CCMP, FCSEL) is looked up instead of branching through a switch. */
static inline ALWAYS_INLINE bool cond_holds(const struct cpu *c, u32 cond) {
  if (!__builtin_constant_p(cond)) return kConditionHolds[cond & 15] >> cpu_nzcv4(c) & 1;
  bool r;
  switch (cond >> 1) {
    case 0: r = c->zf; break;                         /* EQ / NE */
    case 1: r = c->cf; break;                         /* CS / CC */
    case 2: r = c->nf; break;                         /* MI / PL */
    case 3: r = c->vf; break;                         /* VS / VC */
    case 4: r = c->cf && !c->zf; break;               /* HI / LS */
    case 5: r = c->nf == c->vf; break;                /* GE / LT */
    case 6: r = c->nf == c->vf && !c->zf; break;      /* GT / LE */
    default: return true;                             /* AL, NV */
  }
  return (cond & 1) ? !r : r;
}

#endif
