/* Loads and stores (Arm ARM C4.1.88): the decoder of the whole group and
   the general-purpose register forms. The group's other encodings are
   decoded and run elsewhere: SIMD&FP registers in ldst_fp.c (their decode
   shares the tables below), AdvSIMD structures in ldst_simd.c, exclusive,
   ordered and atomic accesses in atomic.c.

   Every form that appears in ordinary code has its own handler (one per
   access kind and addressing mode), its offset extended and scaled at
   decode time, so that running LDR X0, [X1, #8] costs one add, one range
   check and one host load. */
#include "cpu/ldst.h"

#include "cpu/atomic.h"
#include "cpu/ldst_simd.h"

/* Transfer functions: rd is the Rt slot, read as XZR by stores and written
   to the sink by loads when Rt is 31. The sign-extending loads are Arm
   ARM SignExtend() to 32 or 64 bits. */

static inline ALWAYS_INLINE void ldrb_at(struct cpu *cpu, const struct insn *in, u64 addr) {
  cpu->x[in->rd] = mem_read8(cpu, addr);
}
static inline ALWAYS_INLINE void ldrh_at(struct cpu *cpu, const struct insn *in, u64 addr) {
  cpu->x[in->rd] = mem_read16(cpu, addr);
}
static inline ALWAYS_INLINE void ldr_w_at(struct cpu *cpu, const struct insn *in, u64 addr) {
  cpu->x[in->rd] = mem_read32(cpu, addr);
}
static inline ALWAYS_INLINE void ldr_x_at(struct cpu *cpu, const struct insn *in, u64 addr) {
  cpu->x[in->rd] = mem_read64(cpu, addr);
}
static inline ALWAYS_INLINE void ldrsb_w_at(struct cpu *cpu, const struct insn *in, u64 addr) {
  cpu->x[in->rd] = (u32)sext(mem_read8(cpu, addr), 8);
}
static inline ALWAYS_INLINE void ldrsb_x_at(struct cpu *cpu, const struct insn *in, u64 addr) {
  cpu->x[in->rd] = (u64)sext(mem_read8(cpu, addr), 8);
}
static inline ALWAYS_INLINE void ldrsh_w_at(struct cpu *cpu, const struct insn *in, u64 addr) {
  cpu->x[in->rd] = (u32)sext(mem_read16(cpu, addr), 16);
}
static inline ALWAYS_INLINE void ldrsh_x_at(struct cpu *cpu, const struct insn *in, u64 addr) {
  cpu->x[in->rd] = (u64)sext(mem_read16(cpu, addr), 16);
}
static inline ALWAYS_INLINE void ldrsw_at(struct cpu *cpu, const struct insn *in, u64 addr) {
  cpu->x[in->rd] = (u64)sext(mem_read32(cpu, addr), 32);
}

static inline ALWAYS_INLINE void strb_at(struct cpu *cpu, const struct insn *in, u64 addr) {
  mem_write8(cpu, addr, (u8)cpu->x[in->rd]);
}
static inline ALWAYS_INLINE void strh_at(struct cpu *cpu, const struct insn *in, u64 addr) {
  mem_write16(cpu, addr, (u16)cpu->x[in->rd]);
}
static inline ALWAYS_INLINE void str_w_at(struct cpu *cpu, const struct insn *in, u64 addr) {
  mem_write32(cpu, addr, (u32)cpu->x[in->rd]);
}
static inline ALWAYS_INLINE void str_x_at(struct cpu *cpu, const struct insn *in, u64 addr) {
  mem_write64(cpu, addr, cpu->x[in->rd]);
}

