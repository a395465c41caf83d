/* The instrumentation hook (tr_probe.h). */
#include <sys/mman.h>
#include "linux/proc.h"
#include "translator/tr.h"
#include "translator/tr_cache.h"
#include "translator/tr_probe.h"

static void bump(struct tr_ctx *ctx, int32_t off)
{
    x86_alu_mi(ctx->b, X86_ADD, X86_W64, X86_MEM(TR_CPU, off), 1);
}

/* The record of (kind, pc), remembered for the slot number the slow paths
 * know the site by. */
static uint32_t record(struct tr_ctx *ctx, enum tr_probe_kind kind, uint64_t pc, uint32_t site)
{
    struct tr_cache *c = ctx->cache;
    if (!c->probes.counter)
        return TR_PROBE_NONE;
    if (kind == TR_PROBE_BLOCK)
        return ctx->probe_block;
    uint32_t id = c->probes.counter(c->probes.arg, kind, pc);
    if (site != TR_PROBE_NONE && c->site_probe)
        for (uint32_t s = site; s < site + (kind == TR_PROBE_JALR ? 1 : 2) && s < RV_MEM_SLOTS_MAX; s++)
            c->site_probe[s] = id + 1;
    return id;
}

void tr_probe(struct tr_ctx *ctx, enum tr_probe_kind kind, bool hit, uint64_t pc, uint32_t site)
{
    static const int32_t hits_of[TR_PROBE_KINDS] = {
        [TR_PROBE_LOAD] = RV_OFF(cnt.ic_load_hits), [TR_PROBE_STORE] = RV_OFF(cnt.ic_store_hits),
        [TR_PROBE_JALR] = RV_OFF(cnt.ic_jalr_hits), [TR_PROBE_RETURN] = RV_OFF(cnt.ic_ret_hits),
    };
    uint32_t id = record(ctx, kind, pc, site);
    if (kind == TR_PROBE_BLOCK) {
        const struct tr_cache *c = ctx->cache;
        if (id != TR_PROBE_NONE)
            bump(ctx, RV_OFF_PROF(id + TR_PROBE_EXECS));
        if (c->exec_call && c->probes.traced(c->probes.arg, pc)) {
            x86_mov_ri(ctx->b, TR_T0, pc);
            x86_call_rel32(ctx->b, c->exec_call);
        }
        return;
    }
    /* Misses are always counted; the other misses are counted in C. */
    if (!hit) {
        bump(ctx, RV_OFF(cnt.ic_ret_misses));
        if (id != TR_PROBE_NONE)
            bump(ctx, RV_OFF_PROF(id + TR_PROBE_MISSES));
        return;
    }
    if (!ctx->opt->count_hits)
        return;
    bump(ctx, hits_of[kind]);
    if (id != TR_PROBE_NONE)
        bump(ctx, RV_OFF_PROF(id + TR_PROBE_HITS));
}

uint32_t tr_probe_site(const struct rv_cpu *cpu, uint32_t site)
{
    const struct tr_cache *c = cpu->proc->cache;
    /* stored plus one: the zero of a page never written is "none" */
    return c->site_probe && site < RV_MEM_SLOTS_MAX ? c->site_probe[site] - 1 : TR_PROBE_NONE;
}

void tr_probe_miss(struct rv_cpu *cpu, uint32_t site, uint64_t addr)
{
    uint32_t id = tr_probe_site(cpu, site);
    if (id == TR_PROBE_NONE)
        return;
    RV_PROF(cpu)[id + TR_PROBE_MISSES]++;
    const struct tr_probes *p = &cpu->proc->cache->probes;
    if (p->miss)
        p->miss(p->arg, cpu, id, addr);
}

void tr_probe_refill(struct rv_cpu *cpu, uint32_t site)
{
    uint32_t id = tr_probe_site(cpu, site);
    if (id != TR_PROBE_NONE)
        RV_PROF(cpu)[id + TR_PROBE_REFILLS]++;
}

int tr_probe_install(struct tr_cache *c, const struct tr_probes *p)
{
    size_t bytes = (size_t)RV_MEM_SLOTS_MAX * sizeof *c->site_probe;
    void *m = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m == MAP_FAILED)
        return -1;
    c->site_probe = m;
    c->probes = *p;
    if (p->exec)
        c->exec_call = tr_cache_add_call(c, (const void *)p->exec);
    return 0;
}
