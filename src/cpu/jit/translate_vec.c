/* The SIMD&FP instructions the translator emits natively: moves between
   general and SIMD&FP registers, loads and stores of SIMD&FP registers, and
   the integer vector operations whose SSE twins give bit-identical lanes
   (wrap-around add and subtract, low-half multiply, bitwise, compares,
   min/max, shifts by an immediate), and IEEE arithmetic on normal numbers.

   Guest V registers live in the cpu (struct cpu v[], 16-byte aligned as
   SSE wants). In a block whose body calls few handlers for the V
   accesses it makes natively (translate.c, vcache_pays), the most used of
   them are also cached in xmm2-xmm15 for the whole block: loaded at the
   entry, the cache authoritative from then on, stored back at every exit
   and before a handler call, reloaded after it. A form that still
   addresses a cached register in the cpu (element moves, widening) stores
   it there first if it is stale (vmem_read) and reloads it after writing
   it (vmem_wrote). xmm0 and xmm1 are scratch. Everything else keeps the
   interpreter's handlers, and so does every form whose SSE twin needs a
   feature this host lacks. */
#include <string.h>

#include "cpu/insn.h"
#include "cpu/jit/jit.h"
#include "cpu/jit/tr.h"

enum { XMM0, XMM1, XMM_FIRST_CACHED };

#define SSE_MOVDQA 0x0f6f /* 66: xmm = xmm/m128 */
#define SSE_MOVSS 0x0f10  /* F3: low lane; from memory, upper lanes zeroed */
#define SSE_PXOR 0x0fef   /* 66 */

/* ---- cached V registers ---- */

/* The xmm caching V[n], or -1. Counts the accesses (pass 1 weighs them
   against the handler calls). */
static int vx(struct tr *t, u32 n) {
  t->vaccesses++;
  return n < 32 ? t->xmm_of[n] : -1;
}

/* Caches the V registers the block's SIMD&FP instructions name most. */
void tr_choose_vregs(struct tr *t) {
  memset(t->xmm_of, -1, sizeof t->xmm_of);
  t->nvcached = t->vcache ? tr_rank_registers(t, true, t->vcached, JIT_MAX_VCACHED) : 0;
  for (u32 k = 0; k < t->nvcached; k++) t->xmm_of[t->vcached[k]] = (i8)(XMM_FIRST_CACHED + k);
}

void tr_vload_all(struct tr *t) {
  for (u32 k = 0; k < t->nvcached; k++)
    x_sse_rm(E, 0x66, SSE_MOVDQA, t->xmm_of[t->vcached[k]], VREG(t->vcached[k]));
  t->vdirty = 0;
  t->vzero_hi = 0;
}

void tr_vstore(struct tr *t, u32 mask) {
  for (u32 k = 0; k < t->nvcached; k++)
    if (mask >> t->vcached[k] & 1)
      x_sse_rm(E, 0xf3, SSE_MOVDQU_STORE, t->xmm_of[t->vcached[k]], VREG(t->vcached[k]));
}

/* V[n]'s cache register written: whether its upper half is zero is for
   the writer to say (vzero_hi). */
static void vwrote_cached(struct tr *t, u32 n) {
  t->vwritten |= 1u << n;
  t->vdirty |= 1u << n;
  t->vzero_hi &= ~(1u << n);
}

/* Before a form reads V[n] in the cpu: the cached value stored there. */
static void vmem_read(struct tr *t, u32 n) {
  int x = vx(t, n);
  if (x < 0 || !(t->vdirty >> n & 1)) return;
  x_sse_rm(E, 0xf3, SSE_MOVDQU_STORE, x, VREG(n));
  t->vdirty &= ~(1u << n);
}

/* After a form wrote V[n] in the cpu (vmem_read first, for a part of it):
   the cache takes the value back. */
static void vmem_wrote(struct tr *t, u32 n) {
  int x = vx(t, n);
  if (x < 0) return;
  x_sse_rm(E, 0x66, SSE_MOVDQA, x, VREG(n));
  t->vwritten |= 1u << n;
  t->vzero_hi &= ~(1u << n);
}

/* xmm = V[n] */
static void vget(struct tr *t, int xmm, u32 n) {
  int x = vx(t, n);
  if (x >= 0) x_sse_rr(E, 0x66, SSE_MOVDQA, xmm, x);
  else x_sse_rm(E, 0xf3, SSE_MOVDQU_LOAD, xmm, VREG(n));
}

/* xmm = xmm OP V[n]: the operand from its cache register or the cpu. */
static void vop(struct tr *t, u32 pfx, u32 opc, int xmm, u32 n) {
  int x = vx(t, n);
  if (x >= 0) x_sse_rr(E, pfx, opc, xmm, x);
  else x_sse_rm(E, pfx, opc, xmm, VREG(n));
}

