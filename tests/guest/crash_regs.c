/* The guest of tests/crash.sh: crash_here(A0, A1, FA0), where
 * --debug-crash=code:ADDRESS-OF-crash_point makes rvdbt fault in the
 * translated code of crash_here's first block, after it changed a0 and t3:
 * the crash report must show a0 = A0 + 1 and a1 = A1 (which live in host
 * registers there, their values in the state block older), t3 = 0x7777 (a
 * block-local register, written back later) and fa0 = FA0. With the
 * argument "thread" the call is made on a second thread. Run normally, it
 * prints the sum. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define A0 0x1111222233334444L
#define A1 0x5555L
#define FA0 2.5

__attribute__((noinline)) long crash_here(long a, long b, double d)
{
    register long x10 __asm__("a0") = a;
    register long x11 __asm__("a1") = b;
    register long x28 __asm__("t3");
    __asm__ volatile("addi a0, a0, 1\n\t"
                     "li t3, 0x7777\n"
                     ".globl crash_point\n"
                     "crash_point:\n\t"
                     "add a0, a0, t3"
                     : "+r"(x10), "=&r"(x28)
                     : "r"(x11));
    return x10 + x11 + (long)d;
}

static void *call(void *arg)
{
    *(long *)arg = crash_here(A0, A1, FA0);
    return NULL;
}

int main(int argc, char **argv)
{
    long r = 0;
    printf("before the crash\n");
    fflush(stdout);
    if (argc > 1 && !strcmp(argv[1], "thread")) {
        pthread_t t;
        if (pthread_create(&t, NULL, call, &r) != 0 || pthread_join(t, NULL) != 0)
            return 1;
    } else {
        call(&r);
    }
    printf("%ld\n", r);
    return 0;
}
