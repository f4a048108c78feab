/* ELF validation (src/loader/elf.c, elf_parse): real binaries from the test
   build, a small synthetic image, and that image broken in every way the
   loader must refuse. Broken inputs are copied into buffers of exactly their
   length, so an ASan build (`make check-asan`) catches any read past the end. */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader/elf.h"
#include "mem/guest.h"
#include "unit.h"

#define IMG_LEN 0x1800
#define BASE 0x400000ull

/* A valid static image: code page, data page with bss, PT_GNU_STACK (RW). */
struct img {
  union {
    u8 bytes[IMG_LEN];
    Elf64_Ehdr eh;
  };
  size_t len;
};

static Elf64_Phdr *ph(struct img *m, int i) {
  return (Elf64_Phdr *)(m->bytes + m->eh.e_phoff) + i;
}

static void make_image(struct img *m) {
  memset(m, 0, sizeof *m);
  memcpy(m->eh.e_ident, ELFMAG, SELFMAG);
  m->eh.e_ident[EI_CLASS] = ELFCLASS64;
  m->eh.e_ident[EI_DATA] = ELFDATA2LSB;
  m->eh.e_ident[EI_VERSION] = EV_CURRENT;
  m->eh.e_type = ET_EXEC;
  m->eh.e_machine = EM_AARCH64;
  m->eh.e_version = EV_CURRENT;
  m->eh.e_entry = BASE + 0x100;
  m->eh.e_phoff = sizeof(Elf64_Ehdr);
  m->eh.e_ehsize = sizeof(Elf64_Ehdr);
  m->eh.e_phentsize = sizeof(Elf64_Phdr);
  m->eh.e_phnum = 3;
  *ph(m, 0) = (Elf64_Phdr){.p_type = PT_LOAD, .p_flags = PF_R | PF_X, .p_offset = 0,
                           .p_vaddr = BASE, .p_filesz = 0x1000, .p_memsz = 0x1000,
                           .p_align = 0x1000};
  *ph(m, 1) = (Elf64_Phdr){.p_type = PT_LOAD, .p_flags = PF_R | PF_W, .p_offset = 0x1000,
                           .p_vaddr = BASE + 0x1000, .p_filesz = 0x800, .p_memsz = 0x2000,
                           .p_align = 0x1000};
  *ph(m, 2) = (Elf64_Phdr){.p_type = PT_GNU_STACK, .p_flags = PF_R | PF_W};
  m->len = IMG_LEN;
}

/* Parses the first len bytes from an exact-size heap copy. */
static bool parse_prefix(const struct img *m, size_t len, struct elf_info *info,
                         const char **why) {
  u8 *copy = calloc(1, len ? len : 1);
  memcpy(copy, m->bytes, len);
  *why = "";
  bool ok = elf_parse(copy, len, info, why);
  free(copy);
  return ok;
}

static bool parse(const struct img *m, struct elf_info *info, const char **why) {
  return parse_prefix(m, m->len, info, why);
}

/* Expects m to be refused with a reason containing `reason`. */
#define EXPECT_REJECTED(m, reason)                  \
  do {                                              \
    struct elf_info info_;                          \
    const char *why_;                               \
    EXPECT_FALSE(parse((m), &info_, &why_));        \
    EXPECT_CONTAINS(why_, reason);                  \
  } while (0)

TEST(elf, accepts_minimal_static_image) {
  struct img m;
  make_image(&m);
  struct elf_info info;
  const char *why;
  ASSERT_TRUE(parse(&m, &info, &why));
  EXPECT_FALSE(info.is_dyn);
  EXPECT_EQ(info.entry, BASE + 0x100);
  EXPECT_EQ(info.phnum, 3);
  EXPECT_EQ(info.nloads, 2);
  EXPECT_EQ(info.lo, BASE);
  EXPECT_EQ(info.hi, BASE + 0x3000);
  EXPECT_EQ(info.interp, NULL);
  EXPECT_FALSE(info.exec_stack);
  /* No PT_PHDR: the headers are found inside the first segment. */
  EXPECT_EQ(info.phdr_vaddr, BASE + sizeof(Elf64_Ehdr));
}

