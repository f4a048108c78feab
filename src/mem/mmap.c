/* Guest mmap, munmap, mprotect, mremap, madvise and brk.

   elfrun chooses every address itself (honouring a free hint, otherwise
   searching top-down below g_mmap_top) and maps with MAP_FIXED inside the
   reserved window. Unmapping puts PROT_NONE reservation back and never hands
   the range to the host, or a host allocation could land in the hole. */
#include "mem/mmap.h"

#include <errno.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "cpu/block.h"
#include "mem/code_guard.h"
#include "mem/guest.h"
#include "mem/vma.h"

#define A64_PROT_BTI 0x10
#define A64_PROT_MTE 0x20
#define KNOWN_PROT (PROT_READ | PROT_WRITE | PROT_EXEC | A64_PROT_BTI | A64_PROT_MTE)
#define MAP_TYPE_MASK 0x0f

gaddr g_mmap_top = GUEST_END;
static pthread_mutex_t g_map_lock = PTHREAD_MUTEX_INITIALIZER;
static gaddr g_brk_start, g_brk_cur;

/* Guest code pages are only read by the decoder, never executed by the host. */
int host_prot_of(int prot) {
  int p = prot & (PROT_READ | PROT_WRITE);
  if (prot & PROT_EXEC) p |= PROT_READ;
  return p;
}

static void reserve_again(gaddr start, u64 len) {
  mmap(g2h(start), len, PROT_NONE,
       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
}

static void record(gaddr start, u64 len, int prot, int flags, int fd, u64 off) {
  struct vma v = {.start = start, .end = start + len, .prot = prot & 7,
                  .offset = off};
  if (flags & MAP_SHARED) v.flags |= VMA_SHARED;
  struct stat st;
  if ((flags & MAP_ANONYMOUS) || fd < 0 || fstat(fd, &st) != 0) {
    v.flags |= VMA_ANON;
  } else {
    v.dev = st.st_dev;
    v.ino = st.st_ino;
  }
  vma_insert(&v);
}

static gaddr place(gaddr hint, u64 len) {
  if (hint && page_down(hint) == hint && guest_range_ok(hint, len) &&
      !vma_overlaps(hint, hint + len))
    return hint;
  return vma_find_free(len, g_mmap_top);
}

i64 guest_mmap(gaddr addr, u64 len, int prot, int flags, int fd, u64 off) {
  int type = flags & MAP_TYPE_MASK;
  if (len == 0 || (off & (GUEST_PAGE - 1)) || (prot & ~KNOWN_PROT)) return -EINVAL;
  if (type != MAP_SHARED && type != MAP_PRIVATE && type != MAP_SHARED_VALIDATE)
    return -EINVAL;
  len = page_up(len);
  if (len == 0) return -ENOMEM;
  bool fixed = flags & (MAP_FIXED | MAP_FIXED_NOREPLACE);
  if (fixed && (page_down(addr) != addr)) return -EINVAL;
  if (fixed && !guest_range_ok(addr, len)) return -ENOMEM;

  pthread_mutex_lock(&g_map_lock);
  i64 ret;
  if ((flags & MAP_FIXED_NOREPLACE) && !(flags & MAP_FIXED) &&
      vma_overlaps(addr, addr + len)) {
    ret = -EEXIST;
    goto out;
  }
  gaddr at = fixed ? addr : place(addr, len);
  if (!at) {
    ret = -ENOMEM;
    goto out;
  }
  code_guard_release(at, at + len);
  int hflags = (flags & ~(MAP_FIXED_NOREPLACE | MAP_32BIT | MAP_GROWSDOWN)) | MAP_FIXED;
  void *p = mmap(g2h(at), len, host_prot_of(prot), hflags, fd, off);
  if (p == MAP_FAILED) {
    ret = -errno;
    goto out;
  }
  code_invalidate(at, at + len);
  record(at, len, prot, flags, fd, off);
  ret = (i64)at;
out:
  pthread_mutex_unlock(&g_map_lock);
  return ret;
}

i64 guest_munmap(gaddr addr, u64 len) {
  if (page_down(addr) != addr || len == 0) return -EINVAL;
  len = page_up(len);
  if (!guest_range_ok(addr, len)) return -EINVAL;
  pthread_mutex_lock(&g_map_lock);
  code_guard_release(addr, addr + len);
  reserve_again(addr, len);
  vma_remove(addr, addr + len);
  code_invalidate(addr, addr + len);
  pthread_mutex_unlock(&g_map_lock);
  return 0;
}

i64 guest_mprotect(gaddr addr, u64 len, int prot) {
  if (page_down(addr) != addr || (prot & ~(KNOWN_PROT | PROT_GROWSDOWN | PROT_GROWSUP)))
    return -EINVAL;
  len = page_up(len);
  if (len == 0) return 0;
  if (!guest_range_ok(addr, len)) return -ENOMEM;
  pthread_mutex_lock(&g_map_lock);
  i64 ret = 0;
  if (!vma_covers(addr, addr + len)) {
    ret = -ENOMEM;
    goto out;
  }
  code_guard_release(addr, addr + len);
  if (mprotect(g2h(addr), len, host_prot_of(prot)) != 0) {
    ret = -errno;
  } else {
    vma_protect(addr, addr + len, prot & 7);
    code_invalidate(addr, addr + len);
  }
out:
  pthread_mutex_unlock(&g_map_lock);
  return ret;
}

static i64 mremap_locked(gaddr old, u64 old_len, u64 new_len, int flags, gaddr new_addr) {
  struct vma v;
  if (!vma_lookup_copy(old, &v) || old + (old_len ? old_len : 1) > v.end)
    return -EFAULT;
  code_guard_release(old, old + old_len); /* the pages move with their host protection */
  if (!(flags & MREMAP_FIXED) && new_len <= old_len) { /* shrink in place */
    if (new_len < old_len) {
      reserve_again(old + new_len, old_len - new_len);
      vma_remove(old + new_len, old + old_len);
      code_invalidate(old + new_len, old + old_len);
    }
    return (i64)old;
  }
  if (!(flags & MREMAP_FIXED) && !vma_overlaps(old + old_len, old + new_len) &&
      guest_range_ok(old, new_len)) {
    void *p = mremap(g2h(old), old_len, new_len, 0);
    if (p != MAP_FAILED) {
      v.start = old;
      v.end = old + new_len;
      vma_insert(&v);
      return (i64)old;
    }
  }
  if (!(flags & (MREMAP_MAYMOVE | MREMAP_FIXED))) return -ENOMEM;
  gaddr to = new_addr;
  if (flags & MREMAP_FIXED) {
    if (page_down(to) != to || !guest_range_ok(to, new_len)) return -EINVAL;
  } else if (!(to = vma_find_free(new_len, g_mmap_top))) {
    return -ENOMEM;
  }
  int hflags = MREMAP_MAYMOVE | MREMAP_FIXED | (flags & MREMAP_DONTUNMAP);
  void *p = mremap(g2h(old), old_len, new_len, hflags, g2h(to));
  if (p == MAP_FAILED) return -errno;
  if (!(flags & MREMAP_DONTUNMAP)) {
    reserve_again(old, old_len);
    vma_remove(old, old + old_len);
  }
  code_invalidate(old, old + old_len);
  code_invalidate(to, to + new_len);
  v.start = to;
  v.end = to + new_len;
  vma_insert(&v);
  return (i64)to;
}

i64 guest_mremap(gaddr old, u64 old_len, u64 new_len, int flags, gaddr new_addr) {
  if (page_down(old) != old || new_len == 0 ||
      (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP)))
    return -EINVAL;
  if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE)) return -EINVAL;
  old_len = page_up(old_len);
  new_len = page_up(new_len);
  if (!guest_range_ok(old, old_len ? old_len : 1)) return -EFAULT;
  pthread_mutex_lock(&g_map_lock);
  i64 ret = mremap_locked(old, old_len, new_len, flags, new_addr);
  pthread_mutex_unlock(&g_map_lock);
  return ret;
}

