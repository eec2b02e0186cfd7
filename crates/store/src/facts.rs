//! Querying quotations, deployments and mentions, and the `WHERE` clauses
//! every query builds.

use crate::codec::{
    col_date, col_enum, col_json, col_opt_enum, col_usize, date_text, prefix_upper,
};
use crate::db::{Dialect, Row};
use crate::error::Result;
use crate::store::Store;
use chrono::NaiveDate;
use entente_core::{
    ActorRef, Deployment, EcoString, Evidence, Mention, Personnel, Quotation, Speaker,
};
use rusqlite::types::{Type, Value};

/// Which deployments [`Store::deployments`] returns. Every field left
/// `None` matches everything; set fields must all match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeploymentFilter {
    /// Prefix of the sender's CAMEO code (`NZL` matches `NZLMIL`).
    pub by: Option<String>,
    /// A destination country code, exactly.
    pub to: Option<String>,
    /// Deployments in force on this date: not withdrawn, started on or
    /// before it (the report's publication date stands in for an unknown
    /// start), and not ended before it.
    pub active_on: Option<NaiveDate>,
    /// At most this many deployments.
    pub limit: Option<usize>,
}

/// The `WHERE` clauses of a query and their parameters.
#[derive(Default)]
pub(crate) struct Conditions {
    clauses: Vec<String>,
    params: Vec<Value>,
}

impl Conditions {
    pub(crate) fn param(&mut self, v: impl Into<Value>) -> String {
        self.params.push(v.into());
        format!("?{}", self.params.len())
    }

    pub(crate) fn push(&mut self, clause: String) {
        self.clauses.push(clause);
    }

    /// `col` starts with `prefix`, as a range the column's index can serve.
    pub(crate) fn prefix(&self, col: &str, lo: &str, hi: Option<&str>) -> String {
        match hi {
            Some(hi) => format!("({col} >= {lo} AND {col} < {hi})"),
            None => format!("{col} >= {lo}"),
        }
    }

    pub(crate) fn prefix_params(&mut self, prefix: &str) -> (String, Option<String>) {
        let lo = self.param(prefix.to_string());
        let hi = prefix_upper(prefix).map(|u| self.param(u));
        (lo, hi)
    }

    /// ` WHERE` and the clauses joined by `AND`; empty without clauses.
    pub(crate) fn where_sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.clauses.join(" AND "))
        }
    }

    /// The clauses joined by `AND`; `TRUE` without clauses.
    pub(crate) fn all(&self) -> String {
        if self.clauses.is_empty() {
            "TRUE".to_string()
        } else {
            self.clauses.join(" AND ")
        }
    }

    /// The parameters, in the order the clauses number them.
    pub(crate) fn params(&self) -> Vec<Value> {
        self.params.clone()
    }

    pub(crate) fn sql(&self, select: &str, order: &str, limit: Option<usize>) -> String {
        let mut sql = select.to_string();
        sql.push_str(&self.where_sql());
        sql.push_str(" ORDER BY ");
        sql.push_str(order);
        if let Some(n) = limit {
            sql.push_str(&format!(" LIMIT {}", i64::try_from(n).unwrap_or(i64::MAX)));
        }
        sql
    }
}

impl Store {
    /// Quotations in the order they were stored; with `speaker`, only those
    /// whose speaker's name or code is exactly that.
    pub fn quotations(&self, speaker: Option<&str>) -> Result<Vec<Quotation>> {
        let mut c = Conditions::default();
        if let Some(s) = speaker {
            let p = c.param(s.to_string());
            c.push(format!("(speaker_name = {p} OR speaker_code = {p})"));
        }
        self.quotations_where(c)
    }

    pub(crate) fn quotations_where(&self, c: Conditions) -> Result<Vec<Quotation>> {
        let sql = c.sql(
            "SELECT doc, sentence, speaker_name, speaker_code, target_code, target_actor,
                    target_name, text, evidence_start, evidence_end, evidence_text
             FROM quotations",
            "id",
            None,
        );
        self.query(&sql, c.params, "reading quotations", |r| {
            let name: Option<String> = r.get(2)?;
            Ok(Quotation {
                doc: r.get(0)?,
                sentence: col_usize(r, 1)?,
                speaker: name
                    .map(|name| -> rusqlite::Result<Speaker> {
                        Ok(Speaker {
                            name,
                            code: r.get(3)?,
                        })
                    })
                    .transpose()?,
                target: actor_ref(r, 4)?,
                text: r.get(7)?,
                evidence: evidence(r, 8)?,
            })
        })
    }

    /// Deployments matching `filter`, in the order they were stored.
    pub fn deployments(&self, filter: &DeploymentFilter) -> Result<Vec<Deployment>> {
        let mut c = Conditions::default();
        if let Some(p) = &filter.by {
            let (lo, hi) = c.prefix_params(p);
            let clause = c.prefix("d.by_code", &lo, hi.as_deref());
            c.push(clause);
        }
        if let Some(to) = &filter.to {
            let p = c.param(to.clone());
            c.push(format!(
                "d.id IN (SELECT deployment_id FROM deployment_destinations WHERE country = {p})"
            ));
        }
        if let Some(d) = date_text(filter.active_on) {
            let p = c.param(d);
            c.push(format!(
                "d.status <> 'withdrawn' AND coalesce(d.start_date, docs.published) <= {p}
                 AND (d.end_date IS NULL OR d.end_date >= {p})"
            ));
        }
        self.deployments_where(c, filter.limit)
    }

