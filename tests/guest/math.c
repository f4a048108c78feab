/* libm and the FPU underneath it: elementary functions at ordinary and
   extreme arguments, printed with %.17g (every bit of a double shows), the
   float versions with %.9g, special values, and the rounding modes of
   fesetround (which live in FPCR). Inputs are volatile so the compiler
   cannot constant-fold what the emulator must compute. */
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdio.h>

static volatile double kArgs[] = {0.0, -0.0, 0.5, 1.0, -1.0, 2.0, 3.0, 10.0, 0.1,
                                  -2.5, 100.0, 1e-300, 1e300, 709.0, -745.0, 1e22, 5e-324};
#define NARGS (sizeof kArgs / sizeof kArgs[0])

struct fn1 {
  const char *name;
  double (*f)(double);
};

static const struct fn1 kFns[] = {
    {"sqrt", sqrt},   {"cbrt", cbrt},   {"exp", exp},     {"exp2", exp2},   {"expm1", expm1},
    {"log", log},     {"log2", log2},   {"log10", log10}, {"log1p", log1p}, {"sin", sin},
    {"cos", cos},     {"tan", tan},     {"asin", asin},   {"acos", acos},   {"atan", atan},
    {"sinh", sinh},   {"cosh", cosh},   {"tanh", tanh},   {"floor", floor}, {"ceil", ceil},
    {"trunc", trunc}, {"round", round}, {"rint", rint},   {"fabs", fabs},
};

static void one_argument(void) {
  for (size_t f = 0; f < sizeof kFns / sizeof kFns[0]; f++) {
    printf("%s:", kFns[f].name);
    for (size_t i = 0; i < NARGS; i++) printf(" %.17g", kFns[f].f(kArgs[i]));
    putchar('\n');
  }
}

static void two_arguments(void) {
  static volatile double kPairs[][2] = {
      {2, 10}, {2, 0.5}, {-8, 1.0 / 3}, {0, -1}, {-0.0, 3}, {10, 308}, {1.0000001, 1e9},
      {-1, INFINITY}, {0.5, -1074}, {7, 3}, {-7, 3}, {1e300, 1e-300}, {3, -0.0},
  };
  for (size_t i = 0; i < sizeof kPairs / sizeof kPairs[0]; i++) {
    double x = kPairs[i][0], y = kPairs[i][1];
    printf("x=%.17g y=%.17g: pow %.17g atan2 %.17g fmod %.17g remainder %.17g hypot %.17g\n", x, y,
           pow(x, y), atan2(x, y), fmod(x, y), remainder(x, y), hypot(x, y));
    printf("  fmin %g fmax %g fdim %g copysign %g nextafter %.17g fma(x,y,1) %.17g\n", fmin(x, y),
           fmax(x, y), fdim(x, y), copysign(x, y), nextafter(x, y), fma(x, y, 1.0));
  }
}

static void floats(void) {
  static volatile float kF[] = {0.1f, 1.5f, -2.75f, 1e-40f, 3.4e38f, 16777217.0f, 0.3333333f};
  for (size_t i = 0; i < sizeof kF / sizeof kF[0]; i++) {
    float x = kF[i];
    printf("float %.9g: sqrtf %.9g expf %.9g logf %.9g sinf %.9g powf %.9g x*x %.9g x/3 %.9g\n",
           x, sqrtf(x), expf(x), logf(fabsf(x)), sinf(x), powf(fabsf(x), 1.5f), x * x, x / 3);
  }
}

static void special_values(void) {
  volatile double zero = 0.0, one = 1.0;
  double inf = one / zero, nan_ = zero / zero;
  printf("1/0=%g -1/0=%g 0/0=%g inf-inf=%g inf*0=%g sqrt(-1)=%g log(-1)=%g log(0)=%g\n", inf,
         -one / zero, nan_, inf - inf, inf * zero, sqrt(-one), log(-one), log(zero));
  printf("isnan %d isinf %d isfinite %d signbit(-0.0) %d fpclassify(5e-324) %s\n", isnan(nan_) != 0,
         isinf(-inf) != 0, isfinite(DBL_MAX), signbit(-zero) != 0,
         fpclassify(kArgs[16]) == FP_SUBNORMAL ? "subnormal" : "other");
  printf("fmax(nan, 1)=%g fmin(1, nan)=%g fmax(-0, 0)=%g fmin(0, -0)=%g\n", fmax(nan_, one),
         fmin(one, nan_), fmax(-zero, zero), fmin(zero, -zero));
  int e;
  double m = frexp(kArgs[10], &e);
  printf("frexp(100)=%.17g*2^%d ldexp(1, -1074)=%g ldexp(1, 1024)=%g scalbn(3, 4)=%g\n", m, e,
         ldexp(one, -1074), ldexp(one, 1024), scalbn(3.0, 4));
  printf("DBL_MAX*2=%g DBL_MIN/2=%.17g (subnormal) DBL_TRUE_MIN/2=%g\n", DBL_MAX * kArgs[5],
         DBL_MIN / kArgs[5], kArgs[16] / kArgs[5]);
  printf("lrint(2.5)=%ld lround(2.5)=%ld lround(-2.5)=%ld llrint(-3.5)=%lld\n", lrint(kArgs[9] * -1),
         lround(-kArgs[9]), lround(kArgs[9]), llrint(kArgs[9] - 1));
}

static void rounding_modes(void) {
  static const struct {
    int mode;
    const char *name;
  } kModes[] = {{FE_TONEAREST, "nearest"}, {FE_UPWARD, "upward"},
                {FE_DOWNWARD, "downward"}, {FE_TOWARDZERO, "toward zero"}};
  volatile double one = 1.0, three = 3.0, big = 1e16;
  for (size_t i = 0; i < sizeof kModes / sizeof kModes[0]; i++) {
    fesetround(kModes[i].mode);
    /* Volatile results: the compiler may not move the arithmetic past the
       fesetround calls around it (it assumes the default mode otherwise). */
    volatile double q = one / three, nq = -one / three, s = big + one;
    volatile double r = rint(2.5 * one), r2 = rint(-2.5 * one);
    volatile float fq = (float)one / (float)three;
    fesetround(FE_TONEAREST); /* print in the default mode */
    printf("%-11s 1/3=%.17g -1/3=%.17g 1e16+1=%.17g rint(2.5)=%g rint(-2.5)=%g 1f/3f=%.9g\n",
           kModes[i].name, q, nq, s, r, r2, fq);
  }
  feclearexcept(FE_ALL_EXCEPT);
  volatile double x = one / three;
  (void)x;
  printf("1/3 raises inexact: %s, not divbyzero: %s\n",
         fetestexcept(FE_INEXACT) ? "yes" : "no", fetestexcept(FE_DIVBYZERO) ? "no" : "yes");
  feclearexcept(FE_ALL_EXCEPT);
  x = one / (three - three);
  printf("1/0 raises divbyzero: %s\n", fetestexcept(FE_DIVBYZERO) ? "yes" : "no");
  feclearexcept(FE_ALL_EXCEPT);
  x = DBL_MAX * three;
  printf("DBL_MAX*3 raises overflow: %s\n", fetestexcept(FE_OVERFLOW) ? "yes" : "no");
  feclearexcept(FE_ALL_EXCEPT);
  x = sqrt(-one);
  printf("sqrt(-1) raises invalid: %s\n", fetestexcept(FE_INVALID) ? "yes" : "no");
}

int main(void) {
  one_argument();
  two_arguments();
  floats();
  special_values();
  rounding_modes();
  return 0;
}
