//! GDELT 2.0 event rows: 61 tab-separated columns, in the order of GDELT's
//! `GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv`. GLOBALEVENTID
//! is the event's stable id ([`Event::stable_id`]), the same in every
//! export; NumMentions, NumSources and NumArticles come from [`Coverage`]
//! (the event's story group, when the caller knows it). Tone is left empty:
//! entente does not compute it.
//!
//! Geography, as GDELT 2.0's event codebook has it: ActionGeo is the
//! event's location ([`Event::location`]); Actor1Geo and Actor2Geo place
//! each actor at the event's location when that lies in the actor's
//! country, else at its country. Type is 1 for a country, 2 a US state, 3 a
//! US city, 4 a city elsewhere (and a body of water), 5 a region
//! elsewhere. CountryCode is the FIPS 10-4 code GDELT uses there (unlike
//! the actor columns' CAMEO codes: `UP` for Ukraine), ADM1Code the FIPS
//! country code and the region's code (`UP08`), ADM2Code is left empty,
//! FeatureID the GeoNames id of a city, the ADM1 code of a region, the
//! FIPS code of a country, the name of a body of water.

use crate::codes::CodeTable;
use chrono::Datelike;
use entente_annotate::places::Gazetteer;
use entente_core::{
    ActorCode, ActorRef, Document, Event, Location, LocationBasis, LocationPrecision,
};

/// The 61 GDELT 2.0 event columns.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The header line (column names, tab-separated).
pub fn gdelt_header() -> String {
    GDELT_COLUMNS.join("\t")
}

/// The ten actor columns of one actor.
fn actor_columns(a: Option<&ActorRef>) -> [String; 10] {
    let mut cols: [String; 10] = Default::default();
    let Some(a) = a else { return cols };
    let code = a.code.as_str();
    cols[0] = code.to_string();
    cols[1] = a.name.to_uppercase().to_string();
    let chunks: Vec<&str> = (0..code.len() / 3)
        .filter_map(|i| code.get(i * 3..i * 3 + 3))
        .collect();
    let mut rest = chunks.as_slice();
    if let Some((first, tail)) = chunks.split_first() {
        // A group prefix (IGO, NGO, ...) names an organisation, not a country.
        if ActorCode::parse(first).is_some_and(|c| c.org_prefix().is_some()) {
            cols[3] = tail.last().copied().unwrap_or(first).to_string();
            rest = &[];
        } else if ActorCode::parse(first).is_some_and(|c| c.country().is_none()) {
            // A sector or religion code of no country ("SPY", "REBMIL"):
            // CountryCode empty, every block a type, as GDELT writes them.
            rest = &chunks;
        } else {
            cols[2] = first.to_string();
            rest = tail;
        }
    }
    for (i, t) in rest.iter().take(3).enumerate() {
        cols[7 + i] = t.to_string();
    }
    cols
}

/// The eight geography columns of one location (Type, FullName,
/// CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID).
fn geo_columns(loc: Option<&Location>) -> [String; 8] {
    let mut cols: [String; 8] = Default::default();
    let Some(l) = loc else { return cols };
    let fips = l.adm1.get(..2).unwrap_or("");
    let us = fips == "US";
    cols[0] = match (l.precision, us) {
        (LocationPrecision::Country, _) => "1",
        (LocationPrecision::Adm1, true) => "2",
        (LocationPrecision::City, true) => "3",
        (LocationPrecision::City | LocationPrecision::Water, _) => "4",
        (LocationPrecision::Adm1, false) => "5",
    }
    .to_string();
    cols[1] = l.full_name.to_string();
    cols[2] = fips.to_string();
    cols[3] = l.adm1.to_string();
    cols[5] = format!("{:.4}", l.lat);
    cols[6] = format!("{:.4}", l.lon);
    cols[7] = l.feature_id.to_string();
    cols
}

/// Where GDELT's ActorGeo puts an actor: at the event's location when it
/// lies in the actor's country, else at that country.
fn actor_location(actor: Option<&ActorRef>, event: Option<&Location>) -> Option<Location> {
    let iso = ActorCode::parse(&actor?.code)?.country()?.to_string();
    if let Some(l) = event.filter(|l| l.country == iso) {
        return Some(l.clone());
    }
    let g = Gazetteer::embedded();
    let basis = LocationBasis::Source;
    g.location(g.country(&iso)?, basis, None)
}

/// How widely an event was reported: GDELT's NumMentions, NumSources and
/// NumArticles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    /// Tellings of the event over every article that reports it.
    pub mentions: usize,
    /// Distinct sources (outlets) among those articles.
    pub sources: usize,
    /// Articles reporting it.
    pub articles: usize,
}

impl Coverage {
    /// One article by one source: the tellings of `event` in its document.
    pub fn single(event: &Event) -> Coverage {
        Coverage {
            mentions: event.tellings(),
            sources: 1,
            articles: 1,
        }
    }

    /// The event as reported by a story of `articles` copies from `sources`
    /// outlets: its tellings in this document, plus one for each other copy
    /// (a copy tells the same story, so it mentions the event at least once).
    pub fn story(event: &Event, articles: usize, sources: usize) -> Coverage {
        let articles = articles.max(1);
        Coverage {
            mentions: event.tellings() + (articles - 1),
            sources: sources.clamp(1, articles),
            articles,
        }
    }
}

