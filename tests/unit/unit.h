#ifndef ELFRUN_TESTS_UNIT_UNIT_H_
#define ELFRUN_TESTS_UNIT_UNIT_H_

/* A small host unit-test framework.

     TEST(vma, remove_middle_splits_mapping) {
       ...
       EXPECT_EQ(n, 2);
       ASSERT_TRUE(p != NULL);   // ASSERT_* also ends the test
     }

   TEST registers the function before main runs. The runner (unit.c) runs
   each test in a child process of its own, so global state such as the
   mapping table starts fresh and a crash fails one test, not the run. It
   prints one "PASS unit/SUITE.NAME" or "FAIL unit/SUITE.NAME" line per test,
   the format tests/check.sh counts. A failed check prints FILE:LINE and both
   values on the lines before the FAIL line. */

#include <stdbool.h>
#include <stdint.h>

struct unit_test {
  const char *suite, *name;
  const char *file;
  int line;
  void (*fn)(void);
};

void unit_register(const struct unit_test *t);

#define TEST(suite, name)                                                  \
  static void test_##suite##_##name(void);                                 \
  __attribute__((constructor)) static void register_##suite##_##name(void) { \
    static const struct unit_test t = {#suite, #name, __FILE__, __LINE__,  \
                                       test_##suite##_##name};             \
    unit_register(&t);                                                     \
  }                                                                        \
  static void test_##suite##_##name(void)

/* Each check returns whether it held, so ASSERT_* can stop the test. */
bool unit_check(const char *file, int line, bool ok, const char *text);
bool unit_check_eq(const char *file, int line, const char *a_text, const char *b_text,
                   uint64_t a, uint64_t b, bool want_equal);
bool unit_check_str(const char *file, int line, const char *a_text, const char *b_text,
                    const char *a, const char *b, bool whole);
/* Prints a note that appears only when the test fails. */
void unit_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Integers and pointers, compared as 64-bit values. */
#define EXPECT_EQ(a, b) \
  unit_check_eq(__FILE__, __LINE__, #a, #b, (uint64_t)(a), (uint64_t)(b), true)
#define EXPECT_NE(a, b) \
  unit_check_eq(__FILE__, __LINE__, #a, #b, (uint64_t)(a), (uint64_t)(b), false)
#define EXPECT_TRUE(x) unit_check(__FILE__, __LINE__, (x), #x)
#define EXPECT_FALSE(x) unit_check(__FILE__, __LINE__, !(x), "!(" #x ")")
#define EXPECT_STREQ(a, b) unit_check_str(__FILE__, __LINE__, #a, #b, (a), (b), true)
/* The string a contains b. */
#define EXPECT_CONTAINS(a, b) unit_check_str(__FILE__, __LINE__, #a, #b, (a), (b), false)

#define ASSERT_EQ(a, b) do { if (!EXPECT_EQ(a, b)) return; } while (0)
#define ASSERT_TRUE(x) do { if (!EXPECT_TRUE(x)) return; } while (0)
#define ASSERT_FALSE(x) do { if (!EXPECT_FALSE(x)) return; } while (0)

#endif
