#!/usr/bin/env python3
"""The Spark job against the command line on the same generated documents
(issue 14: in local[2], the same event count as the CLI, throughput at
least 0.7x the CLI's on two cores).

Usage: python crates/python/bench/spark.py [--documents 10000] [--entente target/release/entente]
           [--master local[2]] [--require 0.7] [--keep DIR]

Writes N articles as one JSONL file (sentences from the repository's
sample texts and from templates, 30 publication dates, 5 outlets, and every
25th a republished copy of an earlier one with another byline), then runs, one
after the other, each timed from start to exit:

- ``entente code docs.jsonl --format parquet --out cli`` (the command line:
  it codes one document at a time);
- ``python -m entente docs.jsonl --format parquet --out module --threads 2``
  (the Python package's command, both cores), for reference;
- ``python -m entente.spark --input docs.jsonl --output spark --master local[2]``
  (JVM start-up and all).

It reads the three outputs back with pyarrow, checks that they have the same
events (count and GLOBALEVENTIDs), and prints each run's wall-clock time,
documents per second and the ratio of the Spark job's throughput to the
command line's. The load average before and after is printed too: the
figures mean something only on an otherwise idle machine. With
``--require``, exits 1 when the ratio is below it.
"""

import argparse
import datetime
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.dataset as ds

sys.path.insert(0, str(Path(__file__).resolve().parent))
from threads import paragraphs  # noqa: E402  (the same sample texts)

ROOT = Path(__file__).resolve().parents[3]
OUTLETS = ["Wire A", "Wire B", "The Daily", "Evening Post", "Radio One"]


def sentences():
    out = []
    for p in paragraphs():
        for s in re.split(r"(?<=[.!?\"”]) +(?=[A-Z“\"])", p):
            if len(s.split()) >= 4:
                out.append(s.strip())
    return sorted(set(out))


COUNTRIES = [
    "France", "Germany", "Japan", "China", "Australia", "New Zealand", "Canada", "India",
    "Brazil", "Poland", "Italy", "Spain", "Turkey", "Egypt", "Kenya", "Nigeria", "Mexico",
    "Indonesia", "Vietnam", "South Korea", "Norway", "Sweden", "Finland", "Ukraine", "Russia",
    "Fiji", "Tonga", "Samoa", "Chile", "Argentina",
]
ACTIONS = [
    "urged {b} to respect the ceasefire", "met officials from {b}",
    "condemned the missile test by {b}", "accused {b} of violating the agreement",
    "signed a trade agreement with {b}", "said it would send 200 troops to {b}",
    "praised {b} for its support", "criticised {b} over the detentions",
    "agreed to cooperate with {b} on maritime security", "imposed sanctions on {b}",
    "called for talks with {b}", "rejected the proposal from {b}",
    "welcomed the decision by {b}", "threatened to expel diplomats from {b}",
    "offered humanitarian aid to {b}", "recalled its ambassador from {b}",
]
WHEN = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week",
        "on Saturday", "earlier this month", "after talks in Geneva", "in a statement"]


def documents(n):
    """n articles, the same on every run: a few sentences drawn from the
    repository's sample texts and 5 to 12 made from templates (two
    countries, an action, a time: different in every article), so that two
    articles share a sentence or two, as news on one subject does, but are
    no copies of each other."""
    pool = sentences()
    rng = random.Random(14)
    docs = []
    for i in range(n):
        made = []
        for _ in range(5 + i % 8):
            a, b = rng.sample(COUNTRIES, 2)
            action = rng.choice(ACTIONS).format(b=b)
            made.append(f"{a} {action} {rng.choice(WHEN)}, {rng.randint(2, 60)} officials said.")
        picked = rng.sample(pool, 3) + made
        rng.shuffle(picked)
        paras = [" ".join(picked[j:j + 3]) for j in range(0, len(picked), 3)]
        docs.append(f"Report {i} from our desk.\n" + "\n".join(paras))
    return docs


