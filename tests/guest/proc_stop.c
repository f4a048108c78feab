/* The job-control signals' default actions, as a shell's wait loop sees
   them: SIGTSTP, SIGTTIN and SIGTTOU stop a child (sent by its parent or
   raised by itself) and wait4 with WUNTRACED reports which one; SIGCONT
   resumes it, wait4 with WCONTINUED and waitid with WCONTINUED
   (CLD_CONTINUED) report that; a handler or SIG_IGN replaces the stop; a
   SIGCONT handler runs after the stop ends; a handler put back to SIG_DFL
   stops again (kernel/signal.c: sig_kernel_stop_mask, do_signal_stop). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t g_caught;

static void on_signal(int sig) { g_caught = sig; }

static void set_handler(int sig, void (*handler)(int)) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sigaction(sig, &sa, NULL);
}

static void show(const char *what, pid_t r, pid_t pid, int status) {
  printf("%-34s ", what);
  if (r != pid) printf("wait failed\n");
  else if (WIFSTOPPED(status)) printf("stopped by %d\n", WSTOPSIG(status));
  else if (WIFCONTINUED(status)) printf("continued\n");
  else if (WIFSIGNALED(status)) printf("killed by %d\n", WTERMSIG(status));
  else printf("exited %d\n", WEXITSTATUS(status));
}

/* A child that waits for signals until it is killed. */
static pid_t idle_child(void) {
  pid_t pid = fork();
  if (pid == 0) for (;;) pause();
  return pid;
}

/* The parent stops, continues and kills an idle child with sig. */
static void stop_from_parent(int sig, const char *name) {
  char what[64];
  int status;
  pid_t pid = idle_child();
  kill(pid, sig);
  snprintf(what, sizeof what, "%s from the parent", name);
  show(what, waitpid(pid, &status, WUNTRACED), pid, status);
  kill(pid, SIGCONT);
  show("  then SIGCONT (WCONTINUED)", waitpid(pid, &status, WCONTINUED), pid, status);
  kill(pid, SIGKILL);
  show("  then SIGKILL", waitpid(pid, &status, 0), pid, status);
}

/* The child raises SIGTSTP itself; waitid reports the continue, then the
   exit status the child chose after it resumed. The child waits on a pipe
   before it exits: a zombie is not reported to WCONTINUED, so a child
   that exited before the parent's waitid would race it. */
static void stop_by_itself(void) {
  int status, go[2];
  if (pipe(go) != 0) return;
  pid_t pid = fork();
  if (pid == 0) {
    char c;
    close(go[1]);
    raise(SIGTSTP);
    if (read(go[0], &c, 1) < 0) _exit(1);
    _exit(7);
  }
  close(go[0]);
  show("raise(SIGTSTP) in the child", waitpid(pid, &status, WUNTRACED), pid, status);
  kill(pid, SIGCONT);
  siginfo_t si;
  memset(&si, 0, sizeof si);
  int r = waitid(P_PID, pid, &si, WCONTINUED);
  printf("%-34s %s, si_status %d\n", "  then waitid(WCONTINUED)",
         r == 0 && si.si_code == CLD_CONTINUED ? "CLD_CONTINUED" : "other", si.si_status);
  close(go[1]); /* the child's read returns: it exits */
  show("  then it exits", waitpid(pid, &status, 0), pid, status);
}

/* What the child's disposition for SIGTSTP makes of raise(SIGTSTP): it
   exits with the signal its handler saw (0 if none ran). */
static void stop_replaced(const char *what, void (*handler)(int), int reset) {
  int status;
  pid_t pid = fork();
  if (pid == 0) {
    set_handler(SIGTSTP, handler);
    if (reset) set_handler(SIGTSTP, SIG_DFL);
    raise(SIGTSTP);
    _exit(g_caught);
  }
  pid_t r = waitpid(pid, &status, WUNTRACED);
  show(what, r, pid, status);
  if (r == pid && WIFSTOPPED(status)) {
    kill(pid, SIGCONT);
    show("  then it exits", waitpid(pid, &status, 0), pid, status);
  }
}

/* A SIGCONT handler runs once the stop ends; the child exits with the
   signal it caught. */
static void continue_handler(void) {
  int status;
  pid_t pid = fork();
  if (pid == 0) {
    set_handler(SIGCONT, on_signal);
    raise(SIGSTOP);
    _exit(g_caught);
  }
  show("SIGSTOP, child handles SIGCONT", waitpid(pid, &status, WUNTRACED), pid, status);
  kill(pid, SIGCONT);
  show("  then it exits", waitpid(pid, &status, 0), pid, status);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  printf("SIGTSTP %d, SIGTTIN %d, SIGTTOU %d, SIGCONT %d, SIGSTOP %d\n", SIGTSTP, SIGTTIN,
         SIGTTOU, SIGCONT, SIGSTOP);
  stop_from_parent(SIGTSTP, "SIGTSTP");
  stop_from_parent(SIGTTIN, "SIGTTIN");
  stop_from_parent(SIGTTOU, "SIGTTOU");
  stop_by_itself();
  stop_replaced("SIGTSTP with a handler", on_signal, 0);
  stop_replaced("SIGTSTP ignored", SIG_IGN, 0);
  stop_replaced("SIGTSTP handler reset to SIG_DFL", on_signal, 1);
  continue_handler();
  return 0;
}
