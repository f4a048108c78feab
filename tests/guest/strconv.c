/* Conversions between text and numbers: strtol/strtoul/strtoll in several
   bases with overflow (ERANGE) and end pointers, strtod/strtof on decimal
   strings whose rounding is delicate, hex floats, infinities and NaNs,
   subnormals and overflow, and sscanf. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void integers(void) {
  static const struct {
    const char *s;
    int base;
  } kCases[] = {
      {"0", 10}, {"42", 10}, {"  -17xyz", 10}, {"+8", 10}, {"0x1F", 16}, {"0x1F", 0},
      {"017", 0}, {"017", 10}, {"z", 36}, {"Zz", 36}, {"101101", 2}, {"9223372036854775807", 10},
      {"9223372036854775808", 10}, {"-9223372036854775808", 10}, {"-9223372036854775809", 10},
      {"18446744073709551615", 10}, {"18446744073709551616", 10}, {"-1", 10}, {"", 10},
      {"   ", 10}, {"0x", 16}, {"12abc", 16}, {"7fffffff", 16},
  };
  for (size_t i = 0; i < sizeof kCases / sizeof kCases[0]; i++) {
    const char *s = kCases[i].s;
    char *end;
    errno = 0;
    long l = strtol(s, &end, kCases[i].base);
    int e1 = errno;
    size_t used = (size_t)(end - s);
    errno = 0;
    unsigned long ul = strtoul(s, &end, kCases[i].base);
    int e2 = errno;
    printf("\"%s\" base %d: strtol %ld%s used %zu; strtoul %lu%s used %zu\n", s, kCases[i].base,
           l, e1 == ERANGE ? " ERANGE" : "", used, ul, e2 == ERANGE ? " ERANGE" : "",
           (size_t)(end - s));
  }
  printf("atoi(\" 123 456\")=%d atol(\"-99\")=%ld\n", atoi(" 123 456"), atol("-99"));
}

static void floating(void) {
  static const char *const kCases[] = {
      "0", "-0", "1", "0.1", "1e23", "8.589973e9", "2.2250738585072011e-308",
      "2.2250738585072014e-308", "4.9e-324", "2.4e-324", "1e-400", "1.7976931348623157e308",
      "1.7976931348623159e308", "1e400", "0x1.8p1", "0x1p-1074", "0X1.FFFFFFFFFFFFFP+1023",
      "inf", "-Infinity", "nan", "NAN(123)", "  3.14abc", ".5", "5.", "e5", "-.e1",
      "9007199254740993", "123456789012345678901234567890",
      "0.1000000000000000055511151231257827021181583404541015625",
      "1.00000000000000011102230246251565404236316680908203125",
  };
  for (size_t i = 0; i < sizeof kCases / sizeof kCases[0]; i++) {
    char *end;
    errno = 0;
    double d = strtod(kCases[i], &end);
    int e = errno;
    float f = strtof(kCases[i], NULL);
    printf("\"%s\": %.17g (%a)%s used %zu; strtof %.9g\n", kCases[i], d, d,
           e == ERANGE ? " ERANGE" : "", (size_t)(end - kCases[i]), (double)f);
  }
}

static void scanning(void) {
  int a = 0, b = 0;
  unsigned x = 0;
  double d = 0;
  char word[16] = "", rest[32] = "";
  int n = sscanf("12 -34 ff 2.5e3 hello world", "%d %d %x %lf %15s %31[^\n]", &a, &b, &x, &d,
                 word, rest);
  printf("sscanf matched %d: %d %d %u %g \"%s\" \"%s\"\n", n, a, b, x, d, word, rest);
  int consumed = 0;
  n = sscanf("  77abc", "%d%n", &a, &consumed);
  printf("sscanf %%d%%n: %d items, value %d, consumed %d\n", n, a, consumed);
  n = sscanf("abc", "%d", &a);
  printf("sscanf of a non-number: %d\n", n);
  char buf[64];
  snprintf(buf, sizeof buf, "%.17g", 0.1);
  printf("round trip of 0.1 through %%.17g: %s -> same: %s\n", buf,
         strtod(buf, NULL) == 0.1 ? "yes" : "no");
}

int main(void) {
  integers();
  floating();
  scanning();
  return 0;
}
