/* Code that elfrun's JIT translates as one piece across block boundaries
   (docs/jit.md, "Traces"): a block ending in an unconditional B runs on
   into the block it branches to, and so does a block cut at the end of a
   page; a conditional branch forward within its block jumps there inside
   the translation, and so does one to another block (a side block: the
   else of an if-else). Each shape runs many times, so it is translated in every tier, and
   faults in the joined block must show the guest the exact PC and
   registers. Run under every tier by tests/check.sh; the expected output is
   qemu-aarch64's. */
#define _GNU_SOURCE /* ualarm */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <ucontext.h>

static volatile uintptr_t fault_pc;
static volatile int show_fault = 1; /* most repetitions only count */
static volatile int faults;
static volatile int across; /* in across_page */

static void on_segv(int sig, siginfo_t *si, void *ucv) {
  ucontext_t *uc = ucv;
  unsigned long long x[31];
  memcpy(x, uc->uc_mcontext.regs, sizeof x);
  int r = across ? 11 : 19; /* the three registers the code sets */
  faults++;
  if (show_fault)
    printf("signal %d at fault%+ld, address %s, x%d-x%d %llx %llx %llx\n", sig,
         (long)(uc->uc_mcontext.pc - fault_pc),
         si->si_addr == (void *)(uintptr_t)(x[9] + 16) ? "x9 + 16" : "elsewhere", r, r + 2, x[r],
         x[r + 1], x[r + 2]);
  uc->uc_mcontext.pc += 4;
}

/* A loop entered through a B to its test at the bottom (the shape
   compilers give a while loop): the entry block and the test are one
   translation. */
static uint64_t rotated_loop(uint64_t n) {
  uint64_t sum, i;
  __asm__ volatile(
      "mov %[sum], #0\n"
      "mov %[i], #0\n"
      "b 2f\n"
      "1:\n"
      "add %[sum], %[sum], %[i], lsl #1\n"
      "eor %[sum], %[sum], %[i]\n"
      "add %[i], %[i], #1\n"
      "2:\n"
      "cmp %[i], %[n]\n"
      "b.lo 1b\n"
      : [sum] "=&r"(sum), [i] "=&r"(i)
      : [n] "r"(n)
      : "cc");
  return sum;
}

/* A fault in the block a B leads to: x19 set before the B, x20 after it. */
static void fault_after_branch(void *hole, uint64_t k) {
  __asm__ volatile(
      "adr x10, 3f\n"
      "str x10, [%[pcslot]]\n"
      "mov x19, %[k]\n"
      "mov x21, #0x2121\n"
      "b 1f\n"
      "mov x21, #0xdead\n" /* never runs */
      "1:\n"
      "add x20, x19, #5\n"
      "mov x9, %[hole]\n"
      "3: ldr x21, [x9, #16]\n" /* faults: x21 keeps 0x2121 */
      :
      : [pcslot] "r"(&fault_pc), [hole] "r"(hole), [k] "r"(k)
      : "x9", "x10", "x19", "x20", "x21", "memory");
}

/* The same fault in a side block: the loop at 1 goes round once, then
   its CBNZ goes to a block of its own, which branches back to the loop's
   start and so is part of the loop's translation. x20 is set on the way
   there, x21 only on the way round. */
static void fault_in_side_block(void *hole, uint64_t k) {
  __asm__ volatile(
      "adr x10, 3f\n"
      "str x10, [%[pcslot]]\n"
      "mov x19, %[k]\n"
      "mov x12, #0\n"
      "1:\n"
      "cbnz x12, 4f\n"
      "mov x21, #0x2121\n"
      "add x12, x12, #1\n"
      "b 1b\n"
      "4:\n"
      "add x20, x19, #5\n"
      "mov x9, %[hole]\n"
      "3: ldr x21, [x9, #16]\n" /* faults: x21 keeps 0x2121 */
      "cbz x20, 1b\n"           /* never taken */
      :
      : [pcslot] "r"(&fault_pc), [hole] "r"(hole), [k] "r"(k)
      : "x9", "x10", "x12", "x19", "x20", "x21", "memory");
}

/* Code that runs through the end of a page: the entry is 16 bytes before
   a page boundary, so its block is cut there and the next page's block
   goes on with the same registers; it faults on the second page when
   asked to. */
