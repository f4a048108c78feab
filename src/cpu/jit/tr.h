#ifndef ELFRUN_CPU_JIT_TR_H_
#define ELFRUN_CPU_JIT_TR_H_

/* The translator's state while it translates one block, and the helpers
   its files share: translate.c (integer, memory, branches) and
   translate_vec.c (SIMD&FP). */

#include <stddef.h>

#include "cpu/jit/internal.h"

/* Offsets from rbx, which points JIT_CPU_BIAS bytes into the struct cpu
   (internal.h says why). */
#define CPU_OFF(field) ((i32)offsetof(struct cpu, field) - JIT_CPU_BIAS)
_Static_assert((i32)offsetof(struct cpu, x) + 8 * 4 - JIT_CPU_BIAS == -128 &&
                   (i32)offsetof(struct cpu, attention) + 4 - JIT_CPU_BIAS <= 128,
               "X4 to attention in reach of an 8-bit displacement");
#define CPU_FIELD(field) XMEM(RBX, CPU_OFF(field))
#define XREG(slot) XMEM(RBX, CPU_OFF(x) + 8 * (i32)(slot))
#define VREG(n) XMEM(RBX, CPU_OFF(v) + 16 * (i32)(n))

/* What the host flags hold after the last flag-setting instruction. */
enum xflags { XF_NONE, XF_SUB, XF_ADD, XF_LOGIC };

struct exit_ref {
  u8 *at;      /* rel32 of a jump to the exit's stub */
  u64 target;  /* guest PC the exit continues at */
  u64 written; /* cached registers written by then: those the stub stores */
  u32 flags;   /* enum xflags: the stub first stores NZCV from the host flags
                  a producer of this kind left (a fused conditional branch) */
};

struct slow_ref {
  u8 *at[4];   /* rel32s of the jumps into the slow path (NULL: unused) */
  u8 *resume;  /* where the fast path continues */
  u32 i;       /* the instruction */
  u64 written; /* guest registers written before it */
  u32 vwritten; /* cached V registers written before it */
};

enum { ACCESS_NONE, ACCESS_READ, ACCESS_WRITE };

/* How each instruction uses NZCV, as pass 1 saw it emitted (FLAGS_READ,
   FLAGS_WRITE, FLAGS_OPAQUE: it may call a handler or leave, FLAGS_FAULT:
   it may fault or take a slow path, and needs NZCV exact only then), and
   pass 2's conclusions: FLAGS_DEAD, no one can see the flags it sets, and
   FLAGS_LAZY, only a fault or slow path can, and those recompute them
   from the producer's operands (struct lazy_src, tr_find_lazy_flags). */
enum { FLAGS_READ = 1, FLAGS_WRITE = 2, FLAGS_OPAQUE = 4, FLAGS_DEAD = 8, FLAGS_FAULT = 16,
       FLAGS_LAZY = 32 };

/* A flag-setting instruction whose NZCV can be computed again from guest
   registers it does not write: kind (enum xflags) of (x[a] + adj) op
   (b < NUM_XSLOTS ? x[b] : imm), at 64 bits if wide. adj undoes a
   SUBS/ADDS immediate whose destination is its source. */
#define LAZY_IMM 0xff
struct lazy_src {
  u8 kind; /* 0: cannot be recomputed */
  u8 wide, a, b;
  i32 adj;
  u64 imm;
};

/* Addresses checked against the window on every way to the instruction
   being translated (translate_mem.c): an access through base register rn,
   plus index rm extended and shifted as in the register-offset mode
   (rm == REG_ZR: none), at offsets lo to hi from there, passed its check,
   and neither register has changed since. A later access near one of them
   makes no check of its own. */
#define MAX_CHECKED 8
struct checked {
  u8 rn, rm, ext, shift;
  i32 lo, hi;
};
struct checked_set {
  u32 n;
  struct checked c[MAX_CHECKED];
};

