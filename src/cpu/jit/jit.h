#ifndef ELFRUN_CPU_JIT_JIT_H_
#define ELFRUN_CPU_JIT_JIT_H_

/* The JIT tier: blocks that run often are translated to x86-64 code, which
   the dispatch loop (interp.c) runs in place of the interpreter. See
   docs/jit.md for the design: register mapping, memory access, flags,
   block exits and chaining, invalidation, faults and the lockstep check. */

#include <ucontext.h>

#include "base/types.h"
#include "cpu/block.h"

enum jit_mode { JIT_OFF, JIT_ON, JIT_ALWAYS };
/* Runs of a block before it is translated: code that runs fewer times
   costs more to translate than it saves (python3 -c pass 3-12% faster
   than at 64, ls / too; longer runs the same). */
#define JIT_DEFAULT_THRESHOLD 256

struct jit_config {
  int mode;       /* enum jit_mode: --jit=off|on|always */
  u32 threshold;  /* --jit-threshold=N: runs of a block before translation */
  bool verify;    /* --jit-verify or ELFRUN_JIT_VERIFY=1: lockstep check */
  bool perf;      /* --jit-perf or ELFRUN_JIT_PERF=1: /tmp/jit-PID.dump for perf */
};
extern struct jit_config g_jit;

/* Parses --jit=..., --jit-threshold=N, --jit-verify and --jit-perf; false if opt is
   none of them. Exits with a message on a bad value. */
bool jit_option(const char *opt);
/* ELFRUN_JIT=MODE, ELFRUN_JIT_VERIFY=1 and ELFRUN_JIT_PERF=1, read (and removed from the
   environment) before the command line, which overrides them. */
void jit_from_environment(void);
/* Appends to argv[n...] the options that reproduce g_jit (at most 4), for
   a re-exec; returns the new count. */
size_t jit_options_argv(char **argv, size_t n);
/* Sets the code cache up. Called once, before guest code runs; with
   --jit=off it does nothing. */
void jit_init(void);

/* The first countdown of a new block. */
static inline u32 jit_initial_countdown(void) {
  return g_jit.mode == JIT_OFF ? UINT32_MAX : g_jit.threshold;
}

/* A block's countdown reached zero: translate it (if the cache has room
   and the block is still current). */
void jit_translate(struct cpu *cpu, struct block *b);

/* Runs block b (the current one: cpu->block) in the JIT tier: translates
   it first if it has no translation yet, then runs the translation (and
   whatever it chains to) until control comes back with cpu->pc set, and
   chains the exit it left by to the next block. Returns false, having done
   nothing, if b cannot be translated now: the interpreter runs it. */
bool jit_run_block(struct cpu *cpu, struct block *b);

/* Inside the host fault handler: if the fault hit translated code, puts the
   guest state the translation keeps in host registers back into the cpu,
   sets cpu->block and cpu->ip to the faulting instruction and returns
   true (mem/fault.c then raises the guest's signal there, or has the
   interpreter run the instruction again). */
bool jit_fault_recover(struct cpu *cpu, const ucontext_t *uc);

/* --jit-verify: a guest fault unwound out of a checked run (interp.c). */
void jit_verify_abandon(void);

/* Called from block.c with the cache lock held. */
void jit_block_freed(struct block *b);          /* frees its map */
void jit_reclaim_locked(u64 oldest_seen);       /* reuses the cache once safe */
void jit_after_fork(void);                      /* the child's own cache */

#endif
