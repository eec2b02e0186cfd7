//! Querying events: one filter ([`EventFilter`]) for lists, pages by
//! cursor and counts. The aggregates over the same filter are in
//! `aggregates.rs`.
//!
//! Events are listed by `(sort_key, id)`: by date, undated last, then in
//! the order they were stored. That order is stable when documents are
//! added (a new event sorts after every stored one of its date), so the
//! pair is the cursor of keyset paging: the next page is the events after
//! it, found through an index whatever page is asked for.

use crate::codec::{
    col_date, col_enum, col_json, col_opt_json, col_usize, date_text, prefix_upper,
};
use crate::error::Result;
use crate::facts::{actor_ref, col_opt_str, col_str, evidence, Conditions};
use crate::store::Store;
use chrono::NaiveDate;
use entente_core::{ActorCode, ActorRef, DocId, Event};
use std::collections::HashMap;
use std::fmt;
use std::sync::Mutex;

/// Which events a query selects. Every field left `None` (or empty)
/// matches everything; set fields must all match.
///
/// This is the one definition of event filtering: the store's lists,
/// pages, counts and aggregates, the API and the command line all use it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct EventFilter {
    /// Prefix of the source's CAMEO actor code (`NZL` matches `NZLGOV`).
    pub source: Option<String>,
    /// Prefix of the target's actor code; events without target never match.
    pub target: Option<String>,
    /// Prefix of either the source's or the target's actor code, or either
    /// one's canonical actor id exactly (`NZL`, `IGOWSTNAT`, a person's id).
    pub actor: Option<String>,
    /// Prefix of the CAMEO event code (`04` matches `042`, `0431`).
    pub cameo: Option<String>,
    /// PLOVER event type, exactly (`CONSULT`).
    pub plover: Option<String>,
    /// Quad classes to keep (1 verbal cooperation … 4 material conflict);
    /// empty keeps all.
    pub quad: Vec<u8>,
    /// Earliest event date, inclusive; undated events never match.
    pub from: Option<NaiveDate>,
    /// Latest event date, inclusive; undated events never match.
    pub to: Option<NaiveDate>,
    /// ISO alpha-3 code of the country the event happened in: its
    /// location's country, else (an event stored before locations, schema
    /// v8) the target's or the source's country (see [`country_of`]).
    pub place: Option<String>,
    /// The document's public id, as events carry it.
    pub doc: Option<String>,
    /// Only the events after this one in the listing order (a page's
    /// [`EventPage::next`]). Counts and aggregates ignore it.
    pub after: Option<EventCursor>,
    /// At most this many events ([`Store::events`]; pages take their size
    /// as an argument).
    pub limit: Option<usize>,
    /// Also the events of a story's copies. Without it a story's events
    /// count once: those of its first document (see `stories.rs`); a
    /// document's own events (`doc`) are always all of them.
    pub copies: bool,
}

/// Where an event stands in the listing order: its date (`None` when
/// undated, which sorts last) and its id in the store.
///
/// Written as `2022-04-08.17`, or `-.17` for an undated event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EventCursor {
    date: Option<NaiveDate>,
    id: i64,
}

/// What `sort_key` holds for an undated event: after every date.
const UNDATED: &str = "~";

impl EventCursor {
    /// The cursor of the event with this date and store id.
    pub fn new(date: Option<NaiveDate>, id: i64) -> EventCursor {
        EventCursor { date, id }
    }

    /// The event's date.
    pub fn date(&self) -> Option<NaiveDate> {
        self.date
    }

    /// The event's id in the store: unique, and never reused while the
    /// store holds the event (GDELT exports number events by it).
    pub fn id(&self) -> i64 {
        self.id
    }

    /// Parses what [`EventCursor`]'s `Display` writes; `None` when
    /// malformed.
    pub fn parse(cursor: &str) -> Option<EventCursor> {
        let (date, id) = cursor.rsplit_once('.')?;
        let id = i64::try_from(id.parse::<u64>().ok()?).ok()?;
        let date = match date {
            "-" => None,
            d => Some(NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?),
        };
        Some(EventCursor { date, id })
    }

    fn sort_key(&self) -> String {
        date_text(self.date).unwrap_or_else(|| UNDATED.to_string())
    }
}

impl fmt::Display for EventCursor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.date {
            Some(d) => write!(f, "{}.{}", d.format("%Y-%m-%d"), self.id),
            None => write!(f, "-.{}", self.id),
        }
    }
}

