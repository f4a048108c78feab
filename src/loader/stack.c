/* The initial stack, laid out as fs/binfmt_elf.c's create_elf_tables() and
   fs/exec.c lay it out on arm64, from the top down:

     8-byte zero, the execfn string, envp strings, argv strings,
     "aarch64" (AT_PLATFORM), 16 random bytes (AT_RANDOM), padding,
     auxv pairs ending in AT_NULL, envp pointers + NULL,
     argv pointers + NULL, argc  <- SP, 16-byte aligned */
#include "loader/stack.h"

#include <elf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <unistd.h>

#include "cpu/features.h"
#include "linux/abi_signal.h"
#include "mem/guest.h"
#include "mem/mmap.h"
#include "mem/vma.h"

#define STACK_TOP (GUEST_END - GUEST_PAGE)
#define STACK_DEFAULT (8ull << 20)
#define STACK_MAX (1ull << 30)
/* Room between the stack and the first mmap, as Linux's mmap_base gap. */
#define STACK_GAP (128ull << 20)
/* Not in older glibc headers. */
#ifndef AT_MINSIGSTKSZ
#define AT_MINSIGSTKSZ 51
#endif

static u64 stack_size(void) {
  struct rlimit rl;
  if (getrlimit(RLIMIT_STACK, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
    return STACK_DEFAULT;
  u64 size = page_up(rl.rlim_cur);
  return size < STACK_DEFAULT ? STACK_DEFAULT : size > STACK_MAX ? STACK_MAX : size;
}

static gaddr push_bytes(gaddr *sp, const void *data, size_t n) {
  *sp -= n;
  memcpy(g2h(*sp), data, n);
  return *sp;
}

static gaddr push_str(gaddr *sp, const char *s) { return push_bytes(sp, s, strlen(s) + 1); }

static size_t count(char *const v[]) {
  size_t n = 0;
  while (v[n]) n++;
  return n;
}

/* The stack's extent, fixed by stack_map(). */
static gaddr g_stack_bottom;
static u64 g_stack_size;

bool stack_map(void) {
  g_stack_size = stack_size();
  g_stack_bottom = STACK_TOP - g_stack_size;
  if (guest_mmap(g_stack_bottom, g_stack_size, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) < 0)
    return false;
  struct vma v;
  if (vma_lookup_copy(g_stack_bottom, &v)) {
    v.flags |= VMA_STACK;
    vma_insert(&v);
  }
  g_mmap_top = g_stack_bottom - STACK_GAP;
  return true;
}

gaddr stack_build(const struct image *main, const struct image *interp,
                  char *const argv[], char *const envp[], const char *execfn,
                  gaddr vdso_base) {
  u64 size = g_stack_size;
  /* PT_GNU_STACK of the program decides, as in Linux's setup_arg_pages(). */
  if (main->exec_stack)
    guest_mprotect(g_stack_bottom, size, PROT_READ | PROT_WRITE | PROT_EXEC);

  size_t argc = count(argv), envc = count(envp);
  size_t strings = strlen(execfn) + 1 + 8 + 16 + 16;
  for (size_t i = 0; i < argc; i++) strings += strlen(argv[i]) + 1;
  for (size_t i = 0; i < envc; i++) strings += strlen(envp[i]) + 1;
  /* Linux refuses argument strings over a quarter of the stack limit. */
  if (strings > size / 4) return 0;

  gaddr sp = STACK_TOP - 8; /* the final 8 bytes stay zero */
  gaddr execfn_at = push_str(&sp, execfn);
  gaddr *envp_at = malloc((envc + 1) * sizeof *envp_at);
  gaddr *argv_at = malloc((argc + 1) * sizeof *argv_at);
  if (!envp_at || !argv_at) {
    free(envp_at);
    free(argv_at);
    return 0;
  }
  for (size_t i = envc; i-- > 0;) envp_at[i] = push_str(&sp, envp[i]);
  for (size_t i = argc; i-- > 0;) argv_at[i] = push_str(&sp, argv[i]);
  argv_at[argc] = envp_at[envc] = 0;
  gaddr platform_at = push_str(&sp, "aarch64");
  u8 random[16];
  if (getrandom(random, sizeof random, 0) != sizeof random) memset(random, 0x5a, 16);
  sp &= ~15ull;
  gaddr random_at = push_bytes(&sp, random, sizeof random);

  u64 auxv[][2] = {
      {AT_SYSINFO_EHDR, vdso_base},
      {AT_MINSIGSTKSZ, A64_SIGFRAME_MINSTKSZ},
      {AT_HWCAP, features_hwcap()},
      {AT_PAGESZ, GUEST_PAGE},
      {AT_CLKTCK, (u64)sysconf(_SC_CLK_TCK)},
      {AT_PHDR, main->phdr},
      {AT_PHENT, sizeof(Elf64_Phdr)},
      {AT_PHNUM, main->phnum},
      {AT_BASE, interp ? interp->bias : 0},
      {AT_FLAGS, 0},
      {AT_ENTRY, main->entry},
      {AT_UID, getuid()},
      {AT_EUID, geteuid()},
      {AT_GID, getgid()},
      {AT_EGID, getegid()},
      {AT_SECURE, 0},
      {AT_RANDOM, random_at},
      {AT_HWCAP2, features_hwcap2()},
      {AT_EXECFN, execfn_at},
      {AT_PLATFORM, platform_at},
      {AT_NULL, 0},
  };
  size_t first = vdso_base ? 0 : 1; /* no vDSO, no AT_SYSINFO_EHDR */
  size_t nauxv = ARRAY_LEN(auxv) - first;
  size_t words = 1 + argc + 1 + envc + 1 + 2 * nauxv;
  sp = (sp - words * 8) & ~15ull;
  u64 *w = g2h(sp);
  *w++ = argc;
  for (size_t i = 0; i <= argc; i++) *w++ = argv_at[i];
  for (size_t i = 0; i <= envc; i++) *w++ = envp_at[i];
  memcpy(w, auxv[first], nauxv * sizeof auxv[0]);
  free(envp_at);
  free(argv_at);
  return sp;
}