/* xmm = the low `bytes` (4 or 8) of V[n], the rest zero. */
static void vget_low(struct tr *t, int xmm, u32 n, u32 bytes) {
  int x = vx(t, n);
  if (x >= 0 && bytes == 8) {
    x_sse_rr(E, 0xf3, SSE_MOVQ_LOAD, xmm, x);
  } else if (x >= 0) {
    x_sse_rr(E, 0x66, SSE_PXOR, xmm, xmm);
    x_sse_rr(E, 0xf3, SSE_MOVSS, xmm, x);
  } else if (bytes == 8) {
    x_sse_rm(E, 0xf3, SSE_MOVQ_LOAD, xmm, VREG(n));
  } else {
    x_op_rm(E, 0x66, SSE_MOVD_LOAD, false, xmm, VREG(n), false);
  }
}

/* General register r = the low 8 bytes of V[n] (wide) or 4, zero-extended. */
static void vget_gp(struct tr *t, int r, u32 n, bool wide) {
  int x = vx(t, n);
  if (x >= 0) x_op_rr(E, 0x66, SSE_MOVD_STORE, wide, x, r, false);
  else x_load(E, wide, r, VREG(n));
}

/* V[n] = the low `bytes` of xmm (16 or 8), the rest of V[n] cleared. */
static void vput(struct tr *t, u32 n, int xmm, u32 bytes) {
  int x = vx(t, n);
  if (x >= 0) {
    x_sse_rr(E, bytes == 8 ? 0xf3 : 0x66, bytes == 8 ? SSE_MOVQ_LOAD : SSE_MOVDQA, x, xmm);
    vwrote_cached(t, n);
    if (bytes == 8) t->vzero_hi |= 1u << n;
    return;
  }
  if (bytes == 8) x_sse_rr(E, 0xf3, SSE_MOVQ_LOAD, xmm, xmm);
  x_sse_rm(E, 0xf3, SSE_MOVDQU_STORE, xmm, VREG(n));
}

/* V[n] = general register r, zero-extended. One 16-byte store (MOVQ
   xmm0, r first): two 8-byte halves would stall the next 16-byte load of
   V[n], which the store buffer cannot forward from them. */
static void vput_gp(struct tr *t, u32 n, int r, bool wide) {
  int x = vx(t, n);
  x_op_rr(E, 0x66, SSE_MOVD_LOAD, wide, x >= 0 ? x : XMM0, r, false);
  if (x >= 0) {
    vwrote_cached(t, n);
    t->vzero_hi |= 1u << n; /* MOVD and MOVQ zero-extend */
  } else {
    x_sse_rm(E, 0xf3, SSE_MOVDQU_STORE, XMM0, VREG(n));
  }
}

/* r = the element of `size` bytes at m, zero-extended. */
static void load_elem(struct tr *t, int r, u32 size, struct xmem m) {
  if (size == 1) x_load_ext(E, 0x0fb6, false, r, m);
  else if (size == 2) x_load_ext(E, 0x0fb7, false, r, m);
  else x_load(E, size == 8, r, m);
}

static void store_elem(struct tr *t, struct xmem m, int r, u32 size) {
  if (size == 1) x_store8(E, m, r);
  else if (size == 2) x_store16(E, m, r);
  else x_store(E, size == 8, m, r);
}

static struct xmem velem(u32 n, u32 size, u32 index) {
  return XMEM(RBX, CPU_OFF(v) + 16 * (i32)n + (i32)(size * index));
}

static bool g_ssse3, g_sse41, g_sse42, g_fma;

static void detect(void) {
  static bool done;
  if (done) return;
  __builtin_cpu_init();
  g_ssse3 = __builtin_cpu_supports("ssse3");
  g_sse41 = __builtin_cpu_supports("sse4.1");
  g_sse42 = __builtin_cpu_supports("sse4.2");
  g_fma = __builtin_cpu_supports("fma");
  done = true;
}

bool tr_host_sse42(void) {
  detect();
  return g_sse42;
}

/* Opcodes by element size (B, H, S, D); 0 where SSE has none. Those from
   0x0f38 on need SSE4.1 (pcmpgtq: SSE4.2). */
struct vec_binop {
  u16 op;
  u32 opc[4];
};

static const struct vec_binop kBinops[] = {
    {OP_add_vec, {0x0ffc, 0x0ffd, 0x0ffe, 0x0fd4}},
    {OP_sub_vec, {0x0ff8, 0x0ff9, 0x0ffa, 0x0ffb}},
    {OP_and_vec, {0x0fdb, 0x0fdb, 0x0fdb, 0x0fdb}},
    {OP_orr_vec, {0x0feb, 0x0feb, 0x0feb, 0x0feb}},
    {OP_eor_vec, {0x0fef, 0x0fef, 0x0fef, 0x0fef}},
    {OP_cmeq_vec, {0x0f74, 0x0f75, 0x0f76, 0x0f3829}},
    {OP_cmgt_vec, {0x0f64, 0x0f65, 0x0f66, 0x0f3837}},
    {OP_smax_vec, {0x0f383c, 0x0fee, 0x0f383d, 0}},
    {OP_smin_vec, {0x0f3838, 0x0fea, 0x0f3839, 0}},
    {OP_umax_vec, {0x0fde, 0x0f383e, 0x0f383f, 0}},
    {OP_umin_vec, {0x0fda, 0x0f383a, 0x0f383b, 0}},
};

