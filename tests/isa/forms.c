/* The encoding forms, grouped as the Arm ARM's A64 encoding index groups
   them (C4.1). Patterns read most significant bit first; see forms.h for
   the field names. The predicates reject what the Arm ARM calls
   unallocated or CONSTRAINED UNPREDICTABLE for otherwise valid field
   values, so that every word drawn has one architected meaning. `isatool
   selftest` checks each form against aarch64-linux-gnu-objdump, the ground
   truth for encodings. */
#include "forms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const g_class_names[CLS_COUNT] = {
#define CLASS_NAME(id, name, weight) name,
    ISA_CLASSES(CLASS_NAME)
#undef CLASS_NAME
};

const u32 g_class_weights[CLS_COUNT] = {
#define CLASS_WEIGHT(id, name, weight) weight,
    ISA_CLASSES(CLASS_WEIGHT)
#undef CLASS_WEIGHT
};

/* --- Field helpers for the predicates --------------------------------- */

#define W(hi, lo) bits_of(w, hi, lo)
#define B(n) bit_of(w, n)
#define RT W(4, 0)
#define RN W(9, 5)
#define RM W(20, 16)
#define RT2 W(14, 10)
#define SIZE W(23, 22) /* AdvSIMD element size */
#define Q B(30)

/* DecodeBitMasks(): the immediate is reserved when N:NOT(imms) has no set
   bit, when the element would be all ones, or N is set in a 32-bit form. */
static bool logic_imm_ok(u32 w) {
  u32 n = B(22), imms = W(15, 10);
  if (!B(31) && n) return false;
  u32 combined = n << 6 | (~imms & 0x3f);
  if (!combined) return false;
  int len = 31 - __builtin_clz(combined);
  if (len < 1) return false;
  u32 levels = (1u << len) - 1;
  return (imms & levels) != levels;
}
static bool movw_ok(u32 w) { return W(30, 29) != 1 && (B(31) || !B(22)); }
static bool bitfield_ok(u32 w) {
  return W(30, 29) != 3 && B(22) == B(31) && (B(31) || (!B(21) && !B(15)));
}
static bool extract_ok(u32 w) { return B(22) == B(31) && (B(31) || !B(15)); }
static bool shift_ok(u32 w) { return B(31) || !B(15); }
static bool addsub_shift_ok(u32 w) { return W(23, 22) != 3 && shift_ok(w); }
static bool addsub_ext_ok(u32 w) { return W(12, 10) <= 4; }
static bool rev_ok(u32 w) { return B(31) || W(11, 10) != 3; }
static bool crc_w_ok(u32 w) { return W(11, 10) != 3; }

/* Loads and stores. size:opc = 10:11 and 11:11 are unallocated; 11:10 is
   PRFM where there is no writeback, unallocated where there is. */
static bool ls_gp_ok(u32 w) { return !(W(23, 22) == 3 && W(31, 30) >= 2); }
static bool ls_gp_noprfm_ok(u32 w) { return ls_gp_ok(w) && !(W(31, 30) == 3 && B(23)); }
/* Writeback with Rt == Rn (Rn not SP) is CONSTRAINED UNPREDICTABLE. */
static bool ls_gp_wb_ok(u32 w) { return ls_gp_noprfm_ok(w) && (RN == 31 || RN != RT); }
static bool roff_option_ok(u32 w) { return B(14); }
static bool ls_gp_roff_ok(u32 w) { return ls_gp_ok(w) && roff_option_ok(w); }
static bool ls_fp_ok(u32 w) { return !B(23) || W(31, 30) == 0; }
static bool ls_fp_roff_ok(u32 w) { return ls_fp_ok(w) && roff_option_ok(w); }
static bool lit_fp_ok(u32 w) { return W(31, 30) != 3; }
/* LDP/STP: opc 11 is unallocated and opc 01 is LDPSW (loads with an index
   mode only; the stores are STGP, MTE). Loading one register twice, or
   writing back into a transfer register, is CONSTRAINED UNPREDICTABLE. */
static bool pair_gp_ok(u32 w) {
  u32 opc = W(31, 30), idx = W(24, 23), load = B(22);
  if (opc == 3 || (opc == 1 && (!load || idx == 0))) return false;
  if (load && RT == RT2) return false;
  bool wb = idx == 1 || idx == 3;
  return !wb || RN == 31 || (RN != RT && RN != RT2);
}
static bool pair_fp_ok(u32 w) { return W(31, 30) != 3 && !(B(22) && RT == RT2); }
/* LD/ST multiple structures: the opcodes of LD1-LD4; 64-bit elements in a
   64-bit vector only for LD1/ST1. */
static bool struct_mult_ok(u32 w) {
  u32 opcode = W(15, 12);
  if (opcode != 0 && opcode != 2 && opcode != 4 && opcode != 6 && opcode != 7 && opcode != 8 &&
      opcode != 10)
    return false;
  return !(W(11, 10) == 3 && !Q && (opcode == 0 || opcode == 4 || opcode == 8));
}
/* LD/ST single structure: the element size comes from opcode<2:1> and size,
   and LDnR (opcode 11x) has no store form. */
static bool struct_one_ok(u32 w) {
  u32 opcode = W(15, 13), s = B(12), size = W(11, 10);
  switch (opcode >> 1) {
    case 0: return true;
    case 1: return !(size & 1);
    case 2: return size == 0 || (size == 1 && !s);
    default: return B(22) && !s;
  }
}
/* Store-exclusive: the status register may not be a transfer register, nor
   the base unless the base is SP. */
static bool stxr_ok(u32 w) { return RM != RT && (RM != RN || RN == 31); }
static bool stxp_ok(u32 w) { return stxr_ok(w) && RM != RT2; }
static bool ldxp_ok(u32 w) { return RT != RT2; }
static bool casp_ok(u32 w) { return !(RM & 1) && !(RT & 1); }

/* Scalar floating point (ftype 10 is unallocated, 11 is half precision). */
static bool fcvt_ok(u32 w) {
  u32 ftype = W(23, 22), opc = W(16, 15);
  return ftype != 2 && opc != 2 && opc != ftype;
}
static bool frint_ok(u32 w) { return W(17, 15) != 5; }
static bool fp2_ok(u32 w) { return W(15, 12) <= 8; }
/* FCVT{N,P,M,Z,A}{S,U} to a general register: rmode 00 holds N and A. */
static bool fcvt_int_ok(u32 w) {
  u32 opcode = W(18, 16);
  return opcode <= 1 || ((opcode == 4 || opcode == 5) && W(20, 19) == 0);
}
static bool fixed_ok(u32 w) { return B(31) || B(15); }

/* Advanced SIMD element sizes. */
static bool v_no_d(u32 w) { return SIZE != 3; }
static bool v_q_if_d(u32 w) { return SIZE != 3 || Q; }
static bool v_b(u32 w) { return SIZE == 0; }
static bool v_bh(u32 w) { return SIZE <= 1; }
static bool v_hs(u32 w) { return SIZE == 1 || SIZE == 2; }
static bool v_s(u32 w) { return SIZE == 2; }
static bool v_fp(u32 w) { return !B(22) || Q; } /* 2D needs Q */
static bool v_fp_s(u32 w) { return !B(22); }
static bool across_ok(u32 w) { return SIZE != 3 && !(SIZE == 2 && !Q); }
static bool v_fcma(u32 w) { return SIZE != 0 && v_q_if_d(w); }
/* DUP, INS, UMOV, SMOV: imm5's lowest set bit gives the element size. */
static int imm5_size(u32 w) { return W(19, 16) ? __builtin_ctz(W(19, 16)) : -1; }
static bool dup_ok(u32 w) { return imm5_size(w) >= 0 && (imm5_size(w) < 3 || Q); }
static bool smov_ok(u32 w) { return imm5_size(w) >= 0 && imm5_size(w) < (Q ? 3 : 2); }
static bool umov_ok(u32 w) { return imm5_size(w) >= 0 && (Q ? imm5_size(w) == 3 : imm5_size(w) < 3); }
static bool ins_ok(u32 w) { return imm5_size(w) >= 0; }
static bool modimm_ok(u32 w) { return !(B(29) && W(15, 12) == 15 && !Q); }
/* Shifts by immediate: immh selects the element size; 64-bit elements
   need Q, narrowing forms have none, FP fixed-point ones need S or D. */
static bool sh_ok(u32 w) { return W(22, 19) != 0 && (!B(22) || Q); }
static bool sh_narrow_ok(u32 w) { return W(22, 19) != 0 && !B(22); }
static bool sh_fp_ok(u32 w) { return W(22, 21) != 0 && (!B(22) || Q); }
static bool sh_d(u32 w) { return B(22); }
static bool sh_any(u32 w) { return W(22, 19) != 0; }
static bool sh_fp_scalar_ok(u32 w) { return W(22, 21) != 0; }
/* By element: a 64-bit FP element has index H only and needs Q. */
static bool elem_fp_ok(u32 w) { return !B(22) || (!B(21) && Q); }
static bool elem_fp_scalar_ok(u32 w) { return !B(22) || !B(21); }
/* FCMLA (by element) indexes pairs: H:L of 4H needs H clear. */
static bool elem_fcma_ok(u32 w) { return (SIZE == 1 && (Q || !B(11))) || (SIZE == 2 && !B(21) && Q); }
static bool ext_ok(u32 w) { return Q || !B(14); }
/* SHA256H/H2/SU1 and SHA512H/H2/SU1 take opcodes 0-2 of their field. */
static bool op_not_3(u32 w) { return W(13, 12) != 3 && W(11, 10) != 3; }

/* SIGILL candidates: MTE's STG family and STGP have no "no index" form
   there, and an extended-register shift above 4 is reserved. */
static bool idx_ok(u32 w) { return W(11, 10) != 0; }
static bool stgp_ok(u32 w) { return W(24, 23) != 0; }
static bool ext_big_ok(u32 w) { return W(11, 10) != 0; }

/* --- The table ---------------------------------------------------------- */

#define M(class_, names_, feature_, pattern_, valid_, mem_)                                   \
  {.names = names_, .cls = CLS_##class_, .feature = feature_, .pattern = pattern_, .valid = valid_, \
   .mem = mem_}
#define F(class_, names_, feature_, pattern_, valid_) \
  M(class_, names_, feature_, pattern_, valid_, MEM_NONE)

/* AdvSIMD shorthands: three same, three different, two-register misc,
   across lanes, shift by immediate and by element, vector and scalar. */
#define V3(cls, n, f, u, opc, p) F(cls, n, f, "0 Q:1 " u " 01110 size:2 1 Vm:5 " opc " 1 Vn:5 Vd:5", p)
#define V3F(cls, n, f, u, a, opc) \
  F(cls, n, f, "0 Q:1 " u " 01110 " a " sz:1 1 Vm:5 " opc " 1 Vn:5 Vd:5", v_fp)
#define VD(cls, n, f, u, opc, p) F(cls, n, f, "0 Q:1 " u " 01110 size:2 1 Vm:5 " opc " 00 Vn:5 Vd:5", p)
#define V2(cls, n, f, u, opc, p) F(cls, n, f, "0 Q:1 " u " 01110 size:2 10000 " opc " 10 Vn:5 Vd:5", p)
#define V2F(cls, n, f, u, a, opc, p) \
  F(cls, n, f, "0 Q:1 " u " 01110 " a " sz:1 10000 " opc " 10 Vn:5 Vd:5", p)
#define VA(n, u, opc) \
  F(SIMD_ACROSS, n, "asimd", "0 Q:1 " u " 01110 size:2 11000 " opc " 10 Vn:5 Vd:5", across_ok)
#define VSH(cls, n, f, u, opc, p) F(cls, n, f, "0 Q:1 " u " 011110 immh:4 immb:3 " opc " 1 Vn:5 Vd:5", p)
#define VE(cls, n, f, u, opc, p) \
  F(cls, n, f, "0 Q:1 " u " 01111 size:2 L:1 Vm:5 " opc " H:1 0 Vn:5 Vd:5", p)
