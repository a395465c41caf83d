/* A calculator: a tokeniser (a switch on the character), a recursive descent
 * parser that evaluates as it goes, variables in a small hash table, built-in
 * functions through a table of function pointers, and errors reported with
 * longjmp back to the line loop. The input is stdin (tests/guest.sh feeds
 * this file): each line starting with " * calc:" is one statement.
 *
 * calc: 1 + 2 * 3
 * calc: (1 + 2) * 3 - -4 / 8
 * calc: 2 ^ 10 ^ 0.5
 * calc: x = 3; y = x * x + 1; y / x
 * calc: sqrt(2) * sqrt(2) - 2
 * calc: hypot(3, 4) + atan2(1, 1) * 4
 * calc: max(1, 7, 3, 9, 2) - min(4, -2, 8)
 * calc: fact(20) / fact(18)
 * calc: 10 % 3 + 7.5 % 2
 * calc: 1 / 0
 * calc: (1 + 2
 * calc: unknown_var * 2
 * calc: nosuchfn(1)
 * calc: 1e308 * 10
 * calc: x * 2 + y
 * calc: fib(25)
 * calc: 3 $ 4
 * calc: pi = 4 * atan(1); r = 2.5; pi * r ^ 2
 * calc: floor(-2.5) + ceil(-2.5) + round(2.5) + trunc(-2.7)
 * calc: exp(log(10)) + log10(1000) + cbrt(27)
 */
#include <ctype.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "guest.h"

enum tok { T_END, T_NUM, T_NAME, T_OP };

struct lexer {
    const char *p;
    enum tok kind;
    double num;
    char name[32];
    char op;
};

static jmp_buf on_error;
static char error_text[128];

__attribute__((noreturn, format(printf, 1, 2)))
static void fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(error_text, sizeof error_text, fmt, ap);
    va_end(ap);
    longjmp(on_error, 1);
}

static void next(struct lexer *lx)
{
    while (*lx->p == ' ' || *lx->p == '\t')
        lx->p++;
    char c = *lx->p;
    switch (c) {
    case '\0':
    case '\n':
        lx->kind = T_END;
        return;
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
    case '.': {
        char *end;
        lx->num = strtod(lx->p, &end);
        lx->p = end;
        lx->kind = T_NUM;
        return;
    }
    case '+': case '-': case '*': case '/': case '%': case '^':
    case '(': case ')': case ',': case '=': case ';':
        lx->op = c;
        lx->p++;
        lx->kind = T_OP;
        return;
    default:
        if (isalpha((unsigned char)c) || c == '_') {
            size_t n = 0;
            while (isalnum((unsigned char)*lx->p) || *lx->p == '_') {
                if (n < sizeof lx->name - 1)
                    lx->name[n++] = *lx->p;
                lx->p++;
            }
            lx->name[n] = 0;
            lx->kind = T_NAME;
            return;
        }
        fail("unexpected character '%c'", c);
    }
}

/* variables: open addressing on a djb2 hash */
static struct var { char name[32]; double value; int used; } vars[64];

static struct var *lookup(const char *name, int create)
{
    unsigned h = 5381;
    for (const char *s = name; *s; s++)
        h = h * 33 + (unsigned char)*s;
    for (unsigned i = 0; i < 64; i++) {
        struct var *v = &vars[(h + i) % 64];
        if (v->used && !strcmp(v->name, name))
            return v;
        if (!v->used) {
            if (!create)
                return NULL;
            v->used = 1;
            strcpy(v->name, name);
            return v;
        }
    }
    fail("too many variables");
}

static double f_max(int n, const double *a)
{
    double m = a[0];
    for (int i = 1; i < n; i++)
        m = a[i] > m ? a[i] : m;
    return m;
}

static double f_min(int n, const double *a)
{
    double m = a[0];
    for (int i = 1; i < n; i++)
        m = a[i] < m ? a[i] : m;
    return m;
}

static double f_fact(int n, const double *a)
{
    (void)n;
    double r = 1;
    for (int i = 2; i <= (int)a[0]; i++)
        r *= i;
    return r;
}

