#ifndef ELFRUN_CPU_INSN_H_
#define ELFRUN_CPU_INSN_H_

#include "base/types.h"
#include "cpu/cpu.h"

/* Every operation the engine implements, one X-macro row each; see insn_list.h. */
enum insn_op {
#define INSN(name, family, feature, flow) OP_##name,
#include "cpu/insn_list.h"
#undef INSN
  OP_COUNT
};

/* One pre-decoded instruction. Register fields hold resolved slots (see
   REG_SP/REG_ZR/REG_SINK), immediates are already extended and shifted, and
   PC-relative targets are already absolute. */
struct insn {
  u16 op;   /* enum insn_op */
  u8 rd;    /* destination (or transfer register) slot */
  u8 rn;    /* first source / base register slot */
  u8 rm;    /* second source / index register slot */
  u8 ra;    /* third source (or second transfer register) slot */
  u8 a, b;  /* op-specific small fields: condition, shift, size... */
  u64 imm;  /* op-specific immediate */
};
_Static_assert(sizeof(struct insn) == 16, "struct insn must stay 16 bytes");

/* A handler runs one instruction. It returns the next entry of the block, or
   NULL after setting cpu->pc when control leaves the block. */
typedef const struct insn *(*op_fn)(struct cpu *cpu, const struct insn *in);

#define OP_HANDLER(name)                                  \
  const struct insn *op_##name(struct cpu *cpu __attribute__((unused)), \
                               const struct insn *in __attribute__((unused)))

#define INSN(name, family, feature, flow) OP_HANDLER(name);
#include "cpu/insn_list.h"
#undef INSN

extern const op_fn g_op_handlers[OP_COUNT];
extern const char *const g_op_names[OP_COUNT];

/* Decoders, one per Arm ARM top-level encoding group. Each fills *out and
   returns true, or returns false for an unallocated encoding. */
bool decode_insn(u32 word, u64 pc, struct insn *out);
bool decode_dp_imm(u32 word, u64 pc, struct insn *out);
bool decode_dp_reg(u32 word, u64 pc, struct insn *out);
bool decode_branch_sys(u32 word, u64 pc, struct insn *out);
bool decode_ldst(u32 word, u64 pc, struct insn *out);
bool decode_simd_fp(u32 word, u64 pc, struct insn *out);
bool decode_fp(u32 word, struct insn *out);    /* scalar FP (fp.c) */
bool decode_simd(u32 word, struct insn *out);  /* AdvSIMD and crypto (simd.c) */

/* Does this decoded instruction end its block? */
bool insn_ends_block(const struct insn *in);
/* Whether it is a conditional branch, which a block goes on past. */
bool insn_side_exit(const struct insn *in);
/* A direct branch to block_pc, the start of its own block, becomes its
   _loop op (branch.c). */
void branch_mark_self_loop(struct insn *in, u64 block_pc);

/* Register slot for field value r: SP or the zero/sink slots at 31. */
static inline u8 reg_or_sp(u32 r) { return (u8)r; }
static inline u8 reg_src(u32 r) { return r == 31 ? REG_ZR : (u8)r; }
static inline u8 reg_dst(u32 r) { return r == 31 ? REG_SINK : (u8)r; }

static inline u32 bits(u32 w, int hi, int lo) {
  return (w >> lo) & ((2u << (hi - lo)) - 1);
}
static inline u32 bit(u32 w, int n) { return (w >> n) & 1; }
static inline i64 sext(u64 v, int width) {
  return (i64)(v << (64 - width)) >> (64 - width);
}

/* The next sequential entry. */
#define NEXT (in + 1)

#endif
