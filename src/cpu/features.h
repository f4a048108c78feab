#ifndef ELFRUN_CPU_FEATURES_H_
#define ELFRUN_CPU_FEATURES_H_

#include "base/types.h"

/* CPU features elfrun knows by name: FEATURE(name, hwcap word 1|2, bit, cpuinfo).
   A feature is advertised (AT_HWCAP*, /proc/cpuinfo, ID registers) exactly
   when some row of insn_list.h names it, so the engine cannot claim more or
   less than it implements. BASE is the A64 core and is never advertised. */
#define FEATURE_LIST(FEATURE)               \
  FEATURE(BASE, 0, 0, "")                   \
  FEATURE(FP, 1, 0, "fp")                   \
  FEATURE(ASIMD, 1, 1, "asimd")             \
  FEATURE(AES, 1, 3, "aes")                 \
  FEATURE(PMULL, 1, 4, "pmull")             \
  FEATURE(SHA1, 1, 5, "sha1")               \
  FEATURE(SHA2, 1, 6, "sha2")               \
  FEATURE(CRC32, 1, 7, "crc32")             \
  FEATURE(ATOMICS, 1, 8, "atomics")         \
  FEATURE(FPHP, 1, 9, "fphp")               \
  FEATURE(ASIMDHP, 1, 10, "asimdhp")        \
  FEATURE(CPUID, 1, 11, "cpuid")            \
  FEATURE(ASIMDRDM, 1, 12, "asimdrdm")      \
  FEATURE(JSCVT, 1, 13, "jscvt")            \
  FEATURE(FCMA, 1, 14, "fcma")              \
  FEATURE(LRCPC, 1, 15, "lrcpc")            \
  FEATURE(DCPOP, 1, 16, "dcpop")            \
  FEATURE(SHA3, 1, 17, "sha3")              \
  FEATURE(ASIMDDP, 1, 20, "asimddp")        \
  FEATURE(SHA512, 1, 21, "sha512")          \
  FEATURE(USCAT, 1, 25, "uscat")            \
  FEATURE(ILRCPC, 1, 26, "ilrcpc")          \
  FEATURE(FLAGM, 1, 27, "flagm")

enum feature {
#define FEATURE_ENUM(name, word, bit, cpuinfo) FEAT_##name,
  FEATURE_LIST(FEATURE_ENUM)
#undef FEATURE_ENUM
  FEAT_COUNT
};

/* What the engine implements, derived from insn_list.h. */
u64 features_hwcap(void);
u64 features_hwcap2(void);
bool feature_present(enum feature f);
/* Space-separated names for /proc/cpuinfo "Features". */
const char *features_cpuinfo(void);

#endif
