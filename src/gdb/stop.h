#ifndef ELFRUN_GDB_STOP_H_
#define ELFRUN_GDB_STOP_H_

#include "base/types.h"
#include "cpu/cpu.h"
#include "gdb/points.h"

struct thread;

/* Why the process stopped, as the stop reply tells gdb. */
enum stop_kind {
  STOP_NONE,
  STOP_ENTRY,     /* the first instruction, before the client's '?' */
  STOP_BREAK,     /* a Z0/Z1 breakpoint */
  STOP_WATCH,     /* a Z2-Z4 watchpoint */
  STOP_STEP,      /* a single step ended */
  STOP_SIGNAL,    /* a guest signal about to be delivered */
  STOP_INTERRUPT, /* Ctrl-C from the client */
};

struct stop_event {
  enum stop_kind kind;
  int signo;              /* Linux signal number */
  struct thread *thread;  /* the thread that stopped */
  enum point_kind point;  /* STOP_BREAK, STOP_WATCH: which kind */
  gaddr addr;             /* STOP_WATCH: the address hit */
};

/* One resume action of vCont (or c/s/C/S). */
struct resume_action {
  bool step;
  int signo; /* Linux signal to deliver, 0 for none */
  int tid;   /* -1: every thread without its own action */
};

#define MAX_GDB_THREADS 256

int stop_list_threads(struct thread **out, int max);
struct thread *stop_find_thread(int tid);
void stop_request_interrupt(void);
bool stop_wait_event(struct stop_event *ev, int sock_fd, bool *sock_ready);
void stop_all(struct stop_event *ev);
void stop_at_entry(struct cpu *cpu);
bool stop_is_detached(void);
void stop_forget_after_fork(void);
void stop_resume(const struct resume_action *acts, int n);
void stop_detach(void);
void stop_init(struct thread *main, int wake_fd);
struct thread *stop_main_thread(void);

#endif
