#ifndef ELFRUN_LINUX_STRACE_DEPENDENT_H_
#define ELFRUN_LINUX_STRACE_DEPENDENT_H_

#include "linux/strace_call.h"

/* Format letter 'c': arguments whose meaning depends on the call and on
   the arguments before them. */
void strace_put_dependent(const struct strace_call *c, int i);
/* clone's arguments, named as strace names them. */
void strace_put_clone_call(const struct strace_call *c);

#endif
