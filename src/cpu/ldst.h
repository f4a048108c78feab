#ifndef ELFRUN_CPU_LDST_H_
#define ELFRUN_CPU_LDST_H_

/* Addressing modes shared by the general-purpose (ldst.c) and SIMD&FP
   (ldst_fp.c) single-register and pair loads and stores: Arm ARM C1.3.3
   "Load/Store addressing modes". Handlers come from one transfer function
   per form, xfer(cpu, in, addr), which performs every access of the
   instruction before writing any register, and wrappers that add the
   address computation and writeback of each mode. */

#include "cpu/insn.h"
#include "cpu/mem_access.h"

/* How a register-offset form extends its index register (insn.a): the
   Arm ARM's ExtendReg() for the options loads and stores allow. */
enum index_extend { INDEX_LSL, INDEX_UXTW, INDEX_SXTW };

/* Base plus immediate: the unsigned-offset (imm = imm12 << scale),
   unscaled, unprivileged (imm = imm9) and signed-offset pair (imm = imm7 <<
   scale) forms, and the address of the pre-index forms. */
static inline u64 ldst_addr_off(const struct cpu *cpu, const struct insn *in) {
  return cpu->x[in->rn] + in->imm;
}

/* Base plus extended, scaled index register: rm = index slot, a = enum
   index_extend, b = shift (0 or log2 of the access size). */
static inline ALWAYS_INLINE u64 ldst_addr_reg(const struct cpu *cpu, const struct insn *in) {
  u64 index = cpu->x[in->rm];
  if (in->a == INDEX_UXTW) index = (u32)index;
  else if (in->a == INDEX_SXTW) index = (u64)sext(index, 32);
  return cpu->x[in->rn] + (index << in->b);
}

/* The offset, pre-index and post-index handlers name##_off/_pre/_post of a
   transfer function. Writeback comes after the transfer, so a faulting
   access leaves the base untouched, a store sends the base's old value when
   Rt == Rn, and a load with Rt == Rn ends with the written-back address in
   the register. Rt == Rn with writeback is CONSTRAINED UNPREDICTABLE (Arm
   ARM K1.2.6); these are the choices qemu makes. */
#define LDST_IMM_MODES(name, xfer)                  \
  OP_HANDLER(name##_off) {                          \
    xfer(cpu, in, ldst_addr_off(cpu, in));          \
    return NEXT;                                    \
  }                                                 \
  OP_HANDLER(name##_pre) {                          \
    u64 addr = ldst_addr_off(cpu, in);              \
    xfer(cpu, in, addr);                            \
    cpu->x[in->rn] = addr;                          \
    return NEXT;                                    \
  }                                                 \
  OP_HANDLER(name##_post) {                         \
    u64 addr = cpu->x[in->rn];                      \
    xfer(cpu, in, addr);                            \
    cpu->x[in->rn] = addr + in->imm;                \
    return NEXT;                                    \
  }

/* The above plus the register-offset handler name##_reg. */
#define LDST_ALL_MODES(name, xfer)                  \
  LDST_IMM_MODES(name, xfer)                        \
  OP_HANDLER(name##_reg) {                          \
    xfer(cpu, in, ldst_addr_reg(cpu, in));          \
    return NEXT;                                    \
  }

/* The PC-relative literal handler name##_lit: imm = absolute address. */
#define LDST_LITERAL(name, xfer)                    \
  OP_HANDLER(name##_lit) {                          \
    xfer(cpu, in, in->imm);                         \
    return NEXT;                                    \
  }

#endif