#define VEF(n, u, opc) \
  F(SIMD_ELEM_FP, n, "asimd", "0 Q:1 " u " 01111 1 sz:1 L:1 Vm:5 " opc " H:1 0 Vn:5 Vd:5", elem_fp_ok)
#define S3(n, u, size, opc, p) \
  F(SIMD_SCALAR_INT, n, "asimd", "01 " u " 11110 " size " 1 Vm:5 " opc " 1 Vn:5 Vd:5", p)
#define S3F(n, u, a, opc) \
  F(SIMD_SCALAR_FP, n, "asimd", "01 " u " 11110 " a " sz:1 1 Vm:5 " opc " 1 Vn:5 Vd:5", NULL)
#define S2(n, u, size, opc, p) \
  F(SIMD_SCALAR_INT, n, "asimd", "01 " u " 11110 " size " 10000 " opc " 10 Vn:5 Vd:5", p)
#define S2F(n, u, a, opc) \
  F(SIMD_SCALAR_FP, n, "asimd", "01 " u " 11110 " a " sz:1 10000 " opc " 10 Vn:5 Vd:5", NULL)
#define SSH(cls, n, f, u, opc, p) F(cls, n, f, "01 " u " 111110 immh:4 immb:3 " opc " 1 Vn:5 Vd:5", p)
#define SE(cls, n, f, u, opc, p) \
  F(cls, n, f, "01 " u " 11111 size:2 L:1 Vm:5 " opc " H:1 0 Vn:5 Vd:5", p)
/* Half-precision AdvSIMD: three same, two-register misc, scalar twins. */
#define H3(n, u, a, opc) \
  F(FP16_SIMD, n, "asimdhp", "0 Q:1 " u " 01110 " a " 10 Vm:5 00 " opc " 1 Vn:5 Vd:5", NULL)
#define H2(n, u, a, opc) \
  F(FP16_SIMD, n, "asimdhp", "0 Q:1 " u " 01110 " a " 1111 00 " opc " 10 Vn:5 Vd:5", NULL)
#define HS3(n, u, a, opc) \
  F(FP16_SIMD, n, "asimdhp", "01 " u " 11110 " a " 10 Vm:5 00 " opc " 1 Vn:5 Vd:5", NULL)
#define HS2(n, u, a, opc) \
  F(FP16_SIMD, n, "asimdhp", "01 " u " 11110 " a " 1111 00 " opc " 10 Vn:5 Vd:5", NULL)

struct form g_forms[] = {
    /* Data processing, immediate (C4.1.86). */
    F(DP_PCREL, "adr", "", "0 immlo:2 10000 immhi:19 Rd:5", NULL),
    F(DP_PCREL, "adrp", "", "1 immlo:2 10000 immhi:19 Rd:5", NULL),
    F(DP_ADDSUB_IMM, "add|sub|mov", "", "sf:1 op:1 0 100010 sh:1 imm12:12 Rnsp:5 Rdsp:5", NULL),
    F(DP_ADDSUB_IMM, "adds|subs|cmn|cmp", "", "sf:1 op:1 1 100010 sh:1 imm12:12 Rnsp:5 Rd:5", NULL),
    F(DP_LOGIC_IMM, "and|orr|mov", "", "sf:1 0 opc:1 100100 N:1 immr:6 imms:6 Rn:5 Rdsp:5", logic_imm_ok),
    F(DP_LOGIC_IMM, "eor", "", "sf:1 10 100100 N:1 immr:6 imms:6 Rn:5 Rdsp:5", logic_imm_ok),
    F(DP_LOGIC_IMM, "ands|tst", "", "sf:1 11 100100 N:1 immr:6 imms:6 Rn:5 Rd:5", logic_imm_ok),
    F(DP_MOVW, "movn|movz|movk|mov", "", "sf:1 opc:2 100101 hw:2 imm16:16 Rd:5", movw_ok),
    F(DP_BITFIELD, "sbfm|asr|sbfiz|sbfx|sxtb|sxth|sxtw|bfm|bfi|bfxil|bfc|ubfm|lsl|lsr|ubfiz|ubfx|uxtb|uxth",
      "", "sf:1 opc:2 100110 N:1 immr:6 imms:6 Rn:5 Rd:5", bitfield_ok),
    F(DP_EXTRACT, "extr|ror", "", "sf:1 00 100111 N:1 0 Rm:5 imms:6 Rn:5 Rd:5", extract_ok),

    /* Data processing, register (C4.1.88). */
    F(DP_LOGIC_REG, "and|bic|orr|orn|eor|eon|ands|bics|mov|mvn|tst", "",
      "sf:1 opc:2 01010 shift:2 N:1 Rm:5 imm6:6 Rn:5 Rd:5", shift_ok),
    F(DP_ADDSUB_REG, "add|adds|sub|subs|cmn|cmp|neg|negs", "",
      "sf:1 op:1 S:1 01011 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5", addsub_shift_ok),
    F(DP_ADDSUB_EXT, "add|sub|mov", "", "sf:1 op:1 0 01011 00 1 Rm:5 option:3 imm3:3 Rnsp:5 Rdsp:5",
      addsub_ext_ok),
    F(DP_ADDSUB_EXT, "adds|subs|cmn|cmp", "", "sf:1 op:1 1 01011 00 1 Rm:5 option:3 imm3:3 Rnsp:5 Rd:5",
      addsub_ext_ok),
    F(DP_ADC, "adc|adcs|sbc|sbcs|ngc|ngcs", "", "sf:1 op:1 S:1 11010000 Rm:5 000000 Rn:5 Rd:5", NULL),
    F(DP_CCMP, "ccmn|ccmp", "", "sf:1 op:1 1 11010010 Rm:5 cond:4 0 0 Rn:5 0 nzcv:4", NULL),
    F(DP_CCMP, "ccmn|ccmp", "", "sf:1 op:1 1 11010010 imm5:5 cond:4 1 0 Rn:5 0 nzcv:4", NULL),
    F(DP_CSEL, "csel|csinc|csinv|csneg|cset|csetm|cinc|cinv|cneg", "",
      "sf:1 op:1 0 11010100 Rm:5 cond:4 0 o2:1 Rn:5 Rd:5", NULL),
    F(DP_1SRC, "rbit|rev16|rev32|rev", "", "sf:1 1 0 11010110 00000 0000 opc:2 Rn:5 Rd:5", rev_ok),
    F(DP_1SRC, "clz|cls", "", "sf:1 1 0 11010110 00000 00010 op:1 Rn:5 Rd:5", NULL),
    F(DP_2SRC, "udiv|sdiv", "", "sf:1 0 0 11010110 Rm:5 00001 o1:1 Rn:5 Rd:5", NULL),
    F(DP_2SRC, "lsl|lsr|asr|ror", "", "sf:1 0 0 11010110 Rm:5 0010 op2:2 Rn:5 Rd:5", NULL),
    F(DP_CRC, "crc32b|crc32h|crc32w|crc32cb|crc32ch|crc32cw", "crc32",
      "0 0 0 11010110 Rm:5 010 C:1 sz:2 Rn:5 Rd:5", crc_w_ok),
    F(DP_CRC, "crc32x|crc32cx", "crc32", "1 0 0 11010110 Rm:5 010 C:1 11 Rn:5 Rd:5", NULL),
    F(DP_3SRC, "madd|msub|mul|mneg", "", "sf:1 00 11011 000 Rm:5 o0:1 Ra:5 Rn:5 Rd:5", NULL),
    F(DP_3SRC, "smaddl|smsubl|umaddl|umsubl|smull|smnegl|umull|umnegl", "",
      "1 00 11011 U:1 01 Rm:5 o0:1 Ra:5 Rn:5 Rd:5", NULL),
    F(DP_3SRC, "smulh|umulh", "", "1 00 11011 U:1 10 Rm:5 0 11111 Rn:5 Rd:5", NULL),

    /* Loads and stores, general registers (C4.1.87). */
    M(LS_GP, "strb|ldrb|ldrsb|strh|ldrh|ldrsh|str|ldr|ldrsw|prfm", "",
      "size:2 111 0 01 opc:2 imm12:12 Rb:5 Rt:5", ls_gp_ok, MEM_UIMM),
    M(LS_GP, "sturb|ldurb|ldursb|sturh|ldurh|ldursh|stur|ldur|ldursw|prfum", "",
      "size:2 111 0 00 opc:2 0 imm9:9 00 Rb:5 Rt:5", ls_gp_ok, MEM_IMM9),
    M(LS_GP, "sttrb|ldtrb|ldtrsb|sttrh|ldtrh|ldtrsh|sttr|ldtr|ldtrsw", "",
      "size:2 111 0 00 opc:2 0 imm9:9 10 Rb:5 Rt:5", ls_gp_noprfm_ok, MEM_IMM9),
    M(LS_GP, "strb|ldrb|ldrsb|strh|ldrh|ldrsh|str|ldr|ldrsw", "",
      "size:2 111 0 00 opc:2 0 imm9:9 01 Rb:5 Rt:5", ls_gp_wb_ok, MEM_POST9),
    M(LS_GP, "strb|ldrb|ldrsb|strh|ldrh|ldrsh|str|ldr|ldrsw", "",
      "size:2 111 0 00 opc:2 0 imm9:9 11 Rb:5 Rt:5", ls_gp_wb_ok, MEM_PRE9),
    M(LS_GP, "strb|ldrb|ldrsb|strh|ldrh|ldrsh|str|ldr|ldrsw|prfm", "",
      "size:2 111 0 00 opc:2 1 Ri:5 option:3 S:1 10 Rb:5 Rt:5", ls_gp_roff_ok, MEM_ROFF),
    M(LS_LIT, "ldr|ldrsw|prfm", "", "opc:2 011 0 00 imm19:19 Rt:5", NULL, MEM_LIT),
    M(LS_PAIR, "stp|ldp|stnp|ldnp|ldpsw", "", "opc:2 101 0 0 idx:2 L:1 imm7:7 Rt2:5 Rb:5 Rt:5",
      pair_gp_ok, MEM_PAIR),

    /* Loads and stores, SIMD&FP registers. */
    M(LS_FP, "str|ldr", "fp", "size:2 111 1 01 opc:2 imm12:12 Rb:5 Vt:5", ls_fp_ok, MEM_UIMM),
    M(LS_FP, "stur|ldur", "fp", "size:2 111 1 00 opc:2 0 imm9:9 00 Rb:5 Vt:5", ls_fp_ok, MEM_IMM9),
    M(LS_FP, "str|ldr", "fp", "size:2 111 1 00 opc:2 0 imm9:9 01 Rb:5 Vt:5", ls_fp_ok, MEM_POST9),
    M(LS_FP, "str|ldr", "fp", "size:2 111 1 00 opc:2 0 imm9:9 11 Rb:5 Vt:5", ls_fp_ok, MEM_PRE9),
    M(LS_FP, "str|ldr", "fp", "size:2 111 1 00 opc:2 1 Ri:5 option:3 S:1 10 Rb:5 Vt:5", ls_fp_roff_ok,
      MEM_ROFF),
    M(LS_FP, "ldr", "fp", "opc:2 011 1 00 imm19:19 Vt:5", lit_fp_ok, MEM_LIT),
    M(LS_FP_PAIR, "stp|ldp|stnp|ldnp", "fp", "opc:2 101 1 0 idx:2 L:1 imm7:7 Vt2:5 Rb:5 Vt:5", pair_fp_ok,
      MEM_PAIR),
    M(LS_STRUCT, "ld1|ld2|ld3|ld4|st1|st2|st3|st4", "asimd",
      "0 Q:1 0011000 L:1 000000 opcode:4 size:2 Rb:5 Vt:5", struct_mult_ok, MEM_MULT),
    M(LS_STRUCT, "ld1|ld2|ld3|ld4|st1|st2|st3|st4", "asimd",
      "0 Q:1 0011001 L:1 0 Ri:5 opcode:4 size:2 Rb:5 Vt:5", struct_mult_ok, MEM_MULT_POST),
    M(LS_STRUCT, "ld1|ld2|ld3|ld4|st1|st2|st3|st4|ld1r|ld2r|ld3r|ld4r", "asimd",
      "0 Q:1 0011010 L:1 R:1 00000 opcode:3 S:1 size:2 Rb:5 Vt:5", struct_one_ok, MEM_ONE),
    M(LS_STRUCT, "ld1|ld2|ld3|ld4|st1|st2|st3|st4|ld1r|ld2r|ld3r|ld4r", "asimd",
      "0 Q:1 0011011 L:1 R:1 Ri:5 opcode:3 S:1 size:2 Rb:5 Vt:5", struct_one_ok, MEM_ONE_POST),

