/* Test-case generation.

   A case is a short sequence of instructions drawn from the enabled forms
   (by class weight, then uniformly within the class) plus the state they
   start from. Most of the state is random, biased by values.c; what is not
   is the registers that form memory addresses. Every load or store gets a
   base (and index) register of its own that no earlier instruction of the
   case has written, so its value at that point is the initial value, which
   the generator then chooses to put the access inside the data window:
   base = address - offset. SP serves as a base only while 16-byte aligned,
   as Linux's SP alignment checking demands. Loads, writeback and
   everything else may then scribble on any register. */
#include "gen.h"

#include <stdio.h>
#include <string.h>

#include "quirks.h"
#include "rng.h"
#include "values.h"

#define SP 31

struct case_ctx {
  struct rng *rng;
  u32 slot, nslots;
  u32 k;               /* index of the instruction being generated */
  u8 palette[6];       /* registers favoured, so that operands overlap */
  bool dirty[32];      /* X0-X30, SP: written earlier in the case */
  bool pinned[32];     /*   initial value fixed by a memory operand */
  u64 value[32];       /*   that value */
  u64 eas[ISA_MAX_INSNS];
  u32 neas;
  bool excl_reserved;  /* a load-exclusive reserved excl_ea..+excl_size */
  bool excl_tainted;   /*   and memory was written since */
  u64 excl_ea;
  u32 excl_size;
};

/* What an instruction's addressing does, decoded from its word. */
struct access {
  u32 size;   /* bytes touched at the address */
  u32 align;  /* the address must be a multiple of this */
  i64 offset; /* address = base + offset (0 for post-index) */
  bool roff;  /* address = base + (Extend(index, option) << shift) */
  u32 option, shift;
  bool writeback;
};

bool gen_has_feature(const char *features, const char *feature) {
  if (!feature[0]) return true;
  size_t len = strlen(feature);
  for (const char *p = features; (p = strstr(p, feature)); p += len)
    if ((p == features || p[-1] == ' ') && (p[len] == ' ' || !p[len])) return true;
  return false;
}

bool gen_form_enabled(const struct form *f, const char *features) {
  return f->cls != CLS_NEVER && gen_has_feature(features, f->feature);
}

/* --- Field drawing -------------------------------------------------------- */

static u32 pick_reg(void *p, enum role role) {
  struct case_ctx *c = p;
  if (role == ROLE_BASE || role == ROLE_INDEX) return 0; /* set by plan_memory() */
  if (rng_chance(c->rng, 60)) return c->palette[rng_below(c->rng, 6)];
  return rng_below(c->rng, 32);
}

/* Immediates: the edges (all zeros, all ones) often, else uniform. */
static u64 random_imm(void *p, u32 width) {
  struct case_ctx *c = p;
  u32 k = rng_below(c->rng, 100);
  if (k < 8) return 0;
  if (k < 16) return ~0ull;
  return rng_bits(c->rng, width);
}

static u32 set_field(u32 w, const struct field *f, u32 v) {
  u32 mask = ((1u << f->width) - 1) << f->lo;
  return (w & ~mask) | (v << f->lo & mask);
}

static const struct field *field_of(const struct form *f, enum role role) {
  for (u32 i = 0; i < f->nfields; i++)
    if (f->fields[i].role == role) return &f->fields[i];
  return NULL;
}

/* --- Addressing ------------------------------------------------------------ */

static i64 sext(u64 v, int width) { return (i64)(v << (64 - width)) >> (64 - width); }

/* Access size of the single-register loads and stores: size, or 16 bytes
   for the SIMD&FP Q form (V = 1, opc<1> = 1). */
static u32 ldst_scale(u32 w) { return bit_of(w, 26) && bit_of(w, 23) ? 4 : bits_of(w, 31, 30); }

static u32 pair_scale(u32 w) {
  u32 opc = bits_of(w, 31, 30);
  return bit_of(w, 26) ? 2 + opc : opc == 2 ? 3 : 2;
}

