//! Issue 12: a knowledge base that is current, named and trustworthy.

use chrono::NaiveDate;
use entente_know::{CheckStatus, Condition, KnowledgeBase, ProvisionKind};

fn kb() -> &'static KnowledgeBase {
    match KnowledgeBase::embedded() {
        Ok(kb) => kb,
        Err(e) => {
            panic!("embedded data does not load: {e}\nhelp: rerun scripts/build_alliances.py")
        }
    }
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

#[test]
fn every_treaty_has_a_name_not_an_id() {
    for t in kb().treaties() {
        assert!(
            !t.name.starts_with("ATOP") && t.name != t.id && !t.name.is_empty(),
            "{}: bare name {:?}\nhelp: name it in curated.tsv or rerun scripts/build_alliances.py",
            t.id,
            t.name
        );
    }
    let names: std::collections::HashSet<&str> =
        kb().treaties().iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names.len(), kb().treaties().len(), "names are unique");
}

#[test]
fn generated_names_say_parties_and_year() {
    let t = kb().treaty("atop:4120").expect("Hungary-Ukraine 1991");
    assert_eq!(t.name, "Hungary–Ukraine treaty of 1991");
    assert!(t.name_generated);
    let t = kb()
        .treaty("atop:4070")
        .expect("France-Czechoslovakia 1991");
    assert_eq!(
        t.name, "Czechoslovakia–France treaty of 1991",
        "a treaty carried on with successor states keeps its founders' name"
    );
    let t = kb().treaty("atop:3240").expect("US-ROK");
    assert!(!t.name_generated);
    assert_eq!(
        t.name,
        "Mutual Defense Treaty between the United States and the Republic of Korea"
    );
    assert_eq!(
        t.in_force.map(|d| d.to_string()).as_deref(),
        Some("1954-11-17")
    );
}

#[test]
fn obligations_name_every_treaty() {
    let a = kb()
        .obligations("UKR", day("2022-04-08"), None, None)
        .expect("UKR");
    assert!(!a.obligated.is_empty());
    for o in &a.obligated {
        assert!(!o.treaty.starts_with("ATOP"), "{o:?}");
    }
}

#[test]
fn treaties_between_show_dates_side_by_side_and_why_they_ended() {
    let a = kb().treaties_between("RUS", "PRK", None).expect("pair");
    let old = a
        .treaties
        .iter()
        .find(|t| t.id == "atop:4940")
        .expect("the 2000 treaty, ever");
    assert_eq!(
        old.ended.map(|d| d.to_string()).as_deref(),
        Some("2024-12-04")
    );
    assert!(
        old.end_reason
            .as_deref()
            .is_some_and(|r| r.contains("superseded")),
        "{old:?}"
    );
    let table = a.to_table();
    for col in [
        "signed",
        "in force",
        "ended",
        "why ended",
        "both bound from",
    ] {
        assert!(table.contains(col), "{table}");
    }
    // The Helsinki Final Act binds Ukraine from its own accession, not from 1975.
    let a = kb().treaties_between("RUS", "UKR", None).expect("pair");
    let helsinki = a
        .treaties
        .iter()
        .find(|t| t.id == "atop:3740")
        .expect("Helsinki Final Act");
    assert_eq!(
        helsinki.in_force.map(|d| d.to_string()).as_deref(),
        Some("1975-08-01")
    );
    assert!(
        helsinki
            .bound_from
            .is_some_and(|d| d.first_day() >= day("1991-12-26")),
        "{helsinki:?}"
    );
}

#[test]
fn no_ended_treaty_binds_ukraine_in_2022() {
    let on = day("2022-04-08");
    let a = kb().obligations("UKR", on, None, None).expect("UKR");
    for o in &a.obligated {
        let t = kb().treaty(&o.treaty).expect("named treaty");
        assert!(t.in_force_on(on), "{} ended {:?}", t.name, t.ended);
    }
    assert!(
        !a.states.iter().any(|s| s == "RUS"),
        "the 1997 friendship treaty expired on 1 April 2019: {:?}",
        a.states
    );
    let now = kb().treaties_between("RUS", "UKR", Some(on)).expect("pair");
    for t in &now.treaties {
        assert!(t.ended.is_none(), "{t:?}");
    }
    let ever = kb().treaties_between("RUS", "UKR", None).expect("pair");
    let big = ever
        .treaties
        .iter()
        .find(|t| t.id == "atop:4875")
        .expect("the 1997 treaty, ever");
    assert_eq!(
        big.ended.map(|d| d.to_string()).as_deref(),
        Some("2019-04-01")
    );
    assert_eq!(
        big.in_force.map(|d| d.to_string()).as_deref(),
        Some("1999-04-01")
    );
    assert!(big
        .end_reason
        .as_deref()
        .is_some_and(|r| r.starts_with("expired")));
}

