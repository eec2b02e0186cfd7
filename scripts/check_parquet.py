#!/usr/bin/env python3
"""Checks that pyarrow reads entente's Parquet output as it is (issue 14).

Usage: check_parquet.py ENTENTE_BINARY

Codes the seed article and the CLI's test corpus twice with the given
binary, as JSON lines and as Parquet, then reads every Parquet table with
pyarrow's dataset API (Hive partitioning, as pandas, DuckDB and Spark read
such directories) and checks: one row per JSON line of the matching kind,
the `date` partition column, and the column types docs/parquet.md gives.
Exits 0 when all hold, 1 with a message naming what did not.
"""

import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds

ROOT = Path(__file__).resolve().parent.parent
INPUTS = [
    str(ROOT / "tests/data/seed/article.txt"),
    str(ROOT / "crates/cli/tests/data/corpus.jsonl"),
]
TABLES = {
    "documents": "document",
    "mentions": "actor_mention",
    "events": "event",
    "quotations": "quotation",
    "deployments": "deployment",
}
TYPES = {
    ("events", "GLOBALEVENTID"): pa.int64(),
    ("events", "SQLDATE"): pa.int32(),
    ("events", "EventCode"): pa.string(),
    ("events", "GoldsteinScale"): pa.float64(),
    ("events", "negated"): pa.bool_(),
    ("events", "story"): pa.string(),
    ("documents", "published"): pa.date32(),
    ("mentions", "candidates"): pa.list_(pa.string()),
    ("deployments", "to"): pa.list_(pa.string()),
}


def fail(message):
    print(f"check_parquet: FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def code(binary, *args):
    # Exit status 1 only says that some inputs failed (the corpus has bad lines).
    done = subprocess.run(
        [binary, "code", *INPUTS, "--published", "2022-04-08", *args],
        capture_output=True,
        text=True,
    )
    if done.returncode not in (0, 1):
        fail(f"entente code {' '.join(args)} exited {done.returncode}: {done.stderr}")
    return done.stdout


def main():
    if len(sys.argv) != 2:
        fail(__doc__)
    binary = sys.argv[1]
    kinds = Counter(json.loads(l)["kind"] for l in code(binary).splitlines() if l.strip())
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "tables"
        code(binary, "--format", "parquet", "--out", str(out))
        for table, kind in TABLES.items():
            data = ds.dataset(out / table, format="parquet", partitioning="hive").to_table()
            if data.num_rows != kinds[kind]:
                fail(f"{table}: {data.num_rows} rows, but {kinds[kind]} JSON lines of kind {kind}")
            if kinds[kind] and "date" not in data.column_names:
                fail(f"{table}: no `date` partition column")
            for (t, column), want in TYPES.items():
                if t == table and data.num_rows:
                    got = data.schema.field(column).type
                    if got != want:
                        fail(f"{table}.{column} is {got}, docs/parquet.md says {want}")
            print(f"check_parquet: {table}: {data.num_rows} rows, as the JSON lines")
        events = ds.dataset(out / "events", format="parquet", partitioning="hive").to_table()
        dates = set(events.column("date").to_pylist())
        if not dates or any(d is not None and len(str(d)) != 10 for d in dates):
            fail(f"events: odd partition dates {sorted(map(str, dates))}")
    print("check_parquet: pyarrow reads every table as is")


if __name__ == "__main__":
    main()
