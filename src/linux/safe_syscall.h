#ifndef ELFRUN_LINUX_SAFE_SYSCALL_H_
#define ELFRUN_LINUX_SAFE_SYSCALL_H_

#include "base/types.h"
#include "linux/process.h"

/* Linux's internal "restart me" code: returned by a call that a signal
   interrupted, turned into EINTR or a restart when the signal is delivered. */
#define A64_ERESTARTSYS 512

long safe_syscall_base(volatile u32 *pending, long nr, long a1, long a2, long a3,
                       long a4, long a5, long a6);
extern char safe_syscall_start[], safe_syscall_end[], safe_syscall_interrupted[];

/* Makes a host system call that may block (read on a pipe, futex wait,
   wait4...) on behalf of thread t such that a guest signal arriving at any
   moment interrupts it: returns the kernel's result, -EINTR when a signal
   interrupted the sleep, or -A64_ERESTARTSYS when one was already pending.
   Blocking handlers must use this instead of syscall(2). */
#define safe_syscall(t, nr, ...) safe_syscall_n(t, nr, __VA_ARGS__, 0, 0, 0, 0, 0, 0)
#define safe_syscall_n(t, nr, a1, a2, a3, a4, a5, a6, ...)                       \
  safe_syscall_base(&(t)->cpu.attention, (nr), (long)(a1), (long)(a2), (long)(a3), \
                    (long)(a4), (long)(a5), (long)(a6))

#endif
