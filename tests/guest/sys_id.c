/* Identity and limits: user and group ids in their real/effective/saved
 * forms, supplementary groups, capabilities, personality, prctl options
 * (the thread name, parent-death signal, dumpable, no_new_privs...),
 * priority and scheduling policy, affinity, getcpu, ioprio, umask. What is
 * printed is the same for any user; what depends on privilege is printed as
 * whether it matches it. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/capability.h>
#include <sched.h>
#include <grp.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/fsuid.h>
#include <sys/types.h>
#include <unistd.h>
#include "guest.h"

static const char *err(int e)
{
    return e == EINVAL ? "EINVAL" : e == EFAULT ? "EFAULT" : e == EPERM ? "EPERM" : e == ESRCH ? "ESRCH"
         : "other";
}

static void test_ids(void)
{
    uid_t r, e, s;
    gid_t gr, ge, gs;
    CHECK(getresuid(&r, &e, &s) == 0 && getresgid(&gr, &ge, &gs) == 0);
    printf("getresuid/getresgid match getuid.. %d\n", r == getuid() && e == geteuid() && gr == getgid() &&
                                                      ge == getegid());
    int v[6] = { setresuid(-1, -1, -1), setresgid(-1, -1, -1), setuid(getuid()), setgid(getgid()),
                 setreuid(-1, -1), setregid(-1, -1) };
    printf("setresuid(-1,-1,-1) %d setresgid %d setuid(self) %d setgid(self) %d setreuid %d setregid %d\n",
           v[0], v[1], v[2], v[3], v[4], v[5]);
    int fu = setfsuid(-1) == (int)geteuid(), fg = setfsgid(-1) == (int)getegid();
    printf("setfsuid(-1) gives the fsuid: %d, setfsgid %d\n", fu, fg);
    int rr = (int)syscall(SYS_getresuid, (uid_t *)8, &e, &s);
    printf("getresuid into page 0: %d %s\n", rr, err(errno));

    int n = getgroups(0, NULL);
    gid_t list[256];
    CHECK(n >= 0 && n <= 256 && getgroups(n, list) == n);
    int k = n > 0 ? getgroups(n - 1, list) : 0;
    printf("getgroups: count agrees, too small a list %d %s\n", k, n > 0 ? err(errno) : "EINVAL");
    k = setgroups((size_t)n, list);
    printf("setgroups(same): %s\n", k == 0 ? (geteuid() == 0 ? "ok as root" : "ok?") :
                                    errno == EPERM && geteuid() != 0 ? "EPERM as a user" : "wrong");
}

static void test_caps(void)
{
    struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
    struct __user_cap_data_struct d[2];
    int r = (int)syscall(SYS_capget, &h, d);
    printf("capget v3: %d, root has CAP_CHOWN %d\n", r,
           geteuid() != 0 || (d[0].effective & (1u << CAP_CHOWN)) != 0);
    r = (int)syscall(SYS_capset, &h, d);
    printf("capset unchanged: %d\n", r);
    h = (struct __user_cap_header_struct){ 0x12345678, 0 };
    r = (int)syscall(SYS_capget, &h, d);
    printf("capget bad version: %d %s, kernel's version given %#x\n", r, err(errno), h.version);
    h = (struct __user_cap_header_struct){ _LINUX_CAPABILITY_VERSION_3, 0 };
    r = (int)syscall(SYS_capget, &h, NULL);
    printf("capget without data: %d\n", r);
}

static void test_personality(void)
{
    int p = personality(0xffffffff);
    printf("personality: %#x", p);
    int old = personality(PER_LINUX | UNAME26), now = personality(0xffffffff);
    printf(", set returns the old %d, now %#x", old == p, now);
    personality((unsigned long)p);
    printf(", restored %d\n", personality(0xffffffff) == p);
}

static void test_prctl(void)
{
    char name[32] = "";
    CHECK(prctl(PR_SET_NAME, "guest-thread-name-long") == 0);
    CHECK(prctl(PR_GET_NAME, name) == 0);
    printf("PR_GET_NAME: \"%s\"\n", name);
    int sig = -1;
    CHECK(prctl(PR_SET_PDEATHSIG, SIGTERM) == 0 && prctl(PR_GET_PDEATHSIG, &sig) == 0);
    printf("PR_GET_PDEATHSIG: %d", sig);
    CHECK(prctl(PR_SET_PDEATHSIG, 0) == 0);
    int r = prctl(PR_SET_PDEATHSIG, 100);
    printf(", bad signal %d %s\n", r, err(errno));
    int d0 = prctl(PR_GET_DUMPABLE), ds = prctl(PR_SET_DUMPABLE, 0), d1 = prctl(PR_GET_DUMPABLE);
    printf("PR_GET_DUMPABLE %d, set 0 %d then %d", d0, ds, d1);
    CHECK(prctl(PR_SET_DUMPABLE, 1) == 0);
    r = prctl(PR_SET_DUMPABLE, 5);
    printf(", bad value %d %s\n", r, err(errno));
    int ns = prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), ng = prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
    printf("PR_SET_NO_NEW_PRIVS %d, get %d", ns, ng);
    r = prctl(PR_SET_NO_NEW_PRIVS, 1, 1, 0, 0);
    printf(", stray argument %d %s\n", r, err(errno));
    int kc = prctl(PR_GET_KEEPCAPS), tm = prctl(PR_GET_TIMING);
    printf("PR_GET_KEEPCAPS %d, PR_GET_TIMING %d, PR_CAPBSET_READ(CAP_CHOWN) %d\n", kc, tm,
           prctl(PR_CAPBSET_READ, CAP_CHOWN));
    unsigned long slack = (unsigned long)prctl(PR_GET_TIMERSLACK);
    CHECK(prctl(PR_SET_TIMERSLACK, 123456) == 0);
    printf("PR_SET_TIMERSLACK then get %d\n", prctl(PR_GET_TIMERSLACK));
    prctl(PR_SET_TIMERSLACK, slack);
    r = prctl(9999, 0, 0, 0, 0);
    printf("unknown option: %d %s\n", r, err(errno));
    r = prctl(PR_GET_PDEATHSIG, (int *)8);
    printf("PR_GET_PDEATHSIG into page 0: %d %s\n", r, err(errno));
}

static void test_sched(void)
{
    errno = 0;
    int nice0 = getpriority(PRIO_PROCESS, 0);
    printf("nice %d", nice0);
    CHECK(setpriority(PRIO_PROCESS, 0, 3) == 0);
    printf(", after setpriority 3: %d", getpriority(PRIO_PROCESS, 0));
    int r = setpriority(99, 0, 3);
    printf(", bad which %d %s\n", r, err(errno));
    struct sched_param sp = { 1 };
    printf("scheduler %d, ", sched_getscheduler(0));
    CHECK(sched_getparam(0, &sp) == 0);
    int pmax = sched_get_priority_max(SCHED_FIFO), pmin = sched_get_priority_min(SCHED_FIFO);
    printf("priority %d, FIFO max %d min %d", sp.sched_priority, pmax, pmin);
    r = sched_setscheduler(0, SCHED_OTHER, &sp);
    printf(", setscheduler(OTHER) %d", r);
    r = sched_setparam(0, &sp);
    printf(", setparam %d", r);
    r = sched_getscheduler(-1);
    printf(", pid -1 %d %s\n", r, err(errno));
    struct timespec q;
    printf("rr interval: %d", sched_rr_get_interval(0, &q));
    cpu_set_t set;
    CPU_ZERO(&set);
    CHECK(sched_getaffinity(0, sizeof set, &set) == 0);
    printf(", setaffinity(same) %d", sched_setaffinity(0, sizeof set, &set));
    cpu_set_t none;
    CPU_ZERO(&none);
    r = sched_setaffinity(0, sizeof none, &none);
    printf(", empty set %d %s\n", r, err(errno));
    unsigned cpu = 99999, node = 99999;
    r = (int)syscall(SYS_getcpu, &cpu, &node, NULL);
    printf("getcpu: %d in the affinity set %d node small %d\n", r, CPU_ISSET(cpu, &set), node < 1024);
    uint32_t attr[14] = { 0 };
    r = (int)syscall(SYS_sched_getattr, 0, attr, sizeof attr, 0);
    printf("sched_getattr: %d size %u policy %u nice %d\n", r, attr[0], attr[1], (int)attr[4]);
    r = (int)syscall(SYS_ioprio_get, 1, 0);
    printf("ioprio_get: %s\n", r >= 0 ? "ok" : err(errno));
    mode_t old = umask(027);
    mode_t now = umask(old);
    printf("umask: old %o, now %o\n", old, now);
}

int main(void)
{
    test_ids();
    test_caps();
    test_personality();
    test_prctl();
    test_sched();
    return guest_done();
}
