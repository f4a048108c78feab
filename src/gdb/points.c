/* Breakpoints and watchpoints set by gdb.

   Breakpoints (Z0 and Z1 alike) never touch guest memory: while a debugger
   is attached the block builder asks points_breakpoint_at() about every
   instruction it decodes, and decodes a breakpoint address as BRK, which
   raises SIGTRAP there with the guest's registers exact. So a change only
   has to flush the block cache (done when the guest resumes).

   Watchpoints use the host MMU, as the guest's own protections do: the
   pages under a write watchpoint lose PROT_WRITE, those under a read or
   access watchpoint become PROT_NONE. The access then faults like any
   guest fault, and the exception path (gdb/stop.c) checks whether it hit a
   watched range. It reports the stop before the access happens, as arm64
   hardware watchpoints do; gdb knows that (aarch64 watchpoints are
   "non-steppable": it removes them, single-steps and inserts them again).
   An access to a watched page outside every watched range is stepped over
   with the page unprotected. */
#include "gdb/points.h"

#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <string.h>
#include <sys/mman.h>

#include "cpu/block.h"
#include "mem/fault.h"
#include "mem/guest.h"
#include "mem/vma.h"

#define MAX_POINTS 64

struct point {
  enum point_kind kind;
  gaddr addr;
  u64 len;
  bool used;
};

static struct point g_points[MAX_POINTS];
static bool g_changed; /* breakpoints changed since the last flush */
static pthread_mutex_t g_points_lock = PTHREAD_MUTEX_INITIALIZER;

static bool is_watch(enum point_kind k) { return k >= POINT_WRITE_WATCH; }

/* What the host protection of the page at addr is without watchpoints:
   mem/mmap.c maps guest code readable, never executable. */
static int guest_host_prot(gaddr addr) {
  struct vma v;
  if (!vma_lookup_copy(addr, &v)) return PROT_NONE;
  int p = v.prot & (PROT_READ | PROT_WRITE);
  if (v.prot & PROT_EXEC) p |= PROT_READ;
  return p;
}

/* The host protection the page at addr needs with the current watchpoints. */
static int watched_prot(gaddr page) {
  int p = guest_host_prot(page);
  for (int i = 0; i < MAX_POINTS; i++) {
    struct point *w = &g_points[i];
    if (!w->used || !is_watch(w->kind)) continue;
    if (page_down(w->addr) > page || page_down(w->addr + w->len - 1) < page) continue;
    p &= w->kind == POINT_WRITE_WATCH ? ~PROT_WRITE : PROT_NONE;
  }
  return p;
}

static void reprotect_range(gaddr addr, u64 len) {
  for (gaddr p = page_down(addr); p <= page_down(addr + len - 1); p += GUEST_PAGE)
    mprotect(g2h(p), GUEST_PAGE, watched_prot(p));
}

/* A watched range must lie in mapped data pages: a watchpoint on code
   would stop the block builder itself from reading it. */
static bool watchable(gaddr addr, u64 len) {
  if (!len || len > 4096 || !guest_range_ok(addr, len)) return false;
  for (gaddr p = page_down(addr); p <= page_down(addr + len - 1); p += GUEST_PAGE) {
    struct vma v;
    if (!vma_lookup_copy(p, &v) || (v.prot & PROT_EXEC)) return false;
  }
  return true;
}

/* Z packets. Returns 0, or -errno (E packets); -ENOSYS means unsupported. */
int points_insert(enum point_kind kind, gaddr addr, u64 len) {
  if (kind > POINT_ACCESS_WATCH) return -ENOSYS;
  if (is_watch(kind) && !watchable(addr, len)) return -EINVAL;
  pthread_mutex_lock(&g_points_lock);
  int free_slot = -1;
  for (int i = 0; i < MAX_POINTS && free_slot < 0; i++)
    if (!g_points[i].used) free_slot = i;
  if (free_slot >= 0) {
    g_points[free_slot] = (struct point){kind, addr, len, true};
    if (is_watch(kind)) reprotect_range(addr, len);
    else g_changed = true;
  }
  pthread_mutex_unlock(&g_points_lock);
  return free_slot < 0 ? -ENOSPC : 0;
}

int points_remove(enum point_kind kind, gaddr addr, u64 len) {
  if (kind > POINT_ACCESS_WATCH) return -ENOSYS;
  pthread_mutex_lock(&g_points_lock);
  int found = -1;
  for (int i = 0; i < MAX_POINTS && found < 0; i++) {
    struct point *p = &g_points[i];
    if (p->used && p->kind == kind && p->addr == addr && (!is_watch(kind) || p->len == len))
      found = i;
  }
  if (found >= 0) {
    g_points[found].used = false;
    if (is_watch(kind)) reprotect_range(addr, len);
    else g_changed = true;
  }
  pthread_mutex_unlock(&g_points_lock);
  return found < 0 ? -ENOENT : 0;
}

