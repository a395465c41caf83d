/* mremap, through glibc's realloc of big (mmapped) blocks and called
 * directly: shrinking, growing in place, moving, MREMAP_FIXED, file mappings
 * (private and shared), code that moves while translated, and the errors.
 * Whether a block moved is printed only where Linux decides it (in place
 * without MREMAP_MAYMOVE); addresses never are. Left to the unit tests,
 * because qemu-riscv64 7.2 answers them with ENOMEM where Linux does not: a
 * zero new size (EINVAL) and old size 0 (a second view of shared memory, or
 * EINVAL for private memory). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "guest.h"

#define PG 4096ul

static void *remap(void *old, size_t old_len, size_t new_len, long flags, void *new_addr)
{
    return (void *)syscall(SYS_mremap, old, old_len, new_len, flags, new_addr);
}

/* errno of a call that must fail, or 0 if it succeeded. */
static int fails(void *r)
{
    return r == MAP_FAILED ? errno : 0;
}

static void fill(unsigned char *p, size_t n, unsigned tag)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(i * 13 + i / PG + tag);
}

static int intact(const unsigned char *p, size_t n, unsigned tag)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)(i * 13 + i / PG + tag))
            return 0;
    return 1;
}

static int zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return 0;
    return 1;
}

/* Whether the kernel can read the byte at p: writing it into a pipe fails
 * with EFAULT if not, without a signal. */
static int pipefd[2];

static int readable(const void *p)
{
    char c;
    if (write(pipefd[1], p, 1) != 1)
        return 0;
    CHECK(read(pipefd[0], &c, 1) == 1);
    return 1;
}

static void test_realloc(void)
{
    /* Several big blocks grown and shrunk in turns, so some must move. */
    enum { N = 4 };
    unsigned char *b[N];
    size_t len[N];
    for (int i = 0; i < N; i++) {
        len[i] = (300 + 100 * i) << 10;
        b[i] = malloc(len[i]);
        CHECK(b[i] != NULL);
        fill(b[i], len[i], (unsigned)i);
    }
    int bad = 0;
    for (int round = 0; round < 6; round++) {
        for (int i = 0; i < N; i++) {
            size_t want = round % 3 == 2 ? len[i] / 2 : len[i] * 2 + 12345;
            size_t keep = want < len[i] ? want : len[i];
            unsigned char *p = realloc(b[i], want);
            CHECK(p != NULL);
            if (!p)
                continue;
            bad += !intact(p, keep, (unsigned)i);
            fill(p, want, (unsigned)i);
            b[i] = p;
            len[i] = want;
        }
    }
    unsigned long sum = 0;
    for (int i = 0; i < N; i++) {
        for (size_t k = 0; k < len[i]; k += 977)
            sum += b[i][k];
        free(b[i]);
    }
    printf("realloc: %d blocks damaged, final sizes %zu %zu %zu %zu, sum %lu\n",
           bad, len[0], len[1], len[2], len[3], sum);
    CHECK(bad == 0);
}

