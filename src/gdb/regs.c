/* The guest's registers as gdb numbers and lays them out: the order of the
   target description below, each little-endian, X0-X30, SP and PC of 64
   bits, CPSR of 32 (gdb's aarch64 core feature), then V0-V31 of 128 bits,
   FPSR and FPCR of 32 (the fpu feature). The feature and register names are
   the ones gdb's aarch64 support requires (gdb/features/aarch64-core.xml and
   aarch64-fpu.xml name the same registers). */
#include "gdb/regs.h"

#include <string.h>

#include "gdb/rsp.h"

#define XREG(n) "<reg name=\"x" #n "\" bitsize=\"64\"/>"
#define VREG(n) "<reg name=\"v" #n "\" bitsize=\"128\" type=\"aarch64v\"/>"

const char g_gdb_target_xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
    "<target><architecture>aarch64</architecture>\n"
    "<feature name=\"org.gnu.gdb.aarch64.core\">\n"
    XREG(0) XREG(1) XREG(2) XREG(3) XREG(4) XREG(5) XREG(6) XREG(7) XREG(8) XREG(9)
    XREG(10) XREG(11) XREG(12) XREG(13) XREG(14) XREG(15) XREG(16) XREG(17) XREG(18)
    XREG(19) XREG(20) XREG(21) XREG(22) XREG(23) XREG(24) XREG(25) XREG(26) XREG(27)
    XREG(28) XREG(29) XREG(30)
    "<reg name=\"sp\" bitsize=\"64\" type=\"data_ptr\"/>"
    "<reg name=\"pc\" bitsize=\"64\" type=\"code_ptr\"/>\n"
    /* PSTATE as SPSR_EL1 lays it out (Arm ARM C5.2.18); at EL0 only NZCV
       are visible. */
    "<flags id=\"cpsr_flags\" size=\"4\">"
    "<field name=\"SP\" start=\"0\" end=\"0\"/>"
    "<field name=\"EL\" start=\"2\" end=\"3\"/>"
    "<field name=\"nRW\" start=\"4\" end=\"4\"/>"
    "<field name=\"F\" start=\"6\" end=\"6\"/>"
    "<field name=\"I\" start=\"7\" end=\"7\"/>"
    "<field name=\"A\" start=\"8\" end=\"8\"/>"
    "<field name=\"D\" start=\"9\" end=\"9\"/>"
    "<field name=\"IL\" start=\"20\" end=\"20\"/>"
    "<field name=\"SS\" start=\"21\" end=\"21\"/>"
    "<field name=\"V\" start=\"28\" end=\"28\"/>"
    "<field name=\"C\" start=\"29\" end=\"29\"/>"
    "<field name=\"Z\" start=\"30\" end=\"30\"/>"
    "<field name=\"N\" start=\"31\" end=\"31\"/>"
    "</flags>\n"
    "<reg name=\"cpsr\" bitsize=\"32\" type=\"cpsr_flags\"/>\n"
    "</feature>\n"
    "<feature name=\"org.gnu.gdb.aarch64.fpu\">\n"
    "<vector id=\"v2d\" type=\"ieee_double\" count=\"2\"/>"
    "<vector id=\"v2u\" type=\"uint64\" count=\"2\"/>"
    "<vector id=\"v2i\" type=\"int64\" count=\"2\"/>"
    "<vector id=\"v4f\" type=\"ieee_single\" count=\"4\"/>"
    "<vector id=\"v4u\" type=\"uint32\" count=\"4\"/>"
    "<vector id=\"v4i\" type=\"int32\" count=\"4\"/>"
    "<vector id=\"v8f\" type=\"ieee_half\" count=\"8\"/>"
    "<vector id=\"v8u\" type=\"uint16\" count=\"8\"/>"
    "<vector id=\"v8i\" type=\"int16\" count=\"8\"/>"
    "<vector id=\"v16u\" type=\"uint8\" count=\"16\"/>"
    "<vector id=\"v16i\" type=\"int8\" count=\"16\"/>"
    "<vector id=\"v1u\" type=\"uint128\" count=\"1\"/>"
    "<vector id=\"v1i\" type=\"int128\" count=\"1\"/>\n"
    "<union id=\"vnd\"><field name=\"f\" type=\"v2d\"/><field name=\"u\" type=\"v2u\"/>"
    "<field name=\"s\" type=\"v2i\"/></union>"
    "<union id=\"vns\"><field name=\"f\" type=\"v4f\"/><field name=\"u\" type=\"v4u\"/>"
    "<field name=\"s\" type=\"v4i\"/></union>"
    "<union id=\"vnh\"><field name=\"f\" type=\"v8f\"/><field name=\"u\" type=\"v8u\"/>"
    "<field name=\"s\" type=\"v8i\"/></union>"
    "<union id=\"vnb\"><field name=\"u\" type=\"v16u\"/><field name=\"s\" type=\"v16i\"/></union>"
    "<union id=\"vnq\"><field name=\"u\" type=\"v1u\"/><field name=\"s\" type=\"v1i\"/></union>"
    "<union id=\"aarch64v\"><field name=\"d\" type=\"vnd\"/><field name=\"s\" type=\"vns\"/>"
    "<field name=\"h\" type=\"vnh\"/><field name=\"b\" type=\"vnb\"/>"
    "<field name=\"q\" type=\"vnq\"/></union>\n"
    VREG(0) VREG(1) VREG(2) VREG(3) VREG(4) VREG(5) VREG(6) VREG(7) VREG(8) VREG(9)
    VREG(10) VREG(11) VREG(12) VREG(13) VREG(14) VREG(15) VREG(16) VREG(17) VREG(18)
    VREG(19) VREG(20) VREG(21) VREG(22) VREG(23) VREG(24) VREG(25) VREG(26) VREG(27)
    VREG(28) VREG(29) VREG(30) VREG(31)
    "\n<reg name=\"fpsr\" bitsize=\"32\"/>"
    "<reg name=\"fpcr\" bitsize=\"32\"/>\n"
    "</feature></target>\n";

