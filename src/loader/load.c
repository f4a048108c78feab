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

static enum load_status open_error(int err, const char **why) {
  *why = strerror(err);
  return err == ENOENT || err == ENOTDIR ? LOAD_NOT_FOUND : LOAD_CANNOT_EXEC;
}

/* What execve's checks say about an open file (do_open_execat()). */
static enum load_status check_file(int fd, struct stat *st, const char **why) {
  if (fstat(fd, st) != 0) return open_error(errno, why);
  if (S_ISDIR(st->st_mode)) return open_error(EISDIR, why);
  if (!S_ISREG(st->st_mode)) {
    *why = "not a regular file";
    return LOAD_CANNOT_EXEC;
  }
  if (st->st_size == 0) {
    *why = "empty file";
    return LOAD_CANNOT_EXEC;
  }
  return LOAD_OK;
}

static bool map_all(int fd, const struct elf_info *info, u64 bias) {
  for (int i = 0; i < info->nloads; i++)
    if (!map_segment(fd, &info->loads[i], bias)) return false;
  return true;
}

/* Where an image goes: a program at its link address (ET_EXEC) or at
   DYN_BASE (PIE); the dynamic loader, like any mmap, top-down below the
   stack, as load_elf_interp() places it. */
static gaddr place_image(const struct elf_info *info, enum load_kind kind) {
  u64 span = info->hi - info->lo;
  if (!info->is_dyn) return vma_overlaps(info->lo, info->hi) ? 0 : info->lo;
  if (kind == LOAD_PROGRAM && !vma_overlaps(DYN_BASE, DYN_BASE + span)) return DYN_BASE;
  return vma_find_free(span, g_mmap_top);
}

enum load_status load_image_fd(int fd, enum load_kind kind, struct image *out,
                               const char **why) {
  struct stat st;
  enum load_status status = check_file(fd, &st, why);
  if (status) return status;
  void *file = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (file == MAP_FAILED) return open_error(errno, why);
  struct elf_info info;
  status = LOAD_CANNOT_EXEC;
  if (!elf_parse(file, st.st_size, &info, why)) goto out;
  if (kind == LOAD_INTERP && info.interp) {
    *why = "the interpreter itself asks for an interpreter";
    goto out;
  }
  gaddr at = place_image(&info, kind);
  if (!at) {
    *why = info.is_dyn ? "no room in the address space"
                       : "segments overlap an existing mapping";
    goto out;
  }
  u64 bias = at - info.lo;
  if (!map_all(fd, &info, bias)) {
    guest_munmap(at, info.hi - info.lo);
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
  return status;
}

enum load_status load_image(const char *path, struct image *out, const char **why) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return open_error(errno, why);
  enum load_status status = load_image_fd(fd, LOAD_PROGRAM, out, why);
  close(fd);
  return status;
}
