/* File descriptor I/O: read/write and their vector and positioned forms,
 * in-kernel copies (sendfile, copy_file_range, splice, tee), open/close/dup/
 * pipe, fcntl and the terminal ioctls, locks, syncing, space and advice.
 * Guest fds are host fds.
 *
 * Buffers go to the host kernel as host addresses inside the guest space
 * (sys_ubuf), not copied: the host kernel then moves exactly the bytes the
 * guest's kernel would, up to the first page the guest cannot access (a read
 * into a buffer whose second page is unmapped returns what fits the first),
 * because host protections mirror the region map. */
#include <fcntl.h>
#include <linux/close_range.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>
#include "linux/sys_impl.h"

/* Open flags, fcntl commands and flock types pass through unchanged: x86-64
 * uses the asm-generic values riscv64 uses. (Host glibc defines O_LARGEFILE
 * as 0 on 64-bit; both kernels force it on, so the guest bit reaches the host
 * kernel as the same bit and means the same.) */
_Static_assert(O_WRONLY == RV_O_WRONLY && O_RDWR == RV_O_RDWR && O_CREAT == RV_O_CREAT &&
               O_EXCL == RV_O_EXCL && O_NOCTTY == RV_O_NOCTTY && O_TRUNC == RV_O_TRUNC &&
               O_APPEND == RV_O_APPEND && O_NONBLOCK == RV_O_NONBLOCK &&
               O_DSYNC == RV_O_DSYNC && O_ASYNC == RV_O_ASYNC && O_DIRECT == RV_O_DIRECT &&
               O_DIRECTORY == RV_O_DIRECTORY && O_NOFOLLOW == RV_O_NOFOLLOW &&
               O_NOATIME == RV_O_NOATIME && O_CLOEXEC == RV_O_CLOEXEC &&
               O_SYNC == RV_O_SYNC && O_PATH == RV_O_PATH && O_TMPFILE == RV_O_TMPFILE,
               "open flags");
_Static_assert(F_DUPFD == RV_F_DUPFD && F_GETFD == RV_F_GETFD && F_SETFD == RV_F_SETFD &&
               F_GETFL == RV_F_GETFL && F_SETFL == RV_F_SETFL && F_GETLK == RV_F_GETLK &&
               F_SETLK == RV_F_SETLK && F_SETLKW == RV_F_SETLKW && F_SETOWN == RV_F_SETOWN &&
               F_GETOWN == RV_F_GETOWN && F_SETSIG == RV_F_SETSIG && F_GETSIG == RV_F_GETSIG &&
               F_SETOWN_EX == RV_F_SETOWN_EX && F_GETOWN_EX == RV_F_GETOWN_EX &&
               F_OFD_GETLK == RV_F_OFD_GETLK && F_OFD_SETLK == RV_F_OFD_SETLK &&
               F_OFD_SETLKW == RV_F_OFD_SETLKW && F_SETLEASE == RV_F_SETLEASE &&
               F_GETLEASE == RV_F_GETLEASE && F_NOTIFY == RV_F_NOTIFY &&
               F_DUPFD_CLOEXEC == RV_F_DUPFD_CLOEXEC && F_SETPIPE_SZ == RV_F_SETPIPE_SZ &&
               F_GETPIPE_SZ == RV_F_GETPIPE_SZ && F_ADD_SEALS == RV_F_ADD_SEALS &&
               F_GET_SEALS == RV_F_GET_SEALS && FD_CLOEXEC == RV_FD_CLOEXEC, "fcntl commands");
_Static_assert(F_RDLCK == RV_F_RDLCK && F_WRLCK == RV_F_WRLCK && F_UNLCK == RV_F_UNLCK,
               "flock types");
/* Terminal flag words pass through; the c_cc indices are the kernel's. */
_Static_assert(ICANON == RV_ICANON && ECHO == RV_ECHO && ISIG == RV_ISIG && OPOST == RV_OPOST &&
               ICRNL == RV_ICRNL && CBAUD == RV_CBAUD && VMIN == RV_VMIN && VTIME == RV_VTIME &&
               NCCS >= RV_NCCS, "termios");

