/* The translator: one decoded block (struct block) in, x86-64 code out.

   Layout of a translation:
     chain:   cmp cpu->attention, 0; jne leave   (entry from other blocks)
     body:    load the cached guest registers      (entry from the loop)
     code:    the instructions, in guest order    (a branch back jumps into it)
     stubs:   block exits and slow paths, out of line

   Registers: rbx holds the cpu; rax, rcx and rdx are scratch; up to 11
   guest registers, the block's most used, live in the other host registers
   for the whole block (struct jit_map records which). They are loaded at
   the body entry, stored back before a handler call and at every exit, and
   reloaded after the call. Guest memory is addressed directly (guest
   address == host address), after one check that the access lies below
   the window's end; anything else takes the slow path, which runs the
   interpreter's handler (translate_mem.c). NZCV stay in the cpu's four
   flag bytes, written with SETcc right after the instruction that sets
   them unless they are dead or only a fault could see them (trace_flow.c:
   tr_find_dead_flags, tr_find_lazy_flags); a consumer of the last
   producer (CMP then B.cond or CSEL) uses the host flags while nothing
   has changed them.
   Every instruction without a native form calls its interpreter handler,
   so translated and interpreted code share one implementation of
   everything but the translated forms. */
#include <cpuid.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/insn.h"
#include "cpu/jit/internal.h"
#include "cpu/jit/tr.h"
#include "cpu/jit/jit.h"
#include "cpu/op_traits.h"
#include "cpu/sem_alu.h"


/* Which ops' handlers need cpu->ip (op_traits.h). */
static const bool kPure[OP_COUNT] = {
#define INSN(name, family, feature, flow) [OP_##name] = PURE_##family,
#include "cpu/insn_list.h"
#undef INSN
};


/* ---- guest registers ---- */

/* tmp = 0 without touching the host flags (XOR would). */
static void zero_keep_flags(struct tr *t, int r) {
  x_rex(E, false, 0, 0, r, false);
  x_byte(E, 0xb8 + (r & 7));
  x_u32(E, 0);
}

/* The first access of each cached register, in program order (pass 1
   decides from these which registers the entry loads). */
void tr_note_read(struct tr *t, u32 s) {
  if (s < 32 && !t->first_access[s]) t->first_access[s] = ACCESS_READ;
}
/* Slot s (below REG_ZR) is written by the instruction being translated. */
static void note_write(struct tr *t, u32 s) {
  if (s < 32 && !t->first_access[s]) {
    t->first_access[s] = ACCESS_WRITE;
    t->first_write[s] = t->cur;
  }
  t->written |= 1ull << s;
  if (t->wrote) t->wrote[t->cur] |= 1ull << s;
  tr_checked_forget(&t->checked, s);
}

/* A host register holding slot s, read-only: its cache register, or tmp. */
int tr_src(struct tr *t, u32 s, int tmp) {
  tr_note_read(t, s);
  if (s == REG_ZR) {
    zero_keep_flags(t, tmp);
    return tmp;
  }
  if (t->host_of[s] >= 0) return t->host_of[s];
  x_load(E, true, tmp, XREG(s));
  return tmp;
}

/* tmp = slot s; its low 32 bits, zero-extended, when w32. */
void tr_src_into(struct tr *t, u32 s, int tmp, bool w32) {
  tr_note_read(t, s);
  if (s == REG_ZR) {
    zero_keep_flags(t, tmp);
  } else if (t->host_of[s] >= 0) {
    if (t->host_of[s] != tmp || w32) x_mov_rr(E, !w32, tmp, t->host_of[s]);
  } else {
    x_load(E, !w32, tmp, XREG(s));
  }
}

/* slot s = from (64 bits; a 32-bit result is already zero-extended). */
void tr_dst(struct tr *t, u32 s, int from) {
  if (s >= REG_ZR) return; /* the sink */
  note_write(t, s);
  if (t->host_of[s] >= 0) {
    if (t->host_of[s] != from) x_mov_rr(E, true, t->host_of[s], from);
  } else {
    x_store(E, true, XREG(s), from);
  }
}

/* slot s = v, the host flags untouched. */
static void dst_imm(struct tr *t, u32 s, u64 v) {
  if (s >= REG_ZR) return;
  if (t->host_of[s] < 0 && (i64)v == (i32)v) { /* one store, not a move and a store */
    note_write(t, s);
    x_store_imm(E, XREG(s), (i32)v);
    return;
  }
  int r = t->host_of[s] >= 0 ? t->host_of[s] : RAX;
  if (v) x_mov_ri(E, r, v);
  else zero_keep_flags(t, r);
  tr_dst(t, s, r);
}

/* Cached registers back to the cpu (those in mask), and from it. */
static void sync_out(struct tr *t, u64 mask) {
  for (u32 k = 0; k < t->ncached; k++)
    if (mask >> t->cached[k] & 1) x_store(E, true, XREG(t->cached[k]), t->host_of[t->cached[k]]);
}
static void sync_in(struct tr *t) {
  for (u32 k = 0; k < t->ncached; k++)
    x_load(E, true, t->host_of[t->cached[k]], XREG(t->cached[k]));
}

/* r op= imm, through tmp when imm does not fit a sign-extended imm32. */
static void alu_imm(struct tr *t, enum x86_alu op, bool w, int r, u64 imm, int tmp) {
  if (!w || (i64)imm == (i32)imm) {
    x_alu_ri(E, op, w, r, (i32)imm);
  } else {
    x_mov_ri(E, tmp, imm);
    x_alu_rr(E, op, w, r, tmp);
  }
}

/* ---- flags ---- */

/* NZCV from the host flags an x86 instruction of `kind` left (flags_store),
   unless the instruction's flags are dead: overwritten before anything
   reads them from the cpu or anything could stop in between (a fault, a
   handler, a block exit), or lazy: only a fault could see them, and it
   recomputes them (tr_find_lazy_flags). A consumer that reads the host flags, and a
   conditional branch that stores them on its way out, keep no producer's
   flags alive. */
static void flags_store(struct tr *t, enum xflags kind) {
  x_setcc_m(E, CC_S, CPU_FIELD(nf));
  x_setcc_m(E, CC_E, CPU_FIELD(zf));
  if (kind == XF_LOGIC) {
    x_store8_imm(E, CPU_FIELD(cf), 0);
    x_store8_imm(E, CPU_FIELD(vf), 0);
  } else {
    /* Arm's carry after a subtraction is NOT borrow: x86's CF inverted. */
    x_setcc_m(E, kind == XF_SUB ? CC_AE : CC_B, CPU_FIELD(cf));
    x_setcc_m(E, CC_O, CPU_FIELD(vf));
  }
}

static void flags_out(struct tr *t, u32 i, enum xflags kind) {
  tr_flags_use(t, FLAGS_WRITE);
  t->xflags = kind;
  t->xflags_at = i;
  if (!(t->flags_use[i] & (FLAGS_DEAD | FLAGS_LAZY))) flags_store(t, kind);
}

/* Records how instruction t->cur's flags could be recomputed (lazy_src). */
static void lazy_note(struct tr *t, enum xflags kind, bool wide, u32 a, u32 b, u64 imm, i64 adj) {
  if (t->lazy_src)
    t->lazy_src[t->cur] = (struct lazy_src){(u8)kind, wide, (u8)a, (u8)b, (i32)adj, imm};
}

/* NZCV into the cpu from a FLAGS_LAZY producer's operands, as they stand:
   on a slow path, before its handler runs. Uses rax and rcx. */
static void lazy_flags_store(struct tr *t, const struct lazy_src *l) {
  tr_src_into(t, l->a, RAX, false);
  if (l->adj) x_lea(E, RAX, XMEM(RAX, l->adj));
  int m = RCX; /* the second operand: an immediate (imm is 0 for XZR) or a register */
  if (l->b >= REG_ZR) x_mov_ri(E, RCX, l->imm);
  else m = tr_src(t, l->b, RCX);
  if (l->kind == XF_LOGIC) x_test_rr(E, l->wide, RAX, m);
  else x_alu_rr(E, l->kind == XF_SUB ? ALU_CMP : ALU_ADD, l->wide, RAX, m);
  flags_store(t, (enum xflags)l->kind);
}

/* Arm condition -> x86 condition on the host flags a producer left, or -1
   where they cannot express it. */
static const i8 kCondFromHost[4][14] = {
    [XF_SUB] = {CC_E, CC_NE, CC_AE, CC_B, CC_S, CC_NS, CC_O, CC_NO, CC_A, CC_BE, CC_GE, CC_L,
                CC_G, CC_LE},
    [XF_ADD] = {CC_E, CC_NE, CC_B, CC_AE, CC_S, CC_NS, CC_O, CC_NO, -1, -1, CC_GE, CC_L, CC_G,
                CC_LE},
    [XF_LOGIC] = {CC_E, CC_NE, -1, -1, CC_S, CC_NS, -1, -1, -1, -1, CC_GE, CC_L, CC_G, CC_LE},
};

/* Whether Arm condition cond can be read from the host flags its producer
   left (nothing since has changed them: emit_block). */
static bool cond_fused(const struct tr *t, u32 cond) {
  return cond < 14 && t->xflags != XF_NONE && kCondFromHost[t->xflags][cond] >= 0;
}

