//! The English lexicon every stage shares: closed word lists (months,
//! weekdays, pronouns, anaphoric nouns, verb classes, discourse nouns, partitive nouns,
//! place nouns, bodies of water, CAMEO sector classes) kept as data files in
//! `crates/core/data/lexicon/`, embedded at build time and parsed once.
//!
//! One list, one file: a stage that needs "is this a month?" asks here
//! instead of keeping its own copy. Lookups take lower-case words; use
//! [`str::to_lowercase`] (or ASCII folding) first.
//!
//! ```
//! use entente_core::lexicon::{self, Referent};
//! assert_eq!(lexicon::month("sept"), Some(9));
//! assert_eq!(lexicon::weekday("friday"), Some(5));
//! assert_eq!(lexicon::pronoun("she"), Some(Referent::Person));
//! assert!(lexicon::is_anaphor("The alliance"));
//! assert!(!lexicon::is_anaphor("NATO"));
//! assert!(lexicon::support_verb("stage"));
//! ```

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// What a pronoun or an anaphoric noun refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Referent {
    /// The speaker's own side: "I", "we", "our".
    First,
    /// A person: "he", "she".
    Person,
    /// A state, an organisation or a group: "it", "they".
    Thing,
    /// A state: "the country".
    State,
    /// An intergovernmental organisation: "the alliance", "the bloc".
    Igo,
}

impl Referent {
    fn parse(s: &str) -> Option<Referent> {
        Some(match s {
            "first" => Referent::First,
            "person" => Referent::Person,
            "thing" => Referent::Thing,
            "state" => Referent::State,
            "igo" => Referent::Igo,
            _ => return None,
        })
    }
}

const MONTHS: &str = include_str!("../data/lexicon/months.tsv");
const WEEKDAYS: &str = include_str!("../data/lexicon/weekdays.tsv");
const PRONOUNS: &str = include_str!("../data/lexicon/pronouns.tsv");
const ANAPHORIC_NOUNS: &str = include_str!("../data/lexicon/anaphoric_nouns.tsv");
const MEMBERSHIP: &str = include_str!("../data/lexicon/membership.tsv");
const VERB_CLASSES: &str = include_str!("../data/lexicon/verb_classes.tsv");
const DISCOURSE_NOUNS: &str = include_str!("../data/lexicon/discourse_nouns.tsv");
const WATER_BODIES: &str = include_str!("../data/lexicon/water_bodies.tsv");
const CRAFT_NOUNS: &str = include_str!("../data/lexicon/craft_nouns.tsv");
const SETTING_NOUNS: &str = include_str!("../data/lexicon/setting_nouns.tsv");
const GOVERNMENT_NOUNS: &str = include_str!("../data/lexicon/government_nouns.tsv");
const TREATY_NOUNS: &str = include_str!("../data/lexicon/treaty_nouns.tsv");
const FUNCTION_WORDS: &str = include_str!("../data/lexicon/function_words.tsv");
const ORIGIN_WORDS: &str = include_str!("../data/lexicon/origin_words.tsv");
const ETHNIC_NOUNS: &str = include_str!("../data/lexicon/ethnic_nouns.tsv");
const NUMBER_WORDS: &str = include_str!("../data/lexicon/number_words.tsv");
const PARTITIVE_NOUNS: &str = include_str!("../data/lexicon/partitive_nouns.tsv");
const COLLECTIVE_NOUNS: &str = include_str!("../data/lexicon/collective_nouns.tsv");
const PLACE_NOUNS: &str = include_str!("../data/lexicon/place_nouns.tsv");
const PLACE_CONTEXT: &str = include_str!("../data/lexicon/place_context.tsv");
const SECTOR_CLASSES: &str = include_str!("../data/lexicon/sector_classes.tsv");
const TITLE_MODIFIERS: &str = include_str!("../data/lexicon/title_modifiers.tsv");
const ROLE_CODES: &str = include_str!("../data/lexicon/role_codes.tsv");
const DEPLOYMENT_TRIGGERS: &str = include_str!("../data/lexicon/deployment_triggers.tsv");
const PRESENCE_NOUNS: &str = include_str!("../data/lexicon/presence_nouns.tsv");
const CLAUSE_WORDS: &str = include_str!("../data/lexicon/clause_words.tsv");
const SENTENCE_WORDS: &str = include_str!("../data/lexicon/sentence_words.tsv");
const TENSE_WORDS: &str = include_str!("../data/lexicon/tense_words.tsv");
const VERB_PARTICLES: &str = include_str!("../data/lexicon/verb_particles.tsv");
const DEPLOYMENT_CONTEXT: &str = include_str!("../data/lexicon/deployment_context.tsv");
const EVENT_PREPOSITIONS: &str = include_str!("../data/lexicon/event_prepositions.tsv");
const EVENT_NOUNS: &str = include_str!("../data/lexicon/event_nouns.tsv");
const AUXILIARIES: &str = include_str!("../data/lexicon/auxiliaries.tsv");
const CLAUSE_GOVERNORS: &str = include_str!("../data/lexicon/clause_governors.tsv");
const SPEECH_VERBS: &str = include_str!("../data/lexicon/speech_verbs.tsv");
const NOUN_OPENERS: &str = include_str!("../data/lexicon/noun_openers.tsv");
const DATE_WORDS: &str = include_str!("../data/lexicon/date_words.tsv");
const NAME_WORDS: &str = include_str!("../data/lexicon/name_words.tsv");
const PERSON_TITLES: &str = include_str!("../data/lexicon/person_titles.tsv");
const GENERIC_NOUNS: &str = include_str!("../data/lexicon/generic_nouns.tsv");
const PAGE_CHROME: &str = include_str!("../data/lexicon/page_chrome.tsv");
const SPELLING_VARIANTS: &str = include_str!("../data/lexicon/spelling_variants.tsv");

/// A change of membership in an organisation or a treaty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MembershipChange {
    /// "joined", "acceded to", "became a member of".
    Accession,
    /// "left", "withdrew from", "pulled out of".
    Withdrawal,
}

/// The phrases (lower case, words separated by one space) that report a
/// membership change as done.
pub fn membership_phrases(change: MembershipChange) -> &'static [&'static str] {
    static TABLE: OnceLock<[Vec<&'static str>; 2]> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let of = |kind: &str| {
            rows(MEMBERSHIP)
                .filter(|&(_, k)| k == kind)
                .map(|(phrase, _)| phrase)
                .collect()
        };
        [of("accession"), of("withdrawal")]
    });
    match change {
        MembershipChange::Accession => &table[0],
        MembershipChange::Withdrawal => &table[1],
    }
}

/// Forms of "become" that, a few words before "member of", report an
/// accession ("became the 32nd member of").
pub fn becoming_words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        rows(MEMBERSHIP)
            .filter(|&(_, k)| k == "becoming")
            .map(|(w, _)| w)
            .collect()
    })
}