#[test]
fn successor_states_are_bound_only_from_their_independence() {
    // The RSFSR–Ukrainian SSR treaty of November 1990: Ukraine from 26 December 1991.
    let t = kb().treaty("atop:4016").expect("1990 treaty");
    let ukr = t.parties.iter().find(|p| p.code == "UKR").expect("UKR");
    assert_eq!(ukr.from.to_string(), "1991-12-26");
    assert_eq!(ukr.basis, entente_know::DateBasis::Independence);
    for t in kb().treaties() {
        for p in t.parties.iter().filter(|p| p.code == "UKR") {
            assert!(
                p.from.first_day() >= day("1991-12-26"),
                "{}: Ukraine from {}",
                t.name,
                p.from
            );
        }
    }
    assert!(kb()
        .obligations("UKR", day("1991-06-01"), None, None)
        .expect("UKR")
        .obligated
        .is_empty());
}

#[test]
fn afghanistan_is_bound_to_nothing_after_august_2021() {
    let before = kb()
        .treaties_between("USA", "AFG", Some(day("2021-08-01")))
        .expect("pair");
    assert!(before.treaties.iter().any(|t| t.id == "atop:6050"));
    let after = kb()
        .obligations("AFG", day("2021-12-01"), None, None)
        .expect("AFG");
    assert!(after.obligated.is_empty(), "{:?}", after.obligated);
    let after = kb()
        .treaties_between("USA", "AFG", Some(day("2021-12-01")))
        .expect("pair");
    assert!(after.treaties.is_empty(), "{:?}", after.treaties);
}

fn member_codes(org: &str, on: &str) -> Vec<String> {
    let a = kb()
        .members(org, day(on))
        .unwrap_or_else(|e| panic!("{org}: {e}"));
    a.members.into_iter().map(|m| m.code).collect()
}

#[test]
fn aukus_and_the_quad_are_partnerships_without_defence() {
    assert_eq!(member_codes("AUKUS", "2024-01-01"), ["AUS", "GBR", "USA"]);
    assert!(member_codes("AUKUS", "2021-09-14").is_empty());
    assert_eq!(
        member_codes("Quad", "2024-01-01"),
        ["AUS", "IND", "JPN", "USA"]
    );
    let india = kb()
        .obligations("IND", day("2024-01-01"), Some("Quad"), None)
        .expect("IND");
    assert!(india.obligated.is_empty(), "{:?}", india.obligated);
}

#[test]
fn north_koreas_allies_before_and_after_december_2024() {
    let allies = |on: &str| {
        kb().obligations("PRK", day(on), None, None)
            .expect("PRK")
            .obligated
            .into_iter()
            .filter(|o| o.provision == entente_know::ProvisionKind::Defence)
            .map(|o| o.code)
            .collect::<Vec<_>>()
    };
    let before = allies("2024-12-03");
    assert!(before.iter().any(|c| c == "CHN") && !before.iter().any(|c| c == "RUS"));
    let after = allies("2024-12-04");
    assert!(after.iter().any(|c| c == "CHN") && after.iter().any(|c| c == "RUS"));
    assert_eq!(after.len(), before.len() + 1, "{before:?} then {after:?}");
    let t = kb()
        .treaties_between("RUS", "PRK", Some(day("2025-01-01")))
        .expect("pair");
    assert!(
        !t.treaties.iter().any(|t| t.id == "atop:4940"),
        "superseded"
    );
    let new = t
        .treaties
        .iter()
        .find(|t| t.id == "RUS-PRK-2024")
        .expect("the 2024 treaty");
    assert_eq!(
        new.signed.map(|d| d.to_string()).as_deref(),
        Some("2024-06-19")
    );
}

#[test]
fn ecowas_before_and_after_the_sahel_states_left() {
    let before = member_codes("ECOWAS", "2025-01-28");
    for s in ["BFA", "MLI", "NER"] {
        assert!(before.iter().any(|c| c == s), "{s} in {before:?}");
    }
    let after = member_codes("ECOWAS", "2025-01-29");
    for s in ["BFA", "MLI", "NER"] {
        assert!(!after.iter().any(|c| c == s), "{s} in {after:?}");
    }
    assert_eq!(before.len(), after.len() + 3);
    let bound = kb()
        .obligations("NGA", day("2025-06-01"), None, None)
        .expect("NGA");
    assert!(
        !bound.states.iter().any(|s| s == "NER"),
        "{:?}",
        bound.states
    );
}

