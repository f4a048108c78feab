#include "cpu/insn.h"

bool decode_simd_fp(u32 w, u64 pc, struct insn *out) {
  (void)w; (void)pc; (void)out;
  return false;
}
