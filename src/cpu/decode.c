/* Top-level A64 decode: route by op0 (bits 28:25) to the decoder of each
   encoding group (Arm ARM C4.1, "A64 instruction set encoding"). */
#include "cpu/insn.h"

enum { SEQ, SIDE, END };

static const u8 kFlow[OP_COUNT] = {
#define INSN(name, family, feature, flow) [OP_##name] = flow,
#include "cpu/insn_list.h"
#undef INSN
};

const op_fn g_op_handlers[OP_COUNT] = {
#define INSN(name, family, feature, flow) [OP_##name] = op_##name,
#include "cpu/insn_list.h"
#undef INSN
};

const char *const g_op_names[OP_COUNT] = {
#define INSN(name, family, feature, flow) [OP_##name] = #name,
#include "cpu/insn_list.h"
#undef INSN
};

bool insn_ends_block(const struct insn *in) { return kFlow[in->op] == END; }
bool insn_side_exit(const struct insn *in) { return kFlow[in->op] == SIDE; }

bool decode_insn(u32 word, u64 pc, struct insn *out) {
  u32 op0 = bits(word, 28, 25);
  switch (op0) {
    case 0x0:
      if ((word >> 16) == 0) { /* UDF #imm16: permanently undefined */
        out->op = OP_udf;
        out->imm = word & 0xffff;
        return true;
      }
      return false;
    case 0x8: case 0x9:
      return decode_dp_imm(word, pc, out);
    case 0xa: case 0xb:
      return decode_branch_sys(word, pc, out);
    case 0x4: case 0x6: case 0xc: case 0xe:
      return decode_ldst(word, pc, out);
    case 0x5: case 0xd:
      return decode_dp_reg(word, pc, out);
    case 0x7: case 0xf:
      return decode_simd_fp(word, pc, out);
    default: /* SME, SVE and unallocated space */
      return false;
  }
}
