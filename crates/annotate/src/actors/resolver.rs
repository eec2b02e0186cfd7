//! From dictionary hits to resolved mentions: role phrases compose
//! ("Chinese Foreign Ministry spokesperson Wang Wenbin"), people resolve to
//! the role they held on the publication date, and unqualified institutions
//! ("the Government") take their country from context, with less confidence.

use super::coreference::anaphora;
use super::dictionary::{ActorDictionary, Person, Role};
use super::matcher::{title_key, Hit, Target};
use chrono::NaiveDate;
use entente_core::lexicon::{self, NameWord, SectorClass};
use entente_core::{ActorCode, ActorKind, Document, Mention};
use smallvec::{smallvec, SmallVec};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The date used when an article has none: people resolve to the roles
/// still held when the data ends.
const UNDATED: NaiveDate = match NaiveDate::from_ymd_opt(2100, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// Sectors of state institutions: an unqualified "the Government" or "the
/// Defence Force" belongs to a state, which context names.
const STATE_SECTORS: &[&str] = &["GOV", "MIL", "COP", "JUD", "LEG", "SPY"];

/// Resolves actor mentions in cleaned text with one dictionary.
#[derive(Debug, Clone, Copy)]
pub struct ActorResolver<'d> {
    dict: &'d ActorDictionary,
}

/// What a dictionary hit is, once its capitalisation is checked.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    /// Candidate states; `capital` when named by its capital city.
    State {
        cands: Ids,
        capital: bool,
    },
    Org(u32),
    Person(Ids),
    Surname(Ids),
    Agent(u16),
    /// Candidate places, after a locative preposition.
    Place(Ids),
}

/// Whether part `p` is inside the name of a body of water: followed by
/// "Sea", "Strait" ... ("the Taiwan Strait"), or after "Sea of", "Gulf of
/// the" ... ("the Sea of Japan").
fn in_water_name(text: &str, p: &Part) -> bool {
    let after = text.get(p.end..).unwrap_or("");
    let next = after
        .strip_prefix(' ')
        .and_then(|a| a.split(|c: char| !c.is_alphabetic()).next());
    if next.is_some_and(lexicon::water_body) {
        return true;
    }
    let before = text.get(..p.start).unwrap_or("").trim_end();
    let before = before.strip_suffix(" the").unwrap_or(before);
    let Some(before) = before.strip_suffix(" of") else {
        return false;
    };
    before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(lexicon::water_body)
}

/// Sectors whose people are not taken to belong to the country an article
/// is about when the text names none: armed forces move across borders.
const MOBILE_SECTORS: &[&str] = &["MIL"];

/// Dictionary indices of a piece's readings: most names have one or two,
/// so they live inline and a long document makes no small allocation per
/// name.
type Ids = SmallVec<[u32; 4]>;

#[derive(Debug, Clone)]
struct Part {
    start: usize,
    end: usize,
    piece: Piece,
}

/// How two neighbouring hits are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Glue {
    Adjacent,
    Possessive,
    Of,
    None,
}

/// What a chunk of composed hits resolved to, before it becomes a mention.
struct Resolved {
    mention: Mention,
    /// The owner named before a person ("Chinese Foreign Ministry" in
    /// "Chinese Foreign Ministry spokesperson Wang Wenbin"), as its own mention.
    nested: Option<Mention>,
    /// The state the actor belongs to, for context.
    country: Option<String>,
}

/// Running context while reading an article.
struct Context<'a> {
    day: NaiveDate,
    /// People named in full anywhere in the article.
    named: HashSet<u32>,
    /// How often each state is named unambiguously.
    counts: HashMap<u32, (u32, usize)>,
    /// The state of the last actor that was a sentence subject outside quotations.
    recent: Option<String>,
    /// The state named most often in the article.
    dominant: Option<String>,
    sentence_starts: Vec<usize>,
    text: &'a str,
}

impl<'d> ActorResolver<'d> {
    pub fn new(dict: &'d ActorDictionary) -> Self {
        ActorResolver { dict }
    }

