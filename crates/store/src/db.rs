//! The two back ends behind [`Store`](crate::Store): an SQLite file and a
//! PostgreSQL database (the `postgres` feature).
//!
//! Queries are written once, in the SQL both understand, with SQLite's
//! numbered parameters (`?1`) and rusqlite's parameter and row types; for
//! PostgreSQL an [`Exec`] rewrites the parameters (`$1`), drops SQLite's
//! index hints, binds each value as the type the server asks for, and
//! hands each row to the same mapping code as a slice of values. Where the
//! dialects differ in more than that, the caller asks [`Exec::dialect`].

use rusqlite::types::{FromSql, FromSqlError, ToSqlOutput, Value, ValueRef};
use rusqlite::ToSql;

/// Which SQL a connection speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Sqlite,
    #[cfg_attr(not(feature = "postgres"), allow(dead_code))]
    Postgres,
}

/// A failed statement, from either back end.
#[derive(Debug)]
pub(crate) enum DbError {
    Sqlite(rusqlite::Error),
    #[cfg(feature = "postgres")]
    Postgres(postgres::Error),
    /// A statement was started while another one on the same connection
    /// was still being read (a bug, reported rather than a panic).
    #[cfg_attr(not(feature = "postgres"), allow(dead_code))]
    Reentrant,
    /// The connection was already closed (a bug, reported rather than a
    /// panic).
    #[cfg_attr(not(feature = "postgres"), allow(dead_code))]
    Closed,
}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> Self {
        DbError::Sqlite(e)
    }
}

#[cfg(feature = "postgres")]
impl From<postgres::Error> for DbError {
    fn from(e: postgres::Error) -> Self {
        DbError::Postgres(e)
    }
}

/// A row being read: SQLite's own, or a PostgreSQL row's values.
pub(crate) enum Row<'a> {
    Sqlite(&'a rusqlite::Row<'a>),
    #[cfg_attr(not(feature = "postgres"), allow(dead_code))]
    Values(&'a [Value]),
}

/// A column's position (rusqlite's `RowIndex`, for positions only).
pub(crate) trait ColumnIndex {
    fn position(self) -> usize;
}

impl ColumnIndex for usize {
    fn position(self) -> usize {
        self
    }
}

impl Row<'_> {
    /// Column `idx` as `T`, as rusqlite's `Row::get`.
    pub(crate) fn get<I: ColumnIndex, T: FromSql>(&self, idx: I) -> rusqlite::Result<T> {
        let idx = idx.position();
        match self {
            Row::Sqlite(r) => r.get(idx),
            Row::Values(values) => {
                let v = values
                    .get(idx)
                    .ok_or(rusqlite::Error::InvalidColumnIndex(idx))?;
                T::column_result(ValueRef::from(v)).map_err(|e| match e {
                    FromSqlError::InvalidType => {
                        rusqlite::Error::InvalidColumnType(idx, String::new(), v.data_type())
                    }
                    FromSqlError::OutOfRange(n) => rusqlite::Error::IntegralValueOutOfRange(idx, n),
                    FromSqlError::Other(err) => {
                        rusqlite::Error::FromSqlConversionFailure(idx, v.data_type(), err)
                    }
                    other => rusqlite::Error::FromSqlConversionFailure(
                        idx,
                        v.data_type(),
                        Box::new(other),
                    ),
                })
            }
        }
    }

    /// Column `idx` borrowed, as rusqlite's `Row::get_ref`.
    pub(crate) fn get_ref<I: ColumnIndex>(&self, idx: I) -> rusqlite::Result<ValueRef<'_>> {
        let idx = idx.position();
        match self {
            Row::Sqlite(r) => r.get_ref(idx),
            Row::Values(values) => values
                .get(idx)
                .map(ValueRef::from)
                .ok_or(rusqlite::Error::InvalidColumnIndex(idx)),
        }
    }
}

