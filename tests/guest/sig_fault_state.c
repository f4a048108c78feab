/* The state a SIGSEGV handler sees, from code hot enough to be translated:
   a loop computes values in many registers and sets the flags, then loads
   from an unmapped page. The handler prints the PC offset, the fault
   address, NZCV and the registers (which the JIT keeps in host registers
   until the block ends), then steps over the load. Run under every tier by
   tests/check.sh; the oracle is qemu-aarch64. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

static volatile uintptr_t load_pc;

static void on_segv(int sig, siginfo_t *si, void *ucv) {
  ucontext_t *uc = ucv;
  unsigned long long x[31]; /* regs[] is long in one libc, long long in another */
  memcpy(x, uc->uc_mcontext.regs, sizeof x);
  printf("signal %d at load%+ld, address %s, nzcv %llx\n", sig,
         (long)(uc->uc_mcontext.pc - load_pc),
         si->si_addr == (void *)(uintptr_t)(x[9] + 8) ? "x9 + 8" : "elsewhere",
         (unsigned long long)(uc->uc_mcontext.pstate >> 28));
  for (int r = 19; r <= 27; r++) /* the registers the loop and its tail set */
    printf("  x%d = %llx\n", r, x[r]);
  uc->uc_mcontext.pc += 4;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  char *hole = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  for (int round = 0; round < 3; round++) {
    uint64_t out[4];
    __asm__ volatile(
        "adr x10, 2f\n"
        "str x10, [%[pcslot]]\n"
        "mov x19, #200\n"           /* a loop the JIT translates (it runs 200 times) */
        "mov x20, #1\n"
        "mov x21, #3\n"
        "3:\n"
        "add x20, x20, x21\n"
        "eor x21, x21, x20, lsl #2\n"
        "subs x19, x19, #1\n"
        "b.ne 3b\n"
        "mov x22, #0x5555\n"
        "add x23, x20, x21\n"
        "mov x24, #0x1234\n"
        "movk x24, #0xbeef, lsl #16\n"
        "mov x26, #0x2626\n"
        "mov x27, #0x2727\n"
        "mov x9, %[hole]\n"
        "add x25, x23, %[round]\n"
        "cmp x25, x20\n"           /* NZCV now set */
        "2: ldr x26, [x9, #8]!\n"  /* faults: no writeback, x26 unchanged */
        "add x27, x25, #1\n"
        "stp x20, x21, [%[out]]\n"
        "stp x26, x27, [%[out], #16]\n"
        :
        : [hole] "r"(hole), [round] "r"((uint64_t)round), [out] "r"(out),
          [pcslot] "r"(&load_pc)
        : "x9", "x10", "x19", "x20", "x21", "x22", "x23", "x24", "x25", "x26", "x27",
          "memory", "cc");
    printf("round %d: %llx %llx %llx %llx\n", round, (unsigned long long)out[0],
           (unsigned long long)out[1], (unsigned long long)out[2], (unsigned long long)out[3]);
  }
  return 0;
}
