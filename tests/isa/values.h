/* Operand values biased toward where implementations differ: NaNs with
   payloads, signalling NaNs, infinities, denormals, signed zeros, integer
   extremes, all-ones, and shift amounts at and beyond the width. */
#ifndef ELFRUN_TESTS_ISA_VALUES_H_
#define ELFRUN_TESTS_ISA_VALUES_H_

#include "isa.h"
#include "rng.h"

/* A general-register value. */
u64 value_gp(struct rng *r);

/* Fills one 128-bit vector register (or 16 bytes of memory): lanes of one
   randomly chosen width, floating-point or integer flavoured. */
void value_vector(struct rng *r, u8 out[16]);

/* Mode bits of FPCR (AHP, DN, FZ, RMode, FZ16) and the cumulative bits of
   FPSR (IOC..IXC, IDC, QC) to start a case with. */
u64 value_fpcr(struct rng *r);
u64 value_fpsr(struct rng *r);

#endif
