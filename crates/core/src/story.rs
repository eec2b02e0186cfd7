//! Near-duplicate documents: the copies of one story.
//!
//! A wire story republished by several outlets comes back with other
//! boilerplate, another headline, a paragraph changed or added. Two cleaned
//! texts belong to one story when the Jaccard similarity of their sets of
//! word shingles is at least [`THRESHOLD`]. It is estimated by MinHash and
//! found without comparing every pair by LSH banding:
//!
//! - **Shingles**: [`SHINGLE_WORDS`] consecutive words, lower-cased, of
//!   letters and digits only (punctuation and layout do not count), each
//!   word hashed by FNV-1a and the five mixed. A text
//!   of fewer than [`MIN_WORDS`] words is grouped with nothing: at that
//!   length one changed name or number is a large share of the shingles,
//!   and two items written from one template ("X will send N troops to Y")
//!   would pass for copies.
//! - **Signature**: [`HASHES`] minima, each of the shingles' 64-bit hashes
//!   under one of [`HASHES`] seeded mixers. The share of equal minima of
//!   two signatures estimates the Jaccard similarity of their shingle sets
//!   (standard error under 0.045 at 128 hashes).
//! - **Bands**: the signature cut into [`BANDS`] bands of [`ROWS`] minima,
//!   each hashed to a band key. Two texts are candidates when they share a
//!   band key: with similarity `s` that happens with probability
//!   `1 - (1 - s^4)^32`: 0.87 at `s` = 0.5, 0.997 at 0.7, 0.23 at 0.3.
//!   Candidates are then kept only when their estimate reaches [`THRESHOLD`].
//!
//! [`StoryIndex`] groups documents one at a time in memory: a document
//! joins the story of its most similar earlier candidate, or starts its own.
//! The store keeps the same band keys in a table and groups the same way,
//! so a new document joins a stored story without a scan of the store.
//! Cost per document is its shingles times [`HASHES`], plus a look-up per
//! band: linear in the number of documents, as long as band buckets stay
//! small, which [`BUCKET_LIMIT`] ensures.
//!
//! ```
//! use entente_core::story::{Signature, StoryIndex};
//! let body = "Russia moved troops to the border on Monday, officials in Kyiv said, \
//!     adding that talks would resume in Geneva next week. ".repeat(3);
//! let a = format!("{body} Reporting by the wire.");
//! let b = format!("By our correspondent. {body} Sign up for our newsletter.");
//! let c = "Fiji and Tonga signed a fisheries agreement in Suva on Tuesday, \
//!     after three years of talks over quotas, patrols and the licences of \
//!     foreign fleets. ".repeat(3);
//! let mut index = StoryIndex::default();
//! let story_a = index.insert(Signature::of(&a).expect("long enough"));
//! assert_eq!(index.insert(Signature::of(&b).expect("long enough")), story_a);
//! assert_ne!(index.insert(Signature::of(&c).expect("long enough")), story_a);
//! assert!(Signature::of("NATO met.").is_none(), "too short to group");
//! ```

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 5;
/// Texts of fewer words are grouped with nothing.
pub const MIN_WORDS: usize = 50;
/// Minima per signature.
pub const HASHES: usize = 128;
/// Bands per signature.
pub const BANDS: usize = 32;
/// Minima per band.
pub const ROWS: usize = HASHES / BANDS;
/// The least estimated Jaccard similarity of two copies of one story.
pub const THRESHOLD: f64 = 0.5;
/// At most this many documents are kept under one band key: a bucket that
/// full is one story told many times (or boilerplate), and a document that
/// falls in it still finds its story through the bucket's members.
pub const BUCKET_LIMIT: usize = 64;

/// A text's MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub [u64; HASHES]);

impl Signature {
    /// The signature of a text; `None` when it has fewer than
    /// [`MIN_WORDS`] words.
    pub fn of(text: &str) -> Option<Signature> {
        // Each word as the hash of its lower-cased characters: no word is
        // copied.
        let words: Vec<u64> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(word_hash)
            .collect();
        if words.len() < MIN_WORDS.max(SHINGLE_WORDS) {
            return None;
        }
        let mut mins = [u64::MAX; HASHES];
        for shingle in words.windows(SHINGLE_WORDS) {
            let h = shingle.iter().fold(0u64, |h, w| mix(h ^ w));
            for (m, seed) in mins.iter_mut().zip(SEEDS.iter()) {
                let v = mix(h ^ seed);
                if v < *m {
                    *m = v;
                }
            }
        }
        Some(Signature(mins))
    }

