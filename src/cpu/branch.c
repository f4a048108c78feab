/* Branches (Arm ARM C4.1.65 "Branches, Exception Generating and System
   instructions"; this file decodes the whole group and hands the exception
   and system encodings to system.c). */
#include "cpu/block.h"
#include "cpu/insn.h"
#include "cpu/sem_alu.h"
#include "cpu/system.h"

/* The address after the branch now executing. */
static u64 next_pc(const struct cpu *cpu) { return block_insn_pc(cpu) + 4; }

static const struct insn *jump(struct cpu *cpu, u64 target) {
  cpu->pc = target;
  return NULL;
}

/* A branch back to the start of its own block, the inner loop of most hot
   code, is decoded as NAME_loop (branch_mark_self_loop): taken, it runs its
   block again without leaving the dispatch loop, unless something wants
   attention or the cache was flushed since the block was found. With the
   JIT on, self-loops are not marked (block.c): each pass then goes through
   the dispatch loop, which counts the block down to its translation, and
   the translator makes the loop itself. */
static inline ALWAYS_INLINE const struct insn *loop(struct cpu *cpu, const struct insn *in) {
  if (LIKELY(!cpu->attention && block_cache_current(cpu))) return cpu->block->insns;
  return jump(cpu, in->imm);
}

/* Each conditional branch as op_NAME and op_NAME_loop. Not taken, the
   block goes on (block.h). */
