/* sys_border's calls on poll, select, epoll and sockets. */
#include "tests/fuzz/sys_border.h"

/* ---- poll, select, epoll ---- */

static uint64_t arg_pollfds(int *n)
{
    struct pollfd v[4];
    *n = 1 + (int)rn(4);
    out(" fds=[");
    for (int i = 0; i < *n; i++) {
        int k = (int)rn(NFDS);
        v[i].fd = (int)fd_of(k);
        v[i].events = (short)(rn(4) ? POLLIN | POLLOUT : (short)rnd());
        v[i].revents = 0x5a5a;
        out("%s%s:%#x", i ? "," : "", dname[k], (unsigned)(uint16_t)v[i].events);
    }
    out("]");
    uint64_t p = arg_ptr("at", sizeof(struct pollfd) * (uint64_t)*n, 0);
    put(p, v, sizeof(struct pollfd) * (size_t)*n);
    return p;
}

static uint64_t arg_zero_ts(const char *name, int slot)
{
    struct timespec ts = { 0, rn(8) ? 0 : -1 };
    uint64_t p = arg_in_ptr(name, sizeof ts, slot, true);
    put(p, &ts, sizeof ts);
    if (ts.tv_nsec)
        out(" bad");
    return p;
}

void c_ppoll(void)
{
    int n;
    uint64_t p = arg_pollfds(&n);
    int64_t nfds = rn(2) ? n : ARG("nfds", 0, 5, 1 << 20, -1, (1L << 32) | 1);
    out(" nfds=%lld", (long long)nfds);
    uint64_t t = arg_zero_ts("tmo", 1);
    uint64_t mask = 0;
    uint64_t m = rn(2) ? (out(" mask=null"), 0) : arg_ptr("mask", 8, 1);
    if (m == t)
        m = 0;
    put(m, &mask, 8);
    int64_t sz = ARG("size", 8, 0, 16);
    result = SC(NR_(ppoll), p, nfds, t, m, sz);
}

void c_pselect6(void)
{
    /* not past FD_SETSIZE: qemu 7.2 aborts in its own host FD_SET there */
    int64_t nfds = ARG("nfds", 0, 1, 110, 114, 1024, -1, 1L << 32 | 110);
    uint64_t sets[3];
    static const char *const sn[] = { "r", "w", "e" };
    for (int i = 0; i < 3; i++) {
        uint8_t bits[128];
        for (unsigned j = 0; j < sizeof bits; j++)
            bits[j] = (uint8_t)rnd();
        if (rn(4) == 0) {
            sets[i] = 0;
            out(" %s=null", sn[i]);
            continue;
        }
        sets[i] = arg_ptr(sn[i], 16, i & 1) + (uint64_t)i * 256 * (rn(2) == 0);
        put(sets[i], bits, sizeof bits);
    }
    uint64_t t = arg_zero_ts("tmo", 1);
    uint64_t sig = 0;
    if (rn(2)) {
        uint64_t mask = 0;
        struct { uint64_t p, n; } s = { (uint64_t)PAGE(P_D) + 512, 8 };
        if (rn(4) == 0)
            s.n = rn(2) ? 16 : 0;
        if (rn(4) == 0)
            s.p = ptr_of((int)rn(NKINDS), 8, 0);
        put(s.p, &mask, 8);
        sig = (uint64_t)PAGE(P_D) + 600;
        put(sig, &s, sizeof s);
        out(" sig=%llu", (unsigned long long)s.n);
    }
    result = SC(NR_(pselect6), nfds, sets[0], sets[1], sets[2], t, sig);
}

void c_epoll(void)
{
    int64_t ep = rn(4) ? FD_BASE + D_EPOLL : arg_fd("ep", false);
    if (rn(2)) {
        int64_t op = ARG("op", EPOLL_CTL_ADD, EPOLL_CTL_DEL, EPOLL_CTL_MOD, 0, 4, -1);
        int64_t fd = arg_fd("fd", false);
        struct epoll_event e = { .events = rn(4) ? EPOLLIN | EPOLLOUT : (uint32_t)rnd(),
                                 .data.u64 = 0x1122334455667788ULL };
        if (e.events & EPOLLEXCLUSIVE && rn(2))
            e.events &= ~EPOLLEXCLUSIVE;
        uint64_t p = arg_ptr("ev", sizeof e, 0);
        put(p, &e, sizeof e);
        out(" events=%#x", e.events);
        result = SC(NR_(epoll_ctl), ep, op, fd, p);
    } else {
        int64_t max = ARG("max", 1, 4, 16, 0, -1, 1L << 30, (1L << 32) | 2);
        uint64_t p = arg_ptr("evs", 16 * (uint64_t)(max > 0 && max < 64 ? max : 1), 0);
        uint64_t m = rn(2) ? 0 : arg_ptr("mask", 8, 1);
        uint64_t zero = 0;
        put(m, &zero, 8);
        int64_t sz = ARG("size", 8, 0, 16);
        out(" wait");
        result = SC(NR_(epoll_pwait), ep, p, max, 0, m, sz);
    }
}