    /// The resolver over the embedded dictionary.
    pub fn embedded() -> ActorResolver<'static> {
        ActorResolver::new(ActorDictionary::embedded())
    }

    pub fn dictionary(&self) -> &'d ActorDictionary {
        self.dict
    }

    /// Every actor mention in `text`, resolved as of `published` (the
    /// roles still held when the data ends, when `None`). Offsets are bytes
    /// in `text`; mentions come in text order. A role phrase naming a person
    /// after an institution yields the institution too, as a mention nested
    /// in the person's ("Chinese Foreign Ministry" inside "Chinese Foreign
    /// Ministry spokesperson Wang Wenbin").
    pub fn find_mentions(&self, text: &str, published: Option<NaiveDate>) -> Vec<Mention> {
        let hits = self.dict.lexicon.find(text);
        let mut parts: Vec<Part> = Vec::with_capacity(hits.len());
        for h in &hits {
            if let Some(p) = self.classify(text, h) {
                // A full name reaches back over hits it swallows ("Jens").
                while parts.last().is_some_and(|q| q.end > p.start) {
                    parts.pop();
                }
                parts.push(p);
            }
        }
        // The raw hits are classified: free them before resolving.
        drop(hits);
        // "Chad Smith", "Jordan Peterson": a state's name right before a
        // last name is a given name.
        let given: Vec<bool> = (0..parts.len())
            .map(|i| {
                let next = parts.get(i + 1);
                matches!(parts[i].piece, Piece::State { capital: false, .. })
                    && next.is_some_and(|n| {
                        matches!(n.piece, Piece::Surname(_) | Piece::Person(_))
                            && text.get(parts[i].end..n.start) == Some(" ")
                    })
            })
            .collect();
        let mut drop = given.into_iter();
        parts.retain(|_| !drop.next().unwrap_or(false));
        // "Abdullah Ocalan", "Abdullah Gul": a one-word name right before
        // another capitalised name is the given name of someone else.
        // "Carlos Menem" stays: the next word is a name the dictionary
        // knows, and the two are read together.
        let someone_else: Vec<bool> = (0..parts.len())
            .map(|i| {
                let p = &parts[i];
                matches!(p.piece, Piece::Surname(_))
                    && before_capitalised_name(text, p.end).is_some()
                    && parts.get(i + 1).is_none_or(|n| n.start != p.end + 1)
            })
            .collect();
        let mut drop = someone_else.into_iter();
        parts.retain(|_| !drop.next().unwrap_or(false));
        // "the Sea of Japan", "the Taiwan Strait": a state's name inside
        // the name of a body of water.
        parts.retain(|p| !(matches!(p.piece, Piece::State { .. }) && in_water_name(text, p)));
        // "French-made howitzers", "Soviet-era tanks": a state as the origin
        // or period of a thing is no actor.
        parts.retain(|p| {
            !(matches!(p.piece, Piece::State { .. } | Piece::Org(_))
                && text
                    .get(p.end..)
                    .and_then(|a| a.strip_prefix('-'))
                    .and_then(|a| a.split(|c: char| !c.is_alphabetic()).next())
                    .is_some_and(|w| lexicon::origin_word(&w.to_lowercase())))
        });
        let mut ctx = Context {
            day: published.unwrap_or(UNDATED),
            named: HashSet::new(),
            counts: HashMap::new(),
            recent: None,
            dominant: None,
            sentence_starts: sentence_starts(text),
            text,
        };
        for p in &parts {
            match &p.piece {
                Piece::Person(c) => ctx.named.extend(c.iter().copied()),
                Piece::State { cands, capital } if cands.len() == 1 => {
                    let s = cands[0];
                    let s = match self.territory_of(s, ctx.day).filter(|_| *capital) {
                        Some(older) => older,
                        None => s,
                    };
                    ctx.counts.entry(s).or_insert((0, p.start)).0 += 1
                }
                Piece::Org(o) => {
                    let code = &self.dict.orgs[*o as usize].code;
                    let country = ActorCode::parse(code).and_then(ActorCode::country);
                    if let Some(s) = country.and_then(|c| self.dict.state_index_of(c)) {
                        ctx.counts.entry(s).or_insert((0, p.start)).0 += 1;
                    }
                }
                _ => {}
            }
        }
        ctx.dominant = ctx
            .counts
            .iter()
            .max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first)))
            .map(|(s, _)| self.dict.states[*s as usize].iso3.clone());
        // Chunks are ranges of `parts`: one allocation, not one per chunk.
        // Institutions of a state ("Senate", "Parliament"): another state
        // named right before one makes it that state's.
        let institution = |o: u32| {
            self.dict
                .orgs
                .get(o as usize)
                .is_some_and(|org| org.kind == ActorKind::State)
        };
        let chunks = chunk(text, &parts, &institution);
        let mut out = Vec::with_capacity(chunks.len());
        let mut last_sentence = usize::MAX;
        // Mentions that were a sentence's subject outside quotations: the
        // antecedents "he", "she" and "the country" most likely point to.
        let mut subjects: Vec<usize> = Vec::new();
        for range in chunks {
            let ch = parts.get(range).unwrap_or_default();
            let sentence = ctx.sentence_of(ch.first().map_or(0, |p| p.start));
            let subject = sentence != last_sentence;
            last_sentence = sentence;
            let Some(r) = self.resolve(ch, &mut ctx, true) else {
                continue;
            };
            let quoted = ctx.sentence_quoted(sentence);
            if subject && !quoted {
                if let Some(c) = r.country {
                    ctx.recent = Some(c);
                }
            }
            out.extend(r.nested);
            // "The Estonian prime minister, Kaja Kallas, said": the person
            // in apposition to the subject is the subject too.
            let appositive = !subject
                && r.mention.kind == ActorKind::Person
                && subjects
                    .last()
                    .and_then(|&i| out.get(i))
                    .is_some_and(|s: &Mention| {
                        ctx.sentence_of(s.start) == sentence
                            && text.get(s.end..r.mention.start) == Some(", ")
                    });
            if (subject || appositive) && !quoted {
                subjects.push(out.len());
            }
            out.push(r.mention);
        }
        share_sectors(text, &mut out);
        self.located_groups(&ctx, &mut out);
        appositive_people(text, &mut out);
        owned_bodies(text, &mut out);
        let anaphora = anaphora(text, &out, &subjects);
        if !anaphora.is_empty() {
            // Anaphora are in text order: the one starting last before a
            // mention's end is the only one that can overlap it.
            out.retain(|m| {
                let i = anaphora.partition_point(|a| a.start < m.end);
                m.kind != ActorKind::Group || i == 0 || anaphora[i - 1].end <= m.start
            });
            out.extend(anaphora);
            out.sort_by_key(|m| m.start);
        }
        // The mentions live as long as the document's record: give back
        // what growing the vector reserved.
        out.shrink_to_fit();
        out
    }

    /// The mentions of a cleaned document, as of its publication date.
    pub fn find_in_document(&self, doc: &Document) -> Vec<Mention> {
        self.find_mentions(&doc.text, doc.published)
    }

    fn classify(&self, text: &str, h: &Hit<'_>) -> Option<Part> {
        let mut states = Ids::new();
        let mut places = Ids::new();
        let mut capital = false;
        let (mut org, mut people, mut surnames, mut agent) = (None, Ids::new(), Ids::new(), None);
        for e in &h.entries {
            match e.target {
                Target::State { idx, capital: c } => {
                    if !states.contains(&idx) {
                        states.push(idx);
                    }
                    capital |= c && states.len() == 1;
                }
                Target::Org { idx } => org = org.or(Some(idx)),
                // A one-word name ("Kennedy") is no stronger than a last name.
                Target::Person { idx } if !self.dict.people[idx as usize].name.contains(' ') => {
                    surnames.push(idx)
                }
                Target::Person { idx } => people.push(idx),
                Target::Place { idx } => places.push(idx),
                Target::Surname { idx } => surnames.push(idx),
                Target::Agent { sector } => agent = agent.or(Some(sector)),
            }
        }
        // Full names first, then organisations, states, last names, sector words.
        // "Jens Stoltenberg": a last name preceded by the person's given names.
        if people.is_empty() {
            for &p in &surnames {
                if let Some(start) = self.full_name_start(text, h.start, p) {
                    return Some(Part {
                        start,
                        end: h.end,
                        piece: Piece::Person(smallvec![p]),
                    });
                }
            }
        }
        // "the Intermediate-Range Nuclear Forces Treaty": sector words and
        // last names inside a treaty's name are no actors.
        if org.is_none()
            && states.is_empty()
            && people.is_empty()
            && in_treaty_name(text, h.start, h.end)
        {
            return None;
        }
        let locative = after_locative(text, h.start);
        if capital && locative {
            // "in Tripoli": the capital or a city of that name elsewhere, the
            // largest city first ("in Santiago" is Chile's capital before the
            // town in the Philippines; "in Victoria" is not the Seychelles).
            let state_of = |p: u32| self.dict.state_index_of(&self.dict.places[p as usize].iso3);
            for &p in &places {
                if let Some(s) = state_of(p) {
                    if !states.contains(&s) {
                        states.push(s);
                    }
                }
            }
            let city_population = |s: u32| {
                places
                    .iter()
                    .filter(|&&p| state_of(p) == Some(s))
                    .map(|&p| self.dict.places[p as usize].population)
                    .max()
                    .unwrap_or(0)
            };
            states.sort_by_key(|&s| std::cmp::Reverse(city_population(s)));
        }
        let piece = if !people.is_empty() {
            Piece::Person(people)
        } else if let Some(o) = org {
            Piece::Org(o)
        } else if !states.is_empty() {
            Piece::State {
                cands: states,
                capital,
            }
        } else if !places.is_empty() && locative {
            Piece::Place(places)
        } else if !surnames.is_empty() {
            // "Tim Morrison ... Morrison said": a last name the document
            // gives to someone else is theirs, not a known person's.
            if self.another_bearer(text, h.start, h.end, &surnames) {
                return None;
            }
            Piece::Surname(surnames)
        } else if bare_setting(text, h.start, h.end) {
            // "sentenced to four years in prison": where, not who.
            return None;
        } else {
            Piece::Agent(agent?)
        };
        Some(Part {
            start: h.start,
            end: h.end,
            piece,
        })
    }

    /// Where the full name of person `p` starts, if its given names stand
    /// right before the last name at `at`.
    fn full_name_start(&self, text: &str, at: usize, p: u32) -> Option<usize> {
        let name = &self.dict.people[p as usize].name;
        let given = name.rsplit_once(' ')?.0;
        let start = at.checked_sub(given.len() + 1)?;
        let before = text.get(start..at)?;
        let (g, sep) = (before.get(..given.len())?, before.get(given.len()..)?);
        let bounded = !text
            .get(..start)
            .unwrap_or_default()
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        (sep == " " && g.eq_ignore_ascii_case(given) && bounded).then_some(start)
    }

    /// Whether the last name at `start..end`, here or earlier in the text,
    /// last followed a given name that none of the known people `cands` of that
    /// last name bears ("Tim Morrison" for Scott Morrison's last name): a
    /// capitalised word that is no title or sector word ("President"), no
    /// name the dictionary knows ("Chad Smith"), no closed-class word
    /// opening a sentence ("When"), no name of a month or day.
    fn another_bearer(&self, text: &str, start: usize, end: usize, cands: &[u32]) -> bool {
        let Some(surname) = text.get(start..end) else {
            return false;
        };
        // Asked only of a capitalised word before the last name.
        let given_name = |word: &str| {
            cands
                .iter()
                .filter_map(|&p| self.dict.people[p as usize].name.rsplit_once(' '))
                .flat_map(|(given, _)| given.split(' '))
                .any(|g| g.eq_ignore_ascii_case(word))
        };
        // The last name names whoever the latest full name with it named.
        let head = text.get(..end).unwrap_or_default();
        let mut other = false;
        for (q, _) in head.match_indices(surname) {
            let bounded = !text
                .get(q + surname.len()..)
                .unwrap_or_default()
                .starts_with(char::is_alphanumeric);
            let Some(before) = text.get(..q).and_then(|b| b.strip_suffix(' ')) else {
                continue;
            };
            let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
            let mut chars = word.chars();
            let name_shaped = chars.next().is_some_and(char::is_uppercase)
                && word.chars().count() >= 2
                && chars.all(|c| c.is_lowercase() || c == '-');
            if !bounded || !name_shaped {
                continue;
            }
            if given_name(word) {
                other = false;
            } else if !self.dict.agent_word(word)
                && self.dict.lexicon.entries_of(word).is_empty()
                && !lexicon::function_word(word)
                && lexicon::month(&word.to_lowercase()).is_none()
                && lexicon::weekday(&word.to_lowercase()).is_none()
            {
                other = true;
            }
        }
        other
    }

    fn resolve(&self, ch: &[Part], ctx: &mut Context<'_>, outer: bool) -> Option<Resolved> {
        let text = ctx.text;
        let first = ch.first()?;
        let last = ch.last()?;
        let mut start = first.start;
        let mut end = last.end;
        let mut state: Option<(u32, f32, Vec<u32>)> = None;
        let mut capital_only = false;
        let mut org: Option<u32> = None;
        let mut agents: Vec<&Part> = Vec::new();
        let mut person: Option<(&[u32], bool)> = None;
        // Sector words after a person's name ("Putin's government").
        let mut owned: Vec<&Part> = Vec::new();
        let mut names_in_chunk = 0;
        let mut state_end: Option<usize> = None;
        for p in ch {
            match &p.piece {
                Piece::State { cands, capital } => {
                    // "Bosnian Serbs", "Kosovo Albanian leaders": a people
                    // named after another state's adjective are that state's
                    // residents; the adjective's state is the actor.
                    let residents = !*capital
                        && state_end.is_some_and(|e| text.get(e..p.start) == Some(" "))
                        && text.get(p.start..p.end).is_some_and(lexicon::ethnic_noun);
                    state_end = Some(p.end);
                    if residents {
                        continue;
                    }
                    let (s, conf) = self.pick_state(cands, *capital, ctx);
                    // "Pristina" in 1999: a city of a state not yet formed
                    // is a place of the state it was in, and no capital.
                    let (s, capital) = match self.territory_of(s, ctx.day).filter(|_| *capital) {
                        Some(older) => (older, false),
                        None => (s, *capital),
                    };
                    // A capital stands for its state by metonymy only.
                    let conf = if capital { conf.min(0.8) } else { conf };
                    capital_only = capital && ch.len() == 1;
                    state = Some((s, conf, cands.to_vec()));
                }
                Piece::Place(cands) => {
                    let (s, conf) = self.pick_place(cands, ctx);
                    let s = self.territory_of(s, ctx.day).unwrap_or(s);
                    state = Some((s, conf, vec![s]));
                }
                Piece::Org(o) => org = Some(*o),
                Piece::Agent(_) if person.is_some() => owned.push(p),
                Piece::Agent(_) => agents.push(p),
                Piece::Person(c) => {
                    person = Some((c, false));
                    names_in_chunk += 1;
                }
                Piece::Surname(c) => {
                    person = Some((c, true));
                    names_in_chunk += 1;
                }
            }
        }
        let sector = agents.first().and_then(|p| match p.piece {
            Piece::Agent(s) => Some(self.dict.sectors[s as usize].clone()),
            _ => None,
        });
        // "Vice Premier", "the deputy foreign minister": a word before the
        // title that makes it another office, whose holder is not the
        // title's.
        let deputy = agents.last().and_then(|p| {
            let before = text.get(..p.start).unwrap_or_default();
            let word = before
                .trim_end_matches(|c: char| c == '-' || c.is_whitespace())
                .rsplit(|c: char| c == '-' || c.is_whitespace())
                .next()?;
            lexicon::deputy_word(word).then(|| word.to_lowercase())
        });
        let title = agents.last().map(|p| {
            let key = title_key(text.get(p.start..p.end).unwrap_or_default());
            match &deputy {
                Some(d) => format!("{d} {key}"),
                None => key,
            }
        });
        // "the Chinese and American presidents": a plural title names the
        // office's holders in general, not the one who held it then.
        let plural_title = agents.last().is_some_and(|p| {
            let raw = text.get(p.start..p.end).unwrap_or_default();
            raw.ends_with('s') && title.as_deref().is_some_and(|t| !t.ends_with('s'))
        });

        // A capitalised title followed by capitalised words not in the
        // dictionary: a person we do not know ("President Dos Santos").
        let mut unknown_person: Option<String> = None;
        if outer && person.is_none() && last_is_agent(ch) {
            let t = text.get(last.start..last.end).unwrap_or_default();
            if t.starts_with(|c: char| c.is_uppercase()) {
                if let Some((name, e)) = capitalised_run(text, end) {
                    unknown_person = Some(name);
                    end = e;
                }
            }
        }

        // Honorifics and articles before the chunk belong to the mention.
        let before = text.get(..start).unwrap_or_default();
        if matches!(first.piece, Piece::Person(_) | Piece::Surname(_)) {
            for h in ["Mr. ", "Mr ", "Mrs. ", "Mrs ", "Ms. ", "Ms ", "Dr. ", "Dr "] {
                if before.ends_with(h) {
                    start -= h.len();
                    break;
                }
            }
        } else if before.ends_with("the ") || before.ends_with("The ") {
            start -= 4;
        }
        let definite = start < first.start
            || text
                .get(first.start..first.start + 4)
                .is_some_and(|t| t.eq_ignore_ascii_case("the ") && first.end > first.start + 4);
        let mention_text = text.get(start..end).unwrap_or_default();

        let explicit_country = state.as_ref().map(|(s, _, _)| *s);
        let explicit_org = org;

        let mut m = Mention {
            text: mention_text.to_string().into(),
            start,
            end,
            code: String::new().into(),
            actor: String::new().into(),
            kind: ActorKind::Group,
            name: String::new().into(),
            role: None,
            sector: None,
            affiliation: None,
            confidence: 1.0,
            candidates: Vec::new(),
        };

        // People: named, or by title in a known country or organisation.
        if let Some((cands, surname)) = person {
            let affil = explicit_country
                .map(|s| self.dict.states[s as usize].iso3.clone())
                .or_else(|| explicit_org.map(|o| self.dict.orgs[o as usize].code.clone()));
            // A title, a first name or an office of theirs ("the Obama
            // administration") makes a last name a person even out of office.
            let hinted = !agents.is_empty() || !owned.is_empty() || names_in_chunk > 1;
            let found = self.pick_person(
                cands,
                surname,
                hinted,
                affil.as_deref(),
                title.as_deref(),
                ctx,
            );
            match found {
                PersonPick::One(p, role, conf) => {
                    let person = &self.dict.people[p as usize];
                    self.fill_person(&mut m, person, role, conf);
                    if let (Some(Piece::Agent(sec)), Some(c)) = (
                        owned.first().map(|p| &p.piece),
                        self.country_of_code(&m.code),
                    ) {
                        // "Putin's government": the person's state, that sector.
                        let sec = self.dict.sectors[*sec as usize].clone();
                        let name = self
                            .dict
                            .state(&c)
                            .map(|s| s.name.clone())
                            .unwrap_or_default();
                        m.kind = ActorKind::State;
                        m.code = format!("{c}{sec}").into();
                        m.actor = c.clone().into();
                        m.name = name.into();
                        m.role = None;
                        m.sector = Some(sec.into());
                        m.affiliation = Some(c.clone().into());
                        m.confidence = m.confidence.min(0.7);
                        return Some(Resolved {
                            mention: m,
                            nested: None,
                            country: Some(c),
                        });
                    }
                    if let Some(a) = &affil {
                        if !m.code.starts_with(a.as_str()) {
                            // The text names the country: trust it over the dictionary.
                            m.code = format!("{}{}", a, sector_of_state(&sector, &affil)).into();
                            m.affiliation = Some(a.clone().into());
                            m.confidence = m.confidence.min(0.7);
                        }
                    }
                    let country = self.country_of_code(&m.code);
                    let owner_at = ch
                        .iter()
                        .position(|p| matches!(p.piece, Piece::Person(_) | Piece::Surname(_)))
                        .unwrap_or(0);
                    let nested = if outer && owner_at > 1 && has_owner(&ch[..owner_at]) {
                        // Only an institution ("Chinese Foreign Ministry"), not
                        // the office that names the same person again.
                        self.resolve(&ch[..owner_at], ctx, false)
                            .map(|r| r.mention)
                            .filter(|n| n.kind != ActorKind::Person)
                    } else {
                        None
                    };
                    return Some(Resolved {
                        mention: m,
                        nested,
                        country,
                    });
                }
                PersonPick::Ambiguous(c) => {
                    m.kind = ActorKind::Person;
                    m.name = mention_text.to_string().into();
                    m.confidence = 0.0;
                    m.candidates = c
                        .iter()
                        .take(MAX_CANDIDATES)
                        .map(|&p| self.dict.people[p as usize].name.as_str().into())
                        .collect();
                    return Some(Resolved {
                        mention: m,
                        nested: None,
                        country: None,
                    });
                }
                PersonPick::None => {
                    if surname && affil.is_none() && agents.is_empty() {
                        return None; // a bare capitalised word that is someone's name
                    }
                    unknown_person = Some(
                        text.get(last.start..last.end)
                            .unwrap_or_default()
                            .to_string(),
                    );
                }
            }
        }

        // Who the phrase belongs to: the text's country or organisation, or context.
        let mut conf: f32 = 1.0;
        let mut candidates = Vec::new();
        let country: Option<String> = match (explicit_country, explicit_org) {
            (Some(s), _) => {
                let (_, c, cands) = state.as_ref()?;
                conf = *c;
                if cands.len() > 1 && conf < 1.0 {
                    candidates = cands
                        .iter()
                        .filter(|&&x| x != s)
                        .map(|&x| self.dict.states[x as usize].iso3.clone())
                        .collect();
                }
                Some(self.dict.states[s as usize].iso3.clone())
            }
            (None, Some(_)) => None,
            (None, None) => {
                let sec = sector.as_deref().unwrap_or("");
                let institutional = STATE_SECTORS.iter().any(|s| sec.starts_with(s));
                let proper = agents.first().is_some_and(|p| {
                    text.get(p.start..)
                        .unwrap_or_default()
                        .starts_with(|c: char| c.is_uppercase())
                });
                let at_sentence_start = ctx.sentence_starts.binary_search(&first.start).is_ok();
                if institutional
                    && (definite || (proper && !at_sentence_start) || unknown_person.is_some())
                {
                    match ctx.context_country() {
                        Some((c, cf)) => {
                            conf = cf;
                            Some(c)
                        }
                        None => None,
                    }
                } else if MOBILE_SECTORS.contains(&sec) && unknown_person.is_none() {
                    // Forces with no country named ("troops were sent to
                    // Belarus"): whose they are is read from the text (the
                    // sender), not from what the article is about. Forces
                    // the phrase calls the government's or a state service's
                    // ("government troops", "army soldiers") are the state
                    // the text is about.
                    // (A modifier: "military" alone is an adjective's
                    // noun, as in "a military offensive".)
                    let governments = agents.iter().any(|p| {
                        let words: Vec<&str> = text
                            .get(p.start..p.end)
                            .unwrap_or_default()
                            .split(|c: char| !c.is_alphanumeric())
                            .filter(|w| !w.is_empty())
                            .collect();
                        words.split_last().is_some_and(|(_, modifiers)| {
                            modifiers
                                .iter()
                                .any(|w| lexicon::state_force_word(&w.to_lowercase()))
                        })
                    });
                    if !governments {
                        return None;
                    }
                    let (c, cf) = ctx.context_country()?;
                    conf = cf;
                    Some(c)
                } else if !sec.is_empty()
                    && unknown_person.is_none()
                    && !agents.iter().any(|p| {
                        let phrase = text.get(p.start..p.end).unwrap_or_default();
                        // "Iran seized an oil tanker": a craft named by its
                        // kind is nobody's by where the story is.
                        let craft = phrase
                            .rsplit(|c: char| !c.is_alphanumeric())
                            .find(|w| !w.is_empty())
                            .is_some_and(|w| lexicon::craft_noun(&w.to_lowercase()));
                        is_generic(phrase) || craft
                    })
                {
                    // "rebels", "students": people of the state the article
                    // is about, if it is about one; a weak reading.
                    conf = 0.4;
                    ctx.dominant.clone()
                } else {
                    None
                }
            }
        };

        if let Some(o) = explicit_org {
            let org = &self.dict.orgs[o as usize];
            if org.kind == ActorKind::State {
                // A state institution with its own code ("US Congress").
                // Groups in a state (parties, rebels) are organisations of their own.
                let code = ActorCode::parse(&org.code);
                let own = code.map_or("", ActorCode::head);
                // "the Philippine Senate": another state named before a
                // generic institution's name makes it that state's.
                let other = explicit_country
                    .and_then(|s| self.dict.states.get(s as usize))
                    .map(|s| s.iso3.clone())
                    .filter(|c| c != own);
                let iso = other.clone().unwrap_or_else(|| own.to_string());
                let sector = code.and_then(ActorCode::sector).map(str::to_string);
                let institution = sector
                    .as_deref()
                    .is_some_and(|s| STATE_SECTORS.iter().any(|x| s.starts_with(x)));
                m.kind = if institution {
                    ActorKind::State
                } else {
                    ActorKind::Organisation
                };
                m.code = format!("{iso}{}", sector.as_deref().unwrap_or("")).into();
                m.actor = if institution {
                    iso.clone().into()
                } else {
                    org.name.clone().into()
                };
                m.name = if other.is_some() {
                    mention_text.trim_start_matches("the ").into()
                } else {
                    org.name.clone().into()
                };
                m.sector = sector.map(Into::into);
                m.affiliation = Some(iso.clone().into());
                // "the US President": an institution that is one person's office.
                let key = title_key(text.get(first.start..last.end).unwrap_or_default());
                if let Some(t) = lexicon::person_titles().iter().find(|t| key.ends_with(*t)) {
                    m.role = Some(t.to_string().into());
                    if let Some((p, role)) = self.holder(&iso, Some(t), ctx.day) {
                        let person = &self.dict.people[p as usize];
                        self.fill_person(&mut m, person, role, 0.9);
                    }
                }
                return Some(Resolved {
                    mention: m,
                    nested: None,
                    country: institution.then_some(iso),
                });
            }
            if agents.is_empty() || unknown_person.is_none() {
                m.kind = org.kind;
                m.code = org.code.clone().into();
                m.actor = org.actor.clone().into();
                m.name = org.name.clone().into();
                if !agents.is_empty() {
                    m.affiliation = Some(org.actor.clone().into());
                    m.role = title.clone().filter(|t| is_person_title(t)).map(Into::into);
                    // "NATO Secretary-General": whoever held the title then.
                    let title = title.as_deref().filter(|_| !plural_title);
                    if let Some(p) = self.holder(&org.code, title, ctx.day) {
                        let person = &self.dict.people[p.0 as usize];
                        self.fill_person(&mut m, person, p.1, 0.8);
                    }
                }
                return Some(Resolved {
                    mention: m,
                    nested: None,
                    country: None,
                });
            }
        }

        if let Some(name) = unknown_person {
            m.kind = ActorKind::Person;
            m.actor = name.clone().into();
            m.name = name.into();
            m.role = title.clone().map(Into::into);
            if let Some(c) = &country {
                m.code = format!("{}{}", c, sector_of_state(&sector, &Some(c.clone()))).into();
                m.affiliation = Some(c.clone().into());
                m.sector = sector.clone().map(Into::into);
                m.confidence = conf.min(0.7);
            } else if let Some(o) = explicit_org {
                let org = &self.dict.orgs[o as usize];
                m.code = org.code.clone().into();
                m.affiliation = Some(org.actor.clone().into());
                m.confidence = 0.7;
            } else {
                m.confidence = 0.0;
            }
            return Some(Resolved {
                mention: m,
                nested: None,
                country,
            });
        }

        match (country, sector) {
            (Some(c), None) => {
                let st = self.dict.state(&c)?;
                m.kind = ActorKind::State;
                m.actor = c.clone().into();
                m.name = st.name.clone().into();
                m.confidence = conf;
                m.candidates = candidates.into_iter().map(Into::into).collect();
                if capital_only {
                    // A capital acting stands for the government; in a
                    // locative phrase it is a place, not an actor.
                    let dateline = (start == 0
                        || text.get(..start).unwrap_or_default().ends_with('\n'))
                        && mention_text.chars().all(|c| !c.is_lowercase());
                    if after_locative(text, start) || dateline {
                        // A place: where something happens, coded to its state.
                        m.code = c.clone().into();
                        m.confidence = 0.5;
                        return Some(Resolved {
                            mention: m,
                            nested: None,
                            country: None,
                        });
                    }
                    m.code = format!("{c}GOV").into();
                    m.sector = Some("GOV".into());
                    m.affiliation = Some(c.clone().into());
                    m.confidence = conf.min(0.8);
                } else if matches!(first.piece, Piece::Place(_)) {
                    m.code = c.clone().into();
                    return Some(Resolved {
                        mention: m,
                        nested: None,
                        country: None,
                    });
                } else {
                    if self.follows_unknown_name(first.start, ctx) {
                        return None; // "Michael Jordan", "Lake Chad"
                    }
                    m.code = c.clone().into();
                    let prev = text
                        .get(..start)
                        .unwrap_or_default()
                        .split_whitespace()
                        .next_back()
                        .unwrap_or("");
                    if prev.eq_ignore_ascii_case("ethnic") {
                        // "ethnic Albanians" are a people living in another
                        // state: the one the article is about, if it names one.
                        let own = explicit_country.unwrap_or(u32::MAX);
                        let host = ctx
                            .counts
                            .iter()
                            .filter(|(s, _)| **s != own)
                            .max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first)))
                            .map(|(s, _)| self.dict.states[*s as usize].iso3.clone());
                        m.candidates = vec![c.clone().into()];
                        m.confidence = 0.5;
                        if let Some(h) = host {
                            m.code = format!("{h}CVL").into();
                            m.actor = h.clone().into();
                            m.name = self
                                .dict
                                .state(&h)
                                .map(|s| s.name.clone())
                                .unwrap_or_default()
                                .into();
                            m.sector = Some("CVL".into());
                            m.affiliation = Some(h.into());
                        } else {
                            m.code.clear();
                        }
                        return Some(Resolved {
                            mention: m,
                            nested: None,
                            country: None,
                        });
                    }
                }
                Some(Resolved {
                    mention: m,
                    nested: None,
                    country: Some(c),
                })
            }
            (Some(c), Some(sec)) => {
                let st = self.dict.state(&c)?;
                m.kind = ActorKind::State;
                m.actor = c.clone().into();
                m.name = st.name.clone().into();
                m.code = format!("{c}{sec}").into();
                m.sector = Some(sec.into());
                m.affiliation = Some(c.clone().into());
                m.confidence = conf;
                m.candidates = candidates.into_iter().map(Into::into).collect();
                m.role = title.clone().filter(|t| is_person_title(t)).map(Into::into);
                // "the Prime Minister of Britain": the person who held it then.
                if let Some(t) = title
                    .as_deref()
                    .filter(|t| is_person_title(t) && !plural_title)
                {
                    if let Some((p, role)) = self.holder(&c, Some(t), ctx.day) {
                        let person = &self.dict.people[p as usize];
                        self.fill_person(&mut m, person, role, conf.min(0.9));
                    }
                }
                Some(Resolved {
                    mention: m,
                    nested: None,
                    country: Some(c),
                })
            }
            (None, Some(sec)) => {
                m.kind = ActorKind::Group;
                m.name = mention_text.to_string().into();
                m.code = sec.clone().into();
                m.sector = Some(sec.into());
                m.confidence = 0.4;
                Some(Resolved {
                    mention: m,
                    nested: None,
                    country: None,
                })
            }
            (None, None) => None,
        }
    }

    /// "Hundreds of people poured into central Belgrade", "gunmen stormed a
    /// hotel in Kabul": a group no state claims (people, protesters, gunmen)
    /// is of the country where its own sentence puts it, the first country
    /// or city after it that follows a preposition of place ("in", "into",
    /// "at", "outside"); a weak reading. An institution on the way ("outside
    /// the Russian embassy in Tbilisi") is passed over; any other state or
    /// person first ends the search, as does the sentence's end.
    fn located_groups(&self, ctx: &Context<'_>, mentions: &mut [Mention]) {
        for i in 0..mentions.len() {
            let m = &mentions[i];
            // Unclaimed, or claimed only by the article's main state. Armed
            // groups travel ("talks with communist rebels in Oslo"): only
            // civilians are placed where they are against that claim.
            let weak = m.kind == ActorKind::State
                && m.confidence <= 0.4
                && m.sector.as_deref().is_some_and(|sec| {
                    !lexicon::sector_has(sec, &[SectorClass::Armed, SectorClass::Security])
                });
            if !(m.kind == ActorKind::Group && m.affiliation.is_none() || weak) {
                continue;
            }
            let sentence = ctx.sentence_of(m.start);
            let mut from = m.end;
            let mut place = None;
            for n in &mentions[i + 1..] {
                if ctx.sentence_of(n.start) != sentence || n.start < from {
                    break;
                }
                let gap = ctx.text.get(from..n.start).unwrap_or_default();
                if gap.len() > 80 || gap.contains([',', ';', ':']) {
                    break;
                }
                from = n.end;
                // A country, or a city (a capital reads as its government
                // elsewhere, but "into Belgrade" is the city).
                // (A capital reads as its government: only such a mention
                // needs the gazetteer, a scan of its places.)
                let place_name = n.code == n.actor
                    || n.sector.as_deref() == Some("GOV") && self.dict.place(&n.text).is_some();
                let institution = n.kind == ActorKind::State && n.sector.is_some() && !place_name;
                if institution {
                    continue;
                }
                // "at the Chadian frontier": a nationality word before a
                // place noun; the place is between states.
                let next_word = ctx
                    .text
                    .get(n.end..)
                    .unwrap_or_default()
                    .split_whitespace()
                    .next();
                if next_word.is_some_and(|w| {
                    lexicon::place_noun(
                        &w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase(),
                    )
                    .is_some()
                }) {
                    break;
                }
                // The word before the name, past "the" and one modifier
                // ("into central Belgrade").
                let words: Vec<&str> = gap.split_whitespace().rev().take(3).collect();
                let at_place = words
                    .iter()
                    .take_while(|w| !lexicon::group_place_preposition(w))
                    .count()
                    < words.len()
                    && words
                        .iter()
                        .take_while(|w| !lexicon::group_place_preposition(w))
                        .all(|w| w.starts_with(|c: char| c.is_lowercase()));
                if n.kind == ActorKind::State && place_name && at_place {
                    place = Some(n.actor.clone());
                }
                break;
            }
            let Some(country) = place else {
                continue;
            };
            let Some(state) = self.dict.state(&country) else {
                continue;
            };
            let m = &mut mentions[i];
            if m.affiliation.as_deref() == Some(country.as_str()) {
                continue;
            }
            let sector = m.sector.clone().unwrap_or_else(|| m.code.clone());
            m.kind = ActorKind::State;
            m.code = format!("{country}{sector}").into();
            m.sector = Some(sector);
            m.name = state.name.clone().into();
            m.actor = country.clone();
            m.affiliation = Some(country);
            m.confidence = 0.4;
        }
    }

    /// Whether the hit at `start` follows a capitalised word that is not a
    /// sentence start: part of a longer name the dictionary lacks.
    fn follows_unknown_name(&self, start: usize, ctx: &Context<'_>) -> bool {
        let before = ctx.text.get(..start).unwrap_or_default();
        if !before.ends_with(' ') {
            return false;
        }
        let trimmed = before.trim_end_matches(' ');
        let word_start = trimmed
            .rfind(|c: char| !c.is_alphanumeric() && c != '.')
            .map_or(0, |i| {
                i + trimmed
                    .get(i..)
                    .unwrap_or_default()
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8)
            });
        let word = trimmed.get(word_start..).unwrap_or_default();
        if word.len() < 2 || !word.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        // "... Lebanon. Russia attacked": a word with a full stop and
        // lower-case letters ends the sentence before, unless it is an
        // abbreviation ("Gen. Jordan" is a person).
        let sentence_end = word.strip_suffix('.').is_some_and(|w| {
            w.chars().any(char::is_lowercase) && !crate::sentences::is_abbreviation(w)
        });
        if sentence_end {
            return false;
        }
        if ctx.sentence_starts.binary_search(&word_start).is_ok() {
            return false;
        }
        // A word the lexicon knows ("The", "Prime Minister") is not a name.
        !lexicon::name_word(word, NameWord::NotName)
    }

    /// The state a name most likely means: one named unambiguously in the
    /// article, else the one whose own name it is, else (for a capital, whose
    /// candidates come largest city first) the first, else the most populous.
    fn pick_state(&self, cands: &[u32], capital: bool, ctx: &Context<'_>) -> (u32, f32) {
        if cands.len() == 1 {
            return (cands[0], 1.0);
        }
        let existing: Vec<u32> = cands
            .iter()
            .copied()
            .filter(|&s| {
                let st = &self.dict.states[s as usize];
                st.from.is_none_or(|f| f <= ctx.day) && st.to.is_none_or(|t| ctx.day <= t)
            })
            .collect();
        let pool = if existing.is_empty() {
            cands.to_vec()
        } else {
            existing
        };
        if let Some(&s) = pool
            .iter()
            .filter(|s| ctx.counts.get(s).map_or(0, |c| c.0) > 0)
            .max_by_key(|s| ctx.counts.get(s).map_or(0, |c| c.0))
        {
            return (s, 0.8);
        }
        if capital && pool.contains(&cands[0]) {
            // A capital's candidates come largest city first: "in Tripoli"
            // with no state named is Libya's capital.
            return (cands[0], 0.6);
        }
        let pop = |s: u32| self.dict.states[s as usize].population;
        let best = pool
            .iter()
            .copied()
            .max_by_key(|&s| pop(s))
            .unwrap_or(cands[0]);
        // "French" is France, not the French Southern Territories.
        let dominates = pool
            .iter()
            .all(|&s| s == best || pop(s).saturating_mul(100) < pop(best));
        (best, if dominates { 1.0 } else { 0.6 })
    }

    /// The state of the place a name most likely means: in a state the
    /// article names, else the most populous place of that name.
    /// The state whose land state `s` was on the story's day, when `s` did
    /// not exist yet and its land belonged to a state still coded
    /// (`seceded.tsv`).
    fn territory_of(&self, s: u32, day: NaiveDate) -> Option<u32> {
        let st = self.dict.states.get(s as usize)?;
        st.from.filter(|&f| day < f)?;
        st.part_of
    }

    fn pick_place(&self, cands: &[u32], ctx: &Context<'_>) -> (u32, f32) {
        let state_of = |p: u32| {
            let iso = &self.dict.places[p as usize].iso3;
            self.dict.state_index_of(iso)
        };
        let named = cands
            .iter()
            .filter_map(|&p| state_of(p))
            .filter(|s| ctx.counts.contains_key(s))
            .max_by_key(|s| ctx.counts.get(s).map_or(0, |c| c.0));
        if let Some(s) = named {
            return (s, 0.6);
        }
        let best = cands
            .iter()
            .copied()
            .max_by_key(|&p| self.dict.places[p as usize].population)
            .and_then(state_of)
            .unwrap_or(0);
        (best, 0.5)
    }

    #[allow(clippy::too_many_arguments)]
    fn pick_person(
        &self,
        cands: &[u32],
        surname: bool,
        hinted: bool,
        affil: Option<&str>,
        title: Option<&str>,
        ctx: &Context<'_>,
    ) -> PersonPick<'d> {
        let day = ctx.day;
        let matches_affil = |r: &Role| affil.is_none_or(|a| r.code.starts_with(a));
        let matches_title =
            |r: &Role| title.is_none_or(|t| r.title.as_deref().is_none_or(|rt| title_key(rt) == t));
        let mut pool: Vec<u32> = cands.to_vec();
        if surname {
            let named: Vec<u32> = pool
                .iter()
                .copied()
                .filter(|p| ctx.named.contains(p))
                .collect();
            if !named.is_empty() {
                pool = named;
            }
        }
        let base = if surname { 0.8 } else { 1.0 };
        let mut on_day: Vec<(u32, &'d Role)> = pool
            .iter()
            .filter_map(|&p| {
                let person: &'d Person = &self.dict.people[p as usize];
                person
                    .roles
                    .iter()
                    .filter(|r| r.covers(day) && r.priority > 0 && matches_affil(r))
                    .max_by_key(|r| (matches_title(r), r.priority, r.from))
                    .map(|r| (p, r))
            })
            .collect();
        if on_day.len() > 1 {
            // Prefer people named in full, then the best source.
            let top = on_day.iter().map(|(_, r)| r.priority).max().unwrap_or(0);
            on_day.retain(|(_, r)| r.priority == top);
        }
        if on_day.len() > 1 {
            if let Some((c, _)) = ctx.context_country() {
                let local: Vec<_> = on_day
                    .iter()
                    .copied()
                    .filter(|(_, r)| r.code.starts_with(&c))
                    .collect();
                if local.len() == 1 {
                    return PersonPick::One(local[0].0, Some(local[0].1), 0.6);
                }
            }
            return PersonPick::Ambiguous(on_day.iter().map(|(p, _)| *p).collect());
        }
        if let Some(&(p, r)) = on_day.first() {
            let conf = if r.priority >= 2 || !surname {
                base
            } else {
                0.6
            };
            return PersonPick::One(p, Some(r), conf);
        }
        if surname && !pool.iter().any(|p| ctx.named.contains(p)) {
            if !hinted {
                return PersonPick::None;
            }
            // "former president Menem": the nearest role within ten years.
            let near = pool
                .iter()
                .filter_map(|&p| {
                    let r = self.dict.people[p as usize]
                        .roles
                        .iter()
                        .filter(|r| r.priority > 0 && matches_affil(r))
                        .min_by_key(|r| r.distance(day))?;
                    Some((r.distance(day), p, r))
                })
                .filter(|(d, _, _)| *d <= 3653)
                .min_by_key(|(d, _, _)| *d);
            return match near {
                Some((_, p, r)) => PersonPick::One(p, Some(r), 0.4),
                None => PersonPick::None,
            };
        }
        // Named in full but holding no role that day: their nearest role.
        let p = pool[0];
        let person = &self.dict.people[p as usize];
        let role = person
            .roles
            .iter()
            .filter(|r| matches_affil(r))
            .min_by_key(|r| (r.distance(day), std::cmp::Reverse(r.priority)))
            .or_else(|| person.nearest_role(day));
        PersonPick::One(p, role, 0.5)
    }

    /// The person holding `title` for `code` (a state or organisation) on `day`.
    fn holder(
        &self,
        code: &str,
        title: Option<&str>,
        day: NaiveDate,
    ) -> Option<(u32, Option<&'d Role>)> {
        let mut found = None;
        for &(p, r) in self.dict.titled.get(title?)? {
            let role = &self.dict.people[p as usize].roles[r as usize];
            if role.code.starts_with(code) && role.covers(day) {
                if found.is_some() {
                    return None; // two holders: do not guess
                }
                found = Some((p, Some(role)));
            }
        }
        found
    }

    fn fill_person(&self, m: &mut Mention, person: &Person, role: Option<&Role>, conf: f32) {
        m.kind = ActorKind::Person;
        m.actor = person.name.clone().into();
        m.name = person.name.clone().into();
        m.confidence = conf;
        if let Some(r) = role {
            m.code = r.code.clone().into();
            let (aff, sec) = self.dict.split_code(&r.code);
            m.affiliation = aff.map(Into::into);
            m.sector = sec.map(Into::into);
            m.role = r.title.clone().map(Into::into).or(m.role.take());
        }
    }

    fn country_of_code(&self, code: &str) -> Option<String> {
        let country = ActorCode::parse(code)?.country()?;
        self.dict.state(country).map(|s| s.iso3.clone())
    }
}

