#ifndef ELFRUN_CPU_INTERP_H_
#define ELFRUN_CPU_INTERP_H_

#include "cpu/cpu.h"

/* Runs guest code on this host thread until the guest exits. */
void NORETURN cpu_run(struct cpu *cpu);

struct insn;
/* Runs one instruction of cpu->block by its handler, outside the dispatch
   loop, and sets cpu->pc to where execution goes on: for what translated
   code leaves to the loop (jit/jit.c) and for a fault the interpreter
   must judge again (cpu_rerun). */
void cpu_run_insn(struct cpu *cpu, const struct insn *in);

/* Provided by the Linux layer: a synchronous exception (cpu->exc) was raised
   at cpu->pc; deliver it or end the process. */
void cpu_deliver_exception(struct cpu *cpu);
/* Provided by the Linux layer: cpu->attention was set (pending signal...). */
void cpu_handle_attention(struct cpu *cpu);

#endif