    /// The estimated Jaccard similarity of the two texts' shingle sets.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / HASHES as f64
    }

    /// The [`BANDS`] band keys; the band's number is part of its key.
    pub fn band_keys(&self) -> [u64; BANDS] {
        let mut keys = [0u64; BANDS];
        for (b, key) in keys.iter_mut().enumerate() {
            let mut h = mix(b as u64 + 1);
            for v in self.0.iter().skip(b * ROWS).take(ROWS) {
                h = mix(h ^ *v);
            }
            *key = h;
        }
        keys
    }

    /// The signature as bytes (little-endian minima), as the store keeps it.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// A signature back from [`Signature::to_bytes`]; `None` for bytes of
    /// another length.
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() != HASHES * 8 {
            return None;
        }
        let mut mins = [0u64; HASHES];
        for (m, chunk) in mins.iter_mut().zip(bytes.chunks_exact(8)) {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            *m = u64::from_le_bytes(b);
        }
        Some(Signature(mins))
    }
}

/// Of `candidates` (each a story and its signature), the story most
/// similar to `signature` at [`THRESHOLD`] or above; the first of equals.
pub fn best_story<'a, S: Copy>(
    signature: &Signature,
    candidates: impl IntoIterator<Item = (S, &'a Signature)>,
) -> Option<S> {
    let mut best: Option<(S, f64)> = None;
    for (story, other) in candidates {
        let s = signature.similarity(other);
        if s >= THRESHOLD && best.is_none_or(|(_, b)| s > b) {
            best = Some((story, s));
        }
    }
    best.map(|(story, _)| story)
}

/// Documents grouped into stories in memory, one at a time. Documents and
/// stories are numbered from 0 in the order inserted; a story is numbered
/// by its first document.
///
/// Band buckets are kept without an allocation each: a bucket is the last
/// of its entries, and each entry links to the one before it.
#[derive(Debug, Default)]
pub struct StoryIndex {
    signatures: Vec<Signature>,
    stories: Vec<usize>,
    buckets: HashMap<u64, Bucket, BuildHasherDefault<BandKeyHasher>>,
    entries: Vec<Entry>,
}

/// A band key's documents: its last entry and how many there are.
#[derive(Debug, Clone, Copy)]
struct Bucket {
    last: usize,
    len: usize,
}

/// One document under one band key, and the entry before it in its bucket.
#[derive(Debug, Clone, Copy)]
struct Entry {
    doc: usize,
    previous: Option<usize>,
}

impl StoryIndex {
    /// Adds a document; the story it belongs to.
    pub fn insert(&mut self, signature: Signature) -> usize {
        let doc = self.signatures.len();
        let keys = signature.band_keys();
        let mut seen: Vec<usize> = Vec::new();
        for key in &keys {
            let mut at = self.buckets.get(key).map(|b| b.last);
            while let Some(i) = at {
                let Some(entry) = self.entries.get(i) else {
                    break;
                };
                seen.push(entry.doc);
                at = entry.previous;
            }
        }
        seen.sort_unstable();
        seen.dedup();
        let story = best_story(
            &signature,
            seen.iter()
                .filter_map(|&d| Some((*self.stories.get(d)?, self.signatures.get(d)?))),
        )
        .unwrap_or(doc);
        for key in keys {
            let at = self.entries.len();
            match self.buckets.get_mut(&key) {
                Some(bucket) if bucket.len >= BUCKET_LIMIT => continue,
                Some(bucket) => {
                    self.entries.push(Entry {
                        doc,
                        previous: Some(bucket.last),
                    });
                    bucket.last = at;
                    bucket.len += 1;
                }
                None => {
                    self.entries.push(Entry {
                        doc,
                        previous: None,
                    });
                    self.buckets.insert(key, Bucket { last: at, len: 1 });
                }
            }
        }
        self.signatures.push(signature);
        self.stories.push(story);
        story
    }

