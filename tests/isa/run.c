/* Running case files under the emulators.

   The runner writes one struct isa_result per finished case, so when an
   emulator dies (elfrun has no guest signal delivery yet, so a SIGILL or a
   fault ends the process) the results it wrote say exactly which case it
   died on. run_one_emulator() records that case and starts the emulator
   again from the next one. */
#define _GNU_SOURCE
#include "run.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t g_alarm;

static void on_alarm(int sig) {
  (void)sig;
  g_alarm = 1;
}

static void die_errno(const char *what) {
  fprintf(stderr, "isatool: %s: %s\n", what, strerror(errno));
  exit(2);
}

/* Runs one process with stdout appended to out_fd and stderr to err_fd;
   returns its wait status, or -1 when it ran out of time (and was killed). */
static int run_process(const char *const *argv, int out_fd, int err_fd, int timeout_s) {
  pid_t pid = fork();
  if (pid < 0) die_errno("fork");
  if (pid == 0) {
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    int null = open("/dev/null", O_RDONLY);
    if (null >= 0) dup2(null, 0);
    signal(SIGPIPE, SIG_DFL);
    execvp(argv[0], (char *const *)argv);
    fprintf(stderr, "isatool: cannot run %s: %s\n", argv[0], strerror(errno));
    _exit(127);
  }
  struct sigaction sa = {.sa_handler = on_alarm}; /* no SA_RESTART: waitpid returns */
  sigaction(SIGALRM, &sa, NULL);
  g_alarm = 0;
  alarm((unsigned)timeout_s);
  int status;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) die_errno("waitpid");
    if (g_alarm) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      alarm(0);
      return -1;
    }
  }
  alarm(0);
  return status;
}

/* Whole records in the output so far (a record cut short by a death is
   dropped). */
static u32 records_in(int fd) {
  struct stat st;
  if (fstat(fd, &st) < 0) die_errno("fstat");
  u32 n = (u32)(st.st_size / (off_t)sizeof(struct isa_result));
  if (ftruncate(fd, (off_t)n * (off_t)sizeof(struct isa_result)) < 0) die_errno("ftruncate");
  lseek(fd, 0, SEEK_END);
  return n;
}

static int open_or_die(const char *path, int flags) {
  int fd = open(path, flags, 0644);
  if (fd < 0) die_errno(path);
  return fd;
}

/* The emulator over every case, restarting after each death; the deaths go
   to <out>.deaths as "index status" lines. */
static void run_one_emulator(const struct emulator *e, const char *runner, const char *cases_path,
                             u32 ncases, const char *out, int timeout_s) {
  char path[4096 + 32], first_arg[16];
  int out_fd = open_or_die(out, O_RDWR | O_CREAT | O_TRUNC);
  snprintf(path, sizeof path, "%.4000s.stderr", out);
  int err_fd = open_or_die(path, O_WRONLY | O_CREAT | O_TRUNC);
  snprintf(path, sizeof path, "%.4000s.deaths", out);
  FILE *deaths = fopen(path, "w");
  if (!deaths) die_errno(path);

  const char *argv[RUN_MAX_ARGS + 4];
  int argc = 0;
  for (int i = 0; i < RUN_MAX_ARGS && e->argv[i]; i++) argv[argc++] = e->argv[i];
  argv[argc++] = runner;
  argv[argc++] = cases_path;
  argv[argc++] = first_arg;
  argv[argc] = NULL;

  u32 first = 0, ndeaths = 0;
  while (first < ncases) {
    snprintf(first_arg, sizeof first_arg, "%u", first);
    u32 before = records_in(out_fd);
    int status = run_process(argv, out_fd, err_fd, timeout_s);
    u32 done = records_in(out_fd) - before;
    if (status == 0 && first + done == ncases) break;
    u32 dead = first + done;
    fprintf(deaths, "%u %d\n", dead, status);
    if (++ndeaths >= RUN_MAX_DEATHS || status == -1) break; /* a hang would cost a timeout each */
    first = dead + 1;
  }
  fclose(deaths);
  close(out_fd);
  close(err_fd);
}

