/* The thirteen case-collision cases of the sidecar layer (docs/sidecar.md):
   names that differ only in case must behave as on Linux's case-sensitive
   file systems. Run as `collide DIR` with DIR an empty directory; prints
   one "ok NAME" or "FAIL NAME: what" line per case, then "N of 13".

   Oracle: the same source built for x86-64 and run natively on a
   case-sensitive Linux directory (tests/casefold/run.sh compares its
   output with elfrun's byte for byte): every case checks what Linux
   itself does, so the native run must print 13 of 13. Under elfrun it
   runs with the sysroot on a case-sensitive file system (--casefold=auto,
   the layer off; --casefold=on, the layer forced on) and on cifuse, a
   case-insensitive one, where only the layer can make it pass. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE 1
#define RENAME_EXCHANGE 2
#endif

static int g_ok;
static char g_why[256];

static bool fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(g_why, sizeof g_why, fmt, ap);
  va_end(ap);
  return false;
}

static void report(const char *name, bool ok) {
  if (ok) {
    g_ok++;
    printf("ok %s\n", name);
  } else {
    printf("FAIL %s: %s\n", name, g_why);
  }
}

static bool put(const char *path, const char *text, int extra) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | extra, 0644);
  if (fd < 0) return fail("create %s: %s", path, strerror(errno));
  bool ok = write(fd, text, strlen(text)) == (ssize_t)strlen(text);
  close(fd);
  return ok ? true : fail("write %s", path);
}

static bool holds(const char *path, const char *want) {
  char buf[256];
  int fd = open(path, O_RDONLY);
  if (fd < 0) return fail("open %s: %s", path, strerror(errno));
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  buf[n < 0 ? 0 : n] = 0;
  return strcmp(buf, want) ? fail("%s holds '%s', not '%s'", path, buf, want) : true;
}

static bool absent(const char *path) {
  struct stat st;
  if (lstat(path, &st) == 0) return fail("%s exists", path);
  if (errno != ENOENT) return fail("lstat %s: %s, not ENOENT", path, strerror(errno));
  if (open(path, O_RDONLY) >= 0 || errno != ENOENT) return fail("open %s: not ENOENT", path);
  return true;
}

/* The directory's names, sorted, in one line. */
static bool listing(const char *dir, char *out, size_t size) {
  DIR *d = opendir(dir);
  if (!d) return fail("opendir %s: %s", dir, strerror(errno));
  char *names[64];
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) && n < 64)
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) names[n++] = strdup(e->d_name);
  closedir(d);
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
      char *t = names[j];
      names[j] = names[j - 1];
      names[j - 1] = t;
    }
  out[0] = 0;
  for (int i = 0; i < n; i++) {
    snprintf(out + strlen(out), size - strlen(out), "%s%s", i ? " " : "", names[i]);
    free(names[i]);
  }
  return true;
}

static bool lists(const char *dir, const char *want) {
  char got[1024];
  if (!listing(dir, got, sizeof got)) return false;
  return strcmp(got, want) ? fail("%s lists '%s', not '%s'", dir, got, want) : true;
}

static int rename2(const char *a, const char *b, unsigned flags) {
  return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, flags);
}

/* 1, 2: a pair created lower case first, then upper case first. */
static bool pair_lower_first(void) {
  return put("abc", "lower abc\n", O_EXCL) && put("ABC", "upper ABC\n", O_EXCL);
}

static bool pair_upper_first(void) {
  return put("XYZ", "upper XYZ\n", O_EXCL) && put("xyz", "lower xyz\n", O_EXCL);
}

/* 3: each reads back its own content. */
static bool read_back(void) {
  return holds("abc", "lower abc\n") && holds("ABC", "upper ABC\n") &&
         holds("XYZ", "upper XYZ\n") && holds("xyz", "lower xyz\n");
}

/* 4: getdents lists all four, and nothing else. */
static bool getdents_lists_both(void) { return lists(".", "ABC XYZ abc xyz"); }

/* 5: rename onto a colliding name replaces it; NOREPLACE refuses; EXCHANGE
   swaps. */
static bool rename_onto(void) {
  if (!put("m1", "m one\n", O_EXCL) || !put("M1", "M ONE\n", O_EXCL)) return false;
  if (rename2("m1", "M1", RENAME_NOREPLACE) == 0 || errno != EEXIST)
    return fail("NOREPLACE onto M1: %s", strerror(errno));
  if (rename2("m1", "M1", RENAME_EXCHANGE) != 0) return fail("EXCHANGE: %s", strerror(errno));
  if (!holds("m1", "M ONE\n") || !holds("M1", "m one\n")) return false;
  if (rename("m1", "M1") != 0) return fail("rename m1 M1: %s", strerror(errno));
  return holds("M1", "M ONE\n") && absent("m1") && lists(".", "ABC M1 XYZ abc xyz");
}

/* 6: rename to a new name that collides with others in case, and back
   across it into another directory. */
static bool rename_across(void) {
  if (!put("q", "q file\n", O_EXCL)) return false;
  if (rename("q", "Abc") != 0) return fail("rename q Abc: %s", strerror(errno));
  if (!holds("Abc", "q file\n") || !holds("abc", "lower abc\n") || !holds("ABC", "upper ABC\n"))
    return false;
  if (mkdir("sub", 0755) != 0) return fail("mkdir sub: %s", strerror(errno));
  if (rename("Abc", "sub/aBC") != 0) return fail("rename Abc sub/aBC: %s", strerror(errno));
  if (rename("sub/aBC", "Abc") != 0) return fail("rename back: %s", strerror(errno));
  return holds("Abc", "q file\n") && lists("sub", "") && absent("q");
}

