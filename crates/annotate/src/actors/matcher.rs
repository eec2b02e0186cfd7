//! Finding dictionary names in text: one trie over every folded name,
//! walked from each place a word may start, then whole-word,
//! capitalisation and longest-first filters.
//!
//! The text is folded byte for byte (ASCII lower case, hyphens and line
//! breaks to spaces), so a match's offsets in the folded copy are its offsets
//! in the original, and the original decides the case checks: "US" needs
//! capitals, "us" is a pronoun; "new zealand" is not a name.

use super::trie::NameTrie;
use smallvec::SmallVec;

/// What a name in the dictionary stands for. Indices point into the
/// dictionary's tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// A state's name, short name, demonym; `capital`: its capital city,
    /// which stands for its government when it acts ("Beijing said").
    State { idx: u32, capital: bool },
    /// An organisation or state institution.
    Org { idx: u32 },
    /// A person's full name or alias.
    Person { idx: u32 },
    /// A person's last name alone: resolved only in context.
    Surname { idx: u32 },
    /// A sector word ("Foreign Ministry", "troops").
    Agent { sector: u16 },
    /// A city from the gazetteer: an actor's location, only after a
    /// locative preposition ("in Baghdad").
    Place { idx: u32 },
}

/// How the text must be capitalised for a name to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CaseRule {
    /// Common nouns: any case.
    Any,
    /// Proper names: every word but small function words starts upper case.
    Proper,
    /// Acronyms ("US", "NATO", "U.S."): every letter upper case.
    Upper,
}

impl CaseRule {
    /// The rule for a name as the dictionary spells it.
    pub(crate) fn of_name(name: &str) -> CaseRule {
        let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() <= 6 && letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
            CaseRule::Upper
        } else {
            CaseRule::Proper
        }
    }

    /// Whether `text` (the matched original) is capitalised as the rule asks.
    pub(crate) fn accepts(self, text: &str) -> bool {
        match self {
            CaseRule::Any => true,
            CaseRule::Upper => text
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_uppercase()),
            CaseRule::Proper => text
                .split(|c: char| c == ' ' || c == '-' || c.is_whitespace())
                .filter(|w| !w.is_empty())
                .enumerate()
                .all(|(i, w)| {
                    let first = w.chars().find(|c| c.is_alphanumeric());
                    match first {
                        None => true,
                        Some(c) if c.is_uppercase() || c.is_numeric() => true,
                        Some(_) => i > 0 && is_small_word(w),
                    }
                }),
        }
    }
}

/// Function words allowed in lower case inside a proper name.
fn is_small_word(w: &str) -> bool {
    matches!(
        w,
        "of" | "the"
            | "and"
            | "de"
            | "da"
            | "del"
            | "al"
            | "el"
            | "bin"
            | "ibn"
            | "van"
            | "von"
            | "la"
            | "le"
            | "du"
            | "for"
            | "in"
            | "on"
            | "y"
            | "des"
            | "der"
            | "den"
            | "ki"
            | "jae"
            | "in's"
    ) || w.starts_with("al-")
        || w.starts_with("el-")
}

/// One reading of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    pub target: Target,
    pub case: CaseRule,
}

/// A name found in the text, with the readings its capitalisation allows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hit<'l> {
    pub start: usize,
    pub end: usize,
    /// The readings that accept the text's capitals; inline for the usual
    /// one or two.
    pub entries: SmallVec<[&'l Entry; 2]>,
}

/// The compiled trie over every name.
pub(crate) struct Lexicon {
    trie: NameTrie,
    /// Folded names, sorted; `entries[i]` are the readings of `patterns[i]`.
    patterns: Vec<String>,
    entries: Vec<Vec<Entry>>,
}