uint64_t across_page(uint64_t x, void *hole);
__asm__(
    ".text\n"
    ".balign 4096\n"
    ".skip 4080\n"
    ".global across_page\n"
    "across_page:\n"
    "mov x11, x0\n"
    "add x12, x0, #2\n"
    "eor x13, x12, x11, lsl #3\n"
    "mov x9, x1\n"
    /* the page ends here */
    "add x0, x13, x12\n"
    "cbz x9, 1f\n"
    ".global across_page_fault\n"
    "across_page_fault:\n"
    "ldr x2, [x9, #16]\n"
    "1:\n"
    "ret\n");
extern char across_page_fault[];

/* Forward branches within one block: x11 is first written in code a branch
   skips (with n = 1, never), and the flags of a CMP are read after the
   place its branch joins (the way down sets its own). The BL before makes x11's old value come from an
   earlier block. */
__asm__(".text\n"
        "noop_fn: ret\n");
static uint64_t forward_branches(uint64_t n, uint64_t *x11_out, uint64_t *x12_out) {
  uint64_t sum;
  __asm__ volatile(
      "mov x11, #0x1111\n"
      "bl noop_fn\n"
      "mov x9, #0\n"
      "mov x10, #0\n"
      "1:\n"
      "tst x10, #1\n"
      "b.eq 2f\n"               /* even: skip */
      "add x11, x10, #7\n"
      "eor x9, x9, x11\n"
      "2:\n"
      "cmp x10, #40\n"
      "b.hs 3f\n"               /* from 40 on: skip */
      "adds x9, x9, x10, lsl #1\n" /* the way down sets the flags anew */
      "3:\n"
      "csel x12, x9, x10, hs\n" /* the CMP's flags, after the join */
      "add x9, x9, x12\n"
      "add x10, x10, #1\n"
      "cmp x10, %[n]\n"
      "b.lo 1b\n"
      "mov %[sum], x9\n"
      "str x11, [%[x11_out]]\n"
      "str x12, [%[x12_out]]\n"
      : [sum] "=&r"(sum)
      : [n] "r"(n), [x11_out] "r"(x11_out), [x12_out] "r"(x12_out)
      : "x9", "x10", "x11", "x12", "x30", "cc", "memory");
  return sum;
}

/* The pieces of an if-else in a loop, laid out two ways below: x9 sums,
   x10 counts, x11 is written on the way down only, and the else reads the
   flags of the TST. */
#define IF_WAY                                                                 \
  "mov x11, #0x1111\n"                                                         \
  "mov x9, #0\n"                                                               \
  "mov x10, #0\n"                                                              \
  "1:\n"                                                                       \
  "tst x10, #3\n"                                                              \
  "b.ne 4f\n" /* not a multiple of 4: the else */                              \
  "add x9, x9, x10\n"                                                          \
  "mov x11, x10\n"
#define ELSE_WAY                                                               \
  "eor x9, x9, x10, lsl #2\n"                                                  \
  "csinc x9, x9, x11, ne\n" /* the TST's flags */
#define LOOP_STEP                                                              \
  "add x10, x10, #1\n"                                                         \
  "cmp x10, %[n]\n"                                                            \
  "b.lo 1b\n"
#define IF_ELSE_RESULT "mov %[sum], x9\n str x11, [%[x11_out]]\n"
#define IF_ELSE_OPERANDS                                                       \
  : [sum] "=&r"(sum)                                                          \
  : [n] "r"(n), [x11_out] "r"(x11_out)                                        \
  : "x9", "x10", "x11", "cc", "memory"

/* The else is a block of its own (a side block), both ways taken in turn,
   and the two ways meet again in the next block. */
static uint64_t if_else(uint64_t n, uint64_t *x11_out) {
  uint64_t sum;
  __asm__ volatile(IF_WAY "b 5f\n"
                   "4:\n" ELSE_WAY "5:\n" LOOP_STEP IF_ELSE_RESULT IF_ELSE_OPERANDS);
  return sum;
}

/* The else is a block of its own that branches back to where the two
   ways meet, in the middle of the loop's block: the else joins the
   translation (a side block) and its branch back jumps there. */
