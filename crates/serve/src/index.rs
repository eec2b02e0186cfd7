//! The events, held in memory in date order for filtering, paging and the
//! aggregates the pages draw (timeline, actor profile, network, map).
//!
//! The store answers actor, CAMEO and date filters, but not quad class,
//! PLOVER type, place or keyset paging; and the pages need counts over
//! every match. So the server keeps every event in a vector sorted by
//! date: a date range is a slice of it (binary search), an actor or a
//! place narrows it to a posting list, and the remaining filters test
//! compact rows ([`crate::facets`]) rather than the events. Queries that
//! the slice or list answers exactly page in O(page size). The index is
//! built from the store at start, extended when a document is posted and
//! rebuilt when another process adds events.

use crate::facets::Facets;
use chrono::{Datelike, NaiveDate};
use entente_core::Event;
use entente_store::{EventFilter, Store, StoreError};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Actor-code prefixes that name an organisation, not a country.
const GROUP_PREFIXES: &[&str] = &["IGO", "NGO", "MNC", "UIS", "IMG", "NGM"];

/// Where an event sits in the order: dated events first by date, then in
/// the order they were indexed. Stable when documents are added, so it
/// serves as a paging cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventKey {
    undated: bool,
    date: Option<NaiveDate>,
    seq: u64,
}

impl EventKey {
    /// The cursor string: `2022-04-08.17`, or `-.17` for an undated event.
    pub fn cursor(&self) -> String {
        match self.date {
            Some(d) => format!("{}.{}", d.format("%Y-%m-%d"), self.seq),
            None => format!("-.{}", self.seq),
        }
    }

    /// The order in which the event was indexed: unique while the server runs.
    pub fn seq(&self) -> u64 {
        self.seq
    }

    /// Parses [`EventKey::cursor`]; `None` when malformed.
    pub fn parse(cursor: &str) -> Option<EventKey> {
        let (date, seq) = cursor.rsplit_once('.')?;
        let seq = seq.parse().ok()?;
        let date = match date {
            "-" => None,
            d => Some(NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?),
        };
        Some(EventKey {
            undated: date.is_none(),
            date,
            seq,
        })
    }
}

/// The country an actor code belongs to: its first three letters, unless
/// they name a kind of organisation.
pub fn country_of(code: &str) -> Option<&str> {
    let head = code.get(..3)?;
    (head.bytes().all(|b| b.is_ascii_uppercase()) && !GROUP_PREFIXES.contains(&head))
        .then_some(head)
}

/// Which events a request asks for; every `None` matches everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventQuery {
    /// Prefix of the source's or target's actor code, or their canonical actor id.
    pub actor: Option<String>,
    /// Prefix of the CAMEO code.
    pub cameo: Option<String>,
    /// PLOVER type, exactly (upper case).
    pub plover: Option<String>,
    /// Quad classes to keep (1–4); empty keeps all.
    pub quad: Vec<u8>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// ISO alpha-3 of a country either actor belongs to.
    pub place: Option<String>,
    /// The document's public id.
    pub doc: Option<String>,
}

impl EventQuery {
    pub fn matches(&self, e: &Event) -> bool {
        if let Some(a) = &self.actor {
            let hit = |code: &str, actor: &str| code.starts_with(a.as_str()) || actor == a;
            let target = e.target.as_ref().is_some_and(|t| hit(&t.code, &t.actor));
            if !hit(&e.source.code, &e.source.actor) && !target {
                return false;
            }
        }
        if let Some(c) = &self.cameo {
            if !e.cameo.starts_with(c.as_str()) {
                return false;
            }
        }
        if let Some(p) = &self.plover {
            if e.plover.as_deref() != Some(p.as_str()) {
                return false;
            }
        }
        if !self.quad.is_empty() && !self.quad.contains(&e.quad_class) {
            return false;
        }
        if self.from.is_some() || self.to.is_some() {
            let Some(d) = e.date else { return false };
            if self.from.is_some_and(|f| d < f) || self.to.is_some_and(|t| d > t) {
                return false;
            }
        }
        if let Some(p) = &self.place {
            let src = country_of(&e.source.code) == Some(p.as_str());
            let tgt = e
                .target
                .as_ref()
                .is_some_and(|t| country_of(&t.code) == Some(p.as_str()));
            if !src && !tgt {
                return false;
            }
        }
        if let Some(d) = &self.doc {
            if *e.doc != **d {
                return false;
            }
        }
        true
    }
}