/// One GDELT 2.0 event row (no trailing newline). GLOBALEVENTID is
/// `event.id`; DATEADDED is the publication date at midnight.
pub fn gdelt_row(event: &Event, doc: &Document, coverage: Coverage) -> String {
    gdelt_fields(event, doc, coverage).join("\t")
}

/// The 61 fields of [`gdelt_row`], in [`GDELT_COLUMNS`] order, as text
/// (an empty string where GDELT leaves a column blank; tabs and line
/// breaks inside a field already turned to spaces). Columnar writers read
/// their values from here, so that every export agrees with the TSV.
pub fn gdelt_fields(event: &Event, doc: &Document, coverage: Coverage) -> Vec<String> {
    let table = CodeTable::embedded();
    let info = table.get(&event.cameo);
    let mut f: Vec<String> = Vec::with_capacity(61);
    f.push(event.id.to_string());
    match event.date {
        Some(d) => {
            f.push(d.format("%Y%m%d").to_string());
            f.push(d.format("%Y%m").to_string());
            f.push(d.year().to_string());
            let frac = (d.month() as f64 * 30.0 + d.day() as f64) / 365.0;
            f.push(format!("{:.4}", d.year() as f64 + frac.min(0.9999)));
        }
        None => f.extend(std::iter::repeat_n(String::new(), 4)),
    }
    f.extend(actor_columns(Some(&event.source)));
    f.extend(actor_columns(event.target.as_ref()));
    f.push(if event.sentence == 0 { "1" } else { "0" }.to_string());
    f.push(event.cameo.to_string());
    f.push(
        info.map(|i| i.base().to_string())
            .unwrap_or_else(|| event.cameo.chars().take(3).collect()),
    );
    f.push(
        info.map(|i| i.root.clone())
            .unwrap_or_else(|| event.cameo.chars().take(2).collect()),
    );
    f.push(event.quad_class.to_string());
    f.push(format!("{:.1}", event.goldstein));
    f.push(coverage.mentions.to_string());
    f.push(coverage.sources.to_string());
    f.push(coverage.articles.to_string());
    f.push(String::new());
    let action = event.location.as_ref();
    f.extend(geo_columns(
        actor_location(Some(&event.source), action).as_ref(),
    ));
    f.extend(geo_columns(
        actor_location(event.target.as_ref(), action).as_ref(),
    ));
    f.extend(geo_columns(action));
    f.push(
        doc.published
            .map(|d| d.format("%Y%m%d000000").to_string())
            .unwrap_or_default(),
    );
    f.push(doc.url.clone().unwrap_or_default());
    debug_assert_eq!(f.len(), GDELT_COLUMNS.len());
    f.iter().map(|c| c.replace(['\t', '\n'], " ")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes_split_into_columns() {
        let a = ActorRef {
            code: "NZLGOV".into(),
            actor: "NZL".into(),
            name: "The Government".into(),
        };
        let c = actor_columns(Some(&a));
        assert_eq!(c[2], "NZL");
        assert_eq!(c[7], "GOV");
        let n = ActorRef {
            code: "IGOWSTNAT".into(),
            actor: "NATO".into(),
            name: "NATO".into(),
        };
        assert_eq!(actor_columns(Some(&n))[3], "NAT");
        // Intelligence agents of no named country: a type, no country.
        let spy = ActorRef {
            code: "SPY".into(),
            actor: "SPY".into(),
            name: "intelligence agents".into(),
        };
        let c = actor_columns(Some(&spy));
        assert_eq!((c[2].as_str(), c[7].as_str()), ("", "SPY"));
        assert!(actor_location(Some(&spy), None).is_none());
    }

    #[test]
    fn geography_follows_the_codebook() {
        let g = Gazetteer::embedded();
        let kherson = g
            .lookup("Kherson")
            .and_then(|r| {
                r.places
                    .iter()
                    .map(|&(p, _)| p)
                    .find(|&p| g.place(p).is_some_and(|x| x.feature != "ADM1"))
            })
            .and_then(|p| g.location(p, LocationBasis::Clause, Some((10, 17))))
            .unwrap();
        let c = geo_columns(Some(&kherson));
        assert_eq!(c[0], "4");
        assert_eq!(c[1], "Kherson, Kherson, Ukraine");
        assert_eq!((c[2].as_str(), c[3].as_str()), ("UP", "UP08"));
        assert!(
            c[5].starts_with("46.6") && c[6].starts_with("32.6"),
            "{c:?}"
        );
        assert_eq!(c[7], "706448");
        let russia = ActorRef {
            code: "RUSMIL".into(),
            actor: "RUS".into(),
            name: "Russian forces".into(),
        };
        let ukraine = ActorRef {
            code: "UKR".into(),
            actor: "UKR".into(),
            name: "Ukraine".into(),
        };
        // The Russian forces act in Ukraine but are placed at their country.
        let a1 = actor_location(Some(&russia), Some(&kherson)).unwrap();
        assert_eq!(
            (a1.name.as_str(), a1.precision),
            ("Russia", LocationPrecision::Country)
        );
        assert_eq!(geo_columns(Some(&a1))[0], "1");
        assert_eq!(geo_columns(Some(&a1))[2], "RS");
        let a2 = actor_location(Some(&ukraine), Some(&kherson)).unwrap();
        assert_eq!(a2.name, "Kherson");
        assert_eq!(geo_columns(None), <[String; 8]>::default());
    }
}