/* Emits a test of Arm condition cond for the instruction being emitted
   and returns the x86 condition that holds when it does, or -1 for AL/NV
   (always). May use rax and rcx. fused_ok: the host flags may be read
   (nothing emitted for this instruction has changed them yet). */
static int cond_cc(struct tr *t, u32 cond, bool fused_ok) {
  if (cond >= 14) return -1;
  if (fused_ok && cond_fused(t, cond)) return kCondFromHost[t->xflags][cond];
  tr_flags_use(t, FLAGS_READ);
  static const i32 kFlag[4] = {CPU_OFF(zf), CPU_OFF(cf), CPU_OFF(nf), CPU_OFF(vf)};
  bool negate = cond & 1;
  switch (cond >> 1) {
    case 0: case 1: case 2: case 3: /* EQ CS MI VS: one flag set */
      x_cmp8_mi(E, XMEM(RBX, kFlag[cond >> 1]), 0);
      return negate ? CC_E : CC_NE;
    case 4: /* HI: C and not Z */
      x_load_ext(E, 0x0fb6, false, RAX, CPU_FIELD(cf));
      x_load_ext(E, 0x0fb6, false, RCX, CPU_FIELD(zf));
      x_alu_rr(E, ALU_CMP, false, RAX, RCX);
      return negate ? CC_BE : CC_A;
    case 5: /* GE: N == V */
      x_load_ext(E, 0x0fb6, false, RAX, CPU_FIELD(nf));
      x_load_ext(E, 0x0fb6, false, RCX, CPU_FIELD(vf));
      x_alu_rr(E, ALU_CMP, false, RAX, RCX);
      return negate ? CC_NE : CC_E;
    default: /* GT: not Z and N == V */
      x_load_ext(E, 0x0fb6, false, RAX, CPU_FIELD(nf));
      x_load_ext(E, 0x0fb6, false, RCX, CPU_FIELD(vf));
      x_alu_rr(E, ALU_XOR, false, RAX, RCX);
      x_load_ext(E, 0x0fb6, false, RCX, CPU_FIELD(zf));
      x_alu_rr(E, ALU_OR, false, RAX, RCX);
      return negate ? CC_NE : CC_E;
  }
}

/* ---- calls into the interpreter ---- */

static const struct insn *insn_at(struct tr *t, u32 i) { return t->ins[i]; }
static const struct block *block_of(struct tr *t, u32 i) {
  return t->trace->block[trace_block_of(t->trace, i)];
}
static u64 pc_of(struct tr *t, u32 i) {
  const struct block *b = block_of(t, i);
  return b->pc + 4ull * (u64)(t->ins[i] - b->insns);
}

static void set_ip(struct tr *t, u32 i) {
  x_mov_ri(E, RAX, (u64)(uintptr_t)insn_at(t, i));
  x_store(E, true, CPU_FIELD(ip), RAX);
  x_mov_ri(E, RCX, (u64)(uintptr_t)block_of(t, i));
  x_store(E, true, CPU_FIELD(block), RCX);
}

/* Runs instruction i's handler, which continues with the next one. */
static void call_handler(struct tr *t, u32 i, u64 written, u32 vwritten) {
  const struct insn *in = insn_at(t, i);
  t->flags_use[i] |= FLAGS_OPAQUE;
  if (t->fp) tr_mxcsr_fold(t);
  sync_out(t, written);
  tr_vstore(t, vwritten);
  if (!kPure[in->op]) set_ip(t, i);
  x_lea(E, RDI, XMEM(RBX, -JIT_CPU_BIAS));
  x_mov_ri(E, RSI, (u64)(uintptr_t)in);
  x_mov_ri(E, RAX, (u64)(uintptr_t)g_op_handlers[in->op]);
  x_call_r(E, RAX);
  t->checked.n = 0; /* the handler may have written any register */
  if (t->fp) tr_mxcsr_clear(t);
  sync_in(t);
  tr_vload_all(t); /* every xmm is the caller's to save */
}

/* Leaves the translation to have the dispatch loop run instruction i (one
   that may leave the block: SVC, BRK, an undefined instruction...). It runs
   outside translated code because a system call may let the code cache be
   recycled under it. */
static void leave_for_handler(struct tr *t, u32 i) {
  t->flags_use[i] |= FLAGS_OPAQUE;
  if (t->fp) tr_mxcsr_fold(t);
  sync_out(t, t->written);
  tr_vstore(t, t->vwritten);
  set_ip(t, i);
  x_store(E, true, CPU_FIELD(jit_pending), RAX);
  x_patch_rel32(E, x_jmp(E), t->exit - t->rx_delta);
}

/* ---- block exits ---- */

/* A jump (rel32 at `at`) to the exit stub for guest PC target, whose stub
   first stores NZCV from host flags of kind `flags` (XF_NONE: NZCV are in
   the cpu already on this path). */
static void exit_ref_flags(struct tr *t, u8 *at, u64 target, enum xflags flags) {
  if (t->nexits == ARRAY_LEN(t->exits)) {
    t->failed = true;
    return;
  }
  t->exits[t->nexits++] = (struct exit_ref){at, target, t->written, flags};
}

/* The same for an exit that needs NZCV in the cpu (opaque to the flags
   analysis: the producers before it store theirs). */
static void exit_ref(struct tr *t, u8 *at, u64 target) {
  tr_flags_use(t, FLAGS_OPAQUE);
  exit_ref_flags(t, at, target, XF_NONE);
}

/* Instruction i's taken branch back to an instruction before it (a loop's
   head, or where an if-else's ways meet): straight to its code, unless a
   signal or a flush waits. flags_stored: this path has stored NZCV. */
static void loop_back(struct tr *t, u32 i, bool flags_stored) {
  u32 to = t->jump_to[i];
  if (!g_jit.verify) { /* --jit-verify checks each pass on its own */
    x_alu_mi(E, ALU_CMP, false, CPU_FIELD(attention), 0);
    x_patch_rel32(E, x_jcc(E, CC_E), t->body + t->off[to]);
  }
  if (flags_stored) exit_ref_flags(t, x_jmp(E), pc_of(t, to), XF_NONE);
  else exit_ref(t, x_jmp(E), pc_of(t, to));
}

/* lea rax, [rip + (target - end of this instruction)] */
static void lea_rip(struct tr *t, int r, const u8 *target) {
  x_rex(E, true, r, 0, 0, false);
  x_byte(E, 0x8d);
  x_byte(E, (r & 7) << 3 | 5);
  x_u32(E, (u32)(i32)(target - (E->p + 4)));
}

/* The jump jit_chain() patches, and the exit to guest PC target behind it,
   for a point where every guest register is in the cpu. */
static void emit_chainable_exit(struct tr *t, u64 target) {
  while (((uintptr_t)E->p + 1) % 4) x_byte(E, 0x90); /* rel32 aligned: patched atomically */
  u8 *site = E->p;
  x_jmp(E); /* rel32 = 0: to the next instruction */
  x_mov_ri(E, RAX, target);
  x_store(E, true, CPU_FIELD(pc), RAX);
  lea_rip(t, RAX, site);
  x_store(E, true, CPU_FIELD(jit_site), RAX);
  x_patch_rel32(E, x_jmp(E), t->exit - t->rx_delta);
}

/* The stub of a direct exit: registers back (those written before it: a
   side exit comes before later writes), then a jump that jit_chain() may
   point at the next block's translation; until then it falls through to
   setting cpu->pc and naming itself in cpu->jit_site. */
static u8 *emit_exit_stub(struct tr *t, const struct exit_ref *x) {
  u64 target = x->target, written = x->written;
  u8 *stub = E->p;
  if (x->flags != XF_NONE) flags_store(t, x->flags); /* the host flags are intact here */
  if (t->fp) tr_mxcsr_fold(t);
  sync_out(t, written);
  tr_vstore(t, t->vwritten);
  emit_chainable_exit(t, target);
  return stub;
}

/* An indirect branch to the address in rax: a return to the address its
   call pushed returns on the host (see emit_call); otherwise look the
   target up in the cpu's jump cache and go straight to its translation
   when it has one and the cache is current; else back to the dispatch
   loop. */
