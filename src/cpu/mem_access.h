#ifndef ELFRUN_CPU_MEM_ACCESS_H_
#define ELFRUN_CPU_MEM_ACCESS_H_

/* Guest data accesses made by instructions. Every one goes through
   guest_data_ptr(): the tag byte is dropped (top-byte-ignore) and the range
   checked against the window, so no guest address can reach elfrun's own
   memory. Pages the guest may not touch are PROT_NONE on the host, and the
   resulting host fault becomes the guest's SIGSEGV at the instruction's PC
   (mem/fault.c), so handlers must read every operand before writing any
   destination register. Plain accesses may be unaligned, as at EL0 on Linux
   (SCTLR_EL1.A = 0); they compile to single x86 moves, which are
   single-copy atomic when aligned, as Arm requires. */

#include <signal.h>
#include <string.h>

#include "cpu/exception.h"
#include "mem/guest.h"

static inline ALWAYS_INLINE u8 *guest_data_ptr(struct cpu *cpu, u64 va,
                                                                 u32 size) {
  va &= TBI_MASK;
  /* The fault's address is the access's first byte outside the window:
     the window's end for one that starts inside and runs past it. */
  if (UNLIKELY(!guest_range_ok(va, size)))
    cpu_raise(cpu, SIGSEGV, SEGV_MAPERR, va >= GUEST_BASE && va < GUEST_END ? GUEST_END : va);
  return (u8 *)(uintptr_t)va;
}

/* Atomic and exclusive accesses must be naturally aligned: SIGBUS if not.
   A store-exclusive checks alignment before it looks at the monitor (Arm
   ARM AArch64.ExclusiveMonitorsPass), and the address only if the monitor
   passes, so the check stands alone too. */
static inline void guest_check_aligned(struct cpu *cpu, u64 va, u32 size) {
  if (UNLIKELY(va & (size - 1))) cpu_raise(cpu, SIGBUS, BUS_ADRALN, va & TBI_MASK);
}

static inline u8 *guest_aligned_ptr(struct cpu *cpu, u64 va, u32 size) {
  guest_check_aligned(cpu, va, size);
  return guest_data_ptr(cpu, va, size);
}

#define DEFINE_GUEST_ACCESS(bits, type)                                  \
  static inline ALWAYS_INLINE type mem_read##bits(struct cpu *cpu, u64 va) { \
    type v;                                                              \
    memcpy(&v, guest_data_ptr(cpu, va, sizeof v), sizeof v);             \
    return v;                                                            \
  }                                                                      \
  static inline ALWAYS_INLINE void mem_write##bits(struct cpu *cpu, u64 va, type v) { \
    memcpy(guest_data_ptr(cpu, va, sizeof v), &v, sizeof v);             \
  }
DEFINE_GUEST_ACCESS(8, u8)
DEFINE_GUEST_ACCESS(16, u16)
DEFINE_GUEST_ACCESS(32, u32)
DEFINE_GUEST_ACCESS(64, u64)
#undef DEFINE_GUEST_ACCESS

#endif
