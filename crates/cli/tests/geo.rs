//! Issue 13, item 2: events located where their clause says they
//! happened. The gold sets in `tests/data/geo/` are sentences written for
//! entente with the place each event happened (`gold.json`, and
//! `fresh.json`, `heldout.json` and `towns_regions_targets.json`, written
//! apart from the rules as a check on them).

use super::*;

fn geo_gold(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/data/geo")
        .join(name)
}

/// The number after `label` in the command's output.
fn figure(output: &str, label: &str) -> f64 {
    output
        .lines()
        .find_map(|l| l.strip_prefix(label))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no {label:?} in {output}"))
}

#[test]
fn event_locations_are_right_for_at_least_nine_in_ten_gold_sentences() {
    let out = entente()
        .args(["eval", "geo", "--gold"])
        .arg(geo_gold("gold.json"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    assert!(figure(&text, "records") >= 50.0, "{text}");
    let accuracy = figure(&text, "location accuracy");
    assert!(
        accuracy >= 0.9,
        "help: the event locations of tests/data/geo/gold.json fell to {accuracy}; \
         see the misses:\n{text}"
    );
}

/// Sentences written after the rules for small towns (Natural Earth's),
/// regions named by their seat ("the Mykolaiv oblast") and cities named as
/// the target of an attack ("Israeli jets bombed Damascus"), measured once:
/// 13 of 16 (two misses are sentences the coder finds no event in). This
/// keeps that figure.
#[test]
fn towns_regions_and_struck_cities_are_located() {
    let out = entente()
        .args(["eval", "geo", "--gold"])
        .arg(geo_gold("towns_regions_targets.json"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    assert!(figure(&text, "records") >= 16.0, "{text}");
    let accuracy = figure(&text, "location accuracy");
    assert!(
        accuracy >= 0.8,
        "help: the event locations of tests/data/geo/towns_regions_targets.json fell to \
         {accuracy}; see the misses:\n{text}"
    );
}

#[test]
fn a_gold_file_without_coordinates_for_a_city_is_refused_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bad.json");
    std::fs::write(
        &path,
        r#"[{"id":"x","text":"Troops entered Kherson.","published":"2023-05-02",
            "expected":{"name":"Kherson","country":"UKR","precision":"city"}}]"#,
    )
    .expect("write");
    let out = entente()
        .args(["eval", "geo", "--gold"])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(stderr_of(&out).contains("bad.json"), "{}", stderr_of(&out));
}

/// The GDELT export fills ActionGeo (and the actors' Geo columns) for every
/// gold sentence: type, full name, country, ADM1, latitude, longitude and
/// feature id.
#[test]
fn the_gdelt_export_fills_the_geo_columns_for_the_gold_sentences() {
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(geo_gold("gold.json")).expect("gold.json"))
            .expect("parses");
    let records = gold.as_array().expect("an array");
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("gold.jsonl");
    let lines: Vec<String> = records
        .iter()
        .map(|r| {
            serde_json::json!({"id": r["id"], "text": r["text"], "published": r["published"]})
                .to_string()
        })
        .collect();
    std::fs::write(&input, lines.join("\n")).expect("write");
    let out = entente()
        .args(["code", "--format", "gdelt", "--header"])
        .arg(&input)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    let mut rows = text.lines();
    let header: Vec<&str> = rows.next().expect("a header").split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let rows: Vec<Vec<&str>> = rows.map(|r| r.split('\t').collect()).collect();
    assert!(
        rows.len() >= records.len(),
        "every gold sentence gives an event"
    );
    let mut located = 0;
    for r in &rows {
        let ty = r[col("ActionGeo_Type")];
        assert!(
            ["1", "2", "3", "4", "5"].contains(&ty),
            "ActionGeo_Type {ty:?} in {r:?}"
        );
        located += 1;
        assert!(!r[col("ActionGeo_FullName")].is_empty(), "{r:?}");
        assert!(!r[col("ActionGeo_FeatureID")].is_empty(), "{r:?}");
        let lat: f64 = r[col("ActionGeo_Lat")].parse().expect("a latitude");
        let lon: f64 = r[col("ActionGeo_Long")].parse().expect("a longitude");
        assert!((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon));
        // Open water has no country; every other place has its FIPS code,
        // which begins its ADM1 code.
        let country = r[col("ActionGeo_CountryCode")];
        if ty != "4" || !country.is_empty() {
            assert_eq!(country.len(), 2, "{r:?}");
            assert!(r[col("ActionGeo_ADM1Code")].starts_with(country), "{r:?}");
        }
        if !r[col("Actor1Code")].is_empty() && r[col("Actor1CountryCode")].len() == 3 {
            assert!(!r[col("Actor1Geo_Type")].is_empty(), "{r:?}");
        }
    }
    assert_eq!(located, rows.len());
    // Kherson, as GDELT writes a city outside the US.
    let kherson = rows
        .iter()
        .find(|r| r[col("ActionGeo_FullName")].starts_with("Kherson, "))
        .expect("a row located in Kherson");
    assert_eq!(kherson[col("ActionGeo_Type")], "4");
    assert_eq!(kherson[col("ActionGeo_CountryCode")], "UP");
    assert_eq!(kherson[col("ActionGeo_FeatureID")], "706448");
}
