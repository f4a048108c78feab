/* The JIT tier's code cache and its place in the dispatch loop.

   The cache is one memfd mapped twice, above the guest window: read-write
   for the translator and read-execute for running, so no page is ever
   writable and executable at once, and the guest cannot address either.
   Translations are appended; when the cache fills, every block is flushed
   (as a guest's IC IVAU flushes them) and the cache is emptied once no cpu
   can still run the old code: the same epochs that reclaim blocks
   (block.c). The cache is made at the first translation, and a host
   fork's child drops its parent's (jit_after_fork).

   Translated code is entered through a trampoline that saves the host's
   callee-saved registers and puts the cpu in rbx; every exit goes back
   through its other half. Each direct exit names itself in cpu->jit_site,
   and the dispatch loop then patches it to jump straight to the next
   block's translation (chaining). */
#include "cpu/jit/jit.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "base/config.h"
#include "base/log.h"
#include "cpu/insn.h"
#include "cpu/interp.h"
#include "cpu/jit/internal.h"
#include "cpu/jit/tr.h"
#include "cpu/sem_alu.h"

struct jit_config g_jit = {.mode = JIT_ON, .threshold = JIT_DEFAULT_THRESHOLD};

#define CACHE_SIZE (256ull << 20)
/* A translation is given up (and the block left to the interpreter) if it
   does not fit in this much room; the largest block is a page of code. */
#define MAX_TRANSLATION (256u << 10)

static struct {
  u8 *rw, *rx;       /* the two views */
  size_t used;       /* bytes handed out */
  u8 *exit;          /* the trampoline's exit half (executable view) */
  void (*enter)(struct cpu *cpu, const void *code);
  u32 epoch;         /* which cache this is: a fork's child starts another */
  bool reset_pending; /* full: emptied once every cpu has seen reset_gen */
  u64 reset_gen;
  /* Translations in address order, to find the block a host PC is in. */
  struct jit_entry { const u8 *rx; struct block *b; } *index;
  size_t nindex, index_cap;
} g_cache;

/* By enum jit_mode. */
static const char *const kModeOptions[] = {"--jit=off", "--jit=on", "--jit=always"};

bool jit_option(const char *opt) {
  if (!strncmp(opt, "--jit=", 6)) {
    for (int m = 0; m < 3; m++)
      if (!strcmp(opt, kModeOptions[m])) return g_jit.mode = m, true;
    fprintf(stderr, "elfrun: --jit takes off, on or always, not '%s'\n", opt + 6);
    exit(2);
  }
  if (!strncmp(opt, "--jit-threshold=", 16)) {
    char *end;
    errno = 0;
    unsigned long n = strtoul(opt + 16, &end, 10);
    if (errno || *end || end == opt + 16 || n < 1 || n > 1000000000) {
      fprintf(stderr, "elfrun: --jit-threshold takes a count from 1 up, not '%s'\n", opt + 16);
      exit(2);
    }
    g_jit.threshold = (u32)n;
    return true;
  }
  if (!strcmp(opt, "--jit-verify")) return g_jit.verify = true;
  if (!strcmp(opt, "--jit-perf")) return g_jit.perf = true;
  return false;
}

void jit_from_environment(void) {
  const char *mode = getenv("ELFRUN_JIT"), *verify = getenv("ELFRUN_JIT_VERIFY");
  const char *perf = getenv("ELFRUN_JIT_PERF");
  char opt[64];
  if (mode) {
    snprintf(opt, sizeof opt, "--jit=%s", mode);
    jit_option(opt);
  }
  if (verify && strcmp(verify, "0")) g_jit.verify = true;
  if (perf && strcmp(perf, "0")) g_jit.perf = true;
  /* The guest sees its environment as it was given; a re-exec passes the
     settings on as options (jit_options_argv). */
  unsetenv("ELFRUN_JIT");
  unsetenv("ELFRUN_JIT_VERIFY");
  unsetenv("ELFRUN_JIT_PERF");
}