i64 guest_madvise(gaddr addr, u64 len, int advice) {
  if (page_down(addr) != addr) return -EINVAL;
  len = page_up(len);
  if (!guest_range_ok(addr, len ? len : 1)) return -ENOMEM;
  if (len == 0) return 0;
  if (advice == MADV_DONTNEED || advice == MADV_FREE || advice == MADV_REMOVE)
    code_invalidate(addr, addr + len);
  /* Advice on ranges outside any mapping is ENOMEM on Linux. */
  if (!vma_covers(addr, addr + len)) return -ENOMEM;
  return madvise(g2h(addr), len, advice) ? -errno : 0;
}

void brk_init(gaddr start) { g_brk_start = g_brk_cur = page_up(start); }

gaddr guest_brk(gaddr want) {
  pthread_mutex_lock(&g_map_lock);
  gaddr old_top = page_up(g_brk_cur), new_top = page_up(want);
  if (want < g_brk_start || !guest_range_ok(g_brk_start, want - g_brk_start)) goto out;
  if (new_top > old_top) {
    if (vma_overlaps(old_top, new_top)) goto out;
    void *p = mmap(g2h(old_top), new_top - old_top, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (p == MAP_FAILED) goto out;
    struct vma v = {.start = g_brk_start, .end = new_top,
                    .prot = PROT_READ | PROT_WRITE, .flags = VMA_ANON | VMA_HEAP};
    vma_insert(&v);
  } else if (new_top < old_top) {
    reserve_again(new_top, old_top - new_top);
    vma_remove(new_top, old_top);
  }
  g_brk_cur = want;
out:
  pthread_mutex_unlock(&g_map_lock);
  return g_brk_cur;
}
