/* The advertised CPU model (src/cpu/features.c): AT_HWCAP, AT_HWCAP2 and the
   /proc/cpuinfo list must name exactly the features some instruction row of
   insn_list.h is tagged with. The expectation is recomputed here from the
   same two X-macro lists, independently of features.c's loops. */
#include <stdio.h>
#include <string.h>

#include "cpu/features.h"
#include "cpu/insn.h"
#include "unit.h"

/* Is feature f named by any row of insn_list.h? */
static bool tagged(enum feature f) {
  static const enum feature kRowFeature[] = {
#define INSN(name, family, feature, flow) FEAT_##feature,
#include "cpu/insn_list.h"
#undef INSN
  };
  for (size_t i = 0; i < ARRAY_LEN(kRowFeature); i++)
    if (kRowFeature[i] == f) return true;
  return false;
}

static const struct {
  enum feature f;
  int word, bit;
  const char *cpuinfo;
} kRows[] = {
#define FEATURE_ROW(name, w, b, c) {FEAT_##name, w, b, c},
    FEATURE_LIST(FEATURE_ROW)
#undef FEATURE_ROW
};

static u64 expected_hwcap(int word) {
  u64 caps = 0;
  for (size_t i = 0; i < ARRAY_LEN(kRows); i++)
    if (kRows[i].word == word && tagged(kRows[i].f)) caps |= 1ull << kRows[i].bit;
  return caps;
}

TEST(features, hwcap_matches_the_tagged_rows) {
  EXPECT_EQ(features_hwcap(), expected_hwcap(1));
}

TEST(features, hwcap2_matches_the_tagged_rows) {
  EXPECT_EQ(features_hwcap2(), expected_hwcap(2));
}

TEST(features, feature_present_matches_the_tagged_rows) {
  for (size_t i = 0; i < ARRAY_LEN(kRows); i++) {
    if (feature_present(kRows[i].f) != tagged(kRows[i].f))
      unit_note("feature %s", kRows[i].cpuinfo);
    EXPECT_EQ(feature_present(kRows[i].f), tagged(kRows[i].f));
  }
}

TEST(features, base_is_implemented_but_never_advertised) {
  EXPECT_TRUE(feature_present(FEAT_BASE));
  EXPECT_EQ(kRows[FEAT_BASE].word, 0);
}

TEST(features, no_two_features_share_a_hwcap_bit) {
  for (size_t i = 1; i < ARRAY_LEN(kRows); i++)
    for (size_t j = i + 1; j < ARRAY_LEN(kRows); j++)
      EXPECT_FALSE(kRows[i].word == kRows[j].word && kRows[i].bit == kRows[j].bit);
}

/* Arm ARM A1.5: Advanced SIMD and floating-point are implemented together,
   and Linux software tests HWCAP_FP before using either. */
#define A64_HWCAP_FP (1ull << 0)    /* arch/arm64/include/uapi/asm/hwcap.h */
#define A64_HWCAP_ASIMD (1ull << 1)

TEST(features, asimd_is_never_advertised_without_fp) {
  if (features_hwcap() & A64_HWCAP_ASIMD) EXPECT_TRUE(features_hwcap() & A64_HWCAP_FP);
}

TEST(features, cpuinfo_lists_exactly_the_present_features) {
  char list[512];
  snprintf(list, sizeof list, " %s ", features_cpuinfo());
  for (size_t i = 1; i < ARRAY_LEN(kRows); i++) {
    char word[64];
    snprintf(word, sizeof word, " %s ", kRows[i].cpuinfo);
    bool listed = strstr(list, word) != NULL;
    if (listed != tagged(kRows[i].f)) unit_note("cpuinfo and rows disagree on %s", word);
    EXPECT_EQ(listed, tagged(kRows[i].f));
  }
}

TEST(features, cpuinfo_is_in_feature_list_order) {
  char expected[512] = "";
  for (size_t i = 1; i < ARRAY_LEN(kRows); i++) {
    if (!tagged(kRows[i].f)) continue;
    if (expected[0]) strcat(expected, " ");
    strcat(expected, kRows[i].cpuinfo);
  }
  EXPECT_STREQ(features_cpuinfo(), expected);
}
