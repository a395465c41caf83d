/* Calls and returns around the 64-entry return-address stack: recursion to
 * depths just below, at and just past its size and far beyond it (the stack
 * wraps and later returns miss), mutual recursion through three functions,
 * tree recursion whose depth goes up and down, and returns reached through
 * function pointers. Results are checked against closed forms. */
#include <stdint.h>
#include "guest.h"

/* The volatile read after the call keeps it a real call, not a loop. */
static __attribute__((noinline)) uint64_t tri(uint32_t n)
{
    volatile uint32_t keep = n;
    if (n == 0)
        return 0;
    uint64_t below = tri(n - 1);
    return below + keep;
}

/* Mutual recursion a -> b -> c -> a, each adding its own weight. */
static uint64_t mb(uint32_t n);
static uint64_t mc(uint32_t n);
static __attribute__((noinline)) uint64_t ma(uint32_t n)
{
    volatile uint32_t k = n;
    return n == 0 ? 0 : mb(k - 1) + 1;
}
static __attribute__((noinline)) uint64_t mb(uint32_t n)
{
    volatile uint32_t k = n;
    return n == 0 ? 0 : mc(k - 1) + 10;
}
static __attribute__((noinline)) uint64_t mc(uint32_t n)
{
    volatile uint32_t k = n;
    return n == 0 ? 0 : ma(k - 1) + 100;
}

static uint64_t mutual_ref(uint32_t n)
{
    static const uint64_t w[3] = { 1, 10, 100 };
    uint64_t s = 0;
    for (uint32_t i = 0; i < n; i++)
        s += w[i % 3];
    return s;
}

/* Ackermann(2, n) = 2n + 3 and Ackermann(3, n) = 2^(n+3) - 3: deep, irregular
 * call trees. */
static __attribute__((noinline)) uint64_t ack(uint64_t m, uint64_t n)
{
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

/* Recursion through a function pointer: every level's call is a jalr. */
typedef uint64_t (*step_fn)(uint32_t, uint64_t);
static uint64_t via_b(uint32_t n, uint64_t x);
static __attribute__((noinline)) uint64_t via_a(uint32_t n, uint64_t x)
{
    static volatile step_fn next = via_b;
    return n == 0 ? x : next(n - 1, x * 3 + 1) ^ n;
}
static __attribute__((noinline)) uint64_t via_b(uint32_t n, uint64_t x)
{
    static volatile step_fn next = via_a;
    return n == 0 ? x : next(n - 1, x + n) + 7;
}

static uint64_t via_ref(uint32_t n, uint64_t x, int a)
{
    /* Unrolled: level i (from the top) applies its forward step, and on the
     * way back up its backward step. */
    if (n == 0)
        return x;
    if (a)
        return via_ref(n - 1, x * 3 + 1, 0) ^ n;
    return via_ref(n - 1, x + n, 1) + 7;
}

int main(void)
{
    static const uint32_t depths[] = { 1, 2, 31, 62, 63, 64, 65, 66, 127, 128, 129, 200, 1000, 5000 };
    uint64_t all = 0;
    for (int rep = 0; rep < 30; rep++)
        for (size_t i = 0; i < sizeof depths / sizeof depths[0]; i++) {
            uint32_t d = depths[i];
            uint64_t t = tri(d), m = ma(d);
            CHECK(t == (uint64_t)d * (d + 1) / 2);
            CHECK(m == mutual_ref(d));
            if (rep == 0)
                printf("depth %4u: tri %8llu, mutual %8llu\n", d, (unsigned long long)t,
                       (unsigned long long)m);
            all += t + m;
        }
    printf("sum %llu\n", (unsigned long long)all);

    for (uint64_t n = 0; n < 8; n++) {
        CHECK(ack(2, n) == 2 * n + 3);
        CHECK(ack(3, n) == (1ull << (n + 3)) - 3);
    }
    printf("ack(3, 7) = %llu\n", (unsigned long long)ack(3, 7));

    for (uint32_t n = 60; n < 70; n++)
        CHECK(via_a(n, n) == via_ref(n, n, 1));
    printf("via pointers: %016llx\n", (unsigned long long)via_a(300, 1));
    CHECK(via_a(300, 1) == via_ref(300, 1, 1));
    return guest_done();
}
