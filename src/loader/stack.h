#ifndef ELFRUN_LOADER_STACK_H_
#define ELFRUN_LOADER_STACK_H_

#include "base/types.h"
#include "loader/load.h"

struct process;

/* Maps the main thread's stack at the top of the window, before any image,
   so that mmap placement (and the dynamic loader) starts below it. */
bool stack_map(void);

/* Fills the stack mapped by stack_map() as Linux arm64 does on exec:
   argc, argv, envp and the auxiliary vector, strings above. `interp` is the
   dynamic loader's image (NULL for static programs). Returns the initial SP,
   16-byte aligned, or 0 if the strings do not fit (E2BIG). */
gaddr stack_build(const struct image *main, const struct image *interp,
                  char *const argv[], char *const envp[], const char *execfn,
                  gaddr vdso_base);

#endif
