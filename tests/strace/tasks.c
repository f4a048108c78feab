/* A forked child under --strace: once the guest has two tasks, every line
   starts with "[pid TID] " (as with strace -f), the child's return from
   clone is not shown, and wait4 shows the child's status by name. The
   child closes its fd 2 and execs itself: the trace goes on, into the same
   place and still with the tid (elfrun re-executes itself for an execve).
   The child's lines may come before or after the parent's clone line, so
   tests/strace/run.sh compares the parent's lines and the child's apart,
   and keeps of the child's only the calls made here (the start-up calls
   of the exec'd libc differ between builds). Raw syscalls, so that glibc,
   musl and x86-64 builds make the same calls. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static void marker(const char *what) { syscall(SYS_write, -1, what, strlen(what)); }

int main(int argc, char **argv) {
  (void)argv;
  if (argc > 1) {
    marker("exec'd child");
    syscall(SYS_exit_group, 3);
  }
  marker("strace-begin");
  syscall(SYS_getpid);
  /* fork as the kernel sees it: exit signal SIGCHLD, no new stack. */
  long pid = syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
  if (pid == 0) {
    static char *const args[] = {"tasks", "child", NULL};
    char *env[] = {NULL}; /* on the stack: its address is masked */
    marker("child");
    syscall(SYS_close, 2);
    syscall(SYS_execve, "/proc/self/exe", args, env);
    syscall(SYS_exit_group, 4);
  }
  int status;
  syscall(SYS_wait4, pid, &status, 0, NULL);
  marker("strace-end");
  printf("child exited with %d\n", status >> 8);
  return 0;
}
