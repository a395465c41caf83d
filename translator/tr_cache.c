/* Code cache memory, the enter/leave trampolines and the pc -> block lookup. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "translator/tr_cache.h"
#include "mmu/mmu.h"
#include "softmmu/tlb.h"
#include "translator/tr.h"
#include "translator/x86_emit.h"

static const int callee_saved[] = { X86_RBX, X86_RBP, X86_R12, X86_R13, X86_R14, X86_R15 };
#define N_SAVED (int)(sizeof callee_saved / sizeof callee_saved[0])

/* Entered by a call from translated code, so rsp is 8 off the alignment
 * the C helper needs. The slow path may leave through fault_jmp (a guest
 * fault), and bare mode's reads the value of a store from x[]: every mapped
 * register is in the state block before the call. */
static uint64_t emit_slow_call(struct x86_buf *b, const void *fn)
{
    uint64_t start = x86_here(b);
    tr_emit_spill(b);
    x86_mov_rr(b, X86_W64, X86_RSI, X86_RAX);
    x86_mov_rr(b, X86_W64, X86_RDI, TR_CPU);
    x86_alu_ri(b, X86_SUB, X86_W64, X86_RSP, 8);
    x86_mov_ri(b, X86_RAX, (uint64_t)(uintptr_t)fn);
    x86_call_r(b, X86_RAX);
    x86_alu_ri(b, X86_ADD, X86_W64, X86_RSP, 8);
    tr_emit_reload(b);
    x86_ret(b);
    return start;
}

/* enter(cpu, code): save the host's callee-saved registers and MXCSR, load
 * the guest's MXCSR, pin rbp = cpu, load the mapped guest registers and jump
 * into translated code; leave: store them back, store the guest's MXCSR (its
 * flags are the guest's, fp_mxcsr.h), undo the rest and return eax. Six
 * pushes after the return address leave rsp 8 off 16-byte alignment, hence
 * the extra 8 so that helpers called from translated code see the ABI's
 * alignment. */
static void emit_trampolines(struct tr_cache *c)
{
    struct x86_buf b;
    x86_buf_init(&b, c->rw, c->size, c->exec_delta);
    c->enter = x86_here(&b);
    for (int i = 0; i < N_SAVED; i++)
        x86_push_r(&b, callee_saved[i]);
    x86_alu_ri(&b, X86_SUB, X86_W64, X86_RSP, 8);
    x86_stmxcsr(&b, X86_MEM(X86_RDI, RV_OFF(host_mxcsr)));
    x86_ldmxcsr(&b, X86_MEM(X86_RDI, RV_OFF(guest_mxcsr)));
    x86_mov_rr(&b, X86_W64, X86_RBP, X86_RDI);
    x86_mov_rr(&b, X86_W64, X86_RAX, X86_RSI);   /* rsi holds a guest register */
    tr_emit_reload(&b);
    x86_jmp_r(&b, X86_RAX);

    c->leave = x86_here(&b);
    tr_emit_spill(&b);
    x86_stmxcsr(&b, X86_MEM(X86_RBP, RV_OFF(guest_mxcsr)));
    x86_ldmxcsr(&b, X86_MEM(X86_RBP, RV_OFF(host_mxcsr)));
    x86_alu_ri(&b, X86_ADD, X86_W64, X86_RSP, 8);
    for (int i = N_SAVED - 1; i >= 0; i--)
        x86_pop_r(&b, callee_saved[i]);
    x86_ret(&b);

    /* jalr reaches a table entry of an untranslated target with the target in rcx. */
    c->jtable_stub = x86_here(&b);
    x86_mov_mr(&b, X86_W64, X86_MEM(X86_RBP, RV_OFF(pc)), X86_RCX);
    x86_mov_ri(&b, X86_RAX, RV_EXIT_JTABLE);
    x86_jmp_rel32(&b, c->leave);
    c->load_slow = emit_slow_call(&b, (const void *)tlb_load_slow);
    c->store_slow = emit_slow_call(&b, (const void *)tlb_store_slow);
    c->stubs_end = (size_t)(b.p - c->rw);
}

