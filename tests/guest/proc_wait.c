/* fork, wait4 and waitid: the status words of children that exit with
   every kind of code or die of a signal (kill, a real fault, abort), stop
   and continue; WNOHANG, WNOWAIT, ECHILD; the siginfo fields waitid fills
   and the ones it leaves alone; clone's CLONE_PARENT_SETTID and
   CLONE_CHILD_SETTID in a fork.
   Whether a death dumped core depends on the machine (core_pattern,
   RLIMIT_CORE), so the core bit is masked off and CLD_DUMPED shows as
   CLD_KILLED.
   The expected output is this program's, built natively for x86-64
   (gcc -static; proc_wait.oracle): qemu-aarch64 7.2 differs from Linux
   in three ways here. Its waitid writes a whole siginfo where the kernel
   writes six fields (kernel/exit.c, sys_waitid: si_utime and si_stime stay
   as they were); with WNOHANG and no child to report it leaves si_status
   alone where the kernel writes 0; and after a fork with
   CLONE_PARENT_SETTID the parent's parent_tid does not hold the child's
   pid (kernel_clone() writes it there). */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define CORE_BIT 0x80

static const char *errname(int e) {
  switch (e) {
    case ECHILD: return "ECHILD";   case EINVAL: return "EINVAL";
    case EFAULT: return "EFAULT";   case ESRCH: return "ESRCH";
    default: return "E?";
  }
}

static const char *codename(int code) {
  switch (code) {
    case CLD_EXITED: return "CLD_EXITED";       case CLD_KILLED: return "CLD_KILLED";
    case CLD_DUMPED: return "CLD_KILLED";       case CLD_STOPPED: return "CLD_STOPPED";
    case CLD_CONTINUED: return "CLD_CONTINUED"; case 0: return "0";
    default: return "?";
  }
}

static const char *signame(int sig) {
  static const char *const kNames[] = {
      [SIGHUP] = "SIGHUP",   [SIGINT] = "SIGINT",   [SIGABRT] = "SIGABRT",
      [SIGKILL] = "SIGKILL", [SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV",
      [SIGUSR2] = "SIGUSR2", [SIGTERM] = "SIGTERM", [SIGCONT] = "SIGCONT",
      [SIGSTOP] = "SIGSTOP", [SIGALRM] = "SIGALRM"};
  static char buf[16];
  if (sig > 0 && sig < (int)(sizeof kNames / sizeof *kNames) && kNames[sig]) return kNames[sig];
  snprintf(buf, sizeof buf, "signal %d", sig);
  return buf;
}

/* A child that does what `how` says, after its parent lets it go. */
static pid_t spawn(void (*how)(int), int arg) {
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    how(arg);
    _exit(99);
  }
  return pid;
}

static void do_exit(int code) { _exit(code); }
static void do_return_from_main(int code) { exit(code); }
static void do_raise(int sig) { raise(sig); }
static void do_abort(int sig) { (void)sig; abort(); }
static void do_fault(int sig) {
  volatile int *volatile p = (int *)(uintptr_t)sig;
  *p = 1;
}
static void do_wait_forever(int sig) { (void)sig; for (;;) pause(); }

static void show_status(const char *what, pid_t pid, int status) {
  printf("%-28s pid ok %s, status %#06x:", what, pid > 0 ? "yes" : "no", status & ~CORE_BIT);
  if (WIFEXITED(status)) printf(" exited %d\n", WEXITSTATUS(status));
  else if (WIFSIGNALED(status)) printf(" killed by %s\n", signame(WTERMSIG(status)));
  else if (WIFSTOPPED(status)) printf(" stopped by %s\n", signame(WSTOPSIG(status)));
  else if (WIFCONTINUED(status)) printf(" continued\n");
  else printf(" ?\n");
}

static void wait4_one(const char *what, void (*how)(int), int arg) {
  pid_t pid = spawn(how, arg);
  int status = -1;
  struct rusage ru;
  memset(&ru, 0xff, sizeof ru);
  pid_t r = wait4(pid, &status, 0, &ru);
  show_status(what, r == pid ? r : -1, status);
  if (ru.ru_maxrss < 0 || ru.ru_utime.tv_usec < 0 || ru.ru_utime.tv_usec >= 1000000)
    printf("  rusage not written\n");
}

static void test_exit_codes(void) {
  puts("-- wait4: exit codes and signals");
  wait4_one("_exit(0)", do_exit, 0);
  wait4_one("_exit(1)", do_exit, 1);
  wait4_one("_exit(42)", do_exit, 42);
  wait4_one("_exit(255)", do_exit, 255);
  wait4_one("_exit(256)", do_exit, 256);
  wait4_one("exit(-1)", do_return_from_main, -1);
  wait4_one("raise(SIGUSR1)", do_raise, SIGUSR1);
  wait4_one("raise(SIGTERM)", do_raise, SIGTERM);
  wait4_one("raise(SIGKILL)", do_raise, SIGKILL);
  wait4_one("raise(40)", do_raise, 40);
  wait4_one("abort()", do_abort, 0);
  wait4_one("store to address 16", do_fault, 16);
}

