//! Scoring event locations against a gold file (`entente eval geo --gold
//! FILE`).
//!
//! The gold file is a JSON array of records, one sentence each:
//!
//! ```json
//! [{"id": "kherson-1",
//!   "text": "Russian forces shelled a market in Kherson on Monday.",
//!   "published": "2023-05-02",
//!   "expected": {"name": "Kherson", "country": "UKR", "lat": 46.64, "lon": 32.61,
//!                "precision": "city"}}]
//! ```
//!
//! `country` is the ISO alpha-3 code (empty for open water), `precision` one
//! of `city`, `adm1`, `water`, `country`; `lat` and `lon` may be left out
//! for a country. The coder runs on each sentence with its publication
//! date; the located event is the first event coded. It is **right** when
//! its country is the expected one and, unless a country was expected, it
//! lies within the tolerance of the expected point (50 km by default) or
//! bears the expected name. Scores: accuracy (right / records: a record
//! with no event or no location is wrong), and how often the precision is
//! the expected one.

use super::DictionaryError;
use chrono::NaiveDate;
use entente_core::{distance_km, Event, Location, LocationPrecision};
use serde::{Deserialize, Serialize};

/// The tolerance, in kilometres, within which a located place is right.
pub const DEFAULT_TOLERANCE_KM: f64 = 50.0;

/// Where a gold record says its event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExpectedPlace {
    pub name: String,
    /// ISO alpha-3; empty for open water.
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub lat: Option<f64>,
    #[serde(default)]
    pub lon: Option<f64>,
    pub precision: LocationPrecision,
}

/// One gold record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeoGold {
    pub id: String,
    pub text: String,
    pub published: NaiveDate,
    pub expected: ExpectedPlace,
}

/// A record located wrongly, or not at all.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GeoMiss {
    pub id: String,
    pub text: String,
    pub expected: String,
    /// The location found (full name, precision, basis), if any.
    pub found: Option<String>,
    /// Distance to the expected point, when both have one.
    pub km: Option<f64>,
}

/// Scores over a geo gold file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GeoReport {
    pub records: usize,
    /// Records whose first event has a location.
    pub located: usize,
    pub correct: usize,
    pub accuracy: f64,
    /// Records located at the expected precision.
    pub precision_correct: usize,
    pub precision_accuracy: f64,
    pub tolerance_km: f64,
    pub misses: Vec<GeoMiss>,
}

/// Parses a geo gold file; `file` names it in errors.
pub fn parse_geo_gold(file: &str, json: &str) -> Result<Vec<GeoGold>, DictionaryError> {
    let gold: Vec<GeoGold> = serde_json::from_str(json).map_err(|e| DictionaryError::Json {
        file: file.to_string(),
        message: e.to_string(),
    })?;
    for (i, g) in gold.iter().enumerate() {
        let point_needed = g.expected.precision != LocationPrecision::Country;
        if point_needed && (g.expected.lat.is_none() || g.expected.lon.is_none()) {
            return Err(DictionaryError::Json {
                file: file.to_string(),
                message: format!("record {i} ({}): a {} needs lat and lon", g.id, {
                    g.expected.precision.as_str()
                }),
            });
        }
    }
    Ok(gold)
}

/// Whether `found` is where `expected` says, within `tolerance_km`.
pub fn place_matches(found: &Location, expected: &ExpectedPlace, tolerance_km: f64) -> bool {
    if found.country != expected.country {
        return false;
    }
    if expected.precision == LocationPrecision::Country {
        return true;
    }
    let near = match (expected.lat, expected.lon) {
        (Some(lat), Some(lon)) => found.distance_km(lat, lon) <= tolerance_km,
        _ => false,
    };
    near || found.name.eq_ignore_ascii_case(&expected.name)
}

