/* sys_border's calls on signals, time, process information, futexes. */
#include "tests/fuzz/sys_border.h"

/* ---- signals ---- */

static const int64_t sigs[] = { 0, 1, SIGUSR1, SIGSEGV, SIGKILL, SIGSTOP, SIGCHLD, 31, 32, 33, 34,
                                63, 64, 65, -1, (1LL << 32) | SIGUSR2, 1000 };

void c_rt_sigaction(void)
{
    int64_t sig = arg_of("sig", sigs, sizeof sigs / sizeof sigs[0], true);
    if (sig == SIGPIPE)
        sig = SIGUSR2;      /* SIGPIPE stays ignored: a write to a pipe may raise it */
    struct k_sigaction a = { 0 };
    static const uint64_t handlers[] = { 0, 1 };
    a.handler = rn(3) ? handlers[rn(2)] : (uint64_t)(uintptr_t)text_fn;
    static const uint64_t flags[] = { 0, SA_RESTART, SA_SIGINFO, SA_ONSTACK | SA_NODEFER,
                                      0x04000000 /* SA_RESTORER */, 0xffffffff, 0x400 };
    a.flags = PICK(flags);
    a.mask = rnd();
    uint64_t p = rn(4) ? arg_ptr("act", sizeof a, 0) : (out(" act=null"), 0);
    put(p, &a, sizeof a);
    out(" h=%s fl=%#llx", a.handler == (uint64_t)(uintptr_t)text_fn ? "fn" : a.handler ? "ign" : "dfl",
        (unsigned long long)a.flags);
    uint64_t o = arg_ptr("old", sizeof a, 1);
    int64_t sz = ARG("size", 8, 0, 4, 16, 128, -1);
    result = SC(NR_(rt_sigaction), sig, p, o, sz);
}

void c_rt_sigprocmask(void)
{
    int64_t how = ARG("how", SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK, 3, -1);
    uint64_t set = rnd();
    uint64_t p = rn(4) ? arg_ptr("set", 8, 0) : (out(" set=null"), 0);
    put(p, &set, 8);
    uint64_t o = arg_ptr("old", 8, 1);
    int64_t sz = ARG("size", 8, 0, 4, 16, -1);
    result = SC(NR_(rt_sigprocmask), how, p, o, sz);
    uint64_t none = 0;
    SC(NR_(rt_sigprocmask), SIG_SETMASK, &none, 0, 8);
}

void c_rt_sigpending(void)
{
    uint64_t p = arg_ptr("set", 8, 0);
    int64_t sz = ARG("size", 8, 0, 4, 16, -1);
    result = SC(NR_(rt_sigpending), p, sz);
}

void c_sigaltstack(void)
{
    stack_t s = { 0 };
    static const uint64_t sps[] = { 0, 0x1000, ~0ULL };
    s.ss_sp = rn(2) ? PAGE(P_C) : (void *)(uintptr_t)PICK(sps);
    static const int fls[] = { 0, SS_DISABLE, SS_ONSTACK, (int)0x80000000 /* SS_AUTODISARM */, 0x7, -1 };
    s.ss_flags = PICK(fls);
    static const uint64_t sizes[] = { 0, 1024, 2047, 2048, 4096, 8192, 1ULL << 40, ~0ULL };
    s.ss_size = (size_t)PICK(sizes);
    uint64_t p = rn(4) ? arg_ptr("ss", sizeof s, 0) : (out(" ss=null"), 0);
    put(p, &s, sizeof s);
    out(" sp=%s fl=%d size=%llu", s.ss_sp == PAGE(P_C) ? "c" : s.ss_sp ? "bad" : "0",
        s.ss_flags, (unsigned long long)s.ss_size);
    uint64_t o = arg_ptr("old", sizeof s, 1);
    result = SC(NR_(sigaltstack), p, o);
    /* the old stack's sp is an arena address: name it */
    if (inside(o, sizeof s) && result == 0) {
        stack_t old;
        memcpy(&old, (void *)(uintptr_t)o, sizeof old);
        if (old.ss_sp == PAGE(P_C))
            BLANK(o, stack_t, ss_sp);
    }
    stack_t off = { .ss_flags = SS_DISABLE };
    sigaltstack(&off, NULL);
}