#define COND_BRANCH(name, taken)                                              \
  OP_HANDLER(name) { return (taken) ? jump(cpu, in->imm) : NEXT; }              \
  OP_HANDLER(name##_loop) { return (taken) ? loop(cpu, in) : NEXT; }

OP_HANDLER(b) { return jump(cpu, in->imm); }
OP_HANDLER(b_loop) { return loop(cpu, in); }

OP_HANDLER(bl) {
  cpu->x[30] = next_pc(cpu);
  return jump(cpu, in->imm);
}

/* One handler per condition: the condition is a constant in each, and the
   host predicts each kind of guest branch at its own site. */
#define B_COND(name, cond) COND_BRANCH(b_##name, cond_holds(cpu, cond))
B_COND(eq, 0) B_COND(ne, 1) B_COND(cs, 2) B_COND(cc, 3) B_COND(mi, 4) B_COND(pl, 5)
B_COND(vs, 6) B_COND(vc, 7) B_COND(hi, 8) B_COND(ls, 9) B_COND(ge, 10) B_COND(lt, 11)
B_COND(gt, 12) B_COND(le, 13)
#undef B_COND

COND_BRANCH(cbz_w, (u32)cpu->x[in->rn] == 0)
COND_BRANCH(cbnz_w, (u32)cpu->x[in->rn] != 0)
COND_BRANCH(cbz_x, cpu->x[in->rn] == 0)
COND_BRANCH(cbnz_x, cpu->x[in->rn] != 0)
COND_BRANCH(tbz, !(cpu->x[in->rn] >> in->a & 1))
COND_BRANCH(tbnz, cpu->x[in->rn] >> in->a & 1)
#undef COND_BRANCH

void branch_mark_self_loop(struct insn *in, u64 block_pc) {
  static const u16 kLoopOps[OP_COUNT] = {
      [OP_b] = OP_b_loop,
#define LOOP(name) [OP_##name] = OP_##name##_loop,
      LOOP(b_eq) LOOP(b_ne) LOOP(b_cs) LOOP(b_cc) LOOP(b_mi) LOOP(b_pl) LOOP(b_vs)
      LOOP(b_vc) LOOP(b_hi) LOOP(b_ls) LOOP(b_ge) LOOP(b_lt) LOOP(b_gt) LOOP(b_le)
      LOOP(cbz_w) LOOP(cbnz_w) LOOP(cbz_x) LOOP(cbnz_x) LOOP(tbz) LOOP(tbnz)
#undef LOOP
  };
  if (kLoopOps[in->op] && in->imm == block_pc) in->op = kLoopOps[in->op];
}

OP_HANDLER(br) { return jump(cpu, cpu->x[in->rn]); }

OP_HANDLER(blr) {
  u64 target = cpu->x[in->rn]; /* read before writing X30: BLR X30 */
  cpu->x[30] = next_pc(cpu);
  return jump(cpu, target);
}

static bool decode_uncond_imm(u32 w, u64 pc, struct insn *out) {
  out->op = bit(w, 31) ? OP_bl : OP_b;
  out->imm = pc + ((u64)sext(bits(w, 25, 0), 26) << 2);
  return true;
}

static bool decode_cond_imm(u32 w, u64 pc, struct insn *out) {
  /* bit 4 set is BC.cond (FEAT_HBC), which elfrun does not advertise. */
  if (bit(w, 24) || bit(w, 4)) return false;
  static const u16 kOps[16] = {OP_b_eq, OP_b_ne, OP_b_cs, OP_b_cc, OP_b_mi, OP_b_pl,
                               OP_b_vs, OP_b_vc, OP_b_hi, OP_b_ls, OP_b_ge, OP_b_lt,
                               OP_b_gt, OP_b_le, OP_b, OP_b};
  out->op = kOps[bits(w, 3, 0)];
  out->imm = pc + ((u64)sext(bits(w, 23, 5), 19) << 2);
  return true;
}

static bool decode_cmp_branch(u32 w, u64 pc, struct insn *out) {
  static const u16 kOps[2][2] = {{OP_cbz_w, OP_cbnz_w}, {OP_cbz_x, OP_cbnz_x}};
  out->op = kOps[bit(w, 31)][bit(w, 24)];
  out->rn = reg_src(bits(w, 4, 0));
  out->imm = pc + ((u64)sext(bits(w, 23, 5), 19) << 2);
  return true;
}

static bool decode_test_branch(u32 w, u64 pc, struct insn *out) {
  out->op = bit(w, 24) ? OP_tbnz : OP_tbz;
  out->rn = reg_src(bits(w, 4, 0));
  out->a = bit(w, 31) << 5 | bits(w, 23, 19);
  out->imm = pc + ((u64)sext(bits(w, 18, 5), 14) << 2);
  return true;
}

static bool decode_uncond_reg(u32 w, struct insn *out) {
  u32 opc = bits(w, 24, 21), op2 = bits(w, 20, 16), op3 = bits(w, 15, 10),
      op4 = bits(w, 4, 0);
  /* Only the plain forms: the pointer-authenticating ones (BRAA, RETAA...)
     need FEAT_PAuth, which elfrun does not advertise. */
  if (op2 != 0x1f || op3 != 0 || op4 != 0) return false;
  out->rn = reg_src(bits(w, 9, 5));
  switch (opc) {
    case 0: out->op = OP_br; return true;   /* BR */
    case 1: out->op = OP_blr; return true;  /* BLR */
    case 2: out->op = OP_br; return true;   /* RET */
    default: return false;                  /* ERET, DRPS: EL1 and up */
  }
}

bool decode_branch_sys(u32 w, u64 pc, struct insn *out) {
  u32 op0 = bits(w, 31, 29);
  if (bits(w, 30, 26) == 0x05) return decode_uncond_imm(w, pc, out);
  if (op0 == 2 && !bit(w, 25)) return decode_cond_imm(w, pc, out);
  if ((op0 & 3) == 1 && !bit(w, 25)) return decode_cmp_branch(w, pc, out);
  if ((op0 & 3) == 1 && bit(w, 25)) return decode_test_branch(w, pc, out);
  if (op0 == 6 && bit(w, 25)) return decode_uncond_reg(w, out);
  if (op0 == 6 && bits(w, 25, 24) == 0) return decode_exception(w, out);
  if (op0 == 6 && bits(w, 25, 24) == 1) return decode_system(w, out);
  return false;
}
