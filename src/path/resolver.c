/* The sysroot resolver: where a guest path lives when the guest's file
   tree is the sysroot laid over the host's. docs/sysroot.md states the
   rules; each is named below where it is carried out.

   An absolute path is split into its directory and its last component (the
   leaf). The directory is opened inside the sysroot with
   openat2(RESOLVE_IN_ROOT) through the directory cache, so `..` stops at
   the sysroot and absolute symlinks on the way start again from it. The
   leaf is then asked about with one readlinkat on that directory, which
   tells at once whether it exists and whether it is a symlink. What comes
   back to the handler is that pair, (directory descriptor, leaf name),
   which every *at host call accepts, including the ones that create a name
   or act on a symlink itself. A final symlink the call would follow is
   followed here, as a guest path again, so its target gets the same rules
   (the sysroot first, then the host); the leaf a handler finally sees is
   then never a symlink the host kernel would follow in its own namespace.

   Paths the sysroot does not have go to the host as the guest wrote them,
   except the dynamic loader's (fallback.c). Kernel file systems (/proc,
   /sys, /dev) always go to the host. */
#include "path/resolver.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "path/dircache.h"
#include "path/fallback.h"
#include "path/path.h"
#include "path/sidecar.h"
#include "path/sysroot.h"

/* MAXSYMLINKS, include/linux/namei.h. */
#define MAX_SYMLINK_HOPS 40

/* An absolute path cut at its last component. */
struct split {
  size_t dir_len;   /* bytes of the directory: 1 for "/" */
  const char *leaf; /* the last component, in the path */
  size_t leaf_len;  /* its length, without a trailing slash */
  bool slash;       /* the path ends in "/": the leaf must be a directory */
};

enum leaf_kind { LEAF_ABSENT, LEAF_PRESENT, LEAF_SYMLINK };

/* Cleans an absolute path in place: "//" becomes "/", "." components go,
   trailing slashes become one. A final "." stays, as rmdir("d/.") must
   still fail with EINVAL; `..` stays, as its meaning depends on symlinks.
   Returns the new length. */
static size_t clean(char *p) {
  const char *r = p;
  size_t len = 1;
  bool slash = false;
  for (;;) {
    while (*r == '/') r++;
    if (!*r) break;
    size_t n = strcspn(r, "/");
    const char *next = r + n;
    bool last = next[strspn(next, "/")] == 0;
    slash = last && *next == '/';
    if (!(n == 1 && r[0] == '.' && !last)) {
      if (len > 1) p[len++] = '/';
      memmove(p + len, r, n);
      len += n;
    }
    r = next;
  }
  if (slash) p[len++] = '/';
  p[0] = '/';
  p[len] = 0;
  return len;
}

static void split(const char *p, size_t len, struct split *s) {
  s->slash = len > 1 && p[len - 1] == '/';
  size_t end = s->slash ? len - 1 : len;
  size_t start = end;
  while (start > 0 && p[start - 1] != '/') start--;
  s->leaf = p + start;
  s->leaf_len = end - start;
  s->dir_len = start > 1 ? start - 1 : 1;
}

static bool is_dot_or_dotdot(const struct split *s) {
  return s->leaf[0] == '.' && (s->leaf_len == 1 || (s->leaf_len == 2 && s->leaf[1] == '.'));
}

/* Whether the call follows a final symlink. Trailing slashes make the
   kernel follow one for lookups (lstat("link/")), but never for unlink,
   rmdir, rename or the calls that create a name (namei.c). */
static bool follows(unsigned how, bool slash) {
  if (how & PATH_REMOVE) return false;
  if (how & PATH_CREATE) return !(how & PATH_NOFOLLOW);
  return !(how & PATH_NOFOLLOW) || slash;
}

/* One readlinkat tells whether the leaf is there and whether it is a
   symlink (then target gets its text). */
