/* The guest half of the random-instruction tester: a static aarch64 program
   run under qemu-aarch64 and under elfrun on the same case file.

     runner CASES [FIRST [COUNT]]   run cases FIRST.. of CASES, one
                                    struct isa_result per case on stdout
     runner --hwcap                 print the advertised CPU features, by
                                    their /proc/cpuinfo names

   All cases' code is laid out once, each case in its slot, before the
   first case runs, and made visible to instruction fetch the way a JIT does it (DC
   CVAU, IC IVAU, ISB, through __builtin___clear_cache). Each case then gets
   the data window filled from the case, runs through isa_run_case() (see
   runner_entry.S) and has its final state written out at once, so that if
   the emulator dies on a case every earlier result has been delivered. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "isa.h"

void isa_run_case(const struct isa_state *in, struct isa_state *out, u64 slot);
void isa_case_exit(void);

/* The kernel's names for the AT_HWCAP and AT_HWCAP2 bits, in bit order
   (arch/arm64/kernel/cpuinfo.c); "" where the bit has no name. */
static const char *const kHwcap[] = {
    "fp",      "asimd",   "evtstrm", "aes",     "pmull",   "sha1",    "sha2",
    "crc32",   "atomics", "fphp",    "asimdhp", "cpuid",   "asimdrdm", "jscvt",
    "fcma",    "lrcpc",   "dcpop",   "sha3",    "sm3",     "sm4",     "asimddp",
    "sha512",  "sve",     "asimdfhm", "dit",    "uscat",   "ilrcpc",  "flagm",
    "ssbs",    "sb",      "paca",    "pacg",
};
static const char *const kHwcap2[] = {
    "dcpodp", "sve2",   "sveaes", "svepmull", "svebitperm", "svesha3", "svesm4",
    "flagm2", "frint",  "svei8mm", "svef32mm", "svef64mm", "svebf16", "i8mm",
    "bf16",   "dgh",    "rng",    "bti",      "mte",        "ecv",     "afp",
    "rpres",  "mte3",   "sme",    "",         "",           "",        "",
    "",       "",       "",       "wfxt",     "ebf16",      "sve_ebf16", "cssc",
    "rprfm",
};

static void print_features(unsigned long caps, const char *const *names, size_t n) {
  for (size_t bit = 0; bit < n; bit++)
    if (caps >> bit & 1 && names[bit][0]) printf("%s ", names[bit]);
}

static int print_hwcap(void) {
  print_features(getauxval(AT_HWCAP), kHwcap, sizeof kHwcap / sizeof *kHwcap);
  print_features(getauxval(AT_HWCAP2), kHwcap2, sizeof kHwcap2 / sizeof *kHwcap2);
  printf("\n");
  return 0;
}

static void die(const char *what) {
  fprintf(stderr, "runner: %s: %s\n", what, strerror(errno));
  exit(2);
}

static void *map_fixed(u64 addr, size_t len, int prot) {
  void *p = mmap((void *)addr, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
                 -1, 0);
  if (p != (void *)addr) die("cannot map the fixed test regions");
  return p;
}

static void *read_file(const char *path, size_t *len) {
  int fd = open(path, O_RDONLY);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) < 0) die(path);
  char *buf = malloc(st.st_size ? st.st_size : 1);
  if (!buf) die("out of memory");
  size_t got = 0;
  while (got < (size_t)st.st_size) {
    ssize_t n = read(fd, buf + got, st.st_size - got);
    if (n <= 0) die(path);
    got += n;
  }
  close(fd);
  *len = got;
  return buf;
}

/* B from pc to target (both within +-128 MiB). */
static u32 encode_b(u64 pc, u64 target) {
  return 0x14000000u | (u32)((target - pc) >> 2 & 0x3ffffff);
}

/* Slot i: X30's value, "ldr x30, <that value>", the instructions, and
   "b isa_case_exit". */
