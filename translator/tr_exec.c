/* The dispatcher: find or translate the block at the guest pc, run it, and act
 * on why it returned: chain the exit just taken, refill a jalr slot, flush on
 * fence.i; return to the environment's loop for syscalls, traps and signals.
 *
 * Threads share one code cache. c->lock covers every change of it and the
 * thread list; a thread counts itself in c->n_running while it runs
 * translated code. A flush frees code, so it is exclusive (as QEMU's
 * start_exclusive): the flushing thread sets c->exclusive, asks each running
 * thread to leave (exit_req, checked at every block entry) and waits until
 * none runs; nobody enters translated code while c->exclusive is set. */
#include <signal.h>
#include <ucontext.h>
#include <string.h>
#include <unistd.h>
#include "linux/proc.h"
#include "softmmu/tlb.h"
#include "translator/tr.h"
#include "translator/fp_mxcsr.h"
#include "translator/tr_cache.h"
#include "translator/tr_exec.h"

/* The guest thread running translated code on this host thread. */
static __thread struct rv_cpu *current;

/* The ucontext's general register slot of each host register. */
static const int8_t greg_of[16] = {
    [X86_RAX] = REG_RAX, [X86_RCX] = REG_RCX, [X86_RDX] = REG_RDX, [X86_RBX] = REG_RBX,
    [X86_RSP] = REG_RSP, [X86_RBP] = REG_RBP, [X86_RSI] = REG_RSI, [X86_RDI] = REG_RDI,
    [X86_R8] = REG_R8, [X86_R9] = REG_R9, [X86_R10] = REG_R10, [X86_R11] = REG_R11,
    [X86_R12] = REG_R12, [X86_R13] = REG_R13, [X86_R14] = REG_R14, [X86_R15] = REG_R15,
};

void tr_exec_host_regs(const struct rv_cpu *cpu, const void *ucontext, const struct tr_access *a,
                       uint64_t x[32], uint64_t f[32])
{
    const mcontext_t *mc = &((const ucontext_t *)ucontext)->uc_mcontext;
    if (x != cpu->x) {
        memcpy(x, cpu->x, sizeof cpu->x);
        memcpy(f, cpu->f, sizeof cpu->f);
    }
    for (int r = 1; r < 32; r++)
        if (tr_host_of[r] != X86_NOREG)
            x[r] = (uint64_t)mc->gregs[greg_of[tr_host_of[r]]];
    if (!a)
        return;
    for (int k = 0; k < TR_N_LOCAL; k++)
        if (a->dirty[k])
            x[a->dirty[k]] = (uint64_t)mc->gregs[greg_of[tr_local_pool[k]]];
    for (int k = 0; k < TR_N_FLOCAL; k++)
        if (a->fdirty[k])
            memcpy(&f[a->fdirty[k] - 1], &mc->fpregs->_xmm[8 + k], 8);
}

void tr_host_fault(int sig, uint64_t host_addr, void *ucontext)
{
    struct rv_cpu *cpu = current;
    const greg_t *gregs = ((ucontext_t *)ucontext)->uc_mcontext.gregs;
    uint32_t mxcsr = ((ucontext_t *)ucontext)->uc_mcontext.fpregs->mxcsr;
    uint64_t rip = (uint64_t)gregs[REG_RIP];
    uint64_t pc;
    if (!cpu || (sig != SIGSEGV && sig != SIGBUS))
        return;
    struct mmu *m = &cpu->proc->mmu;
    uint64_t base = (uint64_t)(uintptr_t)m->base;
    const struct tr_access *a;
    if (host_addr < base || host_addr - base >= MMU_GUEST_SIZE ||
        !(a = tr_cache_access_at(cpu->proc->cache, rip, &pc)))
        return;
    tr_exec_host_regs(cpu, ucontext, a, cpu->x, cpu->f);
    cpu->fault_addr = host_addr - base;
    cpu->fault_bus_adrerr = sig == SIGBUS;
    cpu->pc = pc;
    /* The handler runs with the kernel's initial MXCSR; the landing expects
     * the guest's as the faulting code had it, flags accrued so far too. */
    fp_mxcsr_write(mxcsr);
    siglongjmp(cpu->fault_jmp, sig);
}

struct rv_cpu *tr_exec_current(void)
{
    return current;
}

void tr_exec_attach(struct rv_cpu *cpu)
{
    struct tr_cache *c = cpu->proc->cache;
    current = cpu;
    cpu->jtab_base = c->jtable_stub;
    pthread_mutex_lock(&c->lock);
    cpu->next_cpu = c->cpus;
    c->cpus = cpu;
    pthread_mutex_unlock(&c->lock);
}