static bool host_has(u32 opc) {
  if (opc == 0x0f3837) return g_sse42;
  return opc < 0x0f3800 || g_sse41;
}

/* Whether V[n]'s cache register is known to hold zero above bit 63. */
static bool vzero_hi(const struct tr *t, u32 n) {
  return n < 32 && t->xmm_of[n] >= 0 && (t->vzero_hi >> n & 1);
}

/* Whether op, lane by lane, makes zero of zeroes. */
static bool zeroes_stay(u32 op) {
  return op == OP_add_vec || op == OP_sub_vec || op == OP_and_vec || op == OP_orr_vec ||
         op == OP_eor_vec;
}

/* Rd = xmm0, the result of a lane-by-lane operation of in's width. A
   64-bit one's upper half is cleared (a MOVQ on the dependency chain),
   unless xmm0 has it zero already: the operation made it of zero upper
   halves (zero_hi), and the plain copy the host renames away will do. */
static void vput_lanes(struct tr *t, const struct insn *in, bool zero_hi) {
  if (in->b == 8 && zero_hi && in->rd < 32 && t->xmm_of[in->rd] >= 0) {
    vput(t, in->rd, XMM0, 16);
    t->vzero_hi |= 1u << in->rd;
  } else {
    vput(t, in->rd, XMM0, in->b);
  }
}

/* rd = rn OP rm, lane by lane. */
static bool emit_binop(struct tr *t, const struct insn *in) {
  if (in->b != 16 && in->b != 8) return false; /* the narrower scalar forms */
  for (size_t k = 0; k < ARRAY_LEN(kBinops); k++) {
    if (kBinops[k].op != in->op) continue;
    u32 opc = kBinops[k].opc[in->a & 3];
    if (!opc || !host_has(opc)) return false;
    vget(t, XMM0, in->rn);
    vop(t, 0x66, opc, XMM0, in->rm);
    vput_lanes(t, in, zeroes_stay(in->op) && vzero_hi(t, in->rn) && vzero_hi(t, in->rm));
    return true;
  }
  return false;
}

static bool emit_shift_imm(struct tr *t, const struct insn *in, int digit) {
  static const u32 kShiftOp[4] = {0, 0x0f71, 0x0f72, 0x0f73};
  if ((in->b != 16 && in->b != 8) || !kShiftOp[in->a & 3]) return false;
  if (digit == 4 && in->a == 3) return false; /* no PSRAQ before AVX-512 */
  vget(t, XMM0, in->rn);
  x_sse_shift_ri(E, kShiftOp[in->a], digit, XMM0, (u8)in->imm);
  vput_lanes(t, in, vzero_hi(t, in->rn)); /* a shifted zero is zero */
  return true;
}

/* MUL, MLA, MLS, by vector or by element: rd (+/-)= rn * m, where m is
   rm or its element imm in every lane. Halfwords and words only. */
static bool emit_mul_acc(struct tr *t, const struct insn *in, int acc, bool by_elem) {
  static const u32 kMul[4] = {0, 0x0fd5, 0x0f3840, 0}, kAdd[4] = {0, 0x0ffd, 0x0ffe, 0},
                   kSub[4] = {0, 0x0ff9, 0x0ffa, 0};
  if ((in->b != 16 && in->b != 8) || !kMul[in->a & 3] || !host_has(kMul[in->a & 3])) return false;
  if (by_elem) { /* PSHUFLW/PSHUFHW then PSHUFD, or PSHUFD alone */
    u32 index = (u32)in->imm;
    if (in->a == 1) {
      vop(t, index < 4 ? 0xf2 : 0xf3, 0x0f70, XMM1, in->rm);
      x_byte(E, (index & 3) * 0x55);
      x_sse_rr(E, 0x66, 0x0f70, XMM1, XMM1);
      x_byte(E, index < 4 ? 0x00 : 0xaa);
    } else {
      vop(t, 0x66, 0x0f70, XMM1, in->rm);
      x_byte(E, index * 0x55);
    }
  } else {
    vget(t, XMM1, in->rm);
  }
  vget(t, XMM0, in->rn);
  x_sse_rr(E, 0x66, kMul[in->a], XMM0, XMM1);
  if (acc > 0) {
    vop(t, 0x66, kAdd[in->a], XMM0, in->rd);
  } else if (acc < 0) {
    vget(t, XMM1, in->rd);
    x_sse_rr(E, 0x66, kSub[in->a], XMM1, XMM0);
    vput(t, in->rd, XMM1, in->b);
    return true;
  }
  vput(t, in->rd, XMM0, in->b);
  return true;
}

/* USHLL/SSHLL (UXTL, SXTL): the narrow lanes from ra on, widened with
   PMOVZX/PMOVSX, then shifted left. */
