/* --profile: the records keyed by guest pc, the translator's hook, the
 * per-thread sampling timers, and the sums over threads (prof.h). */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#include "linux/proc.h"
#include "linux/sig.h"
#include "stats/prof.h"
#include "translator/rv_insn.h"
#include "translator/tr_cache.h"
#include "translator/tr_exec.h"

const char *const prof_class_name[PROF_CLASSES] = {
    [PROF_ALU] = "alu", [PROF_LOAD] = "load", [PROF_STORE] = "store", [PROF_BRANCH] = "branch",
    [PROF_JUMP] = "jump", [PROF_MUL] = "mul/div", [PROF_ATOMIC] = "atomic", [PROF_FP] = "fp",
    [PROF_CSR] = "csr", [PROF_SYSTEM] = "system",
};
const char *const prof_where_name[TR_WHERE_KINDS] = {
    [TR_WHERE_DISPATCH] = "dispatcher and helpers", [TR_WHERE_TRANSLATE] = "translating",
    [TR_WHERE_SLOW] = "slow paths", [TR_WHERE_SYSCALL] = "syscalls",
};
const char *const prof_kind_name[TR_PROBE_KINDS] = {
    [TR_PROBE_BLOCK] = "block", [TR_PROBE_LOAD] = "load", [TR_PROBE_STORE] = "store",
    [TR_PROBE_JALR] = "jalr", [TR_PROBE_RETURN] = "return",
};

/* Samples per second of a thread's CPU time. */
#define PROF_HZ 1000
/* Counters 0 .. TR_WHERE_KINDS - 1 hold the samples outside translated
 * code, TR_WHERE_KINDS those in code no block record owns (trampolines). */
#define PROF_FIRST_COUNTER (TR_WHERE_KINDS + 1)

/* One guest block or site. */
struct rec {
    uint64_t pc;
    enum tr_probe_kind kind;
    uint32_t id;                 /* first counter */
    /* blocks: the last translation */
    uint32_t guest_len, n_insns, translations, host_len, compressed;
    uint64_t host_addr;
    uint8_t *guest, *host;
    uint32_t mix[PROF_CLASSES];
    /* sites */
    uint32_t insn;
    struct prof_region regions[PROF_REGIONS];
    int n_regions;
};

static struct {
    struct rv_proc *proc;
    pthread_mutex_t lock;        /* everything below */
    struct rec *recs;
    size_t n_recs, cap_recs;
    uint32_t *hash;              /* record index + 1, open addressing */
    size_t hash_cap;
    uint32_t *rec_of;            /* counter id -> record index (reserved, RV_PROF_MAX) */
    uint32_t next_counter;
    uint64_t *ended;             /* counters of the threads that have ended (reserved) */
    struct prof_tpoint *tp;
    size_t n_tp, cap_tp;
    uint64_t blocks, insns;      /* translated so far, all threads */
    struct timespec t0;
} P = { .lock = PTHREAD_MUTEX_INITIALIZER };

static const int prof_cookie;    /* the sival of our timers' signals */
static __thread timer_t thread_timer;
static __thread bool thread_timed;

static size_t hash_of(enum tr_probe_kind kind, uint64_t pc)
{
    uint64_t h = (pc ^ (uint64_t)kind << 60) * 0x9e3779b97f4a7c15ull;
    return (size_t)(h >> 20);
}

static bool grow_hash(void)
{
    size_t cap = P.hash_cap ? 2 * P.hash_cap : 4096;
    uint32_t *h = calloc(cap, sizeof *h);
    if (!h)
        return false;
    for (size_t i = 0; i < P.n_recs; i++) {
        size_t k = hash_of(P.recs[i].kind, P.recs[i].pc) & (cap - 1);
        while (h[k])
            k = (k + 1) & (cap - 1);
        h[k] = (uint32_t)i + 1;
    }
    free(P.hash);
    P.hash = h;
    P.hash_cap = cap;
    return true;
}

