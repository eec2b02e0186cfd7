//! Issue 5: alliances, treaties and obligations over time — who must defend Belgium?

use chrono::NaiveDate;
use entente_know::{KnowledgeBase, ProvisionKind};

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

fn codes<'a>(it: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut v: Vec<String> = it.map(str::to_string).collect();
    v.sort();
    v
}

struct MembersCase {
    org: &'static str,
    on: &'static str,
    count: usize,
    include: &'static [&'static str],
    exclude: &'static [&'static str],
}

const MEMBERS: &[MembersCase] = &[
    MembersCase {
        org: "NATO",
        on: "1950-01-01",
        count: 12,
        include: &["USA", "BEL", "ISL"],
        exclude: &["GRC", "TUR", "DEU"],
    },
    MembersCase {
        org: "NATO",
        on: "1952-02-18",
        count: 14,
        include: &["GRC", "TUR"],
        exclude: &["DEU"],
    },
    MembersCase {
        org: "NATO",
        on: "1990-01-01",
        count: 16,
        include: &["DEU", "ESP"],
        exclude: &["POL"],
    },
    MembersCase {
        org: "NATO",
        on: "2022-04-08",
        count: 30,
        include: &["USA", "CAN", "BEL", "GBR", "TUR", "MNE", "MKD"],
        exclude: &["NZL", "AUS", "FIN", "SWE"],
    },
    MembersCase {
        org: "North Atlantic Treaty Organization",
        on: "2024-06-01",
        count: 32,
        include: &["FIN", "SWE"],
        exclude: &["NZL"],
    },
    MembersCase {
        org: "Pacific Islands Forum",
        on: "2022-04-08",
        count: 18,
        include: &["AUS", "NZL", "FJI", "KIR", "NCL", "PYF"],
        exclude: &["USA"],
    },
    MembersCase {
        org: "PIF",
        on: "2022-08-01",
        count: 17,
        include: &["SLB"],
        exclude: &["KIR"],
    },
    MembersCase {
        org: "European Union",
        on: "2022-04-08",
        count: 27,
        include: &["AUT", "FIN", "HRV"],
        exclude: &["GBR", "NOR"],
    },
    MembersCase {
        org: "EU",
        on: "2019-06-01",
        count: 28,
        include: &["GBR"],
        exclude: &["NOR"],
    },
];

#[test]
fn members_over_time() {
    for c in MEMBERS {
        let got = kb().members(c.org, day(c.on)).expect("known organisation");
        let have = codes(got.members.iter().map(|m| m.code.as_str()));
        assert_eq!(have.len(), c.count, "{} on {}: {have:?}", c.org, c.on);
        for i in c.include {
            assert!(
                have.iter().any(|h| h == i),
                "{} on {} should include {i}: {have:?}",
                c.org,
                c.on
            );
        }
        for e in c.exclude {
            assert!(
                !have.iter().any(|h| h == e),
                "{} on {} should exclude {e}",
                c.org,
                c.on
            );
        }
    }
}

#[test]
fn member_since_is_entry_into_force() {
    let got = kb().members("NATO", day("2022-04-08")).expect("NATO");
    let since = |code: &str| {
        got.members
            .iter()
            .find(|m| m.code == code)
            .map(|m| m.since.to_string())
    };
    assert_eq!(
        since("BEL").as_deref(),
        Some("1949-08-24"),
        "help: NATO's in-force date, not ATOP's signature"
    );
    assert_eq!(
        since("DEU").as_deref(),
        Some("1955-05-06"),
        "West Germany's membership continues as Germany's"
    );
    assert_eq!(since("ESP").as_deref(), Some("1982-05-30"));
}

#[test]
fn belgium_defended_by_29_under_article_5() {
    let got = kb()
        .obligations("BEL", day("2022-04-08"), Some("NATO"), None)
        .expect("BEL");
    let have = codes(got.obligated.iter().map(|o| o.code.as_str()));
    assert_eq!(have.len(), 29, "{have:?}");
    assert!(!have.contains(&"BEL".to_string()) && !have.contains(&"NZL".to_string()));
    for o in &got.obligated {
        assert_eq!(o.treaty, "North Atlantic Treaty");
        assert_eq!(o.provision, ProvisionKind::Defence);
        assert_eq!(o.article.as_deref(), Some("Article 5"));
        assert!(
            o.source.contains("curated.tsv line"),
            "provision cited: {}",
            o.source
        );
    }
    let usa = got.obligated.iter().find(|o| o.code == "USA").expect("USA");
    assert!(
        usa.source
            .contains("1949-08-24 (entry into force; signed 1949-04-04)"),
        "{}",
        usa.source
    );
    assert!(
        usa.source.contains("nato_members.csv line"),
        "{}",
        usa.source
    );
}