TEST(elf, rounds_span_out_to_pages) {
  struct img m;
  make_image(&m);
  ph(&m, 1)->p_memsz = 0x2001;
  struct elf_info info;
  const char *why;
  ASSERT_TRUE(parse(&m, &info, &why));
  EXPECT_EQ(info.hi, BASE + 0x4000);
}

TEST(elf, accepts_position_independent_image_at_zero) {
  struct img m;
  make_image(&m);
  m.eh.e_type = ET_DYN;
  m.eh.e_entry = 0x100;
  ph(&m, 0)->p_vaddr = 0;
  ph(&m, 1)->p_vaddr = 0x1000;
  struct elf_info info;
  const char *why;
  ASSERT_TRUE(parse(&m, &info, &why));
  EXPECT_TRUE(info.is_dyn);
  EXPECT_EQ(info.lo, 0);
  EXPECT_EQ(info.hi, 0x3000);
}

TEST(elf, rejects_static_image_below_lowest_guest_address) {
  struct img m;
  make_image(&m);
  ph(&m, 0)->p_vaddr = 0;
  ph(&m, 1)->p_vaddr = 0x1000;
  EXPECT_REJECTED(&m, "below");
}

TEST(elf, missing_gnu_stack_means_executable_stack) {
  struct img m;
  make_image(&m);
  m.eh.e_phnum = 2;
  struct elf_info info;
  const char *why;
  ASSERT_TRUE(parse(&m, &info, &why));
  EXPECT_TRUE(info.exec_stack);
}

TEST(elf, pt_phdr_gives_header_address) {
  struct img m;
  make_image(&m);
  *ph(&m, 2) = (Elf64_Phdr){.p_type = PT_PHDR, .p_offset = 64, .p_vaddr = BASE + 64,
                            .p_filesz = 3 * sizeof(Elf64_Phdr)};
  struct elf_info info;
  const char *why;
  ASSERT_TRUE(parse(&m, &info, &why));
  EXPECT_EQ(info.phdr_vaddr, BASE + 64);
}

TEST(elf, ignores_empty_load_segments) {
  struct img m;
  make_image(&m);
  *ph(&m, 2) = (Elf64_Phdr){.p_type = PT_LOAD, .p_vaddr = 0x10, .p_memsz = 0};
  struct elf_info info;
  const char *why;
  ASSERT_TRUE(parse(&m, &info, &why));
  EXPECT_EQ(info.nloads, 2);
}

static void add_interp(struct img *m, const char *path, size_t filesz) {
  strcpy((char *)m->bytes + 0x400, path);
  *ph(m, 2) = (Elf64_Phdr){.p_type = PT_INTERP, .p_flags = PF_R, .p_offset = 0x400,
                           .p_vaddr = BASE + 0x400, .p_filesz = filesz, .p_memsz = filesz};
}

TEST(elf, reports_interpreter_path) {
  struct img m;
  make_image(&m);
  const char *ld = "/lib/ld-linux-aarch64.so.1";
  add_interp(&m, ld, strlen(ld) + 1);
  struct elf_info info;
  const char *why;
  u8 copy[IMG_LEN];
  memcpy(copy, m.bytes, m.len);
  ASSERT_TRUE(elf_parse(copy, m.len, &info, &why));
  EXPECT_STREQ(info.interp, ld);
  /* It points into the image, which the caller keeps mapped. */
  EXPECT_EQ(info.interp, (const char *)copy + 0x400);
}

TEST(elf, rejects_interpreter_without_nul) {
  struct img m;
  make_image(&m);
  add_interp(&m, "/lib/ld.so", 10);
  EXPECT_REJECTED(&m, "interpreter");
}

