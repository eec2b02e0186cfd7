//! Issue 14: `--format parquet` of `entente code` and `entente export`,
//! read back with the parquet crate's own reader.

use super::*;
use ::parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use arrow_array::{Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::DataType;
use std::collections::{BTreeMap, BTreeSet};

const TABLES: [&str; 5] = [
    "documents",
    "mentions",
    "events",
    "quotations",
    "deployments",
];

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus.jsonl")
}

/// A table read back: every batch of every part file, by partition.
struct Read {
    batches: Vec<RecordBatch>,
    /// Rows per partition directory (`date=2024-06-01`).
    partitions: BTreeMap<String, usize>,
}

impl Read {
    fn rows(&self) -> usize {
        self.partitions.values().sum()
    }

    fn column_type(&self, name: &str) -> DataType {
        let batch = self.batches.first().expect("help: the table has rows");
        let schema = batch.schema();
        let field = schema
            .field_with_name(name)
            .unwrap_or_else(|_| panic!("help: no column {name}"));
        field.data_type().clone()
    }

    fn strings(&self, name: &str) -> Vec<Option<String>> {
        let mut out = Vec::new();
        for b in &self.batches {
            let col = b.column_by_name(name).expect("the column");
            let col = col
                .as_any()
                .downcast_ref::<StringArray>()
                .expect("a string column");
            out.extend((0..col.len()).map(|i| (!col.is_null(i)).then(|| col.value(i).to_string())));
        }
        out
    }

    fn ids(&self) -> BTreeSet<i64> {
        let mut out = BTreeSet::new();
        for b in &self.batches {
            let col = b.column_by_name("GLOBALEVENTID").expect("the id column");
            let col = col
                .as_any()
                .downcast_ref::<Int64Array>()
                .expect("GLOBALEVENTID is int64");
            out.extend(col.values().iter().copied());
        }
        out
    }
}

fn read_table(dir: &Path, table: &str) -> Read {
    let mut read = Read {
        batches: Vec::new(),
        partitions: BTreeMap::new(),
    };
    let root = dir.join(table);
    let mut parts: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("help: no table directory {}: {e}", root.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    parts.sort();
    for part in parts {
        let name = part
            .file_name()
            .and_then(|n| n.to_str())
            .expect("a name")
            .to_string();
        assert!(
            part.is_dir() && name.starts_with("date="),
            "help: a table holds only Hive partitions, found {name}"
        );
        let mut rows = 0;
        let mut files: Vec<PathBuf> = std::fs::read_dir(&part)
            .expect("a partition directory")
            .map(|e| e.expect("an entry").path())
            .collect();
        files.sort();
        for file in files {
            assert!(
                file.extension().is_some_and(|e| e == "parquet"),
                "help: only part files in a partition: {}",
                file.display()
            );
            let f = std::fs::File::open(&file).expect("opens");
            let reader = ParquetRecordBatchReaderBuilder::try_new(f)
                .unwrap_or_else(|e| panic!("help: not Parquet {}: {e}", file.display()))
                .build()
                .expect("a reader");
            for batch in reader {
                let batch = batch.expect("a batch reads");
                rows += batch.num_rows();
                read.batches.push(batch);
            }
        }
        read.partitions.insert(name, rows);
    }
    read
}

/// The JSON lines of `entente code`, counted by kind.
fn jsonl_kinds(lines: &[Value]) -> BTreeMap<String, usize> {
    let mut kinds = BTreeMap::new();
    for l in lines {
        *kinds
            .entry(l["kind"].as_str().unwrap_or_default().to_string())
            .or_insert(0) += 1;
    }
    kinds
}

fn code(paths: &[PathBuf], extra: &[&str]) -> Output {
    entente()
        .arg("code")
        .args(paths)
        .args(extra)
        .output()
        .expect("entente code runs")
}

fn code_parquet(paths: &[PathBuf], extra: &[&str], out: &Path) -> Output {
    let mut args = vec!["--format", "parquet", "--out"];
    let out = out.to_str().expect("a UTF-8 temp path");
    args.push(out);
    args.extend_from_slice(extra);
    code(paths, &args)
}

/// Parquet row counts against the JSON lines of the same input.
fn assert_same_counts(jsonl: &[Value], dir: &Path) -> BTreeMap<&'static str, Read> {
    let kinds = jsonl_kinds(jsonl);
    let mut tables = BTreeMap::new();
    for (table, kind) in TABLES.iter().zip([
        "document",
        "actor_mention",
        "event",
        "quotation",
        "deployment",
    ]) {
        let read = read_table(dir, table);
        assert_eq!(
            read.rows(),
            kinds.get(kind).copied().unwrap_or(0),
            "help: the {table} table must have a row per JSON line of kind {kind}"
        );
        tables.insert(*table, read);
    }
    tables
}