void *sys_ubuf(struct rv_cpu *c, uint64_t g, uint64_t *len, int prot)
{
    struct mmu *m = sys_mmu(c);
    if (g > MMU_GUEST_SIZE || *len > MMU_GUEST_SIZE - g)
        return NULL;
    if (prot == MMU_R && *len && !mmu_check(m, g, *len, MMU_R)) {
        /* [g, g+lo) readable, [g, g+hi) not: find the first unreadable byte */
        uint64_t lo = 0, hi = *len;
        while (hi - lo > 1) {
            uint64_t mid = lo + (hi - lo) / 2;
            if (mmu_check(m, g, mid, MMU_R))
                lo = mid;
            else
                hi = mid;
        }
        if (mmu_check(m, g + lo, 1, MMU_X)) {
            if (lo == 0)
                return NULL;
            *len = lo;
        }
    }
    return mmu_host(m, g);
}

/* A bad buffer reaches the host call as SYS_KFAULT: a bad fd is -EBADF, a
 * pwrite on a pipe -ESPIPE before the buffer is looked at. */
void *sys_ubuf_or_fault(struct rv_cpu *c, uint64_t g, uint64_t *len, int prot)
{
    void *p = sys_ubuf(c, g, len, prot);
    return p ? p : SYS_KFAULT(g);
}

int64_t sys_read(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t n = a[2];
    void *p = sys_ubuf_or_fault(c, a[1], &n, MMU_W);
    return SYS_SAFE(c, SYS_read, (int)a[0], p, n, 0, 0, 0);
}

int64_t sys_write(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t n = a[2];
    const void *p = sys_ubuf_or_fault(c, a[1], &n, MMU_R);
    return SYS_SAFE(c, SYS_write, (int)a[0], p, n, 0, 0, 0);
}

int64_t sys_pread64(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t n = a[2];
    void *p = sys_ubuf_or_fault(c, a[1], &n, MMU_W);
    return SYS_SAFE(c, SYS_pread64, (int)a[0], p, n, (off_t)a[3], 0, 0);
}

int64_t sys_pwrite64(struct rv_cpu *c, const uint64_t *a)
{
    uint64_t n = a[2];
    const void *p = sys_ubuf_or_fault(c, a[1], &n, MMU_R);
    return SYS_SAFE(c, SYS_pwrite64, (int)a[0], p, n, (off_t)a[3], 0, 0);
}

int64_t sys_iov_in(struct rv_cpu *c, uint64_t g, uint64_t cnt, int prot, struct iovec *iov)
{
    struct rv_iovec gv[RV_UIO_MAXIOV];

    if (cnt > RV_UIO_MAXIOV)
        return -EINVAL;
    if (cnt == 0)
        return 0;       /* no array is read, wherever it is */
    if (mmu_read(sys_mmu(c), gv, g, cnt * sizeof gv[0]))
        return -EFAULT;
    /* every segment inside the guest space first, as the kernel checks them */
    for (uint64_t i = 0; i < cnt; i++) {
        if ((int64_t)gv[i].iov_len < 0)
            return -EINVAL;
        if (gv[i].iov_base > MMU_GUEST_SIZE || gv[i].iov_len > MMU_GUEST_SIZE - gv[i].iov_base)
            return -EFAULT;
    }
    for (uint64_t i = 0; i < cnt; i++) {
        uint64_t len = gv[i].iov_len;
        iov[i].iov_base = sys_ubuf(c, gv[i].iov_base, &len, prot);
        iov[i].iov_len = len;
        /* cut short (execute-only memory): nothing after it is reached */
        if (!iov[i].iov_base)
            return i ? (int64_t)i : -EFAULT;
        if (len < gv[i].iov_len)
            return (int64_t)i + 1;
    }
    return (int64_t)cnt;
}

/* The vector calls' count is an unsigned long that the kernel hands on as
 * an unsigned int (import_iovec's nr_segs): bits above 32 are dropped.
 * Iovecs the guest got wrong (e: -EFAULT or -EINVAL) go to the host call as
 * an array it cannot read, so that the checks Linux makes first (a bad fd,
 * a file not open for it, a negative position, a pipe) answer first. */
