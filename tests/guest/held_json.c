/* A JSON reader and pretty printer: a recursive descent parser building a
 * tree of tagged unions (malloc'd, grown with realloc), string escapes
 * including \u sequences and surrogate pairs turned into UTF-8, numbers
 * through strtod, error messages with line and column, then the tree printed
 * back indented with its object keys sorted (qsort), queried by path, and
 * freed. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "guest.h"

enum kind { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

struct json {
    enum kind kind;
    union {
        int b;
        double num;
        char *str;
        struct { struct json **items; char **keys; int n, cap; } list;
    } u;
};

struct parser {
    const char *s, *start;
    char err[120];
};

static void perr(struct parser *p, const char *what)
{
    if (p->err[0])
        return;
    int line = 1, col = 1;
    for (const char *c = p->start; c < p->s; c++) {
        if (*c == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    snprintf(p->err, sizeof p->err, "%d:%d: %s", line, col, what);
}

static void ws(struct parser *p)
{
    while (isspace((unsigned char)*p->s))
        p->s++;
}

static struct json *node(enum kind k)
{
    struct json *j = calloc(1, sizeof *j);
    j->kind = k;
    return j;
}

static void jfree(struct json *j)
{
    if (!j)
        return;
    if (j->kind == J_STR)
        free(j->u.str);
    if (j->kind == J_ARR || j->kind == J_OBJ) {
        for (int i = 0; i < j->u.list.n; i++) {
            jfree(j->u.list.items[i]);
            if (j->u.list.keys)
                free(j->u.list.keys[i]);
        }
        free(j->u.list.items);
        free(j->u.list.keys);
    }
    free(j);
}

static void put_utf8(char **out, unsigned cp)
{
    char *o = *out;
    if (cp < 0x80) {
        *o++ = (char)cp;
    } else if (cp < 0x800) {
        *o++ = (char)(0xC0 | cp >> 6);
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = (char)(0xE0 | cp >> 12);
        *o++ = (char)(0x80 | (cp >> 6 & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *o++ = (char)(0xF0 | cp >> 18);
        *o++ = (char)(0x80 | (cp >> 12 & 0x3F));
        *o++ = (char)(0x80 | (cp >> 6 & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    }
    *out = o;
}

static int hex4(const char *s, unsigned *v)
{
    *v = 0;
    for (int i = 0; i < 4; i++) {
        if (!isxdigit((unsigned char)s[i]))
            return 0;
        *v = *v * 16 + (unsigned)(isdigit((unsigned char)s[i]) ? s[i] - '0' : tolower((unsigned char)s[i]) - 'a' + 10);
    }
    return 1;
}

static char *pstring(struct parser *p)
{
    p->s++;                               /* opening quote */
    const char *q = p->s;
    while (*q && *q != '"')
        q += q[0] == '\\' && q[1] ? 2 : 1;
    char *out = malloc((size_t)(q - p->s) + 1), *o = out;  /* no escape decodes longer than it is */
    while (*p->s != '"') {
        unsigned char c = (unsigned char)*p->s;
        if (c == 0 || c < 0x20) {
            perr(p, c ? "control character in string" : "unterminated string");
            free(out);
            return NULL;
        }
        if (c != '\\') {
            *o++ = *p->s++;
            continue;
        }
        p->s++;
        switch (*p->s++) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            unsigned cp, lo;
            if (!hex4(p->s, &cp)) {
                perr(p, "bad \\u escape");
                free(out);
                return NULL;
            }
            p->s += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && p->s[0] == '\\' && p->s[1] == 'u' && hex4(p->s + 2, &lo) &&
                lo >= 0xDC00 && lo < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                p->s += 6;
            }
            put_utf8(&o, cp);
            break;
        }
        default:
            p->s--;
            perr(p, "bad escape");
            free(out);
            return NULL;
        }
    }
    p->s++;
    *o = 0;
    return out;
}

static struct json *pvalue(struct parser *p, int depth);

static int append(struct json *j, struct json *item, char *key)
{
    if (j->u.list.n == j->u.list.cap) {
        j->u.list.cap = j->u.list.cap ? j->u.list.cap * 2 : 2;
        j->u.list.items = realloc(j->u.list.items, j->u.list.cap * sizeof *j->u.list.items);
        if (j->kind == J_OBJ)
            j->u.list.keys = realloc(j->u.list.keys, j->u.list.cap * sizeof *j->u.list.keys);
    }
    j->u.list.items[j->u.list.n] = item;
    if (key)
        j->u.list.keys[j->u.list.n] = key;
    j->u.list.n++;
    return 1;
}