/// A page of events.
#[derive(Debug)]
pub struct Page<'a> {
    /// Each event with its key (the key's `seq` numbers it).
    pub events: Vec<(EventKey, &'a Event)>,
    /// Where the next page starts, when there is one.
    pub next: Option<EventKey>,
    /// How many events match in all.
    pub total: usize,
}

/// Counts of one day, by quad class.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DayCount {
    pub date: NaiveDate,
    /// Events of quad class 1, 2, 3, 4.
    pub quad: [u32; 4],
}

/// One month of an actor's events.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct MonthCount {
    pub month: String,
    pub as_source: u32,
    pub as_target: u32,
    /// Sum of positive Goldstein scores (cooperation).
    pub cooperative: f32,
    /// Sum of negative Goldstein scores, as a positive number (conflict).
    pub conflictual: f32,
}

/// Another actor and how often, how, one acted on it or it on one.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Counterpart {
    pub actor: String,
    pub code: String,
    pub events: u32,
    pub mean_goldstein: f32,
}

/// What the events say about one actor.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct ActorProfile {
    pub id: String,
    /// How the text named it, most frequent first.
    pub names: Vec<String>,
    pub codes: Vec<String>,
    pub events: u32,
    pub months: Vec<MonthCount>,
    /// Whom it acted on.
    pub acts_on: Vec<Counterpart>,
    /// Who acted on it.
    pub acted_on_by: Vec<Counterpart>,
    pub cooperative: f32,
    pub conflictual: f32,
}

/// An actor in the network.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Node {
    pub id: String,
    pub code: String,
    pub events: u32,
}

/// Events from one actor to another.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Edge {
    pub source: String,
    pub target: String,
    pub events: u32,
    pub mean_goldstein: f32,
}

/// The actor-to-actor network of the matching events.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Network {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// Events involving one country.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CountryCount {
    pub country: String,
    pub events: u32,
    pub quad: [u32; 4],
}

/// All events, sorted by [`EventKey`], with positions by actor.
#[derive(Debug, Default)]
pub struct EventIndex {
    keys: Vec<EventKey>,
    events: Vec<Event>,
    next_seq: u64,
    /// Positions of the events whose source or target code starts with
    /// these three letters, ascending.
    by_prefix: HashMap<String, Vec<u32>>,
    /// Positions of the events whose source or target is this canonical actor.
    by_actor: HashMap<String, Vec<u32>>,
    /// What the filters test, compactly.
    facets: Facets,
}

/// Which positions a query has to look at.
#[derive(Clone)]
enum Candidates<'a> {
    Range(std::ops::Range<usize>),
    /// The union of two ascending position lists, clipped to the range.
    Lists(&'a [u32], &'a [u32]),
}

impl<'a> Candidates<'a> {
    /// Only the positions at or after `start`.
    fn from(self, start: usize) -> Candidates<'a> {
        match self {
            Candidates::Range(r) => Candidates::Range(r.start.max(start)..r.end.max(start)),
            Candidates::Lists(a, b) => {
                let cut = |v: &'a [u32]| &v[v.partition_point(|&i| (i as usize) < start)..];
                Candidates::Lists(cut(a), cut(b))
            }
        }
    }
}

