#ifndef ELFRUN_MEM_FAULT_H_
#define ELFRUN_MEM_FAULT_H_

#include <setjmp.h>
#include <signal.h>

#include "base/types.h"

struct cpu;

/* Installs the host SIGSEGV/SIGBUS handler that turns faults on guest memory
   into guest signals (or -EFAULT inside a guarded copy). */
void fault_init(void);

/* Provided by the Linux layer (signal.c): a SIGSEGV or SIGBUS sent by
   another process or thread rather than raised by a fault. */
void signal_from_fault_handler(int sig, siginfo_t *si, void *uc);

/* The cpu whose guest instructions this host thread runs, or NULL. */
extern __thread struct cpu *t_cpu;

/* Guarded copies: a fault between begin and end unwinds to jb. */
void fault_guard_begin(sigjmp_buf *jb);
void fault_guard_end(void);

#endif