static void wait_exclusive(struct tr_cache *c)
{
    while (c->exclusive)
        pthread_cond_wait(&c->cond, &c->lock);
}

void tr_exec_detach(struct rv_cpu *cpu)
{
    struct tr_cache *c = cpu->proc->cache;
    pthread_mutex_lock(&c->lock);
    wait_exclusive(c);
    struct rv_cpu **p = &c->cpus;
    while (*p && *p != cpu)
        p = &(*p)->next_cpu;
    if (*p)
        *p = cpu->next_cpu;
    pthread_mutex_unlock(&c->lock);
    current = NULL;
}

/* c->lock held, self not running: stop the world. */
static void stop_others(struct tr_cache *c, struct rv_cpu *self)
{
    wait_exclusive(c);
    c->exclusive = true;
    for (struct rv_cpu *o = c->cpus; o; o = o->next_cpu)
        if (o != self && o->running)
            tr_exec_kick(o);
    while (c->n_running > 0)
        pthread_cond_wait(&c->cond, &c->lock);
}

static void resume_others(struct tr_cache *c)
{
    c->exclusive = false;
    pthread_cond_broadcast(&c->cond);
}

static void flush_locked(struct tr_cache *c, struct rv_cpu *self)
{
    stop_others(c, self);
    tr_cache_flush(c);
    resume_others(c);
}

static void leave_locked(struct tr_cache *c, struct rv_cpu *cpu)
{
    cpu->running = 0;
    c->n_running--;
    if (c->exclusive)
        pthread_cond_broadcast(&c->cond);
}

void tr_exec_landed(struct rv_cpu *cpu)
{
    struct tr_cache *c = cpu->proc->cache;
    cpu->prof_where = TR_WHERE_DISPATCH;
    if (!cpu->running)
        return;
    /* What the leave trampoline and tr_exec would have done (fp_mxcsr.h). */
    cpu->fflags |= fp_mxcsr_fflags(fp_mxcsr_read());
    fp_mxcsr_write(cpu->host_mxcsr);
    pthread_mutex_lock(&c->lock);
    leave_locked(c, cpu);
    pthread_mutex_unlock(&c->lock);
}

static void drop_slots(struct tr_cache *c, struct rv_cpu *cpu)
{
    memset(cpu->mem_slots, 0, (size_t)c->n_sites * sizeof cpu->mem_slots[0]);
    tlb_flush(cpu);
}

/* c->lock held: what other threads changed since this one last looked. */
static void refresh(struct tr_cache *c, struct rv_cpu *cpu)
{
    uint64_t gen = __atomic_load_n(&cpu->proc->mmu.generation, __ATOMIC_ACQUIRE);
    if (cpu->flush_req || cpu->mmu_generation != gen) {
        cpu->flush_req = 0;
        cpu->mmu_generation = gen;
        drop_slots(c, cpu);
    }
}

static struct tr_block *find_block(struct tr_cache *c, struct rv_cpu *cpu)
{
    cpu->cnt.lookups++;
    struct tr_block *b = tr_cache_lookup(c, cpu->pc);
    if (b) {
        cpu->cnt.lookup_hits++;
        return b;
    }
    bool full;
    b = tr_translate(c, cpu, cpu->pc, &full);
    if (full) {
        flush_locked(c, cpu);
        b = tr_translate(c, cpu, cpu->pc, &full);
    }
    return b;
}

