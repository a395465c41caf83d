/* A minimal unit-test layer: CHECK records a failure with its location and goes
 * on; t_done prints the tally line that tests/run.sh adds up. */
#ifndef T_H
#define T_H

#include <stdio.h>

static int t_pass, t_fail;

#define CHECK(cond, ...) do { \
        if (cond) { t_pass++; } else { \
            t_fail++; \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
            fprintf(stderr, __VA_ARGS__); \
            fputc('\n', stderr); \
        } \
    } while (0)

/* Prints "NAME: N passed, M failed" and returns the exit status for main. */
static inline int t_done(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, t_pass, t_fail);
    return t_fail ? 1 : 0;
}

#endif
