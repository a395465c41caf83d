#!/usr/bin/env python3
"""`make bench`: times the programs of bench/ natively, under rvdbt and under
qemu-riscv64, and writes a table to stdout, build/bench/results.json and
build/bench/results.svg.

Each round runs every benchmark once per runner (native, rvdbt on the static
build, qemu-riscv64 on the same file), the runners' order rotating from round
to round, so that a machine growing busier or quieter hits all three alike;
a runner's time is the median of its rounds. Each round also runs rvdbt
with --stats (whose first run gives the share of the run spent
translating), --count-hits and --profile, for the cost of each in CPU time.
Then, once per benchmark, the dynamically linked build under rvdbt and qemu. Wall time is the primary figure; user+sys
CPU time and peak RSS come from wait4's rusage (bench/tools/measure.c) and
are all in the JSON.
Every run's output must be the native run's line "NAME ok CHECKSUM" with
exit status 0; anything else is reported and makes this exit 1.

    bench/run.py [--runs N] [--only a,b] [--scale N] [--timeout S]
Standard library only.
"""
import argparse
import datetime
import json
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNNERS = ("native", "rvdbt", "qemu")
# rvdbt with the options whose cost make bench reports
COST_RUNNERS = ("stats", "count_hits", "profile")
STATS_RE = re.compile(r"^\s*time:\s+([0-9.]+) s translating, ([0-9.]+) s in all", re.M)


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="timed runs per benchmark and runner (default 3)")
    ap.add_argument("--only", help="comma-separated benchmarks to run (default: all of bench/*.c)")
    ap.add_argument("--scale", type=int, help="pass this SCALE to every program (default: each one's own)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds a single run may take (default 300)")
    ap.add_argument("--build", default=os.path.join(ROOT, "build"), help="the build directory")
    ap.add_argument("--rvdbt", help="the translator (default BUILD/rvdbt)")
    ap.add_argument("--qemu", default="qemu-riscv64", help="the reference emulator")
    ap.add_argument("--sysroot", default="/usr/riscv64-linux-gnu",
                    help="riscv64 root for the dynamically linked builds (-L)")
    a = ap.parse_args()
    if a.runs < 1:
        ap.error("--runs wants at least 1")
    if a.scale is not None and a.scale < 1:
        ap.error("--scale wants at least 1")
    a.rvdbt = a.rvdbt or os.path.join(a.build, "rvdbt")
    a.out = os.path.join(a.build, "bench")
    a.measure = os.path.join(a.out, "measure")
    names = sorted(f[:-2] for f in os.listdir(os.path.join(ROOT, "bench")) if f.endswith(".c"))
    if a.only:
        wanted = [n for n in a.only.split(",") if n]
        unknown = [n for n in wanted if n not in names]
        if unknown:
            ap.error("no benchmark %s (there are: %s)" % (", ".join(unknown), " ".join(names)))
        names = [n for n in names if n in wanted]
    a.names = names
    return a