static bool emit_widen(struct tr *t, const struct insn *in, bool sign) {
  static const u32 kShiftOp[4] = {0, 0x0f71, 0x0f72, 0x0f73};
  if (in->b != 16 || in->a > 2 || !g_sse41) return false;
  u32 opc = (sign ? 0x0f3820 : 0x0f3830) + (in->a == 0 ? 0 : in->a == 1 ? 3 : 5);
  vmem_read(t, in->rn);
  x_sse_rm(E, 0x66, opc, XMM0, velem(in->rn, 1u << in->a, in->ra));
  if (in->imm) x_sse_shift_ri(E, kShiftOp[in->a + 1], 6, XMM0, (u8)in->imm);
  vput(t, in->rd, XMM0, 16);
  return true;
}

/* xmm0 = the low element (1 << a bytes) of general register r, in every
   lane. */
static bool broadcast(struct tr *t, int r, u32 a) {
  if (a == 0 && !g_ssse3) return false;
  x_op_rr(E, 0x66, SSE_MOVD_LOAD, a == 3, XMM0, r, false);
  switch (a) {
    case 0: /* PSHUFB with all-zero indices */
      x_sse_rr(E, 0x66, 0x0fef, XMM1, XMM1);
      x_sse_rr(E, 0x66, 0x0f3800, XMM0, XMM1);
      break;
    case 1: /* PSHUFLW 0 then PSHUFD 0 */
      x_sse_rr(E, 0xf2, 0x0f70, XMM0, XMM0);
      x_byte(E, 0);
      /* fall through */
    case 2:
      x_sse_rr(E, 0x66, 0x0f70, XMM0, XMM0);
      x_byte(E, 0);
      break;
    default: /* PUNPCKLQDQ */
      x_sse_rr(E, 0x66, 0x0f6c, XMM0, XMM0);
      break;
  }
  return true;
}

/* Loads and stores of SIMD&FP registers: the op's name says it all. */
static bool emit_vmem(struct tr *t, u32 i, const struct insn *in) {
  const char *name = g_op_names[in->op];
  bool load = name[0] == 'l', pair = name[2] == 'p';
  static const char kSizes[] = "bhsdq";
  const char *z = strchr(kSizes, name[4]);
  if (!z) return false;
  u32 size = 1u << (z - kSizes);
  const char *suffix = name + 6;
  u32 mode = !strcmp(suffix, "off")    ? M_OFF
             : !strcmp(suffix, "pre")  ? M_PRE
             : !strcmp(suffix, "post") ? M_POST
             : !strcmp(suffix, "reg")  ? M_REG
                                       : M_LIT;
  /* --jit-verify logs at most 16 bytes per store. */
  if (g_jit.verify && !load && pair && size == 16) return false;
  u64 written_before = t->written;
  bool ok;
  struct xmem at;
  u8 *slow_at = tr_address(t, in, mode, pair ? 2 * size : size, &ok, &at);
  if (!ok) return false;
  if (load && size <= 2) {
    load_elem(t, RDX, size, at);
    vput_gp(t, in->rd, RDX, true);
  } else if (load) { /* MOVD, MOVQ or MOVDQU: each zero-extends to 16 bytes */
    u32 pfx = size == 4 ? 0x66 : 0xf3;
    u32 opc = size == 4 ? SSE_MOVD_LOAD : size == 8 ? SSE_MOVQ_LOAD : SSE_MOVDQU_LOAD;
    x_sse_rm(E, pfx, opc, XMM0, at);
    if (pair) x_sse_rm(E, pfx, opc, XMM1, xmem_plus(at, (i32)size)); /* both loads first */
    vput(t, in->rd, XMM0, 16);
    if (pair) vput(t, in->ra, XMM1, 16);
  } else {
    if (g_jit.verify) {
      if (size == 16) tr_log_store(t, 8, 2);
      else tr_log_store(t, size, pair ? 2 : 1);
    }
    for (u32 k = 0; k < (pair ? 2u : 1u); k++) {
      u32 reg = k ? in->ra : in->rd;
      if (size == 16) {
        vget(t, XMM0, reg);
        x_sse_rm(E, 0xf3, SSE_MOVDQU_STORE, XMM0, xmem_plus(at, 16 * (i32)k));
      } else {
        vget_gp(t, RDX, reg, size == 8);
        store_elem(t, xmem_plus(at, (i32)(size * k)), RDX, size);
      }
    }
  }
  tr_writeback(t, in, mode, at);
  tr_slow_path(t, i, slow_at, written_before);
  return true;
}

/* LD1R (one element, replicated), and LD1 and ST1 of whole registers:
   loads and stores of consecutive bytes. LD1 of three or four registers,
   and the forms that interleave (LD2-LD4, ST2-ST4), keep their handlers;
   so do stores under --jit-verify, which logs at most 16 bytes a store. */
