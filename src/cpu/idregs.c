/* Constant system registers readable at EL0, generated from the feature list
   so that the ID registers, AT_HWCAP and /proc/cpuinfo always agree.

   Linux traps EL0 reads of the ID space (op0=3, op1=0, CRn=0, CRm 0 and 4-7)
   and emulates them, exposing only the fields it considers safe; unlisted
   registers in that space read as zero (Documentation/arch/arm64/
   cpu-feature-registers.rst). elfrun returns the same shape. */
#include "cpu/features.h"
#include "cpu/system.h"

/* Implementer 0x00 is reserved for software use: honest for an emulator, and
   no guest library picks a core-specific routine for it. Architecture 0xf. */
#define MIDR_VALUE 0x000f0000ull
#define MPIDR_VALUE 0x80000000ull

static u64 field(enum feature f, int shift, u64 value) {
  return feature_present(f) ? value << shift : 0;
}

static u64 id_aa64isar0(void) {
  u64 v = field(FEAT_AES, 4, 1) | field(FEAT_SHA1, 8, 1) | field(FEAT_SHA2, 12, 1) |
          field(FEAT_CRC32, 16, 1) | field(FEAT_ATOMICS, 20, 2) |
          field(FEAT_ASIMDRDM, 28, 1) | field(FEAT_SHA3, 32, 1) |
          field(FEAT_ASIMDDP, 44, 1) | field(FEAT_FLAGM, 52, 1);
  if (feature_present(FEAT_PMULL)) v = (v & ~0xf0ull) | 2ull << 4;
  if (feature_present(FEAT_SHA512)) v = (v & ~0xf000ull) | 2ull << 12;
  return v;
}

static u64 id_aa64isar1(void) {
  u64 v = field(FEAT_DCPOP, 0, 1) | field(FEAT_JSCVT, 12, 1) |
          field(FEAT_FCMA, 16, 1) | field(FEAT_LRCPC, 20, 1);
  if (feature_present(FEAT_ILRCPC)) v = (v & ~0xf00000ull) | 2ull << 20;
  return v;
}

static u64 id_aa64pfr0(void) {
  /* EL0 AArch64 only; FP and AdvSIMD: 0 = present, 1 = with FP16, 0xf = absent. */
  u64 fp = !feature_present(FEAT_FP) ? 0xf : feature_present(FEAT_FPHP) ? 1 : 0;
  u64 simd = !feature_present(FEAT_ASIMD) ? 0xf : feature_present(FEAT_ASIMDHP) ? 1 : 0;
  return 1 | fp << 16 | simd << 20;
}

bool sysreg_const_value(u32 reg, u64 *value) {
  switch (reg) {
    /* CTR_EL0: DIC=0 (guests must IC IVAU), IDC=1, 64-byte lines, PIPT. */
    case SYSREG(3, 3, 0, 0, 1): *value = 0x9444c004ull; return true;
    case SYSREG(3, 3, 0, 0, 7): *value = 4; return true; /* DCZID_EL0: 64 bytes */
    case SYSREG(3, 3, 14, 0, 0): *value = 1000000000ull; return true; /* CNTFRQ_EL0 */
    case SYSREG(3, 3, 13, 0, 3): *value = 0; return true; /* TPIDRRO_EL0 */
    case SYSREG(3, 0, 0, 0, 0): *value = MIDR_VALUE; return true;
    case SYSREG(3, 0, 0, 0, 5): *value = MPIDR_VALUE; return true;
    case SYSREG(3, 0, 0, 4, 0): *value = id_aa64pfr0(); return true;
    case SYSREG(3, 0, 0, 6, 0): *value = id_aa64isar0(); return true;
    case SYSREG(3, 0, 0, 6, 1): *value = id_aa64isar1(); return true;
  }
  u32 op1 = reg >> 11 & 7, crn = reg >> 7 & 15, crm = reg >> 3 & 15;
  if (reg >> 14 == 3 && op1 == 0 && crn == 0 && (crm == 0 || crm >= 4)) {
    *value = 0; /* the rest of the emulated ID space */
    return true;
  }
  return false;
}
