#ifndef ELFRUN_LINUX_VDSO_H_
#define ELFRUN_LINUX_VDSO_H_

#include "base/types.h"

/* Maps the signal-return page; returns its address, or 0. */
gaddr vdso_map(void);

#endif