#[test]
fn belgium_over_all_treaties_adds_the_eu_clause() {
    let got = kb()
        .obligations("Belgium", day("2022-04-08"), None, None)
        .expect("BEL");
    let nato = got
        .obligated
        .iter()
        .filter(|o| o.treaty == "North Atlantic Treaty")
        .count();
    assert_eq!(nato, 29);
    let eu: Vec<&str> = got
        .obligated
        .iter()
        .filter(|o| o.treaty == "Treaty on European Union")
        .map(|o| o.code.as_str())
        .collect();
    assert!(
        eu.contains(&"AUT") && !eu.contains(&"GBR"),
        "Article 42(7) TEU, UK gone in 2020: {eu:?}"
    );
}

#[test]
fn nato_partners_and_future_members_are_not_defended() {
    for (state, on) in [
        ("NZL", "2022-04-08"),
        ("FIN", "2022-04-08"),
        ("AUS", "2022-04-08"),
    ] {
        let got = kb()
            .obligations(state, day(on), Some("NATO"), None)
            .expect("state");
        assert!(
            got.obligated.is_empty(),
            "{state} on {on}: {:?}",
            got.obligated
        );
    }
    let fin = kb()
        .obligations("FIN", day("2023-04-04"), Some("NATO"), None)
        .expect("FIN");
    assert_eq!(
        fin.obligated.len(),
        30,
        "Finland is the 31st member on 2023-04-04"
    );
}

#[test]
fn anzus_no_us_obligation_to_new_zealand_after_1986() {
    let k = kb();
    let before = k
        .obligations("NZL", day("1985-01-01"), Some("ANZUS"), None)
        .expect("NZL");
    assert!(before.obligated.iter().any(|o| o.code == "USA"));
    for on in ["1987-01-01", "2022-04-08"] {
        let nzl = k
            .obligations("NZL", day(on), Some("ANZUS"), None)
            .expect("NZL");
        let have = codes(nzl.obligated.iter().map(|o| o.code.as_str()));
        assert_eq!(
            have,
            vec!["AUS".to_string()],
            "on {on}: Australia still, the US not"
        );
        let aus = k
            .obligations("AUS", day(on), Some("ANZUS"), None)
            .expect("AUS");
        let have = codes(aus.obligated.iter().map(|o| o.code.as_str()));
        assert_eq!(have, vec!["NZL".to_string(), "USA".to_string()], "on {on}");
        let usa = k
            .obligations("USA", day(on), Some("ANZUS"), None)
            .expect("USA");
        assert!(
            !usa.obligated.iter().any(|o| o.code == "NZL"),
            "suspended both ways"
        );
    }
}

#[test]
fn hawaii_is_outside_article_5() {
    let got = kb()
        .obligations("USA", day("2022-04-08"), Some("NATO"), Some("Hawaii"))
        .expect("Hawaii");
    assert!(
        got.obligated
            .iter()
            .all(|o| o.provision != ProvisionKind::Defence),
        "{:?}",
        got.obligated
    );
    let ex = got
        .excluded
        .iter()
        .find(|e| e.provision == ProvisionKind::Defence)
        .expect("excluded");
    assert_eq!(ex.article.as_deref(), Some("Article 5"));
    assert!(ex.reason.contains("Article 6"), "{}", ex.reason);
    assert_eq!(got.where_.as_deref(), Some("Hawaii"));
    // Article 4 consultation has no area limit.
    assert!(got
        .obligated
        .iter()
        .any(|o| o.provision == ProvisionKind::Consultation));
    // The mainland and the North Atlantic islands are inside.
    for place in ["USA", "Alaska", "Greenland", "Canary Islands"] {
        let admin = kb().place(place).expect("place").administered_by.clone();
        let got = kb()
            .obligations(&admin, day("2022-04-08"), Some("NATO"), Some(place))
            .expect("place");
        assert!(got.excluded.is_empty(), "{place}: {:?}", got.excluded);
    }
}

