/* Deep and call-heavy recursion: 100000 real frames (the volatile read after
 * the call keeps gcc from turning it into a loop), mutual recursion, and
 * millions of short calls and returns. */
#include <stdint.h>
#include "guest.h"

static __attribute__((noinline)) uint64_t depth_sum(uint32_t n)
{
    volatile uint32_t keep = n;
    if (n == 0)
        return 0;
    uint64_t below = depth_sum(n - 1);
    return below + keep;
}

static int is_odd(unsigned n);
static __attribute__((noinline)) int is_even(unsigned n)
{
    volatile unsigned k = n;
    return k == 0 ? 1 : is_odd(k - 1) + 0 * k;
}
static __attribute__((noinline)) int is_odd(unsigned n)
{
    volatile unsigned k = n;
    return k == 0 ? 0 : is_even(k - 1) + 0 * k;
}

static __attribute__((noinline)) unsigned fib(unsigned n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static __attribute__((noinline)) unsigned ackermann(unsigned m, unsigned n)
{
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

int main(void)
{
    uint64_t s = depth_sum(100000);
    printf("depth_sum(100000) = %llu\n", (unsigned long long)s);
    CHECK(s == 100000ull * 100001 / 2);

    printf("is_even(50001) = %d, is_odd(50001) = %d\n", is_even(50001), is_odd(50001));
    CHECK(!is_even(50001) && is_odd(50001));

    unsigned f = fib(27);
    printf("fib(27) = %u\n", f);
    CHECK(f == 196418);

    unsigned a = ackermann(2, 300);
    printf("ackermann(2, 300) = %u\n", a);
    CHECK(a == 2 * 300 + 3);
    unsigned b = ackermann(3, 6);
    printf("ackermann(3, 6) = %u\n", b);
    CHECK(b == (1u << 9) - 3);
    return guest_done();
}