#define IOV_FAULT ((struct iovec *)SYS_KFAULT(0))

static int64_t iov_refused(int64_t e, long host)
{
    return host < 0 && errno != EFAULT ? -errno : e;
}

int64_t sys_readv(struct rv_cpu *c, const uint64_t *a)
{
    struct iovec iov[RV_UIO_MAXIOV];
    int64_t n = sys_iov_in(c, a[1], (uint32_t)a[2], MMU_W, iov);
    if (n < 0)
        return iov_refused(n, syscall(SYS_readv, (int)a[0], IOV_FAULT, (int)(uint32_t)a[2]));
    return SYS_SAFE(c, SYS_readv, (int)a[0], iov, (int)n, 0, 0, 0);
}

int64_t sys_writev(struct rv_cpu *c, const uint64_t *a)
{
    struct iovec iov[RV_UIO_MAXIOV];
    int64_t n = sys_iov_in(c, a[1], (uint32_t)a[2], MMU_R, iov);
    if (n < 0)
        return iov_refused(n, syscall(SYS_writev, (int)a[0], IOV_FAULT, (int)(uint32_t)a[2]));
    return SYS_SAFE(c, SYS_writev, (int)a[0], iov, (int)n, 0, 0, 0);
}

/* On a 64-bit kernel the position is a3 alone (pos_h in a4 is ignored). */
int64_t sys_preadv(struct rv_cpu *c, const uint64_t *a)
{
    struct iovec iov[RV_UIO_MAXIOV];
    int64_t n = sys_iov_in(c, a[1], (uint32_t)a[2], MMU_W, iov);
    if (n < 0)
        return iov_refused(n, syscall(SYS_preadv, (int)a[0], IOV_FAULT, (int)(uint32_t)a[2], (long)a[3], 0L));
    return sys_ret(preadv((int)a[0], iov, (int)n, (off_t)a[3]));
}

int64_t sys_pwritev(struct rv_cpu *c, const uint64_t *a)
{
    struct iovec iov[RV_UIO_MAXIOV];
    int64_t n = sys_iov_in(c, a[1], (uint32_t)a[2], MMU_R, iov);
    if (n < 0)
        return iov_refused(n, syscall(SYS_pwritev, (int)a[0], IOV_FAULT, (int)(uint32_t)a[2], (long)a[3], 0L));
    return sys_ret(pwritev((int)a[0], iov, (int)n, (off_t)a[3]));
}

/* The RWF_ flags are the same bits on both sides (linux/fs.h); position -1
 * means the file position, as for the host. */
_Static_assert(RWF_HIPRI == RV_RWF_HIPRI && RWF_DSYNC == RV_RWF_DSYNC && RWF_SYNC == RV_RWF_SYNC &&
               RWF_NOWAIT == RV_RWF_NOWAIT && RWF_APPEND == RV_RWF_APPEND, "RWF_ flags");

int64_t sys_preadv2(struct rv_cpu *c, const uint64_t *a)
{
    struct iovec iov[RV_UIO_MAXIOV];
    int64_t n = sys_iov_in(c, a[1], (uint32_t)a[2], MMU_W, iov);
    return n < 0 ? n : sys_ret(syscall(SYS_preadv2, (int)a[0], iov, (int)n, (long)a[3], 0L,
                                       (int)a[5]));
}

int64_t sys_pwritev2(struct rv_cpu *c, const uint64_t *a)
{
    struct iovec iov[RV_UIO_MAXIOV];
    int64_t n = sys_iov_in(c, a[1], (uint32_t)a[2], MMU_R, iov);
    return n < 0 ? n : sys_ret(syscall(SYS_pwritev2, (int)a[0], iov, (int)n, (long)a[3], 0L,
                                       (int)a[5]));
}

/* A file offset the kernel reads at guest address g and writes back advanced
 * (sendfile, copy_file_range); g == 0 means "use the file position". */