void c_kill(void)
{
    /* only this process, or none; only signal 0 or invalid ones */
    static const char *const pn[] = { "self", "nx", "0" };
    unsigned i = rn(3);
    int64_t pid = i == 0 ? getpid() : i == 1 ? 0x7fffffff : 0;
    int64_t sig = ARG("sig", 0, 65, -1, 1000, 1L << 32, 1L << 32 | 65);
    out(" pid=%s", pn[i]);
    switch (rn(3)) {
    case 0: result = SC(NR_(kill), pid, sig); break;
    case 1: out(" t"); result = SC(NR_(tkill), i == 0 ? gettid() : pid ? pid : -1, sig); break;
    default: out(" tg"); result = SC(NR_(tgkill), pid ? pid : -1, i == 0 ? gettid() : pid, sig); break;
    }
}

void c_rt_sigtimedwait(void)
{
    uint64_t set = rnd() & ~(1ULL << (SIGKILL - 1));
    uint64_t p = arg_ptr("set", 8, 0);
    put(p, &set, 8);
    uint64_t info = rn(2) ? arg_ptr("info", 128, 1) : (out(" info=null"), 0);
    struct timespec ts = { 0, rn(4) ? 0 : -1 };
    uint64_t t = arg_in_ptr("tmo", sizeof ts, 0, true);     /* never wait without a timeout */
    put(t, &ts, sizeof ts);
    int64_t sz = ARG("size", 8, 0, 16, -1);
    result = SC(NR_(rt_sigtimedwait), p, info, t, sz);
}

/* ---- time ---- */

static const int64_t clocks[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, -1, 100, -6, -2, 0x7fffffff,
                                  (1LL << 32) | 1 };

void c_clock_gettime(void)
{
    int64_t clk = arg_of("clk", clocks, sizeof clocks / sizeof clocks[0], false);
    uint64_t p = arg_ptr("ts", sizeof(struct timespec), 0);
    if (rn(2)) {
        result = SC(NR_(clock_gettime), clk, p);
        if (result == 0)
            blank(p, sizeof(struct timespec));
    } else {
        out(" res");
        result = SC(NR_(clock_getres), clk, p);
    }
}

/* A short timespec in, or a bad one; never one that sleeps long. */
static uint64_t arg_sleep_ts(const char *name, int slot)
{
    static const struct timespec v[] = { { 0, 1000 }, { 0, 0 }, { 0, -1 }, { 0, 1000000000 },
                                         { -1, 0 }, { 0, 999999999 - 999999000 } };
    uint64_t p = arg_in_ptr(name, sizeof(struct timespec), slot, true);    /* ro: zero, at once */
    unsigned i = rn(6);
    put(p, &v[i], sizeof v[i]);
    out(" %s=%lld.%09ld", name, (long long)v[i].tv_sec, (long)v[i].tv_nsec);
    return p;
}

void c_nanosleep(void)
{
    uint64_t req = arg_sleep_ts("req", 0);
    uint64_t rem = arg_ptr("rem", sizeof(struct timespec), 1);
    if (rn(2)) {
        result = SC(NR_(nanosleep), req, rem);
    } else {
        int64_t clk = arg_of("clk", clocks, sizeof clocks / sizeof clocks[0], false);
        int64_t fl = FLAGS("flags", 0, TIMER_ABSTIME, 2, -1);
        /* A relative sleep on the process's own CPU clock (2, or a pid's
         * negative clock id) never ends in a process that only sleeps:
         * absolute, the microsecond asked for has passed already. */
        if (clk == CLOCK_PROCESS_CPUTIME_ID || clk < 0)
            fl |= TIMER_ABSTIME;
        result = SC(NR_(clock_nanosleep), clk, fl, req, rem);
    }
}