static void test_kill_stop_continue(void) {
  puts("-- kill, stop, continue");
  pid_t pid = spawn(do_wait_forever, 0);
  int status = -1;
  kill(pid, SIGSTOP);
  pid_t r = waitpid(pid, &status, WUNTRACED);
  show_status("SIGSTOP, WUNTRACED", r == pid ? r : -1, status);
  kill(pid, SIGCONT);
  r = waitpid(pid, &status, WCONTINUED);
  show_status("SIGCONT, WCONTINUED", r == pid ? r : -1, status);
  r = waitpid(pid, &status, WNOHANG);
  printf("%-28s %d\n", "WNOHANG while running", r);
  kill(pid, SIGTERM);
  r = waitpid(pid, &status, 0);
  show_status("kill(SIGTERM)", r == pid ? r : -1, status);
  errno = 0;
  r = waitpid(pid, &status, 0);
  printf("%-28s %d %s\n", "again", r, errname(errno));
  r = waitpid(-1, &status, WNOHANG);
  printf("%-28s %d %s\n", "no children, WNOHANG", r, errname(errno));
  r = waitpid(-1, &status, 0x40000000);
  printf("%-28s %d %s\n", "bad options", r, errname(errno));
}

/* The raw call, so that the kernel's writes are what we see. */
static long raw_waitid(int idtype, id_t id, siginfo_t *info, int options, struct rusage *ru) {
  return syscall(SYS_waitid, idtype, id, info, options, ru);
}

static void show_info(const char *what, long r, const siginfo_t *si, pid_t pid) {
  if (r < 0) {
    printf("%-28s %s\n", what, errname(errno));
    return;
  }
  printf("%-28s %ld: signo %d, errno %d, code %s, pid ok %s, uid %u, status %d, "
         "times %s\n",
         what, r, si->si_signo, si->si_errno, codename(si->si_code),
         si->si_pid == pid ? "yes" : si->si_pid == 0 ? "zero" : "no", si->si_uid,
         si->si_status,
         si->si_utime == 0x1111 && si->si_stime == 0x2222 ? "untouched" : "written");
}

static void poison(siginfo_t *si) {
  memset(si, 0x55, sizeof *si);
  si->si_utime = 0x1111;
  si->si_stime = 0x2222;
}

static void test_waitid(void) {
  puts("-- waitid");
  siginfo_t si;
  struct rusage ru;
  pid_t pid = spawn(do_exit, 7);
  poison(&si);
  long r = raw_waitid(P_PID, pid, &si, WEXITED | WNOWAIT, NULL);
  show_info("P_PID WNOWAIT", r, &si, pid);
  poison(&si);
  r = raw_waitid(P_ALL, 0, &si, WEXITED, &ru);
  show_info("P_ALL, the same child", r, &si, pid);
  poison(&si);
  r = raw_waitid(P_ALL, 0, &si, WEXITED | WNOHANG, NULL);
  show_info("P_ALL, none left", r, &si, pid);

  pid = spawn(do_raise, SIGUSR2);
  poison(&si);
  r = raw_waitid(P_PID, pid, &si, WEXITED, NULL);
  show_info("killed by SIGUSR2", r, &si, pid);

  pid = spawn(do_wait_forever, 0);
  poison(&si);
  r = raw_waitid(P_PID, pid, &si, WEXITED | WNOHANG, NULL);
  show_info("WNOHANG, still running", r, &si, pid);
  kill(pid, SIGSTOP);
  poison(&si);
  r = raw_waitid(P_PID, pid, &si, WSTOPPED, NULL);
  show_info("WSTOPPED", r, &si, pid);
  kill(pid, SIGCONT);
  poison(&si);
  r = raw_waitid(P_PID, pid, &si, WCONTINUED, NULL);
  show_info("WCONTINUED", r, &si, pid);
  kill(pid, SIGKILL);
  poison(&si);
  r = raw_waitid(P_PGID, 0, &si, WEXITED, NULL);
  show_info("P_PGID 0, SIGKILL", r, &si, pid);

  poison(&si);
  r = raw_waitid(P_PID, pid, &si, WEXITED, NULL);
  show_info("reaped already", r, &si, pid);
  r = raw_waitid(P_PID, pid, &si, 0, NULL);
  show_info("no WEXITED etc.", r, &si, pid);
  r = raw_waitid(7, pid, &si, WEXITED, NULL);
  show_info("bad idtype", r, &si, pid);

  pid = spawn(do_exit, 3);
  r = raw_waitid(P_PID, pid, (siginfo_t *)8, WEXITED, NULL);
  show_info("bad infop", r, &si, pid);
  r = raw_waitid(P_PID, pid, &si, WEXITED | WNOHANG, NULL);
  show_info("after bad infop", r, &si, pid);
}

/* The kernel's clone on arm64: flags, stack, parent_tid, tls, child_tid
   (x86-64, for a native run of this test: child_tid, then tls). */
static long raw_clone(unsigned long flags, volatile int32_t *ptid, volatile int32_t *ctid) {
#ifdef __x86_64__
  return syscall(SYS_clone, flags, 0, ptid, ctid, 0);
#else
  return syscall(SYS_clone, flags, 0, ptid, 0, ctid);
#endif
}

static void test_clone_tids(void) {
  puts("-- clone(SIGCHLD | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID)");
  static volatile int32_t ptid = -1, ctid = -1;
  fflush(stdout);
  long pid = raw_clone(SIGCHLD | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID, &ptid, &ctid);
  if (pid == 0) _exit(ctid == (int32_t)syscall(SYS_gettid) ? 0 : 1);
  int status = -1;
  waitpid(pid, &status, 0);
  printf("parent_tid is the child's pid: %s\n", ptid == pid ? "yes" : "no");
  printf("child_tid untouched in the parent: %s\n", ctid == -1 ? "yes" : "no");
  show_status("child saw its child_tid", pid, status);
}

int main(void) {
  struct rlimit no_core = {0, 0}; /* the children's deaths leave no files */
  setrlimit(RLIMIT_CORE, &no_core);
  test_exit_codes();
  test_kill_stop_continue();
  test_waitid();
  test_clone_tids();
  return 0;
}
