/* Data processing, register (Arm ARM C4.1.87): logical and add/subtract
   with a shifted or extended register, add/subtract with carry,
   conditional compare and select, and the 1-, 2- and 3-source groups.

   Most groups come in 32- and 64-bit pairs that differ only in operand
   width, so their handlers are stamped out by the DEFINE_* templates below
   from one expression in n (Rn) and m (the second operand), written once as
   in the pseudocode. A 32-bit result is stored zero-extended. The handler
   names follow list_dp_reg.h: op_<name>_w / op_<name>_x, with _reg (Rm as
   is), _reg_lsl/_lsr/_asr/_ror (Rm shifted) or _ext (Rm extended) for the
   groups that have
   those forms. */
#include "cpu/insn.h"

#include <pthread.h>

#include "cpu/sem_alu.h"
#include "cpu/sem_bits.h"

static u32 w_of(const struct cpu *cpu, u8 r) { return (u32)cpu->x[r]; }

/* Width-generic forms of the sem_alu.h helpers for the templates: n and m
   are u32 in the _w handlers and u64 in the _x ones. */
#define ADD_FLAGS(n, m) _Generic((n), u32: sem_add32_flags, u64: sem_add64_flags)(cpu, n, m)
#define SUB_FLAGS(n, m) _Generic((n), u32: sem_sub32_flags, u64: sem_sub64_flags)(cpu, n, m)
#define ADC_FLAGS(n, m, c) \
  _Generic((n), u32: sem_adc32_flags, u64: sem_adc64_flags)(cpu, n, m, c)
#define LOGIC_FLAGS(r) _Generic((r), u32: logic32, u64: logic64)(cpu, r)
#define SHIFT(x, type, amount) \
  _Generic((x), u32: sem_shift32, u64: sem_shift64)(x, type, amount)
#define DATASIZE(x) (8 * (u32)sizeof(x))

static inline u32 logic32(struct cpu *cpu, u32 r) { sem_logic_flags32(cpu, r); return r; }
static inline u64 logic64(struct cpu *cpu, u64 r) { sem_logic_flags64(cpu, r); return r; }

/* Second operands: Rm as is, ShiftReg(Rm, b, a), or ExtendReg(Rm, b, a). */
#define RM_W w_of(cpu, in->rm)
#define RM_X cpu->x[in->rm]
#define RM_SHIFTED_W(type) sem_shift32(w_of(cpu, in->rm), type, in->a)
#define RM_SHIFTED_X(type) sem_shift64(cpu->x[in->rm], type, in->a)
#define RM_EXTENDED_W ((u32)sem_extend(cpu->x[in->rm], in->b) << in->a)
#define RM_EXTENDED_X (sem_extend(cpu->x[in->rm], in->b) << in->a)
#define IMM_W ((u32)in->imm)
#define IMM_X in->imm

/* name_w and name_x: rd = EXPR(n, m), with m = M32 or M64. */
#define DEFINE_RR(name, m32, m64, expr)                    \
  OP_HANDLER(name##_w) {                                   \
    u32 n = w_of(cpu, in->rn), m = (m32);                  \
    cpu->x[in->rd] = (u32)(expr);                          \
    return NEXT;                                           \
  }                                                        \
  OP_HANDLER(name##_x) {                                   \
    u64 n = cpu->x[in->rn], m = (m64);                     \
    cpu->x[in->rd] = (expr);                               \
    return NEXT;                                           \
  }

/* The shifted-register groups: name_reg_{w,x} and, per shift type,
   name_reg_{lsl,lsr,asr,ror}_{w,x}. */
