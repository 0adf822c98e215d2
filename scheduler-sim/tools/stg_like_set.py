#!/usr/bin/env python3
"""Writes 360 random task graphs in STG format (180 of 50 tasks, 180 of 100) into a directory.

A stand-in for the Standard Task Graph Set's 50- and 100-task sets (Tobita & Kasahara), which are
not in this repository: the same sizes and cost range (1..10), four generation methods (same edge
probability, same predecessor count, layered by probability, layered by predecessor count),
predecessors always earlier than the task, entry task 0 and exit task n+1 of cost 0. Deterministic.
Used to measure the sweep target in docs/simulator.md:

    python3 scheduler-sim/tools/stg_like_set.py /tmp/stg360
"""
import os
import random
import sys


def graph(size, k):
    rnd = random.Random(size * 1000 + k)
    n = size
    method = k % 4
    preds = [[] for _ in range(n + 2)]
    if method in (0, 1):
        for t in range(2, n + 1):
            if method == 0:
                p = [0.02, 0.05, 0.1, 0.2][k // 4 % 4]
                preds[t] = [u for u in range(1, t) if rnd.random() < p]
            else:
                m = [1, 2, 3, 5][k // 4 % 4]
                preds[t] = sorted(rnd.sample(range(1, t), min(t - 1, rnd.randint(0, m))))
    else:
        layers = [[]]
        width = [3, 5, 8, 12][k // 4 % 4]
        for t in range(1, n + 1):
            if len(layers[-1]) >= rnd.randint(1, width):
                layers.append([])
            layers[-1].append(t)
        for li in range(1, len(layers)):
            prev = layers[li - 1]
            for t in layers[li]:
                if method == 2:
                    ps = [u for u in prev if rnd.random() < 0.4]
                else:
                    ps = rnd.sample(prev, min(len(prev), rnd.randint(1, 3)))
                preds[t] = sorted(ps) if ps else [rnd.choice(prev)]
    has_succ = set(u for t in range(1, n + 1) for u in preds[t])
    lines = [str(n), "0 0 0"]
    for t in range(1, n + 1):
        ps = preds[t] if preds[t] else [0]
        lines.append(f"{t} {rnd.randint(1, 10)} {len(ps)} " + " ".join(map(str, ps)))
    sinks = [t for t in range(1, n + 1) if t not in has_succ]
    lines.append(f"{n + 1} 0 {len(sinks)} " + " ".join(map(str, sinks)))
    return "\n".join(lines) + "\n"


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: stg_like_set.py OUT_DIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for size in (50, 100):
        for k in range(180):
            with open(os.path.join(out, f"rand{size:03d}_{k:03d}.stg"), "w") as f:
                f.write(graph(size, k))


if __name__ == "__main__":
    main()
