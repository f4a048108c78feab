/* Data processing, immediate (Arm ARM C4.1.86): PC-relative addressing,
   add/subtract, logical, move wide, bitfield and extract.

   Everything that depends only on the encoding is worked out here at decode
   time: immediates arrive shifted, logical masks arrive expanded by
   DecodeBitMasks, and bitfield moves arrive as a pair of shift counts, so
   each handler is one or two host operations. The 32-bit forms compute on
   u32 values and store them zero-extended, as the Arm ARM's X[d] = result
   does for a 32-bit result. */
#include "cpu/insn.h"
#include "cpu/sem_alu.h"
#include "cpu/sem_bits.h"

static u32 w_of(const struct cpu *cpu, u8 r) { return (u32)cpu->x[r]; }

OP_HANDLER(adr) { cpu->x[in->rd] = in->imm; return NEXT; }
OP_HANDLER(mov_imm) { cpu->x[in->rd] = in->imm; return NEXT; }

OP_HANDLER(movk_w) {
  u32 v = w_of(cpu, in->rd);
  v = (v & ~(0xffffu << in->a)) | (u32)in->imm << in->a;
  cpu->x[in->rd] = v;
  return NEXT;
}

OP_HANDLER(movk_x) {
  u64 v = cpu->x[in->rd];
  cpu->x[in->rd] = (v & ~(0xffffull << in->a)) | in->imm << in->a;
  return NEXT;
}

/* Add/subtract (immediate). */

OP_HANDLER(add_imm_w) { cpu->x[in->rd] = (u32)(w_of(cpu, in->rn) + (u32)in->imm); return NEXT; }
OP_HANDLER(add_imm_x) { cpu->x[in->rd] = cpu->x[in->rn] + in->imm; return NEXT; }
OP_HANDLER(sub_imm_w) { cpu->x[in->rd] = (u32)(w_of(cpu, in->rn) - (u32)in->imm); return NEXT; }
OP_HANDLER(sub_imm_x) { cpu->x[in->rd] = cpu->x[in->rn] - in->imm; return NEXT; }

OP_HANDLER(adds_imm_w) {
  cpu->x[in->rd] = sem_add32_flags(cpu, w_of(cpu, in->rn), (u32)in->imm);
  return NEXT;
}
OP_HANDLER(adds_imm_x) {
  cpu->x[in->rd] = sem_add64_flags(cpu, cpu->x[in->rn], in->imm);
  return NEXT;
}
OP_HANDLER(subs_imm_w) {
  cpu->x[in->rd] = sem_sub32_flags(cpu, w_of(cpu, in->rn), (u32)in->imm);
  return NEXT;
}
OP_HANDLER(subs_imm_x) {
  cpu->x[in->rd] = sem_sub64_flags(cpu, cpu->x[in->rn], in->imm);
  return NEXT;
}

/* Logical (immediate). A 32-bit mask has its upper half clear, so one AND
   serves both sizes. */

OP_HANDLER(and_imm) { cpu->x[in->rd] = cpu->x[in->rn] & in->imm; return NEXT; }
OP_HANDLER(orr_imm_w) { cpu->x[in->rd] = w_of(cpu, in->rn) | (u32)in->imm; return NEXT; }
OP_HANDLER(orr_imm_x) { cpu->x[in->rd] = cpu->x[in->rn] | in->imm; return NEXT; }
OP_HANDLER(eor_imm_w) { cpu->x[in->rd] = w_of(cpu, in->rn) ^ (u32)in->imm; return NEXT; }
OP_HANDLER(eor_imm_x) { cpu->x[in->rd] = cpu->x[in->rn] ^ in->imm; return NEXT; }

OP_HANDLER(ands_imm_w) {
  u32 r = w_of(cpu, in->rn) & (u32)in->imm;
  sem_logic_flags32(cpu, r);
  cpu->x[in->rd] = r;
  return NEXT;
}
OP_HANDLER(ands_imm_x) {
  u64 r = cpu->x[in->rn] & in->imm;
  sem_logic_flags64(cpu, r);
  cpu->x[in->rd] = r;
  return NEXT;
}

/* Bitfield. See decode_bitfield() for how a and b are derived. */

