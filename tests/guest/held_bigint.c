/* Arbitrary precision arithmetic on base 10^9 limbs: factorials, Fibonacci
 * numbers, powers, a long division by a small number and by a big one, and
 * square-root digits by Newton's method, cross-checked with identities
 * (n! / (n-1)! == n, F(2n) = F(n) * (2F(n+1) - F(n))). Limb products go
 * through unsigned __int128 and 64-bit multiply-high. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "guest.h"

#define BASE 1000000000u

typedef struct {
    int n;                                /* limbs in use, little endian */
    uint32_t *d;
} big;

static big big_new(uint64_t v)
{
    big b = {0, calloc(4, sizeof(uint32_t))};
    while (v) {
        b.d[b.n++] = (uint32_t)(v % BASE);
        v /= BASE;
    }
    return b;
}

static void big_free(big *b)
{
    free(b->d);
    b->d = NULL;
    b->n = 0;
}

static void trim(big *b)
{
    while (b->n && b->d[b->n - 1] == 0)
        b->n--;
}

static big big_add(const big *a, const big *b)
{
    int n = (a->n > b->n ? a->n : b->n) + 1;
    big r = {n, calloc(n, sizeof(uint32_t))};
    uint32_t carry = 0;
    for (int i = 0; i < n; i++) {
        uint64_t s = (uint64_t)carry + (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0);
        r.d[i] = (uint32_t)(s % BASE);
        carry = (uint32_t)(s / BASE);
    }
    trim(&r);
    return r;
}

/* a - b, requires a >= b */
static big big_sub(const big *a, const big *b)
{
    big r = {a->n, calloc(a->n + 1, sizeof(uint32_t))};
    int64_t borrow = 0;
    for (int i = 0; i < a->n; i++) {
        int64_t s = (int64_t)a->d[i] - (i < b->n ? b->d[i] : 0) - borrow;
        borrow = s < 0;
        r.d[i] = (uint32_t)(s + (borrow ? BASE : 0));
    }
    trim(&r);
    return r;
}

static big big_mul(const big *a, const big *b)
{
    int n = a->n + b->n + 1;
    big r = {n, calloc(n, sizeof(uint32_t))};
    for (int i = 0; i < a->n; i++) {
        unsigned __int128 carry = 0;
        for (int j = 0; j < b->n || carry; j++) {
            unsigned __int128 cur = r.d[i + j] + carry + (j < b->n ? (unsigned __int128)a->d[i] * b->d[j] : 0);
            r.d[i + j] = (uint32_t)(cur % BASE);
            carry = cur / BASE;
        }
    }
    trim(&r);
    return r;
}

static void big_mul_small(big *a, uint32_t m)
{
    uint64_t carry = 0;
    a->d = realloc(a->d, (a->n + 2) * sizeof(uint32_t));
    for (int i = 0; i < a->n; i++) {
        uint64_t cur = (uint64_t)a->d[i] * m + carry;
        a->d[i] = (uint32_t)(cur % BASE);
        carry = cur / BASE;
    }
    while (carry) {
        a->d[a->n++] = (uint32_t)(carry % BASE);
        carry /= BASE;
    }
}

static uint32_t big_div_small(big *a, uint32_t m)
{
    uint64_t rem = 0;
    for (int i = a->n - 1; i >= 0; i--) {
        uint64_t cur = a->d[i] + rem * BASE;
        a->d[i] = (uint32_t)(cur / m);
        rem = cur % m;
    }
    trim(a);
    return (uint32_t)rem;
}

static int big_cmp(const big *a, const big *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (int i = a->n - 1; i >= 0; i--)
        if (a->d[i] != b->d[i])
            return a->d[i] < b->d[i] ? -1 : 1;
    return 0;
}

/* quotient a / b by binary search on each limb (schoolbook, slow but simple) */
static big big_div(const big *a, const big *b, big *rem)
{
    big q = {a->n, calloc(a->n + 1, sizeof(uint32_t))};
    big r = big_new(0);
    for (int i = a->n - 1; i >= 0; i--) {
        big_mul_small(&r, BASE);          /* r = r * BASE + a[i] */
        if (r.n == 0)
            r.n = 1;
        r.d[0] = a->d[i];
        trim(&r);
        uint32_t lo = 0, hi = BASE - 1;
        while (lo < hi) {
            uint32_t mid = lo + (hi - lo + 1) / 2;
            big t = big_new(0);
            big bb = {b->n, b->d};
            big_free(&t);
            t = big_mul(&bb, &(big){1, &mid});
            if (big_cmp(&t, &r) <= 0)
                lo = mid;
            else
                hi = mid - 1;
            big_free(&t);
        }
        q.d[i] = lo;
        if (lo) {
            big t = big_mul(b, &(big){1, &lo});
            big nr = big_sub(&r, &t);
            big_free(&t);
            big_free(&r);
            r = nr;
        }
    }
    trim(&q);
    if (rem)
        *rem = r;
    else
        big_free(&r);
    return q;
}