void c_eventfd(void)
{
    int64_t v = ARG("init", 0, 1, 0xffffffffL, -1);
    int64_t fl = FLAGS("flags", 0, EFD_NONBLOCK, EFD_CLOEXEC | EFD_SEMAPHORE, 0x4, -1);
    if (rn(2)) {
        result = SC(NR_(eventfd2), v, fl);
    } else {
        out(" epoll_create1");
        result = SC(NR_(epoll_create1), fl);
    }
    ret_norm_fd();
}

/* ---- sockets ---- */

static uint64_t arg_sockaddr(uint64_t *len_out, int slot)
{
    uint8_t buf[128];
    memset(buf, 0, sizeof buf);
    static const char *const an[] = { "unix:sk", "inet:127.0.0.1:9", "inet6:::1:9", "bad_family",
                                      "unix:unterminated" };
    unsigned i = rn(5);
    uint64_t len = 16;
    switch (i) {
    case 0: {
        struct sockaddr_un *u = (void *)buf;
        u->sun_family = AF_UNIX;
        strcpy(u->sun_path, "sk");
        len = offsetof(struct sockaddr_un, sun_path) + 3;
        break;
    }
    case 1: {
        struct sockaddr_in *in = (void *)buf;
        in->sin_family = AF_INET;
        in->sin_port = htons(9);
        in->sin_addr.s_addr = htonl(0x7f000001);
        len = sizeof *in;
        break;
    }
    case 2: {
        struct sockaddr_in6 *in = (void *)buf;
        in->sin6_family = AF_INET6;
        in->sin6_port = htons(9);
        in->sin6_addr.s6_addr[15] = 1;
        len = sizeof *in;
        break;
    }
    case 3:
        buf[0] = 0xff;
        buf[1] = 0x7f;
        break;
    default:
        buf[0] = AF_UNIX;
        memset(buf + 2, 'u', sizeof buf - 2);
        len = sizeof buf;
        break;
    }
    out(" addr=%s", an[i]);
    uint64_t p = arg_ptr("at", len, slot);
    put(p, buf, len);
    static const int64_t lens[] = { 0, 1, 2, 3, 110, 111, 128, 129, -1 };
    *len_out = rn(2) ? len : (uint64_t)PICK(lens);
    out(" len=%lld", (long long)*len_out);
    /* qemu 7.2 reads the family of a shorter address all the same, and
     * crashes where it cannot: those get a readable one */
    if (*len_out < 2 && p) {
        p = (uint64_t)PAGE(P_A) + 512 * (uint64_t)slot;
        put(p, buf, 2);
        out("->a");
    }
    return p;
}

static const int64_t sock_fds[] = { D_SOCK, D_SOCK2, D_UDP, D_FILE, D_CLOSED, D_PIPE_R };

static int64_t arg_sock(void)
{
    int k = (int)sock_fds[rn(sizeof sock_fds / sizeof sock_fds[0])];
    out(" fd=%s", dname[k]);
    return fd_of(k);
}

void c_socket(void)
{
    int64_t dom = ARG("domain", AF_UNIX, AF_INET, AF_INET6, AF_NETLINK, AF_PACKET, 1000, -1);
    int64_t ty = FLAGS("type", SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET, SOCK_RAW,
                     SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0x80000 | 100, -1);
    int64_t pr = ARG("proto", 0, 6, 17, 1000, -1);
    if (rn(3)) {
        result = SC(NR_(socket), dom, ty, pr);
        ret_norm_fd();
        return;
    }
    uint64_t p = arg_ptr("sv", 8, 0);
    out(" pair");
    result = SC(NR_(socketpair), dom, ty, pr, p);
    close_pair(p);
}

