#include "cpu/cpu.h"

#include <string.h>

#include "mem/guest.h"

void cpu_init(struct cpu *c) {
  memset(c, 0, sizeof *c);
  c->excl_addr = ~0ull;
  c->window_mask = ~(GUEST_END - 1);
}
