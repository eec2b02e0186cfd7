//! What `entente.spark` (the Spark job) calls on each Arrow batch of a
//! partition: [`code_inputs`] reads the inputs of the batch as `entente
//! code` reads them, codes them, and gives each document's place in the
//! batch and its story signature (`entente_core::story`), so that Spark can
//! drop exact copies and group near-duplicate ones across partitions.
//! [`story_signatures`] gives the signatures of any texts.

use crate::{failed, ingest_failed, pipeline, pool, sink_err, to_python, Coded, Failed};
use arrow_array::builder::{Int64Builder, ListBuilder};
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, Int32Array, ListArray, RecordBatch};
use arrow_pyarrow::{IntoPyArrow, PyArrowType};
use arrow_schema::{DataType, Field, Schema};
use entente_core::story::Signature;
use entente_core::{Document, RawDocument};
use entente_ingest::{read_jsonl_record, read_reader, IngestOptions};
use entente_pipeline::{
    ArrowSink, DocumentResult, Failure, ParquetTable, Pipeline, Sink, SinkError,
};
use entente_store::DocumentRecord;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rayon::prelude::*;
use std::collections::HashSet;
use std::sync::Arc;

/// Records turned into Arrow rows by one task of the pool.
const RECORDS_PER_TASK: usize = 32;

/// The inputs of one batch: JSONL records, or whole files.
enum Inputs {
    /// `(path, at, line)`: one JSONL record each, named `path (at)`.
    Lines(Vec<(String, String, Option<String>)>),
    /// `(path, content)`: one file each, read as `entente code` reads it.
    Files(Vec<(String, Option<Vec<u8>>)>),
}

/// A string column of `batch` by name, as owned strings (null as `None`);
/// `Ok(None)` when there is no such column.
fn strings(batch: &RecordBatch, name: &str) -> PyResult<Option<Vec<Option<String>>>> {
    let Some(column) = batch.column_by_name(name) else {
        return Ok(None);
    };
    let values: Vec<Option<String>> = match column.data_type() {
        DataType::Utf8 => column
            .as_string::<i32>()
            .iter()
            .map(|v| v.map(str::to_string))
            .collect(),
        DataType::LargeUtf8 => column
            .as_string::<i64>()
            .iter()
            .map(|v| v.map(str::to_string))
            .collect(),
        DataType::Utf8View => column
            .as_string_view()
            .iter()
            .map(|v| v.map(str::to_string))
            .collect(),
        other => {
            return Err(PyTypeError::new_err(format!(
                "column {name:?} of the batch is {other}, not a string"
            )))
        }
    };
    Ok(Some(values))
}

/// The binary column `content` of `batch`, as owned bytes.
fn contents(batch: &RecordBatch) -> PyResult<Option<Vec<Option<Vec<u8>>>>> {
    let Some(column) = batch.column_by_name("content") else {
        return Ok(None);
    };
    let values: Vec<Option<Vec<u8>>> = match column.data_type() {
        DataType::Binary => column
            .as_binary::<i32>()
            .iter()
            .map(|v| v.map(<[u8]>::to_vec))
            .collect(),
        DataType::LargeBinary => column
            .as_binary::<i64>()
            .iter()
            .map(|v| v.map(<[u8]>::to_vec))
            .collect(),
        DataType::BinaryView => column
            .as_binary_view()
            .iter()
            .map(|v| v.map(<[u8]>::to_vec))
            .collect(),
        other => {
            return Err(PyTypeError::new_err(format!(
                "column \"content\" of the batch is {other}, not binary"
            )))
        }
    };
    Ok(Some(values))
}

impl Inputs {
    fn from_batch(batch: &RecordBatch) -> PyResult<Inputs> {
        let n = batch.num_rows();
        let paths = strings(batch, "path")?
            .ok_or_else(|| PyValueError::new_err("the batch has no column \"path\""))?;
        let path = |i: usize| -> String {
            paths
                .get(i)
                .cloned()
                .flatten()
                .unwrap_or_else(|| "-".to_string())
        };
        if let Some(lines) = strings(batch, "line")? {
            let ats = strings(batch, "at")?.unwrap_or_else(|| vec![None; n]);
            let rows = lines
                .into_iter()
                .zip(ats)
                .enumerate()
                .map(|(i, (line, at))| {
                    (
                        path(i),
                        at.unwrap_or_else(|| format!("row {}", i + 1)),
                        line,
                    )
                })
                .collect();
            return Ok(Inputs::Lines(rows));
        }
        if let Some(files) = contents(batch)? {
            let rows = files
                .into_iter()
                .enumerate()
                .map(|(i, content)| (path(i), content))
                .collect();
            return Ok(Inputs::Files(rows));
        }
        Err(PyValueError::new_err(
            "the batch has neither a column \"line\" (JSONL records) nor \"content\" (files)",
        ))
    }

