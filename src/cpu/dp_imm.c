/* Data processing, immediate (Arm ARM C4.1.86): PC-relative addressing,
   add/subtract, logical, move wide, bitfield and extract. */
#include "cpu/insn.h"

OP_HANDLER(adr) { cpu->x[in->rd] = in->imm; return NEXT; }
OP_HANDLER(movz_x) { cpu->x[in->rd] = in->imm; return NEXT; }

OP_HANDLER(movk_w) {
  u32 v = (u32)cpu->x[in->rd];
  v = (v & ~(0xffffu << in->a)) | (u32)in->imm << in->a;
  cpu->x[in->rd] = v;
  return NEXT;
}

OP_HANDLER(movk_x) {
  u64 v = cpu->x[in->rd];
  cpu->x[in->rd] = (v & ~(0xffffull << in->a)) | in->imm << in->a;
  return NEXT;
}

static bool decode_pc_rel(u32 w, u64 pc, struct insn *out) {
  u64 imm = sext(bits(w, 23, 5) << 2 | bits(w, 30, 29), 21);
  out->op = OP_adr;
  out->rd = reg_dst(bits(w, 4, 0));
  out->imm = bit(w, 31) ? (pc & ~0xfffull) + (imm << 12) : pc + imm;
  return true;
}

static bool decode_move_wide(u32 w, struct insn *out) {
  u32 sf = bit(w, 31), opc = bits(w, 30, 29), hw = bits(w, 22, 21);
  if (opc == 1 || (!sf && hw > 1)) return false;
  u64 imm = (u64)bits(w, 20, 5) << (hw * 16);
  out->rd = reg_dst(bits(w, 4, 0));
  switch (opc) {
    case 0: /* MOVN */
      out->op = OP_movz_x;
      out->imm = sf ? ~imm : (u32)~imm;
      return true;
    case 2: /* MOVZ */
      out->op = OP_movz_x;
      out->imm = imm;
      return true;
    default: /* MOVK */
      out->op = sf ? OP_movk_x : OP_movk_w;
      out->a = hw * 16;
      out->imm = bits(w, 20, 5);
      return true;
  }
}

bool decode_dp_imm(u32 w, u64 pc, struct insn *out) {
  switch (bits(w, 25, 23)) {
    case 0: case 1: return decode_pc_rel(w, pc, out);
    case 5: return decode_move_wide(w, out);
    default: return false;
  }
}
