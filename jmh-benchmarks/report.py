#!/usr/bin/env python3
"""Regenerates docs/benchmarks.md from jmh-benchmarks/bench-results/jdk*/ (written by jmh-benchmarks/run).

One section per JDK directory found, so a JDK 25 run replaces the JDK 25 section and keeps the
JDK 17 one. The hand-written block between NOTES:BEGIN and NOTES:END in the existing page is kept.
Also writes docs/img/bench-ratios-jdkNN.csv for PlotRatios (the run script turns it into a PNG).
Standard library only.
"""
import argparse
import glob
import json
import math
import os
import re
import statistics

NOTES_BEGIN = "<!-- NOTES:BEGIN -->"
NOTES_END = "<!-- NOTES:END -->"
DEFAULT_NOTES = "(no notes yet)"

ORDER = ["fib", "fib unboxed", "nqueens", "matmul", "mergesort", "uts T1", "uts T3", "integrate", "submit"]
FJP_TARGET = {"fib": 3.0, "fib unboxed": 3.0}  # every other program: 1.0


def fnum(x, digits=3):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    if x == 0:
        return "0"
    mag = math.floor(math.log10(abs(x)))
    d = max(0, digits - 1 - mag)
    return f"{x:.{d}f}"


def ferr(x):
    return "n/a" if x is None or math.isnan(x) else fnum(x, 2)


def to_float(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return float("nan")


def label_of(entry):
    bench = entry["benchmark"].rsplit(".", 1)[1]
    p = entry.get("params", {})
    if bench == "uts":
        return "uts " + p.get("tree", "?")
    if bench == "fibLong":
        return "fib unboxed"
    return bench


def size_of(entry):
    bench = entry["benchmark"].rsplit(".", 1)[1]
    p = entry.get("params", {})
    return {
        "fib": lambda: f"fib({p.get('fibN')}), no cutoff, Task<Long> / RecursiveTask<Long>",
        "fibLong": lambda: f"fib({p.get('fibN')}), no cutoff, Task.spawnLong / RecursiveAction with a long field",
        "nqueens": lambda: f"{p.get('queens')} queens, spawn in the top {p.get('spawnDepth')} rows",
        "matmul": lambda: f"{p.get('matrix')}×{p.get('matrix')} doubles, {p.get('leaf')}² leaves",
        "mergesort": lambda: f"{int(p.get('sortSize')):,} ints, leaves ≤ {p.get('cutoff')}",
        "uts": lambda: {"T1": "T1: geometric b0=4 d=10 seed 19, 4,130,071 nodes",
                        "T3": "T3: binomial b0=2000 q=0.124875 m=8 seed 42, 4,112,897 nodes"}.get(p.get("tree"), "?"),
        "integrate": lambda: f"(x²+1)x on [0, {p.get('upper')}], ε={p.get('epsilon')}, no cutoff",
        "submit": lambda: f"{p.get('producers')} producers × {int(p.get('tasksPerProducer')):,} submits + get",
    }[bench]()


def load_jmh(path):
    rows = {}
    if not os.path.exists(path):
        return rows
    with open(path) as f:
        data = json.load(f)
    for e in data:
        pm = e["primaryMetric"]
        raw = [v for fork in pm.get("rawData", []) for v in fork]
        alloc = None
        for k, m in e.get("secondaryMetrics", {}).items():
            if k.endswith("gc.alloc.rate.norm"):
                alloc = to_float(m["score"])
        params = e.get("params", {})
        key = (label_of(e), params.get("impl"), int(params.get("parallelism", 1)))
        rows[key] = {
            "mean": to_float(pm["score"]), "err": to_float(pm.get("scoreError")),
            "median": statistics.median(raw) if raw else to_float(pm["score"]), "n": len(raw),
            "unit": pm.get("scoreUnit"), "alloc": alloc, "size": size_of(e), "params": params,
        }
    return rows


def serial_of(rows, lab):
    """The serial time for a label (the unboxed fib shares plain fib's serial run)."""
    return rows.get((lab, "serial", 1)) or (rows.get(("fib", "serial", 1)) if lab == "fib unboxed" else None)


def ratio(other, ws):
    """speedup of wsched = time_other / time_wsched, with propagated JMH errors, and the ratio of medians."""
    if other is None or ws is None:
        return None
    r = other["mean"] / ws["mean"]
    rel = 0.0
    for x in (other, ws):
        e = x["err"]
        if not math.isnan(e):
            rel += (e / x["mean"]) ** 2
    err = r * math.sqrt(rel) if rel > 0 else float("nan")
    return {"r": r, "err": err, "med": other["median"] / ws["median"]}


def fratio(rt):
    if rt is None:
        return "–"
    return f"**{rt['r']:.2f}×** ± {ferr(rt['err'])} (med {rt['med']:.2f}×)"


def falloc(x):
    if x is None:
        return "–"
    if x["alloc"] is None or math.isnan(x["alloc"]):
        return "n/a"
    a = x["alloc"]
    if a >= 1e6:
        return f"{a / 1e6:.1f} MB"
    if a >= 1e3:
        return f"{a / 1e3:.1f} kB"
    return f"{a:.0f} B"


def ftime(x):
    if x is None:
        return "–"
    return f"{fnum(x['mean'])} ± {ferr(x['err'])}"


def load_latency(path):
    """submit-latency.tsv: one line per fork; median of each percentile over forks, in µs."""
    out = {}
    if not os.path.exists(path):
        return out
    acc = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) < 9:
                continue
            impl, p = parts[0], int(parts[1])
            vals = [int(v) for v in parts[3:9]]
            acc.setdefault((impl, p), []).append(vals)
    for k, lst in acc.items():
        cols = list(zip(*lst))
        out[k] = {"count": sum(cols[0]), "p50": statistics.median(cols[1]) / 1e3, "p90": statistics.median(cols[2]) / 1e3,
                  "p99": statistics.median(cols[3]) / 1e3, "p999": statistics.median(cols[4]) / 1e3,
                  "max": max(cols[5]) / 1e3, "forks": len(lst)}
    return out