#[test]
fn japan_is_defended_by_the_united_states() {
    let got = kb()
        .obligations("JPN", day("2022-04-08"), None, None)
        .expect("JPN");
    let usa = got
        .obligated
        .iter()
        .find(|o| o.code == "USA" && o.provision == ProvisionKind::Defence)
        .expect("USA defends Japan");
    assert!(
        usa.treaty.contains("Japan and the United States"),
        "{}",
        usa.treaty
    );
    assert_eq!(usa.article.as_deref(), Some("Article V"));
    // Japan's obligation is not to defend the US (ATOP codes it asymmetric).
    let us = kb()
        .obligations(
            "USA",
            day("2022-04-08"),
            Some("US-Japan Security Treaty"),
            None,
        )
        .expect("USA");
    assert!(us
        .obligated
        .iter()
        .all(|o| o.provision != ProvisionKind::Defence));
}

#[test]
fn nato_asia_pacific_partners() {
    let got = kb().partners("NATO", Some("asia pacific")).expect("NATO");
    let have = codes(got.partners.iter().map(|p| p.code.as_str()));
    assert_eq!(
        have,
        ["AUS", "JPN", "KOR", "NZL"].map(String::from).to_vec()
    );
    let all = kb().partners("NATO", None).expect("NATO");
    let frameworks = ["Mediterranean", "Gulf", "Euro-Atlantic", "Latin America"];
    for f in frameworks {
        assert!(all.partners.iter().any(|p| p.region == f), "{f}");
    }
    assert!(
        !all.partners.iter().any(|p| p.code == "AFG"),
        "historic partner"
    );
    assert!(!all
        .partners
        .iter()
        .any(|p| p.code == "FIN" || p.code == "USA"));
}

#[test]
fn treaties_between_name_their_provisions() {
    let got = kb()
        .treaties_between("USA", "JPN", Some(day("2022-04-08")))
        .expect("pair");
    let t = got
        .treaties
        .iter()
        .find(|t| t.id == "atop:3375")
        .expect("US-Japan");
    let def = t
        .provisions
        .iter()
        .find(|p| p.kind == ProvisionKind::Defence)
        .expect("defence");
    assert_eq!(def.bound, vec!["USA".to_string()]);
    let anzus = kb()
        .treaties_between("USA", "NZL", Some(day("2022-04-08")))
        .expect("pair");
    let t = anzus
        .treaties
        .iter()
        .find(|t| t.id == "atop:3215")
        .expect("ANZUS binds both still");
    assert!(
        t.provisions.iter().all(|p| p.bound.is_empty()),
        "suspended: {t:?}"
    );
    let ever = kb().treaties_between("AUS", "SLB", None).expect("pair");
    assert!(ever.treaties.iter().any(|t| t.id == "AUS-SLB-2017"));
    let chn = kb()
        .treaties_between("CHN", "SLB", Some(day("2022-06-01")))
        .expect("pair");
    assert!(chn.treaties.iter().any(|t| t.id == "CHN-SLB-2022"));
    let aukus = kb()
        .treaties_between("GBR", "AUS", Some(day("2022-04-08")))
        .expect("pair");
    assert!(aukus.treaties.iter().any(|t| t.id == "AUKUS"));
}

#[test]
fn answers_serialise_to_the_contract_shapes() {
    let k = kb();
    let on = day("2022-04-08");
    let v = serde_json::to_value(k.members("NATO", on).expect("m")).expect("json");
    assert_eq!(v["organisation"], "North Atlantic Treaty Organization");
    assert_eq!(v["on"], "2022-04-08");
    let m = &v["members"][0];
    assert_eq!(
        m.as_object().map(|o| o.len()),
        Some(3),
        "code, name, since: {m}"
    );
    assert!(m["code"].is_string() && m["name"].is_string() && m["since"].is_string());

    let v = serde_json::to_value(k.obligations("BEL", on, Some("NATO"), None).expect("o"))
        .expect("json");
    let keys: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        ["attacked", "excluded", "obligated", "on", "states"],
        "no `where` unless asked"
    );
    let o = v["obligated"][0].as_object().expect("entry");
    let mut keys: Vec<&str> = o.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "article",
            "code",
            "condition_checks",
            "conditions",
            "name",
            "provision",
            "source",
            "treaty"
        ]
    );
    assert_eq!(v["obligated"][0]["provision"], "defence");

    let v =
        serde_json::to_value(k.partners("NATO", Some("Asia-Pacific")).expect("p")).expect("json");
    let p = v["partners"][0].as_object().expect("partner");
    let mut keys: Vec<&str> = p.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        ["code", "framework", "name", "region", "since", "until"],
        "framework and until added by issue 12"
    );
}

