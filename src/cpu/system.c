/* Exception-generating and system instructions (Arm ARM C4.1.65 and C5).
   Only what EL0 may execute; the rest is SIGILL, as Linux gives it. */
#include "cpu/system.h"

#include <signal.h>
#include <string.h>
#include <time.h>

#include "cpu/block.h"
#include "cpu/exception.h"
#include "linux/svc.h"
#include "mem/guest.h"

#define DCZVA_BYTES 64

OP_HANDLER(undef) { cpu_raise(cpu, SIGILL, ILL_ILLOPC, cpu_pc(cpu)); }
OP_HANDLER(udf) { cpu_raise(cpu, SIGILL, ILL_ILLOPC, cpu_pc(cpu)); }
OP_HANDLER(nop) { return NEXT; }

OP_HANDLER(block_end) {
  cpu->pc = in->imm;
  return NULL;
}

OP_HANDLER(svc) {
  (void)in;
  cpu->pc = cpu_pc(cpu) + 4;
  cpu->excl_addr = ~0ull; /* the monitor is cleared on every exception */
  block_cpu_quiescent(cpu); /* from here on, this handler reads no block */
  svc_dispatch(cpu);
  return NULL;
}

OP_HANDLER(brk) {
  (void)in;
  cpu_raise(cpu, SIGTRAP, TRAP_BRKPT, cpu_pc(cpu));
}

OP_HANDLER(clrex) {
  cpu->excl_addr = ~0ull;
  return NEXT;
}

OP_HANDLER(dmb_full) {
  (void)cpu;
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
  return NEXT;
}

OP_HANDLER(dmb_weak) {
  (void)cpu;
  __atomic_signal_fence(__ATOMIC_SEQ_CST);
  return NEXT;
}

OP_HANDLER(mrs_const) { cpu->x[in->rd] = in->imm; return NEXT; }
OP_HANDLER(mrs_nzcv) { cpu->x[in->rd] = cpu_nzcv(cpu); return NEXT; }
OP_HANDLER(mrs_fpcr) { cpu->x[in->rd] = cpu->fpcr; return NEXT; }
OP_HANDLER(mrs_fpsr) { cpu->x[in->rd] = cpu->fpsr; return NEXT; }
OP_HANDLER(mrs_tpidr) { cpu->x[in->rd] = cpu->tpidr_el0; return NEXT; }

OP_HANDLER(mrs_cntvct) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  cpu->x[in->rd] = (u64)ts.tv_sec * 1000000000u + (u64)ts.tv_nsec;
  return NEXT;
}

OP_HANDLER(msr_nzcv) { cpu_set_nzcv(cpu, cpu->x[in->rn]); return NEXT; }

/* Writable FPCR fields: AHP, DN, FZ, RMode, FZ16 (the trap enables of
   bits 8-15 are RAZ/WI since elfrun, like most cores, traps no FP
   exceptions). */
#define FPCR_WRITABLE 0x07f80000u
#define FPSR_WRITABLE 0xf800009fu

OP_HANDLER(msr_fpcr) {
  cpu->fpcr = (u32)cpu->x[in->rn] & FPCR_WRITABLE;
  cpu->pc = cpu_pc(cpu) + 4;
  return NULL;
}

OP_HANDLER(msr_fpsr) { cpu->fpsr = (u32)cpu->x[in->rn] & FPSR_WRITABLE; return NEXT; }
OP_HANDLER(msr_tpidr) { cpu->tpidr_el0 = cpu->x[in->rn]; return NEXT; }

OP_HANDLER(dc_zva) {
  u64 a = (cpu->x[in->rn] & TBI_MASK) & ~(u64)(DCZVA_BYTES - 1);
  if (!guest_range_ok(a, DCZVA_BYTES)) cpu_raise(cpu, SIGSEGV, SEGV_MAPERR, a);
  memset(g2h(a), 0, DCZVA_BYTES);
  return NEXT;
}

OP_HANDLER(dc_clean) { return NEXT; }
OP_HANDLER(dc_cvap) { return NEXT; }

