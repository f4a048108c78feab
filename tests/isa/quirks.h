/* Instructions qemu-aarch64 7.2 gets wrong. The tester checks them against
   an implementation of the Arm ARM pseudocode instead of qemu; the table
   with the reasons and the evidence is tests/isa/qemu-quirks.md. */
#ifndef ELFRUN_TESTS_ISA_QUIRKS_H_
#define ELFRUN_TESTS_ISA_QUIRKS_H_

#include <stdbool.h>

#include "isa.h"

struct quirk {
  const char *insn;   /* the instruction, as the Arm ARM names it */
  u32 mask, match;    /* the words it covers: (w & mask) == match */
  const char *wrong;  /* what qemu 7.2 does */
  /* Is qemu 7.2 known to be wrong for this input (ref: the reference's
     answer)? Elsewhere it must agree with the reference, which checks the
     reference too. */
  bool (*qemu_wrong_on)(u32 w, const struct isa_state *in, const struct isa_state *ref);
  /* The state after w per the Arm ARM pseudocode. */
  void (*reference)(u32 w, const struct isa_state *in, struct isa_state *out);
};

extern const struct quirk g_quirks[];
extern const u32 g_nquirks;

/* The quirk covering word w, or NULL. */
const struct quirk *quirk_of(u32 w);

#endif
