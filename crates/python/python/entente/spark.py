"""``python -m entente.spark --input PATH --output DIR``: entente on Spark.

Reads articles (JSONL, Parquet, or whole files: WARC, HTML, text, feeds),
codes each partition with ``mapInArrow`` through the `entente` package, and
writes the five Parquet tables of ``entente code --format parquet``
(docs/parquet.md), each partitioned Hive-style by ``date``. Near-duplicate
copies of one story are grouped across partitions: each document's story
signature (MinHash, cut into LSH band keys; `entente.story_signatures`) is
shuffled on its band keys, the copies found are checked (at least half of
the minima equal) and joined into connected groups, and the group's id is
written as ``story`` in ``documents`` and ``events`` with the GDELT counts
over the group (``NumArticles``, ``NumSources``, ``NumMentions``), as
``entente export`` writes them from the store. A document read more than
once is written once, as ``entente code`` does.

It runs as is in local mode (``--master local[2]`` unless ``spark-submit``
or ``--master`` names another) and under ``spark-submit`` on a cluster,
with this package installed on the executors (docs/spark.md).

Exit status: 0 when every document was coded, 1 when some failed (each on
standard error as ``error: ...``, as ``entente code`` reports them) or the
output directory is not empty, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import sys
import time
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

import pyarrow as pa

# Absolute, so that the file also runs as spark-submit's script.
from entente import TABLES, _entente

#: Input formats: JSONL records, Parquet rows of articles (the JSONL
#: fields as columns), or whole files read as ``entente code`` reads a file.
FORMATS = ("auto", "jsonl", "parquet", "files")

#: The JSONL fields an article may carry (docs: entente_ingest).
ARTICLE_FIELDS = ("id", "text", "html", "url", "title", "published", "source")

#: Extensions read as JSONL by ``--format auto`` (also gzipped).
JSONL_EXTENSIONS = (".jsonl", ".ndjson", ".json")

#: Story graphs of at most this many pairs of copies are joined into
#: groups on the driver (union-find, one collect), larger ones on Spark.
DRIVER_EDGES = 1_000_000

#: Failures printed on standard error; the rest are counted.
MAX_FAILURES_SHOWN = 1000

#: Columns added to every table in the intermediate data: where the row's
#: document was read (for dropping repeated copies), then, for documents,
#: the story signature.
PLACE = ("_row", "_sub")
SIGNATURE = ("_minhash", "_bands")


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m entente.spark",
        description="Code articles on Spark into entente's Parquet tables, "
        "grouping copies of one story across partitions.",
    )
    parser.add_argument(
        "--input", "-i", action="append", required=True, metavar="PATH",
        help="a file or directory (read recursively), on any file system Spark reads "
        "(a local path, hdfs://, s3a://); repeat for more",
    )
    parser.add_argument(
        "--output", "-o", required=True, metavar="DIR",
        help="the directory to write the tables to: it must be new or empty",
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="auto",
        help="jsonl: one article per line; parquet: one per row, with the JSONL fields "
        "as columns; files: each file whole (WARC, HTML, text, RSS/Atom, JSONL), one task "
        "per file at most; auto (default): by the first file's extension (.jsonl, .ndjson, "
        ".json and .gz of them: jsonl; .parquet: parquet; anything else: files)",
    )
    parser.add_argument(
        "--published", metavar="DATE",
        help="publication date (YYYY-MM-DD, RFC 3339 or RFC 2822) of documents that carry none",
    )
    parser.add_argument(
        "--master", metavar="URL",
        help="Spark master (default: spark-submit's, else local[2])",
    )
    parser.add_argument(
        "--partitions", type=int, metavar="N",
        help="split JSONL and Parquet input into at least N partitions "
        "(default: 4 per core of the cluster)",
    )
    parser.add_argument(
        "--verbose", "-v", action="store_true",
        help="say on standard error how long each step took",
    )
    parser.add_argument(
        "--conf", action="append", default=[], metavar="KEY=VALUE",
        help="a Spark setting, as spark-submit's --conf; repeat for more",
    )
    args = parser.parse_args(argv)
    if args.partitions is not None and args.partitions < 1:
        parser.error("--partitions must be at least 1")
    conf: Dict[str, str] = {}
    for item in args.conf:
        key, sep, value = item.partition("=")
        if not sep or not key:
            parser.error(f"--conf {item!r}: write KEY=VALUE")
        conf[key] = value
    if args.published is not None:
        # Checked as `entente code` checks it, before Spark starts.
        try:
            args.published = _entente.parse_published("--published", args.published)
        except ValueError as e:
            parser.error(str(e))
    try:
        from pyspark.sql import SparkSession  # noqa: F401
    except ImportError:
        print("error: the Spark job needs PySpark: pip install 'pyspark[sql]'", file=sys.stderr)
        return 2
    spark = session(args.master, conf)
    try:
        job = Job(spark, args.input, args.output, args.format, args.published, args.partitions,
                  verbose=args.verbose)
        return job.run()
    except UsageError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except OutputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    finally:
        spark.stop()


class UsageError(Exception):
    """A bad input path or format: exit status 2."""


class OutputError(Exception):
    """The output directory cannot be written: exit status 1."""


def session(master: Optional[str], conf: Dict[str, str]):
    """The Spark session: on `master`, else spark-submit's, else local[2],
    with the settings `conf`. In local mode the Python workers run this
    interpreter (where entente is installed) unless PYSPARK_PYTHON says
    otherwise, and shuffles have 4 partitions per core, not 200."""
    from pyspark import SparkConf, SparkContext
    from pyspark.sql import SparkSession

    given: Dict[str, str] = {}
    if "PYSPARK_GATEWAY_PORT" in os.environ:
        # Started by spark-submit: its JVM, with its --master and --conf.
        SparkContext._ensure_initialized()
        given = dict(SparkConf().getAll())
    elif "--master" in os.environ.get("PYSPARK_SUBMIT_ARGS", ""):
        given["spark.master"] = "(PYSPARK_SUBMIT_ARGS)"
    settings = dict(conf)
    if master:
        settings["spark.master"] = master
    elif "spark.master" not in given:
        settings["spark.master"] = "local[2]"
    master = settings.get("spark.master") or given.get("spark.master") or ""
    local = re.fullmatch(r"local(\[(\d+|\*)(,\d+)?\])?", master)
    if local:
        cores = local.group(2) or "1"
        n = os.cpu_count() or 1 if cores == "*" else int(cores)
        if "spark.sql.shuffle.partitions" not in given:
            settings.setdefault("spark.sql.shuffle.partitions", str(4 * n))
        if "PYSPARK_GATEWAY_PORT" not in os.environ:
            # A JVM that lives for one job: its just-in-time compiler's
            # second tier costs more CPU than it saves (half the JVM's
            # CPU on 10,000 documents).
            settings.setdefault("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1")
        if not os.environ.get("PYSPARK_PYTHON") and "spark.pyspark.python" not in given:
            os.environ["PYSPARK_PYTHON"] = settings.get("spark.pyspark.python", sys.executable)
    builder = SparkSession.builder.appName("entente")
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


# --- reading -----------------------------------------------------------------


def _hadoop(spark, path: str):
    jvm = spark.sparkContext._jvm
    p = jvm.org.apache.hadoop.fs.Path(path)
    return p.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()), p


def _hidden(name: str) -> bool:
    return name.startswith(".") or name.startswith("_")


def detect_format(spark, paths: Sequence[str]) -> str:
    """`jsonl`, `parquet` or `files`, from the first file's extension."""
    for path in paths:
        fs, p = _hadoop(spark, path)
        if not fs.exists(p):
            raise UsageError(f"{path}: no such file or directory")
        status = fs.getFileStatus(p)
        if status.isFile():
            return _format_of(p.getName())
        files = fs.listFiles(p, True)
        while files.hasNext():
            f = files.next().getPath()
            rel = f.toString()[len(p.toString()):]
            if any(_hidden(part) for part in rel.split("/") if part):
                continue
            return _format_of(f.getName())
    raise UsageError(f"{', '.join(paths)}: no input files")


