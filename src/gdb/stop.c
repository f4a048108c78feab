/* All-stop coordination between the guest threads and gdb's server thread.

   gdb sees the process in one of two states. Running: every guest thread
   runs; the server thread waits for a stop event or a Ctrl-C. Stopped:
   every guest thread is parked at a block boundary (or sits in a system
   call, where it holds no guest state that could change under gdb: its
   registers are saved in its struct cpu and it parks at the next block
   boundary if the call returns). The server then answers gdb's packets
   alone, reading and writing parked threads' struct cpu directly.

   A guest thread that meets something gdb must hear of (a breakpoint, a
   watchpoint, a finished step, a signal about to be delivered) records it
   as the stop event, unless another thread's event got there first, wakes
   the server, and parks. The server raises every other thread's attention
   flag, so each parks at its next block boundary (cpu_handle_attention
   calls gdb_at_boundary), waits until all are parked, and sends the stop
   reply. Resuming hands each thread its action (continue, step, signal)
   and wakes the parked threads. A thread whose own event lost the race
   finds it again: a breakpoint or watchpoint re-executes and traps again,
   and a signal is reported again as soon as the process resumes.

   A single step runs one instruction: the stepping thread's next block is
   a private one-instruction block in its own jump cache
   (block_step_install), and its attention flag brings it back here right
   after it. Other threads and the shared block cache are untouched. */
#include "gdb/stop.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "cpu/block.h"
#include "gdb/gdb.h"
#include "linux/process.h"
#include "linux/thread.h"
#include "mem/guest.h"

/* What gdb's stub keeps per guest thread. */
struct gthread {
  struct thread *t;   /* NULL: free slot */
  bool parked;        /* waiting in park() */
  bool run;           /* gdb resumed it */
  bool step;          /*   for one instruction */
  int resume_sig;     /*   delivering this signal (0: none) */
  bool stepping;      /* a step is under way: report its end */
  bool stepover;      /* stepping over an access to a watched page */
  struct block *step_block; /* the one-instruction block of the step */
};

bool g_gdb_active;
static bool g_detached;
static pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_cv = PTHREAD_COND_INITIALIZER;
static struct gthread g_threads[MAX_GDB_THREADS];
static struct stop_event g_event; /* the pending stop, kind STOP_NONE if none */
static bool g_stop_wanted;        /* every thread should park */
static int g_wake_fd = -1;        /* eventfd the server polls */
static struct thread *g_main;

void stop_init(struct thread *main, int wake_fd) {
  g_main = main;
  g_wake_fd = wake_fd;
}

struct thread *stop_main_thread(void) { return g_main; }

static struct gthread *gthread_locked(struct thread *t) {
  struct gthread *free_slot = NULL;
  for (int i = 0; i < MAX_GDB_THREADS; i++) {
    if (g_threads[i].t == t) return &g_threads[i];
    if (!g_threads[i].t && !free_slot) free_slot = &g_threads[i];
  }
  if (!free_slot) return &g_threads[MAX_GDB_THREADS - 1]; /* shares: degraded */
  memset(free_slot, 0, sizeof *free_slot);
  free_slot->t = t;
  return free_slot;
}

static void wake_server(void) {
  u64 one = 1;
  if (write(g_wake_fd, &one, sizeof one) < 0) { /* the counter is saturated: awake anyway */ }
}

/* ---- the thread list ---- */

struct thread_list {
  struct thread **out;
  int n, max;
};

static void add_thread(struct thread *t, void *arg) {
  struct thread_list *l = arg;
  if (l->n < l->max) l->out[l->n++] = t;
}

/* Every live guest thread, the main thread first if it lives. */
int stop_list_threads(struct thread **out, int max) {
  struct thread_list l = {out, 0, max};
  thread_for_each(g_main, add_thread, &l);
  for (int i = 1; i < l.n; i++)
    if (out[i] == g_main) {
      out[i] = out[0];
      out[0] = g_main;
    }
  return l.n;
}

struct thread *stop_find_thread(int tid) {
  struct thread *all[MAX_GDB_THREADS];
  int n = stop_list_threads(all, MAX_GDB_THREADS);
  for (int i = 0; i < n; i++)
    if (all[i]->tid == tid) return all[i];
  return NULL;
}

