/* -strace: one line per guest syscall on stderr, in qemu's format:
 *   PID name(arg,arg,...) = result
 * with strings quoted and failures as "-1 errno=N (text)". The line is built
 * whole and written with one call so lines from several threads do not mix. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "linux/sys_impl.h"

enum { STRACE_STR_MAX = 64, STRACE_BUF_MAX = 32 };

struct line {
    char buf[1024];
    size_t len;
};

__attribute__((format(printf, 2, 3)))
static void put(struct line *l, const char *fmt, ...)
{
    /* one byte stays free for the final newline */
    size_t cap = sizeof l->buf - 1;
    if (l->len + 1 >= cap)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(l->buf + l->len, cap - l->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        l->len += (size_t)n;
    if (l->len > cap - 1)
        l->len = cap - 1;
}

static void put_quoted(struct line *l, const uint8_t *p, size_t n, bool more)
{
    put(l, "\"");
    for (size_t i = 0; i < n; i++) {
        uint8_t ch = p[i];
        switch (ch) {
        case '\n': put(l, "\\n"); break;
        case '\t': put(l, "\\t"); break;
        case '\r': put(l, "\\r"); break;
        case '"':  put(l, "\\\""); break;
        case '\\': put(l, "\\\\"); break;
        default:
            if (ch >= 0x20 && ch < 0x7f)
                put(l, "%c", ch);
            else
                put(l, "\\x%02x", ch);
        }
    }
    put(l, more ? "\"..." : "\"");
}

static void put_str(struct line *l, struct mmu *m, uint64_t g)
{
    if (!g) {
        put(l, "NULL");
        return;
    }
    int64_t n = mmu_strnlen(m, g, 4096);
    uint64_t show = n < 0 ? STRACE_STR_MAX : (uint64_t)n;
    bool more = n < 0 || show > STRACE_STR_MAX;
    if (show > STRACE_STR_MAX)
        show = STRACE_STR_MAX;
    /* -ENAMETOOLONG still leaves a readable prefix worth showing */
    const uint8_t *p = n == -EFAULT ? NULL : mmu_ptr(m, g, show, MMU_R);
    if (p)
        put_quoted(l, p, show, more);
    else
        put(l, "0x%" PRIx64, g);
}

static void put_buf(struct line *l, struct mmu *m, uint64_t g, uint64_t len)
{
    uint64_t show = len < STRACE_BUF_MAX ? len : STRACE_BUF_MAX;
    const uint8_t *p = mmu_ptr(m, g, show, MMU_R);
    if (p)
        put_quoted(l, p, show, len > show);
    else
        put(l, "0x%" PRIx64, g);
}

static void put_arg(struct line *l, struct mmu *m, enum sys_arg kind, const uint64_t *a, int i)
{
    uint64_t v = a[i];
    switch (kind) {
    case A_NONE:
        break;
    case A_INT:
    case A_FD:
        put(l, "%d", (int)v);
        break;
    case A_DIRFD:
        if ((int)v == RV_AT_FDCWD)
            put(l, "AT_FDCWD");
        else
            put(l, "%d", (int)v);
        break;
    case A_LONG:
        put(l, "%" PRId64, (int64_t)v);
        break;
    case A_SIZE:
        put(l, "%" PRIu64, v);
        break;
    case A_HEX:
        put(l, "0x%" PRIx64, v);
        break;
    case A_OCT:
        put(l, v ? "0%" PRIo64 : "0", v);
        break;
    case A_PTR:
        if (v)
            put(l, "0x%" PRIx64, v);
        else
            put(l, "NULL");
        break;
    case A_STR:
        put_str(l, m, v);
        break;
    case A_BUF:
        put_buf(l, m, v, i < 5 ? a[i + 1] : 0);
        break;
    case A_SIG: {
        const char *name = sys_signame((int)v);
        if (name)
            put(l, "%s", name);
        else
            put(l, "%d", (int)v);
        break;
    }
    }
}

void sys_strace(struct rv_cpu *c, uint64_t nr, const struct sys_entry *e,
                const uint64_t *a, int64_t ret, bool done)
{
    struct line l = { .len = 0 };
    struct mmu *m = sys_mmu(c);

    put(&l, "%d ", (int)getpid());
    if (!e || !e->fn) {
        put(&l, "unimplemented syscall %" PRIu64, nr);
        if (e)
            put(&l, " (%s)", e->name);
    } else {
        put(&l, "%s(", e->name);
        for (int i = 0; i < 6 && e->arg[i] != A_NONE; i++) {
            if (i)
                put(&l, ",");
            put_arg(&l, m, e->arg[i], a, i);
        }
        put(&l, ")");
    }
    if (done) {
        if (ret < 0 && ret >= -4095)
            put(&l, " = -1 errno=%d (%s)", (int)-ret, strerror((int)-ret));
        else if (e && e->ret == R_HEX)
            put(&l, " = 0x%" PRIx64, (uint64_t)ret);
        else
            put(&l, " = %" PRId64, ret);
    }
    l.buf[l.len++] = '\n';
    l.buf[l.len] = '\0';
    fputs(l.buf, stderr);
}
