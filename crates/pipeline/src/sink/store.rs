//! The SQLite store as a sink: a batch is one transaction.

use super::{Sink, SinkError, Written};
use entente_core::DocId;
use entente_store::{DocumentRecord, Store};

impl Sink for Store {
    fn write_batch(&mut self, records: &[DocumentRecord]) -> Result<Written, SinkError> {
        let outcome = Store::write_batch(self, records)?;
        Ok(Written {
            stored: outcome.stored,
            duplicates: outcome.duplicates,
        })
    }

    fn contains(&mut self, id: &DocId) -> Result<bool, SinkError> {
        Ok(Store::contains(self, id)?)
    }
}