static struct json *pcontainer(struct parser *p, int depth, int is_obj)
{
    struct json *j = node(is_obj ? J_OBJ : J_ARR);
    char close = is_obj ? '}' : ']';
    p->s++;
    ws(p);
    if (*p->s == close) {
        p->s++;
        return j;
    }
    for (;;) {
        char *key = NULL;
        ws(p);
        if (is_obj) {
            if (*p->s != '"') {
                perr(p, "expected a key");
                goto fail;
            }
            key = pstring(p);
            if (!key)
                goto fail;
            ws(p);
            if (*p->s != ':') {
                free(key);
                perr(p, "expected ':'");
                goto fail;
            }
            p->s++;
        }
        struct json *v = pvalue(p, depth + 1);
        if (!v) {
            free(key);
            goto fail;
        }
        append(j, v, key);
        ws(p);
        if (*p->s == ',') {
            p->s++;
            continue;
        }
        if (*p->s == close) {
            p->s++;
            return j;
        }
        perr(p, is_obj ? "expected ',' or '}'" : "expected ',' or ']'");
        goto fail;
    }
fail:
    jfree(j);
    return NULL;
}

static struct json *pvalue(struct parser *p, int depth)
{
    ws(p);
    if (depth > 64) {
        perr(p, "nested too deeply");
        return NULL;
    }
    char c = *p->s;
    if (c == '{' || c == '[')
        return pcontainer(p, depth, c == '{');
    if (c == '"') {
        char *s = pstring(p);
        if (!s)
            return NULL;
        struct json *j = node(J_STR);
        j->u.str = s;
        return j;
    }
    if (c == '-' || isdigit((unsigned char)c)) {
        char *end;
        errno = 0;
        double d = strtod(p->s, &end);
        if (end == p->s || (c == '0' && isdigit((unsigned char)p->s[1]))) {
            perr(p, "bad number");
            return NULL;
        }
        p->s = end;
        struct json *j = node(J_NUM);
        j->u.num = d;
        return j;
    }
    static const struct { const char *word; enum kind k; int b; } words[] = {
        {"true", J_BOOL, 1}, {"false", J_BOOL, 0}, {"null", J_NULL, 0}};
    for (int i = 0; i < 3; i++)
        if (!strncmp(p->s, words[i].word, strlen(words[i].word))) {
            p->s += strlen(words[i].word);
            struct json *j = node(words[i].k);
            j->u.b = words[i].b;
            return j;
        }
    perr(p, c ? "unexpected character" : "unexpected end of input");
    return NULL;
}

static struct json *parse(const char *text, char *err, size_t errlen)
{
    struct parser p = {text, text, ""};
    struct json *j = pvalue(&p, 0);
    if (j) {
        ws(&p);
        if (*p.s) {
            perr(&p, "trailing characters");
            jfree(j);
            j = NULL;
        }
    }
    snprintf(err, errlen, "%s", p.err);
    return j;
}

static void print_string(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '"': fputs("\\\"", stdout); break;
        case '\\': fputs("\\\\", stdout); break;
        case '\n': fputs("\\n", stdout); break;
        case '\t': fputs("\\t", stdout); break;
        default:
            if (c < 0x20)
                printf("\\u%04x", c);
            else
                putchar(c);
        }
    }
    putchar('"');
}

static struct json *sort_owner;

static int by_key(const void *a, const void *b)
{
    int i = *(const int *)a, j = *(const int *)b;
    return strcmp(sort_owner->u.list.keys[i], sort_owner->u.list.keys[j]);
}

static void pretty(const struct json *j, int indent)
{
    switch (j->kind) {
    case J_NULL: printf("null"); break;
    case J_BOOL: printf(j->u.b ? "true" : "false"); break;
    case J_NUM:
        if (j->u.num == (long long)j->u.num && j->u.num < 1e15 && j->u.num > -1e15)
            printf("%lld", (long long)j->u.num);
        else
            printf("%.17g", j->u.num);
        break;
    case J_STR: print_string(j->u.str); break;
    case J_ARR:
    case J_OBJ: {
        int n = j->u.list.n, obj = j->kind == J_OBJ;
        if (n == 0) {
            printf(obj ? "{}" : "[]");
            break;
        }
        int *order = malloc(n * sizeof *order);
        for (int i = 0; i < n; i++)
            order[i] = i;
        if (obj) {
            sort_owner = (struct json *)j;
            qsort(order, n, sizeof *order, by_key);
        }
        printf(obj ? "{\n" : "[\n");
        for (int k = 0; k < n; k++) {
            int i = order[k];
            printf("%*s", indent + 2, "");
            if (obj) {
                print_string(j->u.list.keys[i]);
                printf(": ");
            }
            pretty(j->u.list.items[i], indent + 2);
            printf(k + 1 < n ? ",\n" : "\n");
        }
        printf("%*s%c", indent, "", obj ? '}' : ']');
        free(order);
        break;
    }
    }
}

