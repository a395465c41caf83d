/* The address space pushed to its limits. Huge requests fail as riscv64
 * Linux fails them: 128 TiB (1 << 47, more than any riscv64 Linux gives a
 * mapping without an address hint, and more than x86-64 has) or more, with
 * or without MAP_NORESERVE, private or shared, accessible or PROT_NONE, gets
 * ENOMEM, as do sizes that round up past the end of the address space (-1,
 * -4096) and a fixed mapping that would wrap; a zero size or a fixed address
 * off a page boundary gets EINVAL, munmap of a range past the user range
 * EINVAL, mprotect of a range never mapped ENOMEM. Not here: sizes below
 * 1 << 47, which qemu-riscv64 (the oracle) maps when the host has room
 * where riscv64 Linux on Sv39 refuses anything past 256 GiB, and whose
 * page tables then take it gigabytes and a minute. Then thirty thousand
 * small mappings: one page each, every other one made read-only so that
 * neighbours cannot merge into one mapping, each written
 * with its own pattern, all read back, then all unmapped; the space they
 * held maps again, zero-filled. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "guest.h"

#define SMALL 30000

static const char *err_name(int e)
{
    return e == ENOMEM ? "ENOMEM" : e == EINVAL ? "EINVAL" : e == EFAULT ? "EFAULT" : "other";
}

/* One mmap that must fail with want. */
static void refused(const char *what, void *addr, size_t len, int prot, int flags, int want)
{
    errno = 0;
    void *p = mmap(addr, len, prot, flags, -1, 0);
    int e = errno;
    printf("mmap %s: %s\n", what, p == MAP_FAILED ? err_name(e) : "mapped");
    CHECK(p == MAP_FAILED && e == want);
    if (p != MAP_FAILED)
        munmap(p, len);
}

static void test_huge(void)
{
    static const struct {
        const char *name;
        size_t len;
    } sizes[] = {
        { "1<<47", 1ul << 47 }, { "1<<48", 1ul << 48 }, { "1<<63", 1ul << 63 }, { "-4096", (size_t)-4096 }, { "-1", (size_t)-1 },
    };
    static const struct {
        const char *name;
        int prot, flags;
    } kinds[] = {
        { "private", PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS },
        { "noreserve", PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE },
        { "none", PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE },
        { "shared", PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS },
    };
    char what[64];
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
        for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
            snprintf(what, sizeof what, "%s %s", sizes[s].name, kinds[k].name);
            refused(what, NULL, sizes[s].len, kinds[k].prot, kinds[k].flags, ENOMEM);
        }
    int anon = MAP_PRIVATE | MAP_ANONYMOUS;
    refused("size 0", NULL, 0, PROT_READ, anon, EINVAL);
    refused("fixed, wrapping", (void *)-4096ul, 8192, PROT_READ, anon | MAP_FIXED, ENOMEM);
    refused("fixed, unaligned", (void *)4097, 4096, PROT_READ, anon | MAP_FIXED, EINVAL);
    refused("neither shared nor private", NULL, 4096, PROT_READ, MAP_ANONYMOUS, EINVAL);

    /* A hint at the top of the address space is only a hint. */
    void *p = mmap((void *)-4096ul, 4096, PROT_READ | PROT_WRITE, anon, -1, 0);
    CHECK(p != MAP_FAILED);
    if (p != MAP_FAILED) {
        *(volatile char *)p = 1;
        munmap(p, 4096);
    }
    errno = 0;
    CHECK(munmap(NULL, 1ul << 47) == -1 && errno == EINVAL);
    errno = 0;
    CHECK(mprotect((void *)(1ul << 36), 1ul << 36, PROT_READ) == -1 && errno == ENOMEM);
    printf("huge: done\n");
}

static uint32_t pattern(size_t i, size_t w)
{
    return (uint32_t)(i * 2654435761u) ^ (uint32_t)(w * 40503u);
}

static void test_many(void)
{
    static uint32_t *maps[SMALL];
    size_t made = 0, wrong = 0, prot_failed = 0;
    for (size_t i = 0; i < SMALL; i++) {
        maps[i] = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (maps[i] == MAP_FAILED) {
            printf("mapping %zu failed: %s\n", i, strerror(errno));
            break;
        }
        made++;
        /* touch: the first, last and one middle word of the page */
        maps[i][0] = pattern(i, 0);
        maps[i][i % 1024] = pattern(i, i % 1024);
        maps[i][1023] = pattern(i, 1023);
        if (i % 2 && mprotect(maps[i], 4096, PROT_READ) != 0)
            prot_failed++;
    }
    for (size_t i = 0; i < made; i++)
        wrong += maps[i][0] != pattern(i, 0) || maps[i][i % 1024] != pattern(i, i % 1024) ||
                 maps[i][1023] != pattern(i, 1023) || (i % 1024 != 1 && maps[i][1] != 0);
    size_t unmapped = 0;
    for (size_t i = 0; i < made; i++)
        unmapped += munmap(maps[i], 4096) == 0;
    printf("many: %zu mapped, %zu wrong, %zu unmapped\n", made, wrong, unmapped);
    CHECK(made == SMALL && wrong == 0 && prot_failed == 0 && unmapped == SMALL);

    /* The space is free again: one big mapping of the same size, all zero. */
    size_t len = (size_t)SMALL * 4096;
    uint64_t *big = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(big != MAP_FAILED);
    if (big != MAP_FAILED) {
        uint64_t sum = 0;
        for (size_t i = 0; i < len / 8; i += 512)
            sum += big[i];
        CHECK(sum == 0);
        munmap(big, len);
    }
}

int main(void)
{
    test_huge();
    test_many();
    return guest_done();
}
