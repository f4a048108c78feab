/* Top of the "Data Processing -- Scalar Floating-Point and Advanced SIMD"
   group (Arm ARM C4.1.95): scalar FP (op0 = x0x1) goes to fp.c, everything
   else (AdvSIMD vector and scalar, crypto) to simd.c. */
#include "cpu/insn.h"

bool decode_simd_fp(u32 w, u64 pc, struct insn *out) {
  (void)pc;
  if (bit(w, 28) && !bit(w, 30)) return decode_fp(w, out);
  return decode_simd(w, out);
}
