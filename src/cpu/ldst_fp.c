/* Loads and stores of SIMD&FP registers: LDR/STR of B, H, S, D and Q in
   every addressing mode, LDUR/STUR, LDR (literal), and LDP/STP/LDNP/STNP of
   S, D and Q (Arm ARM C4.1.88; decoded in ldst.c). rd is the number of Vt,
   ra of Vt2. A load writes the whole 128-bit register, zeroing the bits
   above the transfer, as the Arm ARM's V[t] = data does for a narrower
   data. */
#include "cpu/ldst.h"

static inline ALWAYS_INLINE void vload(struct cpu *cpu, u8 vt, u64 addr,
                                                      u32 bytes) {
  vreg v = {0};
  memcpy(&v, guest_data_ptr(cpu, addr, bytes), bytes);
  cpu->v[vt] = v;
}

static inline ALWAYS_INLINE void vstore(struct cpu *cpu, u8 vt, u64 addr,
                                                       u32 bytes) {
  memcpy(guest_data_ptr(cpu, addr, bytes), &cpu->v[vt], bytes);
}

/* Both loads complete before either register is written; Vt2 is written
   last, so when Vt == Vt2 (CONSTRAINED UNPREDICTABLE) it keeps the value
   from the higher address, as in qemu. */
static void vload_pair(struct cpu *cpu, const struct insn *in, u64 addr, u32 bytes) {
  vreg first = {0}, second = {0};
  const u8 *p = guest_data_ptr(cpu, addr, 2 * bytes);
  memcpy(&first, p, bytes);
  memcpy(&second, p + bytes, bytes);
  cpu->v[in->rd] = first;
  cpu->v[in->ra] = second;
}

static void vstore_pair(struct cpu *cpu, const struct insn *in, u64 addr, u32 bytes) {
  u8 *p = guest_data_ptr(cpu, addr, 2 * bytes);
  memcpy(p, &cpu->v[in->rd], bytes);
  memcpy(p + bytes, &cpu->v[in->ra], bytes);
}

#define DEFINE_VREG_XFER(sz, bytes)                                       \
  static void ldr_##sz##_at(struct cpu *cpu, const struct insn *in, u64 addr) { \
    vload(cpu, in->rd, addr, bytes);                                      \
  }                                                                       \
  static void str_##sz##_at(struct cpu *cpu, const struct insn *in, u64 addr) { \
    vstore(cpu, in->rd, addr, bytes);                                     \
  }
DEFINE_VREG_XFER(b, 1)
DEFINE_VREG_XFER(h, 2)
DEFINE_VREG_XFER(s, 4)
DEFINE_VREG_XFER(d, 8)
DEFINE_VREG_XFER(q, 16)
#undef DEFINE_VREG_XFER

#define DEFINE_VPAIR_XFER(sz, bytes)                                      \
  static void ldp_##sz##_at(struct cpu *cpu, const struct insn *in, u64 addr) { \
    vload_pair(cpu, in, addr, bytes);                                     \
  }                                                                       \
  static void stp_##sz##_at(struct cpu *cpu, const struct insn *in, u64 addr) { \
    vstore_pair(cpu, in, addr, bytes);                                    \
  }
DEFINE_VPAIR_XFER(s, 4)
DEFINE_VPAIR_XFER(d, 8)
DEFINE_VPAIR_XFER(q, 16)
#undef DEFINE_VPAIR_XFER

LDST_ALL_MODES(ldr_b, ldr_b_at)
LDST_ALL_MODES(ldr_h, ldr_h_at)
LDST_ALL_MODES(ldr_s, ldr_s_at)
LDST_ALL_MODES(ldr_d, ldr_d_at)
LDST_ALL_MODES(ldr_q, ldr_q_at)
LDST_ALL_MODES(str_b, str_b_at)
LDST_ALL_MODES(str_h, str_h_at)
LDST_ALL_MODES(str_s, str_s_at)
LDST_ALL_MODES(str_d, str_d_at)
LDST_ALL_MODES(str_q, str_q_at)
LDST_LITERAL(ldr_s, ldr_s_at)
LDST_LITERAL(ldr_d, ldr_d_at)
LDST_LITERAL(ldr_q, ldr_q_at)

LDST_IMM_MODES(ldp_s, ldp_s_at)
LDST_IMM_MODES(ldp_d, ldp_d_at)
LDST_IMM_MODES(ldp_q, ldp_q_at)
LDST_IMM_MODES(stp_s, stp_s_at)
LDST_IMM_MODES(stp_d, stp_d_at)
LDST_IMM_MODES(stp_q, stp_q_at)