static int64_t offset_in(struct rv_cpu *c, uint64_t g, off_t *off)
{
    int64_t v;
    if (g && mmu_read(sys_mmu(c), &v, g, sizeof v))
        return -EFAULT;
    *off = g ? (off_t)v : 0;
    return 0;
}

static int64_t offset_out(struct rv_cpu *c, uint64_t g, off_t off, int64_t ret)
{
    int64_t v = off;
    if (g && ret >= 0 && mmu_write(sys_mmu(c), g, &v, sizeof v))
        return -EFAULT;
    return ret;
}

int64_t sys_sendfile(struct rv_cpu *c, const uint64_t *a)
{
    off_t off;
    int64_t err = offset_in(c, a[2], &off);
    if (err)
        return err;
    int64_t r = sys_ret(sendfile((int)a[0], (int)a[1], a[2] ? &off : NULL, a[3]));
    return offset_out(c, a[2], off, r);
}

int64_t sys_copy_file_range(struct rv_cpu *c, const uint64_t *a)
{
    off_t in, out;
    int64_t err = offset_in(c, a[1], &in);
    if (!err)
        err = offset_in(c, a[3], &out);
    if (err)
        return err;
    int64_t r = sys_ret(copy_file_range((int)a[0], a[1] ? &in : NULL, (int)a[2],
                                        a[3] ? &out : NULL, a[4], (unsigned)a[5]));
    r = offset_out(c, a[1], in, r);
    return offset_out(c, a[3], out, r);
}

/* Offsets as in sendfile; a pipe end given one is the host's -ESPIPE. */
int64_t sys_splice(struct rv_cpu *c, const uint64_t *a)
{
    loff_t in, out;
    int64_t err = offset_in(c, a[1], &in);
    if (!err)
        err = offset_in(c, a[3], &out);
    if (err)
        return err;
    int64_t r = sys_ret(splice((int)a[0], a[1] ? &in : NULL, (int)a[2], a[3] ? &out : NULL,
                               a[4], (unsigned)a[5]));
    r = offset_out(c, a[1], in, r);
    return offset_out(c, a[3], out, r);
}

int64_t sys_tee(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(tee((int)a[0], (int)a[1], a[2], (unsigned)a[3]));
}

/* The pages of the guest buffers go into (or come out of) the pipe; with
 * SPLICE_F_GIFT they may be taken over, which the host kernel does on the
 * guest pages themselves, as Linux would. */
int64_t sys_vmsplice(struct rv_cpu *c, const uint64_t *a)
{
    struct iovec iov[RV_UIO_MAXIOV];
    int64_t n = sys_iov_in(c, a[1], (uint32_t)a[2], MMU_R, iov);
    return n < 0 ? n : sys_ret(vmsplice((int)a[0], iov, (unsigned long)n, (unsigned)a[3]));
}

int64_t sys_lseek(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(lseek((int)a[0], (off_t)a[1], (int)a[2]));
}

int64_t sys_openat(struct rv_cpu *c, const uint64_t *a)
{
    const char *path;
    int64_t fd;
    int err = sys_path(c, a[1], &path);
    if (!err && sys_proc_open(c, path, (int)a[2], &fd))
        return fd;
    /* a bad path fails after the flags, in the host kernel */
    return sys_ret(syscall(SYS_openat, (int)a[0], err ? sys_str_arg(c, a[1]) : path, (int)a[2], (mode_t)a[3]));
}

int64_t sys_close(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(close((int)a[0]));
}

int64_t sys_dup(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(dup((int)a[0]));
}

int64_t sys_dup3(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(dup3((int)a[0], (int)a[1], (int)a[2]));
}

int64_t sys_pipe2(struct rv_cpu *c, const uint64_t *a)
{
    int fds[2];
    int32_t gfds[2];
    /* the flags first, as Linux: the pipe is made, then closed if the
     * guest's array cannot take it */
    if (pipe2(fds, (int)a[1]) < 0)
        return -errno;
    gfds[0] = fds[0];
    gfds[1] = fds[1];
    if (mmu_write(sys_mmu(c), a[0], gfds, sizeof gfds)) {
        close(fds[0]);
        close(fds[1]);
        return -EFAULT;
    }
    return 0;
}

