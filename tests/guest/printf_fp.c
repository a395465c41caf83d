/* Decimal and hex conversion of doubles and floats both ways: printf with
 * many formats (glibc prints exactly, rounding to nearest even on ties) and
 * strtod/strtof on hard cases, including overflow, underflow and subnormals.
 * These exercise integer multiply/divide and FP moves far more than FP math. */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "guest.h"

static const double dvals[] = {
    0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, -2.5, 1.0 / 3, 2.0 / 3, 123456789.125,
    1e-300, 5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, DBL_MAX, DBL_EPSILON,
    1e21, 1e22, 1e23, 9.999999e-5, 0.000123456, 3.14159265358979, 1e15 + 0.3,
    9007199254740993.0, 0.045, 1.005, 299792458.0, HUGE_VAL, -HUGE_VAL,
};

static const char *const dfmts[] = {
    "%g", "%.17g", "%e", "%.3e", "%f", "%.2f", "%.0f", "%a", "%.3a", "%10.4f|",
    "%-14g|", "%+e", "%#g", "%#.0f", "%.10g", "%A", "%.30f",
};

static const float fvals[] = {
    0.0f, 1.0f, 0.1f, 1.0f / 3, 16777216.0f, 16777217.0f, FLT_MAX, FLT_MIN, 1e-45f,
    3.4e38f, -2.5f, 1234.5678f,
};

static const char *const dstrs[] = {
    "0.1", "1e-400", "2.2250738585072011e-308", "2.2250738585072012e-308", "0x1p-1074",
    "0x1.fffffffffffffp+1023", "  -12.5e3xyz", "1e309", "-1e309", "123456789012345678901234567890",
    "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
    "infinity", "-INF", "nan", "NaN(123)", "0x.8p1", "1.7976931348623157e308",
    "1.7976931348623158e308", "1.7976931348623159e308", "9007199254740993", "+.5e+1",
    "0.000000000000000000000000000001", "1e", "e5", "", "0x", "00012.5000",
};

static const char *const fstrs[] = {
    "0.1", "3.4028235e38", "3.4028236e38", "1e39", "1e-45", "7e-46", "1e-46",
    "1.17549435e-38", "0x1.fffffep+127", "16777217", "16777219", "-0", "nan", "0.3333333333",
};

int main(void)
{
    char buf[512];
    for (size_t i = 0; i < sizeof dvals / sizeof dvals[0]; i++) {
        printf("d[%zu]:", i);
        for (size_t f = 0; f < sizeof dfmts / sizeof dfmts[0]; f++) {
            snprintf(buf, sizeof buf, dfmts[f], dvals[i]);
            printf(" %s", buf);
        }
        printf("\n");
    }
    for (size_t i = 0; i < sizeof fvals / sizeof fvals[0]; i++)
        printf("f[%zu]: %.9g %a %e %f\n", i, fvals[i], fvals[i], fvals[i], fvals[i]);

    for (size_t i = 0; i < sizeof dstrs / sizeof dstrs[0]; i++) {
        char *end;
        errno = 0;
        double d = strtod(dstrs[i], &end);
        int e = errno;
        if (isnan(d))
            snprintf(buf, sizeof buf, "nan");
        else
            snprintf(buf, sizeof buf, "%a %.17g", d, d);
        printf("strtod \"%s\": %s used %d%s\n", dstrs[i], buf, (int)(end - dstrs[i]),
               e == ERANGE ? " ERANGE" : "");
    }
    for (size_t i = 0; i < sizeof fstrs / sizeof fstrs[0]; i++) {
        char *end;
        errno = 0;
        float f = strtof(fstrs[i], &end);
        int e = errno;
        if (isnan(f))
            snprintf(buf, sizeof buf, "nan");
        else
            snprintf(buf, sizeof buf, "%a %.9g", f, f);
        printf("strtof \"%s\": %s used %d%s\n", fstrs[i], buf, (int)(end - fstrs[i]),
               e == ERANGE ? " ERANGE" : "");
    }

    /* Round trips: %.17g and %a must give back the same double. */
    int bad = 0;
    double x = 1.0;
    for (int i = 0; i < 2000; i++) {
        x = x * 1.7 + 1e-3 / (i + 1);
        if (x > 1e200)
            x = 1e-200 * (i + 1);
        snprintf(buf, sizeof buf, "%.17g", x);
        bad += strtod(buf, NULL) != x;
        snprintf(buf, sizeof buf, "%a", x);
        bad += strtod(buf, NULL) != x;
    }
    printf("round trip failures: %d\n", bad);
    CHECK(bad == 0);

    /* A few values whose text is fixed by the C standard and IEEE 754. */
    snprintf(buf, sizeof buf, "%.1f %.0f %.0f %.2e", 0.25, 2.5, 3.5, 12345.0);
    printf("%s\n", buf);
    CHECK(strcmp(buf, "0.2 2 4 1.23e+04") == 0);
    snprintf(buf, sizeof buf, "%a %a", 1.0, 0.5);
    CHECK(strcmp(buf, "0x1p+0 0x1p-1") == 0);
    CHECK(strtod("0x1p-1074", NULL) == 4.9406564584124654e-324);
    CHECK(strtof("16777217", NULL) == 16777216.0f);
    int n = 0;
    double sd;
    CHECK(sscanf("  3.75e2 rest", "%lf%n", &sd, &n) == 1 && sd == 375.0 && n == 8);
    return guest_done();
}
