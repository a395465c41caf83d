/* Input parsing with the scanf family (sscanf, fscanf on a tmpfile, scanf on
 * stdin), fgets, getline, getc/ungetc and fread. stdin is this program's own
 * source (tests/guest.sh feeds it), whose lines are summarised; the marked
 * data lines at the end of this comment are parsed with scanf:
 *
 * @data 17 0x1f 017 -3.25e2 word [bracketed] tail
 * @data -1 0 0 1e-3 w [two words] x
 * @data 2147483647 0XFFFFFFFF 0777 inf infinity [a] end
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "guest.h"

static void sscanf_cases(void)
{
    int a, b, c, n1, n2;
    unsigned u;
    long l;
    long long ll;
    short h;
    signed char hh;
    double d;
    float f;
    char s1[32], s2[32], s3[32];
    void *p;

    int r = sscanf("  12 -34 +56", "%d%d%d", &a, &b, &c);
    printf("r%d %d %d %d\n", r, a, b, c);
    r = sscanf("0x1A 010 99 -0x10", "%i %i %i %i", &a, &b, &c, &n1);
    printf("%%i: r%d %d %d %d %d\n", r, a, b, c, n1);
    r = sscanf("ff 777 11 4294967295", "%x %o %hhd %u", &a, &b, &hh, &u);
    printf("x/o/hhd/u: r%d %d %d %d %u\n", r, a, b, hh, u);
    r = sscanf("123456789012 -9223372036854775808 70000", "%ld %lld %hd", &l, &ll, &h);
    printf("l/ll/h: r%d %ld %lld %d\n", r, l, ll, h);
    r = sscanf("1.5e3 -0.125 0x1.8p1 nan", "%lf %f %la %*s", &d, &f, &d);
    printf("floats: r%d %a %a\n", r, (double)f, d);
    r = sscanf("3.14159xyz", "%lf%s", &d, s1);
    printf("tail: r%d %.5f \"%s\"\n", r, d, s1);
    r = sscanf("abcdef", "%3s%2s%s", s1, s2, s3);
    printf("widths: r%d %s %s %s\n", r, s1, s2, s3);
    r = sscanf("12345678", "%3d%2d%d", &a, &b, &c);
    printf("int widths: r%d %d %d %d\n", r, a, b, c);
    r = sscanf("key=value; rest", "%31[^=]=%31[^;];%n", s1, s2, &n1);
    printf("scansets: r%d \"%s\" \"%s\" n=%d\n", r, s1, s2, n1);
    r = sscanf("aaabbbccc", "%[a]%[ab]%n%[c]%n", s1, s2, &n1, s3, &n2);
    printf("sets: r%d %s %s %s %d %d\n", r, s1, s2, s3, n1, n2);
    r = sscanf("]x]y-z", "%[]x]%[-yz]", s1, s2);
    printf("bracket-first: r%d \"%s\" \"%s\"\n", r, s1, s2);
    memset(s1, 0, sizeof s1);
    r = sscanf("  xyz", "%c%3c", s1, s1 + 1);
    printf("%%c: r%d \"%s\"\n", r, s1);
    r = sscanf("10 skip 20", "%d %*s %d", &a, &b);
    printf("suppress: r%d %d %d\n", r, a, b);
    r = sscanf("100%", "%d%%", &a);
    printf("percent: r%d %d\n", r, a);
    r = sscanf("abc", "%d", &a);
    printf("mismatch: r%d\n", r);
    r = sscanf("", "%d", &a);
    printf("empty: r%d\n", r);
    r = sscanf("   ", "%d", &a);
    printf("blank: r%d\n", r);
    r = sscanf("1,2,,4", "%d,%d,%d,%d", &a, &b, &c, &n1);
    printf("csv: r%d %d %d\n", r, a, b);
    r = sscanf("date: 2024-02-29 13:45:07", "date: %d-%d-%d %d:%d:%d", &a, &b, &c, &n1, &n2, (int *)&u);
    printf("date: r%d %04d/%02d/%02d %02d.%02d.%02u\n", r, a, b, c, n1, n2, u);
    r = sscanf("0x12345", "%p", &p);
    printf("pointer: r%d %lx\n", r, (unsigned long)p);
    char *dyn = NULL;
    r = sscanf("dynamic-string more", "%ms", &dyn);
    printf("%%ms: r%d %s\n", r, dyn);
    free(dyn);
    r = sscanf("99999999999999999999", "%d", &a);
    printf("overflow: r%d\n", r);
}

static void fscanf_cases(void)
{
    FILE *f = tmpfile();
    CHECK(f != NULL);
    if (!f)
        return;
    for (int i = 0; i < 50; i++)
        fprintf(f, "item%02d %d %.3f %c\n", i, i * i - 100, i / 8.0, 'A' + i % 26);
    fputs("trailing garbage 1 2\n", f);
    rewind(f);
    char name[16], ch;
    int v, count = 0;
    double x, sum = 0;
    long vsum = 0;
    while (fscanf(f, "%15s %d %lf %c", name, &v, &x, &ch) == 4) {
        count++;
        vsum += v;
        sum += x;
        if (count % 17 == 1)
            printf("fscanf %s %d %.3f %c pos %ld\n", name, v, x, ch, ftell(f));
    }
    printf("read %d records vsum %ld sum %.3f last \"%s\" feof %d\n", count, vsum, sum, name, feof(f));
    int c = fgetc(f);
    printf("next char '%c'\n", c);
    CHECK(ungetc('Q', f) == 'Q');
    char line[64];
    CHECK(fgets(line, sizeof line, f) != NULL);
    printf("after ungetc: %s", line);
    CHECK(fgets(line, sizeof line, f) == NULL && feof(f));
    fseek(f, -6, SEEK_END);
    CHECK(fgets(line, sizeof line, f) != NULL);
    printf("last 6: %s", line);
    fclose(f);
}

static void stdin_cases(void)
{
    /* the data lines, with scanf on stdin directly */
    char word[32], br[32], tail[32];
    int a, b, c;
    double d;
    int found = 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long lines = 0, bytes = 0, longest = 0, blanks = 0;
    unsigned long hash = 5381;
    int ch;
    /* scanf up to each marker, reading a character at a time otherwise */
    while ((ch = getchar()) != EOF) {
        if (ch == '@') {
            if (scanf("data %i %i %i %lf %31s [%31[^]]] %31s", &a, &b, &c, &d, word, br, tail) == 7) {
                printf("data: %d %d %d %g %s [%s] %s\n", a, b, c, d, word, br, tail);
                found++;
            }
        }
        if (ch == '*') {
            int next = getchar();
            if (next == '/')
                break;
            ungetc(next, stdin);
        }
    }
    printf("found %d data lines\n", found);
    while ((len = getline(&line, &cap, stdin)) > 0) {
        lines++;
        bytes += len;
        if (len > longest)
            longest = len;
        if (len == 1)
            blanks++;
        for (ssize_t i = 0; i < len; i++)
            hash = hash * 33 + (unsigned char)line[i];
    }
    free(line);
    printf("getline: %ld lines %ld bytes longest %ld blank %ld hash %08lx\n", lines, bytes, longest, blanks,
           hash & 0xffffffff);
    CHECK(feof(stdin) && !ferror(stdin));
    clearerr(stdin);
    CHECK(getchar() == EOF);
}

int main(void)
{
    sscanf_cases();
    fscanf_cases();
    stdin_cases();

    /* strtol against the same text scanned */
    errno = 0;
    long big = strtol("99999999999999999999", NULL, 10);
    printf("strtol overflow %ld ERANGE %d\n", big, errno == ERANGE);
    return guest_done();
}
