/* stdlib.h: number parsing (strtol/strtoul/strtoll/strtoull in every base,
 * strtod/strtof/strtold, atoi/atol/atof) with end pointers and errno, qsort
 * and bsearch on records, rand/srand sequences, div/ldiv/lldiv, abs/labs/
 * llabs, the environment (getenv/setenv/unsetenv/putenv and envp), atexit
 * handlers in reverse order, and a non-zero exit status (3) from exit(). */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "guest.h"

static void parse_ints(void)
{
    static const struct { const char *s; int base; } cases[] = {
        {"12345", 10}, {"-12345", 10}, {"  +42abc", 10}, {"0x1F", 16}, {"1F", 16}, {"0x1F", 0},
        {"0755", 0}, {"0755", 8}, {"0b101", 0}, {"101", 2}, {"zz", 36}, {"ZZtop", 36},
        {"9223372036854775807", 10}, {"9223372036854775808", 10}, {"-9223372036854775809", 10},
        {"18446744073709551615", 10}, {"-1", 10}, {"", 10}, {"   ", 10}, {"-", 10}, {"0x", 16},
        {"0x", 0}, {"12", 3}, {"777", 7}, {"  -0", 10}, {"1e5", 10}, {"\t\n 99", 10},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *end;
        errno = 0;
        long l = strtol(cases[i].s, &end, cases[i].base);
        int e1 = errno;
        errno = 0;
        unsigned long ul = strtoul(cases[i].s, NULL, cases[i].base);
        int e2 = errno;
        errno = 0;
        long long ll = strtoll(cases[i].s, NULL, cases[i].base);
        unsigned long long ull = strtoull(cases[i].s, NULL, cases[i].base);
        printf("%-24s b%-2d strtol %ld end+%td%s strtoul %lu%s ll %lld ull %llu\n", cases[i].s, cases[i].base, l,
               end - cases[i].s, e1 == ERANGE ? " ERANGE" : "", ul, e2 == ERANGE ? " ERANGE" : "", ll, ull);
    }
    errno = 0;
    strtol("10", NULL, 1);
    printf("base 1: %s\n", errno == EINVAL ? "EINVAL" : "no error");
    printf("atoi %d %d %d atol %ld atoll %lld\n", atoi("  -77x"), atoi("junk"), atoi("2147483647"),
           atol("-123456789012"), atoll("9000000000000000000"));
}

static void parse_floats(void)
{
    static const char *cases[] = {"3.14159", "-2.5e-3", "1e308", "1e309", "-1e309", "4.9e-324", "1e-400",
                                  "0x1.8p3", "0X.1P-2", "inf", "-Infinity", "nan", "NAN(123)", "  .5",
                                  "5.", "1e", "1e+", "abc", "0.1e1x", "123456789012345678901234567890",
                                  "2.2250738585072011e-308", "0.30000000000000004"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *e1, *e2;
        errno = 0;
        double d = strtod(cases[i], &e1);
        int err = errno;
        float f = strtof(cases[i], &e2);
        long double ld = strtold(cases[i], NULL);
        printf("%-32s strtod %-24.17g %a end+%td%s strtof %.9g end+%td strtold(d) %a\n", cases[i], d, d,
               e1 - cases[i], err == ERANGE ? " ERANGE" : "", (double)f, e2 - cases[i], (double)ld);
    }
    printf("atof %g\n", atof("  -6.02e23 mol"));
}

struct rec {
    char name[12];
    int key;
    double weight;
};

static int by_key(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    return (x->key > y->key) - (x->key < y->key);
}

