/* vfork and posix_spawn: the child shares the parent's memory until it
   execs or exits, while the parent waits; that is how posix_spawn reports
   that the program could not be run (ENOENT for a missing file). Also
   clone(CLONE_VM | CLONE_VFORK) on a stack of the caller's (musl's
   posix_spawn and Go's fork-exec do that), the tid pointers it fills, and a
   child's signal dispositions, which are its own.
   The program runs itself again through /proc/self/exe (argv[1] says which
   part). The expected output is Linux's (vfork(2), clone(2),
   posix_spawn(3)) and is this program's own output built natively for
   x86-64 (gcc -static). qemu-aarch64 cannot be the oracle: it turns vfork
   into fork, so the parent never sees the child's writes, and posix_spawn
   of a missing file succeeds there; nor can it exec an aarch64 program
   without binfmt_misc. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static const char *errname(int e) {
  switch (e) {
    case 0: return "0";             case ENOENT: return "ENOENT";
    case EACCES: return "EACCES";   case ENOEXEC: return "ENOEXEC";
    default: return "E?";
  }
}

static void show_status(const char *what, int status) {
  if (WIFEXITED(status)) printf("%-36s exited %d\n", what, WEXITSTATUS(status));
  else if (WIFSIGNALED(status)) printf("%-36s killed by signal %d\n", what, WTERMSIG(status));
  else printf("%-36s status %#x\n", what, status);
}

static int wait_for(pid_t pid) {
  int status = -1;
  if (waitpid(pid, &status, 0) != pid) printf("waitpid failed: %s\n", strerror(errno));
  return status;
}

/* ---- the parts run as a new program ---- */

static int child_print(int argc, char **argv) {
  printf("  exec'd child: argc %d, argv[0] %s, argv[2] %s\n", argc,
         argv[0], argc > 2 ? argv[2] : "(none)");
  return 5;
}

static int child_report_signals(void) {
  struct sigaction sa;
  sigaction(SIGUSR1, NULL, &sa);
  printf("  exec'd child: SIGUSR1 %s\n", sa.sa_handler == SIG_DFL ? "default"
                                        : sa.sa_handler == SIG_IGN ? "ignored" : "handled");
  sigaction(SIGUSR2, NULL, &sa);
  printf("  exec'd child: SIGUSR2 %s\n", sa.sa_handler == SIG_DFL ? "default"
                                        : sa.sa_handler == SIG_IGN ? "ignored" : "handled");
  return 0;
}

/* ---- vfork ---- */

static volatile int g_shared;

/* What each vfork child does; none of them returns. */
static int child_store(void *arg) {
  (void)arg;
  g_shared = 2; /* the parent's memory */
  _exit(3);
}

static int child_exec_self(void *arg) {
  (void)arg;
  char *args[] = {"vforked", "print", "from-vfork", NULL};
  execve("/proc/self/exe", args, environ);
  _exit(127);
}

static int child_exec_missing(void *arg) {
  (void)arg;
  char *args[] = {"missing", NULL};
  execve("/nonexistent/program", args, environ);
  g_shared = errno; /* how posix_spawn reports it */
  _exit(127);
}

/* vfork() itself where the libc makes it one: glibc. musl's vfork() on
   aarch64 is a fork (src/process/vfork.c: clone with SIGCHLD only), so
   there the same request goes through clone(), on a stack of our own. */
static pid_t run_vforked(int (*fn)(void *)) {
  fflush(stdout);
#ifdef __GLIBC__
  pid_t pid = vfork();
  if (pid == 0) fn(NULL);
  return pid;
#else
  static char stack[64 * 1024] __attribute__((aligned(16)));
  return clone(fn, stack + sizeof stack, CLONE_VM | CLONE_VFORK | SIGCHLD, NULL);
#endif
}

static void test_vfork(void) {
  puts("-- vfork");
  g_shared = 1;
  int status = wait_for(run_vforked(child_store));
  printf("%-36s %d\n", "parent sees the child's store", g_shared);
  show_status("vfork, _exit(3)", status);

  show_status("vfork, execve self", wait_for(run_vforked(child_exec_self)));

  g_shared = 0;
  status = wait_for(run_vforked(child_exec_missing));
  printf("%-36s %s\n", "vfork, execve missing: errno", errname(g_shared));
  show_status("vfork, execve missing", status);
}