/// A dictionary name folded the way text is: ASCII lower case, hyphens and
/// runs of white space to one space.
pub(crate) fn fold_pattern(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() || c == '-' || c == '_' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// A title compared the way role titles are: folded, singular.
pub(crate) fn title_key(t: &str) -> String {
    let k = fold_pattern(t);
    let k = k.strip_prefix("the ").unwrap_or(&k).to_string();
    k.strip_suffix('s')
        .filter(|s| !s.ends_with('s') && !k.ends_with("ss"))
        .map(str::to_string)
        .unwrap_or(k)
}

/// The text folded byte for byte, so offsets are unchanged.
fn fold_text(text: &str) -> Vec<u8> {
    text.bytes()
        .map(|b| match b {
            b'-' | b'\n' | b'\r' | b'\t' => b' ',
            _ => b.to_ascii_lowercase(),
        })
        .collect()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

impl Lexicon {
    pub(crate) fn build(
        surfaces: super::dictionary::FastMap<String, Vec<Entry>>,
    ) -> Result<Lexicon, String> {
        let mut pairs: Vec<(String, Vec<Entry>)> = surfaces.into_iter().collect();
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        let (patterns, entries): (Vec<String>, Vec<Vec<Entry>>) = pairs.into_iter().unzip();
        let trie = NameTrie::build(&patterns)
            .ok_or_else(|| format!("{} names are too many for one trie", patterns.len()))?;
        Ok(Lexicon {
            trie,
            patterns,
            entries,
        })
    }

    /// The readings of exactly this name (folded as patterns are).
    pub(crate) fn entries_of(&self, name: &str) -> &[Entry] {
        let k = fold_pattern(name);
        match self.patterns.binary_search(&k) {
            Ok(i) => &self.entries[i],
            Err(_) => &[],
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Name `pattern` found at bytes `start..end` of `text`, with the
    /// readings its capitals there allow; `None` when none does.
    fn hit<'l>(&'l self, text: &str, pattern: usize, start: usize, end: usize) -> Option<Hit<'l>> {
        let original = text.get(start..end).unwrap_or_default();
        let entries: SmallVec<[&Entry; 2]> = self
            .entries
            .get(pattern)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter(|e| e.case.accepts(original))
            .collect();
        (!entries.is_empty()).then_some(Hit {
            start,
            end,
            entries,
        })
    }

    /// Every whole-word, correctly capitalised name in `text`, longest first
    /// where they overlap, in text order.
    pub(crate) fn find<'l>(&'l self, text: &str) -> Vec<Hit<'l>> {
        let folded = fold_text(text);
        let mut hits: Vec<Hit<'l>> = Vec::new();
        for (start, &byte) in folded.iter().enumerate() {
            // Most places start no name: settled by one table look-up.
            if !self.trie.starts_with(byte) || !text.is_char_boundary(start) {
                continue;
            }
            let before = text.get(..start).unwrap_or_default().chars().next_back();
            if before.is_some_and(is_word_char) {
                continue;
            }
            // "U.S." must not end inside "U.S.-led": the pattern's '.' is
            // fine; but a name must not start right after a hyphen-joined word.
            if before == Some('-') && start >= 2 {
                continue;
            }
            self.trie.prefixes_at(&folded, start, |end, pattern| {
                if !text.is_char_boundary(end) {
                    return;
                }
                let after = text.get(end..).unwrap_or_default().chars().next();
                if after.is_some_and(is_word_char) {
                    return;
                }
                hits.extend(self.hit(text, pattern, start, end));
            });
        }
        select_longest(hits)
    }
}