static uint64_t else_joins_back(uint64_t n, uint64_t *x11_out) {
  uint64_t sum;
  __asm__ volatile(IF_WAY "5:\n" LOOP_STEP "b 6f\n"
                   "4:\n" ELSE_WAY "b 5b\n"
                   "6:\n" IF_ELSE_RESULT IF_ELSE_OPERANDS);
  return sum;
}

/* Runs an if-else shape for 1 to 119 passes, hashing sums and x11. */
static uint64_t hash_if_else(uint64_t (*shape)(uint64_t, uint64_t *), uint64_t h) {
  for (uint64_t n = 1; n < 120; n++) {
    uint64_t x11;
    h = h * 31 + shape(n, &x11);
    h = h * 31 + x11;
  }
  return h;
}

/* Two loops that overlap: the branch back to 2 lies beyond the one back to
   1, and the way round it writes x11 and x12, which no instruction before
   them writes (they come from before the BL, another block). The exit at
   the top of the first loop must store them however often the second
   went round. */
static uint64_t overlapping_loops(uint64_t n, uint64_t *x11_out, uint64_t *x12_out) {
  uint64_t sum;
  __asm__ volatile(
      "mov x11, #0x1111\n"
      "mov x12, #0\n"
      "bl noop_fn\n"
      "mov x9, #0\n"
      "mov x10, #0\n"
      "1:\n"
      "cmp x10, %[n]\n"
      "b.hs 3f\n"              /* out, from the first loop */
      "add x9, x9, x10\n"
      "2:\n"
      "add x10, x10, #1\n"
      "tst x10, #3\n"
      "b.eq 1b\n"
      "eor x11, x11, x10, lsl #3\n"
      "add x12, x12, #5\n"
      "cmp x10, %[n]\n"
      "b.lo 2b\n"
      "b 3f\n"                 /* so that 3 starts a block */
      "3:\n"
      "mov %[sum], x9\n"
      "str x11, [%[x11_out]]\n"
      "str x12, [%[x12_out]]\n"
      : [sum] "=&r"(sum)
      : [n] "r"(n), [x11_out] "r"(x11_out), [x12_out] "r"(x12_out)
      : "x9", "x10", "x11", "x12", "x30", "cc", "memory");
  return sum;
}

/* A loop whose head is in the middle of its block, waiting for a signal:
   the branch back checks for one waiting, or this never ends. */
static volatile int alarmed;
static void on_alarm(int sig) { alarmed = sig; }
static uint64_t spin_until_alarm(void) {
  uint64_t spins;
  __asm__ volatile(
      "mov %[spins], #0\n"
      "1:\n"
      "add %[spins], %[spins], #1\n"
      "ldr w9, [%[flag]]\n"
      "cbz w9, 1b\n"
      : [spins] "=&r"(spins)
      : [flag] "r"(&alarmed)
      : "x9", "memory");
  return spins;
}

/* A switch dispatch whose cases all branch back to the dispatch: each
   case and the dispatch are one translation (bench/kernels/bytecode.c is
   the same shape, larger). */
static uint64_t dispatch(const unsigned char *ops, int n, uint64_t acc) {
  for (int i = 0; i < n; i++) {
    switch (ops[i]) {
      case 0: acc = acc * 33 + 1; break;
      case 1: acc ^= acc >> 7; break;
      case 2: acc += i; break;
      case 3: acc = (acc << 3) | (acc >> 61); break;
      case 4: acc -= 12345; break;
      default: acc = ~acc; break;
    }
    __asm__ volatile("" ::: "memory");
  }
  return acc;
}

/* Eight steps unrolled, as the bits of an LZMA literal are decoded: a
   step whose bit is 1 branches out to a short block of its own, which
   branches back to the next step. Eight side blocks are more than a trace
   takes of any size (JIT_TRACE_BLOCKS): they join it as short ones. x9
   collects the bits, x11 is written only in the side blocks. */
#define BIT_STEP(k)                                                            \
  "tst x10, #(1 << " #k ")\n"                                                  \
  "b.ne 2" #k "f\n"                                                           \
  "lsl x9, x9, #1\n"                                                          \
  "3" #k ":\n"