void c_gettimeofday(void)
{
    uint64_t tv = rn(4) ? arg_ptr("tv", sizeof(struct timeval), 0) : (out(" tv=null"), 0);
    uint64_t tz = rn(2) ? arg_ptr("tz", 8, 1) : (out(" tz=null"), 0);
    result = SC(NR_(gettimeofday), tv, tz);
    if (result == 0) {
        blank(tv, sizeof(struct timeval));
    }
}

void c_times(void)
{
    uint64_t p = rn(4) ? arg_ptr("buf", 32, 0) : (out(" buf=null"), 0);
    result = SC(NR_(times), p);
    if (result >= 0 || result < -4095) {
        ret_text = "ok";
        blank(p, 32);
    }
}

void c_itimer(void)
{
    int64_t which = ARG("which", ITIMER_REAL, ITIMER_VIRTUAL, ITIMER_PROF, 3, -1);
    uint64_t o = arg_ptr("old", sizeof(struct itimerval), 1);
    if (rn(2)) {
        result = SC(NR_(getitimer), which, o);
        return;
    }
    /* disarmed or invalid values only: an armed timer would kill the guest */
    struct itimerval v = { { 0, 0 }, { 0, 0 } };
    if (rn(2))
        v.it_value.tv_usec = 1000000;
    if (rn(4) == 0)
        v.it_interval.tv_usec = -1;
    uint64_t p = arg_in_ptr("new", sizeof v, 0, false);
    put(p, &v, sizeof v);
    out(" usec=%ld,%ld", (long)v.it_value.tv_usec, (long)v.it_interval.tv_usec);
    result = SC(NR_(setitimer), which, p, o);
}

/* ---- process information ---- */

void c_uname(void)
{
    uint64_t p = arg_ptr("buf", sizeof(struct utsname), 0);
    result = SC(NR_(uname), p);
}

void c_sysinfo(void)
{
    uint64_t p = arg_ptr("info", sizeof(struct sysinfo), 0);
    result = SC(NR_(sysinfo), p);
    if (result == 0)
        blank(p, offsetof(struct sysinfo, mem_unit));
}

void c_getrusage(void)
{
    int64_t who = ARG("who", RUSAGE_SELF, RUSAGE_CHILDREN, RUSAGE_THREAD, 2, -3, 100);
    uint64_t p = arg_ptr("ru", sizeof(struct rusage), 0);
    result = SC(NR_(getrusage), who, p);
    if (result == 0)
        blank(p, sizeof(struct rusage));
}

void c_getrandom(void)
{
    int64_t n = arg_len("n", 16);
    uint64_t p = arg_ptr("buf", (uint64_t)n, 0);
    int64_t fl = FLAGS("flags", 0, GRND_NONBLOCK, GRND_RANDOM | GRND_NONBLOCK, GRND_INSECURE,
                     GRND_INSECURE | GRND_RANDOM, 0x8, -1);
    result = SC(NR_(getrandom), p, n, fl);
    if (result > 0)
        blank(p, (size_t)result);
}

void c_sched_getaffinity(void)
{
    static const char *const pn[] = { "0", "nx", "m1" };
    unsigned i = rn(3);
    int64_t pid = i == 0 ? 0 : i == 1 ? 0x7fffffff : -1;
    out(" pid=%s", pn[i]);
    int64_t n = ARG("len", 0, 1, 7, 8, 16, 128, 4096, -1, 1L << 33 | 8);
    uint64_t p = arg_ptr("mask", (uint64_t)(n > 0 && n < 8192 ? n : 8), 0);
    result = SC(NR_(sched_getaffinity), pid, n, p);
}