impl Iterator for Candidates<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        match self {
            Candidates::Range(r) => r.next(),
            Candidates::Lists(a, b) => {
                let next = match (a.first(), b.first()) {
                    (None, None) => return None,
                    (Some(&x), None) => x,
                    (None, Some(&y)) => y,
                    (Some(&x), Some(&y)) => x.min(y),
                };
                if a.first() == Some(&next) {
                    *a = &a[1..];
                }
                if b.first() == Some(&next) {
                    *b = &b[1..];
                }
                Some(next as usize)
            }
        }
    }
}

impl EventIndex {
    /// Every event of the store.
    pub fn load(store: &Store) -> Result<EventIndex, StoreError> {
        let mut index = EventIndex::default();
        index.extend(store.events(&EventFilter::default())?);
        Ok(index)
    }

    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// A new index of these events and `events` (a posted document's),
    /// built while this one goes on serving.
    pub fn extended(&self, events: impl IntoIterator<Item = Event>) -> EventIndex {
        let mut next = EventIndex {
            keys: self.keys.clone(),
            events: self.events.clone(),
            next_seq: self.next_seq,
            ..EventIndex::default()
        };
        next.extend(events);
        next
    }

    /// Adds events (a posted document's), keeping the order.
    pub fn extend(&mut self, events: impl IntoIterator<Item = Event>) {
        let mut pairs: Vec<(EventKey, Event)> = std::mem::take(&mut self.keys)
            .into_iter()
            .zip(std::mem::take(&mut self.events))
            .collect();
        let sorted_until = pairs.len();
        for e in events {
            let key = EventKey {
                undated: e.date.is_none(),
                date: e.date,
                seq: self.next_seq,
            };
            self.next_seq += 1;
            pairs.push((key, e));
        }
        if pairs[..]
            .windows(2)
            .skip(sorted_until.saturating_sub(1))
            .any(|w| w[0].0 > w[1].0)
        {
            pairs.sort_by_key(|(k, _)| *k);
        }
        (self.keys, self.events) = pairs.into_iter().unzip();
        self.facets = Facets::build(&self.events);
        self.by_prefix.clear();
        self.by_actor.clear();
        for (i, e) in self.events.iter().enumerate() {
            let i = i as u32;
            let add = |map: &mut HashMap<String, Vec<u32>>, k: &str| {
                let list = map.entry(k.to_string()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            };
            for a in std::iter::once(&e.source).chain(e.target.as_ref()) {
                if let Some(p) = a.code.get(..3) {
                    add(&mut self.by_prefix, p);
                }
                add(&mut self.by_actor, &a.actor);
            }
        }
    }

    /// The positions that can match `q`: the date range's, narrowed to an
    /// actor's or a place's events when the query names one.
    fn candidates<'a>(&'a self, q: &EventQuery) -> Candidates<'a> {
        let lo = q.from.map_or(0, |f| {
            self.keys
                .partition_point(|k| !k.undated && k.date.is_some_and(|d| d < f))
        });
        let hi = match q.to {
            Some(t) => self
                .keys
                .partition_point(|k| !k.undated && k.date.is_some_and(|d| d <= t)),
            // A date range never matches undated events, which sort last.
            None if q.from.is_some() => self.keys.partition_point(|k| !k.undated),
            None => self.keys.len(),
        };
        let hi = hi.max(lo);
        const NONE: &[u32] = &[];
        let list = |map: &'a HashMap<String, Vec<u32>>, k: &str| -> &'a [u32] {
            let v = map.get(k).map_or(NONE, Vec::as_slice);
            let from = v.partition_point(|&i| (i as usize) < lo);
            let to = v.partition_point(|&i| (i as usize) < hi);
            &v[from..to.max(from)]
        };
        match (&q.actor, &q.place) {
            // Shorter than a country code: any code may start with it.
            (Some(a), _) if a.len() < 3 => Candidates::Range(lo..hi),
            (Some(a), _) => Candidates::Lists(
                a.get(..3).map_or(NONE, |p| list(&self.by_prefix, p)),
                list(&self.by_actor, a),
            ),
            (None, Some(p)) => Candidates::Lists(list(&self.by_prefix, p), NONE),
            (None, None) => Candidates::Range(lo..hi),
        }
    }

    /// Whether every candidate of `q` matches it, so that counting and
    /// paging need not look at each.
    fn exact(q: &EventQuery) -> bool {
        let residual =
            q.cameo.is_some() || q.plover.is_some() || !q.quad.is_empty() || q.doc.is_some();
        let actor_exact = q
            .actor
            .as_ref()
            .is_none_or(|a| a.len() == 3 && q.place.is_none());
        let place_exact = q
            .place
            .as_ref()
            .is_none_or(|p| country_of(p) == Some(p.as_str()));
        !residual && actor_exact && place_exact
    }

    fn matching<'a>(&'a self, q: &'a EventQuery) -> impl Iterator<Item = &'a Event> + 'a {
        let compiled = self.facets.compile(q);
        self.candidates(q)
            .filter(move |&i| self.facets.matches(i, &compiled))
            .map(|i| &self.events[i])
    }

    /// Up to `limit` matching events after `after`.
    pub fn page(&self, q: &EventQuery, after: Option<EventKey>, limit: usize) -> Page<'_> {
        let start = after.map_or(0, |k| self.keys.partition_point(|x| *x <= k));
        let candidates = self.candidates(q);
        if Self::exact(q) {
            let total = match &candidates {
                Candidates::Range(r) => r.len(),
                c => c.clone().count(),
            };
            let mut events: Vec<(EventKey, &Event)> = candidates
                .from(start)
                .take(limit + 1)
                .map(|i| (self.keys[i], &self.events[i]))
                .collect();
            let next = if events.len() > limit {
                events.truncate(limit);
                events.last().map(|(k, _)| *k)
            } else {
                None
            };
            return Page {
                events,
                next,
                total,
            };
        }
        let mut events = Vec::with_capacity(limit.min(1024));
        let mut next = None;
        let mut total = 0;
        let compiled = self.facets.compile(q);
        for i in candidates {
            if !self.facets.matches(i, &compiled) {
                continue;
            }
            let e = &self.events[i];
            total += 1;
            if i < start {
                continue;
            }
            if events.len() < limit {
                events.push((self.keys[i], e));
                next = Some(self.keys[i]);
            } else if events.len() == limit {
                // One more exists: the page is not the last.
                events.push((self.keys[i], e));
            }
        }
        if events.len() > limit {
            events.truncate(limit);
        } else {
            next = None;
        }
        Page {
            events,
            next,
            total,
        }
    }

    /// Matching dated events per day, by quad class.
    pub fn timeline(&self, q: &EventQuery) -> Vec<DayCount> {
        let mut days: BTreeMap<NaiveDate, [u32; 4]> = BTreeMap::new();
        for e in self.matching(q) {
            if let (Some(d), Some(slot)) = (e.date, quad_slot(e.quad_class)) {
                days.entry(d).or_default()[slot] += 1;
            }
        }
        days.into_iter()
            .map(|(date, quad)| DayCount { date, quad })
            .collect()
    }

    /// The profile of actor `id`: a canonical actor id, or a code prefix.
    pub fn actor(&self, id: &str) -> ActorProfile {
        let is = |code: &str, actor: &str| actor == id || code.starts_with(id);
        let mut names: HashMap<String, u32> = HashMap::new();
        let mut codes: HashMap<String, u32> = HashMap::new();
        let mut months: BTreeMap<String, MonthCount> = BTreeMap::new();
        let mut acts_on: HashMap<String, (String, u32, f32)> = HashMap::new();
        let mut acted_by: HashMap<String, (String, u32, f32)> = HashMap::new();
        let mut p = ActorProfile {
            id: id.to_string(),
            ..ActorProfile::default()
        };
        for e in &self.events {
            let as_source = is(&e.source.code, &e.source.actor);
            let as_target = e.target.as_ref().is_some_and(|t| is(&t.code, &t.actor));
            if !as_source && !as_target {
                continue;
            }
            p.events += 1;
            let g = e.goldstein;
            if g > 0.0 {
                p.cooperative += g;
            } else {
                p.conflictual -= g;
            }
            let month = e
                .date
                .map(|d| format!("{:04}-{:02}", d.year(), d.month()))
                .unwrap_or_else(|| "undated".into());
            let m = months.entry(month.clone()).or_insert_with(|| MonthCount {
                month,
                ..MonthCount::default()
            });
            if g > 0.0 {
                m.cooperative += g;
            } else {
                m.conflictual -= g;
            }
            if as_source {
                m.as_source += 1;
                *names.entry(e.source.name.to_string()).or_default() += 1;
                *codes.entry(e.source.code.to_string()).or_default() += 1;
                if let Some(t) = &e.target {
                    let c = acts_on
                        .entry(t.actor.to_string())
                        .or_insert_with(|| (t.code.to_string(), 0, 0.0));
                    c.1 += 1;
                    c.2 += g;
                }
            }
            if let (true, Some(t)) = (as_target, &e.target) {
                m.as_target += 1;
                *names.entry(t.name.to_string()).or_default() += 1;
                *codes.entry(t.code.to_string()).or_default() += 1;
                let c = acted_by
                    .entry(e.source.actor.to_string())
                    .or_insert_with(|| (e.source.code.to_string(), 0, 0.0));
                c.1 += 1;
                c.2 += g;
            }
        }
        p.names = by_count(names);
        p.codes = by_count(codes);
        p.months = months.into_values().collect();
        p.acts_on = counterparts(acts_on);
        p.acted_on_by = counterparts(acted_by);
        p
    }

    /// The network of matching events with a target: the `max_nodes`
    /// busiest actors and the edges among them.
    pub fn network(&self, q: &EventQuery, max_nodes: usize) -> Network {
        let mut nodes: HashMap<&str, (&str, u32)> = HashMap::new();
        let mut edges: HashMap<(&str, &str), (u32, f32)> = HashMap::new();
        for e in self.matching(q) {
            let Some(t) = &e.target else { continue };
            if t.actor == e.source.actor {
                continue;
            }
            nodes
                .entry(&e.source.actor)
                .or_insert((&e.source.code, 0))
                .1 += 1;
            nodes.entry(&t.actor).or_insert((&t.code, 0)).1 += 1;
            let edge = edges.entry((&e.source.actor, &t.actor)).or_default();
            edge.0 += 1;
            edge.1 += e.goldstein;
        }
        let mut ranked: Vec<Node> = nodes
            .into_iter()
            .map(|(id, (code, events))| Node {
                id: id.to_string(),
                code: code.to_string(),
                events,
            })
            .collect();
        ranked.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.id.cmp(&b.id)));
        ranked.truncate(max_nodes);
        let kept: std::collections::HashSet<&str> = ranked.iter().map(|n| n.id.as_str()).collect();
        let mut edges: Vec<Edge> = edges
            .into_iter()
            .filter(|((s, t), _)| kept.contains(s) && kept.contains(t))
            .map(|((s, t), (n, g))| Edge {
                source: s.to_string(),
                target: t.to_string(),
                events: n,
                mean_goldstein: g / n as f32,
            })
            .collect();
        edges.sort_by(|a, b| (&a.source, &a.target).cmp(&(&b.source, &b.target)));
        Network {
            nodes: ranked,
            edges,
        }
    }

    /// Matching events per country either actor belongs to.
    pub fn countries(&self, q: &EventQuery) -> Vec<CountryCount> {
        let mut by: BTreeMap<&str, [u32; 4]> = BTreeMap::new();
        for e in self.matching(q) {
            let Some(slot) = quad_slot(e.quad_class) else {
                continue;
            };
            let src = country_of(&e.source.code);
            let tgt = e.target.as_ref().and_then(|t| country_of(&t.code));
            for c in [src, tgt.filter(|t| Some(*t) != src)].into_iter().flatten() {
                by.entry(c).or_default()[slot] += 1;
            }
        }
        by.into_iter()
            .map(|(c, quad)| CountryCount {
                country: c.to_string(),
                events: quad.iter().sum(),
                quad,
            })
            .collect()
    }
}

