//! `entente._entente`, the extension module under entente's Python package
//! (`python/entente`, which is what users import; `docs/python.md`).
//!
//! Three functions do the work, each with the GIL released while Rust runs
//! and the documents spread over a rayon pool of `threads` threads:
//! [`code`] codes texts, [`process`] reads files (every format
//! `entente-ingest` reads) and codes them, and [`code_command`] is
//! `python -m entente`, the command line's `entente code`. The first two
//! return the tables of [`ArrowSink`] (the Parquet tables' columns, then
//! `date`) as pyarrow tables through arrow-rs's pyarrow bindings (the Arrow
//! C data interface), with the documents that failed as `(record, message)`
//! pairs; the Python wrapper turns those into `entente.DocumentError`.
//! [`clean`] cleans one text. [`spark`] holds what the Spark job
//! (`entente.spark`) calls on each batch, and the story signatures.

// Offsets cut text only through `str::get` or `entente_core::text`.
#![deny(clippy::string_slice)]

use arrow_array::RecordBatch;
use arrow_pyarrow::IntoPyArrow;
use entente_core::{Content, Origin, RawDocument};
use entente_ingest::{list_inputs, read_inputs, IngestError, IngestOptions};
use entente_pipeline::{
    ArrowSink, DocumentResult, Failure, GdeltSink, JsonlSink, ParquetSink, ParquetTable, Pipeline,
    PipelineError, Sink, SinkError,
};
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

mod spark;

/// Documents `python -m entente` reads before coding them as one batch.
const DOCUMENTS_PER_BATCH: usize = 256;

/// A document that gave no record: `(record, message)`, the record as its
/// origin names it (`texts[3]`, `docs.jsonl (line 7)`), the message whole.
pub(crate) type Failed = (String, String);

/// The pipeline over the embedded models, built once per process.
pub(crate) fn pipeline() -> PyResult<&'static Pipeline> {
    static PIPELINE: OnceLock<Result<Pipeline, PipelineError>> = OnceLock::new();
    PIPELINE
        .get_or_init(|| Pipeline::builder().preload_models(true).build())
        .as_ref()
        .map_err(|e| PyRuntimeError::new_err(e.to_string()))
}

/// A pool of `threads` threads (all cores when `None`), kept for the next
/// call that asks for as many.
pub(crate) fn pool(threads: Option<usize>) -> PyResult<Arc<rayon::ThreadPool>> {
    static POOLS: Mutex<Vec<(usize, Arc<rayon::ThreadPool>)>> = Mutex::new(Vec::new());
    let n = match threads {
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, usize::from),
    };
    let mut pools = POOLS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((_, p)) = pools.iter().find(|(k, _)| *k == n) {
        return Ok(p.clone());
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("entente-{i}"))
        .build()
        .map(Arc::new)
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start {n} threads: {e}")))?;
    pools.push((n, p.clone()));
    Ok(p)
}

/// A publication date given as text, checked as the command line checks
/// `--published`; `what` names the argument in the error.
pub(crate) fn publication_date(
    what: &str,
    date: Option<&str>,
) -> PyResult<Option<chrono::NaiveDate>> {
    date.map(|d| {
        entente_core::published::parse_publication_date(d)
            .map_err(|e| PyValueError::new_err(format!("{what}: {e}")))
    })
    .transpose()
}

pub(crate) fn failed(f: Failure) -> Failed {
    let message = f.to_string();
    (f.origin, message)
}

pub(crate) fn ingest_failed(e: &IngestError) -> Failed {
    (e.path().to_string(), e.to_string())
}

pub(crate) fn sink_err(e: SinkError) -> PyErr {
    PyRuntimeError::new_err(e.to_string())
}

/// What coding a batch gave: the tables' batches, and the failures.
pub(crate) struct Coded {
    pub(crate) tables: Vec<(ParquetTable, Vec<RecordBatch>)>,
    pub(crate) failures: Vec<Failed>,
}

/// Codes `raws` on the pool and turns the records into Arrow batches, both
/// in parallel, keeping the input order. Runs without the GIL.
fn code_raws(
    pipeline: &Pipeline,
    pool: &rayon::ThreadPool,
    raws: Vec<RawDocument>,
    mut failures: Vec<Failed>,
) -> Result<Coded, SinkError> {
    pool.install(|| {
        let results: Vec<DocumentResult> = raws
            .into_par_iter()
            .map(|raw| pipeline.process(raw))
            .collect();
        let mut records = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok(record) => records.push(record),
                Err(f) => failures.push(failed(f)),
            }
        }
        let tables = spark::arrow_tables(&records)?;
        Ok(Coded { tables, failures })
    })
}