/// How a verb form triggers a deployment of forces (see
/// `deployment_triggers.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeploymentVerb {
    /// Handing forces over or sending them off: "send", "dispatch".
    Send,
    /// Ordering, which sends forces only towards a named destination.
    Order,
    /// Moving one's own forces: "deploy", "relocate", "mass".
    Move,
    /// Keeping forces where they are put: "station", "base".
    Station,
    /// Keeping a deployment going: "extend", "renew".
    Extend,
    /// Taking forces back: "withdraw", "recall".
    Withdraw,
    /// "pull", a withdrawal with "out" or "back".
    Pull,
    /// Forces moving themselves, the force its subject: "advanced",
    /// "sailed into", "arrived in".
    Advance,
    /// Forces leaving the place that is the verb's object: "left Niger".
    Leave,
}

impl DeploymentVerb {
    fn parse(s: &str) -> Option<DeploymentVerb> {
        Some(match s {
            "send" => DeploymentVerb::Send,
            "order" => DeploymentVerb::Order,
            "move" => DeploymentVerb::Move,
            "station" => DeploymentVerb::Station,
            "extend" => DeploymentVerb::Extend,
            "withdraw" => DeploymentVerb::Withdraw,
            "pull" => DeploymentVerb::Pull,
            "advance" => DeploymentVerb::Advance,
            "leave" => DeploymentVerb::Leave,
            _ => return None,
        })
    }
}

/// The deployment class of a lower-case verb form ("sent", "stationed").
pub fn deployment_verb(word: &str) -> Option<DeploymentVerb> {
    static TABLE: OnceLock<HashMap<&'static str, DeploymentVerb>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            rows(DEPLOYMENT_TRIGGERS)
                .filter_map(|(w, c)| Some((w, DeploymentVerb::parse(c)?)))
                .collect()
        })
        .get(word)
        .copied()
}

/// A noun that names a deployment in any use: `Some(false)` for a
/// sending ("deployment", "stationing"), `Some(true)` for a withdrawal
/// ("withdrawal", "pullout").
pub fn deployment_noun(word: &str) -> Option<bool> {
    static TABLE: OnceLock<HashMap<&'static str, bool>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            rows(DEPLOYMENT_TRIGGERS)
                .filter_map(|(w, c)| match c {
                    "noun" => Some((w, false)),
                    "noun_withdrawn" => Some((w, true)),
                    _ => None,
                })
                .collect()
        })
        .get(word)
        .copied()
}

/// Whether a verb's form names a sending when used as a noun ("the
/// dispatch of two frigates").
pub fn deployment_nominal(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(DEPLOYMENT_TRIGGERS, "nominal"))
        .contains(&word)
}

/// Whether a lower-case word is a relative pronoun or a subordinating
/// conjunction ("which", "after", "unless"): the clause it opens is
/// background to the main clause.
pub fn subordinator(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(CLAUSE_WORDS, "subordinator"))
        .contains(&word)
}

/// Whether a lower-case word ends what belongs to a deployment's clause
/// ("after", "amid", "but", "said"): places past it are another clause's.
pub fn clause_boundary(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(CLAUSE_WORDS, "boundary"))
        .contains(&word)
}

/// Whether a word names an international presence in a country
/// (peacekeepers, observers, inspectors, aid workers, a mission): its
/// withdrawal halts international involvement.
pub fn presence_noun(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(PRESENCE_NOUNS, "presence"))
        .contains(&word)
}

/// Whether a verb lemma is a support verb: one whose object noun carries
/// the meaning of the clause ("staged drills", "held talks", "cast a veto").
pub fn support_verb(lemma: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(VERB_CLASSES, "support"))
        .contains(&lemma)
}

/// Whether a verb lemma names pressure (a boycott, a blockade) whose
/// promise is a threat rather than an announced measure.
pub fn pressure_verb(lemma: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(VERB_CLASSES, "pressure"))
        .contains(&lemma)
}

/// Whether a verb lemma names getting ready ("prepared to attack",
/// "readying an offensive"): readying an attack is a force posture.
pub fn preparation_verb(lemma: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(VERB_CLASSES, "preparation"))
        .contains(&lemma)
}

/// Whether a verb lemma brings about the event its object names, done by
/// others ("sparking protests", "drew condemnation").
pub fn causative_verb(lemma: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(VERB_CLASSES, "cause"))
        .contains(&lemma)
}

/// Whether a verb lemma makes its joint subjects act on each other
/// ("clashed", "exchanged prisoners").
pub fn reciprocal_verb(lemma: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(VERB_CLASSES, "reciprocal"))
        .contains(&lemma)
}

/// Whether a verb lemma, with a party as its object, shuts it out of a
/// body or its work ("suspended Niger", "excluded Russia from the talks").
pub fn exclusion_verb(lemma: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(VERB_CLASSES, "exclusion"))
        .contains(&lemma)
}

/// Whether a verb lemma tells that its subject died ("died in an attack").
pub fn dying_verb(lemma: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(VERB_CLASSES, "dying"))
        .contains(&lemma)
}

/// Whether a verb lemma harms a body, its passive subject the victim
/// ("were killed", "was wounded").
pub fn harming_verb(lemma: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(VERB_CLASSES, "harming"))
        .contains(&lemma)
}

/// Whether a verb lemma commands its object away with "out" or "to" and a
/// verb of departure ("ordered the inspectors out").
pub fn command_verb(lemma: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(VERB_CLASSES, "command"))
        .contains(&lemma)
}

/// Whether a verb lemma lets its object in ("allow", "permit").
pub fn permission_verb(lemma: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(VERB_CLASSES, "permission"))
        .contains(&lemma)
}

/// Whether a verb lemma is one of going away ("leave", "quit").
pub fn departure_verb(lemma: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(VERB_CLASSES, "departure"))
        .contains(&lemma)
}

/// Whether a verb lemma, with an official as its object, dismisses the
/// official ("fired the army chief").
pub fn dismissal_verb(lemma: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(VERB_CLASSES, "dismissal"))
        .contains(&lemma)
}

/// Whether a word gathers acts of one kind ("a sanctions package", "a wave
/// of strikes"): the act noun beside it is the event.
pub fn collective_noun(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(COLLECTIVE_NOUNS, "collective"))
        .contains(&word)
}

/// Whether a noun gathers people ("a team of inspectors", "a contingent
/// of peacekeepers"), so that the people after "of" head the phrase.
pub fn group_noun(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(COLLECTIVE_NOUNS, "group"))
        .contains(&word)
}

/// Whether a verb lemma denies or rejects what is said ("denied reports
/// that ..."): the words' content is a claim, not an event.
pub fn denial_verb(lemma: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(VERB_CLASSES, "denial"))
        .contains(&lemma)
}

/// Whether a verb lemma answers an act with one named after "with"
/// ("retaliated with export controls").
pub fn response_verb(lemma: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(VERB_CLASSES, "response"))
        .contains(&lemma)
}

/// Whether a verb lemma replies to what was said ("answered a request").
pub fn reply_verb(lemma: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(VERB_CLASSES, "reply"))
        .contains(&lemma)
}

/// Whether a verb lemma puts out words ("issued a statement", "passed a
/// resolution", "sent a letter"): an -ing clause on its object ("a
/// statement condemning X") says what the words do.
pub fn publishing_verb(lemma: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(VERB_CLASSES, "publish"))
        .contains(&lemma)
}

