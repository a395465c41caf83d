/* --stats-json: the counters as one JSON object, schema version 1
 * (docs/ARCHITECTURE.md "Statistics"). Fields are added, never renamed.
 * Hits are present only when counted (--count-hits, "exact_hits": true);
 * misses always are. */
#include <inttypes.h>
#include "linux/proc.h"
#include "linux/sys.h"
#include "stats/prof.h"
#include "stats/stats.h"
#include "stats/syms.h"
#include "translator/tr_cache.h"

static void hits_misses(FILE *f, const char *kind, uint64_t hits, uint64_t misses, bool with_hits)
{
    fprintf(f, "\"%s\":{", kind);
    if (with_hits)
        fprintf(f, "\"hits\":%" PRIu64 ",", hits);
    fprintf(f, "\"misses\":%" PRIu64 "}", misses);
}

/* The counters a thread has and the whole run sums; host_bytes and the
 * code cache belong to the cache, which the threads share. */
static void counters(FILE *f, const struct rv_counters *n, bool exact, const uint64_t *host_bytes)
{
    fprintf(f, "\"translation\":{\"blocks\":%" PRIu64 ",\"guest_insns\":%" PRIu64 ",\"lookups\":%" PRIu64
               ",\"lookup_hits\":%" PRIu64 ",",
            n->blocks_translated, n->guest_insns_translated, n->lookups, n->lookup_hits);
    if (host_bytes)
        fprintf(f, "\"host_bytes\":%" PRIu64 ",", *host_bytes);
    fprintf(f, "\"seconds\":%.6f},\"ic\":{", (double)n->translate_ns * 1e-9);
    hits_misses(f, "load", n->ic_load_hits, n->ic_load_misses, exact);
    fputc(',', f);
    hits_misses(f, "store", n->ic_store_hits, n->ic_store_misses, exact);
    fputc(',', f);
    hits_misses(f, "jalr", n->ic_jalr_hits, n->ic_jalr_misses, exact);
    fputc(',', f);
    hits_misses(f, "return", n->ic_ret_hits, n->ic_ret_misses, exact);
    fprintf(f, "},\"tlb\":{\"hits\":%" PRIu64 ",\"misses\":%" PRIu64 "},\"chain\":{\"patches\":%" PRIu64
               "},\"invalidations\":%" PRIu64 ",\"syscall_count\":%" PRIu64 ",\"signals\":%" PRIu64,
            n->tlb_hits, n->tlb_misses, n->chain_patches, n->invalidations, n->syscalls, n->signals);
}

/* {"name":calls,...} of the syscalls made; a number without a name is
 * "nr_N", the numbers past the table together "nr_past_table". */
static void syscalls(FILE *f, const uint64_t calls[SYS_NR_MAX + 1])
{
    bool first = true;
    fputc('{', f);
    for (uint64_t nr = 0; nr <= SYS_NR_MAX; nr++) {
        uint64_t n = calls[nr];
        if (!n)
            continue;
        const char *name = nr < SYS_NR_MAX ? sys_name(nr) : NULL;
        fputs(first ? "" : ",", f);
        first = false;
        if (name)
            fprintf(f, "\"%s\":%" PRIu64, name, n);     /* C identifiers: nothing to escape */
        else if (nr < SYS_NR_MAX)
            fprintf(f, "\"nr_%" PRIu64 "\":%" PRIu64, nr, n);
        else
            fprintf(f, "\"nr_past_table\":%" PRIu64, n);
    }
    fputc('}', f);
}

/* A JSON string: quotes, backslashes and control characters escaped. */
static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\')
            fprintf(f, "\\%c", ch);
        else if (ch < 0x20)
            fprintf(f, "\\u%04x", ch);
        else
            fputc(ch, f);
    }
    fputc('"', f);
}

/* "symbol" is "name+0xOFF" or "0xPC"; "file" the ELF file it is in, "" if none. */
static void sym(FILE *f, struct syms *syms, uint64_t pc)
{
    char buf[256];
    const char *file = NULL;
    fprintf(f, "\"pc\":%" PRIu64 ",\"symbol\":", pc);
    json_str(f, syms ? syms_format(syms, pc, buf, sizeof buf) : "");
    if (syms)
        syms_lookup(syms, pc, NULL, &file);
    fputs(",\"file\":", f);
    json_str(f, file ? file : "");
}

#define JSON_BLOCKS 1000
#define JSON_SITES 100