static int classify(int dirfd, const char *leaf, size_t leaf_len, char target[PATH_MAX],
                    size_t *target_len) {
  char name[NAME_MAX + 1];
  if (leaf_len > NAME_MAX) return -ENAMETOOLONG;
  memcpy(name, leaf, leaf_len);
  name[leaf_len] = 0;
  ssize_t n = readlinkat(dirfd, name, target, PATH_MAX);
  if (n > 0 && n < PATH_MAX) {
    target[n] = 0;
    *target_len = (size_t)n;
    return LEAF_SYMLINK;
  }
  if (n >= 0) return -ENAMETOOLONG;
  if (errno == EINVAL) return LEAF_PRESENT;
  if (errno == ENOENT) return LEAF_ABSENT;
  return -errno;
}

/* With the sidecar layer on, the leaf is asked about by its host name, and
   a name the layer knows to be absent (wrong case, reserved) is not asked
   about at all (docs/sidecar.md). */
static int classify_leaf(struct host_path *hp, int dirfd, const struct split *s,
                         char target[PATH_MAX], size_t *target_len) {
  if (!sidecar_on()) return classify(dirfd, s->leaf, s->leaf_len, target, target_len);
  int err = sidecar_leaf(dirfd, s->leaf, s->leaf_len, &hp->side);
  if (err) return err;
  int kind = hp->side.absent ? LEAF_ABSENT
                             : classify(dirfd, hp->side.host, strlen(hp->side.host), target,
                                        target_len);
  if (kind == LEAF_ABSENT) hp->side.absent = true;
  return kind;
}

/* Replaces the path by the target of its final symlink: an absolute
   target is a guest path as it stands, a relative one continues from the
   symlink's directory (the physical one: "/a/b/../x" walks b's real
   parent, as the kernel does for a relative symlink in b). */
static int splice_link(char *p, const struct split *s, const char *target, size_t target_len) {
  char out[PATH_MAX];
  size_t n = 0;
  if (target[0] != '/') {
    memcpy(out, p, s->dir_len);
    n = s->dir_len;
    out[n++] = '/';
  }
  if (n + target_len + 2 > sizeof out) return -ENAMETOOLONG;
  memcpy(out + n, target, target_len);
  n += target_len;
  if (s->slash) out[n++] = '/';
  out[n] = 0;
  memcpy(p, out, n + 1);
  return 0;
}

static int use_host(struct host_path *hp, const char *p) {
  hp->dirfd = AT_FDCWD;
  hp->path = p;
  hp->side.active = false;
  return 0;
}

/* Rule 1: not in the sysroot, so the host's file, except for the loader's
   files (rule 8). */
static int fall_back(struct host_path *hp, const char *p) {
  return fallback_forbidden(p) ? -ENOENT : use_host(hp, p);
}

static int answer(struct host_path *hp, struct dir_hold *dir, const char *leaf) {
  hp->hold = *dir;
  hp->dirfd = dir->fd;
  hp->path = hp->side.active ? hp->side.host : leaf;
  return 0;
}

/* Rule 3, create: a name that already exists on the host and not in the
   sysroot is acted on there (O_CREAT opens it, mkdir says EEXIST), as the
   guest sees it there; only a new name goes to the sysroot parent. */
static bool host_has(const char *p) {
  struct stat st;
  return !fallback_forbidden(p) && fstatat(AT_FDCWD, p, &st, AT_SYMLINK_NOFOLLOW) == 0;
}

/* "/" itself. Creating or removing it can only fail, and the host's own
   "/" gives exactly the kernel's errors (EEXIST, EBUSY, EISDIR). */
static int resolve_root(struct host_path *hp, unsigned how) {
  if (how & (PATH_CREATE | PATH_REMOVE)) return use_host(hp, hp->buf);
  struct dir_hold root;
  dircache_open("/", 1, &root);
  return answer(hp, &root, ".");
}

/* A final "." or "..". Calls that create or remove a name refuse these
   before any walk, so the parent and the name go to the kernel as they are
   (rmdir gives EINVAL or ENOTEMPTY, mkdir EEXIST). Everything else wants
   the directory they name, walked inside the sysroot so `..` stops there. */
static int resolve_dot(struct host_path *hp, unsigned how, const struct split *s, size_t len) {
  char *p = hp->buf;
  struct dir_hold dir;
  int err = how & (PATH_CREATE | PATH_REMOVE) ? dircache_open(p, s->dir_len, &dir)
                                              : dircache_open(p, len - s->slash, &dir);
  if (err == -ENOENT) return dir.mapped ? -ENOENT : fall_back(hp, p);
  if (err) return err;
  return answer(hp, &dir, how & (PATH_CREATE | PATH_REMOVE) ? s->leaf : ".");
}