#[test]
fn the_pacific_islands_forum_in_2022_and_2024() {
    assert!(!member_codes("PIF", "2022-08-01").iter().any(|c| c == "KIR"));
    let now = member_codes("PIF", "2024-06-01");
    assert_eq!(now.len(), 18, "{now:?}");
    assert!(now.iter().any(|c| c == "KIR"));
}

#[test]
fn indo_pacific_access_agreements_and_the_falepili_union() {
    let t = kb()
        .treaties_between("JPN", "PHL", Some(day("2025-09-11")))
        .expect("pair");
    assert!(t.treaties.iter().any(|t| t.id == "JPN-PHL-RAA"), "{t:?}");
    let t = kb()
        .treaties_between("JPN", "PHL", Some(day("2025-09-10")))
        .expect("pair");
    assert!(!t.treaties.iter().any(|t| t.id == "JPN-PHL-RAA"));
    for (a, b, id) in [("JPN", "AUS", "JPN-AUS-RAA"), ("JPN", "GBR", "JPN-GBR-RAA")] {
        let t = kb()
            .treaties_between(a, b, Some(day("2024-01-01")))
            .expect("pair");
        assert!(t.treaties.iter().any(|t| t.id == id), "{id}: {t:?}");
    }
    let tuv = kb()
        .obligations("TUV", day("2025-01-01"), None, None)
        .expect("TUV");
    assert!(tuv
        .obligated
        .iter()
        .any(|o| o.code == "AUS" && o.provision == entente_know::ProvisionKind::Defence));
    let aus = kb()
        .obligations("AUS", day("2025-01-01"), Some("Falepili Union"), None)
        .expect("AUS");
    assert!(
        aus.obligated.is_empty(),
        "Tuvalu bears no defence obligation"
    );
}

#[test]
fn partners_over_time_with_frameworks_and_suspensions() {
    let codes = |on: Option<&str>| {
        let a = match on {
            Some(d) => kb().partners_on("NATO", None, day(d)),
            None => kb().partners("NATO", None),
        }
        .expect("NATO");
        a.partners.into_iter().map(|p| p.code).collect::<Vec<_>>()
    };
    let now = codes(None);
    assert!(!now.iter().any(|c| c == "RUS" || c == "BLR"), "{now:?}");
    assert!(codes(Some("2013-06-01")).iter().any(|c| c == "RUS"));
    assert!(!codes(Some("2014-04-01")).iter().any(|c| c == "RUS"));
    assert!(codes(Some("2021-10-31")).iter().any(|c| c == "BLR"));
    assert!(!codes(Some("2021-11-01")).iter().any(|c| c == "BLR"));
    let a = kb()
        .partners_on("NATO", None, day("2024-01-01"))
        .expect("NATO");
    for f in [
        "Partnership for Peace",
        "Mediterranean Dialogue",
        "Istanbul Cooperation Initiative",
        "Partners across the globe",
    ] {
        assert!(a.partners.iter().any(|p| p.framework == f), "{f}");
    }
    assert!(a.to_table().contains("on 2024-01-01"));
}

#[test]
fn why_treaties_ended() {
    let t = kb().treaty("Warsaw Pact").expect("Warsaw Pact");
    assert_eq!(
        t.ended.map(|d| d.to_string()).as_deref(),
        Some("1991-07-01")
    );
    assert!(t
        .end_reason
        .as_deref()
        .is_some_and(|r| r.starts_with("dissolved")));
    // Derived: ATOP's end is Czechoslovakia's last day in the COW state system.
    let t = kb().treaty("atop:3973").expect("Czechoslovakia–Syria 1985");
    assert!(
        t.end_reason
            .as_deref()
            .is_some_and(|r| r.starts_with("party ceased to exist: Czechoslovakia")),
        "{:?}",
        t.end_reason
    );
    let t = kb().treaty("atop:3500").expect("a GDR treaty");
    assert!(t
        .end_reason
        .as_deref()
        .is_some_and(|r| r.contains("German Democratic Republic")));
}