static u32 literal_size(u32 w) {
  u32 opc = bits_of(w, 31, 30);
  if (bit_of(w, 26)) return 4u << opc;
  return opc == 1 ? 8 : opc == 3 ? 1 : 4; /* opc 3: PRFM, no access */
}

/* LD1-LD4/ST1-ST4 (multiple structures): registers times elements. */
static u32 multiple_size(u32 w) {
  static const u8 kRegs[16] = {[0] = 4, [2] = 4, [4] = 3, [6] = 3, [7] = 1, [8] = 2, [10] = 2};
  return kRegs[bits_of(w, 15, 12)] * (bit_of(w, 30) ? 16u : 8u);
}

/* LD1-LD4/ST1-ST4 (single structure) and LD1R-LD4R. */
static u32 single_size(u32 w) {
  u32 opcode = bits_of(w, 15, 13), size = bits_of(w, 11, 10);
  u32 selem = ((opcode & 1) << 1 | bit_of(w, 21)) + 1;
  u32 scale = opcode >> 1;
  if (scale == 3) scale = size;
  else if (scale == 2 && (size & 1)) scale = 3;
  return selem << scale;
}

static struct access decode_access(const struct form *f, u32 w) {
  struct access a = {.align = 1};
  switch (f->mem) {
    case MEM_UIMM:
      a.size = 1u << ldst_scale(w);
      a.offset = (i64)bits_of(w, 21, 10) << ldst_scale(w);
      break;
    case MEM_IMM9:
    case MEM_PRE9:
    case MEM_POST9:
      a.size = 1u << ldst_scale(w);
      a.offset = f->mem == MEM_POST9 ? 0 : sext(bits_of(w, 20, 12), 9);
      a.writeback = f->mem != MEM_IMM9;
      break;
    case MEM_ROFF:
      a.size = 1u << ldst_scale(w);
      a.roff = true;
      a.option = bits_of(w, 15, 13);
      a.shift = bit_of(w, 12) ? ldst_scale(w) : 0;
      break;
    case MEM_LIT: /* PC-relative: plan_memory() retargets it */
      a.size = literal_size(w);
      break;
    case MEM_PAIR: {
      u32 idx = bits_of(w, 24, 23);
      a.size = 2u << pair_scale(w);
      a.offset = idx == 1 ? 0 : sext(bits_of(w, 21, 15), 7) << pair_scale(w);
      a.writeback = idx == 1 || idx == 3;
      break;
    }
    case MEM_MULT:
    case MEM_MULT_POST:
      a.size = multiple_size(w);
      a.writeback = f->mem == MEM_MULT_POST;
      break;
    case MEM_ONE:
    case MEM_ONE_POST:
      a.size = single_size(w);
      a.writeback = f->mem == MEM_ONE_POST;
      break;
    case MEM_EXCL:
      a.size = a.align = 1u << bits_of(w, 31, 30);
      break;
    case MEM_EXCL_PAIR:
      a.size = a.align = 8u << bit_of(w, 30);
      break;
    case MEM_RCPC9:
      a.size = a.align = 1u << bits_of(w, 31, 30);
      a.offset = sext(bits_of(w, 20, 12), 9);
      break;
  }
  return a;
}

/* Arm ARM ExtendReg() for the register-offset forms. */
static u64 extend_index(u64 v, u32 option) {
  switch (option) {
    case 2: return (u32)v;             /* UXTW */
    case 6: return (u64)(i64)(i32)v;   /* SXTW */
    default: return v;                 /* LSL (UXTX), SXTX */
  }
}

static u64 index_value(struct case_ctx *c) {
  if (rng_chance(c->rng, 50)) return (u64)(i64)((i32)rng_below(c->rng, 129) - 64);
  return value_gp(c->rng);
}

