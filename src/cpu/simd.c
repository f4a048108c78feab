#include "cpu/insn.h"

bool decode_simd(u32 w, struct insn *out) {
  (void)w;
  (void)out;
  return false;
}
