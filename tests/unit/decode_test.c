/* The branch and system decoders (src/cpu/branch.c, system.c) through the
   top-level decode_insn, on words assembled by aarch64-linux-gnu-as and
   checked with objdump (the disassembly is beside each word). Unallocated
   and unadvertised encodings must decode to false, which is SIGILL. */
#include "cpu/insn.h"
#include "unit.h"

#define PC 0x400000ull

static struct insn decode_at(u32 word, u64 pc) {
  struct insn in = {0};
  if (!decode_insn(word, pc, &in)) in.op = OP_COUNT; /* marks "refused" */
  return in;
}

static struct insn decode(u32 word) { return decode_at(word, PC); }

TEST(decode, b_target_is_pc_relative) {
  struct insn in = decode_at(0x14000040, PC); /* b .+0x100 */
  EXPECT_EQ(in.op, OP_b);
  EXPECT_EQ(in.imm, PC + 0x100);
}

TEST(decode, bl_backwards) {
  struct insn in = decode_at(0x97fffffe, PC + 4); /* bl .-8 */
  EXPECT_EQ(in.op, OP_bl);
  EXPECT_EQ(in.imm, PC - 4);
}

TEST(decode, b_cond_selects_its_condition_and_keeps_target) {
  struct insn in = decode_at(0x54000201, PC + 8); /* b.ne .+0x40 */
  EXPECT_EQ(in.op, OP_b_ne);
  EXPECT_EQ(in.imm, PC + 0x48);
  in = decode_at(0x5400002c, PC); /* b.gt .+4 */
  EXPECT_EQ(in.op, OP_b_gt);
  in = decode_at(0x54ffffee, PC + 0xc); /* b.al .-4 runs as b */
  EXPECT_EQ(in.op, OP_b);
  EXPECT_EQ(in.imm, PC + 8);
}

TEST(decode, branch_to_its_block_start_becomes_a_loop_op) {
  struct insn in = decode_at(0x54ffffe1, PC + 4); /* b.ne .-4 */
  branch_mark_self_loop(&in, PC + 8);             /* another block's start */
  EXPECT_EQ(in.op, OP_b_ne);
  branch_mark_self_loop(&in, PC);
  EXPECT_EQ(in.op, OP_b_ne_loop);
  EXPECT_EQ(in.imm, PC);
  in = decode_at(0xb5000003, PC); /* cbnz x3, . */
  branch_mark_self_loop(&in, PC);
  EXPECT_EQ(in.op, OP_cbnz_x_loop);
  in = decode_at(0x94000000, PC); /* bl . links: never a loop op */
  branch_mark_self_loop(&in, PC);
  EXPECT_EQ(in.op, OP_bl);
}

TEST(decode, bc_cond_is_refused_without_feat_hbc) {
  EXPECT_EQ(decode(0x54000010).op, OP_COUNT); /* bc.eq . */
}

TEST(decode, cbz_and_cbnz_by_width) {
  struct insn in = decode_at(0x34000103, PC + 0x10); /* cbz w3, .+0x20 */
  EXPECT_EQ(in.op, OP_cbz_w);
  EXPECT_EQ(in.rn, 3);
  EXPECT_EQ(in.imm, PC + 0x30);
  in = decode_at(0xb5ffff04, PC + 0x14); /* cbnz x4, .-0x20 */
  EXPECT_EQ(in.op, OP_cbnz_x);
  EXPECT_EQ(in.rn, 4);
  EXPECT_EQ(in.imm, PC - 0xc);
}

TEST(decode, cbz_of_register_31_reads_xzr) {
  struct insn in = decode(0xb400005f); /* cbz xzr, .+8 */
  EXPECT_EQ(in.op, OP_cbz_x);
  EXPECT_EQ(in.rn, REG_ZR);
}

TEST(decode, tbnz_bit_63_uses_b5) {
  struct insn in = decode_at(0xb7f80085, PC + 0x18); /* tbnz x5, #63, .+0x10 */
  EXPECT_EQ(in.op, OP_tbnz);
  EXPECT_EQ(in.rn, 5);
  EXPECT_EQ(in.a, 63);
  EXPECT_EQ(in.imm, PC + 0x28);
}

TEST(decode, tbz_backwards) {
  struct insn in = decode_at(0x361fff81, PC + 0x1c); /* tbz w1, #3, .-0x10 */
  EXPECT_EQ(in.op, OP_tbz);
  EXPECT_EQ(in.rn, 1);
  EXPECT_EQ(in.a, 3);
  EXPECT_EQ(in.imm, PC + 0xc);
}

TEST(decode, ret_defaults_to_x30) {
  struct insn in = decode(0xd65f03c0); /* ret */
  EXPECT_EQ(in.op, OP_br);
  EXPECT_EQ(in.rn, 30);
  in = decode(0xd65f0040); /* ret x2 */
  EXPECT_EQ(in.op, OP_br);
  EXPECT_EQ(in.rn, 2);
}

TEST(decode, br_and_blr) {
  struct insn in = decode(0xd61f0200); /* br x16 */
  EXPECT_EQ(in.op, OP_br);
  EXPECT_EQ(in.rn, 16);
  in = decode(0xd63f0100); /* blr x8 */
  EXPECT_EQ(in.op, OP_blr);
  EXPECT_EQ(in.rn, 8);
}

TEST(decode, svc_and_brk_keep_their_immediate) {
  struct insn in = decode(0xd4000001); /* svc #0 */
  EXPECT_EQ(in.op, OP_svc);
  EXPECT_EQ(in.imm, 0);
  in = decode(0xd4207d00); /* brk #0x3e8 */
  EXPECT_EQ(in.op, OP_brk);
  EXPECT_EQ(in.imm, 0x3e8);
}

