/* libFuzzer target for the ELF parser (src/loader/elf.c): any bytes in, a
   verdict out, never a crash, an out-of-bounds read (ASan) or undefined
   behaviour (UBSan). Every accepted image must also satisfy what the loader
   relies on, checked below. Build and run: `make fuzz FUZZ_SECONDS=600`. */
#include <elf.h>
#include <stdlib.h>
#include <string.h>

#include "loader/elf.h"
#include "mem/guest.h"

#define PAGE 4096ull

/* What load.c assumes of an accepted image. */
static bool consistent(const struct elf_info *info, const u8 *buf, size_t len) {
  if (info->nloads < 1 || info->nloads > ELF_MAX_LOADS) return false;
  if (info->lo >= info->hi || info->hi > GUEST_END) return false;
  if (info->lo % PAGE || info->hi % PAGE) return false;
  if (!info->is_dyn && info->lo < GUEST_BASE) return false;
  if (info->phoff > len || (u64)info->phnum * sizeof(Elf64_Phdr) > len - info->phoff) return false;
  u64 prev_end = 0;
  for (int i = 0; i < info->nloads; i++) {
    const Elf64_Phdr *ph = &info->loads[i];
    if (ph->p_type != PT_LOAD || ph->p_memsz == 0) return false;
    if (ph->p_filesz > ph->p_memsz) return false;
    if (ph->p_offset > len || ph->p_filesz > len - ph->p_offset) return false;
    if ((ph->p_vaddr - ph->p_offset) % PAGE) return false;
    if (ph->p_vaddr < prev_end || ph->p_vaddr < info->lo) return false;
    prev_end = ph->p_vaddr + ph->p_memsz;
    if (prev_end > info->hi) return false;
  }
  if (info->interp) { /* a NUL-terminated string inside the buffer */
    const char *s = info->interp;
    if (s < (const char *)buf || s >= (const char *)buf + len) return false;
    if (!memchr(s, 0, (size_t)((const char *)buf + len - s))) return false;
  }
  return true;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t len) {
  struct elf_info info;
  const char *why = NULL;
  if (elf_parse(data, len, &info, &why)) {
    if (!consistent(&info, data, len)) abort();
  } else if (!why || !*why) {
    abort(); /* a refusal must say why */
  }
  return 0;
}