/* LD2-LD4 (multiple structures) de-interleave memory into registers:
   element e of register s is element e * selem + s of memory. Each
   register is gathered from the 16-byte chunks of memory, one PSHUFB per
   chunk that holds any of its elements, with a mask that moves them into
   place and zeroes the rest, the pieces OR-ed together. The masks, by
   [arrangement: Q][selem - 2][log2 element bytes][register][chunk]:
   built once. */
static u8 g_deinterleave[2][3][4][4][4][16];

static void build_deinterleave_masks(void) {
  static bool built; /* translation runs under the cache lock */
  if (built) return;
  built = true;
  for (u32 q = 0; q < 2; q++)
    for (u32 selem = 2; selem <= 4; selem++)
      for (u32 esize = 0; esize < 4; esize++)
        for (u32 r = 0; r < selem; r++)
          for (u32 c = 0; c < 4; c++)
            for (u32 p = 0; p < 16; p++) {
              u32 eb = 1u << esize, from = (p / eb * selem + r) * eb + p % eb;
              bool here = p < (8u << q) && from / 16 == c;
              g_deinterleave[q][selem - 2][esize][r][c][p] = here ? (u8)(from % 16) : 0x80;
            }
}

/* rax = the address, checked. Registers change only once every byte has
   been read: the last chunk is touched first, and the first register's
   gather starts at the first chunk, so both pages (at most 64 bytes, two
   pages) have been read before any register is written. */
static void emit_deinterleave(struct tr *t, const struct insn *in, u32 selem) {
  u32 esize = in->b & 3, q = in->b >> 2 & 1, total = selem * (8u << q), chunks = total / 16;
  const u8(*masks)[4][16] = g_deinterleave[q][selem - 2][esize];
  build_deinterleave_masks();
  x_sse_rm(E, 0xf3, SSE_MOVDQU_LOAD, XMM1, XMEM(RAX, (i32)total - 16));
  x_mov_ri(E, RCX, (u64)(uintptr_t)masks);
  for (u32 r = 0; r < selem; r++) {
    bool first = true;
    for (u32 c = 0; c < chunks; c++) {
      bool used = false;
      for (u32 p = 0; p < 16; p++) used |= masks[r][c][p] != 0x80;
      if (!used) continue;
      int x = first ? XMM0 : XMM1;
      x_sse_rm(E, 0xf3, SSE_MOVDQU_LOAD, x, XMEM(RAX, (i32)(16 * c)));
      x_sse_rm(E, 0x66, 0x0f3800, x, XMEM(RCX, (i32)(16 * (4 * r + c)))); /* PSHUFB */
      if (!first) x_sse_rr(E, 0x66, 0x0feb, XMM0, XMM1);                  /* POR */
      first = false;
    }
    vput(t, (in->rd + r) % 32, XMM0, 16);
  }
}

static bool emit_struct(struct tr *t, u32 i, const struct insn *in) {
  u32 op = in->op, regs = 1, bytes = in->b >> 2 & 1 ? 16 : 8, esize = 0, selem = 1;
  bool post, load = true, replicate = op >= OP_ld1r_b && op <= OP_ld1r_d_post;
  if (replicate) {
    post = (op - OP_ld1r_b) & 1;
    esize = (op - OP_ld1r_b) >> 1; /* log2 of the element's bytes */
    if (esize == 0 && !g_ssse3) return false;
  } else {
    post = op == OP_ldn_multiple_post || op == OP_stn_multiple_post;
    load = op == OP_ldn_multiple || op == OP_ldn_multiple_post;
    regs = in->a >> 4;
    selem = in->a & 15;
    if (selem > 1) { /* LD2-LD4 of 16 or 32 bytes a register set */
      if (!load || !g_ssse3 || (selem * bytes) % 16) return false;
      regs = selem;
    } else if ((load && regs > 2) || (!load && g_jit.verify)) {
      return false;
    }
  }
  u32 total = replicate ? 1u << esize : regs * bytes;
  u64 written_before = t->written;
  bool ok;
  u8 *slow_at = tr_address(t, in, post ? M_POST : M_OFF, total, &ok, NULL);
  if (!ok) return false;
  if (replicate) {
    load_elem(t, RDX, 1u << esize, XMEM(RAX, 0));
    broadcast(t, RDX, esize);
    vput(t, in->rd, XMM0, bytes);
  } else if (selem > 1) {
    emit_deinterleave(t, in, selem);
  } else if (load) { /* every load before the registers change */
    u32 opc = bytes == 16 ? SSE_MOVDQU_LOAD : SSE_MOVQ_LOAD;
    for (u32 r = 0; r < regs; r++) x_sse_rm(E, 0xf3, opc, XMM0 + (int)r, XMEM(RAX, (i32)(r * bytes)));
    for (u32 r = 0; r < regs; r++) vput(t, (in->rd + r) % 32, XMM0 + (int)r, 16);
  } else {
    for (u32 r = 0; r < regs; r++) {
      vget(t, XMM0, (in->rd + r) % 32);
      if (bytes == 16) x_sse_rm(E, 0xf3, SSE_MOVDQU_STORE, XMM0, XMEM(RAX, (i32)(r * bytes)));
      else x_sse_rm(E, 0x66, SSE_MOVQ_STORE, XMM0, XMEM(RAX, (i32)(r * bytes)));
    }
  }
  if (post) { /* the offset register, or XZR and the immediate */
    if (in->rm != REG_ZR) x_alu_rr(E, ALU_ADD, true, RAX, tr_src(t, in->rm, RCX));
    x_lea(E, RAX, XMEM(RAX, (i32)in->imm));
    tr_dst(t, in->rn, RAX);
  }
  tr_slow_path(t, i, slow_at, written_before);
  return true;
}

