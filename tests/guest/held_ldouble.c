/* long double (IEEE quad on riscv64, done in software by libgcc's soft-fp)
 * and __int128: arithmetic, conversions both ways, comparisons, printf's %L
 * conversions, strtold and the long double libm. riscv only: on x86-64 long
 * double is the 80-bit x87 format and prints differently. */
#define _GNU_SOURCE
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "guest.h"

typedef __int128 i128;
typedef unsigned __int128 u128;

static char *u128_str(u128 v, char *end)
{
    *--end = 0;
    do {
        *--end = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v);
    return end;
}

static const char *i128_str(i128 v, char *buf)
{
    char *p = u128_str(v < 0 ? -(u128)v : (u128)v, buf + 60);
    if (v < 0)
        *--p = '-';
    return p;
}

/* A long double series with enough terms that all 113 bits matter. */
static long double series_e(void)
{
    long double sum = 1, term = 1;
    for (int k = 1; k < 40; k++) {
        term /= k;
        sum += term;
    }
    return sum;
}

static long double ld_by_value(long double a, long double b, int op)
{
    switch (op) {
    case 0: return a + b;
    case 1: return a - b;
    case 2: return a * b;
    case 3: return a / b;
    default: return fmal(a, b, a);
    }
}

int main(void)
{
    char b1[64], b2[64], b3[64], b4[64];
    printf("LDBL_MANT_DIG %d LDBL_DIG %d sizeof %zu\n", LDBL_MANT_DIG, LDBL_DIG, sizeof(long double));
    printf("LDBL_MAX %Lg LDBL_MIN %Lg EPS %La\n", LDBL_MAX, LDBL_MIN, LDBL_EPSILON);

    long double third = 1.0L / 3, e = series_e();
    printf("1/3 %.36Lf\n", third);
    printf("e   %.36Lf\n", e);
    printf("e   %La %LA\n", e, -e);
    printf("e   %Le %40.30Le|%-12.3Lf|%+Lg\n", e, e, e, e);
    CHECK(fabsl(e - expl(1.0L)) < 16 * LDBL_EPSILON);
    printf("expl(1) %.34Lg\n", expl(1.0L));
    printf("sqrtl(2) %.34Lg\n", sqrtl(2.0L));
    printf("cbrtl(10) %.34Lg\n", cbrtl(10.0L));
    printf("logl(10) %.34Lg log10l(2) %.34Lg\n", logl(10.0L), log10l(2.0L));
    printf("sinl(1) %.34Lg cosl(1) %.34Lg\n", sinl(1.0L), cosl(1.0L));
    printf("atan2l %.34Lg\n", atan2l(1.0L, -2.0L));
    printf("powl %.34Lg %.34Lg\n", powl(2.0L, 0.5L), powl(1.0000001L, 1e7L));
    printf("fmodl %.34Lg remainderl %.34Lg\n", fmodl(1e30L, 7.0L), remainderl(10.0L, 3.0L));
    printf("floor/ceil/round/trunc %Lg %Lg %Lg %Lg\n", floorl(-2.5L), ceill(-2.5L), roundl(-2.5L), truncl(-2.7L));
    int ex;
    long double mant = frexpl(12345.678L, &ex), ip;
    printf("frexpl %.30Lg %d ldexpl %Lg modfl %.30Lg", mant, ex, ldexpl(mant, ex), modfl(-3.25L, &ip));
    printf(" %Lg\n", ip);
    printf("nextafterl %La %La\n", nextafterl(1.0L, 2.0L), nextafterl(1.0L, 0.0L));
    printf("hypotl %.34Lg\n", hypotl(3e-3000L, 4e-3000L));

    /* arithmetic through a function (soft-fp calls) and the rounding of each op */
    for (int op = 0; op < 5; op++)
        printf("op%d %.36Lg\n", op, ld_by_value(third, e, op));
    volatile long double tiny = LDBL_MIN, big = LDBL_MAX;
    printf("underflow %La overflow %Lg\n", tiny / 3, big * 2);
    printf("compare %d %d %d %d\n", third < e, e <= third, third == 1.0L / 3, isnan(big * 0 * INFINITY) != 0);

    /* conversions */
    long double x = 0x1.23456789abcdef0123456789abcp+100L;
    printf("x %La to double %a to float %a\n", x, (double)x, (double)(float)x);
    printf("to int64 %lld uint64 %llu\n", (long long)(x / 0x1p50L), (unsigned long long)(x / 0x1p40L));
    printf("from int64 %.0Lf from uint64 %.0Lf\n", (long double)INT64_MIN, (long double)UINT64_MAX);
    u128 big128 = (u128)(x / 0x1p-20L);
    printf("to u128 %s\n", u128_str(big128, b1 + 60));
    printf("from u128 %La\n", (long double)big128);
    printf("from i128 %.0Lf\n", (long double)(-((i128)1 << 126)));

    /* strtold and round trips through text */
    const char *texts[] = {"3.14159265358979323846264338327950288", "1e4932", "1e4933", "-0x1.8p-16382",
                           "6.475175119438025110924438958227646552e-4966", "inf", "nan", "  -12.5e-3xyz"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char *end;
        long double v = strtold(texts[i], &end);
        printf("strtold(\"%s\") = %.36Lg %La rest \"%s\"\n", texts[i], v, v, end);
    }
    for (int i = 0; i < 200; i++) {
        long double v = (long double)(i * 7919 - 500) / (i * 13 + 3) * powl(10, i % 30 - 15);
        snprintf(b2, sizeof b2, "%.36Lg", v);
        CHECK(strtold(b2, NULL) == v);
    }

    /* __int128: products, quotients and remainders with every sign */
    i128 vals[] = {0, 1, -1, 7, -7, (i128)INT64_MAX * 3, -((i128)1 << 100) + 12345, ((i128)1 << 120) / 7,
                   (i128)(((u128)1 << 127) - 1), -(i128)(((u128)1 << 127) - 1) - 1};
    unsigned long long hash = 0;
    int n = sizeof vals / sizeof vals[0];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            i128 a = vals[i], b = vals[j];
            u128 prod = (u128)a * (u128)b;
            hash = hash * 31 + (unsigned long long)(prod >> 64) + (unsigned long long)prod;
            if (b != 0 && !(a == vals[n - 1] && b == -1)) {
                i128 q = a / b, r = a % b;
                CHECK(q * b + r == a);
                CHECK(r == 0 || (r < 0) == (a < 0));
                hash = hash * 31 + (unsigned long long)q + (unsigned long long)(r >> 3);
                if (i == 6 || i == 7 || j == 3)
                    printf("%s / %s = %s rem %s\n", i128_str(a, b1), i128_str(b, b2), i128_str(q, b3), i128_str(r, b4));
            }
            u128 ua = (u128)a, ub = (u128)b;
            if (ub) {
                hash = hash * 31 + (unsigned long long)(ua / ub) + (unsigned long long)(ua % ub);
                CHECK((ua / ub) * ub + ua % ub == ua);
            }
            hash ^= (unsigned long long)(a < b) << (i + j) % 60;
        }
    printf("int128 hash %016llx\n", hash);
    i128 m = vals[8];
    printf("max %s min %s\n", i128_str(m, b1), i128_str(vals[9], b2));
    printf("shifts %s %s\n", i128_str(vals[9] >> 100, b1), i128_str((i128)((u128)vals[6] << 27), b2));
    return guest_done();
}