OP_HANDLER(ubfm_w) { cpu->x[in->rd] = w_of(cpu, in->rn) << in->a >> in->b; return NEXT; }
OP_HANDLER(ubfm_x) { cpu->x[in->rd] = cpu->x[in->rn] << in->a >> in->b; return NEXT; }

OP_HANDLER(sbfm_w) {
  cpu->x[in->rd] = (u32)((i32)(w_of(cpu, in->rn) << in->a) >> in->b);
  return NEXT;
}
OP_HANDLER(sbfm_x) {
  cpu->x[in->rd] = (u64)((i64)(cpu->x[in->rn] << in->a) >> in->b);
  return NEXT;
}

OP_HANDLER(bfm_w) {
  u32 mask = (u32)in->imm;
  u32 r = (w_of(cpu, in->rd) & ~mask) | (ror32(w_of(cpu, in->rn), in->a) & mask);
  cpu->x[in->rd] = r;
  return NEXT;
}
OP_HANDLER(bfm_x) {
  u64 r = (cpu->x[in->rd] & ~in->imm) | (ror64(cpu->x[in->rn], in->a) & in->imm);
  cpu->x[in->rd] = r;
  return NEXT;
}

/* Extract: the low datasize bits of (Rn:Rm) >> lsb. Shifting Rn left in two
   steps keeps lsb == 0 defined (Rn then contributes nothing). */

OP_HANDLER(extr_w) {
  u64 pair = (u64)w_of(cpu, in->rn) << 32 | w_of(cpu, in->rm);
  cpu->x[in->rd] = (u32)(pair >> in->a);
  return NEXT;
}
OP_HANDLER(extr_x) {
  cpu->x[in->rd] = cpu->x[in->rm] >> in->a | cpu->x[in->rn] << (63 - in->a) << 1;
  return NEXT;
}

static bool decode_pc_rel(u32 w, u64 pc, struct insn *out) {
  u64 imm = sext(bits(w, 23, 5) << 2 | bits(w, 30, 29), 21);
  out->op = OP_adr;
  out->rd = reg_dst(bits(w, 4, 0));
  out->imm = bit(w, 31) ? (pc & ~0xfffull) + (imm << 12) : pc + imm;
  return true;
}

/* sf op S 100010 sh imm12 Rn Rd. Rn is SP-capable; so is Rd unless S. */
static bool decode_add_sub_imm(u32 w, struct insn *out) {
  static const u16 kOps[2][2][2] = {           /* [sf][op][S] */
      {{OP_add_imm_w, OP_adds_imm_w}, {OP_sub_imm_w, OP_subs_imm_w}},
      {{OP_add_imm_x, OP_adds_imm_x}, {OP_sub_imm_x, OP_subs_imm_x}},
  };
  u32 sf = bit(w, 31), op = bit(w, 30), s = bit(w, 29);
  out->op = kOps[sf][op][s];
  out->rd = s ? reg_dst(bits(w, 4, 0)) : reg_or_sp(bits(w, 4, 0));
  out->rn = reg_or_sp(bits(w, 9, 5));
  out->imm = (u64)bits(w, 21, 10) << (bit(w, 22) * 12);
  return true;
}

/* sf opc 100100 N immr imms Rn Rd. Rd is SP-capable unless the form sets
   flags (ANDS). */
static bool decode_logical_imm(u32 w, struct insn *out) {
  static const u16 kOps[2][4] = {              /* [sf][opc] */
      {OP_and_imm, OP_orr_imm_w, OP_eor_imm_w, OP_ands_imm_w},
      {OP_and_imm, OP_orr_imm_x, OP_eor_imm_x, OP_ands_imm_x},
  };
  u32 sf = bit(w, 31), opc = bits(w, 30, 29), n = bit(w, 22);
  u64 wmask, tmask;
  if (!sf && n) return false;
  if (!decode_bit_masks(n, bits(w, 15, 10), bits(w, 21, 16), true, sf ? 64 : 32,
                        &wmask, &tmask))
    return false;
  out->op = kOps[sf][opc];
  out->rd = opc == 3 ? reg_dst(bits(w, 4, 0)) : reg_or_sp(bits(w, 4, 0));
  out->rn = reg_src(bits(w, 9, 5));
  out->imm = wmask;
  /* MOV (bitmask immediate): ORR from the zero register. */
  if (opc == 1 && out->rn == REG_ZR) out->op = OP_mov_imm;
  return true;
}

