#include "cpu/insn.h"

bool decode_ldst(u32 w, u64 pc, struct insn *out) {
  (void)w; (void)pc; (void)out;
  return false;
}
