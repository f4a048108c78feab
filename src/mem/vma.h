#ifndef ELFRUN_MEM_VMA_H_
#define ELFRUN_MEM_VMA_H_

#include "base/types.h"

/* elfrun's record of the guest's mappings: what the guest mapped where, with
   which protections. The host only sees one big reservation with pieces
   mapped into it, so placement, /proc/self/maps and exec permission all come
   from here. */

enum {
  VMA_SHARED = 1 << 0,  /* MAP_SHARED */
  VMA_ANON = 1 << 1,    /* not file-backed */
  VMA_STACK = 1 << 2,   /* the main thread's stack */
  VMA_HEAP = 1 << 3,    /* the brk area */
  VMA_RESERVED = 1 << 4,/* not guest memory (a hole the host owns) */
  VMA_VDSO = 1 << 5,    /* the vDSO image */
};

struct vma {
  gaddr start, end;     /* [start, end), page-aligned */
  int prot;             /* guest PROT_* bits */
  int flags;            /* VMA_* */
  u64 offset;           /* file offset of start */
  u64 dev, ino;         /* backing file identity, 0 if anonymous */
  char *name;           /* path shown in /proc/self/maps, or NULL */
};

void vma_init(void);
/* Records a mapping, replacing whatever overlapped [start, end). */
void vma_insert(const struct vma *v);
/* Forgets [start, end), splitting mappings at the edges. */
void vma_remove(gaddr start, gaddr end);
/* Sets the protection of every mapped page in [start, end). */
void vma_protect(gaddr start, gaddr end, int prot);
/* Copies the mapping containing a into *out (if non-NULL); false if none. */
bool vma_lookup_copy(gaddr a, struct vma *out);
static inline bool vma_lookup(gaddr a) { return vma_lookup_copy(a, NULL); }
/* True if any page of [start, end) is mapped. */
bool vma_overlaps(gaddr start, gaddr end);
/* True if every page of [start, end) is mapped. */
bool vma_covers(gaddr start, gaddr end);
/* Finds a free range of len bytes below limit, searching top-down.
   Returns 0 if there is none. */
gaddr vma_find_free(u64 len, gaddr limit);
/* Calls fn for each mapping in address order while it returns true. */
void vma_for_each(bool (*fn)(const struct vma *v, void *arg), void *arg);

#endif