void points_forget_after_fork(void) {
  pthread_mutex_init(&g_points_lock, NULL);
  points_remove_all();
}

void points_remove_all(void) {
  for (int i = 0; i < MAX_POINTS; i++) {
    struct point *p = &g_points[i];
    if (p->used) points_remove(p->kind, p->addr, p->len);
  }
}

static bool break_at(u64 pc, bool hw_only) {
  for (int i = 0; i < MAX_POINTS; i++) {
    const struct point *p = &g_points[i];
    if (p->used && p->addr == pc && (p->kind == POINT_HW_BREAK || (!hw_only && p->kind == POINT_SW_BREAK)))
      return true;
  }
  return false;
}

/* Asked by the block builder for each instruction it decodes. */
bool points_breakpoint_at(u64 pc) { return break_at(pc, false); }
bool points_hw_breakpoint_at(u64 pc) { return break_at(pc, true); }

/* True once after the breakpoints changed: the block cache must go. */
bool points_changed(void) {
  bool c = g_changed;
  g_changed = false;
  return c;
}

/* A guest access at addr faulted. *watched_page: the page is protected by a
   watchpoint (so the fault is ours). Returns true if the access hits a
   watched range of a kind that applies; *hit is the address gdb is told.
   The access size is unknown here, so an access is taken to cover the 8
   bytes from addr (the widest general-register access). */
bool points_watch_hit(gaddr addr, bool write, bool *watched_page, gaddr *hit,
                      enum point_kind *kind) {
  *watched_page = false;
  pthread_mutex_lock(&g_points_lock);
  bool found = false;
  for (int i = 0; i < MAX_POINTS && !found; i++) {
    const struct point *w = &g_points[i];
    if (!w->used || !is_watch(w->kind)) continue;
    if (page_down(addr) < page_down(w->addr) || page_down(addr) > page_down(w->addr + w->len - 1))
      continue;
    *watched_page = true;
    bool applies = w->kind == POINT_ACCESS_WATCH || (w->kind == POINT_WRITE_WATCH) == write;
    if (applies && addr < w->addr + w->len && addr + 8 > w->addr) {
      found = true;
      *hit = addr > w->addr ? addr : w->addr;
      *kind = w->kind;
    }
  }
  pthread_mutex_unlock(&g_points_lock);
  return found;
}

/* Stepping over an access to a watched page: the guest's own protection. */
void points_unprotect_page(gaddr addr) {
  mprotect(g2h(page_down(addr)), GUEST_PAGE, guest_host_prot(addr));
}

void points_protect_all(void) {
  pthread_mutex_lock(&g_points_lock);
  for (int i = 0; i < MAX_POINTS; i++)
    if (g_points[i].used && is_watch(g_points[i].kind))
      reprotect_range(g_points[i].addr, g_points[i].len);
  pthread_mutex_unlock(&g_points_lock);
}

/* One page's worth of a debugger access. A page the guest can reach but
   the host refuses (code is read-only, a watched page) is opened for the
   copy and closed again, as ptrace's access to a stopped tracee ignores
   protections. */
static int copy_page(void *buf, gaddr a, size_t n, bool to_guest) {
  int r = to_guest ? copy_to_guest(a, buf, n) : copy_from_guest(buf, a, n);
  if (r == 0 || !guest_range_ok(a, n) || guest_host_prot(a) == PROT_NONE) return r;
  if (mprotect(g2h(page_down(a)), GUEST_PAGE, PROT_READ | PROT_WRITE)) return r;
  r = to_guest ? copy_to_guest(a, buf, n) : copy_from_guest(buf, a, n);
  pthread_mutex_lock(&g_points_lock);
  mprotect(g2h(page_down(a)), GUEST_PAGE, watched_prot(page_down(a)));
  pthread_mutex_unlock(&g_points_lock);
  return r;
}

/* m, M and X: copies n bytes between gdb and guest memory, never faulting.
   Returns how many bytes were copied before the first inaccessible page. */
int points_debugger_copy(void *buf, gaddr a, size_t n, bool to_guest) {
  size_t done = 0;
  while (done < n) {
    size_t chunk = GUEST_PAGE - ((a + done) & (GUEST_PAGE - 1));
    if (chunk > n - done) chunk = n - done;
    if (copy_page((u8 *)buf + done, a + done, chunk, to_guest)) break;
    done += chunk;
  }
  if (to_guest && done) code_invalidate(a, a + done); /* the debugger wrote code */
  return (int)done;
}
