/* N-body: the Sun and the four gas giants (the benchmarks game's initial
 * state), advanced with a symplectic Euler step. Check: the total energy
 * stays within 1e-3 of its initial value (relative; the method's own error
 * is about 2e-4), and the total momentum, zeroed at the start, stays below
 * 1e-9 of the sum of the bodies' momenta; a force or update computed wrong
 * breaks either at once. */
#include <math.h>
#include "bench.h"

#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24

struct body { double x[3], v[3], mass; };

static struct body bodies[5] = {
    { { 0, 0, 0 }, { 0, 0, 0 }, SOLAR_MASS },
    { { 4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01 },
      { 1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
        -6.90460016972063023e-05 * DAYS_PER_YEAR },
      9.54791938424326609e-04 * SOLAR_MASS },
    { { 8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01 },
      { -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
        2.30417297573763929e-05 * DAYS_PER_YEAR },
      2.85885980666130812e-04 * SOLAR_MASS },
    { { 1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01 },
      { 2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
        -2.96589568540237556e-05 * DAYS_PER_YEAR },
      4.36624404335156298e-05 * SOLAR_MASS },
    { { 1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01 },
      { 2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
        -9.51592254519715870e-05 * DAYS_PER_YEAR },
      5.15138902046611451e-05 * SOLAR_MASS },
};
enum { NB = 5 };

static void advance(double dt)
{
    for (int i = 0; i < NB; i++)
        for (int j = i + 1; j < NB; j++) {
            double d[3], d2 = 0;
            for (int k = 0; k < 3; k++) {
                d[k] = bodies[i].x[k] - bodies[j].x[k];
                d2 += d[k] * d[k];
            }
            double mag = dt / (d2 * sqrt(d2));
            for (int k = 0; k < 3; k++) {
                bodies[i].v[k] -= d[k] * bodies[j].mass * mag;
                bodies[j].v[k] += d[k] * bodies[i].mass * mag;
            }
        }
    for (int i = 0; i < NB; i++)
        for (int k = 0; k < 3; k++)
            bodies[i].x[k] += dt * bodies[i].v[k];
}

static double energy(void)
{
    double e = 0;
    for (int i = 0; i < NB; i++) {
        const struct body *b = &bodies[i];
        e += 0.5 * b->mass * (b->v[0] * b->v[0] + b->v[1] * b->v[1] + b->v[2] * b->v[2]);
        for (int j = i + 1; j < NB; j++) {
            double d2 = 0;
            for (int k = 0; k < 3; k++)
                d2 += (b->x[k] - bodies[j].x[k]) * (b->x[k] - bodies[j].x[k]);
            e -= b->mass * bodies[j].mass / sqrt(d2);
        }
    }
    return e;
}

static double momentum(void)
{
    double p2 = 0;
    for (int k = 0; k < 3; k++) {
        double p = 0;
        for (int i = 0; i < NB; i++)
            p += bodies[i].v[k] * bodies[i].mass;
        p2 += p * p;
    }
    return sqrt(p2);
}

static uint64_t nbody_run(long scale)
{
    /* the Sun moves so that the total momentum is zero */
    for (int k = 0; k < 3; k++) {
        double p = 0;
        for (int i = 1; i < NB; i++)
            p += bodies[i].v[k] * bodies[i].mass;
        bodies[0].v[k] = -p / SOLAR_MASS;
    }
    double e0 = energy(), p_scale = 0;
    for (int i = 0; i < NB; i++)
        p_scale += bodies[i].mass * sqrt(bodies[i].v[0] * bodies[i].v[0] + bodies[i].v[1] * bodies[i].v[1]
                                         + bodies[i].v[2] * bodies[i].v[2]);
    uint64_t h = 0;
    for (long r = 0; r < scale; r++) {
        for (int s = 0; s < 10000; s++)
            advance(0.01);
        double e = energy(), p = momentum();
        if (fabs(e - e0) > 1e-3 * fabs(e0) || p > 1e-9 * p_scale)
            bench_fail("after %ld steps: energy %.12f (started at %.12f), momentum %g", (r + 1) * 10000,
                       e, e0, p);
        h = bench_mix(h, bench_dbits(e));
    }
    for (int i = 0; i < NB; i++)
        for (int k = 0; k < 3; k++)
            h = bench_mix(h, bench_dbits(bodies[i].x[k]));
    return h;
}

BENCH_MAIN(nbody, 350)
