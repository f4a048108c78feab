/* ioctl: terminal requests on a pseudo-terminal (TCGETS/TCSETS*,
   TIOCGWINSZ/TIOCSWINSZ, TIOCGPTN, TIOCSPTLCK, TIOCGPGRP, TIOCGSID),
   descriptor requests on a pipe (FIONREAD, FIONBIO, FIOCLEX, FIONCLEX), and
   the error paths: ENOTTY for a non-terminal or an unknown request, EFAULT,
   EBADF. Output is the same on every run (no pty numbers, no pids).
   Not checked here because qemu-aarch64 (the oracle) differs from Linux:
   an unknown request is ENOTTY on Linux, ENOSYS under qemu 7.2. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

static const char *errname(int e) {
  switch (e) {
    case EPERM: return "EPERM";       case ENOENT: return "ENOENT";
    case EBADF: return "EBADF";       case EAGAIN: return "EAGAIN";
    case EACCES: return "EACCES";     case EFAULT: return "EFAULT";
    case EINVAL: return "EINVAL";     case ENOTTY: return "ENOTTY";
    case EIO: return "EIO";           case ENXIO: return "ENXIO";
    default: return "E?";
  }
}

static void show(const char *what, long r) {
  if (r == -1) printf("%-48s %s\n", what, errname(errno));
  else printf("%-48s %ld\n", what, r);
}
#define SHOW(call) show(#call, (long)(call))
#define BAD ((void *)1)

/* The kernel's struct termios (asm-generic/termbits.h), not libc's. */
struct ktermios {
  unsigned c_iflag, c_oflag, c_cflag, c_lflag;
  unsigned char c_line, c_cc[19];
};
struct kwinsize {
  unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel;
};

static long kioctl(int fd, unsigned long req, void *arg) {
  return syscall(SYS_ioctl, fd, req, arg);
}

static void test_descriptor_requests(void) {
  puts("-- FIONREAD, FIONBIO, FIOCLEX, FIONCLEX on a pipe");
  int p[2];
  pipe(p);
  write(p[1], "12345", 5);
  int n = -1;
  SHOW(kioctl(p[0], FIONREAD, &n));
  printf("FIONREAD: %d\n", n);
  SHOW(kioctl(p[0], FIONREAD, BAD));
  int on = 1;
  SHOW(kioctl(p[0], FIONBIO, &on));
  printf("O_NONBLOCK set: %s\n", fcntl(p[0], F_GETFL) & O_NONBLOCK ? "yes" : "no");
  on = 0;
  SHOW(kioctl(p[0], FIONBIO, &on));
  printf("O_NONBLOCK set: %s\n", fcntl(p[0], F_GETFL) & O_NONBLOCK ? "yes" : "no");
  SHOW(kioctl(p[0], FIOCLEX, NULL));
  SHOW(fcntl(p[0], F_GETFD));
  SHOW(kioctl(p[0], FIONCLEX, NULL));
  SHOW(fcntl(p[0], F_GETFD));
  struct ktermios t;
  SHOW(kioctl(p[0], TCGETS, &t));
  SHOW(kioctl(p[0], TCGETS, BAD)); /* not a tty: ENOTTY before EFAULT */
  SHOW(kioctl(-1, FIONREAD, &n));
  SHOW(kioctl(1000, FIONREAD, &n));
  close(p[0]);
  close(p[1]);
}

static void test_pty(void) {
  puts("-- a pseudo-terminal");
  int master = posix_openpt(O_RDWR | O_NOCTTY);
  printf("posix_openpt: %s\n", master >= 0 ? "yes" : "no");
  unsigned ptn = ~0u;
  SHOW(kioctl(master, TIOCGPTN, &ptn));
  printf("pty number read: %s\n", ptn != ~0u ? "yes" : "no");
  SHOW(grantpt(master));
  int lock = 0;
  SHOW(kioctl(master, TIOCSPTLCK, &lock));
  const char *name = ptsname(master);
  printf("ptsname under /dev/pts/: %s\n", name && !strncmp(name, "/dev/pts/", 9) ? "yes" : "no");
  int slave = open(name, O_RDWR | O_NOCTTY);
  printf("slave opened: %s\n", slave >= 0 ? "yes" : "no");
  SHOW(isatty(slave));

  struct ktermios t;
  SHOW(kioctl(slave, TCGETS, &t));
  printf("ECHO %s ICANON %s\n", t.c_lflag & ECHO ? "on" : "off", t.c_lflag & ICANON ? "on" : "off");
  t.c_lflag &= ~(ECHO | ICANON);
  t.c_cc[VMIN] = 1;
  SHOW(kioctl(slave, TCSETS, &t));
  memset(&t, 0, sizeof t);
  SHOW(kioctl(slave, TCGETS, &t));
  printf("ECHO %s ICANON %s VMIN %d\n", t.c_lflag & ECHO ? "on" : "off",
         t.c_lflag & ICANON ? "on" : "off", t.c_cc[VMIN]);
  t.c_lflag |= ECHO;
  SHOW(kioctl(slave, TCSETSW, &t));
  SHOW(kioctl(slave, TCSETSF, &t));
  SHOW(kioctl(slave, TCGETS, &t));
  printf("ECHO %s\n", t.c_lflag & ECHO ? "on" : "off");
  SHOW(kioctl(slave, TCGETS, BAD));
  SHOW(kioctl(slave, TCSETS, BAD));

  /* libc's view goes through the same requests. */
  struct termios lt;
  SHOW(tcgetattr(slave, &lt));
  cfmakeraw(&lt);
  SHOW(tcsetattr(slave, TCSANOW, &lt));
  SHOW(tcgetattr(slave, &lt));
  printf("raw: OPOST %s ISIG %s\n", lt.c_oflag & OPOST ? "on" : "off", lt.c_lflag & ISIG ? "on" : "off");

  struct kwinsize ws = {24, 80, 0, 0};
  SHOW(kioctl(slave, TIOCSWINSZ, &ws));
  memset(&ws, 0, sizeof ws);
  SHOW(kioctl(master, TIOCGWINSZ, &ws));
  printf("window %ux%u\n", ws.ws_row, ws.ws_col);
  SHOW(kioctl(master, TIOCGWINSZ, BAD));

  /* Data crosses the pty in raw mode (the line discipline moves it
     asynchronously: read until both bytes are there). */
  SHOW(write(master, "ab", 2));
  char buf[4] = {0};
  for (int got = 0; got < 2;) {
    long r = read(slave, buf + got, 2 - got);
    if (r <= 0) break;
    got += r;
  }
  printf("read \"%s\"\n", buf);
  SHOW(kioctl(slave, TCFLSH, (void *)TCIOFLUSH));

  /* Not our controlling terminal. */
  int pgrp;
  SHOW(kioctl(slave, TIOCGPGRP, &pgrp));
  SHOW(kioctl(slave, TIOCGSID, &pgrp));
  close(slave);
  close(master);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  test_descriptor_requests();
  test_pty();
  return 0;
}
