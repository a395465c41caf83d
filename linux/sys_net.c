/* Sockets. Guest sockets are host sockets, and every structure the socket
 * calls pass by pointer, except msghdr and mmsghdr and one option argument,
 * is laid out the same on riscv64 and x86-64 (fixed-width fields, the same
 * 64-bit longs, the same asm-generic values; checked below): addresses,
 * control messages (SCM_RIGHTS fds, SCM_CREDENTIALS' ucred, timestamps),
 * linger, timeval options. Those go to the host kernel as host addresses
 * inside the guest space (sys_ubuf). msghdr and mmsghdr hold guest pointers
 * and are rebuilt for the host; SO_ATTACH_FILTER's program likewise.
 * Options whose argument holds a user pointer rvdbt does not rebuild are
 * refused, and only levels whose options are plain data get through, so
 * the host kernel never follows a guest pointer. */
#include <linux/filter.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "linux/guest_abi_net.h"
#include "linux/sys_impl.h"

_Static_assert(AF_UNIX == RV_AF_UNIX && AF_INET == RV_AF_INET && AF_INET6 == RV_AF_INET6 &&
               AF_NETLINK == RV_AF_NETLINK && AF_PACKET == RV_AF_PACKET, "address families");
_Static_assert(SOCK_STREAM == RV_SOCK_STREAM && SOCK_DGRAM == RV_SOCK_DGRAM &&
               SOCK_RAW == RV_SOCK_RAW && SOCK_SEQPACKET == RV_SOCK_SEQPACKET &&
               SOCK_NONBLOCK == RV_O_NONBLOCK && SOCK_CLOEXEC == RV_O_CLOEXEC, "socket types");
_Static_assert(SOL_SOCKET == RV_SOL_SOCKET && IPPROTO_TCP == RV_SOL_TCP &&
               IPPROTO_IPV6 == RV_SOL_IPV6 && SOL_NETLINK == RV_SOL_NETLINK &&
               SO_LINGER == RV_SO_LINGER && SO_PEERCRED == RV_SO_PEERCRED &&
               SO_PASSCRED == RV_SO_PASSCRED && SO_RCVTIMEO_OLD == RV_SO_RCVTIMEO_OLD &&
               SO_SNDTIMEO_OLD == RV_SO_SNDTIMEO_OLD && SO_RCVTIMEO_NEW == RV_SO_RCVTIMEO_NEW &&
               SO_ATTACH_FILTER == RV_SO_ATTACH_FILTER &&
               SO_ATTACH_REUSEPORT_CBPF == RV_SO_ATTACH_REUSEPORT_CBPF &&
               SCM_RIGHTS == RV_SCM_RIGHTS && SCM_CREDENTIALS == RV_SCM_CREDENTIALS,
               "option numbers");
_Static_assert(MSG_CTRUNC == RV_MSG_CTRUNC && MSG_TRUNC == RV_MSG_TRUNC &&
               MSG_DONTWAIT == RV_MSG_DONTWAIT && MSG_WAITALL == RV_MSG_WAITALL &&
               MSG_NOSIGNAL == RV_MSG_NOSIGNAL && MSG_WAITFORONE == RV_MSG_WAITFORONE &&
               MSG_CMSG_CLOEXEC == RV_MSG_CMSG_CLOEXEC, "MSG_ flags");
_Static_assert(sizeof(struct cmsghdr) == sizeof(struct rv_cmsghdr) &&
               offsetof(struct cmsghdr, cmsg_type) == offsetof(struct rv_cmsghdr, cmsg_type) &&
               CMSG_ALIGN(1) == RV_CMSG_ALIGN(1) && CMSG_LEN(0) == sizeof(struct rv_cmsghdr),
               "control messages are read and written in place");
_Static_assert(sizeof(struct ucred) == sizeof(struct rv_ucred) &&
               sizeof(struct linger) == sizeof(struct rv_linger) &&
               sizeof(struct timeval) == sizeof(struct rv_timeval) &&
               sizeof(struct sockaddr_storage) == RV_SOCKADDR_MAX, "plain option arguments");
