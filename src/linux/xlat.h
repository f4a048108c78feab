#ifndef ELFRUN_LINUX_XLAT_H_
#define ELFRUN_LINUX_XLAT_H_

#include <sys/stat.h>

#include "linux/abi.h"

/* Host <-> aarch64 structure conversions, destination first. */
void xlat_stat_to_guest(struct a64_stat *dst, const struct stat *src);

#endif