static int64_t fcntl_lock(struct rv_cpu *c, int fd, int cmd, uint64_t g)
{
    struct rv_flock gl;
    struct flock hl;
    if (mmu_read(sys_mmu(c), &gl, g, sizeof gl))
        return -EFAULT;
    hl = (struct flock){ .l_type = gl.l_type, .l_whence = gl.l_whence,
                         .l_start = gl.l_start, .l_len = gl.l_len, .l_pid = gl.l_pid };
    if (fcntl(fd, cmd, &hl) < 0)
        return -errno;
    if (cmd != F_GETLK && cmd != F_OFD_GETLK)
        return 0;
    gl = (struct rv_flock){ .l_type = hl.l_type, .l_whence = hl.l_whence,
                            .l_start = hl.l_start, .l_len = hl.l_len, .l_pid = hl.l_pid };
    return mmu_write(sys_mmu(c), g, &gl, sizeof gl) ? -EFAULT : 0;
}

static int64_t fcntl_owner(struct rv_cpu *c, int fd, int cmd, uint64_t g)
{
    struct rv_f_owner_ex go;
    struct f_owner_ex ho;
    if (cmd == F_SETOWN_EX) {
        if (mmu_read(sys_mmu(c), &go, g, sizeof go))
            return -EFAULT;
        ho = (struct f_owner_ex){ .type = go.type, .pid = go.pid };
        return sys_ret(fcntl(fd, cmd, &ho));
    }
    if (fcntl(fd, cmd, &ho) < 0)
        return -errno;
    go = (struct rv_f_owner_ex){ .type = ho.type, .pid = ho.pid };
    return mmu_write(sys_mmu(c), g, &go, sizeof go) ? -EFAULT : 0;
}

int64_t sys_fcntl(struct rv_cpu *c, const uint64_t *a)
{
    int fd = (int)a[0], cmd = (int)a[1];
    switch (cmd) {
    case F_DUPFD: case F_DUPFD_CLOEXEC: case F_SETFD: case F_SETFL: case F_SETOWN:
    case F_SETSIG: case F_SETLEASE: case F_NOTIFY: case F_SETPIPE_SZ: case F_ADD_SEALS:
        return sys_ret(fcntl(fd, cmd, (int)a[2]));
    case F_GETFD: case F_GETFL: case F_GETOWN: case F_GETSIG: case F_GETLEASE:
    case F_GETPIPE_SZ: case F_GET_SEALS:
        return sys_ret(fcntl(fd, cmd));
    case F_GETLK: case F_SETLK: case F_SETLKW:
    case F_OFD_GETLK: case F_OFD_SETLK: case F_OFD_SETLKW:
        return fcntl_lock(c, fd, cmd, a[2]);
    case F_GETOWN_EX: case F_SETOWN_EX:
        return fcntl_owner(c, fd, cmd, a[2]);
    default:
        return -EINVAL;
    }
}

static int64_t ioctl_tcgets(struct rv_cpu *c, int fd, uint64_t g)
{
    struct termios ht;
    struct rv_termios gt;
    if (tcgetattr(fd, &ht) < 0)
        return -errno;
    gt = (struct rv_termios){ .c_iflag = ht.c_iflag, .c_oflag = ht.c_oflag,
                              .c_cflag = ht.c_cflag, .c_lflag = ht.c_lflag,
                              .c_line = ht.c_line };
    for (int i = 0; i < RV_NCCS; i++)
        gt.c_cc[i] = ht.c_cc[i];
    return mmu_write(sys_mmu(c), g, &gt, sizeof gt) ? -EFAULT : 0;
}

static int64_t ioctl_tcsets(struct rv_cpu *c, int fd, int action, uint64_t g)
{
    struct termios ht;
    struct rv_termios gt;
    if (mmu_read(sys_mmu(c), &gt, g, sizeof gt))
        return -EFAULT;
    /* start from the current state so fields the guest layout lacks
     * (glibc's speeds, the c_cc tail) keep their values */
    if (tcgetattr(fd, &ht) < 0)
        return -errno;
    ht.c_iflag = gt.c_iflag;
    ht.c_oflag = gt.c_oflag;
    ht.c_cflag = gt.c_cflag;
    ht.c_lflag = gt.c_lflag;
    ht.c_line = gt.c_line;
    for (int i = 0; i < RV_NCCS; i++)
        ht.c_cc[i] = gt.c_cc[i];
    return sys_ret(tcsetattr(fd, action, &ht));
}