    /* Exclusives, load-acquire/store-release, compare-and-swap. */
    M(LS_EXCL, "stxr|stlxr|stxrb|stlxrb|stxrh|stlxrh", "", "size:2 001000 0 0 0 Rs:5 o0:1 11111 Rb:5 Rt:5",
      stxr_ok, MEM_EXCL),
    M(LS_EXCL, "ldxr|ldaxr|ldxrb|ldaxrb|ldxrh|ldaxrh", "", "size:2 001000 0 1 0 11111 o0:1 11111 Rb:5 Rt:5",
      NULL, MEM_EXCL),
    M(LS_EXCL, "stxp|stlxp", "", "1 sz:1 001000 0 0 1 Rs:5 o0:1 Rt2:5 Rb:5 Rt:5", stxp_ok, MEM_EXCL_PAIR),
    M(LS_EXCL, "ldxp|ldaxp", "", "1 sz:1 001000 0 1 1 11111 o0:1 Rt2:5 Rb:5 Rt:5", ldxp_ok, MEM_EXCL_PAIR),
    M(LS_EXCL, "stlr|stlrb|stlrh|ldar|ldarb|ldarh", "", "size:2 001000 1 L:1 0 11111 1 11111 Rb:5 Rt:5", NULL,
      MEM_EXCL),
    M(LS_LSE, "cas*", "atomics", "size:2 001000 1 L:1 1 Rs:5 o0:1 11111 Rb:5 Rt:5", NULL, MEM_EXCL),
    M(LS_LSE, "casp*", "atomics", "0 sz:1 001000 0 L:1 1 Rs:5 o0:1 11111 Rb:5 Rt:5", casp_ok, MEM_EXCL_PAIR),
    M(LS_LSE,
      "ldadd*|stadd*|ldclr*|stclr*|ldeor*|steor*|ldset*|stset*|ldsmax*|stsmax*|ldsmin*|stsmin*|ldumax*|"
      "stumax*|ldumin*|stumin*",
      "atomics", "size:2 111 0 00 A:1 R:1 1 Rs:5 0 opc:3 00 Rb:5 Rt:5", NULL, MEM_EXCL),
    M(LS_LSE, "swp*", "atomics", "size:2 111 0 00 A:1 R:1 1 Rs:5 1 000 00 Rb:5 Rt:5", NULL, MEM_EXCL),
    M(LS_RCPC, "ldapr|ldaprb|ldaprh", "lrcpc", "size:2 111 0 00 1 0 1 11111 1 100 00 Rb:5 Rt:5", NULL,
      MEM_EXCL),
    M(LS_RCPC, "stlurb|ldapurb|ldapursb|stlurh|ldapurh|ldapursh|stlur|ldapur|ldapursw", "ilrcpc",
      "size:2 011001 opc:2 0 imm9:9 00 Rb:5 Rt:5", ls_gp_noprfm_ok, MEM_RCPC9),

    /* Scalar floating point (C4.1.96), single and double precision. */
    F(FP_MOV, "fmov", "fp", "0 0 0 11110 0 ftype:1 1 0000 00 10000 Vn:5 Vd:5", NULL),
    F(FP_MOV, "fmov", "fp", "0 0 0 11110 0 ftype:1 1 imm8:8 100 00000 Vd:5", NULL),
    F(FP_MOV, "fmov", "fp", "0 0 0 11110 00 1 00 110 000000 Vn:5 Rd:5", NULL),
    F(FP_MOV, "fmov", "fp", "0 0 0 11110 00 1 00 111 000000 Rn:5 Vd:5", NULL),
    F(FP_MOV, "fmov", "fp", "1 0 0 11110 01 1 00 110 000000 Vn:5 Rd:5", NULL),
    F(FP_MOV, "fmov", "fp", "1 0 0 11110 01 1 00 111 000000 Rn:5 Vd:5", NULL),
    F(FP_MOV, "fmov", "fp", "1 0 0 11110 10 1 01 110 000000 Vn:5 Rd:5", NULL),
    F(FP_MOV, "fmov", "fp", "1 0 0 11110 10 1 01 111 000000 Rn:5 Vd:5", NULL),
    F(FP_1SRC, "fmov|fabs|fneg|fsqrt", "fp", "0 0 0 11110 0 ftype:1 1 0000 opc:2 10000 Vn:5 Vd:5", NULL),
    F(FP_1SRC, "fcvt", "fp", "0 0 0 11110 ftype:2 1 0001 opc:2 10000 Vn:5 Vd:5", fcvt_ok),
    F(FP_1SRC, "frintn|frintp|frintm|frintz|frinta|frintx|frinti", "fp",
      "0 0 0 11110 0 ftype:1 1 001 rmode:3 10000 Vn:5 Vd:5", frint_ok),
    F(FP_2SRC, "fmul|fdiv|fadd|fsub|fmax|fmin|fmaxnm|fminnm|fnmul", "fp",
      "0 0 0 11110 0 ftype:1 1 Vm:5 opcode:4 10 Vn:5 Vd:5", fp2_ok),
    F(FP_3SRC, "fmadd|fmsub|fnmadd|fnmsub", "fp", "0 0 0 11111 0 ftype:1 o1:1 Vm:5 o0:1 Va:5 Vn:5 Vd:5",
      NULL),
    F(FP_CMP, "fcmp|fcmpe", "fp", "0 0 0 11110 0 ftype:1 1 Vm:5 00 1000 Vn:5 E:1 0 000", NULL),
    F(FP_CMP, "fcmp|fcmpe", "fp", "0 0 0 11110 0 ftype:1 1 00000 00 1000 Vn:5 E:1 1 000", NULL),
    F(FP_CMP, "fccmp|fccmpe", "fp", "0 0 0 11110 0 ftype:1 1 Vm:5 cond:4 01 Vn:5 op:1 nzcv:4", NULL),
    F(FP_CSEL, "fcsel", "fp", "0 0 0 11110 0 ftype:1 1 Vm:5 cond:4 11 Vn:5 Vd:5", NULL),
    F(FP_CVT_INT, "fcvtns|fcvtnu|fcvtps|fcvtpu|fcvtms|fcvtmu|fcvtzs|fcvtzu|fcvtas|fcvtau", "fp",
      "sf:1 0 0 11110 0 ftype:1 1 rmode:2 opcode:3 000000 Vn:5 Rd:5", fcvt_int_ok),
    F(FP_CVT_INT, "scvtf|ucvtf", "fp", "sf:1 0 0 11110 0 ftype:1 1 00 01 U:1 000000 Rn:5 Vd:5", NULL),
    F(FP_CVT_FIXED, "fcvtzs|fcvtzu", "fp", "sf:1 0 0 11110 0 ftype:1 0 11 00 U:1 scale:6 Vn:5 Rd:5",
      fixed_ok),
    F(FP_CVT_FIXED, "scvtf|ucvtf", "fp", "sf:1 0 0 11110 0 ftype:1 0 00 01 U:1 scale:6 Rn:5 Vd:5",
      fixed_ok),

    /* Advanced SIMD three same, integer (C4.1.95). */
    V3(SIMD_INT3, "shadd", "asimd", "0", "00000", v_no_d),
    V3(SIMD_INT3, "uhadd", "asimd", "1", "00000", v_no_d),
    V3(SIMD_INT3, "sqadd", "asimd", "0", "00001", v_q_if_d),
    V3(SIMD_INT3, "uqadd", "asimd", "1", "00001", v_q_if_d),
    V3(SIMD_INT3, "srhadd", "asimd", "0", "00010", v_no_d),
    V3(SIMD_INT3, "urhadd", "asimd", "1", "00010", v_no_d),
    V3(SIMD_INT3, "and|bic|orr|orn|mov", "asimd", "0", "00011", NULL),
    V3(SIMD_INT3, "eor|bsl|bit|bif", "asimd", "1", "00011", NULL),
    V3(SIMD_INT3, "shsub", "asimd", "0", "00100", v_no_d),
    V3(SIMD_INT3, "uhsub", "asimd", "1", "00100", v_no_d),
    V3(SIMD_INT3, "sqsub", "asimd", "0", "00101", v_q_if_d),
    V3(SIMD_INT3, "uqsub", "asimd", "1", "00101", v_q_if_d),
    V3(SIMD_INT3, "cmgt", "asimd", "0", "00110", v_q_if_d),
    V3(SIMD_INT3, "cmhi", "asimd", "1", "00110", v_q_if_d),
    V3(SIMD_INT3, "cmge", "asimd", "0", "00111", v_q_if_d),
    V3(SIMD_INT3, "cmhs", "asimd", "1", "00111", v_q_if_d),
    V3(SIMD_INT3, "sshl", "asimd", "0", "01000", v_q_if_d),
    V3(SIMD_INT3, "ushl", "asimd", "1", "01000", v_q_if_d),
    V3(SIMD_INT3, "sqshl", "asimd", "0", "01001", v_q_if_d),
    V3(SIMD_INT3, "uqshl", "asimd", "1", "01001", v_q_if_d),
    V3(SIMD_INT3, "srshl", "asimd", "0", "01010", v_q_if_d),
    V3(SIMD_INT3, "urshl", "asimd", "1", "01010", v_q_if_d),
    V3(SIMD_INT3, "sqrshl", "asimd", "0", "01011", v_q_if_d),
    V3(SIMD_INT3, "uqrshl", "asimd", "1", "01011", v_q_if_d),
    V3(SIMD_INT3, "smax", "asimd", "0", "01100", v_no_d),
    V3(SIMD_INT3, "umax", "asimd", "1", "01100", v_no_d),
    V3(SIMD_INT3, "smin", "asimd", "0", "01101", v_no_d),
    V3(SIMD_INT3, "umin", "asimd", "1", "01101", v_no_d),
    V3(SIMD_INT3, "sabd", "asimd", "0", "01110", v_no_d),
    V3(SIMD_INT3, "uabd", "asimd", "1", "01110", v_no_d),
    V3(SIMD_INT3, "saba", "asimd", "0", "01111", v_no_d),
    V3(SIMD_INT3, "uaba", "asimd", "1", "01111", v_no_d),
    V3(SIMD_INT3, "add", "asimd", "0", "10000", v_q_if_d),
    V3(SIMD_INT3, "sub", "asimd", "1", "10000", v_q_if_d),
    V3(SIMD_INT3, "cmtst", "asimd", "0", "10001", v_q_if_d),
    V3(SIMD_INT3, "cmeq", "asimd", "1", "10001", v_q_if_d),
    V3(SIMD_INT3, "mla", "asimd", "0", "10010", v_no_d),
    V3(SIMD_INT3, "mls", "asimd", "1", "10010", v_no_d),
    V3(SIMD_INT3, "mul", "asimd", "0", "10011", v_no_d),
    V3(SIMD_INT3, "pmul", "asimd", "1", "10011", v_b),
    V3(SIMD_INT3, "smaxp", "asimd", "0", "10100", v_no_d),
    V3(SIMD_INT3, "umaxp", "asimd", "1", "10100", v_no_d),
    V3(SIMD_INT3, "sminp", "asimd", "0", "10101", v_no_d),
    V3(SIMD_INT3, "uminp", "asimd", "1", "10101", v_no_d),
    V3(SIMD_INT3, "sqdmulh", "asimd", "0", "10110", v_hs),
    V3(SIMD_INT3, "sqrdmulh", "asimd", "1", "10110", v_hs),
    V3(SIMD_INT3, "addp", "asimd", "0", "10111", v_q_if_d),

