#ifndef ELFRUN_LINUX_CLONE_H_
#define ELFRUN_LINUX_CLONE_H_

#include "base/types.h"

struct thread;

i64 clone_process(struct thread *t, u64 flags, gaddr stack, gaddr ptid, gaddr tls,
                  gaddr ctid);

#endif