size_t jit_options_argv(char **argv, size_t n) {
  static char threshold[32];
  if (g_jit.mode != JIT_ON) argv[n++] = (char *)kModeOptions[g_jit.mode];
  if (g_jit.verify) argv[n++] = "--jit-verify";
  if (g_jit.perf) argv[n++] = "--jit-perf";
  if (g_jit.threshold != JIT_DEFAULT_THRESHOLD && g_jit.mode == JIT_ON) {
    snprintf(threshold, sizeof threshold, "--jit-threshold=%u", g_jit.threshold);
    argv[n++] = threshold;
  }
  return n;
}

static ptrdiff_t rx_delta(void) { return g_cache.rx - g_cache.rw; }

/* enter(cpu, code): save rbx, rbp, r12-r15, keep the stack 16-byte aligned
   for calls out of translated code, cpu in rbx, note the stack pointer,
   jump. exit: the reverse. */
static void emit_trampoline(struct emitter *e) {
  static const u8 kSaved[] = {RBX, RBP, R12, R13, R14, R15};
  for (size_t k = 0; k < sizeof kSaved; k++) {
    if (kSaved[k] >= 8) x_byte(e, 0x41);
    x_byte(e, 0x50 + (kSaved[k] & 7));
  }
  x_alu_ri(e, ALU_SUB, true, RSP, 8);
  x_lea(e, RBX, XMEM(RDI, JIT_CPU_BIAS));
  x_store(e, true, XMEM(RBX, (i32)offsetof(struct cpu, jit_rsp) - JIT_CPU_BIAS), RSP);
  x_jmp_r(e, RSI);
  g_cache.exit = e->p + rx_delta();
  /* Guest calls made on the host stack (translate.c, emit_call) end here. */
  x_load(e, true, RSP, XMEM(RBX, (i32)offsetof(struct cpu, jit_rsp) - JIT_CPU_BIAS));
  x_alu_ri(e, ALU_ADD, true, RSP, 8);
  for (size_t k = sizeof kSaved; k-- > 0;) {
    if (kSaved[k] >= 8) x_byte(e, 0x41);
    x_byte(e, 0x58 + (kSaved[k] & 7));
  }
  x_byte(e, 0xc3);
}

static void cache_reset(void) {
  struct emitter e = {g_cache.rw, g_cache.rw + 4096, false};
  emit_trampoline(&e);
  g_cache.used = (size_t)(e.p - g_cache.rw + 63) & ~(size_t)63;
  g_cache.nindex = 0;
  g_cache.reset_pending = false;
}

static bool map_views(int fd, u8 *rw_at, u8 *rx_at) {
  int fixed = rw_at ? MAP_FIXED : 0;
  void *rw = mmap(rw_at, CACHE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED | fixed, fd, 0);
  if (rw == MAP_FAILED) return false;
  void *rx = mmap(rx_at, CACHE_SIZE, PROT_READ | PROT_EXEC, MAP_SHARED | fixed, fd, 0);
  if (rx == MAP_FAILED) return false;
  g_cache.rw = rw;
  g_cache.rx = rx;
  return true;
}

void jit_init(void) {
  if (g_jit.mode == JIT_OFF) return;
  /* --jit-verify: every block is translated, so every block is checked
     (and runs under the check's lock). */
  if (g_jit.mode == JIT_ALWAYS || g_jit.verify) g_jit.threshold = 1;
}

/* The cache is made at the first translation: most short-lived processes
   (a shell's children, a fork before its exec) never translate anything. */
