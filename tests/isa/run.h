/* Running case files under the emulators. */
#ifndef ELFRUN_TESTS_ISA_RUN_H_
#define ELFRUN_TESTS_ISA_RUN_H_

#include <stdbool.h>
#include <stddef.h>

#include "isa.h"

#define RUN_MAX_ARGS 8
#define RUN_MAX_DEATHS 64

/* An emulator: the command that runs an aarch64 program, e.g.
   {"qemu-aarch64", "-cpu", "max"} or {"build/elfrun"}. */
struct emulator {
  const char *name;
  const char *argv[RUN_MAX_ARGS];
};

/* A case the emulator did not finish: it died (by signal or exit status),
   or timed out. */
struct death {
  u32 index;
  int status; /* as from waitpid(), or -1 for a timeout */
};

struct outcome {
  struct isa_result **result; /* [ncases]: NULL where there is none */
  struct isa_result *storage;
  u32 ndeaths; /* at RUN_MAX_DEATHS the emulator was given up on: the */
  struct death deaths[RUN_MAX_DEATHS]; /* cases after the last death never ran */
};

/* Runs every case of cases_path under each emulator, the emulators in
   parallel, restarting an emulator after the case it died on. Raw output
   goes to <stem>.<emulator name>; outcomes[i] gets emulator i's results. */
void run_emulators(const struct emulator *emus, int nemus, const char *runner,
                   const char *cases_path, u32 ncases, const char *stem, int timeout_s,
                   struct outcome *outcomes);

void outcome_free(struct outcome *o);

/* "signal SIGILL", "exit status 3", "timeout". */
const char *describe_status(int status, char *buf, size_t len);

/* Runs argv (NULL-terminated) and returns its standard output, or NULL. */
char *capture_output(const char *const *argv);

#endif
