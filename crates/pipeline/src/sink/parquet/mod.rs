//! Parquet tables, partitioned by date: `entente code --format parquet`
//! and `entente export --format parquet` (the `parquet` feature).

mod columns;
mod memory;
mod tables;

pub use memory::ArrowSink;
pub use tables::ParquetTable;

use super::{Sink, SinkError, Written};
use columns::Rows;
use entente_core::DocId;
use entente_store::{DocumentRecord, Story};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

/// Rows gathered for a partition before they go to its file as one batch.
pub(crate) const ROWS_PER_BATCH: usize = 8192;

/// Rows per row group: readers skip row groups by their statistics.
const ROWS_PER_GROUP: usize = 128 * 1024;

/// Part files open at once. A writer holds its row group in memory until
/// the group is full or the file is closed, so a run over many dates
/// closes the file it used least recently and starts the partition's next
/// part file when it comes back to it.
const OPEN_FILES: usize = 64;

/// Writes five Parquet tables under a new directory, one per record kind
/// (`events`, `mentions`, `quotations`, `deployments`, `documents`), each
/// partitioned Hive-style by date: `events/date=2024-06-01/part-00000.parquet`.
/// Events go by the event's date, every other kind by its document's
/// publication date; rows without a date go to
/// `date=__HIVE_DEFAULT_PARTITION__`. `docs/parquet.md` gives every column.
///
/// The directory must be new or empty: a second run into the same
/// directory is refused rather than adding rows a reader would count twice.
/// A document read twice in a run is written once. A part file is written
/// under a hidden temporary name (`.part-00000.parquet.tmp`, which Spark,
/// pyarrow and DuckDB's `*.parquet` skip), synced, and renamed to its final
/// name only when it is complete, when the sink closes it to bound memory or
/// at [`Sink::finish`]; a sink dropped before then removes its temporary
/// files. No reader ever sees half a file under a final name.
#[derive(Debug)]
pub struct ParquetSink {
    dir: PathBuf,
    props: WriterProperties,
    partitions: BTreeMap<(ParquetTable, String), Partition>,
    written: HashSet<DocId>,
    rows: HashMap<ParquetTable, u64>,
    /// Bumped at every write to a file: the least recently used is closed.
    clock: u64,
    open: usize,
    /// Whether [`ParquetSink::create`] made `dir`, whose name its parent
    /// must then keep.
    created: bool,
}

#[derive(Debug)]
struct Partition {
    rows: Rows,
    file: Option<OpenPart>,
    /// Part files started so far.
    parts: usize,
    used: u64,
}

/// A part file being written, under its temporary name.
#[derive(Debug)]
struct OpenPart {
    writer: ArrowWriter<BufWriter<File>>,
    /// Where it is written.
    temp: PathBuf,
    /// Where it goes once complete.
    path: PathBuf,
}

impl OpenPart {
    /// Writes the footer, syncs the file, renames it to its final name and
    /// syncs its directory, so that a crash after the rename keeps the file
    /// under its name; on a failure before the rename removes the temporary
    /// file, and the error names the final one.
    fn publish(self) -> Result<(), SinkError> {
        let OpenPart { writer, temp, path } = self;
        let io = |source| SinkError::Io {
            format: "Parquet",
            destination: path.display().to_string(),
            source,
        };
        let result = writer
            .into_inner()
            .map_err(|source| SinkError::Parquet {
                destination: path.display().to_string(),
                source,
            })
            .and_then(|w| w.into_inner().map_err(|e| io(e.into_error())))
            .and_then(|file| file.sync_all().map_err(io))
            .and_then(|()| {
                std::fs::rename(&temp, &path).map_err(|source| SinkError::Rename {
                    from: temp.display().to_string(),
                    to: path.display().to_string(),
                    source,
                })
            });
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
            return result;
        }
        match path.parent() {
            Some(dir) => sync_dir(dir),
            None => Ok(()),
        }
    }

    /// Gives the file up: closes it without a footer and removes it.
    fn discard(self) {
        drop(self.writer);
        let _ = std::fs::remove_file(&self.temp);
    }
}