def run_once(measure, cmd, timeout):
    """Runs cmd under bench/tools/measure (see there why not from here);
    returns wall and CPU seconds, peak RSS, status and output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as res:
        p = subprocess.run([measure, res.name, str(timeout)] + cmd, stdin=subprocess.DEVNULL,
                           stdout=out, stderr=err, timeout=timeout + 60)
        fields = res.read().split()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
        if p.returncode != 0 or len(fields) != 6:
            sys.exit("bench: measure failed on %s: %s" % (" ".join(cmd), first_line(stderr)))
        wall, user, sys_s = (float(x) for x in fields[:3])
        return {"wall": wall, "cpu": user + sys_s, "user": user, "sys": sys_s, "rss_kb": int(fields[3]),
                "status": int(fields[4]), "timed_out": fields[5] == "1", "stdout": stdout, "stderr": stderr}


def first_line(s):
    return s.strip().splitlines()[0] if s.strip() else "(nothing)"


class Bench:
    def __init__(self, name, args):
        self.name = name
        tail = [str(args.scale)] if args.scale else []

        def prog(build):
            return [os.path.join(args.out, build, name)] + tail
        self.cmds = {
            "native": prog("native"),
            "rvdbt": [args.rvdbt] + prog("static"),
            "qemu": [args.qemu] + prog("static"),
            "stats": [args.rvdbt, "--stats"] + prog("static"),
            "count_hits": [args.rvdbt, "--count-hits", "--stats=/dev/null"] + prog("static"),
            "profile": [args.rvdbt, "--profile=/dev/null"] + prog("static"),
            "rvdbt_dyn": [args.rvdbt, "-L", args.sysroot] + prog("dyn"),
            "qemu_dyn": [args.qemu, "-L", args.sysroot] + prog("dyn"),
        }
        self.runs = {k: [] for k in self.cmds}
        self.expected = None      # the first native run's output
        self.errors = []

    def run(self, kind, measure, timeout):
        r = run_once(measure, self.cmds[kind], timeout)
        if kind == "native" and self.expected is None and r["status"] == 0:
            self.expected = r["stdout"]
        if r["timed_out"]:
            why = "timed out after %g s" % timeout
        elif r["status"] != 0:
            why = "exit status %d: %s" % (r["status"], first_line(r["stdout"] + r["stderr"]))
        elif not re.fullmatch(r"%s ok [0-9a-f]+\n" % re.escape(self.name), r["stdout"]):
            why = "printed %r" % first_line(r["stdout"])
        elif self.expected is not None and r["stdout"] != self.expected:
            why = "printed %r, natively %r" % (first_line(r["stdout"]), first_line(self.expected))
        else:
            why = None
        if why:
            self.errors.append("%s: %s" % (kind, why))
        r["ok"] = why is None
        self.runs[kind].append(r)
        return r

    def ok(self, kind):
        return bool(self.runs[kind]) and all(r["ok"] for r in self.runs[kind])

    def median(self, kind, field="wall"):
        return statistics.median(r[field] for r in self.runs[kind]) if self.ok(kind) else None

    def peak_rss_mb(self, kind):
        return max(r["rss_kb"] for r in self.runs[kind]) / 1024 if self.ok(kind) else None

    def translate(self):
        """(seconds translating, seconds in all) from rvdbt --stats, or None."""
        if not self.ok("stats"):
            return None
        m = STATS_RE.search(self.runs["stats"][0]["stderr"])
        if not m:
            self.errors.append("stats: no \"time:\" line in rvdbt --stats output")
            return None
        return float(m.group(1)), float(m.group(2))


def ratio(a, b):
    return a / b if a is not None and b else None


def geomean(xs):
    xs = [x for x in xs if x]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def command_output(cmd):
    try:
        return first_line(subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=30).stdout)
    except (OSError, subprocess.SubprocessError):
        return None


def machine():
    cpu = None
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"^model name\s*:\s*(.*)$", f.read(), re.M)
            cpu = m.group(1).strip() if m else None
    except OSError:
        pass
    return {"cpu": cpu, "nproc": os.cpu_count(), "kernel": os.uname().release,
            "load_at_start": list(os.getloadavg())}


def source_state():
    dirty = command_output(["git", "status", "--porcelain", "--untracked-files=no"])
    return {"commit": command_output(["git", "rev-parse", "HEAD"]),
            "branch": command_output(["git", "rev-parse", "--abbrev-ref", "HEAD"]),
            "dirty": dirty is not None and dirty != "(nothing)"}


def fmt(x, spec, suffix=""):
    return (spec % x) + suffix if x is not None else "-"


def report(args, benches, info, elapsed):
    """The text table (a list of lines) and the JSON document."""
    lines = []
    m, src = info["machine"], info["source"]
    lines.append("rvdbt benchmarks, %s" % info["date"])
    lines.append("machine: %s, %s cpus, Linux %s, load %.2f at the start"
                 % (m["cpu"], m["nproc"], m["kernel"], m["load_at_start"][0]))
    lines.append("commit:  %s (%s%s)" % (src["commit"], src["branch"], ", uncommitted changes" if src["dirty"] else ""))
    lines.append("tools:   %s; %s" % (info["tools"]["qemu"], info["tools"]["rv_cc"]))
    lines.append("runs:    median wall time of %d interleaved runs per runner; scale %s"
                 % (args.runs, args.scale if args.scale else "each program's default"))
    lines.append("")
    head = "%-12s %9s %9s %9s %10s %10s %7s %9s %9s" % (
        "benchmark", "native s", "rvdbt s", "qemu s", "rvdbt/nat", "qemu/rvdbt", "transl", "rvdbt MB", "qemu MB")
    lines.append(head)
    lines.append("-" * len(head))
    doc = {"machine": m, "source": src, "date": info["date"], "tools": info["tools"], "runs": args.runs,
           "scale": args.scale, "benchmarks": {}}
    rows = []
    for b in benches:
        nat, rv, qe = (b.median(k) for k in RUNNERS)
        tr = b.translate()
        share = tr[0] / tr[1] if tr and tr[1] else None
        row = {"rvdbt_native": ratio(rv, nat), "qemu_native": ratio(qe, nat), "qemu_rvdbt": ratio(qe, rv)}
        rows.append(row)
        lines.append("%-12s %9s %9s %9s %10s %10s %7s %9s %9s" % (
            b.name, fmt(nat, "%.3f"), fmt(rv, "%.3f"), fmt(qe, "%.3f"),
            fmt(row["rvdbt_native"], "%.2f", "x"), fmt(row["qemu_rvdbt"], "%.2f", "x"),
            fmt(share and share * 100, "%.1f", "%"), fmt(b.peak_rss_mb("rvdbt"), "%.1f"),
            fmt(b.peak_rss_mb("qemu"), "%.1f")))
        d = {"ok": not b.errors, "errors": b.errors, "ratios": row, "expected_output": b.expected,
             "translate_s": tr[0] if tr else None, "rvdbt_stats_total_s": tr[1] if tr else None,
             "translate_share": share}
        for kind, runs in b.runs.items():
            d[kind] = {
                "command": b.cmds[kind],
                "runs": [{k: r[k] for k in ("wall", "cpu", "user", "sys", "rss_kb", "status", "ok")} for r in runs],
                "wall_median": b.median(kind), "cpu_median": b.median(kind, "cpu"),
                "peak_rss_kb": max((r["rss_kb"] for r in runs), default=None),
            }
        doc["benchmarks"][b.name] = d
    lines.append("-" * len(head))
    g = {k: geomean(r[k] for r in rows) for k in ("rvdbt_native", "qemu_native", "qemu_rvdbt")}
    lines.append("%-12s %9s %9s %9s %10s %10s" % ("geomean", "", "", "", fmt(g["rvdbt_native"], "%.2f", "x"),
                                                 fmt(g["qemu_rvdbt"], "%.2f", "x")))
    both = [r for r in rows if r["qemu_rvdbt"]]
    faster = sum(1 for r in both if r["qemu_rvdbt"] > 1)
    lines.append("")
    lines.append("geomean rvdbt/native %s, qemu/native %s, qemu/rvdbt %s"
                 % (fmt(g["rvdbt_native"], "%.2f", "x"), fmt(g["qemu_native"], "%.2f", "x"),
                    fmt(g["qemu_rvdbt"], "%.2f", "x")))
    lines.append("rvdbt faster than qemu on %d of %d benchmarks" % (faster, len(both)))

    lines.append("")
    lines.append("dynamically linked builds (-L %s), one run each:" % args.sysroot)
    head = "%-12s %9s %9s %10s %13s" % ("benchmark", "rvdbt s", "qemu s", "qemu/rvdbt", "rvdbt dyn/st")
    lines.append(head)
    lines.append("-" * len(head))
    dyn_rows = []
    for b in benches:
        rv, qe = b.median("rvdbt_dyn"), b.median("qemu_dyn")
        dyn_rows.append((ratio(qe, rv), ratio(rv, b.median("rvdbt"))))
        lines.append("%-12s %9s %9s %10s %13s" % (b.name, fmt(rv, "%.3f"), fmt(qe, "%.3f"),
                                                  fmt(dyn_rows[-1][0], "%.2f", "x"), fmt(dyn_rows[-1][1], "%.2f", "x")))
    lines.append("-" * len(head))
    gd = (geomean(r[0] for r in dyn_rows), geomean(r[1] for r in dyn_rows))
    lines.append("%-12s %9s %9s %10s %13s" % ("geomean", "", "", fmt(gd[0], "%.2f", "x"), fmt(gd[1], "%.2f", "x")))

    lines.append("")
    lines.append("cost of the instrumentation: rvdbt's CPU time with the option / without (medians of %d):"
                 % args.runs)
    head = "%-12s %9s %12s %9s" % ("benchmark", "--stats", "--count-hits", "--profile")
    lines.append(head)
    lines.append("-" * len(head))
    cost_rows = []
    for b in benches:
        base = b.median("rvdbt", "cpu")
        row = {k: ratio(b.median(k, "cpu"), base) for k in COST_RUNNERS}
        cost_rows.append(row)
        doc["benchmarks"][b.name]["cost"] = row
        lines.append("%-12s %9s %12s %9s" % (b.name, *(fmt(row[k], "%.3f", "x") for k in COST_RUNNERS)))
    lines.append("-" * len(head))
    gc = {k: geomean(r[k] for r in cost_rows) for k in COST_RUNNERS}
    lines.append("%-12s %9s %12s %9s" % ("geomean", *(fmt(gc[k], "%.3f", "x") for k in COST_RUNNERS)))

    failed = [b for b in benches if b.errors]
    if failed:
        lines.append("")
        lines.append("FAILED runs:")
        for b in failed:
            for e in b.errors:
                lines.append("  %s %s" % (b.name, e))
    doc["summary"] = {"geomean_rvdbt_native": g["rvdbt_native"], "geomean_qemu_native": g["qemu_native"],
                      "geomean_qemu_rvdbt": g["qemu_rvdbt"], "rvdbt_faster_than_qemu": faster,
                      "compared": len(both), "dyn_geomean_qemu_rvdbt": gd[0], "dyn_geomean_dyn_static": gd[1],
                      "cost_geomean": gc,
                      "failed": [b.name for b in failed]}
    doc["elapsed_s"] = elapsed
    doc["machine"]["load_at_end"] = list(os.getloadavg())
    return lines, doc


def svg_chart(benches, doc):
    """Bars of rvdbt/native and qemu/native per benchmark, on a log axis."""
    rows = [(b.name, doc["benchmarks"][b.name]["ratios"]) for b in benches]
    rows.append(("geomean", {"rvdbt_native": doc["summary"]["geomean_rvdbt_native"],
                             "qemu_native": doc["summary"]["geomean_qemu_native"]}))
    series = (("rvdbt_native", "rvdbt / native", "#2b6cb0"), ("qemu_native", "qemu / native", "#dd6b20"))
    values = [r[k] for _, r in rows for k, _, _ in series if r[k]]
    lo = 10 ** math.floor(math.log10(min(values + [1])))
    hi = 10 ** math.ceil(math.log10(max(values + [10])))
    left, right, top, bar, gap = 110, 60, 70, 9, 8
    width = 900
    plot = width - left - right
    height = top + len(rows) * (2 * bar + gap) + 40

    def x(v):
        return left + plot * (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))

    def esc(s):
        return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" '
           'font-size="11">' % (width, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="%d" y="18" font-size="14" font-weight="bold">rvdbt and qemu-riscv64: run time / native '
           '(median wall time, log scale; lower is better)</text>' % left,
           '<text x="%d" y="34" fill="#555">%s, %s cpus; commit %s</text>'
           % (left, esc(doc["machine"]["cpu"]), doc["machine"]["nproc"], esc((doc["source"]["commit"] or "?")[:12]))]
    for i, (_, label, color) in enumerate(series):
        lx = left + i * 160
        out.append('<rect x="%d" y="44" width="12" height="12" fill="%s"/>' % (lx, color))
        out.append('<text x="%d" y="54">%s</text>' % (lx + 16, label))
    bottom = height - 30
    decade = lo
    while decade <= hi * 1.001:
        for mult in (1, 2, 5):
            v = decade * mult
            if v > hi * 1.001:
                break
            major = mult == 1
            out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s"/>'
                       % (x(v), top - 6, x(v), bottom, "#999" if major or v == 1 else "#ddd"))
            out.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#555">%gx</text>' % (x(v), bottom + 14, v))
        decade *= 10
    out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="black" stroke-width="1.5"/>'
               % (x(1), top - 6, x(1), bottom))
    y = top
    for name, r in rows:
        bold = ' font-weight="bold"' if name == "geomean" else ""
        out.append('<text x="%d" y="%d" text-anchor="end"%s>%s</text>' % (left - 6, y + bar + 4, bold, esc(name)))
        for k, _, color in series:
            v = r[k]
            if v:
                out.append('<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>'
                           % (left, y, max(x(v) - left, 1), bar, color))
                out.append('<text x="%.1f" y="%d" font-size="9">%.2fx</text>' % (x(v) + 3, y + bar - 1, v))
            y += bar
        y += gap
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    args = parse_args()
    missing = [p for p in [args.rvdbt, args.measure] + [os.path.join(args.out, k, n) for n in args.names
                                          for k in ("native", "static", "dyn")] if not os.path.exists(p)]
    if missing:
        sys.exit("bench: %s missing: build with `make bench-progs` (or run `make bench`)" % missing[0])
    started = time.time()
    info = {"date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), "machine": machine(),
            "source": source_state(),
            "tools": {"qemu": command_output([args.qemu, "--version"]),
                      "rvdbt": command_output([args.rvdbt, "--version"]),
                      "cc": command_output(["gcc", "--version"]),
                      "rv_cc": command_output(["riscv64-linux-gnu-gcc", "--version"])}}
    benches = [Bench(n, args) for n in args.names]
    for rnd in range(args.runs):
        order = RUNNERS[rnd % 3:] + RUNNERS[:rnd % 3]
        print("bench: round %d of %d (%s first): " % (rnd + 1, args.runs, order[0]), end="", file=sys.stderr, flush=True)
        for b in benches:
            # the instrumented runs in the same round as the plain one
            for kind in order + COST_RUNNERS:
                b.run(kind, args.measure, args.timeout)
            print(b.name + ("!" if b.errors else ""), end=" ", file=sys.stderr, flush=True)
        print(file=sys.stderr)
    print("bench: the dynamic builds: ", end="", file=sys.stderr, flush=True)
    for b in benches:
        for kind in ("rvdbt_dyn", "qemu_dyn"):
            b.run(kind, args.measure, args.timeout)
        print(b.name + ("!" if b.errors else ""), end=" ", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    elapsed = time.time() - started
    lines, doc = report(args, benches, info, elapsed)
    os.makedirs(args.out, exist_ok=True)
    jpath, spath = os.path.join(args.out, "results.json"), os.path.join(args.out, "results.svg")
    with open(jpath, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    with open(spath, "w") as f:
        f.write(svg_chart(benches, doc))
    lines.append("")
    lines.append("wrote %s and %s" % (os.path.relpath(jpath, ROOT), os.path.relpath(spath, ROOT)))
    lines.append("bench: %d benchmarks, %d failed, %.0f s" % (len(benches), len(doc["summary"]["failed"]), elapsed))
    print("\n".join(lines))
    sys.exit(1 if doc["summary"]["failed"] else 0)


if __name__ == "__main__":
    main()
