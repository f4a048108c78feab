/* What the kernel hands a new program: argv, envp and the auxiliary vector,
   as seen through libc. Values that vary between runs or builds (addresses,
   the program's path) are checked for consistency, not printed. */
#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

#define A64_HWCAP_FP (1ul << 0) /* arch/arm64/include/uapi/asm/hwcap.h */

extern char **environ;
extern const Elf64_Ehdr __ehdr_start; /* the linker's name for our ELF header */
extern char _start[];

static const char *yes(int b) { return b ? "yes" : "no"; }

/* "build/tests/guest/args.glibc" -> "args": the same for every build mode. */
static void print_program_name(const char *argv0) {
  const char *base = strrchr(argv0, '/') ? strrchr(argv0, '/') + 1 : argv0;
  printf("argv[0] names: %.*s\n", (int)strcspn(base, "."), base);
}

static void print_argv(int argc, char **argv) {
  printf("argc=%d\n", argc);
  print_program_name(argv[0]);
  for (int i = 1; i < argc; i++) printf("argv[%d]=\"%s\" (%zu bytes)\n", i, argv[i], strlen(argv[i]));
  printf("argv[argc] is NULL: %s\n", yes(argv[argc] == NULL));
  int contiguous = 1;
  for (int i = 0; i + 1 < argc; i++)
    contiguous &= argv[i] + strlen(argv[i]) + 1 == argv[i + 1];
  printf("argv strings are contiguous: %s\n", yes(contiguous));
}

static int by_string(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted: qemu-aarch64 reverses the environment's order, Linux keeps it. */
static void print_env(char **envp) {
  size_t n = 0;
  while (envp[n]) n++;
  char **sorted = malloc((n + 1) * sizeof *sorted);
  memcpy(sorted, envp, (n + 1) * sizeof *sorted);
  qsort(sorted, n, sizeof *sorted, by_string);
  printf("envp == environ: %s\n", yes(envp == environ));
  printf("%zu environment variables:\n", n);
  for (size_t i = 0; i < n; i++) printf("  %s\n", sorted[i]);
  printf("getenv(\"HOME\")=%s\n", getenv("HOME") ? getenv("HOME") : "(null)");
  printf("getenv(\"NO_SUCH_VARIABLE\") is NULL: %s\n", yes(getenv("NO_SUCH_VARIABLE") == NULL));
  free(sorted);
}

/* The program headers the kernel points at are the ones of this image. */
static void print_phdr_checks(void) {
  const char *base = (const char *)&__ehdr_start;
  printf("AT_PHDR is our program headers: %s\n",
         yes(getauxval(AT_PHDR) == (unsigned long)(base + __ehdr_start.e_phoff)));
  printf("AT_PHNUM matches: %s\n", yes(getauxval(AT_PHNUM) == __ehdr_start.e_phnum));
  printf("AT_PHENT=%lu\n", getauxval(AT_PHENT));
  const Elf64_Phdr *ph = (const Elf64_Phdr *)getauxval(AT_PHDR);
  unsigned long bias = 0;
  for (int i = 0; i < __ehdr_start.e_phnum; i++)
    if (ph[i].p_type == PT_LOAD && ph[i].p_offset == 0) bias = (unsigned long)base - ph[i].p_vaddr;
  printf("AT_ENTRY is _start: %s\n", yes(getauxval(AT_ENTRY) == (unsigned long)_start));
  printf("AT_ENTRY is e_entry plus the load bias: %s\n",
         yes(getauxval(AT_ENTRY) == __ehdr_start.e_entry + bias));
}

static void print_auxv(char **argv) {
  printf("AT_PAGESZ=%lu\n", getauxval(AT_PAGESZ));
  printf("AT_CLKTCK=%lu\n", getauxval(AT_CLKTCK));
  printf("has FP: %s\n", yes(getauxval(AT_HWCAP) & A64_HWCAP_FP));
  printf("AT_UID/EUID/GID/EGID match: %s\n",
         yes(getauxval(AT_UID) == getuid() && getauxval(AT_EUID) == geteuid() &&
             getauxval(AT_GID) == getgid() && getauxval(AT_EGID) == getegid()));
  printf("AT_SECURE=%lu\n", getauxval(AT_SECURE));
  const volatile unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);
  for (int i = 0; rnd && i < 16; i++) (void)rnd[i]; /* faults if unreadable */
  printf("AT_RANDOM has 16 readable bytes: %s\n", yes(rnd != NULL));
  const char *platform = (const char *)getauxval(AT_PLATFORM);
  printf("AT_PLATFORM=%s\n", platform ? platform : "(none)");
  const char *execfn = (const char *)getauxval(AT_EXECFN);
  printf("AT_EXECFN is argv[0]: %s\n", yes(execfn && !strcmp(execfn, argv[0])));
  print_phdr_checks();
  printf("sysconf(_SC_PAGESIZE)=%ld\n", sysconf(_SC_PAGESIZE));
}

int main(int argc, char **argv, char **envp) {
  print_argv(argc, argv);
  print_env(envp);
  print_auxv(argv);
  printf("stack pointer is 16-byte aligned in main: %s\n",
         yes(((uintptr_t)__builtin_frame_address(0) & 15) == 0));
  return 0;
}