def _format_of(name: str) -> str:
    name = name.lower()
    if name.endswith(".gz"):
        name = name[: -len(".gz")]
    if name.endswith(JSONL_EXTENSIONS):
        return "jsonl"
    if name.endswith(".parquet"):
        return "parquet"
    return "files"


def _input_bytes(spark, paths: Sequence[str]) -> int:
    total = 0
    for path in paths:
        fs, p = _hadoop(spark, path)
        total += int(fs.getContentSummary(p).getLength())
    return total


def _plain_path(column):
    """A local file's URI (`file:///a/b`) as its path (`/a/b`)."""
    from pyspark.sql import functions as F

    return F.regexp_replace(column, r"^file:(//)?(?=/)", "")


def read_inputs(spark, paths: Sequence[str], fmt: str):
    """The inputs as a DataFrame for `_code_partition`: `_row` (the input's
    number, in Spark's reading order), `path`, and `line` and `at` (a JSONL
    record and where it is) or `content` (a whole file)."""
    from pyspark.sql import functions as F

    if fmt == "jsonl":
        df = spark.read.option("recursiveFileLookup", "true").text(list(paths))
        df = df.select(
            _plain_path(F.col("_metadata.file_path")).alias("path"),
            F.col("_metadata.file_block_start").alias("start"),
            F.col("value").alias("line"),
        )
    elif fmt == "parquet":
        df = spark.read.option("recursiveFileLookup", "true").parquet(*paths)
        fields = {f.name.lower(): f for f in df.schema.fields}
        if "text" not in fields and "html" not in fields:
            raise UsageError(
                f"{', '.join(paths)}: the Parquet files have neither a `text` nor an `html` "
                f"column (their columns: {', '.join(df.columns)})"
            )
        df = df.select(
            _plain_path(F.col("_metadata.file_path")).alias("path"),
            F.concat(F.lit("row "), (F.col("_metadata.row_index") + 1).cast("string")).alias("at"),
            F.to_json(F.struct(*[_article_field(fields[n]) for n in ARTICLE_FIELDS if n in fields]))
            .alias("line"),
        )
    elif fmt == "files":
        df = (
            spark.read.format("binaryFile")
            .option("recursiveFileLookup", "true")
            .load(list(paths))
            .select(_plain_path(F.col("path")).alias("path"), "content")
        )
    else:
        raise UsageError(f"unknown format {fmt!r}: jsonl, parquet or files")
    return df.withColumn("_row", F.monotonically_increasing_id())