void c_prlimit(void)
{
    static const char *const pn[] = { "0", "self", "nx", "m1" };
    unsigned i = rn(4);
    int64_t pid = i == 0 ? 0 : i == 1 ? getpid() : i == 2 ? 0x7fffffff : -1;
    out(" pid=%s", pn[i]);
    int64_t res = ARG("res", RLIMIT_NOFILE, RLIMIT_STACK, RLIMIT_CPU, RLIMIT_AS, RLIMIT_CORE, 16, -1, 1000);
    struct rlimit cur;
    bool have = prlimit(0, (int)res, NULL, &cur) == 0 && res >= 0 && res < 16;
    uint64_t np = 0;
    if (rn(2)) {
        /* the limit it has already, or an invalid one: nothing changes */
        struct rlimit nl = have ? cur : (struct rlimit){ 1, 0 };
        if (rn(2)) {
            nl.rlim_cur = 10;
            nl.rlim_max = 5;
            out(" new=cur>max");
        } else {
            out(" new=same");
        }
        int k;
        np = arg_ptr_k("newp", sizeof nl, 0, &k);
        /* where the limit cannot be put, the kernel would read zeros or
         * code as the new limit and set it before it fails the old one's
         * copy-out: a good pointer there */
        if (k == K_RO || k == K_STR_RO || k == K_TEXT) {
            np = ptr_of(K_GOOD, sizeof nl, 0);
            out("->good");
        }
        put(np, &nl, sizeof nl);
    } else {
        out(" new=null");
    }
    uint64_t o = arg_ptr("old", sizeof(struct rlimit), 1);
    result = SC(NR_(prlimit64), pid, res, np, o);
}

void c_getrlimit(void)
{
    int64_t res = ARG("res", RLIMIT_NOFILE, RLIMIT_STACK, RLIMIT_DATA, 15, 16, -1);
    uint64_t p = arg_ptr("rl", sizeof(struct rlimit), 0);
    result = SC(NR_(getrlimit), res, p);
}

void c_ids(void)
{
    uint64_t p1 = arg_ptr("r", 4, 0), p2 = arg_ptr("e", 4, 1), p3 = arg_ptr("s", 4, 0);
    if (p3 == p1)
        p3 += 8;
    if (rn(2)) {
        result = SC(NR_(getresuid), p1, p2, p3);
    } else {
        out(" g");
        result = SC(NR_(getresgid), p1, p2, p3);
    }
}

void c_getgroups(void)
{
    int64_t n = ARG("n", 0, 1, 64, 65536, 65537, -1);
    uint64_t p = arg_ptr("list", 4 * (uint64_t)(n > 0 && n < 1024 ? n : 1), 0);
    result = SC(NR_(getgroups), n, p);
}

void c_sched_misc(void)
{
    static const char *const pn[] = { "0", "nx", "m1" };
    unsigned i = rn(3);
    int64_t pid = i == 0 ? 0 : i == 1 ? 0x7fffffff : -1;
    out(" pid=%s", pn[i]);
    switch (rn(4)) {
    case 0: out(" getscheduler"); result = SC(NR_(sched_getscheduler), pid); break;
    case 1: {
        out(" getparam");
        uint64_t p = arg_ptr("param", 4, 0);
        result = SC(NR_(sched_getparam), pid, p);
        break;
    }
    case 2: {
        int64_t pol = ARG("policy", 0, 1, 2, 3, 5, 6, 7, -1);
        out(" prio_max");
        result = SC(NR_(sched_get_priority_max), pol);
        break;
    }
    default: {
        out(" rr_interval");
        uint64_t p = arg_ptr("ts", sizeof(struct timespec), 0);
        result = SC(NR_(sched_rr_get_interval), pid, p);
        break;
    }
    }
}

void c_umask(void)
{
    int64_t m = ARG("mask", 022, 077, 0, 0777777, -1);
    result = SC(NR_(umask), m);
    umask(022);
}

