/* Integer arithmetic the compiler turns into A64 data-processing
   instructions: division (including the cases C leaves undefined, done with
   inline SDIV/UDIV to get the architecture's answers), 128-bit multiply and
   divide, shifts, rotates, bit counting and byte reversal, overflow checks,
   and conversions between widths. Operands come from a volatile table. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

static volatile int64_t kVals[] = {
    0, 1, -1, 2, -2, 3, 7, -7, 10, 255, -256, 65537, INT32_MAX, INT32_MIN, UINT32_MAX,
    0x123456789abcdefll, -0x123456789abcdefll, INT64_MAX, INT64_MIN, 0x5555555555555555ll,
};
#define NVALS (sizeof kVals / sizeof kVals[0])

static uint64_t g_sum = 14695981039346656037ull;

static void mix(uint64_t v) { g_sum = (g_sum ^ v) * 1099511628211ull; }

/* The architecture defines what C does not: x/0 == 0 and INT64_MIN/-1 ==
   INT64_MIN (Arm ARM, SDIV). */
static int64_t sdiv64(int64_t a, int64_t b) {
  int64_t q;
  __asm__("sdiv %0, %1, %2" : "=r"(q) : "r"(a), "r"(b));
  return q;
}
static uint64_t udiv64(uint64_t a, uint64_t b) {
  uint64_t q;
  __asm__("udiv %0, %1, %2" : "=r"(q) : "r"(a), "r"(b));
  return q;
}
static int32_t sdiv32(int32_t a, int32_t b) {
  int32_t q;
  __asm__("sdiv %w0, %w1, %w2" : "=r"(q) : "r"(a), "r"(b));
  return q;
}

static void division(void) {
  puts("== division (q r for 64-bit signed, then unsigned, then 32-bit signed)");
  static volatile int64_t kDivisors[] = {1, -1, 2, -3, 7, 10, 1000000007, INT64_MIN, 0};
  for (size_t i = 0; i < NVALS; i++) {
    int64_t a = kVals[i];
    printf("%" PRId64 ":", a);
    for (size_t j = 0; j < sizeof kDivisors / sizeof kDivisors[0]; j++) {
      int64_t b = kDivisors[j];
      int64_t q = sdiv64(a, b), r = a - q * (uint64_t)b;
      uint64_t uq = udiv64((uint64_t)a, (uint64_t)b);
      int32_t q32 = sdiv32((int32_t)a, (int32_t)b);
      printf(" %" PRId64 "/%" PRId64 "=%" PRId64 ",%" PRId64 ",%" PRIu64 ",%d", a, b, q, r, uq, q32);
      mix(q), mix(uq), mix((uint32_t)q32);
    }
    putchar('\n');
  }
  /* C division where it is defined: truncation toward zero. */
  volatile int x = -7, y = 2;
  printf("C: -7/2=%d -7%%2=%d 7/-2=%d 7%%-2=%d\n", x / y, x % y, -x / -y, -x % -y);
  volatile unsigned ux = 7, uy = 0xffffffffu;
  printf("C: 7u/0xffffffffu=%u 0xffffffffu/7u=%u\n", ux / uy, uy / ux);
}

static void wide_multiply(void) {
  puts("== 128-bit multiply and divide");
  for (size_t i = 0; i < NVALS; i += 2) {
    uint64_t a = (uint64_t)kVals[i], b = (uint64_t)kVals[(i + 7) % NVALS];
    unsigned __int128 p = (unsigned __int128)a * b;
    __int128 sp = (__int128)(int64_t)a * (int64_t)b;
    printf("%016" PRIx64 " * %016" PRIx64 " = %016" PRIx64 "%016" PRIx64
           " signed high %016" PRIx64 "\n",
           a, b, (uint64_t)(p >> 64), (uint64_t)p, (uint64_t)((unsigned __int128)sp >> 64));
    mix((uint64_t)(p >> 64)), mix((uint64_t)p);
  }
  unsigned __int128 big = ((unsigned __int128)0x0123456789abcdefull << 64) | 0xfedcba9876543210ull;
  volatile uint64_t d = 1000000007;
  unsigned __int128 q = big / d, r = big % d;
  printf("2^64-scale / 1000000007: q=%016" PRIx64 "%016" PRIx64 " r=%" PRIu64 "\n",
         (uint64_t)(q >> 64), (uint64_t)q, (uint64_t)r);
  __int128 neg = -(__int128)big;
  printf("-big / -3: %016" PRIx64 "%016" PRIx64 "\n", (uint64_t)((unsigned __int128)(neg / -3) >> 64),
         (uint64_t)(neg / -3));
}