/// Syncs a directory, so that the names of the files renamed into it or
/// created in it survive a crash (a file's own `sync_all` keeps its bytes,
/// not its name). Unix only: elsewhere a directory cannot be opened as a
/// file, and the rename is as durable as the platform makes it.
fn sync_dir(dir: &Path) -> Result<(), SinkError> {
    #[cfg(unix)]
    {
        let err = |source| SinkError::SyncDirectory {
            directory: dir.display().to_string(),
            source,
        };
        // `Path::new("")` is the parent of a bare file name: the working
        // directory.
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        File::open(dir).and_then(|d| d.sync_all()).map_err(err)?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The hidden name a part file is written under: readers skip names that
/// begin with `.` (Spark, pyarrow), and `*.parquet` does not match it.
fn temp_name(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.tmp"))
}

impl ParquetSink {
    /// Creates `dir` (and its parents) and a directory per table in it; an
    /// existing `dir` must be empty.
    pub fn create(dir: impl AsRef<Path>) -> Result<ParquetSink, SinkError> {
        let dir = dir.as_ref().to_path_buf();
        let io = |source| SinkError::Io {
            format: "Parquet",
            destination: dir.display().to_string(),
            source,
        };
        let created = !dir.exists();
        if created {
            std::fs::create_dir_all(&dir).map_err(io)?;
        } else if std::fs::read_dir(&dir).map_err(io)?.next().is_some() {
            return Err(SinkError::NotEmpty {
                destination: dir.display().to_string(),
            });
        }
        for t in ParquetTable::ALL {
            std::fs::create_dir_all(dir.join(t.name())).map_err(io)?;
        }
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROWS_PER_GROUP))
            .set_created_by(format!("entente {}", env!("CARGO_PKG_VERSION")))
            .build();
        Ok(ParquetSink {
            dir,
            props,
            partitions: BTreeMap::new(),
            written: HashSet::new(),
            rows: HashMap::new(),
            clock: 0,
            open: 0,
            created,
        })
    }

    /// The rows written (or gathered to be written) to `table` so far.
    pub fn rows(&self, table: ParquetTable) -> u64 {
        self.rows.get(&table).copied().unwrap_or(0)
    }

    /// One line that says how many rows each table got, as the CLI and
    /// `python -m entente` print it.
    pub fn summary(&self) -> String {
        format!(
            "wrote {} document(s), {} actor mention(s), {} event(s), {} quotation(s), {} deployment(s) as Parquet in {}",
            self.rows(ParquetTable::Documents),
            self.rows(ParquetTable::Mentions),
            self.rows(ParquetTable::Events),
            self.rows(ParquetTable::Quotations),
            self.rows(ParquetTable::Deployments),
            self.dir.display()
        )
    }

    /// Writes a batch whose stories are known (an export from the store):
    /// `stories[i]` is the story of `records[i]`, which names the events'
    /// and the document's `story` and counts GDELT's NumArticles,
    /// NumSources and NumMentions over its copies, as the store's GDELT
    /// export does. A missing story counts the document alone.
    pub fn write_stories(
        &mut self,
        records: &[DocumentRecord],
        stories: &[Option<Story>],
    ) -> Result<Written, SinkError> {
        let mut stored = 0;
        for (i, r) in records.iter().enumerate() {
            if !self.written.insert(r.document.id.clone()) {
                continue;
            }
            stored += 1;
            let story = stories.get(i).and_then(Option::as_ref);
            let rows = tables::rows(r, story).map_err(|message| self.record_err(r, message))?;
            for row in rows {
                *self.rows.entry(row.table).or_default() += 1;
                let key = (row.table, row.partition);
                let partition = self.partitions.entry(key.clone()).or_insert_with(|| {
                    let columns = key.0.columns();
                    Partition {
                        rows: Rows::new(columns, columns::schema(columns)),
                        file: None,
                        parts: 0,
                        used: 0,
                    }
                });
                let pushed = partition.rows.push(row.values);
                let full = partition.rows.len() >= ROWS_PER_BATCH;
                pushed.map_err(|message| self.record_err(r, message))?;
                if full {
                    self.flush(&key)?;
                }
            }
        }
        Ok(Written {
            stored,
            duplicates: records.len() - stored,
        })
    }

    fn record_err(&self, r: &DocumentRecord, message: String) -> SinkError {
        SinkError::Record {
            format: "Parquet",
            destination: self.dir.display().to_string(),
            record: r.document.origin.to_string(),
            message,
        }
    }

    fn parquet_err(path: &Path, source: ParquetError) -> SinkError {
        SinkError::Parquet {
            destination: path.display().to_string(),
            source,
        }
    }

    /// The directory of a partition.
    fn partition_dir(&self, (table, date): &(ParquetTable, String)) -> PathBuf {
        self.dir
            .join(table.name())
            .join(format!("{}={date}", tables::PARTITION_KEY))
    }

    /// Writes the rows gathered for a partition to its open part file,
    /// opening one (and closing the least recently used) when none is.
    fn flush(&mut self, key: &(ParquetTable, String)) -> Result<(), SinkError> {
        let needs_file = match self.partitions.get(key) {
            Some(p) if p.rows.len() > 0 => p.file.is_none(),
            _ => return Ok(()),
        };
        if needs_file {
            if self.open >= OPEN_FILES {
                self.close_least_used()?;
            }
            let dir = self.partition_dir(key);
            let parts = self.partitions.get(key).map_or(0, |p| p.parts);
            let path = dir.join(format!("part-{parts:05}.parquet"));
            let temp = temp_name(&path);
            let io = |source| SinkError::Io {
                format: "Parquet",
                destination: path.display().to_string(),
                source,
            };
            std::fs::create_dir_all(&dir).map_err(io)?;
            let file = File::create(&temp).map_err(io)?;
            let writer = match ArrowWriter::try_new(
                BufWriter::new(file),
                columns::schema(key.0.columns()),
                Some(self.props.clone()),
            ) {
                Ok(w) => w,
                Err(e) => {
                    let _ = std::fs::remove_file(&temp);
                    return Err(ParquetSink::parquet_err(&path, e));
                }
            };
            let part = OpenPart { writer, temp, path };
            match self.partitions.get_mut(key) {
                Some(p) => {
                    p.file = Some(part);
                    p.parts += 1;
                    self.open += 1;
                }
                None => part.discard(),
            }
        }
        self.clock += 1;
        let clock = self.clock;
        let Some(p) = self.partitions.get_mut(key) else {
            return Ok(());
        };
        p.used = clock;
        let batch = p
            .rows
            .take()
            .map_err(|e| ParquetError::ArrowError(e.to_string()));
        let result = match (batch, p.file.as_mut()) {
            (Ok(batch), Some(f)) => f.writer.write(&batch),
            (Err(e), _) => Err(e),
            (Ok(_), None) => Ok(()),
        };
        let Err(e) = result else {
            return Ok(());
        };
        // A file that failed half-way is given up, never published.
        let path = match p.file.take() {
            Some(f) => {
                let path = f.path.clone();
                f.discard();
                self.open = self.open.saturating_sub(1);
                path
            }
            None => self.partition_dir(key),
        };
        Err(ParquetSink::parquet_err(&path, e))
    }

    fn close_least_used(&mut self) -> Result<(), SinkError> {
        let oldest = self
            .partitions
            .iter()
            .filter(|(_, p)| p.file.is_some())
            .min_by_key(|(_, p)| p.used)
            .map(|(k, _)| k.clone());
        if let Some(key) = oldest {
            self.close(&key)?;
        }
        Ok(())
    }

    fn close(&mut self, key: &(ParquetTable, String)) -> Result<(), SinkError> {
        let file = self.partitions.get_mut(key).and_then(|p| p.file.take());
        if let Some(f) = file {
            self.open = self.open.saturating_sub(1);
            f.publish()?;
        }
        Ok(())
    }
}