void c_prctl(void)
{
    int64_t op = ARG("op", PR_GET_DUMPABLE, PR_GET_PDEATHSIG, PR_GET_TIMERSLACK, PR_GET_NO_NEW_PRIVS,
                     PR_GET_CHILD_SUBREAPER, PR_GET_TID_ADDRESS, 1000, -1);
    uint64_t p = arg_ptr("arg", 8, 0);
    result = SC(NR_(prctl), op, p, 0, 0, 0);
    if (op == PR_GET_TID_ADDRESS && result == 0)
        blank(p, 8);        /* glibc's own, at an address qemu and rvdbt place alike, but not natively */
}

void c_getcpu(void)
{
    uint64_t c = rn(4) ? arg_ptr("cpu", 4, 0) : (out(" cpu=null"), 0);
    uint64_t n = rn(4) ? arg_ptr("node", 4, 1) : (out(" node=null"), 0);
    result = SC(NR_(getcpu), c, n, 0);
    if (result == 0) {
        blank(c, 4);
        blank(n, 4);
    }
}

void c_capget(void)
{
    struct { uint32_t version; int pid; } h = { 0x20080522, 0 };
    static const uint32_t vers[] = { 0x20080522, 0x19980330, 0x20071026, 0, 0xffffffff };
    h.version = PICK(vers);
    uint64_t hp = arg_ptr("hdr", sizeof h, 0);
    put(hp, &h, sizeof h);
    uint64_t dp = rn(4) ? arg_ptr("data", 24, 1) : (out(" data=null"), 0);
    out(" ver=%#x", h.version);
    result = SC(NR_(capget), hp, dp);
}

/* ---- threads, futexes ---- */

void c_futex(void)
{
    int k;
    uint64_t u = arg_ptr_k("uaddr", 4, 0, &k);
    uint32_t zero = 0;
    put(u, &zero, 4);
    int64_t op = ARG("op", FUTEX_WAIT, FUTEX_WAKE, FUTEX_WAIT_BITSET, FUTEX_WAKE_BITSET,
                     FUTEX_REQUEUE, FUTEX_CMP_REQUEUE, FUTEX_WAKE_OP, 100,
                     FUTEX_WAIT | FUTEX_PRIVATE_FLAG, FUTEX_WAKE | FUTEX_PRIVATE_FLAG,
                     FUTEX_WAIT | FUTEX_CLOCK_REALTIME, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME);
    /* no PI op: it would take the lock */
    int cmd = (int)(op & 0x7f);
    bool waits = cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET;
    /* the value matches only where a short timeout ends the wait */
    uint64_t t = 0;
    uint32_t val = 1;
    if (waits) {
        struct timespec ts = { 0, 1000 };
        int tk;
        t = arg_ptr_k("tmo", sizeof ts, 1, &tk);
        if (tk == K_GOOD || tk == K_PGSTART || tk == K_END) {
            put(t, &ts, sizeof ts);
            if (rn(2))
                val = 0;
        }
        if (tk == K_TEXT) {
            t = (uint64_t)PAGE(P_R);    /* zero: at once, relative or absolute */
            out("->ro");
        }
        if (k == K_TEXT || k == K_RO)
            val = 0x7fffffff;
    } else {
        t = ARG("val2", 0, 1, 0x7fffffff);
    }
    out(" val=%u", val);
    uint64_t u2 = ptr_of(rn(2) ? K_GOOD : (int)rn(NKINDS), 4, 1);
    int64_t v3 = ARG("val3", 0, 1, ~0L, FUTEX_BITSET_MATCH_ANY);
    result = SC(NR_(futex), u, op, val, t, u2, v3);
}

void c_set_robust_list(void)
{
    uint64_t p = arg_ptr("head", 24, 0);
    int64_t n = ARG("len", 24, 0, 23, 25, -1);
    result = SC(NR_(set_robust_list), p, n);
}
