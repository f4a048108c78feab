#ifndef ELFRUN_LINUX_STRACE_CALL_H_
#define ELFRUN_LINUX_STRACE_CALL_H_

#include <string.h>

#include "base/types.h"

#define STRACE_MAX_ARGS 6

/* The call a thread is tracing, from entry to return. */
struct strace_call {
  const char *name;
  const char *fmt;             /* its letters in syscalls.def */
  u64 arg[STRACE_MAX_ARGS];
  u64 before[STRACE_MAX_ARGS]; /* what an out-argument held on entry (socklen) */
  i64 ret;
  int next;                    /* first argument not printed yet */
  bool active;
};

static inline bool strace_call_is(const struct strace_call *c, const char *name) {
  return c->name && !strcmp(c->name, name);
}

#endif