static int64_t ioctl_winsize(struct rv_cpu *c, int fd, unsigned long req, uint64_t g)
{
    struct winsize hw;
    struct rv_winsize gw;
    if (req == TIOCSWINSZ) {
        if (mmu_read(sys_mmu(c), &gw, g, sizeof gw))
            return -EFAULT;
        hw = (struct winsize){ .ws_row = gw.ws_row, .ws_col = gw.ws_col,
                               .ws_xpixel = gw.ws_xpixel, .ws_ypixel = gw.ws_ypixel };
        return sys_ret(ioctl(fd, req, &hw));
    }
    if (ioctl(fd, req, &hw) < 0)
        return -errno;
    gw = (struct rv_winsize){ .ws_row = hw.ws_row, .ws_col = hw.ws_col,
                              .ws_xpixel = hw.ws_xpixel, .ws_ypixel = hw.ws_ypixel };
    return mmu_write(sys_mmu(c), g, &gw, sizeof gw) ? -EFAULT : 0;
}

/* ioctls whose argument is one int (or pid_t) in guest memory, read or written. */
static int64_t ioctl_int(struct rv_cpu *c, int fd, unsigned long req, uint64_t g, bool in)
{
    int32_t gv;
    int hv = 0;
    if (in) {
        if (mmu_read(sys_mmu(c), &gv, g, sizeof gv))
            return -EFAULT;
        hv = gv;
        return sys_ret(ioctl(fd, req, &hv));
    }
    if (ioctl(fd, req, &hv) < 0)
        return -errno;
    gv = hv;
    return mmu_write(sys_mmu(c), g, &gv, sizeof gv) ? -EFAULT : 0;
}

_Static_assert(TCGETS == RV_TCGETS && TCSETS == RV_TCSETS && TCSETSW == RV_TCSETSW &&
               TCSETSF == RV_TCSETSF && TIOCGWINSZ == RV_TIOCGWINSZ &&
               TIOCSWINSZ == RV_TIOCSWINSZ && FIONREAD == RV_FIONREAD &&
               FIONBIO == RV_FIONBIO && FIOCLEX == RV_FIOCLEX && FIONCLEX == RV_FIONCLEX &&
               TIOCGPGRP == RV_TIOCGPGRP && TIOCSPGRP == RV_TIOCSPGRP, "ioctl numbers");

/* Only requests whose argument is known are carried out; anything else could
 * make the host kernel read or write a structure of unknown size at a guest
 * address, so it gets -ENOTTY (after the fd check the kernel does first). */
int64_t sys_ioctl(struct rv_cpu *c, const uint64_t *a)
{
    int fd = (int)a[0];
    unsigned long req = (uint32_t)a[1];
    switch (req) {
    case TCGETS:     return ioctl_tcgets(c, fd, a[2]);
    case TCSETS:     return ioctl_tcsets(c, fd, TCSANOW, a[2]);
    case TCSETSW:    return ioctl_tcsets(c, fd, TCSADRAIN, a[2]);
    case TCSETSF:    return ioctl_tcsets(c, fd, TCSAFLUSH, a[2]);
    case TIOCGWINSZ: case TIOCSWINSZ:
        return ioctl_winsize(c, fd, req, a[2]);
    case FIONREAD: case TIOCGPGRP:
        return ioctl_int(c, fd, req, a[2], false);
    case FIONBIO: case TIOCSPGRP:
        return ioctl_int(c, fd, req, a[2], true);
    case FIOCLEX: case FIONCLEX:
        return sys_ret(ioctl(fd, req));
    default: {
        /* Linux's ioctl looks up the fd as fdget does: an O_PATH one is as bad */
        int fl = fcntl(fd, F_GETFL);
        return fl < 0 || (fl & O_PATH) ? -EBADF : -ENOTTY;
    }
    }
}

