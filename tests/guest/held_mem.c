/* Memory: malloc/calloc/realloc/free in patterns that use the brk heap, its
 * growth and trimming, and mmap'ed chunks (large blocks, realloc of them goes
 * through mremap), aligned allocation, memmove/memcpy over overlapping and
 * unaligned ranges, and the string.h and ctype.h functions. */
#define _GNU_SOURCE
#include <ctype.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "guest.h"

static uint32_t rng = 2463534242u;

static uint32_t xorshift(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(seed + i * 7 + (i >> 8));
}

static int check_fill(const unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)(seed + i * 7 + (i >> 8)))
            return 0;
    return 1;
}

static void heap_churn(void)
{
    enum { SLOTS = 300 };
    static unsigned char *slot[SLOTS];
    static size_t size[SLOTS];
    unsigned long total = 0, ops = 0;
    for (int round = 0; round < 3000; round++) {
        int i = xorshift() % SLOTS;
        if (slot[i]) {
            CHECK(check_fill(slot[i], size[i], (unsigned)i));
            if (xorshift() % 3 == 0) {
                size_t nsize = xorshift() % 5000 + 1;
                unsigned char *p = realloc(slot[i], nsize);
                CHECK(p != NULL);
                CHECK(check_fill(p, nsize < size[i] ? nsize : size[i], (unsigned)i));
                slot[i] = p;
                size[i] = nsize;
                fill(p, nsize, (unsigned)i);
            } else {
                free(slot[i]);
                slot[i] = NULL;
            }
        } else {
            size[i] = (xorshift() % 16 == 0) ? xorshift() % 70000 + 1 : xorshift() % 300 + 1;
            slot[i] = (xorshift() & 1) ? malloc(size[i]) : calloc(1, size[i]);
            CHECK(slot[i] != NULL);
            if (!slot[i])
                return;
            total += size[i];
            fill(slot[i], size[i], (unsigned)i);
        }
        ops++;
    }
    for (int i = 0; i < SLOTS; i++)
        free(slot[i]);
    printf("churn: %lu ops, %lu bytes allocated\n", ops, total);
}

static void big_blocks(void)
{
    /* above the mmap threshold: each is its own mapping */
    size_t sizes[] = {200000, 1 << 20, 3000000, 9 << 20};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        unsigned char *p = calloc(sizes[k], 1);
        CHECK(p != NULL);
        if (!p)
            continue;
        int zero = 1;
        for (size_t i = 0; i < sizes[k]; i += 4093)
            zero &= p[i] == 0;
        CHECK(zero && p[sizes[k] - 1] == 0);
        fill(p, sizes[k], 3);
        /* grow: mremap may move it, the contents must come along */
        unsigned char *q = realloc(p, sizes[k] * 2 + 12345);
        CHECK(q != NULL);
        if (!q) {
            free(p);
            continue;
        }
        CHECK(check_fill(q, sizes[k], 3));
        memset(q + sizes[k], 0xA5, sizes[k] + 12345);
        q = realloc(q, sizes[k] / 3);
        CHECK(check_fill(q, sizes[k] / 3, 3));
        printf("big block %zu ok\n", sizes[k]);
        free(q);
    }
    /* many medium blocks, freed in the middle, then a large one */
    void *blocks[64];
    for (int i = 0; i < 64; i++)
        blocks[i] = malloc(100000 + i * 1000);
    for (int i = 0; i < 64; i += 2)
        free(blocks[i]);
    char *large = malloc(64 << 20);
    CHECK(large != NULL);
    for (size_t i = 0; i < 64 << 20; i += 4096)
        large[i] = 1;
    free(large);
    for (int i = 1; i < 64; i += 2)
        free(blocks[i]);
    CHECK(malloc_trim(0) >= 0);

    void *a = aligned_alloc(4096, 8192), *b = memalign(64, 100), *c = NULL;
    CHECK(posix_memalign(&c, 256, 1000) == 0);
    printf("aligned %d %d %d\n", (int)((uintptr_t)a % 4096), (int)((uintptr_t)b % 64), (int)((uintptr_t)c % 256));
    CHECK(malloc_usable_size(b) >= 100);
    free(a);
    free(b);
    free(c);
    CHECK(realloc(NULL, 10) != NULL);     /* leaked on purpose: like malloc */
    void *z = malloc(0);
    free(z);
    free(NULL);
}

