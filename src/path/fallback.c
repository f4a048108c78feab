/* Where an absolute guest path may go when a sysroot is in use: the two
   exceptions to "the sysroot first, then the host" (docs/sysroot.md,
   rules 7 and 8).

   - Kernel file systems (/proc, /sys, /dev) are the running kernel's, which
     is the host's: in a sysroot they are only empty mount points (or a few
     device nodes debootstrap made), so they are never looked up there.
   - What the guest's dynamic loader reads never falls back to the host:
     /etc/ld.so.preload, /etc/ld.so.cache, /etc/ld.so.conf and
     /etc/ld.so.conf.d/, every /lib* and every /usr/lib*. An arm64 ld.so
     that found the host's x86-64 libc there would fail in confusing ways.

   Both decisions are lexical: they look at the path's components with `.`
   and `..` applied as text, so that "/usr/lib/../lib/x" and "//lib/x" are
   caught too. A walk that merely passes through a loader directory
   ("/lib/../tmp/x") is refused as well, since the host resolves it through
   its own /lib. */
#include "path/fallback.h"

#include <string.h>

/* The first two components of the lexical walk so far, and its depth. */
struct walk {
  const char *name[2];
  size_t len[2];
  int depth;
};

/* Advances the walk by one component. Returns false at the end of path.
   *p moves past the component. */
static bool walk_step(struct walk *w, const char **p) {
  for (;;) {
    while (**p == '/') (*p)++;
    if (!**p) return false;
    const char *c = *p;
    size_t n = strcspn(c, "/");
    *p = c + n;
    if (n == 1 && c[0] == '.') continue;
    if (n == 2 && c[0] == '.' && c[1] == '.') {
      if (w->depth > 0) w->depth--;
      continue;
    }
    if (w->depth < 2) {
      w->name[w->depth] = c;
      w->len[w->depth] = n;
    }
    w->depth++;
    return true;
  }
}

static bool is(const char *c, size_t n, const char *word) {
  return n == strlen(word) && !memcmp(c, word, n);
}

static bool starts(const char *c, size_t n, const char *prefix) {
  size_t k = strlen(prefix);
  return n >= k && !memcmp(c, prefix, k);
}

/* Whether the walk now stands on a loader path: /lib*, /usr/lib*, or one of
   the ld.so files of /etc. Everything below one is a loader path too, which
   the walk sees as having passed through it. */
static bool on_loader_path(const struct walk *w) {
  if (w->depth == 1) return starts(w->name[0], w->len[0], "lib");
  if (w->depth != 2) return false;
  const char *a = w->name[0], *b = w->name[1];
  size_t an = w->len[0], bn = w->len[1];
  if (is(a, an, "usr")) return starts(b, bn, "lib");
  return is(a, an, "etc") && (is(b, bn, "ld.so.preload") || is(b, bn, "ld.so.cache") ||
                              starts(b, bn, "ld.so.conf"));
}

bool fallback_forbidden(const char *guest_path) {
  struct walk w = {.depth = 0};
  const char *p = guest_path;
  while (walk_step(&w, &p))
    if (on_loader_path(&w)) return true;
  return false;
}

bool fallback_host_only(const char *guest_path) {
  struct walk w = {.depth = 0};
  const char *p = guest_path;
  while (walk_step(&w, &p)) {}
  if (w.depth < 1) return false;
  const char *a = w.name[0];
  size_t n = w.len[0];
  return is(a, n, "proc") || is(a, n, "sys") || is(a, n, "dev");
}