_Static_assert(sizeof(struct sock_filter) == sizeof(struct rv_sock_filter), "struct sock_filter");

/* A guest socket address of len bytes (an int, as the kernel takes it) for
 * the host: only the part the kernel may read is checked, and a length it
 * refuses (negative, past sockaddr_storage) reaches it to be refused. */
static int64_t addr_in(struct rv_cpu *c, uint64_t g, uint64_t len, void **p)
{
    uint64_t n = (int32_t)len < 0 || (uint32_t)len > RV_SOCKADDR_MAX ? 0 : (uint32_t)len;
    /* a bad one is the host kernel's to refuse, after the fd */
    *p = g ? sys_ubuf_or_fault(c, g, &n, MMU_R) : NULL;
    return 0;
}

/* An address the kernel writes back with its length: the length word at
 * glen is read and written by the host kernel itself, the address as far as
 * that length says (the kernel writes at most sockaddr_storage, and the
 * guard page above the guest space covers that much should another guest
 * thread change the word meanwhile). Either may be NULL, as for Linux (no
 * address wanted); a bad one reaches the host kernel as SYS_KFAULT, which
 * looks at the socket first. */
static void addr_out(struct rv_cpu *c, uint64_t g, uint64_t glen, void **p, socklen_t **lp)
{
    uint64_t four = sizeof(socklen_t);
    int32_t len;
    if (!glen || mmu_read(sys_mmu(c), &len, glen, sizeof len))
        len = 0;
    uint64_t n = len < 0 ? 0 : len > RV_SOCKADDR_MAX ? RV_SOCKADDR_MAX : (uint64_t)len;
    _Static_assert(RV_SOCKADDR_MAX <= MMU_PAGE_SIZE, "the guard page covers any address");
    *p = g ? sys_ubuf_or_fault(c, g, &n, MMU_W) : NULL;
    *lp = glen ? sys_ubuf_or_fault(c, glen, &four, MMU_W) : NULL;
}

int64_t sys_socket(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(socket((int)a[0], (int)a[1], (int)a[2]));
}

/* As in Linux, the sockets are made before the fds are stored, so a bad
 * family or type fails before a bad pointer. */
int64_t sys_socketpair(struct rv_cpu *c, const uint64_t *a)
{
    int fds[2];
    int32_t gfds[2];
    if (socketpair((int)a[0], (int)a[1], (int)a[2], fds) < 0)
        return -errno;
    gfds[0] = fds[0];
    gfds[1] = fds[1];
    if (mmu_write(sys_mmu(c), a[3], gfds, sizeof gfds)) {
        close(fds[0]);
        close(fds[1]);
        return -EFAULT;
    }
    return 0;
}

int64_t sys_bind(struct rv_cpu *c, const uint64_t *a)
{
    void *addr;
    int64_t err = addr_in(c, a[1], a[2], &addr);
    return err ? err : sys_ret(syscall(SYS_bind, (int)a[0], addr, (int)a[2]));
}

int64_t sys_connect(struct rv_cpu *c, const uint64_t *a)
{
    void *addr;
    int64_t err = addr_in(c, a[1], a[2], &addr);
    return err ? err : SYS_SAFE(c, SYS_connect, (int)a[0], addr, (int)a[2], 0, 0, 0);
}

int64_t sys_listen(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(listen((int)a[0], (int)a[1]));
}

int64_t sys_accept4(struct rv_cpu *c, const uint64_t *a)
{
    void *addr;
    socklen_t *len;
    addr_out(c, a[1], a[2], &addr, &len);
    return SYS_SAFE(c, SYS_accept4, (int)a[0], addr, len, (int)a[3], 0, 0);
}

int64_t sys_accept(struct rv_cpu *c, const uint64_t *a)
{
    return sys_accept4(c, (const uint64_t[6]){ a[0], a[1], a[2], 0 });
}

