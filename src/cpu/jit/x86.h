#ifndef ELFRUN_CPU_JIT_X86_H_
#define ELFRUN_CPU_JIT_X86_H_

/* A small x86-64 assembler for the JIT (src/cpu/jit/translate.c): just the
   instruction forms the translator uses, each encoded as the Intel SDM
   gives it. An emitter writes into a buffer and notes when it runs out
   instead of writing past the end. */

#include "base/types.h"

enum x86_reg {
  RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15,
};

/* Condition codes, as in Jcc/SETcc/CMOVcc (opcode low nibble). */
enum x86_cc {
  CC_O, CC_NO, CC_B, CC_AE, CC_E, CC_NE, CC_BE, CC_A,
  CC_S, CC_NS, CC_P, CC_NP, CC_L, CC_GE, CC_LE, CC_G,
};

/* A memory operand [base + index * scale + disp]; index < 0 for none. */
struct xmem {
  i8 base, index;
  u8 scale; /* log2: 0-3 */
  i32 disp;
};
#define XMEM(b, d) ((struct xmem){(b), -1, 0, (i32)(d)})
/* m moved on by d bytes. */
static inline struct xmem xmem_plus(struct xmem m, i32 d) {
  m.disp += d;
  return m;
}

struct emitter {
  u8 *p, *end;
  bool full; /* ran out of room: the translation is abandoned */
};

static inline void x_byte(struct emitter *e, u32 v) {
  if (e->p < e->end) *e->p++ = (u8)v;
  else e->full = true;
}
static inline void x_u32(struct emitter *e, u32 v) {
  for (int i = 0; i < 4; i++) x_byte(e, v >> (8 * i));
}
static inline void x_u64(struct emitter *e, u64 v) {
  x_u32(e, (u32)v);
  x_u32(e, (u32)(v >> 32));
}

/* Operand size and register extension bits. byte_regs: an 8-bit operand
   names SPL..DIL, which only exist with a REX prefix. */
static inline void x_rex(struct emitter *e, bool w, int reg, int index, int base, bool byte_regs) {
  u32 rex = 0x40 | (w << 3) | ((reg >> 3) & 1) << 2 | ((index >> 3) & 1) << 1 | ((base >> 3) & 1);
  if (rex != 0x40 || byte_regs) x_byte(e, rex);
}

/* Opcodes above 0xff carry their escape bytes: 0x0faf is IMUL r, r/m,
   0x0f3840 PMULLD. */
static inline void x_opcode(struct emitter *e, u32 op) {
  if (op > 0xffff) x_byte(e, op >> 16);
  if (op > 0xff) x_byte(e, (op >> 8) & 0xff);
  x_byte(e, op & 0xff);
}

/* pfx: 0, or a mandatory prefix byte (0x66, 0xf3) that precedes REX. */
static inline void x_op_rr(struct emitter *e, u32 pfx, u32 op, bool w, int reg, int rm,
                           bool byte_regs) {
  if (pfx) x_byte(e, pfx);
  x_rex(e, w, reg, 0, rm, byte_regs && (reg >= 4 || rm >= 4));
  x_opcode(e, op);
  x_byte(e, 0xc0 | (reg & 7) << 3 | (rm & 7));
}

static inline void x_op_rm(struct emitter *e, u32 pfx, u32 op, bool w, int reg, struct xmem m,
                           bool byte_reg) {
  if (pfx) x_byte(e, pfx);
  x_rex(e, w, reg, m.index < 0 ? 0 : m.index, m.base, byte_reg && reg >= 4);
  x_opcode(e, op);
  int base = m.base & 7;
  int mod = (m.disp == 0 && base != RBP) ? 0 : (m.disp >= -128 && m.disp <= 127) ? 1 : 2;
  if (m.index < 0 && base != RSP) {
    x_byte(e, mod << 6 | (reg & 7) << 3 | base);
  } else {
    x_byte(e, mod << 6 | (reg & 7) << 3 | 4);
    x_byte(e, m.scale << 6 | (m.index < 0 ? 4 : (m.index & 7)) << 3 | base);
  }
  if (mod == 1) x_byte(e, (u8)m.disp);
  if (mod == 2) x_u32(e, (u32)m.disp);
}

