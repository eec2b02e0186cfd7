//! Compact per-event columns the filters scan instead of the events.
//!
//! An [`Event`] is a few hundred bytes with its strings on the heap, so
//! testing one touches several cache lines. Here each event is a row of
//! small integers: every string is interned, and a query is compiled once
//! into tables over the interned values (which actor codes start with the
//! prefix asked, which CAMEO codes do), so testing a row is a few loads.

use crate::index::{country_of, EventQuery};
use chrono::Datelike;
use entente_core::Event;
use std::collections::HashMap;

/// No value: an event without a target, PLOVER type or date.
const NONE: u32 = u32::MAX;

/// Strings, numbered in order of first sight.
#[derive(Debug, Default)]
struct Interner {
    ids: HashMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(s.to_string(), id);
        self.names.push(s.to_string());
        id
    }

    fn get(&self, s: &str) -> u32 {
        self.ids.get(s).copied().unwrap_or(NONE)
    }

    /// For each interned string, whether `keep` holds.
    fn table(&self, keep: impl Fn(&str) -> bool) -> Vec<bool> {
        self.names.iter().map(|n| keep(n)).collect()
    }
}

#[derive(Debug, Clone, Copy)]
struct Row {
    src_code: u32,
    tgt_code: u32,
    src_actor: u32,
    tgt_actor: u32,
    cameo: u32,
    plover: u32,
    doc: u32,
    /// Days since 1 January of year 1, or `NONE`.
    date: u32,
    quad: u8,
}

/// The rows of the events, in the index's order.
#[derive(Debug, Default)]
pub(crate) struct Facets {
    rows: Vec<Row>,
    codes: Interner,
    actors: Interner,
    cameos: Interner,
    plovers: Interner,
    docs: Interner,
}

/// A query compiled against the interned values.
pub(crate) struct Compiled {
    /// Something asked for is not in the index at all.
    never: bool,
    actor_codes: Option<Vec<bool>>,
    actor_id: u32,
    place_codes: Option<Vec<bool>>,
    cameos: Option<Vec<bool>>,
    plover: Option<u32>,
    /// Bit `q - 1` set for each quad class kept; 0 keeps all.
    quads: u8,
    from: Option<u32>,
    to: Option<u32>,
    doc: Option<u32>,
}

fn day(d: chrono::NaiveDate) -> u32 {
    u32::try_from(d.num_days_from_ce()).unwrap_or(0)
}

impl Facets {
    pub(crate) fn build(events: &[Event]) -> Facets {
        let mut f = Facets::default();
        f.rows = events
            .iter()
            .map(|e| Row {
                src_code: f.codes.id(&e.source.code),
                tgt_code: e.target.as_ref().map_or(NONE, |t| f.codes.id(&t.code)),
                src_actor: f.actors.id(&e.source.actor),
                tgt_actor: e.target.as_ref().map_or(NONE, |t| f.actors.id(&t.actor)),
                cameo: f.cameos.id(&e.cameo),
                plover: e.plover.as_deref().map_or(NONE, |p| f.plovers.id(p)),
                doc: f.docs.id(&e.doc),
                date: e.date.map_or(NONE, day),
                quad: e.quad_class,
            })
            .collect();
        f
    }

    pub(crate) fn compile(&self, q: &EventQuery) -> Compiled {
        let mut never = false;
        let mut exact = |interner: &Interner, s: &str| {
            let id = interner.get(s);
            never |= id == NONE;
            id
        };
        let plover = q.plover.as_deref().map(|p| exact(&self.plovers, p));
        let doc = q.doc.as_deref().map(|d| exact(&self.docs, d));
        Compiled {
            never,
            actor_codes: q
                .actor
                .as_deref()
                .map(|a| self.codes.table(|c| c.starts_with(a))),
            actor_id: q.actor.as_deref().map_or(NONE, |a| self.actors.get(a)),
            place_codes: q
                .place
                .as_deref()
                .map(|p| self.codes.table(|c| country_of(c) == Some(p))),
            cameos: q
                .cameo
                .as_deref()
                .map(|p| self.cameos.table(|c| c.starts_with(p))),
            plover,
            quads: q
                .quad
                .iter()
                .filter(|&&n| (1..=4).contains(&n))
                .fold(0, |m, &n| m | 1 << (n - 1)),
            from: q.from.map(day),
            to: q.to.map(day),
            doc,
        }
    }

    /// Whether event `i` matches: the same answer as
    /// [`EventQuery::matches`] on the event.
    pub(crate) fn matches(&self, i: usize, c: &Compiled) -> bool {
        let Some(r) = self.rows.get(i) else {
            return false;
        };
        if c.never {
            return false;
        }
        let code_in = |table: &[bool], code: u32| code != NONE && table[code as usize];
        if let Some(codes) = &c.actor_codes {
            let actor = |id: u32| c.actor_id != NONE && id == c.actor_id;
            let hit = code_in(codes, r.src_code)
                || actor(r.src_actor)
                || code_in(codes, r.tgt_code)
                || actor(r.tgt_actor);
            if !hit {
                return false;
            }
        }
        if let Some(cameos) = &c.cameos {
            if !cameos[r.cameo as usize] {
                return false;
            }
        }
        if c.plover.is_some_and(|p| p != r.plover) {
            return false;
        }
        if c.quads != 0 {
            let bit = r
                .quad
                .checked_sub(1)
                .filter(|b| *b < 4)
                .map_or(0, |b| 1u8 << b);
            if c.quads & bit == 0 {
                return false;
            }
        }
        let dated = c.from.is_some() || c.to.is_some();
        if dated
            && (r.date == NONE
                || c.from.is_some_and(|f| r.date < f)
                || c.to.is_some_and(|t| r.date > t))
        {
            return false;
        }
        if let Some(places) = &c.place_codes {
            if !code_in(places, r.src_code) && !code_in(places, r.tgt_code) {
                return false;
            }
        }
        if c.doc.is_some_and(|d| d != r.doc) {
            return false;
        }
        true
    }
}
