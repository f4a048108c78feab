/* The guest cannot reach memory outside its address space: loads and
   stores at addresses read from stdin (hex, one a line), each made from a
   loop that has run long enough to be translated, must raise SIGSEGV.
   tests/check.sh (cli/guest_cannot_reach_host_memory) gives it the
   addresses of elfrun's own memory, read from /proc/PID/maps once the
   program says it is ready: its code cache, heap, stack and binary. Run
   in the guest suite with no input, it checks a few addresses above the
   window of its own and needs no host mapping. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define WARM 1000 /* passes before the probe: above every --jit-threshold used */

static sigjmp_buf g_jump;
static volatile uintptr_t g_fault;

static void on_segv(int sig, siginfo_t *si, void *uc) {
  (void)sig;
  (void)uc;
  g_fault = (uintptr_t)si->si_addr;
  siglongjmp(g_jump, 1);
}

/* Sums *ptrs[i] (or stores i through each): the last pointer is the probe. */
static __attribute__((noinline)) uint64_t walk(uint64_t *const *ptrs, int n, int store) {
  uint64_t sum = 0;
  for (int i = 0; i < n; i++) {
    if (store) *(volatile uint64_t *)ptrs[i] = (uint64_t)i;
    else sum += *(volatile uint64_t *)ptrs[i];
  }
  return sum;
}

static uint64_t g_cell;
static uint64_t *g_ptrs[WARM + 1];

/* A load (or a store) at address a: it must fault there. */
static void probe_one(uintptr_t a, int store) {
  for (int i = 0; i < WARM; i++) g_ptrs[i] = &g_cell;
  walk(g_ptrs, WARM, store); /* translated by now, under every tier but off */
  g_ptrs[WARM] = (uint64_t *)a;
  g_fault = 0;
  if (sigsetjmp(g_jump, 1) == 0) {
    uint64_t v = walk(g_ptrs, WARM + 1, store);
    printf("%s %#llx: no fault (read %#llx)\n", store ? "store" : "load", (unsigned long long)a,
           (unsigned long long)v);
  } else {
    printf("%s: SIGSEGV %s\n", store ? "store" : "load",
           g_fault == a ? "at the address" : "elsewhere");
  }
}

static void probe(uintptr_t a) {
  probe_one(a, 0);
  probe_one(a, 1);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO | SA_NODEFER;
  sigaction(SIGSEGV, &sa, NULL);
  /* Two addresses above elfrun's window that nothing maps (under qemu either). */
  probe(0x7ff000000000ull);
  probe(0x400000000000ull + 4096);
  printf("ready\n");
  char line[64];
  unsigned long long a;
  while (fgets(line, sizeof line, stdin))
    if (sscanf(line, "%llx", &a) == 1) probe((uintptr_t)a);
  return 0;
}
