/* Sockets on this machine only: AF_UNIX stream and datagram pairs with
 * SCM_RIGHTS and SCM_CREDENTIALS control messages, sendmmsg/recvmmsg over
 * UDP on 127.0.0.1, TCP on 127.0.0.1 and ::1 (connect completes through the
 * backlog, then accept), addresses back from getsockname/getpeername/
 * recvfrom/accept, int, timeval and linger options, shutdown, MSG_PEEK and
 * MSG_TRUNC, and a netlink socket. Ports are the kernel's choice and never
 * printed. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>
#include "guest.h"

static const char *err(int e)
{
    return e == EINVAL ? "EINVAL" : e == EBADF ? "EBADF" : e == EFAULT ? "EFAULT" : e == EAGAIN ? "EAGAIN"
         : e == ENOTCONN ? "ENOTCONN" : e == EPIPE ? "EPIPE" : e == ENOPROTOOPT ? "ENOPROTOOPT"
         : e == ENOTSOCK ? "ENOTSOCK" : e == EAFNOSUPPORT ? "EAFNOSUPPORT" : e == ECONNREFUSED ? "ECONNREFUSED"
         : e == EISCONN ? "EISCONN" : e == EOPNOTSUPP ? "EOPNOTSUPP" : "other";
}

static void test_unix_rights(void)
{
    int sv[2];
    CHECK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0);
    CHECK(fcntl(sv[0], F_GETFD) & FD_CLOEXEC);
    int p[2];
    CHECK(pipe(p) == 0);
    /* two fds in one SCM_RIGHTS message, with two iovecs of data */
    char data1[] = "fd", data2[] = "s!";
    struct iovec iov[2] = { { data1, 2 }, { data2, 2 } };
    union { struct cmsghdr h; char buf[CMSG_SPACE(2 * sizeof(int))]; } ctl;
    memset(&ctl, 0, sizeof ctl);
    struct msghdr m = { .msg_iov = iov, .msg_iovlen = 2, .msg_control = ctl.buf,
                        .msg_controllen = sizeof ctl.buf };
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(2 * sizeof(int));
    memcpy(CMSG_DATA(c), p, 2 * sizeof(int));
    printf("sendmsg SCM_RIGHTS: %zd\n", sendmsg(sv[0], &m, 0));

    char in[8] = "";
    struct iovec riov = { in, sizeof in - 1 };
    union { struct cmsghdr h; char buf[CMSG_SPACE(4 * sizeof(int))]; } rctl;
    struct msghdr r = { .msg_iov = &riov, .msg_iovlen = 1, .msg_control = rctl.buf,
                        .msg_controllen = sizeof rctl.buf };
    ssize_t n = recvmsg(sv[1], &r, MSG_CMSG_CLOEXEC);
    c = CMSG_FIRSTHDR(&r);
    printf("recvmsg: %zd \"%s\" flags %#x control %d level %d type %d len %zu\n", n, in, r.msg_flags,
           c != NULL, c ? c->cmsg_level : -1, c ? c->cmsg_type : -1, c ? (size_t)c->cmsg_len : 0);
    if (c && c->cmsg_type == SCM_RIGHTS) {
        int got[2];
        memcpy(got, CMSG_DATA(c), sizeof got);
        /* the received write end feeds the original read end */
        CHECK(write(got[1], "via fd", 6) == 6);
        char buf[8] = "";
        CHECK(read(p[0], buf, 6) == 6);
        printf("passed fds work: \"%s\" cloexec %d\n", buf, !!(fcntl(got[0], F_GETFD) & FD_CLOEXEC));
        close(got[0]);
        close(got[1]);
    }

    /* a control buffer too small: MSG_CTRUNC */
    CHECK(sendmsg(sv[0], &m, 0) == 4);
    union { struct cmsghdr h; char buf[CMSG_SPACE(sizeof(int))]; } small;
    r = (struct msghdr){ .msg_iov = &riov, .msg_iovlen = 1, .msg_control = small.buf,
                         .msg_controllen = sizeof small.buf };
    n = recvmsg(sv[1], &r, 0);
    printf("recvmsg small control: %zd ctrunc %d controllen %zu\n", n, !!(r.msg_flags & MSG_CTRUNC),
           (size_t)r.msg_controllen);
    c = CMSG_FIRSTHDR(&r);
    if (c)
        close(*(int *)CMSG_DATA(c));
    close(p[0]);
    close(p[1]);
    close(sv[0]);
    close(sv[1]);
}

