/* The initial stack as main sees it: argc, every argv string (including
 * empty ones and long ones), the environment, and getenv. argv[0] is printed
 * without its directory, which differs between the builds; the environment
 * is printed sorted, since qemu-riscv64 hands it over in reverse order. */
#include <stdlib.h>
#include <string.h>
#include "guest.h"

extern char **environ;

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv, char **envp)
{
    printf("argc %d\n", argc);
    const char *slash = strrchr(argv[0], '/');
    printf("argv[0] %s\n", slash ? slash + 1 : argv[0]);
    for (int i = 1; i < argc; i++) {
        size_t len = strlen(argv[i]);
        if (len > 60)
            printf("argv[%d] (%zu bytes) %.20s...%s\n", i, len, argv[i], argv[i] + len - 20);
        else
            printf("argv[%d] \"%s\"\n", i, argv[i]);
    }
    CHECK(argv[argc] == NULL);
    int n = 0;
    while (envp[n])
        n++;
    qsort(envp, n, sizeof envp[0], by_string);
    for (int i = 0; i < n; i++)
        printf("env %s\n", envp[i]);
    printf("%d environment entries\n", n);
    CHECK(envp == environ);
    /* envp starts right after argv's NULL, as the ABI lays them out */
    CHECK(envp == argv + argc + 1);
    const char *v = getenv("GUEST_TEST_VAR");
    printf("getenv GUEST_TEST_VAR: %s\n", v ? v : "(unset)");
    printf("getenv NOT_SET_ANYWHERE: %s\n", getenv("NOT_SET_ANYWHERE") ? "set" : "(unset)");
    return guest_done();
}
