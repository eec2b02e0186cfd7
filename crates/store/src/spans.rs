//! Dates and quantities found in a document's text, stored with their
//! spans so that a reader highlights them without finding them again.

use crate::codec::{col_date, col_enum, col_usize};
use crate::error::Result;
use crate::store::Store;
use chrono::NaiveDate;
use entente_core::{DatePrecision, Span};

/// A date expression in the text, resolved against the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateSpan {
    /// Byte span in `Document::text`.
    pub span: Span,
    /// The representative date (a month is its first day).
    pub date: NaiveDate,
    pub precision: DatePrecision,
}

/// A count in the text ("up to five" is 5).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuantitySpan {
    /// Byte span in `Document::text`, qualifier included.
    pub span: Span,
    pub value: f64,
}

/// The dates and quantities of one document, as the annotator found them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextSpans {
    pub dates: Vec<DateSpan>,
    pub quantities: Vec<QuantitySpan>,
}

impl Store {
    /// The stored dates and quantities of the document with stored number
    /// `seq`; `None` when they were not stored with it (a record written
    /// without them, or before schema version 4).
    pub(crate) fn spans_of(&self, seq: i64, id: &str) -> Result<Option<TextSpans>> {
        let found: bool = self.one(
            &format!("reading the spans of document {id}"),
            "SELECT spans_found FROM documents WHERE seq = ?1",
            &[&seq],
            |r| r.get(0),
        )?;
        if !found {
            return Ok(None);
        }
        let span = |r: &crate::db::Row| -> rusqlite::Result<Span> {
            Ok(Span::new(col_usize(r, 0)?, col_usize(r, 1)?))
        };
        let dates = self.rows(
            &format!("reading the dates of document {id}"),
            "SELECT span_start, span_end, date, precision FROM dates
             WHERE document = ?1 ORDER BY ord",
            &[&seq],
            |r| {
                let date = col_date(r, 2)?.ok_or_else(|| {
                    rusqlite::Error::FromSqlConversionFailure(
                        2,
                        rusqlite::types::Type::Null,
                        "a found date without its date".into(),
                    )
                })?;
                Ok(DateSpan {
                    span: span(r)?,
                    date,
                    precision: col_enum(r, 3)?,
                })
            },
        )?;
        let quantities = self.rows(
            &format!("reading the quantities of document {id}"),
            "SELECT span_start, span_end, value FROM quantities
             WHERE document = ?1 ORDER BY ord",
            &[&seq],
            |r| {
                Ok(QuantitySpan {
                    span: span(r)?,
                    value: r.get(2)?,
                })
            },
        )?;
        Ok(Some(TextSpans { dates, quantities }))
    }
}
