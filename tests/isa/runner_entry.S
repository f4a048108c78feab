/* Entry into and exit from a test case (see isa.h for the slot layout).

   isa_run_case(in, out, slot) saves the runner's callee-saved state, loads
   every register of *in (X0-X29, SP, NZCV, FPCR, FPSR, V0-V31) and jumps to
   the slot with X30 = slot address; the slot's first instruction loads the
   case's X30 from the literal in front of it. The instructions under test
   end with "b isa_case_exit", which has no free register to start from: it
   parks X0 in TPIDR_EL0 (the runner's TLS pointer, saved here and restored
   below) while it finds *out, then dumps every register into it. */
#include "isa.h"

  .text
  .balign 16
  .global isa_run_case
  .type isa_run_case, %function
isa_run_case:
  adrp x9, host_state
  add x9, x9, :lo12:host_state
  stp x19, x20, [x9, #0]
  stp x21, x22, [x9, #16]
  stp x23, x24, [x9, #32]
  stp x25, x26, [x9, #48]
  stp x27, x28, [x9, #64]
  stp x29, x30, [x9, #80]
  mov x10, sp
  mrs x11, tpidr_el0
  stp x10, x11, [x9, #96]
  mrs x10, fpcr
  stp x10, x1, [x9, #112]
  stp d8, d9, [x9, #128]
  stp d10, d11, [x9, #144]
  stp d12, d13, [x9, #160]
  stp d14, d15, [x9, #176]
  clrex                       /* no exclusive reservation leaks between cases */

  mov x30, x2
  ldr x10, [x0, #ISA_OFF_NZCV]
  msr nzcv, x10
  ldr x10, [x0, #ISA_OFF_FPCR]
  msr fpcr, x10
  ldr x10, [x0, #ISA_OFF_FPSR]
  msr fpsr, x10
  ldr x10, [x0, #ISA_OFF_SP]
  mov sp, x10
  ldp q0, q1, [x0, #ISA_OFF_V + 0]
  ldp q2, q3, [x0, #ISA_OFF_V + 32]
  ldp q4, q5, [x0, #ISA_OFF_V + 64]
  ldp q6, q7, [x0, #ISA_OFF_V + 96]
  ldp q8, q9, [x0, #ISA_OFF_V + 128]
  ldp q10, q11, [x0, #ISA_OFF_V + 160]
  ldp q12, q13, [x0, #ISA_OFF_V + 192]
  ldp q14, q15, [x0, #ISA_OFF_V + 224]
  ldp q16, q17, [x0, #ISA_OFF_V + 256]
  ldp q18, q19, [x0, #ISA_OFF_V + 288]
  ldp q20, q21, [x0, #ISA_OFF_V + 320]
  ldp q22, q23, [x0, #ISA_OFF_V + 352]
  ldp q24, q25, [x0, #ISA_OFF_V + 384]
  ldp q26, q27, [x0, #ISA_OFF_V + 416]
  ldp q28, q29, [x0, #ISA_OFF_V + 448]
  ldp q30, q31, [x0, #ISA_OFF_V + 480]
  ldp x2, x3, [x0, #16]
  ldp x4, x5, [x0, #32]
  ldp x6, x7, [x0, #48]
  ldp x8, x9, [x0, #64]
  ldp x10, x11, [x0, #80]
  ldp x12, x13, [x0, #96]
  ldp x14, x15, [x0, #112]
  ldp x16, x17, [x0, #128]
  ldp x18, x19, [x0, #144]
  ldp x20, x21, [x0, #160]
  ldp x22, x23, [x0, #176]
  ldp x24, x25, [x0, #192]
  ldp x26, x27, [x0, #208]
  ldp x28, x29, [x0, #224]
  ldp x0, x1, [x0]
  br x30
  .size isa_run_case, . - isa_run_case

  .balign 16
  .global isa_case_exit
  .type isa_case_exit, %function
isa_case_exit:
  msr tpidr_el0, x0
  adrp x0, host_state
  add x0, x0, :lo12:host_state
  ldr x0, [x0, #120]          /* out */
  stp x1, x2, [x0, #8]
  stp x3, x4, [x0, #24]
  stp x5, x6, [x0, #40]
  stp x7, x8, [x0, #56]
  stp x9, x10, [x0, #72]
  stp x11, x12, [x0, #88]
  stp x13, x14, [x0, #104]
  stp x15, x16, [x0, #120]
  stp x17, x18, [x0, #136]
  stp x19, x20, [x0, #152]
  stp x21, x22, [x0, #168]
  stp x23, x24, [x0, #184]
  stp x25, x26, [x0, #200]
  stp x27, x28, [x0, #216]
  stp x29, x30, [x0, #232]
  mrs x1, tpidr_el0
  str x1, [x0, #0]
  mov x1, sp
  str x1, [x0, #ISA_OFF_SP]
  mrs x1, nzcv
  str x1, [x0, #ISA_OFF_NZCV]
  mrs x1, fpsr
  str x1, [x0, #ISA_OFF_FPSR]
  mrs x1, fpcr
  str x1, [x0, #ISA_OFF_FPCR]
  stp q0, q1, [x0, #ISA_OFF_V + 0]
  stp q2, q3, [x0, #ISA_OFF_V + 32]
  stp q4, q5, [x0, #ISA_OFF_V + 64]
  stp q6, q7, [x0, #ISA_OFF_V + 96]
  stp q8, q9, [x0, #ISA_OFF_V + 128]
  stp q10, q11, [x0, #ISA_OFF_V + 160]
  stp q12, q13, [x0, #ISA_OFF_V + 192]
  stp q14, q15, [x0, #ISA_OFF_V + 224]
  stp q16, q17, [x0, #ISA_OFF_V + 256]
  stp q18, q19, [x0, #ISA_OFF_V + 288]
  stp q20, q21, [x0, #ISA_OFF_V + 320]
  stp q22, q23, [x0, #ISA_OFF_V + 352]
  stp q24, q25, [x0, #ISA_OFF_V + 384]
  stp q26, q27, [x0, #ISA_OFF_V + 416]
  stp q28, q29, [x0, #ISA_OFF_V + 448]
  stp q30, q31, [x0, #ISA_OFF_V + 480]

  adrp x9, host_state
  add x9, x9, :lo12:host_state
  ldp x19, x20, [x9, #0]
  ldp x21, x22, [x9, #16]
  ldp x23, x24, [x9, #32]
  ldp x25, x26, [x9, #48]
  ldp x27, x28, [x9, #64]
  ldp x29, x30, [x9, #80]
  ldp x10, x11, [x9, #96]
  mov sp, x10
  msr tpidr_el0, x11
  ldr x10, [x9, #112]
  msr fpcr, x10
  msr fpsr, xzr
  ldp d8, d9, [x9, #128]
  ldp d10, d11, [x9, #144]
  ldp d12, d13, [x9, #160]
  ldp d14, d15, [x9, #176]
  ret
  .size isa_case_exit, . - isa_case_exit

  .bss
  .balign 16
host_state:                   /* x19-x30, sp, tpidr_el0, fpcr, out, d8-d15 */
  .skip 192

  .section .note.GNU-stack, "", %progbits
