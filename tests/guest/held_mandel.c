/* Double-precision number crunching as small programs do it: an ASCII
 * Mandelbrot set, matrices (multiply, LU decomposition with partial pivoting,
 * determinant, inverse, residual), Newton's method, Simpson integration,
 * a Runge-Kutta ODE step loop and single-precision vector sums. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "guest.h"

static void mandelbrot(void)
{
    const char *shades = " .:-=+*#%@";
    long total = 0;
    for (int row = 0; row < 24; row++) {
        double ci = 1.2 - row * 0.1;
        char line[80];
        for (int col = 0; col < 72; col++) {
            double cr = -2.1 + col * 0.04, zr = 0, zi = 0;
            int it = 0;
            while (it < 200 && zr * zr + zi * zi <= 4) {
                double t = zr * zr - zi * zi + cr;
                zi = 2 * zr * zi + ci;
                zr = t;
                it++;
            }
            total += it;
            line[col] = it == 200 ? '@' : shades[it % 9];
        }
        line[72] = 0;
        printf("|%s|\n", line);
    }
    printf("mandelbrot iterations %ld\n", total);
}

#define N 6

static void matmul(double a[N][N], double b[N][N], double c[N][N])
{
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            double s = 0;
            for (int k = 0; k < N; k++)
                s += a[i][k] * b[k][j];
            c[i][j] = s;
        }
}

/* LU in place with row permutation perm; returns the sign of the permutation,
 * or 0 if singular */
static int lu(double a[N][N], int perm[N])
{
    int sign = 1;
    for (int i = 0; i < N; i++)
        perm[i] = i;
    for (int k = 0; k < N; k++) {
        int p = k;
        for (int i = k + 1; i < N; i++)
            if (fabs(a[i][k]) > fabs(a[p][k]))
                p = i;
        if (a[p][k] == 0)
            return 0;
        if (p != k) {
            double tmp[N];
            memcpy(tmp, a[p], sizeof tmp);
            memcpy(a[p], a[k], sizeof tmp);
            memcpy(a[k], tmp, sizeof tmp);
            int t = perm[p];
            perm[p] = perm[k];
            perm[k] = t;
            sign = -sign;
        }
        for (int i = k + 1; i < N; i++) {
            a[i][k] /= a[k][k];
            for (int j = k + 1; j < N; j++)
                a[i][j] -= a[i][k] * a[k][j];
        }
    }
    return sign;
}

static void solve(double lu_[N][N], const int perm[N], const double b[N], double x[N])
{
    for (int i = 0; i < N; i++) {
        x[i] = b[perm[i]];
        for (int j = 0; j < i; j++)
            x[i] -= lu_[i][j] * x[j];
    }
    for (int i = N - 1; i >= 0; i--) {
        for (int j = i + 1; j < N; j++)
            x[i] -= lu_[i][j] * x[j];
        x[i] /= lu_[i][i];
    }
}

static void matrices(void)
{
    double a[N][N], f[N][N], inv[N][N], prod[N][N];
    unsigned seed = 12345;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            seed = seed * 1103515245u + 12345u;
            a[i][j] = (double)((seed >> 16) % 2001) / 100.0 - 10.0 + (i == j ? 15 : 0);
        }
    memcpy(f, a, sizeof a);
    int perm[N];
    int sign = lu(f, perm);
    double det = sign;
    for (int i = 0; i < N; i++)
        det *= f[i][i];
    printf("det %.10e perm", det);
    for (int i = 0; i < N; i++)
        printf(" %d", perm[i]);
    printf("\n");
    for (int j = 0; j < N; j++) {
        double e[N] = {0}, col[N];
        e[j] = 1;
        solve(f, perm, e, col);
        for (int i = 0; i < N; i++)
            inv[i][j] = col[i];
    }
    matmul(a, inv, prod);
    double err = 0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            err = fmax(err, fabs(prod[i][j] - (i == j)));
    printf("inverse residual below 1e-12: %d\n", err < 1e-12);
    CHECK(err < 1e-12);
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++)
            printf("%10.6f", inv[i][j]);
        printf("\n");
    }
    /* a power of a matrix: A^8 by squaring, printed in %e */
    double p[N][N], t[N][N];
    memcpy(p, a, sizeof a);
    for (int k = 0; k < 3; k++) {
        matmul(p, p, t);
        memcpy(p, t, sizeof t);
    }
    printf("A^8 diagonal:");
    for (int i = 0; i < N; i++)
        printf(" %.6e", p[i][i]);
    printf("\n");
}

static double f_cubic(double x)
{
    return x * x * x - 2 * x - 5;
}

static double simpson(double (*f)(double), double a, double b, int n)
{
    double h = (b - a) / n, s = f(a) + f(b);
    for (int i = 1; i < n; i++)
        s += f(a + i * h) * (i % 2 ? 4 : 2);
    return s * h / 3;
}

static void numerics(void)
{
    double x = 2;
    int it;
    for (it = 0; it < 50; it++) {
        double fx = f_cubic(x), d = 3 * x * x - 2;
        double nx = x - fx / d;
        if (nx == x)
            break;
        x = nx;
    }
    printf("newton root %.17g after %d iterations\n", x, it);
    printf("simpson sin 0..pi %.15f\n", simpson(sin, 0, M_PI, 1000));
    printf("simpson exp 0..1 %.15f (e-1 %.15f)\n", simpson(exp, 0, 1, 500), M_E - 1);
    /* harmonic oscillator with RK4: energy should stay put */
    double pos = 1, vel = 0, h = 0.01;
    for (int i = 0; i < 2000; i++) {
        double k1x = vel, k1v = -pos;
        double k2x = vel + h / 2 * k1v, k2v = -(pos + h / 2 * k1x);
        double k3x = vel + h / 2 * k2v, k3v = -(pos + h / 2 * k2x);
        double k4x = vel + h * k3v, k4v = -(pos + h * k3x);
        pos += h / 6 * (k1x + 2 * k2x + 2 * k3x + k4x);
        vel += h / 6 * (k1v + 2 * k2v + 2 * k3v + k4v);
    }
    printf("rk4 t=20: x %.12f v %.12f cos %.12f energy %.15f\n", pos, vel, cos(20.0), (pos * pos + vel * vel) / 2);
    float fs = 0, comp = 0, plain = 0;
    for (int i = 1; i <= 100000; i++) {
        float term = 1.0f / ((float)i * (float)i);
        plain += term;
        float y = term - comp, t = fs + y;    /* Kahan */
        comp = (t - fs) - y;
        fs = t;
    }
    printf("float sums %.9g kahan %.9g pi^2/6 %.9g\n", (double)plain, (double)fs, M_PI * M_PI / 6);
    double mean = 0, m2 = 0;
    for (int i = 1; i <= 1000; i++) {
        double v = sin(i) * 100 + i * 0.01, d = v - mean;
        mean += d / i;
        m2 += d * (v - mean);
    }
    printf("welford mean %.12f stddev %.12f\n", mean, sqrt(m2 / 999));
}

int main(void)
{
    mandelbrot();
    matrices();
    numerics();
    return guest_done();
}
