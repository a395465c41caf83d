/* rvdbt runs F/D arithmetic inline with the host's SSE unit, whose MXCSR
 * holds frm's rounding and the flags raised since translated code was last
 * entered (docs/ARCHITECTURE.md, "Floating point"). This checks the places
 * where those must meet fcsr: frm changed in the middle of straight-line
 * code (one translated block), flags read and written between inline
 * operations (gcc's quiet comparison among them), flags accrued inline
 * across the C helpers that keep their own MXCSR, and flags accrued just
 * before a fault, as the signal handler reads them: the fault found by a
 * slow path and the one the host raises (a read of a file mapping past the
 * end of its file). riscv only; qemu-riscv64 is the oracle. */
#include <fcntl.h>
#include <inttypes.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include "guest.h"

typedef uint64_t u64;

enum { NV = 0x10, DZ = 0x08, OF = 0x04, UF = 0x02, NX = 0x01 };
enum { RNE, RTZ, RDN, RUP, RMM };

#define ONE_D   0x3ff0000000000000ull
#define THREE_D 0x4008000000000000ull
#define ULP1_25 0x3cb4000000000000ull   /* 1.25 ulp of 1.0: 1 + it rounds differently per mode */

/* One straight line of code: 1 + 1.25 ulp in each mode, frm set between
 * the additions, then fcsr. */
static void modes_in_one_block(void)
{
    u64 r[5], fcsr;
    __asm__ volatile(
        "fmv.d.x ft1, %[a]\n\tfmv.d.x ft2, %[b]\n\tfscsr zero\n\t"
        "fsrmi %[rtz]\n\tfadd.d ft0, ft1, ft2\n\tfmv.x.d %[r0], ft0\n\t"
        "fsrmi %[rup]\n\tfadd.d ft0, ft1, ft2\n\tfmv.x.d %[r1], ft0\n\t"
        "fsrmi %[rdn]\n\tfadd.d ft0, ft1, ft2\n\tfmv.x.d %[r2], ft0\n\t"
        "fsrmi %[rmm]\n\tfadd.d ft0, ft1, ft2\n\tfmv.x.d %[r3], ft0\n\t"
        "fsrmi %[rne]\n\tfadd.d ft0, ft1, ft2, rup\n\tfmv.x.d %[r4], ft0\n\t"
        "frcsr %[fcsr]\n\tfscsr zero"
        : [r0] "=&r"(r[0]), [r1] "=&r"(r[1]), [r2] "=&r"(r[2]), [r3] "=&r"(r[3]), [r4] "=&r"(r[4]),
          [fcsr] "=&r"(fcsr)
        : [a] "r"(ONE_D), [b] "r"(ULP1_25), [rtz] "i"(RTZ), [rup] "i"(RUP), [rdn] "i"(RDN),
          [rmm] "i"(RMM), [rne] "i"(RNE)
        : "ft0", "ft1", "ft2");
    printf("modes in one block: rtz %016" PRIx64 " rup %016" PRIx64 " rdn %016" PRIx64
           " rmm %016" PRIx64 " static rup %016" PRIx64 " fcsr %02" PRIx64 "\n",
           r[0], r[1], r[2], r[3], r[4], fcsr);
    CHECK(r[0] == ONE_D + 1 && r[1] == ONE_D + 2 && r[2] == ONE_D + 1 && r[3] == ONE_D + 1 &&
          r[4] == ONE_D + 2 && fcsr == NX);
}

/* Flags written and read between inline operations, and around helpers
 * (fcvt.lu.d and fclass.d have no inline form). */
static void flags_in_one_block(void)
{
    u64 f[6], x;
    __asm__ volatile(
        "fmv.d.x ft1, %[one]\n\tfmv.d.x ft2, %[three]\n\tfscsr zero\n\t"
        "fdiv.d ft0, ft1, ft2\n\tfrflags %[f0]\n\t"                  /* 1/3: NX */
        "fsflags zero\n\tfmul.d ft0, ft1, ft2\n\tfrflags %[f1]\n\t"  /* exact: none */
        "fdiv.d ft0, ft1, ft2\n\tfcvt.lu.d %[x], ft2\n\tfrflags %[f2]\n\t"   /* NX kept by a helper */
        "fsflags zero\n\tfcvt.lu.d %[x], ft2\n\tfclass.d %[x], ft0\n\tfrflags %[f3]\n\t" /* and not revived */
        "li %[x], %[nv]\n\tfsflags %[x]\n\tfdiv.d ft0, ft1, ft2\n\tfrflags %[f4]\n\t" /* NV | NX */
        "fmv.d.x ft3, zero\n\tfdiv.d ft0, ft1, ft3\n\tfscsr %[f5], zero\n\t"    /* DZ, then all gone */
        "fmul.d ft0, ft1, ft2\n\tfrcsr %[x]"
        : [f0] "=&r"(f[0]), [f1] "=&r"(f[1]), [f2] "=&r"(f[2]), [f3] "=&r"(f[3]), [f4] "=&r"(f[4]),
          [f5] "=&r"(f[5]), [x] "=&r"(x)
        : [one] "r"(ONE_D), [three] "r"(THREE_D), [nv] "i"(NV)
        : "ft0", "ft1", "ft2", "ft3");
    printf("flags in one block: %02" PRIx64 " %02" PRIx64 " %02" PRIx64 " %02" PRIx64 " %02" PRIx64
           " %02" PRIx64 " %02" PRIx64 "\n", f[0], f[1], f[2], f[3], f[4], f[5], x);
    CHECK(f[0] == NX && f[1] == 0 && f[2] == NX && f[3] == 0 && f[4] == (NV | NX) &&
          f[5] == (NV | DZ | NX) && x == 0);
}