def write_corpus(path: Path, n: int) -> None:
    texts = documents(n)
    start = datetime.date(2022, 4, 1)
    with path.open("w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            if i % 25 == 24:
                # A copy of an earlier article, republished with a byline.
                text = f"By a staff reporter.\n{texts[i - 17]}"
            outlet = OUTLETS[i % len(OUTLETS)]
            record = {
                "id": f"doc-{i}",
                "published": (start + datetime.timedelta(days=i % 30)).isoformat(),
                "source": outlet,
                "url": f"https://{outlet.lower().replace(' ', '-')}.example/{i}",
                "text": text,
            }
            f.write(json.dumps(record) + "\n")


def cpu_of_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd, **kwargs):
    """Wall-clock and CPU seconds of a command (with every process it
    started: the JVM and Spark's Python workers too), and its last line."""
    t0, c0 = time.perf_counter(), cpu_of_children()
    done = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    took, cpu = time.perf_counter() - t0, cpu_of_children() - c0
    if done.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))} exited {done.returncode}:\n{done.stderr[-4000:]}")
    steps = [l for l in done.stderr.splitlines() if l.startswith("entente.spark:")]
    return took, cpu, done.stdout.strip().splitlines()[-1:] + steps


def events(out: Path):
    table = ds.dataset(out / "events", format="parquet", partitioning="hive").to_table(
        columns=["GLOBALEVENTID"])
    return sorted(table.column("GLOBALEVENTID").to_pylist())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10000)
    parser.add_argument("--entente", default=None,
                        help="the entente binary (default: target/release/entente, else debug)")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--require", type=float)
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it")
    args = parser.parse_args()
    binary = args.entente
    if binary is None:
        for profile in ("release", "debug"):
            candidate = ROOT / "target" / profile / "entente"
            if candidate.is_file():
                binary = str(candidate)
                break
        else:
            sys.exit("no entente binary: cargo build --release -p entente, or pass --entente")
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="entente-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    for old in ("cli", "module", "spark"):
        shutil.rmtree(work / old, ignore_errors=True)
    corpus = work / "docs.jsonl"
    write_corpus(corpus, args.documents)
    size = corpus.stat().st_size
    load_before = os.getloadavg()
    runs = {}
    runs["entente code"] = timed(
        [binary, "code", str(corpus), "--format", "parquet", "--out", str(work / "cli")])
    runs["python -m entente --threads 2"] = timed(
        [sys.executable, "-m", "entente", str(corpus), "--format", "parquet", "--out",
         str(work / "module"), "--threads", "2"])
    env = dict(os.environ, PYSPARK_PYTHON=os.environ.get("PYSPARK_PYTHON", sys.executable))
    runs["python -m entente.spark"] = timed(
        [sys.executable, "-m", "entente.spark", "--input", str(corpus), "--output",
         str(work / "spark"), "--master", args.master, "--verbose",
         "--conf", "spark.ui.showConsoleProgress=false"], env=env)
    load_after = os.getloadavg()
    want = events(work / "cli")
    for name, out in (("python -m entente", "module"), ("the Spark job", "spark")):
        got = events(work / out)
        if got != want:
            sys.exit(f"FAIL: {name} wrote {len(got)} events, entente code {len(want)} "
                     "(or other GLOBALEVENTIDs)")
    print(f"{args.documents} documents ({size / 1e6:.1f} MB of JSONL), {len(want)} events, "
          f"the same in all three outputs; {os.cpu_count()} CPUs; load average "
          f"{load_before[0]:.2f} before, {load_after[0]:.2f} after (1 min)")
    cli = runs["entente code"][0]
    for name, (took, cpu, last) in runs.items():
        print(f"  {name:32} {took:7.1f} s  {args.documents / took:6.1f} documents/s  "
              f"x{cli / took:.2f} the CLI's" + (f"  ({cpu:.1f} CPU s)" if "spark" not in name else ""))
        for line in last:
            print(f"  {'':32} {line[:160]}")
    ratio = cli / runs["python -m entente.spark"][0]
    print(f"  Spark job / entente code throughput: {ratio:.2f}x")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    if args.require is not None and ratio < args.require:
        print(f"FAIL: below {args.require}x", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
