/* A program linked against libm.so: calls into a second shared library,
 * across its PLT, with results printed to the last bit (the same libm runs
 * under every runner, so they must agree exactly) and identities checked. */
#include <math.h>
#include <stdio.h>
#include "guest.h"

static volatile double in[] = { 0.5, 1.0, 2.0, 3.14159, 10.0, -7.25, 1e-300, 1e300, 0.0 };

int main(void)
{
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
        double x = in[i];
        printf("x=%.17g sin=%.17g cos=%.17g tan=%.17g\n", x, sin(x), cos(x), tan(x));
        printf("  exp=%.17g log=%.17g pow=%.17g cbrt=%.17g\n", exp(x), log(fabs(x)),
               pow(fabs(x), 0.3), cbrt(x));
        printf("  atan2=%.17g hypot=%.17g lgamma=%.17g erf=%.17g\n", atan2(x, 1.5),
               hypot(x, 2.0), lgamma(x + 0.25), erf(x));
        printf("  sinf=%.9g expf=%.9g sqrt=%.17g fmod=%.17g\n", sinf((float)x),
               expf((float)x / 16), sqrt(fabs(x)), fmod(x, 0.7));
        if (fabs(x) < 1e10) {
            double s = sin(x), c = cos(x);
            CHECK(fabs(s * s + c * c - 1) < 1e-15);
        }
        CHECK(fabs(cbrt(x) * cbrt(x) * cbrt(x) - x) <= 1e-15 * fabs(x) + 1e-300);
    }
    CHECK(exp(log(10.0)) > 9.999999999 && exp(log(10.0)) < 10.000000001);
    return guest_done();
}
