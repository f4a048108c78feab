/* Protocol test program (rsp.py): a handled SIGUSR1 for gdb to see before
   delivery, then a spin that only a debugger's write to stop_spinning ends
   (after a Ctrl-C). Exits 7. */
#include <signal.h>
#include <stdio.h>

volatile int got, stop_spinning;

static void on_usr1(int sig) { got = sig; }

int main(void) {
  signal(SIGUSR1, on_usr1);
  raise(SIGUSR1);
  while (!stop_spinning) {
  }
  printf("got %d\n", got);
  return 7;
}
