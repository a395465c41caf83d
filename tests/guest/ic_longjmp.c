/* Control that leaves calls without returning: longjmp out of call chains of
 * every depth up to well past the return stack's 64 entries, again and
 * again, each time followed by ordinary calls whose returns must still land
 * right (the return stack still holds the abandoned frames' entries); and
 * coroutines switching stacks with swapcontext, a producer and a consumer
 * taking turns, each with calls in flight on its own stack. */
#include <setjmp.h>
#include <stdint.h>
#include <ucontext.h>
#include "guest.h"

static jmp_buf env;
static volatile uint64_t trail;

static __attribute__((noinline)) void dive(int depth, int at)
{
    volatile int keep = depth;
    trail = trail * 3 + (uint64_t)keep;
    if (depth == at)
        longjmp(env, depth + 1);
    if (depth > at)
        return;                 /* never: keeps gcc from calling this infinite */
    dive(depth + 1, at);
    trail += 1000000;           /* never: every dive ends in the longjmp */
}

static __attribute__((noinline)) uint64_t leaf(uint64_t x)
{
    volatile uint64_t k = x;
    return k * 2 + 1;
}

static __attribute__((noinline)) uint64_t chain(int n, uint64_t x)
{
    volatile int keep = n;
    return keep == 0 ? leaf(x) : chain(keep - 1, x) + 1;
}

static uint64_t trail_ref(int at)
{
    uint64_t t = 0;
    for (int d = 0; d <= at; d++)
        t = t * 3 + (uint64_t)d;
    return t;
}

/* Coroutines: the producer yields the squares of 0..N-1 through `slot`. */
#define N 2000
static ucontext_t main_ctx, prod_ctx;
static volatile uint64_t slot;
static volatile int done;
static char prod_stack[64 * 1024];

static __attribute__((noinline)) uint64_t square(uint64_t i)
{
    return i * i;
}

static __attribute__((noinline)) void produce_one(uint64_t i)
{
    slot = square(i);
    swapcontext(&prod_ctx, &main_ctx);    /* yield from two calls deep */
}

static void producer(void)
{
    for (uint64_t i = 0; i < N; i++)
        produce_one(i);
    done = 1;
}

/* Dive to depth `at` and jump back; then calls and returns right after the
 * jump. Returns 1 if anything came out wrong; adds to *sum. */
static __attribute__((noinline)) int jump_from(int at, uint64_t *sum)
{
    trail = 0;
    int r = setjmp(env);
    if (r == 0)
        dive(0, at);
    int wrong = r != at + 1 || trail != trail_ref(at);
    uint64_t c = chain(at % 80, (uint64_t)at);
    wrong |= c != (uint64_t)at * 2 + 1 + (uint64_t)(at % 80);
    *sum += trail + c;
    return wrong;
}

int main(void)
{
    int wrong = 0;
    uint64_t all = 0;
    for (int rep = 0; rep < 20; rep++)
        for (int at = 0; at < 150; at += (at < 70 ? 1 : 7))
            wrong += jump_from(at, &all);
    CHECK(wrong == 0);
    printf("longjmp: %d wrong, sum %016llx\n", wrong, (unsigned long long)all);

    CHECK(getcontext(&prod_ctx) == 0);
    prod_ctx.uc_stack.ss_sp = prod_stack;
    prod_ctx.uc_stack.ss_size = sizeof prod_stack;
    prod_ctx.uc_link = &main_ctx;
    makecontext(&prod_ctx, producer, 0);
    uint64_t got = 0, n = 0;
    wrong = 0;
    for (;;) {
        CHECK(swapcontext(&main_ctx, &prod_ctx) == 0);
        if (done)
            break;
        wrong += slot != square(n) || chain(3, slot) != slot * 2 + 4;
        got += slot;
        n++;
    }
    CHECK(wrong == 0 && n == N);
    CHECK(got == (uint64_t)(N - 1) * N * (2 * N - 1) / 6);
    printf("coroutine: %llu values, sum %llu\n", (unsigned long long)n, (unsigned long long)got);
    return guest_done();
}
