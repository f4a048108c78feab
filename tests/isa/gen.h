/* Test-case generation: random instruction sequences over the enabled
   forms, with an initial state that keeps every memory access inside the
   data window. */
#ifndef ELFRUN_TESTS_ISA_GEN_H_
#define ELFRUN_TESTS_ISA_GEN_H_

#include <stdbool.h>

#include "forms.h"
#include "isa.h"

struct gen_config {
  u64 seed;
  u32 nslots;            /* the code region: at most this many cases */
  u64 insns;             /* stop once this many instructions are made (0: fill every slot) */
  u32 max_len;           /* instructions per case, 1..ISA_MAX_INSNS */
  const char *features;  /* advertised features, space-separated cpuinfo names */
  int only_class;        /* -1, or the one class to draw from */
};

/* Is form f enabled for random generation under these features? */
bool gen_form_enabled(const struct form *f, const char *features);

/* Does the feature list name feature (a cpuinfo name; "" is the base)? */
bool gen_has_feature(const char *features, const char *feature);

/* Fills cases[0..n) (slot i = case i, n <= nslots) and returns n; 0, with
   a message on stderr, when no form is enabled. */
u32 gen_cases(const struct gen_config *cfg, struct isa_case *cases);

/* One case holding the single instruction word w (SIGILL and hint checks):
   random registers, no memory set-up. */
void gen_single(u64 seed, u32 slot, u32 w, u16 form, struct isa_case *c);

#endif
