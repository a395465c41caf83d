/* The riscv64 signal frame, as arch/riscv/kernel/signal.c builds it: what a
 * guest handler finds on its stack, and what rt_sigreturn takes back from it
 * (a handler may have changed it: stepped the pc, unblocked a signal). */
#include <string.h>
#include "linux/sys_impl.h"

/* Linux points a handler's ra at the vDSO's __vdso_rt_sigreturn. rvdbt has
 * no vDSO, so it maps one page holding the same two instructions; unwinders
 * (libgcc's riscv MD_FALLBACK_FRAME_STATE_FOR) recognise a signal frame by
 * exactly these words at the return address. */
static const uint32_t sigreturn_code[] = {
    0x08b00893,     /* li a7, 139 (RV_NR_rt_sigreturn) */
    0x00000073,     /* ecall */
};

int sig_frame_trampoline(struct rv_proc *p)
{
    struct mmu *m = &p->mmu;
    if (__atomic_load_n(&p->sigreturn_pc, __ATOMIC_ACQUIRE))
        return 0;
    /* Two threads may install their first handlers at once: one maps. */
    static pthread_mutex_t once = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&once);
    if (p->sigreturn_pc) {
        pthread_mutex_unlock(&once);
        return 0;
    }
    /* Written while writable, then made what the vDSO is: read and execute. */
    uint64_t page;
    int err = mmu_map_free(m, 0, MMU_PAGE_SIZE, false, MMU_R | MMU_W, 0, -1, 0, &page);
    if (err) {
        pthread_mutex_unlock(&once);
        return err;
    }
    err = mmu_write(m, page, sigreturn_code, sizeof sigreturn_code);
    if (!err)
        err = mmu_protect(m, page, MMU_PAGE_SIZE, MMU_R | MMU_X);
    if (err)
        mmu_unmap(m, page, MMU_PAGE_SIZE);
    else
        __atomic_store_n(&p->sigreturn_pc, page, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&once);
    return err;
}

bool sig_frame_push(struct rv_cpu *c, uint64_t sp, uint64_t handler, const struct rv_siginfo *info,
                    uint64_t mask, const struct rv_stack *uc_stack)
{
    struct rv_rt_sigframe f;
    memset(&f, 0, sizeof f);
    uint64_t at = (sp - sizeof f) & ~15ull;
    f.info = *info;
    f.uc.uc_stack = *uc_stack;
    f.uc.uc_sigmask = mask;
    struct rv_sigcontext *sc = &f.uc.uc_mcontext;
    sc->regs[0] = c->pc;
    memcpy(&sc->regs[1], &c->x[1], 31 * sizeof c->x[0]);
    memcpy(sc->fp.d.f, c->f, sizeof sc->fp.d.f);
    sc->fp.d.fcsr = c->frm << 5 | c->fflags;
    if (sp < sizeof f || mmu_write(&c->proc->mmu, at, &f, sizeof f))
        return false;

    c->pc = handler & ~1ull;      /* as Linux: instructions start at even addresses */
    c->x[1] = c->proc->sigreturn_pc;
    c->x[2] = at;
    c->x[10] = (uint64_t)info->si_signo;
    c->x[11] = at + offsetof(struct rv_rt_sigframe, info);
    c->x[12] = at + offsetof(struct rv_rt_sigframe, uc);
    /* The kernel's return to user mode clears the LR reservation. */
    c->res_valid = 0;
    return true;
}

bool sig_frame_pop(struct rv_cpu *c, uint64_t *mask, struct rv_stack *uc_stack)
{
    struct rv_ucontext uc;
    if (mmu_read(&c->proc->mmu, &uc, c->x[2] + offsetof(struct rv_rt_sigframe, uc), sizeof uc))
        return false;
    const struct rv_sigcontext *sc = &uc.uc_mcontext;
    c->pc = sc->regs[0] & ~1ull;
    memcpy(&c->x[1], &sc->regs[1], 31 * sizeof c->x[0]);
    memcpy(c->f, sc->fp.d.f, sizeof c->f);
    c->fflags = sc->fp.d.fcsr & 0x1f;
    c->frm = (sc->fp.d.fcsr >> 5) & 7;
    c->res_valid = 0;
    *mask = uc.uc_sigmask;
    *uc_stack = uc.uc_stack;
    return true;
}