enum PersonPick<'d> {
    One(u32, Option<&'d Role>, f32),
    Ambiguous(Vec<u32>),
    None,
}

impl Context<'_> {
    /// Index of the sentence holding byte `at`.
    fn sentence_of(&self, at: usize) -> usize {
        self.sentence_starts.partition_point(|&s| s <= at)
    }

    /// Whether sentence `i` (as numbered by `sentence_of`) opens with a quotation mark.
    fn sentence_quoted(&self, i: usize) -> bool {
        let start = if i == 0 {
            0
        } else {
            self.sentence_starts[i - 1]
        };
        self.text
            .get(start..)
            .unwrap_or_default()
            .trim_start()
            .starts_with(['"', '“', '‘', '\''])
    }

    /// The state an unqualified institution most likely belongs to.
    fn context_country(&self) -> Option<(String, f32)> {
        if let Some(c) = &self.recent {
            return Some((c.clone(), 0.6));
        }
        self.dominant.clone().map(|c| (c, 0.5))
    }
}

/// Byte offsets where sentences start: after `.`, `!`, `?` (and closing
/// quotes) followed by white space, and after line breaks.
fn sentence_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = vec![0];
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\n' || ((c == b'.' || c == b'!' || c == b'?') && i + 1 < b.len()) {
            let mut j = i + 1;
            while j < b.len() && matches!(b[j], b'"' | b'\'' | b')') {
                j += 1;
            }
            // Closing curly quote (U+201D).
            while j + 2 < b.len() && b[j] == 0xE2 && b[j + 1] == 0x80 && b[j + 2] == 0x9D {
                j += 3;
            }
            if c == b'\n' || (j < b.len() && b[j].is_ascii_whitespace()) {
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                // "U.S. officials": a lower-case word does not start a sentence.
                if j < b.len() && !b[j].is_ascii_lowercase() && out.last() != Some(&j) {
                    out.push(j);
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// "US and British forces", "the Greek and Turkish foreign ministers": a
/// bare state coordinated with a state-and-sector phrase shares its sector;
/// so does a bare state after a plural head with "of" ("the presidents of
/// Kenya and Tanzania").
fn share_sectors(text: &str, mentions: &mut [Mention]) {
    let bare = |m: &Mention| m.kind == ActorKind::State && m.sector.is_none() && m.code == m.actor;
    let sectored = |m: &Mention| m.kind == ActorKind::State && m.sector.is_some();
    let give = |m: &mut Mention, sector: Option<entente_core::EcoString>| {
        m.code = format!("{}{}", m.actor, sector.as_deref().unwrap_or("")).into();
        m.sector = sector;
        m.affiliation = Some(m.actor.clone());
    };
    for i in (0..mentions.len().saturating_sub(1)).rev() {
        let (a, b) = (&mentions[i], &mentions[i + 1]);
        let gap = text.get(a.end..b.start).unwrap_or("");
        let definite = |m: &Mention| m.text.starts_with("the ") || m.text.starts_with("The ");
        if bare(a) && sectored(b) && !definite(b) && (gap == " and " || gap == ", ") {
            let sector = b.sector.clone();
            give(&mut mentions[i], sector);
        }
    }
    // "the juntas of Mali, Burkina Faso and Niger": every state of the list.
    let mut shared: Option<Option<entente_core::EcoString>> = None;
    for i in 0..mentions.len().saturating_sub(1) {
        let (a, b) = (&mentions[i], &mentions[i + 1]);
        let gap = text.get(a.end..b.start).unwrap_or("");
        let listed = matches!(gap, " and " | ", " | ", and ");
        if shared.is_none() && sectored(a) && plural_head_of(&a.text) {
            shared = Some(a.sector.clone());
        }
        match &shared {
            Some(sector) if listed && bare(b) => {
                let sector = sector.clone();
                give(&mut mentions[i + 1], sector);
            }
            _ => shared = None,
        }
    }
}

/// Whether a phrase is a plural head noun with "of" and its owner: "the
/// presidents of Kenya", "foreign ministers of Japan".
fn plural_head_of(phrase: &str) -> bool {
    phrase
        .split_once(" of ")
        .and_then(|(head, _)| head.split_whitespace().last())
        .is_some_and(|w| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
}

/// How many other readings a mention lists at most.
const MAX_CANDIDATES: usize = 8;

/// "Salaheddine Sidhoum, Algeria's leading activist": a capitalised name
/// the dictionary lacks, set off by a comma before a state's possessive, is a
/// person of that state.
fn appositive_people(text: &str, mentions: &mut Vec<Mention>) {
    let mut found = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let possessive = text.get(m.end..).unwrap_or_default().starts_with("'s ")
            || text.get(m.end..).unwrap_or_default().starts_with("’s ");
        if m.kind != ActorKind::State || m.actor.is_empty() || !possessive {
            continue;
        }
        let Some(before) = text.get(..m.start).unwrap_or_default().strip_suffix(", ") else {
            continue;
        };
        let Some((start, name)) = name_before(before) else {
            continue;
        };
        let free = i == 0 || mentions[..i].iter().all(|o| o.end <= start);
        if !free {
            continue;
        }
        found.push(Mention {
            text: name.to_string().into(),
            start,
            end: start + name.len(),
            code: m.actor.clone(),
            actor: name.to_string().into(),
            kind: ActorKind::Person,
            name: name.to_string().into(),
            role: None,
            sector: None,
            affiliation: Some(m.actor.clone()),
            confidence: 0.6,
            candidates: Vec::new(),
        });
    }
    if !found.is_empty() {
        mentions.extend(found);
        mentions.sort_by_key(|m| m.start);
    }
}

/// "Russia's Security Council", "Iran's Supreme National Security
/// Council", "the Russian Security Council": a body with a generic name
/// (lexicon `state_body_noun` last) right after a state's possessive or
/// nationality is that state's, not the UN's or another state's body of
/// that name. Named bodies ("Ukraine's NATO membership") are left alone.
fn owned_bodies(text: &str, mentions: &mut [Mention]) {
    for i in 1..mentions.len() {
        let (head, tail) = mentions.split_at_mut(i);
        let (Some(owner), Some(body)) = (head.last(), tail.first_mut()) else {
            continue;
        };
        if owner.kind != ActorKind::State
            || owner.sector.is_some()
            || owner.actor.len() != 3
            || body.actor == owner.actor
        {
            continue;
        }
        // The possessive or a space, and at most three capitalised words
        // of the name the dictionary's entry leaves out ("Supreme").
        let gap = text.get(owner.end..body.start).unwrap_or_default();
        let rest = gap
            .strip_prefix("'s ")
            .or_else(|| gap.strip_prefix("’s "))
            .or_else(|| gap.strip_prefix(' '));
        let named_words = |r: &str| {
            let words: Vec<&str> = r.split(' ').filter(|w| !w.is_empty()).collect();
            r.is_empty()
                || r.ends_with(' ')
                    && words.len() <= 3
                    && words.iter().all(|w| {
                        w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic)
                    })
        };
        if !rest.is_some_and(named_words) {
            continue;
        }
        let generic = match body.kind {
            ActorKind::Igo => body.code.starts_with("IGOUNO"),
            ActorKind::State => body.sector.is_some(),
            _ => false,
        };
        let last = body
            .text
            .rsplit(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or_default()
            .to_lowercase();
        if !generic || !lexicon::state_body_noun(&last) {
            continue;
        }
        let sector = match body.kind {
            ActorKind::State => body.sector.clone().unwrap_or_else(|| "GOV".into()),
            _ => "GOV".into(),
        };
        body.code = format!("{}{}", owner.actor, sector).into();
        body.actor = owner.actor.clone();
        body.kind = ActorKind::State;
        body.sector = Some(sector);
        body.affiliation = Some(owner.actor.clone());
        body.candidates.clear();
    }
}

/// The two to four capitalised words ending `before`, if they look like a
/// person's name: not a date, not a sentence opener.
fn name_before(before: &str) -> Option<(usize, &str)> {
    let mut start = before.len();
    let mut words = 0;
    for w in before.rsplit(' ') {
        let name_like = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
            && w.chars().count() >= 2;
        if !name_like || words == 4 {
            break;
        }
        start -= w.len() + usize::from(start < before.len());
        words += 1;
    }
    let name = before.get(start..)?.trim_start();
    let start = before.len() - name.len();
    let rejected = name
        .split(' ')
        .any(|w| calendar_word(w) || lexicon::name_word(w, NameWord::NotInName));
    (words >= 2 && !rejected).then_some((start, name))
}

/// A capitalised weekday or month name ("Monday", "January"): a date
/// word, not part of a name.
fn calendar_word(w: &str) -> bool {
    weekday_word(w)
        || w.starts_with(char::is_uppercase)
            && lexicon::month_names().contains(&w.to_lowercase().as_str())
}

/// A capitalised weekday name written in full ("Monday").
fn weekday_word(w: &str) -> bool {
    // Full names have six letters or more; "Mon", "Thurs" are
    // abbreviations.
    w.starts_with(char::is_uppercase)
        && w.len() > 5
        && lexicon::weekday(&w.to_lowercase()).is_some()
}

/// Sector words too vague to give a country from context ("people",
/// "industry"): they stay groups.
fn is_generic(word: &str) -> bool {
    lexicon::generic_noun(&word.to_ascii_lowercase())
}

/// Whether the word before `at` makes what follows a location.
fn after_locative(text: &str, at: usize) -> bool {
    let mut words = text.get(..at).unwrap_or_default().split_whitespace().rev();
    let mut prev = words.next().unwrap_or("");
    if prev.eq_ignore_ascii_case("the") {
        prev = words.next().unwrap_or("");
    }
    lexicon::before_capital(&prev.to_ascii_lowercase())
}

/// Whether the words at `start..end` are an institution used bare after a
/// preposition ("in prison", "from jail", "to hospital"): a setting.
fn bare_setting(text: &str, start: usize, end: usize) -> bool {
    let word = text.get(start..end).unwrap_or_default();
    if !lexicon::setting_noun(&word.to_lowercase()) {
        return false;
    }
    let prev = text
        .get(..start)
        .unwrap_or_default()
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_ascii_lowercase();
    lexicon::setting_preposition(&prev)
}

/// Whether the capitalised words at `start..end` belong to a treaty's
/// name: they hold a treaty noun ("Forces Treaty"), or the words after them
/// go on to one ([`lexicon::treaty_name_ahead`]).
fn in_treaty_name(text: &str, start: usize, end: usize) -> bool {
    let own = text.get(start..end).unwrap_or_default();
    if !own.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    if own.split_whitespace().skip(1).any(lexicon::treaty_noun) {
        return true;
    }
    // "the Treaty on Conventional Armed Forces in Europe": back over the
    // words before, while none has punctuation after it.
    let behind = text
        .get(..start)
        .unwrap_or_default()
        .split_whitespace()
        .rev()
        .map_while(|raw| {
            let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
            (w.len() == raw.len()).then(|| (w, w.starts_with(|c: char| c.is_uppercase())))
        });
    if lexicon::treaty_name_behind(behind) {
        return true;
    }
    let rest = text.get(end..).unwrap_or_default();
    if !rest.starts_with(' ') {
        return false;
    }
    // A word with punctuation after it ends the name there.
    let mut closed = false;
    let words = rest.split_whitespace().map_while(|raw| {
        if closed {
            return None;
        }
        let w = raw.trim_end_matches(|c: char| !c.is_alphanumeric());
        closed = w.len() != raw.len();
        Some((w, w.starts_with(|c: char| c.is_uppercase())))
    });
    lexicon::treaty_name_ahead(words)
}

/// Groups hits that form one actor phrase.
fn chunk(text: &str, parts: &[Part], institution: &dyn Fn(u32) -> bool) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    let mut closed = false;
    for (i, p) in parts.iter().enumerate() {
        if i > start {
            let prev = &parts[i - 1];
            let gap = text.get(prev.end..p.start).unwrap_or_default();
            let glue = glue(gap);
            // "its forces in Lebanon", "their troops from Syria": forces a
            // possessive already owns are where they are, not the place's.
            let placed = matches!(gap, " in " | " in the " | " from " | " from the ");
            let owned = placed
                && matches!(parts[start].piece, Piece::Agent(_))
                && possessed(text, parts[start].start);
            // "the Biden administration": a leader's name and a noun of
            // government, the government that leader heads.
            let leaders_government = gap == " "
                && matches!(prev.piece, Piece::Person(_) | Piece::Surname(_))
                && matches!(p.piece, Piece::Agent(_))
                && lexicon::government_noun(
                    &text.get(p.start..p.end).unwrap_or_default().to_lowercase(),
                );
            // "Bosnian Serbs", "Kosovo Albanian leaders": a state's
            // adjective and a people living in it (see `resolve`).
            let residents = gap == " "
                && matches!(prev.piece, Piece::State { capital: false, .. })
                && matches!(p.piece, Piece::State { capital: false, .. })
                && !has_person(&parts[start..i])
                && text.get(p.start..p.end).is_some_and(lexicon::ethnic_noun);
            // "King Hassan of Morocco", "President Museveni of Uganda": a
            // person and the state they are "of" is that state's person,
            // whatever other state the name alone would suggest. Only "of"
            // says so ("Putin in France" is a visit).
            let persons_state = gap == " of "
                && matches!(prev.piece, Piece::Person(_) | Piece::Surname(_))
                && matches!(p.piece, Piece::State { capital: false, .. })
                && !parts[start..i]
                    .iter()
                    .any(|x| matches!(x.piece, Piece::State { .. } | Piece::Org(_)));
            if leaders_government
                || residents
                || persons_state
                || !closed && !owned && joins(&parts[start..i], prev, p, glue, institution)
            {
                closed = glue == Glue::Of;
                continue;
            }
            out.push(start..i);
            start = i;
        }
        closed = false;
    }
    if start < parts.len() {
        out.push(start..parts.len());
    }
    out
}

/// Whether a possessive determiner ("its", "their") stands before the word
/// at byte `at`, with at most two words between ("its own forces", "their
/// 5,000 troops").
fn possessed(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or_default();
    before
        .split_whitespace()
        .rev()
        .take(3)
        .take_while(|w| !w.ends_with([',', '.', ';', ':']))
        .any(|w| lexicon::possessive(&w.to_lowercase()))
}

fn glue(gap: &str) -> Glue {
    match gap {
        " " => Glue::Adjacent,
        "'s " | "’s " | "' " | "’ " => Glue::Possessive,
        " of " | " of the " | " in " | " in the " | " for " | " from " => Glue::Of,
        _ => Glue::None,
    }
}

fn has_owner(cur: &[Part]) -> bool {
    cur.iter()
        .any(|p| matches!(p.piece, Piece::State { .. } | Piece::Org(_)))
}

fn has_person(cur: &[Part]) -> bool {
    cur.iter()
        .any(|p| matches!(p.piece, Piece::Person(_) | Piece::Surname(_)))
}

/// Whether `next` continues the phrase ending with `prev`.
fn joins(
    cur: &[Part],
    prev: &Part,
    next: &Part,
    glue: Glue,
    institution: &dyn Fn(u32) -> bool,
) -> bool {
    use Piece::*;
    match (&prev.piece, &next.piece, glue) {
        // "Carlos Menem": a first name that is also someone's last name.
        (Surname(_), Surname(_) | Person(_), Glue::Adjacent) => return true,
        // "Putin's government", "Djindjic's opposition coalition".
        (Person(_) | Surname(_), Agent(_), Glue::Possessive) => return true,
        _ => {}
    }
    if has_person(cur) {
        return false;
    }
    match (&prev.piece, &next.piece, glue) {
        (State { .. } | Org(_), Agent(_), Glue::Adjacent | Glue::Possessive) => true,
        // "the Philippine Senate": a state and a state's institution.
        (State { .. }, Org(o), Glue::Adjacent) => institution(*o),
        (State { .. } | Org(_), Person(_) | Surname(_), Glue::Possessive) => true,
        (Agent(_), Agent(_), Glue::Adjacent) => true,
        (Agent(_), Person(_) | Surname(_), Glue::Adjacent) => true,
        (Agent(_), State { .. } | Org(_) | Place(_), Glue::Of) => !has_owner(cur),
        _ => false,
    }
}

fn last_is_agent(ch: &[Part]) -> bool {
    ch.last()
        .is_some_and(|p| matches!(p.piece, Piece::Agent(_)))
}

/// The run of capitalised words right after `at` ("President| Dos Santos"),
/// up to four, with where it ends.
fn capitalised_run(text: &str, at: usize) -> Option<(String, usize)> {
    let rest = text.get(at..).unwrap_or_default();
    let body = rest.strip_prefix(' ')?;
    let mut end = at + 1;
    let mut words = 0;
    for w in body.split(' ') {
        let clean = w.trim_end_matches([',', '.', ';', ':', '\'', '"', ')', '’']);
        let cap = clean.chars().next().is_some_and(|c| c.is_uppercase())
            && clean
                .chars()
                .skip(1)
                .all(|c| c.is_alphabetic() || c == '-' || c == '.')
            && clean.chars().count() >= 2;
        if !cap || words == 4 {
            break;
        }
        end += clean.len();
        words += 1;
        if clean.len() != w.len() {
            break;
        }
        end += 1;
    }
    if words == 0 {
        return None;
    }
    let end = end.min(text.len());
    let name = text
        .get(at + 1..end)
        .unwrap_or_default()
        .trim_end()
        .to_string();
    let real_end = at + 1 + name.len();
    // A run that is really a sentence start or a weekday is not a name.
    let first = name.split(' ').next().unwrap_or("");
    if weekday_word(first) || lexicon::name_word(first, NameWord::NotRunStart) {
        return None;
    }
    Some((name, real_end))
}

fn is_person_title(t: &str) -> bool {
    lexicon::person_title(t)
}

/// The sector suffix for a person coded from the text's country.
fn sector_of_state(sector: &Option<String>, affil: &Option<String>) -> String {
    match (sector, affil) {
        (Some(s), Some(a)) if a.len() == 3 => s.clone(),
        _ => String::new(),
    }
}

/// The word after byte `end` of `text`, past one space, when it is a
/// capitalised name (upper case then a lower-case letter: "Ocalan", not
/// "UN" or the first word of a new sentence, which a full stop precedes)
/// in running text: the word after it is not capitalised too, as in a
/// title ("Putin Says Russia Will ...").
fn before_capitalised_name(text: &str, end: usize) -> Option<&str> {
    let rest = text.get(end..)?.strip_prefix(' ')?;
    let mut words = rest.split(' ');
    let capitalised = |w: &str| {
        let mut cs = w.chars();
        matches!((cs.next(), cs.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase())
    };
    let word = words.next().unwrap_or("");
    let name = word.trim_end_matches([',', '.', ';', ':']);
    let name_ends_clause = name.len() < word.len();
    (capitalised(name)
        && (name_ends_clause
            || !words
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase))))
    .then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_on_stops_not_abbreviations() {
        let t = "Ardern spoke. The U.S. agreed. \"Yes.\" He left.\nNew line";
        let s = sentence_starts(t);
        let words: Vec<&str> = s.iter().map(|&i| &t[i..i + 3]).collect();
        assert_eq!(words, vec!["Ard", "The", "\"Ye", "He ", "New"]);
    }

    #[test]
    fn titles_fold_to_singular() {
        assert_eq!(title_key("Secretary-General"), "secretary general");
        assert_eq!(title_key("Foreign Ministers"), "foreign minister");
        assert_eq!(title_key("the Prime Minister"), "prime minister");
        assert_eq!(title_key("Defence Force"), "defence force");
    }

    #[test]
    fn capitalised_runs_stop_at_lower_case() {
        let t = "President Dos Santos said";
        assert_eq!(capitalised_run(t, 9), Some(("Dos Santos".to_string(), 20)));
        assert_eq!(capitalised_run("Minister on Monday", 8), None);
    }
}