static void test_unix_creds(void)
{
    int sv[2], on = 1;
    CHECK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) == 0);
    CHECK(setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof on) == 0);
    struct ucred me = { getpid(), getuid(), getgid() }, peer;
    socklen_t len = sizeof peer;
    CHECK(getsockopt(sv[0], SOL_SOCKET, SO_PEERCRED, &peer, &len) == 0);
    printf("SO_PEERCRED: len %u is us %d\n", len, peer.pid == me.pid && peer.uid == me.uid &&
                                                    peer.gid == me.gid);
    char byte = 'c';
    struct iovec iov = { &byte, 1 };
    union { struct cmsghdr h; char buf[CMSG_SPACE(sizeof(struct ucred))]; } ctl;
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf,
                        .msg_controllen = sizeof ctl.buf };
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_CREDENTIALS;
    c->cmsg_len = CMSG_LEN(sizeof me);
    memcpy(CMSG_DATA(c), &me, sizeof me);
    printf("sendmsg SCM_CREDENTIALS: %zd\n", sendmsg(sv[0], &m, 0));
    memset(&ctl, 0, sizeof ctl);
    byte = 0;
    m.msg_controllen = sizeof ctl.buf;
    ssize_t n = recvmsg(sv[1], &m, 0);
    c = CMSG_FIRSTHDR(&m);
    struct ucred got = { 0, 0, 0 };
    if (c)
        memcpy(&got, CMSG_DATA(c), sizeof got);
    printf("recvmsg credentials: %zd '%c' type %d ours %d\n", n, byte, c ? c->cmsg_type : -1,
           got.pid == me.pid && got.uid == me.uid && got.gid == me.gid);

    /* datagram boundaries: MSG_PEEK, then MSG_TRUNC gives the real length */
    CHECK(send(sv[0], "datagram", 8, 0) == 8);
    char buf[16] = "";
    n = recv(sv[1], buf, 4, MSG_PEEK);
    printf("peek: %zd \"%.4s\"\n", n, buf);
    n = recv(sv[1], buf, 4, MSG_TRUNC);
    printf("trunc: %zd\n", n);
    n = recv(sv[1], buf, sizeof buf, MSG_DONTWAIT);
    printf("empty: %zd %s\n", n, err(errno));
    close(sv[0]);
    close(sv[1]);
}

static void test_unix_named(void)
{
    int s = socket(AF_UNIX, SOCK_STREAM, 0), t = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    strcpy(a.sun_path, "sock");
    unlink("sock");
    socklen_t alen = offsetof(struct sockaddr_un, sun_path) + 5;
    CHECK(bind(s, (struct sockaddr *)&a, alen) == 0 && listen(s, 4) == 0);
    printf("connect unix: %d\n", connect(t, (struct sockaddr *)&a, alen));
    struct sockaddr_un got;
    socklen_t glen = sizeof got;
    int u = accept4(s, (struct sockaddr *)&got, &glen, SOCK_NONBLOCK);
    printf("accept4: ok %d nonblock %d peer family %d len %u\n", u >= 0, !!(fcntl(u, F_GETFL) & O_NONBLOCK),
           got.sun_family, glen);
    glen = sizeof got;
    CHECK(getsockname(s, (struct sockaddr *)&got, &glen) == 0);
    printf("getsockname unix: \"%s\" len %u\n", got.sun_path, glen);
    glen = sizeof got;
    CHECK(getpeername(t, (struct sockaddr *)&got, &glen) == 0);
    printf("getpeername unix: \"%s\"\n", got.sun_path);
    CHECK(write(t, "ping", 4) == 4);
    char buf[8] = "";
    printf("read accepted: %zd \"%s\"\n", read(u, buf, sizeof buf - 1), buf);
    CHECK(shutdown(t, SHUT_WR) == 0);
    printf("read after peer SHUT_WR: %zd\n", read(u, buf, sizeof buf));
    ssize_t n = send(t, "x", 1, MSG_NOSIGNAL);
    printf("send after SHUT_WR: %zd %s\n", n, err(errno));
    close(u);
    close(t);
    close(s);
    unlink("sock");
}

