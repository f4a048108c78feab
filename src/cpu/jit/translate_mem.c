/* The translator's loads and stores of general registers: the checked
   address (tr_address, also used by translate_vec.c for SIMD&FP accesses),
   the access itself on the guest's registers, the base's writeback, and
   the slow path that runs the interpreter's handler when the check fails.
   docs/jit.md, "Memory access". */
#include "cpu/insn.h"
#include "cpu/jit/jit.h"
#include "cpu/jit/tr.h"
#include "cpu/ldst.h"
#include "mem/guest.h"

enum mem_kind { K_LOAD, K_LOAD_S32, K_LOAD_S64, K_STORE, K_LOADP, K_LOADP_S64, K_STOREP };

struct mem_form {
  u8 size;  /* bytes per register */
  u8 kind;  /* enum mem_kind */
  u8 mode;  /* enum mem_mode */
};

static bool mem_form_of(u32 op, struct mem_form *f) {
#define FORM(o, sz, k, m) case OP_##o: *f = (struct mem_form){sz, k, m}; return true;
#define IMM_MODES(name, sz, k) FORM(name##_off, sz, k, M_OFF) FORM(name##_pre, sz, k, M_PRE) \
  FORM(name##_post, sz, k, M_POST)
#define ALL_MODES(name, sz, k) IMM_MODES(name, sz, k) FORM(name##_reg, sz, k, M_REG)
  switch (op) {
    ALL_MODES(ldrb, 1, K_LOAD) ALL_MODES(ldrh, 2, K_LOAD)
    ALL_MODES(ldr_w, 4, K_LOAD) ALL_MODES(ldr_x, 8, K_LOAD)
    ALL_MODES(ldrsb_w, 1, K_LOAD_S32) ALL_MODES(ldrsb_x, 1, K_LOAD_S64)
    ALL_MODES(ldrsh_w, 2, K_LOAD_S32) ALL_MODES(ldrsh_x, 2, K_LOAD_S64)
    ALL_MODES(ldrsw, 4, K_LOAD_S64)
    ALL_MODES(strb, 1, K_STORE) ALL_MODES(strh, 2, K_STORE)
    ALL_MODES(str_w, 4, K_STORE) ALL_MODES(str_x, 8, K_STORE)
    FORM(ldr_w_lit, 4, K_LOAD, M_LIT) FORM(ldr_x_lit, 8, K_LOAD, M_LIT)
    FORM(ldrsw_lit, 4, K_LOAD_S64, M_LIT)
    IMM_MODES(ldp_w, 4, K_LOADP) IMM_MODES(ldp_x, 8, K_LOADP) IMM_MODES(ldpsw, 4, K_LOADP_S64)
    IMM_MODES(stp_w, 4, K_STOREP) IMM_MODES(stp_x, 8, K_STOREP)
    default: return false;
  }
#undef ALL_MODES
#undef IMM_MODES
#undef FORM
}

/* One access of size bytes at `at` + disp into dst (loads) or from src. */
static void load_to(struct tr *t, int dstr, u32 size, enum mem_kind kind, struct xmem at,
                    i32 disp) {
  struct xmem m = xmem_plus(at, disp);
  bool sx64 = kind == K_LOAD_S64 || kind == K_LOADP_S64, sx32 = kind == K_LOAD_S32;
  switch (size) {
    case 1: x_load_ext(E, sx64 || sx32 ? 0x0fbe : 0x0fb6, sx64, dstr, m); break;
    case 2: x_load_ext(E, sx64 || sx32 ? 0x0fbf : 0x0fb7, sx64, dstr, m); break;
    case 4:
      if (sx64) x_load_ext(E, 0x63, true, dstr, m);
      else x_load(E, false, dstr, m);
      break;
    default: x_load(E, true, dstr, m); break;
  }
}

static void store_from(struct tr *t, int srcr, u32 size, struct xmem at, i32 disp) {
  struct xmem m = xmem_plus(at, disp);
  switch (size) {
    case 1: x_store8(E, m, srcr); break;
    case 2: x_store16(E, m, srcr); break;
    case 4: x_store(E, false, m, srcr); break;
    default: x_store(E, true, m, srcr); break;
  }
}

/* --jit-verify: appends {address, size, the bytes about to be overwritten}
   to the log at cpu->jit_vlog (struct jit_store_log), reading exactly the
   bytes the store writes. The address is in rax; uses rcx and rdx. */
void tr_log_store(struct tr *t, u32 size, u32 count) {
  x_load(E, true, RCX, CPU_FIELD(jit_vlog));
  x_store(E, true, XMEM(RCX, offsetof(struct jit_store_log, addr)), RAX);
  x_mov_ri(E, RDX, size * count);
  x_store(E, false, XMEM(RCX, offsetof(struct jit_store_log, size)), RDX);
  for (u32 k = 0; k < count; k++) {
    i32 at = (i32)(offsetof(struct jit_store_log, old) + k * size);
    load_to(t, RDX, size, K_LOAD, XMEM(RAX, 0), (i32)(k * size));
    switch (size) {
      case 1: x_store8(E, XMEM(RCX, at), RDX); break;
      case 2: x_store16(E, XMEM(RCX, at), RDX); break;
      default: x_store(E, size == 8, XMEM(RCX, at), RDX); break;
    }
  }
  x_alu_mi(E, ALU_ADD, true, CPU_FIELD(jit_vlog), (i32)sizeof(struct jit_store_log));
}

/* How far past a checked address an access may reach unchecked: the guard
   above the window (mem/window.c) is as large, and so is the distance from
   0 to the window's start. */
#define CHECK_REACH ((i64)GUEST_GUARD)

static i32 min_i32(i32 a, i32 b) { return a < b ? a : b; }
static i32 max_i32(i32 a, i32 b) { return a > b ? a : b; }

/* The entry of set for key's registers: its index, or -1. */
static int checked_find(const struct checked_set *set, const struct checked *key) {
  for (u32 k = 0; k < set->n; k++) {
    const struct checked *c = &set->c[k];
    if (c->rn == key->rn && c->rm == key->rm && c->ext == key->ext && c->shift == key->shift)
      return (int)k;
  }
  return -1;
}

static void checked_add(struct checked_set *set, struct checked c) {
  int k = checked_find(set, &c);
  if (k >= 0) { /* both checked: so is every address between them */
    struct checked *old = &set->c[k];
    old->lo = min_i32(old->lo, c.lo);
    old->hi = max_i32(old->hi, c.hi);
  } else {
    set->c[set->n < MAX_CHECKED ? set->n++ : MAX_CHECKED - 1] = c;
  }
}

void tr_checked_forget(struct checked_set *set, u32 s) {
  for (u32 k = 0; k < set->n;) {
    if (set->c[k].rn == s || set->c[k].rm == s) set->c[k] = set->c[--set->n];
    else k++;
  }
}

void tr_checked_meet(struct checked_set *set, const struct checked_set *other) {
  for (u32 k = 0; k < set->n;) {
    struct checked *c = &set->c[k];
    int at = checked_find(other, c);
    const struct checked *o = at >= 0 ? &other->c[at] : NULL;
    if (o && max_i32(c->lo, o->lo) <= min_i32(c->hi, o->hi)) {
      c->lo = max_i32(c->lo, o->lo);
      c->hi = min_i32(c->hi, o->hi);
      k++;
    } else {
      *c = set->c[--set->n];
    }
  }
}

/* Whether the access of `total` bytes by instruction `in` in addressing
   mode `mode` needs no check of its own: an earlier one through the same
   registers checked an address near it. If it needs one and lies within
   CHECK_REACH of its registers' address (the base, plus the index in the
   register-offset mode), *near is set and the address that the check
   tests, `tested` bytes from theirs, joins the set. An unchecked access
   that meets what the check would have caught (a tagged base, an address
   past the window's end) faults on the host, and the fault handler has
   the interpreter run it again. */
static bool needs_no_check(struct tr *t, const struct insn *in, u32 mode, u32 total, i64 tested,
                           bool *near) {
  *near = false;
  if (mode == M_LIT || in->rn >= REG_ZR) return false;
  struct checked key = {(u8)in->rn, REG_ZR, 0, 0, 0, 0};
  i64 lo = mode == M_OFF || mode == M_PRE ? (i64)in->imm : 0;
  if (mode == M_REG && in->rm < REG_ZR) key = (struct checked){(u8)in->rn, (u8)in->rm, (u8)in->a,
                                                               (u8)in->b, 0, 0};
  i64 hi = lo + total - 1;
  if (lo < -CHECK_REACH || hi > CHECK_REACH) return false;
  int k = checked_find(&t->checked, &key);
  const struct checked *c = k >= 0 ? &t->checked.c[k] : NULL;
  if (c && lo >= c->lo - CHECK_REACH && hi <= c->hi + CHECK_REACH) {
    t->unchecked[t->cur] = 1;
    return true;
  }
  key.lo = key.hi = (i32)tested;
  checked_add(&t->checked, key);
  *near = true;
  return false;
}

/* The check: no bit of the address in r is set that only addresses
   outside the window have (a tag, or past its end). One byte is tested:
   the rest of the access reaches at most into the guard above the
   window's end, where it faults and the fault handler has the interpreter
   run the instruction again, as for an access with no check at all. */
static u8 *check_address(struct tr *t, int r) {
  x_test_rm(E, true, r, CPU_FIELD(window_mask));
  return x_jcc(E, CC_NE);
}

u8 *tr_address(struct tr *t, const struct insn *in, u32 mode, u32 total, bool *ok,
                struct xmem *at) {
  *ok = true;
  if (at) *at = XMEM(RAX, 0);
  tr_flags_use(t, FLAGS_FAULT); /* it may fault */
#ifdef GUEST_HOLE
  /* Sanitizer builds carve a hole out of the window that the one-compare
     check below does not see: every access goes through the handler. */
  *ok = false;
  return NULL;
#endif
  if (mode != M_LIT && mode != M_REG && (i64)in->imm != (i32)in->imm) return *ok = false, NULL;
  /* Where the caller takes the operand, the access addresses the guest
     registers directly and only the check computes the address: in the
     offset and post-index modes (unless a load overwrites the base before
     the writeback reads it), and by a cached index shifted. The log of
     --jit-verify wants the address in rax. */
  struct xmem direct = {-1, -1, 0, 0};
  bool overlap = in->rd == in->rn || in->ra == in->rn; /* ra: a pair's second register */
  bool may = at && !g_jit.verify && (i64)in->imm + total == (i32)((i64)in->imm + total);
  if (may && (mode == M_OFF || (mode == M_POST && !overlap))) {
    direct = XMEM(tr_src(t, in->rn, RAX), mode == M_OFF ? (i32)in->imm : 0);
  } else if (may && mode == M_REG && in->a == INDEX_LSL && in->b <= 3 && in->rm < REG_ZR &&
             t->host_of[in->rm] >= 0) {
    tr_note_read(t, in->rm);
    direct = (struct xmem){(i8)tr_src(t, in->rn, RAX), t->host_of[in->rm], in->b, 0};
  } else if (may && mode == M_REG && in->b <= 3 && in->rm < REG_ZR && in->rn < REG_ZR &&
             t->host_of[in->rn] >= 0) {
    /* The index, extended, in rax (free: the base is cached), then the same */
    if (in->a == INDEX_SXTW) x_ext_rr(E, 0x63, true, RAX, tr_src(t, in->rm, RAX));
    else tr_src_into(t, in->rm, RAX, in->a == INDEX_UXTW);
    direct = (struct xmem){(i8)tr_src(t, in->rn, RAX), RAX, in->b, 0};
  }
  bool near;
  if (direct.base >= 0) {
    *at = direct;
    if (needs_no_check(t, in, mode, total, 0, &near)) return NULL;
    if (near && direct.index < 0) return check_address(t, direct.base);
    x_lea(E, RCX, direct); /* the access's start: base plus index, or plus imm */
    return check_address(t, RCX);
  }
  switch (mode) {
    case M_OFF:
    case M_PRE:
      x_lea(E, RAX, XMEM(tr_src(t, in->rn, RAX), (i32)in->imm));
      break;
    case M_POST:
      tr_src_into(t, in->rn, RAX, false);
      break;
    case M_REG: {
      int base = tr_src(t, in->rn, RAX), index;
      if (in->b > 3) return *ok = false, NULL; /* a Q register's scale: no x86 form */
      if (in->a == INDEX_LSL) {
        index = tr_src(t, in->rm, RCX);
      } else {
        index = RCX;
        int r = tr_src(t, in->rm, RCX);
        if (in->a == INDEX_UXTW) x_mov_rr(E, false, RCX, r);
        else x_ext_rr(E, 0x63, true, RCX, r);
      }
      x_lea(E, RAX, (struct xmem){(i8)base, (i8)index, in->b, 0});
      break;
    }
    default: /* M_LIT: known at translation time */
      if (!guest_range_ok(in->imm, total)) return *ok = false, NULL;
      x_mov_ri(E, RAX, in->imm);
      return NULL;
  }
  i64 start = mode == M_OFF || mode == M_PRE ? (i64)in->imm : 0; /* rax, from the registers */
  if (needs_no_check(t, in, mode, total, start, &near)) return NULL;
  return check_address(t, RAX);
}

void tr_writeback(struct tr *t, const struct insn *in, u32 mode, struct xmem at) {
  if (mode != M_PRE && mode != M_POST) return;
  /* The base moves by imm: what was checked through it alone stays
     checked, relative to it. */
  struct checked key = {(u8)in->rn, REG_ZR, 0, 0, 0, 0};
  int k = checked_find(&t->checked, &key);
  bool checked = k >= 0; /* the entry goes with the write below */
  i64 lo = checked ? t->checked.c[k].lo - (i64)in->imm : 0;
  i64 hi = checked ? t->checked.c[k].hi - (i64)in->imm : 0;
  if (mode == M_PRE) {
    tr_dst(t, in->rn, RAX);
  } else if (mode == M_POST) { /* at is [base] */
    int r = in->rn < REG_ZR && t->host_of[in->rn] >= 0 ? t->host_of[in->rn] : RAX;
    x_lea(E, r, xmem_plus(at, (i32)in->imm));
    tr_dst(t, in->rn, r);
  }
  if (checked && lo >= INT32_MIN && hi <= INT32_MAX) {
    key.lo = (i32)lo;
    key.hi = (i32)hi;
    checked_add(&t->checked, key);
  }
}

void tr_slow_path(struct tr *t, u32 i, u8 *at, u64 written_before) {
  u8 *sites[2] = {at, NULL};
  tr_slow_paths(t, i, sites, written_before);
}

void tr_slow_paths(struct tr *t, u32 i, u8 *const *at, u64 written_before) {
  t->flags_use[i] |= FLAGS_FAULT;
  if (!at[0]) return;
  struct slow_ref *s = &t->slows[t->nslows++];
  *s = (struct slow_ref){{NULL}, E->p, i, written_before, t->vwritten};
  for (int k = 0; k < 4 && at[k]; k++) s->at[k] = at[k];
}

bool tr_is_mem(u32 op) {
  struct mem_form f;
  return mem_form_of(op, &f);
}

bool tr_emit_mem(struct tr *t, u32 i) {
  const struct insn *in = t->ins[i];
  struct mem_form f;
  mem_form_of(in->op, &f);
  bool pair = f.kind >= K_LOADP, ok;
  u64 written_before = t->written;
  struct xmem at;
  u8 *slow_at = tr_address(t, in, f.mode, pair ? 2u * f.size : f.size, &ok, &at);
  if (!ok) return false;
  switch (f.kind) {
    case K_LOAD: case K_LOAD_S32: case K_LOAD_S64: {
      /* Straight into rd's cache register: a faulting load writes nothing. */
      int r = in->rd < REG_ZR && t->host_of[in->rd] >= 0 ? t->host_of[in->rd] : RDX;
      load_to(t, r, f.size, f.kind, at, 0);
      tr_dst(t, in->rd, r);
      break;
    }
    case K_LOADP: case K_LOADP_S64:
      load_to(t, RDX, f.size, f.kind, at, 0);
      load_to(t, RCX, f.size, f.kind, at, (i32)f.size);
      tr_dst(t, in->ra, RCX);
      tr_dst(t, in->rd, RDX);
      break;
    case K_STORE:
      if (g_jit.verify) tr_log_store(t, f.size, 1);
      store_from(t, tr_src(t, in->rd, RDX), f.size, at, 0);
      break;
    default: /* K_STOREP */
      if (g_jit.verify) tr_log_store(t, f.size, 2);
      store_from(t, tr_src(t, in->rd, RDX), f.size, at, 0);
      store_from(t, tr_src(t, in->ra, RCX), f.size, at, (i32)f.size);
      break;
  }
  tr_writeback(t, in, f.mode, at);
  tr_slow_path(t, i, slow_at, written_before);
  /* Without a check (and a log) the access is moves and a LEA: the host
     flags of a compare before it stay for a consumer after it. */
  t->keeps_flags = !slow_at && !g_jit.verify;
  return true;
}
