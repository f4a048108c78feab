/* The arm64 signal frame: built on delivery, read back by rt_sigreturn, laid
   out as arch/arm64/kernel/signal.c does (get_sigframe, setup_sigframe,
   setup_return, restore_sigframe), so a handler can read and change the
   interrupted context and an unwinder can walk through it. */
#include "linux/sigframe.h"

#include <string.h>

#include "mem/guest.h"

#define SIGFRAME_SIZE ((sizeof(struct a64_rt_sigframe) + 15) & ~15ull)

/* sigsp(): the alternate stack's top when the handler asks for it and the
   thread is not already on it. */
static u64 frame_stack(const struct thread *t, const struct a64_sigaction *ka) {
  u64 sp = t->cpu.x[REG_SP];
  if ((ka->flags & A64_SA_ONSTACK) && t->altstack.ss_size && !altstack_on(&t->altstack, sp))
    return t->altstack.ss_sp + t->altstack.ss_size;
  return sp;
}

static void save_context(const struct thread *t, struct a64_sigcontext *sc, u64 esr,
                         u64 fault_address) {
  const struct cpu *c = &t->cpu;
  sc->fault_address = fault_address;
  memcpy(sc->regs, c->x, sizeof sc->regs);
  sc->sp = c->x[REG_SP];
  sc->pc = c->pc;
  sc->pstate = cpu_nzcv(c);
  struct a64_fpsimd_context *fp = (struct a64_fpsimd_context *)sc->reserved;
  fp->head.magic = A64_FPSIMD_MAGIC;
  fp->head.size = sizeof *fp;
  fp->fpsr = c->fpsr;
  fp->fpcr = c->fpcr;
  memcpy(fp->vregs, c->v, sizeof fp->vregs);
  u8 *next = sc->reserved + sizeof *fp;
  if (esr) {
    struct a64_esr_context e = {{A64_ESR_MAGIC, sizeof e}, esr};
    memcpy(next, &e, sizeof e);
    next += sizeof e;
  }
  memset(next, 0, sizeof(struct a64_ctx_head)); /* the terminator */
}

bool sigframe_setup(struct thread *t, const struct a64_siginfo *info,
                    const struct a64_sigaction *ka, u64 saved_mask, u64 esr) {
  struct cpu *c = &t->cpu;
  u64 top = frame_stack(t, ka) & TBI_MASK;
  gaddr record_at = (top - sizeof(struct a64_frame_record)) & ~15ull;
  gaddr frame_at = record_at - SIGFRAME_SIZE;

  static __thread struct a64_rt_sigframe frame; /* 4.6 KiB: not on the stack */
  memset(&frame, 0, sizeof frame);
  frame.info = *info;
  frame.uc.uc_stack = altstack_report(&t->altstack, c->x[REG_SP]);
  frame.uc.uc_sigmask = saved_mask;
  bool fault = info->si_code > 0 && (info->si_signo == 11 || info->si_signo == 7);
  save_context(t, &frame.uc.uc_mcontext, esr, fault ? info->addr : 0);
  struct a64_frame_record record = {c->x[29], c->x[30]};
  if (copy_to_guest(frame_at, &frame, sizeof frame) ||
      copy_to_guest(record_at, &record, sizeof record))
    return false;

  /* The handler runs on this stack; an SS_AUTODISARM stack is disarmed
     until sigreturn restores it from uc_stack. */
  if (t->altstack.ss_flags & A64_SS_AUTODISARM) memset(&t->altstack, 0, sizeof t->altstack);
  c->x[0] = (u64)info->si_signo;
  c->x[1] = frame_at + __builtin_offsetof(struct a64_rt_sigframe, info);
  c->x[2] = frame_at + __builtin_offsetof(struct a64_rt_sigframe, uc);
  c->x[29] = record_at;
  c->x[30] = (ka->flags & A64_SA_RESTORER) ? ka->restorer : t->proc->sigreturn_tramp;
  c->x[REG_SP] = frame_at;
  c->pc = ka->handler;
  c->excl_addr = ~0ull;
  return true;
}

/* Finds the fpsimd record among the __reserved records, as parse_user_sigframe
   does: it must be there, and the list must be well formed. */
static const struct a64_fpsimd_context *find_fpsimd(const struct a64_sigcontext *sc) {
  const struct a64_fpsimd_context *found = NULL;
  for (u32 off = 0; off + sizeof(struct a64_ctx_head) <= sizeof sc->reserved;) {
    struct a64_ctx_head h;
    memcpy(&h, sc->reserved + off, sizeof h);
    if (h.magic == 0) return h.size == 0 ? found : NULL;
    if (h.size < sizeof h || h.size % 16 || h.size > sizeof sc->reserved - off) return NULL;
    if (h.magic == A64_FPSIMD_MAGIC) {
      if (found || h.size != sizeof *found) return NULL;
      found = (const struct a64_fpsimd_context *)(sc->reserved + off);
    }
    off += h.size;
  }
  return NULL;
}

bool sigframe_restore(struct thread *t) {
  struct cpu *c = &t->cpu;
  gaddr frame_at = c->x[REG_SP];
  if (frame_at & 15) return false;
  static __thread struct a64_rt_sigframe frame;
  if (copy_from_guest(&frame, frame_at, sizeof frame)) return false;
  const struct a64_sigcontext *sc = &frame.uc.uc_mcontext;
  const struct a64_fpsimd_context *fp = find_fpsimd(sc);
  if (!fp) return false;
  memcpy(c->x, sc->regs, sizeof sc->regs);
  c->x[REG_SP] = sc->sp;
  c->pc = sc->pc;
  cpu_set_nzcv(c, sc->pstate);
  c->fpsr = fp->fpsr;
  c->fpcr = fp->fpcr & 0x07f80000u;
  memcpy(c->v, fp->vregs, sizeof c->v);
  c->excl_addr = ~0ull;
  t->sigmask = frame.uc.uc_sigmask & ~((1ull << (9 - 1)) | (1ull << (19 - 1)));
  /* restore_altstack(): as sigaltstack would, ignoring its errors. */
  altstack_set(&t->altstack, &frame.uc.uc_stack, c->x[REG_SP]);
  return true;
}