TEST(elf, rejects_interpreter_with_inner_nul) {
  struct img m;
  make_image(&m);
  add_interp(&m, "/lib/ld.so", 20);
  EXPECT_REJECTED(&m, "interpreter");
}

TEST(elf, rejects_interpreter_past_end_of_file) {
  struct img m;
  make_image(&m);
  add_interp(&m, "/lib/ld.so", 11);
  ph(&m, 2)->p_offset = IMG_LEN - 4;
  EXPECT_REJECTED(&m, "interpreter");
}

TEST(elf, rejects_two_interpreters) {
  struct img m;
  make_image(&m);
  m.eh.e_phnum = 4;
  add_interp(&m, "/lib/ld.so", 11);
  *ph(&m, 3) = *ph(&m, 2);
  EXPECT_REJECTED(&m, "two interpreters");
}

TEST(elf, rejects_empty_and_text_files) {
  struct img m;
  make_image(&m);
  struct elf_info info;
  const char *why;
  EXPECT_FALSE(parse_prefix(&m, 0, &info, &why));
  EXPECT_CONTAINS(why, "not an ELF");
  EXPECT_FALSE(parse_prefix(&m, 3, &info, &why));
  EXPECT_CONTAINS(why, "not an ELF");
  memcpy(m.bytes, "#!/bin/sh\necho hi\n", 18);
  m.len = 18;
  EXPECT_REJECTED(&m, "not an ELF");
}

TEST(elf, rejects_truncated_header) {
  struct img m;
  make_image(&m);
  m.len = 40;
  EXPECT_REJECTED(&m, "truncated");
}

TEST(elf, rejects_32bit_class) {
  struct img m;
  make_image(&m);
  m.eh.e_ident[EI_CLASS] = ELFCLASS32;
  EXPECT_REJECTED(&m, "32-bit");
}

TEST(elf, rejects_big_endian) {
  struct img m;
  make_image(&m);
  m.eh.e_ident[EI_DATA] = ELFDATA2MSB;
  EXPECT_REJECTED(&m, "big-endian");
}

TEST(elf, rejects_x86_64_machine) {
  struct img m;
  make_image(&m);
  m.eh.e_machine = EM_X86_64;
  EXPECT_REJECTED(&m, "x86-64");
}

TEST(elf, rejects_other_machines) {
  struct img m;
  make_image(&m);
  m.eh.e_machine = EM_RISCV;
  EXPECT_REJECTED(&m, "another machine");
}

TEST(elf, rejects_relocatable_and_core_files) {
  struct img m;
  make_image(&m);
  m.eh.e_type = ET_REL;
  EXPECT_REJECTED(&m, "not an executable");
  m.eh.e_type = ET_CORE;
  EXPECT_REJECTED(&m, "not an executable");
}

TEST(elf, rejects_bad_program_header_size) {
  struct img m;
  make_image(&m);
  m.eh.e_phentsize = 32;
  EXPECT_REJECTED(&m, "program header size");
}

TEST(elf, rejects_zero_and_absurd_phnum) {
  struct img m;
  make_image(&m);
  m.eh.e_phnum = 0;
  EXPECT_REJECTED(&m, "program header count");
  m.eh.e_phnum = 0xffff;
  EXPECT_REJECTED(&m, "program header count");
}

TEST(elf, rejects_program_headers_past_end) {
  struct img m;
  make_image(&m);
  m.eh.e_phoff = IMG_LEN - 100;
  EXPECT_REJECTED(&m, "truncated program headers");
  m.eh.e_phoff = ~0ull - 8; /* offset + size wraps around */
  EXPECT_REJECTED(&m, "truncated program headers");
}