    /// The raw documents of every input, each with its input's row and its
    /// number among that input's documents, and the inputs that failed.
    fn read(self, opts: &IngestOptions) -> (Vec<(Place, RawDocument)>, Vec<Failed>) {
        let read: Vec<Vec<Result<(Place, RawDocument), Failed>>> = match self {
            Inputs::Lines(rows) => rows
                .into_par_iter()
                .enumerate()
                .map(|(input, (path, at, line))| {
                    let Some(line) = line else {
                        return Vec::new();
                    };
                    match read_jsonl_record(&path, &at, line.as_bytes(), opts) {
                        Ok(Some(raw)) => vec![Ok((Place { input, sub: 0 }, raw))],
                        Ok(None) => Vec::new(),
                        Err(e) => vec![Err(ingest_failed(&e))],
                    }
                })
                .collect(),
            Inputs::Files(rows) => rows
                .into_par_iter()
                .enumerate()
                .map(|(input, (path, content))| {
                    let content = content.unwrap_or_default();
                    read_reader(&path, std::io::Cursor::new(content), opts)
                        .enumerate()
                        .map(|(sub, doc)| match doc {
                            Ok(raw) => Ok((Place { input, sub }, raw)),
                            Err(e) => Err(ingest_failed(&e)),
                        })
                        .collect()
                })
                .collect(),
        };
        let mut raws = Vec::new();
        let mut failures = Vec::new();
        for doc in read.into_iter().flatten() {
            match doc {
                Ok(raw) => raws.push(raw),
                Err(f) => failures.push(f),
            }
        }
        (raws, failures)
    }
}

/// Where a document came from in its batch: the input's row, and the
/// document's number among that input's (a WARC file gives many).
#[derive(Debug, Clone, Copy)]
struct Place {
    input: usize,
    sub: usize,
}

/// Cleans and codes `raws` on the pool, each content once: a document
/// whose content an earlier one of the batch had is dropped, as `entente
/// code` writes a document once. The records in input order, with their
/// places and signatures.
fn code_places(
    pipeline: &Pipeline,
    raws: Vec<(Place, RawDocument)>,
    failures: &mut Vec<Failed>,
) -> Vec<(Place, Option<Signature>, DocumentRecord)> {
    let cleaned: Vec<(Place, Result<Document, Failure>)> = raws
        .into_par_iter()
        .map(|(place, raw)| (place, pipeline.clean(&raw)))
        .collect();
    let mut seen = HashSet::new();
    let mut fresh = Vec::with_capacity(cleaned.len());
    for (place, doc) in cleaned {
        match doc {
            Ok(doc) if !seen.insert(doc.id.clone()) => {}
            Ok(doc) => fresh.push((place, doc)),
            Err(f) => failures.push(failed(f)),
        }
    }
    let coded: Vec<(Place, Option<Signature>, DocumentResult)> = fresh
        .into_par_iter()
        .map(|(place, doc)| {
            let signature = Signature::of(&doc.text);
            (place, signature, pipeline.code(doc))
        })
        .collect();
    let mut records = Vec::with_capacity(coded.len());
    for (place, signature, record) in coded {
        match record {
            Ok(record) => records.push((place, signature, record)),
            Err(f) => failures.push(failed(f)),
        }
    }
    records
}

/// The signatures' columns: `minhash` (the MinHash minima) and `bands`
/// (the LSH band keys), 64-bit values as Arrow's signed `int64` (the same
/// bits); both null for a text too short to group.
fn signature_columns<'a>(
    signatures: impl Iterator<Item = Option<&'a Signature>>,
) -> (ListArray, ListArray) {
    let mut minhash = ListBuilder::new(Int64Builder::new());
    let mut bands = ListBuilder::new(Int64Builder::new());
    for s in signatures {
        match s {
            Some(s) => {
                for v in s.0 {
                    minhash.values().append_value(v as i64);
                }
                minhash.append(true);
                for k in s.band_keys() {
                    bands.values().append_value(k as i64);
                }
                bands.append(true);
            }
            None => {
                minhash.append(false);
                bands.append(false);
            }
        }
    }
    (minhash.finish(), bands.finish())
}

fn list_field(name: &str) -> Field {
    Field::new(
        name,
        DataType::List(Arc::new(Field::new("item", DataType::Int64, true))),
        true,
    )
}

/// For `entente.spark`: reads and codes one Arrow batch of inputs, on
/// `threads` threads (one: Spark runs a task per core).
///
/// The batch has a string column `path` naming each input and either
/// `line`, one JSONL record each (named `path (at)` by the string column
/// `at`), or `content`, the bytes of one file each (any format `entente
/// code` reads, told by the path's extension, then by the content).
/// `published` is the date of documents that carry none.
///
/// Returns the tables (as `entente.code` does; a content an earlier
/// document of the batch had is coded once), the failures, and a batch
/// with one row per `documents` row, in its order: `input` (the input's
/// row in the batch), `sub` (the document's number among that input's
/// documents), `minhash` and `bands` (its story signature, see
/// [`story_signatures`]).
#[pyfunction]
#[pyo3(signature = (batch, published = None, threads = None))]
pub(crate) fn code_inputs<'py>(
    py: Python<'py>,
    batch: PyArrowType<RecordBatch>,
    published: Option<String>,
    threads: Option<usize>,
) -> PyResult<(Bound<'py, PyDict>, Vec<Failed>, Bound<'py, PyAny>)> {
    let published = crate::publication_date("published", published.as_deref())?;
    let inputs = Inputs::from_batch(&batch.0)?;
    let pipeline = pipeline()?;
    let pool = pool(threads.or(Some(1)))?;
    let (coded, places) = py
        .detach(|| {
            pool.install(|| -> Result<_, SinkError> {
                let opts = IngestOptions {
                    published,
                    ..IngestOptions::default()
                };
                let (raws, mut failures) = inputs.read(&opts);
                let records = code_places(pipeline, raws, &mut failures);
                let (places, records): (Vec<_>, Vec<_>) = records
                    .into_iter()
                    .map(|(place, signature, record)| ((place, signature), record))
                    .unzip();
                let tables = arrow_tables(&records)?;
                Ok((Coded { tables, failures }, places))
            })
        })
        .map_err(sink_err)?;
    let extras = places_batch(&places)?;
    let (tables, failures) = to_python(py, coded)?;
    Ok((tables, failures, extras.into_pyarrow(py)?))
}