static int by_name_desc(const void *a, const void *b)
{
    return -strcmp(((const struct rec *)a)->name, ((const struct rec *)b)->name);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void sorting(void)
{
    struct rec recs[40];
    srand(12345);
    for (int i = 0; i < 40; i++) {
        recs[i].key = rand() % 1000;
        int c1 = 'a' + rand() % 26, c2 = 'a' + rand() % 26;     /* in this order */
        snprintf(recs[i].name, sizeof recs[i].name, "n%c%c%d", c1, c2, i);
        recs[i].weight = rand() / (double)RAND_MAX;
    }
    qsort(recs, 40, sizeof recs[0], by_key);
    for (int i = 1; i < 40; i++)
        CHECK(recs[i - 1].key <= recs[i].key);
    printf("by key:");
    for (int i = 0; i < 40; i += 5)
        printf(" %d:%s:%.4f", recs[i].key, recs[i].name, recs[i].weight);
    printf("\n");
    struct rec probe = {.key = recs[17].key};
    struct rec *hit = bsearch(&probe, recs, 40, sizeof recs[0], by_key);
    CHECK(hit != NULL && hit->key == probe.key);
    probe.key = 1000;
    CHECK(bsearch(&probe, recs, 40, sizeof recs[0], by_key) == NULL);
    qsort(recs, 40, sizeof recs[0], by_name_desc);
    printf("by name desc: %s %s ... %s\n", recs[0].name, recs[1].name, recs[39].name);

    int nums[1000];
    for (int i = 0; i < 1000; i++)
        nums[i] = rand() - RAND_MAX / 2;
    qsort(nums, 1000, sizeof nums[0], cmp_int);
    long found = 0;
    for (int i = 0; i < 1000; i += 7) {
        int *p = bsearch(&nums[i], nums, 1000, sizeof nums[0], cmp_int);
        found += p && *p == nums[i];
    }
    printf("ints: min %d median %d max %d found %ld\n", nums[0], nums[500], nums[999], found);
    srand(1);
    printf("srand(1):");
    for (int i = 0; i < 5; i++)
        printf(" %d", rand());
    printf("\nRAND_MAX %d\n", RAND_MAX);
    unsigned int seed = 99;
    int r1 = rand_r(&seed);
    printf("rand_r: %d %d\n", r1, rand_r(&seed));
}

static void arith(void)
{
    div_t d = div(-17, 5);
    ldiv_t ld = ldiv(LONG_MAX, -1000);
    lldiv_t lld = lldiv(-9000000000000000000LL, 7);
    printf("div %d %d ldiv %ld %ld lldiv %lld %lld\n", d.quot, d.rem, ld.quot, ld.rem, lld.quot, lld.rem);
    printf("abs %d %ld %lld %d\n", abs(-5), labs(-123456789012L), llabs(LLONG_MIN + 1), abs(INT_MIN + 1));
}

static void environment(char **envp)
{
    int n = 0;
    for (char **e = envp; *e; e++)
        n++;
    printf("envp entries: %d\n", n);
    const char *v = getenv("GUEST_TEST_VAR");
    printf("GUEST_TEST_VAR=%s\n", v ? v : "(unset)");
    printf("MISSING=%s\n", getenv("HELD_MISSING") ? "set" : "(unset)");
    CHECK(setenv("HELD_A", "first", 0) == 0);
    CHECK(setenv("HELD_A", "second", 0) == 0);
    printf("HELD_A=%s\n", getenv("HELD_A"));
    CHECK(setenv("HELD_A", "third", 1) == 0);
    printf("HELD_A=%s\n", getenv("HELD_A"));
    static char put[] = "HELD_B=from putenv";
    CHECK(putenv(put) == 0);
    printf("HELD_B=%s\n", getenv("HELD_B"));
    CHECK(unsetenv("HELD_A") == 0);
    printf("after unsetenv: %s\n", getenv("HELD_A") ? "still set" : "gone");
    errno = 0;
    int r = setenv("BAD=NAME", "x", 1);
    printf("setenv bad name: %d %s\n", r, errno == EINVAL ? "EINVAL" : "?");
    CHECK(clearenv() == 0);
    printf("after clearenv: PATH %s\n", getenv("PATH") ? "set" : "unset");
}

static void last(void)
{
    printf("atexit: registered first, runs last\n");
}

static void first(void)
{
    printf("atexit: registered last, runs first (failed %d)\n", guest_failed);
}

int main(int argc, char **argv, char **envp)
{
    (void)argc;
    (void)argv;
    atexit(last);
    atexit(first);
    parse_ints();
    parse_floats();
    sorting();
    arith();
    environment(envp);
    printf("exiting with 3\n");
    exit(guest_done() ? 1 : 3);
}