/// Keeps the longest of overlapping hits (leftmost on ties), in text order.
/// Hits are grouped into runs that overlap each other; each run (a few
/// hits) is settled longest first, so the whole is linear in the hits.
fn select_longest(mut hits: Vec<Hit<'_>>) -> Vec<Hit<'_>> {
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut kept: Vec<Hit<'_>> = Vec::with_capacity(hits.len());
    let mut run: Vec<Hit<'_>> = Vec::new();
    let mut run_end = 0;
    for h in hits {
        if !run.is_empty() && h.start >= run_end {
            settle(&mut run, &mut kept);
        }
        run_end = if run.is_empty() {
            h.end
        } else {
            run_end.max(h.end)
        };
        run.push(h);
    }
    settle(&mut run, &mut kept);
    kept
}

/// Longest-first choice within one run of overlapping hits, appended in text order.
fn settle<'l>(run: &mut Vec<Hit<'l>>, kept: &mut Vec<Hit<'l>>) {
    if run.len() == 1 {
        kept.append(run);
        return;
    }
    run.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.start.cmp(&b.start))
    });
    let mark = kept.len();
    for h in run.drain(..) {
        if kept[mark..]
            .iter()
            .all(|k| k.end <= h.start || h.end <= k.start)
        {
            kept.push(h);
        }
    }
    kept[mark..].sort_by_key(|h| h.start);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(names: &[(&str, CaseRule)]) -> Lexicon {
        let mut m: crate::actors::dictionary::FastMap<String, Vec<Entry>> = Default::default();
        for (i, (n, case)) in names.iter().enumerate() {
            m.entry(fold_pattern(n)).or_default().push(Entry {
                target: Target::Org { idx: i as u32 },
                case: *case,
            });
        }
        Lexicon::build(m).expect("test lexicon builds")
    }

    fn spans(l: &Lexicon, text: &str) -> Vec<String> {
        l.find(text)
            .iter()
            .map(|h| text[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn case_rules() {
        assert_eq!(CaseRule::of_name("US"), CaseRule::Upper);
        assert_eq!(CaseRule::of_name("U.S."), CaseRule::Upper);
        assert_eq!(CaseRule::of_name("New Zealand"), CaseRule::Proper);
        assert!(CaseRule::Upper.accepts("US"));
        assert!(!CaseRule::Upper.accepts("us"));
        assert!(CaseRule::Proper.accepts("Bank of England"));
        assert!(!CaseRule::Proper.accepts("new Zealand"));
        assert!(CaseRule::Proper.accepts("NEW ZEALAND"));
    }

    #[test]
    fn whole_words_longest_first_capitals() {
        let l = lexicon(&[
            ("US", CaseRule::Upper),
            ("New Zealand", CaseRule::Proper),
            ("New Zealand Defence Force", CaseRule::Proper),
            ("Zealand", CaseRule::Proper),
            ("government", CaseRule::Any),
        ]);
        assert_eq!(
            spans(&l, "Let us ask the US and the New Zealand Defence Force."),
            vec!["US", "New Zealand Defence Force"]
        );
        assert_eq!(spans(&l, "USA and new zealand"), Vec::<String>::new());
        assert_eq!(
            spans(&l, "The Government, New\nZealand"),
            vec!["Government", "New\nZealand"]
        );
    }

    #[test]
    fn multibyte_text_does_not_panic() {
        let l = lexicon(&[("China", CaseRule::Proper)]);
        assert_eq!(spans(&l, "“China’s” ça — China"), vec!["China", "China"]);
    }

    /// What the matcher found with an Aho-Corasick automaton over every
    /// name (overlapping matches, then the same filters), before the trie:
    /// the trie must find the same hits.
    fn with_automaton<'l>(l: &'l Lexicon, text: &str) -> Vec<Hit<'l>> {
        let automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(&l.patterns)
            .expect("the names compile");
        let folded = fold_text(text);
        let mut hits = Vec::new();
        for m in automaton.find_overlapping_iter(folded.as_slice()) {
            let (start, end) = (m.start(), m.end());
            if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                continue;
            }
            let before = text.get(..start).unwrap_or_default().chars().next_back();
            let after = text.get(end..).unwrap_or_default().chars().next();
            if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
                continue;
            }
            if before == Some('-') && start >= 2 {
                continue;
            }
            hits.extend(l.hit(text, m.pattern().as_usize(), start, end));
        }
        select_longest(hits)
    }

    #[test]
    fn the_trie_finds_what_an_automaton_over_the_embedded_names_finds() {
        let l = &crate::actors::ActorDictionary::embedded().lexicon;
        let seed = include_str!("../../tests/data/seed_clean.txt");
        let texts = [
            seed,
            "The U.S.-led coalition met NATO's Jens Stoltenberg in São Tomé; \
             the US, the U.S. and us. Anti-NATO protests in Kyiv-based groups.",
            "Prime Minister Jacinda Ardern and Mr Sogavare of the Solomon Islands \
             said the Islamic State of Iraq and the Levant (ISIL) attacked.",
            "\u{201c}China\u{2019}s\u{201d} ça — China, Ça, ÇA\nNew\r\nZealand\tFrance-Germany",
            "",
            "a",
            "-",
            "US",
            "U.S.",
            "new zealand",
            "New Zealand-",
        ];
        for text in texts {
            assert_eq!(l.find(text), with_automaton(l, text), "{text:?}");
        }
        // Every start and end inside the seed article, multibyte or not.
        for (i, _) in seed.char_indices().step_by(97) {
            let Some(text) = (0..4).find_map(|k| seed.get(i..(i + 400 + k).min(seed.len()))) else {
                continue;
            };
            assert_eq!(l.find(text), with_automaton(l, text), "{text:?}");
        }
    }
}