fn quad_slot(quad: u8) -> Option<usize> {
    (1..=4).contains(&quad).then(|| usize::from(quad - 1))
}

fn by_count(m: HashMap<String, u32>) -> Vec<String> {
    let mut v: Vec<(String, u32)> = m.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.into_iter().map(|(s, _)| s).collect()
}

fn counterparts(m: HashMap<String, (String, u32, f32)>) -> Vec<Counterpart> {
    let mut v: Vec<Counterpart> = m
        .into_iter()
        .map(|(actor, (code, n, g))| Counterpart {
            actor,
            code,
            events: n,
            mean_goldstein: g / n as f32,
        })
        .collect();
    v.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.actor.cmp(&b.actor)));
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use entente_core::{ActorRef, DatePrecision, Evidence};

    fn event(doc: &str, src: &str, tgt: &str, quad: u8, date: Option<&str>) -> Event {
        let actor = |c: &str| ActorRef {
            code: c.to_string().into(),
            actor: c.get(..3).unwrap_or(c).to_string().into(),
            name: c.to_string().into(),
        };
        Event {
            doc: doc.into(),
            sentence: 0,
            source: actor(src),
            target: Some(actor(tgt)),
            cameo: "042".into(),
            plover: Some("CONSULT".into()),
            quad_class: quad,
            goldstein: if quad < 3 { 2.0 } else { -4.0 },
            date: date.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            date_precision: DatePrecision::Day,
            negated: false,
            evidence: Evidence {
                start: 0,
                end: 1,
                text: "x".into(),
            },
            retold: Vec::new(),
        }
    }

    fn index() -> EventIndex {
        let mut ix = EventIndex::default();
        ix.extend([
            event("a", "NZLGOV", "SLBGOV", 1, Some("2022-04-08")),
            event("a", "CHNGOV", "SLBGOV", 2, Some("2022-04-01")),
            event("b", "USAMIL", "CHNGOV", 4, None),
            event("b", "NZLGOV", "AUSGOV", 3, Some("2022-04-08")),
        ]);
        ix
    }

    #[test]
    fn pages_follow_cursor_to_the_end() {
        let ix = index();
        let q = EventQuery::default();
        let first = ix.page(&q, None, 3);
        assert_eq!(first.total, 4);
        assert_eq!(
            first.events[0].1.source.code, "CHNGOV",
            "dated events come first, by date"
        );
        let next = first.next.expect("a second page");
        let cursor = EventKey::parse(&next.cursor()).expect("cursor round-trips");
        let second = ix.page(&q, Some(cursor), 3);
        assert_eq!(second.events.len(), 1);
        assert_eq!(
            second.events[0].1.source.code, "USAMIL",
            "undated events last"
        );
        assert!(second.next.is_none());
    }

    #[test]
    fn filters_combine() {
        let ix = index();
        let q = EventQuery {
            actor: Some("NZL".into()),
            quad: vec![1],
            ..EventQuery::default()
        };
        assert_eq!(ix.page(&q, None, 10).total, 1);
        let q = EventQuery {
            place: Some("SLB".into()),
            ..EventQuery::default()
        };
        assert_eq!(ix.page(&q, None, 10).total, 2);
        let q = EventQuery {
            from: Some(NaiveDate::from_ymd_opt(2022, 4, 2).unwrap_or_default()),
            ..EventQuery::default()
        };
        assert_eq!(
            ix.page(&q, None, 10).total,
            2,
            "undated events never match a date range"
        );
    }

    #[test]
    fn aggregates_count_every_match() {
        let ix = index();
        let t = ix.timeline(&EventQuery::default());
        assert_eq!(t.len(), 2);
        assert_eq!(t[1].quad, [1, 0, 1, 0]);
        let p = ix.actor("NZL");
        assert_eq!(p.events, 2);
        assert_eq!(p.acts_on.len(), 2);
        let n = ix.network(&EventQuery::default(), 10);
        assert_eq!(n.edges.len(), 4);
        let c = ix.countries(&EventQuery::default());
        assert!(c.iter().any(|c| c.country == "SLB" && c.events == 2));
    }

    #[test]
    fn exact_paths_agree_with_scanning() {
        let ix = index();
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let queries = [
            EventQuery::default(),
            EventQuery {
                actor: Some("NZL".into()),
                ..EventQuery::default()
            },
            EventQuery {
                place: Some("SLB".into()),
                ..EventQuery::default()
            },
            EventQuery {
                from: day("2022-04-02"),
                ..EventQuery::default()
            },
            EventQuery {
                to: day("2022-04-02"),
                ..EventQuery::default()
            },
        ];
        for q in queries {
            assert!(EventIndex::exact(&q), "{q:?}");
            let scanned = ix.matching(&q).count();
            let mut seen = 0;
            let mut after = None;
            loop {
                let page = ix.page(&q, after, 1);
                assert_eq!(page.total, scanned, "{q:?}");
                seen += page.events.len();
                match page.next {
                    Some(k) => after = Some(k),
                    None => break,
                }
            }
            assert_eq!(seen, scanned, "{q:?}");
        }
    }

    #[test]
    fn compiled_queries_agree_with_matches() {
        let ix = index();
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let mut queries = Vec::new();
        for actor in [
            None,
            Some("NZL"),
            Some("NZLGOV"),
            Some("N"),
            Some("USA"),
            Some("XXX"),
        ] {
            for quad in [vec![], vec![1], vec![3, 4]] {
                for (cameo, plover) in [
                    (None, None),
                    (Some("04"), None),
                    (None, Some("CONSULT")),
                    (None, Some("NOPE")),
                ] {
                    for (from, to) in [
                        (None, None),
                        (day("2022-04-02"), None),
                        (None, day("2022-04-07")),
                    ] {
                        for place in [None, Some("SLB")] {
                            for doc in [None, Some("a"), Some("zz")] {
                                queries.push(EventQuery {
                                    actor: actor.map(String::from),
                                    cameo: cameo.map(String::from),
                                    plover: plover.map(String::from),
                                    quad: quad.clone(),
                                    from,
                                    to,
                                    place: place.map(String::from),
                                    doc: doc.map(String::from),
                                });
                            }
                        }
                    }
                }
            }
        }
        for q in &queries {
            let compiled = ix.facets.compile(q);
            for (i, e) in ix.events.iter().enumerate() {
                assert_eq!(
                    ix.facets.matches(i, &compiled),
                    q.matches(e),
                    "event {i}, {q:?}"
                );
            }
            let scanned: Vec<&Event> = ix.events.iter().filter(|e| q.matches(e)).collect();
            let paged = ix.page(q, None, 100);
            assert_eq!(paged.total, scanned.len(), "{q:?}");
        }
    }

    #[test]
    fn candidate_lists_merge_without_repeats() {
        let c = Candidates::Lists(&[1, 3, 5], &[2, 3, 6]);
        assert_eq!(c.clone().collect::<Vec<_>>(), [1, 2, 3, 5, 6]);
        assert_eq!(c.from(3).collect::<Vec<_>>(), [3, 5, 6]);
        assert_eq!(Candidates::Range(2..5).from(7).count(), 0);
    }

    #[test]
    fn malformed_cursors_are_refused() {
        for bad in ["", "x", "2022-13-01.4", "2022-01-01.x", "-.-1"] {
            assert!(EventKey::parse(bad).is_none(), "{bad:?} should not parse");
        }
        assert_eq!(country_of("IGOWSTNAT"), None);
        assert_eq!(country_of("NZLGOV"), Some("NZL"));
    }
}