static void load_outcome(const char *out, u32 ncases, struct outcome *o) {
  memset(o, 0, sizeof *o);
  o->result = calloc(ncases ? ncases : 1, sizeof *o->result);
  FILE *f = fopen(out, "rb");
  if (!f || !o->result) die_errno(out);
  struct stat st;
  fstat(fileno(f), &st);
  size_t n = (size_t)st.st_size / sizeof(struct isa_result);
  o->storage = malloc(n ? n * sizeof *o->storage : 1);
  if (!o->storage || fread(o->storage, sizeof *o->storage, n, f) != n) die_errno(out);
  fclose(f);
  for (size_t i = 0; i < n; i++)
    if (o->storage[i].done == ISA_DONE && o->storage[i].index < ncases)
      o->result[o->storage[i].index] = &o->storage[i];

  char path[4096 + 32];
  snprintf(path, sizeof path, "%.4000s.deaths", out);
  FILE *d = fopen(path, "r");
  if (!d) die_errno(path);
  unsigned index;
  int status;
  while (o->ndeaths < RUN_MAX_DEATHS && fscanf(d, "%u %d", &index, &status) == 2)
    o->deaths[o->ndeaths++] = (struct death){index, status};
  fclose(d);
}

void run_emulators(const struct emulator *emus, int nemus, const char *runner,
                   const char *cases_path, u32 ncases, const char *stem, int timeout_s,
                   struct outcome *outcomes) {
  char out[8][4096];
  pid_t pids[8];
  for (int i = 0; i < nemus && i < 8; i++) {
    snprintf(out[i], sizeof out[i], "%s.%s", stem, emus[i].name);
    fflush(NULL);
    pids[i] = fork();
    if (pids[i] < 0) die_errno("fork");
    if (pids[i] == 0) {
      run_one_emulator(&emus[i], runner, cases_path, ncases, out[i], timeout_s);
      _exit(0);
    }
  }
  for (int i = 0; i < nemus && i < 8; i++) {
    int status;
    if (waitpid(pids[i], &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status))
      die_errno("emulator worker failed");
    load_outcome(out[i], ncases, &outcomes[i]);
  }
}

void outcome_free(struct outcome *o) {
  free(o->result);
  free(o->storage);
  memset(o, 0, sizeof *o);
}

const char *describe_status(int status, char *buf, size_t len) {
  if (status == -1) {
    snprintf(buf, len, "timeout");
  } else if (WIFSIGNALED(status)) {
    const char *name = sigabbrev_np(WTERMSIG(status));
    snprintf(buf, len, "signal SIG%s", name ? name : "?");
  } else {
    snprintf(buf, len, "exit status %d", WEXITSTATUS(status));
  }
  return buf;
}

char *capture_output(const char *const *argv) {
  int fds[2];
  if (pipe(fds) < 0) die_errno("pipe");
  pid_t pid = fork();
  if (pid < 0) die_errno("fork");
  if (pid == 0) {
    dup2(fds[1], 1);
    close(fds[0]);
    close(fds[1]);
    execvp(argv[0], (char *const *)argv);
    _exit(127);
  }
  close(fds[1]);
  size_t cap = 4096, len = 0;
  char *buf = malloc(cap);
  ssize_t n;
  while (buf && (n = read(fds[0], buf + len, cap - len - 1)) > 0) {
    len += (size_t)n;
    if (cap - len < 2) buf = realloc(buf, cap *= 2);
  }
  close(fds[0]);
  int status;
  waitpid(pid, &status, 0);
  if (!buf || !WIFEXITED(status) || WEXITSTATUS(status)) {
    free(buf);
    return NULL;
  }
  buf[len] = 0;
  return buf;
}