/// Whether a verb lemma ends or eases what its object names ("lifted the
/// embargo", "scrapped sanctions", "ended the blockade").
pub fn ending_verb(lemma: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(VERB_CLASSES, "ending"))
        .contains(&lemma)
}

/// Whether a noun lemma names words, plans or decisions ("plan",
/// "remark", "decision"): what one criticises rather than strikes.
pub fn discourse_noun(lemma: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(DISCOURSE_NOUNS, "discourse"))
        .contains(&lemma)
}

/// Whether a word hyphened after a state's name makes the state the
/// origin, period or language of a thing ("French-made", "Soviet-era",
/// "Russian-speaking") rather than an actor.
pub fn origin_word(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(ORIGIN_WORDS, "origin"))
        .contains(&word)
}

/// The kinds of number words in `number_words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberWord {
    /// "zero" to "nineteen".
    Unit,
    /// "twenty" to "ninety".
    Tens,
    /// A multiplier after a number: "dozen", "hundred", "million".
    Scale,
    /// A plural of a scale, read as a lower bound: "hundreds", "thousands".
    Vague,
}

impl NumberWord {
    fn parse(class: &str) -> Option<NumberWord> {
        match class {
            "unit" => Some(NumberWord::Unit),
            "tens" => Some(NumberWord::Tens),
            "scale" => Some(NumberWord::Scale),
            "vague" => Some(NumberWord::Vague),
            _ => None,
        }
    }
}

/// The rows of `number_words.tsv`: word, kind, value.
fn number_words() -> &'static [(&'static str, NumberWord, f64)] {
    static TABLE: OnceLock<Vec<(&'static str, NumberWord, f64)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        rows(NUMBER_WORDS)
            .filter_map(|(word, rest)| {
                let (class, value) = rest.split_once('\t')?;
                Some((word, NumberWord::parse(class)?, value.trim().parse().ok()?))
            })
            .collect()
    })
}

/// The value of a lower-case number word of kind `kind` ("seven" as a
/// unit: 7; "thousand" as a scale: 1000; "hundreds" as vague: 200).
pub fn number_word(word: &str, kind: NumberWord) -> Option<f64> {
    number_words()
        .iter()
        .find(|&&(w, k, _)| k == kind && w == word)
        .map(|&(_, _, v)| v)
}

/// Whether a word names a people that lives as communities in other
/// states ("Serbs" in "Bosnian Serbs", "Albanians" in "Kosovo Albanians"):
/// after another state's adjective, that state is the actor.
pub fn ethnic_noun(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let lower = word.to_lowercase();
    WORDS
        .get_or_init(|| verb_class(ETHNIC_NOUNS, "ethnic"))
        .contains(&lower.as_str())
}

/// Whether a word, followed by "of", names a part or an amount of what
/// follows ("part of the city", "most of the region").
pub fn partitive_noun(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(PARTITIVE_NOUNS, "partitive"))
        .contains(&word)
}

/// What the actors of a CAMEO sector are (see `sector_classes.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectorClass {
    /// Armed forces and armed groups: MIL, REB, INS, UAF.
    Armed,
    /// Police and intelligence: COP, SPY.
    Security,
    /// A government: GOV.
    Government,
    /// Officials: ELI.
    Elite,
    /// Civilians, students, workers, farmers, the opposition, people: CVL,
    /// EDU, LAB, AGR, OPP, PPL.
    Popular,
}

impl SectorClass {
    fn parse(s: &str) -> Option<SectorClass> {
        Some(match s {
            "armed" => SectorClass::Armed,
            "security" => SectorClass::Security,
            "government" => SectorClass::Government,
            "elite" => SectorClass::Elite,
            "popular" => SectorClass::Popular,
            _ => return None,
        })
    }
}

/// Every sector code with its class, as `sector_classes.tsv` lists them.
fn sector_classes() -> &'static [(&'static str, SectorClass)] {
    static CODES: OnceLock<Vec<(&'static str, SectorClass)>> = OnceLock::new();
    CODES.get_or_init(|| {
        rows(SECTOR_CLASSES)
            .filter_map(|(code, k)| Some((code, SectorClass::parse(k)?)))
            .collect()
    })
}

/// Whether a three-letter CAMEO code names what an actor is rather than
/// whose it is ("SPY", "REB", "CHR"): a code starting with one belongs to
/// no country (see `role_codes.tsv`).
pub fn role_code(code: &str) -> bool {
    static CODES: OnceLock<Vec<&'static str>> = OnceLock::new();
    CODES
        .get_or_init(|| rows(ROLE_CODES).map(|(c, _)| c).collect())
        .contains(&code)
}

/// Every code [`role_code`] knows, in the file's order (the store's schema
/// repeats them; a test keeps the two in step).
pub fn role_codes() -> impl Iterator<Item = &'static str> {
    rows(ROLE_CODES).map(|(c, _)| c)
}

/// The class of a sector code ("MIL" → [`SectorClass::Armed`]).
pub fn sector_class(code: &str) -> Option<SectorClass> {
    sector_classes()
        .iter()
        .find(|(c, _)| *c == code)
        .map(|&(_, class)| class)
}

/// Whether a sector ("MIL", "REBHMS", "GOVMIL") holds a code of one of
/// `classes`.
pub fn sector_has(sector: &str, classes: &[SectorClass]) -> bool {
    sector_classes()
        .iter()
        .any(|(code, class)| classes.contains(class) && sector.contains(code))
}

/// Whether a sector opens with a code of one of `classes` ("GOVMIL" is a
/// government's, "MILGOV" an army's).
pub fn sector_opens_with(sector: &str, classes: &[SectorClass]) -> bool {
    sector_classes()
        .iter()
        .any(|(code, class)| classes.contains(class) && sector.starts_with(code))
}

/// What kind of place a common noun names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceNoun {
    /// An edge or part of a country, whatever word names it: "border",
    /// "coast", "airspace", "capital".
    Edge,
    /// An area that a name before it names ("Montenegro province"): only an
    /// adjective before it says where.
    Area,
}

/// Whether a common noun names a place, and which kind: a nationality word
/// before it says where, not who ("at the Turkish border").
pub fn place_noun(word: &str) -> Option<PlaceNoun> {
    static WORDS: OnceLock<HashMap<&'static str, PlaceNoun>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            rows(PLACE_NOUNS)
                .filter_map(|(w, k)| match k {
                    "edge" => Some((w, PlaceNoun::Edge)),
                    "area" => Some((w, PlaceNoun::Area)),
                    _ => None,
                })
                .collect()
        })
        .get(word)
        .copied()
}

/// Whether a lower-case noun names a ship or an aircraft ("tanker",
/// "airliner"): a craft belongs to no state by where the article is.
pub fn craft_noun(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| word_classes(CRAFT_NOUNS, &["vessel", "aircraft"]))
        .contains(&word)
}

/// Whether a capitalised word makes a name a body of water ("Sea",
/// "Gulf", "Strait"): "the Sea of Japan" is no mention of Japan.
pub fn water_body(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(WATER_BODIES, "water"))
        .contains(&word)
}

/// Whether a word is a preposition of place ("in", "near", "off"): a
/// place name after it, over [`place_modifier`] words, is where something
/// happened.
pub fn locative_word(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(PLACE_CONTEXT, "locative"))
        .contains(&word)
}

