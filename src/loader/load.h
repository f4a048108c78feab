#ifndef ELFRUN_LOADER_LOAD_H_
#define ELFRUN_LOADER_LOAD_H_

#include "base/types.h"

/* An ELF image mapped into the guest window. */
struct image {
  u64 bias;         /* load address minus link address (0 for ET_EXEC) */
  u64 entry;        /* relocated entry point */
  u64 phdr;         /* guest address of the program headers */
  u16 phnum;
  u64 end;          /* first page above the image (the brk starts here) */
  bool exec_stack;  /* PT_GNU_STACK wants an executable stack */
  char *interp;     /* PT_INTERP, malloc'd, or NULL */
};

/* Why a load failed, in the shell's terms. */
enum load_status {
  LOAD_OK = 0,
  LOAD_NOT_FOUND = 127,   /* missing file */
  LOAD_CANNOT_EXEC = 126, /* exists but cannot be run */
};

enum load_kind {
  LOAD_PROGRAM, /* the program execve names */
  LOAD_INTERP,  /* its PT_INTERP, the dynamic loader */
};

/* Maps the ELF open at fd into the guest window. On failure returns the
   status, with errno-style text in *why. */
enum load_status load_image_fd(int fd, enum load_kind kind, struct image *out,
                               const char **why);
/* The same for the program at host path `path`. */
enum load_status load_image(const char *path, struct image *out, const char **why);

#endif