#define BIT_SIDE(k)                                                            \
  "2" #k ":\n"                                                                \
  "lsl x9, x9, #1\n"                                                          \
  "orr x9, x9, #1\n"                                                          \
  "eor x11, x11, x10, lsl #" #k "\n"                                          \
  "b 3" #k "b\n"
static uint64_t unrolled_bits(uint64_t v, uint64_t *x11_out) {
  uint64_t sum;
  __asm__ volatile("mov x9, #0\n"
                   "mov x10, %[v]\n"
                   "mov x11, #7\n"
                   BIT_STEP(0) BIT_STEP(1) BIT_STEP(2) BIT_STEP(3)
                   BIT_STEP(4) BIT_STEP(5) BIT_STEP(6) BIT_STEP(7)
                   "b 9f\n"
                   BIT_SIDE(0) BIT_SIDE(1) BIT_SIDE(2) BIT_SIDE(3)
                   BIT_SIDE(4) BIT_SIDE(5) BIT_SIDE(6) BIT_SIDE(7)
                   "9:\n"
                   "mov %[sum], x9\n"
                   "str x11, [%[x11_out]]\n"
                   : [sum] "=&r"(sum)
                   : [v] "r"(v), [x11_out] "r"(x11_out)
                   : "x9", "x10", "x11", "cc", "memory");
  return sum;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  void *hole = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

  uint64_t h = 0;
  for (uint64_t n = 0; n < 300; n++) h = h * 31 + rotated_loop(n);
  printf("rotated loop: %llx\n", (unsigned long long)h);

  for (int round = 0; round < 3; round++) {
    for (int k = 0; k < 100; k++) {
      show_fault = k == 0 || k == 99;
      fault_after_branch(hole, (uint64_t)k << 8);
    }
    printf("round %d: %d faults\n", round, faults);
  }

  faults = 0;
  fault_pc = 0;
  for (int k = 0; k < 100; k++) {
    show_fault = k == 0 || k == 99;
    fault_in_side_block(hole, (uint64_t)k << 8);
  }
  printf("side block: %d faults\n", faults);
  h = hash_if_else(if_else, h);
  printf("if-else: %llx\n", (unsigned long long)h);
  printf("else joins back: %llx\n", (unsigned long long)hash_if_else(else_joins_back, 0));
  h = 0;
  for (uint64_t n = 1; n < 120; n++) {
    uint64_t x11, x12;
    h = h * 31 + overlapping_loops(n, &x11, &x12);
    h = h * 31 + x11 + (x12 << 32);
  }
  printf("overlapping loops: %llx\n", (unsigned long long)h);
  signal(SIGALRM, on_alarm);
  ualarm(20000, 0);
  spin_until_alarm();
  printf("spun until signal %d\n", alarmed);

  h = 0;
  for (uint64_t k = 0; k < 500; k++) h = h * 31 + across_page(k, NULL);
  printf("across a page: %llx\n", (unsigned long long)h);
  fault_pc = (uintptr_t)across_page_fault;
  show_fault = 1;
  across = 1;
  for (uint64_t k = 0; k < 2; k++) printf("returned %llx\n", (unsigned long long)across_page(k, hole));

  h = 0;
  for (uint64_t n = 1; n < 120; n++) {
    uint64_t x11, x12;
    h = h * 31 + forward_branches(n, &x11, &x12);
    h = h * 31 + x11 + (x12 << 20);
  }
  uint64_t x11, x12;
  uint64_t one = forward_branches(1, &x11, &x12);
  printf("forward branches: %llx; n = 1: %llx, x11 %llx, x12 %llx\n", (unsigned long long)h,
         (unsigned long long)one, (unsigned long long)x11, (unsigned long long)x12);

  unsigned char ops[97];
  for (int i = 0; i < 97; i++) ops[i] = (unsigned char)((i * 7 + i / 5) % 6);
  h = 1;
  for (int r = 0; r < 200; r++) h = dispatch(ops, 97, h);
  printf("dispatch: %llx\n", (unsigned long long)h);

  h = 0;
  for (uint64_t v = 0; v < 600; v++) {
    uint64_t x11, bits = unrolled_bits(v * 0x9e37 >> 3, &x11);
    h = h * 31 + bits;
    h = h * 31 + x11;
  }
  printf("unrolled bits: %llx\n", (unsigned long long)h);
  return 0;
}