def _article_field(field):
    """A Parquet column as the JSONL field of the same name: dates and
    times as `YYYY-MM-DD`, ids as they are (a string or a number), the rest
    as strings."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    name = field.name.lower()
    col = F.col(f"`{field.name}`")
    if name == "published" and isinstance(field.dataType, (T.DateType, T.TimestampType,
                                                           T.TimestampNTZType)):
        return F.date_format(col, "yyyy-MM-dd").alias(name)
    if name == "id" and isinstance(field.dataType, T.NumericType):
        return col.alias(name)
    return col.cast("string").alias(name)


# --- coding (on the executors) -------------------------------------------------


def _nullable(t: pa.DataType) -> pa.DataType:
    """`t` with every nested field nullable, as Spark reads it."""
    if pa.types.is_struct(t):
        return pa.struct([pa.field(f.name, _nullable(f.type), True) for f in t])
    if pa.types.is_list(t):
        return pa.list_(pa.field(t.value_field.name, _nullable(t.value_type), True))
    return t


def table_schema(name: str) -> pa.Schema:
    """The rows of table `name` between coding and writing: its columns
    (`date` last), then `_row` and `_sub` (where its document was read),
    and for `documents` `_minhash` and `_bands` (its story signature). The
    failures are `failure`: `record` and `message`."""
    if name == "failure":
        return pa.schema([pa.field("record", pa.string()), pa.field("message", pa.string())])
    fields = [pa.field(f.name, _nullable(f.type), True) for f in _entente.table_schemas()[name]]
    fields += [pa.field("_row", pa.int64()), pa.field("_sub", pa.int32())]
    if name == "documents":
        fields += [pa.field(n, pa.list_(pa.int64())) for n in SIGNATURE]
    return pa.schema(fields)


#: What `_code_partition` yields: per batch of inputs and table, one row of
#: the table's name and its rows as an Arrow IPC stream (few large values:
#: cheap to hand to Spark and to stage).
CODED = pa.schema([pa.field("kind", pa.string()), pa.field("data", pa.binary())])


def _locators(batch: pa.RecordBatch, lines: Dict[Tuple[str, int], int]) -> pa.Array:
    """`line N` of each JSONL record: its line in the file when its split
    starts the file, else `line N after byte B` (the N-th line after the
    split's start, the first partial line not counted). `lines` carries
    the count over the batches of a partition."""
    paths = batch.column("path").to_pylist()
    starts = batch.column("start").to_pylist()
    out = []
    for path, start in zip(paths, starts):
        key = (path, start or 0)
        n = lines.get(key, 0) + 1
        lines[key] = n
        out.append(f"line {n}" if not start else f"line {n} after byte {start}")
    return pa.array(out, pa.string())


def _code_partition(batches: Iterable[pa.RecordBatch], published: Optional[str],
                    cpu=None) -> Iterator[pa.RecordBatch]:
    """mapInArrow: each batch of inputs read and coded, as `CODED` rows;
    the CPU seconds it took are added to the accumulator `cpu`."""
    started = time.process_time()
    lines: Dict[Tuple[str, int], int] = {}
    schemas = {name: table_schema(name) for name in (*TABLES, "failure")}
    for batch in batches:
        if batch.num_rows == 0:
            continue
        if "content" in batch.schema.names:
            inputs = pa.record_batch({"path": batch.column("path"),
                                      "content": batch.column("content")})
        else:
            at = batch.column("at") if "at" in batch.schema.names else _locators(batch, lines)
            inputs = pa.record_batch({"path": batch.column("path"), "at": at,
                                      "line": batch.column("line")})
        tables, failures, places = _entente.code_inputs(inputs, published=published, threads=1)
        kinds, blobs = [], []
        for name, table in _placed(schemas, batch.column("_row"), tables, failures, places):
            kinds.append(name)
            blobs.append(_ipc(table))
        if kinds:
            yield pa.record_batch([pa.array(kinds, pa.string()), pa.array(blobs, pa.binary())],
                                  schema=CODED)
    if cpu is not None:
        cpu.add(time.process_time() - started)


def _placed(schemas: Dict[str, pa.Schema], row_ids: pa.Array, tables, failures,
            places) -> Iterator[Tuple[str, pa.Table]]:
    """Each table of a coded batch with the columns of `table_schema`."""
    import pyarrow.compute as pc

    docs = tables["documents"]
    # Every row is placed where its document was read: documents by
    # `places` (same order); the others through their doc_id, unique in
    # the batch.
    place_row = pc.take(row_ids, places.column("input"))
    place_sub = places.column("sub")
    for name in TABLES:
        table = tables[name]
        if table.num_rows == 0:
            continue
        if name == "documents":
            extra = [place_row, place_sub, places.column("minhash"), places.column("bands")]
        else:
            at = pc.index_in(table.column("doc_id"), value_set=_array(docs.column("doc_id")))
            extra = [pc.take(place_row, at), pc.take(place_sub, at)]
        schema = schemas[name]
        columns = [_array(c) for c in table.columns] + [_array(c) for c in extra]
        yield name, pa.Table.from_arrays(
            [c.cast(f.type) for c, f in zip(columns, schema)], schema=schema)
    if failures:
        yield "failure", pa.Table.from_arrays(
            [pa.array([r for r, _ in failures], pa.string()),
             pa.array([m for _, m in failures], pa.string())], schema=schemas["failure"])


def _array(c) -> pa.Array:
    return c.combine_chunks() if isinstance(c, pa.ChunkedArray) else c


def _ipc(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    options = pa.ipc.IpcWriteOptions(compression="lz4")
    with pa.ipc.new_stream(sink, table.schema, options=options) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _decode(batches: Iterable[pa.RecordBatch], columns: Sequence[str]) -> Iterator[pa.RecordBatch]:
    """mapInArrow: the rows of the IPC streams of `data`, only `columns`."""
    for batch in batches:
        for blob in batch.column("data"):
            if not blob.is_valid:
                continue
            reader = pa.ipc.open_stream(blob.as_buffer())
            for b in reader:
                yield b.select(list(columns))


# --- the job -------------------------------------------------------------------


class Job:
    """One run: read, code, drop repeated copies, group stories, write."""

    def __init__(self, spark, inputs: Sequence[str], output: str, fmt: str,
                 published: Optional[str], partitions: Optional[int],
                 verbose: bool = False) -> None:
        self.spark = spark
        self.inputs = list(inputs)
        self.output = output.rstrip("/") or output
        self.format = fmt
        self.published = published
        self.partitions = partitions
        self.verbose = verbose
        #: Graphs of at most this many edges are joined into groups on
        #: the driver, larger ones by rounds of Spark jobs.
        self.driver_edges = DRIVER_EDGES
        self.clock = time.perf_counter()

    def step(self, what: str) -> None:
        """With `verbose`, how long the step that ends took."""
        now = time.perf_counter()
        if self.verbose:
            print(f"entente.spark: {what} in {now - self.clock:.1f} s", file=sys.stderr,
                  flush=True)
        self.clock = now

    def path(self, *parts: str) -> str:
        return "/".join([self.output, *parts])

    def run(self) -> int:
        from pyspark.sql.pandas.types import from_arrow_schema

        self.check_output()
        fmt = self.format if self.format != "auto" else detect_format(self.spark, self.inputs)
        self.split(fmt)
        inputs = read_inputs(self.spark, self.inputs, fmt)
        cpu = self.spark.sparkContext.accumulator(0.0)
        code = functools.partial(_code_partition, published=self.published, cpu=cpu)
        coded = inputs.mapInArrow(code, from_arrow_schema(CODED))
        staging = self.path("staging")
        try:
            # Coded once, to a staging directory each table is read back
            # from, removed at the end.
            coded.write.partitionBy("kind").parquet(staging)
            self.step("read and coded")
            # Read back a few batches at a time (each holds the rows of
            # up to a thousand documents).
            self.spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "4")
            status = self.write(self.spark.read.parquet(staging))
            if self.verbose:
                jvm = self.jvm_cpu()
                in_jvm = f", {jvm:.1f} s in the driver's JVM" if jvm is not None else ""
                print(f"entente.spark: CPU: {cpu.value:.1f} s coding in the Python "
                      f"workers{in_jvm}", file=sys.stderr)
            return status
        finally:
            fs, p = _hadoop(self.spark, staging)
            fs.delete(p, True)

    def jvm_cpu(self) -> Optional[float]:
        """CPU seconds the driver's JVM used so far, when this process
        started it (python -m) on Linux; else None."""
        proc = getattr(self.spark.sparkContext._gateway, "proc", None)
        try:
            with open(f"/proc/{proc.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (AttributeError, OSError, ValueError, IndexError):
            return None

    def check_output(self) -> None:
        fs, p = _hadoop(self.spark, self.output)
        if fs.exists(p) and (fs.isFile(p) or len(fs.listStatus(p)) > 0):
            raise OutputError(
                f"cannot write to {self.output}: the directory is not empty (write to a new "
                "directory, or remove this one first, so that no row is written twice)"
            )

    def split(self, fmt: str) -> None:
        """At least `partitions` splits of JSONL and Parquet input (4 per
        core by default), so that a large file is coded on every core."""
        if fmt == "files":
            # A file is read whole by one task, one at a time.
            self.spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "1")
            return
        self.spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "1000")
        n = self.partitions or 4 * self.spark.sparkContext.defaultParallelism
        total = _input_bytes(self.spark, self.inputs)
        self.spark.conf.set("spark.sql.files.minPartitionNum", str(n))
        # Spark splits no finer than a file's "open cost" (4 MB by default).
        per_split = max(64 * 1024, total // n)
        self.spark.conf.set("spark.sql.files.openCostInBytes", str(min(4 << 20, per_split)))

    def write(self, staged) -> int:
        from pyspark.sql import functions as F
        from pyspark.sql.pandas.types import from_arrow_schema

        def table(name: str, columns: Optional[Sequence[str]] = None):
            schema = table_schema(name)
            if columns is not None:
                schema = pa.schema([schema.field(c) for c in columns])
            decode = functools.partial(_decode, columns=schema.names)
            return (staged.filter(F.col("kind") == name).select("data")
                    .mapInArrow(decode, from_arrow_schema(schema)))

        # What dropping repeated copies and grouping stories need of them.
        places = table("documents", ["doc_id", "_row", "_sub"])
        first = small(self.first_copies(places).localCheckpoint())
        self.step("found repeated documents")
        signed = keep_first(table("documents", [
            "doc_id", "published", "source", "url", "_row", "_sub", *SIGNATURE]), first)
        stories = self.stories(signed).localCheckpoint()
        self.step("grouped stories")
        grouped = stories.agg(F.count("*").alias("n"),
                              F.countDistinct("_story").alias("stories")).first()
        stories = small(stories, grouped["n"])
        docs = keep_first(table("documents"), first)
        columns = {name: [f.name for f in schema] for name, schema
                   in _entente.table_schemas().items()}

        if stories is None:
            stories = self.spark.createDataFrame(
                [], "doc_id string, _story string, _articles long, _sources long")
        documents = (
            docs.join(stories, "doc_id", "left")
            .withColumn("story", F.coalesce(F.col("_story"), F.col("doc_id")))
            .withColumn("story_articles", F.coalesce(F.col("_articles"), F.lit(1)).cast("int"))
            .withColumn("story_sources", F.coalesce(F.col("_sources"), F.lit(1)).cast("int"))
        )
        events = keep_first(table("events"), first).join(stories, "doc_id", "left")
        articles = F.coalesce(F.col("_articles"), F.lit(1)).cast("int")
        events = (
            events.withColumn("story", F.coalesce(F.col("_story"), F.col("doc_id")))
            .withColumn("NumArticles", articles)
            .withColumn("NumSources",
                        F.least(F.greatest(F.coalesce(F.col("_sources"), F.lit(1)), F.lit(1)),
                                articles).cast("int"))
            .withColumn("NumMentions", (F.col("tellings") + articles - 1).cast("int"))
        )
        out = {"documents": documents, "events": events}
        for name in ("mentions", "quotations", "deployments"):
            out[name] = keep_first(table(name), first)
        for name in TABLES:
            df = out[name].select(*[F.col(f"`{c}`") for c in columns[name]])
            # One file per date and task of a size AQE chooses, not one per
            # date per coding task (fewer files, and less CPU: measured).
            df.hint("rebalance", "date").write.partitionBy("date").parquet(self.path(name))
            self.step(f"wrote {name}")
        failed = self.report_failures(table("failure"))
        counts = {name: self.count(name) for name in TABLES}
        print(
            f"wrote {counts['documents']} document(s), {counts['mentions']} actor mention(s), "
            f"{counts['events']} event(s), {counts['quotations']} quotation(s), "
            f"{counts['deployments']} deployment(s) as Parquet in {self.output}; "
            f"{grouped['n'] or 0} of the documents are copies in {grouped['stories'] or 0} "
            "story group(s)",
            flush=True,
        )
        return 1 if failed else 0

    def first_copies(self, docs):
        """The documents read more than once: their doc_id and the place of
        the copy kept (the first Spark read), as `entente code` keeps one."""
        from pyspark.sql import functions as F

        return (
            docs.groupBy("doc_id")
            .agg(F.min(F.struct("_row", "_sub")).alias("_first"), F.count("*").alias("_n"))
            .filter(F.col("_n") > 1)
            .select("doc_id", F.col("_first._row").alias("_keep_row"),
                    F.col("_first._sub").alias("_keep_sub"))
        )

    def stories(self, docs):
        """Near-duplicate copies grouped: `doc_id`, `_story` (the doc_id of
        the group's first document: the earliest published, then the least
        doc_id), `_articles` and `_sources`, for the documents of groups of
        two or more."""
        from pyspark.sql import Window
        from pyspark.sql import functions as F

        threshold = float(_entente.STORY_THRESHOLD)
        limit = int(_entente.STORY_BUCKET_LIMIT)
        # A vertex is named by a key whose least is the group's first
        # document: its publication date (undated last), then its doc_id.
        signed = docs.filter(F.col("_bands").isNotNull()).select(
            F.concat(F.coalesce(F.date_format("published", "yyyy-MM-dd"), F.lit("~")),
                     F.lit("|"), F.col("doc_id")).alias("key"),
            "_minhash", "_bands",
        )
        # The shuffle on band keys: documents that share one are candidates.
        # A bucket's first `limit` members are paired with every member (a
        # bucket that full is one story told many times, or boilerplate).
        bands = signed.select("key", F.explode("_bands").alias("band"))
        ranked = bands.withColumn(
            "r", F.row_number().over(Window.partitionBy("band").orderBy("key")))
        a, b = ranked.alias("a"), ranked.alias("b")
        pairs = (
            a.join(b, (F.col("a.band") == F.col("b.band")) & (F.col("a.r") < F.col("b.r"))
                   & (F.col("a.r") <= limit))
            .select(F.col("a.key").alias("src"), F.col("b.key").alias("dst"))
            .distinct()
        )
        minhash = signed.select("key", "_minhash")
        same = F.aggregate(
            F.zip_with("s", "d", lambda x, y: F.when(x == y, 1).otherwise(0)),
            F.lit(0), lambda acc, v: acc + v,
        )
        edges = (
            pairs.join(minhash.select(F.col("key").alias("src"), F.col("_minhash").alias("s")),
                       "src")
            .join(minhash.select(F.col("key").alias("dst"), F.col("_minhash").alias("d")), "dst")
            .filter(same >= F.lit(threshold) * F.size("s"))
            .select("src", "dst")
            .localCheckpoint()
        )
        labels = connected(edges, self.driver_edges)
        info = docs.select(
            "doc_id", F.col("published"),
            F.coalesce(F.col("source"),
                       F.nullif(F.regexp_extract("url", r"^https?://([^/?#]+)", 1), F.lit("")),
                       F.concat(F.lit("document "), F.col("doc_id"))).alias("_outlet"),
        )
        grouped = labels.select(
            F.substring_index("v", "|", -1).alias("doc_id"),
            F.substring_index("label", "|", -1).alias("_story"),
        ).join(info, "doc_id")
        counts = grouped.groupBy("_story").agg(
            F.count("*").alias("_articles"), F.countDistinct("_outlet").alias("_sources"))
        return grouped.join(counts, "_story").select("doc_id", "_story", "_articles", "_sources")

    def report_failures(self, failures) -> int:
        shown = failures.limit(MAX_FAILURES_SHOWN + 1).collect()
        for f in shown[:MAX_FAILURES_SHOWN]:
            print(f"error: {f['message']}", file=sys.stderr)
        total = len(shown) if len(shown) <= MAX_FAILURES_SHOWN else failures.count()
        if total > MAX_FAILURES_SHOWN:
            print(f"error: ... and {total - MAX_FAILURES_SHOWN} more document(s) failed",
                  file=sys.stderr)
        return total

    def count(self, name: str) -> int:
        fs, p = _hadoop(self.spark, self.path(name))
        if not fs.exists(p):
            return 0
        try:
            return self.spark.read.parquet(self.path(name)).count()
        except Exception as e:  # an empty table: no file to infer a schema from
            if "UNABLE_TO_INFER_SCHEMA" in str(e) or "Unable to infer schema" in str(e):
                return 0
            raise


#: A table joined to every row of the large ones is broadcast to the tasks
#: when it has at most this many rows (its rows are short).
BROADCAST_ROWS = 1_000_000


def small(df, rows: Optional[int] = None):
    """`df` marked for broadcast when it has at most `BROADCAST_ROWS` rows
    (counted unless given), so that joining it costs the large tables no
    shuffle; None when it has none."""
    from pyspark.sql import functions as F

    n = df.limit(BROADCAST_ROWS + 1).count() if rows is None else rows
    if n == 0:
        return None
    return F.broadcast(df) if n <= BROADCAST_ROWS else df


def keep_first(table, first):
    """`table` without the rows of repeated copies of a document but the
    first (`first` from `Job.first_copies`, None when there are none), and
    without the place columns."""
    from pyspark.sql import functions as F

    if first is None:
        return table.drop(*PLACE)
    kept = table.join(first, "doc_id", "left").filter(
        F.col("_keep_row").isNull()
        | ((F.col("_row") == F.col("_keep_row")) & (F.col("_sub") == F.col("_keep_sub")))
    )
    return kept.drop("_keep_row", "_keep_sub", *PLACE)


def connected(edges, driver_edges: int = DRIVER_EDGES):
    """The connected groups of the graph `edges` (`src`, `dst`: vertex
    keys): `v` and `label`, the least key of its group, for every vertex
    with an edge. A graph of at most `driver_edges` edges is collected and
    joined on the driver (union-find); a larger one in rounds on Spark:
    labels spread to neighbours, then jump to their label's label, until
    none changes (rounds grow with the log of a group's diameter, and
    near-duplicate groups are small)."""
    from pyspark.sql import functions as F

    spark = edges.sparkSession
    if edges.limit(driver_edges + 1).count() <= driver_edges:
        parent: Dict[str, str] = {}

        def root(v: str) -> str:
            parent.setdefault(v, v)
            while parent[v] != v:
                parent[v] = parent[parent[v]]
                v = parent[v]
            return v

        for row in edges.toLocalIterator():
            a, b = root(row["src"]), root(row["dst"])
            if a != b:
                parent[max(a, b)] = min(a, b)
        rows = [(v, root(v)) for v in list(parent)]
        return spark.createDataFrame(rows, "v string, label string")
    labels = (
        edges.select(F.col("src").alias("v")).union(edges.select(F.col("dst").alias("v")))
        .distinct().withColumn("label", F.col("v"))
    )
    labels = labels.localCheckpoint()
    while True:
        lab = labels.select(F.col("v").alias("u"), F.col("label").alias("l"))
        heard = (
            edges.join(lab.withColumnRenamed("u", "src"), "src").select(F.col("dst").alias("v"), "l")
            .union(edges.join(lab.withColumnRenamed("u", "dst"), "dst")
                   .select(F.col("src").alias("v"), "l"))
            .union(labels.select("v", F.col("label").alias("l")))
            .groupBy("v").agg(F.min("l").alias("label"))
        )
        jumped = (
            heard.alias("h")
            .join(heard.select(F.col("v").alias("w"), F.col("label").alias("wl")),
                  F.col("h.label") == F.col("w"), "left")
            .select("v", F.least(F.col("label"), F.coalesce(F.col("wl"), F.col("label")))
                    .alias("label"))
            .localCheckpoint()
        )
        changed = (
            jumped.join(labels.withColumnRenamed("label", "old"), "v")
            .filter(F.col("label") != F.col("old")).limit(1).count()
        )
        labels = jumped
        if changed == 0:
            return labels


if __name__ == "__main__":
    # Run as a script (spark-submit .../entente/spark.py): call the module's
    # own main, so that what runs on the executors is `entente.spark`'s.
    from entente.spark import main as _main

    sys.exit(_main())
