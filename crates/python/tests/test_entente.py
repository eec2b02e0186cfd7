"""The Python package against the command line, and its own promises:
tables with the Parquet columns, errors naming the record, threads that give
the same tables, the GIL released while Rust works, `python -m entente`."""

import datetime
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pytest

import entente

SEED = "examples/seed/article.txt"
SEED_PUBLISHED = "2022-04-08"
CORPUS = "crates/cli/tests/data/corpus.jsonl"


def cli(entente_bin, root, *args, check=True):
    done = subprocess.run(
        [entente_bin, "code", *args], cwd=root, capture_output=True, text=True
    )
    if check and done.returncode not in (0, 1):
        pytest.fail(f"entente code {' '.join(args)} exited {done.returncode}: {done.stderr}")
    return done


def module(root, *args):
    return subprocess.run(
        [sys.executable, "-m", "entente", *args], cwd=root, capture_output=True, text=True
    )


def event_key(e):
    """What an event is, as the JSON lines give it."""
    target = e.get("target") or {}
    return (
        e["id"], e["cameo"], e.get("plover"), e["source"]["actor"], target.get("actor"),
        e.get("date"), e["negated"], e["sentence"],
        e["evidence"]["start"], e["evidence"]["end"], e["evidence"]["text"],
    )


def row_key(r):
    """The same, from a row of the events table."""
    return (
        r["GLOBALEVENTID"], r["EventCode"], r["plover"], r["source_actor"], r["target_actor"],
        r["date"], r["negated"], r["sentence"],
        r["evidence_start"], r["evidence_end"], r["evidence_text"],
    )


def test_the_seed_article_gives_the_events_of_the_command_line(entente_bin, root):
    lines = cli(entente_bin, root, SEED, "--published", SEED_PUBLISHED, "--format", "jsonl")
    events = [json.loads(l) for l in lines.stdout.splitlines()]
    want = [event_key(e) for e in events if e["kind"] == "event"]
    assert len(want) >= 5, f"help: the seed article should give events: {lines.stderr}"

    text = (root / SEED).read_text(encoding="utf-8")
    got = entente.code([text], published=SEED_PUBLISHED).events
    assert [row_key(r) for r in got.to_pylist()] == want

    # A date object is the same date as its text.
    again = entente.code(text, published=datetime.date(2022, 4, 8)).events
    assert again.equals(got)


def test_process_reads_files_as_the_command_line_does(entente_bin, root):
    lines = cli(entente_bin, root, SEED, CORPUS, "--published", SEED_PUBLISHED)
    records = [json.loads(l) for l in lines.stdout.splitlines()]
    want = sorted(event_key(e) for e in records if e["kind"] == "event")
    t = entente.process([root / SEED, str(root / CORPUS)], SEED_PUBLISHED, errors="skip")
    assert sorted(row_key(r) for r in t.events.to_pylist()) == want
    docs = [r for r in records if r["kind"] == "document"]
    assert t.documents.num_rows == len(docs)
    # The corpus holds bad lines: each is a failure naming its file and line.
    assert t.failures, "help: corpus.jsonl has records that fail"
    for f in t.failures:
        assert f.record.endswith("corpus.jsonl"), f
        assert "corpus.jsonl (line " in f.message, f
    with pytest.raises(entente.DocumentError) as e:
        entente.process(root / CORPUS, SEED_PUBLISHED)
    assert "corpus.jsonl (line " in str(e.value)
    assert e.value.failures == t.failures


