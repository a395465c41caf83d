/* Virtual-call-like dispatch: an array of objects of five kinds, each with
 * a pointer to its kind's table of methods (a C++ vtable by hand): area,
 * perimeter, grow and a visitor, called through the tables in a loop over
 * the mixed array. Integer geometry, so results are exact. Check: the
 * totals equal those computed by a switch on each object's kind tag, and
 * growing every object by one unit and back leaves the totals as they were. */
#include "bench.h"

struct shape;
struct shape_ops {
    int64_t (*area)(const struct shape *);
    int64_t (*perimeter)(const struct shape *);
    void (*grow)(struct shape *, int64_t);
    void (*visit)(const struct shape *, int64_t *acc);
};
enum kind { SQUARE, RECT, TRIANGLE, DIAMOND, CROSS, NKIND };
struct shape { const struct shape_ops *ops; enum kind kind; int64_t w, h; };

static int64_t square_area(const struct shape *s) { return s->w * s->w; }
static int64_t square_perim(const struct shape *s) { return 4 * s->w; }
static int64_t rect_area(const struct shape *s) { return s->w * s->h; }
static int64_t rect_perim(const struct shape *s) { return 2 * (s->w + s->h); }
/* right triangle with legs w and h, doubled area so it stays an integer */
static int64_t tri_area(const struct shape *s) { return s->w * s->h; }
static int64_t tri_perim(const struct shape *s) { return s->w + s->h + (s->w > s->h ? s->w : s->h); }
static int64_t diamond_area(const struct shape *s) { return 2 * s->w * s->h; }
static int64_t diamond_perim(const struct shape *s) { return 4 * (s->w + s->h); }
static int64_t cross_area(const struct shape *s) { return 5 * s->w * s->w; }
static int64_t cross_perim(const struct shape *s) { return 12 * s->w; }
static void grow_both(struct shape *s, int64_t d) { s->w += d; s->h += d; }
static void grow_w(struct shape *s, int64_t d) { s->w += d; }
static void visit_area(const struct shape *s, int64_t *acc) { *acc += s->ops->area(s); }
static void visit_perim(const struct shape *s, int64_t *acc) { *acc += 3 * s->ops->perimeter(s); }

static const struct shape_ops kinds[NKIND] = {
    [SQUARE] = { square_area, square_perim, grow_w, visit_area },
    [RECT] = { rect_area, rect_perim, grow_both, visit_perim },
    [TRIANGLE] = { tri_area, tri_perim, grow_both, visit_area },
    [DIAMOND] = { diamond_area, diamond_perim, grow_both, visit_perim },
    [CROSS] = { cross_area, cross_perim, grow_w, visit_area },
};

/* The same methods, chosen by the kind tag. */
static void by_switch(const struct shape *s, int64_t *area, int64_t *perim, int64_t *visit)
{
    int64_t w = s->w, h = s->h, a, p;
    switch (s->kind) {
    case SQUARE: a = w * w; p = 4 * w; break;
    case RECT: a = w * h; p = 2 * (w + h); break;
    case TRIANGLE: a = w * h; p = w + h + (w > h ? w : h); break;
    case DIAMOND: a = 2 * w * h; p = 4 * (w + h); break;
    default: a = 5 * w * w; p = 12 * w; break;
    }
    *area += a;
    *perim += p;
    *visit += s->kind == RECT || s->kind == DIAMOND ? 3 * p : a;
}

static void totals(const struct shape *o, int n, int64_t *area, int64_t *perim, int64_t *visit)
{
    *area = *perim = *visit = 0;
    for (int i = 0; i < n; i++) {
        *area += o[i].ops->area(&o[i]);
        *perim += o[i].ops->perimeter(&o[i]);
        o[i].ops->visit(&o[i], visit);
    }
}

/* Objects of every kind in a pseudo-random mix, sides 1..1024. */
static void make_shapes(struct shape *o, int n, uint64_t seed)
{
    while (n--) {
        uint64_t r = bench_rand(&seed);
        o->kind = (enum kind)(r % NKIND);
        o->ops = &kinds[o->kind];
        o->w = 1 + (int64_t)(r >> 8 & 1023);
        o->h = 1 + (int64_t)(r >> 20 & 1023);
        o++;
    }
}

static uint64_t vcall_run(long scale)
{
    enum { NOBJ = 2048 };
    static struct shape obj[NOBJ];
    uint64_t h = 0;
    make_shapes(obj, NOBJ, 53);
    for (long r = 0; r < 100 * scale; r++) {
        int64_t area, perim, visit;
        totals(obj, NOBJ, &area, &perim, &visit);
        if (r % 64 == 0) {
            int64_t a2 = 0, p2 = 0, v2 = 0;
            for (int i = 0; i < NOBJ; i++)
                by_switch(&obj[i], &a2, &p2, &v2);
            if (a2 != area || p2 != perim || v2 != visit)
                bench_fail("round %ld: through the tables %lld/%lld/%lld, by switch %lld/%lld/%lld", r,
                           (long long)area, (long long)perim, (long long)visit,
                           (long long)a2, (long long)p2, (long long)v2);
            int64_t a3, p3, v3;
            for (int i = 0; i < NOBJ; i++)
                obj[i].ops->grow(&obj[i], 1);
            for (int i = 0; i < NOBJ; i++)
                obj[i].ops->grow(&obj[i], -1);
            totals(obj, NOBJ, &a3, &p3, &v3);
            if (a3 != area || p3 != perim || v3 != visit)
                bench_fail("round %ld: growing and shrinking changed the totals", r);
        }
        h = bench_mix(h, (uint64_t)(area ^ perim << 1 ^ visit << 2));
        /* one object changes size each round */
        obj[r % NOBJ].ops->grow(&obj[r % NOBJ], r % 3 == 0 ? 1 : 0);
    }
    return h;
}

BENCH_MAIN(vcall, 95)