    pub(crate) fn deployments_where(
        &self,
        c: Conditions,
        limit: Option<usize>,
    ) -> Result<Vec<Deployment>> {
        let destinations = match self.dialect() {
            Dialect::Sqlite => {
                "(SELECT json_group_array(country) FROM
                     (SELECT country FROM deployment_destinations
                      WHERE deployment_id = d.id ORDER BY ord) AS t)"
            }
            Dialect::Postgres => {
                "(SELECT coalesce(json_agg(country ORDER BY ord), '[]')::text
                  FROM deployment_destinations WHERE deployment_id = d.id)"
            }
        };
        let sql = c.sql(
            &format!(
                "SELECT d.doc, d.sentence, d.by_code, {destinations},
                    d.personnel_kind, d.personnel_count, d.role, d.status, d.start_date,
                    d.start_precision, d.review_date, d.end_date, d.requested_by, d.purpose,
                    d.evidence_start, d.evidence_end, d.evidence_text
             FROM deployments d JOIN documents docs ON docs.seq = d.document"
            ),
            "d.id",
            limit,
        );
        self.query(&sql, c.params, "reading deployments", |r| {
            Ok(Deployment {
                doc: r.get(0)?,
                sentence: col_usize(r, 1)?,
                by: r.get(2)?,
                to: col_json(r, 3)?,
                personnel: personnel(r, 4)?,
                role: r.get(6)?,
                status: col_enum(r, 7)?,
                start: col_date(r, 8)?,
                start_precision: col_opt_enum(r, 9)?,
                review_date: col_date(r, 10)?,
                end: col_date(r, 11)?,
                requested_by: r.get(12)?,
                purpose: r.get(13)?,
                evidence: evidence(r, 14)?,
            })
        })
    }

    pub(crate) fn mentions_where(&self, c: Conditions) -> Result<Vec<Mention>> {
        let sql = c.sql(
            "SELECT text, span_start, span_end, code, actor, kind, name, role, sector,
                    affiliation, confidence, candidates
             FROM mentions",
            "id",
            None,
        );
        self.query(&sql, c.params, "reading mentions", |r| {
            Ok(Mention {
                text: col_str(r, 0)?,
                start: col_usize(r, 1)?,
                end: col_usize(r, 2)?,
                code: col_str(r, 3)?,
                actor: col_str(r, 4)?,
                kind: col_enum(r, 5)?,
                name: col_str(r, 6)?,
                role: col_opt_str(r, 7)?,
                sector: col_opt_str(r, 8)?,
                affiliation: col_opt_str(r, 9)?,
                confidence: r.get::<_, f64>(10)? as f32,
                candidates: col_json(r, 11)?,
            })
        })
    }

    pub(crate) fn query<T>(
        &self,
        sql: &str,
        params: Vec<Value>,
        what: &str,
        map: impl FnMut(&Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let params: Vec<&dyn rusqlite::ToSql> =
            params.iter().map(|v| v as &dyn rusqlite::ToSql).collect();
        self.rows(what, sql, &params, map)
    }
}

/// A short text column (a code, a name).
pub(crate) fn col_str(r: &Row, idx: usize) -> rusqlite::Result<EcoString> {
    r.get_ref(idx)?
        .as_str()
        .map(EcoString::from)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e)))
}

/// An optional short text column.
pub(crate) fn col_opt_str(r: &Row, idx: usize) -> rusqlite::Result<Option<EcoString>> {
    r.get_ref(idx)?
        .as_str_or_null()
        .map(|s| s.map(EcoString::from))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e)))
}

/// An optional actor from three columns: code, actor, name.
pub(crate) fn actor_ref(r: &Row, idx: usize) -> rusqlite::Result<Option<ActorRef>> {
    let code: Option<String> = r.get(idx)?;
    code.map(|code| {
        Ok(ActorRef {
            code: code.into(),
            actor: col_str(r, idx + 1)?,
            name: col_str(r, idx + 2)?,
        })
    })
    .transpose()
}

/// Evidence from three columns: start, end, text.
pub(crate) fn evidence(r: &Row, idx: usize) -> rusqlite::Result<Evidence> {
    Ok(Evidence {
        start: col_usize(r, idx)?,
        end: col_usize(r, idx + 1)?,
        text: r.get(idx + 2)?,
    })
}

/// Personnel from two columns: kind and count.
fn personnel(r: &Row, idx: usize) -> rusqlite::Result<Option<Personnel>> {
    let kind: Option<String> = r.get(idx)?;
    let Some(kind) = kind else {
        return Ok(None);
    };
    let n: i64 = r.get(idx + 1)?;
    let bad = |msg: String| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, msg.into());
    let n = u64::try_from(n).map_err(|_| bad(format!("personnel count {n}")))?;
    Ok(Some(match kind.as_str() {
        "exactly" => Personnel::Exactly(n),
        "at_most" => Personnel::AtMost(n),
        "at_least" => Personnel::AtLeast(n),
        "about" => Personnel::About(n),
        other => return Err(bad(format!("personnel kind {other:?}"))),
    }))
}
