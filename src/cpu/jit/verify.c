/* --jit-verify (or ELFRUN_JIT_VERIFY=1): the lockstep check of the JIT.

   Every block is translated, and each run of a translation is followed by
   a run of the same blocks (its trace, taking the same branches inside)
   in the interpreter from the same starting state:
   registers are saved before, and the translation's stores, which it logs
   in this mode (translate.c, log_store), are undone before the second run.
   Then registers, flags, FP status and the logged memory must agree; the
   first difference stops elfrun with a report. The interpreter's results
   are the ones the guest goes on with.

   Guest threads run their blocks under one lock here, so that no other
   thread writes memory between the two runs. A block whose handlers store
   where the log does not see (atomics, SIMD&FP stores, DC ZVA) still runs,
   translated, but is not checked; neither is a run that took a slow path. */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "cpu/insn.h"
#include "cpu/jit/internal.h"
#include "cpu/jit/jit.h"

#define LOG_CAPACITY 2048 /* stores per run: a block has at most 1025 instructions */

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static __thread bool t_locked;
static __thread struct jit_store_log *t_log;
static __thread u8 (*t_new)[16];

/* The architectural state a block can change, apart from memory. */
struct state {
  u64 x[32];
  u64 pc;
  u8 nzcv[4];
  vreg v[32];
  u32 fpcr, fpsr;
  u64 tpidr, excl_addr, excl_val[2];
  u32 excl_size;
};

static void save(const struct cpu *c, struct state *s) {
  memset(s, 0, sizeof *s);
  memcpy(s->x, c->x, sizeof s->x);
  s->pc = c->pc;
  memcpy(s->nzcv, &c->nf, 4);
  memcpy(s->v, c->v, sizeof s->v);
  s->fpcr = c->fpcr;
  s->fpsr = c->fpsr;
  s->tpidr = c->tpidr_el0;
  s->excl_addr = c->excl_addr;
  memcpy(s->excl_val, c->excl_val, sizeof s->excl_val);
  s->excl_size = c->excl_size;
}

static void restore(struct cpu *c, const struct state *s) {
  memcpy(c->x, s->x, sizeof s->x);
  c->pc = s->pc;
  memcpy(&c->nf, s->nzcv, 4);
  memcpy(c->v, s->v, sizeof s->v);
  c->fpcr = s->fpcr;
  c->fpsr = s->fpsr;
  c->tpidr_el0 = s->tpidr;
  c->excl_addr = s->excl_addr;
  memcpy(c->excl_val, s->excl_val, sizeof c->excl_val);
  c->excl_size = s->excl_size;
}

/* The interpreted twin: the trace's instructions through their handlers,
   block after block, stopping where the translation stopped. Returns the
   instruction left for the dispatch loop, or NULL with cpu->pc set. */
static const struct insn *interpret(struct cpu *cpu, const struct trace *tr) {
  u64 start_pc = cpu->pc;
  for (u32 s = 0, to = 0;; s = to) {
    struct block *b = tr->block[s];
    const struct insn *in = b->insns, *last = &b->insns[b->n - 1];
    bool joins = trace_joined(tr, s + 1); /* its last instruction goes on to block s + 1 */
    cpu->block = b;
    for (to = s + 1;;) {
      if (!joins && in == last && jit_left_to_loop(in->op)) {
        cpu->pc = start_pc; /* as the translation leaves it: the loop goes by cpu->ip */
        return in;
      }
      cpu->ip = in;
      const struct insn *next = g_op_handlers[in->op](cpu, in);
      if (in == last && joins) break; /* the branch on to the next block */
      if (!next && insn_side_exit(in)) { /* taken: the translation jumps on where it can */
        if (jit_jumps_within(b, (u32)(in - b->insns), cpu->pc, tr->block[0]->pc))
          next = &b->insns[(cpu->pc - b->pc) / 4];
        else if ((to = trace_side_block(tr, s, cpu->pc)))
          break;
      }
      if (!next) return NULL;
      if (in == last) { /* a branch to its own block, taken */
        cpu->pc = b->pc;
        return NULL;
      }
      in = next;
    }
  }
}

