/* Counts the primes below a limit with a sieve of Eratosthenes, then the
 * twin primes among them, and prints the largest few: a small, loop-heavy
 * program for the demo (`make demo`). Usage: primes [LIMIT], default 5000000. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    long limit = argc > 1 ? atol(argv[1]) : 5000000;
    if (limit < 3) {
        fprintf(stderr, "usage: primes [LIMIT >= 3]\n");
        return 1;
    }
    char *composite = calloc((size_t)limit, 1);
    if (!composite) {
        perror("primes");
        return 1;
    }
    for (long i = 2; i * i < limit; i++)
        if (!composite[i])
            for (long j = i * i; j < limit; j += i)
                composite[j] = 1;

    long count = 0, twins = 0, last[5] = { 0 };
    for (long i = 2; i < limit; i++) {
        if (composite[i])
            continue;
        count++;
        if (i >= 5 && !composite[i - 2])
            twins++;
        memmove(last, last + 1, sizeof last - sizeof last[0]);
        last[4] = i;
    }
    printf("%ld primes below %ld, %ld twin pairs\n", count, limit, twins);
    printf("largest:");
    for (int k = 0; k < 5; k++)
        if (last[k])
            printf(" %ld", last[k]);
    printf("\n");
    free(composite);
    return 0;
}