/* ---- floating point ----

   IEEE arithmetic on normal numbers is the same on both sides: an SSE
   result is taken when it is a normal number above the smallest one, so no
   NaN rule, underflow, overflow, invalid operation or division by zero can
   have been involved, and only in blocks decoded for FPCR's default mode
   (round to nearest, no flush-to-zero, no default NaN), which MXCSR's
   default matches. Anything else takes the slow path, the handler, which
   sets FPSR as Arm does. The one exception left, Inexact, is read from
   MXCSR's sticky flag: cleared when the block is entered and after each
   handler call, and folded into FPSR.IXC before a handler call and at every
   exit. */
#define MXCSR_DEFAULT 0x1f80
#define MXCSR_PE 0x20
#define FPSR_IXC 0x10

void tr_mxcsr_clear(struct tr *t) {
  x_op_rm(E, 0, 0xc7, false, 0, CPU_FIELD(jit_mxcsr), false); /* mov dword [m], imm32 */
  x_u32(E, MXCSR_DEFAULT);
  x_op_rm(E, 0, 0x0fae, false, 2, CPU_FIELD(jit_mxcsr), false); /* LDMXCSR */
}

void tr_mxcsr_fold(struct tr *t) {
  x_op_rm(E, 0, 0x0fae, false, 3, CPU_FIELD(jit_mxcsr), false); /* STMXCSR */
  x_op_rm(E, 0, 0xf6, false, 0, CPU_FIELD(jit_mxcsr), false);   /* test byte [m], PE */
  x_byte(E, MXCSR_PE);
  u8 *exact = x_jcc(E, CC_E);
  x_alu_mi(E, ALU_OR, false, CPU_FIELD(fpsr), FPSR_IXC);
  x_patch_rel32(E, exact, E->p);
}

struct fp_form {
  u16 op;
  u8 sse;    /* 0x58 add, 0x5c sub, 0x59 mul, 0x5e div, 0x51 sqrt; 0xb9/0xbd FMA */
  u8 dbl;    /* double precision */
  u8 vec;    /* a vector form: a, b give lanes */
  u8 negate; /* FNMUL: the product negated */
};

static const struct fp_form kFpForms[] = {
    {OP_fadd_s, 0x58, 0, 0, 0}, {OP_fadd_d, 0x58, 1, 0, 0}, {OP_fsub_s, 0x5c, 0, 0, 0},
    {OP_fsub_d, 0x5c, 1, 0, 0}, {OP_fmul_s, 0x59, 0, 0, 0}, {OP_fmul_d, 0x59, 1, 0, 0},
    {OP_fdiv_s, 0x5e, 0, 0, 0}, {OP_fdiv_d, 0x5e, 1, 0, 0}, {OP_fsqrt_s, 0x51, 0, 0, 0},
    {OP_fsqrt_d, 0x51, 1, 0, 0}, {OP_fnmul_s, 0x59, 0, 0, 1}, {OP_fnmul_d, 0x59, 1, 0, 1},
    {OP_fmadd_s, 0xb9, 0, 0, 0}, {OP_fmadd_d, 0xb9, 1, 0, 0}, {OP_fmsub_s, 0xbd, 0, 0, 0},
    {OP_fmsub_d, 0xbd, 1, 0, 0}, {OP_fadd_vec, 0x58, 0, 1, 0}, {OP_fsub_vec, 0x5c, 0, 1, 0},
    {OP_fmul_vec, 0x59, 0, 1, 0}, {OP_fdiv_vec, 0x5e, 0, 1, 0},
};

static const struct fp_form *fp_form_of(const struct insn *in) {
  detect();
  for (size_t k = 0; k < ARRAY_LEN(kFpForms); k++) {
    const struct fp_form *f = &kFpForms[k];
    if (f->op != in->op) continue;
    if (f->vec && ((in->b != 16 && in->b != 8) || in->a < 2 || !g_sse41)) return NULL;
    if ((f->sse == 0xb9 || f->sse == 0xbd) && !g_fma) return NULL;
    return f;
  }
  return NULL;
}

bool tr_block_has_fp(const struct tr *t) {
  if (t->b->mode != 0) return false; /* rounding, flush-to-zero or default NaN set */
  for (u32 i = 0; i < t->n; i++)
    if (fp_form_of(t->ins[i])) return true;
  return false;
}

