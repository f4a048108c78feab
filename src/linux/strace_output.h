#ifndef ELFRUN_LINUX_STRACE_OUTPUT_H_
#define ELFRUN_LINUX_STRACE_OUTPUT_H_

#include "base/types.h"

/* Where --strace writes, and whether lines carry the tid. */
bool strace_option(const char *opt);
void strace_open_output(void);
const char *strace_exec_option(void);
bool strace_many_tasks(void);
void strace_note_many_tasks(void);

#endif