struct tr {
  struct emitter *e;
  const struct trace *trace; /* the blocks translated */
  const struct block *b;     /* the first of them: the one this is the translation of */
  const struct insn **ins;   /* the trace's instructions, in order */
  u32 n;
  /* Branches that stay in the translation jump to their target's code:
     jump_to[i] is the target's index, or NO_JUMP. Forward (jump_to[i] > i):
     a conditional branch within its block (jit_jumps_within) or to a side
     block. A target is a join point: the host flags and the V registers'
     dirty state are forgotten there, and registers first written between a
     branch and its target are loaded at entry (from written_before[],
     pass 1), so the code after the target finds them valid either way.
     Backward (jump_to[i] <= i): a direct branch to an instruction of the
     trace's blocks at or before it, a loop, or the else of an if-else going
     back to where the two ways meet (jumps_back). At such a target
     (loop_head) the checked addresses are forgotten too, and the registers
     the loop writes count as written from there on and are loaded at
     entry, since a register written late in one pass is live early in the
     next. */
#define NO_JUMP UINT32_MAX
  const u32 *jump_to;
  u64 *written_before;
  struct pending_jump {
    u8 *at;
    u32 to;
    struct checked_set checked; /* at the branch */
  } *pending;
  u32 npending;
  ptrdiff_t rx_delta;
  const u8 *exit;            /* the shared exit path (executable view) */
  u32 epoch;                 /* the cache's (jit.c): older translations are stale */
  i8 host_of[NUM_XSLOTS];    /* host register caching each slot, or -1 */
  u32 ncached;
  u8 cached[JIT_MAX_CACHED];
  u64 written;               /* slots written so far (bit per slot) */
  enum xflags xflags;        /* host flags as instruction xflags_at left them, */
  u32 xflags_at;             /* nothing emitted since having changed them */
  bool keeps_flags;          /* the instruction being emitted leaves them as they are */
  const bool *loop_head;     /* per instruction: a branch back goes there */
  const u64 *loop_writes;    /* pass 2, per loop_head: what the loop writes */
  const bool *on_cycle;      /* per instruction: a path may run it again (tr_find_cycles) */
  u8 *body;                  /* where instruction i's code starts: body + off[i] */
  const u32 *off;
  struct exit_ref exits[JIT_MAX_TRACE * BLOCK_MAX_SIDE_EXITS + 4]; /* side exits, the end, a call */
  u32 nexits;
  struct slow_ref *slows;
  u32 nslows;
  bool failed;               /* a form the translator cannot express */
  bool fp;                   /* has native FP arithmetic: MXCSR's flags tracked */
  u32 cur;                   /* the instruction being translated */
  u64 live_in;               /* cached registers the entry loads (bit per slot) */
  u8 first_access[32];       /* ACCESS_*: how the block first uses each register */
  u32 first_write[32];       /* the instruction of that first use, if a write */
  u8 *flags_use;             /* FLAGS_* per instruction */
  struct lazy_src *lazy_src; /* per instruction: how its flags can be recomputed */
  u64 *wrote;                /* per instruction: the slots it writes */
  const u32 *lazy_from;      /* pass 2, per instruction: the FLAGS_LAZY producer whose
                                flags a fault here recomputes, or NO_JUMP */
  /* Cached SIMD&FP registers (translate_vec.c): only in a block whose
     body calls few handlers for its native V accesses (pass 1 counts
     both, vcache_pays), since every call stores and reloads them all. */
  bool vcache;               /* pass 2 may cache them */
  u32 handler_calls;         /* pass 1: handlers the body calls */
  u32 vaccesses;             /* pass 1: accesses to V registers in native forms */
  i8 xmm_of[32];             /* the xmm caching V[n], or -1 */
  u32 nvcached;
  u8 vcached[JIT_MAX_VCACHED];
  u32 vwritten;              /* cached V registers written so far (bit per register) */
  u32 vdirty;                /* cached V registers whose copy in the cpu is stale here */
  u32 vzero_hi;              /* cached V registers whose upper 64 bits are zero here, as a
                                64-bit or narrower write leaves them */
  struct checked_set checked; /* addresses checked on every way here */
  u8 *unchecked;             /* the map's: instructions whose accesses are not checked */
};

#define E (t->e)

/* Guest general-purpose registers: a host register holding slot s for
   reading (its cache register, or tmp loaded from the cpu); tmp = slot s
   (its low half zero-extended when w32); slot s = host register from. */
int tr_src(struct tr *t, u32 s, int tmp);
void tr_src_into(struct tr *t, u32 s, int tmp, bool w32);
void tr_dst(struct tr *t, u32 s, int from);

/* Notes that the instruction being translated reads slot s (pass 1
   decides from the first accesses which registers the entry loads). */
void tr_note_read(struct tr *t, u32 s);

/* Records how the current instruction uses the flags (FLAGS_*). */
static inline void tr_flags_use(struct tr *t, u8 how) { t->flags_use[t->cur] |= how; }

/* Addressing modes of loads and stores (ldst.h). */
enum mem_mode { M_OFF, M_PRE, M_POST, M_REG, M_LIT };

/* The address of a load or store of `total` bytes in addressing mode
   `mode` (base rn, index rm, imm), checked: in rax, and *at = [rax], or,
   when at is not NULL, possibly an operand on the guest registers
   themselves. Returns the jump to take to the slow path, NULL when the
   address needs no check, and sets *ok to false (emitting nothing useful)
   for a form with no native address. */
