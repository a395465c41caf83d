/* dlopen of a library the program is not linked against (libm): ld.so
 * finds it by its search path, maps it with mmap of the file (MAP_FIXED
 * segments, bss, RELRO mprotect), and dlclose unmaps it again, which
 * /proc/self/maps must show. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "guest.h"

static char maps[1 << 16];

/* Whether /proc/self/maps names a file whose last component is name. */
static int mapped(const char *name)
{
    int fd = open("/proc/self/maps", O_RDONLY), n = 0, r;
    if (fd < 0)
        return -1;
    while ((r = (int)read(fd, maps + n, sizeof maps - 1 - n)) > 0)
        n += r;
    close(fd);
    maps[n] = 0;
    char want[64];
    snprintf(want, sizeof want, "/%s\n", name);
    return strstr(maps, want) != NULL;
}

static const char *base(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

int main(void)
{
    printf("libm mapped before dlopen: %d\n", mapped("libm.so.6"));
    void *h = dlopen("libm.so.6", RTLD_NOW | RTLD_LOCAL);
    printf("dlopen libm.so.6: %s\n", h ? "ok" : dlerror());
    CHECK(h != NULL);
    if (!h)
        return guest_done();
    printf("libm mapped after dlopen: %d\n", mapped("libm.so.6"));
    double (*cosp)(double) = (double (*)(double))dlsym(h, "cos");
    double (*powp)(double, double) = (double (*)(double, double))dlsym(h, "pow");
    float (*sqrtfp)(float) = (float (*)(float))dlsym(h, "sqrtf");
    CHECK(cosp && powp && sqrtfp);
    if (cosp && powp && sqrtfp)
        printf("cos(0.5)=%.17g pow(2,0.5)=%.17g sqrtf(2)=%.9g\n", cosp(0.5), powp(2, 0.5),
               sqrtfp(2.0f));
    Dl_info info;
    CHECK(cosp && dladdr((void *)cosp, &info) != 0);
    if (cosp && dladdr((void *)cosp, &info))
        printf("dladdr(cos): %s in %s\n", info.dli_sname ? info.dli_sname : "?",
               base(info.dli_fname));
    printf("dlsym of a missing symbol: %s\n", dlsym(h, "no_such_symbol") ? "found" : "NULL");
    printf("dlsym(RTLD_DEFAULT, printf): %s\n", dlsym(RTLD_DEFAULT, "printf") ? "found" : "NULL");
    CHECK(dlclose(h) == 0);
    printf("libm mapped after dlclose: %d\n", mapped("libm.so.6"));
    void *bad = dlopen("libdoes-not-exist.so.9", RTLD_NOW);
    printf("dlopen of a missing library: %s\n", bad ? "ok?" : dlerror());
    CHECK(bad == NULL);
    return guest_done();
}