#[test]
fn issue14_seed_parquet_has_the_rows_of_the_jsonl_with_gdelt_ids() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("seed");
    let day = ["--published", "2022-04-08"];
    let jsonl = code(&[seed_article()], &day);
    assert!(jsonl.status.success(), "{}", stderr_of(&jsonl));
    let lines = json_lines(&jsonl);
    let pq = code_parquet(&[seed_article()], &day, &out);
    assert!(pq.status.success(), "{}", stderr_of(&pq));
    assert!(
        stdout_of(&pq).contains("event(s)"),
        "help: a summary on stdout: {}",
        stdout_of(&pq)
    );
    let tables = assert_same_counts(&lines, &out);
    let events = &tables["events"];
    assert!(events.rows() > 0, "help: the seed article has events");

    // Partitions: events by their dates, the document by its publication date.
    let want: BTreeSet<String> = lines
        .iter()
        .filter(|l| l["kind"] == "event")
        .map(|l| format!("date={}", l["date"].as_str().expect("a dated event")))
        .collect();
    let got: BTreeSet<String> = events.partitions.keys().cloned().collect();
    assert_eq!(
        got, want,
        "help: events are partitioned by the event's date"
    );
    assert_eq!(
        tables["documents"].partitions.keys().collect::<Vec<_>>(),
        ["date=2022-04-08"]
    );

    // The same GLOBALEVENTIDs as the GDELT TSV, and the same event codes.
    let tsv = code(
        &[seed_article()],
        &[&day[..], &["--format", "gdelt"]].concat(),
    );
    assert!(tsv.status.success());
    let gdelt: BTreeMap<i64, String> = stdout_of(&tsv)
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0].parse().expect("an id"), f[26].to_string())
        })
        .collect();
    assert_eq!(events.ids(), gdelt.keys().copied().collect());
    let codes: BTreeSet<String> = events.strings("EventCode").into_iter().flatten().collect();
    assert_eq!(codes, gdelt.values().cloned().collect());

    // Column types: GDELT's BigQuery types, and entente's own.
    for (name, ty) in [
        ("GLOBALEVENTID", DataType::Int64),
        ("SQLDATE", DataType::Int32),
        ("EventCode", DataType::Utf8),
        ("QuadClass", DataType::Int32),
        ("GoldsteinScale", DataType::Float64),
        ("AvgTone", DataType::Float64),
        ("DATEADDED", DataType::Int64),
        ("plover", DataType::Utf8),
        ("negated", DataType::Boolean),
        ("evidence_start", DataType::Int64),
    ] {
        assert_eq!(events.column_type(name), ty, "help: events.{name}");
    }
    assert_eq!(
        tables["documents"].column_type("published"),
        DataType::Date32
    );
    assert_eq!(
        tables["mentions"].column_type("confidence"),
        DataType::Float32
    );
    assert!(matches!(
        tables["deployments"].column_type("to"),
        DataType::List(_)
    ));
    let plover = events.strings("plover");
    assert!(
        plover.iter().any(Option::is_some),
        "help: PLOVER types are written"
    );
    let docs = events.strings("doc_id");
    assert!(docs
        .iter()
        .all(|d| d.as_deref().is_some_and(|d| d.len() == 32)));
}

