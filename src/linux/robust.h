#ifndef ELFRUN_LINUX_ROBUST_H_
#define ELFRUN_LINUX_ROBUST_H_

#include "linux/process.h"

void robust_list_exit(struct thread *t);

#endif
