/* -strace: one line per guest syscall on stderr, in qemu's format:
 *   PID name(arg,arg,...) = result
 * with strings quoted, flag words and enumerations by name (O_RDONLY|
 * O_CLOEXEC, PROT_READ|PROT_WRITE, CLOCK_MONOTONIC...) and failures as
 * "-1 errno=N (text)". The line is built whole and written with one call so
 * lines from several threads do not mix. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "linux/guest_abi_net.h"
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

/* Names of the bits of a flag word, or of the values of an enumeration. */
struct name {
    uint64_t v;
    const char *s;
};
#define N(x) { RV_##x, #x }
#define NAMES(t) t, sizeof t / sizeof t[0]

static const struct name o_flags[] = {
    N(O_CREAT), N(O_EXCL), N(O_NOCTTY), N(O_TRUNC), N(O_APPEND), N(O_NONBLOCK), N(O_DSYNC),
    N(O_ASYNC), N(O_DIRECT), N(O_DIRECTORY), N(O_NOFOLLOW), N(O_NOATIME), N(O_CLOEXEC),
    { RV_O_SYNC & ~RV_O_DSYNC, "O_SYNC" }, N(O_PATH), { RV_O_TMPFILE & ~RV_O_DIRECTORY, "O_TMPFILE" },
};
static const struct name fd_flags[] = { N(O_NONBLOCK), N(O_CLOEXEC) };
static const struct name prot_flags[] = { N(PROT_READ), N(PROT_WRITE), N(PROT_EXEC) };
static const struct name map_flags[] = {
    N(MAP_FIXED), N(MAP_ANONYMOUS), N(MAP_GROWSDOWN), N(MAP_DENYWRITE), N(MAP_EXECUTABLE),
    N(MAP_LOCKED), N(MAP_NORESERVE), N(MAP_POPULATE), N(MAP_NONBLOCK), N(MAP_STACK),
    N(MAP_HUGETLB), N(MAP_SYNC), N(MAP_FIXED_NOREPLACE),
};
static const struct name map_types[] = {
    N(MAP_SHARED), N(MAP_PRIVATE), N(MAP_SHARED_VALIDATE),
};
static const struct name at_flags[] = {
    N(AT_SYMLINK_NOFOLLOW), { RV_AT_REMOVEDIR, "AT_REMOVEDIR" }, N(AT_SYMLINK_FOLLOW),
    N(AT_NO_AUTOMOUNT), N(AT_EMPTY_PATH),
};
static const struct name families[] = {
    N(AF_UNSPEC), N(AF_UNIX), N(AF_INET), N(AF_INET6), N(AF_NETLINK), N(AF_PACKET),
};
static const struct name sock_types[] = {
    N(SOCK_STREAM), N(SOCK_DGRAM), N(SOCK_RAW), N(SOCK_RDM), N(SOCK_SEQPACKET), N(SOCK_PACKET),
};
static const struct name sock_flags[] = {
    { RV_O_NONBLOCK, "SOCK_NONBLOCK" }, { RV_O_CLOEXEC, "SOCK_CLOEXEC" },
};
static const struct name fcntl_cmds[] = {
    N(F_DUPFD), N(F_GETFD), N(F_SETFD), N(F_GETFL), N(F_SETFL), N(F_GETLK), N(F_SETLK),
    N(F_SETLKW), N(F_SETOWN), N(F_GETOWN), N(F_SETSIG), N(F_GETSIG), N(F_SETOWN_EX),
    N(F_GETOWN_EX), N(F_OFD_GETLK), N(F_OFD_SETLK), N(F_OFD_SETLKW), N(F_SETLEASE),
    N(F_GETLEASE), N(F_NOTIFY), N(F_DUPFD_CLOEXEC), N(F_SETPIPE_SZ), N(F_GETPIPE_SZ),
    N(F_ADD_SEALS), N(F_GET_SEALS),
};
static const struct name clocks[] = {
    N(CLOCK_REALTIME), N(CLOCK_MONOTONIC), N(CLOCK_PROCESS_CPUTIME_ID),
    N(CLOCK_THREAD_CPUTIME_ID), N(CLOCK_MONOTONIC_RAW), N(CLOCK_REALTIME_COARSE),
    N(CLOCK_MONOTONIC_COARSE), N(CLOCK_BOOTTIME), N(CLOCK_TAI),
};
static const struct name futex_cmds[] = {
    N(FUTEX_WAIT), N(FUTEX_WAKE), N(FUTEX_REQUEUE), N(FUTEX_CMP_REQUEUE), N(FUTEX_WAKE_OP),
    N(FUTEX_WAIT_BITSET), N(FUTEX_WAKE_BITSET),
};
static const struct name futex_flags[] = { N(FUTEX_PRIVATE_FLAG), N(FUTEX_CLOCK_REALTIME) };
static const struct name whences[] = {
    { 0, "SEEK_SET" }, { 1, "SEEK_CUR" }, { 2, "SEEK_END" }, { 3, "SEEK_DATA" }, { 4, "SEEK_HOLE" },
};

