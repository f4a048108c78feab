/* AdvSIMD structure loads and stores (Arm ARM C4.1.88: "Advanced SIMD
   load/store multiple structures", "... single structure", and their
   post-indexed forms): LD1-LD4 and ST1-ST4 of whole registers, of one lane,
   and LD1R-LD4R.

   Decoded fields: rd = Vt, the first register (the list wraps from V31 to
   V0); rn = base slot; for the _post forms, rm = the offset register slot
   and imm = 0, or rm = REG_ZR and imm = the bytes transferred (Rm == 31);
   a = selem | rpt << 4; b = log2(element bytes) | Q << 2 | lane << 3.

   Every load reads guest memory into a local buffer before it writes a
   register, so a fault leaves the registers untouched. */
#include "cpu/ldst_simd.h"

#include "cpu/mem_access.h"

#define MAX_BYTES 64 /* LD4/ST4 or LD1/ST1 of four Q registers */

struct layout {
  u32 selem;    /* registers per structure: 1 to 4 */
  u32 rpt;      /* LD1/ST1 of several registers: how many */
  u32 ebytes;   /* element size */
  u32 regbytes; /* bytes of each register transferred: 8 or 16 */
  u32 lane;     /* single-structure forms: element index */
};

static inline ALWAYS_INLINE struct layout layout_of(const struct insn *in) {
  struct layout l;
  l.selem = in->a & 15;
  l.rpt = in->a >> 4;
  l.ebytes = 1u << (in->b & 3);
  l.regbytes = 8u << (in->b >> 2 & 1);
  l.lane = in->b >> 3;
  return l;
}

static u8 vreg_of(const struct insn *in, u32 i) { return (in->rd + i) % 32; }

/* LD1-LD4 (multiple structures), Arm ARM pseudocode: element e of register
   t+r+s is the s-th element of structure e of repetition r; a 64-bit
   arrangement zeroes the upper half. Only LD1 repeats (selem == 1), and
   then the registers are consecutive copies of memory. */
static void ld_multiple(struct cpu *cpu, const struct insn *in, u64 addr) {
  struct layout l = layout_of(in);
  u32 total = l.selem * l.rpt * l.regbytes;
  u8 buf[MAX_BYTES];
  memcpy(buf, guest_data_ptr(cpu, addr, total), total);
  if (l.selem == 1) {
    for (u32 r = 0; r < l.rpt; r++) {
      vreg v = {0};
      memcpy(&v, buf + r * l.regbytes, l.regbytes);
      cpu->v[vreg_of(in, r)] = v;
    }
    return;
  }
  u32 elements = l.regbytes / l.ebytes;
  for (u32 s = 0; s < l.selem; s++) {
    vreg v = {0};
    for (u32 e = 0; e < elements; e++)
      memcpy(&v.b[e * l.ebytes], buf + (e * l.selem + s) * l.ebytes, l.ebytes);
    cpu->v[vreg_of(in, s)] = v;
  }
}

/* ST1-ST4 (multiple structures): the inverse interleave. */
static void st_multiple(struct cpu *cpu, const struct insn *in, u64 addr) {
  struct layout l = layout_of(in);
  u32 total = l.selem * l.rpt * l.regbytes;
  u8 buf[MAX_BYTES];
  if (l.selem == 1) {
    for (u32 r = 0; r < l.rpt; r++)
      memcpy(buf + r * l.regbytes, &cpu->v[vreg_of(in, r)], l.regbytes);
  } else {
    u32 elements = l.regbytes / l.ebytes;
    for (u32 s = 0; s < l.selem; s++)
      for (u32 e = 0; e < elements; e++)
        memcpy(buf + (e * l.selem + s) * l.ebytes, &cpu->v[vreg_of(in, s)].b[e * l.ebytes],
               l.ebytes);
  }
  memcpy(guest_data_ptr(cpu, addr, total), buf, total);
}

/* LD1-LD4 (single structure): one lane of each register; the other lanes
   keep their values. */
