/* A word counter like wc plus a word frequency table: reads stdin (or the
 * files named on the command line) with fread in small blocks, counts lines,
 * words, bytes and the longest line, keeps every word (letters, digits and
 * '_', lower-cased) in a chained hash table that doubles as it fills, and
 * prints the N most frequent words (ties broken alphabetically). Options
 * through getopt: -n N for the table size, -m MIN for the shortest word
 * counted, -q for no table. Exit status 2 for a bad option or file. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "guest.h"

struct entry {
    char *word;
    long count;
    struct entry *next;
};

static struct entry **table;
static size_t buckets = 16, entries;

static size_t hash(const char *s)
{
    size_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static void grow(void)
{
    size_t nb = buckets * 2;
    struct entry **nt = calloc(nb, sizeof *nt);
    for (size_t i = 0; i < buckets; i++)
        for (struct entry *e = table[i], *next; e; e = next) {
            next = e->next;
            size_t b = hash(e->word) & (nb - 1);
            e->next = nt[b];
            nt[b] = e;
        }
    free(table);
    table = nt;
    buckets = nb;
}

static void add_word(const char *w)
{
    size_t b = hash(w) & (buckets - 1);
    for (struct entry *e = table[b]; e; e = e->next)
        if (!strcmp(e->word, w)) {
            e->count++;
            return;
        }
    struct entry *e = malloc(sizeof *e);
    e->word = strdup(w);
    e->count = 1;
    e->next = table[b];
    table[b] = e;
    if (++entries > buckets * 3 / 4)
        grow();
}

static int by_count(const void *a, const void *b)
{
    const struct entry *x = *(const struct entry *const *)a, *y = *(const struct entry *const *)b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->word, y->word);
}

struct counts {
    long lines, words, bytes, longest, cur_line;
};

static void count_stream(FILE *f, struct counts *c, size_t min_len)
{
    char block[61], word[64];
    size_t wlen = 0, n;
    int in_word = 0;
    while ((n = fread(block, 1, sizeof block, f)) > 0) {
        for (size_t i = 0; i < n; i++) {
            unsigned char ch = (unsigned char)block[i];
            c->bytes++;
            if (ch == '\n') {
                c->lines++;
                if (c->cur_line > c->longest)
                    c->longest = c->cur_line;
                c->cur_line = 0;
            } else {
                c->cur_line++;
            }
            if (isspace(ch)) {
                in_word = 0;
            } else if (!in_word) {
                in_word = 1;
                c->words++;
            }
            if (isalnum(ch) || ch == '_') {
                if (wlen < sizeof word - 1)
                    word[wlen++] = (char)tolower(ch);
            } else if (wlen) {
                word[wlen] = 0;
                if (wlen >= min_len)
                    add_word(word);
                wlen = 0;
            }
        }
    }
    if (wlen >= min_len && wlen) {
        word[wlen] = 0;
        add_word(word);
    }
    if (c->cur_line > c->longest)
        c->longest = c->cur_line;
}

int main(int argc, char **argv)
{
    long top = 10;
    size_t min_len = 1;
    int quiet = 0, opt;
    while ((opt = getopt(argc, argv, "n:m:q")) != -1) {
        switch (opt) {
        case 'n': top = strtol(optarg, NULL, 10); break;
        case 'm': min_len = (size_t)strtoul(optarg, NULL, 10); break;
        case 'q': quiet = 1; break;
        default:
            fprintf(stderr, "usage: %s [-n N] [-m MIN] [-q] [FILE...]\n", argv[0]);
            return 2;
        }
    }
    table = calloc(buckets, sizeof *table);
    struct counts total = {0};
    int status = 0;
    if (optind == argc) {
        count_stream(stdin, &total, min_len);
    } else {
        for (int i = optind; i < argc; i++) {
            FILE *f = fopen(argv[i], "r");
            if (!f) {
                printf("%s: %s\n", strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i], strerror(errno));
                status = 2;
                continue;
            }
            struct counts one = {0};
            count_stream(f, &one, min_len);
            fclose(f);
            const char *base = strrchr(argv[i], '/');      /* the runners' directories differ */
            printf("%7ld %7ld %7ld %s\n", one.lines, one.words, one.bytes, base ? base + 1 : argv[i]);
            total.lines += one.lines;
            total.words += one.words;
            total.bytes += one.bytes;
            if (one.longest > total.longest)
                total.longest = one.longest;
        }
    }
    printf("%7ld %7ld %7ld total, longest line %ld, %zu distinct words (%zu buckets)\n", total.lines, total.words,
           total.bytes, total.longest, entries, buckets);
    struct entry **all = malloc((entries + 1) * sizeof *all);
    size_t k = 0;
    for (size_t i = 0; i < buckets; i++)
        for (struct entry *e = table[i]; e; e = e->next)
            all[k++] = e;
    CHECK(k == entries);
    qsort(all, k, sizeof *all, by_count);
    if (!quiet)
        for (long i = 0; i < top && (size_t)i < k; i++)
            printf("%4ld. %-20s %6ld %5.2f%%\n", i + 1, all[i]->word, all[i]->count,
                   100.0 * all[i]->count / (double)total.words);
    for (size_t i = 0; i < k; i++) {
        free(all[i]->word);
        free(all[i]);
    }
    free(all);
    free(table);
    return guest_done() ? 1 : status;
}