/// Runs `code` on every record and scores the first event's location.
pub fn evaluate_geo<F>(gold: &[GeoGold], tolerance_km: f64, code: F) -> GeoReport
where
    F: Fn(&str, NaiveDate) -> Vec<Event>,
{
    let (mut located, mut correct, mut precision_correct) = (0, 0, 0);
    let mut misses = Vec::new();
    for g in gold {
        let events = code(&g.text, g.published);
        let loc = events.first().and_then(|e| e.location.as_ref());
        if loc.is_some() {
            located += 1;
        }
        if loc.is_some_and(|l| l.precision == g.expected.precision) {
            precision_correct += 1;
        }
        let right = loc.is_some_and(|l| place_matches(l, &g.expected, tolerance_km));
        if right {
            correct += 1;
        } else {
            misses.push(GeoMiss {
                id: g.id.clone(),
                text: g.text.clone(),
                expected: format!(
                    "{} ({}, {})",
                    g.expected.name,
                    g.expected.country,
                    g.expected.precision.as_str()
                ),
                found: loc.map(|l| {
                    format!(
                        "{} ({}, {}, {})",
                        l.full_name,
                        l.country,
                        l.precision.as_str(),
                        l.basis.as_str()
                    )
                }),
                km: loc.and_then(|l| {
                    Some(distance_km(l.lat, l.lon, g.expected.lat?, g.expected.lon?))
                }),
            });
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    GeoReport {
        records: gold.len(),
        located,
        correct,
        accuracy: ratio(correct, gold.len()),
        precision_correct,
        precision_accuracy: ratio(precision_correct, gold.len()),
        tolerance_km,
        misses,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use entente_core::LocationBasis;

    fn loc(name: &str, country: &str, lat: f64, lon: f64, p: LocationPrecision) -> Location {
        Location {
            name: name.into(),
            full_name: name.into(),
            country: country.into(),
            adm1: "".into(),
            lat,
            lon,
            precision: p,
            feature_id: "".into(),
            basis: LocationBasis::Clause,
            start: None,
            end: None,
        }
    }

    #[test]
    fn places_match_by_country_distance_or_name() {
        let expected = ExpectedPlace {
            name: "Kherson".into(),
            country: "UKR".into(),
            lat: Some(46.64),
            lon: Some(32.61),
            precision: LocationPrecision::City,
        };
        let city = LocationPrecision::City;
        assert!(place_matches(
            &loc("Kherson", "UKR", 46.63, 32.62, city),
            &expected,
            50.0
        ));
        // Kyiv is 450 km away.
        assert!(!place_matches(
            &loc("Kyiv", "UKR", 50.45, 30.52, city),
            &expected,
            50.0
        ));
        assert!(!place_matches(
            &loc("Kherson", "RUS", 46.63, 32.62, city),
            &expected,
            50.0
        ));
        let country = ExpectedPlace {
            precision: LocationPrecision::Country,
            lat: None,
            lon: None,
            ..expected
        };
        assert!(place_matches(
            &loc("Kyiv", "UKR", 50.45, 30.52, city),
            &country,
            50.0
        ));
    }

    #[test]
    fn gold_files_parse_and_name_their_faults() {
        let ok = r#"[{"id":"a","text":"t","published":"2023-05-02",
            "expected":{"name":"Ukraine","country":"UKR","precision":"country"}}]"#;
        assert_eq!(parse_geo_gold("g.json", ok).map(|g| g.len()).ok(), Some(1));
        let no_point = r#"[{"id":"a","text":"t","published":"2023-05-02",
            "expected":{"name":"Kherson","country":"UKR","precision":"city"}}]"#;
        let e = parse_geo_gold("g.json", no_point)
            .err()
            .map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.contains("g.json") && e.contains("lat")));
        assert!(parse_geo_gold("g.json", "{").is_err());
    }

    #[test]
    fn a_record_without_an_event_is_wrong() {
        let gold = parse_geo_gold(
            "g.json",
            r#"[{"id":"a","text":"t","published":"2023-05-02",
            "expected":{"name":"Ukraine","country":"UKR","precision":"country"}}]"#,
        )
        .unwrap_or_default();
        let r = evaluate_geo(&gold, 50.0, |_, _| Vec::new());
        assert_eq!((r.records, r.correct, r.located), (1, 0, 0));
        assert_eq!(r.misses.len(), 1);
    }
}
