//! Column types and the buffers that turn rows of values into Arrow arrays.

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float32Builder, Float64Builder, Int32Builder, Int64Builder,
    ListBuilder, StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;
use std::sync::Arc;

/// The type of a column, as the schema document names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ty {
    Str,
    I32,
    I64,
    F32,
    F64,
    Bool,
    Date,
    StrList,
}

impl Ty {
    pub(crate) fn data_type(self) -> DataType {
        match self {
            Ty::Str => DataType::Utf8,
            Ty::I32 => DataType::Int32,
            Ty::I64 => DataType::Int64,
            Ty::F32 => DataType::Float32,
            Ty::F64 => DataType::Float64,
            Ty::Bool => DataType::Boolean,
            Ty::Date => DataType::Date32,
            Ty::StrList => DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
        }
    }

    /// The name `docs/parquet.md` gives the type.
    pub(crate) fn doc_name(self) -> &'static str {
        match self {
            Ty::Str => "string",
            Ty::I32 => "int32",
            Ty::I64 => "int64",
            Ty::F32 => "float",
            Ty::F64 => "double",
            Ty::Bool => "boolean",
            Ty::Date => "date32",
            Ty::StrList => "list<string>",
        }
    }
}

/// A column of a table: its name, type and whether it may be null (what it
/// means is written in `docs/parquet.md`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    pub(crate) name: &'static str,
    pub(crate) ty: Ty,
    pub(crate) nullable: bool,
}

/// One value of a row. `Null` fits every nullable column.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Str(String),
    I32(i32),
    I64(i64),
    F32(f32),
    F64(f64),
    Bool(bool),
    Date(NaiveDate),
    StrList(Vec<String>),
}

impl Value {
    pub(crate) fn opt_str(s: Option<impl Into<String>>) -> Value {
        s.map_or(Value::Null, |s| Value::Str(s.into()))
    }

    pub(crate) fn opt_date(d: Option<NaiveDate>) -> Value {
        d.map_or(Value::Null, Value::Date)
    }

    /// A count or offset: lengths of texts in memory fit an i64.
    pub(crate) fn offset(n: usize) -> Value {
        Value::I64(i64::try_from(n).unwrap_or(i64::MAX))
    }

    /// A small count (a sentence index, a position in a document).
    pub(crate) fn count(n: usize) -> Value {
        Value::I32(i32::try_from(n).unwrap_or(i32::MAX))
    }
}

/// The Arrow schema of a list of columns.
pub(crate) fn schema(columns: &[Column]) -> SchemaRef {
    Arc::new(Schema::new(
        columns
            .iter()
            .map(|c| Field::new(c.name, c.ty.data_type(), c.nullable))
            .collect::<Vec<_>>(),
    ))
}

/// Days from 1970-01-01, Arrow's `date32`.
fn days(d: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(NaiveDate::MIN);
    i32::try_from((d - epoch).num_days()).unwrap_or(i32::MAX)
}

/// The builder of one column.
#[derive(Debug)]
enum Builder {
    Str(StringBuilder),
    I32(Int32Builder),
    I64(Int64Builder),
    F32(Float32Builder),
    F64(Float64Builder),
    Bool(BooleanBuilder),
    Date(Date32Builder),
    StrList(ListBuilder<StringBuilder>),
}

impl Builder {
    fn new(ty: Ty) -> Builder {
        match ty {
            Ty::Str => Builder::Str(StringBuilder::new()),
            Ty::I32 => Builder::I32(Int32Builder::new()),
            Ty::I64 => Builder::I64(Int64Builder::new()),
            Ty::F32 => Builder::F32(Float32Builder::new()),
            Ty::F64 => Builder::F64(Float64Builder::new()),
            Ty::Bool => Builder::Bool(BooleanBuilder::new()),
            Ty::Date => Builder::Date(Date32Builder::new()),
            Ty::StrList => Builder::StrList(ListBuilder::new(StringBuilder::new())),
        }
    }