    /* Advanced SIMD three same, floating point. */
    V3F(SIMD_FP3, "fmaxnm", "asimd", "0", "0", "11000"),
    V3F(SIMD_FP3, "fminnm", "asimd", "0", "1", "11000"),
    V3F(SIMD_FP3, "fmaxnmp", "asimd", "1", "0", "11000"),
    V3F(SIMD_FP3, "fminnmp", "asimd", "1", "1", "11000"),
    V3F(SIMD_FP3, "fmla", "asimd", "0", "0", "11001"),
    V3F(SIMD_FP3, "fmls", "asimd", "0", "1", "11001"),
    V3F(SIMD_FP3, "fadd", "asimd", "0", "0", "11010"),
    V3F(SIMD_FP3, "fsub", "asimd", "0", "1", "11010"),
    V3F(SIMD_FP3, "faddp", "asimd", "1", "0", "11010"),
    V3F(SIMD_FP3, "fabd", "asimd", "1", "1", "11010"),
    V3F(SIMD_FP3, "fmulx", "asimd", "0", "0", "11011"),
    V3F(SIMD_FP3, "fmul", "asimd", "1", "0", "11011"),
    V3F(SIMD_FP3, "fcmeq", "asimd", "0", "0", "11100"),
    V3F(SIMD_FP3, "fcmge", "asimd", "1", "0", "11100"),
    V3F(SIMD_FP3, "fcmgt", "asimd", "1", "1", "11100"),
    V3F(SIMD_FP3, "facge", "asimd", "1", "0", "11101"),
    V3F(SIMD_FP3, "facgt", "asimd", "1", "1", "11101"),
    V3F(SIMD_FP3, "fmax", "asimd", "0", "0", "11110"),
    V3F(SIMD_FP3, "fmin", "asimd", "0", "1", "11110"),
    V3F(SIMD_FP3, "fmaxp", "asimd", "1", "0", "11110"),
    V3F(SIMD_FP3, "fminp", "asimd", "1", "1", "11110"),
    V3F(SIMD_FP3, "frecps", "asimd", "0", "0", "11111"),
    V3F(SIMD_FP3, "frsqrts", "asimd", "0", "1", "11111"),
    V3F(SIMD_FP3, "fdiv", "asimd", "1", "0", "11111"),

    /* Advanced SIMD three different. */
    VD(SIMD_DIFF3, "saddl", "asimd", "0", "0000", v_no_d),
    VD(SIMD_DIFF3, "uaddl", "asimd", "1", "0000", v_no_d),
    VD(SIMD_DIFF3, "saddw", "asimd", "0", "0001", v_no_d),
    VD(SIMD_DIFF3, "uaddw", "asimd", "1", "0001", v_no_d),
    VD(SIMD_DIFF3, "ssubl", "asimd", "0", "0010", v_no_d),
    VD(SIMD_DIFF3, "usubl", "asimd", "1", "0010", v_no_d),
    VD(SIMD_DIFF3, "ssubw", "asimd", "0", "0011", v_no_d),
    VD(SIMD_DIFF3, "usubw", "asimd", "1", "0011", v_no_d),
    VD(SIMD_DIFF3, "addhn", "asimd", "0", "0100", v_no_d),
    VD(SIMD_DIFF3, "raddhn", "asimd", "1", "0100", v_no_d),
    VD(SIMD_DIFF3, "sabal", "asimd", "0", "0101", v_no_d),
    VD(SIMD_DIFF3, "uabal", "asimd", "1", "0101", v_no_d),
    VD(SIMD_DIFF3, "subhn", "asimd", "0", "0110", v_no_d),
    VD(SIMD_DIFF3, "rsubhn", "asimd", "1", "0110", v_no_d),
    VD(SIMD_DIFF3, "sabdl", "asimd", "0", "0111", v_no_d),
    VD(SIMD_DIFF3, "uabdl", "asimd", "1", "0111", v_no_d),
    VD(SIMD_DIFF3, "smlal", "asimd", "0", "1000", v_no_d),
    VD(SIMD_DIFF3, "umlal", "asimd", "1", "1000", v_no_d),
    VD(SIMD_DIFF3, "sqdmlal", "asimd", "0", "1001", v_hs),
    VD(SIMD_DIFF3, "smlsl", "asimd", "0", "1010", v_no_d),
    VD(SIMD_DIFF3, "umlsl", "asimd", "1", "1010", v_no_d),
    VD(SIMD_DIFF3, "sqdmlsl", "asimd", "0", "1011", v_hs),
    VD(SIMD_DIFF3, "smull", "asimd", "0", "1100", v_no_d),
    VD(SIMD_DIFF3, "umull", "asimd", "1", "1100", v_no_d),
    VD(SIMD_DIFF3, "sqdmull", "asimd", "0", "1101", v_hs),
    VD(SIMD_DIFF3, "pmull", "asimd", "0", "1110", v_b),

    /* Advanced SIMD two-register miscellaneous, integer. */
    V2(SIMD_INT2, "rev64", "asimd", "0", "00000", v_no_d),
    V2(SIMD_INT2, "rev32", "asimd", "1", "00000", v_bh),
    V2(SIMD_INT2, "rev16", "asimd", "0", "00001", v_b),
    V2(SIMD_INT2, "saddlp", "asimd", "0", "00010", v_no_d),
    V2(SIMD_INT2, "uaddlp", "asimd", "1", "00010", v_no_d),
    V2(SIMD_INT2, "suqadd", "asimd", "0", "00011", v_q_if_d),
    V2(SIMD_INT2, "usqadd", "asimd", "1", "00011", v_q_if_d),
    V2(SIMD_INT2, "cls", "asimd", "0", "00100", v_no_d),
    V2(SIMD_INT2, "clz", "asimd", "1", "00100", v_no_d),
    V2(SIMD_INT2, "cnt", "asimd", "0", "00101", v_b),
    V2(SIMD_INT2, "not|mvn", "asimd", "1", "00101", v_b),
    F(SIMD_INT2, "rbit", "asimd", "0 Q:1 1 01110 01 10000 00101 10 Vn:5 Vd:5", NULL),
    V2(SIMD_INT2, "sadalp", "asimd", "0", "00110", v_no_d),
    V2(SIMD_INT2, "uadalp", "asimd", "1", "00110", v_no_d),
    V2(SIMD_INT2, "sqabs", "asimd", "0", "00111", v_q_if_d),
    V2(SIMD_INT2, "sqneg", "asimd", "1", "00111", v_q_if_d),
    V2(SIMD_INT2, "cmgt", "asimd", "0", "01000", v_q_if_d),
    V2(SIMD_INT2, "cmge", "asimd", "1", "01000", v_q_if_d),
    V2(SIMD_INT2, "cmeq", "asimd", "0", "01001", v_q_if_d),
    V2(SIMD_INT2, "cmle", "asimd", "1", "01001", v_q_if_d),
    V2(SIMD_INT2, "cmlt", "asimd", "0", "01010", v_q_if_d),
    V2(SIMD_INT2, "abs", "asimd", "0", "01011", v_q_if_d),
    V2(SIMD_INT2, "neg", "asimd", "1", "01011", v_q_if_d),
    V2(SIMD_INT2, "xtn", "asimd", "0", "10010", v_no_d),
    V2(SIMD_INT2, "sqxtun", "asimd", "1", "10010", v_no_d),
    V2(SIMD_INT2, "shll", "asimd", "1", "10011", v_no_d),
    V2(SIMD_INT2, "sqxtn", "asimd", "0", "10100", v_no_d),
    V2(SIMD_INT2, "uqxtn", "asimd", "1", "10100", v_no_d),

    /* Advanced SIMD two-register miscellaneous, floating point. */
    V2F(SIMD_FP2, "fcvtn", "asimd", "0", "0", "10110", NULL),
    F(SIMD_FP2, "fcvtxn", "asimd", "0 Q:1 1 01110 0 1 10000 10110 10 Vn:5 Vd:5", NULL),
    V2F(SIMD_FP2, "fcvtl", "asimd", "0", "0", "10111", NULL),
    V2F(SIMD_FP2, "frintn", "asimd", "0", "0", "11000", v_fp),
    V2F(SIMD_FP2, "frintm", "asimd", "0", "0", "11001", v_fp),
    V2F(SIMD_FP2, "fcvtns", "asimd", "0", "0", "11010", v_fp),
    V2F(SIMD_FP2, "fcvtms", "asimd", "0", "0", "11011", v_fp),
    V2F(SIMD_FP2, "fcvtas", "asimd", "0", "0", "11100", v_fp),
    V2F(SIMD_FP2, "scvtf", "asimd", "0", "0", "11101", v_fp),
    V2F(SIMD_FP2, "fcmgt", "asimd", "0", "1", "01100", v_fp),
    V2F(SIMD_FP2, "fcmeq", "asimd", "0", "1", "01101", v_fp),
    V2F(SIMD_FP2, "fcmlt", "asimd", "0", "1", "01110", v_fp),
    V2F(SIMD_FP2, "fabs", "asimd", "0", "1", "01111", v_fp),
    V2F(SIMD_FP2, "frintp", "asimd", "0", "1", "11000", v_fp),
    V2F(SIMD_FP2, "frintz", "asimd", "0", "1", "11001", v_fp),
    V2F(SIMD_FP2, "fcvtps", "asimd", "0", "1", "11010", v_fp),
    V2F(SIMD_FP2, "fcvtzs", "asimd", "0", "1", "11011", v_fp),
    V2F(SIMD_FP2, "urecpe", "asimd", "0", "1", "11100", v_fp_s),
    V2F(SIMD_FP2, "frecpe", "asimd", "0", "1", "11101", v_fp),
    V2F(SIMD_FP2, "frinta", "asimd", "1", "0", "11000", v_fp),
    V2F(SIMD_FP2, "frintx", "asimd", "1", "0", "11001", v_fp),
    V2F(SIMD_FP2, "fcvtnu", "asimd", "1", "0", "11010", v_fp),
    V2F(SIMD_FP2, "fcvtmu", "asimd", "1", "0", "11011", v_fp),
    V2F(SIMD_FP2, "fcvtau", "asimd", "1", "0", "11100", v_fp),
    V2F(SIMD_FP2, "ucvtf", "asimd", "1", "0", "11101", v_fp),
    V2F(SIMD_FP2, "fcmge", "asimd", "1", "1", "01100", v_fp),
    V2F(SIMD_FP2, "fcmle", "asimd", "1", "1", "01101", v_fp),
    V2F(SIMD_FP2, "fneg", "asimd", "1", "1", "01111", v_fp),
    V2F(SIMD_FP2, "frinti", "asimd", "1", "1", "11001", v_fp),
    V2F(SIMD_FP2, "fcvtpu", "asimd", "1", "1", "11010", v_fp),
    V2F(SIMD_FP2, "fcvtzu", "asimd", "1", "1", "11011", v_fp),
    V2F(SIMD_FP2, "ursqrte", "asimd", "1", "1", "11100", v_fp_s),
    V2F(SIMD_FP2, "frsqrte", "asimd", "1", "1", "11101", v_fp),
    V2F(SIMD_FP2, "fsqrt", "asimd", "1", "1", "11111", v_fp),