static void indirect_exit(struct tr *t, bool is_return) {
  const u8 *exit = t->exit - t->rx_delta;
  tr_flags_use(t, FLAGS_OPAQUE);
  if (t->fp) tr_mxcsr_fold(t);
  sync_out(t, t->written);
  tr_vstore(t, t->vwritten);
  x_store(E, true, CPU_FIELD(pc), RAX);
  if (g_jit.verify) { /* one block per check */
    x_patch_rel32(E, x_jmp(E), exit);
    return;
  }
  if (is_return) {
    x_alu_rm(E, ALU_CMP, true, RSP, CPU_FIELD(jit_rsp));
    u8 *none = x_jcc(E, CC_AE); /* no call frame on the host stack */
    x_alu_rm(E, ALU_CMP, true, RAX, XMEM(RSP, 8));
    u8 *other = x_jcc(E, CC_NE);
    x_byte(E, 0xc3); /* RET: to the caller's landing */
    x_patch_rel32(E, none, E->p);
    x_patch_rel32(E, other, E->p);
  }
  x_mov_rr(E, false, RCX, RAX);
  x_shift_ri(E, SH_SHR, false, RCX, 2);
  x_alu_ri(E, ALU_AND, false, RCX, JCACHE_SIZE - 1);
  x_load(E, true, RDX, (struct xmem){RBX, RCX, 3, CPU_OFF(jcache)});
  x_test_rr(E, true, RDX, RDX);
  x_patch_rel32(E, x_jcc(E, CC_E), exit);
  x_alu_rm(E, ALU_CMP, true, RAX, XMEM(RDX, offsetof(struct block, pc)));
  x_patch_rel32(E, x_jcc(E, CC_NE), exit);
  x_alu_mi(E, ALU_CMP, false, XMEM(RDX, offsetof(struct block, mode)), (i32)t->b->mode);
  x_patch_rel32(E, x_jcc(E, CC_NE), exit);
  x_alu_mi(E, ALU_CMP, false, XMEM(RDX, offsetof(struct block, jit_epoch)), (i32)t->epoch);
  x_patch_rel32(E, x_jcc(E, CC_NE), exit); /* translated before a fork: stale */
  x_load(E, true, RDX, XMEM(RDX, offsetof(struct block, jit_chain)));
  x_test_rr(E, true, RDX, RDX);
  x_patch_rel32(E, x_jcc(E, CC_E), exit);
  x_mov_ri(E, RCX, (u64)(uintptr_t)&g_generation);
  x_load(E, true, RCX, XMEM(RCX, 0));
  x_alu_rm(E, ALU_CMP, true, RCX, CPU_FIELD(fast_generation));
  x_patch_rel32(E, x_jcc(E, CC_NE), exit);
  x_jmp_r(E, RDX);
}

/* BL and BLR. Translated code makes a guest call a host CALL too, so that
   the host's return predictor pairs the guest's RET with it: the guest
   return address is pushed, then CALL goes to the callee's exit stub (BL)
   or indirect exit (BLR, target in rax), and a RET to that same address
   returns on the host to the landing behind the CALL (indirect_exit).
   Every exit to the dispatch loop drops such frames (the trampoline puts
   back the stack pointer it was entered with), a return elsewhere
   (longjmp) just misses, and beyond kMaxHostCalls frames a call is a
   plain jump. The depth is the distance from cpu->jit_rsp, not a count,
   so that calls and returns do not wait on each other's memory writes. */
enum { kMaxHostCalls = 1024, kHostCallFrame = 16 };

static void emit_call(struct tr *t, u64 target, u64 next, bool indirect) {
  u8 *plain = NULL, *call = NULL;
  if (!g_jit.verify) { /* one block per check */
    x_lea(E, RCX, XMEM(RSP, kMaxHostCalls * kHostCallFrame));
    x_alu_rm(E, ALU_CMP, true, RCX, CPU_FIELD(jit_rsp));
    plain = x_jcc(E, CC_BE);
    x_mov_ri(E, RCX, next);
    x_push_r(E, RCX);
    call = x_call(E);
    /* The landing: the callee's RET left every register in the cpu. */
    x_lea(E, RSP, XMEM(RSP, 8));
    emit_chainable_exit(t, next);
  }
  if (indirect) {
    x_patch_rel32(E, call, E->p);
    x_patch_rel32(E, plain, E->p);
    indirect_exit(t, false);
  } else {
    if (call) exit_ref(t, call, target);
    exit_ref(t, plain ? plain : x_jmp(E), target);
  }
}

/* ---- data processing ---- */

/* Where an ALU instruction writing slot rd computes: rd's own cache
   register, unless that holds `other`, an operand still to be read (then
   rax). Data processing cannot fault, so rd may change early. */
static int work_reg(struct tr *t, u32 rd, int other) {
  if (rd < REG_ZR && t->host_of[rd] >= 0 && t->host_of[rd] != other) return t->host_of[rd];
  return RAX;
}

/* r = slot s as the first operand of an operation of width w: no move when
   r caches s already (a 32-bit operation zero-extends its result). */
static void operand_into(struct tr *t, u32 s, int r, bool w) {
  if (s < REG_ZR && t->host_of[s] == r) {
    tr_note_read(t, s);
    return;
  }
  tr_src_into(t, s, r, w);
}

/* Where an operation of width w writing slot rd from rn computes, with rn
   moved there: rd's own cache register, so that rd = rd op x is one x86
   instruction and rd = rn op x two, or rax. other: as for work_reg. The
   caller's operation must write the whole register (at 32 bits, so that
   the move it may have saved still zero-extends). */
static int alu_start(struct tr *t, u32 rd, u32 rn, bool w, int other) {
  int r = work_reg(t, rd, other);
  operand_into(t, rn, r, w);
  return r;
}

/* A second operand as an x86 instruction reads it: a host register (reg),
   or, for a guest register not cached, its slot in the cpu (mem), which an
   ALU instruction reads as cheaply as a register and one instruction
   sooner. */
struct operand {
  int reg; /* -1: mem */
  struct xmem mem;
};

static struct operand src_operand(struct tr *t, u32 s, int tmp) {
  if (s < REG_ZR && t->host_of[s] < 0) {
    tr_note_read(t, s);
    return (struct operand){-1, XREG(s)};
  }
  return (struct operand){tr_src(t, s, tmp), {0, 0, 0, 0}};
}

static void alu_operand(struct tr *t, enum x86_alu op, bool w, int r, struct operand o) {
  if (o.reg >= 0) x_alu_rr(E, op, w, r, o.reg);
  else x_alu_rm(E, op, w, r, o.mem);
}

/* r = the low `bits` (8, 16 or 32) of src, zero- or sign-extended to 64
   bits (to 32, zero-extended on, when !wide); from the cpu when the guest
   register is not cached (its low bytes come first). */
static void extend_into(struct tr *t, int r, struct operand src, u32 bits, bool sx, bool wide) {
  static const u32 kOp[2][2] = {{0x0fb6, 0x0fb7}, {0x0fbe, 0x0fbf}};
  u32 op = bits == 32 ? (sx ? 0x63 : 0x8b) : kOp[sx][bits == 16];
  bool w = bits == 32 ? sx : sx && wide;
  if (src.reg >= 0) x_op_rr(E, 0, op, w, r, src.reg, bits == 8);
  else x_op_rm(E, 0, op, w, r, src.mem, false);
}

/* rcx = the second operand of a shifted-register form: Rm shifted. */
static void shifted_rm(struct tr *t, const struct insn *in, u32 type, bool w) {
  static const u8 kShift[4] = {SH_SHL, SH_SHR, SH_SAR, SH_ROR};
  tr_src_into(t, in->rm, RCX, w);
  x_shift_ri(E, kShift[type], !w, RCX, in->a);
}

/* rcx = ExtendReg(Rm, type) << shift. */
static void extended_rm(struct tr *t, const struct insn *in) {
  int r = tr_src(t, in->rm, RCX);
  switch (in->b) {
    case EXTEND_UXTB: x_ext_rr(E, 0x0fb6, false, RCX, r); break;
    case EXTEND_UXTH: x_ext_rr(E, 0x0fb7, false, RCX, r); break;
    case EXTEND_UXTW: x_mov_rr(E, false, RCX, r); break;
    case EXTEND_SXTB: x_ext_rr(E, 0x0fbe, true, RCX, r); break;
    case EXTEND_SXTH: x_ext_rr(E, 0x0fbf, true, RCX, r); break;
    case EXTEND_SXTW: x_ext_rr(E, 0x63, true, RCX, r); break;
    default: if (r != RCX) x_mov_rr(E, true, RCX, r); break;
  }
  x_shift_ri(E, SH_SHL, true, RCX, in->a);
}

/* The shifted-register groups of list_dp_reg.h: 12 groups of 10 ops in
   the same order (w, x, then lsl/lsr/asr/ror for w and for x). */
enum { GROUP_SIZE = 10 };
_Static_assert(OP_bics_reg_ror_x - OP_and_reg_w == 8 * GROUP_SIZE - 1, "logical groups");
_Static_assert(OP_add_reg_w - OP_and_reg_w == 8 * GROUP_SIZE, "add follows the logical groups");
_Static_assert(OP_subs_reg_ror_x - OP_and_reg_w == 12 * GROUP_SIZE - 1, "arith groups");
_Static_assert(OP_eor_reg_lsr_x - OP_eor_reg_w == 7, "group layout");

