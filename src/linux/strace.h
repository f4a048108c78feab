#ifndef ELFRUN_LINUX_STRACE_H_
#define ELFRUN_LINUX_STRACE_H_

#include "base/types.h"

struct thread;

/* --strace: one line per syscall, "tid name(args) = result", written when the
   call returns (or before it, for calls that do not return). */
void strace_enter(struct thread *t, u64 nr, const u64 *arg);
void strace_exit(struct thread *t, u64 nr, i64 ret);

#endif
