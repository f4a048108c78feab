/* The sysroot: the directory holding the guest's own file tree (a Debian
   arm64 root, say), chosen once at start-up.

   It is opened O_PATH once and the descriptor kept at ELFRUN_FD_BASE or
   above, where the guest cannot see or close it. Every look inside it is
   an openat2(RESOLVE_IN_ROOT) relative to that descriptor: the kernel then
   treats it as "/" for the walk, so `..` stops there and an absolute
   symlink inside it starts again from it, without races (openat2(2)).
   Every descriptor elfrun keeps from such a probe is moved above
   ELFRUN_FD_BASE at once, so that the guest's own next open() still gets
   the lowest free number, as on Linux.

   The other direction, host path to guest path, is a prefix test against
   the sysroot's canonical path: getcwd and readlink of /proc/self/...
   report physical paths, which are canonical too. */
#include "path/sysroot.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "base/config.h"
#include "base/log.h"
#include "path/dircache.h"

/* openat2 answers EAGAIN when a rename raced with a `..` step; it is
   worth asking again a few times. */
#define PROBE_RETRIES 8

static struct {
  int fd;         /* O_PATH descriptor of the sysroot, or -1 */
  char *host;     /* its canonical host path, or NULL */
  size_t len;     /* strlen(host) */
} g_sysroot = {-1, NULL, 0};

static int move_high(int fd) {
  int high = fcntl(fd, F_DUPFD_CLOEXEC, ELFRUN_FD_BASE);
  if (high < 0) return fd; /* no number free up there: keep the low one */
  close(fd);
  return high;
}

static long openat2_in_root(int root, const char *path, int flags) {
  struct open_how how = {
      .flags = (u64)(O_PATH | O_CLOEXEC | flags),
      .resolve = RESOLVE_IN_ROOT,
  };
  return syscall(SYS_openat2, root, path, &how, sizeof how);
}

int sysroot_probe(const char *guest_path, size_t len, int extra_flags) {
  char path[PATH_MAX];
  if (len >= sizeof path) return -ENAMETOOLONG;
  memcpy(path, guest_path, len);
  path[len] = 0;
  long fd = -1;
  for (int i = 0; i < PROBE_RETRIES; i++) {
    fd = openat2_in_root(g_sysroot.fd, path, extra_flags);
    if (fd >= 0 || errno != EAGAIN) break;
  }
  if (fd < 0) return -errno;
  return move_high((int)fd);
}

/* Opens dir as the sysroot. "/" is the host's own root: no sysroot. */
static int sysroot_open(const char *dir) {
  char *real = realpath(dir, NULL);
  if (!real) return -errno;
  if (!strcmp(real, "/")) {
    free(real);
    return 0;
  }
  int fd = open(real, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    int err = -errno;
    free(real);
    return err;
  }
  /* openat2 came with Linux 5.6: without it there is no safe resolver. */
  long probe = openat2_in_root(fd, ".", 0);
  if (probe < 0) {
    int err = -errno;
    close(fd);
    free(real);
    return err;
  }
  close((int)probe);
  g_sysroot.fd = move_high(fd);
  g_sysroot.host = real;
  g_sysroot.len = strlen(real);
  return 0;
}

/* The first source that is set decides, even when empty: an empty
   ELFRUN_SYSROOT turns off a QEMU_LD_PREFIX meant for qemu alone. */
bool path_init(const char *option) {
  const char *dir = option, *from = "--sysroot";
  if (!dir && (dir = getenv("ELFRUN_SYSROOT"))) from = "ELFRUN_SYSROOT";
  if (!dir && (dir = getenv("QEMU_LD_PREFIX"))) from = "QEMU_LD_PREFIX";
  if (!dir || !*dir) return true;
  int err = sysroot_open(dir);
  if (err == -ENOSYS) {
    log_msg("sysroot %s (%s): needs openat2, Linux 5.6 or later", dir, from);
    return false;
  }
  if (err) {
    log_msg("sysroot %s (%s): %s", dir, from, strerror(-err));
    return false;
  }
  if (sysroot_active()) dircache_init();
  return true;
}

const char *path_sysroot(void) { return g_sysroot.host; }

bool sysroot_active(void) { return g_sysroot.fd >= 0; }

int sysroot_fd(void) { return g_sysroot.fd; }

bool sysroot_contains(const char *host_path) {
  if (!g_sysroot.host || strncmp(host_path, g_sysroot.host, g_sysroot.len)) return false;
  char next = host_path[g_sysroot.len];
  return next == 0 || next == '/';
}

const char *path_guest_view(const char *host_path) {
  if (!sysroot_contains(host_path)) return host_path;
  const char *rest = host_path + g_sysroot.len;
  return *rest ? rest : "/";
}

char *path_host_to_guest(const char *host_path) {
  return strdup(path_guest_view(host_path));
}