static void emit_shifted_group(struct tr *t, u32 i, const struct insn *in) {
  u32 k = in->op - OP_and_reg_w, group = k / GROUP_SIZE, form = k % GROUP_SIZE;
  bool w = form == 0 || (form >= 2 && form <= 5);
  u32 type = form < 2 ? 0 : (form - 2) % 4;
  /* and bic orr orn eor eon ands bics add adds sub subs */
  static const u8 kAlu[12] = {ALU_AND, ALU_AND, ALU_OR, ALU_OR, ALU_XOR, ALU_XOR,
                              ALU_AND, ALU_AND, ALU_ADD, ALU_ADD, ALU_SUB, ALU_SUB};
  static const u16 kInvert = 0x0aa, kFlags = 0xac0; /* bit per group */
  bool scaled = form >= 2 && in->a >= 1 && in->a <= 3; /* LSL #1-#3: an x86 scale */
  if (group == 8 && type == 0 && (scaled || (form < 2 && t->xflags != XF_NONE))) {
    /* ADD as a LEA: one instruction for Rn + Rm << 1-3, and one that keeps
       the host flags for a consumer further on (only then for a plain ADD:
       with every ADD a LEA, sha256 ran 10% slower) */
    int n = tr_src(t, in->rn, RAX), m = tr_src(t, in->rm, RCX), r = work_reg(t, in->rd, -1);
    x_lea_w(E, !w, r, (struct xmem){(i8)n, (i8)m, form < 2 ? 0 : (u8)in->a, 0});
    tr_dst(t, in->rd, r);
    t->keeps_flags = true;
    return;
  }
  if (group == 10 && form < 2 && t->xflags != XF_NONE) {
    /* SUB as Rn + NOT Rm + 1 in a LEA, keeping the host flags for a
       consumer further on (CMP; SUB; CSEL in 7zz's match finder) */
    tr_src_into(t, in->rm, RCX, w);
    x_grp3(E, 2, !w, RCX);
    int n = tr_src(t, in->rn, RAX), r = work_reg(t, in->rd, -1);
    x_lea_w(E, !w, r, (struct xmem){(i8)n, RCX, 0, 1});
    tr_dst(t, in->rd, r);
    t->keeps_flags = true;
    return;
  }
  bool plain = form < 2 && !(kInvert >> group & 1); /* Rm unshifted, not inverted */
  static const u16 kCommutes = 0x355; /* and orr eor ands add adds */
  u32 rn = in->rn, rm = in->rm;
  if (plain && (kCommutes >> group & 1) && rm == in->rd && rn != in->rd) {
    rn = in->rm; /* rd = x op rd: rd op= x, one instruction */
    rm = in->rn;
  }
  struct operand m = {RCX, {0, 0, 0, 0}};
  if (plain) { /* Rm as it is, wherever it lives */
    m = src_operand(t, rm, RCX);
  } else {
    shifted_rm(t, in, type, w);
    if (kInvert >> group & 1) x_grp3(E, 2, !w, RCX);
  }
  if ((kFlags >> group & 1) && plain && (in->rd >= REG_ZR || (in->rd != in->rn && in->rd != in->rm)))
    lazy_note(t, group < 8 ? XF_LOGIC : group == 9 ? XF_ADD : XF_SUB, !w, in->rn, in->rm, 0, 0);
  if (in->rd >= REG_ZR && (group == 6 || group == 11)) { /* TST, CMP: flags alone */
    int n = tr_src(t, in->rn, RAX);
    if (group == 11) alu_operand(t, ALU_CMP, !w, n, m);
    else if (m.reg >= 0) x_test_rr(E, !w, n, m.reg);
    else x_test_rm(E, !w, n, m.mem);
    flags_out(t, i, group == 6 ? XF_LOGIC : XF_SUB);
    return;
  }
  int r = alu_start(t, in->rd, rn, w, m.reg);
  alu_operand(t, kAlu[group], !w, r, m);
  if (kFlags >> group & 1)
    flags_out(t, i, group < 8 ? XF_LOGIC : group == 9 ? XF_ADD : XF_SUB);
  tr_dst(t, in->rd, r);
}

static void emit_ext_group(struct tr *t, u32 i, const struct insn *in) {
  u32 k = in->op - OP_add_ext_w; /* add adds sub subs, w then x each */
  bool w = !(k & 1), sub = k >= 4, flags = k & 2;
  extended_rm(t, in);
  if (sub && flags && in->rd >= REG_ZR) { /* CMP */
    x_alu_rr(E, ALU_CMP, !w, tr_src(t, in->rn, RAX), RCX);
    flags_out(t, i, XF_SUB);
    return;
  }
  int r = alu_start(t, in->rd, in->rn, w, -1);
  x_alu_rr(E, sub ? ALU_SUB : ALU_ADD, !w, r, RCX);
  if (flags) flags_out(t, i, sub ? XF_SUB : XF_ADD);
  tr_dst(t, in->rd, r);
}
_Static_assert(OP_subs_ext_x - OP_add_ext_w == 7 && OP_sub_ext_w - OP_add_ext_w == 4, "ext");

/* ADC/SBC and the flag-setting forms: x86 ADC/SBB with the carry loaded
   (SBB subtracts the borrow, which is Arm's carry inverted). */
static void emit_carry(struct tr *t, u32 i, const struct insn *in) {
  u32 k = in->op - OP_adc_w; /* adc adcs sbc sbcs, w then x each */
  bool w = !(k & 1), flags = k & 2, sub = k >= 4;
  tr_flags_use(t, FLAGS_READ);
  tr_src_into(t, in->rn, RAX, w);
  tr_src_into(t, in->rm, RCX, w);
  if (sub) {
    x_cmp8_mi(E, CPU_FIELD(cf), 1); /* CF = (C == 0) */
  } else {
    x_load_ext(E, 0x0fb6, false, RDX, CPU_FIELD(cf));
    x_grp3(E, 3, false, RDX); /* NEG: CF = (C != 0) */
  }
  x_alu_rr(E, sub ? ALU_SBB : ALU_ADC, !w, RAX, RCX);
  if (flags) flags_out(t, i, sub ? XF_SUB : XF_ADD);
  tr_dst(t, in->rd, RAX);
}
_Static_assert(OP_sbcs_x - OP_adc_w == 7 && OP_sbc_w - OP_adc_w == 4, "carry group");

/* Whether the host has LAHF and SAHF in 64-bit mode (all but the first
   x86-64 processors). */
static bool host_sahf(void) {
  static int has = -1;
  if (has < 0) {
    unsigned a, b, c, d;
    has = __get_cpuid(0x80000001, &a, &b, &c, &d) && (c & 1);
  }
  return has;
}

/* The host flags an x86 instruction of kind XF_SUB or XF_ADD leaves when
   Arm's NZCV come out as nzcv: OF from an 8-bit add that overflows or not,
   then SF, ZF and CF from AH by SAHF. Uses rax. */
static void host_flags_set(struct tr *t, enum xflags kind, u32 nzcv) {
  u32 cf = (nzcv >> 1 & 1) ^ (kind == XF_SUB); /* after a subtraction, C is NOT borrow */
  u32 ah = (nzcv >> 3 & 1) << 7 | (nzcv >> 2 & 1) << 6 | 2 | cf;
  x_mov_ri(E, RAX, ah << 8 | (nzcv & 1 ? 0x7f : 0));
  x_byte(E, 0x04); /* add al, 1 */
  x_byte(E, 1);
  x_byte(E, 0x9e); /* sahf */
}

/* CCMP/CCMN: both ways leave the host flags of a CMP (CMN), so that the
   consumer after it reads them; without SAHF, the way that takes the
   immediate NZCV stores them. */
static void emit_cond_compare(struct tr *t, u32 i, const struct insn *in) {
  u32 k = in->op - OP_ccmn_reg_w; /* ccmn reg, ccmn imm, ccmp reg, ccmp imm; w, x */
  bool w = !(k & 1), imm = k & 2, sub = k >= 4;
  enum xflags kind = sub ? XF_SUB : XF_ADD;
  int cc = cond_cc(t, in->a, true);
  u8 *fail = cc < 0 ? NULL : x_jcc(E, x_cc_invert(cc));
  tr_src_into(t, in->rn, RAX, w);
  if (imm) x_alu_ri(E, sub ? ALU_CMP : ALU_ADD, !w, RAX, (i32)in->imm);
  else x_alu_rr(E, sub ? ALU_CMP : ALU_ADD, !w, RAX, tr_src(t, in->rm, RCX));
  bool both_ways = !fail || host_sahf(); /* the host flags hold after either way */
  if (!both_ways) flags_out(t, i, kind); /* on the compare's way */
  if (fail) {
    u8 *done = x_jmp(E);
    x_patch_rel32(E, fail, E->p);
    if (both_ways) {
      host_flags_set(t, kind, in->b);
    } else {
      x_store8_imm(E, CPU_FIELD(nf), in->b >> 3 & 1);
      x_store8_imm(E, CPU_FIELD(zf), in->b >> 2 & 1);
      x_store8_imm(E, CPU_FIELD(cf), in->b >> 1 & 1);
      x_store8_imm(E, CPU_FIELD(vf), in->b & 1);
    }
    x_patch_rel32(E, done, E->p);
  }
  if (both_ways) flags_out(t, i, kind);
  else t->xflags = XF_NONE;
}
_Static_assert(OP_ccmp_imm_x - OP_ccmn_reg_w == 7 && OP_ccmp_reg_w - OP_ccmn_reg_w == 4, "ccmp");

