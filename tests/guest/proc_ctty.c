/* Sessions and controlling terminals, the calls a shell's job control is
   made of: setsid, TIOCSCTTY on a fresh pseudo-terminal, TIOCGSID,
   tcgetpgrp/tcsetpgrp (TIOCGPGRP/TIOCSPGRP) to hand the terminal to another
   process group and take it back, TIOCNOTTY; and the terminal's rules for a
   background process group (drivers/tty/tty_jobctrl.c, __tty_check_change):
   tcsetpgrp from it with SIGTTOU blocked succeeds, and with SIGTTOU at its
   default in an orphaned process group (a session leader's own) fails
   instead of stopping: with ENOTTY, as tiocspgrp() turns the check's EIO
   into ENOTTY. Ids differ between runs, so only relations between them are
   printed.
   The expected output is this program's, built natively for x86-64
   (proc_ctty.oracle): qemu-aarch64 7.2 answers TIOCGSID with 0 but never
   writes the session id, which tiocgsid() does (tty_jobctrl.c, put_user). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#define YN(x) ((x) ? "yes" : "no")

static const char *err(int r) {
  if (r == 0) return "0";
  switch (errno) {
    case EIO: return "EIO";       case ENOTTY: return "ENOTTY";
    case EPERM: return "EPERM";   case EINVAL: return "EINVAL";
    case ENXIO: return "ENXIO";   default: return "E?";
  }
}

static void block_ttou(int how) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTTOU);
  sigprocmask(how, &set, NULL);
}

/* A process in a process group of its own, the session's other job. */
static pid_t other_group(void) {
  pid_t pid = fork();
  if (pid == 0) {
    setpgid(0, 0);
    for (;;) pause();
  }
  setpgid(pid, pid);
  return pid;
}

static void session_leader(const char *slave_name) {
  pid_t me = getpid();
  printf("setsid() == getpid(): %s\n", YN(setsid() == me));
  int tty = open(slave_name, O_RDWR | O_NOCTTY);
  printf("tcgetpgrp before TIOCSCTTY: %s\n", err(tcgetpgrp(tty) < 0 ? -1 : 0));
  printf("TIOCSCTTY: %s\n", err(ioctl(tty, TIOCSCTTY, 0)));
  pid_t sid = -1;
  const char *why = err(ioctl(tty, TIOCGSID, &sid));
  printf("TIOCGSID: %s, is the session: %s\n", why, YN(sid == me));
  printf("tcgetpgrp is our group: %s\n", YN(tcgetpgrp(tty) == getpgrp()));

  pid_t job = other_group();
  printf("tcsetpgrp to the other group: %s\n", err(tcsetpgrp(tty, job)));
  printf("tcgetpgrp is the other group: %s\n", YN(tcgetpgrp(tty) == job));
  printf("tcsetpgrp back, in the background, SIGTTOU default: %s\n",
         err(tcsetpgrp(tty, me)));
  block_ttou(SIG_BLOCK);
  printf("tcsetpgrp back, SIGTTOU blocked: %s\n", err(tcsetpgrp(tty, me)));
  block_ttou(SIG_UNBLOCK);
  printf("tcgetpgrp is our group again: %s\n", YN(tcgetpgrp(tty) == me));
  printf("getsid(job) is ours: %s, getpgid(job) is its own: %s\n",
         YN(getsid(job) == me), YN(getpgid(job) == job));
  kill(job, SIGKILL);
  waitpid(job, NULL, 0);

  signal(SIGHUP, SIG_IGN); /* TIOCNOTTY hangs up the foreground group: us */
  printf("TIOCNOTTY: %s\n", err(ioctl(tty, TIOCNOTTY)));
  printf("tcgetpgrp after TIOCNOTTY: %s\n", err(tcgetpgrp(tty) < 0 ? -1 : 0));
  fflush(stdout);
  _exit(0);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  int master = posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0 || grantpt(master) || unlockpt(master)) {
    printf("no pseudo-terminal: %s\n", strerror(errno));
    return 1;
  }
  char slave_name[64];
  snprintf(slave_name, sizeof slave_name, "%s", ptsname(master));
  pid_t pid = fork();
  if (pid == 0) session_leader(slave_name);
  int status;
  waitpid(pid, &status, 0);
  printf("session leader exited %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  return 0;
}