/// The records as the Arrow tables of [`ArrowSink`], built in parallel,
/// in order.
pub(crate) fn arrow_tables(
    records: &[DocumentRecord],
) -> Result<Vec<(ParquetTable, Vec<RecordBatch>)>, SinkError> {
    let parts: Vec<Result<_, SinkError>> = records
        .par_chunks(RECORDS_PER_TASK)
        .map(|chunk| {
            let mut sink = ArrowSink::new();
            sink.write_batch(chunk)?;
            sink.into_batches()
        })
        .collect();
    let mut tables: Vec<(ParquetTable, Vec<RecordBatch>)> =
        ParquetTable::ALL.iter().map(|t| (*t, Vec::new())).collect();
    for part in parts {
        for ((_, all), (_, batches)) in tables.iter_mut().zip(part?) {
            all.extend(batches);
        }
    }
    Ok(tables)
}

/// `input`, `sub`, `minhash` and `bands` of each document, in order.
fn places_batch(places: &[(Place, Option<Signature>)]) -> PyResult<RecordBatch> {
    let to_i32 = |v: usize| i32::try_from(v).unwrap_or(i32::MAX);
    let input = Int32Array::from_iter_values(places.iter().map(|(p, _)| to_i32(p.input)));
    let sub = Int32Array::from_iter_values(places.iter().map(|(p, _)| to_i32(p.sub)));
    let (minhash, bands) = signature_columns(places.iter().map(|(_, s)| s.as_ref()));
    let schema = Schema::new(vec![
        Field::new("input", DataType::Int32, false),
        Field::new("sub", DataType::Int32, false),
        list_field("minhash"),
        list_field("bands"),
    ]);
    let columns: Vec<ArrayRef> = vec![
        Arc::new(input),
        Arc::new(sub),
        Arc::new(minhash),
        Arc::new(bands),
    ];
    RecordBatch::try_new(Arc::new(schema), columns)
        .map_err(|e| PyRuntimeError::new_err(format!("the documents' places: {e}")))
}

/// A publication date as `entente code --published` reads it, as
/// `YYYY-MM-DD`; a `ValueError` naming `what` when it is not one.
#[pyfunction]
pub(crate) fn parse_published(what: &str, text: &str) -> PyResult<String> {
    let date = crate::publication_date(what, Some(text))?;
    Ok(date.map(|d| d.to_string()).unwrap_or_default())
}

/// The schemas of the five tables by name: the Parquet tables' columns,
/// then `date`, as [`code_inputs`] gives them (no models are loaded).
#[pyfunction]
pub(crate) fn table_schemas(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let schemas = PyDict::new(py);
    for table in ParquetTable::ALL {
        let schema = ArrowSink::schema(table).as_ref().clone();
        schemas.set_item(table.name(), schema.into_pyarrow(py)?)?;
    }
    Ok(schemas)
}

/// The story signatures of `texts` (cleaned texts, as the `documents`
/// table's `text`): a batch of `minhash` (the 128 MinHash minima) and
/// `bands` (the 32 LSH band keys), both null for a text of fewer than 50
/// words, which is grouped with nothing. Two texts are copies of one story
/// when they share a band key and at least half their minima are equal.
#[pyfunction]
pub(crate) fn story_signatures<'py>(
    py: Python<'py>,
    texts: Vec<Option<String>>,
) -> PyResult<Bound<'py, PyAny>> {
    let pool = pool(None)?;
    let signatures: Vec<Option<Signature>> = py.detach(|| {
        pool.install(|| {
            texts
                .par_iter()
                .map(|t| t.as_deref().and_then(Signature::of))
                .collect()
        })
    });
    let (minhash, bands) = signature_columns(signatures.iter().map(Option::as_ref));
    let schema = Schema::new(vec![list_field("minhash"), list_field("bands")]);
    let columns: Vec<ArrayRef> = vec![Arc::new(minhash), Arc::new(bands)];
    let batch = RecordBatch::try_new(Arc::new(schema), columns)
        .map_err(|e| PyRuntimeError::new_err(format!("the signatures: {e}")))?;
    batch.into_pyarrow(py)
}
