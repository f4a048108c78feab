/* Moving data between descriptors inside the kernel: sendfile, splice,
   tee, vmsplice, copy_file_range.

   Offsets are loff_t (the same 64-bit value on both ABIs) that the host
   reads and updates in the guest's memory itself; SPLICE_F_* and
   copy_file_range's flags are the same bits. Each may wait on a pipe or a
   socket, so each blocks through safe_syscall, and an interrupted one is
   restarted by the rules of its syscalls.def flags (pipe_wait() returns
   ERESTARTSYS). */
#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "linux/fd.h"
#include "linux/process.h"
#include "linux/safe_syscall.h"
#include "linux/svc.h"
#include "linux/xlat.h"
#include "mem/guest.h"

/* UIO_MAXIOV */
#define A64_UIO_MAXIOV 1024

/* An optional loff_t * the host reads and writes. */
static void *offset_ptr(gaddr a) { return a ? guest_buf(a, sizeof(i64)) : NULL; }

SYSCALL_HANDLER(sendfile) {
  int out = (int)arg[0], in = (int)arg[1];
  if (!fd_is_guest(out) || !fd_is_guest(in)) return -EBADF;
  return safe_syscall(t, SYS_sendfile, out, in, offset_ptr(arg[2]), arg[3]);
}

SYSCALL_HANDLER(splice) {
  int in = (int)arg[0], out = (int)arg[2];
  if (!fd_is_guest(in) || !fd_is_guest(out)) return -EBADF;
  return safe_syscall(t, SYS_splice, in, offset_ptr(arg[1]), out, offset_ptr(arg[3]), arg[4],
                      (u32)arg[5]);
}

SYSCALL_HANDLER(tee) {
  int in = (int)arg[0], out = (int)arg[1];
  if (!fd_is_guest(in) || !fd_is_guest(out)) return -EBADF;
  return safe_syscall(t, SYS_tee, in, out, arg[2], (u32)arg[3]);
}

SYSCALL_HANDLER(copy_file_range) {
  int in = (int)arg[0], out = (int)arg[2];
  if (!fd_is_guest(in) || !fd_is_guest(out)) return -EBADF;
  return safe_syscall(t, SYS_copy_file_range, in, offset_ptr(arg[1]), out, offset_ptr(arg[3]),
                      arg[4], (u32)arg[5]);
}

/* The iovec array is copied and every segment checked against the guest
   window: one outside it becomes an address the host refuses (EFAULT),
   since the kernel would map or read the guest's pages there. */
SYSCALL_HANDLER(vmsplice) {
  int fd = (int)arg[0];
  u64 count = arg[2];
  if (!fd_is_guest(fd)) return -EBADF;
  if (count > A64_UIO_MAXIOV) return -EINVAL;
  struct iovec iov[A64_UIO_MAXIOV];
  if (copy_from_guest(iov, arg[1], count * sizeof *iov)) return -EFAULT;
  for (u64 i = 0; i < count; i++)
    iov[i].iov_base = guest_buf(h2g(iov[i].iov_base), iov[i].iov_len);
  return safe_syscall(t, SYS_vmsplice, fd, iov, count, (u32)arg[3]);
}
