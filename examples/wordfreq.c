/* Reads text on stdin and prints the most frequent words with their counts
 * (a word: letters, digits and '_', starting with a letter or '_'):
 * string handling, a hash table, malloc and qsort, for the demo (`make demo`
 * feeds it rvdbt's own sources). Usage: wordfreq [TOP] < text, default 10. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct word { char *text; long count; struct word *next; };

#define NBUCKETS 4096
static struct word *buckets[NBUCKETS];
static long nwords, ndistinct;

static unsigned long hash(const char *s)
{
    unsigned long h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

static void add(const char *w)
{
    struct word **b = &buckets[hash(w) % NBUCKETS];
    for (struct word *p = *b; p; p = p->next)
        if (!strcmp(p->text, w)) {
            p->count++;
            return;
        }
    struct word *n = malloc(sizeof *n);
    n->text = strdup(w);
    n->count = 1;
    n->next = *b;
    *b = n;
    ndistinct++;
}

static void count_word(const char *w)
{
    if (isdigit((unsigned char)w[0]))
        return;
    add(w);
    nwords++;
}

static int by_count(const void *a, const void *b)
{
    const struct word *x = *(struct word *const *)a, *y = *(struct word *const *)b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->text, y->text);
}

int main(int argc, char **argv)
{
    int top = argc > 1 ? atoi(argv[1]) : 10;
    char w[64];
    int len = 0, c;
    while ((c = getchar()) != EOF) {
        if (isalnum(c) || c == '_') {
            if (len < (int)sizeof w - 1)
                w[len++] = (char)tolower(c);
        } else if (len) {
            w[len] = 0;
            count_word(w);
            len = 0;
        }
    }
    if (len) {
        w[len] = 0;
        count_word(w);
    }

    struct word **all = malloc(sizeof *all * (size_t)(ndistinct ? ndistinct : 1));
    long n = 0;
    for (int i = 0; i < NBUCKETS; i++)
        for (struct word *p = buckets[i]; p; p = p->next)
            all[n++] = p;
    qsort(all, (size_t)n, sizeof *all, by_count);
    printf("%ld words, %ld different\n", nwords, ndistinct);
    for (long i = 0; i < n && i < top; i++)
        printf("%8ld  %s\n", all[i]->count, all[i]->text);
    return 0;
}
