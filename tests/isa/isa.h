/* The contract between the random-instruction tester's two halves: the host
   tool (isatool: generates cases, compares results) and the aarch64 guest
   runner (runner.c, run under both qemu-aarch64 and elfrun). Both compile
   this header, so every layout here is fixed-width and little-endian.

   A case file is a struct isa_header followed by ncases struct isa_case.
   The runner answers each case it runs with one struct isa_result on
   stdout, in case order, written as soon as the case has run: if the
   emulator dies on a case, the results before it are all there. */
#ifndef ELFRUN_TESTS_ISA_ISA_H_
#define ELFRUN_TESTS_ISA_ISA_H_

#define ISA_MAGIC 0x3153414e55525349ull /* "ISRUNAS1" */
#define ISA_VERSION 1

/* Guest address-space layout, identical in every run so that PC-relative
   results (ADR, literal loads) and addresses written back to registers are
   reproducible. The runner maps both regions with MAP_FIXED_NOREPLACE.

   The code region holds one ISA_SLOT-byte slot per case: the case's
   initial X30, "ldr x30, <that literal>", the instructions under test and a
   branch back into the runner. 72 bytes is not a divisor of the page size,
   so some cases straddle a page boundary (where an emulator ends a block
   or a translation). The region sits within the +-128 MiB reach of B from
   the runner's text (linked at 0x400000). The data window, the only guest
   memory the instructions may touch, straddles a page boundary too, so
   that accesses crossing pages are exercised. */
#define ISA_CODE_BASE 0x04000000ull
#define ISA_SLOT 72
#define ISA_MAX_CASES (1u << 19)
#define ISA_DATA_BASE 0x03000000ull /* two pages */
#define ISA_MEM_SIZE 512
#define ISA_MEM_ADDR (ISA_DATA_BASE + 4096 - ISA_MEM_SIZE / 2)
#define ISA_MAX_INSNS 8

/* Offsets into struct isa_state, for runner_entry.S. */
#define ISA_OFF_SP 248
#define ISA_OFF_NZCV 256
#define ISA_OFF_FPSR 264
#define ISA_OFF_FPCR 272
#define ISA_OFF_V 288
#define ISA_OFF_MEM 800

#ifndef __ASSEMBLER__
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int32_t i32;
typedef int64_t i64;

/* The state loaded before a case and dumped after it. */
struct isa_state {
  u64 x[31];
  u64 sp;
  u64 nzcv; /* bits 31:28 */
  u64 fpsr;
  u64 fpcr; /* loaded, and dumped only to show it in reports */
  u64 pad;
  u8 v[32][16];
  u8 mem[ISA_MEM_SIZE]; /* the data window at ISA_MEM_ADDR */
};

_Static_assert(__builtin_offsetof(struct isa_state, sp) == ISA_OFF_SP, "entry asm");
_Static_assert(__builtin_offsetof(struct isa_state, nzcv) == ISA_OFF_NZCV, "entry asm");
_Static_assert(__builtin_offsetof(struct isa_state, fpsr) == ISA_OFF_FPSR, "entry asm");
_Static_assert(__builtin_offsetof(struct isa_state, fpcr) == ISA_OFF_FPCR, "entry asm");
_Static_assert(__builtin_offsetof(struct isa_state, v) == ISA_OFF_V, "entry asm");
_Static_assert(__builtin_offsetof(struct isa_state, mem) == ISA_OFF_MEM, "entry asm");

struct isa_header {
  u64 magic;
  u32 version;
  u32 ncases;
  u32 nslots; /* size of the code region, in slots */
  u32 pad;
  u64 seed;   /* what generated the file, for reports */
};

/* A case runs in its own slot. Cases derived from another file (the
   prefixes isatool runs to find which instruction of a sequence diverged)
   keep the slot of their original, so that PC-relative operands stay the
   same; no two cases of one file share a slot. */
struct isa_case {
  u32 slot;
  u32 ninsns;
  u16 form[ISA_MAX_INSNS]; /* host-side form index of each instruction */
  u32 insn[ISA_MAX_INSNS];
  struct isa_state in;
};

struct isa_result {
  u32 index; /* case number in the file */
  u32 done;  /* ISA_DONE: the record is complete */
  u64 pad;
  struct isa_state out;
};
_Static_assert(sizeof(struct isa_case) % 8 == 0, "packed arrays of cases");
#define ISA_DONE 0x444f4e45u

_Static_assert(8 + 4 * (1 + ISA_MAX_INSNS + 1) <= ISA_SLOT, "X30, LDR, the instructions, B");

/* Address of case i's slot and of its first instruction under test. */
static inline u64 isa_slot(u32 i) { return ISA_CODE_BASE + (u64)i * ISA_SLOT; }
static inline u64 isa_insn_pc(u32 i, u32 k) { return isa_slot(i) + 12 + 4 * (u64)k; }

#endif /* __ASSEMBLER__ */
#endif