/* jae slow when the exponent field of the value (bits lo..lo+width-1 of
   rax) is 0, 1 or all ones: zero, subnormal, the smallest normals (Arm
   detects tininess before rounding, x86 after), infinity or NaN. */
static u8 *exponent_check(struct tr *t, u32 lo, u32 width) {
  u32 mask = (1u << width) - 1;
  x_mov_rr(E, true, RCX, RAX);
  x_shift_ri(E, SH_SHR, true, RCX, (u8)lo);
  x_alu_ri(E, ALU_AND, false, RCX, (i32)mask);
  x_alu_ri(E, ALU_SUB, false, RCX, 2);
  x_alu_ri(E, ALU_CMP, false, RCX, (i32)(mask - 2));
  return x_jcc(E, CC_AE);
}

static bool emit_fp(struct tr *t, u32 i, const struct insn *in, const struct fp_form *f) {
  if (!t->fp) return false;
  u32 pfx = f->vec ? (in->a == 3 ? 0x66 : 0) : (f->dbl ? 0xf2 : 0xf3);
  bool dbl = f->vec ? in->a == 3 : f->dbl;
  if (f->vec && in->b == 8) { /* MOVQ zeroes the unused lanes: no stray Inexact */
    vget_low(t, XMM0, in->rn, 8);
    vget_low(t, XMM1, in->rm, 8);
    x_sse_rr(E, pfx, 0x0f00 | f->sse, XMM0, XMM1);
  } else if (f->vec) {
    vget(t, XMM0, in->rn);
    vop(t, pfx, 0x0f00 | f->sse, XMM0, in->rm);
  } else if (f->sse == 0xb9 || f->sse == 0xbd) { /* VFMADD231 / VFNMADD231: xmm0 += xmm1 * m */
    vget_low(t, XMM0, in->ra, dbl ? 8 : 4);
    vget_low(t, XMM1, in->rn, dbl ? 8 : 4);
    vmem_read(t, in->rm); /* the memory operand below */
    x_byte(E, 0xc4);
    x_byte(E, 0xe2);                                  /* R X B = 1 (none), map 0F38 */
    x_byte(E, (dbl ? 0x80 : 0) | (0xe << 3) | 0x01); /* W, vvvv = ~1 (xmm1), L0, pp 66 */
    x_byte(E, f->sse);
    struct xmem m = VREG(in->rm);
    x_byte(E, 0x80 | (XMM0 << 3) | RBX);              /* [rbx + disp32] */
    x_u32(E, (u32)m.disp);
  } else {
    vget_low(t, XMM0, in->rn, dbl ? 8 : 4); /* upper lanes zeroed */
    if (f->sse == 0x51) x_sse_rr(E, pfx, 0x0f51, XMM0, XMM0);
    else vop(t, pfx, 0x0f00 | f->sse, XMM0, in->rm); /* the low lane of rm */
  }
  /* Check the lanes that count: a scalar's one, or b / element size. */
  u32 bytes = f->vec ? in->b : dbl ? 8 : 4, k = 0;
  u8 *slow[5] = {NULL};
  for (u32 q = 0; q * 8 < bytes; q++) {
    if (q == 0) {
      x_op_rr(E, 0x66, 0x0f7e, true, XMM0, RAX, false); /* MOVQ rax, xmm0 */
    } else {
      x_op_rr(E, 0x66, 0x0f3a16, true, XMM0, RAX, false); /* PEXTRQ rax, xmm0, 1 */
      x_byte(E, 1);
    }
    slow[k++] = exponent_check(t, dbl ? 52 : 23, dbl ? 11 : 8);
    if (!dbl && bytes >= 8) slow[k++] = exponent_check(t, 55, 8);
  }
  if (f->negate) { /* FNMUL: flip the sign bit; the check saw the product */
    x_mov_ri(E, RAX, dbl ? 0x8000000000000000ull : 0x80000000u);
    x_op_rr(E, 0x66, 0x0f6e, true, XMM1, RAX, false); /* MOVQ xmm1, rax */
    x_sse_rr(E, 0x66, 0x0fef, XMM0, XMM1);            /* PXOR */
  }
  vput(t, in->rd, XMM0, f->vec ? in->b : 8);
  tr_slow_paths(t, i, slow, t->written);
  return true;
}

