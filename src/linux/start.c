/* Starting a guest: the address window, the program image, the initial stack
   and the first thread. */
#include "linux/start.h"

#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "base/config.h"
#include "base/log.h"
#include "cpu/block.h"
#include "cpu/interp.h"
#include "cpu/jit/jit.h"
#include "gdb/gdb.h"
#include "loader/load.h"
#include "loader/stack.h"
#include "mem/fault.h"
#include "mem/guest.h"
#include "mem/mmap.h"
#include "mem/vma.h"
#include "linux/exec.h"
#include "linux/process.h"
#include "path/path.h"
#include "path/procfs.h"
#include "path/sysroot.h"
#include "linux/vdso.h"

#define REEXEC_MARK "ELFRUN_REEXECED"

/* The host put something inside the guest window (a huge stack rlimit, or
   the legacy layout of `setarch -L`). Re-exec elfrun once with sane limits
   so the kernel lays it out above the window. */
static void NORETURN reexec_with_sane_layout(void) {
  if (getenv(REEXEC_MARK)) die("cannot reserve the guest address window");
  struct rlimit rl;
  if (getrlimit(RLIMIT_STACK, &rl) == 0 && (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > (1ull << 30))) {
    rl.rlim_cur = 8 << 20;
    setrlimit(RLIMIT_STACK, &rl);
  }
  int persona = personality(0xffffffff);
  if (persona != -1) personality(persona & ~ADDR_COMPAT_LAYOUT);
  setenv(REEXEC_MARK, "1", 1);
  execv("/proc/self/exe", g_config.host_argv);
  die("cannot reserve the guest address window");
}

/* The guest inherits what exec keeps on Linux: ignored dispositions and the
   blocked mask (nohup, `trap ''` in a parent shell). elfrun's own host
   handlers are installed later and do not count. */
static void inherit_signal_state(struct thread *t) {
  sigset_t mask;
  if (sigprocmask(SIG_SETMASK, NULL, &mask) == 0)
    for (int sig = 1; sig <= A64_NSIG; sig++)
      if (sigismember(&mask, sig) == 1) t->sigmask |= 1ull << (sig - 1);
  for (int sig = 1; sig <= A64_NSIG; sig++) {
    struct sigaction sa;
    if (sig != SIGKILL && sig != SIGSTOP && sigaction(sig, NULL, &sa) == 0 &&
        sa.sa_handler == SIG_IGN)
      t->proc->sigactions[sig].handler = (u64)(uintptr_t)SIG_IGN;
  }
}

/* Opens and maps PT_INTERP, looked up like any absolute guest path: in the
   sysroot when there is one. */
static enum load_status load_interp(const char *name, struct image *out, const char **why) {
  int fd = path_open_guest_file(NULL, name, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *why = strerror(-fd);
    return LOAD_CANNOT_EXEC; /* a shell says 127 only for the program itself */
  }
  enum load_status status = load_image_fd(fd, LOAD_INTERP, out, why);
  close(fd);
  return status;
}

static struct process g_process;
static struct thread g_main_thread;

int start_guest(const char *path, char **argv) {
  if (!window_reserve()) reexec_with_sane_layout();
  unsetenv(REEXEC_MARK); /* the guest sees its environment exactly */
  char **envp = environ;
  fault_init();
  vma_init();
  if (g_config.gdb) g_jit.mode = JIT_OFF; /* gdb steps and breaks in the interpreter */
  jit_init();
  if (!path_init(g_config.sysroot)) return 2; /* a bad sysroot: a usage error */
  exec_init();

  struct image image, interp;
  const char *why;
  if (!stack_map()) {
    log_msg("%s: cannot map the stack", path);
    return LOAD_CANNOT_EXEC;
  }
  enum load_status status = load_image(path, &image, &why);
  if (status != LOAD_OK) {
    log_msg("%s: %s", path, why);
    return status;
  }
  if (image.interp && (status = load_interp(image.interp, &interp, &why)) != LOAD_OK) {
    log_msg("%s: interpreter %s: %s", path, image.interp, why);
    return status;
  }
  brk_init(image.end);
  g_process.sigreturn_tramp = vdso_map();

  if (g_config.argv0) argv[0] = (char *)g_config.argv0;
  struct thread *t = &g_main_thread;
  t->proc = &g_process;
  g_process.exe_path = realpath(path, NULL);
  /* A guest's execve gave the new elfrun a host path and, apart, the name
     the guest used: that one is AT_EXECFN (fs/exec.c: bprm->exec). */
  const char *execfn = g_config.execfn ? g_config.execfn : path;
  g_process.execfn = strdup(execfn);
  gaddr sp = stack_build(&image, image.interp ? &interp : NULL, argv, envp, execfn, 0);
  if (!sp) {
    log_msg("%s: %s", path, "argument list too long");
    return LOAD_CANNOT_EXEC;
  }
  procfs_note_stack(&g_process, sp); /* cmdline, environ and auxv live there */
  cpu_init(&t->cpu);
  t->cpu.x[REG_SP] = sp;
  t->cpu.pc = image.interp ? interp.entry : image.entry;
  t->cpu.thread = t;
  t->tid = getpid();
  inherit_signal_state(t);
  signal_host_sync(t);
  block_cpu_register(&t->cpu);
  /* The host comm names the guest program as exec sets it: the base name
     of the name it was run by, or of the file itself when that name is
     /dev/fd/N (fs/exec.c, begin_new_exec()). */
  const char *name = strncmp(execfn, "/dev/fd/", 8) ? execfn : path;
  const char *base = strrchr(name, '/');
  prctl(PR_SET_NAME, base ? base + 1 : name);
  if (g_config.gdb) gdb_start(t, g_config.gdb); /* stopped at entry until gdb resumes */
  cpu_run(&t->cpu);
}