int64_t sys_getsockname(struct rv_cpu *c, const uint64_t *a)
{
    void *addr;
    socklen_t *len;
    addr_out(c, a[1], a[2], &addr, &len);
    return sys_ret(syscall(SYS_getsockname, (int)a[0], addr, len));
}

int64_t sys_getpeername(struct rv_cpu *c, const uint64_t *a)
{
    void *addr;
    socklen_t *len;
    addr_out(c, a[1], a[2], &addr, &len);
    return sys_ret(syscall(SYS_getpeername, (int)a[0], addr, len));
}

/* The most a send or receive moves at once (INT_MAX rounded down to a
 * page): Linux cuts a larger length to it before it checks the buffer. */
#define MAX_RW_COUNT (0x7fffffffull & ~(MMU_PAGE_SIZE - 1))

int64_t sys_sendto(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t n = a[2] > MAX_RW_COUNT ? MAX_RW_COUNT : a[2];
    void *addr, *buf = sys_ubuf_or_fault(c, a[1], &n, MMU_R);
    int64_t err = addr_in(c, a[4], a[5], &addr);
    return err ? err : SYS_SAFE(c, SYS_sendto, (int)a[0], buf, n, (int)a[3], addr, (socklen_t)a[5]);
}

int64_t sys_recvfrom(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t n = a[2] > MAX_RW_COUNT ? MAX_RW_COUNT : a[2];
    void *addr, *buf = sys_ubuf_or_fault(c, a[1], &n, MMU_W);
    socklen_t *len;
    addr_out(c, a[4], a[5], &addr, &len);
    return SYS_SAFE(c, SYS_recvfrom, (int)a[0], buf, n, (int)a[3], addr, len);
}

int64_t sys_shutdown(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(shutdown((int)a[0], (int)a[1]));
}

/* Whether the option's argument may go to the host as it is: every option
 * of these levels is plain data except the ones named. */
static bool opt_plain(int level, int name, bool set)
{
    switch (level) {
    case RV_SOL_SOCKET:
        return true;            /* the filter programs are rebuilt by the caller */
    case RV_SOL_IP:
        if (set)
            return name != RV_IPT_SO_SET_REPLACE && name != RV_ARPT_SO_SET_REPLACE &&
                   name != RV_EBT_SO_SET_ENTRIES && name != RV_EBT_SO_SET_COUNTERS;
        return name < RV_EBT_SO_GET_INFO || name > RV_EBT_SO_GET_INIT_ENTRIES;
    case RV_SOL_IPV6:
        return !set || name != RV_IP6T_SO_SET_REPLACE;
    case RV_SOL_TCP:
        return name != RV_TCP_ZEROCOPY_RECEIVE;
    case RV_SOL_PACKET:
        return name != RV_PACKET_FANOUT_DATA;
    case RV_SOL_UDP: case RV_SOL_ICMPV6: case RV_SOL_UDPLITE: case RV_SOL_RAW:
    case RV_SOL_NETLINK: case RV_SOL_ALG: case RV_SOL_TLS:
        return true;
    default:
        return false;
    }
}

/* A classic BPF program: the guest's sock_fprog points at its instructions
 * in guest memory. */
static int64_t set_filter(struct rv_cpu *c, int fd, int name, uint64_t g, uint32_t optlen)
{
    struct rv_sock_fprog gp;
    if (optlen < sizeof gp)
        return -EINVAL;
    if (mmu_read(sys_mmu(c), &gp, g, sizeof gp))
        return -EFAULT;
    uint64_t n = (uint64_t)gp.len * sizeof(struct rv_sock_filter);
    struct sock_fprog hp = { .len = gp.len, .filter = sys_ubuf(c, gp.filter, &n, MMU_R) };
    if (!hp.filter)
        return -EFAULT;
    return sys_ret(setsockopt(fd, SOL_SOCKET, name, &hp, sizeof hp));
}

