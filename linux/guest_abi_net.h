/* More of the riscv64 guest ABI (see guest_abi.h for the rules): sockets,
 * from linux/socket.h, asm-generic/socket.h, bits/socket.h (glibc's copy of
 * the kernel's values), linux/in.h, linux/filter.h, linux/netlink.h. Socket
 * addresses (sockaddr_un, _in, _in6, _nl) have no pointer or long in them,
 * so they are laid out the same on every Linux and pass as they are. */
#ifndef GUEST_ABI_NET_H
#define GUEST_ABI_NET_H

#include <stddef.h>
#include <stdint.h>

/* address families */
#define RV_AF_UNSPEC  0
#define RV_AF_UNIX    1
#define RV_AF_INET    2
#define RV_AF_INET6   10
#define RV_AF_NETLINK 16
#define RV_AF_PACKET  17

/* socket types; the type word also takes SOCK_NONBLOCK and SOCK_CLOEXEC,
 * which are O_NONBLOCK and O_CLOEXEC */
#define RV_SOCK_STREAM    1
#define RV_SOCK_DGRAM     2
#define RV_SOCK_RAW       3
#define RV_SOCK_RDM       4
#define RV_SOCK_SEQPACKET 5
#define RV_SOCK_PACKET    10
#define RV_SOCK_TYPE_MASK 0xf

/* option levels */
#define RV_SOL_IP        0
#define RV_SOL_SOCKET    1
#define RV_SOL_TCP       6
#define RV_SOL_UDP       17
#define RV_SOL_IPV6      41
#define RV_SOL_ICMPV6    58
#define RV_SOL_UDPLITE   136
#define RV_SOL_RAW       255
#define RV_SOL_PACKET    263
#define RV_SOL_NETLINK   270
#define RV_SOL_ALG       279
#define RV_SOL_TLS       282

/* asm-generic/socket.h: the options whose argument is not plain data or
 * that the checks below name */
#define RV_SO_LINGER            13
#define RV_SO_PASSCRED          16
#define RV_SO_PEERCRED          17
#define RV_SO_RCVTIMEO_OLD      20
#define RV_SO_SNDTIMEO_OLD      21
#define RV_SO_ATTACH_FILTER     26
#define RV_SO_ATTACH_REUSEPORT_CBPF 51
#define RV_SO_RCVTIMEO_NEW      66
#define RV_SCM_RIGHTS       1
#define RV_SCM_CREDENTIALS  2

/* netfilter's table replacements, the ebtables getters and TCP's zero-copy
 * receive carry user pointers inside their arguments */
#define RV_IPT_SO_SET_REPLACE   64
#define RV_ARPT_SO_SET_REPLACE  96
#define RV_EBT_SO_SET_ENTRIES   128
#define RV_EBT_SO_SET_COUNTERS  129
#define RV_EBT_SO_GET_INFO      128
#define RV_EBT_SO_GET_INIT_ENTRIES 131
#define RV_IP6T_SO_SET_REPLACE  64
#define RV_TCP_ZEROCOPY_RECEIVE 35
#define RV_PACKET_FANOUT_DATA   22

/* bits/socket.h MSG_ flags: the ones rvdbt looks at */
#define RV_MSG_CTRUNC     0x08
#define RV_MSG_TRUNC      0x20
#define RV_MSG_DONTWAIT   0x40
#define RV_MSG_WAITALL    0x100
#define RV_MSG_NOSIGNAL   0x4000
#define RV_MSG_WAITFORONE 0x10000
#define RV_MSG_CMSG_CLOEXEC 0x40000000

/* linux/socket.h user_msghdr, 64-bit */
struct rv_msghdr {
    uint64_t msg_name;
    int32_t msg_namelen;
    int32_t pad0;
    uint64_t msg_iov;
    uint64_t msg_iovlen;
    uint64_t msg_control;
    uint64_t msg_controllen;
    uint32_t msg_flags;
    int32_t pad1;
};
_Static_assert(sizeof(struct rv_msghdr) == 56 && offsetof(struct rv_msghdr, msg_flags) == 48,
               "struct msghdr");

struct rv_mmsghdr {
    struct rv_msghdr msg_hdr;
    uint32_t msg_len;
    int32_t pad;
};
_Static_assert(sizeof(struct rv_mmsghdr) == 64, "struct mmsghdr");

/* linux/socket.h: a control message header, its data at CMSG_ALIGN(16),
 * records aligned to 8 (sizeof(long)) */
struct rv_cmsghdr {
    uint64_t cmsg_len;
    int32_t cmsg_level;
    int32_t cmsg_type;
};
_Static_assert(sizeof(struct rv_cmsghdr) == 16, "struct cmsghdr");
#define RV_CMSG_ALIGN(len) (((len) + 7) & ~(uint64_t)7)

/* SCM_CREDENTIALS and SO_PEERCRED */
struct rv_ucred {
    int32_t pid;
    uint32_t uid;
    uint32_t gid;
};

struct rv_linger {
    int32_t l_onoff;
    int32_t l_linger;
};

/* linux/filter.h: classic BPF programs for SO_ATTACH_FILTER */
struct rv_sock_filter {
    uint16_t code;
    uint8_t jt, jf;
    uint32_t k;
};
struct rv_sock_fprog {
    uint16_t len;
    uint16_t pad[3];
    uint64_t filter;
};
_Static_assert(sizeof(struct rv_sock_fprog) == 16, "struct sock_fprog");

/* sockaddr_storage: the most any address takes */
#define RV_SOCKADDR_MAX 128

#endif
