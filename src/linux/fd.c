/* Descriptor I/O: read, write and their vector and positioned forms. */
#include <errno.h>
#include <unistd.h>

#include "linux/svc.h"
#include "mem/guest.h"

SYSCALL_HANDLER(write) {
  (void)t;
  if (!guest_ptr_ok(arg[1], arg[2])) return -EFAULT;
  ssize_t n = write((int)arg[0], g2h(arg[1]), arg[2]);
  return n < 0 ? -errno : n;
}