static double fib(int n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static double f_fib(int n, const double *a)
{
    (void)n;
    return fib((int)a[0]);
}

static const struct func {
    const char *name;
    int min_args, max_args;
    double (*one)(double);
    double (*two)(double, double);
    double (*many)(int, const double *);
} funcs[] = {
    {"sqrt", 1, 1, sqrt, NULL, NULL},   {"sin", 1, 1, sin, NULL, NULL},
    {"cos", 1, 1, cos, NULL, NULL},     {"atan", 1, 1, atan, NULL, NULL},
    {"exp", 1, 1, exp, NULL, NULL},     {"log", 1, 1, log, NULL, NULL},
    {"log10", 1, 1, log10, NULL, NULL}, {"cbrt", 1, 1, cbrt, NULL, NULL},
    {"floor", 1, 1, floor, NULL, NULL}, {"ceil", 1, 1, ceil, NULL, NULL},
    {"round", 1, 1, round, NULL, NULL}, {"trunc", 1, 1, trunc, NULL, NULL},
    {"hypot", 2, 2, NULL, hypot, NULL}, {"atan2", 2, 2, NULL, atan2, NULL},
    {"pow", 2, 2, NULL, pow, NULL},     {"max", 1, 8, NULL, NULL, f_max},
    {"min", 1, 8, NULL, NULL, f_min},   {"fact", 1, 1, NULL, NULL, f_fact},
    {"fib", 1, 1, NULL, NULL, f_fib},
};

static double expr(struct lexer *lx);

static double primary(struct lexer *lx)
{
    if (lx->kind == T_NUM) {
        double v = lx->num;
        next(lx);
        return v;
    }
    if (lx->kind == T_OP && lx->op == '(') {
        next(lx);
        double v = expr(lx);
        if (lx->kind != T_OP || lx->op != ')')
            fail("missing )");
        next(lx);
        return v;
    }
    if (lx->kind == T_OP && lx->op == '-') {
        next(lx);
        return -primary(lx);
    }
    if (lx->kind != T_NAME)
        fail("expected a value");
    char name[32];
    strcpy(name, lx->name);
    next(lx);
    if (lx->kind == T_OP && lx->op == '(') {
        double args[8];
        int n = 0;
        next(lx);
        for (;;) {
            if (n == 8)
                fail("too many arguments");
            args[n++] = expr(lx);
            if (lx->kind == T_OP && lx->op == ',') {
                next(lx);
                continue;
            }
            break;
        }
        if (lx->kind != T_OP || lx->op != ')')
            fail("missing ) after arguments");
        next(lx);
        for (size_t i = 0; i < sizeof funcs / sizeof funcs[0]; i++) {
            const struct func *f = &funcs[i];
            if (strcmp(f->name, name))
                continue;
            if (n < f->min_args || n > f->max_args)
                fail("%s takes %d to %d arguments", name, f->min_args, f->max_args);
            return f->one ? f->one(args[0]) : f->two ? f->two(args[0], args[1]) : f->many(n, args);
        }
        fail("no function %s", name);
    }
    struct var *v = lookup(name, 0);
    if (!v)
        fail("undefined variable %s", name);
    return v->value;
}

static double power(struct lexer *lx)
{
    double base = primary(lx);
    if (lx->kind == T_OP && lx->op == '^') {
        next(lx);
        return pow(base, power(lx));        /* right associative */
    }
    return base;
}

static double term(struct lexer *lx)
{
    double v = power(lx);
    while (lx->kind == T_OP && (lx->op == '*' || lx->op == '/' || lx->op == '%')) {
        char op = lx->op;
        next(lx);
        double r = power(lx);
        if (op != '*' && r == 0)
            fail("division by zero");
        v = op == '*' ? v * r : op == '/' ? v / r : fmod(v, r);
    }
    return v;
}

static double expr(struct lexer *lx)
{
    double v = term(lx);
    while (lx->kind == T_OP && (lx->op == '+' || lx->op == '-')) {
        char op = lx->op;
        next(lx);
        double r = term(lx);
        v = op == '+' ? v + r : v - r;
    }
    if (isinf(v))
        fail("overflow");
    return v;
}

static double statement(struct lexer *lx)
{
    if (lx->kind == T_NAME) {
        struct lexer peek = *lx;
        next(&peek);
        if (peek.kind == T_OP && peek.op == '=') {
            char name[32];
            strcpy(name, lx->name);
            next(&peek);
            *lx = peek;
            double v = expr(lx);
            lookup(name, 1)->value = v;
            return v;
        }
    }
    return expr(lx);
}

int main(void)
{
    char line[256];
    static int ok, errors;      /* static: they live across longjmp */
    while (fgets(line, sizeof line, stdin)) {
        const char *p = strstr(line, " * calc:");
        if (p != line)
            continue;
        struct lexer lx = {.p = line + 8};
        line[strcspn(line, "\n")] = 0;
        printf("%-60s => ", line + 9);
        if (setjmp(on_error)) {
            printf("error: %s\n", error_text);
            errors++;
            continue;
        }
        next(&lx);
        double v = 0;
        for (;;) {
            v = statement(&lx);
            if (lx.kind == T_OP && lx.op == ';') {
                next(&lx);
                continue;
            }
            break;
        }
        if (lx.kind != T_END)
            fail("junk at the end");
        printf("%.10g\n", v);
        ok++;
    }
    printf("%d ok, %d errors\n", ok, errors);
    CHECK(ok == 14 && errors == 6);
    return guest_done();
}