/* P.lock held: the record of (kind, pc), made if new; NULL when full. */
static struct rec *find(enum tr_probe_kind kind, uint64_t pc, bool make)
{
    if (P.hash_cap) {
        for (size_t k = hash_of(kind, pc) & (P.hash_cap - 1); P.hash[k]; k = (k + 1) & (P.hash_cap - 1)) {
            struct rec *r = &P.recs[P.hash[k] - 1];
            if (r->pc == pc && r->kind == kind)
                return r;
        }
    }
    uint32_t need = kind == TR_PROBE_BLOCK ? 2 : 3;
    if (!make || P.next_counter + need > RV_PROF_MAX)
        return NULL;
    if ((P.n_recs + 1) * 2 > P.hash_cap && !grow_hash())
        return NULL;
    if (P.n_recs == P.cap_recs) {
        size_t cap = P.cap_recs ? 2 * P.cap_recs : 1024;
        struct rec *n = realloc(P.recs, cap * sizeof *n);
        if (!n)
            return NULL;
        P.recs = n;
        P.cap_recs = cap;
    }
    struct rec *r = &P.recs[P.n_recs];
    *r = (struct rec){ .pc = pc, .kind = kind, .id = P.next_counter };
    for (uint32_t i = 0; i < need; i++)
        P.rec_of[P.next_counter + i] = (uint32_t)P.n_recs;
    P.next_counter += need;
    size_t k = hash_of(kind, pc) & (P.hash_cap - 1);
    while (P.hash[k])
        k = (k + 1) & (P.hash_cap - 1);
    P.hash[k] = (uint32_t)++P.n_recs;
    return r;
}

static uint32_t prof_counter(void *arg, enum tr_probe_kind kind, uint64_t pc)
{
    (void)arg;
    pthread_mutex_lock(&P.lock);
    struct rec *r = find(kind, pc, true);
    uint32_t id = r ? r->id : TR_PROBE_NONE;
    if (r && kind != TR_PROBE_BLOCK && !r->insn && mmu_read(&P.proc->mmu, &r->insn, pc, 2) == 0 &&
        rv_insn_len((uint16_t)r->insn) == 4)
        mmu_read(&P.proc->mmu, &r->insn, pc, 4);
    pthread_mutex_unlock(&P.lock);
    return id;
}

static enum prof_class class_of(const struct rv_insn *in)
{
    switch (rv_ext_of(in->op)) {
    case RV_EXT_M: return PROF_MUL;
    case RV_EXT_A: return PROF_ATOMIC;
    case RV_EXT_F: case RV_EXT_D: return PROF_FP;
    case RV_EXT_ZICSR: return PROF_CSR;
    case RV_EXT_ZIFENCEI: case RV_EXT_PRIV: return PROF_SYSTEM;
    default: break;
    }
    if (in->op == RV_OP_jal || in->op == RV_OP_jalr)
        return PROF_JUMP;
    switch (rv_fmt_of(in->op)) {
    case RV_FMT_IM: return PROF_LOAD;
    case RV_FMT_S: return PROF_STORE;
    case RV_FMT_B: return PROF_BRANCH;
    case RV_FMT_FENCE: case RV_FMT_NONE: return PROF_SYSTEM;
    default: return PROF_ALU;
    }
}

static double since_start(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - P.t0.tv_sec) + (double)(now.tv_nsec - P.t0.tv_nsec) * 1e-9;
}

/* Copies of the guest and host code of the block's newest translation,
 * its static mix, and a point of translation over time. */
