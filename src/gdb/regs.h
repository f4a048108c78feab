#ifndef ELFRUN_GDB_REGS_H_
#define ELFRUN_GDB_REGS_H_

#include "base/types.h"
#include "cpu/cpu.h"

/* gdb's register numbers for aarch64 (the order of target.xml). */
enum {
  GDB_REG_X0 = 0,
  GDB_REG_SP = 31,
  GDB_REG_PC = 32,
  GDB_REG_CPSR = 33,
  GDB_REG_V0 = 34,
  GDB_REG_FPSR = 66,
  GDB_REG_FPCR = 67,
  GDB_NUM_REGS = 68,
};

extern const char g_gdb_target_xml[];

u32 gdb_reg_size(int regno);
size_t gdb_reg_read(const struct cpu *c, int regno, u8 *out);
void gdb_reg_write(struct cpu *c, int regno, const u8 *in);
size_t gdb_regs_hex(const struct cpu *c, char *out);
bool gdb_regs_from_hex(struct cpu *c, const char *hex);

#endif