static void ld_single(struct cpu *cpu, const struct insn *in, u64 addr) {
  struct layout l = layout_of(in);
  u8 buf[4 * 8];
  memcpy(buf, guest_data_ptr(cpu, addr, l.selem * l.ebytes), l.selem * l.ebytes);
  for (u32 s = 0; s < l.selem; s++)
    memcpy(&cpu->v[vreg_of(in, s)].b[l.lane * l.ebytes], buf + s * l.ebytes, l.ebytes);
}

/* ST1-ST4 (single structure). */
static void st_single(struct cpu *cpu, const struct insn *in, u64 addr) {
  struct layout l = layout_of(in);
  u8 buf[4 * 8];
  for (u32 s = 0; s < l.selem; s++)
    memcpy(buf + s * l.ebytes, &cpu->v[vreg_of(in, s)].b[l.lane * l.ebytes], l.ebytes);
  memcpy(guest_data_ptr(cpu, addr, l.selem * l.ebytes), buf, l.selem * l.ebytes);
}

/* LD1R-LD4R: each register gets one element replicated across the
   arrangement; a 64-bit arrangement zeroes the upper half. */
static void ld_replicate(struct cpu *cpu, const struct insn *in, u64 addr) {
  struct layout l = layout_of(in);
  u8 buf[4 * 8];
  memcpy(buf, guest_data_ptr(cpu, addr, l.selem * l.ebytes), l.selem * l.ebytes);
  for (u32 s = 0; s < l.selem; s++) {
    vreg v = {0};
    for (u32 off = 0; off < l.regbytes; off += l.ebytes)
      memcpy(&v.b[off], buf + s * l.ebytes, l.ebytes);
    cpu->v[vreg_of(in, s)] = v;
  }
}

/* LD1R, by far the most common (compilers broadcast a scalar with it), has
   an op per element size: one load, spread across 64 bits by a multiply. */
#define LD1R(name, type, spread)                                              \
  static inline ALWAYS_INLINE void name(struct cpu *cpu, const struct insn *in, \
                                        u64 addr) {                           \
    type e;                                                                   \
    memcpy(&e, guest_data_ptr(cpu, addr, sizeof e), sizeof e);                \
    u64 rep = e * (spread);                                                   \
    cpu->v[in->rd] = (vreg){.d = {rep, in->b >> 2 & 1 ? rep : 0}};            \
  }
LD1R(ld1r_b_at, u8, 0x0101010101010101ull)
LD1R(ld1r_h_at, u16, 0x0001000100010001ull)
LD1R(ld1r_s_at, u32, 0x0000000100000001ull)
LD1R(ld1r_d_at, u64, 1)
#undef LD1R

/* The plain and post-indexed handlers of a transfer. The offset register
   is a general-purpose one, which a structure load never writes. */
#define STRUCT_MODES(name, xfer)                         \
  OP_HANDLER(name) {                                     \
    xfer(cpu, in, cpu->x[in->rn]);                       \
    return NEXT;                                         \
  }                                                      \
  OP_HANDLER(name##_post) {                              \
    u64 addr = cpu->x[in->rn];                           \
    xfer(cpu, in, addr);                                 \
    cpu->x[in->rn] = addr + cpu->x[in->rm] + in->imm;    \
    return NEXT;                                         \
  }
STRUCT_MODES(ldn_multiple, ld_multiple)
STRUCT_MODES(stn_multiple, st_multiple)
STRUCT_MODES(ldn_single, ld_single)
STRUCT_MODES(stn_single, st_single)
STRUCT_MODES(ldnr, ld_replicate)
STRUCT_MODES(ld1r_b, ld1r_b_at)
STRUCT_MODES(ld1r_h, ld1r_h_at)
STRUCT_MODES(ld1r_s, ld1r_s_at)
STRUCT_MODES(ld1r_d, ld1r_d_at)
#undef STRUCT_MODES

/* Fields common to both groups. bytes is what the post-index immediate
   form adds to the base. */
