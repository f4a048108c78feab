/* The decoded-block cache.

   Lookup goes through the per-thread jump cache (cpu->jcache, indexed by pc),
   then the shared hash table, whose chains are read without a lock: blocks
   are immutable once published, and a block taken out of the table stays
   allocated until no thread can still hold it. A bitmap with one bit per
   guest page says which pages hold decoded code, so invalidating a range
   that holds none costs a bitmap scan. Invalidating a page that does hold
   code flushes the whole cache: simple, correct, and rare outside guest
   JITs (finer-grained invalidation is future work).

   Reclamation is epoch-based. A flush bumps g_generation and tags the
   retired blocks with it. Each cpu records the generation it saw at its last
   block boundary (and empties its jump cache when that changes); a cpu in a
   syscall is quiescent and holds no block. Retired blocks are freed once
   every running cpu has seen their generation. */
#include "cpu/block.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "base/log.h"
#include "cpu/exception.h"
#include "cpu/jit/jit.h"
#include "mem/code_guard.h"
#include "mem/guest.h"
#include "mem/vma.h"

#define HASH_BITS 16
#define HASH_SIZE (1u << HASH_BITS)
#define PAGE_SHIFT 12
#define NUM_PAGES (GUEST_END >> PAGE_SHIFT)

static pthread_mutex_t g_cache_lock = PTHREAD_MUTEX_INITIALIZER;
static struct block *g_hash[HASH_SIZE]; /* chains, read lock-free */
static u64 *g_code_pages;        /* bitmap, one bit per guest page */
static struct block *g_retired;  /* flushed blocks not yet freed */
u64 g_generation;                /* bumped on every flush */
static struct cpu *g_cpus;       /* every registered cpu */
static pthread_once_t g_pages_once = PTHREAD_ONCE_INIT;

static u32 hash_pc(u64 pc) { return (u32)((pc >> 2) * 0x9E3779B1u) >> (32 - HASH_BITS); }

