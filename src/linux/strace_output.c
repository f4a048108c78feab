/* Where --strace writes, kept across the guest's execve.

   --strace writes to the stderr elfrun was started with, --strace=FILE to
   FILE (created or truncated). Either way the trace goes to a descriptor of
   elfrun's own (>= ELFRUN_FD_BASE, hidden from the guest), so a guest that
   closes or redirects its fd 2 changes nothing. A guest execve re-executes
   elfrun (exec.c), which would otherwise start again from whatever the
   guest's fd 2 then is: the descriptor is left open across exec and handed
   on as --strace-fd=N, with ":tid" once lines carry the tid, so that a
   whole process tree traces into one place, like strace -f -o FILE. */
#include "linux/strace_output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/config.h"
#include "base/log.h"

static const char *g_file;      /* --strace=FILE */
static int g_inherited_fd = -1; /* --strace-fd=N from the elfrun before exec */
static atomic_bool g_many;      /* the guest has cloned: lines carry the tid */

/* --strace-fd=N[:tid]: only elfrun itself passes it (exec.c). */
static bool parse_inherited(const char *v) {
  char *end;
  long fd = strtol(v, &end, 10);
  if (end == v || fd < ELFRUN_FD_BASE || fd > 1 << 20) return false;
  if (*end && strcmp(end, ":tid")) return false;
  g_inherited_fd = (int)fd;
  if (*end) atomic_store(&g_many, true);
  return true;
}

/* Recognises the --strace options; false for anything else. */
bool strace_option(const char *opt) {
  if (!strcmp(opt, "--strace")) {
    g_config.strace = true;
    return true;
  }
  if (!strncmp(opt, "--strace=", 9) && opt[9]) {
    g_file = opt + 9;
    g_config.strace = true;
    return true;
  }
  if (!strncmp(opt, "--strace-fd=", 12) && parse_inherited(opt + 12)) {
    g_config.strace = true;
    return true;
  }
  return false;
}

/* Moves fd to elfrun's range, open across exec; -1 if that fails. */
static int keep_descriptor(int fd) {
  int kept = fcntl(fd, F_DUPFD, ELFRUN_FD_BASE);
  if (fd >= 0 && fd != 2) close(fd);
  return kept;
}

/* Sets g_config.strace_fd, once the options are read; exits with a
   message if FILE cannot be created. */
void strace_open_output(void) {
  g_config.strace_fd = g_log_fd;
  if (!g_config.strace) return;
  if (g_inherited_fd >= 0 && fcntl(g_inherited_fd, F_GETFD) >= 0) {
    g_config.strace_fd = g_inherited_fd;
    return;
  }
  int fd = 2;
  if (g_file) {
    fd = open(g_file, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0666);
    if (fd < 0) {
      fprintf(stderr, "elfrun: --strace=%s: %s\n", g_file, strerror(errno));
      exit(2);
    }
  }
  int kept = keep_descriptor(fd);
  if (kept >= 0) g_config.strace_fd = kept;
}

/* The option that hands the trace descriptor to the next elfrun. */
const char *strace_exec_option(void) {
  static char buf[48];
  snprintf(buf, sizeof buf, "--strace-fd=%d%s", g_config.strace_fd,
           atomic_load(&g_many) ? ":tid" : "");
  return buf;
}

bool strace_many_tasks(void) { return atomic_load_explicit(&g_many, memory_order_relaxed); }

void strace_note_many_tasks(void) { atomic_store_explicit(&g_many, true, memory_order_relaxed); }