/* The classic ALU group, "op r/m, r" opcodes; +2 gives "op r, r/m", and
   the /digit of group 1 (0x81/0x83) is op >> 3. */
enum x86_alu { ALU_ADD = 0x01, ALU_OR = 0x09, ALU_ADC = 0x11, ALU_SBB = 0x19,
               ALU_AND = 0x21, ALU_SUB = 0x29, ALU_XOR = 0x31, ALU_CMP = 0x39 };

/* dst op= src */
static inline void x_alu_rr(struct emitter *e, enum x86_alu op, bool w, int dst, int src) {
  x_op_rr(e, 0, op, w, src, dst, false);
}
static inline void x_alu_rm(struct emitter *e, enum x86_alu op, bool w, int dst, struct xmem m) {
  x_op_rm(e, 0, op + 2, w, dst, m, false);
}
static inline void x_alu_ri(struct emitter *e, enum x86_alu op, bool w, int dst, i32 imm) {
  if (imm >= -128 && imm <= 127) {
    x_op_rr(e, 0, 0x83, w, op >> 3, dst, false);
    x_byte(e, (u8)imm);
  } else {
    x_op_rr(e, 0, 0x81, w, op >> 3, dst, false);
    x_u32(e, (u32)imm);
  }
}
static inline void x_alu_mi(struct emitter *e, enum x86_alu op, bool w, struct xmem m, i32 imm) {
  if (imm >= -128 && imm <= 127) {
    x_op_rm(e, 0, 0x83, w, op >> 3, m, false);
    x_byte(e, (u8)imm);
  } else {
    x_op_rm(e, 0, 0x81, w, op >> 3, m, false);
    x_u32(e, (u32)imm);
  }
}
static inline void x_test_rr(struct emitter *e, bool w, int a, int b) {
  x_op_rr(e, 0, 0x85, w, b, a, false);
}
static inline void x_test_rm(struct emitter *e, bool w, int r, struct xmem m) {
  x_op_rm(e, 0, 0x85, w, r, m, false);
}
static inline void x_test_ri(struct emitter *e, bool w, int r, i32 imm) {
  x_op_rr(e, 0, 0xf7, w, 0, r, false);
  x_u32(e, (u32)imm);
}

static inline void x_mov_rr(struct emitter *e, bool w, int dst, int src) {
  x_op_rr(e, 0, 0x89, w, src, dst, false);
}
static inline void x_load(struct emitter *e, bool w, int dst, struct xmem m) {
  x_op_rm(e, 0, 0x8b, w, dst, m, false);
}
static inline void x_store(struct emitter *e, bool w, struct xmem m, int src) {
  x_op_rm(e, 0, 0x89, w, src, m, false);
}
static inline void x_store8(struct emitter *e, struct xmem m, int src) {
  x_op_rm(e, 0, 0x88, false, src, m, true);
}
static inline void x_store16(struct emitter *e, struct xmem m, int src) {
  x_op_rm(e, 0x66, 0x89, false, src, m, false);
}
/* The 64 bits at m = imm, sign-extended. */
static inline void x_store_imm(struct emitter *e, struct xmem m, i32 imm) {
  x_op_rm(e, 0, 0xc7, true, 0, m, false);
  x_u32(e, (u32)imm);
}
static inline void x_store8_imm(struct emitter *e, struct xmem m, u8 v) {
  x_op_rm(e, 0, 0xc6, false, 0, m, false);
  x_byte(e, v);
}
static inline void x_cmp8_mi(struct emitter *e, struct xmem m, u8 v) {
  x_op_rm(e, 0, 0x80, false, 7, m, false);
  x_byte(e, v);
}
/* Zero- and sign-extending loads: 0x0fb6 byte, 0x0fb7 word, 0x0fbe and
   0x0fbf signed, 0x63 (with w) signed dword. */
