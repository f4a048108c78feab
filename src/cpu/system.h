#ifndef ELFRUN_CPU_SYSTEM_H_
#define ELFRUN_CPU_SYSTEM_H_

#include "cpu/insn.h"

bool decode_exception(u32 word, struct insn *out);
bool decode_system(u32 word, struct insn *out);

/* Values of the constant system registers EL0 can read (CTR_EL0, DCZID_EL0,
   CNTFRQ_EL0, and the ID registers Linux emulates), generated from the
   feature list. op0:op1:CRn:CRm:op2 packed as in the MRS encoding. Returns
   false if EL0 may not read it. */
bool sysreg_const_value(u32 sysreg, u64 *value);

#define SYSREG(op0, op1, crn, crm, op2) \
  ((op0) << 14 | (op1) << 11 | (crn) << 7 | (crm) << 3 | (op2))

#endif