/* Rules 1 to 5 for an absolute guest path in hp->buf. */
static int resolve_absolute(struct host_path *hp, unsigned how) {
  char *p = hp->buf;
  char target[PATH_MAX];
  for (int hops = 0;; hops++) {
    hp->side.active = false;
    size_t len = clean(p);
    if (fallback_host_only(p)) return use_host(hp, p);
    struct split s;
    split(p, len, &s);
    if (s.leaf_len == 0) return resolve_root(hp, how);
    if (is_dot_or_dotdot(&s)) return resolve_dot(hp, how, &s, len);
    struct dir_hold dir;
    int err = dircache_open(p, s.dir_len, &dir);
    /* Beneath a name the sidecar mapped, the sysroot is authoritative. */
    if (err == -ENOENT) return dir.mapped ? -ENOENT : fall_back(hp, p);
    if (err) return err;
    size_t target_len = 0;
    int kind = classify_leaf(hp, dir.fd, &s, target, &target_len);
    if (kind == LEAF_SYMLINK && follows(how, s.slash)) {
      dircache_release(&dir);
      if (hops == MAX_SYMLINK_HOPS) return -ELOOP;
      err = splice_link(p, &s, target, target_len);
      if (err) return err;
      continue;
    }
    if (kind == LEAF_PRESENT || kind == LEAF_SYMLINK) return answer(hp, &dir, s.leaf);
    /* Rule 3: a new name goes where its parent is, the sysroot here. */
    if (kind == LEAF_ABSENT && (how & PATH_CREATE) && (dir.mapped || !host_has(p)))
      return answer(hp, &dir, s.leaf);
    bool mapped = dir.mapped;
    dircache_release(&dir);
    return kind < 0 ? kind : mapped ? -ENOENT : fall_back(hp, p);
  }
}

static int pass_through(struct host_path *hp, int dirfd) {
  hp->dirfd = dirfd;
  hp->path = hp->buf;
  return 0;
}

/* The host path of the directory a relative lookup starts from. */
static bool start_dir(int dirfd, char out[PATH_MAX]) {
  if (dirfd == AT_FDCWD) return getcwd(out, PATH_MAX) != NULL;
  char link[32];
  snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
  ssize_t n = readlink(link, out, PATH_MAX);
  if (n <= 0 || n >= PATH_MAX) return false;
  out[n] = 0;
  return true;
}

/* Rule 2: a relative path starts from the guest's directory, which the
   host kernel knows. Only a start inside the sysroot needs care: there
   `..` must stop at the sysroot and absolute symlinks lead back into it,
   so the path is resolved as the guest would spell it whole (the start
   directory's guest path, then the relative one). Past PATH_MAX that
   spelling does not exist, and the host kernel walks it alone. */
static int resolve_relative(struct host_path *hp, int dirfd, unsigned how) {
  char dir[PATH_MAX];
  if (!hp->buf[0] || !start_dir(dirfd, dir) || !sysroot_contains(dir))
    return pass_through(hp, dirfd);
  const char *guest_dir = path_guest_view(dir);
  if (guest_dir != dir) memmove(dir, guest_dir, strlen(guest_dir) + 1);
  sidecar_guest_path(dir); /* a generated host name back to the guest's */
  guest_dir = dir;
  size_t dir_len = strlen(guest_dir), rel_len = strlen(hp->buf);
  if (dir_len + 1 + rel_len >= sizeof hp->buf) return pass_through(hp, dirfd);
  memmove(hp->buf + dir_len + 1, hp->buf, rel_len + 1);
  memcpy(hp->buf, guest_dir, dir_len);
  hp->buf[dir_len] = '/';
  return resolve_absolute(hp, how);
}

int resolver_resolve(struct host_path *hp, int dirfd, unsigned how) {
  if (hp->buf[0] == '/') return resolve_absolute(hp, how);
  return resolve_relative(hp, dirfd, how);
}
