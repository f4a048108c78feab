/* /proc/self/cmdline, environ and auxv, and the initial-stack fields of
   /proc/self/stat (startstack, arg_start..env_end): what exec left on the
   guest's stack, read back from the guest's memory.
   Oracle: native (the same program built for x86-64; tests/guest/
   procfs_stack.oracle), because qemu-aarch64 7.2's synthetic stat prints
   44 fields with zeros where these bounds belong. The checks hold on any
   Linux: they compare each file with what the program sees itself. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

static const char *yes(int ok) { return ok ? "yes" : "no"; }

static char g_buf[1 << 20];
static long slurp(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) return -1;
  long len = 0, n;
  while ((n = read(fd, g_buf + len, sizeof g_buf - 1 - len)) > 0) len += n;
  close(fd);
  g_buf[len] = 0;
  return len;
}

/* The strings of v joined, each with its NUL, as the kernel lays them out. */
static int same_strings(char **v, long len) {
  long at = 0;
  for (; *v; v++) {
    size_t n = strlen(*v) + 1;
    if (at + (long)n > len || memcmp(g_buf + at, *v, n)) return 0;
    at += n;
  }
  return at == len;
}

static void check_auxv(void) {
  long len = slurp("/proc/self/auxv");
  unsigned long *w = (unsigned long *)g_buf;
  long pairs = len / 16;
  int pagesz = 0, phdr = 0, entry = 0;
  for (long i = 0; i < pairs; i++) {
    if (w[2 * i] == AT_PAGESZ) pagesz = w[2 * i + 1] == getauxval(AT_PAGESZ);
    if (w[2 * i] == AT_PHDR) phdr = w[2 * i + 1] == getauxval(AT_PHDR);
    if (w[2 * i] == AT_ENTRY) entry = w[2 * i + 1] == getauxval(AT_ENTRY);
  }
  printf("auxv: whole pairs ending in AT_NULL: %s\n",
         yes(len > 0 && len % 16 == 0 && w[2 * (pairs - 1)] == AT_NULL));
  printf("auxv: AT_PAGESZ, AT_PHDR, AT_ENTRY as getauxval: %s %s %s\n", yes(pagesz),
         yes(phdr), yes(entry));
}

/* Field k (1-based, proc(5)) of /proc/self/stat, counting after comm. */
static unsigned long stat_field(int k, int *count) {
  slurp("/proc/self/stat");
  char *p = strrchr(g_buf, ')');
  unsigned long v = 0;
  int n = 2;
  for (char *tok = strtok(p + 1, " \n"); tok; tok = strtok(NULL, " \n"))
    if (++n == k) v = strtoul(tok, NULL, 10);
  if (count) *count = n;
  return v;
}

/* The [stack] line of maps holds a. */
static int in_stack(unsigned long a) {
  slurp("/proc/self/maps");
  for (char *line = strtok(g_buf, "\n"); line; line = strtok(NULL, "\n")) {
    unsigned long s, e;
    if (sscanf(line, "%lx-%lx", &s, &e) == 2 && a >= s && a < e) return !!strstr(line, "[stack]");
  }
  return 0;
}

int main(int argc, char **argv) {
  (void)argc;
  long len = slurp("/proc/self/cmdline");
  printf("cmdline is argv: %s\n", yes(len > 0 && same_strings(argv, len)));
  len = slurp("/proc/self/environ");
  printf("environ is the initial environment: %s\n", yes(len >= 0 && same_strings(environ, len)));
  check_auxv();
  int fields;
  unsigned long start_stack = stat_field(28, &fields);
  printf("stat has 52 fields: %s\n", yes(fields == 52));
  printf("stat startstack is argc's address: %s\n",
         yes(start_stack + 8 == (unsigned long)argv));
  printf("stat startstack lies in [stack]: %s\n", yes(in_stack(start_stack)));
  char **last_arg = argv, **last_env = environ;
  while (last_arg[1]) last_arg++;
  while (last_env[0] && last_env[1]) last_env++;
  printf("stat arg_start, arg_end: %s %s\n", yes(stat_field(48, NULL) == (unsigned long)argv[0]),
         yes(stat_field(49, NULL) == (unsigned long)*last_arg + strlen(*last_arg) + 1));
  printf("stat env_start, env_end: %s %s\n",
         yes(!environ[0] || stat_field(50, NULL) == (unsigned long)environ[0]),
         yes(!environ[0] || stat_field(51, NULL) == (unsigned long)*last_env + strlen(*last_env) + 1));
  /* setproctitle(): cmdline shows the argv area as it is now. */
  argv[0][0] = 'X';
  slurp("/proc/self/cmdline");
  printf("cmdline follows writes to argv: %s\n", yes(g_buf[0] == 'X'));
  return 0;
}