TEST(decode, udf_raises_with_its_immediate) {
  struct insn in = decode(0x00000005); /* udf #5 */
  EXPECT_EQ(in.op, OP_udf);
  EXPECT_EQ(in.imm, 5);
}

/* Debian's arm64 binaries are full of PAC and BTI hints: they run as NOP. */
TEST(decode, hint_space_is_nop) {
  EXPECT_EQ(decode(0xd503201f).op, OP_nop); /* nop */
  EXPECT_EQ(decode(0xd503233f).op, OP_nop); /* paciasp */
  EXPECT_EQ(decode(0xd50323bf).op, OP_nop); /* autiasp */
  EXPECT_EQ(decode(0xd503245f).op, OP_nop); /* bti c */
  EXPECT_EQ(decode(0xd503203f).op, OP_nop); /* yield */
}

TEST(decode, mrs_and_msr_tpidr_el0) {
  struct insn in = decode(0xd53bd040); /* mrs x0, tpidr_el0 */
  EXPECT_EQ(in.op, OP_mrs_tpidr);
  EXPECT_EQ(in.rd, 0);
  in = decode(0xd51bd041); /* msr tpidr_el0, x1 */
  EXPECT_EQ(in.op, OP_msr_tpidr);
  EXPECT_EQ(in.rn, 1);
}

TEST(decode, register_31_in_mrs_and_msr_is_xzr) {
  EXPECT_EQ(decode(0xd53bd05f).rd, REG_SINK); /* mrs xzr, tpidr_el0 */
  EXPECT_EQ(decode(0xd51bd05f).rn, REG_ZR);   /* msr tpidr_el0, xzr */
}

TEST(decode, nzcv_and_fpcr_moves) {
  struct insn in = decode(0xd53b4203); /* mrs x3, nzcv */
  EXPECT_EQ(in.op, OP_mrs_nzcv);
  EXPECT_EQ(in.rd, 3);
  in = decode(0xd51b4407); /* msr fpcr, x7 */
  EXPECT_EQ(in.op, OP_msr_fpcr);
  EXPECT_EQ(in.rn, 7);
  /* The FPCR mode bits key the block cache, so a write ends the block. */
  EXPECT_TRUE(insn_ends_block(&in));
}

TEST(decode, ctr_el0_asks_guests_to_invalidate_icache) {
  struct insn in = decode(0xd53b0021); /* mrs x1, ctr_el0 */
  ASSERT_EQ(in.op, OP_mrs_const);
  EXPECT_EQ(in.rd, 1);
  EXPECT_EQ(in.imm >> 29 & 1, 0); /* DIC */
  EXPECT_EQ(in.imm >> 28 & 1, 1); /* IDC */
}

TEST(decode, dczid_el0_gives_64_byte_blocks) {
  struct insn in = decode(0xd53b00e0); /* mrs x0, dczid_el0 */
  ASSERT_EQ(in.op, OP_mrs_const);
  EXPECT_EQ(in.imm, 4); /* BS = log2(64 / 4), DZP = 0 */
}

TEST(decode, cntvct_el0_reads_the_clock) {
  EXPECT_EQ(decode(0xd53be040).op, OP_mrs_cntvct); /* mrs x0, cntvct_el0 */
}

TEST(decode, barriers_by_strength) {
  EXPECT_EQ(decode(0xd5033bbf).op, OP_dmb_full); /* dmb ish */
  EXPECT_EQ(decode(0xd5033f9f).op, OP_dmb_full); /* dsb sy */
  EXPECT_EQ(decode(0xd50339bf).op, OP_dmb_weak); /* dmb ishld */
  EXPECT_EQ(decode(0xd5033fdf).op, OP_dmb_weak); /* isb */
  EXPECT_EQ(decode(0xd5033f5f).op, OP_clrex);    /* clrex */
}

TEST(decode, cache_maintenance) {
  struct insn in = decode(0xd50b7529); /* ic ivau, x9 */
  EXPECT_EQ(in.op, OP_ic_ivau);
  EXPECT_EQ(in.rn, 9);
  EXPECT_TRUE(insn_ends_block(&in));
  in = decode(0xd50b742a); /* dc zva, x10 */
  EXPECT_EQ(in.op, OP_dc_zva);
  EXPECT_EQ(in.rn, 10);
}

TEST(decode, refuses_what_el0_cannot_execute) {
  EXPECT_EQ(decode(0xd69f03e0).op, OP_COUNT); /* eret */
  EXPECT_EQ(decode(0xd4000002).op, OP_COUNT); /* hvc #0 */
  EXPECT_EQ(decode(0xd4400000).op, OP_COUNT); /* hlt #0 */
  EXPECT_EQ(decode(0xd5382000).op, OP_COUNT); /* mrs x0, ttbr0_el1 */
  EXPECT_EQ(decode(0xd51b0020).op, OP_COUNT); /* msr ctr_el0, x0 */
  EXPECT_EQ(decode(0xd50342df).op, OP_COUNT); /* msr daifset, #2 */
}

TEST(decode, refuses_pointer_authenticating_branches) {
  EXPECT_EQ(decode(0xd65f0bff).op, OP_COUNT); /* retaa */
  EXPECT_EQ(decode(0xd71f0822).op, OP_COUNT); /* braa x1, x2 */
}

TEST(decode, refuses_sve_space) {
  EXPECT_EQ(decode(0x04000000).op, OP_COUNT); /* op0 = 0010: SVE */
}

TEST(decode, branches_end_blocks_and_nop_does_not) {
  struct insn in = decode(0x14000040);
  EXPECT_TRUE(insn_ends_block(&in));
  in = decode(0xd4000001);
  EXPECT_TRUE(insn_ends_block(&in));
  in = decode(0xd503201f);
  EXPECT_FALSE(insn_ends_block(&in));
}