#define DEFINE_SHIFTED_REG(name, expr)                                                     \
  DEFINE_RR(name##_reg, RM_W, RM_X, expr)                                                  \
  DEFINE_RR(name##_reg_lsl, RM_SHIFTED_W(SHIFT_LSL), RM_SHIFTED_X(SHIFT_LSL), expr)        \
  DEFINE_RR(name##_reg_lsr, RM_SHIFTED_W(SHIFT_LSR), RM_SHIFTED_X(SHIFT_LSR), expr)        \
  DEFINE_RR(name##_reg_asr, RM_SHIFTED_W(SHIFT_ASR), RM_SHIFTED_X(SHIFT_ASR), expr)        \
  DEFINE_RR(name##_reg_ror, RM_SHIFTED_W(SHIFT_ROR), RM_SHIFTED_X(SHIFT_ROR), expr)

/* Logical (shifted register). */
OP_HANDLER(mov_reg_w) { cpu->x[in->rd] = w_of(cpu, in->rm); return NEXT; }
OP_HANDLER(mov_reg_x) { cpu->x[in->rd] = cpu->x[in->rm]; return NEXT; }
DEFINE_SHIFTED_REG(and, n & m)
DEFINE_SHIFTED_REG(bic, n & ~m)
DEFINE_SHIFTED_REG(orr, n | m)
DEFINE_SHIFTED_REG(orn, n | ~m)
DEFINE_SHIFTED_REG(eor, n ^ m)
DEFINE_SHIFTED_REG(eon, n ^ ~m)
DEFINE_SHIFTED_REG(ands, LOGIC_FLAGS(n & m))
DEFINE_SHIFTED_REG(bics, LOGIC_FLAGS(n & ~m))

/* Add/subtract (shifted register) and (extended register). */
DEFINE_SHIFTED_REG(add, n + m)
DEFINE_SHIFTED_REG(adds, ADD_FLAGS(n, m))
DEFINE_SHIFTED_REG(sub, n - m)
DEFINE_SHIFTED_REG(subs, SUB_FLAGS(n, m))
DEFINE_RR(add_ext, RM_EXTENDED_W, RM_EXTENDED_X, n + m)
DEFINE_RR(adds_ext, RM_EXTENDED_W, RM_EXTENDED_X, ADD_FLAGS(n, m))
DEFINE_RR(sub_ext, RM_EXTENDED_W, RM_EXTENDED_X, n - m)
DEFINE_RR(subs_ext, RM_EXTENDED_W, RM_EXTENDED_X, SUB_FLAGS(n, m))

/* Add/subtract with carry: SBC is AddWithCarry(n, NOT(m), C). */
DEFINE_RR(adc, RM_W, RM_X, n + m + cpu->cf)
DEFINE_RR(adcs, RM_W, RM_X, ADC_FLAGS(n, m, cpu->cf))
DEFINE_RR(sbc, RM_W, RM_X, n + ~m + cpu->cf)
DEFINE_RR(sbcs, RM_W, RM_X, ADC_FLAGS(n, ~m, cpu->cf))

/* Conditional select. */
DEFINE_RR(csel, RM_W, RM_X, cond_holds(cpu, in->a) ? n : m)
DEFINE_RR(csinc, RM_W, RM_X, cond_holds(cpu, in->a) ? n : m + 1)
DEFINE_RR(csinv, RM_W, RM_X, cond_holds(cpu, in->a) ? n : ~m)
DEFINE_RR(csneg, RM_W, RM_X, cond_holds(cpu, in->a) ? n : -m)

/* Conditional compare: the comparison's flags if the condition holds,
   else the immediate nzcv. */
#define DEFINE_COND_COMPARE(name, m32, m64, flags)                       \
  OP_HANDLER(name##_w) {                                                 \
    u32 n = w_of(cpu, in->rn), m = (m32);                                \
    if (cond_holds(cpu, in->a)) flags(n, m); else sem_set_nzcv4(cpu, in->b); \
    return NEXT;                                                         \
  }                                                                      \
  OP_HANDLER(name##_x) {                                                 \
    u64 n = cpu->x[in->rn], m = (m64);                                   \
    if (cond_holds(cpu, in->a)) flags(n, m); else sem_set_nzcv4(cpu, in->b); \
    return NEXT;                                                         \
  }

DEFINE_COND_COMPARE(ccmn_reg, RM_W, RM_X, ADD_FLAGS)
DEFINE_COND_COMPARE(ccmn_imm, IMM_W, IMM_X, ADD_FLAGS)
DEFINE_COND_COMPARE(ccmp_reg, RM_W, RM_X, SUB_FLAGS)
DEFINE_COND_COMPARE(ccmp_imm, IMM_W, IMM_X, SUB_FLAGS)

/* Data processing (1 source). */

OP_HANDLER(rbit_w) { cpu->x[in->rd] = rbit32(w_of(cpu, in->rn)); return NEXT; }
OP_HANDLER(rbit_x) { cpu->x[in->rd] = rbit64(cpu->x[in->rn]); return NEXT; }
OP_HANDLER(rev16_w) { cpu->x[in->rd] = (u32)rev16_64(w_of(cpu, in->rn)); return NEXT; }
OP_HANDLER(rev16_x) { cpu->x[in->rd] = rev16_64(cpu->x[in->rn]); return NEXT; }
OP_HANDLER(rev32_x) { cpu->x[in->rd] = rev32_64(cpu->x[in->rn]); return NEXT; }
OP_HANDLER(rev_w) { cpu->x[in->rd] = __builtin_bswap32(w_of(cpu, in->rn)); return NEXT; }
OP_HANDLER(rev_x) { cpu->x[in->rd] = __builtin_bswap64(cpu->x[in->rn]); return NEXT; }
OP_HANDLER(clz_w) { cpu->x[in->rd] = clz32(w_of(cpu, in->rn)); return NEXT; }
OP_HANDLER(clz_x) { cpu->x[in->rd] = clz64(cpu->x[in->rn]); return NEXT; }
OP_HANDLER(cls_w) { cpu->x[in->rd] = cls32(w_of(cpu, in->rn)); return NEXT; }
OP_HANDLER(cls_x) { cpu->x[in->rd] = cls64(cpu->x[in->rn]); return NEXT; }

/* Data processing (2 source). */

/* UDIV/SDIV never trap: x / 0 is 0, and the one overflowing quotient,
   INT_MIN / -1, wraps to INT_MIN (Arm ARM: RoundTowardsZero of the real
   quotient, truncated to datasize). Both cases would fault on x86. */
static u32 sdiv32(u32 n, u32 m) {
  if (m == 0) return 0;
  if (n == 0x80000000u && m == 0xffffffffu) return n;
  return (u32)((i32)n / (i32)m);
}
static u64 sdiv64(u64 n, u64 m) {
  if (m == 0) return 0;
  if (n == 0x8000000000000000ull && m == ~0ull) return n;
  return (u64)((i64)n / (i64)m);
}

DEFINE_RR(udiv, RM_W, RM_X, m ? n / m : 0)
DEFINE_RR(sdiv, RM_W, RM_X, _Generic((n), u32: sdiv32, u64: sdiv64)(n, m))

/* Shift by register: the amount is Rm MOD datasize. */
DEFINE_RR(lslv, RM_W, RM_X, SHIFT(n, SHIFT_LSL, m % DATASIZE(n)))
DEFINE_RR(lsrv, RM_W, RM_X, SHIFT(n, SHIFT_LSR, m % DATASIZE(n)))
DEFINE_RR(asrv, RM_W, RM_X, SHIFT(n, SHIFT_ASR, m % DATASIZE(n)))
DEFINE_RR(rorv, RM_W, RM_X, SHIFT(n, SHIFT_ROR, m % DATASIZE(n)))

/* CRC32 and CRC32C. The Arm ARM computes
     BitReverse(Poly32Mod2(BitReverse(acc):Zeros(size) EOR
                           BitReverse(val):Zeros(32), poly))
   which is the usual bit-reflected CRC update of acc by val's bytes, low
   byte first, with no initial or final inversion; reflected, the
   polynomials 0x04C11DB7 and 0x1EDC6F41 read 0xEDB88320 and 0x82F63B78.
   Tables for slicing by 8 (g_crc_table, sem_alu.h): [k][i] is the update
   of i followed by k zero bytes, so the n bytes of acc ^ val (n = 4 or 8)
   update independently, b_j through [n-1-j], and the results XOR. The JIT
   reads the same tables (jit/translate.c). */
enum { CRC32_IEEE, CRC32_CASTAGNOLI };

static const u32 kCrcPolyReflected[2] = {0xEDB88320u, 0x82F63B78u};
u32 g_crc_table[2][8][256];
static pthread_once_t g_crc_once = PTHREAD_ONCE_INIT;

static void crc_tables_init(void) {
  for (int p = 0; p < 2; p++) {
    for (u32 i = 0; i < 256; i++) {
      u32 c = i;
      for (int k = 0; k < 8; k++) c = c >> 1 ^ (c & 1 ? kCrcPolyReflected[p] : 0);
      g_crc_table[p][0][i] = c;
    }
    for (int k = 1; k < 8; k++)
      for (u32 i = 0; i < 256; i++) {
        u32 c = g_crc_table[p][k - 1][i];
        g_crc_table[p][k][i] = c >> 8 ^ g_crc_table[p][0][c & 0xff];
      }
  }
}

static u32 crc_update(int poly, u32 acc, u64 val, u32 bytes) {
  const u32(*table)[256] = g_crc_table[poly];
  if (bytes >= 4) {
    u64 x = acc ^ val;
    acc = 0;
    for (u32 j = 0; j < bytes; j++, x >>= 8) acc ^= table[bytes - 1 - j][x & 0xff];
    return acc;
  }
  for (u32 i = 0; i < bytes; i++, val >>= 8) acc = table[0][(acc ^ val) & 0xff] ^ acc >> 8;
  return acc;
}

#define DEFINE_CRC(name, poly, bytes)                                     \
  OP_HANDLER(name) {                                                      \
    cpu->x[in->rd] = crc_update(poly, w_of(cpu, in->rn), cpu->x[in->rm], bytes); \
    return NEXT;                                                          \
  }

DEFINE_CRC(crc32b, CRC32_IEEE, 1)
DEFINE_CRC(crc32h, CRC32_IEEE, 2)
DEFINE_CRC(crc32w, CRC32_IEEE, 4)
DEFINE_CRC(crc32x, CRC32_IEEE, 8)
DEFINE_CRC(crc32cb, CRC32_CASTAGNOLI, 1)
DEFINE_CRC(crc32ch, CRC32_CASTAGNOLI, 2)
DEFINE_CRC(crc32cw, CRC32_CASTAGNOLI, 4)
DEFINE_CRC(crc32cx, CRC32_CASTAGNOLI, 8)

/* Data processing (3 source). */

DEFINE_RR(mul, RM_W, RM_X, n * m)

OP_HANDLER(madd_w) {
  u32 r = w_of(cpu, in->ra) + w_of(cpu, in->rn) * w_of(cpu, in->rm);
  cpu->x[in->rd] = r;
  return NEXT;
}
OP_HANDLER(madd_x) {
  cpu->x[in->rd] = cpu->x[in->ra] + cpu->x[in->rn] * cpu->x[in->rm];
  return NEXT;
}
OP_HANDLER(msub_w) {
  u32 r = w_of(cpu, in->ra) - w_of(cpu, in->rn) * w_of(cpu, in->rm);
  cpu->x[in->rd] = r;
  return NEXT;
}
OP_HANDLER(msub_x) {
  cpu->x[in->rd] = cpu->x[in->ra] - cpu->x[in->rn] * cpu->x[in->rm];
  return NEXT;
}

/* The widening forms multiply the low words; the 64-bit product of two
   32-bit values cannot overflow. */
static u64 smull(const struct cpu *cpu, const struct insn *in) {
  return (u64)((i64)(i32)w_of(cpu, in->rn) * (i32)w_of(cpu, in->rm));
}
static u64 umull(const struct cpu *cpu, const struct insn *in) {
  return (u64)w_of(cpu, in->rn) * w_of(cpu, in->rm);
}

OP_HANDLER(smaddl) { cpu->x[in->rd] = cpu->x[in->ra] + smull(cpu, in); return NEXT; }
OP_HANDLER(smsubl) { cpu->x[in->rd] = cpu->x[in->ra] - smull(cpu, in); return NEXT; }
OP_HANDLER(umaddl) { cpu->x[in->rd] = cpu->x[in->ra] + umull(cpu, in); return NEXT; }
OP_HANDLER(umsubl) { cpu->x[in->rd] = cpu->x[in->ra] - umull(cpu, in); return NEXT; }

OP_HANDLER(smulh) {
  i128 p = (i128)(i64)cpu->x[in->rn] * (i64)cpu->x[in->rm];
  cpu->x[in->rd] = (u64)(p >> 64);
  return NEXT;
}
OP_HANDLER(umulh) {
  u128 p = (u128)cpu->x[in->rn] * cpu->x[in->rm];
  cpu->x[in->rd] = (u64)(p >> 64);
  return NEXT;
}

/* Decoders. */

/* One row per shifted-register instruction: [kind][sf], where kind is 0 for
   no shift and 1 + enum shift_type otherwise. */
#define SHIFTED_ROW(name)                                                      \
  {{OP_##name##_reg_w, OP_##name##_reg_x}, {OP_##name##_reg_lsl_w, OP_##name##_reg_lsl_x}, \
   {OP_##name##_reg_lsr_w, OP_##name##_reg_lsr_x},                              \
   {OP_##name##_reg_asr_w, OP_##name##_reg_asr_x},                              \
   {OP_##name##_reg_ror_w, OP_##name##_reg_ror_x}}

/* Fills rd, rn, rm and the shift of a shifted-register form; a zero shift
   selects the plain handler. */
static void decode_shifted_operands(u32 w, const u16 ops[5][2], struct insn *out) {
  u32 sf = bit(w, 31), amount = bits(w, 15, 10);
  out->op = ops[amount ? 1 + bits(w, 23, 22) : 0][sf];
  out->rd = reg_dst(bits(w, 4, 0));
  out->rn = reg_src(bits(w, 9, 5));
  out->rm = reg_src(bits(w, 20, 16));
  out->a = amount;
  out->b = bits(w, 23, 22);
}

/* sf opc 01010 shift N Rm imm6 Rn Rd. */
static bool decode_logical_reg(u32 w, struct insn *out) {
  static const u16 kOps[8][5][2] = {           /* [opc:N] */
      SHIFTED_ROW(and), SHIFTED_ROW(bic), SHIFTED_ROW(orr), SHIFTED_ROW(orn),
      SHIFTED_ROW(eor), SHIFTED_ROW(eon), SHIFTED_ROW(ands), SHIFTED_ROW(bics),
  };
  u32 sf = bit(w, 31), opc_n = bits(w, 30, 29) << 1 | bit(w, 21);
  if (!sf && bit(w, 15)) return false;
  decode_shifted_operands(w, kOps[opc_n], out);
  if (out->op == OP_orr_reg_w || out->op == OP_orr_reg_x) {
    if (out->rn == REG_ZR) out->op = sf ? OP_mov_reg_x : OP_mov_reg_w;
  }
  return true;
}

/* sf op S 01011 shift 0 Rm imm6 Rn Rd. */
static bool decode_add_sub_shifted(u32 w, struct insn *out) {
  static const u16 kOps[4][5][2] = {           /* [op:S] */
      SHIFTED_ROW(add), SHIFTED_ROW(adds), SHIFTED_ROW(sub), SHIFTED_ROW(subs),
  };
  u32 sf = bit(w, 31);
  if (bits(w, 23, 22) == SHIFT_ROR || (!sf && bit(w, 15))) return false;
  decode_shifted_operands(w, kOps[bits(w, 30, 29)], out);
  return true;
}

/* sf op S 01011 opt 1 Rm option imm3 Rn Rd. Rn is SP-capable; so is Rd
   unless S. An extend that leaves the operand's low datasize bits as they
   are (UXTX/SXTX, and UXTW/SXTW at 32 bits) is an LSL: those forms, which
   include ADD/SUB with SP and a plain register, run as shifted-register
   handlers. */
static bool decode_add_sub_extended(u32 w, struct insn *out) {
  static const u16 kShiftedOps[4][5][2] = {    /* [op:S] */
      SHIFTED_ROW(add), SHIFTED_ROW(adds), SHIFTED_ROW(sub), SHIFTED_ROW(subs),
  };
  static const u16 kExtendedOps[4][2] = {      /* [op:S][sf] */
      {OP_add_ext_w, OP_add_ext_x}, {OP_adds_ext_w, OP_adds_ext_x},
      {OP_sub_ext_w, OP_sub_ext_x}, {OP_subs_ext_w, OP_subs_ext_x},
  };
  u32 sf = bit(w, 31), op_s = bits(w, 30, 29), s = bit(w, 29);
  u32 option = bits(w, 15, 13), amount = bits(w, 12, 10);
  if (bits(w, 23, 22) != 0 || amount > 4) return false;
  bool identity = sf ? (option & 3) == 3 : (option & 2) == 2;
  if (identity) {
    out->op = kShiftedOps[op_s][amount != 0][sf];
    out->b = SHIFT_LSL;
  } else {
    out->op = kExtendedOps[op_s][sf];
    out->b = option;
  }
  out->a = amount;
  out->rd = s ? reg_dst(bits(w, 4, 0)) : reg_or_sp(bits(w, 4, 0));
  out->rn = reg_or_sp(bits(w, 9, 5));
  out->rm = reg_src(bits(w, 20, 16));
  return true;
}

/* Fills rd, rn, rm of the usual three-register layout. */
static void decode_rrr(u32 w, struct insn *out) {
  out->rd = reg_dst(bits(w, 4, 0));
  out->rn = reg_src(bits(w, 9, 5));
  out->rm = reg_src(bits(w, 20, 16));
}

/* sf op S 11010000 Rm 000000 Rn Rd. */
static bool decode_add_sub_carry(u32 w, struct insn *out) {
  static const u16 kOps[4][2] = {              /* [op:S][sf] */
      {OP_adc_w, OP_adc_x}, {OP_adcs_w, OP_adcs_x},
      {OP_sbc_w, OP_sbc_x}, {OP_sbcs_w, OP_sbcs_x},
  };
  /* Other op3 values are RMIF, SETF8, SETF16 (FEAT_FlagM, not advertised). */
  if (bits(w, 15, 10) != 0) return false;
  out->op = kOps[bits(w, 30, 29)][bit(w, 31)];
  decode_rrr(w, out);
  return true;
}

/* sf op 1 11010010 Rm|imm5 cond imm o2 Rn o3 nzcv. */
static bool decode_cond_compare(u32 w, struct insn *out) {
  static const u16 kOps[2][2][2] = {           /* [op][imm][sf] */
      {{OP_ccmn_reg_w, OP_ccmn_reg_x}, {OP_ccmn_imm_w, OP_ccmn_imm_x}},
      {{OP_ccmp_reg_w, OP_ccmp_reg_x}, {OP_ccmp_imm_w, OP_ccmp_imm_x}},
  };
  if (!bit(w, 29) || bit(w, 10) || bit(w, 4)) return false;
  out->op = kOps[bit(w, 30)][bit(w, 11)][bit(w, 31)];
  out->rn = reg_src(bits(w, 9, 5));
  out->rm = reg_src(bits(w, 20, 16));
  out->imm = bits(w, 20, 16);
  out->a = bits(w, 15, 12);
  out->b = bits(w, 3, 0);
  return true;
}

/* sf op 0 11010100 Rm cond 0 o2 Rn Rd. */
static bool decode_cond_select(u32 w, struct insn *out) {
  static const u16 kOps[4][2] = {              /* [op:o2][sf] */
      {OP_csel_w, OP_csel_x}, {OP_csinc_w, OP_csinc_x},
      {OP_csinv_w, OP_csinv_x}, {OP_csneg_w, OP_csneg_x},
  };
  if (bit(w, 29) || bit(w, 11)) return false;
  out->op = kOps[bit(w, 30) << 1 | bit(w, 10)][bit(w, 31)];
  decode_rrr(w, out);
  out->a = bits(w, 15, 12);
  return true;
}

/* sf 1 0 11010110 00000 opcode Rn Rd. */
static bool decode_dp_1src(u32 w, struct insn *out) {
  static const u16 kOps[6][2] = {              /* [opcode][sf] */
      {OP_rbit_w, OP_rbit_x}, {OP_rev16_w, OP_rev16_x}, {OP_rev_w, OP_rev32_x},
      {OP_undef, OP_rev_x},   {OP_clz_w, OP_clz_x},     {OP_cls_w, OP_cls_x},
  };
  u32 sf = bit(w, 31), opcode = bits(w, 15, 10);
  /* opcode2 != 0 is FEAT_PAuth, opcode 6-8 FEAT_CSSC: not advertised.
     REV with opcode 3 exists only at 64 bits (OP_undef marks the hole). */
  if (bit(w, 29) || bits(w, 20, 16) != 0 || opcode >= 6) return false;
  if (kOps[opcode][sf] == OP_undef) return false;
  out->op = kOps[opcode][sf];
  out->rd = reg_dst(bits(w, 4, 0));
  out->rn = reg_src(bits(w, 9, 5));
  return true;
}

/* sf 0 0 11010110 Rm opcode Rn Rd. */
static bool decode_dp_2src(u32 w, struct insn *out) {
  static const u16 kShiftOps[4][2] = {         /* [opcode<1:0>][sf] */
      {OP_lslv_w, OP_lslv_x}, {OP_lsrv_w, OP_lsrv_x},
      {OP_asrv_w, OP_asrv_x}, {OP_rorv_w, OP_rorv_x},
  };
  static const u16 kCrcOps[2][4] = {           /* [C][sz] */
      {OP_crc32b, OP_crc32h, OP_crc32w, OP_crc32x},
      {OP_crc32cb, OP_crc32ch, OP_crc32cw, OP_crc32cx},
  };
  u32 sf = bit(w, 31), opcode = bits(w, 15, 10);
  /* S = 1 is SUBPS, and the opcodes not handled here are FEAT_MTE,
     FEAT_PAuth or FEAT_CSSC: none is advertised. */
  if (bit(w, 29)) return false;
  decode_rrr(w, out);
  switch (opcode) {
    case 0x02: out->op = sf ? OP_udiv_x : OP_udiv_w; return true;
    case 0x03: out->op = sf ? OP_sdiv_x : OP_sdiv_w; return true;
    case 0x08: case 0x09: case 0x0a: case 0x0b:
      out->op = kShiftOps[opcode & 3][sf];
      return true;
    case 0x10: case 0x11: case 0x12: case 0x13:
    case 0x14: case 0x15: case 0x16: case 0x17: {
      u32 sz = opcode & 3;
      if (sf != (sz == 3)) return false;  /* only CRC32X/CX take an X register */
      pthread_once(&g_crc_once, crc_tables_init);
      out->op = kCrcOps[bit(opcode, 2)][sz];
      return true;
    }
    default: return false;
  }
}

/* sf op54 11011 op31 Rm o0 Ra Rn Rd. */
static bool decode_dp_3src(u32 w, struct insn *out) {
  u32 sf = bit(w, 31), op31 = bits(w, 23, 21), o0 = bit(w, 15);
  if (bits(w, 30, 29) != 0 || (!sf && op31 != 0)) return false;
  decode_rrr(w, out);
  out->ra = reg_src(bits(w, 14, 10));
  switch (op31 << 1 | o0) {
    case 0x0:
      if (out->ra == REG_ZR) out->op = sf ? OP_mul_x : OP_mul_w;
      else out->op = sf ? OP_madd_x : OP_madd_w;
      return true;
    case 0x1: out->op = sf ? OP_msub_x : OP_msub_w; return true;
    case 0x2: out->op = OP_smaddl; return true;
    case 0x3: out->op = OP_smsubl; return true;
    case 0x4: out->op = OP_smulh; return true; /* Ra is should-be-ones: ignored */
    case 0xa: out->op = OP_umaddl; return true;
    case 0xb: out->op = OP_umsubl; return true;
    case 0xc: out->op = OP_umulh; return true;
    default: return false;
  }
}

/* op0 = bit 30, op1 = bit 28, op2 = bits 24:21 of the group's table. */
bool decode_dp_reg(u32 w, u64 pc, struct insn *out) {
  (void)pc;
  u32 op2 = bits(w, 24, 21);
  if (!bit(w, 28)) {
    if (!bit(w, 24)) return decode_logical_reg(w, out);
    return bit(w, 21) ? decode_add_sub_extended(w, out) : decode_add_sub_shifted(w, out);
  }
  switch (op2) {
    case 0x0: return decode_add_sub_carry(w, out);
    case 0x2: return decode_cond_compare(w, out);
    case 0x4: return decode_cond_select(w, out);
    case 0x6: return bit(w, 30) ? decode_dp_1src(w, out) : decode_dp_2src(w, out);
    default: return op2 >= 8 && decode_dp_3src(w, out);
  }
}