/// Where statements run: an SQLite connection (or transaction, which
/// derefs to one), or a PostgreSQL client or transaction.
pub(crate) enum Exec<'a> {
    Sqlite(&'a rusqlite::Connection),
    #[cfg(feature = "postgres")]
    Postgres(&'a mut dyn pg::Run),
}

impl Exec<'_> {
    /// Every row `sql` returns, through `map`.
    pub(crate) fn query<T>(
        &mut self,
        sql: &str,
        params: &[&dyn ToSql],
        mut map: impl FnMut(&Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, DbError> {
        match self {
            Exec::Sqlite(conn) => {
                let mut st = conn.prepare_cached(sql)?;
                let rows = st.query_map(params, |r| map(&Row::Sqlite(r)))?;
                Ok(rows.collect::<rusqlite::Result<Vec<T>>>()?)
            }
            #[cfg(feature = "postgres")]
            Exec::Postgres(client) => {
                let values = pg::params(params)?;
                let refs = pg::param_refs(&values);
                let rows = client.run_query(sql, &refs)?;
                let mut out = Vec::with_capacity(rows.len());
                for row in &rows {
                    let values = pg::row_values(row)?;
                    out.push(map(&Row::Values(&values))?);
                }
                Ok(out)
            }
        }
    }

    /// The first row `sql` returns, if any, through `map`.
    pub(crate) fn query_opt<T>(
        &mut self,
        sql: &str,
        params: &[&dyn ToSql],
        map: impl FnMut(&Row) -> rusqlite::Result<T>,
    ) -> Result<Option<T>, DbError> {
        match self {
            Exec::Sqlite(conn) => {
                let mut st = conn.prepare_cached(sql)?;
                let mut map = map;
                let mut rows = st.query(params)?;
                match rows.next()? {
                    Some(r) => Ok(Some(map(&Row::Sqlite(r))?)),
                    None => Ok(None),
                }
            }
            #[cfg(feature = "postgres")]
            Exec::Postgres(_) => Ok(self.query(sql, params, map)?.into_iter().next()),
        }
    }

    /// The first row `sql` returns through `map`; no row is an error.
    pub(crate) fn query_one<T>(
        &mut self,
        sql: &str,
        params: &[&dyn ToSql],
        map: impl FnMut(&Row) -> rusqlite::Result<T>,
    ) -> Result<T, DbError> {
        self.query_opt(sql, params, map)?
            .ok_or(DbError::Sqlite(rusqlite::Error::QueryReturnedNoRows))
    }

    /// Runs `sql`; the number of rows it changed.
    pub(crate) fn execute(&mut self, sql: &str, params: &[&dyn ToSql]) -> Result<u64, DbError> {
        match self {
            Exec::Sqlite(conn) => Ok(conn.prepare_cached(sql)?.execute(params)? as u64),
            #[cfg(feature = "postgres")]
            Exec::Postgres(client) => {
                let values = pg::params(params)?;
                let refs = pg::param_refs(&values);
                Ok(client.run_execute(sql, &refs)?)
            }
        }
    }
}

/// A parameter's value, owned.
#[cfg_attr(not(feature = "postgres"), allow(dead_code))]
pub(crate) fn owned(p: &dyn ToSql) -> rusqlite::Result<Value> {
    Ok(match p.to_sql()? {
        ToSqlOutput::Borrowed(v) => Value::from(v),
        ToSqlOutput::Owned(v) => v,
        other => {
            return Err(rusqlite::Error::ToSqlConversionFailure(
                format!("unsupported parameter {other:?}").into(),
            ))
        }
    })
}

/// An SQLite query for PostgreSQL: `?N` parameters become `$N` and
/// SQLite's index hints (`INDEXED BY name`, `NOT INDEXED`) go; text in
/// quotes is left as it is.
#[cfg_attr(not(feature = "postgres"), allow(dead_code))]
pub(crate) fn to_postgres(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quoted = false;
    for c in sql.chars() {
        if c == '\'' {
            quoted = !quoted;
            out.push(c);
        } else if c == '?' && !quoted {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    // Hints are written as ` INDEXED BY name` and ` NOT INDEXED`, outside
    // quotes (the statements are ours).
    let mut cleaned = String::with_capacity(out.len());
    let mut rest = out.as_str();
    loop {
        let by = rest.find(" INDEXED BY ");
        let not = rest.find(" NOT INDEXED");
        match (by, not) {
            (Some(b), n) if n.is_none_or(|n| b < n) => {
                cleaned.push_str(rest.get(..b).unwrap_or_default());
                let after = rest.get(b + " INDEXED BY ".len()..).unwrap_or_default();
                let end = after
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(after.len());
                rest = after.get(end..).unwrap_or_default();
            }
            (_, Some(n)) => {
                cleaned.push_str(rest.get(..n).unwrap_or_default());
                rest = rest.get(n + " NOT INDEXED".len()..).unwrap_or_default();
            }
            _ => {
                cleaned.push_str(rest);
                break;
            }
        }
    }
    cleaned
}

#[cfg(feature = "postgres")]
pub(crate) mod pg {
    //! The PostgreSQL side: a client with its prepared statements, values
    //! bound as the server's types, rows read back as SQLite values.

    use super::{owned, to_postgres, DbError};
    use postgres::types::{IsNull, ToSql as PgToSql, Type};
    use rusqlite::types::Value;
    use std::collections::HashMap;

    /// A client or a transaction on it, with the statements prepared on
    /// the connection so far. Every call blocks through
    /// [`crate::postgres::blocking`], so it may be made from async code.
    pub(crate) trait Run {
        fn run_query(
            &mut self,
            sql: &str,
            params: &[&(dyn PgToSql + Sync)],
        ) -> Result<Vec<postgres::Row>, DbError>;
        fn run_execute(
            &mut self,
            sql: &str,
            params: &[&(dyn PgToSql + Sync)],
        ) -> Result<u64, DbError>;
    }

    /// Statements prepared on one connection, by their SQLite text.
    pub(crate) type Statements = HashMap<String, postgres::Statement>;

    /// An open connection.
    pub(crate) struct Pg {
        /// `None` only once dropped: the client is closed through
        /// [`crate::postgres::blocking`], as it blocks too.
        pub(crate) client: Option<postgres::Client>,
        pub(crate) statements: Statements,
    }

    impl Pg {
        /// The client, and the statements prepared on it.
        pub(crate) fn parts(
            &mut self,
        ) -> Result<(&mut postgres::Client, &mut Statements), DbError> {
            match self.client.as_mut() {
                Some(client) => Ok((client, &mut self.statements)),
                None => Err(DbError::Closed),
            }
        }
    }

    impl Drop for Pg {
        fn drop(&mut self) {
            // Closing the connection blocks on the client's runtime, and
            // dropping that runtime panics on an async runtime's thread.
            if let Some(client) = self.client.take() {
                crate::postgres::blocking(move || drop(client));
            }
        }
    }

    /// A transaction on a connection, sharing its statements (prepared
    /// statements outlive transactions).
    pub(crate) struct Tx<'a> {
        pub(crate) tx: postgres::Transaction<'a>,
        pub(crate) statements: &'a mut Statements,
    }

    fn prepared<C: postgres::GenericClient>(
        client: &mut C,
        statements: &mut Statements,
        sql: &str,
    ) -> Result<postgres::Statement, postgres::Error> {
        if let Some(st) = statements.get(sql) {
            return Ok(st.clone());
        }
        let st = client.prepare(&to_postgres(sql))?;
        statements.insert(sql.to_string(), st.clone());
        Ok(st)
    }

    impl Run for Pg {
        fn run_query(
            &mut self,
            sql: &str,
            params: &[&(dyn PgToSql + Sync)],
        ) -> Result<Vec<postgres::Row>, DbError> {
            let (client, statements) = self.parts()?;
            crate::postgres::blocking(|| {
                let st = prepared(client, statements, sql)?;
                client.query(&st, params)
            })
            .map_err(DbError::from)
        }
        fn run_execute(
            &mut self,
            sql: &str,
            params: &[&(dyn PgToSql + Sync)],
        ) -> Result<u64, DbError> {
            let (client, statements) = self.parts()?;
            crate::postgres::blocking(|| {
                let st = prepared(client, statements, sql)?;
                client.execute(&st, params)
            })
            .map_err(DbError::from)
        }
    }

    impl Run for Tx<'_> {
        fn run_query(
            &mut self,
            sql: &str,
            params: &[&(dyn PgToSql + Sync)],
        ) -> Result<Vec<postgres::Row>, DbError> {
            let Tx { tx, statements } = self;
            crate::postgres::blocking(|| {
                let st = prepared(tx, statements, sql)?;
                tx.query(&st, params)
            })
            .map_err(DbError::from)
        }
        fn run_execute(
            &mut self,
            sql: &str,
            params: &[&(dyn PgToSql + Sync)],
        ) -> Result<u64, DbError> {
            let Tx { tx, statements } = self;
            crate::postgres::blocking(|| {
                let st = prepared(tx, statements, sql)?;
                tx.execute(&st, params)
            })
            .map_err(DbError::from)
        }
    }

    /// A value bound as whatever type the server gives its parameter.
    #[derive(Debug)]
    pub(crate) struct Param(Value);

    type BoxError = Box<dyn std::error::Error + Sync + Send>;

    impl PgToSql for Param {
        fn to_sql(&self, ty: &Type, out: &mut bytes::BytesMut) -> Result<IsNull, BoxError> {
            match &self.0 {
                Value::Null => Ok(IsNull::Yes),
                Value::Integer(i) => match *ty {
                    Type::INT8 => i.to_sql(ty, out),
                    Type::INT4 => i32::try_from(*i)?.to_sql(ty, out),
                    Type::INT2 => i16::try_from(*i)?.to_sql(ty, out),
                    Type::FLOAT8 => (*i as f64).to_sql(ty, out),
                    Type::BOOL => (*i != 0).to_sql(ty, out),
                    Type::TEXT | Type::VARCHAR => i.to_string().to_sql(ty, out),
                    _ => Err(format!("an integer bound to a {ty} parameter").into()),
                },
                Value::Real(f) => match *ty {
                    Type::FLOAT8 => f.to_sql(ty, out),
                    Type::FLOAT4 => (*f as f32).to_sql(ty, out),
                    _ => Err(format!("a real bound to a {ty} parameter").into()),
                },
                Value::Text(s) => s.as_str().to_sql(ty, out),
                Value::Blob(b) => b.as_slice().to_sql(ty, out),
            }
        }

        fn accepts(_: &Type) -> bool {
            true
        }

        postgres::types::to_sql_checked!();
    }

    pub(crate) fn params(params: &[&dyn rusqlite::ToSql]) -> Result<Vec<Param>, DbError> {
        params
            .iter()
            .map(|p| owned(*p).map(Param).map_err(DbError::Sqlite))
            .collect()
    }

    pub(crate) fn param_refs(values: &[Param]) -> Vec<&(dyn PgToSql + Sync)> {
        values.iter().map(|v| v as &(dyn PgToSql + Sync)).collect()
    }

    /// A row's values as SQLite's: integers (and booleans) as integers,
    /// floats as reals, text as text, bytes as blobs.
    pub(crate) fn row_values(row: &postgres::Row) -> Result<Vec<Value>, DbError> {
        let mut out = Vec::with_capacity(row.len());
        for (i, col) in row.columns().iter().enumerate() {
            let ty = col.type_();
            let v = match *ty {
                Type::INT8 => row.try_get::<_, Option<i64>>(i)?.map(Value::Integer),
                Type::INT4 => row
                    .try_get::<_, Option<i32>>(i)?
                    .map(|n| Value::Integer(n.into())),
                Type::INT2 => row
                    .try_get::<_, Option<i16>>(i)?
                    .map(|n| Value::Integer(n.into())),
                Type::BOOL => row
                    .try_get::<_, Option<bool>>(i)?
                    .map(|b| Value::Integer(b.into())),
                Type::FLOAT8 => row.try_get::<_, Option<f64>>(i)?.map(Value::Real),
                Type::FLOAT4 => row
                    .try_get::<_, Option<f32>>(i)?
                    .map(|f| Value::Real(f.into())),
                Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
                    row.try_get::<_, Option<String>>(i)?.map(Value::Text)
                }
                Type::BYTEA => row.try_get::<_, Option<Vec<u8>>>(i)?.map(Value::Blob),
                _ => {
                    return Err(DbError::Sqlite(rusqlite::Error::FromSqlConversionFailure(
                        i,
                        rusqlite::types::Type::Null,
                        format!("column {} of PostgreSQL type {ty}", col.name()).into(),
                    )))
                }
            };
            out.push(v.unwrap_or(Value::Null));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_text_has_numbered_dollars_and_no_hints() {
        assert_eq!(
            to_postgres("SELECT * FROM events INDEXED BY events_order WHERE a = ?1 AND b = '?2'"),
            "SELECT * FROM events WHERE a = $1 AND b = '?2'"
        );
        assert_eq!(
            to_postgres("SELECT count(*) FROM events NOT INDEXED WHERE id > ?12"),
            "SELECT count(*) FROM events WHERE id > $12"
        );
        assert_eq!(to_postgres("SELECT 1"), "SELECT 1");
    }

    #[test]
    fn rows_of_values_read_as_sqlite_rows() {
        let values = [
            Value::Integer(3),
            Value::Null,
            Value::Text("x".into()),
            Value::Real(1.5),
        ];
        let row = Row::Values(&values);
        assert_eq!(row.get::<_, i64>(0).unwrap(), 3);
        assert!(row.get::<_, bool>(0).unwrap());
        assert_eq!(row.get::<_, Option<String>>(1).unwrap(), None);
        assert_eq!(row.get::<_, String>(2).unwrap(), "x");
        assert_eq!(row.get::<_, f64>(3).unwrap(), 1.5);
        assert!(row.get::<_, i64>(2).is_err());
        assert!(row.get::<_, i64>(9).is_err());
        assert_eq!(row.get_ref(2).unwrap().as_str().unwrap(), "x");
    }
}