static void test_anon(void)
{
    unsigned char *p = mmap(NULL, 8 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    if (p == MAP_FAILED)
        return;
    fill(p, 8 * PG, 1);

    /* Shrink: the tail is unmapped. */
    CHECK(remap(p, 8 * PG, 4 * PG, 0, NULL) == p);
    printf("shrink: kept %d, tail readable %d\n", intact(p, 4 * PG, 1), readable(p + 4 * PG));

    /* Grow in place into the space just freed. */
    CHECK(remap(p, 4 * PG, 6 * PG, 0, NULL) == p);
    printf("grow in place: kept %d, new part zero %d\n", intact(p, 4 * PG, 1), zero(p + 4 * PG, 2 * PG));

    /* Blocked by a mapping right after it. */
    unsigned char *wall = mmap(p + 6 * PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    CHECK(wall == p + 6 * PG);
    printf("blocked, no MAYMOVE: errno %d\n", fails(remap(p, 6 * PG, 7 * PG, 0, NULL)));
    fill(p, 6 * PG, 2);
    unsigned char *q = remap(p, 6 * PG, 10 * PG, MREMAP_MAYMOVE, NULL);
    CHECK(q != MAP_FAILED && q != p);
    if (q == MAP_FAILED)
        return;
    printf("moved: kept %d, new part zero %d, old range readable %d, wall there %d\n",
           intact(q, 6 * PG, 2), zero(q + 6 * PG, 4 * PG), readable(p),
           readable(wall));
    q[10 * PG - 1] = 7;

    /* FIXED onto part of another mapping. */
    unsigned char *t = mmap(NULL, 6 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(t != MAP_FAILED);
    memset(t, 0xcc, 6 * PG);
    fill(q, 10 * PG, 3);
    CHECK(remap(q, 10 * PG, 4 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, t) == t);
    printf("fixed: moved %d, rest of target %s, old range readable %d\n", intact(t, 4 * PG, 3),
           t[4 * PG] == 0xcc && t[6 * PG - 1] == 0xcc ? "intact" : "damaged", readable(q));

    /* Read-only memory moves read-only: the kernel may read it, not write. */
    CHECK(mprotect(t, 4 * PG, PROT_READ) == 0);
    unsigned char *r = remap(t, 4 * PG, 5 * PG, MREMAP_MAYMOVE, NULL);
    CHECK(r != MAP_FAILED);
    if (r != MAP_FAILED) {
        int fds[2];
        CHECK(pipe(fds) == 0 && write(fds[1], "z", 1) == 1);
        printf("read-only moved: kept %d, writable %d\n", intact(r, 4 * PG, 3), read(fds[0], r, 1) == 1);
        close(fds[0]);
        close(fds[1]);
        munmap(r, 5 * PG);
    }

    /* The errors. */
    unsigned char *e = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(e != MAP_FAILED);
    munmap(e + PG, PG);                     /* one mapped page, free after it */
    printf("unknown flag: %d\n", fails(remap(e, PG, 2 * PG, 0x80, NULL)));
    printf("misaligned: %d\n", fails(remap(e + 1, PG, 2 * PG, MREMAP_MAYMOVE, NULL)));
    printf("FIXED without MAYMOVE: %d\n", fails(remap(e, PG, PG, MREMAP_FIXED, t)));
    printf("FIXED misaligned target: %d\n", fails(remap(e, PG, PG, MREMAP_MAYMOVE | MREMAP_FIXED, t + 1)));
    printf("FIXED overlapping: %d\n", fails(remap(e, PG, PG, MREMAP_MAYMOVE | MREMAP_FIXED, e)));
    printf("DONTUNMAP resizing: %d\n", fails(remap(e, PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL)));
    printf("unmapped: %d\n", fails(remap(e + PG, PG, 2 * PG, MREMAP_MAYMOVE, NULL)));
    printf("past the mapping: %d\n", fails(remap(e, 2 * PG, 3 * PG, MREMAP_MAYMOVE, NULL)));
    munmap(e, PG);
    munmap(wall, PG);
}

static void test_files(void)
{
    char path[] = "mremap.XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    unlink(path);
    static unsigned char file[8 * PG];
    fill(file, sizeof file, 5);
    CHECK(write(fd, file, sizeof file) == (ssize_t)sizeof file);

    /* Five pages, so that the ones after the first two are ours to free
     * and to put a wall in. */
    unsigned char *p = mmap(NULL, 5 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    CHECK(p != MAP_FAILED);
    munmap(p + 2 * PG, 3 * PG);             /* two file pages, free after them */
    p[3] = 0x99;                            /* a private change */
    CHECK(remap(p, 2 * PG, 4 * PG, 0, NULL) == p);
    printf("private file grown in place: change kept %d, file pages %d\n", p[3] == 0x99,
           !memcmp(p + 4, file + 4, 4 * PG - 4));
    unsigned char *wall = mmap(p + 4 * PG, PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    CHECK(wall == p + 4 * PG);
    unsigned char *q = remap(p, 4 * PG, 6 * PG, MREMAP_MAYMOVE, NULL);
    CHECK(q != MAP_FAILED);
    if (q != MAP_FAILED) {
        printf("private file moved: change kept %d, file pages %d, old readable %d\n", q[3] == 0x99,
               !memcmp(q + 4, file + 4, 6 * PG - 4), readable(p));
        q[PG] = 0x42;
        unsigned char b;
        CHECK(pread(fd, &b, 1, PG) == 1);
        printf("private write reaches the file: %d\n", b == 0x42);
        munmap(q, 6 * PG);
    }

    unsigned char *s = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 2 * PG);
    CHECK(s != MAP_FAILED);
    unsigned char *w2 = mmap(s + 2 * PG, PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    CHECK(w2 == s + 2 * PG);
    unsigned char *s2 = remap(s, 2 * PG, 3 * PG, MREMAP_MAYMOVE, NULL);
    CHECK(s2 != MAP_FAILED);
    if (s2 != MAP_FAILED) {
        s2[2 * PG + 7] = 0x5a;
        unsigned char b;
        CHECK(pread(fd, &b, 1, 4 * PG + 7) == 1);
        printf("shared file moved: contents %d, write reaches the file %d\n",
               !memcmp(s2, file + 2 * PG, 2 * PG), b == 0x5a);
        munmap(s2, 3 * PG);
    }
    munmap(wall, PG);
    munmap(w2, PG);
    close(fd);
}

typedef long (*fn_t)(void);

/* "return k" (0 <= k < 2048) as machine code; returns its length. */
static size_t ret_const(unsigned char *p, int k)
{
#if defined(__riscv)
    uint32_t w[2] = { (uint32_t)k << 20 | 10u << 7 | 0x13, 0x00008067 };   /* addi a0, zero, k; ret */
#elif defined(__x86_64__)
    unsigned char w[6] = { 0xb8, (unsigned char)k, (unsigned char)(k >> 8), 0, 0, 0xc3 }; /* mov eax, k; ret */
#else
#error "no code for this machine"
#endif
    memcpy(p, w, sizeof w);
    return sizeof w;
}

static __attribute__((noinline)) long call(fn_t f)
{
    return f();
}

/* Code that has run (and been translated) moves away, and other code is
 * mapped where it was, without a store: the old translation must not run. */
static void test_code(void)
{
    char path[] = "mremap.XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    unlink(path);
    static unsigned char file[2 * PG];
    ret_const(file, 100);
    ret_const(file + PG, 101);
    CHECK(write(fd, file, sizeof file) == (ssize_t)sizeof file);

    int wrong = 0;
    for (int round = 0; round < 8; round++) {
        unsigned char *a = mmap(NULL, 2 * PG, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0);
        CHECK(a != MAP_FAILED);
        if (a == MAP_FAILED)
            break;
        for (int i = 0; i < 20; i++)
            wrong += call((fn_t)(uintptr_t)a) != 100;
        unsigned char *b = remap(a, PG, PG, MREMAP_MAYMOVE | MREMAP_FIXED, a + PG);
        CHECK(b == a + PG);
        wrong += call((fn_t)(uintptr_t)b) != 100;
        CHECK(mmap(a, PG, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_FIXED, fd, PG) == a);
        for (int i = 0; i < 20; i++)
            wrong += call((fn_t)(uintptr_t)a) != 101;
        munmap(a, 2 * PG);
    }
    printf("code moved and replaced: %d wrong\n", wrong);
    CHECK(wrong == 0);
    close(fd);
}

int main(void)
{
    CHECK(pipe(pipefd) == 0);
    test_realloc();
    test_anon();
    test_files();
    test_code();
    return guest_done();
}