    /// The story of document `doc`.
    pub fn story_of(&self, doc: usize) -> Option<usize> {
        self.stories.get(doc).copied()
    }

    /// Documents inserted.
    pub fn len(&self) -> usize {
        self.signatures.len()
    }

    /// Whether none was.
    pub fn is_empty(&self) -> bool {
        self.signatures.is_empty()
    }
}

/// Band keys are already well mixed 64-bit values: they hash as themselves.
#[derive(Debug, Default)]
struct BandKeyHasher(u64);

impl Hasher for BandKeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = mix(self.0 ^ u64::from(*b));
        }
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// FNV-1a over a word's lower-cased characters (UTF-8).
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut buf = [0u8; 4];
    for c in word.chars().flat_map(char::to_lowercase) {
        for b in c.encode_utf8(&mut buf).bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// SplitMix64's finaliser: a bijection of 64-bit values that spreads
/// every input bit over the output.
const fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// One seed per hash function, fixed: signatures stored by one build are
/// compared with those of the next.
const SEEDS: [u64; HASHES] = {
    let mut seeds = [0u64; HASHES];
    let mut i = 0;
    while i < HASHES {
        seeds[i] = mix(0x5354_4f52_5953_u64 ^ (i as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
        i += 1;
    }
    seeds
};

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Russian forces moved armoured columns towards the Belarus border on \
        Monday, according to satellite images reviewed by analysts. Officials in Kyiv said \
        the movements were part of a pattern seen for weeks. NATO's secretary general urged \
        Moscow to pull back and said the alliance would defend every inch of its territory. \
        Talks between the foreign ministers are expected to resume in Geneva next week.";

    #[test]
    fn copies_are_similar_and_unrelated_texts_are_not() {
        let a = Signature::of(STORY).expect("words");
        let layout = Signature::of(&STORY.replace(' ', "\n  ").to_uppercase()).expect("words");
        assert_eq!(a, layout, "help: case, punctuation and layout do not count");
        let edited = format!("By a staff writer. {STORY} Reporting by the wire.");
        let b = Signature::of(&edited).expect("words");
        assert!(a.similarity(&b) >= THRESHOLD, "{}", a.similarity(&b));
        let other = Signature::of(OTHER).expect("words");
        assert!(a.similarity(&other) < 0.2, "{}", a.similarity(&other));
        assert_eq!(Signature::of(" ... "), None);
        assert_eq!(Signature::of("NATO met Fiji in Suva on Monday."), None);
        assert_eq!(Signature::from_bytes(&a.to_bytes()), Some(a.clone()));
        assert_eq!(Signature::from_bytes(&[1, 2, 3]), None);
    }

    const OTHER: &str = "Russian forces held exercises near the Belarus border, and NATO \
        ministers met in Brussels to discuss support for Kyiv before talks in Geneva. The \
        ministers agreed to speed up deliveries of ammunition and to review the alliance's \
        plans for its eastern flank, while Poland called on its partners to spend more.";

    #[test]
    fn an_index_groups_copies_under_the_first() {
        let mut index = StoryIndex::default();
        assert!(index.is_empty());
        let first = index.insert(Signature::of(STORY).expect("words"));
        let unrelated = index.insert(Signature::of(OTHER).expect("words"));
        let copy = index.insert(Signature::of(&format!("{STORY} Updated.")).expect("words"));
        assert_eq!((first, unrelated, copy), (0, 1, 0));
        assert_eq!(index.story_of(2), Some(0));
        assert_eq!(index.len(), 3);
    }

    #[test]
    fn full_buckets_stop_growing() {
        let mut index = StoryIndex::default();
        for _ in 0..BUCKET_LIMIT + 10 {
            assert_eq!(index.insert(Signature::of(STORY).expect("words")), 0);
        }
        assert!(index.buckets.values().all(|b| b.len <= BUCKET_LIMIT));
        assert_eq!(index.entries.len(), BANDS * BUCKET_LIMIT);
    }
}
