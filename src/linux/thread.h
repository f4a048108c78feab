#ifndef ELFRUN_LINUX_THREAD_H_
#define ELFRUN_LINUX_THREAD_H_

#include "base/types.h"
#include "linux/process.h"

i64 thread_clone(struct thread *parent, u64 flags, gaddr stack, gaddr ptid, gaddr tls,
                 gaddr ctid);
void NORETURN thread_exit(struct thread *t, int status);

void thread_for_each(struct thread *self, void (*fn)(struct thread *, void *), void *arg);
bool thread_with_tid(struct thread *self, int tid, void (*fn)(struct thread *, void *),
                     void *arg);
void thread_after_fork(struct thread *t);

#endif
