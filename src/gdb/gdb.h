#ifndef ELFRUN_GDB_GDB_H_
#define ELFRUN_GDB_GDB_H_

#include "base/types.h"
#include "cpu/cpu.h"

struct thread;

/* True from the moment a gdb client attached (--gdb) until it detaches.
   Every hook below is called only behind a test of it, on cold paths. */
extern bool g_gdb_active;

/* Whether --gdb's argument is PORT or HOST:PORT as elfrun takes them. */
bool gdb_where_ok(const char *where);
/* --gdb: waits for the client, then stops main at its first instruction. */
void gdb_start(struct thread *main, const char *where);
/* cpu_handle_attention(): a block boundary where gdb may want this thread. */
void gdb_at_boundary(struct cpu *cpu);
/* cpu_deliver_exception(): true if gdb took the exception (a breakpoint, a
   watchpoint, a signal gdb chose not to deliver). May change exc.signo. */
bool gdb_exception(struct cpu *cpu);
/* Before a guest signal is delivered: returns the signal to deliver
   instead (0: none), as gdb's continue-with-signal decides. */
int gdb_signal(struct cpu *cpu, int sig);
/* A thread (not the last) ends: the stub forgets it. */
void gdb_thread_exit(struct cpu *cpu);
/* In the child of a fork: the child runs on without the debugger. */
void gdb_after_fork(void);
/* After cpu_handle_attention() delivered signals or settled a restart:
   a single step under way moves to the PC they left. */
void gdb_after_signals(struct cpu *cpu);
/* The process ends: W (exit status) or X (signal) to the client. */
void gdb_exit(int status);
void gdb_killed(int sig);

#endif
