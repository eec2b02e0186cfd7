//! The Parquet tables in memory, as Arrow record batches: what the Python
//! package hands to pyarrow.

use super::columns::{schema, Rows, Value};
use super::tables::{self, ParquetTable, NO_DATE};
use super::ROWS_PER_BATCH;
use crate::sink::{Sink, SinkError, Written};
use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use entente_store::DocumentRecord;

/// Keeps the records it is given in memory as Arrow record batches, one
/// table per record kind, with the columns of the Parquet tables
/// (`docs/parquet.md`) followed by their partition key `date` (a string,
/// null for rows without a date): the columns a reader of [`super::ParquetSink`]'s
/// directories sees. Unlike the Parquet sink it writes every record it is
/// given, as the JSON lines do, so that rows line up with the inputs.
#[derive(Debug)]
pub struct ArrowSink {
    /// In the order of [`ParquetTable::ALL`].
    tables: Vec<Table>,
}

#[derive(Debug)]
struct Table {
    kind: ParquetTable,
    rows: Rows,
    batches: Vec<RecordBatch>,
}

impl Default for ArrowSink {
    fn default() -> Self {
        ArrowSink::new()
    }
}

impl ArrowSink {
    /// An empty sink.
    pub fn new() -> ArrowSink {
        ArrowSink {
            tables: ParquetTable::ALL
                .iter()
                .map(|&kind| Table {
                    kind,
                    rows: Rows::new(kind.columns_with_date(), ArrowSink::schema(kind)),
                    batches: Vec::new(),
                })
                .collect(),
        }
    }

    /// The schema of `table`'s batches: the Parquet table's columns, then
    /// `date`.
    pub fn schema(table: ParquetTable) -> SchemaRef {
        schema(table.columns_with_date())
    }

    /// The batches of every table, in the order of [`ParquetTable::ALL`]
    /// (a table without rows has no batch).
    pub fn into_batches(mut self) -> Result<Vec<(ParquetTable, Vec<RecordBatch>)>, SinkError> {
        for i in 0..self.tables.len() {
            self.flush(i)?;
        }
        Ok(self
            .tables
            .into_iter()
            .map(|t| (t.kind, t.batches))
            .collect())
    }

    fn flush(&mut self, i: usize) -> Result<(), SinkError> {
        let Some(t) = self.tables.get_mut(i) else {
            return Ok(());
        };
        if t.rows.len() == 0 {
            return Ok(());
        }
        let batch = t.rows.take().map_err(|e| SinkError::Record {
            format: "Arrow",
            destination: "memory".into(),
            record: format!("the {} table", t.kind.name()),
            message: e.to_string(),
        })?;
        t.batches.push(batch);
        Ok(())
    }
}

impl Sink for ArrowSink {
    fn write_batch(&mut self, records: &[DocumentRecord]) -> Result<Written, SinkError> {
        for r in records {
            let err = |message| SinkError::Record {
                format: "Arrow",
                destination: "memory".into(),
                record: r.document.origin.to_string(),
                message,
            };
            for row in tables::rows(r, None).map_err(err)? {
                let i = ParquetTable::ALL
                    .iter()
                    .position(|t| *t == row.table)
                    .unwrap_or_default();
                let Some(t) = self.tables.get_mut(i) else {
                    continue;
                };
                let mut values = row.values;
                values.push(if row.partition == NO_DATE {
                    Value::Null
                } else {
                    Value::Str(row.partition)
                });
                t.rows.push(values).map_err(err)?;
                if t.rows.len() >= ROWS_PER_BATCH {
                    self.flush(i)?;
                }
            }
        }
        Ok(Written {
            stored: records.len(),
            duplicates: 0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::tests::record;
    use arrow_array::{Array, StringArray};

    #[test]
    fn every_record_becomes_rows_with_their_date() {
        let r = record();
        let mut sink = ArrowSink::new();
        // Twice: unlike the Parquet sink, every record given is kept.
        sink.write_batch(&[r.clone(), r.clone()]).expect("fits");
        let tables = sink.into_batches().expect("batches");
        let order: Vec<ParquetTable> = tables.iter().map(|(t, _)| *t).collect();
        assert_eq!(order, ParquetTable::ALL);
        for (table, batches) in &tables {
            let want = match table {
                ParquetTable::Documents => 1,
                ParquetTable::Mentions => r.mentions.len(),
                ParquetTable::Events => r.events.len(),
                ParquetTable::Quotations => r.quotations.len(),
                ParquetTable::Deployments => r.deployments.len(),
            };
            let rows: usize = batches.iter().map(RecordBatch::num_rows).sum();
            assert_eq!(rows, 2 * want, "help: {} rows", table.name());
            for b in batches {
                assert_eq!(b.schema(), ArrowSink::schema(*table));
                let last = b.schema().fields().last().map(|f| f.name().clone());
                assert_eq!(last.as_deref(), Some("date"));
            }
        }
        let (_, documents) = &tables[0];
        let dates = documents[0]
            .column_by_name("date")
            .and_then(|c| c.as_any().downcast_ref::<StringArray>().cloned())
            .expect("a string column `date`");
        assert_eq!(dates.value(0), "2022-04-08");
        assert_eq!(dates.null_count(), 0);
    }

    #[test]
    fn a_document_without_a_date_has_a_null_date() {
        let mut r = record();
        r.document.published = None;
        let mut sink = ArrowSink::new();
        sink.write_batch(std::slice::from_ref(&r)).expect("fits");
        let tables = sink.into_batches().expect("batches");
        let (_, documents) = &tables[0];
        let date = documents[0].column_by_name("date").expect("a date column");
        assert_eq!(date.null_count(), 1);
    }
}