/* For an option not handed over: the host's answer to the same call without
 * an argument (but a negative setsockopt length, which Linux refuses after
 * the fd and before the level), which is the right error when the socket
 * does not know the level (-ENOPROTOOPT or -EOPNOTSUPP, by family), the fd
 * is bad, or the caller lacks the privilege; otherwise the option is one
 * rvdbt does not carry out, -ENOPROTOOPT. */
static int64_t opt_refused(int fd, int level, int name, bool set, uint32_t optlen)
{
    long r = set ? syscall(SYS_setsockopt, fd, level, name, NULL, 0 > (int)optlen ? (int)optlen : 0)
                 : syscall(SYS_getsockopt, fd, level, name, NULL, NULL);
    int e = r < 0 ? errno : 0;
    return e == ENOPROTOOPT || e == EOPNOTSUPP || e == EBADF || e == ENOTSOCK || e == EPERM ||
           (e == EINVAL && (int)optlen < 0) ? -e : -ENOPROTOOPT;
}

int64_t sys_setsockopt(struct rv_cpu *c, const uint64_t *a)
{
    int fd = (int)a[0], level = (int)a[1], name = (int)a[2];
    uint32_t optlen = (uint32_t)a[4];
    if (level == RV_SOL_SOCKET &&
        (name == RV_SO_ATTACH_FILTER || name == RV_SO_ATTACH_REUSEPORT_CBPF))
        return set_filter(c, fd, name, a[3], optlen);
    if (!opt_plain(level, name, true))
        return opt_refused(fd, level, name, true, optlen);
    /* a negative length and a bad value are the host kernel's to refuse,
     * after it has looked at the fd and the level */
    uint64_t n = (int32_t)optlen < 0 ? 0 : optlen;
    void *val = sys_ubuf_or_fault(c, a[3], &n, MMU_R);
    return sys_ret(syscall(SYS_setsockopt, fd, level, name, val, (int32_t)optlen < 0 ? (int)optlen : (int)n));
}

/* The kernel writes at most the length given of the value, in the guest's
 * memory, and the length it wrote. The length goes through a host word, so
 * another guest thread growing it meanwhile cannot widen the write past
 * what was checked. */
int64_t sys_getsockopt(struct rv_cpu *c, const uint64_t *a)
{
    int fd = (int)a[0], level = (int)a[1], name = (int)a[2];
    int32_t optlen = 0;
    if (!opt_plain(level, name, false))
        return opt_refused(fd, level, name, false, 0);
    /* An unreadable length goes as SYS_KFAULT: the host kernel looks at
     * the fd and the level first. */
    bool len_ok = !mmu_read(sys_mmu(c), &optlen, a[4], sizeof optlen);
    uint64_t n = !len_ok || optlen < 0 ? 0 : (uint64_t)optlen;
    void *val = sys_ubuf_or_fault(c, a[3], &n, MMU_W);
    socklen_t len = (socklen_t)optlen;
    if (syscall(SYS_getsockopt, fd, level, name, val, len_ok ? &len : SYS_KFAULT(a[4])) < 0)
        return -errno;
    optlen = (int32_t)len;
    return mmu_write(sys_mmu(c), a[4], &optlen, sizeof optlen) ? -EFAULT : 0;
}

/* A guest msghdr as a host one: its name, iovecs and control buffer as host
 * addresses (the control messages themselves read and written in place).
 * iov has room for UIO_MAXIOV entries. */
