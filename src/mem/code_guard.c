/* Guarding writable pages that hold decoded code.

   arm64 asks a program that writes instructions to clean the data cache
   and invalidate the instruction cache (IC IVAU) before it runs them, and
   elfrun drops its decoded blocks and translations on IC IVAU. A program
   that skips it works on some hardware by luck; qemu-aarch64 catches the
   store instead, and so does elfrun: a writable page is made read-only on
   the host when a block is decoded from it, and the first guest store
   there faults. The fault handler gives the page its write permission
   back, invalidates the code (which also empties the cpu's jump cache at
   the next block boundary), and the store is retried. Ordinary text is
   not writable and never guarded, so this costs nothing for most programs.

   The host kernel does not fault when it writes guest memory: it fails
   with EFAULT. So a buffer handed to a system call is released first
   (code_guard_before_host_write), as is a range whose mapping changes. A
   page that keeps faulting (code and hot data sharing it) is given up
   after kMaxFaults and left to IC IVAU. */
#include "mem/code_guard.h"

#include <pthread.h>
#include <sys/mman.h>

#include "base/log.h"
#include "cpu/block.h"
#include "cpu/cpu.h"
#include "mem/fault.h"
#include "mem/guest.h"
#include "mem/mmap.h"
#include "mem/vma.h"

#define PAGE_SHIFT 12
#define NUM_PAGES (GUEST_END >> PAGE_SHIFT)

enum { kMaxFaults = 8 };

u64 g_code_guarded;

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static u64 *g_guarded;   /* bitmap, one bit per guest page */
static u64 *g_given_up;  /* bitmap: pages never guarded again */
static bool g_ever;      /* some page was guarded once */

/* Recent faults per page, in a small table where pages may evict each
   other: enough to notice a page that faults over and over. */
static struct {
  u64 page;
  u32 faults;
} g_faults[64];

static u64 *bitmap(void) {
  u64 *m = mmap(NULL, NUM_PAGES / 8, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  ASSERT(m != MAP_FAILED);
  return m;
}

static void init(void) {
  g_guarded = bitmap();
  g_given_up = bitmap();
}

static bool test(const u64 *m, u64 page) { return m[page / 64] >> (page % 64) & 1; }
static void set(u64 *m, u64 page) { m[page / 64] |= 1ull << (page % 64); }
static void clear(u64 *m, u64 page) { m[page / 64] &= ~(1ull << (page % 64)); }

static void *page_addr(u64 page) { return g2h(page << PAGE_SHIFT); }

void code_guard_page(gaddr pc, int guest_prot) {
  if (!(guest_prot & PROT_WRITE)) return;
  pthread_once(&g_once, init);
  u64 page = pc >> PAGE_SHIFT;
  pthread_mutex_lock(&g_lock);
  if (!test(g_guarded, page) && !test(g_given_up, page)) {
    /* The bit first: a store racing with the mprotect finds it. */
    set(g_guarded, page);
    __atomic_store_n(&g_ever, true, __ATOMIC_RELEASE);
    __atomic_add_fetch(&g_code_guarded, 1, __ATOMIC_RELEASE);
    mprotect(page_addr(page), GUEST_PAGE, host_prot_of(guest_prot) & ~PROT_WRITE);
  }
  pthread_mutex_unlock(&g_lock);
}

/* The page's guest protection back on the host. Caller holds g_lock. */
static void unguard_locked(u64 page) {
  clear(g_guarded, page);
  __atomic_sub_fetch(&g_code_guarded, 1, __ATOMIC_RELEASE);
  struct vma v;
  if (vma_lookup_copy(page << PAGE_SHIFT, &v))
    mprotect(page_addr(page), GUEST_PAGE, host_prot_of(v.prot));
}

static void count_fault_locked(u64 page) {
  u32 slot = (u32)(page * 0x9E3779B1u) % ARRAY_LEN(g_faults);
  if (g_faults[slot].page != page) g_faults[slot].page = page, g_faults[slot].faults = 0;
  if (++g_faults[slot].faults >= kMaxFaults) set(g_given_up, page);
}

bool code_guard_fault(gaddr a) {
  if (!__atomic_load_n(&g_ever, __ATOMIC_ACQUIRE)) return false;
  u64 page = a >> PAGE_SHIFT;
  pthread_mutex_lock(&g_lock);
  bool ours = test(g_guarded, page);
  if (ours) {
    unguard_locked(page);
    count_fault_locked(page);
  }
  pthread_mutex_unlock(&g_lock);
  if (!ours) {
    /* Another thread released the page between this store's fault and
       now (or guarded it again): retry if the guest may write there. */
    struct vma v;
    return vma_lookup_copy(a, &v) && (v.prot & PROT_WRITE);
  }
  code_invalidate(page << PAGE_SHIFT, (page + 1) << PAGE_SHIFT);
  if (t_cpu) t_cpu->attention = 1; /* leave chained translations soon */
  return true;
}

void code_guard_release(gaddr start, gaddr end) {
  if (!__atomic_load_n(&g_code_guarded, __ATOMIC_ACQUIRE) || start >= end) return;
  u64 first = start >> PAGE_SHIFT, last = (end - 1) >> PAGE_SHIFT;
  if (last >= NUM_PAGES) last = NUM_PAGES - 1;
  bool released = false;
  pthread_mutex_lock(&g_lock);
  for (u64 p = first; p <= last;) {
    if (!(g_guarded[p / 64] >> (p % 64))) { /* no guarded page left in this word */
      p = (p | 63) + 1;
      continue;
    }
    if (test(g_guarded, p)) {
      unguard_locked(p);
      released = true;
    }
    p++;
  }
  pthread_mutex_unlock(&g_lock);
  if (released) code_invalidate(first << PAGE_SHIFT, (last + 1) << PAGE_SHIFT);
}

void code_guard_after_fork(void) { pthread_mutex_init(&g_lock, NULL); }