static void emit_cond_select(struct tr *t, const struct insn *in) {
  u32 k = in->op - OP_csel_w; /* csel csinc csinv csneg; w, x */
  bool w = !(k & 1);
  u32 kind = k >> 1;
  /* The alternative first, in rdx unless CSEL's Rm is read where it is:
     LEA (CSINC) and NOT (CSINV) leave the host flags, NEG (CSNEG) not. */
  struct operand m = {RDX, {0, 0, 0, 0}};
  int keep = in->rd < REG_ZR ? t->host_of[in->rd] : -1;
  if (kind == 0 && keep >= 0 && in->rm == in->rd && in->rn != in->rd && in->a < 14) {
    /* Rd = cond ? Rn : Rd: one CMOV into Rd's register, which it reads */
    tr_note_read(t, in->rd);
    struct operand n = src_operand(t, in->rn, RDX);
    t->keeps_flags = cond_fused(t, in->a);
    int cc = cond_cc(t, in->a, true);
    if (n.reg >= 0) x_cmov(E, cc, !w, keep, n.reg);
    else x_cmov_rm(E, cc, !w, keep, n.mem);
    tr_dst(t, in->rd, keep);
    return;
  }
  if (kind == 0) {
    m = src_operand(t, in->rm, RDX);
  } else if (kind == 1) {
    x_lea_w(E, !w, RDX, XMEM(tr_src(t, in->rm, RDX), 1));
  } else {
    tr_src_into(t, in->rm, RDX, w);
    x_grp3(E, kind == 2 ? 2 : 3, !w, RDX);
  }
  bool fused = kind != 3 && cond_fused(t, in->a);
  int cc = cond_cc(t, in->a, kind != 3);
  t->keeps_flags = fused; /* MOV, LEA, NOT and CMOV leave them */
  int r = work_reg(t, in->rd, m.reg);
  if (cc < 0) { /* AL, NV: Rn */
    tr_src_into(t, in->rn, r, w);
  } else { /* a 32-bit CMOV zero-extends whether it moves or not */
    operand_into(t, in->rn, r, w);
    if (m.reg >= 0) x_cmov(E, x_cc_invert(cc), !w, r, m.reg);
    else x_cmov_rm(E, x_cc_invert(cc), !w, r, m.mem);
  }
  tr_dst(t, in->rd, r);
}
_Static_assert(OP_csneg_x - OP_csel_w == 7, "csel group");

static void emit_div(struct tr *t, const struct insn *in, bool sign, bool w) {
  tr_src_into(t, in->rm, RCX, w);
  tr_src_into(t, in->rn, RAX, w);
  x_test_rr(E, !w, RCX, RCX);
  u8 *zero = x_jcc(E, CC_E), *minus1 = NULL, *done2 = NULL;
  if (sign) {
    x_alu_ri(E, ALU_CMP, !w, RCX, -1);
    minus1 = x_jcc(E, CC_E);
    if (!w) x_byte(E, 0x48);
    x_byte(E, 0x99); /* CDQ/CQO */
    x_grp3(E, 7, !w, RCX);
  } else {
    x_alu_rr(E, ALU_XOR, false, RDX, RDX);
    x_grp3(E, 6, !w, RCX);
  }
  u8 *done = x_jmp(E);
  x_patch_rel32(E, zero, E->p);
  x_alu_rr(E, ALU_XOR, false, RAX, RAX); /* x / 0 = 0 */
  if (minus1) {
    done2 = x_jmp(E);
    x_patch_rel32(E, minus1, E->p);
    x_grp3(E, 3, !w, RAX); /* x / -1 = -x, which wraps at the minimum */
  }
  x_patch_rel32(E, done, E->p);
  x_patch_rel32(E, done2, E->p);
  tr_dst(t, in->rd, RAX);
}

static void emit_shift_reg(struct tr *t, const struct insn *in, enum x86_shift sh, bool w) {
  tr_src_into(t, in->rm, RCX, false);
  /* Moved even in place at 32 bits: a shift by 0 may leave the upper half. */
  int r = work_reg(t, in->rd, -1);
  tr_src_into(t, in->rn, r, w);
  x_shift_cl(E, sh, !w, r); /* the count is taken mod the width, as Arm's */
  tr_dst(t, in->rd, r);
}

/* Multiply-add group: rd = ra +/- rn * rm, at w or x, or widening. */
static void emit_madd(struct tr *t, const struct insn *in, bool w, bool sub, int widen,
                      bool add_ra) {
  if (widen) { /* 1 signed, 2 unsigned: 32 x 32 -> 64 */
    int n = tr_src(t, in->rn, RAX);
    if (widen == 1) x_ext_rr(E, 0x63, true, RAX, n); else x_mov_rr(E, false, RAX, n);
    int m = tr_src(t, in->rm, RCX);
    if (widen == 1) x_ext_rr(E, 0x63, true, RCX, m); else x_mov_rr(E, false, RCX, m);
    x_imul_rr(E, true, RAX, RCX);
  } else if (!add_ra && !sub) { /* MUL: in rd's register */
    struct operand m = src_operand(t, in->rm, RCX);
    int r = alu_start(t, in->rd, in->rn, w, m.reg);
    if (m.reg >= 0) x_imul_rr(E, !w, r, m.reg);
    else x_imul_rm(E, !w, r, m.mem);
    tr_dst(t, in->rd, r);
    return;
  } else {
    tr_src_into(t, in->rn, RAX, w);
    x_imul_rr(E, !w, RAX, tr_src(t, in->rm, RCX));
  }
  bool wide = widen || !w;
  if (!add_ra || in->ra == REG_ZR) {
    if (sub) x_grp3(E, 3, wide, RAX);
  } else if (sub) {
    tr_src_into(t, in->ra, RDX, !wide);
    x_alu_rr(E, ALU_SUB, wide, RDX, RAX);
    x_mov_rr(E, true, RAX, RDX);
  } else {
    x_alu_rr(E, ALU_ADD, wide, RAX, tr_src(t, in->ra, RCX));
  }
  tr_dst(t, in->rd, RAX);
}

/* CRC32W/X: slicing by 4 or 8 over the interpreter's tables, in place of
   a handler call: rd = T[n-1][b0] ^ ... ^ T[0][b(n-1)] for the bytes b_j of
   acc ^ val (dp_reg.c). CRC32CW/CX: the host's CRC32 instruction (SSE4.2),
   the same polynomial, reflected, with no inversion either. False: the
   handler does it (the destination is not cached, so the sum has no
   register of its own beside rax, rcx and rdx). */
static bool emit_crc(struct tr *t, const struct insn *in, bool castagnoli, u32 bytes) {
  bool x = bytes == 8;
  if (castagnoli) {
    if (!tr_host_sse42()) return false;
    struct operand m = src_operand(t, in->rm, RCX);
    int r = work_reg(t, in->rd, m.reg);
    tr_src_into(t, in->rn, r, true);
    if (m.reg >= 0) x_op_rr(E, 0xf2, 0x0f38f1, x, r, m.reg, false);
    else x_op_rm(E, 0xf2, 0x0f38f1, x, r, m.mem, false);
    tr_dst(t, in->rd, r);
    return true;
  }
  int r = work_reg(t, in->rd, -1);
  if (r == RAX) return false;
  struct operand m = src_operand(t, in->rm, RCX);
  tr_src_into(t, in->rn, RAX, true);
  alu_operand(t, ALU_XOR, x, RAX, m);
  x_mov_ri(E, RDX, (u64)(uintptr_t)g_crc_table[0]);
  for (u32 j = 0; j < bytes; j++) {
    if (j && !(j & 1)) x_shift_ri(E, SH_SHR, x, RAX, 16);
    if (j & 1) { /* movzx ecx, ah: no REX, or AH would not be AH */
      x_byte(E, 0x0f);
      x_byte(E, 0xb6);
      x_byte(E, 0xcc);
    } else {
      x_ext_rr(E, 0x0fb6, false, RCX, RAX);
    }
    struct xmem entry = {RDX, RCX, 2, (i32)((bytes - 1 - j) * sizeof g_crc_table[0][0])};
    if (j) x_alu_rm(E, ALU_XOR, false, r, entry);
    else x_load(E, false, r, entry);
  }
  tr_dst(t, in->rd, r);
  return true;
}

static void emit_mulh(struct tr *t, const struct insn *in, bool sign) {
  tr_src_into(t, in->rn, RAX, false);
  x_grp3(E, sign ? 5 : 4, true, tr_src(t, in->rm, RCX));
  tr_dst(t, in->rd, RDX);
}

/* ---- one instruction ---- */

