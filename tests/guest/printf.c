/* printf's integer and floating-point conversions: every flag, width and
   precision path of %d %i %u %x %X %o %c %s %p-free, and %e %f %g %a on
   large, small, negative, subnormal, infinite and NaN values, in double and
   long double (binary128 on aarch64, done in software). Values come from a
   volatile table so the compiler cannot fold the calls away. */
#include <float.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static volatile long long kInts[] = {
    0, 1, -1, 7, -7, 42, 255, 256, 65535, -65536, 123456789, -987654321,
    INT_MAX, INT_MIN, UINT_MAX, LLONG_MAX, LLONG_MIN, 0x7fffffffffffll, 1000000000000ll,
};

static volatile double kDoubles[] = {
    0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 1.0 / 3, 2.0 / 3, 3.14159265358979323846,
    2.718281828459045, 100.0, 1e10, 1.5e-5, 123456.789, -98765.4321, 9.999999,
    0.000123456, 1e300, -1e-300, 5e-324, DBL_MIN, DBL_MAX, DBL_EPSILON, 1e21, 1e22,
    0.125, 1.0e-10, 6.02214076e23, 2.5, 3.5, -0.5, 1e15 + 0.3,
};

static void print_ints(void) {
  puts("== integers");
  for (size_t i = 0; i < sizeof kInts / sizeof kInts[0]; i++) {
    long long v = kInts[i];
    int w = (int)v;
    printf("[%d|%i|%5d|%-5d|%05d|%+d|% d|%.3d]\n", w, w, w, w, w, w, w, w);
    printf("[%u|%x|%X|%#x|%o|%#o|%08x|%-8x|]\n", (unsigned)w, (unsigned)w, (unsigned)w,
           (unsigned)w, (unsigned)w, (unsigned)w, (unsigned)w, (unsigned)w);
    printf("[%lld|%llu|%llx|%#llo|%20lld|%-20lld|]\n", v, (unsigned long long)v,
           (unsigned long long)v, (unsigned long long)v, v, v);
  }
  printf("[%hhd|%hhu|%hd|%hu]\n", (signed char)-3, (unsigned char)250, (short)-30000,
         (unsigned short)60000);
  printf("[%jd|%zu|%td|%" PRId64 "|%" PRIx64 "]\n", (intmax_t)-5, (size_t)77, (ptrdiff_t)-9,
         (int64_t)-123456789012345, (uint64_t)0xdeadbeefcafef00d);
  printf("[%.0d|%.0x|%#.0o|%5.3d|%-6.4x|]\n", 0, 0, 0, 7, 0xab);
  printf("[%*d|%-*d|%.*d]\n", 6, 42, 6, 42, 4, 42);
  printf("[%c|%5c|%-5c|%s|%.3s|%10s|%-10s|]\n", 'A', 'b', 'c', "string", "truncate", "right",
         "left");
  printf("[%%|%s]\n", "");
}

static void print_double(double d) {
  printf("%g: [%e|%.0e|%.10e|%E]\n", d, d, d, d, d);
  printf("    [%f|%.0f|%.2f|%.15f|%#.0f|%+f|% f|%12.3f|%-12.3f|%012.3f]\n", d, d, d, d, d, d,
         d, d, d, d);
  printf("    [%g|%.0g|%.1g|%.3g|%.17g|%#g|%G|%10.4g]\n", d, d, d, d, d, d, d, d);
  printf("    [%a|%A|%.0a|%.3a|%.13a]\n", d, d, d, d, d);
}

static void print_doubles(void) {
  puts("== doubles");
  for (size_t i = 0; i < sizeof kDoubles / sizeof kDoubles[0]; i++) print_double(kDoubles[i]);
  volatile double zero = 0.0;
  double inf = 1.0 / zero, nan_ = zero / zero;
  printf("[%f|%F|%e|%g|%a|%5.1f|%-6f|]\n", inf, inf, -inf, inf, -inf, inf, -inf);
  /* 0/0 is the default NaN: positive on arm64 (negative on x86-64). */
  printf("[%f|%F|%e|%g|%a]\n", nan_, nan_, nan_, nan_, nan_);
  printf("[%f|%g]\n", -fabs(nan_), copysign(NAN, -1.0));
  printf("signbit(0/0)=%d signbit(-nan)=%d\n", signbit(nan_) != 0,
         signbit(copysign(NAN, -1.0)) != 0);
  /* Rounding of exact halves is to even in the current mode. */
  printf("[%.0f|%.0f|%.0f|%.0f|%.1f|%.1f|%.2f]\n", 0.5, 1.5, 2.5, -2.5, 0.25, 0.35, 1.005);
  printf("float promoted: [%f|%.9g|%a]\n", (double)1.1f, (double)1.1f, (double)1.1f);
}

static void print_long_doubles(void) {
  puts("== long double");
  volatile long double third = 1.0L / 3, big = LDBL_MAX, tiny = LDBL_MIN;
  printf("[%Lf|%.30Lf|%Le|%.36Lg|%La]\n", third, third, third, third, third);
  printf("[%Le|%Lg|%La]\n", big, big, big);
  printf("[%Le|%Lg|%La]\n", tiny, tiny, tiny);
  printf("[%.20Lf]\n", (long double)kDoubles[8]);
  printf("sizeof(long double)=%zu LDBL_MANT_DIG=%d\n", sizeof(long double), LDBL_MANT_DIG);
}

static void print_return_values(void) {
  puts("== return values");
  static const char *volatile long_string = "a long string that is cut";
  char buf[16];
  int n = snprintf(buf, sizeof buf, "%s-%d", long_string, 12345);
  printf("snprintf returned %d, buffer \"%s\" (%zu bytes)\n", n, buf, strlen(buf));
  n = snprintf(NULL, 0, "%08.3f", -3.14159);
  printf("snprintf(NULL, 0) returned %d\n", n);
  n = printf("%s", "");
  printf("printf(\"\") returned %d\n", n);
  n = sprintf(buf, "%x", 0xabcdefu);
  printf("sprintf returned %d: %s\n", n, buf);
}

int main(void) {
  print_ints();
  print_doubles();
  print_long_doubles();
  print_return_values();
  return 0;
}