    /* Advanced SIMD across lanes. */
    VA("saddlv", "0", "00011"),
    VA("uaddlv", "1", "00011"),
    VA("smaxv", "0", "01010"),
    VA("umaxv", "1", "01010"),
    VA("sminv", "0", "11010"),
    VA("uminv", "1", "11010"),
    VA("addv", "0", "11011"),
    F(SIMD_ACROSS, "fmaxnmv", "asimd", "0 1 1 01110 0 0 11000 01100 10 Vn:5 Vd:5", NULL),
    F(SIMD_ACROSS, "fminnmv", "asimd", "0 1 1 01110 1 0 11000 01100 10 Vn:5 Vd:5", NULL),
    F(SIMD_ACROSS, "fmaxv", "asimd", "0 1 1 01110 0 0 11000 01111 10 Vn:5 Vd:5", NULL),
    F(SIMD_ACROSS, "fminv", "asimd", "0 1 1 01110 1 0 11000 01111 10 Vn:5 Vd:5", NULL),

    /* Advanced SIMD copy. */
    F(SIMD_COPY, "dup|mov", "asimd", "0 Q:1 0 01110000 imm5:5 0 0000 1 Vn:5 Vd:5", dup_ok),
    F(SIMD_COPY, "dup", "asimd", "0 Q:1 0 01110000 imm5:5 0 0001 1 Rn:5 Vd:5", dup_ok),
    F(SIMD_COPY, "smov", "asimd", "0 Q:1 0 01110000 imm5:5 0 0101 1 Vn:5 Rd:5", smov_ok),
    F(SIMD_COPY, "umov|mov", "asimd", "0 Q:1 0 01110000 imm5:5 0 0111 1 Vn:5 Rd:5", umov_ok),
    F(SIMD_COPY, "ins|mov", "asimd", "0 1 0 01110000 imm5:5 0 0011 1 Rn:5 Vd:5", ins_ok),
    F(SIMD_COPY, "ins|mov", "asimd", "0 1 1 01110000 imm5:5 0 imm4:4 1 Vn:5 Vd:5", ins_ok),

    /* Advanced SIMD modified immediate. */
    F(SIMD_MODIMM, "movi|mvni|orr|bic|fmov", "asimd",
      "0 Q:1 op:1 0111100000 abc:3 cmode:4 0 1 defgh:5 Vd:5", modimm_ok),

    /* Advanced SIMD shift by immediate. */
    VSH(SIMD_SHIFT, "sshr", "asimd", "0", "00000", sh_ok),
    VSH(SIMD_SHIFT, "ushr", "asimd", "1", "00000", sh_ok),
    VSH(SIMD_SHIFT, "ssra", "asimd", "0", "00010", sh_ok),
    VSH(SIMD_SHIFT, "usra", "asimd", "1", "00010", sh_ok),
    VSH(SIMD_SHIFT, "srshr", "asimd", "0", "00100", sh_ok),
    VSH(SIMD_SHIFT, "urshr", "asimd", "1", "00100", sh_ok),
    VSH(SIMD_SHIFT, "srsra", "asimd", "0", "00110", sh_ok),
    VSH(SIMD_SHIFT, "ursra", "asimd", "1", "00110", sh_ok),
    VSH(SIMD_SHIFT, "sri", "asimd", "1", "01000", sh_ok),
    VSH(SIMD_SHIFT, "shl", "asimd", "0", "01010", sh_ok),
    VSH(SIMD_SHIFT, "sli", "asimd", "1", "01010", sh_ok),
    VSH(SIMD_SHIFT, "sqshlu", "asimd", "1", "01100", sh_ok),
    VSH(SIMD_SHIFT, "sqshl", "asimd", "0", "01110", sh_ok),
    VSH(SIMD_SHIFT, "uqshl", "asimd", "1", "01110", sh_ok),
    VSH(SIMD_SHIFT, "shrn", "asimd", "0", "10000", sh_narrow_ok),
    VSH(SIMD_SHIFT, "sqshrun", "asimd", "1", "10000", sh_narrow_ok),
    VSH(SIMD_SHIFT, "rshrn", "asimd", "0", "10001", sh_narrow_ok),
    VSH(SIMD_SHIFT, "sqrshrun", "asimd", "1", "10001", sh_narrow_ok),
    VSH(SIMD_SHIFT, "sqshrn", "asimd", "0", "10010", sh_narrow_ok),
    VSH(SIMD_SHIFT, "uqshrn", "asimd", "1", "10010", sh_narrow_ok),
    VSH(SIMD_SHIFT, "sqrshrn", "asimd", "0", "10011", sh_narrow_ok),
    VSH(SIMD_SHIFT, "uqrshrn", "asimd", "1", "10011", sh_narrow_ok),
    VSH(SIMD_SHIFT, "sshll|sxtl", "asimd", "0", "10100", sh_narrow_ok),
    VSH(SIMD_SHIFT, "ushll|uxtl", "asimd", "1", "10100", sh_narrow_ok),
    VSH(SIMD_SHIFT, "scvtf", "asimd", "0", "11100", sh_fp_ok),
    VSH(SIMD_SHIFT, "ucvtf", "asimd", "1", "11100", sh_fp_ok),
    VSH(SIMD_SHIFT, "fcvtzs", "asimd", "0", "11111", sh_fp_ok),
    VSH(SIMD_SHIFT, "fcvtzu", "asimd", "1", "11111", sh_fp_ok),

    /* Advanced SIMD vector x indexed element. */
    VE(SIMD_ELEM_INT, "mla", "asimd", "1", "0000", v_hs),
    VE(SIMD_ELEM_INT, "mls", "asimd", "1", "0100", v_hs),
    VE(SIMD_ELEM_INT, "mul", "asimd", "0", "1000", v_hs),
    VE(SIMD_ELEM_INT, "smlal", "asimd", "0", "0010", v_hs),
    VE(SIMD_ELEM_INT, "umlal", "asimd", "1", "0010", v_hs),
    VE(SIMD_ELEM_INT, "smlsl", "asimd", "0", "0110", v_hs),
    VE(SIMD_ELEM_INT, "umlsl", "asimd", "1", "0110", v_hs),
    VE(SIMD_ELEM_INT, "smull", "asimd", "0", "1010", v_hs),
    VE(SIMD_ELEM_INT, "umull", "asimd", "1", "1010", v_hs),
    VE(SIMD_ELEM_INT, "sqdmlal", "asimd", "0", "0011", v_hs),
    VE(SIMD_ELEM_INT, "sqdmlsl", "asimd", "0", "0111", v_hs),
    VE(SIMD_ELEM_INT, "sqdmull", "asimd", "0", "1011", v_hs),
    VE(SIMD_ELEM_INT, "sqdmulh", "asimd", "0", "1100", v_hs),
    VE(SIMD_ELEM_INT, "sqrdmulh", "asimd", "0", "1101", v_hs),
    VEF("fmla", "0", "0001"),
    VEF("fmls", "0", "0101"),
    VEF("fmul", "0", "1001"),
    VEF("fmulx", "1", "1001"),

    /* Advanced SIMD permute, extract, table lookup. */
    F(SIMD_PERM, "uzp1", "asimd", "0 Q:1 0 01110 size:2 0 Vm:5 0 001 10 Vn:5 Vd:5", v_q_if_d),
    F(SIMD_PERM, "trn1", "asimd", "0 Q:1 0 01110 size:2 0 Vm:5 0 010 10 Vn:5 Vd:5", v_q_if_d),
    F(SIMD_PERM, "zip1", "asimd", "0 Q:1 0 01110 size:2 0 Vm:5 0 011 10 Vn:5 Vd:5", v_q_if_d),
    F(SIMD_PERM, "uzp2", "asimd", "0 Q:1 0 01110 size:2 0 Vm:5 0 101 10 Vn:5 Vd:5", v_q_if_d),
    F(SIMD_PERM, "trn2", "asimd", "0 Q:1 0 01110 size:2 0 Vm:5 0 110 10 Vn:5 Vd:5", v_q_if_d),
    F(SIMD_PERM, "zip2", "asimd", "0 Q:1 0 01110 size:2 0 Vm:5 0 111 10 Vn:5 Vd:5", v_q_if_d),
    F(SIMD_PERM, "ext", "asimd", "0 Q:1 101110 00 0 Vm:5 0 imm4:4 0 Vn:5 Vd:5", ext_ok),
    F(SIMD_PERM, "tbl|tbx", "asimd", "0 Q:1 001110 00 0 Vm:5 0 len:2 op:1 00 Vn:5 Vd:5", NULL),

    /* Advanced SIMD scalar, integer. */
    S3("sqadd", "0", "size:2", "00001", NULL),
    S3("uqadd", "1", "size:2", "00001", NULL),
    S3("sqsub", "0", "size:2", "00101", NULL),
    S3("uqsub", "1", "size:2", "00101", NULL),
    S3("cmgt", "0", "11", "00110", NULL),
    S3("cmhi", "1", "11", "00110", NULL),
    S3("cmge", "0", "11", "00111", NULL),
    S3("cmhs", "1", "11", "00111", NULL),
    S3("sshl", "0", "11", "01000", NULL),
    S3("ushl", "1", "11", "01000", NULL),
    S3("sqshl", "0", "size:2", "01001", NULL),
    S3("uqshl", "1", "size:2", "01001", NULL),
    S3("srshl", "0", "11", "01010", NULL),
    S3("urshl", "1", "11", "01010", NULL),
    S3("sqrshl", "0", "size:2", "01011", NULL),
    S3("uqrshl", "1", "size:2", "01011", NULL),
    S3("add", "0", "11", "10000", NULL),
    S3("sub", "1", "11", "10000", NULL),
    S3("cmtst", "0", "11", "10001", NULL),
    S3("cmeq", "1", "11", "10001", NULL),
    S3("sqdmulh", "0", "size:2", "10110", v_hs),
    S3("sqrdmulh", "1", "size:2", "10110", v_hs),
    F(SIMD_SCALAR_INT, "sqdmlal", "asimd", "01 0 11110 size:2 1 Vm:5 1001 00 Vn:5 Vd:5", v_hs),
    F(SIMD_SCALAR_INT, "sqdmlsl", "asimd", "01 0 11110 size:2 1 Vm:5 1011 00 Vn:5 Vd:5", v_hs),
    F(SIMD_SCALAR_INT, "sqdmull", "asimd", "01 0 11110 size:2 1 Vm:5 1101 00 Vn:5 Vd:5", v_hs),
    S2("suqadd", "0", "size:2", "00011", NULL),
    S2("usqadd", "1", "size:2", "00011", NULL),
    S2("sqabs", "0", "size:2", "00111", NULL),
    S2("sqneg", "1", "size:2", "00111", NULL),
    S2("cmgt", "0", "11", "01000", NULL),
    S2("cmge", "1", "11", "01000", NULL),
    S2("cmeq", "0", "11", "01001", NULL),
    S2("cmle", "1", "11", "01001", NULL),
    S2("cmlt", "0", "11", "01010", NULL),
    S2("abs", "0", "11", "01011", NULL),
    S2("neg", "1", "11", "01011", NULL),
    S2("sqxtun", "1", "size:2", "10010", v_no_d),
    S2("sqxtn", "0", "size:2", "10100", v_no_d),
    S2("uqxtn", "1", "size:2", "10100", v_no_d),
    F(SIMD_SCALAR_INT, "addp", "asimd", "01 0 11110 11 11000 11011 10 Vn:5 Vd:5", NULL),
    F(SIMD_SCALAR_INT, "dup|mov", "asimd", "01 0 11110000 imm5:5 0 0000 1 Vn:5 Vd:5", ins_ok),
    SSH(SIMD_SCALAR_INT, "sshr", "asimd", "0", "00000", sh_d),
    SSH(SIMD_SCALAR_INT, "ushr", "asimd", "1", "00000", sh_d),
    SSH(SIMD_SCALAR_INT, "ssra", "asimd", "0", "00010", sh_d),
    SSH(SIMD_SCALAR_INT, "usra", "asimd", "1", "00010", sh_d),
    SSH(SIMD_SCALAR_INT, "srshr", "asimd", "0", "00100", sh_d),
    SSH(SIMD_SCALAR_INT, "urshr", "asimd", "1", "00100", sh_d),
    SSH(SIMD_SCALAR_INT, "srsra", "asimd", "0", "00110", sh_d),
    SSH(SIMD_SCALAR_INT, "ursra", "asimd", "1", "00110", sh_d),
    SSH(SIMD_SCALAR_INT, "sri", "asimd", "1", "01000", sh_d),
    SSH(SIMD_SCALAR_INT, "shl", "asimd", "0", "01010", sh_d),
    SSH(SIMD_SCALAR_INT, "sli", "asimd", "1", "01010", sh_d),
    SSH(SIMD_SCALAR_INT, "sqshlu", "asimd", "1", "01100", sh_any),
    SSH(SIMD_SCALAR_INT, "sqshl", "asimd", "0", "01110", sh_any),
    SSH(SIMD_SCALAR_INT, "uqshl", "asimd", "1", "01110", sh_any),
    SSH(SIMD_SCALAR_INT, "sqshrun", "asimd", "1", "10000", sh_narrow_ok),
    SSH(SIMD_SCALAR_INT, "sqrshrun", "asimd", "1", "10001", sh_narrow_ok),
    SSH(SIMD_SCALAR_INT, "sqshrn", "asimd", "0", "10010", sh_narrow_ok),
    SSH(SIMD_SCALAR_INT, "uqshrn", "asimd", "1", "10010", sh_narrow_ok),
    SSH(SIMD_SCALAR_INT, "sqrshrn", "asimd", "0", "10011", sh_narrow_ok),
    SSH(SIMD_SCALAR_INT, "uqrshrn", "asimd", "1", "10011", sh_narrow_ok),
    SE(SIMD_SCALAR_INT, "sqdmlal", "asimd", "0", "0011", v_hs),
    SE(SIMD_SCALAR_INT, "sqdmlsl", "asimd", "0", "0111", v_hs),
    SE(SIMD_SCALAR_INT, "sqdmull", "asimd", "0", "1011", v_hs),
    SE(SIMD_SCALAR_INT, "sqdmulh", "asimd", "0", "1100", v_hs),
    SE(SIMD_SCALAR_INT, "sqrdmulh", "asimd", "0", "1101", v_hs),