static void COLD report(const struct block *b, const struct state *jit, const struct state *ref,
                        size_t nlog) {
  char line[160];
  const struct trace *tr = &b->jit_map->trace;
  log_msg("--jit-verify: the translation of the block at 0x%llx (%u instructions) "
          "disagrees with the interpreter:", (unsigned long long)b->pc, tr->first[tr->nblocks]);
  for (u32 s = 0; s < tr->nblocks; s++)
    for (u32 i = 0; i < tr->block[s]->n; i++)
      log_msg("  0x%llx  %s", (unsigned long long)(tr->block[s]->pc + 4ull * i),
              g_op_names[tr->block[s]->insns[i].op]);
  for (int r = 0; r < 32; r++)
    if (jit->x[r] != ref->x[r])
      log_msg("  %s%d: translated 0x%llx, interpreted 0x%llx", r == 31 ? "sp" : "x",
              r == 31 ? 0 : r, (unsigned long long)jit->x[r], (unsigned long long)ref->x[r]);
  if (jit->pc != ref->pc)
    log_msg("  pc: translated 0x%llx, interpreted 0x%llx", (unsigned long long)jit->pc,
            (unsigned long long)ref->pc);
  if (memcmp(jit->nzcv, ref->nzcv, 4))
    log_msg("  nzcv: translated %d%d%d%d, interpreted %d%d%d%d", jit->nzcv[0], jit->nzcv[1],
            jit->nzcv[2], jit->nzcv[3], ref->nzcv[0], ref->nzcv[1], ref->nzcv[2], ref->nzcv[3]);
  for (int r = 0; r < 32; r++)
    if (memcmp(&jit->v[r], &ref->v[r], 16))
      log_msg("  v%d: translated %016llx%016llx, interpreted %016llx%016llx", r,
              (unsigned long long)jit->v[r].d[1], (unsigned long long)jit->v[r].d[0],
              (unsigned long long)ref->v[r].d[1], (unsigned long long)ref->v[r].d[0]);
  if (jit->fpsr != ref->fpsr || jit->fpcr != ref->fpcr || jit->tpidr != ref->tpidr ||
      jit->excl_addr != ref->excl_addr)
    log_msg("  fpsr/fpcr/tpidr/monitor differ");
  for (size_t k = 0; k < nlog; k++) {
    const struct jit_store_log *e = &t_log[k];
    if (memcmp(t_new[k], (const void *)(uintptr_t)e->addr, e->size)) {
      int n = snprintf(line, sizeof line, "  memory 0x%llx:", (unsigned long long)e->addr);
      for (u32 j = 0; j < e->size && n < (int)sizeof line - 8; j++)
        n += snprintf(line + n, sizeof line - n, " %02x/%02x", t_new[k][j],
                      ((const u8 *)(uintptr_t)e->addr)[j]);
      log_msg("%s (translated/interpreted)", line);
    }
  }
  die("--jit-verify: stopping at the first difference");
}

/* One check: the translation, then the interpreter from the same state.
   Returns whether they agree; either way the interpreter's results stand
   (or the translation's, if the run could not be checked). */
static bool check_once(struct cpu *cpu, struct block *b, const struct state *start,
                       struct state *jit, struct state *ref, size_t *nlog, bool last) {
  restore(cpu, start);
  cpu->jit_vlog = (u8 *)t_log;
  cpu->jit_vskip = 0;
  cpu->jit_pending = NULL;
  jit_enter(cpu, b->jit_body);
  const struct insn *jit_pending = cpu->jit_pending;
  cpu->jit_site = NULL;
  *nlog = (size_t)((struct jit_store_log *)cpu->jit_vlog - t_log);
  if (!b->jit_map->verifiable || cpu->jit_vskip) return true;
  save(cpu, jit);
  for (size_t k = 0; k < *nlog; k++)
    memcpy(t_new[k], (const void *)(uintptr_t)t_log[k].addr, t_log[k].size);
  for (size_t k = *nlog; k-- > 0;)
    memcpy((void *)(uintptr_t)t_log[k].addr, t_log[k].old, t_log[k].size);
  restore(cpu, start);
  const struct insn *ref_pending = interpret(cpu, &b->jit_map->trace);
  save(cpu, ref);
  cpu->jit_pending = ref_pending;
  bool same = !memcmp(jit, ref, sizeof *jit) && jit_pending == ref_pending;
  for (size_t k = 0; k < *nlog && same; k++)
    same = !memcmp(t_new[k], (const void *)(uintptr_t)t_log[k].addr, t_log[k].size);
  if (!same && !last) /* back to the memory the block started from, for a retry */
    for (size_t k = *nlog; k-- > 0;)
      memcpy((void *)(uintptr_t)t_log[k].addr, t_log[k].old, t_log[k].size);
  return same;
}

void jit_verify_run(struct cpu *cpu, struct block *b) {
  if (!t_log) {
    t_log = malloc(LOG_CAPACITY * sizeof *t_log);
    t_new = malloc(LOG_CAPACITY * sizeof *t_new);
    ASSERT(t_log && t_new);
  }
  pthread_mutex_lock(&g_lock);
  t_locked = true;
  struct state start, jit, ref;
  size_t nlog = 0;
  save(cpu, &start);
  /* The lock keeps guest threads out, but not the kernel (a thread's
     exit clearing its TID word, a futex requeue) or another process
     sharing the memory: a difference that goes away when the pair runs
     again was such a write, not a translation bug. */
  for (int tries = 1; !check_once(cpu, b, &start, &jit, &ref, &nlog, tries == 4); tries++) {
    if (tries == 4) report(b, &jit, &ref, nlog);
    sched_yield();
  }
  t_locked = false;
  pthread_mutex_unlock(&g_lock);
}

void jit_verify_abandon(void) {
  if (!t_locked) return;
  t_locked = false;
  pthread_mutex_unlock(&g_lock);
}

void jit_verify_after_fork(void) {
  /* Another thread may have held the lock: it does not exist here. */
  pthread_mutex_init(&g_lock, NULL);
  t_locked = false;
}