/* An unused register: not written earlier, not already an address. */
static int fresh_reg(struct case_ctx *c, bool allow_sp, int avoid) {
  if (allow_sp && !c->dirty[SP] && !c->pinned[SP] && rng_chance(c->rng, 20)) return SP;
  u32 cand[31], n = 0;
  for (int r = 0; r < 31; r++)
    if (!c->dirty[r] && !c->pinned[r] && r != avoid) cand[n++] = (u32)r;
  return n ? (int)cand[rng_below(c->rng, n)] : -1;
}

/* An address in the window for size bytes: often one used before in the
   case (a load after a store to the same place), often naturally aligned. */
static u64 pick_address(struct case_ctx *c, u32 size, u32 align) {
  u64 lo = ISA_MEM_ADDR, hi = ISA_MEM_ADDR + ISA_MEM_SIZE - size;
  u64 ea;
  if (c->neas && rng_chance(c->rng, 30)) {
    ea = c->eas[rng_below(c->rng, c->neas)];
    if (ea > hi) ea = hi;
  } else {
    ea = lo + rng_below(c->rng, (u32)(hi - lo + 1));
  }
  u32 natural = 1;
  while (natural < size && natural < 16) natural <<= 1;
  if (rng_chance(c->rng, 50) && natural > align) align = natural;
  return ea & ~(u64)(align - 1);
}

/* PC-relative literal: retarget the offset into the code region. */
static u32 retarget_literal(struct case_ctx *c, u32 w) {
  u64 pc = isa_insn_pc(c->slot, c->k);
  u64 lo = ISA_CODE_BASE, hi = ISA_CODE_BASE + (u64)c->nslots * ISA_SLOT - 16;
  if (pc > lo + (1u << 20)) lo = pc - (1u << 20);
  if (pc + (1u << 20) - 4 < hi) hi = pc + (1u << 20) - 4;
  u64 target = lo + 4ull * rng_below(c->rng, (u32)((hi - lo) / 4 + 1));
  u32 imm19 = (u32)((target - pc) >> 2) & 0x7ffff;
  return (w & ~(0x7ffffu << 5)) | imm19 << 5;
}

/* Where a memory instruction will point: its base and index registers and
   their initial values, and the access that results. */
struct plan {
  int base, index; /* index -1: none; 31: XZR or the immediate form */
  u64 base_val, index_val, ea;
  struct access a;
};

/* Chooses base and index registers and their values so that the access
   lands in the window (at forced_ea when non-zero). */
static bool plan_memory(struct case_ctx *c, const struct form *f, u32 *word, u64 forced_ea,
                        struct plan *p) {
  u32 w = *word;
  memset(p, 0, sizeof *p);
  p->base = p->index = -1;
  if (f->mem == MEM_LIT) {
    if (literal_size(w) > 1 || bit_of(w, 26)) *word = retarget_literal(c, w);
    return !f->valid || f->valid(*word);
  }
  const struct field *base_field = field_of(f, ROLE_BASE), *index_field = field_of(f, ROLE_INDEX);
  if ((p->base = fresh_reg(c, true, -1)) < 0) return false;
  w = set_field(w, base_field, (u32)p->base);
  if (index_field) {
    bool post = f->mem == MEM_MULT_POST || f->mem == MEM_ONE_POST;
    if (rng_chance(c->rng, post ? 40 : 15)) p->index = 31; /* XZR, or the immediate form */
    else if ((p->index = fresh_reg(c, false, p->base)) < 0) return false;
    w = set_field(w, index_field, (u32)p->index);
  }
  if (f->valid && !f->valid(w)) return false;

  p->a = decode_access(f, w);
  p->index_val = p->index >= 0 && p->index != 31 ? index_value(c) : 0;
  bool found = false;
  for (int tries = 0; tries < 20 && !found; tries++) {
    p->ea = forced_ea ? forced_ea : pick_address(c, p->a.size, p->a.align);
    p->base_val = p->a.roff ? p->ea - (extend_index(p->index_val, p->a.option) << p->a.shift)
                            : p->ea - (u64)p->a.offset;
    if (p->base == SP) { /* keep SP 16-byte aligned: move the address instead */
      u64 slack = p->base_val & 15;
      if (forced_ea && slack) continue;
      p->ea -= slack;
      p->base_val -= slack;
      if (p->ea < ISA_MEM_ADDR || p->ea % p->a.align) continue;
    }
    found = true;
  }
  if (!found) return false;
  if (p->base != SP && rng_chance(c->rng, 10)) /* a tag in the top byte (TBI) */
    p->base_val += (u64)(1 + rng_below(c->rng, 255)) << 56;
  *word = w;
  return true;
}

