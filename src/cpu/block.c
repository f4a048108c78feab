/* The decoded-block cache.

   Lookup goes through the per-thread jump cache (cpu->jcache, indexed by pc),
   then the shared hash table. A bitmap with one bit per guest page says which
   pages hold decoded code, so invalidating a range that holds none costs a
   bitmap scan. Invalidating a page that does hold code flushes the whole cache
   (and every thread's jump cache, via a generation number): simple, correct,
   and rare outside guest JITs; finer-grained invalidation is future work. */
#include "cpu/block.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "base/log.h"
#include "cpu/exception.h"
#include "mem/guest.h"
#include "mem/vma.h"

#define HASH_BITS 16
#define HASH_SIZE (1u << HASH_BITS)
#define PAGE_SHIFT 12
#define NUM_PAGES (GUEST_END >> PAGE_SHIFT)

static pthread_mutex_t g_cache_lock = PTHREAD_MUTEX_INITIALIZER;
static struct block *g_hash[HASH_SIZE];
static u64 *g_code_pages;        /* bitmap, one bit per guest page */
static struct block *g_retired;  /* flushed blocks not yet freed */
static volatile u64 g_generation; /* bumped on every flush */
static __thread u64 t_generation;

static u32 hash_pc(u64 pc) { return (u32)((pc >> 2) * 0x9E3779B1u) >> (32 - HASH_BITS); }
static u32 jcache_index(u64 pc) { return (pc >> 2) & (JCACHE_SIZE - 1); }

static void code_pages_init(void) {
  g_code_pages = mmap(NULL, NUM_PAGES / 8, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  ASSERT(g_code_pages != MAP_FAILED);
}

static void mark_code_page(u64 pc) {
  u64 page = pc >> PAGE_SHIFT;
  g_code_pages[page / 64] |= 1ull << (page % 64);
}

static bool range_has_code(gaddr start, gaddr end) {
  if (!g_code_pages) return false;
  for (u64 p = start >> PAGE_SHIFT, last = (end - 1) >> PAGE_SHIFT; p <= last;) {
    u64 word = g_code_pages[p / 64] >> (p % 64);
    if (word) return true;
    p = (p | 63) + 1;
  }
  return false;
}

static void flush_locked(void) {
  for (u32 i = 0; i < HASH_SIZE; i++) {
    for (struct block *b = g_hash[i], *next; b; b = next) {
      next = b->hash_next;
      b->retired_next = g_retired;
      g_retired = b;
    }
    g_hash[i] = NULL;
  }
  madvise(g_code_pages, NUM_PAGES / 8, MADV_DONTNEED);
  __atomic_add_fetch(&g_generation, 1, __ATOMIC_RELEASE);
}

void code_invalidate(gaddr start, gaddr end) {
  if (start >= end || !range_has_code(start, end)) return;
  pthread_mutex_lock(&g_cache_lock);
  flush_locked();
  pthread_mutex_unlock(&g_cache_lock);
}

void block_reclaim(struct cpu *cpu) {
  /* Single-threaded for now: between blocks nobody runs a retired block.
     The thread issue replaces this with an epoch scheme. */
  pthread_mutex_lock(&g_cache_lock);
  struct block *b = g_retired;
  g_retired = NULL;
  pthread_mutex_unlock(&g_cache_lock);
  while (b) {
    struct block *next = b->retired_next;
    free(b);
    b = next;
  }
  memset(cpu->jcache, 0, sizeof cpu->jcache);
}

static struct block *decode_block(struct cpu *cpu, u64 pc, u32 mode) {
  if (pc & 3) cpu_raise(cpu, SIGBUS, BUS_ADRALN, pc);
  struct vma v;
  if (!guest_range_ok(pc, 4) || !vma_lookup_copy(pc, &v))
    cpu_raise(cpu, SIGSEGV, SEGV_MAPERR, pc);
  if (!(v.prot & PROT_EXEC)) cpu_raise(cpu, SIGSEGV, SEGV_ACCERR, pc);

  u32 max = (u32)((page_down(pc) + GUEST_PAGE - pc) / 4);
  struct block *b = malloc(sizeof *b + (max + 1) * sizeof(struct insn));
  ASSERT(b);
  b->pc = pc;
  b->mode = mode;
  u32 n = 0;
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
    if (insn_ends_block(in)) break;
  }
  if (n == max && !insn_ends_block(&b->insns[n - 1])) {
    struct insn *end = &b->insns[n++];
    memset(end, 0, sizeof *end);
    end->op = OP_block_end;
    end->imm = pc + 4ull * max;
  }
  b->n = n;
  return b;
}

struct block *block_lookup(struct cpu *cpu) {
  u64 pc = cpu->pc;
  u32 mode = block_mode(cpu);
  if (UNLIKELY(t_generation != g_generation)) {
    t_generation = g_generation;
    block_reclaim(cpu);
  }
  struct block **slot = &cpu->jcache[jcache_index(pc)];
  struct block *b = *slot;
  if (LIKELY(b && b->pc == pc && b->mode == mode)) return b;

  if (!g_code_pages) code_pages_init();
  pthread_mutex_lock(&g_cache_lock);
  u32 h = hash_pc(pc);
  for (b = g_hash[h]; b; b = b->hash_next)
    if (b->pc == pc && b->mode == mode) break;
  pthread_mutex_unlock(&g_cache_lock);
  if (!b) {
    b = decode_block(cpu, pc, mode);
    pthread_mutex_lock(&g_cache_lock);
    mark_code_page(pc);
    b->hash_next = g_hash[h];
    g_hash[h] = b;
    pthread_mutex_unlock(&g_cache_lock);
  }
  *slot = b;
  return b;
}