static inline void x_load_ext(struct emitter *e, u32 op, bool w, int dst, struct xmem m) {
  x_op_rm(e, 0, op, w, dst, m, false);
}
static inline void x_ext_rr(struct emitter *e, u32 op, bool w, int dst, int src) {
  x_op_rr(e, 0, op, w, dst, src, op == 0x0fb6 || op == 0x0fbe);
}
static inline void x_lea(struct emitter *e, int dst, struct xmem m) {
  x_op_rm(e, 0, 0x8d, true, dst, m, false);
}
/* The same at 32 bits (w false): the sum truncated, zero-extended. */
static inline void x_lea_w(struct emitter *e, bool w, int dst, struct xmem m) {
  x_op_rm(e, 0, 0x8d, w, dst, m, false);
}

/* dst = imm, in the shortest form. */
static inline void x_mov_ri(struct emitter *e, int dst, u64 imm) {
  if (imm == 0) {
    x_alu_rr(e, ALU_XOR, false, dst, dst);
  } else if (imm <= 0xffffffffu) {
    x_rex(e, false, 0, 0, dst, false);
    x_byte(e, 0xb8 + (dst & 7));
    x_u32(e, (u32)imm);
  } else if ((i64)imm == (i32)imm) {
    x_op_rr(e, 0, 0xc7, true, 0, dst, false);
    x_u32(e, (u32)imm);
  } else {
    x_rex(e, true, 0, 0, dst, false);
    x_byte(e, 0xb8 + (dst & 7));
    x_u64(e, imm);
  }
}

/* Shifts and rotates: /digit of 0xc1 (by imm8) and 0xd3 (by CL). */
enum x86_shift { SH_ROL = 0, SH_ROR = 1, SH_SHL = 4, SH_SHR = 5, SH_SAR = 7 };
static inline void x_shift_ri(struct emitter *e, enum x86_shift op, bool w, int r, u8 n) {
  if (n == 0) return;
  x_op_rr(e, 0, 0xc1, w, op, r, false);
  x_byte(e, n);
}
static inline void x_shift_cl(struct emitter *e, enum x86_shift op, bool w, int r) {
  x_op_rr(e, 0, 0xd3, w, op, r, false);
}
/* SHRD dst, src, n: dst = low bits of (src:dst) >> n. */
static inline void x_shrd_ri(struct emitter *e, bool w, int dst, int src, u8 n) {
  x_op_rr(e, 0, 0x0fac, w, src, dst, false);
  x_byte(e, n);
}

/* Group 3 (0xf7): /2 NOT, /3 NEG, /4 MUL, /5 IMUL, /6 DIV, /7 IDIV. */
static inline void x_grp3(struct emitter *e, int digit, bool w, int r) {
  x_op_rr(e, 0, 0xf7, w, digit, r, false);
}
static inline void x_imul_rr(struct emitter *e, bool w, int dst, int src) {
  x_op_rr(e, 0, 0x0faf, w, dst, src, false);
}
static inline void x_imul_rm(struct emitter *e, bool w, int dst, struct xmem m) {
  x_op_rm(e, 0, 0x0faf, w, dst, m, false);
}
static inline void x_bswap(struct emitter *e, bool w, int r) {
  x_rex(e, w, 0, 0, r, false);
  x_byte(e, 0x0f);
  x_byte(e, 0xc8 + (r & 7));
}
static inline void x_bsr(struct emitter *e, bool w, int dst, int src) {
  x_op_rr(e, 0, 0x0fbd, w, dst, src, false);
}
static inline void x_cmov(struct emitter *e, enum x86_cc cc, bool w, int dst, int src) {
  x_op_rr(e, 0, 0x0f40 + cc, w, dst, src, false);
}
static inline void x_cmov_rm(struct emitter *e, enum x86_cc cc, bool w, int dst, struct xmem m) {
  x_op_rm(e, 0, 0x0f40 + cc, w, dst, m, false);
}
static inline void x_setcc_m(struct emitter *e, enum x86_cc cc, struct xmem m) {
  x_op_rm(e, 0, 0x0f90 + cc, false, 0, m, false);
}
static inline void x_setcc_r(struct emitter *e, enum x86_cc cc, int r) {
  x_op_rr(e, 0, 0x0f90 + cc, false, 0, r, true);
}
static inline void x_bt_ri(struct emitter *e, bool w, int r, u8 bitno) {
  x_op_rr(e, 0, 0x0fba, w, 4, r, false);
  x_byte(e, bitno);
}

