/* sys_border's guest: the arena, arguments by kind, the output line. */
#include "tests/fuzz/sys_border.h"

uint8_t *ar;

void arena_build(void)
{
    /* MAP_FIXED over the arena's own range: nothing else lives there */
    void *p = mmap(ar, NPAGES * PG, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (p != ar) {
        perror("sys_border_guest: arena");
        exit(3);
    }
    mprotect(PAGE(P_N), PG, PROT_NONE);
    mprotect(PAGE(P_R), PG, PROT_READ);
    munmap(PAGE(P_H), PG);
    munmap(PAGE(P_E), PG);
}

bool writable(uint64_t p)
{
    if (p < (uint64_t)ar || p >= (uint64_t)(ar + NPAGES * PG))
        return false;
    unsigned pg = (unsigned)((p - (uint64_t)ar) / PG);
    return pg == P_A || pg == P_B || pg == P_C || pg == P_D;
}

void arena_fill(void)
{
    static const int w[] = { P_A, P_B, P_C, P_D };
    for (unsigned i = 0; i < 4; i++)
        for (unsigned j = 0; j < PG; j++)
            PAGE(w[i])[j] = (uint8_t)(0x41 + (j * 7 + (unsigned)i) % 61);
}

void put(uint64_t p, const void *data, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (writable(p + i))
            ((uint8_t *)(uintptr_t)p)[i] = ((const uint8_t *)data)[i];
}

void blank(uint64_t p, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (writable(p + i))
            ((uint8_t *)(uintptr_t)p)[i] = 0x5a;
}

bool inside(uint64_t p, size_t len)
{
    return len && writable(p) && writable(p + len - 1) &&
           (p + len - 1) / PG - p / PG <= 1 && (len <= PG || writable(p + PG));
}

uint32_t arena_sum(void)
{
    static const int w[] = { P_A, P_B, P_C, P_D };
    uint32_t h = 2166136261u;
    for (unsigned i = 0; i < 4; i++)
        for (unsigned j = 0; j < PG; j++)
            h = (h ^ PAGE(w[i])[j]) * 16777619u;
    return h;
}

/* ---- generation ---- */

uint64_t rng;
uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
unsigned rn(unsigned n) { return (unsigned)(rnd() % n); }

char line[2048];
size_t ll;
void out(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line + ll, sizeof line - ll, fmt, ap);
    va_end(ap);
    if (n > 0)
        ll = ll + (size_t)n < sizeof line ? ll + (size_t)n : sizeof line - 1;
}

long sc(long nr, long a, long b, long c, long d, long e, long f)
{
    long r = syscall(nr, a, b, c, d, e, f);
    return r == -1 ? -errno : r;
}

const char *const kname[NKINDS] = {
    "null", "good", "pgstart", "end", "str_none", "str_ro", "str_hole", "ro", "none",
    "hole", "into_d", "text", "kern", "m1", "top", "toppage", "x86top", "noncanon",
    "unaligned",
};

void text_fn(void) { }

uint64_t ptr_of(int k, uint64_t size, int slot)
{
    uint64_t half = size > 1 ? size / 2 : 1;
    if (size > PG)
        size = PG;
    if (half > PG / 2)
        half = PG / 2;
    switch (k) {
    case K_NULL:      return 0;
    case K_GOOD:      return (uint64_t)PAGE(P_A) + 64 + (uint64_t)slot * 1536;
    case K_PGSTART:   return (uint64_t)PAGE(slot ? P_D : P_B);
    case K_END:       return (uint64_t)PAGE(slot ? P_R : P_N) - size;
    case K_STR_NONE:  return (uint64_t)PAGE(P_N) - half;
    case K_STR_RO:    return (uint64_t)PAGE(P_R) - half;
    case K_STR_HOLE:  return (uint64_t)PAGE(P_H) - half;
    case K_RO:        return (uint64_t)PAGE(P_R) + (uint64_t)slot * 512;
    case K_NONE:      return (uint64_t)PAGE(P_N);
    case K_HOLE:      return (uint64_t)PAGE(P_H);
    case K_INTO_D:    return (uint64_t)PAGE(P_D) - half;
    case K_TEXT:      return (uint64_t)(uintptr_t)text_fn;
    case K_KERN:      return 0xffffffc000000000ULL;
    case K_M1:        return ~0ULL;
    case K_TOP:       return (1ULL << 38) - half;
    case K_TOPPAGE:   return (1ULL << 38) - PG;
    case K_X86TOP:    return (1ULL << 47) - half;
    case K_NONCANON:  return 1ULL << 63;
    default:          return (uint64_t)PAGE(P_A) + 65 + (uint64_t)slot * 1536;
    }
}

uint64_t arg_ptr(const char *name, uint64_t size, int slot)
{
    int k = rn(3) == 0 ? K_GOOD : (int)rn(NKINDS);
    out(" %s=%s", name, kname[k]);
    return ptr_of(k, size, slot);
}

uint64_t arg_ptr_k(const char *name, uint64_t size, int slot, int *kind)
{
    *kind = rn(3) == 0 ? K_GOOD : (int)rn(NKINDS);
    out(" %s=%s", name, kname[*kind]);
    return ptr_of(*kind, size, slot);
}