/* ---- the guest side ---- */

/* Parks the calling thread until gdb resumes it. ev, if not NULL, is this
   thread's reason to stop; returns true if it became the reported stop. */
static bool park(struct cpu *cpu, const struct stop_event *ev, struct gthread *out) {
  struct thread *t = thread_of(cpu);
  pthread_mutex_lock(&g_mu);
  struct gthread *g = gthread_locked(t);
  bool mine = false;
  if (ev && g_event.kind == STOP_NONE && !g_detached) {
    g_event = *ev;
    g_event.thread = t;
    g_stop_wanted = true;
    mine = true;
    wake_server();
  }
  if (!g_stop_wanted || g_detached) {
    pthread_mutex_unlock(&g_mu);
    if (out) memset(out, 0, sizeof *out);
    return false;
  }
  g->parked = true;
  g->run = false;
  g->stepping = false;
  pthread_cond_broadcast(&g_cv);
  while (!g->run) pthread_cond_wait(&g_cv, &g_mu);
  g->parked = false;
  bool step = g->step;
  if (out) *out = *g;
  pthread_mutex_unlock(&g_mu);
  if (step) {
    struct block *b = block_step_install(cpu);
    pthread_mutex_lock(&g_mu);
    g->stepping = true;
    g->step_block = b;
    pthread_mutex_unlock(&g_mu);
    cpu->attention = 1; /* back here after one instruction */
  }
  return mine;
}

/* The step (or the step over a watched access) is over, or was cut short
   by an exception: its block goes. */
static void step_end_locked(struct cpu *cpu, struct gthread *g) {
  block_step_release(cpu, g->step_block);
  g->step_block = NULL;
  if (g->stepover) points_protect_all();
  g->stepover = false;
}

void gdb_at_boundary(struct cpu *cpu) {
  if (g_detached) return;
  pthread_mutex_lock(&g_mu);
  struct gthread *g = gthread_locked(thread_of(cpu));
  bool stepped = g->stepping;
  g->stepping = false;
  step_end_locked(cpu, g);
  bool wanted = g_stop_wanted;
  pthread_mutex_unlock(&g_mu);
  if (stepped) {
    struct stop_event ev = {.kind = STOP_STEP, .signo = SIGTRAP};
    park(cpu, &ev, NULL);
  } else if (wanted) {
    park(cpu, NULL, NULL);
  }
}

void gdb_thread_exit(struct cpu *cpu) {
  pthread_mutex_lock(&g_mu);
  for (int i = 0; i < MAX_GDB_THREADS; i++)
    if (g_threads[i].t == thread_of(cpu)) {
      block_step_release(cpu, g_threads[i].step_block);
      if (g_threads[i].stepover) points_protect_all();
      memset(&g_threads[i], 0, sizeof g_threads[i]);
    }
  pthread_mutex_unlock(&g_mu);
}

/* A step whose resume delivered a signal ends at the handler's first
   instruction, not yet run, as arm64 Linux reports it (do_signal() ->
   signal_setup_done() notifies the tracer of a step right after setting up
   the frame). */
void gdb_after_signals(struct cpu *cpu) {
  pthread_mutex_lock(&g_mu);
  struct gthread *g = gthread_locked(thread_of(cpu));
  bool moved = g->stepping && !g->stepover && g->step_block && g->step_block->pc != cpu->pc;
  if (moved) {
    g->stepping = false;
    step_end_locked(cpu, g);
  }
  pthread_mutex_unlock(&g_mu);
  if (!moved) return;
  struct stop_event ev = {.kind = STOP_STEP, .signo = SIGTRAP};
  park(cpu, &ev, NULL);
}

/* A signal about to be delivered: report it (again, until it is the stop
   gdb hears of), then deliver what gdb resumed with. */
int gdb_signal(struct cpu *cpu, int sig) {
  if (g_detached) return sig;
  struct stop_event ev = {.kind = STOP_SIGNAL, .signo = sig};
  struct gthread g;
  while (!park(cpu, &ev, &g))
    if (g_detached) return sig;
  return g_detached ? sig : g.resume_sig; /* after D, as if never reported */
}

/* STXR, STLXR, STXP, STLXP: the load/store exclusive class with L = 0 and
   o2 = 0 (Arm ARM C4.1.94, "Load/store exclusive register"). */
