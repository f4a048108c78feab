/* The kill-at-random workload of the sidecar layer (tests/casefold/crash.sh,
   docs/sidecar.md "Crash safety").

     churn setup DIR    DIR gets KEEP files "k0".."k5", each holding "keep-N"
     churn run DIR SEED two processes (a fork), two threads each, change
                        names in DIR until killed
     churn verify DIR   each keep-N is held by exactly one name in DIR

   The workers rename the keep files to other case spellings of k0..k9
   (with RENAME_NOREPLACE, so that no worker ever replaces one), and create,
   rewrite, rename over and remove junk files and directories whose names
   collide in case. Whatever instant the kill lands on, each keep file must
   still be reachable under exactly one name: nothing lost, nothing
   doubled. Errors of single operations (a name another worker took) are
   expected and ignored. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define KEEP 6
#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE 1
#endif

static const char *g_dir;

/* A name of prefix p and digit d in a random case. */
static void spell(char *out, char p, int d, unsigned *seed) {
  out[0] = rand_r(seed) & 1 ? p : (char)(p - 32);
  out[1] = (char)('0' + d);
  out[2] = 0;
}

/* A name in DIR starting with p (either case), or 0. */
static int pick(char p, char out[256], unsigned *seed) {
  DIR *d = opendir(".");
  if (!d) return 0;
  char names[64][256];
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) && n < 64)
    if ((e->d_name[0] | 32) == p && strlen(e->d_name) == 2) strcpy(names[n++], e->d_name);
  closedir(d);
  if (!n) return 0;
  strcpy(out, names[rand_r(seed) % (unsigned)n]);
  return 1;
}

static void junk_op(unsigned *seed) {
  char a[256], b[8];
  spell(b, 'j', rand_r(seed) % 4, seed);
  switch (rand_r(seed) % 6) {
    case 0:
    case 1: {
      int fd = open(b, O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd >= 0) {
        (void)!write(fd, "junk\n", 5);
        close(fd);
      }
      break;
    }
    case 2:
      if (pick('j', a, seed)) unlink(a);
      break;
    case 3:
      if (pick('j', a, seed)) rename(a, b);
      break;
    case 4:
      spell(b, 'd', rand_r(seed) % 3, seed);
      mkdir(b, 0755);
      break;
    case 5:
      if (pick('d', a, seed)) rmdir(a);
      break;
  }
}

static void keep_op(unsigned *seed) {
  char a[256], b[8];
  if (!pick('k', a, seed)) return;
  spell(b, 'k', rand_r(seed) % 10, seed);
  syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_NOREPLACE);
}

static void *worker(void *arg) {
  unsigned seed = (unsigned)(uintptr_t)arg;
  for (;;) {
    if (rand_r(&seed) % 3) junk_op(&seed);
    else keep_op(&seed);
  }
  return NULL;
}

static int run(unsigned seed) {
  if (fork() == 0) seed = seed * 7 + 1;
  pthread_t t;
  pthread_create(&t, NULL, worker, (void *)(uintptr_t)(seed * 31 + 3));
  worker((void *)(uintptr_t)seed);
  return 0;
}

static int setup(void) {
  for (int i = 0; i < KEEP; i++) {
    char name[8], text[16];
    snprintf(name, sizeof name, "k%d", i);
    snprintf(text, sizeof text, "keep-%d\n", i);
    int fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text)) return 1;
    close(fd);
  }
  return 0;
}

static int verify(void) {
  int seen[KEEP] = {0};
  DIR *d = opendir(".");
  if (!d) return 1;
  struct dirent *e;
  while ((e = readdir(d))) {
    char buf[32] = {0};
    int fd = open(e->d_name, O_RDONLY);
    if (fd < 0) {
      if (errno != EISDIR) printf("listed but unopenable: %s (%s)\n", e->d_name, strerror(errno));
      continue;
    }
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    int k;
    if (n > 0 && sscanf(buf, "keep-%d", &k) == 1 && k >= 0 && k < KEEP) seen[k]++;
  }
  closedir(d);
  int bad = 0;
  for (int i = 0; i < KEEP; i++)
    if (seen[i] != 1) {
      printf("keep-%d held by %d names\n", i, seen[i]);
      bad = 1;
    }
  return bad;
}

int main(int argc, char **argv) {
  if (argc < 3 || chdir(argv[2]) != 0) {
    fprintf(stderr, "usage: churn setup|run|verify DIR [SEED]\n");
    return 2;
  }
  g_dir = argv[2];
  if (!strcmp(argv[1], "setup")) return setup();
  if (!strcmp(argv[1], "verify")) return verify();
  if (!strcmp(argv[1], "run") && argc == 4) return run((unsigned)atoi(argv[3]));
  return 2;
}