LDST_ALL_MODES(ldrb, ldrb_at)
LDST_ALL_MODES(ldrh, ldrh_at)
LDST_ALL_MODES(ldr_w, ldr_w_at)
LDST_ALL_MODES(ldr_x, ldr_x_at)
LDST_ALL_MODES(ldrsb_w, ldrsb_w_at)
LDST_ALL_MODES(ldrsb_x, ldrsb_x_at)
LDST_ALL_MODES(ldrsh_w, ldrsh_w_at)
LDST_ALL_MODES(ldrsh_x, ldrsh_x_at)
LDST_ALL_MODES(ldrsw, ldrsw_at)
LDST_ALL_MODES(strb, strb_at)
LDST_ALL_MODES(strh, strh_at)
LDST_ALL_MODES(str_w, str_w_at)
LDST_ALL_MODES(str_x, str_x_at)
LDST_LITERAL(ldr_w, ldr_w_at)
LDST_LITERAL(ldr_x, ldr_x_at)
LDST_LITERAL(ldrsw, ldrsw_at)

/* Pairs: rd = Rt, ra = Rt2. One range check covers both halves. Both
   loads complete before either register is written; Rt is written last,
   so when Rt == Rt2 (CONSTRAINED UNPREDICTABLE) it keeps the value from
   the lower address, as in qemu. */

static u32 host_load32(const u8 *p) {
  u32 v;
  memcpy(&v, p, sizeof v);
  return v;
}
static u64 host_load64(const u8 *p) {
  u64 v;
  memcpy(&v, p, sizeof v);
  return v;
}
static void host_store32(u8 *p, u32 v) { memcpy(p, &v, sizeof v); }
static void host_store64(u8 *p, u64 v) { memcpy(p, &v, sizeof v); }

static inline ALWAYS_INLINE void ldp_w_at(struct cpu *cpu, const struct insn *in, u64 addr) {
  const u8 *p = guest_data_ptr(cpu, addr, 8);
  u64 first = host_load32(p), second = host_load32(p + 4);
  cpu->x[in->ra] = second;
  cpu->x[in->rd] = first;
}
static inline ALWAYS_INLINE void ldp_x_at(struct cpu *cpu, const struct insn *in, u64 addr) {
  const u8 *p = guest_data_ptr(cpu, addr, 16);
  u64 first = host_load64(p), second = host_load64(p + 8);
  cpu->x[in->ra] = second;
  cpu->x[in->rd] = first;
}
static inline ALWAYS_INLINE void ldpsw_at(struct cpu *cpu, const struct insn *in, u64 addr) {
  const u8 *p = guest_data_ptr(cpu, addr, 8);
  u64 first = (u64)sext(host_load32(p), 32), second = (u64)sext(host_load32(p + 4), 32);
  cpu->x[in->ra] = second;
  cpu->x[in->rd] = first;
}
static inline ALWAYS_INLINE void stp_w_at(struct cpu *cpu, const struct insn *in, u64 addr) {
  u8 *p = guest_data_ptr(cpu, addr, 8);
  host_store32(p, (u32)cpu->x[in->rd]);
  host_store32(p + 4, (u32)cpu->x[in->ra]);
}
static inline ALWAYS_INLINE void stp_x_at(struct cpu *cpu, const struct insn *in, u64 addr) {
  u8 *p = guest_data_ptr(cpu, addr, 16);
  host_store64(p, cpu->x[in->rd]);
  host_store64(p + 8, cpu->x[in->ra]);
}

LDST_IMM_MODES(ldp_w, ldp_w_at)
LDST_IMM_MODES(ldp_x, ldp_x_at)
LDST_IMM_MODES(ldpsw, ldpsw_at)
LDST_IMM_MODES(stp_w, stp_w_at)
LDST_IMM_MODES(stp_x, stp_x_at)

/* Decoding. The decoders leave OP_undef (== 0) in table slots the Arm ARM
   leaves unallocated. */
_Static_assert(OP_undef == 0, "empty table entries must mean unallocated");

/* The single-register forms, indexed by V:size:opc (bits 26, 31:30,
   23:22): the op of each addressing mode and log2 of the access size. */
struct reg_form {
  u16 off, pre, post, reg;
  u8 scale;
};

