/* --perf-map: /tmp/perf-PID.map, the file Linux perf reads to name code
 * without an ELF image: one line per translated block, "START SIZE NAME" in
 * hex, named after the guest code it runs, and one for the code cache's own
 * trampolines. The code cache gives a flushed block's addresses to no other
 * block while its span lasts (tr_cache.window), so every line stays true for
 * the life of the file. A forked child has a map of its own, starting as a
 * copy of its parent's: its code cache starts as a copy too. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "linux/sys.h"
#include "stats/perfmap.h"
#include "stats/syms.h"
#include "translator/tr_cache.h"

static FILE *map;
static char map_path[64];

static FILE *open_map(const char *mode)
{
    snprintf(map_path, sizeof map_path, "/tmp/perf-%d.map", (int)getpid());
    FILE *f = sys_own_fopen(map_path, mode);
    if (!f)
        fprintf(stderr, "rvdbt: --perf-map: %s: %s\n", map_path, strerror(errno));
    return f;
}

int perfmap_open(void)
{
    map = open_map("w");
    return map ? 0 : -1;
}

void perfmap_stubs(const struct tr_cache *c)
{
    if (!map)
        return;
    fprintf(map, "%" PRIxPTR " %zx rvdbt:trampolines\n", (uintptr_t)c->rx, c->stubs_end);
    fflush(map);
}

void perfmap_block(struct syms *syms, const struct tr_block *b)
{
    char name[256];
    if (!map)
        return;
    /* perf reads the file after the run, or while it runs: whole lines */
    fprintf(map, "%" PRIx64 " %x guest:%s\n", b->host, b->host_len, syms_format(syms, b->pc, name, sizeof name));
    fflush(map);
}

void perfmap_forked(void)
{
    if (!map)
        return;
    char parent[sizeof map_path];
    memcpy(parent, map_path, sizeof parent);
    sys_own_fclose(map);    /* the child's copy of the descriptor; nothing is buffered */
    FILE *from = fopen(parent, "r");
    map = open_map("w");
    if (!from || !map) {
        if (from)
            fclose(from);
        return;
    }
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, from)) > 0)
        fwrite(buf, 1, n, map);
    fclose(from);
    fflush(map);
}
