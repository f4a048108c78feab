#ifndef ELFRUN_CPU_ATOMIC_H_
#define ELFRUN_CPU_ATOMIC_H_

#include "cpu/insn.h"

/* Load/store exclusive, load-acquire/store-release and compare-and-swap
   (the encodings with bits 29:24 = 001000). */
bool decode_ldst_exclusive(u32 word, struct insn *out);

/* Atomic memory operations: LD<op>, SWP and LDAPR (bits 29:24 = 111000,
   bit 21 = 1, bits 11:10 = 00). */
bool decode_ldst_atomic(u32 word, struct insn *out);

#endif