static int64_t msghdr_in(struct rv_cpu *c, const struct rv_msghdr *gm, int prot,
                         struct msghdr *hm, struct iovec *iov)
{
    if (gm->msg_iovlen > RV_UIO_MAXIOV)
        return -EMSGSIZE;
    int64_t n = sys_iov_in(c, gm->msg_iov, gm->msg_iovlen, prot, iov);
    if (n < 0)
        return n;
    uint64_t namelen = gm->msg_namelen < 0 ? 0 : (uint64_t)gm->msg_namelen;
    if (namelen > RV_SOCKADDR_MAX)
        namelen = RV_SOCKADDR_MAX;
    uint64_t ctllen = gm->msg_controllen;
    *hm = (struct msghdr){
        .msg_name = gm->msg_name ? sys_ubuf_or_fault(c, gm->msg_name, &namelen, prot) : NULL,
        .msg_namelen = (socklen_t)gm->msg_namelen,
        .msg_iov = iov,
        .msg_iovlen = (size_t)n,
        .msg_control = gm->msg_control ? sys_ubuf_or_fault(c, gm->msg_control, &ctllen, prot) : NULL,
        .msg_controllen = ctllen,
        .msg_flags = (int)gm->msg_flags,
    };
    /* a bad name or control buffer fails when the host kernel gets to it,
     * as Linux's does: a receive with no data waiting is -EAGAIN first */
    return 0;
}

/* What recvmsg tells the caller through the msghdr besides the data. */
static int msghdr_out(struct rv_cpu *c, uint64_t g, const struct msghdr *hm)
{
    struct rv_msghdr gm;
    if (mmu_read(sys_mmu(c), &gm, g, sizeof gm))
        return -EFAULT;
    gm.msg_namelen = (int32_t)hm->msg_namelen;
    gm.msg_controllen = hm->msg_controllen;
    gm.msg_flags = (uint32_t)hm->msg_flags;
    return mmu_write(sys_mmu(c), g, &gm, sizeof gm) ? -EFAULT : 0;
}

/* For a message rvdbt cannot carry over (e: -EFAULT, -EMSGSIZE, -EINVAL):
 * Linux checks the flags and looks up the socket before the msghdr, so the
 * host's answer for an unreadable msghdr says whether one of those fails. */
static int64_t msg_refused(int64_t e, long nr, int fd, long flags)
{
    long r = syscall(nr, fd, SYS_KFAULT(0), flags);
    return r < 0 && errno != EFAULT ? -errno : e;
}

int64_t sys_sendmsg(struct rv_cpu *c, const uint64_t *a)
{
    struct rv_msghdr gm;
    struct msghdr hm;
    struct iovec *iov = malloc(RV_UIO_MAXIOV * sizeof *iov);
    int64_t r = iov ? 0 : -ENOMEM;
    if (!r && mmu_read(sys_mmu(c), &gm, a[1], sizeof gm))
        r = -EFAULT;
    if (!r)
        r = msghdr_in(c, &gm, MMU_R, &hm, iov);
    if (!r)
        r = SYS_SAFE(c, SYS_sendmsg, (int)a[0], &hm, (int)a[2], 0, 0, 0);
    else
        r = msg_refused(r, SYS_sendmsg, (int)a[0], (int)a[2]);
    free(iov);
    return r;
}

int64_t sys_recvmsg(struct rv_cpu *c, const uint64_t *a)
{
    struct rv_msghdr gm;
    struct msghdr hm;
    struct iovec *iov = malloc(RV_UIO_MAXIOV * sizeof *iov);
    int64_t r = iov ? 0 : -ENOMEM;
    if (!r && mmu_read(sys_mmu(c), &gm, a[1], sizeof gm))
        r = -EFAULT;
    if (!r)
        r = msghdr_in(c, &gm, MMU_W, &hm, iov);
    if (r)
        r = msg_refused(r, SYS_recvmsg, (int)a[0], (int)a[2]);
    else if ((r = SYS_SAFE(c, SYS_recvmsg, (int)a[0], &hm, (int)a[2], 0, 0, 0)) >= 0) {
        int err = msghdr_out(c, a[1], &hm);
        r = err ? err : r;
    }
    free(iov);
    return r;
}

/* The mmsghdr vector rebuilt as the host's, each message with its own
 * iovecs; vlen is capped at UIO_MAXIOV as the kernel caps it. */
struct mmsg_batch {
    struct mmsghdr *h;
    struct iovec *iov;
    unsigned n;
};