    /// Appends `v`; false when it does not fit the column's type.
    fn append(&mut self, v: Value) -> bool {
        match (self, v) {
            (Builder::Str(b), Value::Null) => b.append_null(),
            (Builder::Str(b), Value::Str(s)) => b.append_value(s),
            (Builder::I32(b), Value::Null) => b.append_null(),
            (Builder::I32(b), Value::I32(n)) => b.append_value(n),
            (Builder::I64(b), Value::Null) => b.append_null(),
            (Builder::I64(b), Value::I64(n)) => b.append_value(n),
            (Builder::F32(b), Value::Null) => b.append_null(),
            (Builder::F32(b), Value::F32(x)) => b.append_value(x),
            (Builder::F64(b), Value::Null) => b.append_null(),
            (Builder::F64(b), Value::F64(x)) => b.append_value(x),
            (Builder::Bool(b), Value::Null) => b.append_null(),
            (Builder::Bool(b), Value::Bool(x)) => b.append_value(x),
            (Builder::Date(b), Value::Null) => b.append_null(),
            (Builder::Date(b), Value::Date(d)) => b.append_value(days(d)),
            (Builder::StrList(b), Value::Null) => b.append_null(),
            (Builder::StrList(b), Value::StrList(items)) => {
                for s in items {
                    b.values().append_value(s);
                }
                b.append(true);
            }
            _ => return false,
        }
        true
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Str(b) => Arc::new(b.finish()),
            Builder::I32(b) => Arc::new(b.finish()),
            Builder::I64(b) => Arc::new(b.finish()),
            Builder::F32(b) => Arc::new(b.finish()),
            Builder::F64(b) => Arc::new(b.finish()),
            Builder::Bool(b) => Arc::new(b.finish()),
            Builder::Date(b) => Arc::new(b.finish()),
            Builder::StrList(b) => Arc::new(b.finish()),
        }
    }
}

/// Rows of one table being gathered column by column.
#[derive(Debug)]
pub(crate) struct Rows {
    schema: SchemaRef,
    columns: &'static [Column],
    builders: Vec<Builder>,
    len: usize,
}

impl Rows {
    pub(crate) fn new(columns: &'static [Column], schema: SchemaRef) -> Rows {
        Rows {
            schema,
            columns,
            builders: columns.iter().map(|c| Builder::new(c.ty)).collect(),
            len: 0,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Appends a row; on a value that does not fit its column, the name of
    /// the column (and the rows gathered so far are no longer aligned: the
    /// caller stops writing this table).
    pub(crate) fn push(&mut self, row: Vec<Value>) -> Result<(), String> {
        if row.len() != self.columns.len() {
            return Err(format!(
                "a row of {} values for {} columns",
                row.len(),
                self.columns.len()
            ));
        }
        for ((b, v), c) in self.builders.iter_mut().zip(row).zip(self.columns) {
            let null = v == Value::Null;
            if (null && !c.nullable) || !b.append(v) {
                return Err(format!(
                    "a value of the wrong type in column {} ({})",
                    c.name,
                    c.ty.doc_name()
                ));
            }
        }
        self.len += 1;
        Ok(())
    }

    /// The rows gathered so far as a record batch; the buffer is empty after.
    pub(crate) fn take(&mut self) -> Result<RecordBatch, ArrowError> {
        let arrays: Vec<ArrayRef> = self.builders.iter_mut().map(Builder::finish).collect();
        self.len = 0;
        RecordBatch::try_new(self.schema.clone(), arrays)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::Array;

    const COLS: &[Column] = &[
        Column {
            name: "a",
            ty: Ty::Str,
            nullable: false,
        },
        Column {
            name: "b",
            ty: Ty::StrList,
            nullable: true,
        },
        Column {
            name: "c",
            ty: Ty::Date,
            nullable: true,
        },
    ];

    #[test]
    fn rows_become_typed_columns_and_misfits_are_named() {
        let mut rows = Rows::new(COLS, schema(COLS));
        let day = NaiveDate::from_ymd_opt(1970, 1, 11).expect("a date");
        rows.push(vec![
            Value::Str("x".into()),
            Value::StrList(vec!["p".into(), "q".into()]),
            Value::Date(day),
        ])
        .expect("fits");
        rows.push(vec![Value::Str("y".into()), Value::Null, Value::Null])
            .expect("fits");
        assert_eq!(rows.len(), 2);
        let batch = rows.take().expect("a batch");
        assert_eq!(batch.num_rows(), 2);
        assert_eq!(batch.column(1).null_count(), 1);
        let dates = batch
            .column(2)
            .as_any()
            .downcast_ref::<arrow_array::Date32Array>()
            .expect("date32");
        assert_eq!(dates.value(0), 10);
        assert_eq!(rows.len(), 0);

        let err = rows
            .push(vec![Value::Null, Value::Null, Value::Null])
            .expect_err("a null in a required column");
        assert!(err.contains("column a"), "{err}");
        let mut rows = Rows::new(COLS, schema(COLS));
        let err = rows
            .push(vec![Value::Str("x".into()), Value::I32(1), Value::Null])
            .expect_err("an int in a list column");
        assert!(err.contains("column b"), "{err}");
    }
}
