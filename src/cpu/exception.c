#include "cpu/exception.h"

#include "cpu/cpu.h"

void cpu_raise(struct cpu *cpu, int signo, int code, u64 addr) {
  cpu->exc.signo = signo;
  cpu->exc.code = code;
  cpu->exc.addr = addr;
  siglongjmp(cpu->fault_jmp, 1);
}

void cpu_rerun(struct cpu *cpu) {
  cpu->exc.signo = 0;
  siglongjmp(cpu->fault_jmp, 1);
}
