/* Block chaining, jalr jump tables and invalidation of translations.
 *
 * A block's exits to known guest pcs are rel32 jumps to exit stubs. The first
 * time one is taken, the dispatcher patches its rel32 to the target block, so
 * later executions jump block to block without leaving translated code. Each
 * block remembers the exits chained into it, to restore them to their stubs
 * when it is invalidated. */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "linux/proc.h"
#include "translator/tr_cache.h"
#include "translator/x86_emit.h"

static uint64_t rel32_target(const struct tr_cache *c, uint64_t field)
{
    int32_t rel;
    memcpy(&rel, (const uint8_t *)(uintptr_t)(field - c->exec_delta), 4);
    return field + 4 + (uint64_t)(int64_t)rel;
}

/* rel32 fields of exits are 4-byte aligned (tr_block.c), so this store is
 * atomic for any thread executing the jump. */
static void set_rel32(struct tr_cache *c, uint64_t field, uint64_t target)
{
    x86_patch_rel32((uint8_t *)(uintptr_t)(field - c->exec_delta), c->exec_delta, target);
}

void tr_chain_patch(struct tr_cache *c, uint64_t field, struct tr_block *to)
{
    uint64_t target = field & 1 ? to->host : to->host_fwd;
    field &= ~3ull;
    if (to->n_in == to->cap_in) {
        uint32_t cap = to->cap_in ? 2 * to->cap_in : 4;
        struct tr_chain_in *in = realloc(to->in, cap * sizeof *in);
        if (!in)
            return;   /* unchained is still correct, only slower */
        to->in = in;
        to->cap_in = cap;
    }
    to->in[to->n_in++] = (struct tr_chain_in){ field, rel32_target(c, field) };
    set_rel32(c, field, target);
}

static int64_t *jtab_window(struct tr_cache *c, uint64_t pc)
{
    if (pc >= MMU_GUEST_SIZE)
        return NULL;     /* bare mode's upper addresses: no table, the slot always misses */
    int64_t **w = &c->jtab[pc >> TR_JTAB_BITS];
    if (!*w) {
        /* A guest spreading jalr targets over many windows could make tables
         * grow without bound; past the budget its slots simply stay empty.
         * Blocks translated before the table existed are entered through
         * the stub once, which fills their entries. */
        if (c->n_jtabs >= TR_JTAB_MAX)
            return NULL;
        void *t = mmap(NULL, TR_JTAB_BYTES, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (t == MAP_FAILED)
            return NULL;
        c->n_jtabs++;
        *w = t;
    }
    return *w;
}

static int64_t *jtab_entry(struct tr_cache *c, uint64_t pc)
{
    int64_t *w = pc < MMU_GUEST_SIZE ? c->jtab[pc >> TR_JTAB_BITS] : NULL;
    return w ? &w[(pc & ((1u << TR_JTAB_BITS) - 1)) >> 1] : NULL;
}

void tr_jtab_set(struct tr_cache *c, struct tr_block *b)
{
    int64_t *e = jtab_entry(c, b->pc);
    if (e)
        *e = (int64_t)(b->host - c->jtable_stub);
}

void tr_jtab_fill(struct tr_cache *c, struct rv_cpu *cpu, uint32_t site, struct tr_block *b)
{
    int64_t *w = jtab_window(c, b->pc);
    if (!w)
        return;
    tr_jtab_set(c, b);
    if (cpu->proc->opt.ic_miss)
        return;
    uint64_t lower = b->pc >> TR_JTAB_BITS << TR_JTAB_BITS;
    struct ic_mem_slot *s = &cpu->mem_slots[site];
    s->lower = lower;
    s->span = 1ull << TR_JTAB_BITS;
    s->addend = (uint64_t)(uintptr_t)w - 4 * lower;
}

static void invalidate_block(struct tr_cache *c, struct tr_block *b)
{
    for (uint32_t i = 0; i < b->n_in; i++)
        set_rel32(c, b->in[i].field, b->in[i].stub);
    b->n_in = 0;
    int64_t *e = jtab_entry(c, b->pc);
    if (e)
        *e = 0;
    struct tr_block **p = &c->hash[tr_cache_hash(b->pc)];
    while (*p != b)
        p = &(*p)->next;
    *p = b->next;
    b->valid = false;
}

/* Return-stack entries may point into code that now continues into an
 * invalidated block through a restored stub, which is still correct: a
 * continuation only ever jumps to the block at its return address. */
void tr_cache_invalidate(struct tr_cache *c, struct rv_cpu *cpu, uint64_t start, uint64_t end)
{
    for (size_t i = 0; i < c->n_blocks; i++) {
        struct tr_block *b = &c->blocks[i];
        if (b->valid && b->pc < end && b->pc + b->guest_len > start) {
            invalidate_block(c, b);
            cpu->cnt.invalidations++;
        }
    }
}