static bool set_struct(u32 w, u16 op, u16 op_post, u32 bytes, struct insn *out) {
  u32 rm = bits(w, 20, 16);
  out->rd = bits(w, 4, 0);
  out->rn = reg_or_sp(bits(w, 9, 5));
  if (!bit(w, 23)) { /* no offset: the Rm field must be zero */
    out->op = op;
    return rm == 0;
  }
  out->op = op_post;
  out->rm = reg_src(rm); /* 31 is the immediate form: XZR adds nothing */
  out->imm = rm == 31 ? bytes : 0;
  return true;
}

/* Multiple structures: opcode (bits 15:12) gives selem and rpt. */
static bool decode_multiple(u32 w, struct insn *out) {
  static const struct { u8 selem, rpt; } kLayouts[16] = {
      [0x0] = {4, 1}, /* LD4/ST4 */
      [0x2] = {1, 4}, /* LD1/ST1, four registers */
      [0x4] = {3, 1}, /* LD3/ST3 */
      [0x6] = {1, 3}, /* LD1/ST1, three registers */
      [0x7] = {1, 1}, /* LD1/ST1, one register */
      [0x8] = {2, 1}, /* LD2/ST2 */
      [0xa] = {1, 2}, /* LD1/ST1, two registers */
  };
  u32 q = bit(w, 30), size = bits(w, 11, 10);
  u32 selem = kLayouts[bits(w, 15, 12)].selem, rpt = kLayouts[bits(w, 15, 12)].rpt;
  if (bit(w, 21) || selem == 0) return false;
  if (size == 3 && !q && selem > 1) return false; /* no 1D arrangement for LD2-LD4 */
  bool load = bit(w, 22);
  out->a = selem | rpt << 4;
  out->b = size | q << 2;
  return set_struct(w, load ? OP_ldn_multiple : OP_stn_multiple,
                    load ? OP_ldn_multiple_post : OP_stn_multiple_post,
                    selem * rpt * (8u << q), out);
}

/* Single structure, per the Arm ARM's decode: opcode<2:1> is the element
   size (3: replicate), opcode<0>:R is selem - 1, and Q:S:size hold the
   lane number in the bits the element size leaves free. */
static bool decode_single(u32 w, struct insn *out) {
  u32 q = bit(w, 30), load = bit(w, 22), opcode = bits(w, 15, 13), s = bit(w, 12),
      size = bits(w, 11, 10);
  u32 scale = opcode >> 1, selem = ((opcode & 1) << 1 | bit(w, 21)) + 1, lane;
  switch (scale) {
    case 3: /* LD1R-LD4R */
      if (!load || s) return false;
      out->a = selem;
      out->b = size | q << 2;
      if (selem == 1) {
        static const u16 kOps[4][2] = {{OP_ld1r_b, OP_ld1r_b_post}, {OP_ld1r_h, OP_ld1r_h_post},
                                       {OP_ld1r_s, OP_ld1r_s_post}, {OP_ld1r_d, OP_ld1r_d_post}};
        return set_struct(w, kOps[size][0], kOps[size][1], 1u << size, out);
      }
      return set_struct(w, OP_ldnr, OP_ldnr_post, selem << size, out);
    case 0: lane = q << 3 | s << 2 | size; break;
    case 1:
      if (size & 1) return false;
      lane = q << 2 | s << 1 | size >> 1;
      break;
    default:
      if (size & 2) return false;
      if (size == 0) {
        lane = q << 1 | s;
      } else {
        if (s) return false;
        lane = q;
        scale = 3;
      }
      break;
  }
  out->a = selem;
  out->b = scale | lane << 3;
  return set_struct(w, load ? OP_ldn_single : OP_stn_single,
                    load ? OP_ldn_single_post : OP_stn_single_post, selem << scale, out);
}

bool decode_ldst_structures(u32 w, struct insn *out) {
  if (bits(w, 29, 25) != 0x06) return false;
  return bit(w, 24) ? decode_single(w, out) : decode_multiple(w, out);
}
