#!/usr/bin/env python3
"""How much faster `entente.code` is on two threads than on one (issue 14:
a 1,000-document batch coded with 2 threads at >= 1.7x one thread).

Usage: python crates/python/bench/threads.py [--documents 1000] [--runs 3] [--require RATIO]

Makes N different articles from the repository's sample texts (the seed
article, the CLI's test corpus), codes them once to load the models, then
codes the whole batch with threads=1 and threads=2, `--runs` times each,
alternating, and prints the best wall-clock time of each, the documents per
second, the CPU time the process used (all threads) and the ratio. With
`--require`, exits 1 when the ratio is below it.
The ratio means something only on a machine with two idle cores: the
load average is printed with it.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

import entente

ROOT = Path(__file__).resolve().parents[3]


def paragraphs():
    out = []
    for path in ["examples/seed/article.txt", "tests/data/seed/article.txt"]:
        out += [p for p in (ROOT / path).read_text(encoding="utf-8").splitlines() if p.strip()]
    for line in (ROOT / "crates/cli/tests/data/corpus.jsonl").read_text(encoding="utf-8").splitlines():
        try:
            text = json.loads(line).get("text") or ""
        except (ValueError, AttributeError):
            continue
        out += [p for p in text.splitlines() if p.strip()]
    return out


def documents(n):
    """n different articles of 3 to 8 paragraphs, the same on every run."""
    ps = paragraphs()
    docs = []
    for i in range(n):
        k = 3 + i % 6
        docs.append("\n".join(ps[(i * 7 + j * 13) % len(ps)] for j in range(k)) + f"\nReport {i}.")
    return docs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--require", type=float)
    args = parser.parse_args()
    docs = documents(args.documents)
    size = sum(len(d.encode()) for d in docs)
    entente.code(docs[:8], published="2022-04-08", threads=2)  # models loaded
    best = {1: float("inf"), 2: float("inf")}
    cpu = {}
    events = {}
    for _ in range(args.runs):
        for threads in (1, 2):
            t0, c0 = time.perf_counter(), time.process_time()
            tables = entente.code(docs, published="2022-04-08", threads=threads, errors="skip")
            took = time.perf_counter() - t0
            if took < best[threads]:
                best[threads], cpu[threads] = took, time.process_time() - c0
            events[threads] = tables.events.num_rows
    assert events[1] == events[2], events
    ratio = best[1] / best[2]
    print(f"{args.documents} documents ({size / 1e6:.2f} MB), {events[1]} events; "
          f"best of {args.runs}; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    for threads in (1, 2):
        print(f"  threads={threads}: {best[threads]:.2f} s, {args.documents / best[threads]:.0f} documents/s "
              f"({cpu[threads]:.2f} CPU s: {cpu[threads] / best[threads]:.2f} cores busy)")
    print(f"  ratio 2 threads / 1 thread: {ratio:.2f}x")
    if args.require is not None and ratio < args.require:
        print(f"FAIL: below {args.require}x", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
