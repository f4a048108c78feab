#ifndef ELFRUN_CPU_LDST_SIMD_H_
#define ELFRUN_CPU_LDST_SIMD_H_

#include "cpu/insn.h"

/* AdvSIMD load/store multiple and single structures, with and without
   post-index (the encodings with bits 31 = 0, 29:27 = 001, 26 = 1). */
bool decode_ldst_structures(u32 word, struct insn *out);

#endif