/// A page of events ([`Store::event_page`]).
#[derive(Debug, Clone, PartialEq)]
pub struct EventPage {
    /// The events, each with its cursor, in the listing order.
    pub events: Vec<(EventCursor, Event)>,
    /// Where the next page starts, when there is one.
    pub next: Option<EventCursor>,
    /// How many events match the filter in all, on every page.
    pub total: u64,
}

/// The totals of the filters [`Store::event_page`] has counted, each with
/// the state of the store it was counted in; shared by the connections of
/// a process through [`Store::share_totals`].
///
/// Counting a filter's matches reads every one of them; paging reads only
/// a page. A total is therefore counted once per filter, then brought up to
/// date by counting only the events stored since (events are only ever
/// appended, with increasing ids); a deleted event makes it count again.
/// At most [`EventTotals::CAPACITY`] filters are kept.
#[derive(Debug, Default)]
pub struct EventTotals {
    counted: Mutex<HashMap<EventFilter, Counted>>,
}

/// A total and the state of the store it counts.
#[derive(Debug, Clone, Copy)]
struct Counted {
    as_of: EventGeneration,
    total: u64,
}

/// Which events the store holds, as far as counting them cares: the last
/// event id given out, and how many events were ever deleted (schema v5
/// counts them). Events are appended and never changed, so while it stays
/// the same every count and aggregate over them does too
/// ([`Store::event_generation`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EventGeneration {
    last_id: i64,
    deleted: i64,
}

impl EventTotals {
    /// How many filters' totals are kept; beyond it, the oldest are forgotten
    /// (all at once: a server sees the same few filters again and again).
    pub const CAPACITY: usize = 4096;

    fn get(&self, filter: &EventFilter) -> Option<Counted> {
        self.lock().get(filter).copied()
    }