/* Emits instruction i natively; false: it needs its handler. */
static bool emit_native(struct tr *t, u32 i) {
  const struct insn *in = insn_at(t, i);
  u32 op = in->op;
  if (tr_is_mem(op)) return tr_emit_mem(t, i);
  if (op >= OP_ldr_b_off) return tr_emit_vector(t, i);
  if (op >= OP_and_reg_w && op <= OP_subs_reg_ror_x) return emit_shifted_group(t, i, in), true;
  if (op >= OP_add_ext_w && op <= OP_subs_ext_x) return emit_ext_group(t, i, in), true;
  if (op >= OP_adc_w && op <= OP_sbcs_x) return emit_carry(t, i, in), true;
  if (op >= OP_ccmn_reg_w && op <= OP_ccmp_imm_x) return emit_cond_compare(t, i, in), true;
  if (op >= OP_csel_w && op <= OP_csneg_x) return emit_cond_select(t, in), true;
  bool w = false;
  switch (op) {
    case OP_nop:
    case OP_dmb_weak: /* the host's TSO already orders these */
      t->keeps_flags = true;
      return true;
    case OP_adr:
    case OP_mov_imm:
      dst_imm(t, in->rd, in->imm);
      t->keeps_flags = true;
      return true;
    case OP_movk_w: w = true; /* fall through */
    case OP_movk_x: {
      int r = alu_start(t, in->rd, in->rd, w, -1);
      alu_imm(t, ALU_AND, !w, r, ~(0xffffull << in->a), RCX);
      alu_imm(t, ALU_OR, !w, r, in->imm << in->a, RCX);
      tr_dst(t, in->rd, r);
      return true;
    }
    case OP_add_imm_w: case OP_sub_imm_w: case OP_adds_imm_w: case OP_subs_imm_w: w = true;
      /* fall through */
    case OP_add_imm_x: case OP_sub_imm_x: case OP_adds_imm_x: case OP_subs_imm_x: {
      bool sub = op == OP_sub_imm_w || op == OP_sub_imm_x || op == OP_subs_imm_w ||
                 op == OP_subs_imm_x;
      bool flags = op == OP_adds_imm_w || op == OP_adds_imm_x || op == OP_subs_imm_w ||
                   op == OP_subs_imm_x;
      if (flags) /* SUBS X1, X1, #1: X1 + 1 is the operand */
        lazy_note(t, sub ? XF_SUB : XF_ADD, !w, in->rn, LAZY_IMM, in->imm,
                  in->rd == in->rn ? (sub ? (i64)in->imm : -(i64)in->imm) : 0);
      if (flags && sub && in->rd >= REG_ZR) { /* CMP */
        x_alu_ri(E, ALU_CMP, !w, tr_src(t, in->rn, RAX), (i32)in->imm);
        flags_out(t, i, XF_SUB);
        return true;
      }
      int r = work_reg(t, in->rd, -1);
      if (!flags && in->imm == 0) { /* MOV to or from SP */
        tr_src_into(t, in->rn, r, w);
        tr_dst(t, in->rd, r);
        t->keeps_flags = true;
        return true;
      }
      if (!flags && t->xflags != XF_NONE) { /* LEA: the host flags stay, for a consumer */
        x_lea_w(E, !w, r, XMEM(tr_src(t, in->rn, RAX), sub ? -(i32)in->imm : (i32)in->imm));
        tr_dst(t, in->rd, r);
        t->keeps_flags = true;
        return true;
      }
      operand_into(t, in->rn, r, w);
      x_alu_ri(E, sub ? ALU_SUB : ALU_ADD, !w, r, (i32)in->imm);
      if (flags) flags_out(t, i, sub ? XF_SUB : XF_ADD);
      tr_dst(t, in->rd, r);
      return true;
    }
    case OP_and_imm: { /* both widths: a W form's mask has no upper half */
      int r = work_reg(t, in->rd, -1);
      if (in->imm == 0xff || in->imm == 0xffff || in->imm == 0xffffffff) { /* UXTB... */
        extend_into(t, r, src_operand(t, in->rn, RAX),
                    in->imm == 0xff ? 8 : in->imm == 0xffff ? 16 : 32, false, false);
      } else {
        operand_into(t, in->rn, r, false);
        alu_imm(t, ALU_AND, in->imm > 0xffffffff, r, in->imm, RCX);
      }
      tr_dst(t, in->rd, r);
      return true;
    }
    case OP_orr_imm_w: case OP_eor_imm_w: case OP_ands_imm_w: w = true; /* fall through */
    case OP_orr_imm_x: case OP_eor_imm_x: case OP_ands_imm_x: {
      enum x86_alu alu = (op == OP_orr_imm_w || op == OP_orr_imm_x)   ? ALU_OR
                         : (op == OP_eor_imm_w || op == OP_eor_imm_x) ? ALU_XOR
                                                                      : ALU_AND;
      if (alu == ALU_AND && in->rd != in->rn)
        lazy_note(t, XF_LOGIC, !w, in->rn, LAZY_IMM, in->imm, 0);
      if (alu == ALU_AND && in->rd >= REG_ZR) { /* TST */
        int n = tr_src(t, in->rn, RAX);
        if (w || (i64)in->imm == (i32)in->imm) {
          x_test_ri(E, !w, n, (i32)in->imm);
        } else {
          x_mov_ri(E, RCX, in->imm);
          x_test_rr(E, true, n, RCX);
        }
        flags_out(t, i, XF_LOGIC);
        return true;
      }
      int r = alu_start(t, in->rd, in->rn, w, -1);
      alu_imm(t, alu, !w, r, in->imm, RCX);
      if (alu == ALU_AND) flags_out(t, i, XF_LOGIC);
      tr_dst(t, in->rd, r);
      return true;
    }
    case OP_ubfm_w: case OP_sbfm_w: w = true; /* fall through */
    case OP_ubfm_x: case OP_sbfm_x: {
      /* rd = rn << a >> b (logical or arithmetic) at the width */
      bool sx = op == OP_sbfm_w || op == OP_sbfm_x;
      u32 kept = (w ? 32 : 64) - in->a; /* rn's low bits that survive the << */
      int r = work_reg(t, in->rd, -1);
      if (in->a >= in->b && (kept == 8 || kept == 16 || (kept == 32 && !w))) {
        /* UXTB, SXTW, UBFIZ...: those bits extended, then shifted into place */
        extend_into(t, r, src_operand(t, in->rn, RAX), kept, sx, !w);
        x_shift_ri(E, SH_SHL, !w, r, in->a - in->b);
      } else {
        /* In place, a W form with no shift at all must still zero-extend. */
        if (in->a || in->b) operand_into(t, in->rn, r, w);
        else tr_src_into(t, in->rn, r, w);
        x_shift_ri(E, SH_SHL, !w, r, in->a);
        x_shift_ri(E, sx ? SH_SAR : SH_SHR, !w, r, in->b);
      }
      tr_dst(t, in->rd, r);
      return true;
    }
    case OP_bfm_w: w = true; /* fall through */
    case OP_bfm_x:
      tr_src_into(t, in->rn, RAX, w);
      x_shift_ri(E, SH_ROR, !w, RAX, in->a);
      alu_imm(t, ALU_AND, !w, RAX, in->imm, RDX);
      tr_src_into(t, in->rd, RCX, w);
      alu_imm(t, ALU_AND, !w, RCX, ~in->imm, RDX);
      x_alu_rr(E, ALU_OR, !w, RAX, RCX);
      tr_dst(t, in->rd, RAX);
      return true;
    case OP_extr_w: w = true; /* fall through */
    case OP_extr_x:
      tr_src_into(t, in->rm, RAX, w);
      tr_src_into(t, in->rn, RCX, w);
      if (in->a) x_shrd_ri(E, !w, RAX, RCX, in->a);
      tr_dst(t, in->rd, RAX);
      return true;
    case OP_mov_reg_w: w = true; /* fall through */
    case OP_mov_reg_x:
      t->keeps_flags = true;
      if (in->rd < REG_ZR && t->host_of[in->rd] >= 0) { /* a 32-bit move zero-extends */
        tr_src_into(t, in->rm, t->host_of[in->rd], w);
        note_write(t, in->rd);
      } else if (!w) { /* rm's register, or rax, straight to the cpu */
        tr_dst(t, in->rd, tr_src(t, in->rm, RAX));
      } else {
        tr_src_into(t, in->rm, RAX, w);
        tr_dst(t, in->rd, RAX);
      }
      return true;
    case OP_rev_w: w = true; /* fall through */
    case OP_rev_x: {
      int r = alu_start(t, in->rd, in->rn, w, -1);
      x_bswap(E, !w, r);
      tr_dst(t, in->rd, r);
      return true;
    }
    case OP_clz_w: w = true; /* fall through */
    case OP_clz_x:
      /* 63 - BSR, or 64 (32) for zero: (BSR or 127) XOR 63. */
      x_bsr(E, !w, RAX, tr_src(t, in->rn, RCX));
      x_mov_ri(E, RCX, w ? 63 : 127);
      x_cmov(E, CC_E, !w, RAX, RCX);
      x_alu_ri(E, ALU_XOR, false, RAX, w ? 31 : 63);
      tr_dst(t, in->rd, RAX);
      return true;
    case OP_udiv_w: return emit_div(t, in, false, true), true;
    case OP_udiv_x: return emit_div(t, in, false, false), true;
    case OP_sdiv_w: return emit_div(t, in, true, true), true;
    case OP_sdiv_x: return emit_div(t, in, true, false), true;
    case OP_lslv_w: return emit_shift_reg(t, in, SH_SHL, true), true;
    case OP_lslv_x: return emit_shift_reg(t, in, SH_SHL, false), true;
    case OP_lsrv_w: return emit_shift_reg(t, in, SH_SHR, true), true;
    case OP_lsrv_x: return emit_shift_reg(t, in, SH_SHR, false), true;
    case OP_asrv_w: return emit_shift_reg(t, in, SH_SAR, true), true;
    case OP_asrv_x: return emit_shift_reg(t, in, SH_SAR, false), true;
    case OP_rorv_w: return emit_shift_reg(t, in, SH_ROR, true), true;
    case OP_rorv_x: return emit_shift_reg(t, in, SH_ROR, false), true;
    case OP_mul_w: return emit_madd(t, in, true, false, 0, false), true;
    case OP_mul_x: return emit_madd(t, in, false, false, 0, false), true;
    case OP_madd_w: return emit_madd(t, in, true, false, 0, true), true;
    case OP_madd_x: return emit_madd(t, in, false, false, 0, true), true;
    case OP_msub_w: return emit_madd(t, in, true, true, 0, true), true;
    case OP_msub_x: return emit_madd(t, in, false, true, 0, true), true;
    case OP_smaddl: return emit_madd(t, in, false, false, 1, true), true;
    case OP_smsubl: return emit_madd(t, in, false, true, 1, true), true;
    case OP_umaddl: return emit_madd(t, in, false, false, 2, true), true;
    case OP_umsubl: return emit_madd(t, in, false, true, 2, true), true;
    case OP_crc32w: return emit_crc(t, in, false, 4);
    case OP_crc32x: return emit_crc(t, in, false, 8);
    case OP_crc32cw: return emit_crc(t, in, true, 4);
    case OP_crc32cx: return emit_crc(t, in, true, 8);
    case OP_smulh: return emit_mulh(t, in, true), true;
    case OP_umulh: return emit_mulh(t, in, false), true;
    case OP_mrs_tpidr:
      x_load(E, true, RAX, CPU_FIELD(tpidr_el0));
      tr_dst(t, in->rd, RAX);
      return true;
    case OP_msr_tpidr:
      x_store(E, true, CPU_FIELD(tpidr_el0), tr_src(t, in->rn, RAX));
      return true;
    default:
      return false;
  }
}

