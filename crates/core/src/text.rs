//! The one way to cut text by byte offsets.
//!
//! Every offset in entente is a byte offset into UTF-8 text, and a byte
//! offset can land inside a character (`“` is three bytes). Slicing a `str`
//! there panics. These helpers never do: they either return `None`, or move
//! an offset to the nearest character boundary in the direction that keeps
//! the cut inside the text. Library crates deny `clippy::string_slice` and
//! cut through here (or through `str::get`) instead.
//!
//! ```
//! use entente_core::text;
//! let s = "He said “yes”.";
//! assert_eq!(text::cut(s, 9, 14), None); // 9 is inside `“`
//! assert_eq!(text::floor_boundary(s, 9), 8);
//! assert_eq!(text::ceil_boundary(s, 9), 11);
//! assert_eq!(text::cut_widening(s, 9, 14), "“yes");
//! assert_eq!(text::after(s, 11), "yes”.");
//! ```

/// `text[start..end]`, or `None` when the range is out of bounds, reversed,
/// or either end is inside a character.
pub fn cut(text: &str, start: usize, end: usize) -> Option<&str> {
    text.get(start..end)
}

/// The largest character boundary at or before `at` (clamped to the text).
pub fn floor_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    let mut i = at;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest character boundary at or after `at` (clamped to the text).
pub fn ceil_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    let mut i = at;
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The text between `start` and `end`, each moved outwards to a character
/// boundary, clamped to the text; `""` when `start >= end`.
pub fn cut_widening(text: &str, start: usize, end: usize) -> &str {
    let s = floor_boundary(text, start);
    let e = ceil_boundary(text, end);
    text.get(s..e.max(s)).unwrap_or_default()
}

/// The text between `start` and `end`, each moved inwards to a character
/// boundary, clamped to the text; `""` when nothing is left.
pub fn cut_narrowing(text: &str, start: usize, end: usize) -> &str {
    let s = ceil_boundary(text, start);
    let e = floor_boundary(text, end);
    text.get(s..e.max(s)).unwrap_or_default()
}

/// The text before `at` (moved back to a character boundary).
pub fn before(text: &str, at: usize) -> &str {
    text.get(..floor_boundary(text, at)).unwrap_or_default()
}

/// The text from `at` (moved forward to a character boundary) to the end.
pub fn after(text: &str, at: usize) -> &str {
    text.get(ceil_boundary(text, at)..).unwrap_or_default()
}

/// At most `max` bytes of `text`, cut back to a character boundary.
pub fn truncate(text: &str, max: usize) -> &str {
    before(text, max)
}

/// Maps byte offsets of a case-folded copy back to the original text.
///
/// Lowercasing can change a character's length (`İ` is two bytes, its
/// lowercase `i̇` three; `ẞ` three, `ß` two), so offsets found by searching
/// a lowercased copy cannot cut the original. [`lowercase_with_map`] builds
/// the copy together with this map.
#[derive(Debug, Clone, Default)]
pub struct FoldMap {
    /// For each byte of the folded text, the offset in the original text
    /// of the character it came from; one more entry for the end.
    origin: Vec<usize>,
    /// Whether the folded byte at this offset starts the fold of an
    /// original character.
    starts: Vec<bool>,
}

impl FoldMap {
    /// The original offset of folded offset `at`: the start of the original
    /// character whose fold contains `at`, or the original's length past
    /// the end.
    pub fn to_original(&self, at: usize) -> usize {
        self.origin
            .get(at)
            .copied()
            .unwrap_or_else(|| self.origin.last().copied().unwrap_or(0))
    }

    /// The original span of a folded span `[start, end)`: from the start of
    /// the character holding `start` to the end of the character holding
    /// `end - 1`.
    pub fn span_to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.to_original(start);
        // The end is the original offset where the next character's fold
        // begins at or after `end`.
        let mut e = end;
        while e < self.starts.len() && !self.starts.get(e).copied().unwrap_or(true) {
            e += 1;
        }
        (s, self.to_original(e).max(s))
    }
}

/// `text.to_lowercase()` with a map from its offsets back to `text`.
pub fn lowercase_with_map(text: &str) -> (String, FoldMap) {
    let mut folded = String::with_capacity(text.len());
    let mut map = FoldMap {
        origin: Vec::with_capacity(text.len() + 1),
        starts: Vec::with_capacity(text.len() + 1),
    };
    for (i, c) in text.char_indices() {
        let before = folded.len();
        folded.extend(c.to_lowercase());
        for k in before..folded.len() {
            map.origin.push(i);
            map.starts.push(k == before);
        }
    }
    map.origin.push(text.len());
    map.starts.push(true);
    (folded, map)
}

/// Titles made from a text ([`headline`]) have at most this many characters.
pub const HEADLINE_CHARS: usize = 120;