static uint64_t rotr(uint64_t v, unsigned n) { return (v >> (n & 63)) | (v << ((64 - n) & 63)); }

static void bits(void) {
  puts("== bits: popcount clz ctz clrsb bswap64 bswap32 bswap16 rotr13 parity");
  for (size_t i = 0; i < NVALS; i++) {
    uint64_t v = (uint64_t)kVals[i];
    int clz = v ? __builtin_clzll(v) : 64, ctz = v ? __builtin_ctzll(v) : 64;
    printf("%016" PRIx64 ": %d %d %d %d %016" PRIx64 " %08x %04x %016" PRIx64 " %d\n", v,
           __builtin_popcountll(v), clz, ctz, __builtin_clrsbll((long long)v),
           __builtin_bswap64(v), __builtin_bswap32((uint32_t)v), __builtin_bswap16((uint16_t)v),
           rotr(v, 13), __builtin_parityll(v));
    mix(rotr(v, 13));
  }
}

static void shifts(void) {
  puts("== shifts by 0, 1, 31, 32, 63 (logical left, logical right, arithmetic right)");
  static const unsigned kBy[] = {0, 1, 31, 32, 63};
  for (size_t i = 0; i < NVALS; i += 3) {
    int64_t v = kVals[i];
    printf("%016" PRIx64 ":", (uint64_t)v);
    for (size_t j = 0; j < sizeof kBy / sizeof kBy[0]; j++) {
      volatile unsigned n = kBy[j];
      printf(" %" PRIx64 "/%" PRIx64 "/%" PRIx64, (uint64_t)v << n, (uint64_t)v >> n, (uint64_t)(v >> n));
      printf("|%x/%x", (uint32_t)v << (n & 31), (uint32_t)((int32_t)v >> (n & 31)));
    }
    putchar('\n');
  }
}

static void overflow(void) {
  puts("== overflow builtins (result, overflowed)");
  for (size_t i = 0; i < NVALS; i += 2) {
    int64_t a = kVals[i], b = kVals[(i + 5) % NVALS], r;
    int add = __builtin_add_overflow(a, b, &r);
    int64_t ra = r;
    int sub = __builtin_sub_overflow(a, b, &r);
    int64_t rs = r;
    int mul = __builtin_mul_overflow(a, b, &r);
    uint32_t u;
    int umul = __builtin_mul_overflow((uint32_t)a, (uint32_t)b, &u);
    printf("%" PRId64 " %" PRId64 ": add %" PRId64 " %d, sub %" PRId64 " %d, mul %" PRId64
           " %d, mul32u %u %d\n",
           a, b, ra, add, rs, sub, r, mul, u, umul);
  }
}

static void conversions(void) {
  puts("== width conversions");
  for (size_t i = 0; i < NVALS; i += 2) {
    int64_t v = kVals[i];
    printf("%016" PRIx64 ": s8 %d u8 %u s16 %d u16 %u s32 %d u32 %u\n", (uint64_t)v, (int8_t)v,
           (uint8_t)v, (int16_t)v, (uint16_t)v, (int32_t)v, (uint32_t)v);
  }
  volatile double d = -1.75;
  volatile float f = 3e9f;
  printf("(int)-1.75=%d (long)3e9f=%ld (unsigned)3e9f=%u (double)INT64_MAX=%.17g\n", (int)d,
         (long)f, (unsigned)f, (double)kVals[17]);
}

int main(void) {
  division();
  wide_multiply();
  bits();
  shifts();
  overflow();
  conversions();
  printf("checksum %016" PRIx64 "\n", g_sum);
  return 0;
}
