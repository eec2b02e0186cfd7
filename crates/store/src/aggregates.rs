//! Aggregates over the events an [`EventFilter`] selects, counted in SQL:
//! per day and quad class (the timeline), per country (the map), the
//! actor-to-actor network, and one actor's profile. Memory and time grow
//! with the number of groups answered, never with the events held in Rust.

use crate::codec::col_date;
use crate::db::Dialect;
use crate::error::Result;
use crate::events::EventFilter;
use crate::facts::Conditions;
use crate::store::Store;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

/// Counts of one day, by quad class.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DayCount {
    pub date: NaiveDate,
    /// Events of quad class 1, 2, 3, 4.
    pub quad: [u32; 4],
}

/// Events that happened in one country: their location's country (for
/// events stored before locations, schema v8: the target's, else the
/// source's country).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CountryCount {
    pub country: String,
    pub events: u32,
    pub quad: [u32; 4],
}

/// Events located at one place more precise than a country (a city, a
/// region, a body of water), for the map's points.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PlaceCount {
    pub name: String,
    /// ISO alpha-3 code of its country; empty for open water.
    pub country: String,
    /// `city`, `adm1` or `water`.
    pub precision: String,
    pub lat: f64,
    pub lon: f64,
    pub events: u32,
    pub quad: [u32; 4],
}

/// An actor in the network.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Node {
    /// The canonical actor id.
    pub id: String,
    /// The actor code of its earliest event.
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

/// One month of an actor's events.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct MonthCount {
    /// `YYYY-MM`, or `undated`.
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

/// A count from SQL as the `u32` the pages draw.
fn count(r: &crate::db::Row, idx: usize) -> rusqlite::Result<u32> {
    let n: i64 = r.get(idx)?;
    Ok(u32::try_from(n.max(0)).unwrap_or(u32::MAX))
}

/// A quad class as an index into `[u32; 4]`.
/// `col` of a group's row with the smallest `sort_key`: SQLite reads a
/// bare column beside `min(sort_key)` from that row; PostgreSQL is asked
/// for it.
fn first_by_date(dialect: Dialect, col: &str) -> String {
    match dialect {
        Dialect::Sqlite => col.to_string(),
        Dialect::Postgres => format!("(array_agg({col} ORDER BY sort_key, id))[1]"),
    }
}

fn quad_slot(quad: i64) -> Option<usize> {
    (1..=4).contains(&quad).then(|| (quad - 1) as usize)
}

impl Conditions {
    /// ` WHERE` with the clauses and `extra`, joined by `AND`.
    fn where_and(&self, extra: &str) -> String {
        match self.where_sql() {
            w if w.is_empty() => format!(" WHERE {extra}"),
            w => format!("{w} AND {extra}"),
        }
    }
}

impl Store {
    /// Matching dated events per day, by quad class, by date.
    pub fn event_timeline(&self, filter: &EventFilter) -> Result<Vec<DayCount>> {
        let c = filter.conditions(false);
        let sql = format!(
            "SELECT sort_key, quad_class, count(*) FROM events{}
             GROUP BY sort_key, quad_class ORDER BY sort_key",
            c.where_and("sort_key < '~' AND quad_class BETWEEN 1 AND 4")
        );
        let rows = self.query(&sql, c.params(), "counting events per day", |r| {
            Ok((col_date(r, 0)?, r.get::<_, i64>(1)?, count(r, 2)?))
        })?;
        let mut days: Vec<DayCount> = Vec::new();
        for (date, quad, n) in rows {
            let (Some(date), Some(slot)) = (date, quad_slot(quad)) else {
                continue;
            };
            match days.last_mut() {
                Some(d) if d.date == date => d.quad[slot] += n,
                _ => {
                    let mut day = DayCount { date, quad: [0; 4] };
                    day.quad[slot] = n;
                    days.push(day);
                }
            }
        }
        Ok(days)
    }

