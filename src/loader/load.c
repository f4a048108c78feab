/* Mapping an ELF image's PT_LOAD segments into the guest window, with their
   permissions, a zeroed bss and the load bias of a position-independent
   image (as fs/binfmt_elf.c's load_elf_binary does). */
#include "loader/load.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader/elf.h"
#include "mem/guest.h"
#include "mem/mmap.h"
#include "mem/vma.h"

/* Where a PIE is placed: two thirds up the window, like ELF_ET_DYN_BASE. */
#define DYN_BASE (page_down(GUEST_END / 3 * 2))

static int seg_prot(u32 pflags) {
  return (pflags & PF_R ? PROT_READ : 0) | (pflags & PF_W ? PROT_WRITE : 0) |
         (pflags & PF_X ? PROT_EXEC : 0);
}

/* Maps one PT_LOAD: file pages, then the partial page and anonymous pages of
   the bss. */
static bool map_segment(int fd, const Elf64_Phdr *ph, u64 bias) {
  u64 va = ph->p_vaddr + bias, start = page_down(va);
  u64 file_end = va + ph->p_filesz, mem_end = va + ph->p_memsz;
  int prot = seg_prot(ph->p_flags);
  if (ph->p_filesz) {
    u64 off = ph->p_offset - (va - start);
    if (guest_mmap(start, file_end - start, prot | PROT_WRITE,
                   MAP_PRIVATE | MAP_FIXED, fd, off) < 0)
      return false;
    /* The rest of the last file page belongs to the bss: zero it. */
    u64 page_end = page_up(file_end);
    if (mem_end > file_end && page_end > file_end)
      memset(g2h(file_end), 0, page_end - file_end);
  }
  u64 anon_start = ph->p_filesz ? page_up(file_end) : start;
  if (page_up(mem_end) > anon_start &&
      guest_mmap(anon_start, page_up(mem_end) - anon_start, prot,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) < 0)
    return false;
  if (ph->p_filesz && !(prot & PROT_WRITE))
    guest_mprotect(start, page_up(file_end) - start, prot);
  return true;
}

static enum load_status open_image(const char *path, int *fd, struct stat *st,
                                   const char **why) {
  *fd = open(path, O_RDONLY | O_CLOEXEC);
  if (*fd < 0) {
    *why = strerror(errno);
    return errno == ENOENT || errno == ENOTDIR ? LOAD_NOT_FOUND : LOAD_CANNOT_EXEC;
  }
  if (fstat(*fd, st) != 0 || S_ISDIR(st->st_mode)) {
    *why = strerror(EISDIR);
    close(*fd);
    return LOAD_CANNOT_EXEC;
  }
  if (!S_ISREG(st->st_mode) || st->st_size == 0) {
    *why = st->st_size == 0 ? "empty file" : "not a regular file";
    close(*fd);
    return LOAD_CANNOT_EXEC;
  }
  return LOAD_OK;
}

static bool map_all(int fd, const struct elf_info *info, u64 bias) {
  for (int i = 0; i < info->nloads; i++)
    if (!map_segment(fd, &info->loads[i], bias)) return false;
  return true;
}

enum load_status load_image(const char *path, struct image *out, const char **why) {
  int fd;
  struct stat st;
  enum load_status status = open_image(path, &fd, &st, why);
  if (status) return status;
  void *file = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (file == MAP_FAILED) {
    *why = strerror(errno);
    close(fd);
    return LOAD_CANNOT_EXEC;
  }
  struct elf_info info;
  status = LOAD_CANNOT_EXEC;
  if (!elf_parse(file, st.st_size, &info, why)) goto out;
  u64 span = info.hi - info.lo, bias = 0;
  if (info.is_dyn) {
    gaddr at = !vma_overlaps(DYN_BASE, DYN_BASE + span) ? DYN_BASE
                                                        : vma_find_free(span, g_mmap_top);
    if (!at) {
      *why = "no room in the address space";
      goto out;
    }
    bias = at - info.lo;
  } else if (vma_overlaps(info.lo, info.hi)) {
    *why = "segments overlap an existing mapping";
    goto out;
  }
  if (!map_all(fd, &info, bias)) {
    guest_munmap(info.lo + bias, span);
    *why = "cannot map segments";
    goto out;
  }
  memset(out, 0, sizeof *out);
  out->bias = bias;
  out->entry = info.entry + bias;
  out->phdr = info.phdr_vaddr ? info.phdr_vaddr + bias : 0;
  out->phnum = info.phnum;
  out->end = info.hi + bias;
  out->exec_stack = info.exec_stack;
  out->interp = info.interp ? strdup(info.interp) : NULL;
  status = LOAD_OK;
out:
  munmap(file, st.st_size);
  close(fd);
  return status;
}
