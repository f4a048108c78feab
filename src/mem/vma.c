/* The guest mapping table: a sorted array of non-overlapping ranges under a
   mutex. Programs keep tens to a few thousand mappings, where a sorted array
   with binary search beats a tree on both speed and clarity. */
#include "mem/vma.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "mem/guest.h"

static pthread_mutex_t g_vma_lock = PTHREAD_MUTEX_INITIALIZER;
static struct vma *g_vmas;
static size_t g_nvmas, g_capvmas;

/* Index of the first mapping whose end is above a. */
static size_t first_ending_above(gaddr a) {
  size_t lo = 0, hi = g_nvmas;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (g_vmas[mid].end <= a) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static void insert_at(size_t i, const struct vma *v) {
  if (g_nvmas == g_capvmas) {
    g_capvmas = g_capvmas ? 2 * g_capvmas : 64;
    g_vmas = realloc(g_vmas, g_capvmas * sizeof *g_vmas);
    ASSERT(g_vmas);
  }
  if (i < g_nvmas) memmove(&g_vmas[i + 1], &g_vmas[i], (g_nvmas - i) * sizeof *g_vmas);
  g_vmas[i] = *v;
  g_nvmas++;
}

static char *dup_name(const char *name) {
  if (!name) return NULL;
  char *s = strdup(name);
  ASSERT(s);
  return s;
}

/* Splits the mapping containing a (if any) so that a is a boundary. */
static void split_at(gaddr a) {
  size_t i = first_ending_above(a);
  if (i == g_nvmas || g_vmas[i].start >= a) return;
  struct vma hi = g_vmas[i];
  hi.offset += a - hi.start;
  hi.start = a;
  hi.name = dup_name(hi.name);
  g_vmas[i].end = a;
  insert_at(i + 1, &hi);
}

static void remove_locked(gaddr start, gaddr end) {
  split_at(start);
  split_at(end);
  size_t i = first_ending_above(start), j = i;
  while (j < g_nvmas && g_vmas[j].end <= end) free(g_vmas[j++].name);
  if (j > i) memmove(&g_vmas[i], &g_vmas[j], (g_nvmas - j) * sizeof *g_vmas);
  g_nvmas -= j - i;
}

void vma_init(void) {
  gaddr starts[64], ends[64];
  size_t n = window_holes(starts, ends, 64);
  for (size_t i = 0; i < n; i++) {
    struct vma hole = {.start = starts[i], .end = ends[i], .flags = VMA_RESERVED};
    vma_insert(&hole);
  }
}

void vma_insert(const struct vma *v) {
  pthread_mutex_lock(&g_vma_lock);
  remove_locked(v->start, v->end);
  struct vma copy = *v;
  copy.name = dup_name(v->name);
  insert_at(first_ending_above(v->start), &copy);
  pthread_mutex_unlock(&g_vma_lock);
}

void vma_remove(gaddr start, gaddr end) {
  pthread_mutex_lock(&g_vma_lock);
  remove_locked(start, end);
  pthread_mutex_unlock(&g_vma_lock);
}

void vma_protect(gaddr start, gaddr end, int prot) {
  pthread_mutex_lock(&g_vma_lock);
  split_at(start);
  split_at(end);
  for (size_t i = first_ending_above(start); i < g_nvmas && g_vmas[i].start < end; i++)
    g_vmas[i].prot = prot;
  pthread_mutex_unlock(&g_vma_lock);
}

bool vma_lookup_copy(gaddr a, struct vma *out) {
  pthread_mutex_lock(&g_vma_lock);
  size_t i = first_ending_above(a);
  bool found = i < g_nvmas && g_vmas[i].start <= a &&
               !(g_vmas[i].flags & VMA_RESERVED);
  if (found && out) *out = g_vmas[i];
  pthread_mutex_unlock(&g_vma_lock);
  return found;
}

bool vma_overlaps(gaddr start, gaddr end) {
  pthread_mutex_lock(&g_vma_lock);
  size_t i = first_ending_above(start);
  bool hit = i < g_nvmas && g_vmas[i].start < end;
  pthread_mutex_unlock(&g_vma_lock);
  return hit;
}

bool vma_covers(gaddr start, gaddr end) {
  pthread_mutex_lock(&g_vma_lock);
  gaddr a = start;
  for (size_t i = first_ending_above(start); i < g_nvmas && a < end; i++) {
    if (g_vmas[i].start > a || (g_vmas[i].flags & VMA_RESERVED)) break;
    a = g_vmas[i].end;
  }
  pthread_mutex_unlock(&g_vma_lock);
  return a >= end;
}

gaddr vma_find_free(u64 len, gaddr limit) {
  if (len == 0 || limit < GUEST_BASE || len > limit - GUEST_BASE) return 0;
  pthread_mutex_lock(&g_vma_lock);
  size_t i = first_ending_above(limit);
  gaddr top = i < g_nvmas && g_vmas[i].start < limit ? g_vmas[i].start : limit;
  gaddr found = 0;
  for (;;) { /* gap between mapping i-1 (or the window's base) and top */
    gaddr lo = i > 0 ? g_vmas[i - 1].end : GUEST_BASE;
    if (top >= lo && top - lo >= len) {
      found = top - len;
      break;
    }
    if (i-- == 0) break;
    top = g_vmas[i].start;
  }
  pthread_mutex_unlock(&g_vma_lock);
  return found;
}

void vma_for_each(bool (*fn)(const struct vma *v, void *arg), void *arg) {
  pthread_mutex_lock(&g_vma_lock);
  for (size_t i = 0; i < g_nvmas; i++)
    if (!(g_vmas[i].flags & VMA_RESERVED) && !fn(&g_vmas[i], arg)) break;
  pthread_mutex_unlock(&g_vma_lock);
}
