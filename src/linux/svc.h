#ifndef ELFRUN_LINUX_SVC_H_
#define ELFRUN_LINUX_SVC_H_

#include "base/types.h"
#include "cpu/cpu.h"

struct thread;

/* Runs the system call the guest asked for with SVC: number in X8, arguments
   in X0-X5, result (or -errno) back in X0. The only code that knows that. */
void svc_dispatch(struct cpu *cpu);

/* Every handler has this shape and returns the Linux result or -errno. */
#define SYSCALL_HANDLER(name) i64 sys_##name(struct thread *t, const u64 *arg)

#define SYSCALL(nr, name, flags, fmt) SYSCALL_HANDLER(name);
#include "linux/syscalls.def"
#undef SYSCALL

/* The kernel's name of syscall nr, or NULL if elfrun does not know it. */
const char *syscall_name(u64 nr);

#endif