static void commit_memory(struct case_ctx *c, const struct plan *p) {
  if (p->base < 0) return;
  c->pinned[p->base] = true;
  c->value[p->base] = p->base_val;
  if (p->index >= 0 && p->index != 31) {
    c->pinned[p->index] = true;
    c->value[p->index] = p->index_val;
  }
  if (p->a.writeback) c->dirty[p->base] = true;
  if (c->neas < ISA_MAX_INSNS) c->eas[c->neas++] = p->ea;
}

/* --- The exclusive monitor -------------------------------------------------- */

/* Load- and store-exclusive (size 001000 o2=0 L o1, o1=1 only for pairs). */
enum excl_role { EXCL_NONE, EXCL_LOAD, EXCL_STORE };

static enum excl_role excl_role(const struct form *f, u32 w) {
  if (f->mem != MEM_EXCL && f->mem != MEM_EXCL_PAIR) return EXCL_NONE;
  if (bits_of(w, 29, 24) != 8 || bit_of(w, 23) || (bit_of(w, 21) && !bit_of(w, 31))) return EXCL_NONE;
  return bit_of(w, 22) ? EXCL_LOAD : EXCL_STORE;
}

/* Does the instruction write memory (stores, atomics, CAS)? */
static bool writes_memory(const struct form *f, u32 w) {
  switch (f->mem) {
    case MEM_NONE:
    case MEM_LIT: return false;
    case MEM_UIMM:
    case MEM_IMM9:
    case MEM_PRE9:
    case MEM_POST9:
    case MEM_ROFF: return bit_of(w, 26) ? !bit_of(w, 22) : bits_of(w, 23, 22) == 0;
    case MEM_RCPC9: return bits_of(w, 23, 22) == 0;
    case MEM_EXCL:
    case MEM_EXCL_PAIR:
      if (bits_of(w, 29, 27) == 7) return !(bit_of(w, 15) && bits_of(w, 14, 12) == 4); /* LSE; LDAPR */
      return !bit_of(w, 22) || (bit_of(w, 21) && (bit_of(w, 23) || !bit_of(w, 31))); /* CAS, CASP */
    default: return !bit_of(w, 22); /* pairs and structures: L */
  }
}

/* The Arm ARM leaves a store-exclusive's outcome CONSTRAINED UNPREDICTABLE
   when it does not match the open reservation in address and size, and
   IMPLEMENTATION DEFINED after other stores by the same PE (which may or may
   not clear the local monitor). Only well-defined pairs are generated: a
   store-exclusive either finds no reservation (the monitor in its Open
   Access state: it fails), or matches the last load-exclusive with no
   store in between. */
static bool excl_allowed(const struct case_ctx *c, const struct form *f, u32 w, const struct plan *p) {
  if (excl_role(f, w) != EXCL_STORE || !c->excl_reserved) return true;
  return !c->excl_tainted && p->ea == c->excl_ea && p->a.size == c->excl_size;
}

