/* math.h in float and double: elementary functions over a sweep of
 * arguments (printed to 13 significant digits, summed into checksums), the
 * exact functions (floor, ceil, round, trunc, fmod, remainder, ldexp, frexp,
 * modf, nextafter, fma, sqrt, copysign, fmin/fmax) printed in hex, special
 * values, classification, and rounding modes and exception flags via fenv. */
#define _GNU_SOURCE
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "guest.h"

/* x86 and riscv make NaNs of different signs: print every NaN the same way */
static double nn(double x)
{
    return isnan(x) ? NAN : x;
}

static double (*const dfuncs[])(double) = {sin, cos, tan, exp, log, log2, log10, sqrt, cbrt, atan, asin, acos,
                                          sinh, cosh, tanh, expm1, log1p, exp2, erf, tgamma};
static const char *const dnames[] = {"sin", "cos", "tan", "exp", "log", "log2", "log10", "sqrt", "cbrt", "atan",
                                     "asin", "acos", "sinh", "cosh", "tanh", "expm1", "log1p", "exp2", "erf",
                                     "tgamma"};
static float (*const ffuncs[])(float) = {sinf, cosf, tanf, expf, logf, log2f, log10f, sqrtf, cbrtf, atanf,
                                         asinf, acosf, sinhf, coshf, tanhf, expm1f, log1pf, exp2f, erff, tgammaf};

static void sweep(void)
{
    for (size_t f = 0; f < sizeof dfuncs / sizeof dfuncs[0]; f++) {
        double sum = 0;
        float fsum = 0;
        int nans = 0;
        for (int i = -40; i <= 40; i++) {
            double x = i * 0.0625 + 0.03125;
            double y = dfuncs[f](x);
            float fy = ffuncs[f]((float)x);
            if (isnan(y))
                nans++;
            else if (!isinf(y))
                sum += y;
            if (!isnan(fy) && !isinf(fy))
                fsum += fy;
        }
        printf("%-7s %.13g %.13g %.13g sum %.10g fsum %.5g nans %d\n", dnames[f], dfuncs[f](0.5),
               dfuncs[f](0.75), (double)ffuncs[f](0.25f), sum, (double)fsum, nans);
    }
    printf("pow %.13g %.13g %.13g %.13g %g %g\n", pow(2, 0.5), pow(10, -3), nn(pow(-8, 1.0 / 3)), pow(1.0001, 10000),
           pow(0, -1), pow(-2, 3));
    printf("powf %.7g %.7g atan2 %.13g %.13g %.13g %.13g\n", (double)powf(3, 4.5f), (double)powf(0.5f, 20),
           atan2(1, 1), atan2(-1, -1), atan2(0.0, -0.0), atan2(-0.0, 1));
    printf("hypot %.17g %.17g %g hypotf %.9g\n", hypot(3, 4), hypot(1e300, 1e300), hypot(INFINITY, NAN),
           (double)hypotf(5, 12));
    printf("lgamma %.13g %.13g\n", lgamma(10), lgamma(0.5));
}

static void exact(void)
{
    const double xs[] = {2.5, -2.5, 3.5, -0.5, 0.49999999999999994, 1e16 + 2, -7.75, 0x1p52 + 0.5, 1e-310};
    for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        double x = xs[i], ip;
        int e;
        double fr = frexp(x, &e);
        double mf = modf(x, &ip);
        printf("%-24a fl %a ce %a ro %a tr %a ri %a ny %a lr %ld llround %lld fr %a e%d modf %a %a\n", x, floor(x),
               ceil(x), round(x), trunc(x), rint(x), nearbyint(x), lrint(x), llround(x), fr, e, mf, ip);
    }
    printf("fmod %a %a %a %a\n", fmod(10, 3), fmod(-10, 3), fmod(5.5, -1.25), fmod(1e300, 3e-300));
    printf("remainder %a %a remquo ", remainder(10, 3), remainder(11, 2));
    int q;
    double rq = remquo(29, 3, &q);
    printf("%a %d\n", rq, q);
    printf("ldexp %a %a %a scalbn %a ilogb %d logb %a\n", ldexp(1, 1023), ldexp(1, -1074), ldexp(1, 1024),
           scalbn(3, -2), ilogb(1000), logb(1000));
    printf("nextafter %a %a %a %a nexttoward %a\n", nextafter(1, 2), nextafter(1, 0), nextafter(0, -1),
           nextafter(DBL_MAX, INFINITY), nexttoward(1, 2.0L));
    printf("nextafterf %a %a\n", (double)nextafterf(1, 2), (double)nextafterf(0, 1));
    printf("fma %a %a sqrt %a %a sqrtf %a\n", fma(0x1p-30 + 1, 0x1p-30 + 1, -1), fma(1e308, 10, -1e308),
           sqrt(2), sqrt(-0.0), (double)sqrtf(2));
    printf("copysign %a %a fabs %a fmin %a %a fmax %a %a fdim %a\n", copysign(3, -0.0), copysign(-3, 1),
           fabs(-0.0), fmin(NAN, 1), fmin(-0.0, 0.0), fmax(1, NAN), fmax(2, 3), fdim(2, 5));
    printf("float ops %a %a %a %a\n", (double)(0.1f + 0.2f), (double)(1.0f / 3), (double)(16777216.0f + 1),
           (double)(float)0.1);
}