void prof_translated(struct rv_cpu *cpu, const struct tr_block *b)
{
    const struct tr_cache *c = cpu->proc->cache;
    uint8_t *guest = malloc(b->guest_len), *host = malloc(b->host_len);
    if (guest && mmu_read(&cpu->proc->mmu, guest, b->pc, b->guest_len) < 0) {
        free(guest);
        guest = NULL;
    }
    if (host)
        memcpy(host, (const uint8_t *)(uintptr_t)(b->host - c->exec_delta), b->host_len);
    uint32_t mix[PROF_CLASSES] = { 0 }, compressed = 0;
    for (uint32_t off = 0; guest && off < b->guest_len;) {
        uint32_t word = guest[off] | (uint32_t)guest[off + 1] << 8;
        if (rv_insn_len((uint16_t)word) == 4 && off + 4 <= b->guest_len)
            word |= (uint32_t)guest[off + 2] << 16 | (uint32_t)guest[off + 3] << 24;
        struct rv_insn in;
        rv_decode(word, &in);
        mix[class_of(&in)]++;
        compressed += in.len == 2;
        off += in.len;
    }
    pthread_mutex_lock(&P.lock);
    P.blocks++;
    P.insns += b->n_insns;
    if (P.n_tp == P.cap_tp) {
        size_t cap = P.cap_tp ? 2 * P.cap_tp : 1024;
        struct prof_tpoint *t = realloc(P.tp, cap * sizeof *t);
        if (t) {
            P.tp = t;
            P.cap_tp = cap;
        }
    }
    if (P.n_tp < P.cap_tp)
        P.tp[P.n_tp++] = (struct prof_tpoint){ since_start(), P.blocks, P.insns };
    struct rec *r = find(TR_PROBE_BLOCK, b->pc, false);
    if (r) {
        free(r->guest);
        free(r->host);
        r->guest = guest;
        r->host = host;
        r->guest_len = guest ? b->guest_len : 0;
        r->host_len = host ? b->host_len : 0;
        r->host_addr = b->host;
        r->n_insns = b->n_insns;
        r->translations++;
        memcpy(r->mix, mix, sizeof mix);
        r->compressed = compressed;
    } else {
        free(guest);
        free(host);
    }
    pthread_mutex_unlock(&P.lock);
}

static void region_name(const struct mmu_region *g, char *buf, size_t size)
{
    const struct mmu *m = &P.proc->mmu;
    if (g->flags & MMU_F_STACK)
        snprintf(buf, size, "[stack]");
    else if (g->flags & MMU_F_BRK)
        snprintf(buf, size, "[heap]");
    else if (g->file && m->files[g->file - 1].path) {
        /* a path too long keeps its end, the file's name: "...s/prog" */
        const char *path = m->files[g->file - 1].path;
        size_t len = strlen(path);
        if (len < size)
            snprintf(buf, size, "%s", path);
        else
            snprintf(buf, size, "...%s", path + len - (size - 4));
    } else
        buf[0] = 0;
}

static void prof_miss(void *arg, struct rv_cpu *cpu, uint32_t id, uint64_t addr)
{
    (void)arg;
    struct mmu *m = &cpu->proc->mmu;
    struct prof_region got = { 0 };
    pthread_rwlock_rdlock(&m->lock);
    const struct mmu_region *g = mmu_lookup(m, addr);
    if (g) {
        got.lo = g->start;
        got.hi = g->end;
        region_name(g, got.name, sizeof got.name);
    }
    pthread_rwlock_unlock(&m->lock);
    pthread_mutex_lock(&P.lock);
    struct rec *r = &P.recs[P.rec_of[id]];
    int k;
    for (k = 0; k < r->n_regions; k++)
        if (r->regions[k].lo == got.lo && r->regions[k].hi == got.hi)
            break;
    if (k == r->n_regions && k < PROF_REGIONS)
        r->regions[r->n_regions++] = got;
    if (k < r->n_regions)
        r->regions[k].misses++;
    pthread_mutex_unlock(&P.lock);
}

/* Our timer's signal: a sample of the interrupted thread. Any other
 * SIGPROF is the guest's. Async-signal-safe: plain stores into the
 * thread's own counters. */