/// Whether a word can stand between a preposition of place and a place
/// name ("in the southern port city of Odesa": "the", "southern", "port",
/// "city", "of").
pub fn place_modifier(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(PLACE_CONTEXT, "modifier"))
        .contains(&word)
}

/// Whether a noun after a place name makes it a region's name ("the
/// Kherson region", "Donetsk Oblast"), in any case.
pub fn region_noun(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| verb_class(PLACE_CONTEXT, "region"));
    words.contains(&word) || words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether a noun of place names a place after "of" ("the city of Odesa",
/// "the outskirts of Kyiv", "north of Aleppo").
pub fn place_of_noun(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(PLACE_CONTEXT, "of_place"))
        .contains(&word)
}

/// Whether a noun of an institution, used bare after a preposition, says
/// where someone is rather than who acts ("in prison", "to hospital").
pub fn setting_noun(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(SETTING_NOUNS, "setting"))
        .contains(&word)
}

/// Whether a noun right after a leader's name names the government that
/// leader heads ("the Biden administration", "the Netanyahu government").
pub fn government_noun(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(GOVERNMENT_NOUNS, "government"))
        .contains(&word)
}

/// Whether a word, last in a body's name, makes the name generic: a body
/// any state may have ("Security Council", "Foreign Ministry").
pub fn state_body_noun(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(GOVERNMENT_NOUNS, "body"))
        .contains(&word)
}

/// Whether a word before a force noun says the force is a state's own:
/// a noun of government ("government troops", "regime forces") or of a
/// state's armed service ("army troops", "navy ships").
pub fn state_force_word(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| word_classes(GOVERNMENT_NOUNS, &["government", "armed"]))
        .contains(&word)
}

/// Whether a word, in any case, is a closed-class word that opens
/// sentences and clauses ("When", "But", "The") or an honorific ("Mr"):
/// no given name.
pub fn function_word(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let mut w = verb_class(FUNCTION_WORDS, "function");
        w.extend(verb_class(FUNCTION_WORDS, "honorific"));
        w
    });
    let word = word.trim_end_matches('.');
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether a word, in any case, before a title names the title's deputy
/// ("Vice Premier", "deputy foreign minister"), not its holder.
pub fn deputy_word(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(TITLE_MODIFIERS, "deputy"))
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether a noun names a treaty or a body's founding instrument ("pact",
/// "convention", "statute"), in any case.
pub fn treaty_noun(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| verb_class(TREATY_NOUNS, "treaty"));
    words.contains(&word) || words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether the words after a capitalised name go on to a treaty noun, over
/// more capitalised words and "in", "of", "on", "and", "the": the name is
/// then part of a treaty's ("the Conventional Armed Forces in Europe
/// treaty", "the Nuclear Forces Treaty"). Each word comes with whether it
/// is written with a capital; the walk stops at any other word.
pub fn treaty_name_ahead<'a>(words: impl IntoIterator<Item = (&'a str, bool)>) -> bool {
    for (w, capital) in words.into_iter().take(6) {
        if treaty_noun(w) {
            return true;
        }
        if !(capital || matches!(w, "in" | "of" | "on" | "and" | "the")) {
            return false;
        }
    }
    false
}

/// Whether the words before a capitalised name, nearest first, go back to
/// a capitalised treaty noun over more capitalised words and "on", "of",
/// "the", "in", "and": the name is then part of a treaty's ("the Treaty on
/// Conventional Armed Forces in Europe").
pub fn treaty_name_behind<'a>(words: impl IntoIterator<Item = (&'a str, bool)>) -> bool {
    for (w, capital) in words.into_iter().take(6) {
        if capital && treaty_noun(w) {
            return true;
        }
        if !(capital || matches!(w, "in" | "of" | "on" | "and" | "the")) {
            return false;
        }
    }
    false
}

/// Whether a verb lemma begins or goes on with the act of its -ing
/// complement ("began deporting", "continued shelling").
pub fn aspect_verb(lemma: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(VERB_CLASSES, "aspect"))
        .contains(&lemma)
}

/// Whether a lower-case word, without its final full stop, is an
/// abbreviation that ends with a full stop without ending the sentence
/// ("gen", "st", "e.g"; see `sentence_words.tsv`). Month abbreviations are
/// [`month`]'s.
pub fn abbreviation(lower: &str) -> bool {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| word_set(SENTENCE_WORDS, "abbreviation"))
        .contains(lower)
}

/// Whether a word, capitalised exactly as written, usually opens a
/// sentence ("The", "However"): after a dotted acronym ("the U.S. The
/// talks") it marks a sentence boundary.
pub fn sentence_opener(word: &str) -> bool {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| word_set(SENTENCE_WORDS, "opener"))
        .contains(word)
}

/// A lexicon file of several classes: the enum of its classes, each with
/// the name the file gives it (`parse`), and a lookup of one hash probe
/// whatever the class, a word's classes kept as a bit mask in the order
/// the enum lists them.
macro_rules! word_classes {
    (
        $(#[$meta:meta])*
        pub enum $name:ident in $data:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $label:literal, )+
        }
        $(#[$fmeta:meta])*
        pub fn $lookup:ident($arg:ident);
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            const ALL: &'static [(&'static str, $name)] = &[$(($label, $name::$variant)),+];

            /// The class a file names `name`.
            pub fn parse(name: &str) -> Option<$name> {
                Self::ALL.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
            }
        }

        $(#[$fmeta])*
        pub fn $lookup($arg: &str, class: $name) -> bool {
            static TABLE: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
            TABLE
                .get_or_init(|| {
                    let names: Vec<&str> = $name::ALL.iter().map(|&(n, _)| n).collect();
                    class_masks($data, &names)
                })
                .get($arg)
                .is_some_and(|m| m & (1 << class as u32) != 0)
        }
    };
}

word_classes! {
    /// A class of `tense_words.tsv`: what a word near a date says about the
    /// tense of its clause.
    pub enum TenseWord in TENSE_WORDS {
        /// The clause is in the future ("will", "scheduled").
        Future = "future",
        /// Before "to", what follows is future ("is to", "plans to").
        FutureBeforeTo = "future_before_to",
        /// Before "to", a later act seen from a past vantage ("agreed to").
        UnclearBeforeTo = "unclear_before_to",
        /// A modal that leaves the time open ("would", "could").
        Modal = "modal",
        /// A past form not in "-ed" ("was", "met", "ago").
        Past = "past",
        /// A past participle not in "-ed" ("taken", "met").
        Participle = "participle",
        /// A past form that prolongs a state ("extended", "renewed").
        Prolonging = "prolonging",
        /// A form of "be" before a participle: a passive.
        Be = "be",
        /// A form of "have" that makes the present perfect.
        Perfect = "perfect",
        /// An adverb passed over between an auxiliary and its verb ("already").
        Adverb = "adverb",
    }
    /// Whether a lower-case word (straight apostrophes) is of a class of
    /// `tense_words.tsv`. One hash lookup whatever the class.
    pub fn tense_word(word);
}