static void specials(void)
{
    double vals[] = {0.0, -0.0, 1.0, DBL_MIN / 2, DBL_MAX, INFINITY, -INFINITY, NAN};
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        double v = vals[i];
        printf("%-8g class %d finite %d normal %d inf %d nan %d signbit %d log %g exp %g sqrt %g\n", v,
               fpclassify(v), isfinite(v), isnormal(v), isinf(v), isnan(v), signbit(v) != 0, nn(log(v)), nn(exp(v)),
               nn(sqrt(v)));
    }
    volatile double z = 0;
    printf("0/0 %g 1/0 %g -1/0 %g inf-inf %g inf*0 %g\n", nn(z / z), 1 / z, -1 / z, nn(INFINITY - INFINITY),
           nn(INFINITY * z));
    printf("compare nan: %d %d %d %d unordered %d\n", NAN < 1, NAN > 1, NAN == NAN, NAN != NAN,
           isunordered(NAN, 1.0));
    /* conversions at the edges */
    volatile double big = 3e9, neg = -3.7, half = 0.5, huge = 1e19;
    printf("(int)%d (unsigned)%u (long)%ld (int)-3.7 %d (uint64)%llu (float)1e19 %g\n", (int)half,
           (unsigned)big, (long)big, (int)neg, (unsigned long long)huge, (double)(float)huge);
    volatile int64_t i64 = INT64_MAX - 511;
    volatile uint64_t u64 = UINT64_MAX;
    printf("int->fp %a %a %a %a\n", (double)i64, (double)u64, (double)(float)i64, (double)(float)u64);
}

static void rounding(void)
{
    static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
    static const char *names[] = {"nearest", "upward", "downward", "towardzero"};
    volatile double one = 1, three = 3, x = 2.5, m = -2.5;
    volatile float fone = 1, fthree = 3;
    volatile long long big = (1LL << 53) + 1;
    for (int i = 0; i < 4; i++) {
        CHECK(fesetround(modes[i]) == 0);
        CHECK(fegetround() == modes[i]);
        printf("%-10s 1/3 %a -1/3 %a f %a rint %g %g lrint %ld %ld nearbyint %g sqrt2 %a ll->d %a\n", names[i],
               one / three, -one / three, (double)(fone / fthree), rint(x), rint(m), lrint(x), lrint(m),
               nearbyint(-0.5), sqrt(one + one), (double)big);
    }
    fesetround(FE_TONEAREST);
    volatile double tiny = DBL_MIN, zero = 0;
    feclearexcept(FE_ALL_EXCEPT);
    volatile double r = one / three;
    printf("inexact %d", fetestexcept(FE_INEXACT) != 0);
    feclearexcept(FE_ALL_EXCEPT);
    r = one / zero;
    printf(" divbyzero %d", fetestexcept(FE_DIVBYZERO) != 0);
    feclearexcept(FE_ALL_EXCEPT);
    r = zero / zero;
    printf(" invalid %d", fetestexcept(FE_INVALID) != 0);
    feclearexcept(FE_ALL_EXCEPT);
    r = tiny * tiny;
    printf(" underflow %d", fetestexcept(FE_UNDERFLOW) != 0);
    feclearexcept(FE_ALL_EXCEPT);
    r = DBL_MAX * three;
    printf(" overflow %d", fetestexcept(FE_OVERFLOW) != 0);
    feclearexcept(FE_ALL_EXCEPT);
    r = one + one;
    printf(" exact-none %d\n", fetestexcept(FE_ALL_EXCEPT));
    (void)r;
}

int main(void)
{
    sweep();
    exact();
    specials();
    rounding();
    return guest_done();
}