static void on_sample(int sig, siginfo_t *si, void *uc_)
{
    if (si->si_code != SI_TIMER || si->si_value.sival_ptr != &prof_cookie) {
        sig_host_signal(sig, si, uc_);
        return;
    }
    struct rv_cpu *cpu = tr_exec_current();
    if (!cpu)
        return;
    uint64_t rip = (uint64_t)((ucontext_t *)uc_)->uc_mcontext.gregs[REG_RIP];
    const struct tr_cache *c = cpu->proc->cache;
    uint64_t *cnt = RV_PROF(cpu);
    /* CPU-time timers expire at the scheduler's tick, which may be
     * coarser than the period: the sample stands for every period since. */
    uint64_t periods = 1 + (uint64_t)(si->si_overrun > 0 ? si->si_overrun : 0);
    if (rip - (uint64_t)(uintptr_t)c->rx < c->size) {
        const struct tr_block *b = tr_cache_block_at(c, rip);
        if (b && b->probe != TR_PROBE_NONE)
            cnt[b->probe + TR_PROBE_SAMPLES] += periods;
        else
            cnt[TR_WHERE_KINDS] += periods;
    } else {
        cnt[cpu->prof_where < TR_WHERE_KINDS ? cpu->prof_where : TR_WHERE_DISPATCH] += periods;
    }
}

void prof_thread_start(struct rv_cpu *cpu)
{
    (void)cpu;
    struct sigevent ev = { .sigev_notify = SIGEV_THREAD_ID, .sigev_signo = SIGPROF,
                           .sigev_value.sival_ptr = (void *)&prof_cookie };
    ev._sigev_un._tid = gettid();
    struct itimerspec its = { .it_interval = { 0, 1000000000 / PROF_HZ }, .it_value = { 0, 1000000000 / PROF_HZ } };
    if (timer_create(CLOCK_THREAD_CPUTIME_ID, &ev, &thread_timer) == 0) {
        thread_timed = true;
        timer_settime(thread_timer, 0, &its, NULL);
    }
}

void prof_thread_exit(struct rv_cpu *cpu)
{
    if (thread_timed)
        timer_delete(thread_timer);
    thread_timed = false;
    const uint64_t *cnt = RV_PROF(cpu);
    pthread_mutex_lock(&P.lock);
    for (uint32_t i = 0; i < P.next_counter; i++)
        P.ended[i] += cnt[i];
    pthread_mutex_unlock(&P.lock);
}

static void *reserve(size_t bytes)
{
    void *m = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    return m == MAP_FAILED ? NULL : m;
}

int prof_start(struct rv_proc *p, struct tr_probes *probes)
{
    P.proc = p;
    P.next_counter = PROF_FIRST_COUNTER;
    clock_gettime(CLOCK_MONOTONIC, &P.t0);
    P.rec_of = reserve((size_t)RV_PROF_MAX * sizeof *P.rec_of);
    P.ended = reserve((size_t)RV_PROF_MAX * sizeof *P.ended);
    if (!P.rec_of || !P.ended) {
        fprintf(stderr, "rvdbt: --profile: cannot reserve the profile's counters\n");
        return -1;
    }
    probes->counter = prof_counter;
    probes->miss = prof_miss;
    struct sigaction sa = { .sa_sigaction = on_sample, .sa_flags = SA_SIGINFO | SA_RESTART };
    sigfillset(&sa.sa_mask);
    sigaction(SIGPROF, &sa, NULL);
    sig_host_own(SIGPROF);
    return 0;
}

static int by_heat(const void *a_, const void *b_)
{
    const struct prof_block *a = a_, *b = b_;
    if (a->samples != b->samples)
        return a->samples < b->samples ? 1 : -1;
    if (a->execs != b->execs)
        return a->execs < b->execs ? 1 : -1;
    return a->pc < b->pc ? -1 : a->pc > b->pc;
}

static int by_misses(const void *a_, const void *b_)
{
    const struct prof_site *a = a_, *b = b_;
    if (a->misses != b->misses)
        return a->misses < b->misses ? 1 : -1;
    if (a->hits != b->hits)
        return a->hits < b->hits ? 1 : -1;
    return a->pc < b->pc ? -1 : a->pc > b->pc;
}

