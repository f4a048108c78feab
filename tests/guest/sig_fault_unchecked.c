/* Accesses the JIT makes without a window check of their own: after one
   access through a base register has been checked, later ones near it
   through the same, unchanged register are not (docs/jit.md, "Memory
   access"). Each case below is such a run of accesses where the later ones
   meet what the check would have caught:
   - a tagged pointer (top-byte-ignore): the first access takes the slow
     path, the later loads and stores fault on the host and run again in
     the interpreter, and must see and leave the same memory;
   - an access one page on, into an unmapped page: the guest's SIGSEGV at
     that instruction, with the registers of before it;
   - accesses across the window's end, from a page mapped at 2^46 - 4096:
     a SIGSEGV at 2^46, not a read of whatever lies above; also where the
     first access through a register runs across it (its check tests the
     access's first byte only, and the rest faults on the host).
   The handler prints the fault's address relative to the base, the
   faulting instruction's encoding and the registers, and steps over it.
   The oracle is qemu-aarch64. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

static uintptr_t g_base;

static void on_segv(int sig, siginfo_t *si, void *ucv) {
  ucontext_t *uc = ucv;
  unsigned long long x[31];
  memcpy(x, uc->uc_mcontext.regs, sizeof x);
  printf("  signal %d at base%+lld, insn %08x, x1 = %llx, x2 = %llx, x9 = base%+lld\n", sig,
         (long long)((uintptr_t)si->si_addr - g_base),
         *(const uint32_t *)(uintptr_t)uc->uc_mcontext.pc, x[1], x[2],
         (long long)(x[9] - g_base));
  uc->uc_mcontext.pc += 4;
}

/* Loads and stores at base, base + 8, + 16 and + 24, then a pair at + 32,
   all through x9; returns the sum of what it loaded. */
static uint64_t near_accesses(char *base, uint64_t v) {
  uint64_t sum;
  __asm__ volatile("mov x9, %[base]\n"
                   "mov x1, #0\n"
                   "mov x2, #0\n"
                   "ldr x1, [x9]\n"
                   "ldr x2, [x9, #8]\n"
                   "add x1, x1, x2\n"
                   "str %[v], [x9, #16]\n"
                   "ldrb w2, [x9, #24]\n"
                   "add x1, x1, x2\n"
                   "stp %[v], x1, [x9, #32]\n"
                   "ldr x2, [x9, #16]\n"
                   "add %[sum], x1, x2\n"
                   : [sum] "=&r"(sum)
                   : [base] "r"(base), [v] "r"(v)
                   : "x1", "x2", "x9", "memory");
  return sum;
}

/* A load that is checked, then one a page further on through the same
   register, then a store a page further still. */
static void page_on(char *base) {
  __asm__ volatile("mov x9, %[base]\n"
                   "mov x1, #0\n"
                   "mov x2, #0\n"
                   "ldr x1, [x9, #8]\n"
                   "ldr x2, [x9, #4096]\n"
                   "str x1, [x9, #8192]\n"
                   "ldr x2, [x9, #16]\n"
                   :
                   : [base] "r"(base)
                   : "x1", "x2", "x9", "memory");
}

/* base at the window's last bytes: a checked load, then a load, a store
   and a pair through the same register across the end. */
static void across_the_end(char *base) {
  __asm__ volatile("mov x9, %[base]\n"
                   "mov x1, #0\n"
                   "mov x2, #0\n"
                   "ldr x1, [x9]\n"
                   "ldr x2, [x9, #8]\n"
                   "str x1, [x9, #4104]\n"
                   "ldp x1, x2, [x9, #16]\n"
                   "ldr x2, [x9]\n"
                   :
                   : [base] "r"(base)
                   : "x1", "x2", "x9", "memory");
}

/* base 4 bytes below the window's end: the first access through it, whose
   check passes, runs across the end; so do a store and a pair after it. */
static void first_across_the_end(char *base) {
  __asm__ volatile("mov x9, %[base]\n"
                   "mov x1, #0\n"
                   "mov x2, #0\n"
                   "ldr x1, [x9]\n"
                   "ldr w2, [x9]\n"
                   "str x2, [x9]\n"
                   "ldp x1, x2, [x9, #-8]\n"
                   "ldr w1, [x9, #-4]\n"
                   :
                   : [base] "r"(base)
                   : "x1", "x2", "x9", "memory");
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);

  char *page = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  munmap(page + 4096, 4096); /* a hole one page on; the third page stays */
  for (int i = 0; i < 64; i++) page[i] = (char)(i * 7 + 1);
  char *tagged = (char *)((uintptr_t)page | 0x3cull << 56);
  printf("near accesses:\n");
  for (uint64_t round = 0; round < 3; round++) {
    uint64_t plain = near_accesses(page, round + 0x100);
    unsigned long long sum = 0;
    for (int i = 0; i < 64; i++) sum = sum * 31 + (unsigned char)page[i];
    uint64_t through_tag = near_accesses(tagged, round + 0x200);
    unsigned long long sum2 = 0;
    for (int i = 0; i < 64; i++) sum2 = sum2 * 31 + (unsigned char)page[i];
    printf("  round %llu: %llx, memory %llx; tagged %llx, memory %llx\n",
           (unsigned long long)round, (unsigned long long)plain, sum,
           (unsigned long long)through_tag, sum2);
  }

  printf("a page on:\n");
  g_base = (uintptr_t)page;
  page_on(page);

  printf("across the window's end:\n");
  char *top = mmap((void *)((1ull << 46) - 4096), 4096, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (top == MAP_FAILED) {
    printf("  no page at 2^46 - 4096\n");
    return 1;
  }
  for (int i = 0; i < 4096; i++) top[i] = (char)i;
  g_base = (uintptr_t)top + 4088;
  across_the_end(top + 4088);
  printf("first access across the window's end:\n");
  g_base = (uintptr_t)top + 4092;
  first_across_the_end(top + 4092);
  return 0;
}