void c_bind_connect(void)
{
    int64_t fd = arg_sock();
    uint64_t len;
    uint64_t a = arg_sockaddr(&len, 0);
    if (rn(2)) {
        out(" bind");
        result = SC(NR_(bind), fd, a, len);
    } else {
        out(" connect");
        result = SC(NR_(connect), fd, a, len);
    }
}

void c_getsockname(void)
{
    int64_t fd = arg_sock();
    uint64_t a = arg_ptr("addr", 128, 0);
    int k;
    uint64_t l = arg_ptr_k("lenp", 4, 1, &k);
    static const int32_t lens[] = { 128, 0, 1, 16, -1 };
    int32_t len = PICK(lens);
    put(l, &len, 4);
    out(" len=%d", len);
    if (rn(2)) {
        result = SC(NR_(getsockname), fd, a, l);
    } else {
        out(" peer");
        result = SC(NR_(getpeername), fd, a, l);
    }
    /* an inet socket's port is the host's pick */
    if (result == 0 && writable(a) && *(uint16_t *)(uintptr_t)a == AF_INET)
        blank(a + 2, 2);
}

static uint64_t arg_msghdr(bool send)
{
    struct msghdr m = { 0 };
    uint64_t nl = 0;
    if (rn(3) == 0) {
        m.msg_name = (void *)(uintptr_t)arg_sockaddr(&nl, 1);
        m.msg_namelen = (socklen_t)nl;
    }
    struct iovec v[2] = { 0 };
    int n = (int)rn(3);
    out(" iov=[");
    for (int i = 0; i < n; i++) {
        int k = rn(2) ? K_GOOD : (int)rn(NKINDS);
        static const int64_t lens[] = { 0, 5, 100, 5000, -1 };
        v[i].iov_base = (void *)(uintptr_t)ptr_of(k, 16, i);
        v[i].iov_len = (size_t)PICK(lens);
        out("%s%s:%lld", i ? "," : "", kname[k], (long long)v[i].iov_len);
    }
    out("]");
    uint64_t va = (uint64_t)PAGE(P_D) + 1024;
    put(va, v, sizeof v);
    m.msg_iov = (void *)(uintptr_t)va;
    m.msg_iovlen = rn(4) ? (size_t)n : rn(2) ? 1025 : (size_t)-1;
    if (rn(3) == 0) {
        /* a control buffer; for sending, an SCM_CREDENTIALS or garbage */
        uint8_t cb[64];
        memset(cb, 0, sizeof cb);
        struct cmsghdr *c = (void *)cb;
        /* qemu 7.2 loops or crashes on a malformed header it can read
         * (cmsg_len 0, or msg_controllen past the buffer): only well-formed
         * ones, or buffers it cannot read */
        c->cmsg_len = CMSG_LEN(12);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = rn(2) ? SCM_CREDENTIALS : 99;
        int k = rn(2) ? K_GOOD : (int)rn(NKINDS);
        if (k == K_RO || k == K_TEXT || k == K_STR_RO || k == K_STR_HOLE || k == K_END)
            k = K_NONE;
        uint64_t cp = ptr_of(k, 32, 1) + 512 * (k == K_GOOD);
        if (send)
            put(cp, cb, sizeof cb);
        m.msg_control = (void *)(uintptr_t)cp;
        m.msg_controllen = rn(2) ? 32 : rn(2) ? 8 : 24;
        out(" ctl=%s:%zu:%zu", kname[k], (size_t)c->cmsg_len, (size_t)m.msg_controllen);
    }
    /* not from the text: qemu 7.2 allocas msg_controllen bytes, and a
     * garbage header from code bytes kills it */
    uint64_t p = arg_in_ptr("msg", sizeof m, 0, false);
    put(p, &m, sizeof m);
    return p;
}

void c_sendmsg(void)
{
    int64_t fd = arg_sock();
    uint64_t m = arg_msghdr(true);
    int64_t fl = FLAGS("flags", 0, MSG_DONTWAIT, MSG_NOSIGNAL, MSG_OOB, MSG_DONTWAIT | MSG_EOR, -1);
    result = SC(NR_(sendmsg), fd, m, fl | MSG_DONTWAIT | MSG_NOSIGNAL);
}