    /* Advanced SIMD scalar, floating point. */
    S3F("fmulx", "0", "0", "11011"),
    S3F("fcmeq", "0", "0", "11100"),
    S3F("fcmge", "1", "0", "11100"),
    S3F("fcmgt", "1", "1", "11100"),
    S3F("facge", "1", "0", "11101"),
    S3F("facgt", "1", "1", "11101"),
    S3F("frecps", "0", "0", "11111"),
    S3F("frsqrts", "0", "1", "11111"),
    S3F("fabd", "1", "1", "11010"),
    S2F("fcvtns", "0", "0", "11010"),
    S2F("fcvtms", "0", "0", "11011"),
    S2F("fcvtas", "0", "0", "11100"),
    S2F("scvtf", "0", "0", "11101"),
    S2F("fcvtps", "0", "1", "11010"),
    S2F("fcvtzs", "0", "1", "11011"),
    S2F("frecpe", "0", "1", "11101"),
    S2F("frecpx", "0", "1", "11111"),
    S2F("fcvtnu", "1", "0", "11010"),
    S2F("fcvtmu", "1", "0", "11011"),
    S2F("fcvtau", "1", "0", "11100"),
    S2F("ucvtf", "1", "0", "11101"),
    S2F("fcvtpu", "1", "1", "11010"),
    S2F("fcvtzu", "1", "1", "11011"),
    S2F("frsqrte", "1", "1", "11101"),
    S2F("fcmgt", "0", "1", "01100"),
    S2F("fcmeq", "0", "1", "01101"),
    S2F("fcmlt", "0", "1", "01110"),
    S2F("fcmge", "1", "1", "01100"),
    S2F("fcmle", "1", "1", "01101"),
    F(SIMD_SCALAR_FP, "fcvtxn", "asimd", "01 1 11110 0 1 10000 10110 10 Vn:5 Vd:5", NULL),
    F(SIMD_SCALAR_FP, "fmaxnmp", "asimd", "01 1 11110 0 sz:1 11000 01100 10 Vn:5 Vd:5", NULL),
    F(SIMD_SCALAR_FP, "fminnmp", "asimd", "01 1 11110 1 sz:1 11000 01100 10 Vn:5 Vd:5", NULL),
    F(SIMD_SCALAR_FP, "faddp", "asimd", "01 1 11110 0 sz:1 11000 01101 10 Vn:5 Vd:5", NULL),
    F(SIMD_SCALAR_FP, "fmaxp", "asimd", "01 1 11110 0 sz:1 11000 01111 10 Vn:5 Vd:5", NULL),
    F(SIMD_SCALAR_FP, "fminp", "asimd", "01 1 11110 1 sz:1 11000 01111 10 Vn:5 Vd:5", NULL),
    F(SIMD_SCALAR_FP, "fmla", "asimd", "01 0 11111 1 sz:1 L:1 Vm:5 0001 H:1 0 Vn:5 Vd:5", elem_fp_scalar_ok),
    F(SIMD_SCALAR_FP, "fmls", "asimd", "01 0 11111 1 sz:1 L:1 Vm:5 0101 H:1 0 Vn:5 Vd:5", elem_fp_scalar_ok),
    F(SIMD_SCALAR_FP, "fmul", "asimd", "01 0 11111 1 sz:1 L:1 Vm:5 1001 H:1 0 Vn:5 Vd:5", elem_fp_scalar_ok),
    F(SIMD_SCALAR_FP, "fmulx", "asimd", "01 1 11111 1 sz:1 L:1 Vm:5 1001 H:1 0 Vn:5 Vd:5", elem_fp_scalar_ok),
    SSH(SIMD_SCALAR_FP, "scvtf", "asimd", "0", "11100", sh_fp_scalar_ok),
    SSH(SIMD_SCALAR_FP, "ucvtf", "asimd", "1", "11100", sh_fp_scalar_ok),
    SSH(SIMD_SCALAR_FP, "fcvtzs", "asimd", "0", "11111", sh_fp_scalar_ok),
    SSH(SIMD_SCALAR_FP, "fcvtzu", "asimd", "1", "11111", sh_fp_scalar_ok),

    /* Cryptographic extensions. */
    F(CRYPTO_AES, "aese|aesd|aesmc|aesimc", "aes", "01001110 00 10100 001 op:2 10 Vn:5 Vd:5", NULL),
    F(CRYPTO_SHA1, "sha1c|sha1p|sha1m|sha1su0", "sha1", "01011110 00 0 Vm:5 0 0 op:2 00 Vn:5 Vd:5", NULL),
    F(CRYPTO_SHA1, "sha1h|sha1su1", "sha1", "01011110 00 10100 0000 op:1 10 Vn:5 Vd:5", NULL),
    F(CRYPTO_SHA2, "sha256h|sha256h2|sha256su1", "sha2", "01011110 00 0 Vm:5 0 1 op:2 00 Vn:5 Vd:5",
      op_not_3),
    F(CRYPTO_SHA2, "sha256su0", "sha2", "01011110 00 10100 00010 10 Vn:5 Vd:5", NULL),
    F(CRYPTO_SHA512, "sha512h|sha512h2|sha512su1", "sha512", "11001110 011 Vm:5 1 0 00 op:2 Vn:5 Vd:5",
      op_not_3),
    F(CRYPTO_SHA512, "sha512su0", "sha512", "11001110 110000 001000 00 Vn:5 Vd:5", NULL),
    F(CRYPTO_SHA3, "rax1", "sha3", "11001110 011 Vm:5 1 0 00 11 Vn:5 Vd:5", NULL),
    F(CRYPTO_SHA3, "eor3|bcax", "sha3", "11001110 0 0 op:1 Vm:5 0 Va:5 Vn:5 Vd:5", NULL),
    F(CRYPTO_SHA3, "xar", "sha3", "11001110 100 Vm:5 imm6:6 Vn:5 Vd:5", NULL),
    F(CRYPTO_SM3, "sm3partw1|sm3partw2", "sm3", "11001110 011 Vm:5 1 1 00 0 op:1 Vn:5 Vd:5", NULL),
    F(CRYPTO_SM3, "sm3ss1", "sm3", "11001110 010 Vm:5 0 Va:5 Vn:5 Vd:5", NULL),
    F(CRYPTO_SM3, "sm3tt1a|sm3tt1b|sm3tt2a|sm3tt2b", "sm3", "11001110 010 Vm:5 10 imm2:2 op:2 Vn:5 Vd:5",
      NULL),
    F(CRYPTO_SM4, "sm4ekey", "sm4", "11001110 011 Vm:5 1 1 00 10 Vn:5 Vd:5", NULL),
    F(CRYPTO_SM4, "sm4e", "sm4", "11001110 11000000 100001 Vn:5 Vd:5", NULL),
    F(CRYPTO_PMULL, "pmull", "pmull", "0 Q:1 0 01110 11 1 Vm:5 1110 00 Vn:5 Vd:5", NULL),

    /* Half precision, scalar (FEAT_FP16). */
    F(FP16_SCALAR, "fmov|fabs|fneg|fsqrt", "fphp", "0 0 0 11110 11 1 0000 opc:2 10000 Vn:5 Vd:5", NULL),
    F(FP16_SCALAR, "frintn|frintp|frintm|frintz|frinta|frintx|frinti", "fphp",
      "0 0 0 11110 11 1 001 rmode:3 10000 Vn:5 Vd:5", frint_ok),
    F(FP16_SCALAR, "fmul|fdiv|fadd|fsub|fmax|fmin|fmaxnm|fminnm|fnmul", "fphp",
      "0 0 0 11110 11 1 Vm:5 opcode:4 10 Vn:5 Vd:5", fp2_ok),
    F(FP16_SCALAR, "fmadd|fmsub|fnmadd|fnmsub", "fphp", "0 0 0 11111 11 o1:1 Vm:5 o0:1 Va:5 Vn:5 Vd:5",
      NULL),
    F(FP16_SCALAR, "fcmp|fcmpe", "fphp", "0 0 0 11110 11 1 Vm:5 00 1000 Vn:5 E:1 0 000", NULL),
    F(FP16_SCALAR, "fcmp|fcmpe", "fphp", "0 0 0 11110 11 1 00000 00 1000 Vn:5 E:1 1 000", NULL),
    F(FP16_SCALAR, "fccmp|fccmpe", "fphp", "0 0 0 11110 11 1 Vm:5 cond:4 01 Vn:5 op:1 nzcv:4", NULL),
    F(FP16_SCALAR, "fcsel", "fphp", "0 0 0 11110 11 1 Vm:5 cond:4 11 Vn:5 Vd:5", NULL),
    F(FP16_SCALAR, "fmov", "fphp", "0 0 0 11110 11 1 imm8:8 100 00000 Vd:5", NULL),
    F(FP16_SCALAR, "fcvtns|fcvtnu|fcvtps|fcvtpu|fcvtms|fcvtmu|fcvtzs|fcvtzu|fcvtas|fcvtau", "fphp",
      "sf:1 0 0 11110 11 1 rmode:2 opcode:3 000000 Vn:5 Rd:5", fcvt_int_ok),
    F(FP16_SCALAR, "scvtf|ucvtf", "fphp", "sf:1 0 0 11110 11 1 00 01 U:1 000000 Rn:5 Vd:5", NULL),
    F(FP16_SCALAR, "fmov", "fphp", "sf:1 0 0 11110 11 1 00 110 000000 Vn:5 Rd:5", NULL),
    F(FP16_SCALAR, "fmov", "fphp", "sf:1 0 0 11110 11 1 00 111 000000 Rn:5 Vd:5", NULL),
    F(FP16_SCALAR, "fcvtzs|fcvtzu", "fphp", "sf:1 0 0 11110 11 0 11 00 U:1 scale:6 Vn:5 Rd:5", fixed_ok),
    F(FP16_SCALAR, "scvtf|ucvtf", "fphp", "sf:1 0 0 11110 11 0 00 01 U:1 scale:6 Rn:5 Vd:5", fixed_ok),