#[test]
fn issue14_a_corpus_with_bad_documents_partitions_by_date_and_refuses_a_rerun() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("corpus");
    let jsonl = code(&[corpus()], &[]);
    assert_eq!(jsonl.status.code(), Some(1), "help: the bad lines fail");
    let lines = json_lines(&jsonl);
    let pq = code_parquet(&[corpus()], &[], &out);
    assert_eq!(
        pq.status.code(),
        Some(1),
        "help: bad documents are reported, the rest is written: {}",
        stderr_of(&pq)
    );
    assert_eq!(
        stderr_of(&pq).matches("error:").count(),
        stderr_of(&jsonl).matches("error:").count(),
        "help: the same documents fail in both formats"
    );
    let tables = assert_same_counts(&lines, &out);
    let kinds = jsonl_kinds(&lines);
    for kind in ["event", "quotation", "deployment"] {
        assert!(
            kinds.get(kind).copied().unwrap_or(0) > 0,
            "help: the corpus must give at least one {kind}: {kinds:?}"
        );
    }
    let documents = &tables["documents"];
    let mut dates: Vec<&str> = documents.partitions.keys().map(String::as_str).collect();
    dates.sort_unstable();
    assert_eq!(
        dates,
        [
            "date=2024-05-30",
            "date=2024-06-01",
            "date=2024-06-02",
            "date=__HIVE_DEFAULT_PARTITION__"
        ],
        "help: documents by publication date, the undated one in Hive's null partition"
    );
    let ids: BTreeSet<String> = documents.strings("doc").into_iter().flatten().collect();
    assert_eq!(
        ids,
        ["china-solomons", "nz-fiji", "sanctions", "undated"]
            .into_iter()
            .map(String::from)
            .collect()
    );

    // A second run into the same directory adds nothing.
    let before = read_table(&out, "events").rows();
    let again = code_parquet(&[corpus()], &[], &out);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr_of(&again).contains("not empty"),
        "help: the refusal says why: {}",
        stderr_of(&again)
    );
    assert_eq!(read_table(&out, "events").rows(), before);

    // --out belongs to --format parquet.
    let usage = code(&[corpus()], &["--format", "parquet"]);
    assert_eq!(usage.status.code(), Some(2), "{}", stderr_of(&usage));
    let usage = code(&[corpus()], &["--out", "x"]);
    assert_eq!(usage.status.code(), Some(2), "{}", stderr_of(&usage));
}

#[test]
fn issue14_export_writes_what_the_store_holds_in_every_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("corpus.db");
    let run = entente()
        .arg("run")
        .arg(corpus())
        .arg(seed_article())
        .args(["--published", "2022-04-08", "--db"])
        .arg(&db)
        .output()
        .expect("runs");
    assert_eq!(run.status.code(), Some(1), "{}", stderr_of(&run));
    let counts = entente_store::Store::open(&db)
        .expect("opens")
        .counts()
        .expect("counts");

    let out = dir.path().join("export");
    let export = entente()
        .args(["export", "--format", "parquet", "--db"])
        .arg(&db)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("exports");
    assert!(export.status.success(), "{}", stderr_of(&export));
    let docs = read_table(&out, "documents");
    assert_eq!(docs.rows() as u64, counts.documents);
    let events = read_table(&out, "events");
    assert_eq!(events.rows() as u64, counts.events);
    assert_eq!(read_table(&out, "mentions").rows() as u64, counts.mentions);
    assert_eq!(
        read_table(&out, "quotations").rows() as u64,
        counts.quotations
    );
    assert_eq!(
        read_table(&out, "deployments").rows() as u64,
        counts.deployments
    );
    assert!(
        events.strings("story").iter().all(Option::is_some),
        "help: an export knows every event's story"
    );

    // The same events as GDELT rows and JSON lines.
    let gdelt = entente()
        .args(["export", "--format", "gdelt", "--db"])
        .arg(&db)
        .output()
        .expect("exports");
    assert!(gdelt.status.success(), "{}", stderr_of(&gdelt));
    let ids: BTreeSet<i64> = stdout_of(&gdelt)
        .lines()
        .map(|l| {
            l.split('\t')
                .next()
                .and_then(|i| i.parse().ok())
                .expect("an id")
        })
        .collect();
    assert_eq!(ids, events.ids());
    let jsonl = entente()
        .args(["export", "--format", "jsonl", "--db"])
        .arg(&db)
        .output()
        .expect("exports");
    assert!(jsonl.status.success(), "{}", stderr_of(&jsonl));
    let kinds = jsonl_kinds(&json_lines(&jsonl));
    assert_eq!(
        kinds.get("event").copied().unwrap_or(0) as u64,
        counts.events
    );
    assert_eq!(
        kinds.get("document").copied().unwrap_or(0) as u64,
        counts.documents
    );

    // Exporting again into the same directory is refused.
    let again = entente()
        .args(["export", "--format", "parquet", "--db"])
        .arg(&db)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("exports");
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr_of(&again).contains("not empty"),
        "{}",
        stderr_of(&again)
    );
}
