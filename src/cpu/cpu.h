#ifndef ELFRUN_CPU_CPU_H_
#define ELFRUN_CPU_CPU_H_

#include <setjmp.h>

#include "base/types.h"

struct block;
struct insn;
struct thread;

/* Register slots. The decoder resolves field value 31 to SP or to one of the
   two zero slots, so handlers never test for register 31 at run time. */
enum {
  REG_SP = 31,   /* the stack pointer */
  REG_ZR = 32,   /* reads as zero: never written */
  REG_SINK = 33, /* writes to XZR land here and are never read */
  NUM_XSLOTS = 34,
};

typedef union vreg {
  u8 b[16];
  u16 h[8];
  u32 s[4];
  u64 d[2];
  float f[4];
  double df[2];
} __attribute__((aligned(16))) vreg;

#define JCACHE_BITS 12
#define JCACHE_SIZE (1u << JCACHE_BITS)

/* Everything a guest thread's instructions read or write. The layout is the
   ABI of the future JIT tier: offsets are pinned below. */
struct cpu {
  u64 x[NUM_XSLOTS];    /* X0-X30, SP, zero slot, sink slot */
  u64 window_mask;      /* address bits set only outside the guest window
                           (translated code tests against it: jit/translate_mem.c) */
  u8 nf, zf, cf, vf;    /* NZCV, each 0 or 1; packed only when read */
  volatile u32 attention; /* non-zero: leave the dispatch loop soon */
  u64 pc;               /* valid between blocks; inside one, see cpu_pc() */
  vreg v[32];           /* V0-V31 */
  u32 fpcr, fpsr;       /* FP control and cumulative status */
  u64 tpidr_el0;        /* thread pointer */
  u64 excl_addr;        /* exclusive monitor: address of LDXR, or ~0 */
  u64 excl_val[2];      /*   value(s) it read */
  u32 excl_size;        /*   access size in bytes (16 for a pair) */
  const struct insn *ip;  /* instruction now executing (for precise PC) */
  struct block *block;    /* block now executing */
  struct thread *thread;  /* owning guest thread */
  u64 seen_generation;    /* block-cache generation this cpu last saw */
  u64 fast_generation;    /* seen_generation, or ~0 while quiescent (block.h) */
  volatile u32 quiescent; /* in a syscall: holds no pointer into a block */
  struct cpu *next_cpu;   /* list of running cpus (block.c) */
  const struct insn *jit_pending; /* set by translated code: run this op's handler */
  void *jit_site;         /* set by translated code: the exit it left by (chainable) */
  u8 *jit_vlog;           /* --jit-verify: where translated code logs its next store */
  u32 jit_vskip;          /* --jit-verify: set when a run cannot be checked */
  u32 jit_mxcsr;          /* translated FP code: scratch for LDMXCSR/STMXCSR */
  void *jit_rsp;          /* translated code: the host stack pointer at entry */
  struct {                /* synchronous exception being raised */
    int signo, code;      /*   guest signal and si_code */
    u64 addr;             /*   si_addr */
    bool write;           /*   a data fault on a store */
  } exc;
  sigjmp_buf fault_jmp;   /* where a guest fault unwinds to */
  struct block *jcache[JCACHE_SIZE]; /* per-thread pc -> block cache */
};

_Static_assert(__builtin_offsetof(struct cpu, x) == 0, "JIT ABI");
_Static_assert(__builtin_offsetof(struct cpu, window_mask) == 272, "JIT ABI");
_Static_assert(__builtin_offsetof(struct cpu, nf) == 280, "JIT ABI");
_Static_assert(__builtin_offsetof(struct cpu, attention) == 284, "JIT ABI");
_Static_assert(__builtin_offsetof(struct cpu, pc) == 288, "JIT ABI");
_Static_assert(__builtin_offsetof(struct cpu, v) == 304, "JIT ABI");
_Static_assert(__builtin_offsetof(struct cpu, fpcr) == 816, "JIT ABI");

/* NZCV as the architecture packs it (bits 31..28). */
static inline u64 cpu_nzcv(const struct cpu *c) {
  return (u64)c->nf << 31 | (u64)c->zf << 30 | (u64)c->cf << 29 | (u64)c->vf << 28;
}
static inline void cpu_set_nzcv(struct cpu *c, u64 v) {
  c->nf = v >> 31 & 1;
  c->zf = v >> 30 & 1;
  c->cf = v >> 29 & 1;
  c->vf = v >> 28 & 1;
}

/* The guest PC of the instruction now executing. */
u64 cpu_pc(const struct cpu *c);

void cpu_init(struct cpu *c);

#endif
