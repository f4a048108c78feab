#ifndef ELFRUN_BASE_LOG_H_
#define ELFRUN_BASE_LOG_H_

#include "base/types.h"

/* elfrun's own diagnostics go to this descriptor: a dup of stderr kept at a
   high number so the guest can close or reuse fd 2 without silencing us. */
extern int g_log_fd;

void log_init(void);
void log_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void NORETURN die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* An internal invariant broke: a bug in elfrun, never the guest's doing. */
#define ASSERT(x) \
  ((x) ? (void)0 : die("internal error: %s:%d: %s", __FILE__, __LINE__, #x))

#endif