static bool cache_create(void) {
  int fd = memfd_create("elfrun-jit", MFD_CLOEXEC);
  if (fd < 0 || ftruncate(fd, CACHE_SIZE) < 0 || !map_views(fd, NULL, NULL)) {
    log_msg("no JIT code cache (%s); interpreting only", strerror(errno));
    if (fd >= 0) close(fd);
    g_jit.mode = JIT_OFF;
    return false;
  }
  close(fd); /* the mappings keep the memory; the guest's descriptors stay as they were */
  if (!g_cache.index) {
    g_cache.index_cap = CACHE_SIZE / 64;
    g_cache.index = mmap(NULL, g_cache.index_cap * sizeof *g_cache.index, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    ASSERT(g_cache.index != MAP_FAILED);
  }
  g_cache.enter = (void (*)(struct cpu *, const void *))g_cache.rx;
  cache_reset();
  return true;
}

static bool trace_has(const struct trace *tr, u64 pc) {
  for (u32 s = 0; s < tr->nblocks; s++)
    if (tr->block[s]->pc == pc) return true;
  return false;
}

/* Appends block next (NULL: not decodable), if within the budget. */
static bool trace_add(struct trace *tr, struct block *next, bool side) {
  if (!next || tr->first[tr->nblocks] + next->n > JIT_TRACE_INSNS) return false;
  if (side) tr->side |= 1u << tr->nblocks;
  tr->block[tr->nblocks++] = next;
  tr->first[tr->nblocks] = tr->first[tr->nblocks - 1] + next->n;
  return true;
}

/* Whether block b has a branch to an instruction of the trace, or of its
   own. Only such a block is worth a place as a side block: one that
   leaves for elsewhere (the else of an if-else, going on to code outside
   the trace) moves the exit from the branch to its own end, and with
   every conditional branch's target a side block, 7zz b decompressed 5%
   slower; one that goes back keeps the loop, or the way on after the
   if-else, in translated code (string search 10% faster). */
static bool branches_back(const struct block *b, const struct trace *tr) {
  for (u32 j = 0; j < b->n; j++) {
    const struct insn *in = &b->insns[j];
    if (!jit_direct_branch(in)) continue;
    bool back = block_covers(b, in->imm);
    for (u32 s = 0; s < tr->nblocks && !back; s++) back = block_covers(tr->block[s], in->imm);
    if (back) return true;
  }
  return false;
}

void jit_trace_build(struct block *b, struct trace *tr) {
  tr->nblocks = 1;
  tr->side = 0;
  tr->block[0] = b;
  tr->first[0] = 0;
  tr->first[1] = b->n;
  while (tr->nblocks < JIT_TRACE_BLOCKS) {
    const struct block *last = tr->block[tr->nblocks - 1];
    const struct insn *end = &last->insns[last->n - 1];
    /* A loop back into the trace is a block exit. */
    if ((end->op != OP_b && end->op != OP_block_end) || trace_has(tr, end->imm) ||
        !trace_add(tr, block_find_locked(end->imm, b->mode), false))
      break;
  }
  for (u32 s = 0; s < tr->nblocks && tr->nblocks < JIT_MAX_TRACE; s++) {
    const struct block *from = tr->block[s];
    for (u32 j = 0; j < from->n && tr->nblocks < JIT_MAX_TRACE; j++) {
      const struct insn *in = &from->insns[j];
      if (!insn_side_exit(in) || jit_jumps_within(from, j, in->imm, b->pc) ||
          trace_has(tr, in->imm))
        continue;
      struct block *side = block_find_locked(in->imm, b->mode);
      if (side && (tr->nblocks < JIT_TRACE_BLOCKS || side->n <= JIT_SHORT_SIDE) &&
          branches_back(side, tr))
        trace_add(tr, side, true);
    }
  }
}

/* --jit-perf: each translation as a code-load record of perf's jitdump
   format in /tmp/jit-PID.dump, which `perf inject --jit` turns into
   symbols (the guest address of the trace's blocks) and code that `perf
   report` and `perf annotate` can show. The file is made when this process
   first translates (a forked child writes its own); perf finds it by the
   executable mapping of its first page, which this makes. Descriptor and
   mapping lie outside what the guest sees. */
struct jitdump_header {
  u32 magic, version, size, elf_machine, pad, pid;
  u64 timestamp, flags;
};
struct jitdump_code_load {
  u32 id, size; /* id 0: a code load; size: the record with name and code */
  u64 timestamp;
  u32 pid, tid;
  u64 vma, code_addr, code_size, code_index;
};

static u64 monotonic_ns(void) { /* the clock of `perf record -k mono` */
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (u64)ts.tv_sec * 1000000000u + (u64)ts.tv_nsec;
}

static int jitdump_open(int pid) {
  char path[64];
  snprintf(path, sizeof path, "/tmp/jit-%d.dump", pid);
  int raw = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  int fd = raw < 0 ? -1 : fcntl(raw, F_DUPFD_CLOEXEC, ELFRUN_FD_BASE);
  if (raw >= 0) close(raw);
  struct jitdump_header h = {0x4A695444, 1, sizeof h, 62 /* EM_X86_64 */, 0, (u32)pid,
                             monotonic_ns(), 0};
  if (fd < 0 || write(fd, &h, sizeof h) != sizeof h ||
      mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0) == MAP_FAILED) {
    log_msg("--jit-perf: cannot write %s (%s)", path, strerror(errno));
    if (fd >= 0) close(fd);
    return -1;
  }
  return fd;
}