/* Branches with 32-bit displacements. Each returns the address of its
   displacement, for x_patch_rel32 once the target is known. */
static inline u8 *x_jcc(struct emitter *e, enum x86_cc cc) {
  x_byte(e, 0x0f);
  x_byte(e, 0x80 + cc);
  u8 *at = e->p;
  x_u32(e, 0);
  return at;
}
static inline u8 *x_jmp(struct emitter *e) {
  x_byte(e, 0xe9);
  u8 *at = e->p;
  x_u32(e, 0);
  return at;
}
static inline u8 *x_call(struct emitter *e) {
  x_byte(e, 0xe8);
  u8 *at = e->p;
  x_u32(e, 0);
  return at;
}
static inline void x_push_r(struct emitter *e, int r) {
  if (r >= 8) x_byte(e, 0x41);
  x_byte(e, 0x50 + (r & 7));
}
static inline void x_jmp_r(struct emitter *e, int r) { x_op_rr(e, 0, 0xff, false, 4, r, false); }
static inline void x_call_r(struct emitter *e, int r) { x_op_rr(e, 0, 0xff, false, 2, r, false); }

/* Points the displacement at `at` (as x_jcc/x_jmp returned) to target. */
static inline void x_patch_rel32(struct emitter *e, u8 *at, const u8 *target) {
  if (e->full || !at) return;
  i32 rel = (i32)(target - (at + 4));
  for (int i = 0; i < 4; i++) at[i] = (u8)((u32)rel >> (8 * i));
}

/* SSE: pfx is the mandatory prefix (0x66, 0xf3, 0xf2 or 0), xmm registers
   are numbered as the general ones. */
static inline void x_sse_rm(struct emitter *e, u32 pfx, u32 op, int xmm, struct xmem m) {
  x_op_rm(e, pfx, op, false, xmm, m, false);
}
static inline void x_sse_rr(struct emitter *e, u32 pfx, u32 op, int xmm, int xmm_rm) {
  x_op_rr(e, pfx, op, false, xmm, xmm_rm, false);
}
/* Shift of each element by an immediate: op 0x0f71 (words), 0x0f72
   (dwords), 0x0f73 (qwords); digit 2 logical right, 4 arithmetic right,
   6 left. */
static inline void x_sse_shift_ri(struct emitter *e, u32 op, int digit, int xmm, u8 n) {
  x_op_rr(e, 0x66, op, false, digit, xmm, false);
  x_byte(e, n);
}
enum {
  SSE_MOVDQU_LOAD = 0x0f6f,  /* F3 */
  SSE_MOVDQU_STORE = 0x0f7f, /* F3 */
  SSE_MOVQ_LOAD = 0x0f7e,    /* F3: xmm = m64 (or low xmm), upper half zeroed */
  SSE_MOVQ_STORE = 0x0fd6,   /* 66 */
  SSE_MOVD_LOAD = 0x0f6e,    /* 66: xmm = m32 or r32 (r64 with REX.W) */
  SSE_MOVD_STORE = 0x0f7e,   /* 66 */
};

static inline enum x86_cc x_cc_invert(enum x86_cc cc) { return (enum x86_cc)(cc ^ 1); }

#endif
