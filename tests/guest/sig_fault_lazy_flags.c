/* NZCV at a fault the translated code recomputes: each case sets the flags
   (CMP, SUBS of a register into itself, ADDS, TST, CMN), branches on them
   (never taken), loads from an unmapped page and then sets the flags
   again. Nothing but the fault can see the first flags, so the JIT stores
   none of them and rebuilds NZCV from the operands when the load faults
   (docs/jit.md, "Flags"). A second round loads through a tagged pointer
   (top-byte-ignore), which the translation's window check sends to its
   slow path: the interpreter's handler faults there, with the flags the
   slow path rebuilt first. The handler prints them, with the registers,
   and steps over the load. The oracle is qemu-aarch64. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

static void on_segv(int sig, siginfo_t *si, void *ucv) {
  (void)si;
  ucontext_t *uc = ucv;
  unsigned long long x[31];
  memcpy(x, uc->uc_mcontext.regs, sizeof x);
  printf("  signal %d, nzcv %llx, x19 = %llx, x20 = %llx\n", sig,
         (unsigned long long)(uc->uc_mcontext.pstate >> 28), x[19], x[20]);
  uc->uc_mcontext.pc += 4;
}

/* One case: x19 and x20 in, the producer, a branch on its flags that is
   not taken, the faulting load, other flags. */
#define CASE(name, producer, branch)                                              \
  static void name(uint64_t a, uint64_t b, char *hole) {                          \
    uint64_t out;                                                                 \
    __asm__ volatile("mov x19, %[a]\n"                                            \
                     "mov x20, %[b]\n"                                            \
                     "mov x9, %[hole]\n" producer "\n" branch " 1f\n"             \
                     "ldr x21, [x9, #8]\n"                                        \
                     "cmp x9, x9\n"                                               \
                     "mov %[out], x19\n"                                          \
                     "b 2f\n"                                                     \
                     "1: mov %[out], #1\n"                                        \
                     "2:\n"                                                       \
                     : [out] "=&r"(out)                                           \
                     : [a] "r"(a), [b] "r"(b), [hole] "r"(hole)                   \
                     : "x9", "x19", "x20", "x21", "memory", "cc");                \
    printf("  " #name " done, x19 = %llx\n", (unsigned long long)out);            \
  }

CASE(cmp_regs, "cmp x19, x20", "b.eq")
CASE(subs_in_place, "subs w19, w19, #5", "b.vs")
CASE(adds_imm, "adds x20, x19, #0xfff", "b.eq")
CASE(tst_imm, "tst x19, #0xff00", "b.hi")
CASE(cmn_regs, "cmn w19, w20", "b.vs")
CASE(ands_regs, "ands x20, x19, x20", "b.vs")

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  char *hole = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  static const uint64_t kValues[][2] = {
      {5, 7}, {7, 5}, {0x8000000000000000ull, 1}, {3, 0xfffffffffffff001ull},
      {0x80000002, 0x7fffffff}, {0xff00, 0xff00},
  };
  char *tagged = (char *)((uintptr_t)hole | 0x5aull << 56);
  for (unsigned v = 0; v < 2 * sizeof kValues / sizeof kValues[0]; v++) {
    uint64_t a = kValues[v % 6][0], b = kValues[v % 6][1];
    char *at = v < 6 ? hole : tagged;
    printf("%llx, %llx%s:\n", (unsigned long long)a, (unsigned long long)b,
           at == tagged ? ", tagged" : "");
    cmp_regs(a, b, at);
    subs_in_place(a, b, at);
    adds_imm(a, b, at);
    tst_imm(a, b, at);
    cmn_regs(a, b, at);
    ands_regs(a, b, at);
  }
  return 0;
}