uint64_t tr_cache_add_call(struct tr_cache *c, const void *fn)
{
    struct x86_buf b;
    x86_buf_init(&b, c->rw + c->stubs_end, c->window - c->stubs_end, c->exec_delta);
    uint64_t at = emit_slow_call(&b, fn);
    c->stubs_end = (size_t)(b.p - c->rw);
    c->used = c->stubs_end;
    return at;
}

static int new_memfd(size_t size)
{
    int fd = memfd_create("rvdbt-code", MFD_CLOEXEC);
    if (fd < 0)
        return -errno;
    if (ftruncate(fd, (off_t)size) < 0) {
        int e = errno;
        close(fd);
        return -e;
    }
    return fd;
}

int tr_cache_init(struct tr_cache *c, size_t window, size_t span)
{
    memset(c, 0, sizeof *c);
    size_t size = span > window ? span : window;
    /* Shared anonymous memory, its second view made by mremap: the kernel
     * names both "/dev/zero (deleted)", which Linux perf takes for JIT code
     * and names from /tmp/perf-PID.map (--perf-map). */
    c->rw = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (c->rw == MAP_FAILED)
        return -ENOMEM;
    c->rx = mremap(c->rw, 0, size, MREMAP_MAYMOVE);
    if (c->rx == MAP_FAILED || mprotect(c->rx, size, PROT_READ | PROT_EXEC) != 0)
        return -ENOMEM;
    c->size = size;
    c->window = window;
    c->exec_delta = (uintptr_t)c->rx - (uintptr_t)c->rw;
    pthread_mutex_init(&c->lock, NULL);
    pthread_cond_init(&c->cond, NULL);
    c->hash = calloc(TR_HASH_SIZE, sizeof *c->hash);
    /* A block takes at least a few dozen host bytes, so this many records
     * can never run out before the code memory does. */
    c->max_blocks = window / 32;
    c->blocks = malloc(c->max_blocks * sizeof *c->blocks);
    c->jtab = mmap(NULL, (MMU_GUEST_SIZE >> TR_JTAB_BITS) * sizeof *c->jtab, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (!c->hash || !c->blocks || c->jtab == MAP_FAILED)
        return -ENOMEM;
    emit_trampolines(c);
    c->used = c->stubs_end;
    c->fma = tr_fp_host_fma();
    return 0;
}

/* After fork both processes would share the memfd: a translation made by
 * one would overwrite code the other runs. So before the fork (the cache
 * lock held, nothing changes it) the code is copied to a new memfd, which
 * the child maps over its two views at the same addresses. */
static int copy_out(int fd, const uint8_t *from, size_t lo, size_t hi)
{
    while (lo < hi) {
        ssize_t n = pwrite(fd, from + lo, hi - lo, (off_t)lo);
        if (n <= 0)
            return n < 0 ? -errno : -EIO;
        lo += (size_t)n;
    }
    return 0;
}

int tr_cache_snapshot(const struct tr_cache *c)
{
    int fd = new_memfd(c->size);
    if (fd < 0)
        return fd;
    /* the trampolines and the window in use; the rest is dropped code */
    int err = copy_out(fd, c->rw, 0, c->stubs_end);
    if (!err)
        err = copy_out(fd, c->rw, c->base > c->stubs_end ? c->base : c->stubs_end, c->used);
    if (err) {
        close(fd);
        return err;
    }
    return fd;
}

int tr_cache_adopt(struct tr_cache *c, int fd)
{
    void *rw = mmap(c->rw, c->size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0);
    void *rx = mmap(c->rx, c->size, PROT_READ | PROT_EXEC, MAP_SHARED | MAP_FIXED, fd, 0);
    close(fd);
    return rw == MAP_FAILED || rx == MAP_FAILED ? -ENOMEM : 0;
}

void tr_cache_destroy(struct tr_cache *c)
{
    munmap(c->rw, c->size);
    munmap(c->rx, c->size);
    tr_cache_flush(c);
    munmap(c->jtab, (MMU_GUEST_SIZE >> TR_JTAB_BITS) * sizeof *c->jtab);
    free(c->hash);
    free(c->blocks);
}


struct tr_block *tr_cache_lookup(const struct tr_cache *c, uint64_t pc)
{
    for (struct tr_block *b = c->hash[tr_cache_hash(pc)]; b; b = b->next)
        if (b->pc == pc)
            return b;
    return NULL;
}

/* Called by the translator once a block's code is in place. */
struct tr_block *tr_cache_insert(struct tr_cache *c, const struct tr_block *tmpl)
{
    if (c->n_blocks == c->max_blocks)
        return NULL;
    struct tr_block *b = &c->blocks[c->n_blocks++];
    *b = *tmpl;
    b->valid = true;
    b->n_in = b->cap_in = 0;
    b->in = NULL;
    b->n_access = 0;
    b->access = NULL;
    uint32_t h = tr_cache_hash(b->pc);
    b->next = c->hash[h];
    c->hash[h] = b;
    return b;
}

/* Everything that holds a host code address goes: blocks, chains, jalr
 * tables, slots (site numbers are reused) and the return stack. */
/* Blocks are allocated in host address order between flushes. */
const struct tr_block *tr_cache_block_at(const struct tr_cache *c, uint64_t rip)
{
    size_t lo = 0, hi = c->n_blocks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->blocks[mid].host + c->blocks[mid].host_len <= rip)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == c->n_blocks || rip < c->blocks[lo].host)
        return NULL;
    return &c->blocks[lo];
}