static void test_udp(void)
{
    int s = socket(AF_INET, SOCK_DGRAM, 0), t = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    CHECK(bind(s, (struct sockaddr *)&a, sizeof a) == 0);
    socklen_t len = sizeof a;
    CHECK(getsockname(s, (struct sockaddr *)&a, &len) == 0 && a.sin_port != 0);
    /* three datagrams in one sendmmsg, to the address in each header */
    char d[3][8] = { "one", "two", "three" };
    struct iovec iov[3];
    struct mmsghdr mm[3];
    memset(mm, 0, sizeof mm);
    for (int i = 0; i < 3; i++) {
        iov[i] = (struct iovec){ d[i], strlen(d[i]) };
        mm[i].msg_hdr = (struct msghdr){ .msg_name = &a, .msg_namelen = sizeof a, .msg_iov = &iov[i],
                                         .msg_iovlen = 1 };
    }
    int n = sendmmsg(t, mm, 3, 0);
    printf("sendmmsg: %d lens %u %u %u\n", n, mm[0].msg_len, mm[1].msg_len, mm[2].msg_len);
    char r[4][8];
    struct iovec riov[4];
    struct sockaddr_in from[4];
    struct mmsghdr rm[4];
    memset(rm, 0, sizeof rm);
    memset(r, 0, sizeof r);
    for (int i = 0; i < 4; i++) {
        riov[i] = (struct iovec){ r[i], sizeof r[i] - 1 };
        rm[i].msg_hdr = (struct msghdr){ .msg_name = &from[i], .msg_namelen = sizeof from[i],
                                         .msg_iov = &riov[i], .msg_iovlen = 1 };
    }
    struct timespec ts = { 1, 0 };
    n = recvmmsg(s, rm, 4, MSG_WAITFORONE, &ts);
    printf("recvmmsg: %d", n);
    for (int i = 0; i < n && i < 4; i++)
        printf(" \"%s\"/%u from loopback %d", r[i], rm[i].msg_len,
               from[i].sin_addr.s_addr == htonl(INADDR_LOOPBACK) && rm[i].msg_hdr.msg_namelen == sizeof a);
    printf("\n");

    CHECK(sendto(t, "solo", 4, 0, (struct sockaddr *)&a, sizeof a) == 4);
    struct sockaddr_in f;
    socklen_t flen = sizeof f;
    char buf[8] = "";
    ssize_t got = recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&f, &flen);
    struct sockaddr_in tname;
    socklen_t tlen = sizeof tname;
    CHECK(getsockname(t, (struct sockaddr *)&tname, &tlen) == 0);
    printf("recvfrom: %zd \"%s\" from the sender %d\n", got, buf,
           flen == sizeof f && f.sin_port == tname.sin_port);
    got = recvfrom(t, buf, sizeof buf, 0, NULL, NULL);
    printf("recvfrom nothing: %zd %s\n", got, err(errno));
    got = sendto(t, "x", 1, 0, (struct sockaddr *)&a, 3);
    printf("sendto short address: %zd %s\n", got, err(errno));
    close(s);
    close(t);
}

static void test_tcp(int family)
{
    int s = socket(family, SOCK_STREAM, 0), t = socket(family, SOCK_STREAM, 0);
    if (s < 0 && errno == EAFNOSUPPORT) {
        printf("tcp family %d: no support here\n", family);
        return;
    }
    struct sockaddr_storage a;
    memset(&a, 0, sizeof a);
    socklen_t len;
    if (family == AF_INET) {
        struct sockaddr_in *in = (void *)&a;
        in->sin_family = AF_INET;
        in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        len = sizeof *in;
    } else {
        struct sockaddr_in6 *in6 = (void *)&a;
        in6->sin6_family = AF_INET6;
        in6->sin6_addr = in6addr_loopback;
        len = sizeof *in6;
    }
    int on = 1;
    CHECK(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) == 0);
    CHECK(bind(s, (struct sockaddr *)&a, len) == 0 && listen(s, 8) == 0);
    socklen_t alen = sizeof a;
    CHECK(getsockname(s, (struct sockaddr *)&a, &alen) == 0 && alen == len);
    int r = connect(t, (struct sockaddr *)&a, len);
    printf("tcp family %d: connect %d", family, r);
    r = connect(t, (struct sockaddr *)&a, len);
    printf(", again %d %s", r, err(errno));
    struct sockaddr_storage peer;
    socklen_t plen = sizeof peer;
    int u = accept(s, (struct sockaddr *)&peer, &plen);
    printf(", accept %d peer family %d len ok %d\n", u >= 0, peer.ss_family, plen == len);

    CHECK(setsockopt(u, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on) == 0);
    int v = 0;
    socklen_t vlen = sizeof v;
    CHECK(getsockopt(u, IPPROTO_TCP, TCP_NODELAY, &v, &vlen) == 0);
    printf("  TCP_NODELAY %d len %u", v != 0, vlen);
    vlen = sizeof v;
    CHECK(getsockopt(u, SOL_SOCKET, SO_TYPE, &v, &vlen) == 0);
    printf(", SO_TYPE %d", v);
    v = 65536;
    CHECK(setsockopt(u, SOL_SOCKET, SO_RCVBUF, &v, sizeof v) == 0);
    vlen = sizeof v;
    CHECK(getsockopt(u, SOL_SOCKET, SO_RCVBUF, &v, &vlen) == 0);
    printf(", SO_RCVBUF doubled %d\n", v == 131072);
    struct timeval tv = { 0, 50000 }, got_tv;
    CHECK(setsockopt(u, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) == 0);
    socklen_t tvlen = sizeof got_tv;
    CHECK(getsockopt(u, SOL_SOCKET, SO_RCVTIMEO, &got_tv, &tvlen) == 0);
    printf("  SO_RCVTIMEO %ld.%06ld len %u", (long)got_tv.tv_sec, (long)got_tv.tv_usec, tvlen);
    char buf[16];
    ssize_t n = recv(u, buf, sizeof buf, 0);
    printf(", recv times out: %zd %s\n", n, err(errno));
    struct linger lg = { 1, 3 }, got_lg;
    CHECK(setsockopt(t, SOL_SOCKET, SO_LINGER, &lg, sizeof lg) == 0);
    socklen_t lglen = sizeof got_lg;
    CHECK(getsockopt(t, SOL_SOCKET, SO_LINGER, &got_lg, &lglen) == 0);
    printf("  SO_LINGER %d %d len %u", got_lg.l_onoff, got_lg.l_linger, lglen);
    r = setsockopt(t, SOL_SOCKET, SO_LINGER, &lg, 3);
    printf(", short optlen %d %s", r, err(errno));
    vlen = 2;
    r = getsockopt(u, SOL_SOCKET, SO_TYPE, &v, &vlen);
    printf(", getsockopt len 2: %d len %u\n", r, vlen);

    CHECK(send(t, "hello tcp", 9, 0) == 9);
    memset(buf, 0, sizeof buf);
    n = recv(u, buf, sizeof buf, MSG_WAITALL | MSG_DONTWAIT);
    printf("  data: %zd \"%s\"", n, buf);
    CHECK(shutdown(u, SHUT_RDWR) == 0);
    n = recv(t, buf, sizeof buf, 0);
    printf(", after peer shutdown: %zd", n);
    r = shutdown(t, 7);
    printf(", bad how: %d %s\n", r, err(errno));
    close(u);
    close(t);
    close(s);

    /* nobody listens on the port any more */
    t = socket(family, SOCK_STREAM, 0);
    r = connect(t, (struct sockaddr *)&a, len);
    printf("  connect to a closed port: %d %s\n", r, err(errno));
    close(t);
}

