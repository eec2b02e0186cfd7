//! Conversions between the core types and SQLite column values.
//!
//! Enums are stored as their serde names (`"state"`, `"at_most"`), dates as
//! ISO `YYYY-MM-DD`, so the core crate's serde attributes stay the single
//! definition of how they are spelled.

use crate::db::Row;
use chrono::NaiveDate;
use rusqlite::types::Type;
use serde::de::DeserializeOwned;
use serde::Serialize;

const DATE: &str = "%Y-%m-%d";

pub(crate) fn date_text(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format(DATE).to_string())
}

/// The serde name of a unit enum variant.
pub(crate) fn enum_text<T: Serialize>(v: &T) -> std::result::Result<String, String> {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => Ok(s),
        Ok(other) => Err(format!("expected a unit variant, got {other}")),
        Err(e) => Err(e.to_string()),
    }
}

pub(crate) fn json_text<T: Serialize + ?Sized>(v: &T) -> std::result::Result<String, String> {
    serde_json::to_string(v).map_err(|e| e.to_string())
}

/// A byte offset or count as an SQLite integer.
pub(crate) fn int(v: u64, what: &str) -> std::result::Result<i64, String> {
    i64::try_from(v).map_err(|_| format!("{what} {v} does not fit a 64-bit signed integer"))
}

fn bad(idx: usize, ty: Type, msg: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, ty, msg.into())
}

pub(crate) fn col_usize(row: &Row, idx: usize) -> rusqlite::Result<usize> {
    let v: i64 = row.get(idx)?;
    usize::try_from(v).map_err(|_| bad(idx, Type::Integer, format!("{v} is not an offset")))
}

pub(crate) fn col_opt_usize(row: &Row, idx: usize) -> rusqlite::Result<Option<usize>> {
    let v: Option<i64> = row.get(idx)?;
    v.map(|v| {
        usize::try_from(v).map_err(|_| bad(idx, Type::Integer, format!("{v} is not an offset")))
    })
    .transpose()
}

pub(crate) fn col_date(row: &Row, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let v: Option<String> = row.get(idx)?;
    v.map(|s| {
        NaiveDate::parse_from_str(&s, DATE)
            .map_err(|e| bad(idx, Type::Text, format!("date {s:?}: {e}")))
    })
    .transpose()
}

pub(crate) fn col_enum<T: DeserializeOwned>(row: &Row, idx: usize) -> rusqlite::Result<T> {
    let s: String = row.get(idx)?;
    serde_json::from_value(serde_json::Value::String(s.clone()))
        .map_err(|e| bad(idx, Type::Text, format!("{s:?}: {e}")))
}

pub(crate) fn col_opt_enum<T: DeserializeOwned>(
    row: &Row,
    idx: usize,
) -> rusqlite::Result<Option<T>> {
    let s: Option<String> = row.get(idx)?;
    s.map(|s| {
        serde_json::from_value(serde_json::Value::String(s.clone()))
            .map_err(|e| bad(idx, Type::Text, format!("{s:?}: {e}")))
    })
    .transpose()
}

pub(crate) fn col_json<T: DeserializeOwned>(row: &Row, idx: usize) -> rusqlite::Result<T> {
    let s: String = row.get(idx)?;
    serde_json::from_str(&s).map_err(|e| bad(idx, Type::Text, format!("JSON: {e}")))
}

pub(crate) fn col_opt_json<T: DeserializeOwned>(
    row: &Row,
    idx: usize,
) -> rusqlite::Result<Option<T>> {
    let s: Option<String> = row.get(idx)?;
    s.map(|s| serde_json::from_str(&s).map_err(|e| bad(idx, Type::Text, format!("JSON: {e}"))))
        .transpose()
}

/// The smallest string greater than every string starting with `prefix`,
/// or `None` when there is none. Lets a prefix filter use an index as the
/// range `prefix <= col < upper`.
pub(crate) fn prefix_upper(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(c) = chars.pop() {
        let mut next = c as u32 + 1;
        if (0xD800..0xE000).contains(&next) {
            next = 0xE000;
        }
        if let Some(n) = char::from_u32(next) {
            chars.push(n);
            return Some(chars.into_iter().collect());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use entente_core::{ActorKind, Personnel};

    #[test]
    fn enums_use_serde_names() {
        assert_eq!(enum_text(&ActorKind::Igo).unwrap(), "igo");
        assert!(enum_text(&Personnel::AtMost(3)).is_err());
    }

    #[test]
    fn prefix_upper_bounds_the_prefix() {
        assert_eq!(prefix_upper("NZL").as_deref(), Some("NZM"));
        assert_eq!(prefix_upper("").as_deref(), None);
        assert_eq!(prefix_upper("a\u{10FFFF}").as_deref(), Some("b"));
        assert_eq!(prefix_upper("\u{D7FF}").as_deref(), Some("\u{E000}"));
        let upper = prefix_upper("IGO").unwrap();
        assert!("IGOWSTNAT" < upper.as_str() && "IGOWSTNAT" >= "IGO");
    }

    #[test]
    fn int_rejects_overflow() {
        assert_eq!(int(5, "x"), Ok(5));
        assert!(int(u64::MAX, "personnel")
            .unwrap_err()
            .contains("personnel"));
    }
}