void prof_report(struct rv_proc *p, struct prof_report *r)
{
    memset(r, 0, sizeof *r);
    r->exact_hits = p->opt.count_hits;
    r->sample_seconds = 1.0 / PROF_HZ;
    struct tr_cache *c = p->cache;
    pthread_mutex_lock(&c->lock);
    pthread_mutex_lock(&P.lock);
    uint64_t *sum = calloc(P.next_counter ? P.next_counter : 1, sizeof *sum);
    if (!sum)
        goto out;
    memcpy(sum, P.ended, P.next_counter * sizeof *sum);
    for (const struct rv_cpu *o = c->cpus; o; o = o->next_cpu)
        for (uint32_t i = 0; i < P.next_counter; i++)
            sum[i] += RV_PROF(o)[i];
    for (int w = 0; w < TR_WHERE_KINDS; w++) {
        r->where[w] = sum[w];
        r->samples += sum[w];
    }
    r->code_samples = sum[TR_WHERE_KINDS];
    r->samples += r->code_samples;
    size_t n_blocks = 0, n_sites = 0;
    for (size_t i = 0; i < P.n_recs; i++)
        *(P.recs[i].kind == TR_PROBE_BLOCK ? &n_blocks : &n_sites) += 1;
    r->blocks = calloc(n_blocks ? n_blocks : 1, sizeof *r->blocks);
    r->sites = calloc(n_sites ? n_sites : 1, sizeof *r->sites);
    r->tpoints = malloc((P.n_tp ? P.n_tp : 1) * sizeof *r->tpoints);
    if (!r->blocks || !r->sites || !r->tpoints)
        goto out;
    memcpy(r->tpoints, P.tp, P.n_tp * sizeof *P.tp);
    r->n_tpoints = P.n_tp;
    for (size_t i = 0; i < P.n_recs; i++) {
        const struct rec *e = &P.recs[i];
        if (e->kind == TR_PROBE_BLOCK) {
            struct prof_block *b = &r->blocks[r->n_blocks++];
            *b = (struct prof_block){
                .pc = e->pc, .guest_len = e->guest_len, .n_insns = e->n_insns,
                .execs = sum[e->id + TR_PROBE_EXECS], .samples = sum[e->id + TR_PROBE_SAMPLES],
                .translations = e->translations, .guest = e->guest, .host = e->host,
                .host_len = e->host_len, .host_addr = e->host_addr, .compressed = e->compressed,
            };
            memcpy(b->mix, e->mix, sizeof b->mix);
            r->samples += b->samples;
            r->code_samples += b->samples;
            for (int k = 0; k < PROF_CLASSES; k++)
                r->mix[k] += b->execs * e->mix[k];
            r->executed += b->execs * e->n_insns;
            r->compressed_executed += b->execs * e->compressed;
        } else {
            struct prof_site *s = &r->sites[r->n_sites++];
            *s = (struct prof_site){
                .pc = e->pc, .kind = e->kind, .insn = e->insn, .hits = sum[e->id + TR_PROBE_HITS],
                .misses = sum[e->id + TR_PROBE_MISSES], .refills = sum[e->id + TR_PROBE_REFILLS],
                .n_regions = e->n_regions,
            };
            memcpy(s->regions, e->regions, sizeof s->regions);
        }
    }
    qsort(r->blocks, r->n_blocks, sizeof *r->blocks, by_heat);
    qsort(r->sites, r->n_sites, sizeof *r->sites, by_misses);
out:
    free(sum);
    pthread_mutex_unlock(&P.lock);
    pthread_mutex_unlock(&c->lock);
}

/* The code copies belong to the records, which live until the process ends. */
void prof_report_free(struct prof_report *r)
{
    free(r->blocks);
    free(r->sites);
    free(r->tpoints);
    memset(r, 0, sizeof *r);
}