    fn put(&self, filter: EventFilter, counted: Counted) {
        let mut map = self.lock();
        if map.len() >= Self::CAPACITY && !map.contains_key(&filter) {
            map.clear();
        }
        map.insert(filter, counted);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<EventFilter, Counted>> {
        // A panic while holding it leaves a map of whole entries.
        self.counted.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Actor-code prefixes that name a kind of organisation, not a country.
/// The schema's `source_country` and `target_country` columns repeat them.
/// The country an actor code belongs to: its first three letters when
/// they are upper-case ASCII and do not name a kind of organisation.
/// The same rule as the store's `source_country` column: [`ActorCode::country`].
pub fn country_of(code: &str) -> Option<&str> {
    ActorCode::parse(code)?.country()
}

/// The columns [`event_row`] reads, in its order.
const EVENT_COLUMNS: &str = "doc, sentence, source_code, source_actor, source_name, target_code,
    target_actor, target_name, cameo, plover, quad_class, goldstein, date, date_precision,
    negated, evidence_start, evidence_end, evidence_text, retold, id, ord,
    (SELECT d.id FROM documents d WHERE d.seq = events.document) AS content_id, location";

fn event_row(r: &crate::db::Row) -> rusqlite::Result<(i64, Event)> {
    // The stable id is derived from the document's content id and the
    // event's position, as the pipeline numbers records: the same in every
    // store holding the document.
    let content_id = DocId(r.get(21)?);
    let event = Event {
        id: Event::stable_id(&content_id, col_usize(r, 20)?),
        doc: r.get(0)?,
        sentence: col_usize(r, 1)?,
        source: ActorRef {
            code: col_str(r, 2)?,
            actor: col_str(r, 3)?,
            name: col_str(r, 4)?,
        },
        target: actor_ref(r, 5)?,
        cameo: col_str(r, 8)?,
        plover: col_opt_str(r, 9)?,
        quad_class: r.get(10)?,
        goldstein: r.get::<_, f64>(11)? as f32,
        date: col_date(r, 12)?,
        date_precision: col_enum(r, 13)?,
        negated: r.get(14)?,
        evidence: evidence(r, 15)?,
        retold: col_json(r, 18)?,
        location: col_opt_json(r, 22)?,
    };
    Ok((r.get(19)?, event))
}

impl EventFilter {
    /// The filter as SQL over `events`; with `paged`, the cursor too.
    pub(crate) fn conditions(&self, paged: bool) -> Conditions {
        let mut c = Conditions::default();
        let prefix = |c: &mut Conditions, col: &str, p: &str| {
            let (lo, hi) = c.prefix_params(p);
            c.prefix(col, &lo, hi.as_deref())
        };
        if let Some(p) = &self.source {
            let clause = prefix(&mut c, "source_code", p);
            c.push(clause);
        }
        if let Some(p) = &self.target {
            let clause = prefix(&mut c, "target_code", p);
            c.push(clause);
        }
        if let Some(a) = &self.actor {
            let (lo, hi) = c.prefix_params(a);
            let id = c.param(a.clone());
            let clause = format!(
                "({} OR {} OR source_actor = {id} OR target_actor = {id})",
                c.prefix("source_code", &lo, hi.as_deref()),
                c.prefix("target_code", &lo, hi.as_deref())
            );
            c.push(clause);
        }
        if let Some(p) = &self.cameo {
            let clause = prefix(&mut c, "cameo", p);
            c.push(clause);
        }
        if let Some(p) = &self.plover {
            let p = c.param(p.clone());
            c.push(format!("plover = {p}"));
        }
        if !self.quad.is_empty() {
            let list: Vec<String> = self.quad.iter().map(|&q| c.param(i64::from(q))).collect();
            c.push(format!("quad_class IN ({})", list.join(", ")));
        }
        // A date range is a range of `sort_key`, which its index serves;
        // undated events (`~`) sort after every date and never match.
        if let Some(d) = date_text(self.from) {
            let p = c.param(d);
            c.push(format!("sort_key >= {p}"));
        }
        if let Some(d) = date_text(self.to) {
            let p = c.param(d);
            c.push(format!("sort_key <= {p}"));
        }
        if self.from.is_some() || self.to.is_some() {
            c.push(format!("sort_key < '{UNDATED}'"));
        }
        if let Some(p) = &self.place {
            let p = c.param(p.clone());
            c.push(format!("place_country = {p}"));
        }
        if let Some(doc) = &self.doc {
            let p = c.param(doc.clone());
            c.push(format!("doc = {p}"));
        } else if !self.copies {
            // Checked on index entries: every listing index ends with it.
            c.push("copy = 0".to_string());
        }
        if let (true, Some(after)) = (paged, &self.after) {
            let key = c.param(after.sort_key());
            let id = c.param(after.id);
            // The first term is the index range; the second the exact cut.
            c.push(format!(
                "sort_key >= {key} AND (sort_key > {key} OR id > {id})"
            ));
        }
        c
    }

    /// Whether the filter asks for a CAMEO prefix and nothing else but dates
    /// (and a cursor): nothing whose index holds the listing order.
    fn only_cameo_and_dates(&self) -> bool {
        self.cameo.is_some()
            && self.source.is_none()
            && self.target.is_none()
            && self.actor.is_none()
            && self.plover.is_none()
            && self.quad.is_empty()
            && self.place.is_none()
            && self.doc.is_none()
    }

    /// The SQL reading the first `limit` events matching the filter after
    /// its cursor, in the listing order, and its parameters.
    ///
    /// Each page is found through an index in the listing order, reading
    /// about a page of rows whatever the page or the number of matches.
    /// The actor filter is an `OR` over columns, which no one index serves
    /// in that order: it is asked as one ordered query per column (each
    /// with its `(column, sort_key, id, …)` index), and the first `limit`
    /// of their union kept; a place is checked in each. A place alone is
    /// one column, `place_country`, read from its index in order.
    ///
    /// `index`, when given, is the index the page is read from, unless the
    /// branches pick theirs.
    fn page_query(
        &self,
        limit: usize,
        index: Option<&str>,
    ) -> (String, Vec<rusqlite::types::Value>) {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let (c, branches) = if let Some(actor) = &self.actor {
            let mut c = EventFilter {
                actor: None,
                ..self.clone()
            }
            .conditions(true);
            let branches = actor_branches(&mut c, actor);
            (c, branches)
        } else {
            let c = self.conditions(true);
            let indexed = index
                .map(|i| format!(" INDEXED BY {i}"))
                .unwrap_or_default();
            let sql = format!(
                "SELECT {EVENT_COLUMNS} FROM events{indexed} WHERE {} ORDER BY sort_key, id
                 LIMIT {limit}",
                c.all()
            );
            return (sql, c.params());
        };
        let rest = c.all();
        let union = branches
            .iter()
            .enumerate()
            .map(|(i, (index, cond))| {
                let indexed = index
                    .as_ref()
                    .map(|i| format!(" INDEXED BY {i}"))
                    .unwrap_or_default();
                format!(
                    "SELECT * FROM (SELECT sort_key, id FROM events{indexed}
                     WHERE {cond} AND {rest} ORDER BY sort_key, id LIMIT {limit}) AS b{i}"
                )
            })
            .collect::<Vec<_>>()
            .join(" UNION ");
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events WHERE id IN (
                 SELECT id FROM ({union} ORDER BY 1, 2 LIMIT {limit}) AS page)
             ORDER BY sort_key, id"
        );
        // Numbered parameters: the rest's and the branches' are all in `c`.
        (sql, c.params())
    }
}

/// The branches of an actor filter's page: (index to use, condition) for
/// each column it looks at.
fn actor_branches(c: &mut Conditions, actor: &str) -> Vec<(Option<String>, String)> {
    let exact = c.param(actor.to_string());
    let mut branches = Vec::new();
    for side in ["source", "target"] {
        if country_of(actor) == Some(actor) {
            // A country's code is a prefix exactly when it is the code's
            // country: one value of an ordered index.
            branches.push((None, format!("{side}_country = {exact}")));
        } else {
            // The code itself, then the longer codes it begins: the first
            // is one value of `(code, sort_key, id, …)`; the second a range
            // of it, whose few rows are sorted (left to itself the planner
            // would walk another index in order instead, through rows that
            // mostly do not match).
            branches.push((None, format!("{side}_code = {exact}")));
            let longer = match prefix_upper(actor) {
                Some(hi) => {
                    let hi = c.param(hi);
                    format!("{side}_code > {exact} AND {side}_code < {hi}")
                }
                None => format!("{side}_code > {exact}"),
            };
            branches.push((Some(format!("events_{side}_order")), longer));
        }
        branches.push((None, format!("{side}_actor = {exact}")));
    }
    branches
}

impl Store {
    /// Events matching `filter` (from its cursor on, at most its limit), by
    /// date (undated last), then in the order they were stored.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<Event>> {
        let rows = match filter.limit {
            Some(n) => self.first_events(filter, n)?,
            None => self.events_with_ids(filter.conditions(true), "sort_key, id", None)?,
        };
        Ok(rows.into_iter().map(|(_, e)| e).collect())
    }

