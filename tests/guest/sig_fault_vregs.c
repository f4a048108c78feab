/* The SIMD&FP registers a SIGSEGV handler sees, from translated code: a
   vector loop fills V1-V5 (the JIT keeps them in host xmm registers for the
   whole block), then a load from an unmapped page faults. The handler
   prints the registers from the signal frame's fpsimd_context and steps
   over the load; the code then stores the registers. The oracle is
   qemu-aarch64. (A handler's change to the frame's V registers is not
   checked: qemu-aarch64 7.2 was seen not to apply it on sigreturn, which
   Linux and elfrun do.) */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

#ifndef FPSIMD_MAGIC
#define FPSIMD_MAGIC 0x46508001u
#endif

/* fpsimd_context: magic, size, fpsr, fpcr, then V0-V31. */
static unsigned char *vregs_of(ucontext_t *uc) {
  unsigned char *p = (unsigned char *)&uc->uc_mcontext.__reserved;
  uint32_t magic;
  memcpy(&magic, p, sizeof magic);
  return magic == FPSIMD_MAGIC ? p + 16 : NULL;
}

static void print_v(const char *what, int n, const unsigned char *v) {
  uint64_t lo, hi;
  memcpy(&lo, v, 8);
  memcpy(&hi, v + 8, 8);
  printf("  %s v%d = %016llx %016llx\n", what, n, (unsigned long long)hi, (unsigned long long)lo);
}

static void on_segv(int sig, siginfo_t *si, void *ucv) {
  (void)si;
  ucontext_t *uc = ucv;
  unsigned char *v = vregs_of(uc);
  printf("signal %d\n", sig);
  if (!v) {
    printf("  no fpsimd_context\n");
  } else {
    for (int n = 1; n <= 6; n++) print_v("seen", n, v + 16 * n);
  }
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
    unsigned char out[6][16];
    __asm__ volatile(
        "mov x19, #200\n" /* a loop the JIT translates (it runs 200 times) */
        "movi v0.4s, #3\n"
        "movi v1.4s, #1\n"
        "movi v2.16b, #0x11\n"
        "movi v6.16b, #0x66\n"
        "3:\n"
        "add v1.4s, v1.4s, v0.4s\n"
        "eor v2.16b, v2.16b, v1.16b\n"
        "mul v3.4s, v1.4s, v2.4s\n"
        "subs x19, x19, #1\n"
        "b.ne 3b\n"
        "fmov d4, %[round]\n"
        "add v5.2d, v1.2d, v3.2d\n"
        "mov x9, %[hole]\n"
        "ldr q6, [x9, #16]\n" /* faults: q6 keeps its value */
        "add v4.4s, v4.4s, v0.4s\n"
        "stp q1, q2, [%[out]]\n"
        "stp q3, q4, [%[out], #32]\n"
        "stp q5, q6, [%[out], #64]\n"
        :
        : [hole] "r"(hole), [round] "r"((uint64_t)round + 7), [out] "r"(out)
        : "x9", "x19", "v0", "v1", "v2", "v3", "v4", "v5", "v6", "memory", "cc");
    printf("round %d\n", round);
    for (int n = 1; n <= 6; n++) print_v("after", n, out[n - 1]);
  }
  return 0;
}