static const char *find(const struct name *t, size_t n, uint64_t v)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].v == v)
            return t[i].s;
    return NULL;
}

/* An enumeration value by name, else as a number. */
static void put_enum(struct line *l, const struct name *t, size_t n, int v)
{
    const char *s = find(t, n, (uint64_t)(uint32_t)v);
    if (s)
        put(l, "%s", s);
    else
        put(l, "%d", v);
}

/* The named bits of v joined by |, then what is left in hex; sep says
 * whether something was put before. Returns whether anything was put. */
static bool put_bits(struct line *l, const struct name *t, size_t n, uint64_t v, bool sep)
{
    for (size_t i = 0; i < n; i++)
        if ((v & t[i].v) == t[i].v && t[i].v) {
            put(l, "%s%s", sep ? "|" : "", t[i].s);
            v &= ~t[i].v;
            sep = true;
        }
    if (v)
        put(l, "%s0x%" PRIx64, sep ? "|" : "", v);
    return sep || v;
}

/* The value of the first field (an access mode, a mapping type, a socket
 * type, a futex command) by name, then the flag bits. */
static void put_kind_flags(struct line *l, const char *kind, uint64_t rest,
                           const struct name *flags, size_t n)
{
    put(l, "%s", kind);
    put_bits(l, flags, n, rest, true);
}

static void put_oflags(struct line *l, uint64_t v)
{
    static const char *const modes[] = { "O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE" };
    put_kind_flags(l, modes[v & 3], (uint32_t)v & ~3u, NAMES(o_flags));
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
    case A_OFLAGS:
        put_oflags(l, v);
        break;
    case A_FDFLAGS:
        if (!put_bits(l, NAMES(fd_flags), (uint32_t)v, false))
            put(l, "0");
        break;
    case A_PROT:
        if (!put_bits(l, NAMES(prot_flags), (uint32_t)v, false))
            put(l, "PROT_NONE");
        break;
    case A_MFLAGS: {
        const char *type = find(NAMES(map_types), v & RV_MAP_TYPE);
        if (type)
            put_kind_flags(l, type, (uint32_t)v & ~(uint32_t)RV_MAP_TYPE, NAMES(map_flags));
        else if (!put_bits(l, NAMES(map_flags), (uint32_t)v, false))
            put(l, "0");
        break;
    }
    case A_ATFLAGS:
        if (!put_bits(l, NAMES(at_flags), (uint32_t)v, false))
            put(l, "0");
        break;
    case A_FAMILY:
        put_enum(l, NAMES(families), (int)v);
        break;
    case A_SOCKTYPE: {
        const char *type = find(NAMES(sock_types), v & RV_SOCK_TYPE_MASK);
        if (type)
            put_kind_flags(l, type, (uint32_t)v & ~(uint32_t)RV_SOCK_TYPE_MASK, NAMES(sock_flags));
        else if (!put_bits(l, NAMES(sock_flags), (uint32_t)v, false))
            put(l, "0");
        break;
    }
    case A_FCNTL:
        put_enum(l, NAMES(fcntl_cmds), (int)v);
        break;
    case A_CLOCK:
        put_enum(l, NAMES(clocks), (int)v);
        break;
    case A_FUTEX: {
        uint32_t flags = RV_FUTEX_PRIVATE_FLAG | RV_FUTEX_CLOCK_REALTIME;
        const char *cmd = find(NAMES(futex_cmds), (uint32_t)v & ~flags);
        if (cmd)
            put_kind_flags(l, cmd, (uint32_t)v & flags, NAMES(futex_flags));
        else
            put(l, "%d", (int)v);
        break;
    }
    case A_WHENCE:
        put_enum(l, NAMES(whences), (int)v);
        break;
    }
}

void sys_strace(struct rv_cpu *c, uint64_t nr, const struct sys_entry *e,
                const uint64_t *a, int64_t ret, bool done)
{
    struct line l = { .len = 0 };
    struct mmu *m = sys_mmu(c);

    put(&l, "%d ", (int)c->tid);
    if (e->fn == sys_unimplemented) {
        put(&l, "unimplemented syscall %" PRIu64, nr);
        if (e->name)
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
        else if (e->ret == R_HEX)
            put(&l, " = 0x%" PRIx64, (uint64_t)ret);
        else if (e->ret == R_OCT)
            put(&l, ret ? " = 0%" PRIo64 : " = 0", (uint64_t)ret);
        else
            put(&l, " = %" PRId64, ret);
    }
    l.buf[l.len++] = '\n';
    l.buf[l.len] = '\0';
    fputs(l.buf, stderr);
}