int tr_exec(struct rv_cpu *cpu)
{
    struct tr_cache *c = cpu->proc->cache;
    uint64_t chain_from = 0, flushes = 0;
    int64_t jalr_site = -1;
    bool jtab_entry = false;
    int why;

    pthread_mutex_lock(&c->lock);
    for (;;) {
        wait_exclusive(c);
        refresh(c, cpu);
        if (cpu->exit_req) {
            cpu->exit_req = 0;
            cpu->cnt.interrupts++;
            why = RV_EXIT_INTERRUPT;
            break;
        }
        struct tr_block *b = find_block(c, cpu);
        if (!b) {
            why = RV_EXIT_FETCH;
            break;
        }
        /* A flush since the exit was taken freed the code it lives in. */
        if (c->flushes == flushes) {
            if (chain_from && !c->no_chain) {
                tr_chain_patch(c, chain_from, b);
                cpu->cnt.chain_patches++;
            }
            if (jalr_site >= 0)
                tr_jtab_fill(c, cpu, (uint32_t)jalr_site, b);
            else if (jtab_entry)
                tr_jtab_set(c, b);
        }
        chain_from = 0;
        jalr_site = -1;
        jtab_entry = false;

        cpu->running = 1;
        c->n_running++;
        pthread_mutex_unlock(&c->lock);
        cpu->guest_mxcsr = fp_mxcsr_guest(cpu->frm);
        why = tr_enter(c, cpu, b->host);
        cpu->fflags |= fp_mxcsr_fflags(cpu->guest_mxcsr);
        pthread_mutex_lock(&c->lock);
        leave_locked(c, cpu);
        flushes = c->flushes;

        if (why == RV_EXIT_NEXT) {
            chain_from = cpu->chain_from;
            cpu->chain_from = 0;
        } else if (why == RV_EXIT_JALR) {
            cpu->cnt.ic_jalr_misses++;
            jalr_site = cpu->jalr_site;
            tr_probe_miss(cpu, jalr_site, cpu->pc);
        } else if (why == RV_EXIT_JTABLE) {
            /* In the slot's window but its entry is empty: a miss after
             * all. The entry is filled when the block is found. */
            cpu->cnt.ic_jalr_misses++;
            jtab_entry = true;
            uint32_t id = c->probes.counter ? tr_probe_site(cpu, cpu->jalr_site) : TR_PROBE_NONE;
            if (id != TR_PROBE_NONE) {
                RV_PROF(cpu)[id + TR_PROBE_MISSES]++;
                if (cpu->proc->opt.count_hits)
                    RV_PROF(cpu)[id + TR_PROBE_HITS]--;
            }
            if (cpu->proc->opt.count_hits)
                cpu->cnt.ic_jalr_hits--;
        } else if (why == RV_EXIT_FENCE_I) {
            wait_exclusive(c);
            flush_locked(c, cpu);
        } else {
            break;
        }
    }
    pthread_mutex_unlock(&c->lock);
    return why;
}

void tr_exec_sync(struct rv_cpu *cpu)
{
    struct tr_cache *c = cpu->proc->cache;
    struct mmu *m = &cpu->proc->mmu;
    bool flush = cpu->flush_icache;
    if (!flush && cpu->mmu_generation == __atomic_load_n(&m->generation, __ATOMIC_ACQUIRE))
        return;
    cpu->flush_icache = 0;
    pthread_mutex_lock(&c->lock);
    stop_others(c, cpu);
    if (flush)
        tr_cache_flush(c);
    pthread_rwlock_wrlock(&m->lock);
    uint64_t lo = m->changed_lo, hi = m->changed_hi;
    m->changed_lo = m->changed_hi = 0;
    pthread_rwlock_unlock(&m->lock);
    /* Code there was unmapped, replaced (MAP_FIXED) or re-protected. */
    if (lo < hi) {
        tr_cache_invalidate(c, cpu, lo, hi);
        mmu_code_clear_range(m, lo, hi);
    }
    refresh(c, cpu);
    resume_others(c);
    pthread_mutex_unlock(&c->lock);
}

void tr_exec_invalidate(struct rv_cpu *cpu, uint64_t lo, uint64_t hi)
{
    struct tr_cache *c = cpu->proc->cache;
    /* No wait for c->exclusive: this thread runs translated code, so a flush
     * waits for it rather than the other way round. */
    pthread_mutex_lock(&c->lock);
    mmu_code_clear_range(&cpu->proc->mmu, lo, hi);
    tr_cache_invalidate(c, cpu, lo, hi);
    pthread_mutex_unlock(&c->lock);
}

int tr_exec_fork_begin(struct rv_cpu *cpu)
{
    struct tr_cache *c = cpu->proc->cache;
    pthread_mutex_lock(&c->lock);
    wait_exclusive(c);
    int fd = tr_cache_snapshot(c);
    if (fd < 0)
        pthread_mutex_unlock(&c->lock);
    return fd;
}

int tr_exec_fork_end(struct rv_cpu *cpu, int fd, bool child, void (*forget)(struct rv_cpu *))
{
    struct tr_cache *c = cpu->proc->cache;
    if (!child) {
        close(fd);
        pthread_mutex_unlock(&c->lock);
        return 0;
    }
    /* Only this thread came along: the others' host threads did not. */
    for (struct rv_cpu *o = c->cpus, *next; o; o = next) {
        next = o->next_cpu;
        if (o != cpu)
            forget(o);
    }
    pthread_mutex_init(&c->lock, NULL);
    pthread_cond_init(&c->cond, NULL);
    c->cpus = cpu;
    cpu->next_cpu = NULL;
    c->n_running = 0;
    c->exclusive = false;
    return tr_cache_adopt(c, fd);
}