    /// The first `n` events matching `filter` after its cursor, with their ids.
    fn first_events(&self, filter: &EventFilter, n: usize) -> Result<Vec<(i64, Event)>> {
        let index = match &filter.cameo {
            Some(prefix) if filter.only_cameo_and_dates() => Some(self.cameo_index(prefix, n)?),
            _ => None,
        };
        let (sql, params) = filter.page_query(n, index);
        self.query(&sql, params, "reading events", event_row)
    }

    /// Where to read a page of `n` events of a CAMEO prefix from. A prefix
    /// is a range of codes, which no index holds in the listing order: the
    /// page is either the first `n` of all its matches sorted (through
    /// `events_cameo`, which holds the sort key), or the first `n` met
    /// walking the listing order (`events_order`, which holds the code),
    /// which meets about `n * all / matches` events on the way. The kept
    /// totals say which costs less; SQLite's planner, not knowing how many
    /// events a range holds, sorted 125,000 events for a page of `04` at
    /// 1,000,000 events.
    fn cameo_index(&self, prefix: &str, n: usize) -> Result<&'static str> {
        let matches = self.total_events(&EventFilter {
            cameo: Some(prefix.to_string()),
            ..EventFilter::default()
        })? as f64;
        let all = self.total_events(&EventFilter::default())? as f64;
        Ok(if matches * matches >= n as f64 * all {
            "events_order"
        } else {
            "events_cameo"
        })
    }

    /// A page of at most `size` events matching `filter` after its cursor,
    /// with the cursor of the next page and the number of matches in all,
    /// read from one snapshot of the store. `filter.limit` is not used.
    pub fn event_page(&self, filter: &EventFilter, size: usize) -> Result<EventPage> {
        self.snapshot("reading a page of events", |store| {
            let mut rows = store.first_events(filter, size.saturating_add(1))?;
            let next = if rows.len() > size {
                rows.truncate(size);
                rows.last().map(|(id, e)| EventCursor::new(e.date, *id))
            } else {
                None
            };
            let total = store.total_events(filter)?;
            Ok(EventPage {
                events: rows
                    .into_iter()
                    .map(|(id, e)| (EventCursor::new(e.date, id), e))
                    .collect(),
                next,
                total,
            })
        })
    }

    /// How many events match `filter` (its cursor and limit aside).
    pub fn count_events(&self, filter: &EventFilter) -> Result<u64> {
        let c = filter.conditions(false);
        let sql = format!("SELECT count(*) FROM events{}", c.where_sql());
        let n = self.query(&sql, c.params(), "counting events", |r| r.get::<_, i64>(0))?;
        Ok(n.first().copied().unwrap_or(0).max(0) as u64)
    }

    /// [`Store::count_events`], from the totals already counted when it
    /// can ([`EventTotals`]): unchanged, or plus the matching events stored
    /// since. Costs about nothing for a filter asked before while the
    /// store only grows.
    pub fn total_events(&self, filter: &EventFilter) -> Result<u64> {
        let key = EventFilter {
            after: None,
            limit: None,
            ..filter.clone()
        };
        let now = self.event_generation()?;
        let total = match self.totals.get(&key) {
            Some(c) if c.as_of == now => return Ok(c.total),
            Some(c) if c.as_of.deleted == now.deleted && c.as_of.last_id < now.last_id => {
                c.total + self.count_events_after(&key, c.as_of.last_id)?
            }
            _ => self.count_events(&key)?,
        };
        self.totals.put(key, Counted { as_of: now, total });
        Ok(total)
    }

    /// How many events stored after event `last_id` match `filter`: the
    /// scan covers those events only, through the table's id order.
    fn count_events_after(&self, filter: &EventFilter, last_id: i64) -> Result<u64> {
        let mut c = filter.conditions(false);
        let after = c.param(last_id);
        c.push(format!("id > {after}"));
        // NOT INDEXED: the id range, not a filter's index, picks the rows.
        let sql = format!("SELECT count(*) FROM events NOT INDEXED{}", c.where_sql());
        let n = self.query(&sql, c.params(), "counting new events", |r| {
            r.get::<_, i64>(0)
        })?;
        Ok(n.first().copied().unwrap_or(0).max(0) as u64)
    }

    /// Which events the store holds now, in a form that changes whenever
    /// they do: an answer counted over the events stays right while this
    /// stays the same.
    pub fn event_generation(&self) -> Result<EventGeneration> {
        self.one(
            "reading the store's generation",
            "SELECT (SELECT coalesce(max(id), 0) FROM events),
                    (SELECT deleted FROM event_deletions)",
            &[],
            |r| {
                Ok(EventGeneration {
                    last_id: r.get(0)?,
                    deleted: r.get::<_, Option<i64>>(1)?.unwrap_or(0),
                })
            },
        )
    }

    pub(crate) fn events_where(
        &self,
        c: Conditions,
        order: &str,
        limit: Option<usize>,
    ) -> Result<Vec<Event>> {
        Ok(self
            .events_with_ids(c, order, limit)?
            .into_iter()
            .map(|(_, e)| e)
            .collect())
    }

    fn events_with_ids(
        &self,
        c: Conditions,
        order: &str,
        limit: Option<usize>,
    ) -> Result<Vec<(i64, Event)>> {
        let sql = c.sql(&format!("SELECT {EVENT_COLUMNS} FROM events"), order, limit);
        self.query(&sql, c.params(), "reading events", event_row)
    }

    /// Runs `f` inside one read transaction, so that the statements it runs
    /// see the same committed state.
    pub(crate) fn snapshot<T>(&self, what: &str, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        // A single arm without the `postgres` feature.
        #[allow(clippy::infallible_destructuring_match)]
        let conn = match &self.backend {
            crate::store::Backend::Sqlite(conn) => conn,
            #[cfg(feature = "postgres")]
            crate::store::Backend::Postgres(pg) => {
                return crate::postgres::snapshot(self, pg, what, f)
            }
        };
        let tx = conn
            .unchecked_transaction()
            .map_err(|source| self.sql_err(what, source))?;
        let out = f(self)?;
        // Nothing was written: ending the transaction only lets go of the
        // snapshot.
        tx.commit().map_err(|source| self.sql_err(what, source))?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_refuse_junk() {
        let day = NaiveDate::from_ymd_opt(2022, 4, 8);
        for c in [EventCursor::new(day, 17), EventCursor::new(None, 3)] {
            assert_eq!(EventCursor::parse(&c.to_string()), Some(c));
        }
        assert_eq!(EventCursor::new(day, 17).to_string(), "2022-04-08.17");
        assert_eq!(EventCursor::new(None, 3).to_string(), "-.3");
        for bad in [
            "",
            "x",
            "2022-13-01.4",
            "2022-01-01.x",
            "-.-1",
            "-.99999999999999999999",
        ] {
            assert!(
                EventCursor::parse(bad).is_none(),
                "{bad:?} should not parse"
            );
        }
    }

    #[test]
    fn countries_of_codes() {
        assert_eq!(country_of("IGOWSTNAT"), None);
        assert_eq!(country_of("NZLGOV"), Some("NZL"));
        assert_eq!(country_of("NZ"), None);
        assert_eq!(country_of("nzlGOV"), None);
        assert_eq!(country_of("ÉTA"), None);
    }
}