impl Sink for ParquetSink {
    fn write_batch(&mut self, records: &[DocumentRecord]) -> Result<Written, SinkError> {
        self.write_stories(records, &[])
    }

    fn contains(&mut self, id: &DocId) -> Result<bool, SinkError> {
        Ok(self.written.contains(id))
    }

    fn finish(&mut self) -> Result<(), SinkError> {
        let keys: Vec<(ParquetTable, String)> = self.partitions.keys().cloned().collect();
        for key in &keys {
            self.flush(key)?;
            self.close(key)?;
        }
        // Each part file's directory was synced when it was published; the
        // partition and table directories' own names, and the output
        // directory's, are kept here.
        for t in ParquetTable::ALL {
            sync_dir(&self.dir.join(t.name()))?;
        }
        sync_dir(&self.dir)?;
        if self.created {
            if let Some(parent) = self.dir.parent() {
                sync_dir(parent)?;
            }
        }
        Ok(())
    }
}

impl Drop for ParquetSink {
    /// A sink dropped before [`Sink::finish`] (a failed run) removes the
    /// part files it had not completed: they never get a final name.
    fn drop(&mut self) {
        for p in self.partitions.values_mut() {
            if let Some(f) = p.file.take() {
                f.discard();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::tests::record;

    #[test]
    fn an_existing_directory_with_files_is_refused() {
        let dir = tempfile::tempdir().expect("a temp dir");
        std::fs::write(dir.path().join("x"), "x").expect("writes");
        let err = ParquetSink::create(dir.path()).expect_err("not empty");
        assert!(
            matches!(err, SinkError::NotEmpty { .. }),
            "help: a second run must not add rows: {err}"
        );
        assert!(err.to_string().contains("not empty"), "{err}");
    }

    #[test]
    fn a_record_is_counted_once_per_table_row() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let out = dir.path().join("out");
        let mut sink = ParquetSink::create(&out).expect("creates");
        let r = record();
        let first = sink.write_batch(std::slice::from_ref(&r)).expect("writes");
        let again = sink.write_batch(std::slice::from_ref(&r)).expect("writes");
        assert_eq!((first.stored, again.duplicates), (1, 1));
        assert!(Sink::contains(&mut sink, &r.document.id).expect("answers"));
        sink.finish().expect("closes");
        assert_eq!(sink.rows(ParquetTable::Events), r.events.len() as u64);
        assert_eq!(sink.rows(ParquetTable::Documents), 1);
        assert_eq!(sink.rows(ParquetTable::Mentions), r.mentions.len() as u64);
        let day = out.join("documents").join("date=2022-04-08");
        assert!(day.join("part-00000.parquet").is_file(), "{day:?}");
        for t in ParquetTable::ALL {
            assert!(
                out.join(t.name()).is_dir(),
                "help: every table has a directory"
            );
        }
    }

    /// Every file under `dir`, as paths relative to it.
    fn files(dir: &Path) -> Vec<String> {
        let mut out = Vec::new();
        let mut todo = vec![dir.to_path_buf()];
        while let Some(d) = todo.pop() {
            for e in std::fs::read_dir(&d).expect("reads a directory") {
                let path = e.expect("an entry").path();
                if path.is_dir() {
                    todo.push(path);
                } else if let Ok(rel) = path.strip_prefix(dir) {
                    out.push(rel.display().to_string());
                }
            }
        }
        out.sort();
        out
    }

    #[test]
    fn a_part_file_gets_its_final_name_only_when_complete() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let out = dir.path().join("out");
        let mut sink = ParquetSink::create(&out).expect("creates");
        let r = record();
        sink.write_batch(std::slice::from_ref(&r)).expect("writes");
        // Opened and written, not yet complete: hidden under a temp name.
        sink.flush(&(ParquetTable::Documents, "2022-04-08".into()))
            .expect("flushes");
        let day = out.join("documents").join("date=2022-04-08");
        assert!(!day.join("part-00000.parquet").exists());
        assert!(day.join(".part-00000.parquet.tmp").is_file());
        sink.finish().expect("closes");
        let all = files(&out);
        assert!(
            all.iter().all(|f| f.ends_with("/part-00000.parquet")),
            "help: no temporary file is left after a successful run: {all:?}"
        );
        assert!(all.contains(&"documents/date=2022-04-08/part-00000.parquet".to_string()));
        assert!(all.iter().any(|f| f.starts_with("events/date=")), "{all:?}");
        let bytes = std::fs::read(day.join("part-00000.parquet")).expect("reads");
        assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    }

    #[test]
    fn a_sink_dropped_before_finishing_leaves_no_part_file() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let out = dir.path().join("out");
        let mut sink = ParquetSink::create(&out).expect("creates");
        sink.write_batch(&[record()]).expect("writes");
        let keys: Vec<_> = sink.partitions.keys().cloned().collect();
        for k in &keys {
            sink.flush(k).expect("flushes");
        }
        assert!(!files(&out).is_empty(), "help: the files were opened");
        drop(sink);
        assert_eq!(files(&out), Vec::<String>::new());
    }