/* A conditional branch, which the block goes on past: the x86 condition
   under which it is taken leaves for its target, or goes back to the top
   when that is the block's start. */
static void emit_side_exit(struct tr *t, u32 i) {
  const struct insn *in = insn_at(t, i);
  u32 op = in->op;
  int cc;
  /* B.cond reading its producer's host flags: they decide, and if the
     producer stored no NZCV (they are dead on the way on), each way out
     stores them from the host flags (flags_out). */
  bool fused = false;
  enum xflags store = XF_NONE;
  if (op >= OP_b_eq && op <= OP_b_le_loop) {
    fused = cond_fused(t, (op - OP_b_eq) >> 1);
    t->keeps_flags = fused; /* a JCC; the way back to the top is another path */
    if (fused && (t->flags_use[t->xflags_at] & (FLAGS_DEAD | FLAGS_LAZY))) store = t->xflags;
    cc = cond_cc(t, (op - OP_b_eq) >> 1, true);
  } else if (op >= OP_cbz_w && op <= OP_cbnz_x_loop) {
    u32 k = op - OP_cbz_w; /* cbz_w, cbnz_w, cbz_x, cbnz_x; each with _loop */
    bool w = k < 4, nz = (k >> 1) & 1;
    int r = tr_src(t, in->rn, RAX);
    x_test_rr(E, !w, r, r);
    cc = nz ? CC_NE : CC_E;
  } else {
    x_bt_ri(E, true, tr_src(t, in->rn, RAX), in->a);
    cc = op - OP_tbz >= 2 ? CC_B : CC_AE;
  }
  if (jumps_forward(t->jump_to, i)) { /* to a later instruction here: patched there */
    t->pending[t->npending++] =
        (struct pending_jump){x_jcc(E, (enum x86_cc)cc), t->jump_to[i], t->checked};
  } else if (jumps_back(t->jump_to, i) && !g_jit.verify) {
    u8 *stay = x_jcc(E, x_cc_invert((enum x86_cc)cc));
    if (store != XF_NONE) flags_store(t, store);
    loop_back(t, i, fused);
    x_patch_rel32(E, stay, E->p);
  } else if (fused) {
    exit_ref_flags(t, x_jcc(E, (enum x86_cc)cc), in->imm, store);
  } else {
    exit_ref(t, x_jcc(E, (enum x86_cc)cc), in->imm);
  }
}

/* The block's last instruction: a branch, or anything that may leave. */
static void emit_end(struct tr *t, u32 i) {
  const struct insn *in = insn_at(t, i);
  u32 op = in->op;
  u64 next = pc_of(t, i) + 4;
  if (jumps_back(t->jump_to, i)) { /* B, or the block's end */
    loop_back(t, i, false);
    return;
  }
  switch (op) {
    case OP_bl:
      dst_imm(t, 30, next);
      emit_call(t, in->imm, next, false);
      return;
    case OP_b:
    case OP_block_end:
      exit_ref(t, x_jmp(E), in->imm);
      return;
    case OP_br: /* RET is BR X30 */
      tr_src_into(t, in->rn, RAX, false);
      indirect_exit(t, in->rn == 30);
      return;
    case OP_blr:
      tr_src_into(t, in->rn, RAX, false); /* before X30 is written: BLR X30 */
      x_mov_ri(E, RCX, next);
      tr_dst(t, 30, RCX);
      emit_call(t, 0, next, true);
      return;
    default:
      leave_for_handler(t, i);
      return;
  }
}

bool jit_left_to_loop(u32 op) {
  return op != OP_b_loop && op != OP_b && op != OP_bl && op != OP_block_end && op != OP_br &&
         op != OP_blr; /* a conditional branch never ends a block */
}
_Static_assert(OP_b_le_loop - OP_b_eq == 27, "one B.cond pair per condition EQ..LE");
_Static_assert(OP_cbnz_x_loop - OP_cbz_w == 7 && OP_tbnz_loop - OP_tbz == 3, "cbz, tbz");
_Static_assert(OP_tbz == OP_cbnz_x_loop + 1, "cbz then tbz");

/* Whether a handler called from translated code may store to memory,
   which --jit-verify would not see: any store (a sanitizer build runs them
   all by handler), the atomics, DC ZVA. */
static bool stores_unlogged(u32 op) {
  if (op >= OP_ldxr && op <= OP_swp) return true;
  return op == OP_dc_zva || !strncmp(g_op_names[op], "st", 2);
}


/* One pass of translation into t->e; map gets the per-instruction offsets.
   Returns the body entry (writable view), or NULL if it did not fit. */
static u8 *emit_block(struct tr *t, struct jit_map *map) {
  const struct block *b = t->b;
  tr_choose_registers(t);
  tr_choose_vregs(t);
  map->verifiable = true;
  /* In a trace with a loop, a register written late in one pass is live
     at an exit or a handler call early in the next: from a loop's head on,
     those its body writes count as written (loop_writes), and they are
     loaded at entry. The cached V registers all count as written from the
     start. */
  bool loops = false;
  for (u32 i = 0; i < t->n; i++) loops |= t->loop_head[i];
  if (loops) {
    for (u32 k = 0; k < t->nvcached; k++) t->vwritten |= 1u << t->vcached[k];
    t->vdirty = t->vwritten;
  }

  x_alu_mi(E, ALU_CMP, false, CPU_FIELD(attention), 0); /* the chain entry */
  u8 *leave = x_jcc(E, CC_NE);
  u8 *body = E->p;
  t->body = body;
  t->off = map->off;
  for (u32 k = 0; k < t->ncached; k++) /* the registers read before written */
    if (t->live_in >> t->cached[k] & 1)
      x_load(E, true, t->host_of[t->cached[k]], XREG(t->cached[k]));
  tr_vload_all(t);
  t->fp = tr_block_has_fp(t);
  if (t->fp) tr_mxcsr_clear(t);
  for (u32 i = 0; i < t->n && !E->full && !t->failed; i++) {
    map->off[i] = (u32)(E->p - body);
    t->cur = i;
    t->written_before[i] = t->written;
    if (t->loop_head[i]) {
      /* Pass 1 leaves written_before[] in program order, for the loads
         at entry that forward branches need (jit_translate_block). */
      if (t->loop_writes) t->written |= t->loop_writes[i];
      t->checked.n = 0; /* the way back has checked nothing yet */
    }
    bool join = t->loop_head[i];
    for (u32 k = 0; k < t->npending; k++)
      if (t->pending[k].to == i) {
        x_patch_rel32(E, t->pending[k].at, E->p);
        tr_checked_meet(&t->checked, &t->pending[k].checked);
        t->pending[k] = t->pending[--t->npending];
        k--;
        join = true;
      }
    if (join) { /* reached from a branch too: what only the way down knew is gone */
      t->xflags = XF_NONE;
      t->vdirty = t->vwritten;
      t->vzero_hi = 0;
    }
    const struct insn *in = insn_at(t, i);
    if (trace_joins_next(t->trace, i)) {
      continue; /* the next block follows */
    } else if (insn_ends_block(in)) { /* the trace's end, or before a side block */
      emit_end(t, i);
    } else if (insn_side_exit(in)) {
      emit_side_exit(t, i);
    } else if (!emit_native(t, i)) {
      call_handler(t, i, t->written, t->vwritten);
      t->handler_calls++;
      if (stores_unlogged(in->op)) map->verifiable = false;
    }
    /* The host flags a producer left last as long as nothing changes them. */
    if (t->xflags_at != i && !t->keeps_flags) t->xflags = XF_NONE;
    t->keeps_flags = false;
  }

  /* Out of line: exit stubs, then slow paths, then the attention exit. */
  u8 *stubs[ARRAY_LEN(t->exits)];
  for (u32 k = 0; k < t->nexits; k++) {
    stubs[k] = NULL;
    for (u32 j = 0; j < k; j++) /* a jump to the same target: the same stub */
      if (t->exits[j].target == t->exits[k].target && t->exits[j].written == t->exits[k].written &&
          t->exits[j].flags == t->exits[k].flags)
        stubs[k] = stubs[j];
    if (!stubs[k]) stubs[k] = emit_exit_stub(t, &t->exits[k]);
    x_patch_rel32(E, t->exits[k].at, stubs[k]);
  }
  for (u32 k = 0; k < t->nslows; k++) {
    struct slow_ref *sr = &t->slows[k];
    for (int j = 0; j < 4 && sr->at[j]; j++) x_patch_rel32(E, sr->at[j], E->p);
    if (g_jit.verify) /* the handler's stores are not logged */
      x_alu_mi(E, ALU_OR, false, CPU_FIELD(jit_vskip), 1);
    if (t->lazy_from && t->lazy_from[sr->i] != NO_JUMP)
      lazy_flags_store(t, &t->lazy_src[t->lazy_from[sr->i]]);
    u8 use = t->flags_use[sr->i]; /* a slow path's call is no reason to store flags */
    call_handler(t, sr->i, sr->written, sr->vwritten);
    t->flags_use[sr->i] = use;
    x_patch_rel32(E, x_jmp(E), sr->resume);
  }
  x_patch_rel32(E, leave, E->p);
  x_mov_ri(E, RAX, b->pc);
  x_store(E, true, CPU_FIELD(pc), RAX);
  x_patch_rel32(E, x_jmp(E), t->exit - t->rx_delta);
  if (E->full || t->failed) return NULL;
  return body;
}