static void code_pages_init(void) {
  g_code_pages = mmap(NULL, NUM_PAGES / 8, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  ASSERT(g_code_pages != MAP_FAILED);
}

static void mark_code_page(u64 pc) {
  u64 page = pc >> PAGE_SHIFT;
  __atomic_fetch_or(&g_code_pages[page / 64], 1ull << (page % 64), __ATOMIC_SEQ_CST);
}

static bool range_has_code(gaddr start, gaddr end) {
  if (!__atomic_load_n(&g_code_pages, __ATOMIC_ACQUIRE)) return false;
  for (u64 p = start >> PAGE_SHIFT, last = (end - 1) >> PAGE_SHIFT; p <= last;) {
    u64 word = __atomic_load_n(&g_code_pages[p / 64], __ATOMIC_RELAXED) >> (p % 64);
    if (last - p < 63 - p % 64) word &= (2ull << (last - p)) - 1; /* the range ends in this word */
    if (word) return true;
    p = (p | 63) + 1;
  }
  return false;
}

void block_cpu_register(struct cpu *cpu) {
  pthread_mutex_lock(&g_cache_lock);
  cpu->seen_generation = __atomic_load_n(&g_generation, __ATOMIC_SEQ_CST);
  cpu->next_cpu = g_cpus;
  g_cpus = cpu;
  pthread_mutex_unlock(&g_cache_lock);
}

/* The oldest generation a running cpu may still hold blocks of. */
static u64 oldest_seen_locked(void) {
  u64 oldest = UINT64_MAX;
  for (struct cpu *c = g_cpus; c; c = c->next_cpu) {
    if (__atomic_load_n(&c->quiescent, __ATOMIC_SEQ_CST)) continue;
    u64 seen = __atomic_load_n(&c->seen_generation, __ATOMIC_SEQ_CST);
    if (seen < oldest) oldest = seen;
  }
  return oldest;
}

/* Frees the retired blocks no cpu can hold any more. */
static void reclaim_locked(void) {
  u64 oldest = oldest_seen_locked();
  for (struct block **p = &g_retired; *p;) {
    struct block *b = *p;
    if (b->retired_generation <= oldest) {
      *p = b->retired_next;
      jit_block_freed(b);
      free(b);
    } else {
      p = &b->retired_next;
    }
  }
  jit_reclaim_locked(oldest);
}

void block_cpu_unregister(struct cpu *cpu) {
  pthread_mutex_lock(&g_cache_lock);
  for (struct cpu **p = &g_cpus; *p; p = &(*p)->next_cpu)
    if (*p == cpu) {
      *p = cpu->next_cpu;
      break;
    }
  reclaim_locked();
  pthread_mutex_unlock(&g_cache_lock);
}

void block_after_fork(struct cpu *self) {
  /* Only the forking thread survives in the child, and the lock may have
     been held by a thread that no longer exists. */
  pthread_mutex_init(&g_cache_lock, NULL);
  g_cpus = self;
  self->next_cpu = NULL;
  jit_after_fork();
  code_guard_after_fork();
}

void code_lock(void) { pthread_mutex_lock(&g_cache_lock); }
void code_unlock(void) { pthread_mutex_unlock(&g_cache_lock); }

static u64 flush_locked(void) {
  /* Bitmap first: a block decoded from now on either marks its page after
     this, or sees the new generation and is not published. */
  madvise(g_code_pages, NUM_PAGES / 8, MADV_DONTNEED);
  u64 gen = __atomic_add_fetch(&g_generation, 1, __ATOMIC_SEQ_CST);
  for (u32 i = 0; i < HASH_SIZE; i++) {
    struct block *b = __atomic_exchange_n(&g_hash[i], NULL, __ATOMIC_SEQ_CST);
    for (; b; b = b->hash_next) {
      b->retired_generation = gen;
      b->retired_next = g_retired;
      g_retired = b;
    }
  }
  return gen;
}

u64 code_flush_locked(void) {
  pthread_once(&g_pages_once, code_pages_init);
  return flush_locked();
}

void code_invalidate(gaddr start, gaddr end) {
  if (start >= end || !range_has_code(start, end)) return;
  pthread_mutex_lock(&g_cache_lock);
  flush_locked();
  reclaim_locked();
  pthread_mutex_unlock(&g_cache_lock);
}

struct code_debug g_code_debug;

void code_flush_all(void) {
  pthread_once(&g_pages_once, code_pages_init);
  pthread_mutex_lock(&g_cache_lock);
  flush_locked();
  reclaim_locked();
  pthread_mutex_unlock(&g_cache_lock);
}

/* With a debugger attached, a breakpoint address decodes as BRK, whose
   SIGTRAP gdb/stop.c takes. */
static COLD bool debug_breakpoint(u64 at, struct insn *in) {
  if (!g_code_debug.breakpoint_at || !g_code_debug.breakpoint_at(at)) return false;
  memset(in, 0, sizeof *in);
  in->op = OP_brk;
  return true;
}

/* Called at a block boundary when the generation moved: the jump cache may
   point at retired blocks, so it is emptied before anything else. */
static void catch_up(struct cpu *cpu, u64 gen) {
  memset(cpu->jcache, 0, sizeof cpu->jcache);
  __atomic_store_n(&cpu->seen_generation, gen, __ATOMIC_SEQ_CST);
  pthread_mutex_lock(&g_cache_lock);
  reclaim_locked();
  pthread_mutex_unlock(&g_cache_lock);
}

/* The fault an instruction fetch at pc takes, as a signal and si_code in
   *code, or 0 when pc is executable (its page's protection in *prot). */
static int fetch_fault(u64 pc, int *code, int *prot) {
  struct vma v;
  if (pc & 3) return *code = BUS_ADRALN, SIGBUS;
  if (!guest_range_ok(pc, 4) || !vma_lookup_copy(pc, &v)) return *code = SEGV_MAPERR, SIGSEGV;
  if (!(v.prot & PROT_EXEC)) return *code = SEGV_ACCERR, SIGSEGV;
  *prot = v.prot;
  return 0;
}

static struct block *decode_block(struct cpu *cpu, u64 pc, u32 mode, u32 limit) {
  int code, prot, sig = fetch_fault(pc, &code, &prot);
  if (sig) cpu_raise(cpu, sig, code, pc);

  u32 max = (u32)((page_down(pc) + GUEST_PAGE - pc) / 4);
  if (max > limit) max = limit; /* a debugger's single step */
  bool debug = g_code_debug.breakpoint_at != NULL;
  /* Before reading the code: a store from now on invalidates the block.
     (Not with a debugger, whose watchpoints protect pages themselves.) */
  if (!debug) code_guard_page(pc, prot);
  struct block *b = malloc(sizeof *b + (max + 1) * sizeof(struct insn));
  ASSERT(b);
  b->pc = pc;
  b->mode = mode;
  b->countdown = jit_initial_countdown();
  b->jit_body = b->jit_chain = NULL;
  b->jit_map = NULL;
  u32 n = 0, sides = 0;
  while (n < max) {
    u64 at = pc + 4ull * n;
    u32 word = *(const u32 *)g2h(at);
    struct insn *in = &b->insns[n++];
    memset(in, 0, sizeof *in);
    if (!decode_insn(word, at, in)) {
      memset(in, 0, sizeof *in);
      in->op = OP_undef;
      in->imm = word;
    }
    if (UNLIKELY(debug) && debug_breakpoint(at, in)) break;
    bool side = insn_side_exit(in), ends = insn_ends_block(in);
    if (side || ends) {
      if (g_jit.mode == JIT_OFF) branch_mark_self_loop(in, pc);
      if (ends || ++sides == BLOCK_MAX_SIDE_EXITS) break;
    }
  }
  /* At the page's end, after a debugger's step or after the last
     conditional branch a block may hold, it goes on at the next address. */
  if (!insn_ends_block(&b->insns[n - 1])) {
    struct insn *end = &b->insns[n];
    memset(end, 0, sizeof *end);
    end->op = OP_block_end;
    end->imm = pc + 4ull * n++;
  }
  b->n = n;
  /* Room was made for the rest of the page; most blocks are a few
     instructions, and the tail goes back to the allocator for the next. */
  struct block *fit = realloc(b, sizeof *b + n * sizeof(struct insn));
  return fit ? fit : b;
}

/* The published block at pc in mode in hash chain h, or NULL. */
static struct block *hash_find(u32 h, u64 pc, u32 mode) {
  for (struct block *b = __atomic_load_n(&g_hash[h], __ATOMIC_ACQUIRE); b; b = b->hash_next)
    if (b->pc == pc && b->mode == mode) return b;
  return NULL;
}

struct block *block_lookup_slow(struct cpu *cpu) {
  u64 pc = cpu->pc;
  u32 mode = block_mode(cpu);
  if (UNLIKELY(cpu->quiescent)) __atomic_store_n(&cpu->quiescent, 0, __ATOMIC_SEQ_CST);
  u64 gen = __atomic_load_n(&g_generation, __ATOMIC_SEQ_CST);
  if (UNLIKELY(gen != cpu->seen_generation)) catch_up(cpu, gen);
  /* Not quiescent, caught up: the next lookups (and translated code's
     indirect branches) take the fast path again, slot hit or not. */
  cpu->fast_generation = cpu->seen_generation;
  struct block **slot = &cpu->jcache[jcache_index(pc)];
  struct block *b = *slot;
  if (LIKELY(b && b->pc == pc && b->mode == mode)) return b;

  u32 h = hash_pc(pc);
  b = hash_find(h, pc, mode);
  if (!b) {
    pthread_once(&g_pages_once, code_pages_init);
    mark_code_page(pc); /* before decoding: a flush from now on is seen */
    b = decode_block(cpu, pc, mode, UINT32_MAX);
    pthread_mutex_lock(&g_cache_lock);
    if (__atomic_load_n(&g_generation, __ATOMIC_SEQ_CST) == gen) {
      b->hash_next = g_hash[h];
      __atomic_store_n(&g_hash[h], b, __ATOMIC_RELEASE);
    } else { /* the code may have changed while we decoded: run it once */
      b->retired_generation = gen + 1;
      b->retired_next = g_retired;
      g_retired = b;
    }
    pthread_mutex_unlock(&g_cache_lock);
  }
  *slot = b;
  return b;
}

struct block *block_find_locked(u64 pc, u32 mode) {
  u32 h = hash_pc(pc);
  struct block *b = hash_find(h, pc, mode);
  if (b) return b;
  int code, prot;
  if (g_code_debug.breakpoint_at || fetch_fault(pc, &code, &prot)) return NULL;
  pthread_once(&g_pages_once, code_pages_init);
  mark_code_page(pc);
  b = decode_block(NULL, pc, mode, UINT32_MAX); /* fetchable: raises nothing */
  b->hash_next = g_hash[h];
  __atomic_store_n(&g_hash[h], b, __ATOMIC_RELEASE);
  return b;
}

/* A debugger's single step (gdb/stop.c): a private one-instruction block
   at cpu->pc, put in this cpu's jump cache slot, so its next lookup runs
   exactly one instruction; no other cpu sees it and the shared cache is
   untouched. Returns NULL (the step then runs a whole block) where the PC
   cannot be decoded: the lookup raises the fault itself. Called by the
   cpu's own thread between blocks. */
struct block *block_step_install(struct cpu *cpu) {
  u64 pc = cpu->pc;
  int code, prot;
  if (fetch_fault(pc, &code, &prot)) return NULL;
  pthread_once(&g_pages_once, code_pages_init);
  mark_code_page(pc); /* a write to the page still empties the jump cache */
  u64 gen = __atomic_load_n(&g_generation, __ATOMIC_SEQ_CST);
  if (gen != cpu->seen_generation) catch_up(cpu, gen);
  __atomic_store_n(&cpu->quiescent, 0, __ATOMIC_SEQ_CST);
  struct block *b = decode_block(cpu, pc, block_mode(cpu), 1);
  cpu->jcache[jcache_index(pc)] = b;
  return b;
}

/* Ends a step: the block leaves the jump cache (if a flush has not already
   emptied it) and is freed; this cpu is between blocks, so not in it. */
void block_step_release(struct cpu *cpu, struct block *b) {
  if (!b) return;
  struct block **slot = &cpu->jcache[jcache_index(b->pc)];
  if (*slot == b) *slot = NULL;
  jit_block_freed(b);
  free(b);
}
