//! Every table compiled into entente, loaded by a test: a broken table fails
//! CI, never a user's run (issue 11, item 4). Some loaders panic on a
//! broken table, some leave it empty and some skip a malformed row; each
//! check here reads the table as shipped and asks the public API about
//! every row, so none of those goes unseen.
//!
//! `every_data_file_is_checked` keeps the list whole: a new file under a
//! crate's `data/` fails it until a check is added here.

use entente_core::lexicon::{self, MembershipChange};
use entente_core::CameoCode;
use std::path::Path;

/// The data files of the crates, relative to `crates/`, each with how it is
/// checked: by a test below, or not embedded at all (a script's input).
const FILES: &[(&str, &str)] = &[
    ("core/data/lexicon/anaphoric_nouns.tsv", "lexicon"),
    ("core/data/lexicon/craft_nouns.tsv", "lexicon"),
    ("core/data/lexicon/discourse_nouns.tsv", "lexicon"),
    ("core/data/lexicon/function_words.tsv", "lexicon"),
    ("core/data/lexicon/government_nouns.tsv", "lexicon"),
    ("core/data/lexicon/membership.tsv", "lexicon"),
    ("core/data/lexicon/months.tsv", "lexicon"),
    ("core/data/lexicon/origin_words.tsv", "lexicon"),
    ("core/data/lexicon/ethnic_nouns.tsv", "lexicon"),
    ("core/data/lexicon/number_words.tsv", "lexicon"),
    ("core/data/lexicon/partitive_nouns.tsv", "lexicon"),
    ("core/data/lexicon/collective_nouns.tsv", "lexicon"),
    ("core/data/lexicon/deployment_triggers.tsv", "lexicon"),
    ("core/data/lexicon/presence_nouns.tsv", "lexicon"),
    ("core/data/lexicon/clause_words.tsv", "lexicon"),
    ("core/data/lexicon/place_nouns.tsv", "lexicon"),
    ("core/data/lexicon/place_context.tsv", "lexicon"),
    ("core/data/lexicon/role_codes.tsv", "lexicon"),
    ("core/data/lexicon/sector_classes.tsv", "lexicon"),
    ("core/data/lexicon/setting_nouns.tsv", "lexicon"),
    ("core/data/lexicon/treaty_nouns.tsv", "lexicon"),
    ("core/data/lexicon/title_modifiers.tsv", "lexicon"),
    ("core/data/lexicon/pronouns.tsv", "lexicon"),
    ("core/data/lexicon/verb_classes.tsv", "lexicon"),
    ("core/data/lexicon/water_bodies.tsv", "lexicon"),
    ("core/data/lexicon/weekdays.tsv", "lexicon"),
    ("core/data/lexicon/sentence_words.tsv", "lexicon"),
    ("core/data/lexicon/tense_words.tsv", "lexicon"),
    ("core/data/lexicon/date_words.tsv", "lexicon"),
    ("core/data/lexicon/name_words.tsv", "lexicon"),
    ("core/data/lexicon/person_titles.tsv", "lexicon"),
    ("core/data/lexicon/generic_nouns.tsv", "lexicon"),
    ("core/data/lexicon/page_chrome.tsv", "lexicon"),
    ("core/data/lexicon/verb_particles.tsv", "lexicon"),
    ("core/data/lexicon/deployment_context.tsv", "lexicon"),
    ("core/data/lexicon/event_prepositions.tsv", "lexicon"),
    ("core/data/lexicon/event_nouns.tsv", "lexicon"),
    ("core/data/lexicon/auxiliaries.tsv", "lexicon"),
    ("core/data/lexicon/clause_governors.tsv", "lexicon"),
    ("core/data/lexicon/speech_verbs.tsv", "lexicon"),
    ("core/data/lexicon/noun_openers.tsv", "lexicon"),
    ("core/data/lexicon/spelling_variants.tsv", "lexicon"),
    ("annotate/data/actors/states.tsv", "actors"),
    ("annotate/data/actors/orgs.tsv", "actors"),
    ("annotate/data/actors/people.tsv", "actors"),
    ("annotate/data/actors/curated_people.tsv", "actors"),
    ("annotate/data/actors/agents.tsv", "actors"),
    ("annotate/data/actors/places.tsv", "actors"),
    ("annotate/data/actors/seceded.tsv", "actors"),
    ("annotate/data/places/places.tsv", "gazetteer"),
    ("annotate/data/places/names.tsv", "gazetteer"),
    ("annotate/data/places/water.tsv", "gazetteer"),
    ("annotate/data/places/borders.tsv", "gazetteer"),
    ("annotate/data/actors/curated_states.tsv", "script input"),
    ("annotate/data/actors/curated_orgs.tsv", "script input"),
    ("annotate/data/actors/curated_agents.tsv", "script input"),
    ("annotate/data/syntax/ewt.model", "syntax"),
    ("code/data/verbs.txt", "coder"),
    ("code/data/nominals.tsv", "coder"),
    ("code/data/cameo_codes.tsv", "coder"),
    ("code/data/forces.tsv", "coder"),
    ("know/data/states.tsv", "knowledge"),
    ("know/data/treaties.tsv", "knowledge"),
    ("know/data/provisions.tsv", "knowledge"),
    ("know/data/parties.tsv", "knowledge"),
    ("know/data/suspensions.tsv", "knowledge"),
    ("know/data/orgs.tsv", "knowledge"),
    ("know/data/memberships.tsv", "knowledge"),
    ("know/data/partners.tsv", "knowledge"),
    ("know/data/places.tsv", "knowledge"),
    ("know/data/curated.tsv", "script input"),
    ("serve/data/world.json", "map"),
    ("serve/data/build_world.py", "script input"),
];