/* Whether caching V registers pays, from pass 1: each handler call the
   body makes stores and reloads them all. */
static bool vcache_pays(const struct tr *t1) {
  return t1->vaccesses >= 8 * t1->handler_calls;
}

/* The map of n instructions: off[] and unchecked[]. */
static size_t map_size(u32 n) {
  return sizeof(struct jit_map) + n * (sizeof(u32) + sizeof(u8));
}

/* The map with its FLAGS_LAZY ranges (struct jit_lazy) appended, for
   jit_fault_recover; NULL if out of memory (the map is freed). */
static struct jit_map *add_lazy_ranges(struct jit_map *map, u32 n, const struct lazy_src *src,
                                       const u32 *lazy_from) {
  u32 nlazy = 0;
  for (u32 i = 0; i < n; i++)
    nlazy += lazy_from[i] != NO_JUMP && (i == 0 || lazy_from[i - 1] != lazy_from[i]);
  size_t at = (map_size(n) + 7) & ~(size_t)7;
  struct jit_map *grown = realloc(map, at + nlazy * sizeof(struct jit_lazy));
  if (!grown) {
    free(map);
    return NULL;
  }
  grown->unchecked = (u8 *)&grown->off[n];
  struct jit_lazy *lazy = (struct jit_lazy *)((u8 *)grown + at);
  grown->lazy = lazy;
  grown->nlazy = 0;
  for (u32 i = 0; i < n; i++) {
    if (lazy_from[i] == NO_JUMP) continue;
    if (grown->nlazy && lazy[grown->nlazy - 1].to == i && i && lazy_from[i - 1] == lazy_from[i]) {
      lazy[grown->nlazy - 1].to = i + 1;
      continue;
    }
    const struct lazy_src *l = &src[lazy_from[i]];
    lazy[grown->nlazy++] = (struct jit_lazy){i, i + 1, l->kind, l->wide, l->a, l->b, l->adj, l->imm};
  }
  return grown;
}

bool jit_translate_block(const struct trace *trace, struct emitter *e, ptrdiff_t rx_delta,
                         const u8 *exit, u32 epoch, struct jit_output *out) {
  const struct block *b = trace->block[0];
  u32 n = trace->first[trace->nblocks];
  struct jit_map *map = calloc(1, map_size(n));
  struct slow_ref *slows = malloc(n * sizeof *slows);
  u8 *flags_use = calloc(n, 1);
  const struct insn **ins = malloc(n * sizeof *ins);
  u32 *jump_to = malloc(n * sizeof *jump_to);
  u64 *written_before = malloc(n * sizeof *written_before);
  struct pending_jump *pending = malloc(n * sizeof *pending);
  bool *live_at = malloc(n * sizeof *live_at), *join = malloc(n * sizeof *join);
  bool *loop_head = calloc(n, sizeof *loop_head);
  u64 *loop_writes = malloc(n * sizeof *loop_writes);
  u32 *stretch = malloc(n * sizeof *stretch);
  bool *on_cycle = malloc(n * sizeof *on_cycle);
  struct lazy_src *lazy_src = calloc(n, sizeof *lazy_src);
  u64 *wrote = calloc(n, sizeof *wrote);
  u32 *lazy_from = malloc(n * sizeof *lazy_from);
  if (map) map->unchecked = (u8 *)&map->off[n];
  bool allocated = map && slows && flags_use && ins && jump_to && written_before && pending &&
                   live_at && join && loop_head && loop_writes && stretch && on_cycle &&
                   lazy_src && wrote && lazy_from;
  if (allocated) {
    for (u32 s = 0, k = 0; s < trace->nblocks; s++)
      for (u32 j = 0; j < trace->block[s]->n; j++) ins[k++] = &trace->block[s]->insns[j];
    tr_find_internal_jumps(trace, ins, jump_to, loop_head);
    tr_find_stretches(jump_to, n, stretch);
    tr_find_cycles(trace, jump_to, n, on_cycle);
  }
  size_t room = (size_t)(e->end - e->p);
  /* Translation runs under the block cache's lock: one scratch buffer
     serves every pass 1, allocated once (a fresh 256 KiB each time would
     be an mmap and a munmap per translation). */
  static u8 *scratch;
  static size_t scratch_size;
  if (scratch_size < room) {
    free(scratch);
    scratch = malloc(room);
    scratch_size = scratch ? room : 0;
  }
  u8 *chain = e->p, *body = NULL;
  if (allocated && scratch) {
    /* Pass 1, into scratch memory, finds which cached registers are read
       before they are written, and how each instruction uses the flags;
       pass 2 loads only those registers at entry and stores no dead flags. */
    struct emitter e1 = {scratch, scratch + room, false};
    const struct tr common = {.trace = trace, .b = b, .ins = ins, .n = n, .jump_to = jump_to,
                              .written_before = written_before, .pending = pending,
                              .loop_head = loop_head, .on_cycle = on_cycle,
                              .rx_delta = rx_delta, .exit = exit, .epoch = epoch, .slows = slows,
                              .flags_use = flags_use, .lazy_src = lazy_src, .wrote = wrote,
                              .unchecked = allocated ? map->unchecked : NULL};
    struct tr t1 = common;
    t1.e = &e1;
    t1.live_in = ~0ull;
    if (emit_block(&t1, map)) {
      struct tr t2 = common;
      t2.e = e;
      t2.vcache = vcache_pays(&t1);
      tr_find_dead_flags(flags_use, jump_to, live_at, n);
      tr_find_lazy_flags(flags_use, lazy_src, wrote, jump_to, live_at, join, n, lazy_from);
      t2.lazy_from = lazy_from;
      tr_find_loop_writes(stretch, wrote, n, loop_writes);
      t2.loop_writes = loop_writes;
      for (u32 sl = 0; sl < 32; sl++)
        if (t1.first_access[sl] == ACCESS_READ) t2.live_in |= 1ull << sl;
      for (u32 i = 0; i < n; i++) /* first written between a branch and its target, or in a loop */
        t2.live_in |= (jumps_forward(jump_to, i) ? written_before[jump_to[i]] & ~written_before[i]
                                                 : 0) | loop_writes[i];
      memset(map->unchecked, 0, n); /* pass 1's marks */
      body = emit_block(&t2, map);
      if (body) {
        map->ncached = t2.ncached;
        for (u32 k = 0; k < t2.ncached; k++) {
          u8 sl = t2.cached[k];
          map->slot[k] = sl;
          map->host[k] = (u8)t2.host_of[sl];
          /* A register loaded at entry is the guest's from the start; one
             written first, once that instruction has completed. */
          map->valid_from[k] = t2.live_in >> sl & 1 ? 0
                               : t2.first_access[sl] == ACCESS_WRITE ? t2.first_write[sl] + 1
                                                                     : UINT32_MAX;
        }
        map->nvcached = t2.nvcached;
        for (u32 k = 0; k < t2.nvcached; k++) {
          map->vslot[k] = t2.vcached[k];
          map->vxmm[k] = (u8)t2.xmm_of[t2.vcached[k]];
        }
      }
    }
  }
  free(slows);
  free(flags_use);
  free(ins);
  free(jump_to);
  free(written_before);
  free(pending);
  free(live_at);
  free(join);
  free(loop_head);
  free(loop_writes);
  free(stretch);
  free(on_cycle);
  if (body) map = add_lazy_ranges(map, n, lazy_src, lazy_from);
  free(lazy_src);
  free(wrote);
  free(lazy_from);
  if (!body || !map) {
    free(map);
    return false;
  }
  map->rx_body = body + rx_delta;
  map->trace = *trace;
  map->n = n;
  out->chain = chain + rx_delta;
  out->body = body + rx_delta;
  out->map = map;
  return true;
}