u32 gdb_reg_size(int regno) {
  if (regno < 0 || regno >= GDB_NUM_REGS) return 0;
  if (regno <= GDB_REG_PC) return 8;
  if (regno >= GDB_REG_V0 && regno < GDB_REG_V0 + 32) return 16;
  return 4; /* CPSR, FPSR, FPCR */
}

/* Copies register regno of c into out; returns its size (0: no such). */
size_t gdb_reg_read(const struct cpu *c, int regno, u8 *out) {
  u32 size = gdb_reg_size(regno);
  u32 word;
  if (regno <= GDB_REG_SP && size) memcpy(out, &c->x[regno], 8);
  else if (regno == GDB_REG_PC) memcpy(out, &c->pc, 8);
  else if (regno == GDB_REG_CPSR) memcpy(out, &(u32){(u32)cpu_nzcv(c)}, 4);
  else if (size == 16) memcpy(out, &c->v[regno - GDB_REG_V0], 16);
  else if (regno == GDB_REG_FPSR) memcpy(out, (word = c->fpsr, &word), 4);
  else if (regno == GDB_REG_FPCR) memcpy(out, (word = c->fpcr, &word), 4);
  return size;
}

/* Sets register regno of c from gdb_reg_size(regno) bytes at in. Only NZCV
   of CPSR exist at EL0; the rest of what gdb writes there is dropped. */
void gdb_reg_write(struct cpu *c, int regno, const u8 *in) {
  u32 size = gdb_reg_size(regno), word = 0;
  if (size == 4) memcpy(&word, in, 4);
  if (regno <= GDB_REG_SP && size) memcpy(&c->x[regno], in, 8);
  else if (regno == GDB_REG_PC) memcpy(&c->pc, in, 8);
  else if (regno == GDB_REG_CPSR) cpu_set_nzcv(c, word);
  else if (size == 16) memcpy(&c->v[regno - GDB_REG_V0], in, 16);
  else if (regno == GDB_REG_FPSR) c->fpsr = word;
  else if (regno == GDB_REG_FPCR) c->fpcr = word;
}

/* The 'g' reply: every register in order, as hex. Returns its length. */
size_t gdb_regs_hex(const struct cpu *c, char *out) {
  size_t n = 0;
  u8 buf[16];
  for (int r = 0; r < GDB_NUM_REGS; r++) n += rsp_hex_encode(out + n, buf, gdb_reg_read(c, r, buf));
  return n;
}

/* The 'G' packet: sets every register it covers from hex. */
bool gdb_regs_from_hex(struct cpu *c, const char *hex) {
  size_t len = strlen(hex), at = 0;
  for (int r = 0; r < GDB_NUM_REGS && at < len; r++) {
    u32 size = gdb_reg_size(r);
    u8 buf[16];
    if (at + 2 * size > len || !rsp_hex_decode(buf, hex + at, size)) return false;
    gdb_reg_write(c, r, buf);
    at += 2 * size;
  }
  return true;
}
