/* ELF header and program header validation (ELF-64 Object File Format,
   and what fs/binfmt_elf.c accepts). Everything here treats the file as
   hostile: a broken image gets a reason, never a crash. */
#include "loader/elf.h"

#include <string.h>

#include "mem/guest.h"

#define PAGE 4096ull

static bool fail(const char **why, const char *reason) {
  *why = reason;
  return false;
}

static bool check_header(const Elf64_Ehdr *eh, size_t len, const char **why) {
  if (len < 4 || memcmp(eh->e_ident, ELFMAG, SELFMAG)) return fail(why, "not an ELF file");
  if (len < sizeof *eh) return fail(why, "truncated ELF header");
  if (eh->e_ident[EI_CLASS] != ELFCLASS64) return fail(why, "32-bit ELF, not aarch64");
  if (eh->e_ident[EI_DATA] != ELFDATA2LSB) return fail(why, "big-endian ELF");
  if (eh->e_machine != EM_AARCH64) {
    if (eh->e_machine == EM_X86_64) return fail(why, "x86-64 ELF, not aarch64");
    return fail(why, "ELF for another machine, not aarch64");
  }
  if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
    return fail(why, "not an executable ELF (relocatable or core file)");
  if (eh->e_phentsize != sizeof(Elf64_Phdr)) return fail(why, "bad program header size");
  if (eh->e_phnum == 0 || eh->e_phnum > 65536 / sizeof(Elf64_Phdr))
    return fail(why, "bad program header count");
  if (eh->e_phoff > len || eh->e_phnum * sizeof(Elf64_Phdr) > len - eh->e_phoff)
    return fail(why, "truncated program headers");
  return true;
}

static bool check_load(const Elf64_Phdr *ph, size_t len, u64 prev_end, const char **why) {
  if (ph->p_filesz > ph->p_memsz) return fail(why, "segment larger in file than in memory");
  if (ph->p_offset > len || ph->p_filesz > len - ph->p_offset)
    return fail(why, "truncated segment");
  if ((ph->p_vaddr - ph->p_offset) % PAGE) return fail(why, "misaligned segment");
  if (ph->p_vaddr >= GUEST_END || ph->p_memsz > GUEST_END - ph->p_vaddr)
    return fail(why, "segment outside the address space");
  if (ph->p_vaddr < prev_end) return fail(why, "overlapping or unordered segments");
  return true;
}

static bool check_interp(const u8 *buf, size_t len, const Elf64_Phdr *ph,
                         struct elf_info *out, const char **why) {
  if (ph->p_offset > len || ph->p_filesz > len - ph->p_offset || ph->p_filesz < 2 ||
      ph->p_filesz > 4096)
    return fail(why, "bad interpreter path");
  const char *s = (const char *)buf + ph->p_offset;
  if (s[ph->p_filesz - 1] != 0 || strlen(s) != ph->p_filesz - 1)
    return fail(why, "bad interpreter path");
  out->interp = s;
  return true;
}

bool elf_parse(const u8 *buf, size_t len, struct elf_info *out, const char **why) {
  Elf64_Ehdr ehv = {0}, *eh = &ehv; /* copied: buf need not be aligned */
  memcpy(&ehv, buf, len < sizeof ehv ? len : sizeof ehv);
  memset(out, 0, sizeof *out);
  if (!check_header(eh, len, why)) return false;
  out->is_dyn = eh->e_type == ET_DYN;
  out->entry = eh->e_entry;
  out->phoff = eh->e_phoff;
  out->phnum = eh->e_phnum;
  out->exec_stack = true; /* no PT_GNU_STACK: executable stack, as Linux */
  u64 prev_end = 0;
  for (int i = 0; i < eh->e_phnum; i++) {
    Elf64_Phdr ph;
    memcpy(&ph, buf + eh->e_phoff + i * sizeof ph, sizeof ph);
    if (ph.p_type == PT_LOAD) {
      if (ph.p_memsz == 0) continue;
      if (out->nloads == ELF_MAX_LOADS) return fail(why, "too many segments");
      if (!check_load(&ph, len, prev_end, why)) return false;
      prev_end = ph.p_vaddr + ph.p_memsz;
      out->loads[out->nloads++] = ph;
    } else if (ph.p_type == PT_INTERP) {
      if (out->interp) return fail(why, "two interpreters");
      if (!check_interp(buf, len, &ph, out, why)) return false;
    } else if (ph.p_type == PT_GNU_STACK) {
      out->exec_stack = ph.p_flags & PF_X;
    } else if (ph.p_type == PT_PHDR) {
      out->phdr_vaddr = ph.p_vaddr;
    }
  }
  if (out->nloads == 0) return fail(why, "no loadable segments");
  out->lo = out->loads[0].p_vaddr & ~(PAGE - 1);
  out->hi = (prev_end + PAGE - 1) & ~(PAGE - 1);
  if (out->hi > GUEST_END) return fail(why, "segment outside the address space");
  if (!out->is_dyn && out->lo < GUEST_BASE) return fail(why, "segment below the lowest address");
  if (!out->phdr_vaddr) { /* find the headers inside a segment, as Linux does */
    for (int i = 0; i < out->nloads; i++) {
      const Elf64_Phdr *ph = &out->loads[i];
      if (ph->p_offset <= eh->e_phoff &&
          eh->e_phoff + eh->e_phnum * sizeof(Elf64_Phdr) <= ph->p_offset + ph->p_filesz)
        out->phdr_vaddr = ph->p_vaddr + (eh->e_phoff - ph->p_offset);
    }
  }
  return true;
}