/* "profile": where the samples went, the hottest blocks, the sites that
 * miss most (with the regions the misses fell in), the instruction mix. */
static void profile(FILE *f, const struct prof_report *r, struct syms *syms)
{
    fprintf(f, ",\"profile\":{\"samples\":%" PRIu64 ",\"sample_seconds\":%.6f,\"where\":{\"translated_code\":%" PRIu64,
            r->samples, r->sample_seconds, r->code_samples);
    for (int w = 0; w < TR_WHERE_KINDS; w++) {
        fputc(',', f);
        json_str(f, prof_where_name[w]);
        fprintf(f, ":%" PRIu64, r->where[w]);
    }
    fputs("},\"blocks\":[", f);
    for (size_t i = 0; i < r->n_blocks && i < JSON_BLOCKS; i++) {
        const struct prof_block *b = &r->blocks[i];
        fputs(i ? ",{" : "{", f);
        sym(f, syms, b->pc);
        fprintf(f, ",\"execs\":%" PRIu64 ",\"samples\":%" PRIu64 ",\"insns\":%u,\"guest_bytes\":%u,"
                   "\"host_bytes\":%u,\"translations\":%u}",
                b->execs, b->samples, b->n_insns, b->guest_len, b->host_len, b->translations);
    }
    fputs("],\"sites\":[", f);
    for (size_t i = 0; i < r->n_sites && i < JSON_SITES; i++) {
        const struct prof_site *s = &r->sites[i];
        fputs(i ? ",{" : "{", f);
        sym(f, syms, s->pc);
        fprintf(f, ",\"kind\":\"%s\",\"insn\":%u,", prof_kind_name[s->kind], s->insn);
        if (r->exact_hits)
            fprintf(f, "\"hits\":%" PRIu64 ",", s->hits);
        fprintf(f, "\"misses\":%" PRIu64 ",\"refills\":%" PRIu64 ",\"regions\":[", s->misses, s->refills);
        for (int k = 0; k < s->n_regions; k++) {
            fprintf(f, "%s{\"lo\":%" PRIu64 ",\"hi\":%" PRIu64 ",\"misses\":%" PRIu64 ",\"name\":", k ? "," : "",
                    s->regions[k].lo, s->regions[k].hi, s->regions[k].misses);
            json_str(f, s->regions[k].name);
            fputc('}', f);
        }
        fputs("]}", f);
    }
    fprintf(f, "],\"executed\":%" PRIu64 ",\"compressed\":%" PRIu64 ",\"mix\":{", r->executed,
            r->compressed_executed);
    for (int k = 0; k < PROF_CLASSES; k++)
        fprintf(f, "%s\"%s\":%" PRIu64, k ? "," : "", prof_class_name[k], r->mix[k]);
    fputs("}}", f);
}

void stats_write_json(FILE *f, struct rv_proc *p, const struct stats_run *r, const struct prof_report *prof,
                      struct syms *syms)
{
    static const char *const how[] = { "exit", "signal", "timeout" };
    const struct tr_cache *c = p->cache;
    bool exact = p->opt.count_hits;
    fprintf(f, "{\"version\":1,\"exact_hits\":%s,", exact ? "true" : "false");
    counters(f, &r->total, exact, &c->host_bytes);
    fprintf(f, ",\"code_cache\":{\"bytes\":%zu,\"size\":%zu,\"flushes\":%" PRIu64 ",\"wraps\":%" PRIu64
               "},\"syscalls\":", c->used - c->base, c->window, c->flushes, c->wraps);
    syscalls(f, r->syscalls);
    fputs(",\"unimplemented_syscalls\":", f);
    uint64_t unimpl[SYS_NR_MAX + 1];
    for (uint64_t nr = 0; nr <= SYS_NR_MAX; nr++)
        unimpl[nr] = sys_unimplemented_calls(nr);
    syscalls(f, unimpl);
    fputs(",\"threads\":[", f);
    for (size_t i = 0; i < r->n_threads; i++) {
        const struct stats_thread *t = &r->threads[i];
        fprintf(f, "%s{\"tid\":%" PRIu64 ",\"alive\":%s,", i ? "," : "", t->tid, t->alive ? "true" : "false");
        counters(f, &t->cnt, exact, NULL);
        fputc('}', f);
    }
    fprintf(f, "],\"wall_seconds\":%.6f,\"end\":{\"how\":\"%s\",\"status\":%d}", r->wall_seconds,
            how[r->end], r->status);
    if (prof)
        profile(f, prof, syms);
    fputs("}\n", f);
}