static void excl_update(struct case_ctx *c, const struct form *f, u32 w, const struct plan *p) {
  switch (excl_role(f, w)) {
    case EXCL_LOAD:
      c->excl_reserved = true;
      c->excl_tainted = false;
      c->excl_ea = p->ea;
      c->excl_size = p->a.size;
      break;
    case EXCL_STORE: c->excl_reserved = false; break;
    default:
      if (writes_memory(f, w)) c->excl_tainted = true;
  }
}

/* Records which registers the instruction may write. Every general
   register field a load or store names counts (transfer registers, status
   registers, CASP's pairs), which errs on the safe side. */
static void mark_written(struct case_ctx *c, const struct form *f, u32 w) {
  for (u32 i = 0; i < f->nfields; i++) {
    const struct field *fd = &f->fields[i];
    u32 r = bits_of(w, fd->lo + fd->width - 1, fd->lo);
    if (fd->role == ROLE_SP_W) c->dirty[r] = true;
    if (fd->role != ROLE_GP_W || r == 31) continue;
    c->dirty[r] = true;
    if (f->mem == MEM_EXCL_PAIR && r < 30) c->dirty[r + 1] = true;
  }
}

/* --- Cases ----------------------------------------------------------------- */

struct pool {
  u32 forms[CLS_COUNT][512];
  u32 nforms[CLS_COUNT];
  u32 total_weight;
  int store_excl, store_excl_pair; /* forms that complete LDXR and LDXP */
};

static void build_pool(const struct gen_config *cfg, struct pool *p) {
  memset(p, 0, sizeof *p);
  p->store_excl = p->store_excl_pair = -1;
  for (u32 i = 0; i < g_nforms; i++) {
    const struct form *f = &g_forms[i];
    if (!gen_form_enabled(f, cfg->features)) continue;
    if (cfg->only_class >= 0 && f->cls != cfg->only_class) continue;
    if (p->nforms[f->cls] < 512) p->forms[f->cls][p->nforms[f->cls]++] = i;
    if (!strncmp(f->names, "stxr|", 5)) p->store_excl = (int)i;
    if (!strncmp(f->names, "stxp|", 5)) p->store_excl_pair = (int)i;
  }
  for (int cls = 0; cls < CLS_COUNT; cls++)
    if (p->nforms[cls]) p->total_weight += g_class_weights[cls];
}

static u32 pick_form(struct case_ctx *c, const struct pool *p) {
  u32 t = rng_below(c->rng, p->total_weight);
  for (int cls = 0; cls < CLS_COUNT; cls++) {
    if (!p->nforms[cls]) continue;
    if (t < g_class_weights[cls]) return p->forms[cls][rng_below(c->rng, p->nforms[cls])];
    t -= g_class_weights[cls];
  }
  return p->forms[0][0]; /* not reached */
}

/* One instruction of form fi (size field equal to want_size if >= 0),
   or false if the form's constraints could not be met here. */
static bool draw_insn(struct case_ctx *c, u32 fi, u64 forced_ea, int want_size, u32 *out) {
  const struct form *f = &g_forms[fi];
  for (int tries = 0; tries < 64; tries++) {
    u32 w = form_draw(f, pick_reg, c, random_imm);
    if (want_size >= 0) w = (w & ~(3u << 30)) | (u32)want_size << 30;
    struct plan p = {.base = -1, .index = -1};
    if (f->mem == MEM_NONE ? f->valid && !f->valid(w) : !plan_memory(c, f, &w, forced_ea, &p)) continue;
    if (!excl_allowed(c, f, w, &p)) continue;
    commit_memory(c, &p);
    excl_update(c, f, w, &p);
    mark_written(c, f, w);
    *out = w;
    return true;
  }
  return false;
}

