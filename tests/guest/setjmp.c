/* setjmp/longjmp and sigsetjmp/siglongjmp: the jump returns the right value
   (0 becomes 1), restores the stack pointer and callee-saved registers
   (x19-x28, d8-d15, which the compiler keeps values in across calls), works
   from deep recursion, and sigsetjmp(env, 1) restores the signal mask. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static jmp_buf g_env;
static int g_depth_reached;

static void __attribute__((noinline)) recurse_then_jump(int depth, int value) {
  volatile char pad[64];
  pad[0] = (char)depth;
  if (depth < 0) return; /* never: tells the compiler the recursion ends */
  if (depth == 0) {
    g_depth_reached = pad[0] == 0;
    longjmp(g_env, value);
  }
  recurse_then_jump(depth - 1, value);
  pad[1] = 0; /* not reached: keeps the frame from becoming a tail call */
}

static int __attribute__((noinline)) jump_from_depth(int depth, int value) {
  int got = setjmp(g_env);
  if (got == 0) recurse_then_jump(depth, value);
  return got;
}

static void values(void) {
  static const int kValues[] = {1, 42, -7, 0 /* becomes 1 */};
  for (size_t i = 0; i < sizeof kValues / sizeof kValues[0]; i++)
    printf("longjmp(%d) from depth 200: setjmp returned %d\n", kValues[i],
           jump_from_depth(200, kValues[i]));
  printf("innermost frame reached: %s\n", g_depth_reached ? "yes" : "no");
}

/* Values live in callee-saved registers across the setjmp call. */
static double __attribute__((noinline)) mix(double a, long b) { return a * 1.5 + (double)b; }

static volatile long g_seed = 11;

static void callee_saved(void) {
  jmp_buf env;
  /* Unknown to the compiler, set before setjmp and never changed after it,
     so C guarantees their values after the longjmp. */
  long a = g_seed, b = a * 2, c = a * 3, d = a * 4, e = a * 5;
  double f = (double)a / 8.8, g = f * 2, h = f * 3;
  volatile int pass = 0;
  if (setjmp(env) == 0) {
    pass = 1;
    longjmp(env, 1);
  }
  double r = mix(f, a) + mix(g, b) + mix(h, c) + (double)(d * e);
  printf("callee-saved values after longjmp: %.4f (pass %d)\n", r, pass);
}

static void nested(void) {
  jmp_buf outer, inner;
  volatile int trail = 0;
  if (setjmp(outer) == 0) {
    trail = trail * 10 + 1;
    if (setjmp(inner) == 0) {
      trail = trail * 10 + 2;
      longjmp(inner, 1);
    }
    trail = trail * 10 + 3;
    longjmp(outer, 2);
  }
  trail = trail * 10 + 4;
  printf("nested jumps trail: %d\n", trail);
}

static int is_blocked(int sig) {
  sigset_t now;
  sigprocmask(SIG_BLOCK, NULL, &now);
  return sigismember(&now, sig);
}

static void signal_mask(void) {
  sigjmp_buf env;
  sigset_t usr1;
  sigemptyset(&usr1);
  sigaddset(&usr1, SIGUSR1);
  if (sigsetjmp(env, 1) == 0) {
    sigprocmask(SIG_BLOCK, &usr1, NULL);
    printf("SIGUSR1 blocked before siglongjmp: %s\n", is_blocked(SIGUSR1) ? "yes" : "no");
    siglongjmp(env, 1);
  }
  printf("after siglongjmp to a mask-saving sigsetjmp: blocked %s\n",
         is_blocked(SIGUSR1) ? "yes" : "no");
  if (sigsetjmp(env, 0) == 0) {
    sigprocmask(SIG_BLOCK, &usr1, NULL);
    siglongjmp(env, 1);
  }
  printf("after siglongjmp to sigsetjmp(env, 0): blocked %s\n",
         is_blocked(SIGUSR1) ? "yes" : "no");
}

int main(void) {
  values();
  callee_saved();
  nested();
  signal_mask();
  return 0;
}
