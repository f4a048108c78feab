/* Code written at run time, as a JIT writes it: into a writable and
   executable page, run many times (so that elfrun's JIT translates it),
   then rewritten
   - with the cache maintenance arm64 asks for (__builtin___clear_cache:
     DC CVAU, IC IVAU);
   - by a plain store, without it, as some programs do (qemu-aarch64 and
     elfrun catch the store; hardware may run either version);
   - by the kernel, read() from a pipe straight into the code;
   Each version must be the one that runs. Last, data in the same page is
   written between calls: elfrun stops guarding a page that faults over
   and over (docs/jit.md), so this only checks that both stay right. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define RET 0xd65f03c0u

typedef int (*fn)(void);

/* MOVZ W0, #v */
static uint32_t movz_w0(uint32_t v) { return 0x52800000u | (v & 0xffff) << 5; }

static void sync_code(uint32_t *code, size_t words) {
  __builtin___clear_cache((char *)code, (char *)(code + words));
}

/* The sum of 1000 calls. */
static long run(fn f) {
  long sum = 0;
  for (int i = 0; i < 1000; i++) sum += f();
  return sum;
}

int main(void) {
  uint32_t *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (page == MAP_FAILED) {
    perror("mmap");
    return 1;
  }
  fn f = (fn)(void *)page;

  page[0] = movz_w0(1);
  page[1] = RET;
  sync_code(page, 2);
  printf("first version:           %ld\n", run(f));

  page[0] = movz_w0(2);
  sync_code(page, 2);
  printf("after IC IVAU:           %ld\n", run(f));

  /* The store alone, and the barrier that orders it before the fetch. */
  page[0] = movz_w0(3);
  __asm__ volatile("dsb ish\n\tisb" ::: "memory");
  printf("after a plain store:     %ld\n", run(f));

  int p[2];
  uint32_t next = movz_w0(4);
  if (pipe(p) || write(p[1], &next, sizeof next) != sizeof next) return 1;
  ssize_t got = read(p[0], page, sizeof next);
  __asm__ volatile("isb" ::: "memory");
  printf("read() into the code:    %zd bytes, %ld\n", got, run(f));

  /* Data next to the code, written between the calls. */
  volatile uint32_t *counter = page + 512;
  long sum = 0;
  for (int i = 0; i < 1000; i++) {
    *counter += 1;
    sum += f();
  }
  printf("data in the code's page: %u writes, %ld\n", *counter, sum);
  return 0;
}
