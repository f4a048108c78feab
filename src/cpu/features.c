#include "cpu/features.h"

#include <string.h>

#include "cpu/insn.h"

static const enum feature kOpFeature[OP_COUNT] = {
#define INSN(name, family, feature, flow) [OP_##name] = FEAT_##feature,
#include "cpu/insn_list.h"
#undef INSN
};

static const struct {
  u8 word, bit;
  const char *cpuinfo;
} kFeatures[FEAT_COUNT] = {
#define FEATURE_ROW(name, w, b, c) [FEAT_##name] = {w, b, c},
    FEATURE_LIST(FEATURE_ROW)
#undef FEATURE_ROW
};

bool feature_present(enum feature f) {
  for (int op = 0; op < OP_COUNT; op++)
    if (kOpFeature[op] == f) return true;
  return false;
}

static u64 hwcap_word(int word) {
  u64 caps = 0;
  for (int f = 1; f < FEAT_COUNT; f++)
    if (kFeatures[f].word == word && feature_present(f))
      caps |= 1ull << kFeatures[f].bit;
  return caps;
}

u64 features_hwcap(void) { return hwcap_word(1); }
u64 features_hwcap2(void) { return hwcap_word(2); }

const char *features_cpuinfo(void) {
  static char buf[512];
  if (buf[0]) return buf;
  for (int f = 1; f < FEAT_COUNT; f++) {
    if (!feature_present(f)) continue;
    if (buf[0]) strcat(buf, " ");
    strcat(buf, kFeatures[f].cpuinfo);
  }
  return buf;
}