TEST(elf, rejects_overlapping_segments) {
  struct img m;
  make_image(&m);
  ph(&m, 1)->p_vaddr = BASE; /* the same page as the code */
  ph(&m, 1)->p_offset = 0;
  EXPECT_REJECTED(&m, "overlapping");
  make_image(&m);
  ph(&m, 1)->p_vaddr = BASE + 0x800; /* the code's second half */
  ph(&m, 1)->p_offset = 0x800;
  EXPECT_REJECTED(&m, "overlapping");
}

TEST(elf, rejects_unordered_segments) {
  struct img m;
  make_image(&m);
  Elf64_Phdr first = *ph(&m, 0);
  *ph(&m, 0) = *ph(&m, 1);
  *ph(&m, 1) = first;
  EXPECT_REJECTED(&m, "unordered");
}

TEST(elf, rejects_file_size_above_memory_size) {
  struct img m;
  make_image(&m);
  ph(&m, 1)->p_filesz = 0x2001;
  EXPECT_REJECTED(&m, "larger in file");
}

TEST(elf, rejects_segment_past_end_of_file) {
  struct img m;
  make_image(&m);
  ph(&m, 1)->p_filesz = 0x801;
  EXPECT_REJECTED(&m, "truncated segment");
  make_image(&m);
  ph(&m, 1)->p_offset = ~0ull & ~0xfffull; /* offset + size wraps around */
  ph(&m, 1)->p_vaddr = ~0ull & ~0xfffull;
  EXPECT_REJECTED(&m, "truncated segment");
}

TEST(elf, rejects_misaligned_segment) {
  struct img m;
  make_image(&m);
  ph(&m, 1)->p_vaddr += 0x10;
  EXPECT_REJECTED(&m, "misaligned");
}

TEST(elf, rejects_absurd_memory_size) {
  struct img m;
  make_image(&m);
  ph(&m, 1)->p_memsz = 1ull << 62;
  EXPECT_REJECTED(&m, "outside the address space");
  ph(&m, 1)->p_memsz = ~0ull; /* vaddr + memsz wraps around */
  EXPECT_REJECTED(&m, "outside the address space");
}

TEST(elf, rejects_segment_above_guest_window) {
  struct img m;
  make_image(&m);
  ph(&m, 1)->p_vaddr = GUEST_END + 0x1000;
  EXPECT_REJECTED(&m, "outside the address space");
  ph(&m, 1)->p_vaddr = GUEST_END - 0x1000; /* starts inside, ends outside */
  EXPECT_REJECTED(&m, "outside the address space");
}

TEST(elf, rejects_image_without_loadable_segments) {
  struct img m;
  make_image(&m);
  ph(&m, 0)->p_type = PT_NOTE;
  ph(&m, 1)->p_type = PT_NOTE;
  EXPECT_REJECTED(&m, "no loadable segments");
}

/* n consecutive bss-only pages, one PT_LOAD each. */
static void make_many_loads(struct img *m, int n) {
  make_image(m);
  m->eh.e_phnum = n;
  for (int i = 0; i < n; i++)
    *ph(m, i) = (Elf64_Phdr){.p_type = PT_LOAD, .p_flags = PF_R,
                             .p_vaddr = BASE + i * 0x1000ull, .p_memsz = 0x1000};
}

TEST(elf, accepts_the_most_segments_it_records) {
  struct img m;
  make_many_loads(&m, ELF_MAX_LOADS);
  struct elf_info info;
  const char *why;
  ASSERT_TRUE(parse(&m, &info, &why));
  EXPECT_EQ(info.nloads, ELF_MAX_LOADS);
}

TEST(elf, rejects_too_many_segments) {
  struct img m;
  make_many_loads(&m, ELF_MAX_LOADS + 1);
  EXPECT_REJECTED(&m, "too many segments");
}

TEST(elf, rejects_every_truncation_of_a_valid_image) {
  struct img m;
  make_image(&m);
  m.len = 0x1800; /* the data segment's file bytes end exactly here */
  struct elf_info info;
  const char *why;
  ASSERT_TRUE(parse(&m, &info, &why));
  int accepted = 0;
  for (size_t len = 0; len < m.len; len++) accepted += parse_prefix(&m, len, &info, &why);
  EXPECT_EQ(accepted, 0);
}