int64_t arg_len(const char *name, int64_t natural)
{
    static const int64_t fixed[] = {
        0, 1, 4096, 8192, 65536, 1L << 30, 0x7fffffff, 0x80000000L, 0xffffffffL,
        1L << 38, -1, -4096, INT64_MAX, INT64_MIN,
    };
    int64_t v;
    switch (rn(4)) {
    case 0: v = natural; break;
    case 1: v = natural + (int64_t)rn(3) - 1; break;
    default: v = PICK(fixed); break;
    }
    out(" %s=%lld", name, (long long)v);
    return v;
}

int64_t arg_of(const char *name, const int64_t *set, unsigned n, bool garbage)
{
    int64_t v = set[rn(n)];
    if (garbage && rn(16) == 0)
        v ^= (int64_t)(rnd() & 0xffffffff);
    out(" %s=%#llx", name, (unsigned long long)v);
    return v;
}

const char *const dname[NFDS] = {
    "file", "ro", "dir", "pipe_r", "pipe_w", "sock", "sock2", "udp", "event", "epoll",
    "null", "path", "memfd", "closed", "neg", "huge", "big", "cwd",
};
int scratch_dir_fd = 230;

int64_t fd_of(int k)
{
    switch (k) {
    case D_CLOSED: return FD_CLOSED;
    case D_NEG:    return -1;
    case D_HUGE:   return 0x7fffffff;
    case D_BIG:    return (1LL << 32) | (FD_BASE + D_FILE);
    case D_CWD:    return AT_FDCWD;
    default:       return FD_BASE + k;
    }
}

int64_t arg_fd_k(const char *name, bool safe, int *kind)
{
    int k;
    do
        k = (int)rn(NFDS);
    while (safe && k == D_NULL);
    *kind = k;
    out(" %s=%s", name, dname[k]);
    return fd_of(k);
}
int64_t arg_fd(const char *name, bool safe)
{
    int k;
    return arg_fd_k(name, safe, &k);
}
int64_t arg_dirfd(const char *name, bool safe)
{
    int k;
    if (rn(2))
        k = rn(2) ? D_CWD : D_DIR;
    else
        do
            k = (int)rn(NFDS);
        while (safe && k == D_NULL);
    out(" %s=%s", name, dname[k]);
    return fd_of(k);
}

uint64_t arg_path(const char *name, bool may_abs)
{
    static const char *const rel[] = { "f", "d", "l", "nx", "d/x", "", "r", "f/x", "new", "d/sub" };
    static const char *const abs_[] = { "/dev/null", "/proc/self/fd", "/" };
    uint64_t at = (uint64_t)PAGE(P_C) + 2048;
    switch (rn(8)) {
    case 0: {
        static const int k[] = { K_NULL, K_NONE, K_HOLE, K_KERN, K_M1, K_TOP, K_NONCANON };
        int kk = PICK(k);
        out(" %s=%s", name, kname[kk]);
        return ptr_of(kk, 1, 0);
    }
    case 1:     /* no NUL before the PROT_NONE page */
        out(" %s=unterminated", name);
        return (uint64_t)PAGE(P_N) - 40;
    case 2: {   /* longer than PATH_MAX, in A and B */
        uint8_t *p = PAGE(P_A) + 16;
        memset(p, 'a', 4200);
        p[4200] = 0;
        out(" %s=long", name);
        return (uint64_t)p;
    }
    case 3:
        if (may_abs) {
            const char *s = PICK(abs_);
            put(at, s, strlen(s) + 1);
            out(" %s='%s'", name, s);
            return at;
        }
        /* fall through */
    default: {
        const char *s = PICK(rel);
        size_t n = strlen(s) + 1;
        /* sometimes ending exactly at the PROT_NONE page */
        uint64_t p = rn(4) == 0 ? (uint64_t)PAGE(P_N) - n : at;
        put(p, s, n);
        out(" %s='%s'%s", name, s, p == at ? "" : "@end");
        return p;
    }
    }
}

/* ---- results ---- */

long result;
bool no_sum;
const char *ret_text;

void ret_norm_fd(void)
{
    if (result >= 0) {
        ret_text = "fd";
        close((int)result);
    }
}

/* An input structure's pointer: arg_ptr's, but the read-only page (zeros)
 * where that is the program text (code bytes differ by architecture, and
 * qemu 7.2 dies on some as a header) or, with no_null, NULL. */
uint64_t arg_in_ptr(const char *name, uint64_t size, int slot, bool no_null)
{
    int k;
    uint64_t p = arg_ptr_k(name, size, slot, &k);
    if (k == K_TEXT || (no_null && k == K_NULL)) {
        p = (uint64_t)PAGE(P_R);
        out("->ro");
    }
    return p;
}

/* The two fds a pipe2 or socketpair that succeeded stored at p: closed,
 * and blanked (their numbers vary). */
void close_pair(uint64_t p)
{
    if (result == 0 && inside(p, 8)) {
        int fds[2];
        memcpy(fds, (void *)(uintptr_t)p, 8);
        close(fds[0]);
        close(fds[1]);
        blank(p, 8);
    }
}
