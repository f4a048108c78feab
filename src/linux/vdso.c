/* The page handlers return through. glibc on arm64 sets no SA_RESTORER: the
   kernel points x30 at the vDSO's __kernel_rt_sigreturn, and unwinders
   (libgcc, gdb) recognise a signal frame by those exact two instructions at
   the return address. elfrun maps them on a page of their own, shown as
   [vdso]; a full vDSO ELF image (with the clock_gettime entry points) is
   future work. */
#include "linux/vdso.h"

#include <string.h>
#include <sys/mman.h>

#include "mem/guest.h"
#include "mem/mmap.h"
#include "mem/vma.h"

static const u32 kSigreturn[] = {
    0xd2801168, /* mov x8, #139 (rt_sigreturn) */
    0xd4000001, /* svc #0 */
};

gaddr vdso_map(void) {
  i64 at = guest_mmap(0, GUEST_PAGE, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (at < 0) return 0;
  memcpy(g2h(at), kSigreturn, sizeof kSigreturn);
  guest_mprotect(at, GUEST_PAGE, PROT_READ | PROT_EXEC);
  struct vma v;
  if (vma_lookup_copy(at, &v)) {
    v.flags |= VMA_VDSO;
    v.name = "[vdso]";
    vma_insert(&v);
  }
  return at;
}
