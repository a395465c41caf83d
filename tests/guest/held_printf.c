#define _GNU_SOURCE
/* A printf torture test: every conversion of the printf family with flags,
 * widths and precisions (also given as * arguments), %n, %a, the length
 * modifiers, and snprintf's truncation and return value. Each output line is
 * also formatted into a buffer and its length checked against printf's
 * return value. Only double and narrower: long double is in held_ldouble. */
#include <float.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>
#include <inttypes.h>
#include "guest.h"

static int lines;

/* Prints one formatted line between brackets and checks that printf,
 * vsnprintf and a second vsnprintf into a small buffer all agree. */
__attribute__((format(printf, 1, 2)))
static void show(const char *fmt, ...)
{
    char big[512], small[8];
    va_list ap, ap2, ap3;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    va_copy(ap3, ap);
    int n = vsnprintf(big, sizeof big, fmt, ap);
    int m = vsnprintf(small, sizeof small, fmt, ap2);
    CHECK(n == m);
    CHECK(strncmp(big, small, sizeof small - 1) == 0);
    CHECK(strlen(small) == (size_t)(n < 7 ? n : 7));
    printf("%3d [", ++lines);
    int p = vprintf(fmt, ap3);
    printf("] %d\n", p);
    CHECK(p == n);
    va_end(ap);
    va_end(ap2);
    va_end(ap3);
}

int main(void)
{
    /* integers */
    show("%d %i %u %o %x %X", 42, -42, 42u, 42u, 0xbeefu, 0xbeefu);
    show("%5d|%-5d|%05d|%+d|% d|%+05d", 7, 7, 7, 7, 7, -7);
    show("%.3d|%.0d|%.0d|%8.3d|%-8.3d|", 5, 0, 1, -5, 5);
    show("%#o|%#x|%#X|%#o|%#x|%#.0o", 8u, 255u, 255u, 0u, 0u, 0u);
    show("%hhd %hhu %hd %hu", 300, 300, 70000, 70000);
    show("%ld %lu %lx", LONG_MIN, ULONG_MAX, (unsigned long)LONG_MAX);
    show("%lld %llu %llo", LLONG_MIN, ULLONG_MAX, 01234567012345670123ull);
    show("%jd %zu %zd %td", INTMAX_MAX, (size_t)-1, (ssize_t)-3, (ptrdiff_t)-99);
    show("%" PRId8 " %" PRIu16 " %" PRIx32 " %" PRIX64, (int8_t)-8, (uint16_t)65535, (uint32_t)0xdeadbeef,
         (uint64_t)0x0123456789abcdefull);
    show("%*d|%-*d|%.*d|%*.*d", 6, 12, 6, 12, 4, 12, -8, 3, 1);
    show("%'d %d", 1234567, INT_MIN);

    /* characters and strings */
    show("%c%c%c|%3c|%-3c|", 'a', 'b', 'c', 'x', 'y');
    show("%s|%10s|%-10s|%.3s|%10.2s|%-*.*s|", "str", "right", "left", "truncate", "ab", 6, 2, "xyz");
    show("%s", "");
    show("%ls|%lc|%5ls", L"wide", (wint_t)L'W', L"ab");
    show("%%|%c%%|", 0x41);

    /* doubles: fixed, exponent, general, hex */
    show("%f %F %e %E %g %G", 3.14159, 2.5, 12345.678, 0.000123, 0.0001, 1e20);
    show("%.0f %.1f %.2f %.10f", 2.5, 0.05, 1.005, 1.0 / 3);
    show("%10.3f|%-10.3f|%+.3e|% .2e|%010.2f", M_PI, M_E, -M_PI, M_PI, -2.5);
    show("%#.0f %#.0e %#g %g %g", 1.0, 1.0, 1.0, 100000.0, 1000000.0);
    show("%g %g %g %g %.3g %.10g", 1e-4, 1e-5, 123456.0, 1234567.0, 3.14159, 2.0 / 3);
    show("%a %A %a %a %.2a %.0a", 1.0, 255.5, -0.1, 0x1p-1074, M_PI, 1.5);
    show("%a %a %a %20a|%-20a|", DBL_MAX, DBL_MIN, 0.0, 3.0, -3.0);
    show("%f %e %g %a", HUGE_VAL, -HUGE_VAL, NAN, -INFINITY);
    show("%F %E %G %A %5f|%-6e|", INFINITY, NAN, -INFINITY, NAN, INFINITY, NAN);
    show("%f %.0e %g %a", -0.0, -0.0, -0.0, -0.0);
    show("%.20f", 0.1);
    show("%.30e", 1e300);
    show("%f", 1e300);
    show("%.3f %.3f %.3f %.3f", 0.0005, 0.0015, 0.0025, 1e-10);
    show("%e %g", 5e-324, 5e-324);
    show("%.17g %.17g %.17g", 0.1, 1.0 / 3, 2.0 / 3);
    show("%f %f", (double)3.4028234663852886e38f, (double)1.17549435e-38f);
    show("%*.*f|%-*.*e|", 12, 4, 2.0 / 7, 14, 3, -2.0 / 7);

    /* pointers and %n */
    int a = 0, b = 0;
    signed char hh = 0;
    short h = 0;
    long l = 0;
    long long ll = 0;
    size_t z = 0;
    printf("abc%nde%hhnfghij%hnk%ln%lln%zn\n", &a, &hh, &h, &l, &ll, &z);
    printf("n: %d %d %d %ld %lld %zu\n", a, hh, h, l, ll, z);
    CHECK(a == 3 && hh == 5 && h == 10 && l == 11 && ll == 11 && z == 11);
    char buf[64];
    snprintf(buf, sizeof buf, "%5s%n%d", "x", &b, 12);
    printf("snprintf %%n: %d \"%s\"\n", b, buf);
    show("%p", (void *)0);
    snprintf(buf, sizeof buf, "%p", (void *)buf);
    CHECK(buf[0] == '0' && buf[1] == 'x');

    /* snprintf truncation and return values */
    volatile size_t five = 5, one = 1;
    const char *volatile long_str = "abcdefgh";
    int r = snprintf(buf, five, "%s", long_str);
    printf("trunc %d \"%s\"\n", r, buf);
    r = snprintf(NULL, 0, "%d-%s-%f", 123, "abc", 1.5);
    printf("measure %d\n", r);
    r = snprintf(buf, one, "%s", long_str + 5);
    printf("size1 %d \"%s\"\n", r, buf);
    char *dyn = NULL;
    r = asprintf(&dyn, "%0*d|%s", 40, 7, "tail");
    printf("asprintf %d %s\n", r, dyn);
    free(dyn);

    /* printf into a file-backed stream and fprintf to stdout */
    fprintf(stdout, "%s %d %c %.2f\n", "fprintf", 99, 'Z', 9.999);
    dprintf(1, "%s", "");
    fflush(stdout);
    dprintf(1, "dprintf %d %x\n", -1, 0xabcu);

    /* positional arguments */
    show("%2$s %1$s %2$s", "world", "hello");
    show("%1$d %1$x %1$o %2$.*3$f", 255, 3.14159, 2);

    /* a table, as a report would print one */
    const char *names[] = {"alpha", "beta", "gamma", "delta-long-name"};
    double vals[] = {1.5, -22.125, 333.0625, 4444.03125};
    for (int i = 0; i < 4; i++)
        printf("|%-12.12s|%10.3f|%+9.2e|%6.1f%%|%08x|\n", names[i], vals[i], vals[i], vals[i] / 50 * 100,
               (unsigned)(int)(vals[i] * 1000));
    return guest_done();
}
