/* The C calling convention and data layout: structs passed and returned by
 * value (small ones in registers, floats in FP registers, mixed int/float,
 * large ones by reference), variadic functions with every argument class
 * (va_copy, long double, structs through ...), bit fields, unions used for
 * type punning, function pointer tables, a dense switch (a jump table), goto
 * state machines, static and global initialisers, VLAs and alloca. */
#define _GNU_SOURCE
#include <alloca.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include "guest.h"

struct two_ints { int a, b; };
struct two_floats { float x, y; };
struct two_doubles { double x, y; };
struct mixed { double d; int i; };
struct mixed2 { float f; long l; };
struct three_longs { long a, b, c; };
struct big { int v[33]; char tag[12]; double d; };
struct chars { char c[3]; };
struct one_double { double d; };
struct fl_dbl { float f; double d; };

static struct two_ints swap_ints(struct two_ints p) { return (struct two_ints){p.b, p.a}; }
static struct two_floats scale_f(struct two_floats p, float k) { return (struct two_floats){p.x * k, p.y * k}; }
static struct two_doubles add_d(struct two_doubles a, struct two_doubles b) { return (struct two_doubles){a.x + b.x, a.y + b.y}; }
static struct mixed mix(struct mixed m, int k) { m.d *= k; m.i += k; return m; }
static struct mixed2 mix2(struct mixed2 m) { m.f = -m.f; m.l = ~m.l; return m; }
static struct three_longs rot(struct three_longs t) { return (struct three_longs){t.c, t.a, t.b}; }
static struct chars up(struct chars c) { for (int i = 0; i < 3; i++) c.c[i] -= 32; return c; }
static struct one_double half(struct one_double o) { o.d /= 2; return o; }
static struct fl_dbl fd(struct fl_dbl a, struct fl_dbl b) { return (struct fl_dbl){a.f + b.f, a.d * b.d}; }

static struct big make_big(int seed, const char *tag)
{
    struct big b;
    for (int i = 0; i < 33; i++)
        b.v[i] = seed * i - i * i;
    snprintf(b.tag, sizeof b.tag, "%s", tag);
    b.d = seed / 7.0;
    return b;
}

static long sum_big(struct big b, struct big c)
{
    long s = 0;
    for (int i = 0; i < 33; i++)
        s += (long)b.v[i] * 3 + c.v[i];
    b.v[0] = 999;                       /* a copy: the caller's must not change */
    return s + (long)(b.d * 1000) + (long)strlen(c.tag);
}

/* more arguments than argument registers, of both kinds */
static double many(int a, double b, long c, float d, int e, double f, char g, double h, int i, double j,
                   long k, float l, int m, double n, struct two_ints o, struct two_doubles p, int q)
{
    return a + b + c + d + e + f + g + h + i + j + k + l + m + n + o.a + o.b + p.x + p.y + q;
}

static double vsum(const char *kinds, ...)
{
    va_list ap, copy;
    va_start(ap, kinds);
    va_copy(copy, ap);
    double s = 0;
    for (const char *k = kinds; *k; k++)
        switch (*k) {
        case 'i': s += va_arg(ap, int); break;
        case 'l': s += (double)va_arg(ap, long long); break;
        case 'd': s += va_arg(ap, double); break;
        case 'L': s += (double)va_arg(ap, long double); break;
        case 'p': s += *va_arg(ap, int *); break;
        case 's': { struct two_ints t = va_arg(ap, struct two_ints); s += t.a * 10 + t.b; break; }
        case 'b': { struct big b = va_arg(ap, struct big); s += b.v[32] + b.tag[0]; break; }
        case 'f': { struct two_doubles t = va_arg(ap, struct two_doubles); s += t.x * t.y; break; }
        }
    /* the copy walks the same arguments again */
    int first = *kinds == 'i' ? va_arg(copy, int) : -1;
    va_end(copy);
    va_end(ap);
    return s + first * 0.001;
}

struct flags {
    unsigned ready : 1;
    unsigned mode : 3;
    signed level : 5;
    unsigned : 0;
    unsigned long long wide : 40;
    unsigned char small : 2;
    int neg : 7;
};

union pun {
    double d;
    float f[2];
    uint64_t u;
    uint32_t w[2];
    uint8_t b[8];
};

static int op_add(int a, int b) { return a + b; }
static int op_sub(int a, int b) { return a - b; }
static int op_mul(int a, int b) { return a * b; }
static int op_div(int a, int b) { return b ? a / b : 0; }
static int (*const ops[])(int, int) = {op_add, op_sub, op_mul, op_div};

static const char *day_name(int d)
{
    switch (d) {
    case 0: return "sun";
    case 1: return "mon";
    case 2: return "tue";
    case 3: return "wed";
    case 4: return "thu";
    case 5: return "fri";
    case 6: return "sat";
    case 7: return "sun again";
    case 8: return "eight";
    case 9: return "nine";
    case 10: return "ten";
    case 12: return "twelve";
    default: return "?";
    }
}

/* counts the words of a string as a goto state machine */
static int goto_words(const char *s)
{
    int n = 0;
space:
    if (!*s)
        goto done;
    if (*s == ' ') {
        s++;
        goto space;
    }
    n++;
word:
    if (!*s)
        goto done;
    if (*s++ != ' ')
        goto word;
    goto space;
done:
    return n;
}

static int counter(void)
{
    static int calls = 100;
    return calls++;
}

struct point { int x, y; };
static struct point pts[] = {[2] = {5, 6}, [0] = {.y = 2, .x = 1}};
static const char *const words[] = {"zero", "one", "two"};
static char msg[16] = "init";
static int matrix[3][4] = {{1, 2, 3, 4}, {5, 6}, [2][3] = 9};
static double dtab[] = {1.5, -2.25, 3e10};
int global_counter = 7;
int *global_ptr = &global_counter;
static struct { const char *name; int (*fn)(int, int); } named_ops[] = {{"add", op_add}, {"mul", op_mul}};

