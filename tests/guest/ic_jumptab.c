/* Indirect calls and jumps through the jalr inline cache: tables of function
 * pointers with many targets, some alone in their own 64 KiB window of code
 * (one jalr slot covers one window), called from one site with a target that
 * changes on every call, in order, at random and repeatedly; indirect tail
 * calls (jr, no link); a dense switch (a jump table); and pointers handed
 * back by other functions. Each result is checked against the same formula
 * computed without any indirect jump. */
#include <stdint.h>
#include "guest.h"

/* What function number k computes; the reference and the functions share it. */
#define MIX(k, x) (((x) ^ ((uint64_t)(k) * 0x9e3779b97f4a7c15ull)) * (2 * (uint64_t)(k) + 1) + \
                   ((x) >> ((k) % 13 + 1)))

typedef uint64_t (*fn_t)(uint64_t);

/* Near functions: small, packed together in one or two windows. */
#define NEAR(k) static __attribute__((noinline)) uint64_t near##k(uint64_t x) { return MIX(k, x); }
NEAR(0) NEAR(1) NEAR(2) NEAR(3) NEAR(4) NEAR(5) NEAR(6) NEAR(7)
NEAR(8) NEAR(9) NEAR(10) NEAR(11) NEAR(12) NEAR(13) NEAR(14) NEAR(15)
NEAR(16) NEAR(17) NEAR(18) NEAR(19) NEAR(20) NEAR(21) NEAR(22) NEAR(23)

/* Far functions: each starts a 64 KiB window of its own. */
#define FAR(k) static __attribute__((noinline, aligned(65536))) uint64_t far##k(uint64_t x) \
    { return MIX(k + 100, x); }
FAR(0) FAR(1) FAR(2) FAR(3) FAR(4) FAR(5) FAR(6) FAR(7)

#define NNEAR 24
#define NFAR 8
#define NALL (NNEAR + NFAR)

static const fn_t table[NALL] = {
    near0, near1, near2, near3, near4, near5, near6, near7, near8, near9, near10, near11,
    near12, near13, near14, near15, near16, near17, near18, near19, near20, near21, near22, near23,
    far0, far1, far2, far3, far4, far5, far6, far7,
};

static uint64_t ref(int idx, uint64_t x)
{
    return idx < NNEAR ? MIX(idx, x) : MIX(idx - NNEAR + 100, x);
}

static uint64_t rng_state = 12345;
static uint32_t rng(void)
{
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(rng_state >> 33);
}

/* One call site for every pattern below. */
static __attribute__((noinline)) uint64_t call(fn_t f, uint64_t x)
{
    return f(x);
}

/* An indirect tail call: gcc jumps with jr (no link), so the callee's return
 * goes straight to our caller. */
static __attribute__((noinline)) uint64_t tail(int idx, uint64_t x)
{
    fn_t f = table[idx];
    __asm__ volatile("" : "+r"(f));
    return f(x + 1);
}

/* A dense switch: gcc compiles it to a table of code addresses and a jr. */
static __attribute__((noinline)) uint64_t sw(int k, uint64_t x)
{
    switch (k) {
    case 0: return x * 3 + 1;
    case 1: return x ^ 0x55;
    case 2: return x + 1000;
    case 3: return x * 7;
    case 4: return x - 17;
    case 5: return (x << 3) | 5;
    case 6: return x >> 1;
    case 7: return ~x;
    case 8: return x * x;
    case 9: return x + 99999;
    case 10: return x ^ (x >> 7);
    case 11: return x * 11 + 11;
    default: return x;
    }
}

static uint64_t sw_ref(int k, uint64_t x)
{
    static const uint64_t mul[13] = { 3, 1, 1, 7, 1, 8, 0, 0, 0, 1, 0, 11, 1 };
    if (k == 0 || k == 3 || k == 11)
        return x * mul[k] + (k == 0 ? 1 : k == 11 ? 11 : 0);
    if (k == 1) return x ^ 0x55;
    if (k == 2) return x + 1000;
    if (k == 4) return x - 17;
    if (k == 5) return (x << 3) | 5;
    if (k == 6) return x >> 1;
    if (k == 7) return ~x;
    if (k == 8) return x * x;
    if (k == 9) return x + 99999;
    if (k == 10) return x ^ (x >> 7);
    return x;
}

/* A pointer chosen by one function and called by another. */
static __attribute__((noinline)) fn_t pick(uint64_t x)
{
    return table[(x >> 5) % NALL];
}

int main(void)
{
    uint64_t acc, want;

    /* Every target in order, many times: the window changes on most calls. */
    acc = want = 1;
    for (int r = 0; r < 2000; r++)
        for (int i = 0; i < NALL; i++) {
            acc = call(table[i], acc);
            want = ref(i, want);
        }
    CHECK(acc == want);
    printf("in order:   %016llx\n", (unsigned long long)acc);

    /* Random targets from the same site. */
    acc = want = 2;
    for (int r = 0; r < 60000; r++) {
        int i = (int)(rng() % NALL);
        acc = call(table[i], acc);
        want = ref(i, want);
    }
    CHECK(acc == want);
    printf("random:     %016llx\n", (unsigned long long)acc);

    /* Alternating between two far windows, then one target repeated. */
    acc = want = 3;
    for (int r = 0; r < 20000; r++) {
        int i = NNEAR + (r & 1) * (NFAR - 1);
        acc = call(table[i], acc);
        want = ref(i, want);
    }
    for (int r = 0; r < 20000; r++) {
        acc = call(table[NNEAR + 3], acc);
        want = ref(NNEAR + 3, want);
    }
    CHECK(acc == want);
    printf("alternate:  %016llx\n", (unsigned long long)acc);

    /* Indirect tail calls. */
    acc = want = 4;
    for (int r = 0; r < 30000; r++) {
        int i = (int)(rng() % NALL);
        acc = tail(i, acc);
        want = ref(i, want + 1);
    }
    CHECK(acc == want);
    printf("tail calls: %016llx\n", (unsigned long long)acc);

    /* The switch's jump table, every case and the default. */
    acc = want = 5;
    for (int r = 0; r < 50000; r++) {
        int k = (int)(rng() % 14);
        acc = sw(k, acc);
        want = sw_ref(k, want);
    }
    CHECK(acc == want);
    printf("switch:     %016llx\n", (unsigned long long)acc);

    /* Pointers computed from the data, called from here (a second site). */
    acc = want = 6;
    for (int r = 0; r < 30000; r++) {
        fn_t f = pick(acc);
        int i = (int)((want >> 5) % NALL);
        acc = f(acc);
        want = ref(i, want);
    }
    CHECK(acc == want);
    printf("picked:     %016llx\n", (unsigned long long)acc);
    return guest_done();
}