/* ---- posix_spawn ---- */

static void handler(int sig) { (void)sig; }

static const char *disposition(int sig) {
  struct sigaction sa;
  sigaction(sig, NULL, &sa);
  return sa.sa_handler == SIG_DFL ? "default" : sa.sa_handler == SIG_IGN ? "ignored" : "handled";
}

static void test_posix_spawn(void) {
  puts("-- posix_spawn");
  fflush(stdout);
  pid_t pid = -1;
  char *missing[] = {"missing", NULL};
  int err = posix_spawn(&pid, "/nonexistent/program", NULL, NULL, missing, environ);
  printf("%-36s %s\n", "missing file", errname(err));
  err = posix_spawnp(&pid, "no-such-program-anywhere", NULL, NULL, missing, environ);
  printf("%-36s %s\n", "missing file, PATH search", errname(err));

  char *args[] = {"spawned", "print", "from-spawn", NULL};
  err = posix_spawn(&pid, "/proc/self/exe", NULL, NULL, args, environ);
  int status = err ? -1 : wait_for(pid); /* the child prints meanwhile */
  printf("%-36s %s\n", "self", errname(err));
  if (!err) show_status("self", status);

  /* Output through a pipe set up by the file actions. */
  int fds[2];
  if (pipe(fds)) return;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
  posix_spawn_file_actions_addclose(&fa, fds[0]);
  err = posix_spawn(&pid, "/proc/self/exe", &fa, NULL, args, environ);
  close(fds[1]);
  char buf[256];
  ssize_t n = read(fds[0], buf, sizeof buf - 1);
  buf[n > 0 ? n : 0] = 0;
  close(fds[0]);
  printf("%-36s %s, read: %s", "stdout to a pipe", errname(err), buf);
  if (!err) show_status("stdout to a pipe", wait_for(pid));
  posix_spawn_file_actions_destroy(&fa);

  /* A handled signal is default in the new program; an ignored one stays
     ignored; the parent's own dispositions are untouched. */
  signal(SIGUSR1, handler);
  signal(SIGUSR2, SIG_IGN);
  char *report[] = {"spawned", "signals", NULL};
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t def;
  sigemptyset(&def);
  sigaddset(&def, SIGUSR1);
  posix_spawnattr_setsigdefault(&attr, &def);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
  fflush(stdout);
  err = posix_spawn(&pid, "/proc/self/exe", NULL, &attr, report, environ);
  if (!err) show_status("signal dispositions", wait_for(pid));
  printf("%-36s SIGUSR1 %s, SIGUSR2 %s\n", "parent afterwards", disposition(SIGUSR1),
         disposition(SIGUSR2));
  posix_spawnattr_destroy(&attr);
  signal(SIGUSR1, SIG_DFL);
  signal(SIGUSR2, SIG_DFL);
}

/* ---- clone(CLONE_VM | CLONE_VFORK) on a stack of our own ---- */

static volatile int32_t g_ptid = -1, g_ctid = -1;

static int clone_child(void *arg) {
  (void)arg;
  g_shared = 40 + (g_ctid == g_ptid && g_ptid > 0);
  signal(SIGUSR2, SIG_IGN); /* the child's own dispositions */
  return 6;
}

static void test_clone_vfork(void) {
  puts("-- clone(CLONE_VM | CLONE_VFORK) on a new stack");
  size_t size = 256 * 1024;
  char *stack = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  g_shared = 0;
  fflush(stdout);
  int flags = CLONE_VM | CLONE_VFORK | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD;
  pid_t pid = clone(clone_child, stack + size, flags, NULL, &g_ptid, NULL, &g_ctid);
  int status = wait_for(pid);
  printf("%-36s %s\n", "parent_tid is the child's pid", g_ptid == pid ? "yes" : "no");
  printf("%-36s %s\n", "child saw both tids set", g_shared == 41 ? "yes" : "no");
  printf("%-36s %s\n", "parent's SIGUSR2 afterwards", disposition(SIGUSR2));
  show_status("child returned 6", status);
  munmap(stack, size);
}

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "print")) return child_print(argc, argv);
  if (argc > 1 && !strcmp(argv[1], "signals")) return child_report_signals();
  setvbuf(stdout, NULL, _IOLBF, 0);
  test_vfork();
  test_posix_spawn();
  test_clone_vfork();
  return 0;
}