const struct tr_access *tr_cache_access_at(const struct tr_cache *c, uint64_t rip, uint64_t *guest_pc)
{
    const struct tr_block *b = tr_cache_block_at(c, rip);
    if (!b)
        return NULL;
    uint32_t off = (uint32_t)(rip - b->host);
    for (uint32_t i = b->n_access; i-- > 0;)
        if (b->access[i].host_off <= off) {
            *guest_pc = b->pc + b->access[i].guest_off;
            return &b->access[i];
        }
    return NULL;
}

void tr_cache_flush(struct tr_cache *c)
{
    for (size_t i = 0; i < c->n_blocks; i++) {
        struct tr_block *b = &c->blocks[i];
        free(b->in);
        free(b->access);
        if (b->pc < MMU_GUEST_SIZE && c->jtab[b->pc >> TR_JTAB_BITS]) {
            munmap(c->jtab[b->pc >> TR_JTAB_BITS], TR_JTAB_BYTES);
            c->jtab[b->pc >> TR_JTAB_BITS] = NULL;
        }
    }
    memset(c->hash, 0, TR_HASH_SIZE * sizeof *c->hash);
    c->n_blocks = 0;
    /* the dropped window's pages go back to the system */
    size_t lo = c->base > c->stubs_end ? c->base : c->stubs_end;
    size_t page = (size_t)sysconf(_SC_PAGESIZE), start = (lo + page - 1) & ~(page - 1);
    if (c->used > start)
        madvise(c->rw + start, c->used - start, MADV_REMOVE);
    if (c->base + 2 * c->window <= c->size) {
        c->base += c->window;
        c->used = c->base;
    } else {
        c->wraps += c->size > c->window;
        c->base = 0;
        c->used = c->stubs_end;
    }
    for (struct rv_cpu *cpu = c->cpus; cpu; cpu = cpu->next_cpu) {
        memset(cpu->mem_slots, 0, (size_t)c->n_sites * sizeof cpu->mem_slots[0]);
        for (int i = 0; i < RV_RAS_SIZE; i++)
            cpu->ras[i].guest = 1;
    }
    c->n_sites = 0;
    c->n_jtabs = 0;
    c->flushes++;
}