static long vla_sum(int n, int m)
{
    int grid[n][m];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            grid[i][j] = i * m + j;
    long s = 0;
    for (int i = 0; i < n; i++)
        s += grid[i][m - 1 - i % m] * (long)sizeof grid[i];
    return s;
}

static unsigned alloca_hash(int n)
{
    unsigned char *buf = alloca(n);
    for (int i = 0; i < n; i++)
        buf[i] = (unsigned char)(i * 31 + 7);
    unsigned h = 0;
    for (int i = 0; i < n; i++)
        h = h * 131 + buf[i];
    return h;
}

int main(void)
{
    struct two_ints ti = swap_ints((struct two_ints){3, -4});
    struct two_floats tf = scale_f((struct two_floats){1.5f, -2.25f}, 4);
    struct two_doubles td = add_d((struct two_doubles){0.1, 0.2}, (struct two_doubles){1e10, -1e-10});
    struct mixed mx = mix((struct mixed){2.5, 10}, 3);
    struct mixed2 m2 = mix2((struct mixed2){1.25f, 0x0f0f});
    struct three_longs tl = rot((struct three_longs){1, 2, 3});
    struct chars ch = up((struct chars){{'a', 'b', 'c'}});
    struct one_double od = half((struct one_double){7});
    struct fl_dbl f2 = fd((struct fl_dbl){1.5f, 2}, (struct fl_dbl){2.25f, -3});
    printf("ints %d %d floats %g %g doubles %.17g %.17g\n", ti.a, ti.b, tf.x, tf.y, td.x, td.y);
    printf("mixed %g %d mixed2 %g %lx longs %ld %ld %ld chars %.3s half %g fd %g %g\n", mx.d, mx.i, m2.f, m2.l,
           tl.a, tl.b, tl.c, ch.c, od.d, f2.f, f2.d);
    struct big b1 = make_big(5, "first"), b2 = make_big(-3, "second-tag");
    printf("big %d %d %s %g sum %ld after %d\n", b1.v[32], b2.v[10], b2.tag, b1.d, sum_big(b1, b2), b1.v[0]);
    printf("many %.17g\n", many(1, 2.5, 3, 4.5f, 5, 6.5, 7, 8.5, 9, 10.5, 11, 12.5f, 13, 14.5, (struct two_ints){15, 16},
                               (struct two_doubles){17.5, 18.5}, 19));
    int seven = 7;
    long double ld = 0.75L;
    printf("vsum %.6f\n", vsum("ildLps", 1, 1LL << 40, 2.5, ld, &seven, (struct two_ints){4, 2}));
    printf("vsum %.6f\n", vsum("bfi", b1, (struct two_doubles){1.5, 4}, 9));
    printf("vsum %.6f\n", vsum("iiiiiiiiiidddddddddd", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0.5, 1.5, 2.5, 3.5, 4.5, 5.5,
                               6.5, 7.5, 8.5, 9.5));

    struct flags fl = {0};
    fl.ready = 1;
    fl.mode = 5;
    fl.level = -9;
    fl.wide = 0xABCDEF1234ull;
    fl.small = 3;
    fl.neg = -50;
    printf("bitfields %u %u %d %llx %u %d size %zu\n", fl.ready, fl.mode, fl.level, (unsigned long long)fl.wide,
           fl.small, fl.neg, sizeof fl);
    fl.mode += 4;                         /* wraps in 3 bits */
    fl.level -= 10;                       /* -19 does not fit in 5 bits: wraps */
    fl.wide += 0xFFFFFFFFFFull;
    fl.small++;
    printf("wrapped %u %d %llx %u\n", fl.mode, fl.level, (unsigned long long)fl.wide, fl.small);
    unsigned char raw[sizeof fl];
    memcpy(raw, &fl, sizeof fl);
    printf("raw");
    for (size_t i = 0; i < sizeof fl; i++)
        printf(" %02x", raw[i]);
    printf("\n");

    union pun u;
    u.d = -1.5;
    printf("union %016llx %08x %08x b7 %02x\n", (unsigned long long)u.u, u.w[0], u.w[1], u.b[7]);
    u.f[0] = 1.0f;
    u.f[1] = -0.0f;
    printf("union floats %016llx\n", (unsigned long long)u.u);
    u.u = 0x7ff8000000000001ull;
    printf("union nan payload %d\n", u.d != u.d);

    for (int i = 0; i < 4; i++)
        printf("op%d %d ", i, ops[i](17, 5));
    printf("\n");
    for (size_t i = 0; i < sizeof named_ops / sizeof named_ops[0]; i++)
        printf("%s %d\n", named_ops[i].name, named_ops[i].fn(6, 7));
    for (int d = -1; d <= 13; d++)
        printf("%s ", day_name(d));
    printf("\n");
    printf("goto words %d %d %d\n", goto_words("  the quick  brown fox "), goto_words(""), goto_words("x"));
    int c1 = counter(), c2 = counter();
    printf("statics %d %d %d\n", c1, c2, counter());
    printf("initialisers %d,%d %d,%d %d,%d %s %s %d %d %g %d\n", pts[0].x, pts[0].y, pts[1].x, pts[1].y, pts[2].x,
           pts[2].y, words[2], msg, matrix[1][1] + matrix[1][3], matrix[2][3], dtab[2], *global_ptr);
    strcat(msg, "+more");
    printf("msg %s\n", msg);
    printf("vla %ld %ld alloca %u %u\n", vla_sum(5, 7), vla_sum(33, 3), alloca_hash(100), alloca_hash(5000));
    return guest_done();
}
