/* Recursion: doubly recursive Fibonacci, Ackermann's function and
 * Takeuchi's tarai, deep and shallow call trees with little work per call
 * (call overhead and return-address prediction). Check: fib against the
 * iterative sum, ackermann(2, n) = 2n + 3 and ackermann(3, n) = 2^(n+3) - 3,
 * and tarai against McCarthy's closed form: y if x <= y, else z if y <= z,
 * else x. */
#include "bench.h"

static uint64_t fib(int n)
{
    return n < 2 ? (uint64_t)n : fib(n - 1) + fib(n - 2);
}

static uint64_t ackermann(uint64_t m, uint64_t n)
{
    while (m) {
        n = n ? ackermann(m, n - 1) : 1;
        m--;
    }
    return n + 1;
}

static int tarai(int x, int y, int z)
{
    return x <= y ? y : tarai(tarai(x - 1, y, z), tarai(y - 1, z, x), tarai(z - 1, x, y));
}

static uint64_t recursion_run(long scale)
{
    uint64_t h = 0;
    for (long r = 0; r < scale; r++) {
        int n = 20 + (int)(r % 4);
        uint64_t a = 0, b = 1;
        for (int i = 0; i < n; i++) {
            uint64_t t = a + b;
            a = b;
            b = t;
        }
        uint64_t f = fib(n);
        if (f != a)
            bench_fail("fib(%d) = %llu recursively, %llu iteratively", n,
                       (unsigned long long)f, (unsigned long long)a);
        uint64_t k = 4 + (uint64_t)(r % 3);
        uint64_t a2 = ackermann(2, 100 + k), a3 = ackermann(3, k);
        if (a2 != 2 * (100 + k) + 3 || a3 != (1ull << (k + 3)) - 3)
            bench_fail("ackermann(2, %llu) = %llu, ackermann(3, %llu) = %llu",
                       (unsigned long long)(100 + k), (unsigned long long)a2,
                       (unsigned long long)k, (unsigned long long)a3);
        int x = 8 + (int)(r % 3), y = x / 2 - (int)(r % 2), z = (int)(r % 5) - 2;
        int t = tarai(x, y, z), want = x <= y ? y : y <= z ? z : x;
        if (t != want)
            bench_fail("tarai(%d, %d, %d) = %d, the closed form gives %d", x, y, z, t, want);
        h = bench_mix(bench_mix(bench_mix(h, f), a3), (uint64_t)t);
    }
    return h;
}

BENCH_MAIN(recursion, 100)