    /* Half precision, Advanced SIMD (FEAT_FP16). */
    H3("fmaxnm", "0", "0", "000"), H3("fmla", "0", "0", "001"), H3("fadd", "0", "0", "010"),
    H3("fmulx", "0", "0", "011"), H3("fcmeq", "0", "0", "100"), H3("fmax", "0", "0", "110"),
    H3("frecps", "0", "0", "111"), H3("fminnm", "0", "1", "000"), H3("fmls", "0", "1", "001"),
    H3("fsub", "0", "1", "010"), H3("fmin", "0", "1", "110"), H3("frsqrts", "0", "1", "111"),
    H3("fmaxnmp", "1", "0", "000"), H3("faddp", "1", "0", "010"), H3("fmul", "1", "0", "011"),
    H3("fcmge", "1", "0", "100"), H3("facge", "1", "0", "101"), H3("fmaxp", "1", "0", "110"),
    H3("fdiv", "1", "0", "111"), H3("fminnmp", "1", "1", "000"), H3("fabd", "1", "1", "010"),
    H3("fcmgt", "1", "1", "100"), H3("facgt", "1", "1", "101"), H3("fminp", "1", "1", "110"),
    H2("frintn", "0", "0", "11000"), H2("frintm", "0", "0", "11001"), H2("fcvtns", "0", "0", "11010"),
    H2("fcvtms", "0", "0", "11011"), H2("fcvtas", "0", "0", "11100"), H2("scvtf", "0", "0", "11101"),
    H2("fcmgt", "0", "1", "01100"), H2("fcmeq", "0", "1", "01101"), H2("fcmlt", "0", "1", "01110"),
    H2("fabs", "0", "1", "01111"), H2("frintp", "0", "1", "11000"), H2("frintz", "0", "1", "11001"),
    H2("fcvtps", "0", "1", "11010"), H2("fcvtzs", "0", "1", "11011"), H2("frecpe", "0", "1", "11101"),
    H2("frinta", "1", "0", "11000"), H2("frintx", "1", "0", "11001"), H2("fcvtnu", "1", "0", "11010"),
    H2("fcvtmu", "1", "0", "11011"), H2("fcvtau", "1", "0", "11100"), H2("ucvtf", "1", "0", "11101"),
    H2("fcmge", "1", "1", "01100"), H2("fcmle", "1", "1", "01101"), H2("fneg", "1", "1", "01111"),
    H2("frinti", "1", "1", "11001"), H2("fcvtpu", "1", "1", "11010"), H2("fcvtzu", "1", "1", "11011"),
    H2("frsqrte", "1", "1", "11101"), H2("fsqrt", "1", "1", "11111"),
    F(FP16_SIMD, "fmaxnmv", "asimdhp", "0 Q:1 0 01110 0 0 11000 01100 10 Vn:5 Vd:5", NULL),
    F(FP16_SIMD, "fminnmv", "asimdhp", "0 Q:1 0 01110 1 0 11000 01100 10 Vn:5 Vd:5", NULL),
    F(FP16_SIMD, "fmaxv", "asimdhp", "0 Q:1 0 01110 0 0 11000 01111 10 Vn:5 Vd:5", NULL),
    F(FP16_SIMD, "fminv", "asimdhp", "0 Q:1 0 01110 1 0 11000 01111 10 Vn:5 Vd:5", NULL),
    F(FP16_SIMD, "fmla", "asimdhp", "0 Q:1 0 01111 00 L:1 Vm:5 0001 H:1 0 Vn:5 Vd:5", NULL),
    F(FP16_SIMD, "fmls", "asimdhp", "0 Q:1 0 01111 00 L:1 Vm:5 0101 H:1 0 Vn:5 Vd:5", NULL),
    F(FP16_SIMD, "fmul", "asimdhp", "0 Q:1 0 01111 00 L:1 Vm:5 1001 H:1 0 Vn:5 Vd:5", NULL),
    F(FP16_SIMD, "fmulx", "asimdhp", "0 Q:1 1 01111 00 L:1 Vm:5 1001 H:1 0 Vn:5 Vd:5", NULL),
    F(FP16_SIMD, "fmov", "asimdhp", "0 Q:1 0 0111100000 abc:3 1111 1 1 defgh:5 Vd:5", NULL),
    F(FP16_SIMD, "scvtf|ucvtf", "asimdhp", "0 Q:1 U:1 011110 001 immh:1 immb:3 11100 1 Vn:5 Vd:5", NULL),
    F(FP16_SIMD, "fcvtzs|fcvtzu", "asimdhp", "0 Q:1 U:1 011110 001 immh:1 immb:3 11111 1 Vn:5 Vd:5", NULL),
    HS3("fmulx", "0", "0", "011"), HS3("fcmeq", "0", "0", "100"), HS3("frecps", "0", "0", "111"),
    HS3("frsqrts", "0", "1", "111"), HS3("fcmge", "1", "0", "100"), HS3("facge", "1", "0", "101"),
    HS3("fabd", "1", "1", "010"), HS3("fcmgt", "1", "1", "100"), HS3("facgt", "1", "1", "101"),
    HS2("fcvtns", "0", "0", "11010"), HS2("fcvtms", "0", "0", "11011"), HS2("fcvtas", "0", "0", "11100"),
    HS2("scvtf", "0", "0", "11101"), HS2("fcmgt", "0", "1", "01100"), HS2("fcmeq", "0", "1", "01101"),
    HS2("fcmlt", "0", "1", "01110"), HS2("fcvtps", "0", "1", "11010"), HS2("fcvtzs", "0", "1", "11011"),
    HS2("frecpe", "0", "1", "11101"), HS2("frecpx", "0", "1", "11111"), HS2("fcvtnu", "1", "0", "11010"),
    HS2("fcvtmu", "1", "0", "11011"), HS2("fcvtau", "1", "0", "11100"), HS2("ucvtf", "1", "0", "11101"),
    HS2("fcmge", "1", "1", "01100"), HS2("fcmle", "1", "1", "01101"), HS2("fcvtpu", "1", "1", "11010"),
    HS2("fcvtzu", "1", "1", "11011"), HS2("frsqrte", "1", "1", "11101"),
    F(FP16_SIMD, "fmaxnmp", "asimdhp", "01 0 11110 0 0 11000 01100 10 Vn:5 Vd:5", NULL),
    F(FP16_SIMD, "faddp", "asimdhp", "01 0 11110 0 0 11000 01101 10 Vn:5 Vd:5", NULL),
    F(FP16_SIMD, "fmaxp", "asimdhp", "01 0 11110 0 0 11000 01111 10 Vn:5 Vd:5", NULL),
    F(FP16_SIMD, "fminnmp", "asimdhp", "01 0 11110 1 0 11000 01100 10 Vn:5 Vd:5", NULL),
    F(FP16_SIMD, "fminp", "asimdhp", "01 0 11110 1 0 11000 01111 10 Vn:5 Vd:5", NULL),
    F(FP16_SIMD, "fmla", "asimdhp", "01 0 11111 00 L:1 Vm:5 0001 H:1 0 Vn:5 Vd:5", NULL),
    F(FP16_SIMD, "fmls", "asimdhp", "01 0 11111 00 L:1 Vm:5 0101 H:1 0 Vn:5 Vd:5", NULL),
    F(FP16_SIMD, "fmul", "asimdhp", "01 0 11111 00 L:1 Vm:5 1001 H:1 0 Vn:5 Vd:5", NULL),
    F(FP16_SIMD, "fmulx", "asimdhp", "01 1 11111 00 L:1 Vm:5 1001 H:1 0 Vn:5 Vd:5", NULL),
    F(FP16_SIMD, "scvtf|ucvtf", "asimdhp", "01 U:1 111110 001 immh:1 immb:3 11100 1 Vn:5 Vd:5", NULL),
    F(FP16_SIMD, "fcvtzs|fcvtzu", "asimdhp", "01 U:1 111110 001 immh:1 immb:3 11111 1 Vn:5 Vd:5", NULL),

    /* Optional ARMv8.x extensions elfrun may implement one day: each is
       random-tested once advertised, and a SIGILL candidate until then. */
    F(EXT_RDM, "sqrdmlah|sqrdmlsh", "asimdrdm", "0 Q:1 1 01110 size:2 0 Vm:5 1000 op:1 1 Vn:5 Vd:5", v_hs),
    F(EXT_RDM, "sqrdmlah|sqrdmlsh", "asimdrdm", "01 1 11110 size:2 0 Vm:5 1000 op:1 1 Vn:5 Vd:5", v_hs),
    VE(EXT_RDM, "sqrdmlah", "asimdrdm", "1", "1101", v_hs),
    VE(EXT_RDM, "sqrdmlsh", "asimdrdm", "1", "1111", v_hs),
    SE(EXT_RDM, "sqrdmlah", "asimdrdm", "1", "1101", v_hs),
    SE(EXT_RDM, "sqrdmlsh", "asimdrdm", "1", "1111", v_hs),
    F(EXT_DOTPROD, "sdot|udot", "asimddp", "0 Q:1 U:1 01110 10 0 Vm:5 1001 01 Vn:5 Vd:5", NULL),
    VE(EXT_DOTPROD, "sdot", "asimddp", "0", "1110", v_s),
    VE(EXT_DOTPROD, "udot", "asimddp", "1", "1110", v_s),
    F(EXT_FHM, "fmlal|fmlsl", "asimdfhm", "0 Q:1 0 01110 op:1 0 1 Vm:5 11101 1 Vn:5 Vd:5", NULL),
    F(EXT_FHM, "fmlal2|fmlsl2", "asimdfhm", "0 Q:1 1 01110 op:1 0 1 Vm:5 11001 1 Vn:5 Vd:5", NULL),
    F(EXT_FHM, "fmlal|fmlsl", "asimdfhm", "0 Q:1 0 01111 10 L:1 Vm:5 0 op:1 00 H:1 0 Vn:5 Vd:5", NULL),
    F(EXT_FHM, "fmlal2|fmlsl2", "asimdfhm", "0 Q:1 1 01111 10 L:1 Vm:5 1 op:1 00 H:1 0 Vn:5 Vd:5", NULL),
    F(EXT_FCMA, "fcmla", "fcma", "0 Q:1 1 01110 size:2 0 Vm:5 110 rot:2 1 Vn:5 Vd:5", v_fcma),
    F(EXT_FCMA, "fcadd", "fcma", "0 Q:1 1 01110 size:2 0 Vm:5 111 rot:1 0 1 Vn:5 Vd:5", v_fcma),
    F(EXT_FCMA, "fcmla", "fcma", "0 Q:1 1 01111 size:2 L:1 Vm:5 0 rot:2 1 H:1 0 Vn:5 Vd:5", elem_fcma_ok),
    F(EXT_JSCVT, "fjcvtzs", "jscvt", "0 0 0 11110 01 1 11 110 000000 Vn:5 Rd:5", NULL),
    F(EXT_FRINT, "frint32z|frint32x|frint64z|frint64x", "frint",
      "0 0 0 11110 0 ftype:1 1 0100 op:2 10000 Vn:5 Vd:5", NULL),
    F(EXT_FRINT, "frint32z|frint32x", "frint", "0 Q:1 U:1 01110 0 sz:1 10000 11110 10 Vn:5 Vd:5", v_fp),
    F(EXT_FRINT, "frint64z|frint64x", "frint", "0 Q:1 U:1 01110 0 sz:1 10000 11111 10 Vn:5 Vd:5", v_fp),
    F(EXT_FLAGM, "cfinv", "flagm", "11010101 00000000 0100 0000 000 11111", NULL),
    F(EXT_FLAGM, "rmif", "flagm", "1 0 1 11010000 imm6:6 00001 Rn:5 0 mask:4", NULL),
    F(EXT_FLAGM, "setf8|setf16", "flagm", "0 0 1 11010000 000000 sz:1 0010 Rn:5 0 1101", NULL),
    F(EXT_FLAGM, "xaflag", "flagm2", "11010101 00000000 0100 0000 001 11111", NULL),
    F(EXT_FLAGM, "axflag", "flagm2", "11010101 00000000 0100 0000 010 11111", NULL),
    F(EXT_I8MM, "smmla|ummla", "i8mm", "0 1 U:1 01110 10 0 Vm:5 1010 01 Vn:5 Vd:5", NULL),
    F(EXT_I8MM, "usmmla", "i8mm", "0 1 0 01110 10 0 Vm:5 1010 11 Vn:5 Vd:5", NULL),
    F(EXT_I8MM, "usdot", "i8mm", "0 Q:1 0 01110 10 0 Vm:5 1001 11 Vn:5 Vd:5", NULL),
    F(EXT_I8MM, "sudot|usdot", "i8mm", "0 Q:1 0 01111 op:1 0 L:1 Vm:5 1111 H:1 0 Vn:5 Vd:5", NULL),
    F(EXT_BF16, "bfdot", "bf16", "0 Q:1 1 01110 01 0 Vm:5 1111 11 Vn:5 Vd:5", NULL),
    F(EXT_BF16, "bfmmla", "bf16", "0 1 1 01110 01 0 Vm:5 1110 11 Vn:5 Vd:5", NULL),
    F(EXT_BF16, "bfmlalb|bfmlalt", "bf16", "0 Q:1 1 01110 11 0 Vm:5 1111 11 Vn:5 Vd:5", NULL),
    F(EXT_BF16, "bfcvt", "bf16", "0 0 0 11110 01 1 000110 10000 Vn:5 Vd:5", NULL),
    F(EXT_BF16, "bfcvtn|bfcvtn2", "bf16", "0 Q:1 0 01110 10 10000 10110 10 Vn:5 Vd:5", NULL),
    F(EXT_BF16, "bfdot", "bf16", "0 Q:1 0 01111 01 L:1 Vm:5 1111 H:1 0 Vn:5 Vd:5", NULL),
    F(EXT_CSSC, "ctz|cnt", "cssc", "sf:1 1 0 11010110 00000 00011 op:1 Rn:5 Rd:5", NULL),
    F(EXT_CSSC, "abs", "cssc", "sf:1 1 0 11010110 00000 001000 Rn:5 Rd:5", NULL),
    F(EXT_CSSC, "smax|umax|smin|umin", "cssc", "sf:1 0 0 11010110 Rm:5 0110 op:2 Rn:5 Rd:5", NULL),
    F(EXT_CSSC, "smax|umax|smin|umin", "cssc", "sf:1 0 0 1000111 00 op:2 imm8:8 Rn:5 Rd:5", NULL),

