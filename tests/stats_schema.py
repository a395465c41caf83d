#!/usr/bin/env python3
"""Check a --stats-json file against schema version 1 (docs/ARCHITECTURE.md
"Statistics"): every field the schema names, of the right type, hits present
exactly when "exact_hits" is true, and every per-thread counter adding up to
its total. Prints nothing and exits 0 when the file conforms; otherwise one
line per problem on stdout and exit 1.

usage: stats_schema.py FILE
"""
import json
import sys

problems = []


def need(obj, key, kind, where):
    if not isinstance(obj, dict) or key not in obj:
        problems.append(f"{where}.{key}: missing")
        return None
    v = obj[key]
    ok = isinstance(v, kind) and not (kind in (int, (int, float)) and isinstance(v, bool))
    if kind is int and ok and v < 0:
        ok = False
    if not ok:
        problems.append(f"{where}.{key}: {v!r} is not {kind}")
        return None
    return v


NUM = (int, float)
IC_KINDS = ("load", "store", "jalr", "return")


def counters(obj, where, exact, total):
    """The counters a thread has as well as the whole run."""
    t = need(obj, "translation", dict, where)
    if t is not None:
        for k in ("blocks", "guest_insns", "lookups", "lookup_hits"):
            need(t, k, int, where + ".translation")
        need(t, "seconds", NUM, where + ".translation")
        if total:
            need(t, "host_bytes", int, where + ".translation")
    ic = need(obj, "ic", dict, where)
    if ic is not None:
        for kind in IC_KINDS:
            k = need(ic, kind, dict, where + ".ic")
            if k is None:
                continue
            need(k, "misses", int, f"{where}.ic.{kind}")
            if exact:
                need(k, "hits", int, f"{where}.ic.{kind}")
            elif "hits" in k:
                problems.append(f"{where}.ic.{kind}.hits: present without exact_hits")
    tlb = need(obj, "tlb", dict, where)
    if tlb is not None:
        need(tlb, "hits", int, where + ".tlb")
        need(tlb, "misses", int, where + ".tlb")
    ch = need(obj, "chain", dict, where)
    if ch is not None:
        need(ch, "patches", int, where + ".chain")
    for k in ("invalidations", "signals", "syscall_count"):
        need(obj, k, int, where)


def leaves(obj, prefix=""):
    """Every integer counter under obj, by dotted path."""
    out = {}
    for k, v in obj.items():
        if isinstance(v, dict):
            out.update(leaves(v, prefix + k + "."))
        elif isinstance(v, int) and not isinstance(v, bool):
            out[prefix + k] = v
    return out


def main():
    with open(sys.argv[1]) as f:
        d = json.load(f)
    if need(d, "version", int, "") != 1:
        problems.append("version: not 1")
    exact = need(d, "exact_hits", bool, "")
    counters(d, "", exact, True)
    cc = need(d, "code_cache", dict, "")
    if cc is not None:
        need(cc, "bytes", int, ".code_cache")
        need(cc, "flushes", int, ".code_cache")
    sc = need(d, "syscalls", dict, "")
    if sc is not None:
        for name, n in sc.items():
            if not isinstance(n, int) or n <= 0:
                problems.append(f".syscalls.{name}: {n!r}")
        if "syscall_count" in d and sum(sc.values()) != d["syscall_count"]:
            problems.append(f".syscalls: sum {sum(sc.values())} != syscall_count {d['syscall_count']}")
    need(d, "wall_seconds", NUM, "")
    threads = need(d, "threads", list, "")
    if threads is not None:
        if not threads:
            problems.append(".threads: empty")
        tids = set()
        for i, t in enumerate(threads):
            need(t, "tid", int, f".threads[{i}]")
            tids.add(t.get("tid"))
            counters(t, f".threads[{i}]", exact, False)
        if len(tids) != len(threads):
            problems.append(".threads: a tid is listed twice")
        # Totals are the sums over threads (host_bytes belongs to the cache).
        want = {k: v for k, v in leaves(d).items()
                if k.split(".")[0] in ("translation", "ic", "tlb", "chain", "invalidations",
                                       "signals", "syscall_count")
                and k != "translation.host_bytes"}
        got = {}
        for t in threads:
            for k, v in leaves(t).items():
                got[k] = got.get(k, 0) + v
        for k, v in want.items():
            if got.get(k) != v:
                problems.append(f"{k}: total {v}, sum over threads {got.get(k)}")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
