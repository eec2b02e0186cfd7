//! The dictionary's names as a trie over their folded bytes, for finding
//! every name that starts where a word may start.
//!
//! Names may match only as whole words, so a search need not follow every
//! byte of the text through an Aho-Corasick automaton: it walks the trie
//! from each place a name may start and stops where no name goes on. The
//! trie is built from the sorted names in one pass over their bytes, level
//! by level, each node's children side by side; building the automaton
//! (its failure links over half a megabyte of names) was most of the time
//! the dictionary took to load.

use std::collections::VecDeque;

/// No pattern ends at a node; no child of the root starts with a byte.
const NONE: u32 = u32::MAX;

/// A node: its children are `first..first + count` in the node table.
#[derive(Debug, Clone, Copy)]
struct Node {
    first: u32,
    count: u32,
    /// The index of the pattern spelled by the path to this node, or [`NONE`].
    pattern: u32,
}

/// A trie over byte strings, each node's children stored together.
#[derive(Debug, Clone)]
pub(crate) struct NameTrie {
    nodes: Vec<Node>,
    /// `labels[i]`: the byte on the edge into node `i` (unused for the root).
    labels: Vec<u8>,
    /// The root's child for each byte, or [`NONE`]: most places a search
    /// starts from end here.
    root: Box<[u32; 256]>,
}

impl NameTrie {
    /// The trie of `patterns`, which must be sorted and distinct (else
    /// `None`); a pattern's index is its place in `patterns`. `None` also
    /// when there are more nodes than 32-bit indices reach.
    pub(crate) fn build<S: AsRef<[u8]>>(patterns: &[S]) -> Option<NameTrie> {
        if patterns.windows(2).any(|w| w[0].as_ref() >= w[1].as_ref()) {
            return None;
        }
        let index = |i: usize| u32::try_from(i).ok();
        let mut nodes = vec![Node {
            first: 0,
            count: 0,
            pattern: NONE,
        }];
        let mut labels = vec![0u8];
        // (node, the patterns below it, its depth): the patterns below a
        // node share its path as their prefix and, sorted, lie side by side.
        let mut queue = VecDeque::from([(0usize, 0usize, patterns.len(), 0usize)]);
        while let Some((node, lo, hi, depth)) = queue.pop_front() {
            let mut i = lo;
            // A pattern that ends at this node sorts before the longer ones.
            if patterns.get(i).is_some_and(|p| p.as_ref().len() == depth) && i < hi {
                nodes.get_mut(node)?.pattern = index(i)?;
                i += 1;
            }
            let first = nodes.len();
            while i < hi {
                let byte = *patterns.get(i)?.as_ref().get(depth)?;
                let mut j = i + 1;
                while j < hi && patterns.get(j)?.as_ref().get(depth) == Some(&byte) {
                    j += 1;
                }
                queue.push_back((nodes.len(), i, j, depth + 1));
                nodes.push(Node {
                    first: 0,
                    count: 0,
                    pattern: NONE,
                });
                labels.push(byte);
                i = j;
            }
            let n = nodes.get_mut(node)?;
            n.first = index(first)?;
            n.count = index(labels.len() - first)?;
        }
        index(nodes.len())?;
        let mut root = Box::new([NONE; 256]);
        let top = nodes.first()?;
        for c in top.first..top.first + top.count {
            root[usize::from(*labels.get(c as usize)?)] = c;
        }
        Some(NameTrie {
            nodes,
            labels,
            root,
        })
    }

    /// Whether some pattern starts with `byte`.
    #[inline]
    pub(crate) fn starts_with(&self, byte: u8) -> bool {
        self.root[usize::from(byte)] != NONE
    }

    /// Calls `found(end, pattern)` for each pattern that `bytes[start..]`
    /// starts with, shortest first (`end`: where it ends in `bytes`).
    #[inline]
    pub(crate) fn prefixes_at(
        &self,
        bytes: &[u8],
        start: usize,
        mut found: impl FnMut(usize, usize),
    ) {
        let mut rest = bytes.get(start..).unwrap_or_default().iter();
        let Some(&b) = rest.next() else {
            return;
        };
        let mut at = self.root[usize::from(b)];
        let mut end = start + 1;
        while let Some(node) = self.nodes.get(at as usize) {
            if node.pattern != NONE {
                found(end, node.pattern as usize);
            }
            let Some(&b) = rest.next() else {
                return;
            };
            let (first, count) = (node.first as usize, node.count as usize);
            let children = self.labels.get(first..first + count).unwrap_or_default();
            at = match children.iter().position(|&l| l == b) {
                Some(k) => (first + k) as u32,
                None => return,
            };
            end += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefixes(t: &NameTrie, text: &str, start: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        t.prefixes_at(text.as_bytes(), start, |e, p| out.push((e, p)));
        out
    }

    #[test]
    fn finds_every_pattern_that_starts_a_text_shortest_first() {
        let t = NameTrie::build(&["new", "new york", "new zealand", "york"]).expect("sorted");
        assert_eq!(prefixes(&t, "new zealand army", 0), vec![(3, 0), (11, 2)]);
        assert_eq!(prefixes(&t, "in new york", 3), vec![(6, 0), (11, 1)]);
        assert_eq!(prefixes(&t, "in new york", 7), vec![(11, 3)]);
        assert_eq!(prefixes(&t, "ne", 0), vec![]);
        assert_eq!(prefixes(&t, "new", 5), vec![]);
        assert!(t.starts_with(b'y') && !t.starts_with(b'z'));
    }

    #[test]
    fn unsorted_or_repeated_patterns_are_refused() {
        assert!(NameTrie::build(&["b", "a"]).is_none());
        assert!(NameTrie::build(&["a", "a"]).is_none());
        assert!(NameTrie::build::<&str>(&[]).is_some());
    }

    #[test]
    fn multibyte_patterns_match_byte_for_byte() {
        let t = NameTrie::build(&["sã", "são tomé"]).expect("sorted");
        assert_eq!(
            prefixes(&t, "são tomé", 0),
            vec![("sã".len(), 0), ("são tomé".len(), 1)]
        );
    }
}