static void jitdump_note(const u8 *code, size_t size, const struct trace *tr) {
  static int fd = -1, fd_pid;
  static u64 count;
  int pid = getpid();
  if (fd < 0 || fd_pid != pid) {
    if (fd >= 0) close(fd);
    fd = jitdump_open(pid);
    fd_pid = pid;
    if (fd < 0) {
      g_jit.perf = false;
      return;
    }
  }
  char name[16 + 20 * JIT_MAX_TRACE]; /* "+0x" and 16 digits a block */
  int len = snprintf(name, sizeof name, "guest:0x%llx", (unsigned long long)tr->block[0]->pc);
  for (u32 s = 1; s < tr->nblocks; s++)
    len += snprintf(name + len, sizeof name - (size_t)len, "+0x%llx",
                    (unsigned long long)tr->block[s]->pc);
  struct jitdump_code_load r = {0, (u32)(sizeof r + (size_t)len + 1 + size), monotonic_ns(),
                                (u32)pid, (u32)gettid(), (u64)code, (u64)code, size, count++};
  struct iovec iov[] = {{&r, sizeof r}, {name, (size_t)len + 1}, {(void *)code, size}};
  if (writev(fd, iov, 3) != (ssize_t)r.size) g_jit.perf = false;
}

/* With the cache lock held (block.c). */
static void translate_locked(struct block *b) {
  if (g_cache.reset_pending || (!g_cache.rx && !cache_create())) return;
  if (g_cache.used + MAX_TRANSLATION > CACHE_SIZE || g_cache.nindex == g_cache.index_cap) {
    /* Full: drop every block, and empty the cache once nobody runs it. */
    g_cache.reset_pending = true;
    g_cache.reset_gen = code_flush_locked();
    return;
  }
  struct emitter e = {g_cache.rw + g_cache.used, g_cache.rw + g_cache.used + MAX_TRANSLATION,
                      false};
  struct jit_output out;
  struct trace tr;
  jit_trace_build(b, &tr);
  bool ok = jit_translate_block(&tr, &e, rx_delta(), g_cache.exit, g_cache.epoch, &out);
  if (!ok && tr.nblocks > 1) { /* too big together: the block alone */
    e.p = g_cache.rw + g_cache.used;
    e.full = false;
    tr.nblocks = 1;
    ok = jit_translate_block(&tr, &e, rx_delta(), g_cache.exit, g_cache.epoch, &out);
  }
  if (!ok) return;
  g_cache.index[g_cache.nindex++] = (struct jit_entry){out.chain, b};
  b->jit_epoch = g_cache.epoch;
  if (g_jit.perf) jitdump_note(out.chain, (size_t)(e.p - g_cache.rw - g_cache.used), &tr);
  g_cache.used = (size_t)(e.p - g_cache.rw + 63) & ~(size_t)63;
  b->jit_map = out.map;
  __atomic_store_n(&b->jit_chain, out.chain, __ATOMIC_RELEASE);
  __atomic_store_n(&b->jit_body, out.body, __ATOMIC_RELEASE);
}