/// Issue 12: a location-conditioned provision binds only when the place lies
/// in its area, and the answer says which condition held.
#[test]
fn location_conditions_are_checked_against_the_place() {
    let on = day("2024-01-01");
    let guam = kb()
        .obligations(
            "USA",
            on,
            Some("US-Philippines Mutual Defense Treaty"),
            Some("Guam"),
        )
        .expect("Guam");
    let phl = guam
        .obligated
        .iter()
        .find(|o| o.code == "PHL" && o.provision == ProvisionKind::Defence)
        .expect("help: Article V covers island territories in the Pacific");
    assert_eq!(phl.condition_checks.len(), 1, "{:?}", phl.condition_checks);
    assert_eq!(phl.condition_checks[0].condition, Condition::Location);
    assert_eq!(phl.condition_checks[0].status, CheckStatus::Held);
    assert!(phl.condition_checks[0]
        .detail
        .contains("Guam lies in the area of Article IV"));

    let pr = kb()
        .obligations(
            "USA",
            on,
            Some("US-Philippines Mutual Defense Treaty"),
            Some("Puerto Rico"),
        )
        .expect("Puerto Rico");
    assert!(pr
        .obligated
        .iter()
        .all(|o| o.provision != ProvisionKind::Defence));
    assert_eq!(pr.excluded.len(), 1);
    assert!(pr.excluded[0]
        .reason
        .starts_with("Puerto Rico is outside the area of Article IV"));

    // A home territory asked without a place is checked too.
    let kor = kb()
        .obligations("KOR", on, Some("US-ROK Mutual Defense Treaty"), None)
        .expect("KOR");
    assert_eq!(
        kor.obligated[0].condition_checks[0].status,
        CheckStatus::Held
    );
    assert!(kor.obligated[0].condition_checks[0]
        .detail
        .contains("South Korea's home territory"));
}

#[test]
fn adversary_and_uncharted_locations_are_said() {
    let on = day("2024-01-01");
    // The Manila Pact: ATOP codes a named adversary and a named location.
    let tha = kb()
        .obligations("THA", on, Some("Manila Pact"), None)
        .expect("THA");
    let usa = tha
        .obligated
        .iter()
        .find(|o| o.code == "USA")
        .expect("USA bound");
    let got: Vec<(Condition, CheckStatus)> = usa
        .condition_checks
        .iter()
        .map(|c| (c.condition, c.status))
        .collect();
    assert_eq!(
        got,
        vec![
            (Condition::Adversary, CheckStatus::Depends),
            (Condition::Location, CheckStatus::Unknown)
        ]
    );
    assert!(usa.condition_checks[0]
        .detail
        .contains("only if the attacker is that adversary"));
    // NATO's Article 5 has an area and no ATOP codes: one check, held.
    let bel = kb()
        .obligations("BEL", on, Some("NATO"), None)
        .expect("BEL");
    assert!(bel.obligated.iter().all(
        |o| o.condition_checks.len() == 1 && o.condition_checks[0].status == CheckStatus::Held
    ));
    // An unconditional provision has no checks.
    let blr = kb()
        .obligations("BLR", day("2025-06-01"), Some("RUS-BLR-2024"), None)
        .expect("BLR");
    assert!(blr.obligated[0].condition_checks.is_empty());
}

/// Issue 12: entries into force are confirmed by a source, or the treaty is
/// known by name and binds nobody until one is found (Pukpuk, the US–PNG
/// Defense Cooperation Agreement); the Arab League's pact binds from its
/// entry into force, not its signature.
#[test]
fn entries_into_force_are_confirmed_or_bind_nobody() {
    let arab = kb().treaty("Arab League Pact").expect("named");
    assert_eq!(
        arab.in_force.map(|d| d.to_string()).as_deref(),
        Some("1945-05-10")
    );
    let t = kb()
        .treaties_between("EGY", "SAU", Some(day("1945-04-01")))
        .expect("pair");
    assert!(!t.treaties.iter().any(|t| t.id == "atop:3015"), "{t:?}");
    let t = kb()
        .treaties_between("EGY", "SAU", Some(day("1945-06-01")))
        .expect("pair");
    assert!(t.treaties.iter().any(|t| t.id == "atop:3015"), "{t:?}");
    let defence = kb()
        .treaty("Arab League Joint Defence Treaty")
        .expect("named");
    assert_eq!(
        defence.in_force.map(|d| d.to_string()).as_deref(),
        Some("1952-08-23")
    );
    for (name, a, b, signed) in [
        ("Pukpuk Treaty", "AUS", "PNG", "2025-10-06"),
        ("US-PNG DCA", "USA", "PNG", "2023-05-22"),
    ] {
        let t = kb().treaty(name).expect("known by name");
        assert_eq!(t.signed.map(|d| d.to_string()).as_deref(), Some(signed));
        assert!(t.in_force.is_none(), "{name}: no source confirms it");
        assert!(
            t.source.contains("NOT CONFIRMED"),
            "{name}: the line says it is unconfirmed"
        );
        let between = kb()
            .treaties_between(a, b, Some(day("2026-12-01")))
            .expect("pair");
        assert!(
            !between.treaties.iter().any(|x| x.id == t.id),
            "{name} binds nobody until its entry into force is confirmed"
        );
    }
    let gcc = kb().treaty("GCC Joint Defence Agreement").expect("named");
    assert!(gcc.in_force.is_none() && gcc.source.contains("NOT CONFIRMED"));
}