void c_recvmsg(void)
{
    int64_t fd = arg_sock();
    uint64_t m = arg_msghdr(false);
    int64_t fl = FLAGS("flags", 0, MSG_PEEK, MSG_TRUNC, MSG_WAITALL, MSG_OOB, MSG_ERRQUEUE, -1);
    result = SC(NR_(recvmsg), fd, m, fl | MSG_DONTWAIT);
}

void c_sendto_recvfrom(void)
{
    int64_t fd = arg_sock();
    int64_t n = arg_len("n", 32);
    uint64_t b = arg_ptr("buf", (uint64_t)n, 0);
    if (rn(2)) {
        uint64_t len = 0, a = 0;
        if (rn(2))
            a = arg_sockaddr(&len, 1);
        out(" sendto");
        result = SC(NR_(sendto), fd, b, n, MSG_DONTWAIT | MSG_NOSIGNAL, a, len);
    } else {
        uint64_t a = rn(2) ? arg_ptr("from", 128, 1) : 0;
        uint64_t l = a ? (uint64_t)PAGE(P_D) + 2000 : 0;
        int32_t len = 128;
        put(l, &len, 4);
        out(" recvfrom");
        result = SC(NR_(recvfrom), fd, b, n, MSG_DONTWAIT, a, l);
    }
}

void c_sockopt(void)
{
    int64_t fd = arg_sock();
    int64_t lvl = ARG("level", SOL_SOCKET, SOL_SOCKET, IPPROTO_TCP, IPPROTO_IP, -1, 1000);
    int64_t opt = ARG("opt", SO_TYPE, SO_RCVBUF, SO_SNDBUF, SO_ERROR, SO_LINGER, SO_RCVTIMEO,
                      SO_SNDTIMEO, SO_PEERCRED, SO_DOMAIN, SO_ACCEPTCONN, SO_REUSEADDR,
                      SO_KEEPALIVE, SO_PASSCRED, 1000);
    if (rn(2)) {
        uint64_t v = arg_ptr("val", 32, 0);
        int k;
        uint64_t l = arg_ptr_k("lenp", 4, 1, &k);
        static const int32_t lens[] = { 4, 0, 1, 8, 16, 100, -1 };
        int32_t len = PICK(lens);
        put(l, &len, 4);
        out(" len=%d get", len);
        result = SC(NR_(getsockopt), fd, lvl, opt, v, l);
        if (result == 0 && opt == SO_PEERCRED)
            blank(v, 12);   /* pid, uid, gid of the peer: this process */
    } else {
        uint8_t val[32];
        memset(val, 0, sizeof val);
        static const int32_t ints[] = { 1, 0, 65536, -1, 0x7fffffff };
        int32_t iv = PICK(ints);
        memcpy(val, &iv, 4);
        if (opt == SO_RCVTIMEO || opt == SO_SNDTIMEO) {
            struct timeval tv = { 1, rn(2) ? 0 : 2000000 };
            memcpy(val, &tv, sizeof tv);
        }
        uint64_t v = arg_ptr("val", 32, 0);
        put(v, val, sizeof val);
        int64_t len = ARG("len", 4, 0, 1, 8, 16, 100, -1);
        out(" iv=%d set", iv);
        result = SC(NR_(setsockopt), fd, lvl, opt, v, len);
    }
}

void c_sock_misc(void)
{
    int64_t fd = arg_sock();
    switch (rn(3)) {
    case 0: {
        int64_t b = ARG("backlog", 0, 5, -1, 1L << 32);
        out(" listen");
        result = SC(NR_(listen), fd, b);
        break;
    }
    case 1: {
        uint64_t a = rn(2) ? arg_ptr("addr", 128, 0) : 0;
        uint64_t l = a ? (uint64_t)PAGE(P_D) + 2000 : 0;
        int32_t len = 128;
        put(l, &len, 4);
        int64_t fl = FLAGS("flags", 0, SOCK_NONBLOCK, SOCK_CLOEXEC, 1, -1);
        out(" accept4");
        result = SC(NR_(accept4), fd, a, l, fl);
        ret_norm_fd();
        break;
    }
    default: {
        /* not on the connected pair: it would stay shut for the rest */
        if (fd == FD_BASE + D_SOCK || fd == FD_BASE + D_SOCK2)
            fd = FD_BASE + D_UDP;
        int64_t how = ARG("how", SHUT_RD, SHUT_WR, SHUT_RDWR, 3, -1);
        out(" shutdown");
        result = SC(NR_(shutdown), fd, how);
        break;
    }
    }
}