static void test_netlink(void)
{
    int s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    CHECK(s >= 0);
    struct sockaddr_nl a = { .nl_family = AF_NETLINK };
    CHECK(bind(s, (struct sockaddr *)&a, sizeof a) == 0);
    socklen_t len = sizeof a;
    CHECK(getsockname(s, (struct sockaddr *)&a, &len) == 0);
    printf("netlink: family %d len %u port is our pid %d\n", a.nl_family, len, a.nl_pid == (unsigned)getpid());
    int v = 0;
    socklen_t vlen = sizeof v;
    CHECK(getsockopt(s, SOL_SOCKET, SO_PROTOCOL, &v, &vlen) == 0);
    printf("netlink protocol %d\n", v);
    close(s);
}

static void test_errors(void)
{
    int r = socket(12345, SOCK_STREAM, 0);
    printf("socket bad family: %d %s\n", r, err(errno));
    int sv[2];
    r = socketpair(AF_INET, SOCK_STREAM, 0, sv);
    printf("socketpair AF_INET: %d %s\n", r, err(errno));
    char c;
    r = (int)recv(0 + 100, &c, 1, 0);
    printf("recv bad fd: %d %s\n", r, err(errno));
    int p[2];
    CHECK(pipe(p) == 0);
    r = (int)send(p[1], "x", 1, 0);
    printf("send on a pipe: %d %s\n", r, err(errno));
    int s = socket(AF_INET, SOCK_STREAM, 0), v;
    socklen_t vlen = sizeof v;
    r = getsockopt(s, 12345, 1, &v, &vlen);
    printf("getsockopt bad level: %d %s\n", r, err(errno));
    r = getsockopt(s, SOL_SOCKET, SO_ERROR, &v, &vlen);
    printf("SO_ERROR: %d %d\n", r, v);
    r = listen(p[0], 1);
    printf("listen on a pipe: %d %s\n", r, err(errno));
    close(s);
    close(p[0]);
    close(p[1]);
}

int main(void)
{
    char dir[] = "rvdbt-sys-net-XXXXXX";
    CHECK(mkdtemp(dir) != NULL && chdir(dir) == 0);
    test_unix_rights();
    test_unix_creds();
    test_unix_named();
    test_udp();
    test_tcp(AF_INET);
    test_tcp(AF_INET6);
    test_netlink();
    test_errors();
    CHECK(chdir("..") == 0 && rmdir(dir) == 0);
    return guest_done();
}