static bool decode_move_wide(u32 w, struct insn *out) {
  u32 sf = bit(w, 31), opc = bits(w, 30, 29), hw = bits(w, 22, 21);
  if (opc == 1 || (!sf && hw > 1)) return false;
  u64 imm = (u64)bits(w, 20, 5) << (hw * 16);
  out->rd = reg_dst(bits(w, 4, 0));
  switch (opc) {
    case 0: /* MOVN */
      out->op = OP_mov_imm;
      out->imm = sf ? ~imm : (u32)~imm;
      return true;
    case 2: /* MOVZ */
      out->op = OP_mov_imm;
      out->imm = imm;
      return true;
    default: /* MOVK */
      out->op = sf ? OP_movk_x : OP_movk_w;
      out->a = hw * 16;
      out->imm = bits(w, 20, 5);
      return true;
  }
}

/* sf opc 100110 N immr imms Rn Rd.

   For UBFM and SBFM, with d = datasize - 1, S = imms and R = immr, the
   pseudocode's (ROR(src, R) AND wmask AND tmask), sign-filled above bit
   (S - R) mod datasize for SBFM, equals
       (src << (d - S)) >> ((d - S + R) mod datasize)
   with a logical (UBFM) or arithmetic (SBFM) right shift: the left shift
   drops the bits above src<S> and puts src<S> at the top; the right shift
   brings src<R> to bit 0 when S >= R (xBFX, LSR, ASR, xXTx), or src<0> to
   bit datasize - R when S < R (xBFIZ, LSL), filling with zeros or with
   copies of src<S>. BFM keeps the destination outside wmask AND tmask. */
static bool decode_bitfield(u32 w, struct insn *out) {
  static const u16 kOps[2][3] = {              /* [sf][opc] */
      {OP_sbfm_w, OP_bfm_w, OP_ubfm_w},
      {OP_sbfm_x, OP_bfm_x, OP_ubfm_x},
  };
  u32 sf = bit(w, 31), opc = bits(w, 30, 29), n = bit(w, 22);
  u32 immr = bits(w, 21, 16), imms = bits(w, 15, 10);
  u32 datasize = sf ? 64 : 32;
  u64 wmask, tmask;
  if (opc == 3 || n != sf || immr >= datasize || imms >= datasize) return false;
  out->op = kOps[sf][opc];
  out->rd = reg_dst(bits(w, 4, 0));
  out->rn = reg_src(bits(w, 9, 5));
  if (opc == 1) {
    if (!decode_bit_masks(n, imms, immr, false, datasize, &wmask, &tmask)) return false;
    out->a = immr;
    out->imm = wmask & tmask;
  } else {
    u32 left = datasize - 1 - imms;
    out->a = left;
    out->b = (left + immr) & (datasize - 1);
  }
  return true;
}

/* sf op21 100111 N o0 Rm imms Rn Rd; op21 = 00 and o0 = 0 are EXTR. */
static bool decode_extract(u32 w, struct insn *out) {
  u32 sf = bit(w, 31), n = bit(w, 22), imms = bits(w, 15, 10);
  if (bits(w, 30, 29) != 0 || bit(w, 21) || n != sf || (!sf && imms >= 32)) return false;
  out->op = sf ? OP_extr_x : OP_extr_w;
  out->rd = reg_dst(bits(w, 4, 0));
  out->rn = reg_src(bits(w, 9, 5));
  out->rm = reg_src(bits(w, 20, 16));
  out->a = imms;
  return true;
}

bool decode_dp_imm(u32 w, u64 pc, struct insn *out) {
  switch (bits(w, 25, 23)) {
    case 0: case 1: return decode_pc_rel(w, pc, out);
    case 2: return decode_add_sub_imm(w, out);
    case 4: return decode_logical_imm(w, out);
    case 5: return decode_move_wide(w, out);
    case 6: return decode_bitfield(w, out);
    case 7: return decode_extract(w, out);
    /* 3: ADDG/SUBG (FEAT_MTE) and min/max immediate (FEAT_CSSC), neither
       advertised. */
    default: return false;
  }
}
