/* Exit statuses and what survives each way out: `exit MODE VALUE`.
     return N   return from main (stdio flushed, atexit handlers run)
     exit N     exit(N) from a nested call
     _exit N    _exit(N): buffered stdout is lost, no handlers
     abort      SIGABRT: status 128+6 from the shell, buffered output lost
     raise      raise(SIGTERM), default action: 128+15
     segv       a store to address 0: SIGSEGV, 128+11
   The shell sees only the low 8 bits: 256 -> 0, -1 -> 255. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void first_registered(void) { puts("atexit: registered first, runs last"); }
static void second_registered(void) { puts("atexit: registered second, runs first"); }

static void __attribute__((noinline)) leave_from_nested_call(int status) {
  printf("exit(%d) from a nested call\n", status);
  exit(status);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: exit MODE [VALUE]\n");
    return 2;
  }
  const char *mode = argv[1];
  int value = argc > 2 ? atoi(argv[2]) : 0;
  atexit(first_registered);
  atexit(second_registered);
  fprintf(stderr, "stderr is unbuffered: mode %s\n", mode);
  printf("buffered line, printed only if stdio is flushed\n");
  if (!strcmp(mode, "return")) return value;
  if (!strcmp(mode, "exit")) leave_from_nested_call(value);
  if (!strcmp(mode, "_exit")) _exit(value);
  if (!strcmp(mode, "abort")) abort();
  if (!strcmp(mode, "raise")) raise(SIGTERM);
  if (!strcmp(mode, "segv")) *(volatile int *)(uintptr_t)value = 1;
  fprintf(stderr, "unknown mode %s\n", mode);
  return 2;
}
