/* gdb test program: globals to watch and modify, a call chain for bt, and
   step_me, a few instructions with a branch and an SVC to stepi through.
   Its exit status is the global `result`, so a debugger's write shows. */
#include <stdio.h>

int counter;
int result = 3;

/* close(-1): a system call with the same answer everywhere (-EBADF). */
__asm__(".text\n.globl step_me\n.type step_me, %function\nstep_me:\n"
        "  mov x0, #7\n"
        "  b 1f\n"
        "  mov x0, #9\n"
        "1:\n"
        "  mov x0, #-1\n"
        "  mov x8, #57\n"
        "  svc #0\n"
        "  add x0, x0, #100\n"
        "  ret\n"
        ".size step_me, .-step_me\n");
long step_me(void);

static int __attribute__((noinline)) bump(int by) {
  counter += by;
  return counter;
}

static int __attribute__((noinline)) work(int n) {
  int sum = 0;
  for (int i = 1; i <= n; i++) sum += bump(i);
  return sum;
}

int main(void) {
  long r = step_me();
  int sum = work(4);
  printf("step_me %ld sum %d counter %d\n", r, sum, counter);
  fflush(stdout);
  return result;
}