/// The tables as a dict of pyarrow tables by name, and the failures.
pub(crate) fn to_python(
    py: Python<'_>,
    coded: Coded,
) -> PyResult<(Bound<'_, PyDict>, Vec<Failed>)> {
    let tables = PyDict::new(py);
    for (table, batches) in coded.tables {
        let t = arrow_pyarrow::Table::try_new(batches, ArrowSink::schema(table))
            .map_err(|e| PyRuntimeError::new_err(format!("{} table: {e}", table.name())))?;
        tables.set_item(table.name(), t.into_pyarrow(py)?)?;
    }
    Ok((tables, coded.failures))
}

/// Cleans one text (HTML when `html`): the article's text, or the failure
/// `(record, message)` when nothing is left.
#[pyfunction]
#[pyo3(signature = (text, html = false))]
fn clean(py: Python<'_>, text: String, html: bool) -> (Option<String>, Option<Failed>) {
    let content = if html {
        Content::Html(text)
    } else {
        Content::Text(text)
    };
    let raw = RawDocument {
        content,
        ..RawDocument::from_text(Origin::file("text"), None, String::new())
    };
    match py.detach(|| entente_pipeline::clean(&raw)) {
        Ok(doc) => (Some(doc.text), None),
        Err(f) => (None, Some(failed(f))),
    }
}

/// Codes `texts[i]`, published on `published[i]`, with the external id
/// `ids[i]`; a record is named `texts[i]` in failures and in the
/// documents' `path`.
#[pyfunction]
#[pyo3(signature = (texts, published, ids, html = false, threads = None))]
fn code<'py>(
    py: Python<'py>,
    texts: Vec<String>,
    published: Vec<Option<String>>,
    ids: Vec<Option<String>>,
    html: bool,
    threads: Option<usize>,
) -> PyResult<(Bound<'py, PyDict>, Vec<Failed>)> {
    let n = texts.len();
    if published.len() != n || ids.len() != n {
        return Err(PyValueError::new_err(format!(
            "{n} texts but {} publication dates and {} ids",
            published.len(),
            ids.len()
        )));
    }
    let mut raws = Vec::with_capacity(n);
    for (i, ((text, date), id)) in texts.into_iter().zip(published).zip(ids).enumerate() {
        let date = publication_date(&format!("published[{i}]"), date.as_deref())?;
        let origin = Origin::file(format!("texts[{i}]"));
        let mut raw = RawDocument::from_text(origin, date, String::new());
        raw.content = if html {
            Content::Html(text)
        } else {
            Content::Text(text)
        };
        raw.external_id = id;
        raws.push(raw);
    }
    let pipeline = pipeline()?;
    let pool = pool(threads)?;
    let coded = py
        .detach(|| code_raws(pipeline, &pool, raws, Vec::new()))
        .map_err(sink_err)?;
    to_python(py, coded)
}

/// Reads every document of `paths` (files or directories, in any format
/// `entente code` reads) and codes them; `published` is the date of
/// documents that carry none.
#[pyfunction]
#[pyo3(signature = (paths, published = None, threads = None))]
fn process<'py>(
    py: Python<'py>,
    paths: Vec<PathBuf>,
    published: Option<String>,
    threads: Option<usize>,
) -> PyResult<(Bound<'py, PyDict>, Vec<Failed>)> {
    let published = publication_date("published", published.as_deref())?;
    let pipeline = pipeline()?;
    let pool = pool(threads)?;
    let coded = py
        .detach(|| {
            let opts = IngestOptions {
                published,
                ..IngestOptions::default()
            };
            let mut raws = Vec::new();
            let mut failures = Vec::new();
            for doc in read_inputs(list_inputs(&paths), &opts) {
                match doc {
                    Ok(raw) => raws.push(raw),
                    Err(e) => failures.push(ingest_failed(&e)),
                }
            }
            code_raws(pipeline, &pool, raws, failures)
        })
        .map_err(sink_err)?;
    to_python(py, coded)
}

/// Where `python -m entente` writes.
enum Output {
    /// Parquet tables in a directory, summed up on standard output at the end.
    Parquet(Box<ParquetSink>),
    /// JSON lines or GDELT rows on standard output.
    Stream(Box<dyn Sink + Send>),
}

impl Output {
    fn sink(&mut self) -> &mut (dyn Sink + Send) {
        match self {
            Output::Parquet(sink) => sink.as_mut(),
            Output::Stream(sink) => sink.as_mut(),
        }
    }
}