fn crates_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

#[test]
fn every_data_file_is_checked() {
    let mut found = Vec::new();
    for krate in std::fs::read_dir(crates_dir()).expect("crates/ is readable") {
        let data = krate.expect("an entry").path().join("data");
        let mut stack = vec![data];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for e in entries {
                let path = e.expect("an entry").path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_none_or(|x| x != "md") {
                    let rel = path
                        .strip_prefix(crates_dir())
                        .expect("under crates/")
                        .to_string_lossy()
                        .replace('\\', "/");
                    found.push(rel);
                }
            }
        }
    }
    for f in &found {
        assert!(
            FILES.iter().any(|(name, _)| name == f),
            "help: {f} is a new data file: add it to FILES with a check of every row"
        );
    }
    for (name, _) in FILES {
        assert!(
            found.iter().any(|f| f == name),
            "help: {name} is gone: take it out of FILES"
        );
    }
}

/// The data rows of a two-column lexicon table; a row without its tab fails.
/// A one-class lexicon file: its name, its text and the lookup that must
/// know each of its words.
type OneClassFile = (&'static str, &'static str, fn(&str) -> bool);

fn rows(file: &str, text: &'static str) -> Vec<(&'static str, &'static str)> {
    let rows: Vec<_> = text
        .lines()
        .enumerate()
        .map(|(n, l)| (n + 1, l.trim_end()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .map(|(n, l)| {
            l.split_once('\t')
                .unwrap_or_else(|| panic!("{file} line {n}: no tab in {l:?}"))
        })
        .collect();
    assert!(!rows.is_empty(), "{file} has no rows");
    rows
}

#[test]
fn every_lexicon_row_is_known_to_the_lexicon() {
    for (word, n) in rows(
        "months.tsv",
        include_str!("../../core/data/lexicon/months.tsv"),
    ) {
        let n = n
            .parse()
            .unwrap_or_else(|_| panic!("months.tsv: {word}: bad month number {n:?}"));
        assert_eq!(lexicon::month(word), Some(n), "months.tsv: {word}");
    }
    for (word, n) in rows(
        "weekdays.tsv",
        include_str!("../../core/data/lexicon/weekdays.tsv"),
    ) {
        let n = n
            .parse()
            .unwrap_or_else(|_| panic!("weekdays.tsv: {word}: bad weekday number {n:?}"));
        assert_eq!(lexicon::weekday(word), Some(n), "weekdays.tsv: {word}");
    }
    // One-class word lists: every row is a word its lookup knows.
    let one_class: &[OneClassFile] = &[
        (
            "pronouns.tsv",
            include_str!("../../core/data/lexicon/pronouns.tsv"),
            |w| lexicon::pronoun(w).is_some(),
        ),
        (
            "anaphoric_nouns.tsv",
            include_str!("../../core/data/lexicon/anaphoric_nouns.tsv"),
            |w| lexicon::anaphoric_noun(w).is_some(),
        ),
        (
            "discourse_nouns.tsv",
            include_str!("../../core/data/lexicon/discourse_nouns.tsv"),
            |w| lexicon::discourse_noun(w),
        ),
        (
            "origin_words.tsv",
            include_str!("../../core/data/lexicon/origin_words.tsv"),
            |w| lexicon::origin_word(w),
        ),
        (
            "ethnic_nouns.tsv",
            include_str!("../../core/data/lexicon/ethnic_nouns.tsv"),
            |w| lexicon::ethnic_noun(w),
        ),
        (
            "partitive_nouns.tsv",
            include_str!("../../core/data/lexicon/partitive_nouns.tsv"),
            |w| lexicon::partitive_noun(w),
        ),
        (
            "presence_nouns.tsv",
            include_str!("../../core/data/lexicon/presence_nouns.tsv"),
            |w| lexicon::presence_noun(w),
        ),
        (
            "place_nouns.tsv",
            include_str!("../../core/data/lexicon/place_nouns.tsv"),
            |w| lexicon::place_noun(w).is_some(),
        ),
        (
            "water_bodies.tsv",
            include_str!("../../core/data/lexicon/water_bodies.tsv"),
            |w| lexicon::water_body(w),
        ),
        (
            "craft_nouns.tsv",
            include_str!("../../core/data/lexicon/craft_nouns.tsv"),
            |w| lexicon::craft_noun(w),
        ),
        (
            "title_modifiers.tsv",
            include_str!("../../core/data/lexicon/title_modifiers.tsv"),
            |w| lexicon::deputy_word(w),
        ),
        (
            "generic_nouns.tsv",
            include_str!("../../core/data/lexicon/generic_nouns.tsv"),
            |w| lexicon::generic_noun(w),
        ),
        (
            "treaty_nouns.tsv",
            include_str!("../../core/data/lexicon/treaty_nouns.tsv"),
            |w| lexicon::treaty_noun(w),
        ),
    ];
    for &(file, text, known) in one_class {
        for (word, _) in rows(file, text) {
            assert!(known(word), "{file}: {word}");
        }
    }
    for (word, rest) in rows(
        "number_words.tsv",
        include_str!("../../core/data/lexicon/number_words.tsv"),
    ) {
        let (class, value) = rest.split_once('\t').unwrap_or_default();
        let kind = match class {
            "unit" => lexicon::NumberWord::Unit,
            "tens" => lexicon::NumberWord::Tens,
            "scale" => lexicon::NumberWord::Scale,
            "vague" => lexicon::NumberWord::Vague,
            other => panic!("number_words.tsv: {word}: class {other:?}"),
        };
        assert_eq!(
            lexicon::number_word(word, kind),
            value.parse::<f64>().ok(),
            "number_words.tsv: {word}"
        );
    }
    for (word, class) in rows(
        "collective_nouns.tsv",
        include_str!("../../core/data/lexicon/collective_nouns.tsv"),
    ) {
        let known = match class {
            "collective" => lexicon::collective_noun(word),
            "group" => lexicon::group_noun(word),
            other => panic!("help: collective_nouns.tsv class {other:?} is new: check it here"),
        };
        assert!(known, "collective_nouns.tsv: {word} ({class})");
    }
    for (word, class) in rows(
        "deployment_triggers.tsv",
        include_str!("../../core/data/lexicon/deployment_triggers.tsv"),
    ) {
        let known = match class {
            "noun" => lexicon::deployment_noun(word) == Some(false),
            "noun_withdrawn" => lexicon::deployment_noun(word) == Some(true),
            "nominal" => lexicon::deployment_nominal(word),
            // A form of two classes ("stationing" is a noun first) is
            // read as its first.
            "send" | "order" | "move" | "station" | "extend" | "withdraw" | "pull" | "advance"
            | "leave" => {
                lexicon::deployment_verb(word).is_some() || lexicon::deployment_noun(word).is_some()
            }
            _ => false,
        };
        assert!(known, "deployment_triggers.tsv: {word} ({class})");
    }
    for (word, class) in rows(
        "clause_words.tsv",
        include_str!("../../core/data/lexicon/clause_words.tsv"),
    ) {
        let known = match class {
            "subordinator" => lexicon::subordinator(word),
            "boundary" => lexicon::clause_boundary(word),
            _ => false,
        };
        assert!(known, "clause_words.tsv: {word} ({class})");
    }
    for (code, _) in rows(
        "sector_classes.tsv",
        include_str!("../../core/data/lexicon/sector_classes.tsv"),
    ) {
        assert!(
            lexicon::sector_class(code).is_some(),
            "sector_classes.tsv: {code}"
        );
    }
    // A code of no country: never a state's ISO code (MUS, Muslim, is
    // Mauritius's, and left out).
    let actors = entente_annotate::ActorDictionary::embedded();
    for (code, _) in rows(
        "role_codes.tsv",
        include_str!("../../core/data/lexicon/role_codes.tsv"),
    ) {
        assert!(lexicon::role_code(code), "role_codes.tsv: {code}");
        assert!(
            actors.state(code).is_none(),
            "role_codes.tsv: {code} is a state's code"
        );
    }
    // Every state that seceded knows the state it was part of.
    for (code, rest) in rows(
        "seceded.tsv",
        include_str!("../../annotate/data/actors/seceded.tsv"),
    ) {
        let part_of = rest.split('\t').next().unwrap_or_default();
        let older = actors
            .state(code)
            .and_then(|s| s.part_of)
            .and_then(|i| actors.states().get(i as usize));
        assert_eq!(
            older.map(|s| s.iso3.as_str()),
            Some(part_of),
            "seceded.tsv: {code}"
        );
    }
    for (word, class) in rows(
        "place_context.tsv",
        include_str!("../../core/data/lexicon/place_context.tsv"),
    ) {
        let known = match class {
            "before_capital" => lexicon::before_capital(word),
            "group_place" => lexicon::group_place_preposition(word),
            "locative" => lexicon::locative_word(word),
            "modifier" => lexicon::place_modifier(word),
            "region" => lexicon::region_noun(word),
            "of_place" => lexicon::place_of_noun(word),
            _ => false,
        };
        assert!(known, "place_context.tsv: {word} {class}");
    }
    for (word, class) in rows(
        "government_nouns.tsv",
        include_str!("../../core/data/lexicon/government_nouns.tsv"),
    ) {
        let known = match class {
            "body" => lexicon::state_body_noun(word) && !lexicon::state_force_word(word),
            _ => {
                lexicon::state_force_word(word)
                    && lexicon::government_noun(word) == (class == "government")
            }
        };
        assert!(known, "government_nouns.tsv: {word}");
    }
    for (word, class) in rows(
        "function_words.tsv",
        include_str!("../../core/data/lexicon/function_words.tsv"),
    ) {
        let known = match class {
            "possessive" => lexicon::possessive(word),
            _ => lexicon::function_word(word),
        };
        assert!(known, "function_words.tsv: {word} ({class})");
    }
    for (word, class) in rows(
        "sentence_words.tsv",
        include_str!("../../core/data/lexicon/sentence_words.tsv"),
    ) {
        let known = match class {
            "abbreviation" => entente_annotate::sentences::is_abbreviation(word),
            "opener" => lexicon::sentence_opener(word),
            _ => false,
        };
        assert!(known, "sentence_words.tsv: {word} ({class})");
    }
    for (word, class) in rows(
        "tense_words.tsv",
        include_str!("../../core/data/lexicon/tense_words.tsv"),
    ) {
        let known = lexicon::TenseWord::parse(class).is_some_and(|c| lexicon::tense_word(word, c));
        assert!(known, "tense_words.tsv: {word} ({class})");
    }
    // Every spelling maps to its other one and back.
    for (word, other) in rows(
        "spelling_variants.tsv",
        include_str!("../../core/data/lexicon/spelling_variants.tsv"),
    ) {
        assert!(
            lexicon::spelling_variant(word) == Some(other)
                && lexicon::spelling_variant(other) == Some(word),
            "spelling_variants.tsv: {word} / {other}"
        );
    }
    for (word, class) in rows(
        "verb_particles.tsv",
        include_str!("../../core/data/lexicon/verb_particles.tsv"),
    ) {
        assert!(
            class == "particle" && lexicon::verb_particle(word),
            "verb_particles.tsv: {word}"
        );
    }
    for (word, class) in rows(
        "deployment_context.tsv",
        include_str!("../../core/data/lexicon/deployment_context.tsv"),
    ) {
        let aid = class != "aid" || lexicon::aid_stems().contains(&word);
        assert!(aid, "deployment_context.tsv: {word} ({class})");
    }
    for (word, class) in rows(
        "deployment_context.tsv",
        include_str!("../../core/data/lexicon/deployment_context.tsv"),
    ) {
        let known = lexicon::DeploymentWord::parse(class)
            .is_some_and(|c| lexicon::deployment_word(word, c));
        assert!(known, "deployment_context.tsv: {word} ({class})");
    }
    for (word, class) in rows(
        "event_prepositions.tsv",
        include_str!("../../core/data/lexicon/event_prepositions.tsv"),
    ) {
        let known = lexicon::EventPreposition::parse(class)
            .is_some_and(|c| lexicon::event_preposition(word, c));
        assert!(known, "event_prepositions.tsv: {word} ({class})");
    }
    for (word, class) in rows(
        "event_nouns.tsv",
        include_str!("../../core/data/lexicon/event_nouns.tsv"),
    ) {
        let known = lexicon::EventNoun::parse(class).is_some_and(|c| lexicon::event_noun(word, c));
        assert!(known, "event_nouns.tsv: {word} ({class})");
    }
    for (word, class) in rows(
        "auxiliaries.tsv",
        include_str!("../../core/data/lexicon/auxiliaries.tsv"),
    ) {
        let known = lexicon::Auxiliary::parse(class).is_some_and(|c| lexicon::auxiliary(word, c));
        assert!(known, "auxiliaries.tsv: {word} ({class})");
    }
    for (word, class) in rows(
        "clause_governors.tsv",
        include_str!("../../core/data/lexicon/clause_governors.tsv"),
    ) {
        let known = lexicon::ClauseGovernor::parse(class)
            .is_some_and(|c| lexicon::clause_governor(word, c));
        assert!(known, "clause_governors.tsv: {word} ({class})");
    }
    for (word, class) in rows(
        "noun_openers.tsv",
        include_str!("../../core/data/lexicon/noun_openers.tsv"),
    ) {
        let known =
            lexicon::NounOpener::parse(class).is_some_and(|c| lexicon::noun_opener(word, c));
        assert!(known, "noun_openers.tsv: {word} ({class})");
    }
    for (word, class) in rows(
        "speech_verbs.tsv",
        include_str!("../../core/data/lexicon/speech_verbs.tsv"),
    ) {
        assert!(
            class == "speech" && lexicon::speech_verb(word),
            "speech_verbs.tsv: {word}"
        );
    }
    for (word, class) in rows(
        "date_words.tsv",
        include_str!("../../core/data/lexicon/date_words.tsv"),
    ) {
        let known = lexicon::DateWord::parse(class).is_some_and(|c| lexicon::date_word(word, c));
        assert!(known, "date_words.tsv: {word} ({class})");
    }
    for (word, class) in rows(
        "name_words.tsv",
        include_str!("../../core/data/lexicon/name_words.tsv"),
    ) {
        let known = lexicon::NameWord::parse(class).is_some_and(|c| lexicon::name_word(word, c));
        assert!(known, "name_words.tsv: {word} ({class})");
    }
    for (title, _) in rows(
        "person_titles.tsv",
        include_str!("../../core/data/lexicon/person_titles.tsv"),
    ) {
        assert!(lexicon::person_title(title), "person_titles.tsv: {title}");
    }
    // Longest first: a name is matched against the first title it ends with.
    let titles = lexicon::person_titles();
    for (i, t) in titles.iter().enumerate() {
        for longer in &titles[i + 1..] {
            assert!(
                !longer.ends_with(t),
                "person_titles.tsv: {longer} after {t}"
            );
        }
    }
    for (phrase, class) in rows(
        "page_chrome.tsv",
        include_str!("../../core/data/lexicon/page_chrome.tsv"),
    ) {
        let known = lexicon::PageChrome::parse(class).is_some_and(|c| {
            lexicon::page_chrome(phrase, c) && lexicon::page_chrome_phrases(c).contains(&phrase)
        });
        assert!(known, "page_chrome.tsv: {phrase} ({class})");
    }
    for (word, class) in rows(
        "setting_nouns.tsv",
        include_str!("../../core/data/lexicon/setting_nouns.tsv"),
    ) {
        let known = match class {
            "preposition" => lexicon::setting_preposition(word),
            _ => lexicon::setting_noun(word),
        };
        assert!(known, "setting_nouns.tsv: {word} ({class})");
    }
    for (phrase, kind) in rows(
        "membership.tsv",
        include_str!("../../core/data/lexicon/membership.tsv"),
    ) {
        let known = match kind {
            "accession" => lexicon::membership_phrases(MembershipChange::Accession),
            "withdrawal" => lexicon::membership_phrases(MembershipChange::Withdrawal),
            "becoming" => lexicon::becoming_words(),
            other => panic!("help: membership.tsv kind {other:?} is new: check it here"),
        };
        assert!(known.contains(&phrase), "membership.tsv: {phrase} ({kind})");
    }
    for (lemma, class) in rows(
        "verb_classes.tsv",
        include_str!("../../core/data/lexicon/verb_classes.tsv"),
    ) {
        let known = match class {
            "support" => lexicon::support_verb(lemma),
            "pressure" => lexicon::pressure_verb(lemma),
            "cause" => lexicon::causative_verb(lemma),
            "reply" => lexicon::reply_verb(lemma),
            "reciprocal" => lexicon::reciprocal_verb(lemma),
            "exclusion" => lexicon::exclusion_verb(lemma),
            "dying" => lexicon::dying_verb(lemma),
            "harming" => lexicon::harming_verb(lemma),
            "dismissal" => lexicon::dismissal_verb(lemma),
            "command" => lexicon::command_verb(lemma),
            "departure" => lexicon::departure_verb(lemma),
            "permission" => lexicon::permission_verb(lemma),
            "denial" => lexicon::denial_verb(lemma),
            "response" => lexicon::response_verb(lemma),
            "publish" => lexicon::publishing_verb(lemma),
            "ending" => lexicon::ending_verb(lemma),
            "aspect" => lexicon::aspect_verb(lemma),
            "preparation" => lexicon::preparation_verb(lemma),
            other => panic!("help: verb_classes.tsv class {other:?} is new: check it here"),
        };
        assert!(known, "verb_classes.tsv: {lemma} ({class})");
    }
}

#[test]
fn the_actor_dictionary_loads_and_knows_states_and_organisations() {
    let dict = entente_annotate::ActorDictionary::load_embedded()
        .unwrap_or_else(|e| panic!("the embedded actor data does not load: {e}"));
    let day = chrono::NaiveDate::from_ymd_opt(2022, 4, 8).expect("a date");
    for name in ["France", "NATO"] {
        assert!(
            !dict.lookup(name, day).is_empty(),
            "help: the actor tables lost {name}"
        );
    }
}

#[test]
fn the_syntax_model_decodes() {
    let model = include_bytes!("../../annotate/data/syntax/ewt.model");
    let syntax = entente_annotate::Syntax::from_bytes(model)
        .unwrap_or_else(|e| panic!("ewt.model does not decode: {e}"));
    let parse = syntax.analyse("NATO agreed to send troops.");
    assert!(!format!("{parse:?}").is_empty());
}

#[test]
fn the_coder_tables_parse() {
    let mut verbs = entente_code::VerbDictionary::parse(
        "data/verbs.txt",
        include_str!("../../code/data/verbs.txt"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    verbs
        .add_nominals(
            "data/nominals.tsv",
            include_str!("../../code/data/nominals.tsv"),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let codes = entente_code::CodeTable::parse(
        "data/cameo_codes.tsv",
        include_str!("../../code/data/cameo_codes.tsv"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(codes.len() > 200, "cameo_codes.tsv: {} codes", codes.len());
    assert_eq!(
        codes.len(),
        entente_code::CodeTable::embedded().len(),
        "help: the embedded CAMEO table is not the file as shipped"
    );
    // Every row of the CAMEO table is a code whose root column is its root,
    // with a quad class and a Goldstein score in range.
    let table = include_str!("../../code/data/cameo_codes.tsv");
    for (n, line) in table.lines().enumerate().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let code = CameoCode::parse(f[0])
            .unwrap_or_else(|| panic!("cameo_codes.tsv line {}: bad code {:?}", n + 1, f[0]));
        assert_eq!(
            Some(code.root()),
            f.get(1).copied(),
            "cameo_codes.tsv line {}: root column",
            n + 1
        );
        assert!(
            codes.quad_class(code).is_some_and(|q| (1..=4).contains(&q)),
            "cameo_codes.tsv line {}: quad class of {code}",
            n + 1
        );
        assert!(
            codes
                .goldstein(code)
                .is_some_and(|g| (-10.0..=10.0).contains(&g)),
            "cameo_codes.tsv line {}: Goldstein score of {code}",
            n + 1
        );
    }
    // The verb and nominal parsers take any string as a code: every code
    // they hold must be a CAMEO code the table knows, itself or by its base
    // or root (PETRARCH's dictionary has refinements the table lacks, 1213).
    let known = |file: &str, n: usize, c: &str| {
        let code = CameoCode::parse(c)
            .unwrap_or_else(|| panic!("{file} line {}: bad CAMEO code {c:?}", n + 1));
        assert!(
            codes.quad_class(code).is_some(),
            "help: {file} line {}: CAMEO code {c} is not in cameo_codes.tsv",
            n + 1
        );
    };
    for (n, line) in include_str!("../../code/data/verbs.txt")
        .lines()
        .enumerate()
    {
        let f: Vec<&str> = line.split('\t').collect();
        let c = match f.as_slice() {
            ["B", c] | ["V", _, c, _] | ["P", c, _] => *c,
            _ => continue,
        };
        if c != "-" {
            known("verbs.txt", n, c);
        }
    }
    for (n, line) in include_str!("../../code/data/nominals.tsv")
        .lines()
        .enumerate()
    {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        for c in line.split('\t').skip(1).step_by(2) {
            known("nominals.tsv", n, c);
        }
    }
    // The force vocabulary's parser skips a malformed row: every row has its
    // four columns (singular, plural, class, sector).
    let forces = include_str!("../../code/data/forces.tsv");
    let mut rows = 0;
    for (n, line) in forces.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        rows += 1;
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(
            cols.len() == 4 && cols[0].trim() != "",
            "forces.tsv line {}: expected 4 tab-separated columns, got {line:?}",
            n + 1
        );
    }
    assert!(rows > 0, "forces.tsv has no rows");
}

#[test]
fn the_knowledge_base_parses() {
    let kb = entente_know::KnowledgeBase::parse(entente_know::DataFiles::embedded())
        .unwrap_or_else(|e| panic!("the embedded knowledge base does not parse: {e}"));
    let day = chrono::NaiveDate::from_ymd_opt(2022, 4, 8).expect("a date");
    assert_eq!(kb.members("NATO", day).expect("NATO").members.len(), 30);
}

#[test]
fn the_world_map_is_json() {
    let world: serde_json::Value =
        serde_json::from_str(include_str!("../../serve/data/world.json"))
            .unwrap_or_else(|e| panic!("world.json: {e}"));
    let countries = world["countries"].as_object().map_or(0, |c| c.len());
    assert!(countries > 100, "world.json: {countries} countries");
}

/// The gazetteer loads, and every name it lists reads back with places that
/// exist.
#[test]
fn gazetteer_loads_and_every_name_reads_back() {
    use entente_annotate::places::Gazetteer;
    let g = Gazetteer::load_embedded().expect("the gazetteer loads");
    // Places are parsed when asked for: every row must parse.
    for idx in 0..g.len() {
        let idx = u32::try_from(idx).expect("fits");
        assert!(
            g.place(idx).is_some(),
            "places.tsv: row {idx} does not parse"
        );
    }
    for line in include_str!("../../annotate/data/places/names.tsv").lines() {
        let key = line.split('\t').next().unwrap_or("");
        let r = g
            .lookup(key)
            .unwrap_or_else(|| panic!("names.tsv: {key:?} does not read back"));
        assert!(!r.places.is_empty(), "names.tsv: {key:?} names no place");
        for (p, _) in r.places {
            assert!(g.place(p).is_some(), "names.tsv: {key:?} names row {p}");
        }
    }
    // Every country with land neighbours lists them, and each neighbour
    // lists it back.
    let borders = include_str!("../../annotate/data/places/borders.tsv");
    for (country, neighbours) in rows("borders.tsv", borders) {
        assert!(
            g.country(country).is_some(),
            "borders.tsv: {country} is no country"
        );
        for n in neighbours.split(' ') {
            assert!(
                entente_annotate::places::share_border(n, country),
                "borders.tsv: {n} does not list {country}"
            );
        }
    }
    for line in include_str!("../../annotate/data/places/water.tsv").lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let name = line.split('\t').next().unwrap_or("");
        assert!(g.lookup(name).is_some(), "water.tsv: {name:?}");
    }
}
