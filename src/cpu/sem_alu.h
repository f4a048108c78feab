#ifndef ELFRUN_CPU_SEM_ALU_H_
#define ELFRUN_CPU_SEM_ALU_H_

/* Integer semantics shared by the data-processing families and a future JIT:
   values in, value out, flags written to the cpu's NZCV words. They neither
   decode nor touch guest memory. */

#include "cpu/cpu.h"

/* Arm ARM AddWithCarry(), 64- and 32-bit, setting NZCV. */
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

/* Arm ARM ConditionHolds(). */
static inline bool cond_holds(const struct cpu *c, u32 cond) {
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