/* 7: link under a colliding name: one inode, two names; symlink too. */
static bool link_collides(void) {
  struct stat a, b;
  if (link("abc", "ABc") != 0) return fail("link abc ABc: %s", strerror(errno));
  if (stat("abc", &a) || stat("ABc", &b)) return fail("stat: %s", strerror(errno));
  if (a.st_ino != b.st_ino || b.st_nlink != 2) return fail("not one inode with two links");
  if (symlink("xyz", "XyZ") != 0) return fail("symlink XyZ: %s", strerror(errno));
  return holds("XyZ", "lower xyz\n") && holds("ABc", "lower abc\n");
}

/* 8: unlinking one of a pair keeps the other. */
static bool unlink_keeps_other(void) {
  if (unlink("ABC") != 0) return fail("unlink ABC: %s", strerror(errno));
  if (unlink("XyZ") != 0 || unlink("ABc") != 0) return fail("unlink: %s", strerror(errno));
  return absent("ABC") && holds("abc", "lower abc\n") && holds("Abc", "q file\n") &&
         lists(".", "Abc M1 XYZ abc sub xyz");
}

/* 9: directories that differ in case, each with its own files. */
static bool mkdir_collides(void) {
  if (mkdir("dir", 0755) || mkdir("DIR", 0755)) return fail("mkdir: %s", strerror(errno));
  if (mkdir("dir", 0755) == 0 || errno != EEXIST) return fail("mkdir dir again: not EEXIST");
  if (!put("dir/f", "in dir\n", O_EXCL) || !put("DIR/f", "in DIR\n", O_EXCL)) return false;
  if (!holds("dir/f", "in dir\n") || !holds("DIR/f", "in DIR\n")) return false;
  if (rmdir("DIR") == 0 || errno != ENOTEMPTY) return fail("rmdir DIR: not ENOTEMPTY");
  return lists("dir", "f") && lists("DIR", "f");
}

/* 10: O_EXCL refuses the exact name and accepts another case. */
static bool o_excl(void) {
  if (open("abc", O_WRONLY | O_CREAT | O_EXCL, 0644) >= 0 || errno != EEXIST)
    return fail("O_EXCL abc: not EEXIST");
  if (!put("aBC", "third\n", O_EXCL)) return false;
  return holds("aBC", "third\n") && holds("abc", "lower abc\n") && holds("Abc", "q file\n");
}

/* 11: a lookup in the wrong case is ENOENT. */
static bool wrong_case(void) {
  return absent("ABC") && absent("xYz") && absent("m1") && absent("Sub");
}

/* 12: a wrong-case directory prefix is ENOENT, as is a name its other-case
   sibling holds. */
static bool wrong_case_prefix(void) {
  if (!put("sub/only", "only\n", O_EXCL)) return false;
  struct stat st;
  if (stat("SUB", &st) == 0 || errno != ENOENT) return fail("stat SUB: not ENOENT");
  return absent("SUB/only") && absent("Sub/only") && absent("Dir/f") && holds("sub/only", "only\n");
}

static int openat2_at_cwd(const char *path, int flags) {
  struct open_how how = {.flags = (unsigned)flags, .mode = 0644};
  return (int)syscall(SYS_openat2, AT_FDCWD, path, &how, sizeof how);
}

/* 13: openat2 with O_CREAT creates as openat does: a name that meets an
   existing one in case is a file of its own, O_EXCL on an existing name
   is EEXIST, and without O_EXCL the existing file is opened. */
static bool openat2_creates(void) {
  if (mkdir("o2", 0755) != 0) return fail("mkdir o2: %s", strerror(errno));
  if (!put("o2/Theta", "upper\n", O_EXCL)) return false;
  int fd = openat2_at_cwd("o2/theta", O_WRONLY | O_CREAT | O_EXCL);
  if (fd < 0) return fail("openat2 O_EXCL o2/theta: %s", strerror(errno));
  bool wrote = write(fd, "lower\n", 6) == 6;
  close(fd);
  if (!wrote) return fail("write o2/theta");
  fd = openat2_at_cwd("o2/Theta", O_WRONLY | O_CREAT | O_EXCL);
  if (fd >= 0 || errno != EEXIST) return fail("openat2 O_EXCL o2/Theta: not EEXIST");
  fd = openat2_at_cwd("o2/theta", O_WRONLY | O_CREAT | O_APPEND);
  if (fd < 0) return fail("openat2 o2/theta: %s", strerror(errno));
  wrote = write(fd, "again\n", 6) == 6;
  close(fd);
  if (!wrote) return fail("append to o2/theta");
  return lists("o2", "Theta theta") && holds("o2/Theta", "upper\n") &&
         holds("o2/theta", "lower\nagain\n");
}

int main(int argc, char **argv) {
  if (argc != 2 || chdir(argv[1]) != 0) {
    fprintf(stderr, "usage: collide EMPTY-DIR\n");
    return 2;
  }
  setvbuf(stdout, NULL, _IOLBF, 0);
  report("pair_created_lower_first", pair_lower_first());
  report("pair_created_upper_first", pair_upper_first());
  report("each_reads_back", read_back());
  report("getdents_lists_both", getdents_lists_both());
  report("rename_onto_colliding_name", rename_onto());
  report("rename_across_colliding_name", rename_across());
  report("link_under_colliding_name", link_collides());
  report("unlink_keeps_the_other", unlink_keeps_other());
  report("mkdir_collision", mkdir_collides());
  report("o_excl", o_excl());
  report("wrong_case_lookup_is_enoent", wrong_case());
  report("wrong_case_directory_prefix_is_enoent", wrong_case_prefix());
  report("openat2_o_creat_collision", openat2_creates());
  printf("%d of 13\n", g_ok);
  return g_ok == 13 ? 0 : 1;
}