def miss_text(measured, target):
    if measured >= target:
        return f"**met** ({measured:.2f}× ≥ {target:g}×)"
    need = target / measured
    return f"**missed** ({measured:.2f}× < {target:g}×: wsched would need to be {need:.2f}× faster, i.e. {100 * (1 - measured / target):.0f}% short)"


def section(jdk_dir, img_rel):
    meta = json.load(open(os.path.join(jdk_dir, "meta.json")))
    major = meta["jdkMajor"]
    rows = load_jmh(os.path.join(jdk_dir, "jmh-pools.json"))
    rows.update(load_jmh(os.path.join(jdk_dir, "jmh-serial.json")))
    rows.update(load_jmh(os.path.join(jdk_dir, "jmh-frames.json")))  # impl wsched-frames (issue 12)
    lat = load_latency(os.path.join(jdk_dir, "submit-latency.tsv"))
    idle_path = os.path.join(jdk_dir, "idle.json")
    idle = json.load(open(idle_path))["results"] if os.path.exists(idle_path) else []
    ps = sorted({k[2] for k in rows if k[1] != "serial"})
    labels = [l for l in ORDER if any(k[0] == l for k in rows)]

    L = []
    L.append(f"## JDK {major}")
    L.append("")
    L.append(f"- Command: `{meta['command']}` (profile **{meta['profile']}**), wall time {meta['wallSeconds']} s "
             f"including a {meta['buildSeconds']} s build ({meta['build']}).")
    L.append(f"- JDK: `{meta['jdk']}`")
    L.append(f"- CPUs: {meta['cpus']} ({meta['cpuModel']}); date {meta['date']}")
    dirty = meta.get("coreUncommittedFiles", 0)
    L.append(f"- wsched commit `{meta['gitCommit']}` (HEAD when the run started)" + (f" with {dirty} uncommitted file(s) in scheduler-core and jmh-benchmarks" if dirty else "")
             + (f"; scheduler-core jar from ~/.m2 installed {meta['coreJarTime']}" if "module" in meta["build"] else ""))
    if meta.get("note"):
        L.append(f"- Note: {meta['note']}")
    L.append("- JMH commands as run:")
    for c in meta["jmhCommands"]:
        L.append(f"  - `{c.strip()}`")
    L.append("")

    # ---------------------------------------------------------------- targets
    L.append(f"### Targets of issue 6 (JDK {major}), same-run ratios to ForkJoinPool")
    L.append("")
    L.append("| Target | Measured | Verdict |")
    L.append("|---|---|---|")
    for lab in labels:
        if lab == "submit":
            continue
        target = FJP_TARGET.get(lab, 1.0)
        for p in ps:
            rt = ratio(rows.get((lab, "fjp", p)), rows.get((lab, "wsched", p)))
            if rt is None:
                continue
            L.append(f"| {lab} p={p}: wsched ≥ {target:g}× faster than FJP | {fratio(rt)} | {miss_text(rt['r'], target)} |")
    for lab in labels:
        target = FJP_TARGET.get(lab, 1.0)
        for p in ps:
            rt = ratio(rows.get((lab, "fjp", p)), rows.get((lab, "wsched-frames", p)))
            if rt is None:
                continue
            L.append(f"| {lab} p={p}: frames form (issue 12) ≥ {target:g}× faster than FJP | {fratio(rt)} | "
                     f"{miss_text(rt['r'], target).replace('wsched would', 'frames would')} |")
    for p in ps:
        rt = ratio(rows.get(("submit", "fjp", p)), rows.get(("submit", "wsched", p)))
        if rt:
            L.append(f"| submit throughput p={p}: ≥ 1× FJP | {fratio(rt)} | {miss_text(rt['r'], 1.0)} |")
    for r in idle:
        if r["impl"] == "wsched":
            ok = r["idleCpuPct"] < 1.0
            L.append(f"| idle CPU p={r['parallelism']}: < 1% of a core in the 1 s after a burst | {r['idleCpuPct']:.3f}% "
                     f"(next second {r['idleCpuPctSecond2']:.3f}%) | " + ("**met**" if ok else f"**missed** by {r['idleCpuPct'] - 1:.2f} points") + " |")
    fj = {r["parallelism"]: r for r in idle if r["impl"] == "fjp"}
    for r in idle:
        if r["impl"] == "wsched" and r["parallelism"] in fj:
            f = fj[r["parallelism"]]
            for q in ("P50", "P99"):
                w, o = r[f"wake{q}Us"], f[f"wake{q}Us"]
                v = "**met**" if w <= o else f"**missed** ({w / o:.2f}× FJP's, +{w - o:.0f} µs)"
                L.append(f"| wake-up (all parked) submit-to-start {q.lower()} p={r['parallelism']}: ≤ FJP | "
                         f"wsched {w:.0f} µs vs FJP {o:.0f} µs | {v} |")
    for p in ps:
        w, f = lat.get(("wsched", p)), lat.get(("fjp", p))
        if w and f:
            for q in ("p50", "p99"):
                v = "**met**" if w[q] <= f[q] else f"**missed** ({w[q] / f[q]:.2f}× FJP's, +{w[q] - f[q]:.0f} µs)"
                L.append(f"| submit-to-start under load {q} p={p}: ≤ FJP | wsched {w[q]:.0f} µs vs FJP {f[q]:.0f} µs | {v} |")
    L.append("")

    # ---------------------------------------------------------------- ratio table
    L.append(f"### Speedup of wsched (JDK {major})")
    L.append("")
    L.append("Speedup = time of the other implementation / time of wsched, from the same run (> 1: wsched is faster). "
             "± is propagated from the JMH 99.9% confidence half-widths of both means; `med` is the ratio of the "
             "medians of all measurement iterations (all forks). Serial has no pool and ran at p=1 only; its time is "
             "compared with both rows.")
    L.append("")
    L.append(f"![wsched speedup vs ForkJoinPool and the centralized pool, JDK {major}]({img_rel}/bench-ratios-jdk{major}.png)")
    L.append("")
    L.append("The last column is the frames form (`Frames`, `invokeLong`; issue 12) of the programs that have one: "
             "time of FJP / time of the frames form, the frames form measured by its own JMH command of the same "
             "`run`, right after the pools (so in other forks, as every ratio here is).")
    L.append("")
    L.append("| Benchmark | p | vs FJP | vs centralized | vs serial | frames form vs FJP |")
    L.append("|---|---|---|---|---|---|")
    csv = ["label,vsFjp,errFjp,vsCentral,errCentral"]
    for lab in labels:
        for p in ps:
            ws = rows.get((lab, "wsched", p))
            if ws is None:
                continue
            a = ratio(rows.get((lab, "fjp", p)), ws)
            b = ratio(rows.get((lab, "centralized", p)), ws)
            c = ratio(serial_of(rows, lab), ws)
            d = ratio(rows.get((lab, "fjp", p)), rows.get((lab, "wsched-frames", p)))
            L.append(f"| {lab} | {p} | {fratio(a)} | {fratio(b)} | {fratio(c)} | {fratio(d)} |")
            nz = lambda x: 0.0 if x is None or math.isnan(x) else x
            csv.append(f"{lab} p={p},{a['r'] if a else 0:.4f},{nz(a['err']) if a else 0:.4f},"
                       f"{b['r'] if b else 0:.4f},{nz(b['err']) if b else 0:.4f}")
    L.append("")
    L.append(f"### Times and allocation per op (JDK {major})")
    L.append("")
    L.append("Mean ms/op ± 99.9% CI half-width; allocation per op is `gc.alloc.rate.norm` from `-prof gc`.")
    L.append("")
    L.append("| Benchmark | size | p | wsched | frames form | FJP | centralized | serial | alloc/op wsched | frames form | FJP | centralized | serial |")
    L.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for lab in labels:
        for p in ps:
            ws = rows.get((lab, "wsched", p))
            fj_ = rows.get((lab, "fjp", p))
            ce = rows.get((lab, "centralized", p))
            se = serial_of(rows, lab)
            any_ = ws or fj_ or ce
            if not any_:
                continue
            fr = rows.get((lab, "wsched-frames", p))
            L.append(f"| {lab} | {any_['size']} | {p} | {ftime(ws)} | {ftime(fr)} | {ftime(fj_)} | {ftime(ce)} | {ftime(se)} | "
                     f"{falloc(ws)} | {falloc(fr)} | {falloc(fj_)} | {falloc(ce)} | {falloc(se)} |")
    L.append("")

    # ---------------------------------------------------------------- external submission
    if any(k[0] == "submit" for k in rows):
        L.append(f"### External submission (JDK {major})")
        L.append("")
        L.append("Several producer threads each `submit` small tasks through `ExecutorService.submit` and then `get()` "
                 "every future; throughput from the JMH time per batch, submit-to-start latency (under that load) "
                 "from an HdrHistogram recorded by the tasks over the measurement iterations (median over forks of each percentile).")
        L.append("")
        L.append("| impl | p | tasks/s | latency p50 | p90 | p99 | p99.9 | max | samples |")
        L.append("|---|---|---|---|---|---|---|---|---|")
        for p in ps:
            for impl in ("wsched", "fjp", "centralized"):
                x = rows.get(("submit", impl, p))
                if not x:
                    continue
                n = int(x["params"]["producers"]) * int(x["params"]["tasksPerProducer"])
                tput = n / (x["mean"] / 1e3)
                l = lat.get((impl, p))
                lt = (f"{l['p50']:.1f} µs | {l['p90']:.1f} µs | {l['p99']:.0f} µs | {l['p999']:.0f} µs | {l['max']:.0f} µs | {l['count']:,}"
                      if l else "n/a | n/a | n/a | n/a | n/a | 0")
                L.append(f"| {impl} | {p} | {tput / 1e6:.2f} M | {lt} |")
        L.append("")

    # ---------------------------------------------------------------- idle
    if idle:
        meta_idle = json.load(open(idle_path))
        L.append(f"### Idle CPU and wake-up latency (JDK {major})")
        L.append("")
        L.append("`IdleHarness`: after a burst (≈0.3 s of fib(22) without cutoff plus 20,000 external submits), the CPU "
                 "time of the pool's worker threads (`ThreadMXBean`, threads found by name prefix `wsched-ws-`, "
                 "`wsched-central-`, `ForkJoinPool-`) over the next second and the second after, in % of one core "
                 "(median of 3 repetitions). Then, "
                 f"{meta_idle['samples']} times: sleep {meta_idle['gapMillis']} ms so that every worker parks, submit one task, and "
                 "measure submit-to-start (the task reads `System.nanoTime()` first).")
        L.append("")
        L.append("| impl | p | worker threads | idle CPU, 1st s | 2nd s | wake-up p50 | p90 | p99 | max |")
        L.append("|---|---|---|---|---|---|---|---|---|")
        for r in idle:
            L.append(f"| {r['impl']} | {r['parallelism']} | {r['workerThreads']} | {r['idleCpuPct']:.3f}% | "
                     f"{r['idleCpuPctSecond2']:.3f}% | {r['wakeP50Us']:.0f} µs | {r['wakeP90Us']:.0f} µs | "
                     f"{r['wakeP99Us']:.0f} µs | {r['wakeMaxUs']:.0f} µs |")
        L.append("")
    return major, "\n".join(L), "\n".join(csv) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    ap.add_argument("--doc", required=True)
    ap.add_argument("--img", required=True)
    a = ap.parse_args()

    notes = DEFAULT_NOTES
    old_sections = {}
    if os.path.exists(a.doc):
        old = open(a.doc).read()
        # Sections of JDKs with no results here (e.g. a fresh clone run on one JDK) are kept as they are.
        for m in re.finditer(r"^## JDK (\d+)\n.*?(?=^## JDK \d+\n|\Z)", old, re.S | re.M):
            old_sections[int(m.group(1))] = m.group(0).rstrip("\n") + "\n"
        m = re.search(re.escape(NOTES_BEGIN) + r"\n(.*?)\n" + re.escape(NOTES_END), old, re.S)
        if m:
            notes = m.group(1)

    os.makedirs(a.img, exist_ok=True)
    img_rel = os.path.relpath(a.img, os.path.dirname(os.path.abspath(a.doc)))
    sections = []
    for d in sorted(glob.glob(os.path.join(a.results, "jdk*")), key=lambda p: int(re.sub(r"\D", "", os.path.basename(p)) or 0)):
        if not os.path.exists(os.path.join(d, "meta.json")):
            continue
        major, text, csv = section(d, img_rel)
        sections.append((major, text))
        with open(os.path.join(a.img, f"bench-ratios-jdk{major}.csv"), "w") as f:
            f.write(csv)

    head = f"""# Benchmarks

<!-- Generated by jmh-benchmarks/report.py from jmh-benchmarks/bench-results/jdk*/ (run `jmh-benchmarks/run quick --update-docs`
     or `full --update-docs`). Edit only between the NOTES markers; everything else is rewritten on every run. -->

How much faster or slower wsched's `WorkStealingPool` is than `java.util.concurrent.ForkJoinPool`, than
wsched's `CentralizedPool` (one global ready queue, the greedy reference) and than serial code, on the
classic task-parallel programs. Sources: the programs in `workloads/src/main/java/org/wsched/workloads/`,
the benchmarks in `jmh-benchmarks/src/main/java/org/wsched/bench/`.

- One JMH op = one whole computation (fib, nqueens, matmul, mergesort, UTS T1/T3, integrate) or one batch of
  external submissions; `@Param impl` = wsched | centralized | fjp | serial, and wsched-frames (the `Frames`
  form of issue 12) for fib, mergesort, UTS and integrate; `@Param parallelism` = 1, 2; the pool is built once
  per trial. Every result is checked (fib value, queens count, matmul checksum, sortedness,
  UTS node counts 4,130,071 and 4,112,897, integral) and a wrong one fails the run.
- The FJP variants are written as a good FJP user would (`RecursiveTask`/`RecursiveAction`, fork one and compute
  the other, `invokeAll` for matmul's four quadrant products), with the same cutoffs as the wsched variants; the
  wsched variants use the public API (`Task.spawn`/`join`, `Task.scope`), the frames forms `Frames.spawn`/`sync`
  under `invokeLong`.
- **Noise.** This is a shared 2-core machine on which other jobs (builds, tests) run at the same time. Absolute
  times move by tens of percent between runs; only same-run ratios mean something, and even those carry the
  error bars shown (a quick profile has 2 forks × 3 short iterations, so the 99.9% intervals are wide). At
  p=2 the two workers compete with everything else on the two cores.
- Each section names the commit it measured.

## Notes and analysis

{NOTES_BEGIN}
{notes}
{NOTES_END}

"""
    have = {m for m, _ in sections}
    sections += [(m, t) for m, t in old_sections.items() if m not in have]
    body = "\n".join(t for _, t in sorted(sections, key=lambda s: s[0]))
    with open(a.doc, "w") as f:
        f.write(head + body)
    print(f"wrote {a.doc} with JDK sections {sorted(m for m, _ in sections)} (regenerated: {sorted(have)})")


if __name__ == "__main__":
    main()
