//! Feature keys: a template number and its parts hashed to 64 bits
//! (FNV-1a), so that a classifier's table is keyed by integers.

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// Builds the key of one feature from its template and parts.
#[derive(Clone, Copy)]
pub(crate) struct Key(u64);

impl Key {
    pub fn new(template: u8) -> Key {
        Key(OFFSET).byte(template)
    }

    fn byte(self, b: u8) -> Key {
        Key((self.0 ^ u64::from(b)).wrapping_mul(PRIME))
    }

    pub fn str(self, s: &str) -> Key {
        let mut k = self;
        for &b in s.as_bytes() {
            k = k.byte(b);
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        k.byte(0xff)
    }

    pub fn num(self, n: u32) -> Key {
        let mut k = self;
        for b in n.to_le_bytes() {
            k = k.byte(b);
        }
        k.byte(0xfe)
    }

    /// Mixes in a value that is itself a hash (a word's, a tag's).
    pub fn hash(self, x: u64) -> Key {
        Key((self.0 ^ x)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29))
    }

    pub fn done(self) -> u64 {
        self.0
    }
}

/// The shape of a word: letters to `X`/`x`, digits to `d`, runs of the
/// same class shortened to two ("Xxxxx" → "Xxx"... kept short).
pub(crate) fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last: Option<char> = None;
    let mut run = 0;
    for c in word.chars().take(24) {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if Some(s) == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        last = Some(s);
        out.push(s);
    }
    out
}

/// The last `n` characters of `word` (all of it when shorter).
pub(crate) fn suffix(word: &str, n: usize) -> &str {
    let count = word.chars().count();
    if count <= n {
        return word;
    }
    word.char_indices()
        .nth(count - n)
        .and_then(|(i, _)| word.get(i..))
        .unwrap_or(word)
}

/// The first `n` characters of `word`.
pub(crate) fn prefix(word: &str, n: usize) -> &str {
    match word.char_indices().nth(n) {
        Some((i, _)) => word.get(..i).unwrap_or(word),
        None => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_differ_by_template_and_by_part_boundaries() {
        let a = Key::new(1).str("ab").str("c").done();
        let b = Key::new(1).str("a").str("bc").done();
        let c = Key::new(2).str("ab").str("c").done();
        assert!(a != b && a != c);
        assert_eq!(a, Key::new(1).str("ab").str("c").done());
    }

    #[test]
    fn shapes_and_affixes_respect_characters() {
        assert_eq!(shape("Stoltenberg"), "Xxx");
        assert_eq!(shape("2,000"), "d,dd");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(suffix("Zürich", 3), "ich");
        assert_eq!(suffix("é", 3), "é");
        assert_eq!(prefix("Ærø", 2), "Ær");
        assert_eq!(suffix("", 2), "");
    }
}