int64_t sys_flock(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return SYS_SAFE(c, SYS_flock, (int)a[0], (int)a[1], 0, 0, 0, 0);
}

int64_t sys_fsync(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(fsync((int)a[0]));
}

int64_t sys_fdatasync(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(fdatasync((int)a[0]));
}

int64_t sys_ftruncate(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(ftruncate((int)a[0], (off_t)a[1]));
}

int64_t sys_sync(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    (void)a;
    sync();
    return 0;
}

int64_t sys_syncfs(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(syncfs((int)a[0]));
}

int64_t sys_sync_file_range(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(sync_file_range((int)a[0], (off_t)a[1], (off_t)a[2], (unsigned)a[3]));
}

/* The FALLOC_FL_ and POSIX_FADV_ values are the same on both sides, so the
 * host kernel judges the mode and the advice itself. */
_Static_assert(FALLOC_FL_KEEP_SIZE == RV_FALLOC_FL_KEEP_SIZE &&
               FALLOC_FL_PUNCH_HOLE == RV_FALLOC_FL_PUNCH_HOLE &&
               FALLOC_FL_ZERO_RANGE == RV_FALLOC_FL_ZERO_RANGE, "fallocate modes");
_Static_assert(POSIX_FADV_NORMAL == RV_POSIX_FADV_NORMAL &&
               POSIX_FADV_RANDOM == RV_POSIX_FADV_RANDOM &&
               POSIX_FADV_SEQUENTIAL == RV_POSIX_FADV_SEQUENTIAL &&
               POSIX_FADV_WILLNEED == RV_POSIX_FADV_WILLNEED &&
               POSIX_FADV_DONTNEED == RV_POSIX_FADV_DONTNEED &&
               POSIX_FADV_NOREUSE == RV_POSIX_FADV_NOREUSE, "fadvise advice");

int64_t sys_fallocate(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(fallocate((int)a[0], (int)a[1], (off_t)a[2], (off_t)a[3]));
}

int64_t sys_readahead(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(readahead((int)a[0], (off_t)a[1], a[2]));
}

/* riscv64's fadvise64 is fadvise64_64: offset, length, advice. The raw call
 * (glibc's posix_fadvise returns the error instead of setting errno). */
int64_t sys_fadvise64(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    return sys_ret(syscall(SYS_fadvise64, (int)a[0], (long)a[1], (long)a[2], (int)a[3]));
}

_Static_assert(MFD_CLOEXEC == RV_MFD_CLOEXEC && MFD_ALLOW_SEALING == RV_MFD_ALLOW_SEALING &&
               MFD_HUGETLB == RV_MFD_HUGETLB, "memfd_create flags");

int64_t sys_memfd_create(struct rv_cpu *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_memfd_create, sys_str_arg(c, a[0]), (unsigned)a[1]));
}

/* Linux takes unsigned fds here: first > last is -EINVAL, ~0 means "to the
 * end". The guest may close any fd it likes, as it may with close, except
 * rvdbt's own, which the range is cut around. */
_Static_assert(CLOSE_RANGE_UNSHARE == RV_CLOSE_RANGE_UNSHARE &&
               CLOSE_RANGE_CLOEXEC == RV_CLOSE_RANGE_CLOEXEC, "close_range flags");

int64_t sys_close_range(struct rv_cpu *c, const uint64_t *a)
{
    (void)c;
    unsigned first = (unsigned)a[0], last = (unsigned)a[1], flags = (unsigned)a[2], own[SYS_OWN_MAX];
    if (first > last)
        return -EINVAL;
    int n = sys_own_fds_in(first, last, own);
    for (int i = 0; i < n; i++) {
        if (own[i] > first && syscall(SYS_close_range, first, own[i] - 1, flags) != 0)
            return -errno;
        if (own[i] == last)
            return 0;
        first = own[i] + 1;
    }
    return sys_ret(syscall(SYS_close_range, first, last, flags));
}
