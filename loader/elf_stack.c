/* The initial guest stack, laid out as Linux's fs/exec.c and
 * fs/binfmt_elf.c (create_elf_tables) do for riscv64, from the top down:
 *
 *   8 bytes of zero at the very top of the stack mapping
 *   execfn string                      <- AT_EXECFN
 *   envp strings, argv strings         (argv[0] lowest)
 *   (align down to 16)
 *   16 random bytes                    <- AT_RANDOM
 *   auxv pairs ending with AT_NULL
 *   NULL, envp pointers, NULL, argv pointers, argc   <- sp, 16-byte aligned
 *
 * Linux also randomises the position below the strings and, through riscv's
 * ARCH_DLINFO, passes the vDSO and cache geometry; rvdbt has no vDSO to offer
 * and no useful cache sizes, and a fixed layout keeps runs reproducible. */
#include "loader/elf_load.h"

#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#define ELF_STACK_SIZE (8ull << 20)
/* One unmapped page above the stack, so the top of the guest space is never
 * a valid address. */
#define ELF_STACK_TOP (MMU_GUEST_SIZE - MMU_PAGE_SIZE)
/* Like Linux, arguments and environment may use at most a quarter of the
 * stack (the kernel's _STK_LIM / 4 check in get_arg_page). */
#define ELF_ARGS_MAX (ELF_STACK_SIZE / 4)
#define ELF_N_AUXV 17           /* entries below, AT_NULL included */

static uint64_t stack_err(char *err, size_t errlen, const char *msg, const char *detail)
{
    snprintf(err, errlen, "%s%s%s", msg, detail ? ": " : "", detail ? detail : "");
    return 0;
}

/* Copy s just below *p and return where it went. */
static uint64_t push_string(struct mmu *m, uint64_t *p, const char *s)
{
    size_t n = strlen(s) + 1;
    *p -= n;
    memcpy(mmu_host(m, *p), s, n);
    return *p;
}

static void put64(struct mmu *m, uint64_t *at, uint64_t v)
{
    memcpy(mmu_host(m, *at), &v, 8);
    *at += 8;
}

uint64_t elf_build_stack(struct mmu *m, const struct elf_image *img, uint64_t at_base,
                         int argc, char *const argv[], char *const envp[],
                         const char *execfn, char *err, size_t errlen)
{
    size_t envc = 0, strings = strlen(execfn) + 1;
    while (envp && envp[envc])
        strings += strlen(envp[envc++]) + 1;
    for (int i = 0; i < argc; i++)
        strings += strlen(argv[i]) + 1;
    size_t words = 1 + (size_t)argc + 1 + envc + 1 + 2 * ELF_N_AUXV;
    if (strings + words * 8 + 64 > ELF_ARGS_MAX)
        return stack_err(err, errlen, "argument list too long", NULL);

    uint64_t lo = ELF_STACK_TOP - ELF_STACK_SIZE;
    if (mmu_find_free(m, lo, ELF_STACK_SIZE) != lo)
        return stack_err(err, errlen, "the program occupies the stack area", NULL);
    int e = mmu_map(m, lo, ELF_STACK_SIZE, MMU_R | MMU_W, MMU_F_STACK, -1, 0);
    if (e)
        return stack_err(err, errlen, "cannot map the stack", strerror(-e));

    uint64_t *ptrs = malloc((argc + envc + 1) * sizeof(*ptrs));
    if (!ptrs)
        return stack_err(err, errlen, "out of memory", NULL);
    uint64_t p = ELF_STACK_TOP - 8;
    uint64_t execfn_at = push_string(m, &p, execfn);
    /* Last string first, so that each list reads upward in order. */
    for (size_t i = envc; i-- > 0;)
        ptrs[argc + i] = push_string(m, &p, envp[i]);
    for (int i = argc; i-- > 0;)
        ptrs[i] = push_string(m, &p, argv[i]);

    p &= ~15ull;
    p -= 16;
    uint8_t rnd[16];
    if (getrandom(rnd, sizeof(rnd), 0) != sizeof(rnd)) {
        free(ptrs);
        return stack_err(err, errlen, "getrandom failed", NULL);
    }
    memcpy(mmu_host(m, p), rnd, sizeof(rnd));
    uint64_t random_at = p;

    /* Linux's order (create_elf_tables), minus ARCH_DLINFO. */
    const uint64_t auxv[][2] = {
        { AT_HWCAP, ELF_RV_HWCAP },
        { AT_PAGESZ, MMU_PAGE_SIZE },
        /* times() and clock() values come straight from the host, so the
         * guest must count in the host's ticks. */
        { AT_CLKTCK, (uint64_t)sysconf(_SC_CLK_TCK) },
        { AT_PHDR, img->phdr },
        { AT_PHENT, img->phent },
        { AT_PHNUM, img->phnum },
        { AT_BASE, at_base },
        { AT_FLAGS, 0 },
        { AT_ENTRY, img->entry },
        { AT_UID, getuid() },
        { AT_EUID, geteuid() },
        { AT_GID, getgid() },
        { AT_EGID, getegid() },
        { AT_SECURE, 0 },
        { AT_RANDOM, random_at },
        { AT_EXECFN, execfn_at },
        { AT_NULL, 0 },
    };
    _Static_assert(sizeof(auxv) == ELF_N_AUXV * sizeof(auxv[0]), "ELF_N_AUXV counts auxv");
    uint64_t sp = (p - words * 8) & ~15ull, at = sp;
    put64(m, &at, (uint64_t)argc);
    for (int i = 0; i < argc; i++)
        put64(m, &at, ptrs[i]);
    put64(m, &at, 0);
    for (size_t i = 0; i < envc; i++)
        put64(m, &at, ptrs[argc + i]);
    put64(m, &at, 0);
    for (size_t i = 0; i < ELF_N_AUXV; i++) {
        put64(m, &at, auxv[i][0]);
        put64(m, &at, auxv[i][1]);
    }
    free(ptrs);
    return sp;
}