static bool is_store_exclusive(u32 word) { return (word & 0x3fc00000u) == 0x08000000u; }

/* An access to a watched page outside every watched range (or of a kind
   no watchpoint there wants): run that one instruction with the page open.
   A store-exclusive cleared the monitor before its store faulted, so it
   would fail, and its retry loop fault again, forever (a lock on the same
   page as a watched global): the monitor is put back for the step, since
   on arm64 the watchpoint would not have fired at all. */
static void start_stepover(struct cpu *cpu) {
  u32 word = 0;
  if (!copy_from_guest(&word, cpu->pc, 4) && is_store_exclusive(word) && cpu->excl_size)
    cpu->excl_addr = cpu->exc.addr;
  pthread_mutex_lock(&g_mu);
  struct gthread *g = gthread_locked(thread_of(cpu));
  points_unprotect_page(cpu->exc.addr);
  g->stepover = true;
  pthread_mutex_unlock(&g_mu);
  struct block *b = block_step_install(cpu);
  pthread_mutex_lock(&g_mu);
  g->step_block = b;
  pthread_mutex_unlock(&g_mu);
  cpu->attention = 1;
}

static bool watch_exception(struct cpu *cpu) {
  bool watched_page;
  struct stop_event ev = {.kind = STOP_WATCH, .signo = SIGTRAP};
  if (points_watch_hit(cpu->exc.addr, cpu->exc.write, &watched_page, &ev.addr, &ev.point)) {
    park(cpu, &ev, NULL); /* the access re-executes, once gdb removed the watch */
    return true;
  }
  if (!watched_page) return false;
  start_stepover(cpu);
  return true;
}

bool gdb_exception(struct cpu *cpu) {
  if (g_detached) return false;
  pthread_mutex_lock(&g_mu);
  struct gthread *gt = gthread_locked(thread_of(cpu));
  bool stepped = gt->stepping;
  gt->stepping = false;
  step_end_locked(cpu, gt);
  pthread_mutex_unlock(&g_mu);
  (void)stepped; /* the exception, not the step, is what gdb hears of */
  int sig = cpu->exc.signo;
  if (sig == SIGTRAP && points_breakpoint_at(cpu->pc)) {
    struct stop_event ev = {.kind = STOP_BREAK, .signo = SIGTRAP, .point = POINT_SW_BREAK};
    if (points_hw_breakpoint_at(cpu->pc)) ev.point = POINT_HW_BREAK;
    park(cpu, &ev, NULL); /* BRK did nothing: the PC stays at the breakpoint */
    return true;
  }
  if (sig == SIGSEGV && cpu->exc.code == SEGV_ACCERR && watch_exception(cpu)) return true;
  int deliver = gdb_signal(cpu, sig);
  if (!deliver) return true; /* the instruction runs again, as on Linux */
  cpu->exc.signo = deliver;
  return false;
}

/* ---- the server side ---- */

/* The first stop, before any guest instruction: the client's '?' hears of
   it. */
void stop_at_entry(struct cpu *cpu) {
  struct stop_event ev = {.kind = STOP_ENTRY, .signo = SIGTRAP};
  park(cpu, &ev, NULL);
}

void stop_request_interrupt(void) {
  pthread_mutex_lock(&g_mu);
  if (g_event.kind == STOP_NONE) {
    g_event = (struct stop_event){.kind = STOP_INTERRUPT, .signo = SIGINT, .thread = NULL};
    g_stop_wanted = true;
  }
  pthread_mutex_unlock(&g_mu);
}

bool stop_is_detached(void) { return g_detached; }

void stop_forget_after_fork(void) {
  pthread_mutex_init(&g_mu, NULL);
  pthread_cond_init(&g_cv, NULL);
  g_detached = true;
  g_stop_wanted = false;
  close(g_wake_fd);
}

/* Waits for a stop event or for input on sock_fd (if not -1). Returns true
   with the event; false with *sock_ready when the client has something to
   say. */
