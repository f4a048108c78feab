/* getdents64 through the sidecar layer: a sysroot directory lists guest
   names. The host has already filled the guest's buffer; only a batch
   holding a reserved name (SIDECAR_RESERVED) is rewritten: a generated
   host name becomes the guest name its index row gives, and the index,
   lock and temp files are left out. A guest name longer than its host
   name may not fit: the batch then ends before it, and the directory's
   position goes back to that entry (d_off of the one before, as
   fs/readdir.c's filldir64 leaves it), so the next call starts there. */
#include "path/sidecar.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "mem/guest.h"
#include "path/sidecar_index.h"
#include "path/sysroot.h"

struct dirent64_head {
  u64 d_ino;
  i64 d_off;
  unsigned short d_reclen;
  unsigned char d_type;
  char d_name[];
};

static bool any_reserved(const char *p, i64 n) {
  for (i64 off = 0; off < n;) {
    const struct dirent64_head *e = (const void *)(p + off);
    if (sc_is_reserved(e->d_name)) return true;
    off += e->d_reclen;
  }
  return false;
}

static bool in_sysroot(int fd) {
  char link[32], path[PATH_MAX];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, path, sizeof path - 1);
  if (n <= 0) return false;
  path[n] = 0;
  return sysroot_contains(path);
}

/* Rebuilds in into out (count bytes). Returns the length, or -EINVAL
   when not even the first entry fits. */
static i64 rebuild(int fd, const char *in, i64 n, char *out, u32 count) {
  i64 olen = 0, last_off = -1;
  for (i64 off = 0; off < n;) {
    const struct dirent64_head *e = (const void *)(in + off);
    off += e->d_reclen;
    char guest[NAME_MAX + 1];
    const char *name = e->d_name;
    if (sc_is_reserved(name)) {
      if (!sc_cache_guest_of(fd, name, guest)) {
        last_off = e->d_off;
        continue;
      }
      name = guest;
    }
    size_t len = strlen(name);
    size_t reclen = (offsetof(struct dirent64_head, d_name) + len + 1 + 7) & ~(size_t)7;
    if ((u64)olen + reclen > count) {
      if (olen == 0) return -EINVAL;
      lseek(fd, last_off, SEEK_SET);
      break;
    }
    struct dirent64_head *o = (void *)(out + olen);
    memset(o, 0, reclen);
    o->d_ino = e->d_ino;
    o->d_off = e->d_off;
    o->d_reclen = (unsigned short)reclen;
    o->d_type = e->d_type;
    memcpy(o->d_name, name, len);
    olen += (i64)reclen;
    last_off = e->d_off;
  }
  return olen;
}

static i64 fix_batch(int fd, gaddr buf, u32 count, i64 n) {
  char *in = malloc((size_t)n), *out = NULL;
  i64 ret = n;
  if (!in) return -ENOMEM;
  if (copy_from_guest(in, buf, (size_t)n)) {
    ret = -EFAULT;
  } else if (any_reserved(in, n) && in_sysroot(fd) && (out = malloc(count))) {
    ret = rebuild(fd, in, n, out, count);
    if (ret > 0 && copy_to_guest(buf, out, (size_t)ret)) ret = -EFAULT;
  }
  free(in);
  free(out);
  return ret;
}

/* A batch of nothing but hidden names must not read as the end: the next
   batch is read instead. */
i64 sidecar_getdents64(int fd, gaddr buf, u32 count, i64 n) {
  if (n <= 0 || !sidecar_on()) return n;
  for (;;) {
    i64 ret = fix_batch(fd, buf, count, n);
    if (ret != 0) return ret;
    n = syscall(SYS_getdents64, fd, g2h(buf), count);
    if (n <= 0) return n < 0 ? -errno : 0;
  }
}
