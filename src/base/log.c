#include "base/log.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/config.h"

int g_log_fd = 2;

void log_init(void) {
  int fd = fcntl(2, F_DUPFD_CLOEXEC, ELFRUN_FD_BASE);
  if (fd >= 0) g_log_fd = fd;
}

static void vlog(const char *fmt, va_list ap) {
  char buf[1024];
  int n = snprintf(buf, sizeof buf, "elfrun: ");
  n += vsnprintf(buf + n, sizeof buf - n, fmt, ap);
  if (n > (int)sizeof buf - 2) n = sizeof buf - 2;
  buf[n++] = '\n';
  if (write(g_log_fd, buf, n) < 0) { /* nowhere left to report */ }
}

void log_msg(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vlog(fmt, ap);
  va_end(ap);
}

void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vlog(fmt, ap);
  va_end(ap);
  _exit(127);
}
