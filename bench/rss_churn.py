#!/usr/bin/env python3
"""`make rss-churn`: resident memory of rvdbt and qemu-riscv64 over a long
run of bench/tools/churn.c (code written over code and called, code pages
remapped, threads started and ended all the time), sampled from
/proc/PID/status every --every seconds. Prints the curve as a table (time,
rvdbt MiB, qemu MiB) and the verdict, and writes build/bench/rss_churn.json
and build/bench/rss_churn.svg.

Bounded means: the largest sample of the run's last third is at most the
largest of its first third plus --slack MiB (the code cache and the guest's
own memory fill early and stay). Exits 1 if rvdbt's memory is not bounded
or a run fails (the guest checks every generated function's result).

    bench/rss_churn.py [--seconds S] [--every S] [--slack MiB] [--rvdbt-args "..."]
Standard library only.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def rss_kib(pid):
    """VmRSS of pid and of its threads' process, in KiB; None once gone."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def sample(cmd, seconds, every):
    """Runs cmd, sampling its RSS; returns (samples [(t, MiB)], status, stdout)."""
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    start = time.monotonic()
    out = []
    while p.poll() is None:
        kib = rss_kib(p.pid)
        if kib is not None:
            out.append((round(time.monotonic() - start, 2), round(kib / 1024, 1)))
        time.sleep(every)
    stdout, stderr = p.communicate()
    if p.returncode != 0:
        sys.stderr.write(stderr[-2000:])
    return out, p.returncode, stdout.strip()


def bounded(samples, slack):
    n = len(samples)
    if n < 6:
        return False, "too few samples (%d)" % n
    first = max(m for _, m in samples[: n // 3])
    last = max(m for _, m in samples[-(n // 3):])
    return last <= first + slack, "first third peak %.1f MiB, last third peak %.1f MiB" % (first, last)


def svg(curves, seconds):
    w, h, pad = 640, 320, 40
    top = max([m for c in curves.values() for _, m in c] + [1]) * 1.1
    colors = {"rvdbt": "#1f77b4", "qemu": "#d62728"}
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" '
           'font-size="12">' % (w, h),
           '<text x="%d" y="16">resident memory (MiB) over time (s): bench/tools/churn</text>' % pad]
    for name, c in curves.items():
        pts = " ".join("%.1f,%.1f" % (pad + t / seconds * (w - 2 * pad), h - pad - m / top * (h - 2 * pad))
                       for t, m in c)
        out.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' % (colors[name], pts))
    for i, name in enumerate(curves):
        out.append('<text x="%d" y="%d" fill="%s">%s</text>' % (w - 120, 36 + 16 * i, colors[name], name))
    out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>' % (pad, h - pad, w - pad, h - pad))
    out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>' % (pad, pad, pad, h - pad))
    out.append('<text x="%d" y="%d">%.0f</text>' % (4, pad + 4, top))
    out.append('<text x="%d" y="%d">%.0f s</text>' % (w - pad - 20, h - pad + 16, seconds))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=120, help="length of each run (default 120)")
    ap.add_argument("--every", type=float, default=1, help="seconds between samples (default 1)")
    ap.add_argument("--slack", type=float, default=8, help="MiB the last third may exceed the first (default 8)")
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--rvdbt-args", default="", help="options for rvdbt, e.g. --code-cache-size 1048576")
    ap.add_argument("--qemu", default="qemu-riscv64")
    a = ap.parse_args()
    guest = os.path.join(a.build, "bench", "churn")
    rvdbt = [os.path.join(a.build, "rvdbt")] + shlex.split(a.rvdbt_args)
    runs = {"rvdbt": rvdbt + [guest, str(a.seconds)], "qemu": [a.qemu, guest, str(a.seconds)]}
    curves, doc, ok = {}, {"seconds": a.seconds, "every": a.every, "runs": {}}, True
    for name, cmd in runs.items():
        c, st, line = sample(cmd, a.seconds, a.every)
        curves[name] = c
        good, why = bounded(c, a.slack)
        doc["runs"][name] = {"command": cmd, "status": st, "output": line, "samples": c,
                             "bounded": good, "why": why}
        print("%s: status %d, %s; %s: %s" % (name, st, line, "bounded" if good else "NOT bounded", why))
        if st != 0 or (name == "rvdbt" and not good):
            ok = False
    print("%8s %10s %10s" % ("t (s)", "rvdbt MiB", "qemu MiB"))
    n = max(len(c) for c in curves.values())
    for i in range(0, n, max(1, n // 24)):
        row = [curves[k][i] if i < len(curves[k]) else None for k in ("rvdbt", "qemu")]
        t = next(r[0] for r in row if r)
        print("%8.1f %10s %10s" % (t, *("%.1f" % r[1] if r else "-" for r in row)))
    os.makedirs(os.path.join(a.build, "bench"), exist_ok=True)
    with open(os.path.join(a.build, "bench", "rss_churn.json"), "w") as f:
        json.dump(doc, f, indent=1)
    with open(os.path.join(a.build, "bench", "rss_churn.svg"), "w") as f:
        f.write(svg(curves, a.seconds))
    print("rss_churn: wrote build/bench/rss_churn.json and build/bench/rss_churn.svg")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