/// A title for a text that has none: its first sentence (up to `.`, `!` or
/// `?` followed by white space and a capital, a digit or a quote, or the
/// end of the first paragraph), with white space folded, shortened to at
/// most [`HEADLINE_CHARS`] characters at a word boundary with `…`. Empty
/// only for a text with no words.
pub fn headline(text: &str) -> String {
    let first = text
        .split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty())
        .unwrap_or_default();
    let mut words: Vec<&str> = Vec::new();
    let mut iter = first.split_whitespace().peekable();
    while let Some(w) = iter.next() {
        words.push(w);
        let ends = w.ends_with(['.', '!', '?']) || w.ends_with(".\u{201d}") || w.ends_with(".\"");
        let next_starts = iter.peek().and_then(|n| n.chars().next()).is_some_and(|c| {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201c}' | '\'')
        });
        // A lone initial or a short abbreviation ("Mr.", "U.S.") ends no sentence.
        let stem = w.trim_end_matches(['.', '!', '?', '"', '\u{201d}']);
        let abbreviation = w.ends_with('.')
            && (stem.chars().count() <= 2 || stem.contains('.'))
            && stem.chars().next().is_some_and(char::is_uppercase);
        if ends && next_starts && !abbreviation {
            break;
        }
    }
    let sentence = words.join(" ");
    if sentence.chars().count() <= HEADLINE_CHARS {
        return sentence;
    }
    let mut out = String::new();
    for w in sentence.split(' ') {
        let len = out.chars().count() + usize::from(!out.is_empty()) + w.chars().count();
        if len + 1 > HEADLINE_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        // One word longer than a headline: cut it on a character boundary.
        out = sentence.chars().take(HEADLINE_CHARS - 1).collect();
    }
    let out = out.trim_end_matches([',', ';', ':', ' ']).to_string();
    out + "…"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_never_land_inside_a_character() {
        let s = "a“b”ẞİ€😀z";
        for at in 0..=s.len() + 3 {
            assert!(s.is_char_boundary(floor_boundary(s, at)), "floor {at}");
            assert!(s.is_char_boundary(ceil_boundary(s, at)), "ceil {at}");
            assert!(floor_boundary(s, at) <= at.min(s.len()));
            assert!(ceil_boundary(s, at) >= at.min(s.len()));
            for end in 0..=s.len() + 3 {
                let _ = cut_widening(s, at, end);
                let _ = cut_narrowing(s, at, end);
                let _ = cut(s, at, end);
            }
            let _ = before(s, at);
            let _ = after(s, at);
        }
    }

    #[test]
    fn cuts() {
        let s = "x“yes”";
        assert_eq!(cut(s, 0, 1), Some("x"));
        assert_eq!(cut(s, 0, 2), None);
        assert_eq!(cut(s, 3, 1), None);
        assert_eq!(cut_widening(s, 2, 6), "“ye");
        assert_eq!(cut_narrowing(s, 2, 6), "ye");
        assert_eq!(cut_widening(s, 5, 2), "");
        assert_eq!(truncate(s, 3), "x");
        assert_eq!(truncate(s, 4), "x“");
        assert_eq!(after(s, 100), "");
    }

    #[test]
    fn fold_map_finds_the_original_after_length_changes() {
        for text in [
            "İİ Finland joined NATO",
            "ẞ Finland ‘joined NATO.",
            "plain Finland joined NATO",
            "ΣΊΣΥΦΟΣ Finland joined NATO",
        ] {
            let (folded, map) = lowercase_with_map(text);
            let at = folded.find("finland").expect(text);
            let (s, e) = map.span_to_original(at, at + "finland".len());
            assert_eq!(text.get(s..e), Some("Finland"), "{text}");
            let at = folded.find("nato").expect("found");
            let (s, e) = map.span_to_original(at, at + 4);
            assert_eq!(text.get(s..e), Some("NATO"), "{text}");
        }
    }

    #[test]
    fn fold_map_inside_an_expanded_character_covers_it() {
        let text = "aİb";
        let (folded, map) = lowercase_with_map(text);
        assert_eq!(folded, "ai\u{307}b");
        // The combining dot alone (folded 2..4) maps to the whole `İ`.
        let (s, e) = map.span_to_original(2, 4);
        assert_eq!(text.get(s..e), Some("İ"));
        assert_eq!(map.to_original(folded.len()), text.len());
    }

    #[test]
    fn headlines_are_first_sentences_cut_on_words() {
        let cases = [
            ("NATO agreed. China urged.", "NATO agreed."),
            (
                "\n\n  Mr. Stoltenberg met   U.S. officials. Then left.",
                "Mr. Stoltenberg met U.S. officials.",
            ),
            ("No stop here\n\nSecond paragraph.", "No stop here"),
            ("", ""),
            ("Lines\nfold into one. Yes.", "Lines fold into one."),
        ];
        for (text, want) in cases {
            assert_eq!(headline(text), want, "{text:?}");
        }
        let long = "Größe ".repeat(40);
        let h = headline(&long);
        assert!(h.chars().count() <= HEADLINE_CHARS, "{h}");
        assert!(h.ends_with("Größe…"), "help: cut after a whole word: {h}");
        let word = "é".repeat(300);
        let h = headline(&word);
        assert_eq!(h.chars().count(), HEADLINE_CHARS, "{h}");
    }
}