word_classes! {
    /// A class of `auxiliaries.tsv`: a word between a clause's subject and its
    /// verb.
    pub enum Auxiliary in AUXILIARIES {
        /// A form of "be" in a verb group.
        Be = "be",
        /// A modal that leaves the act possible or future ("will", "could").
        Modal = "modal",
        /// Another auxiliary or an adverb passed over ("has", "also").
        Other = "other",
        /// A word that negates the verb ("not", "never").
        Negation = "negation",
        /// A form of "be" or "become" before "the first (state) to ...".
        Copula = "copula",
        /// A form of "be" that makes a deployment's participle passive.
        PassiveBe = "passive_be",
        /// Passed over back from a deployment's participle ("have", "also").
        Passive = "passive",
    }
    /// Whether a lower-case word (straight apostrophes) is of a class of
    /// `auxiliaries.tsv`. One hash lookup whatever the class.
    pub fn auxiliary(word);
}

word_classes! {
    /// A class of `clause_governors.tsv`: what a word governing a clause or an
    /// infinitive says of its act.
    pub enum ClauseGovernor in CLAUSE_GOVERNORS {
        /// Before "to VERB", the act is intended ("plans to").
        Intent = "intent",
        /// Before "to VERB", the act is done ("began to").
        Catenative = "catenative",
        /// Before "to VERB", the act is refused ("refused to").
        Refusal = "refusal",
        /// Before "to VERB", the act is threatened ("threatened to").
        Threat = "threat",
        /// Opens a clause whose event has not happened ("unless", "if").
        Conditional = "conditional",
        /// Asks for what a "that" clause after it says ("demanded that").
        Request = "request",
        /// After a clause as its subject and a form of "be", refuses the
        /// clause's act ("lifting sanctions is out of the question").
        Dismissal = "dismissal",
    }
    /// Whether a lower-case word is of a class of `clause_governors.tsv`. One
    /// hash lookup whatever the class.
    pub fn clause_governor(word);
}

/// Whether a lower-case word is a form of a verb of saying ("said",
/// "told"; see `speech_verbs.tsv`).
pub fn speech_verb(word: &str) -> bool {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| word_set(SPEECH_VERBS, "speech"))
        .contains(word)
}

word_classes! {
    /// A class of `noun_openers.tsv`: a word after which a token reads as a
    /// noun.
    pub enum NounOpener in NOUN_OPENERS {
        /// A determiner, possessive, common adjective or preposition ("the").
        Determiner = "determiner",
        /// An ordinal or "only" in "the first (state) to ...".
        Ordinal = "ordinal",
    }
    /// Whether a lower-case word is of a class of `noun_openers.tsv`. One hash
    /// lookup whatever the class.
    pub fn noun_opener(word);
}

word_classes! {
    /// A class of `event_nouns.tsv`: a noun the event coder reads around a
    /// verb's object.
    pub enum EventNoun in EVENT_NOUNS {
        /// People a verb acts through, not its target ("troops").
        Personnel = "personnel",
        /// What can be accepted or rejected ("proposal", "warnings").
        Proposal = "proposal",
        /// A plural noun for a known set of partners ("allies").
        GroupAnaphor = "group_anaphor",
        /// A modifier that makes a noun of force a figure of speech ("a
        /// diplomatic offensive", "a trade war").
        Figurative = "figurative",
    }
    /// Whether a lower-case word is of a class of `event_nouns.tsv`. One hash
    /// lookup whatever the class.
    pub fn event_noun(word);
}

word_classes! {
    /// A class of `event_prepositions.tsv`: what the noun after a preposition is to
    /// the event.
    pub enum EventPreposition in EVENT_PREPOSITIONS {
        /// The actor after it is a place, not a target ("in", "near").
        Locative = "locative",
        /// With the locatives, opens a phrase of place ("along", "off").
        Place = "place",
        /// Dates an event by an act still to come ("before", "until").
        Setting = "setting",
    }
    /// Whether a lower-case word is of a class of `event_prepositions.tsv`. One hash
    /// lookup whatever the class.
    pub fn event_preposition(word);
}

word_classes! {
    /// A class of `deployment_context.tsv`: a word around a deployment's trigger
    /// and force noun.
    pub enum DeploymentWord in DEPLOYMENT_CONTEXT {
        /// A stem of a purpose that makes a sending aid ("assist").
        Aid = "aid",
        /// Ends the search for a force noun after a trigger ("to", ",").
        Barrier = "barrier",
        /// Makes a force noun before it a modifier ("military aid").
        NotAfterHead = "not_after_head",
        /// Allowed between a preposition and a destination ("eastern").
        PlaceAdjective = "place_adjective",
        /// A joint exercise a sending is for ("for joint drills"): military
        /// cooperation with the host.
        Exercise = "exercise",
    }
    /// Whether a lower-case word is of a class of `deployment_context.tsv`. One hash
    /// lookup whatever the class.
    pub fn deployment_word(word);
}

/// The stems of `deployment_context.tsv`'s class `aid`, in the file's
/// order: a purpose containing one makes a sending aid.
pub fn aid_stems() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| verb_class(DEPLOYMENT_CONTEXT, "aid"))
}

/// Whether a lower-case word is an adverbial particle of a phrasal verb
/// ("out", "down"; see `verb_particles.tsv`).
pub fn verb_particle(word: &str) -> bool {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| word_set(VERB_PARTICLES, "particle"))
        .contains(word)
}

word_classes! {
    /// A class of `date_words.tsv`: what a word next to a date says the date
    /// is to its clause.
    pub enum DateWord in DATE_WORDS {
        /// Before a bare month name, makes it a date ("in December").
        MonthPreposition = "month_preposition",
        /// After a year, shows it is not a count ("2027 under the plan").
        AfterYear = "after_year",
        /// Makes the date an end ("until").
        End = "end",
        /// Makes the date a start ("since", "effective").
        Start = "start",
        /// A verb before a date (or its preposition) that makes it an end
        /// ("expires on").
        EndVerb = "end_verb",
        /// A verb before a date (or its preposition) that makes it a start
        /// ("begins in").
        StartVerb = "start_verb",
    }
    /// Whether a lower-case word is of a class of `date_words.tsv`.
    pub fn date_word(word);
}

word_classes! {
    /// A class of `name_words.tsv`: words that look like a person's name and
    /// are none.
    pub enum NameWord in NAME_WORDS {
        /// A surname that is an everyday word too ("Green", "Power"); lower
        /// case. A bare one is never a person.
        NotSurname = "not_surname",
        /// A capitalised word that is no name after a title ("The", "Prime").
        NotName = "not_name",
        /// A capitalised word that no word of a name before a title may be
        /// ("Last", "However").
        NotInName = "not_in_name",
        /// A capitalised word that, first in a run after a title, starts a
        /// sentence ("He", "The").
        NotRunStart = "not_run_start",
    }
    /// Whether a word, written as the class says (lower case for
    /// [`NameWord::NotSurname`], else capitalised and matched exactly), is of
    /// a class of `name_words.tsv`.
    pub fn name_word(word);
}

/// The titles a single person holds ("prime minister", "president"), lower
/// case, longest first (see `person_titles.tsv`).
pub fn person_titles() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| verb_class(PERSON_TITLES, "person"))
}