u8 *tr_address(struct tr *t, const struct insn *in, u32 mode, u32 total, bool *ok,
                struct xmem *at);
/* The base register's writeback of the pre- and post-index modes (at:
   the operand tr_address gave). */
void tr_writeback(struct tr *t, const struct insn *in, u32 mode, struct xmem at);
/* Instruction i's slow path: the jump at `at` (from tr_address) runs its
   handler instead, then continues here. */
void tr_slow_path(struct tr *t, u32 i, u8 *at, u64 written_before);
/* --jit-verify: logs the `count` x `size` bytes at [rax] about to be stored. */
void tr_log_store(struct tr *t, u32 size, u32 count);

/* Instruction i's slow path with up to 4 jumps into it (NULL-terminated). */
void tr_slow_paths(struct tr *t, u32 i, u8 *const *at, u64 written_before);

/* The checked addresses after slot s has changed; at a join, those
   checked on the other way too (struct checked_set). */
void tr_checked_forget(struct checked_set *set, u32 s);
void tr_checked_meet(struct checked_set *set, const struct checked_set *other);

/* Loads and stores of general registers (translate_mem.c): whether op is
   one, and instruction i's native form; false: it needs its handler. */
bool tr_is_mem(u32 op);
bool tr_emit_mem(struct tr *t, u32 i);

/* Whether instruction i branches forward within the translation (to a
   join point), or back to a loop's head (jump_to in struct tr). */
static inline bool jumps_forward(const u32 *jump_to, u32 i) {
  return jump_to[i] != NO_JUMP && jump_to[i] > i;
}
static inline bool jumps_back(const u32 *jump_to, u32 i) { return jump_to[i] <= i; }

/* The trace's control flow and flag liveness (trace_flow.c): jump_to[]
   and loop_head[] of its n instructions; stretch[] and on_cycle[] from
   jump_to[];
   loop_writes[] from stretch[] and pass 1's wrote[]; pass 2's FLAGS_DEAD
   (with live_at[]: NZCV may be seen at each instruction) and FLAGS_LAZY
   (with join[], scratch, and lazy_from[]) from pass 1's flags_use[]. */
void tr_find_internal_jumps(const struct trace *trace, const struct insn **ins, u32 *jump_to,
                            bool *loop_head);
void tr_find_stretches(const u32 *jump_to, u32 n, u32 *stretch);
void tr_find_cycles(const struct trace *trace, const u32 *jump_to, u32 n, bool *on_cycle);
void tr_find_loop_writes(const u32 *stretch, const u64 *wrote, u32 n, u64 *loop_writes);
void tr_find_dead_flags(u8 *use, const u32 *jump_to, bool *live_at, u32 n);
void tr_find_lazy_flags(u8 *use, const struct lazy_src *src, const u64 *wrote,
                        const u32 *jump_to, const bool *live_at, bool *join, u32 n,
                        u32 *lazy_from);

/* Register choice (register_choice.c). Up to max registers that the
   block's integer instructions (or, with simd, its SIMD&FP ones) name at
   least twice, a use on a cycle (on_cycle) counting sixteen times, most
   named first, into order[]; returns how many. Every register field
   counts (an unused field is 0, or a general register in a SIMD&FP op: at
   worst one slot wasted). tr_choose_registers fills cached[] and
   host_of[] with the general registers chosen. */
u32 tr_rank_registers(const struct tr *t, bool simd, u8 *order, u32 max);
void tr_choose_registers(struct tr *t);

/* Cached V registers (translate_vec.c): choose them, load them all (at the
   entry and after a handler call), store those in mask to the cpu. */
void tr_choose_vregs(struct tr *t);
void tr_vload_all(struct tr *t);
void tr_vstore(struct tr *t, u32 mask);

/* SIMD&FP instruction i natively (translate_vec.c); false: its handler. */
bool tr_emit_vector(struct tr *t, u32 i);
/* Whether the host has SSE4.2 (PCMPGTQ, CRC32). */
bool tr_host_sse42(void);
/* Whether the block has FP arithmetic translate_vec.c emits natively, and
   the MXCSR bookkeeping such a block needs: flags cleared at entry and
   after a handler call; Inexact folded into FPSR.IXC before a handler call
   and at every exit (translate_vec.c). */
bool tr_block_has_fp(const struct tr *t);
void tr_mxcsr_clear(struct tr *t);
void tr_mxcsr_fold(struct tr *t);

#endif