OP_HANDLER(ic_ivau) {
  u64 a = page_down(cpu->x[in->rn] & TBI_MASK);
  cpu->pc = cpu_pc(cpu) + 4;
  if (guest_range_ok(a, GUEST_PAGE)) code_invalidate(a, a + GUEST_PAGE);
  return NULL;
}

bool decode_exception(u32 w, struct insn *out) {
  u32 opc = bits(w, 23, 21), ll = bits(w, 1, 0), op2 = bits(w, 4, 2);
  if (op2 != 0) return false;
  if (opc == 0 && ll == 1) { /* SVC; HVC and SMC are undefined at EL0 */
    out->op = OP_svc;
    out->imm = bits(w, 20, 5);
    return true;
  }
  if (opc == 1 && ll == 0) {
    out->op = OP_brk;
    out->imm = bits(w, 20, 5);
    return true;
  }
  return false; /* HLT, DCPS*: undefined at EL0 */
}

static bool decode_barrier(u32 w, struct insn *out) {
  u32 crm = bits(w, 11, 8), op2 = bits(w, 7, 5);
  switch (op2) {
    case 2: out->op = OP_clrex; return true;
    case 4: /* DSB */
    case 5: /* DMB */
      /* CRm<1:0> == 3 (full domain types): the barrier orders stores before
         later loads, which x86-TSO does not do by itself. */
      out->op = (crm & 3) == 3 || crm == 0 ? OP_dmb_full : OP_dmb_weak;
      return true;
    case 6: out->op = OP_dmb_weak; return true; /* ISB */
    default: return false; /* SB, SSBB variants, DSB nXS: not advertised */
  }
}

static bool decode_sys(u32 w, struct insn *out) {
  u32 op1 = bits(w, 18, 16), crn = bits(w, 15, 12), crm = bits(w, 11, 8),
      op2 = bits(w, 7, 5);
  if (bit(w, 21) || op1 != 3 || crn != 7 || op2 != 1) return false;
  out->rn = reg_src(bits(w, 4, 0));
  switch (crm) {
    case 4: out->op = OP_dc_zva; return true;
    case 5: out->op = OP_ic_ivau; return true;
    case 10: case 11: case 14: out->op = OP_dc_clean; return true;
    case 12: out->op = OP_dc_cvap; return true;
    default: return false;
  }
}

static bool decode_sysreg_move(u32 w, struct insn *out) {
  u32 reg = bits(w, 20, 5);
  bool read = bit(w, 21);
  u8 rt = bits(w, 4, 0);
  out->rd = reg_dst(rt);
  out->rn = reg_src(rt);
  switch (reg) {
    case SYSREG(3, 3, 4, 2, 0): out->op = read ? OP_mrs_nzcv : OP_msr_nzcv; return true;
    case SYSREG(3, 3, 4, 4, 0): out->op = read ? OP_mrs_fpcr : OP_msr_fpcr; return true;
    case SYSREG(3, 3, 4, 4, 1): out->op = read ? OP_mrs_fpsr : OP_msr_fpsr; return true;
    case SYSREG(3, 3, 13, 0, 2): out->op = read ? OP_mrs_tpidr : OP_msr_tpidr; return true;
    case SYSREG(3, 3, 14, 0, 2): /* CNTVCT_EL0 */
    case SYSREG(3, 3, 14, 0, 6): /* CNTVCTSS_EL0 */
      if (!read) return false;
      out->op = OP_mrs_cntvct;
      return true;
  }
  if (!read || !sysreg_const_value(reg, &out->imm)) return false;
  out->op = OP_mrs_const;
  return true;
}

bool decode_system(u32 w, struct insn *out) {
  u32 l = bit(w, 21), op0 = bits(w, 20, 19), op1 = bits(w, 18, 16),
      crn = bits(w, 15, 12);
  if (op0 == 0 && l == 0 && op1 == 3 && crn == 2) { /* the hint space */
    out->op = OP_nop;
    return true;
  }
  if (op0 == 0 && l == 0 && op1 == 3 && crn == 3 && bits(w, 4, 0) == 31)
    return decode_barrier(w, out);
  if (op0 == 0) return false; /* PSTATE: CFINV etc. need FEAT_FlagM */
  if (op0 == 1) return decode_sys(w, out);
  return decode_sysreg_move(w, out);
}
