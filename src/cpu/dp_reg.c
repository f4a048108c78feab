#include "cpu/insn.h"

bool decode_dp_reg(u32 w, u64 pc, struct insn *out) {
  (void)w; (void)pc; (void)out;
  return false;
}