#define FORM(name, scale) \
  { OP_##name##_off, OP_##name##_pre, OP_##name##_post, OP_##name##_reg, scale }
static const struct reg_form kRegForms[32] = {
    [0x00] = FORM(strb, 0),    [0x01] = FORM(ldrb, 0),
    [0x02] = FORM(ldrsb_x, 0), [0x03] = FORM(ldrsb_w, 0),
    [0x04] = FORM(strh, 1),    [0x05] = FORM(ldrh, 1),
    [0x06] = FORM(ldrsh_x, 1), [0x07] = FORM(ldrsh_w, 1),
    [0x08] = FORM(str_w, 2),   [0x09] = FORM(ldr_w, 2),
    [0x0a] = FORM(ldrsw, 2),
    [0x0c] = FORM(str_x, 3),   [0x0d] = FORM(ldr_x, 3),
    /* PRFM and PRFUM: a hint, so a no-op; no writeback forms exist. */
    [0x0e] = {OP_nop, OP_undef, OP_undef, OP_nop, 3},
    [0x10] = FORM(str_b, 0),   [0x11] = FORM(ldr_b, 0),
    [0x12] = FORM(str_q, 4),   [0x13] = FORM(ldr_q, 4),
    [0x14] = FORM(str_h, 1),   [0x15] = FORM(ldr_h, 1),
    [0x18] = FORM(str_s, 2),   [0x19] = FORM(ldr_s, 2),
    [0x1c] = FORM(str_d, 3),   [0x1d] = FORM(ldr_d, 3),
};
#undef FORM

static const struct reg_form *reg_form(u32 w) {
  return &kRegForms[bit(w, 26) << 4 | bits(w, 31, 30) << 2 | bits(w, 23, 22)];
}

/* The slot of a transfer register: SIMD&FP registers are used as numbered,
   general-purpose ones resolve 31 to the zero register or the sink. */
static u8 transfer_slot(u32 rt, bool vector, bool load) {
  if (vector) return (u8)rt;
  return load ? reg_dst(rt) : reg_src(rt);
}

static bool set_reg_form(u32 w, u16 op, u64 imm, struct insn *out) {
  bool vector = bit(w, 26);
  u32 opc = bits(w, 23, 22);
  if (op == OP_undef) return false;
  out->op = op;
  out->rd = transfer_slot(bits(w, 4, 0), vector, vector ? opc & 1 : opc != 0);
  out->rn = reg_or_sp(bits(w, 9, 5));
  out->imm = imm;
  return true;
}

/* Load/store register (unsigned immediate). */
static bool decode_reg_uimm(u32 w, struct insn *out) {
  const struct reg_form *f = reg_form(w);
  return set_reg_form(w, f->off, (u64)bits(w, 21, 10) << f->scale, out);
}

/* Load/store register: unscaled immediate (LDUR, STUR, PRFUM), immediate
   post-indexed, unprivileged (LDTR, STTR) and immediate pre-indexed. */
static bool decode_reg_imm9(u32 w, struct insn *out) {
  const struct reg_form *f = reg_form(w);
  u64 imm = (u64)sext(bits(w, 20, 12), 9);
  switch (bits(w, 11, 10)) {
    case 0: return set_reg_form(w, f->off, imm, out);
    case 1: return set_reg_form(w, f->post, imm, out);
    case 3: return set_reg_form(w, f->pre, imm, out);
    default:
      /* Unprivileged accesses behave as plain ones at EL0; there are none
         of SIMD&FP registers and no unprivileged prefetch. */
      if (bit(w, 26) || f->off == OP_nop) return false;
      return set_reg_form(w, f->off, imm, out);
  }
}

/* Load/store register (register offset). option<1> == 0 (a 32-bit
   extend that is neither UXTW nor SXTW) is unallocated. */
static bool decode_reg_roff(u32 w, struct insn *out) {
  const struct reg_form *f = reg_form(w);
  u32 option = bits(w, 15, 13);
  if (!(option & 2)) return false;
  if (!set_reg_form(w, f->reg, 0, out)) return false;
  out->rm = reg_src(bits(w, 20, 16));
  out->a = option & 1 ? INDEX_LSL : option & 4 ? INDEX_SXTW : INDEX_UXTW;
  out->b = bit(w, 12) ? f->scale : 0;
  return true;
}

/* Load register (literal), indexed by V:opc. */
static bool decode_literal(u32 w, u64 pc, struct insn *out) {
  static const u16 kOps[8] = {
      OP_ldr_w_lit, OP_ldr_x_lit, OP_ldrsw_lit, OP_nop, /* PRFM (literal) */
      OP_ldr_s_lit, OP_ldr_d_lit, OP_ldr_q_lit, OP_undef,
  };
  bool vector = bit(w, 26);
  u16 op = kOps[vector << 2 | bits(w, 31, 30)];
  if (op == OP_undef) return false;
  out->op = op;
  out->rd = transfer_slot(bits(w, 4, 0), vector, true);
  out->imm = pc + ((u64)sext(bits(w, 23, 5), 19) << 2);
  return true;
}

/* The pair forms, indexed by V:opc:L (bits 26, 31:30, 22). */
struct pair_form {
  u16 off, pre, post;
  u8 scale;
};

#define PAIR(name, scale) { OP_##name##_off, OP_##name##_pre, OP_##name##_post, scale }
static const struct pair_form kPairForms[16] = {
    [0x0] = PAIR(stp_w, 2), [0x1] = PAIR(ldp_w, 2),
    /* 0x2 is STGP (FEAT_MTE), not advertised */
    [0x3] = PAIR(ldpsw, 2),
    [0x4] = PAIR(stp_x, 3), [0x5] = PAIR(ldp_x, 3),
    [0x8] = PAIR(stp_s, 2), [0x9] = PAIR(ldp_s, 2),
    [0xa] = PAIR(stp_d, 3), [0xb] = PAIR(ldp_d, 3),
    [0xc] = PAIR(stp_q, 4), [0xd] = PAIR(ldp_q, 4),
};
#undef PAIR

/* Load/store register pair: bits 24:23 select no-allocate (LDNP, STNP:
   an offset form with a cache hint), post-index, offset or pre-index. */
static bool decode_pair(u32 w, struct insn *out) {
  bool vector = bit(w, 26), load = bit(w, 22);
  const struct pair_form *f =
      &kPairForms[vector << 3 | bits(w, 31, 30) << 1 | load];
  u16 op;
  switch (bits(w, 24, 23)) {
    case 0: op = f->off == OP_ldpsw_off ? OP_undef : f->off; break;
    case 1: op = f->post; break;
    case 2: op = f->off; break;
    default: op = f->pre; break;
  }
  if (op == OP_undef) return false;
  out->op = op;
  out->rd = transfer_slot(bits(w, 4, 0), vector, load);
  out->ra = transfer_slot(bits(w, 14, 10), vector, load);
  out->rn = reg_or_sp(bits(w, 9, 5));
  out->imm = (u64)sext(bits(w, 21, 15), 7) << f->scale;
  return true;
}

/* Loads and stores with bit 21 set and bit 24 clear: atomic memory
   operations (op4 = 00), register offset (op4 = 10), and LDRAA/LDRAB
   (op4 = x1), which need FEAT_PAuth and are not advertised. */
static bool decode_reg_bit21(u32 w, struct insn *out) {
  switch (bits(w, 11, 10)) {
    case 0: return !bit(w, 26) && decode_ldst_atomic(w, out);
    case 2: return decode_reg_roff(w, out);
    default: return false;
  }
}

bool decode_ldst(u32 w, u64 pc, struct insn *out) {
  bool vector = bit(w, 26);
  switch (bits(w, 29, 28)) {
    case 0: /* structures, exclusive/ordered/CAS (RCpc3 pairs are 1x) */
      if (vector) return !bit(w, 31) && decode_ldst_structures(w, out);
      return !bit(w, 24) && decode_ldst_exclusive(w, out);
    case 1: /* literal; LDAPUR/STLUR (LRCPC2), MOPS, MTE tags are 1x */
      return !bit(w, 24) && decode_literal(w, pc, out);
    case 2:
      return decode_pair(w, out);
    default:
      if (bit(w, 24)) return decode_reg_uimm(w, out);
      if (bit(w, 21)) return decode_reg_bit21(w, out);
      return decode_reg_imm9(w, out);
  }
}