static int64_t mmsg_in(struct rv_cpu *c, uint64_t g, unsigned vlen, int prot, struct mmsg_batch *b)
{
    struct rv_mmsghdr gm;
    uint64_t total = 0;
    b->n = vlen > RV_UIO_MAXIOV ? RV_UIO_MAXIOV : vlen;
    b->h = calloc(b->n ? b->n : 1, sizeof *b->h);
    b->iov = NULL;
    if (!b->h)
        return -ENOMEM;
    for (unsigned i = 0; i < b->n; i++) {
        if (mmu_read(sys_mmu(c), &gm, g + (uint64_t)i * sizeof gm, sizeof gm))
            return -EFAULT;
        if (gm.msg_hdr.msg_iovlen > RV_UIO_MAXIOV)
            return -EMSGSIZE;
        total += gm.msg_hdr.msg_iovlen;
    }
    b->iov = malloc((total ? total : 1) * sizeof *b->iov);
    if (!b->iov)
        return -ENOMEM;
    struct iovec *iov = b->iov;
    for (unsigned i = 0; i < b->n; i++) {
        mmu_read(sys_mmu(c), &gm, g + (uint64_t)i * sizeof gm, sizeof gm);
        /* another guest thread may have grown it since it was counted */
        if (iov + gm.msg_hdr.msg_iovlen > b->iov + total)
            return -EFAULT;
        int64_t err = msghdr_in(c, &gm.msg_hdr, prot, &b->h[i].msg_hdr, iov);
        if (err)
            return err;
        iov += b->h[i].msg_hdr.msg_iovlen;
    }
    return 0;
}

static void mmsg_free(struct mmsg_batch *b)
{
    free(b->h);
    free(b->iov);
}

/* msg_len of the first n messages (and for receives their msghdr results). */
static int64_t mmsg_out(struct rv_cpu *c, uint64_t g, const struct mmsg_batch *b, int n, bool recv)
{
    for (int i = 0; i < n; i++) {
        uint64_t at = g + (uint64_t)i * sizeof(struct rv_mmsghdr);
        uint32_t len = b->h[i].msg_len;
        if (recv && msghdr_out(c, at, &b->h[i].msg_hdr))
            return i ? i : -EFAULT;
        if (mmu_write(sys_mmu(c), at + offsetof(struct rv_mmsghdr, msg_len), &len, sizeof len))
            return i ? i : -EFAULT;
    }
    return n;
}

int64_t sys_sendmmsg(struct rv_cpu *c, const uint64_t *a)
{
    struct mmsg_batch b;
    int64_t r = mmsg_in(c, a[1], (unsigned)a[2], MMU_R, &b);
    if (r)
        r = msg_refused(r, SYS_sendmsg, (int)a[0], (int)a[3]);
    else {
        r = sys_ret(syscall(SYS_sendmmsg, (int)a[0], b.h, b.n, (int)a[3]));
        if (r > 0)
            r = mmsg_out(c, a[1], &b, (int)r, false);
    }
    mmsg_free(&b);
    return r;
}

/* The timeout is written back with the time left when messages came. */
int64_t sys_recvmmsg(struct rv_cpu *c, const uint64_t *a)
{
    struct mmsg_batch b;
    struct timespec ts;
    int64_t r = mmsg_in(c, a[1], (unsigned)a[2], MMU_W, &b);
    if (r)
        r = msg_refused(r, SYS_recvmsg, (int)a[0], (int)a[3]);
    else if (a[4])
        r = sys_get_timespec(c, a[4], &ts);
    if (!r) {
        r = sys_ret(syscall(SYS_recvmmsg, (int)a[0], b.h, b.n, (int)a[3], a[4] ? &ts : NULL));
        if (r > 0)
            r = mmsg_out(c, a[1], &b, (int)r, true);
        if (r > 0 && a[4] && sys_put_timespec(c, a[4], &ts))
            r = -EFAULT;
    }
    mmsg_free(&b);
    return r;
}