static char *big_str(const big *b)
{
    char *s = malloc(b->n * 9 + 2);
    if (b->n == 0) {
        strcpy(s, "0");
        return s;
    }
    int len = sprintf(s, "%u", b->d[b->n - 1]);
    for (int i = b->n - 2; i >= 0; i--)
        len += sprintf(s + len, "%09u", b->d[i]);
    return s;
}

static void show(const char *label, const big *b)
{
    char *s = big_str(b);
    size_t len = strlen(s);
    unsigned sum = 0;
    for (size_t i = 0; i < len; i++)
        sum += s[i] - '0';
    if (len > 70)
        printf("%s = %.30s...%s (%zu digits, digit sum %u)\n", label, s, s + len - 30, len, sum);
    else
        printf("%s = %s\n", label, s);
    free(s);
}

int main(void)
{
    big f = big_new(1), prev = big_new(1);
    for (uint32_t i = 1; i <= 300; i++) {
        big_free(&prev);
        prev = (big){f.n, memcpy(malloc((f.n + 1) * sizeof(uint32_t)), f.d, f.n * sizeof(uint32_t))};
        big_mul_small(&f, i);
        if (i == 20 || i == 25 || i == 52 || i == 100 || i == 300) {
            char label[16];
            snprintf(label, sizeof label, "%u!", i);
            show(label, &f);
        }
    }
    big rem;
    big q = big_div(&f, &prev, &rem);
    show("300!/299!", &q);
    CHECK(q.n == 1 && q.d[0] == 300 && rem.n == 0);
    big_free(&q);
    big_free(&rem);
    big copy = {f.n, memcpy(malloc(f.n * sizeof(uint32_t)), f.d, f.n * sizeof(uint32_t))};
    unsigned zeros = 0;
    while (big_div_small(&copy, 10) == 0)
        zeros++;
    printf("300! ends in %u zeros\n", zeros);
    CHECK(zeros == 74);
    big_free(&copy);

    /* Fibonacci by addition, checked with the doubling identity */
    big a = big_new(0), b = big_new(1);
    big fib[1001];
    fib[0] = big_new(0);
    for (int i = 1; i <= 1000; i++) {
        big c = big_add(&a, &b);
        big_free(&a);
        a = b;
        b = c;
        fib[i] = (big){a.n, memcpy(malloc((a.n + 1) * sizeof(uint32_t)), a.d, a.n * sizeof(uint32_t))};
    }
    show("F(100)", &fib[100]);
    show("F(1000)", &fib[1000]);
    for (int n = 10; n <= 499; n += 61) {
        big two = big_add(&fib[n + 1], &fib[n + 1]);
        big diff = big_sub(&two, &fib[n]);
        big prod = big_mul(&fib[n], &diff);
        CHECK(big_cmp(&prod, &fib[2 * n]) == 0);
        big_free(&two);
        big_free(&diff);
        big_free(&prod);
    }

    /* 2^1000 and 3^500 by repeated squaring; 2^1000 / 3^500 */
    big p2 = big_new(1), base = big_new(2);
    for (unsigned e = 1000; e; e >>= 1) {
        if (e & 1) {
            big t = big_mul(&p2, &base);
            big_free(&p2);
            p2 = t;
        }
        big t = big_mul(&base, &base);
        big_free(&base);
        base = t;
    }
    show("2^1000", &p2);
    big p3 = big_new(1);
    for (int i = 0; i < 500; i++)
        big_mul_small(&p3, 3);
    show("3^500", &p3);
    big q2 = big_div(&p2, &p3, &rem);
    show("2^1000 / 3^500", &q2);
    show("remainder", &rem);
    big back = big_mul(&q2, &p3);
    big sum = big_add(&back, &rem);
    CHECK(big_cmp(&sum, &p2) == 0);

    /* sqrt(2) to 200 digits: isqrt(2 * 10^400) by Newton */
    big n = big_new(2);
    for (int i = 0; i < 400 / 9; i++)
        big_mul_small(&n, BASE);
    for (int i = 0; i < 400 % 9; i++)
        big_mul_small(&n, 10);
    big x = big_new(1);
    for (int i = 0; i < 201 / 9; i++)
        big_mul_small(&x, BASE);
    for (int iter = 0; iter < 40; iter++) {
        big t = big_div(&n, &x, NULL);
        big s = big_add(&x, &t);
        big_div_small(&s, 2);
        big_free(&t);
        int same = big_cmp(&s, &x) == 0;
        big_free(&x);
        x = s;
        if (same)
            break;
    }
    char *digits = big_str(&x);
    printf("sqrt(2) = %c.%.80s...\n", digits[0], digits + 1);
    printf("          ...%s\n", digits + strlen(digits) - 40);
    CHECK(!strncmp(digits, "14142135623730950488016887242096980785696", 41));
    free(digits);
    return guest_done();
}
