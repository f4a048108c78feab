/* The dispatch loop: find the block at pc, then run its pre-decoded entries,
   each handler returning the next entry or NULL when control leaves the
   block. cpu->ip is stored before each handler so that a fault, SVC or
   undefined instruction can recover its exact guest PC. */
#include "cpu/interp.h"

#include "cpu/block.h"
#include "cpu/insn.h"
#include "mem/fault.h"

u64 cpu_pc(const struct cpu *c) {
  return c->block->pc + 4 * (u64)(c->ip - c->block->insns);
}

void cpu_run(struct cpu *cpu) {
  t_cpu = cpu;
  if (sigsetjmp(cpu->fault_jmp, 0)) {
    cpu->pc = cpu_pc(cpu);
    cpu_deliver_exception(cpu);
  }
  for (;;) {
    struct block *b = block_lookup(cpu);
    const struct insn *in = b->insns;
    cpu->block = b;
    cpu->icount += b->n;
    do {
      cpu->ip = in;
      in = g_op_handlers[in->op](cpu, in);
    } while (in);
    if (UNLIKELY(cpu->attention)) cpu_handle_attention(cpu);
  }
}