static void moves(void)
{
    unsigned char buf[300], ref[300];
    unsigned long hash = 0;
    for (int src = 0; src < 40; src += 3)
        for (int dst = 0; dst < 40; dst += 5)
            for (int len = 0; len < 200; len += 17) {
                for (int i = 0; i < 300; i++)
                    buf[i] = ref[i] = (unsigned char)(i * 13);
                memmove(buf + dst, buf + src, len);
                for (int i = 0; i < len; i++)   /* reference: through a copy */
                    ref[dst + i] = (unsigned char)((src + i) * 13);
                CHECK(memcmp(buf, ref, sizeof buf) == 0);
                hash = hash * 31 + buf[dst + len / 2];
            }
    printf("memmove hash %lx\n", hash);
    char s[64] = "0123456789abcdefghij";
    memmove(s + 3, s, 10);
    printf("memmove right: %s\n", s);
    memmove(s, s + 5, 10);
    printf("memmove left: %s\n", s);
    memcpy(s + 1, "XYZ", 3);
    memset(s + 10, '-', 5);
    printf("memcpy/memset: %s\n", s);
}

static void strings(void)
{
    char buf[128];
    const char *text = "The quick brown fox jumps over the lazy dog";
    printf("strlen %zu strchr %s strrchr %s\n", strlen(text), strchr(text, 'q'), strrchr(text, 'o'));
    printf("strstr %s | %s\n", strstr(text, "fox"), strstr(text, "cat") ? "found" : "(null)");
    printf("strspn %zu strcspn %zu strpbrk %s\n", strspn(text, "ThE "), strcspn(text, "xyz"), strpbrk(text, "aeiou"));
    printf("memchr %s memrchr %s\n", (char *)memchr(text, 'j', 43), (char *)memrchr(text, 'T', 43));
    printf("strcmp %d %d %d strncmp %d\n", strcmp("abc", "abd") < 0, strcmp("b", "a") > 0, strcmp("x", "x"),
           strncmp("hello", "help", 3));
    printf("strcasecmp %d %d strncasecmp %d\n", strcasecmp("HeLLo", "hello"), strcasecmp("a", "B") < 0,
           strncasecmp("ABCx", "abcy", 3));
    printf("memcmp %d %d\n", memcmp("\x01\xff", "\x01\x01", 2) > 0, memcmp("abc", "abc", 3));
    strcpy(buf, "alpha");
    strcat(buf, "-beta");
    volatile size_t six = 6;
    strncat(buf, "-gamma-delta", six);
    printf("strcat %s\n", buf);
    memset(buf, 'Z', 20);
    strncpy(buf, "ab", 6);
    printf("strncpy %s %d %d\n", buf, buf[3], buf[6]);
    char *end = stpcpy(buf, "stp");
    end = stpcpy(end, "cpy");
    printf("stpcpy %s %td\n", buf, end - buf);
    char *d = strdup(text), *n = strndup(text, 9);
    printf("strdup %s | strndup %s\n", d, n);
    free(n);
    char *save, *tok;
    int count = 0;
    for (tok = strtok_r(d, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
        count += printf("[%s]", tok) > 0;
    printf(" %d tokens\n", count);
    free(d);
    char csv[] = "a,b,,c,";
    char *p = csv;
    printf("strsep:");
    while ((tok = strsep(&p, ",")) != NULL)
        printf(" '%s'", tok);
    printf("\n");
    char st[] = "  one two\tthree\n";
    printf("strtok:");
    for (tok = strtok(st, " \t\n"); tok; tok = strtok(NULL, " \t\n"))
        printf(" <%s>", tok);
    printf("\n");
    printf("strerror %s | %s\n", strerror(2), strerror(12));
    printf("ffs %d %d %d\n", ffs(0), ffs(0x80), ffsll(1LL << 40));
    char dst[8];
    size_t x = strxfrm(dst, "abc", sizeof dst);
    printf("strxfrm %zu %s strcoll %d\n", x, dst, strcoll("a", "b") < 0);
}

static void ctype_table(void)
{
    /* each class as a bitmask over 0..255, hashed; and a few shown */
    int (*fns[])(int) = {isalnum, isalpha, isblank, iscntrl, isdigit, isgraph, islower,
                         isprint, ispunct, isspace, isupper, isxdigit};
    const char *names = "alnum alpha blank cntrl digit graph lower print punct space upper xdigit";
    printf("ctype (%s):", names);
    for (size_t f = 0; f < sizeof fns / sizeof fns[0]; f++) {
        unsigned long h = 0;
        int n = 0;
        for (int c = 0; c < 256; c++) {
            int yes = fns[f](c) != 0;
            n += yes;
            h = h * 3 + yes;
        }
        printf(" %d/%lx", n, h & 0xffffff);
    }
    printf(" eof %d\n", isalpha(EOF));
    char s[] = "Hello, World! 123 \t~";
    for (char *c = s; *c; c++)
        putchar(islower((unsigned char)*c) ? toupper((unsigned char)*c) : tolower((unsigned char)*c));
    printf(" | %c%c %d\n", toupper('z'), tolower('Q'), toupper(200));
}

int main(void)
{
    heap_churn();
    big_blocks();
    moves();
    strings();
    ctype_table();
    return guest_done();
}