static void fill_state(struct case_ctx *c, struct isa_state *s) {
  struct rng *r = c->rng;
  for (int i = 0; i < 31; i++) s->x[i] = c->pinned[i] ? c->value[i] : value_gp(r);
  s->sp = c->pinned[SP] ? c->value[SP] : rng_chance(r, 70) ? value_gp(r) & ~15ull : value_gp(r);
  s->nzcv = rng_bits(r, 4) << 28;
  s->fpcr = value_fpcr(r);
  s->fpsr = value_fpsr(r);
  for (int i = 0; i < 32; i++) value_vector(r, s->v[i]);
  for (int i = 0; i < ISA_MEM_SIZE; i += 16) value_vector(r, s->mem + i);
}

static void start_case(struct case_ctx *c, struct rng *r, u32 slot, u32 nslots) {
  memset(c, 0, sizeof *c);
  c->rng = r;
  c->slot = slot;
  c->nslots = nslots;
  for (int i = 0; i < 6; i++) c->palette[i] = (u8)(rng_chance(r, 15) ? 31 : rng_below(r, 31));
}

/* *pending carries the form of an instruction that must run alone over to
   the next case, so that such instructions keep their share. */
static void gen_case(struct rng *r, const struct pool *p, const struct gen_config *cfg, u32 slot,
                     int *pending, struct isa_case *out) {
  struct case_ctx c;
  start_case(&c, r, slot, cfg->nslots);
  u32 len = cfg->max_len == 1 || rng_chance(r, 25) ? 1 : 2 + rng_below(r, cfg->max_len - 1);
  memset(out, 0, sizeof *out);
  out->slot = slot;
  while (out->ninsns < len) {
    c.k = out->ninsns;
    u32 fi = *pending >= 0 ? (u32)*pending : pick_form(&c, p), w;
    *pending = -1;
    if (!draw_insn(&c, fi, 0, -1, &w)) continue;
    /* An instruction qemu gets wrong runs alone, so that the Arm ARM
       reference (quirks.c) sees exactly its inputs. */
    bool alone = quirk_of(w) != NULL;
    if (alone && out->ninsns) {
      *pending = (int)fi;
      break;
    }
    out->form[out->ninsns] = (u16)fi;
    out->insn[out->ninsns++] = w;
    if (alone) break;
    /* Follow a load-exclusive with its store-exclusive most of the time,
       to the same address, so that both outcomes of the pair are seen. */
    const struct form *f = &g_forms[fi];
    int store = f->mem == MEM_EXCL ? p->store_excl : p->store_excl_pair;
    if (excl_role(f, w) != EXCL_LOAD || store < 0 || out->ninsns >= len || !rng_chance(r, 60)) continue;
    c.k = out->ninsns;
    u32 sw;
    int size = f->mem == MEM_EXCL ? (int)bits_of(w, 31, 30) : (int)(2 | bit_of(w, 30));
    if (!draw_insn(&c, (u32)store, c.eas[c.neas - 1], size, &sw)) continue;
    out->form[out->ninsns] = (u16)store;
    out->insn[out->ninsns++] = sw;
  }
  fill_state(&c, &out->in);
}

u32 gen_cases(const struct gen_config *cfg, struct isa_case *cases) {
  static struct pool p;
  build_pool(cfg, &p);
  if (!p.total_weight) {
    fprintf(stderr, "isatool: no instruction form is enabled\n");
    return 0;
  }
  struct rng r;
  rng_seed(&r, cfg->seed);
  int pending = -1;
  u64 made = 0;
  u32 n = 0;
  while (n < cfg->nslots && (!cfg->insns || made < cfg->insns)) {
    gen_case(&r, &p, cfg, n, &pending, &cases[n]);
    made += cases[n++].ninsns;
  }
  return n;
}

void gen_single(u64 seed, u32 slot, u32 w, u16 form, struct isa_case *out) {
  struct rng r;
  struct case_ctx c;
  rng_seed(&r, seed);
  start_case(&c, &r, slot, slot + 1);
  memset(out, 0, sizeof *out);
  out->slot = slot;
  out->ninsns = 1;
  out->insn[0] = w;
  out->form[0] = form;
  fill_state(&c, &out->in);
}