/* gcc's quiet comparison (around sqrt, for errno): frflags t; flt; fsflags
 * t. An inexact division first, so NX is pending when the flags are read;
 * then flt of a NaN raises NV, which the fsflags must take away again, and
 * flt of numbers raises nothing. Last, fsflags of a value without the
 * pending NX must clear it. */
static void quiet_compare(void)
{
    u64 f[3], lt[2], t;
    __asm__ volatile(
        "fmv.d.x ft1, %[one]\n\tfmv.d.x ft2, %[three]\n\tfmv.d.x ft3, %[nan]\n\tfscsr zero\n\t"
        "fdiv.d ft0, ft1, ft2\n\t"
        "frflags %[t]\n\tflt.d %[lt0], ft3, ft1\n\tfsflags %[t]\n\tfrflags %[f0]\n\t"
        "frflags %[t]\n\tflt.d %[lt1], ft1, ft2\n\tfsflags %[t]\n\tfrflags %[f1]\n\t"
        "fdiv.d ft0, ft1, ft2\n\tli %[t], %[dz]\n\tfsflags %[t]\n\tfrflags %[f2]\n\tfscsr zero"
        : [f0] "=&r"(f[0]), [f1] "=&r"(f[1]), [f2] "=&r"(f[2]), [lt0] "=&r"(lt[0]), [lt1] "=&r"(lt[1]),
          [t] "=&r"(t)
        : [one] "r"(ONE_D), [three] "r"(THREE_D), [nan] "r"(0x7ff8000000000000ull), [dz] "i"(DZ)
        : "ft0", "ft1", "ft2", "ft3");
    printf("quiet compare: nan < 1 = %" PRIu64 " flags %02" PRIx64 ", 1 < 3 = %" PRIu64
           " flags %02" PRIx64 ", fsflags DZ over NX: %02" PRIx64 "\n", lt[0], f[0], lt[1], f[1], f[2]);
    CHECK(lt[0] == 0 && f[0] == NX && lt[1] == 1 && f[1] == NX && f[2] == DZ);
}

static sigjmp_buf jb;
static volatile u64 handler_fcsr;

static void on_fault(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)si;
    (void)uc;
    u64 v;
    __asm__ volatile("frcsr %0" : "=r"(v));
    handler_fcsr = v;
    siglongjmp(jb, 1);
}

/* 1/3 (NX) then 1/0 (DZ) in round-up mode, then a load from `addr` that
 * faults: the handler must see both flags and the mode. */
static void flags_at_fault(const char *what, const volatile char *addr)
{
    handler_fcsr = 0xdead;
    if (!sigsetjmp(jb, 1)) {
        __asm__ volatile(
            "fmv.d.x ft1, %[one]\n\tfmv.d.x ft2, %[three]\n\tfmv.d.x ft3, zero\n\t"
            "fscsr zero\n\tfsrmi %[rup]\n\t"
            "fdiv.d ft0, ft1, ft2\n\tfdiv.d ft0, ft1, ft3\n\tlb t0, 0(%[p])"
            : : [one] "r"(ONE_D), [three] "r"(THREE_D), [rup] "i"(RUP), [p] "r"(addr)
            : "ft0", "ft1", "ft2", "ft3", "t0", "memory");
        printf("%s: no fault\n", what);
    }
    u64 after;
    __asm__ volatile("frcsr %0\n\tfscsr zero" : "=r"(after));
    printf("%s: fcsr in the handler %02" PRIx64 ", after %02" PRIx64 "\n", what, handler_fcsr, after);
    CHECK(handler_fcsr == (RUP << 5 | DZ | NX) && after == handler_fcsr);
}

int main(void)
{
    modes_in_one_block();
    flags_in_one_block();
    quiet_compare();

    struct sigaction sa = { .sa_sigaction = on_fault, .sa_flags = SA_SIGINFO };
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    /* an unmapped page: the memory slow path raises the fault */
    flags_at_fault("slow-path fault", (const volatile char *)8);

    /* a file mapping's second page past the end of the one-byte file: the
     * host raises SIGBUS in the translated access itself */
    char path[] = "/tmp/rvdbt-fpmxcsrXXXXXX";
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, "x", 1) != 1)
        return 2;
    unlink(path);
    volatile char *m = mmap(NULL, 8192, PROT_READ, MAP_SHARED, fd, 0);
    if (m == MAP_FAILED)
        return 3;
    CHECK(m[0] == 'x');
    flags_at_fault("host fault", m + 4096);
    return guest_done();
}