    /// Matching events per country they happened in, by country.
    pub fn event_countries(&self, filter: &EventFilter) -> Result<Vec<CountryCount>> {
        let c = filter.conditions(false);
        let sql = format!(
            "SELECT place_country, quad_class, count(*) FROM events{}
             GROUP BY place_country, quad_class ORDER BY place_country",
            c.where_and("place_country IS NOT NULL AND quad_class BETWEEN 1 AND 4"),
        );
        let rows = self.query(&sql, c.params(), "counting events per country", |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, count(r, 2)?))
        })?;
        let mut out: Vec<CountryCount> = Vec::new();
        for (country, quad, n) in rows {
            let Some(slot) = quad_slot(quad) else {
                continue;
            };
            if out.last().is_none_or(|c| c.country != country) {
                out.push(CountryCount {
                    country,
                    events: 0,
                    quad: [0; 4],
                });
            }
            if let Some(last) = out.last_mut() {
                last.quad[slot] += n;
                last.events += n;
            }
        }
        Ok(out)
    }

    /// Matching events per place more precise than a country, the
    /// `max_places` with most events (then by name).
    pub fn event_places(&self, filter: &EventFilter, max_places: usize) -> Result<Vec<PlaceCount>> {
        let c = filter.conditions(false);
        let field = |name: &str, number: bool| match self.dialect() {
            Dialect::Sqlite => format!("json_extract(location, '$.{name}')"),
            Dialect::Postgres if number => format!("(location::jsonb ->> '{name}')::float8"),
            Dialect::Postgres => format!("(location::jsonb ->> '{name}')"),
        };
        let sql = format!(
            "SELECT {}, {}, {}, {}, {}, quad_class, count(*)
             FROM events{}
             GROUP BY 1, 2, 3, 4, 5, 6",
            field("name", false),
            field("country", false),
            field("precision", false),
            field("lat", true),
            field("lon", true),
            c.where_and(&format!(
                "location IS NOT NULL AND quad_class BETWEEN 1 AND 4
                 AND {} IN ('city', 'adm1', 'water')",
                field("precision", false)
            )),
        );
        type Row = (String, String, String, f64, f64, i64, u32);
        let rows: Vec<Row> = self.query(&sql, c.params(), "counting events per place", |r| {
            Ok((
                r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                r.get::<_, Option<f64>>(3)?.unwrap_or_default(),
                r.get::<_, Option<f64>>(4)?.unwrap_or_default(),
                r.get::<_, i64>(5)?,
                count(r, 6)?,
            ))
        })?;
        let mut out: Vec<PlaceCount> = Vec::new();
        for (name, country, precision, lat, lon, quad, n) in rows {
            let Some(slot) = quad_slot(quad) else {
                continue;
            };
            let i = match out.iter().position(|p| {
                p.name == name && p.country == country && p.lat == lat && p.lon == lon
            }) {
                Some(i) => i,
                None => {
                    out.push(PlaceCount {
                        name,
                        country,
                        precision,
                        lat,
                        lon,
                        events: 0,
                        quad: [0; 4],
                    });
                    out.len() - 1
                }
            };
            out[i].quad[slot] += n;
            out[i].events += n;
        }
        out.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.name.cmp(&b.name)));
        out.truncate(max_places);
        Ok(out)
    }

    /// The network of matching events between two different actors: the
    /// `max_nodes` busiest actors (most events, then by id) and the edges
    /// among them (by source, then target).
    pub fn event_network(&self, filter: &EventFilter, max_nodes: usize) -> Result<Network> {
        let c = filter.conditions(false);
        // `source_code` and `target_code` are those of the row with the
        // smallest `sort_key` (SQLite's bare columns beside `min`).
        let sql = format!(
            "SELECT source_actor, target_actor, count(*), sum(goldstein), {}, {}, min(sort_key)
             FROM events{}
             GROUP BY source_actor, target_actor",
            first_by_date(self.dialect(), "source_code"),
            first_by_date(self.dialect(), "target_code"),
            c.where_and("target_code IS NOT NULL AND target_actor <> source_actor")
        );
        struct Pair {
            source: String,
            target: String,
            events: u32,
            goldstein: f64,
            source_code: String,
            target_code: String,
            first: String,
        }
        let pairs = self.query(&sql, c.params(), "counting the actor network", |r| {
            Ok(Pair {
                source: r.get(0)?,
                target: r.get(1)?,
                events: count(r, 2)?,
                goldstein: r.get(3)?,
                source_code: r.get(4)?,
                target_code: r.get(5)?,
                first: r.get(6)?,
            })
        })?;
        // Each actor: its code as of its earliest event, and its events.
        let mut nodes: HashMap<&str, (&str, &str, u32)> = HashMap::new();
        for p in &pairs {
            for (id, code) in [(&p.source, &p.source_code), (&p.target, &p.target_code)] {
                let n = nodes.entry(id).or_insert((code, &p.first, 0));
                if (p.first.as_str(), code.as_str()) < (n.1, n.0) {
                    (n.0, n.1) = (code, &p.first);
                }
                n.2 += p.events;
            }
        }
        let mut ranked: Vec<Node> = nodes
            .into_iter()
            .map(|(id, (code, _, events))| Node {
                id: id.to_string(),
                code: code.to_string(),
                events,
            })
            .collect();
        ranked.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.id.cmp(&b.id)));
        ranked.truncate(max_nodes);
        let kept: std::collections::HashSet<&str> = ranked.iter().map(|n| n.id.as_str()).collect();
        let mut edges: Vec<Edge> = pairs
            .iter()
            .filter(|p| kept.contains(p.source.as_str()) && kept.contains(p.target.as_str()))
            .map(|p| Edge {
                source: p.source.clone(),
                target: p.target.clone(),
                events: p.events,
                mean_goldstein: (p.goldstein / f64::from(p.events.max(1))) as f32,
            })
            .collect();
        edges.sort_by(|a, b| (&a.source, &a.target).cmp(&(&b.source, &b.target)));
        Ok(Network {
            nodes: ranked,
            edges,
        })
    }

    /// The profile of actor `id` (a canonical actor id, or an actor-code
    /// prefix): the events it is the source or target of, per month, how
    /// the text named it, and whom it acted on and who on it, busiest
    /// first. Read from one snapshot of the store.
    pub fn actor_profile(&self, id: &str) -> Result<ActorProfile> {
        let mut c = Conditions::default();
        let actor = c.param(id.to_string());
        let (lo, hi) = c.prefix_params(id);
        let is = |side: &str| {
            format!(
                "({side}_actor = {actor} OR {})",
                c.prefix(&format!("{side}_code"), &lo, hi.as_deref())
            )
        };
        let (s, t) = (is("source"), is("target"));
        let params = c.params();
        let dialect = self.dialect();
        self.snapshot("reading an actor profile", |store| {
            let mut p = ActorProfile {
                id: id.to_string(),
                ..ActorProfile::default()
            };
            let sql = format!(
                "SELECT CASE WHEN date IS NULL THEN 'undated' ELSE substr(date, 1, 7) END AS month,
                        sum(CASE WHEN {s} THEN 1 ELSE 0 END),
                        sum(CASE WHEN {t} THEN 1 ELSE 0 END),
                        coalesce(sum(CASE WHEN goldstein > 0 THEN goldstein ELSE 0.0 END), 0.0),
                        coalesce(sum(CASE WHEN goldstein > 0 THEN 0.0 ELSE -goldstein END), 0.0),
                        count(*)
                 FROM events WHERE {s} OR {t}
                 GROUP BY month ORDER BY month"
            );
            let months = store.query(&sql, params.clone(), "counting an actor's months", |r| {
                Ok((
                    MonthCount {
                        month: r.get(0)?,
                        as_source: count(r, 1)?,
                        as_target: count(r, 2)?,
                        cooperative: r.get::<_, f64>(3)? as f32,
                        conflictual: r.get::<_, f64>(4)? as f32,
                    },
                    count(r, 5)?,
                ))
            })?;
            let (mut coop, mut conflict) = (0f64, 0f64);
            for (m, n) in months {
                p.events += n;
                coop += f64::from(m.cooperative);
                conflict += f64::from(m.conflictual);
                p.months.push(m);
            }
            (p.cooperative, p.conflictual) = (coop as f32, conflict as f32);
            let ranked = |col: &str| {
                format!(
                    "SELECT v, count(*) AS n FROM (
                         SELECT source_{col} AS v FROM events WHERE {s}
                         UNION ALL
                         SELECT target_{col} FROM events WHERE {t}) AS sides
                     GROUP BY v ORDER BY n DESC, v"
                )
            };
            let names = |sql: String, what: &str| {
                store.query(&sql, params.clone(), what, |r| r.get::<_, String>(0))
            };
            p.names = names(ranked("name"), "ranking an actor's names")?;
            p.codes = names(ranked("code"), "ranking an actor's codes")?;
            let counterparts = |sql: String, what: &str| {
                store.query(&sql, params.clone(), what, |r| {
                    let events = count(r, 2)?;
                    Ok(Counterpart {
                        actor: r.get(0)?,
                        code: r.get(1)?,
                        events,
                        mean_goldstein: (r.get::<_, f64>(3)? / f64::from(events.max(1))) as f32,
                    })
                })
            };
            p.acts_on = counterparts(
                format!(
                    "SELECT target_actor, {}, count(*) AS n, sum(goldstein),
                            min(sort_key)
                     FROM events WHERE {s} AND target_code IS NOT NULL
                     GROUP BY target_actor ORDER BY n DESC, target_actor",
                    first_by_date(dialect, "target_code")
                ),
                "ranking whom an actor acted on",
            )?;
            p.acted_on_by = counterparts(
                format!(
                    "SELECT source_actor, {}, count(*) AS n, sum(goldstein),
                            min(sort_key)
                     FROM events WHERE {t}
                     GROUP BY source_actor ORDER BY n DESC, source_actor",
                    first_by_date(dialect, "source_code")
                ),
                "ranking who acted on an actor",
            )?;
            Ok(p)
        })
    }
}