#[test]
fn tables_render_every_row() {
    let k = kb();
    let on = day("2022-04-08");
    let t = k.members("NATO", on).expect("m").to_table();
    assert!(
        t.starts_with("Members of North Atlantic Treaty Organization on 2022-04-08\n"),
        "{t}"
    );
    assert!(t.ends_with("(30 rows)\n"));
    let t = k
        .obligations("USA", on, Some("NATO"), Some("Hawaii"))
        .expect("o")
        .to_table();
    assert!(
        t.contains("excluded: Hawaii is outside the area of Article 5"),
        "{t}"
    );
    let t = k.partners("NATO", None).expect("p").to_table();
    assert!(t.contains("Asia-Pacific"));
    let t = k
        .treaties_between("USA", "JPN", None)
        .expect("t")
        .to_table();
    assert!(t.contains("Article V"), "{t}");
}

#[test]
fn unknown_names_are_errors_naming_them() {
    let k = kb();
    let on = day("2022-04-08");
    let e = k.members("Atlantis Pact", on).unwrap_err().to_string();
    assert!(e.contains("\"Atlantis Pact\""), "{e}");
    assert!(k.obligations("XXX", on, None, None).is_err());
    assert!(k
        .obligations("BEL", on, Some("No Such Treaty"), None)
        .is_err());
    assert!(k.obligations("BEL", on, None, Some("Narnia")).is_err());
}

#[test]
fn partners_on_a_date_include_former_ones() {
    let k = kb();
    let then = k
        .partners_on("NATO", Some("South Asia"), day("2015-01-01"))
        .expect("NATO");
    let have = codes(then.partners.iter().map(|p| p.code.as_str()));
    assert_eq!(have, ["AFG", "PAK"].map(String::from).to_vec());
    let fin = k
        .partners_on("NATO", None, day("2022-04-08"))
        .expect("NATO");
    assert!(
        fin.partners.iter().any(|p| p.code == "FIN"),
        "a partner until it joined"
    );
    let fin = k
        .partners_on("NATO", None, day("2023-04-04"))
        .expect("NATO");
    assert!(!fin.partners.iter().any(|p| p.code == "FIN"));
}

#[test]
fn parallel_bilateral_phases_bind_only_their_pair() {
    // ATOP 4070: France with Czechoslovakia, then with each successor state.
    let k = kb();
    let on = day("2000-01-01");
    let cze = k.treaties_between("CZE", "SVK", Some(on)).expect("pair");
    assert!(!cze.treaties.iter().any(|t| t.id == "atop:4070"), "{cze:?}");
    let fra = k.treaties_between("FRA", "SVK", Some(on)).expect("pair");
    assert!(fra.treaties.iter().any(|t| t.id == "atop:4070"));
    let got = k
        .obligations("CZE", on, Some("atop:4070"), None)
        .expect("CZE");
    let have = codes(got.obligated.iter().map(|o| o.code.as_str()));
    assert_eq!(have, vec!["FRA".to_string()]);
}

#[test]
fn anzus_covers_the_pacific_and_us_japan_what_japan_administers() {
    let k = kb();
    let on = day("2022-04-08");
    let hawaii = k
        .obligations("USA", on, Some("ANZUS"), Some("Hawaii"))
        .expect("ANZUS");
    assert!(hawaii.excluded.is_empty() && hawaii.obligated.iter().any(|o| o.code == "AUS"));
    let senkaku = k
        .obligations("JPN", on, None, Some("Senkaku Islands"))
        .expect("JPN");
    assert!(senkaku
        .obligated
        .iter()
        .any(|o| o.code == "USA" && o.provision == ProvisionKind::Defence));
}

/// Without a treaty named, a state bound by two treaties (NATO's Article 5
/// and the EU's Article 42(7)) is counted once.
#[test]
fn a_state_bound_twice_is_listed_once() {
    let k = kb();
    let on = NaiveDate::from_ymd_opt(2022, 4, 8).expect("date");
    let any = k.obligations("FRA", on, None, None).expect("answer");
    let nato = k
        .obligations("FRA", on, Some("NATO"), None)
        .expect("answer");
    assert!(any.obligated.len() > any.states.len(), "{:?}", any.states);
    assert!(
        any.states.windows(2).all(|w| w[0] < w[1]),
        "sorted, once each"
    );
    for code in &nato.states {
        assert!(any.states.contains(code), "{code}");
    }
    // Austria is in the EU, not NATO: bound to France under any treaty only.
    assert!(any.states.iter().any(|c| c == "AUT"));
    assert!(!nato.states.iter().any(|c| c == "AUT"));
}
