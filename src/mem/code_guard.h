#ifndef ELFRUN_MEM_CODE_GUARD_H_
#define ELFRUN_MEM_CODE_GUARD_H_

#include "base/types.h"

/* Write-protection of writable guest pages that hold decoded code, so that
   a guest store there drops the decoded blocks and their translations even
   without the IC IVAU arm64 asks for (code_guard.c). */

/* pc's page is being decoded; guest_prot is its guest protection. */
void code_guard_page(gaddr pc, int guest_prot);

/* A host write fault at a: true if it hit a guarded page, which is
   writable again and its code invalidated, so the store can be retried. */
bool code_guard_fault(gaddr a);

/* Gives [start, end) back its guest protection before the host kernel
   writes there on the guest's behalf or the mapping changes, and
   invalidates the code in the pages that were guarded. */
void code_guard_release(gaddr start, gaddr end);

/* How many pages are guarded now: the fast check of the callers. */
extern u64 g_code_guarded;

static inline void code_guard_before_host_write(gaddr a, u64 len) {
  if (UNLIKELY(__atomic_load_n(&g_code_guarded, __ATOMIC_RELAXED)) && len)
    code_guard_release(a, a + len);
}

/* A host fork's child: only the forking thread survives. */
void code_guard_after_fork(void);

#endif