bool stop_wait_event(struct stop_event *ev, int sock_fd, bool *sock_ready) {
  for (;;) {
    pthread_mutex_lock(&g_mu);
    bool have = g_event.kind != STOP_NONE;
    if (have) *ev = g_event;
    pthread_mutex_unlock(&g_mu);
    if (have) return true;
    struct pollfd p[2] = {{.fd = sock_fd, .events = POLLIN}, {.fd = g_wake_fd, .events = POLLIN}};
    if (poll(p, 2, -1) < 0) continue;
    if (p[1].revents) {
      u64 n;
      if (read(g_wake_fd, &n, sizeof n) < 0) { /* spurious: nothing to drain */ }
    }
    if (p[0].revents) {
      *sock_ready = true;
      return false;
    }
  }
}

static bool all_parked_locked(struct thread **all, int n) {
  for (int i = 0; i < n; i++) {
    struct gthread *g = gthread_locked(all[i]);
    if (!g->parked && !__atomic_load_n(&all[i]->cpu.quiescent, __ATOMIC_SEQ_CST)) return false;
  }
  return true;
}

/* Forgets the per-thread state of threads that are gone. */
static void prune_locked(struct thread **all, int n) {
  for (int i = 0; i < MAX_GDB_THREADS; i++) {
    bool live = false;
    for (int j = 0; j < n && !live; j++) live = g_threads[i].t == all[j];
    if (!live) g_threads[i].t = NULL;
  }
}

/* Brings every guest thread to a stop and returns the stop event in *ev,
   its thread filled in (Ctrl-C names the main thread, or the first alive). */
void stop_all(struct stop_event *ev) {
  struct thread *all[MAX_GDB_THREADS];
  pthread_mutex_lock(&g_mu);
  g_stop_wanted = true;
  pthread_mutex_unlock(&g_mu);
  for (;;) {
    int n = stop_list_threads(all, MAX_GDB_THREADS);
    pthread_mutex_lock(&g_mu);
    for (int i = 0; i < n; i++) all[i]->cpu.attention = 1;
    bool done = all_parked_locked(all, n);
    if (done) {
      prune_locked(all, n);
      if (!g_event.thread && n) g_event.thread = all[0];
      *ev = g_event;
    }
    if (!done) {
      struct timespec ts;
      clock_gettime(CLOCK_REALTIME, &ts);
      ts.tv_nsec += 2000000;
      if (ts.tv_nsec >= 1000000000) ts.tv_sec++, ts.tv_nsec -= 1000000000;
      pthread_cond_timedwait(&g_cv, &g_mu, &ts);
    }
    pthread_mutex_unlock(&g_mu);
    if (done) return;
  }
}

static const struct resume_action *action_for(const struct resume_action *acts, int n, int tid) {
  for (int i = 0; i < n; i++)
    if (acts[i].tid == tid || acts[i].tid == -1) return &acts[i];
  return NULL;
}

/* Resumes the threads the actions name (the first action that matches a
   thread applies, as vCont says), after updating the block cache for the
   breakpoints and steps now in force. */
void stop_resume(const struct resume_action *acts, int n) {
  struct thread *all[MAX_GDB_THREADS];
  int nt = stop_list_threads(all, MAX_GDB_THREADS);
  pthread_mutex_lock(&g_mu);
  for (int i = 0; i < nt; i++) {
    const struct resume_action *a = action_for(acts, n, all[i]->tid);
    struct gthread *g = gthread_locked(all[i]);
    g->step = a && a->step;
    g->resume_sig = a ? a->signo : 0;
    g->run = a != NULL;
  }
  if (points_changed()) code_flush_all();
  g_event.kind = STOP_NONE;
  g_stop_wanted = false;
  pthread_cond_broadcast(&g_cv);
  pthread_mutex_unlock(&g_mu);
}

/* D, or the client went away: forget gdb and let everything run. */
void stop_detach(void) {
  points_remove_all();
  pthread_mutex_lock(&g_mu);
  g_detached = true;
  g_code_debug.breakpoint_at = NULL;
  code_flush_all();
  for (int i = 0; i < MAX_GDB_THREADS; i++) {
    g_threads[i].run = true;
    g_threads[i].step = false;
    g_threads[i].resume_sig = 0;
  }
  g_event.kind = STOP_NONE;
  g_stop_wanted = false;
  pthread_cond_broadcast(&g_cv);
  pthread_mutex_unlock(&g_mu);
}
