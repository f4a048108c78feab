/* ioctl: terminals, ptys and the generic descriptor requests.

   Policy: only the requests listed in kIoctls reach the host; every other
   request is ENOTTY, what the kernel says when no driver knows a request.
   A pass-through of unknown requests cannot be made safe: the _IOC size
   field is not always honest, some structures carry pointers elfrun would
   have to check and translate, and some layouts are per-architecture. Each
   listed request has the same number and argument layout on aarch64 and
   x86-64 (asm-generic/ioctls.h on both), so it passes through unchanged
   once the argument is known to lie in the guest window. TIOCSTI (faking
   terminal input) is left out on purpose. */
#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "linux/fd.h"
#include "linux/safe_syscall.h"
#include "linux/svc.h"
#include "linux/xlat.h"

/* The kernel's own terminal structures (asm-generic/termbits.h), not
   glibc's struct termios; the host headers only declare termios2, which the
   TCGETS2 family of request numbers takes the size of. */
struct termios2 {
  u32 c_iflag, c_oflag, c_cflag, c_lflag;
  u8 c_line;
  u8 c_cc[19];
  u32 c_ispeed, c_ospeed;
};
#define KTERMIOS_SIZE 36 /* termios2 without the two speeds */
#define KTERMIOS2_SIZE sizeof(struct termios2)
_Static_assert(sizeof(struct termios2) == 44, "kernel struct termios2");
#define WINSIZE_SIZE 8

/* Not in every host header. */
#ifndef TIOCGPTPEER
#define TIOCGPTPEER 0x5441
#endif

struct ioctl_rule {
  u32 request;
  u32 size; /* bytes at the guest pointer arg; 0: arg is a plain value */
};

static const struct ioctl_rule kIoctls[] = {
    /* termios */
    {TCGETS, KTERMIOS_SIZE},
    {TCSETS, KTERMIOS_SIZE},
    {TCSETSW, KTERMIOS_SIZE},
    {TCSETSF, KTERMIOS_SIZE},
    {TCGETS2, KTERMIOS2_SIZE},
    {TCSETS2, KTERMIOS2_SIZE},
    {TCSETSW2, KTERMIOS2_SIZE},
    {TCSETSF2, KTERMIOS2_SIZE},
    {TCSBRK, 0},
    {TCSBRKP, 0},
    {TIOCSBRK, 0},
    {TIOCCBRK, 0},
    {TCXONC, 0},
    {TCFLSH, 0},
    {TIOCGWINSZ, WINSIZE_SIZE},
    {TIOCSWINSZ, WINSIZE_SIZE},
    {TIOCOUTQ, sizeof(int)},
    {TIOCGETD, sizeof(int)},
    {TIOCSETD, sizeof(int)},
    {TIOCMGET, sizeof(int)},
    {TIOCMSET, sizeof(int)},
    {TIOCMBIS, sizeof(int)},
    {TIOCMBIC, sizeof(int)},
    /* sessions and job control */
    {TIOCSCTTY, 0},
    {TIOCNOTTY, 0},
    {TIOCGPGRP, sizeof(int)},
    {TIOCSPGRP, sizeof(int)},
    {TIOCGSID, sizeof(int)},
    {TIOCEXCL, 0},
    {TIOCNXCL, 0},
    {TIOCGEXCL, sizeof(int)},
    {TIOCVHANGUP, 0},
    /* pseudo-terminals (posix_openpt, grantpt, unlockpt, ptsname) */
    {TIOCGPTN, sizeof(u32)},
    {TIOCSPTLCK, sizeof(int)},
    {TIOCGPTLCK, sizeof(int)},
    {TIOCPKT, sizeof(int)},
    {TIOCGPKT, sizeof(int)},
    {TIOCSIG, 0},
    /* any descriptor (do_vfs_ioctl) */
    {FIOCLEX, 0},
    {FIONCLEX, 0},
    {FIONBIO, sizeof(int)},
    {FIOASYNC, sizeof(int)},
    {FIONREAD, sizeof(int)},
    {FIOQSIZE, sizeof(i64)},
};

static const struct ioctl_rule *find_rule(u32 request) {
  for (size_t i = 0; i < ARRAY_LEN(kIoctls); i++)
    if (kIoctls[i].request == request) return &kIoctls[i];
  return NULL;
}

/* Could the kernel's ioctl look fd up? It does so before it looks at the
   request, and an O_PATH descriptor does not count. */
static bool fd_usable(int fd) {
  long fl = syscall(SYS_fcntl, fd, F_GETFL);
  return fl >= 0 && !(fl & O_PATH);
}

/* TIOCGPTPEER opens the pty's other side: its argument is open flags and
   its result a new descriptor. */
static i64 ioctl_ptpeer(int fd, u64 a64_flags) {
  int flags = xlat_open_flags_from_guest(a64_flags);
  return fd_adopt(syscall(SYS_ioctl, fd, TIOCGPTPEER, flags));
}

/* Through safe_syscall: terminal requests block (TCSETSW and TCSBRK wait
   for the output to drain) and TIOCSPGRP from a background process group
   is interrupted by SIGTTOU (drivers/tty/tty_jobctrl.c, tty_check_change),
   so a signal must interrupt them and restart them as Linux decides. */
SYSCALL_HANDLER(ioctl) {
  int fd = (int)arg[0];
  u32 request = (u32)arg[1]; /* the kernel's cmd is an unsigned int */
  if (!fd_is_guest(fd)) return -EBADF;
  if (request == TIOCGPTPEER) return ioctl_ptpeer(fd, arg[2]);
  const struct ioctl_rule *rule = find_rule(request);
  if (!rule) return fd_usable(fd) ? -ENOTTY : -EBADF;
  if (!rule->size) return safe_syscall(t, SYS_ioctl, fd, request, arg[2]);
  return safe_syscall(t, SYS_ioctl, fd, request, guest_buf(arg[2], rule->size));
}