/// `python -m entente`: the command line's `entente code PATH...` with
/// `--format jsonl|gdelt|parquet`, its output on standard output (or
/// `out` for Parquet), failures on standard error as `error: ...`. The
/// exit status: 0 when every document was coded, 1 when some failed.
#[pyfunction]
#[pyo3(signature = (paths, published = None, format = "jsonl", header = false, out = None, threads = None))]
fn code_command(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    published: Option<String>,
    format: &str,
    header: bool,
    out: Option<PathBuf>,
    threads: Option<usize>,
) -> PyResult<i32> {
    let published = publication_date("--published", published.as_deref())?;
    let mut output = match (format, out) {
        ("parquet", Some(dir)) => {
            let sink = ParquetSink::create(&dir).map_err(|e| PyOSError::new_err(e.to_string()))?;
            Output::Parquet(Box::new(sink))
        }
        ("parquet", None) => {
            return Err(PyValueError::new_err(
                "--format parquet writes a directory of tables: name it with --out DIR",
            ))
        }
        (_, Some(_)) => {
            return Err(PyValueError::new_err(
                "--out is for --format parquet; JSON lines and GDELT go to standard output",
            ))
        }
        ("gdelt", None) => {
            let s = GdeltSink::new(stdout(), "standard output");
            Output::Stream(Box::new(if header { s.with_header() } else { s }))
        }
        ("jsonl", None) => Output::Stream(Box::new(JsonlSink::new(stdout(), "standard output"))),
        (other, None) => {
            return Err(PyValueError::new_err(format!(
                "unknown format {other:?}: jsonl, gdelt or parquet"
            )))
        }
    };
    let pipeline = pipeline()?;
    let pool = pool(threads)?;
    let opts = IngestOptions {
        published,
        ..IngestOptions::default()
    };
    let mut documents = read_inputs(list_inputs(&paths), &opts);
    let mut failed = 0usize;
    loop {
        // A batch read and coded without the GIL; `false` once all is read.
        let step = py.detach(|| -> Result<bool, SinkError> {
            let mut batch = Vec::with_capacity(DOCUMENTS_PER_BATCH);
            for doc in documents.by_ref() {
                match doc {
                    Ok(raw) => batch.push(raw),
                    Err(e) => {
                        failed += 1;
                        eprintln!("error: {e}");
                    }
                }
                if batch.len() >= DOCUMENTS_PER_BATCH {
                    break;
                }
            }
            if batch.is_empty() {
                output.sink().finish()?;
                return Ok(false);
            }
            let sink = output.sink();
            let report = pool.install(|| pipeline.process_batch(batch, sink))?;
            for f in &report.failures {
                failed += 1;
                eprintln!("error: {f}");
            }
            Ok(true)
        });
        match step {
            Ok(true) => {}
            Ok(false) => break,
            // The reader went away (`python -m entente ... | head`).
            Err(e) if e.is_closed_pipe() => return Ok(0),
            Err(e) => return Err(sink_err(e)),
        }
        // Ctrl-C is seen between batches.
        py.check_signals()?;
    }
    if let Output::Parquet(sink) = &output {
        let mut out = stdout();
        writeln!(out, "{}", sink.summary())
            .and_then(|()| out.flush())
            .map_err(|e| PyOSError::new_err(format!("cannot write to standard output: {e}")))?;
    }
    Ok(if failed > 0 { 1 } else { 0 })
}

/// Buffered standard output (the file descriptor, not `sys.stdout`).
fn stdout() -> std::io::BufWriter<std::io::Stdout> {
    std::io::BufWriter::with_capacity(1 << 16, std::io::stdout())
}

#[pymodule]
fn _entente(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(clean, m)?)?;
    m.add_function(wrap_pyfunction!(code, m)?)?;
    m.add_function(wrap_pyfunction!(process, m)?)?;
    m.add_function(wrap_pyfunction!(code_command, m)?)?;
    m.add_function(wrap_pyfunction!(spark::code_inputs, m)?)?;
    m.add_function(wrap_pyfunction!(spark::story_signatures, m)?)?;
    m.add_function(wrap_pyfunction!(spark::table_schemas, m)?)?;
    m.add_function(wrap_pyfunction!(spark::parse_published, m)?)?;
    m.add("STORY_THRESHOLD", entente_core::story::THRESHOLD)?;
    m.add("STORY_BUCKET_LIMIT", entente_core::story::BUCKET_LIMIT)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
