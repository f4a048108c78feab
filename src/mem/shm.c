/* SysV shared memory inside the guest window.

   The host kernel would place a segment wherever it likes, usually above
   the window. So elfrun first takes the range the way guest_mmap takes any
   range (a free hint, else top-down; MAP_FIXED_NOREPLACE or, with
   SHM_REMAP, MAP_FIXED for a given address), which leaves a PROT_NONE
   mapping there under the map lock, then attaches the segment over exactly
   that range with SHM_REMAP. Detaching is guest_munmap: the reservation goes
   back, the host's attach count drops (replacing a shm mapping closes it,
   as munmap does) and decoded code in the range is invalidated.

   An attachment is recognised later by its record: shared, file-backed,
   named "/SYSV<key> (deleted)" as /proc/self/maps shows it on Linux, with
   the segment id as its inode, as the kernel's shm files have. */
#include "mem/shm.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "linux/abi.h"
#include "mem/guest.h"
#include "mem/mmap.h"
#include "mem/vma.h"

/* The device of the kernel's internal shm mount as /proc/self/maps shows
   it (00:01 on every boot: the first anonymous device). */
#define SHM_DEV 1
#define SHM_NAME_PREFIX "/SYSV"
/* Pieces one shmdt() may remove: a segment split by mprotect or partial
   munmap into more than this is detached in several calls. */
#define SHMDT_MAX_PIECES 64

static bool is_shm_vma(const struct vma *v) {
  return (v->flags & VMA_SHARED) && !(v->flags & VMA_ANON) && v->dev == SHM_DEV &&
         v->name && strncmp(v->name, SHM_NAME_PREFIX, strlen(SHM_NAME_PREFIX)) == 0;
}

/* The segment's size rounded to pages, or -errno. */
static i64 segment_len(int shmid, struct shmid_ds *ds) {
  if (syscall(SYS_shmctl, shmid, IPC_STAT, ds) != 0) return -errno;
  return (i64)page_up(ds->shm_segsz);
}

/* do_shmat()'s checks of the address, before the segment is looked up:
   the address to use (0: elfrun chooses), or -EINVAL. */
static i64 shmat_addr(gaddr addr, int shmflg) {
  if (!addr) return (shmflg & SHM_REMAP) ? -EINVAL : 0;
  if (addr & (A64_SHMLBA - 1)) {
    if (!(shmflg & SHM_RND)) return -EINVAL;
    addr &= ~(gaddr)(A64_SHMLBA - 1);
    if (!addr) return -EINVAL;
  }
  return (i64)addr;
}

/* Takes len bytes for the segment: an address, or -errno. */
static i64 shmat_reserve(gaddr addr, u64 len, int shmflg) {
  int flags = MAP_PRIVATE | MAP_ANONYMOUS;
  if (addr) flags |= (shmflg & SHM_REMAP) ? MAP_FIXED : MAP_FIXED_NOREPLACE;
  if (addr && !guest_range_ok(addr, len)) return -EINVAL;
  i64 at = guest_mmap(addr, len, PROT_NONE, flags, -1, 0);
  /* An address that overlaps a mapping without SHM_REMAP is EINVAL. */
  return at == -EEXIST ? -EINVAL : at;
}

static void shmat_record(gaddr at, u64 len, int prot, int shmid, i32 key) {
  char name[32];
  snprintf(name, sizeof name, SHM_NAME_PREFIX "%08x (deleted)", (unsigned)key);
  struct vma v = {.start = at, .end = at + len, .prot = prot, .flags = VMA_SHARED,
                  .dev = SHM_DEV, .ino = (u64)shmid, .name = name};
  vma_insert(&v);
}

i64 guest_shmat(int shmid, gaddr addr, int shmflg) {
  if (shmid < 0) return -EINVAL;
  i64 want = shmat_addr(addr, shmflg);
  if (want < 0) return want;
  /* Also the kernel's first look at the segment: EINVAL, EIDRM, EACCES. */
  struct shmid_ds ds;
  i64 len = segment_len(shmid, &ds);
  if (len <= 0) return len ? len : -EINVAL;
  i64 at = shmat_reserve((gaddr)want, (u64)len, shmflg);
  if (at < 0) return at;
  /* SHM_EXEC goes to the host for its permission check only: guest code
     is decoded by elfrun, never executed from the host mapping. */
  int hflags = (shmflg & (SHM_RDONLY | SHM_EXEC)) | SHM_REMAP;
  if (shmat(shmid, g2h((gaddr)at), hflags) == (void *)-1) {
    int err = errno;
    guest_munmap((gaddr)at, (u64)len);
    return -err;
  }
  int prot = (shmflg & SHM_RDONLY) ? PROT_READ : PROT_READ | PROT_WRITE;
  if (shmflg & SHM_EXEC) {
    mprotect(g2h((gaddr)at), (u64)len, prot);
    prot |= PROT_EXEC;
  }
  shmat_record((gaddr)at, (u64)len, prot, shmid, ds.shm_perm.__key);
  return at;
}

/* ksys_shmdt(): the first shm mapping at or after addr that maps its
   segment from addr (start - addr == its file offset) names the segment;
   then every mapping of that segment laid out from addr within its size is
   removed. */
struct shmdt_scan {
  gaddr addr;
  bool have_first;
  u64 ino;
  gaddr limit;     /* addr + the segment's size, once known */
  gaddr piece[SHMDT_MAX_PIECES][2];
  int npieces;
};

static bool maps_from(const struct vma *v, gaddr addr) {
  return is_shm_vma(v) && v->start >= addr && v->start - addr == v->offset;
}

static bool find_first(const struct vma *v, void *arg) {
  struct shmdt_scan *s = arg;
  if (v->end <= s->addr || !maps_from(v, s->addr)) return true;
  s->have_first = true;
  s->ino = v->ino;
  s->limit = v->end;
  return false;
}

static bool collect_pieces(const struct vma *v, void *arg) {
  struct shmdt_scan *s = arg;
  if (v->end <= s->addr) return true;
  if (v->end > s->limit || s->npieces == SHMDT_MAX_PIECES) return false;
  if (maps_from(v, s->addr) && v->ino == s->ino) {
    s->piece[s->npieces][0] = v->start;
    s->piece[s->npieces][1] = v->end;
    s->npieces++;
  }
  return true;
}

i64 guest_shmdt(gaddr addr) {
  if (page_down(addr) != addr) return -EINVAL;
  struct shmdt_scan s = {.addr = addr};
  vma_for_each(find_first, &s);
  if (!s.have_first) return -EINVAL;
  struct shmid_ds ds;
  i64 len = segment_len((int)s.ino, &ds);
  if (len > 0 && (u64)len > s.limit - addr) s.limit = addr + (u64)len;
  vma_for_each(collect_pieces, &s);
  for (int i = 0; i < s.npieces; i++)
    guest_munmap(s.piece[i][0], s.piece[i][1] - s.piece[i][0]);
  return 0;
}
