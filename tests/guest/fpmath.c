/* IEEE arithmetic that is the same on every conforming machine: square roots,
 * division, conversions between integers and floats (in range only: out of
 * range is undefined in C and differs between RISC-V and x86), fma, the
 * dynamic rounding mode (fesetround sets frm) and the sticky exception flags
 * (fflags). Operands are volatile so gcc computes nothing at compile time,
 * the show_* functions are not inlined so each result is computed before its
 * flags are read, and tests/guest/module.mk builds with -frounding-math so
 * gcc does not move rint() and friends across fesetround(). NaNs are
 * reported with isnan: their sign differs between machines. */
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "guest.h"

static void flags(char *out)
{
    int f = fetestexcept(FE_ALL_EXCEPT);
    snprintf(out, 8, "%s%s%s%s%s", f & FE_INVALID ? "V" : "", f & FE_DIVBYZERO ? "Z" : "",
             f & FE_OVERFLOW ? "O" : "", f & FE_UNDERFLOW ? "U" : "", f & FE_INEXACT ? "X" : "");
}

static __attribute__((noinline)) void show_d(const char *what, double r)
{
    char fl[8];
    flags(fl);
    if (isnan(r))
        printf("%-22s nan [%s]\n", what, fl);
    else
        printf("%-22s %a %.17g [%s]\n", what, r, r, fl);
    feclearexcept(FE_ALL_EXCEPT);
}

static __attribute__((noinline)) void show_f(const char *what, float r)
{
    char fl[8];
    flags(fl);
    if (isnan(r))
        printf("%-22s nan [%s]\n", what, fl);
    else
        printf("%-22s %a %.9g [%s]\n", what, r, r, fl);
    feclearexcept(FE_ALL_EXCEPT);
}

static __attribute__((noinline)) void show_i(const char *what, long long r)
{
    char fl[8];
    flags(fl);
    printf("%-22s %lld [%s]\n", what, r, fl);
    feclearexcept(FE_ALL_EXCEPT);
}

static volatile double d_two = 2.0, d_quarter = 0.25, d_denorm = 1e-310, d_neg = -1.0,
                       d_inf = INFINITY, d_one = 1.0, d_three = 3.0, d_zero = 0.0,
                       d_max = DBL_MAX, d_min = DBL_MIN, d_tenth = 0.1, d_ten = 10.0;
static volatile float f_two = 2.0f, f_one = 1.0f, f_three = 3.0f, f_max = FLT_MAX,
                      f_min = FLT_MIN, f_zero = 0.0f;
static volatile int64_t i_max = INT64_MAX, i_min = INT64_MIN, i_odd = 16777217, i_big = (1ll << 53) + 1;
static volatile uint64_t u_max = UINT64_MAX;
static volatile double c_vals[] = { 2.5, -2.5, 3.5, -0.5, 0.5, 2147483647.9, -2147483648.9,
                                    4294967295.5, 9.2233720368547748e18, 1.8446744073709550e19 };

static void arith(void)
{
    show_d("sqrt 2", sqrt(d_two));
    show_d("sqrt 0.25", sqrt(d_quarter));
    show_d("sqrt denormal", sqrt(d_denorm));
    show_d("sqrt -1", sqrt(d_neg));
    show_d("sqrt inf", sqrt(d_inf));
    show_f("sqrtf 2", sqrtf(f_two));
    show_d("1/3", d_one / d_three);
    show_d("1/0", d_one / d_zero);
    show_d("0/0", d_zero / d_zero);
    show_d("max*2", d_max * d_two);
    show_d("min/3 (subnormal)", d_min / d_three);
    show_d("min*0.25 (exact)", d_min * d_quarter);
    show_d("inf-inf", d_inf - d_inf);
    show_f("1f/3f", f_one / f_three);
    show_f("maxf*2", f_max * f_two);
    show_f("minf/3", f_min / f_three);
    show_f("1f/0f", f_one / f_zero);
    show_d("fma(.1,10,-1)", fma(d_tenth, d_ten, -d_one));
    show_d(".1*10-1", d_tenth * d_ten - d_one);
    show_f("fmaf(1/3,3,-1)", fmaf(f_one / f_three, f_three, -f_one));
    feclearexcept(FE_ALL_EXCEPT);
    show_d("fmin(nan,1)", fmin(nan(""), d_one));
    show_d("fmax(1,nan)", fmax(d_one, nan("")));
    show_d("fabs(-1)", fabs(d_neg));
    show_d("copysign(1,-0)", copysign(d_one, -d_zero));
    show_d("-(0.0)", -d_zero);
}