/// Whether a lower-case title is one a single person holds.
pub fn person_title(title: &str) -> bool {
    person_titles().contains(&title)
}

/// Whether a lower-case sector word is too vague to give a country from
/// context ("people", "industry", "media").
pub fn generic_noun(word: &str) -> bool {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| word_set(GENERIC_NOUNS, "generic"))
        .contains(word)
}

/// Whether a lower-case word before a capital city's name (past "the")
/// makes it the place, not its government ("in Moscow", "visited Kyiv").
pub fn before_capital(word: &str) -> bool {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| word_set(PLACE_CONTEXT, "before_capital"))
        .contains(word)
}

/// Whether a preposition puts a group no state claims in the place named
/// after it ("protesters in Belgrade").
pub fn group_place_preposition(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(PLACE_CONTEXT, "group_place"))
        .contains(&word)
}

/// Whether a lower-case word before a bare setting noun makes it a setting
/// ("in prison", "behind bars").
pub fn setting_preposition(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(SETTING_NOUNS, "preposition"))
        .contains(&word)
}

/// Whether a lower-case word is a possessive determiner ("its", "their").
pub fn possessive(word: &str) -> bool {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| verb_class(FUNCTION_WORDS, "possessive"))
        .contains(&word)
}

word_classes! {
    /// A class of `page_chrome.tsv`: the words of web page chrome.
    pub enum PageChrome in PAGE_CHROME {
        /// A whole line that is interface text ("advertisement").
        UiLine = "ui_line",
        /// A word a dateline or byline starts with ("by", "updated").
        BylineStart = "byline_start",
        /// The start of a photo credit ("photo:", "©").
        CreditStart = "credit_start",
        /// A word besides month and weekday names that may open a dateline's
        /// date ("at", "on").
        DateWord = "date_word",
        /// A whole heading of a block of links ("read more").
        LinkHeading = "link_heading",
        /// The first words of a link heading a name follows ("more from").
        LinkHeadingPrefix = "link_heading_prefix",
        /// A word of an HTML class or id that marks chrome ("caption").
        ClassWord = "class_word",
    }
    /// Whether a lower-case phrase is of a class of `page_chrome.tsv`.
    pub fn page_chrome(phrase);
}

/// The phrases of a class of `page_chrome.tsv`, in the file's order (the
/// order byline starts are tried in).
pub fn page_chrome_phrases(class: PageChrome) -> &'static [&'static str] {
    static TABLE: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        PageChrome::ALL
            .iter()
            .map(|(n, _)| verb_class(PAGE_CHROME, n))
            .collect()
    });
    table.get(class as usize).map_or(&[], Vec::as_slice)
}

