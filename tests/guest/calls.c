/* Calls and returns in every shape a JIT's return prediction must survive
   (elfrun pairs a translated BL with a host CALL, docs/jit.md): recursion
   deeper than the host frames it keeps, indirect calls, tail calls, a
   longjmp out of deep recursion, a function pointer called through a
   recursive chain, and a return to an address other than the one the call
   left in X30. Each is repeated so that the code is translated. */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf escape;
static volatile int escaping = 1;

__attribute__((noinline)) static long depth_sum(long n) {
  return n == 0 ? 0 : n + depth_sum(n - 1);
}

__attribute__((noinline)) static long leaf(long x) { return x * 3 + 1; }
__attribute__((noinline)) static long twice(long x) { return 2 * x; }

/* Through a pointer, recursively. */
__attribute__((noinline)) static long apply(long (*f)(long), long x, int n) {
  return n == 0 ? f(x) : apply(f, f(x) % 1000003, n - 1);
}

/* A tail call: its callee returns straight to apply_tail's caller. */
__attribute__((noinline)) static long apply_tail(long x) {
  __asm__ volatile("" ::: "memory");
  return leaf(x + 7);
}

__attribute__((noinline)) static void dive(int n) {
  if (n == 0) {
    if (escaping) longjmp(escape, 1);
    return;
  }
  dive(n - 1);
  __asm__ volatile("" ::: "memory"); /* not a tail call */
}

/* Returns 4 bytes past its return address, skipping the caller's next
   instruction: RET goes somewhere the BL did not name. */
long skip_one(long x);
__asm__(".text\n"
        ".type skip_one, %function\n"
        "skip_one:\n"
        "  add x0, x0, #1\n"
        "  add x30, x30, #4\n"
        "  ret\n"
        ".size skip_one, .-skip_one\n");

static long call_skipping(long x) {
  long r;
  __asm__ volatile("mov x0, %1\n"
                   "bl skip_one\n"
                   "add x0, x0, #100\n" /* skipped */
                   "add x0, x0, #10\n"
                   "mov %0, x0\n"
                   : "=r"(r)
                   : "r"(x)
                   : "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11",
                     "x12", "x13", "x14", "x15", "x16", "x17", "x30", "memory", "cc");
  return r;
}

int main(void) {
  long sum = 0;
  for (int i = 0; i < 200; i++) sum += depth_sum(3000 + i);
  printf("deep recursion:   %ld\n", sum);

  sum = 0;
  for (int i = 0; i < 2000; i++) sum += apply(i & 1 ? leaf : twice, i, 20);
  printf("indirect calls:   %ld\n", sum);

  sum = 0;
  for (int i = 0; i < 5000; i++) sum += apply_tail(i);
  printf("tail calls:       %ld\n", sum);

  int escapes = 0;
  for (int i = 0; i < 500; i++)
    if (setjmp(escape) == 0) dive(40 + i % 7);
    else escapes++;
  printf("longjmp escapes:  %d, then %ld\n", escapes, depth_sum(100));

  sum = 0;
  for (int i = 0; i < 5000; i++) sum += call_skipping(i); /* more than the host keeps */
  printf("skipped returns:  %ld, then %ld\n", sum, depth_sum(50) + apply(leaf, 1, 5));
  return 0;
}