static void conversions(void)
{
    show_d("(double)INT64_MAX", (double)i_max);
    show_d("(double)INT64_MIN", (double)i_min);
    show_d("(double)UINT64_MAX", (double)u_max);
    show_f("(float)16777217", (float)i_odd);
    show_d("(double)2^53+1", (double)i_big);
    show_f("(float)(double)2^53+1", (float)(double)i_big);
    show_f("(float)DBL_MAX", (float)d_max);
    show_f("(float)1/3", (float)(d_one / d_three));
    feclearexcept(FE_ALL_EXCEPT);
    show_d("(double)(1f/3f)", (double)(f_one / f_three));
    for (size_t i = 0; i < sizeof c_vals / sizeof c_vals[0]; i++) {
        char what[40];
        double v = c_vals[i];
        snprintf(what, sizeof what, "trunc conv %.17g", v);
        if (v >= -2147483648.0 && v < 2147483648.0)
            show_i(what, (int32_t)v);
        if (v > -1.0 && v < 4294967296.0)
            show_i(what, (uint32_t)v);
        if (v >= -9.2233720368547758e18 && v < 9.2233720368547758e18)
            show_i(what, (int64_t)v);
        if (v > -1.0 && v < 1.8446744073709552e19)
            show_i(what, (long long)(uint64_t)v);
    }
}

static void rounding(void)
{
    static const struct { int mode; const char *name; } modes[] = {
        { FE_TONEAREST, "nearest" }, { FE_UPWARD, "upward" },
        { FE_DOWNWARD, "downward" }, { FE_TOWARDZERO, "towardzero" },
    };
    for (size_t m = 0; m < 4; m++) {
        CHECK(fesetround(modes[m].mode) == 0);
        CHECK(fegetround() == modes[m].mode);
        printf("mode %s\n", modes[m].name);
        show_d("  1/3", d_one / d_three);
        show_d("  -1/3", -d_one / d_three);
        show_f("  1f/3f", f_one / f_three);
        show_d("  sqrt 2", sqrt(d_two));
        show_f("  (float)16777217", (float)i_odd);
        show_d("  (double)2^53+1", (double)i_big);
        show_d("  max*2", d_max * d_two);
        for (size_t i = 0; i < 5; i++) {
            char what[40];
            snprintf(what, sizeof what, "  rint %g", c_vals[i]);
            show_d(what, rint(c_vals[i]));
            snprintf(what, sizeof what, "  llrint %g", c_vals[i]);
            show_i(what, llrint(c_vals[i]));
            snprintf(what, sizeof what, "  nearbyint %g", c_vals[i]);
            show_d(what, nearbyint(c_vals[i]));
        }
    }
    fesetround(FE_TONEAREST);
}

int main(void)
{
    feclearexcept(FE_ALL_EXCEPT);
    arith();
    conversions();
    rounding();

    /* Results the standard fixes, checked here as well as by comparison. */
    CHECK(sqrt(d_quarter) == 0.5);
    CHECK(isinf(d_one / d_zero));
    feclearexcept(FE_ALL_EXCEPT);
    volatile double q = d_one / d_three;
    CHECK(fetestexcept(FE_INEXACT) && !fetestexcept(FE_INVALID));
    CHECK(q * 3 == 1.0);
    CHECK((float)i_odd == 16777216.0f);
    CHECK((int32_t)c_vals[1] == -2);
    fesetround(FE_UPWARD);
    volatile double up = d_one / d_three;
    fesetround(FE_DOWNWARD);
    volatile double down = d_one / d_three;
    fesetround(FE_TONEAREST);
    CHECK(up > down && nextafter(down, 1.0) == up);
    return guest_done();
}