void jit_translate(struct cpu *cpu, struct block *b) {
  if (g_jit.mode == JIT_OFF) return;
  code_lock();
  /* Only a current block: one flushed meanwhile is about to be freed. */
  if (!b->jit_body && __atomic_load_n(&g_generation, __ATOMIC_SEQ_CST) == cpu->seen_generation)
    translate_locked(b);
  code_unlock();
  /* Not now (the cache is being emptied, or the block is stale): later. */
  if (!b->jit_body)
    __atomic_store_n(&b->countdown, g_jit.threshold < 65536 ? g_jit.threshold * 16 : UINT32_MAX,
                     __ATOMIC_RELAXED);
}

void jit_enter(struct cpu *cpu, const void *code) { g_cache.enter(cpu, code); }

/* Points exit site straight at b's translation, if b has one and no flush
   happened since generation gen. */
static void jit_chain(void *site, struct block *b, u64 gen) {
  u8 *to = b->jit_chain;
  /* --jit-verify checks one block at a time; a block from before a fork
     has its translation in the parent's cache. */
  if (!to || g_jit.verify || b->jit_epoch != g_cache.epoch) return;
  code_lock();
  if (__atomic_load_n(&g_generation, __ATOMIC_SEQ_CST) == gen) {
    /* The jump's rel32 is 4-byte aligned: one store, atomic for a cpu
       that runs it meanwhile. */
    u8 *rel = (u8 *)site + 1 - rx_delta();
    __atomic_store_n((i32 *)rel, (i32)(to - ((u8 *)site + 5)), __ATOMIC_RELEASE);
  }
  code_unlock();
}

/* A block translated into the cache of the parent before a fork: the
   child forgets that translation the first time it meets the block. */
static COLD void forget_parents_translation(struct block *b) {
  code_lock();
  if (b->jit_body && b->jit_epoch != g_cache.epoch) {
    b->jit_body = b->jit_chain = NULL;
    free(b->jit_map);
    b->jit_map = NULL;
    b->countdown = g_jit.threshold;
  }
  code_unlock();
}

__attribute__((noinline)) bool jit_run_block(struct cpu *cpu, struct block *b) {
  if (UNLIKELY(b->jit_body && b->jit_epoch != g_cache.epoch)) {
    forget_parents_translation(b);
    return false;
  }
  if (!b->jit_body) { /* its countdown reached zero */
    jit_translate(cpu, b);
    if (!b->jit_body) return false;
  }
  u64 gen = cpu->seen_generation;
  if (UNLIKELY(g_jit.verify)) jit_verify_run(cpu, b);
  else g_cache.enter(cpu, b->jit_body);
  const struct insn *in = cpu->jit_pending;
  if (in) { /* an instruction translated code leaves to the loop */
    cpu->jit_pending = NULL;
    cpu_run_insn(cpu, in); /* cpu->block is the instruction's block */
    return true;
  }
  void *site = cpu->jit_site;
  cpu->jit_site = NULL;
  /* A direct exit: if nothing waits (a signal handler may run next, not
     the exit's target) and the next block has a translation, chain. */
  if (site && !cpu->attention) {
    struct block *next = block_lookup(cpu);
    if (next->jit_chain) jit_chain(site, next, gen);
  }
  return true;
}


/* The translation holding host address pc, or NULL. */
static struct block *block_at(const u8 *pc) {
  if (!g_cache.rx || pc < g_cache.rx || pc >= g_cache.rx + g_cache.used) return NULL;
  size_t lo = 0, hi = g_cache.nindex;
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (g_cache.index[mid].rx <= pc) lo = mid;
    else hi = mid;
  }
  return hi && g_cache.index[lo].rx <= pc ? g_cache.index[lo].b : NULL;
}