bool tr_emit_vector(struct tr *t, u32 i) {
  const struct insn *in = t->ins[i];
  detect();
  u32 op = in->op;
  if (op >= OP_ldr_b_off && op <= OP_stp_q_post) return emit_vmem(t, i, in);
  if ((op >= OP_ld1r_b && op <= OP_ld1r_d_post) || (op >= OP_ldn_multiple && op <= OP_stn_multiple_post))
    return emit_struct(t, i, in);
  const struct fp_form *fp = fp_form_of(in);
  if (fp) return emit_fp(t, i, in, fp);
  switch (op) {
    case OP_fmov_s:
    case OP_fmov_d:
      if (t->xmm_of[in->rn] >= 0 && t->xmm_of[in->rd] >= 0 && (op == OP_fmov_d || g_sse41)) {
        /* cached both: MOVQ, or INSERTPS of element 0 zeroing the rest */
        int d = vx(t, in->rd), n = vx(t, in->rn);
        if (op == OP_fmov_d) {
          x_sse_rr(E, 0xf3, SSE_MOVQ_LOAD, d, n);
        } else {
          x_sse_rr(E, 0x66, 0x0f3a21, d, n);
          x_byte(E, 0x0e);
        }
        vwrote_cached(t, in->rd);
        t->vzero_hi |= 1u << in->rd;
        return true;
      }
      vget_low(t, XMM0, in->rn, op == OP_fmov_s ? 4 : 8);
      vput(t, in->rd, XMM0, 16);
      return true;
    case OP_fmov_w_s:
    case OP_fmov_x_d: { /* straight into Rd's cache register */
      int r = in->rd < REG_ZR && t->host_of[in->rd] >= 0 ? t->host_of[in->rd] : RAX;
      vget_gp(t, r, in->rn, op == OP_fmov_x_d);
      tr_dst(t, in->rd, r);
      return true;
    }
    case OP_fmov_x_d1:
      vmem_read(t, in->rn);
      x_load(E, true, RAX, velem(in->rn, 8, 1));
      tr_dst(t, in->rd, RAX);
      return true;
    case OP_fmov_s_w:
    case OP_fmov_d_x: /* MOVD or MOVQ from wherever Rn lives: either zero-extends */
      vput_gp(t, in->rd, tr_src(t, in->rn, RAX), op == OP_fmov_d_x);
      return true;
    case OP_fmov_d1_x:
      vmem_read(t, in->rd);
      x_store(E, true, velem(in->rd, 8, 1), tr_src(t, in->rn, RAX));
      vmem_wrote(t, in->rd);
      return true;
    case OP_umov_vec:
      vmem_read(t, in->rn);
      load_elem(t, RAX, 1u << in->a, velem(in->rn, 1u << in->a, (u32)in->imm));
      tr_dst(t, in->rd, RAX);
      return true;
    case OP_ins_gen:
      vmem_read(t, in->rd);
      store_elem(t, velem(in->rd, 1u << in->a, (u32)in->imm), tr_src(t, in->rn, RAX), 1u << in->a);
      vmem_wrote(t, in->rd);
      return true;
    case OP_ins_elem:
      vmem_read(t, in->rn);
      vmem_read(t, in->rd);
      load_elem(t, RAX, 1u << in->a, velem(in->rn, 1u << in->a, in->b));
      store_elem(t, velem(in->rd, 1u << in->a, (u32)in->imm), RAX, 1u << in->a);
      vmem_wrote(t, in->rd);
      return true;
    case OP_dup_gen:
    case OP_dup_elem:
      if (in->b != 16 && in->b != 8) return false;
      if (op == OP_dup_gen) {
        tr_src_into(t, in->rn, RAX, false);
      } else {
        vmem_read(t, in->rn);
        load_elem(t, RAX, 1u << in->a, velem(in->rn, 1u << in->a, (u32)in->imm));
      }
      if (!broadcast(t, RAX, in->a)) return false;
      vput(t, in->rd, XMM0, in->b);
      return true;
    case OP_movi_vec: /* the immediate in the low half, and the high half unless 8 bytes */
      if (in->b != 16 && in->b != 8) return false;
      x_mov_ri(E, RAX, in->imm);
      x_op_rr(E, 0x66, SSE_MOVD_LOAD, true, XMM0, RAX, false);
      if (in->b == 16) x_sse_rr(E, 0x66, 0x0f6c, XMM0, XMM0); /* PUNPCKLQDQ */
      vput(t, in->rd, XMM0, 16);
      return true;
    case OP_bic_vec: /* rn AND NOT rm: PANDN complements its destination */
      if (in->b != 16 && in->b != 8) return false;
      vget(t, XMM0, in->rm);
      vop(t, 0x66, 0x0fdf, XMM0, in->rn);
      vput(t, in->rd, XMM0, in->b);
      return true;
    case OP_mul_vec: return emit_mul_acc(t, in, 0, false);
    case OP_mla_vec: return emit_mul_acc(t, in, 1, false);
    case OP_mls_vec: return emit_mul_acc(t, in, -1, false);
    case OP_mul_elem: return emit_mul_acc(t, in, 0, true);
    case OP_mla_elem: return emit_mul_acc(t, in, 1, true);
    case OP_mls_elem: return emit_mul_acc(t, in, -1, true);
    case OP_ushll_vec: return emit_widen(t, in, false);
    case OP_sshll_vec: return emit_widen(t, in, true);
    case OP_shl_vec: return emit_shift_imm(t, in, 6);
    case OP_ushr_vec: return emit_shift_imm(t, in, 2);
    case OP_sshr_vec: return emit_shift_imm(t, in, 4);
    default:
      return emit_binop(t, in);
  }
}