def test_tables_have_the_columns_of_the_parquet_tables(root, tmp_path):
    out = tmp_path / "tables"
    done = module(root, SEED, "--published", SEED_PUBLISHED, "--format", "parquet", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "as Parquet in" in done.stdout
    t = entente.code((root / SEED).read_text(encoding="utf-8"), published=SEED_PUBLISHED)
    for name, table in t.items():
        read = ds.dataset(out / name, format="parquet", partitioning="hive").to_table()
        assert table.column_names == read.column_names, name
        assert table.num_rows == read.num_rows, name
        for field in table.schema:
            if field.name != "date":
                assert read.schema.field(field.name).type == field.type, (name, field.name)
        assert table.schema.field("date").type == pa.string()
    assert t.events.num_rows > 0 and set(t.events.column("date").to_pylist()) >= {SEED_PUBLISHED}
    assert t.documents.column("published").to_pylist() == [datetime.date(2022, 4, 8)]
    assert t["events"] is t.events
    assert repr(t).startswith("Tables(documents=1 rows, mentions=")
    with pytest.raises(KeyError):
        t["nothing"]


def test_errors_name_the_record():
    texts = ["France consulted Germany.", "   ", "Japan met Canada.", "\n\n"]
    with pytest.raises(entente.DocumentError) as e:
        entente.code(texts, published="2022-04-08")
    assert e.value.record == "texts[1]"
    assert str(e.value).startswith("texts[1]: no article text left")
    assert "and 1 more failed" in str(e.value)
    assert [f.record for f in e.value.failures] == ["texts[1]", "texts[3]"]
    assert isinstance(e.value, ValueError)

    t = entente.code(texts, published="2022-04-08", errors="skip")
    assert t.documents.column("path").to_pylist() == ["texts[0]", "texts[2]"]
    assert [f.record for f in t.failures] == ["texts[1]", "texts[3]"]

    with pytest.raises(TypeError, match=r"texts\[1\] is int"):
        entente.code(["Japan met Canada.", 7])
    with pytest.raises(ValueError, match=r"published\[1\]"):
        entente.code(["a", "b"], published=["2022-04-08", "not a date"])
    with pytest.raises(ValueError, match="2 texts but 1 publication dates"):
        entente.code(["a", "b"], published=["2022-04-08"])
    with pytest.raises(ValueError, match="threads"):
        entente.code(["a"], threads=0)
    with pytest.raises(ValueError, match="errors"):
        entente.code(["a"], errors="ignore")


def test_ids_name_the_documents():
    t = entente.code(
        ["China urged Australia to respect the sovereignty of the Solomon Islands."],
        published="2022-04-08",
        ids=["solomons-1"],
    )
    assert t.documents.column("external_id").to_pylist() == ["solomons-1"]
    assert set(t.events.column("doc").to_pylist()) == {"solomons-1"}
    assert t.events.num_rows > 0


def test_clean():
    page = "<html><body><article><p>France consulted Germany on Tuesday.</p></article></body></html>"
    assert entente.clean(page, html=True).strip() == "France consulted Germany on Tuesday."
    assert "<p>" in entente.clean(page)
    with pytest.raises(entente.DocumentError, match="no article text left"):
        entente.clean("   ")


def corpus(n):
    """n different short articles from the seed article's sentences."""
    text = (Path(__file__).resolve().parents[3] / SEED).read_text(encoding="utf-8")
    paragraphs = [p for p in text.splitlines() if p.strip()]
    return [
        "\n".join(paragraphs[(i + k) % len(paragraphs)] for k in range(1 + i % 3))
        + f"\nStory {i}."
        for i in range(n)
    ]


def test_threads_give_the_same_tables():
    texts = corpus(24)
    one = entente.code(texts, published="2022-04-08", threads=1)
    two = entente.code(texts, published="2022-04-08", threads=2)
    for name, table in one.items():
        assert table.equals(two[name]), f"help: {name} differs with 2 threads"
    assert one.documents.num_rows == 24


def test_the_gil_is_released_while_rust_codes():
    texts = corpus(300)
    entente.code(texts[:2], published="2022-04-08")  # models loaded
    started, done = threading.Event(), threading.Event()

    def work():
        started.set()
        entente._entente.code(texts, ["2022-04-08"] * len(texts), [None] * len(texts), threads=1)
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    started.wait()
    t0 = last = time.monotonic()
    longest = 0.0
    while not done.is_set():
        now = time.monotonic()
        longest = max(longest, now - last)
        last = now
    worker.join()
    took = time.monotonic() - t0
    assert took > 0.2, "help: make the batch larger so that the test can tell"
    # A held GIL would stop this loop for the whole call.
    assert longest < took / 2, f"the main thread stood still {longest:.3f} s of {took:.3f} s"


def test_python_m_entente_is_entente_code(entente_bin, root, tmp_path):
    for args in (
        [SEED, CORPUS, "--published", SEED_PUBLISHED],
        [SEED, "--published", SEED_PUBLISHED, "--format", "gdelt", "--header"],
        [SEED, "--format", "gdelt"],
    ):
        want = cli(entente_bin, root, *args)
        got = module(root, *args, "--threads", "2")
        assert got.returncode == want.returncode, (args, got.stderr)
        assert got.stdout == want.stdout, args
        errors = lambda done: sorted(l for l in done.stderr.splitlines() if l.startswith("error:"))
        assert errors(got) == errors(want), args
    assert module(root, CORPUS).returncode == 1  # some records fail
    usage = module(root, SEED, "--format", "parquet")
    assert usage.returncode == 2 and "--out DIR" in usage.stderr
    assert module(root, SEED, "--published", "yesterday").returncode == 2
    assert module(root).returncode == 2
    full = tmp_path / "full"
    full.mkdir()
    (full / "x").write_text("x")
    refused = module(root, SEED, "--format", "parquet", "--out", str(full))
    assert refused.returncode == 1 and "not empty" in refused.stderr
