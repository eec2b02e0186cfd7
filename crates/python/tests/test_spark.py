"""The Spark job (`python -m entente.spark`, entente/spark.py) in local[2]
against the command line on the same input: the same events, copies of one
story in different partitions grouped, repeated copies written once,
failures reported as `entente code` reports them.

Skipped, saying why, only when PySpark or Java is missing; one Spark
session for the module, and a few dozen documents."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.dataset as ds
import pytest

import entente

SEED = "examples/seed/article.txt"
CORPUS = "crates/cli/tests/data/corpus.jsonl"


def _java_missing():
    if shutil.which("java"):
        return None
    import os

    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").exists():
        return None
    return "Java is not installed (no `java` on PATH, no JAVA_HOME): Spark needs Java 17 or later"


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip(
        "pyspark", reason="PySpark is not installed (pip install 'pyspark[sql]'): "
        "the Spark job was not tested"
    )
    missing = _java_missing()
    if missing:
        pytest.skip(f"{missing}: the Spark job was not tested")
    from entente.spark import session

    s = session("local[2]", {
        "spark.ui.enabled": "false",
        "spark.sql.shuffle.partitions": "4",
        "spark.ui.showConsoleProgress": "false",
    })
    yield s
    s.stop()


def story_copies(root):
    """Three copies of the seed article as outlets republish it."""
    text = (root / SEED).read_text(encoding="utf-8")
    paragraphs = [p for p in text.splitlines() if p.strip()]
    return [
        {"id": "seed-wire", "source": "Wire A", "published": "2022-04-08",
         "url": "https://wire-a.example/nato", "text": text},
        {"id": "seed-paper", "source": "Paper B", "published": "2022-04-09",
         "url": "https://paper-b.example/world/nato",
         "title": "NATO to step up Asia-Pacific ties",
         "text": "By our correspondent.\n" + text + "\nSign up for our daily newsletter."},
        {"id": "seed-wire-update", "source": "Wire A", "published": "2022-04-10",
         "url": "https://wire-a.example/nato-updated",
         "text": "\n".join(paragraphs[:-1]) + "\nThis story has been updated."},
    ]


@pytest.fixture(scope="module")
def inputs(root, tmp_path_factory):
    """Three JSONL files (so three partitions at least): the CLI's test
    corpus (four articles and three bad lines), a copy of the story in
    each file, the seed article's paragraphs as short articles, and an
    exact copy of a corpus article under another id."""
    d = tmp_path_factory.mktemp("spark-in")
    corpus = (root / CORPUS).read_text(encoding="utf-8").splitlines()
    wire, paper, update = story_copies(root)
    paragraphs = [p for p in wire["text"].splitlines() if p.strip()]
    short = [{"id": f"paragraph-{i}", "published": "2022-04-08", "text": p}
             for i, p in enumerate(paragraphs)]
    again = dict(json.loads(corpus[0]), id="the-same-text-again", source="Elsewhere")
    half = len(short) // 2
    files = {
        "a.jsonl": corpus[:4] + [json.dumps(wire)] + corpus[4:],
        "b.jsonl": [json.dumps(r) for r in [paper] + short[:half]],
        "c.jsonl": [json.dumps(r) for r in short[half:] + [again, update]],
    }
    paths = []
    for name, lines in files.items():
        p = d / name
        p.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(str(p))
    return paths


@pytest.fixture(scope="module")
def cli_out(entente_bin, inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "out"
    done = subprocess.run(
        [entente_bin, "code", *inputs, "--format", "parquet", "--out", str(out)],
        capture_output=True, text=True,
    )
    assert done.returncode == 1, f"help: three lines are bad: {done.stderr}"
    return out, done.stderr


@pytest.fixture(scope="module")
def spark_out(spark, inputs, tmp_path_factory):
    from entente.spark import Job

    out = tmp_path_factory.mktemp("spark") / "out"
    import io
    from contextlib import redirect_stderr, redirect_stdout

    err, said = io.StringIO(), io.StringIO()
    with redirect_stderr(err), redirect_stdout(said):
        status = Job(spark, inputs, str(out), "auto", None, None).run()
    return out, status, err.getvalue(), said.getvalue()


def read(out, table):
    return ds.dataset(Path(out) / table, format="parquet", partitioning="hive").to_table()


def test_the_copies_are_read_in_different_partitions(spark, inputs):
    # What the grouping test below relies on: were the three files one
    # partition, the copies would meet without a shuffle.
    from pyspark.sql import functions as F

    from entente.spark import Job, read_inputs

    Job(spark, inputs, "unused", "jsonl", None, None).split("jsonl")
    df = read_inputs(spark, inputs, "jsonl")
    placed = (df.select(F.spark_partition_id().alias("p"), "path").distinct()
              .groupBy("path").agg(F.collect_set("p").alias("ps")).collect())
    partitions = {r["path"]: set(r["ps"]) for r in placed}
    assert len(partitions) == 3, partitions
    a, b, c = (partitions[p] for p in inputs)
    assert not (a & b) and not (a & c) and not (b & c), (
        f"help: each file should be split on its own: {partitions}")


def test_the_events_are_those_of_the_command_line(cli_out, spark_out):
    cli, _ = cli_out
    out, status, err, said = spark_out
    assert status == 1, f"help: three lines are bad, so the exit status is 1: {err}"
    want = read(cli, "events")
    got = read(out, "events")
    assert got.num_rows == want.num_rows > 20
    assert sorted(got.column("GLOBALEVENTID").to_pylist()) == sorted(
        want.column("GLOBALEVENTID").to_pylist())
    for table in ("documents", "mentions", "quotations", "deployments"):
        assert read(out, table).num_rows == read(cli, table).num_rows, table
    # The same columns, in the same order, as entente code's tables.
    for table in entente.TABLES:
        assert read(out, table).schema.names == read(cli, table).schema.names, table
    assert f"wrote {read(out, 'documents').num_rows} document(s)" in said


def test_failures_are_reported_as_the_command_line_reports_them(cli_out, spark_out):
    _, cli_err = cli_out
    _, _, err, _ = spark_out
    want = sorted(l for l in cli_err.splitlines() if l.startswith("error:"))
    got = sorted(l for l in err.splitlines() if l.startswith("error:"))
    assert any("a.jsonl (line 8): bad JSON" in l for l in want), cli_err
    assert got == want


def test_copies_of_one_story_in_different_partitions_are_grouped(spark_out):
    out, _, _, said = spark_out
    docs = {r["doc"]: r for r in read(out, "documents").to_pylist()}
    copies = [docs[i] for i in ("seed-wire", "seed-paper", "seed-wire-update")]
    first = copies[0]["doc_id"]
    assert [c["story"] for c in copies] == [first] * 3, (
        "help: the story is named by its earliest copy's content id")
    assert {(c["story_articles"], c["story_sources"]) for c in copies} == {(3, 2)}
    others = [r for d, r in docs.items() if not d.startswith("seed-")]
    assert others and all(r["story"] == r["doc_id"] for r in others)
    assert all((r["story_articles"], r["story_sources"]) == (1, 1) for r in others)

    events = read(out, "events").to_pylist()
    of_story = [e for e in events if e["story"] == first]
    assert {e["doc"] for e in of_story} == {"seed-wire", "seed-paper", "seed-wire-update"}
    assert all(e["NumArticles"] == 3 and e["NumSources"] == 2 for e in of_story)
    assert all(e["NumMentions"] == e["tellings"] + 2 for e in of_story)
    # Counted once per story: what the story column is for.
    once = {(e["story"], e["EventCode"], e["source_actor"], e["target_actor"])
            for e in of_story}
    assert len(once) < len(of_story)
    assert "3 of the documents are copies in 1 story group(s)" in said


def test_the_story_signatures_are_those_of_the_rust_grouping(root):
    wire, paper, update = story_copies(root)
    texts = [entente.clean(c["text"]) for c in (wire, paper, update)]
    sigs = entente.story_signatures(texts + ["Too short to group."])
    minhash = sigs.column("minhash").to_pylist()
    bands = sigs.column("bands").to_pylist()
    assert minhash[3] is None and bands[3] is None
    assert all(len(m) == 128 for m in minhash[:3]) and all(len(b) == 32 for b in bands[:3])
    same = sum(x == y for x, y in zip(minhash[0], minhash[1])) / 128
    assert same >= entente.STORY_THRESHOLD
    assert set(bands[0]) & set(bands[1])


def test_a_read_copy_of_a_document_is_written_once(spark_out):
    out, _, _, _ = spark_out
    docs = read(out, "documents")
    ids = docs.column("doc_id").to_pylist()
    assert len(ids) == len(set(ids))
    # The corpus' first article came twice, under two ids: one is kept.
    kept = {"nz-fiji", "the-same-text-again"} & set(docs.column("doc").to_pylist())
    assert len(kept) == 1, kept


def test_usage_errors_exit_2_before_spark_starts(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "entente.spark", "--input", str(tmp_path), "--output",
         str(tmp_path / "out"), "--published", "not a date"],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert "--published" in done.stderr


@pytest.mark.parametrize("driver_edges", [1_000_000, 0], ids=["on the driver", "on spark"])
def test_groups_are_the_connected_components(spark, driver_edges):
    from entente.spark import connected

    # A chain (a-b, b-c, c-d: a is like b, b like c, a unlike c) is one
    # group; the label is the least key.
    edges = spark.createDataFrame(
        [("b", "c"), ("a", "b"), ("c", "d"), ("x", "y"), ("e", "f"), ("f", "y")],
        "src string, dst string")
    got = {r["v"]: r["label"] for r in connected(edges, driver_edges).collect()}
    assert got == {"a": "a", "b": "a", "c": "a", "d": "a",
                   "e": "e", "f": "e", "x": "e", "y": "e"}
