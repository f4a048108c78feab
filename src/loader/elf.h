#ifndef ELFRUN_LOADER_ELF_H_
#define ELFRUN_LOADER_ELF_H_

#include <elf.h>

#include "base/types.h"

#define ELF_MAX_LOADS 32

/* What the loader needs from an aarch64 ELF image, already validated. */
struct elf_info {
  bool is_dyn;             /* ET_DYN (PIE or shared object) */
  u64 entry;               /* e_entry, unrelocated */
  u64 phoff;               /* file offset of the program headers */
  u16 phnum;
  u64 lo, hi;              /* page-aligned span of the PT_LOADs, unrelocated */
  u64 phdr_vaddr;          /* where the program headers are mapped, or 0 */
  bool exec_stack;         /* PT_GNU_STACK asks for PF_X (or is absent) */
  const char *interp;      /* PT_INTERP path (points into the image), or NULL */
  int nloads;
  Elf64_Phdr loads[ELF_MAX_LOADS];
};

/* Validates the image in [buf, buf+len) and fills *out. On failure returns
   false with a short reason in *why ("not an ELF file", ...). Pure: touches
   no memory but its arguments, so it is the fuzz target's entry point. */
bool elf_parse(const u8 *buf, size_t len, struct elf_info *out, const char **why);

#endif