/// Each word of a lexicon file with a bit set for each of its classes, the
/// bit of `names[i]` being `1 << i`. A row of another class is skipped.
fn class_masks(data: &'static str, names: &[&str]) -> HashMap<&'static str, u32> {
    let mut table: HashMap<&'static str, u32> = HashMap::new();
    for (w, k) in rows(data) {
        if let Some(i) = names.iter().position(|n| *n == k) {
            *table.entry(w).or_default() |= 1 << i;
        }
    }
    table
}

/// The words of one class of a lexicon file, as a set.
fn word_set(data: &'static str, class: &str) -> HashSet<&'static str> {
    rows(data)
        .filter(|&(_, k)| k == class)
        .map(|(w, _)| w)
        .collect()
}

/// The words of a lexicon file that are of any of `classes`.
fn word_classes(data: &'static str, classes: &[&str]) -> Vec<&'static str> {
    rows(data)
        .filter(|(_, k)| classes.contains(k))
        .map(|(w, _)| w)
        .collect()
}

fn verb_class(data: &'static str, class: &str) -> Vec<&'static str> {
    rows(data)
        .filter(|&(_, k)| k == class)
        .map(|(w, _)| w)
        .collect()
}

/// The rows of a lexicon file: `form<TAB>value`, `#` comments and blank
/// lines skipped. The files are part of the build; a malformed row is a
/// defect that the tests below catch, and is skipped at run time.
fn rows(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
}

fn numbered(data: &'static str) -> HashMap<&'static str, u32> {
    rows(data)
        .filter_map(|(form, n)| Some((form, n.parse().ok()?)))
        .collect()
}

fn referents(data: &'static str) -> HashMap<&'static str, Referent> {
    rows(data)
        .filter_map(|(form, r)| Some((form, Referent::parse(r)?)))
        .collect()
}

/// The other spelling (American or British) of a lower-case word of a name
/// ("organisation" for "organization", "defence" for "defense").
pub fn spelling_variant(word: &str) -> Option<&'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE
        .get_or_init(|| rows(SPELLING_VARIANTS).collect())
        .get(word)
        .copied()
}

/// The month (1–12) a lower-case name or abbreviation stands for.
pub fn month(word: &str) -> Option<u32> {
    static TABLE: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    TABLE.get_or_init(|| numbered(MONTHS)).get(word).copied()
}

/// The full month names, January first.
pub fn month_names() -> &'static [&'static str] {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names: Vec<(u32, &'static str)> = rows(MONTHS)
            .filter_map(|(form, n)| Some((n.parse().ok()?, form)))
            .collect();
        // The first form of each month in the file is its full name.
        names.sort_by_key(|&(n, _)| n);
        names.dedup_by_key(|&mut (n, _)| n);
        names.into_iter().map(|(_, form)| form).collect()
    })
}

/// The weekday (1 = Monday … 7 = Sunday) a lower-case name or abbreviation
/// stands for.
pub fn weekday(word: &str) -> Option<u32> {
    static TABLE: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    TABLE.get_or_init(|| numbered(WEEKDAYS)).get(word).copied()
}

/// What a lower-case pronoun can stand for, if it can stand for an actor.
pub fn pronoun(word: &str) -> Option<Referent> {
    static TABLE: OnceLock<HashMap<&'static str, Referent>> = OnceLock::new();
    TABLE.get_or_init(|| referents(PRONOUNS)).get(word).copied()
}

/// What "the <noun>" refers back to ("the alliance": an organisation).
pub fn anaphoric_noun(word: &str) -> Option<Referent> {
    static TABLE: OnceLock<HashMap<&'static str, Referent>> = OnceLock::new();
    TABLE
        .get_or_init(|| referents(ANAPHORIC_NOUNS))
        .get(word)
        .copied()
}

/// Whether a mention's text only points back at an actor named elsewhere
/// ("she", "They", "the alliance") instead of naming one. Such a text is
/// never an actor's name.
pub fn is_anaphor(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    if pronoun(&lower).is_some() {
        return true;
    }
    match lower.strip_prefix("the ") {
        Some(noun) => anaphoric_noun(noun.trim()).is_some(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sector_classes_read_codes_inside_a_sector() {
        assert_eq!(sector_class("MIL"), Some(SectorClass::Armed));
        assert!(sector_has("REBHMS", &[SectorClass::Armed]));
        assert!(!sector_has(
            "PPL",
            &[SectorClass::Armed, SectorClass::Security]
        ));
        assert!(sector_opens_with("GOVMIL", &[SectorClass::Government]));
        assert!(!sector_opens_with("MILGOV", &[SectorClass::Government]));
    }

    #[test]
    fn role_codes_are_three_capitals() {
        assert!(role_code("SPY") && role_code("REB") && role_code("CHR"));
        assert!(!role_code("USA") && !role_code("MUS") && !role_code("IGO"));
        for c in role_codes() {
            assert!(
                c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()),
                "{c:?}"
            );
        }
    }

    #[test]
    fn every_number_word_row_parses() {
        let rows = NUMBER_WORDS
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(
            number_words().len(),
            rows,
            "number_words.tsv: a row does not parse"
        );
    }

    #[test]
    fn every_row_of_every_file_parses() {
        for (name, data) in [("months", MONTHS), ("weekdays", WEEKDAYS)] {
            for line in data
                .lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
            {
                let (_, n) = line.split_once('\t').expect(name);
                assert!(n.parse::<u32>().is_ok(), "{name}: {line:?}");
            }
        }
        for (name, data) in [("pronouns", PRONOUNS), ("anaphoric", ANAPHORIC_NOUNS)] {
            for line in data
                .lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
            {
                let (_, r) = line.split_once('\t').expect(name);
                assert!(Referent::parse(r).is_some(), "{name}: {line:?}");
            }
        }
        for line in VERB_CLASSES
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let class = line.split_once('\t').map(|(_, k)| k);
            assert!(
                matches!(
                    class,
                    Some(
                        "support"
                            | "ending"
                            | "aspect"
                            | "preparation"
                            | "publish"
                            | "pressure"
                            | "cause"
                            | "reply"
                            | "reciprocal"
                            | "exclusion"
                            | "dying"
                            | "harming"
                            | "dismissal"
                            | "command"
                            | "departure"
                            | "permission"
                            | "denial"
                            | "response"
                    )
                ),
                "{line:?}"
            );
        }
        // Word lists of one or two classes: every row has one of them.
        for (name, data, classes) in [
            ("water_bodies", WATER_BODIES, &["water"][..]),
            ("craft_nouns", CRAFT_NOUNS, &["vessel", "aircraft"]),
            ("setting_nouns", SETTING_NOUNS, &["setting", "preposition"]),
            (
                "government_nouns",
                GOVERNMENT_NOUNS,
                &["government", "armed", "body"],
            ),
            ("treaty_nouns", TREATY_NOUNS, &["treaty"]),
            (
                "function_words",
                FUNCTION_WORDS,
                &["function", "honorific", "possessive"],
            ),
            (
                "sentence_words",
                SENTENCE_WORDS,
                &["abbreviation", "opener"],
            ),
            ("person_titles", PERSON_TITLES, &["person"]),
            ("generic_nouns", GENERIC_NOUNS, &["generic"]),
            ("speech_verbs", SPEECH_VERBS, &["speech"]),
            ("verb_particles", VERB_PARTICLES, &["particle"]),
            ("origin_words", ORIGIN_WORDS, &["origin"]),
            ("ethnic_nouns", ETHNIC_NOUNS, &["ethnic"]),
            ("partitive_nouns", PARTITIVE_NOUNS, &["partitive"]),
            (
                "collective_nouns",
                COLLECTIVE_NOUNS,
                &["collective", "group"],
            ),
            ("discourse_nouns", DISCOURSE_NOUNS, &["discourse"]),
            ("title_modifiers", TITLE_MODIFIERS, &["deputy"]),
            ("role_codes", ROLE_CODES, &["sector", "religion"]),
        ] {
            for line in data
                .lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
            {
                let class = line.split_once('\t').map(|(_, k)| k);
                assert!(
                    class.is_some_and(|c| classes.contains(&c)),
                    "{name}: {line:?}"
                );
            }
        }
        assert!(setting_noun("prison") && !setting_noun("parliament"));
        assert!(government_noun("administration") && !government_noun("army"));
        assert!(state_force_word("government") && state_force_word("army"));
        assert!(!state_force_word("combat") && !state_force_word("troops"));
        assert!(deputy_word("Vice") && deputy_word("deputy") && !deputy_word("prime"));
        assert!(treaty_noun("Treaty") && treaty_noun("pact") && !treaty_noun("army"));
        assert!(treaty_name_ahead([
            ("in", false),
            ("Europe", true),
            ("treaty", false)
        ]));
        assert!(!treaty_name_ahead([
            ("of", false),
            ("Ukraine", true),
            ("said", false)
        ]));
        assert!(treaty_name_behind([
            ("Conventional", true),
            ("on", false),
            ("Treaty", true)
        ]));
        assert!(!treaty_name_behind([("the", false), ("treaty", false)]));
        assert!(function_word("When") && function_word("Mr.") && !function_word("Tim"));
        assert!(origin_word("made") && !origin_word("backed"));
        assert!(ethnic_noun("Serbs") && ethnic_noun("albanians") && !ethnic_noun("Cypriots"));
        assert_eq!(number_word("seven", NumberWord::Unit), Some(7.0));
        assert_eq!(number_word("ninety", NumberWord::Tens), Some(90.0));
        assert_eq!(number_word("million", NumberWord::Scale), Some(1e6));
        assert_eq!(number_word("hundreds", NumberWord::Vague), Some(200.0));
        assert_eq!(number_word("seven", NumberWord::Scale), None);
        assert!(partitive_noun("part") && !partitive_noun("party"));
    }

    /// The names a file gives the classes of `all`, in order.
    fn class_names<C>(all: &[(&'static str, C)]) -> Vec<&'static str> {
        all.iter().map(|(n, _)| *n).collect()
    }

    #[test]
    fn classes_of_many_are_known_and_in_their_order() {
        let tense = class_names(TenseWord::ALL);
        let date = class_names(DateWord::ALL);
        let name = class_names(NameWord::ALL);
        let chrome = class_names(PageChrome::ALL);
        let deploymentword_names = class_names(DeploymentWord::ALL);
        for (i, (_, c)) in DeploymentWord::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i);
        }
        let eventpreposition_names = class_names(EventPreposition::ALL);
        for (i, (_, c)) in EventPreposition::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i);
        }
        let eventnoun_names = class_names(EventNoun::ALL);
        for (i, (_, c)) in EventNoun::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i);
        }
        let aux = class_names(Auxiliary::ALL);
        let governors = class_names(ClauseGovernor::ALL);
        let openers = class_names(NounOpener::ALL);
        for (i, (_, c)) in Auxiliary::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i);
        }
        for (i, (_, c)) in ClauseGovernor::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i);
        }
        for (i, (_, c)) in NounOpener::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i);
        }
        for (i, (_, c)) in TenseWord::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i);
        }
        for (i, (_, c)) in DateWord::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i);
        }
        for (i, (_, c)) in NameWord::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i);
        }
        for (i, (_, c)) in PageChrome::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i);
        }
        for (file, data, names) in [
            ("tense_words", TENSE_WORDS, &tense[..]),
            ("date_words", DATE_WORDS, &date[..]),
            ("name_words", NAME_WORDS, &name[..]),
            ("page_chrome", PAGE_CHROME, &chrome[..]),
            (
                "deployment_context",
                DEPLOYMENT_CONTEXT,
                &deploymentword_names[..],
            ),
            (
                "event_prepositions",
                EVENT_PREPOSITIONS,
                &eventpreposition_names[..],
            ),
            ("event_nouns", EVENT_NOUNS, &eventnoun_names[..]),
            ("auxiliaries", AUXILIARIES, &aux[..]),
            ("clause_governors", CLAUSE_GOVERNORS, &governors[..]),
            ("noun_openers", NOUN_OPENERS, &openers[..]),
        ] {
            for (w, k) in rows(data) {
                assert!(names.contains(&k), "{file}: {w} {k}");
            }
        }
        assert!(tense_word("will", TenseWord::Future));
        assert!(auxiliary("'ll", Auxiliary::Modal) && auxiliary("am", Auxiliary::Be));
        assert!(!auxiliary("am", Auxiliary::Copula) && auxiliary("became", Auxiliary::Copula));
        assert!(
            clause_governor("sought", ClauseGovernor::Intent)
                && clause_governor("sought", ClauseGovernor::Catenative)
        );
        assert!(clause_governor("lest", ClauseGovernor::Conditional));
        assert!(clause_governor(
            "out of the question",
            ClauseGovernor::Dismissal
        ));
        assert!(auxiliary("to", Auxiliary::Passive) && !auxiliary("am", Auxiliary::PassiveBe));
        assert!(deployment_word("\"", DeploymentWord::Barrier) && aid_stems()[0] == "assist");
        assert!(deployment_word("drills", DeploymentWord::Exercise));
        assert!(verb_particle("out") && !verb_particle("in"));
        assert!(clause_governor("urged", ClauseGovernor::Request));
        assert!(
            event_noun("troops", EventNoun::Personnel)
                && event_noun("allies", EventNoun::GroupAnaphor)
        );
        assert!(event_preposition("until", EventPreposition::Setting));
        assert!(
            !event_preposition("off", EventPreposition::Locative)
                && event_preposition("off", EventPreposition::Place)
        );
        assert!(speech_verb("said") && !speech_verb("sent"));
        assert!(
            noun_opener("of", NounOpener::Determiner) && noun_opener("next", NounOpener::Ordinal)
        );
        assert!(
            tense_word("plans", TenseWord::Future)
                && tense_word("plans", TenseWord::FutureBeforeTo)
        );
        assert!(tense_word("was", TenseWord::Past) && tense_word("was", TenseWord::Be));
        assert!(!tense_word("was", TenseWord::Future) && !tense_word("walked", TenseWord::Past));
        assert!(
            date_word("until", DateWord::End) && date_word("until", DateWord::MonthPreposition)
        );
        assert!(!date_word("until", DateWord::Start));
        assert!(
            name_word("green", NameWord::NotSurname) && !name_word("Green", NameWord::NotSurname)
        );
        assert!(name_word("The", NameWord::NotName) && !name_word("the", NameWord::NotName));
        assert!(page_chrome("advertisement", PageChrome::UiLine));
        assert!(page_chrome("caption", PageChrome::ClassWord));
        assert_eq!(page_chrome_phrases(PageChrome::BylineStart)[0], "by");
        assert_eq!(page_chrome_phrases(PageChrome::DateWord), ["at", "on"]);
        assert_eq!(person_titles()[0], "foreign ministry spokesperson");
        assert!(person_title("president") && !person_title("envoy"));
        assert!(abbreviation("gen") && abbreviation("e.g") && !abbreviation("jan"));
        assert!(sentence_opener("The") && !sentence_opener("the"));
        assert!(before_capital("visited") && !before_capital("said"));
        assert!(group_place_preposition("throughout") && !group_place_preposition("to"));
        assert!(setting_preposition("behind") && possessive("their") && generic_noun("media"));
    }

    #[test]
    fn support_verbs_are_lemmas() {
        assert!(support_verb("hold") && support_verb("cast"));
        assert!(!support_verb("held") && !support_verb("attack"));
        assert!(ending_verb("lift") && ending_verb("scrap"));
        assert!(publishing_verb("issue") && publishing_verb("pass") && !publishing_verb("sign"));
        assert!(pressure_verb("boycott") && !pressure_verb("sanction"));
        assert!(causative_verb("spark") && !causative_verb("stage"));
        assert!(reply_verb("answer") && !reply_verb("reject"));
        assert!(aspect_verb("begin") && !aspect_verb("began"));
        assert!(water_body("Strait") && !water_body("strait") && !water_body("Sky"));
        assert!(locative_word("near") && !locative_word("said") && !locative_word("city"));
        assert!(place_modifier("southern") && place_modifier("of") && !place_modifier("in"));
        assert!(region_noun("Oblast") && region_noun("region") && !region_noun("city"));
        assert!(place_of_noun("outskirts") && place_of_noun("city") && !place_of_noun("army"));
        assert!(discourse_noun("plan") && !discourse_noun("plans") && !discourse_noun("base"));
        assert!(!ending_verb("lifted") && !ending_verb("impose") && !support_verb("lift"));
    }

    #[test]
    fn months_have_names_and_abbreviations() {
        assert_eq!(month("january"), Some(1));
        assert_eq!(month("dec"), Some(12));
        assert_eq!(month("sept"), Some(9));
        assert_eq!(month("mayday"), None);
        assert_eq!(month_names().len(), 12);
        assert_eq!(month_names()[0], "january");
        assert_eq!(month_names()[11], "december");
    }

    #[test]
    fn weekdays_count_from_monday() {
        assert_eq!(weekday("monday"), Some(1));
        assert_eq!(weekday("thurs"), Some(4));
        assert_eq!(weekday("sun"), Some(7));
        assert_eq!(weekday("sunday's"), None);
    }

    #[test]
    fn membership_phrases_are_split_by_change() {
        let joins = membership_phrases(MembershipChange::Accession);
        let leaves = membership_phrases(MembershipChange::Withdrawal);
        assert!(joins.contains(&"joined") && joins.contains(&"acceded to"));
        assert!(leaves.contains(&"withdrew from") && leaves.contains(&"left"));
        assert!(joins.iter().all(|p| !leaves.contains(p)));
        assert!(!joins.contains(&"became"));
        assert!(becoming_words().contains(&"became"));
        for line in MEMBERSHIP
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let (_, kind) = line.split_once('\t').expect("membership row");
            assert!(
                matches!(kind, "accession" | "withdrawal" | "becoming"),
                "{line:?}"
            );
        }
    }

    #[test]
    fn anaphors_are_pronouns_and_the_noun_phrases_that_point_back() {
        for a in [
            "she",
            "He",
            "they",
            "Their",
            "the alliance",
            "The country",
            "the bloc",
        ] {
            assert!(is_anaphor(a), "{a}");
        }
        for n in [
            "NATO",
            "Jacinda Ardern",
            "the United States",
            "alliance",
            "Theresa",
        ] {
            assert!(!is_anaphor(n), "{n}");
        }
        assert_eq!(pronoun("we"), Some(Referent::First));
        assert_eq!(pronoun("its"), Some(Referent::Thing));
        assert_eq!(anaphoric_noun("organisation"), Some(Referent::Igo));
    }
}