/* The flags of a FLAGS_LAZY producer, from its operands in the guest
   registers (those the fault restored). */
static void lazy_flags_recompute(struct cpu *cpu, const struct jit_lazy *l) {
  u64 x = cpu->x[l->a] + (u64)(i64)l->adj;
  u64 y = l->b == LAZY_IMM ? l->imm : cpu->x[l->b];
  if (l->kind == XF_SUB && l->wide) sem_sub64_flags(cpu, x, y);
  else if (l->kind == XF_SUB) sem_sub32_flags(cpu, (u32)x, (u32)y);
  else if (l->kind == XF_ADD && l->wide) sem_add64_flags(cpu, x, y);
  else if (l->kind == XF_ADD) sem_add32_flags(cpu, (u32)x, (u32)y);
  else if (l->wide) sem_logic_flags64(cpu, x & y);
  else sem_logic_flags32(cpu, (u32)(x & y));
}

bool jit_fault_recover(struct cpu *cpu, const ucontext_t *uc) {
  if (g_jit.mode == JIT_OFF) return false;
  const u8 *pc = (const u8 *)uc->uc_mcontext.gregs[REG_RIP];
  struct block *b = block_at(pc);
  if (!b || !b->jit_map) return false;
  const struct jit_map *m = b->jit_map;
  u32 off = (u32)(pc - m->rx_body), i = 0;
  while (i + 1 < m->n && m->off[i + 1] <= off) i++;
  /* glibc's REG_* index gregs in their own order, not the encoding's. */
  static const int kGreg[16] = {REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP,
                                REG_RSI, REG_RDI, REG_R8,  REG_R9,  REG_R10, REG_R11,
                                REG_R12, REG_R13, REG_R14, REG_R15};
  for (u32 k = 0; k < m->ncached; k++)
    if (i >= m->valid_from[k]) cpu->x[m->slot[k]] = (u64)uc->uc_mcontext.gregs[kGreg[m->host[k]]];
  for (u32 k = 0; k < m->nvcached && uc->uc_mcontext.fpregs; k++) /* the xmm is the value */
    memcpy(&cpu->v[m->vslot[k]], &uc->uc_mcontext.fpregs->_xmm[m->vxmm[k]], sizeof cpu->v[0]);
  for (u32 k = 0; k < m->nlazy; k++) /* NZCV a producer left unstored (translate.c) */
    if (i >= m->lazy[k].from && i < m->lazy[k].to) lazy_flags_recompute(cpu, &m->lazy[k]);
  const struct trace *tr = &m->trace;
  u32 s = trace_block_of(tr, i);
  cpu->block = tr->block[s];
  cpu->ip = &tr->block[s]->insns[i - tr->first[s]];
  return true;
}

void jit_block_freed(struct block *b) { free(b->jit_map); }

void jit_reclaim_locked(u64 oldest_seen) {
  if (g_cache.reset_pending && oldest_seen >= g_cache.reset_gen) cache_reset();
}

void jit_after_fork(void) {
  if (g_jit.mode == JIT_OFF) return;
  jit_verify_after_fork();
  if (!g_cache.rx) return; /* nothing translated yet */
  /* The cache is memory shared with the parent, which goes on translating
     and patching in it: the child drops it and makes one of its own when it
     next translates. Its blocks keep their pointers into the parent's
     cache, but a new epoch makes every such translation stale: the
     dispatch loop forgets one when it meets it, and translated code never
     jumps to one (translate.c, indirect_exit). Nothing is written to the
     blocks here, so a fork that execs right away copies none of them. */
  munmap(g_cache.rw, CACHE_SIZE);
  munmap(g_cache.rx, CACHE_SIZE);
  g_cache.rw = g_cache.rx = NULL;
  g_cache.used = g_cache.nindex = 0;
  g_cache.reset_pending = false;
  g_cache.epoch++;
}