    /* Never generated: extensions elfrun does not advertise and has no
       class for, and unallocated encodings. SIGILL candidates only. */
    F(NEVER, "*", "sve", "x:3 0010 y:25", NULL),
    F(NEVER, "*", "sme", "1 x:2 0000 y:25", NULL),
    F(NEVER, "irg", "mte", "1 0 0 11010110 Rm:5 000100 Rnsp:5 Rdsp:5", NULL),
    F(NEVER, "gmi", "mte", "1 0 0 11010110 Rm:5 000101 Rnsp:5 Rd:5", NULL),
    F(NEVER, "addg|subg", "mte", "1 op:1 0 100011 0 uimm6:6 00 uimm4:4 Rnsp:5 Rdsp:5", NULL),
    F(NEVER, "stg|stzg|st2g|stz2g", "mte", "11011001 op:2 1 imm9:9 idx:2 Rnsp:5 Rt:5", idx_ok),
    F(NEVER, "ldg", "mte", "11011001 0 1 1 imm9:9 00 Rnsp:5 Rt:5", NULL),
    F(NEVER, "stgp", "mte", "0 1 101 0 0 idx:2 0 imm7:7 Rt2:5 Rnsp:5 Rt:5", stgp_ok),
    F(NEVER, "pacia|pacib|pacda|pacdb|autia|autib|autda|autdb", "paca",
      "1 1 0 11010110 00001 00 0 op:3 Rnsp:5 Rd:5", NULL),
    F(NEVER, "paciza|pacizb|pacdza|pacdzb|autiza|autizb|autdza|autdzb", "paca",
      "1 1 0 11010110 00001 00 1 op:3 11111 Rd:5", NULL),
    F(NEVER, "xpaci|xpacd", "paca", "1 1 0 11010110 00001 0 1000 D:1 11111 Rd:5", NULL),
    F(NEVER, "pacga", "pacg", "1 0 0 11010110 Rm:5 001100 Rnsp:5 Rd:5", NULL),
    F(NEVER, "braaz|brabz|blraaz|blrabz", "paca", "1101011 0 0 0 op:1 11111 00001 M:1 Rn:5 11111", NULL),
    F(NEVER, "retaa|retab", "paca", "1101011 0 0 1 0 11111 00001 M:1 11111 11111", NULL),
    F(NEVER, "ldraa|ldrab", "paca", "11111000 M:1 S:1 1 imm9:9 W:1 1 Rnsp:5 Rt:5", NULL),
    F(NEVER, "ldlar|ldlarb|ldlarh|stllr|stllrb|stllrh", "lor",
      "size:2 001000 1 L:1 0 11111 0 11111 Rnsp:5 Rt:5", NULL),
    F(NEVER, "ld64b|st64b", "ls64", "11 111 0 00 0 0 1 11111 1 op:1 01 00 Rnsp:5 Rt:5", NULL),
    F(NEVER, "wfet|wfit", "wfxt", "11010101 00000011 0001 0000 00 op:1 Rd:5", NULL),
    F(NEVER, "sb", "sb", "11010101 00000011 0011 0000 111 11111", NULL),
    F(NEVER, "mrs", "rng", "11010101 00111011 0010 0100 00 op:1 Rd:5", NULL),
    F(NEVER, "msr", "ssbs", "11010101 00000 011 0100 CRm:4 001 11111", NULL),
    F(NEVER, "udf", "unallocated", "0000000000000000 imm16:16", NULL),
    F(NEVER, "*", "unallocated", "1 size:1 111 0 01 11 imm12:12 Rn:5 Rt:5", NULL),
    F(NEVER, "*", "unallocated", "0 opc:2 100100 1 immr:6 imms:6 Rn:5 Rd:5", NULL),
    F(NEVER, "*", "unallocated", "sf:1 01 100101 hw:2 imm16:16 Rd:5", NULL),
    F(NEVER, "*", "unallocated", "sf:1 11 100110 N:1 immr:6 imms:6 Rn:5 Rd:5", NULL),
    F(NEVER, "*", "unallocated", "sf:1 op:1 S:1 01011 11 0 Rm:5 imm6:6 Rn:5 Rd:5", NULL),
    F(NEVER, "*", "unallocated", "sf:1 op:1 S:1 01011 00 1 Rm:5 option:3 1 imm3:2 Rn:5 Rd:5", ext_big_ok),
    F(NEVER, "*", "unallocated", "0 0 0 11110 10 1 Vm:5 opcode:4 10 Vn:5 Vd:5", NULL),
    F(NEVER, "*", "unallocated", "0 Q:1 0 01110 11 1 Vm:5 00000 1 Vn:5 Vd:5", NULL),
    F(NEVER, "*", "unallocated", "0 0 U:1 01110 0 1 1 Vm:5 11010 1 Vn:5 Vd:5", NULL),
    F(NEVER, "*", "unallocated", "0 Q:1 0011000 L:1 000000 0001 size:2 Rn:5 Vt:5", NULL),
    F(NEVER, "*", "unallocated", "sf:1 0 0 11010110 Rm:5 00000 1 Rn:5 Rd:5", NULL),
    F(NEVER, "*", "unallocated", "0 0 0 11110 00 1 0001 10 10000 Vn:5 Vd:5", NULL),
};

const u32 g_nforms = sizeof g_forms / sizeof *g_forms;

/* --- Patterns ----------------------------------------------------------- */

static enum role role_of(const char *name, size_t len) {
  static const struct {
    const char *name;
    enum role role;
  } kRoles[] = {
      {"Rd", ROLE_GP_W}, {"Rt", ROLE_GP_W}, {"Rt2", ROLE_GP_W}, {"Rs", ROLE_GP_W},
      {"Rn", ROLE_GP_R}, {"Rm", ROLE_GP_R}, {"Ra", ROLE_GP_R}, {"Rdsp", ROLE_SP_W},
      {"Rnsp", ROLE_SP_R}, {"Vd", ROLE_V}, {"Vn", ROLE_V},  {"Vm", ROLE_V},
      {"Va", ROLE_V}, {"Vt", ROLE_V}, {"Vt2", ROLE_V}, {"Rb", ROLE_BASE},
      {"Ri", ROLE_INDEX},
  };
  for (size_t i = 0; i < sizeof kRoles / sizeof *kRoles; i++)
    if (strlen(kRoles[i].name) == len && !memcmp(kRoles[i].name, name, len)) return kRoles[i].role;
  return ROLE_IMM;
}

static void bad_pattern(const struct form *f, const char *why) {
  fprintf(stderr, "isatool: form %s \"%s\": %s\n", f->names, f->pattern, why);
  exit(2);
}

static void parse_form(struct form *f) {
  int pos = 32;
  for (const char *p = f->pattern; *p;) {
    if (*p == ' ') {
      p++;
      continue;
    }
    const char *tok = p;
    while (*p && *p != ' ') p++;
    const char *colon = memchr(tok, ':', p - tok);
    if (!colon) { /* fixed bits */
      for (const char *c = tok; c < p; c++) {
        if (*c != '0' && *c != '1') bad_pattern(f, "bad fixed bit");
        if (--pos < 0) bad_pattern(f, "more than 32 bits");
        f->fixed |= (u32)(*c - '0') << pos;
      }
      continue;
    }
    int width = atoi(colon + 1);
    pos -= width;
    if (width <= 0 || pos < 0) bad_pattern(f, "bad field width");
    if (f->nfields == FORM_MAX_FIELDS) bad_pattern(f, "too many fields");
    f->fields[f->nfields++] = (struct field){(u8)pos, (u8)width, (u8)role_of(tok, colon - tok)};
  }
  if (pos != 0) bad_pattern(f, "fewer than 32 bits");
}

void forms_init(void) {
  for (u32 i = 0; i < g_nforms; i++) parse_form(&g_forms[i]);
}

u32 form_draw(const struct form *f, u32 (*pick_reg)(void *ctx, enum role), void *ctx,
              u64 (*random_bits)(void *ctx, u32 width)) {
  u32 w = f->fixed;
  for (u32 i = 0; i < f->nfields; i++) {
    const struct field *fd = &f->fields[i];
    u32 v = fd->role == ROLE_IMM ? (u32)random_bits(ctx, fd->width) : pick_reg(ctx, fd->role);
    w |= (v & ((1u << fd->width) - 1)) << fd->lo;
  }
  return w;
}

bool form_mnemonic_ok(const struct form *f, const char *mnemonic) {
  size_t mlen = strlen(mnemonic);
  for (const char *p = f->names; *p;) {
    const char *end = strchr(p, '|');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    if (len && p[len - 1] == '*') {
      if (mlen >= len - 1 && !memcmp(mnemonic, p, len - 1)) return true;
    } else if (len == mlen && !memcmp(mnemonic, p, len)) {
      return true;
    } else if (len + 1 == mlen && !memcmp(mnemonic, p, len) && mnemonic[len] == '2') {
      return true; /* the upper-half ("2") variant of a long or narrow form */
    }
    p += len + (end ? 1 : 0);
    if (!end) break;
  }
  return false;
}