static void lay_out_slot(u32 i, const struct isa_case *c) {
  u8 *slot = (u8 *)isa_slot(i);
  memcpy(slot, &c->in.x[30], 8);
  u32 *code = (u32 *)(slot + 8);
  *code++ = 0x5800001eu | 0x7fffeu << 5; /* LDR (literal) X30, imm19 = -2 words */
  for (u32 k = 0; k < c->ninsns && k < ISA_MAX_INSNS; k++) *code++ = c->insn[k];
  *code = encode_b((u64)code, (u64)isa_case_exit);
}

static void write_all(const void *buf, size_t len) {
  const char *p = buf;
  while (len) {
    ssize_t n = write(1, p, len);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) die("write");
    p += n;
    len -= n;
  }
}

/* The case file, checked against this runner's idea of its layout. */
static const struct isa_header *load_cases(const char *path) {
  size_t len;
  const struct isa_header *h = read_file(path, &len);
  if (len < sizeof *h || h->magic != ISA_MAGIC || h->version != ISA_VERSION ||
      h->nslots > ISA_MAX_CASES || h->ncases > h->nslots ||
      len != sizeof *h + (size_t)h->ncases * sizeof(struct isa_case)) {
    fprintf(stderr, "runner: %s: not a case file of this version\n", path);
    exit(2);
  }
  const struct isa_case *cases = (const void *)(h + 1);
  for (u32 i = 0; i < h->ncases; i++)
    if (cases[i].slot >= h->nslots) {
      fprintf(stderr, "runner: %s: case %u: slot %u out of range\n", path, i, cases[i].slot);
      exit(2);
    }
  return h;
}

/* Maps the regions and writes every case's code into its slot. */
static void lay_out(const struct isa_header *h, const struct isa_case *cases) {
  size_t code_len = ((size_t)h->nslots * ISA_SLOT + 4095) & ~(size_t)4095;
  if (code_len) map_fixed(ISA_CODE_BASE, code_len, PROT_READ | PROT_WRITE | PROT_EXEC);
  map_fixed(ISA_DATA_BASE, 8192, PROT_READ | PROT_WRITE);
  u32 used = 0; /* slots past the last case's are never executed */
  for (u32 i = 0; i < h->ncases; i++) {
    lay_out_slot(cases[i].slot, &cases[i]);
    if (cases[i].slot + 1 > used) used = cases[i].slot + 1;
  }
  __builtin___clear_cache((char *)ISA_CODE_BASE, (char *)isa_slot(used));
}

static void run_case(u32 index, const struct isa_case *c) {
  static struct isa_result r;
  memcpy((void *)ISA_MEM_ADDR, c->in.mem, ISA_MEM_SIZE);
  memset(&r, 0, sizeof r);
  isa_run_case(&c->in, &r.out, isa_slot(c->slot) + 8);
  memcpy(r.out.mem, (void *)ISA_MEM_ADDR, ISA_MEM_SIZE);
  r.index = index;
  r.done = ISA_DONE;
  write_all(&r, sizeof r);
}

int main(int argc, char **argv) {
  if (argc == 2 && !strcmp(argv[1], "--hwcap")) return print_hwcap();
  if (argc < 2 || argc > 4) {
    fprintf(stderr, "usage: runner CASES [FIRST [COUNT]] | runner --hwcap\n");
    return 2;
  }
  const struct isa_header *h = load_cases(argv[1]);
  const struct isa_case *cases = (const void *)(h + 1);
  u32 first = argc > 2 ? (u32)strtoul(argv[2], NULL, 0) : 0;
  u32 count = argc > 3 ? (u32)strtoul(argv[3], NULL, 0) : h->ncases;
  if (first > h->ncases) first = h->ncases;
  if (count > h->ncases - first) count = h->ncases - first;
  lay_out(h, cases);
  for (u32 i = first; i < first + count; i++) run_case(i, &cases[i]);
  return 0;
}
