//! Lemmas: the lemma the treebank gives a (word, tag) pair, else English
//! suffix rules for the tag.

use super::features::Key;
use super::perceptron::KeyMap;

/// Learned lemmas: (lower-case form, XPOS) → lemma, where it differs from
/// the lower-case form.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Lemmatiser {
    pub table: KeyMap<String>,
}

pub(crate) fn key(lower: &str, xpos: &str) -> u64 {
    Key::new(50).str(lower).str(xpos).done()
}

impl Lemmatiser {
    pub fn lemma(&self, form: &str, upos: &str, xpos: &str) -> String {
        let lower = if upos == "PROPN" {
            form.to_string()
        } else {
            form.to_lowercase()
        };
        if let Some(l) = self.table.get(&key(&lower, xpos)) {
            return l.clone();
        }
        rule(&lower, xpos).unwrap_or(lower)
    }

    /// The finite-verb tag a lower-case word can have, if any: the past
    /// (`VBD`) or third person (`VBZ`) the treebank gives it ("struck",
    /// "protests"), else `VBD` or `VBZ` for an unseen word ending as a
    /// regular past or third person does ("shelled", "ratifies").
    pub fn finite_form(&self, lower: &str) -> Option<&'static str> {
        ["VBD", "VBZ"]
            .into_iter()
            .find(|x| self.table.contains_key(&key(lower, x)))
            .or_else(|| {
                let unseen = |x: &str| !self.table.contains_key(&key(lower, x));
                let long = lower.chars().count() > 4;
                if long && lower.ends_with("ed") && unseen("VBN") {
                    Some("VBD")
                } else if long && lower.ends_with('s') && !lower.ends_with("ss") && unseen("NNS") {
                    Some("VBZ")
                } else {
                    None
                }
            })
    }
}

/// English inflection undone by suffix, for words the treebank lacks.
fn rule(w: &str, xpos: &str) -> Option<String> {
    let strip = |suf: &str, add: &str| {
        w.strip_suffix(suf)
            .filter(|s| s.chars().count() >= 2)
            .map(|s| format!("{s}{add}"))
    };
    match xpos {
        // Plural nouns and third-person verbs share the -s rules.
        "NNS" | "VBZ" => strip("ies", "y")
            .or_else(|| {
                ["ches", "shes", "sses", "xes"]
                    .iter()
                    .find_map(|s| w.ends_with(s).then(|| strip("es", "")).flatten())
            })
            .or_else(|| strip("s", "")),
        "VBD" | "VBN" => strip("ied", "y")
            .or_else(|| doubled(w, "ed"))
            .or_else(|| strip("ed", "").map(silent_e)),
        "VBG" => doubled(w, "ing").or_else(|| strip("ing", "").map(silent_e)),
        _ => None,
    }
}

/// "violat" → "violate", "mobilis" → "mobilise": English drops a silent
/// final e before -ing and -ed; these stem endings are not word endings
/// without it (a consonant then "at", "iz"/"is", "v", "c", "dg", "rg", a
/// consonant then "l", "ur", "ir", "ud", "id", "ut", "us", "os", "as",
/// "rs", "ns", "ps", a consonant then "ok", "ik", "um", "in").
fn silent_e(stem: String) -> String {
    let cs: Vec<char> = stem.chars().collect();
    let n = cs.len();
    if n < 3 {
        return stem;
    }
    let vowel = |c: char| "aeiouy".contains(c);
    let (a, b, c) = (cs[n - 3], cs[n - 2], cs[n - 1]);
    let two: String = [b, c].iter().collect();
    let needs = match c {
        'v' | 'c' => true,
        't' => two == "at" && !vowel(a) || two == "ut",
        'z' => b == 'i' || b == 'y',
        's' => matches!(b, 'i' | 'u' | 'o' | 'a' | 'r' | 'n' | 'p') && !(vowel(a) && vowel(b)),
        'g' => matches!(b, 'd' | 'r'),
        'l' => "bdfgkptz".contains(b),
        'r' => matches!(b, 'u' | 'i') && !vowel(a),
        'd' => matches!(b, 'u' | 'i' | 'o') && !vowel(a),
        'k' | 'm' | 'n' => matches!(two.as_str(), "ok" | "ik" | "um" | "in") && !vowel(a),
        _ => false,
    };
    if needs {
        stem + "e"
    } else {
        stem
    }
}

/// "planned" → "plan", "stopping" → "stop": a doubled consonant before the ending.
fn doubled(w: &str, ending: &str) -> Option<String> {
    let stem = w.strip_suffix(ending)?;
    let mut cs = stem.chars().rev();
    let (a, b) = (cs.next()?, cs.next()?);
    (a == b && !"aeiouls".contains(a) && stem.chars().count() >= 4).then(|| {
        let mut s = stem.to_string();
        s.pop();
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_undo_english_inflection() {
        let l = Lemmatiser::default();
        assert_eq!(l.lemma("Countries", "NOUN", "NNS"), "country");
        assert_eq!(l.lemma("condemned", "VERB", "VBD"), "condemn");
        assert_eq!(l.lemma("planned", "VERB", "VBD"), "plan");
        assert_eq!(l.lemma("deploying", "VERB", "VBG"), "deploy");
        assert_eq!(l.lemma("marches", "VERB", "VBZ"), "march");
        assert_eq!(l.lemma("NATO", "PROPN", "NNP"), "NATO");
        // A silent e dropped before the ending comes back.
        for (form, tag, lemma) in [
            ("violating", "VBG", "violate"),
            ("escalated", "VBD", "escalate"),
            ("mobilising", "VBG", "mobilise"),
            ("resolved", "VBN", "resolve"),
            ("enforcing", "VBG", "enforce"),
            ("pledged", "VBD", "pledge"),
            ("tackling", "VBG", "tackle"),
            ("securing", "VBG", "secure"),
            ("concluded", "VBD", "conclude"),
            ("distributing", "VBG", "distribute"),
            ("endorsed", "VBD", "endorse"),
            ("revoking", "VBG", "revoke"),
            ("resumed", "VBD", "resume"),
            ("undermining", "VBG", "undermine"),
        ] {
            assert_eq!(l.lemma(form, "VERB", tag), lemma, "{form}");
        }
        // Stems that end so in their own right keep their spelling.
        for (form, tag, lemma) in [
            ("defeating", "VBG", "defeat"),
            ("explaining", "VBG", "explain"),
            ("attacked", "VBD", "attack"),
            ("targeting", "VBG", "target"),
            ("sanctioned", "VBD", "sanction"),
            ("rioting", "VBG", "riot"),
            ("shelled", "VBD", "shell"),
            ("looked", "VBD", "look"),
        ] {
            assert_eq!(l.lemma(form, "VERB", tag), lemma, "{form}");
        }
    }
}