/* What any accepted image must satisfy, whatever its bytes. */
static bool sane(const struct elf_info *info, size_t len) {
  if (info->nloads < 1 || info->nloads > ELF_MAX_LOADS) return false;
  if (info->lo >= info->hi || info->hi > GUEST_END) return false;
  for (int i = 0; i < info->nloads; i++) {
    const Elf64_Phdr *p = &info->loads[i];
    if (p->p_filesz > p->p_memsz || p->p_offset + p->p_filesz > len) return false;
    if (i > 0 && p->p_vaddr < info->loads[i - 1].p_vaddr + info->loads[i - 1].p_memsz)
      return false;
  }
  return true;
}

TEST(elf, survives_every_single_byte_corruption_of_headers) {
  struct img m;
  make_image(&m);
  add_interp(&m, "/lib/ld.so", 11);
  size_t header_bytes = sizeof(Elf64_Ehdr) + 3 * sizeof(Elf64_Phdr);
  static const u8 kValues[] = {0x00, 0x01, 0x7f, 0x80, 0xff};
  int insane = 0;
  for (size_t at = 0; at < header_bytes; at++) {
    for (size_t v = 0; v < sizeof kValues; v++) {
      struct img bad = m;
      bad.bytes[at] = kValues[v];
      struct elf_info info;
      const char *why;
      if (parse(&bad, &info, &why) && !sane(&info, bad.len)) {
        unit_note("byte %zu = %#x accepted an inconsistent image", at, kValues[v]);
        insane++;
      }
    }
  }
  EXPECT_EQ(insane, 0);
}

/* A binary built by `make tests` (check.sh exports ELFRUN_TEST_BUILD). */
static u8 *read_built(const char *rel, size_t *len) {
  const char *build = getenv("ELFRUN_TEST_BUILD");
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", build ? build : "build", rel);
  FILE *f = fopen(path, "rb");
  if (!f) {
    unit_note("cannot open %s (set ELFRUN_TEST_BUILD to the build directory)", path);
    return NULL;
  }
  fseek(f, 0, SEEK_END);
  *len = ftell(f);
  rewind(f);
  u8 *buf = malloc(*len);
  if (fread(buf, 1, *len, f) != *len) *len = 0;
  fclose(f);
  return buf;
}

static void check_built(const char *rel, bool is_dyn) {
  size_t len = 0;
  u8 *buf = read_built(rel, &len);
  ASSERT_TRUE(buf != NULL);
  struct elf_info info;
  const char *why = "";
  bool ok = elf_parse(buf, len, &info, &why);
  EXPECT_STREQ(why, "");
  if (ok) {
    Elf64_Ehdr eh;
    memcpy(&eh, buf, sizeof eh);
    EXPECT_EQ(info.is_dyn, is_dyn);
    EXPECT_EQ(info.entry, eh.e_entry);
    EXPECT_EQ(info.phnum, eh.e_phnum);
    EXPECT_EQ(info.interp, NULL);
    EXPECT_NE(info.phdr_vaddr, 0);
    EXPECT_FALSE(info.exec_stack);
    EXPECT_TRUE(sane(&info, len));
    EXPECT_TRUE(info.entry >= info.lo && info.entry < info.hi);
    if (is_dyn) EXPECT_EQ(info.lo, 0);
    else EXPECT_TRUE(info.lo >= GUEST_BASE);
  }
  EXPECT_TRUE(ok);
  free(buf);
}

TEST(elf, parses_static_glibc_binary) { check_built("tests/guest/hello.glibc", false); }
TEST(elf, parses_static_musl_binary) { check_built("tests/guest/hello.musl", false); }
TEST(elf, parses_static_pie_binary) { check_built("tests/guest/hello.pie", true); }
