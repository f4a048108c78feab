#include "cpu/insn.h"

bool decode_fp(u32 w, struct insn *out) {
  (void)w;
  (void)out;
  return false;
}