    #[test]
    fn a_file_that_cannot_get_its_name_is_removed_and_named() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let out = dir.path().join("out");
        let mut sink = ParquetSink::create(&out).expect("creates");
        sink.write_batch(&[record()]).expect("writes");
        // A directory in the way of the final name: the rename fails.
        let day = out.join("documents").join("date=2022-04-08");
        std::fs::create_dir_all(day.join("part-00000.parquet").join("x")).expect("mkdir");
        let err = sink.finish().expect_err("the name is taken");
        assert!(matches!(err, SinkError::Rename { .. }), "{err}");
        assert!(
            err.to_string()
                .contains(&day.join("part-00000.parquet").display().to_string()),
            "help: the error names the file: {err}"
        );
        assert!(!day.join(".part-00000.parquet.tmp").exists());
    }

    #[test]
    fn a_published_file_is_in_its_synced_directory() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let out = dir.path().join("new").join("out");
        let mut sink = ParquetSink::create(&out).expect("creates");
        sink.write_batch(&[record()]).expect("writes");
        let key = (ParquetTable::Documents, "2022-04-08".to_string());
        sink.flush(&key).expect("flushes");
        // Published before the end (as when too many files are open).
        sink.close(&key).expect("publishes");
        let day = out.join("documents").join("date=2022-04-08");
        assert!(day.join("part-00000.parquet").is_file());
        sink.finish().expect("closes and syncs every directory");
        assert!(day.join("part-00000.parquet").is_file());
        assert!(files(&out)
            .iter()
            .all(|f| f.ends_with("/part-00000.parquet")));
    }

    #[test]
    fn a_directory_that_cannot_be_synced_is_named() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let gone = dir.path().join("gone");
        let result = sync_dir(&gone);
        if cfg!(unix) {
            let err = result.expect_err("no such directory");
            assert!(matches!(err, SinkError::SyncDirectory { .. }), "{err}");
            assert!(
                err.to_string().contains(&gone.display().to_string()),
                "help: the error names the directory: {err}"
            );
        } else {
            assert!(result.is_ok(), "help: only Unix syncs a directory");
        }
        sync_dir(dir.path()).expect("an existing directory syncs");
        sync_dir(Path::new("")).expect("the working directory syncs");
    }

    #[test]
    fn the_schema_document_lists_every_column_with_its_type() {
        let doc = include_str!("../../../../../docs/parquet.md");
        for t in ParquetTable::ALL {
            let section = doc
                .split("\n## ")
                .find(|s| s.starts_with(&format!("`{}`", t.name())))
                .unwrap_or_else(|| {
                    panic!("help: docs/parquet.md has no `## `{}`` section", t.name())
                });
            for c in t.columns() {
                let line = format!("| `{}` | {} |", c.name, c.ty.doc_name());
                assert!(
                    section.contains(&line),
                    "help: docs/parquet.md's `{}` section lacks the row {line}",
                    t.name()
                );
            }
        }
    }
}
