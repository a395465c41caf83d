/* libc string and memory functions at every alignment of source and
 * destination and many lengths: glibc's word-at-a-time loops, their
 * misaligned heads and tails, and overlapping memmove in both directions.
 * Each result is checked against a byte loop. */
#include <stdint.h>
#include <string.h>
#include "guest.h"

static unsigned char src[256], dst[256], ref[256];

static void pattern(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(seed + i * 37 + (i >> 3));
}

int main(void)
{
    unsigned long long bad_cpy = 0, bad_move = 0, bad_set = 0, bad_cmp = 0, bad_len = 0, bad_chr = 0;
    for (size_t so = 0; so < 16; so++)
        for (size_t d_o = 0; d_o < 16; d_o++)
            for (size_t n = 0; n < 80; n += (n < 20 ? 1 : 7)) {
                pattern(src, sizeof src, (unsigned)(so + n));
                pattern(dst, sizeof dst, 3);
                memcpy(ref, dst, sizeof ref);
                for (size_t i = 0; i < n; i++)
                    ref[d_o + i] = src[so + i];
                memcpy(dst + d_o, src + so, n);
                bad_cpy += memcmp(dst, ref, sizeof ref) != 0;

                /* overlapping move within one buffer */
                pattern(dst, sizeof dst, 5);
                memcpy(ref, dst, sizeof ref);
                for (size_t i = 0; i < n; i++)
                    src[i] = ref[so + 40 + i];
                for (size_t i = 0; i < n; i++)
                    ref[d_o + 40 + i] = src[i];
                pattern(src, sizeof src, 9);
                memmove(dst + d_o + 40, dst + so + 40, n);
                bad_move += memcmp(dst, ref, sizeof ref) != 0;

                memcpy(ref, dst, sizeof ref);
                for (size_t i = 0; i < n; i++)
                    ref[d_o + i] = (unsigned char)(n + 1);
                memset(dst + d_o, (int)(n + 1), n);
                bad_set += memcmp(dst, ref, sizeof ref) != 0;

                /* strings: make one of length n at offset so */
                pattern(src, sizeof src, 1);
                for (size_t i = 0; i < n; i++)
                    if (src[so + i] == 0)
                        src[so + i] = 1;
                src[so + n] = 0;
                bad_len += strlen((char *)src + so) != n;
                memcpy(dst + d_o, src + so, n + 1);
                int c = strcmp((char *)dst + d_o, (char *)src + so);
                bad_cmp += c != 0;
                if (n) {
                    dst[d_o + n - 1]++;
                    if (dst[d_o + n - 1] == 0)
                        dst[d_o + n - 1] = 2;
                    int want = dst[d_o + n - 1] > src[so + n - 1] ? 1 : -1;
                    int got = strcmp((char *)dst + d_o, (char *)src + so);
                    bad_cmp += (got > 0) - (got < 0) != want;
                    got = memcmp(dst + d_o, src + so, n);
                    bad_cmp += (got > 0) - (got < 0) != want;
                    unsigned char last = src[so + n - 1];
                    char *hit = strchr((char *)src + so, last);
                    size_t first = 0;
                    while (src[so + first] != last)
                        first++;
                    bad_chr += hit != (char *)src + so + first;
                    bad_chr += memchr(src + so, last, n) != src + so + first;
                    bad_chr += strrchr((char *)src + so, last) != (char *)src + so + n - 1;
                }
                bad_chr += strchr((char *)src + so, 0) != (char *)src + so + n;
            }
    printf("memcpy %llu memmove %llu memset %llu strlen %llu cmp %llu chr %llu\n", bad_cpy,
           bad_move, bad_set, bad_len, bad_cmp, bad_chr);
    CHECK(bad_cpy + bad_move + bad_set + bad_len + bad_cmp + bad_chr == 0);

    char buf[64];
    strcpy(buf, "translate");
    strcat(buf, " blocks");
    CHECK(strcmp(buf, "translate blocks") == 0);
    CHECK(strncmp(buf, "transit", 5) == 0 && strncmp(buf, "transit", 6) != 0);
    CHECK(strstr(buf, "block") == buf + 10);
    CHECK(strspn(buf, "nstar") == 5 && strcspn(buf, " ") == 9);
    printf("%s\n", buf);
    return guest_done();
}
