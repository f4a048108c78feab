#ifndef ELFRUN_CPU_EXCEPTION_H_
#define ELFRUN_CPU_EXCEPTION_H_

#include "base/types.h"

struct cpu;

/* Raises a synchronous guest signal at the instruction now executing
   (cpu->ip): unwinds to the dispatch loop, which delivers it. */
void NORETURN cpu_raise(struct cpu *cpu, int signo, int code, u64 addr);

/* Unwinds to the dispatch loop, where the interpreter runs the instruction
   now executing (cpu->ip) again, as if nothing had happened, and goes on. */
void NORETURN cpu_rerun(struct cpu *cpu);

#endif