/* a path like "a.b[2].c" */
static const struct json *query(const struct json *j, const char *path)
{
    while (j && *path) {
        if (*path == '.')
            path++;
        if (*path == '[') {
            char *end;
            long idx = strtol(path + 1, &end, 10);
            if (j->kind != J_ARR || *end != ']' || idx < 0 || idx >= j->u.list.n)
                return NULL;
            j = j->u.list.items[idx];
            path = end + 1;
            continue;
        }
        size_t len = strcspn(path, ".[");
        const struct json *next = NULL;
        if (j->kind == J_OBJ)
            for (int i = 0; i < j->u.list.n; i++)
                if (strlen(j->u.list.keys[i]) == len && !strncmp(j->u.list.keys[i], path, len))
                    next = j->u.list.items[i];
        j = next;
        path += len;
    }
    return j;
}

static const char doc[] =
    "{\n"
    "  \"name\": \"rvdbt\", \"version\": 1.5, \"tags\": [\"dbt\", \"riscv\", \"x86-64\"],\n"
    "  \"nested\": {\"z\": null, \"a\": [1, 2, {\"deep\": [true, false, [], {}]}], \"m\": -0.000125},\n"
    "  \"escapes\": \"quote\\\" backslash\\\\ slash\\/ tab\\t nl\\n \\u00e9 \\u20ac \\ud83d\\ude00 \\u0001\",\n"
    "  \"numbers\": [0, -0, 1e3, 1.5e-7, 123456789012345678, 3.141592653589793, -2.5E+10, 1E400],\n"
    "  \"empty\": \"\", \"unicode\": \"caf\xc3\xa9\"\n"
    "}\n";

int main(void)
{
    char err[128];
    struct json *j = parse(doc, err, sizeof err);
    CHECK(j != NULL);
    if (!j) {
        printf("parse error %s\n", err);
        return guest_done();
    }
    pretty(j, 0);
    printf("\n");
    const char *paths[] = {"name", "tags[1]", "nested.a[2].deep[0]", "nested.a[2].deep[3]", "nested.m",
                           "numbers[7]", "nested.missing", "tags[9]", "escapes"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        const struct json *q = query(j, paths[i]);
        printf("%-22s -> ", paths[i]);
        if (q)
            pretty(q, 0);
        else
            printf("(none)");
        printf("\n");
    }
    jfree(j);

    const char *bad[] = {"", "[1, 2", "{\"a\" 1}", "{\"a\": tru}", "[1,]", "\"abc", "[01]", "{\"k\": \"\\x\"}",
                         "[1] 2", "{\n  \"a\": [\n    1,\n    @\n  ]\n}", "\"\\u12g4\"", "[\"tab\there\"]"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct json *b = parse(bad[i], err, sizeof err);
        CHECK(b == NULL);
        printf("bad %2zu: %s\n", i, err);
        jfree(b);
    }
    /* deep nesting: 60 levels parse, 70 do not */
    char deep[200];
    for (int depth = 60; depth <= 70; depth += 10) {
        memset(deep, '[', depth);
        memset(deep + depth, ']', depth);
        deep[2 * depth] = 0;
        struct json *d = parse(deep, err, sizeof err);
        printf("depth %d: %s\n", depth, d ? "ok" : err);
        jfree(d);
    }
    /* a bigger generated document round trip: print, count bytes */
    char *big = malloc(200000);
    size_t len = 0;
    len += sprintf(big + len, "[");
    for (int i = 0; i < 2000; i++)
        len += sprintf(big + len, "%s{\"id\": %d, \"v\": %.3f, \"s\": \"item\\u0041%d\"}", i ? "," : "", i,
                       i / 7.0, i % 13);
    sprintf(big + len, "]");
    struct json *bj = parse(big, err, sizeof err);
    CHECK(bj != NULL && bj->u.list.n == 2000);
    double sum = 0;
    for (int i = 0; bj && i < bj->u.list.n; i++)
        sum += query(bj->u.list.items[i], "v")->u.num;
    printf("generated: %zu bytes, %d items, sum %.3f, last %s\n", len + 1, bj ? bj->u.list.n : 0, sum,
           bj ? query(bj, "[1999].s")->u.str : "?");
    jfree(bj);
    free(big);
    return guest_done();
}
