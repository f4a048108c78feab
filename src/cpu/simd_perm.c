/* Advanced SIMD moves and permutes: the copy group (DUP, INS, UMOV, SMOV),
   modified immediate (MOVI, MVNI, ORR, BIC, FMOV), EXT, TBL/TBX,
   ZIP/UZP/TRN, and from the two-register miscellaneous group REV16/32/64
   and XTN. None of them computes on element values; they only move
   elements, so everything about the encoding is settled at decode time. */
#include "cpu/simd.h"

/* DUP (element): every element of Vd is Vn[imm]. */
OP_HANDLER(dup_elem) {
  vreg r, n = cpu->v[in->rn];
  u32 index = (u32)in->imm;
  SIMD_LANES(in->a, ALL_LANES, LANE(r, i) = LANE(n, index));
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

/* DUP (general): every element of Vd is the low bits of Xn. */
OP_HANDLER(dup_gen) {
  vreg r;
  u64 x = cpu->x[in->rn];
  SIMD_LANES(in->a, ALL_LANES, LANE(r, i) = (uN)x);
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

/* INS (general): Vd[imm] = Xn; the other elements are kept. */
OP_HANDLER(ins_gen) {
  lane_set(&cpu->v[in->rd], in->a, (u32)in->imm, cpu->x[in->rn]);
  return NEXT;
}

/* INS (element): Vd[imm] = Vn[b]. */
OP_HANDLER(ins_elem) {
  u64 x = lane_u(&cpu->v[in->rn], in->a, in->b);
  lane_set(&cpu->v[in->rd], in->a, (u32)in->imm, x);
  return NEXT;
}

OP_HANDLER(umov_vec) {
  cpu->x[in->rd] = lane_u(&cpu->v[in->rn], in->a, (u32)in->imm);
  return NEXT;
}

/* SMOV: b = 4 sign-extends into Wd (and zero-extends Wd into Xd). */
OP_HANDLER(smov_vec) {
  i64 x = lane_s(&cpu->v[in->rn], in->a, (u32)in->imm);
  cpu->x[in->rd] = in->b == 4 ? (u32)x : (u64)x;
  return NEXT;
}

/* MOVI, MVNI, FMOV (vector, immediate): imm is the 64-bit pattern that
   AdvSIMDExpandImm() produced, already inverted for MVNI. */
OP_HANDLER(movi_vec) {
  vreg r = {.d = {in->imm, in->imm}};
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(orr_vec_imm) {
  vreg r = cpu->v[in->rd];
  r.d[0] |= in->imm;
  r.d[1] |= in->imm;
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(bic_vec_imm) {
  vreg r = cpu->v[in->rd];
  r.d[0] &= ~in->imm;
  r.d[1] &= ~in->imm;
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

/* EXT: bytes imm .. imm+b-1 of the pair Vm:Vn, each b bytes long. */
OP_HANDLER(ext_vec) {
  vreg r, n = cpu->v[in->rn], m = cpu->v[in->rm];
  u32 len = in->b;
  for (u32 j = 0; j < len; j++) {
    u32 k = j + (u32)in->imm;
    r.b[j] = k < len ? n.b[k] : m.b[k - len];
  }
  vec_write(cpu, in->rd, r, len);
  return NEXT;
}

/* TBL and TBX: a = number of table registers (Vn, Vn+1, ... modulo 32).
   An out-of-range index gives 0 (TBL) or keeps the byte of Vd (TBX). */
static const struct insn *table_lookup(struct cpu *cpu, const struct insn *in,
                                       bool keep) {
  u8 table[64];
  vreg r = cpu->v[in->rd], idx = cpu->v[in->rm];
  u32 size = 16 * in->a;
  for (u32 t = 0; t < in->a; t++)
    __builtin_memcpy(table + 16 * t, &cpu->v[(in->rn + t) % 32], 16);
  for (u32 j = 0; j < in->b; j++) {
    if (idx.b[j] < size) r.b[j] = table[idx.b[j]];
    else if (!keep) r.b[j] = 0;
  }
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(tbl_vec) { return table_lookup(cpu, in, false); }
OP_HANDLER(tbx_vec) { return table_lookup(cpu, in, true); }

/* ZIP1/ZIP2, UZP1/UZP2, TRN1/TRN2: imm = 0 for the "1" form, 1 for "2".
   With e elements per operand, the pair Vm:Vn is a 2e-element sequence. */
OP_HANDLER(zip_vec) {
  vreg r, n = cpu->v[in->rn], m = cpu->v[in->rm];
  u32 e = in->b >> in->a, base = (u32)in->imm * e / 2;
  SIMD_LANES(in->a, e, u32 j = base + i / 2;
             LANE(r, i) = i & 1 ? LANE(m, j) : LANE(n, j));
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(uzp_vec) {
  vreg r, n = cpu->v[in->rn], m = cpu->v[in->rm];
  u32 e = in->b >> in->a, part = (u32)in->imm;
  SIMD_LANES(in->a, e, u32 j = 2 * i + part;
             LANE(r, i) = j < e ? LANE(n, j) : LANE(m, j - e));
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

OP_HANDLER(trn_vec) {
  vreg r, n = cpu->v[in->rn], m = cpu->v[in->rm];
  u32 e = in->b >> in->a, part = (u32)in->imm;
  SIMD_LANES(in->a, e, u32 j = (i & ~1u) + part;
             LANE(r, i) = i & 1 ? LANE(m, j) : LANE(n, j));
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

/* REV16, REV32, REV64: reversing the elements inside each container maps
   byte j to byte j ^ imm, with imm = container bytes - element bytes. */
OP_HANDLER(rev_vec) {
  vreg r, n = cpu->v[in->rn];
  for (u32 j = 0; j < 16; j++) r.b[j] = n.b[j ^ in->imm];
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

/* XTN, XTN2 (narrowing; see simd.h). */
OP_HANDLER(xtn_vec) {
  vreg r = cpu->v[in->rd], n = cpu->v[in->rn];
  u32 first = narrow_first(in);
  SIMD_WIDE_LANES(in->a, narrow_count(in), LANE(r, first + i) = (uN)WIDE(n, i));
  vec_write(cpu, in->rd, r, in->b);
  return NEXT;
}

/* Q op 01110000 imm5 0 imm4 1 Rn Rd (vector); 01 op 11110000 ... (scalar).
   The element size is the position of the lowest set bit of imm5, and the
   bits above it are the index. */
bool decode_simd_copy(u32 w, bool scalar, struct insn *out) {
  u32 q = bit(w, 30), op = bit(w, 29), imm5 = bits(w, 20, 16), imm4 = bits(w, 14, 11);
  if ((imm5 & 0xf) == 0) return false;
  u32 size = (u32)__builtin_ctz(imm5), index = imm5 >> (size + 1);
  out->a = size;
  out->imm = index;
  out->b = q ? 16 : 8;
  if (scalar) { /* DUP (element), scalar: alias MOV */
    if (op || imm4 != 0) return false;
    out->op = OP_dup_elem;
    out->rd = bits(w, 4, 0);
    out->rn = bits(w, 9, 5);
    out->b = 1 << size;
    return true;
  }
  if (op) { /* INS (element) */
    if (!q) return false;
    out->op = OP_ins_elem;
    out->rd = bits(w, 4, 0);
    out->rn = bits(w, 9, 5);
    out->b = imm4 >> size;
    return true;
  }
  switch (imm4) {
    case 0: /* DUP (element) */
      if (size == 3 && !q) return false;
      out->op = OP_dup_elem;
      out->rd = bits(w, 4, 0);
      out->rn = bits(w, 9, 5);
      return true;
    case 1: /* DUP (general) */
      if (size == 3 && !q) return false;
      out->op = OP_dup_gen;
      out->rd = bits(w, 4, 0);
      out->rn = reg_src(bits(w, 9, 5));
      return true;
    case 3: /* INS (general) */
      if (!q) return false;
      out->op = OP_ins_gen;
      out->rd = bits(w, 4, 0);
      out->rn = reg_src(bits(w, 9, 5));
      return true;
    case 5: /* SMOV: to Wd from B or H, to Xd from B, H or S */
      if (size >= 2 + q) return false;
      out->op = OP_smov_vec;
      out->rd = reg_dst(bits(w, 4, 0));
      out->rn = bits(w, 9, 5);
      out->b = q ? 8 : 4;
      return true;
    case 7: /* UMOV: to Wd from B, H or S, to Xd from D only */
      if (q ? size != 3 : size == 3) return false;
      out->op = OP_umov_vec;
      out->rd = reg_dst(bits(w, 4, 0));
      out->rn = bits(w, 9, 5);
      return true;
    default:
      return false;
  }
}

/* Arm ARM AdvSIMDExpandImm(), for the encodings the decoder accepts. */
static u64 expand_imm(u32 op, u32 cmode, u64 imm8) {
  switch (cmode >> 1) {
    case 0: return imm8 * 0x0000000100000001ull;
    case 1: return (imm8 << 8) * 0x0000000100000001ull;
    case 2: return (imm8 << 16) * 0x0000000100000001ull;
    case 3: return (imm8 << 24) * 0x0000000100000001ull;
    case 4: return imm8 * 0x0001000100010001ull;
    case 5: return (imm8 << 8) * 0x0001000100010001ull;
    case 6: /* "shifting ones": MSL #8 or #16 */
      return (cmode & 1 ? imm8 << 16 | 0xffff : imm8 << 8 | 0xff) * 0x0000000100000001ull;
  }
  if (!(cmode & 1) && !op) return imm8 * 0x0101010101010101ull;
  if (!(cmode & 1)) { /* each bit of imm8 becomes a byte of ones or zeros */
    u64 r = 0;
    for (u32 i = 0; i < 8; i++)
      if (imm8 >> i & 1) r |= 0xffull << (8 * i);
    return r;
  }
  /* FMOV: VFPExpandImm(); a = imm8<7>, b = imm8<6>, cdefgh = imm8<5:0>. */
  u64 a = imm8 >> 7, b = imm8 >> 6 & 1, cdefgh = imm8 & 0x3f;
  if (!op) {
    u64 f32 = a << 31 | (b ^ 1) << 30 | (b ? 0x1full << 25 : 0) | cdefgh << 19;
    return f32 * 0x0000000100000001ull;
  }
  return a << 63 | (b ^ 1) << 62 | (b ? 0xffull << 54 : 0) | cdefgh << 48;
}

/* 0 Q op 0111100000 abc cmode o2 1 defgh Rd. */
bool decode_simd_modified_imm(u32 w, struct insn *out) {
  u32 q = bit(w, 30), op = bit(w, 29), cmode = bits(w, 15, 12);
  u64 imm8 = bits(w, 18, 16) << 5 | bits(w, 9, 5);
  /* o2 = 1 is only FMOV (vector, immediate) of half-precision: FEAT_FP16. */
  if (bit(w, 11)) return false;
  if (cmode == 0xf && op && !q) return false;
  u64 imm = expand_imm(op, cmode, imm8);
  bool logical = cmode < 0xc && (cmode & 1); /* 0xx1, 10x1: ORR, BIC */
  out->rd = bits(w, 4, 0);
  out->b = q ? 16 : 8;
  out->imm = imm;
  if (logical) {
    out->op = op ? OP_bic_vec_imm : OP_orr_vec_imm;
  } else {
    out->op = OP_movi_vec;
    if (op && cmode < 0xe) out->imm = ~imm; /* MVNI */
  }
  return true;
}

/* 0 Q 001110 size 0 Rm 0 opcode 10 Rn Rd. */
bool decode_simd_permute(u32 w, struct insn *out) {
  static const u16 kOps[8] = {0, OP_uzp_vec, OP_trn_vec, OP_zip_vec,
                              0, OP_uzp_vec, OP_trn_vec, OP_zip_vec};
  u32 q = bit(w, 30), size = bits(w, 23, 22), opcode = bits(w, 14, 12);
  if (!kOps[opcode] || (size == 3 && !q)) return false;
  out->op = kOps[opcode];
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  out->rm = bits(w, 20, 16);
  out->a = size;
  out->b = q ? 16 : 8;
  out->imm = opcode >> 2;
  return true;
}

/* 0 Q 101110 op2 0 Rm 0 imm4 0 Rn Rd. */
bool decode_simd_extract(u32 w, struct insn *out) {
  u32 q = bit(w, 30), imm4 = bits(w, 14, 11);
  if (bits(w, 23, 22) != 0 || (!q && imm4 >= 8)) return false;
  out->op = OP_ext_vec;
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  out->rm = bits(w, 20, 16);
  out->b = q ? 16 : 8;
  out->imm = imm4;
  return true;
}

/* 0 Q 001110 op2 0 Rm 0 len op 00 Rn Rd. */
bool decode_simd_table(u32 w, struct insn *out) {
  if (bits(w, 23, 22) != 0) return false;
  out->op = bit(w, 12) ? OP_tbx_vec : OP_tbl_vec;
  out->rd = bits(w, 4, 0);
  out->rn = bits(w, 9, 5);
  out->rm = bits(w, 20, 16);
  out->a = bits(w, 14, 13) + 1;
  out->b = bit(w, 30) ? 16 : 8;
  return true;
}
