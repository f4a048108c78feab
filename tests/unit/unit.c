/* The unit-test runner: runs every registered TEST in a child process and
   prints one PASS or FAIL line each. Usage: unit_tests [-l] [PATTERN]
     -l        list the tests instead of running them
     PATTERN   run only the tests whose "suite.name" contains PATTERN */
#include "unit.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/types.h"

#define MAX_TESTS 1024
#define TEST_SECONDS 20

static const struct unit_test *g_tests[MAX_TESTS];
static int g_ntests;
static bool g_failed; /* in the child: some check of this test failed */

void unit_register(const struct unit_test *t) {
  if (g_ntests == MAX_TESTS) {
    fprintf(stderr, "unit: more than %d tests\n", MAX_TESTS);
    exit(2);
  }
  g_tests[g_ntests++] = t;
}

/* Prints one failed check; the parent shows it only if the test fails. */
static bool __attribute__((format(printf, 3, 4)))
report(const char *file, int line, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  printf("  %s:%d: ", file, line);
  vprintf(fmt, ap);
  putchar('\n');
  va_end(ap);
  g_failed = true;
  return false;
}

bool unit_check(const char *file, int line, bool ok, const char *text) {
  return ok || report(file, line, "expected %s", text);
}

bool unit_check_eq(const char *file, int line, const char *a_text, const char *b_text,
                   uint64_t a, uint64_t b, bool want_equal) {
  if ((a == b) == want_equal) return true;
  return report(file, line, "expected %s %s %s\n    left:  %#llx (%lld)\n    right: %#llx (%lld)",
                a_text, want_equal ? "==" : "!=", b_text, (unsigned long long)a,
                (long long)a, (unsigned long long)b, (long long)b);
}

bool unit_check_str(const char *file, int line, const char *a_text, const char *b_text,
                    const char *a, const char *b, bool whole) {
  bool ok = a && b && (whole ? !strcmp(a, b) : strstr(a, b) != NULL);
  if (ok) return true;
  return report(file, line, "expected %s %s %s\n    left:  \"%s\"\n    right: \"%s\"", a_text,
                whole ? "equal to" : "containing", b_text, a ? a : "(null)", b ? b : "(null)");
}

void unit_note(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("  note: ", stdout);
  vprintf(fmt, ap);
  putchar('\n');
  va_end(ap);
}

/* Declaration order within a file, files in name order: a stable listing. */
static int by_place(const void *a, const void *b) {
  const struct unit_test *x = *(const struct unit_test *const *)a;
  const struct unit_test *y = *(const struct unit_test *const *)b;
  int c = strcmp(x->file, y->file);
  return c ? c : x->line - y->line;
}

/* In the child: output goes to the parent's pipe; a hang ends by SIGALRM. */
static void NORETURN run_child(const struct unit_test *t, int out_fd) {
  dup2(out_fd, 1);
  dup2(out_fd, 2);
  close(out_fd);
  alarm(TEST_SECONDS);
  t->fn();
  fflush(stdout);
  _exit(g_failed ? 1 : 0);
}

/* Copies everything the child writes into a buffer; returns it (malloc'd). */
static char *drain(int fd) {
  size_t len = 0, cap = 4096;
  char *buf = malloc(cap);
  ssize_t n;
  while (buf && (n = read(fd, buf + len, cap - len - 1)) > 0) {
    len += n;
    if (cap - len < 2) buf = realloc(buf, cap *= 2);
  }
  if (buf) buf[len] = 0;
  return buf;
}

/* Runs one test in a child; prints its result line. Returns true on pass. */
static bool run_one(const struct unit_test *t) {
  int p[2];
  if (pipe(p) != 0) return perror("pipe"), false;
  fflush(stdout);
  pid_t pid = fork();
  if (pid < 0) return perror("fork"), false;
  if (pid == 0) {
    close(p[0]);
    run_child(t, p[1]);
  }
  close(p[1]);
  char *output = drain(p[0]);
  close(p[0]);
  int status;
  while (waitpid(pid, &status, 0) < 0) {}
  bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (!ok) {
    fputs(output ? output : "", stdout);
    if (WIFSIGNALED(status))
      printf("  %s: killed by signal %d (%s)%s\n", t->file, WTERMSIG(status),
             strsignal(WTERMSIG(status)),
             WTERMSIG(status) == SIGALRM ? ", took too long" : "");
  }
  printf("%s unit/%s.%s\n", ok ? "PASS" : "FAIL", t->suite, t->name);
  free(output);
  return ok;
}

int main(int argc, char **argv) {
  bool list = argc > 1 && !strcmp(argv[1], "-l");
  const char *pattern = argc > 1 + list ? argv[1 + list] : "";
  qsort(g_tests, g_ntests, sizeof *g_tests, by_place);
  int failed = 0;
  for (int i = 0; i < g_ntests; i++) {
    char full[256];
    snprintf(full, sizeof full, "%s.%s", g_tests[i]->suite, g_tests[i]->name);
    if (!strstr(full, pattern)) continue;
    if (list) puts(full);
    else failed += !run_one(g_tests[i]);
  }
  return failed ? 1 : 0;
}
