/* setjmp/longjmp: non-local returns across many frames restore sp, ra and the
 * callee-saved registers; a translator that caches return addresses or keeps
 * guest registers in host registers across calls must get this right. */
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include "guest.h"

static jmp_buf outer, inner;
static int unwound;

static __attribute__((noinline)) void dive(int depth, int val)
{
    volatile char pad[64];
    memset((char *)pad, depth, sizeof pad);
    if (depth > 0)
        dive(depth - 1, val);
    else if (val > 0)
        longjmp(outer, val);
    unwound++;              /* not reached for val > 0: longjmp skips every frame */
}

static __attribute__((noinline)) int nested(int n)
{
    volatile int local = n * 10;
    int r = setjmp(inner);
    if (r == 0) {
        local += 1;
        longjmp(inner, n + 1);
    }
    return r * 1000 + local;
}

int main(void)
{
    volatile int count = 0;
    int r = setjmp(outer);
    printf("setjmp returned %d, count %d\n", r, count);
    if (count < 5) {
        count++;
        dive(count * 100, count);
    }
    CHECK(r == 5 && count == 5);
    CHECK(unwound == 0);

    /* longjmp(env, 0) makes setjmp return 1. */
    volatile int zero_seen = 0;
    r = setjmp(outer);
    if (!zero_seen) {
        zero_seen = 1;
        longjmp(outer, 0);
    }
    printf("longjmp 0 gives %d\n", r);
    CHECK(r == 1);

    int sum = 0;
    for (int i = 0; i < 10; i++)
        sum += nested(i);
    printf("nested sum %d\n", sum);
    CHECK(sum == 55 * 1000 + 450 + 10);

    /* siglongjmp with a saved mask undoes a sigprocmask done after sigsetjmp. */
    sigjmp_buf sj;
    sigset_t set, cur;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    volatile int jumped = 0;
    if (sigsetjmp(sj, 1) == 0) {
        sigprocmask(SIG_BLOCK, &set, NULL);
        sigprocmask(SIG_SETMASK, NULL, &cur);
        printf("blocked before siglongjmp: %d\n", sigismember(&cur, SIGUSR1));
        jumped = 1;
        siglongjmp(sj, 7);
    }
    sigprocmask(SIG_SETMASK, NULL, &cur);
    printf("blocked after siglongjmp: %d (jumped %d)\n", sigismember(&cur, SIGUSR1), jumped);
    CHECK(jumped == 1 && !sigismember(&cur, SIGUSR1));
    return guest_done();
}
