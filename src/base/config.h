#ifndef ELFRUN_BASE_CONFIG_H_
#define ELFRUN_BASE_CONFIG_H_

#include "base/types.h"

/* elfrun's own descriptors (log, strace output, later gdb and sidecar) are
   numbered from here up; guest descriptors stay below. */
#define ELFRUN_FD_BASE 1000

/* Options from the command line. Read-only once the guest starts. */
struct config {
  const char *sysroot;   /* --sysroot PATH, or NULL */
  bool strace;           /* --strace: log every syscall */
  int strace_fd;         /* where --strace writes (elfrun's own descriptor) */
  const char *argv0;     /* --argv0: the guest's argv[0], if not the path */
  const char *execfn;    /* --execfn: the guest's AT_EXECFN, if not the path
                            (the name a guest's execve was given) */
  int casefold;          /* --casefold: enum casefold_mode (path/sidecar.h) */
  char **host_argv;      /* elfrun's own argv, for a re-exec */
  const char *gdb;       /* --gdb [HOST:]PORT: serve gdb there (docs/gdb.md) */
};

extern struct config g_config;

#endif
