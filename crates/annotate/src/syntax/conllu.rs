//! Reading CoNLL-U (Universal Dependencies): the word lines of each
//! sentence, skipping comments, multi-word token ranges (`3-4`) and empty
//! nodes (`8.1`).

use super::SyntaxError;

/// One word of a treebank sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    /// 1-based index of the head; 0 for the root.
    pub head: usize,
    pub deprel: String,
}

/// The sentences of a CoNLL-U text. `name` names the input in errors.
pub fn read(text: &str, name: &str) -> Result<Vec<Vec<Word>>, SyntaxError> {
    let mut out = Vec::new();
    let mut sentence: Vec<Word> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !sentence.is_empty() {
                out.push(std::mem::take(&mut sentence));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let bad = |why: &str| SyntaxError::Conllu {
            input: name.to_string(),
            line: n + 1,
            reason: why.to_string(),
        };
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(bad("a word line has ten tab-separated columns"));
        }
        let id = cols[0];
        if id.contains('-') || id.contains('.') {
            continue;
        }
        let index: usize = id.parse().map_err(|_| bad("the ID is not a number"))?;
        if index != sentence.len() + 1 {
            return Err(bad("word IDs are not 1, 2, 3, ... in order"));
        }
        let head: usize = cols[6]
            .parse()
            .map_err(|_| bad("the HEAD is not a number"))?;
        sentence.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            head,
            deprel: cols[7].to_string(),
        });
    }
    if !sentence.is_empty() {
        out.push(sentence);
    }
    for (i, s) in out.iter().enumerate() {
        if s.iter().any(|w| w.head > s.len()) {
            return Err(SyntaxError::Conllu {
                input: name.to_string(),
                line: 0,
                reason: format!("sentence {} has a head outside the sentence", i + 1),
            });
        }
    }
    Ok(out)
}

/// Whether the tree (heads 1-based, 0 = root) has no crossing arcs.
pub fn is_projective(heads: &[usize]) -> bool {
    let arcs: Vec<(usize, usize)> = heads
        .iter()
        .enumerate()
        .map(|(i, &h)| {
            let d = i + 1;
            (d.min(h), d.max(h))
        })
        .collect();
    for &(a, b) in &arcs {
        for &(c, d) in &arcs {
            if a < c && c < b && b < d {
                return false;
            }
        }
    }
    true
}

/// Makes a tree projective by lifting arcs (Nivre & Nilsson 2005, without
/// the label encoding): while some arc spans a word its head does not
/// dominate, the shortest such arc's dependent is attached to its head's
/// head. `heads` are 1-based, 0 the root, as in [`is_projective`].
pub fn projectivise(heads: &mut [usize]) {
    // Whether `h` dominates word `k` (1-based); a guard against cycles.
    let dominates = |heads: &[usize], h: usize, mut k: usize| {
        for _ in 0..=heads.len() {
            if k == h {
                return true;
            }
            match heads.get(k.wrapping_sub(1)) {
                Some(&next) if k != 0 => k = next,
                _ => return false,
            }
        }
        false
    };
    // Each lift moves a dependent one step up a finite tree: this ends.
    for _ in 0..heads.len() * heads.len() {
        let mut worst: Option<(usize, usize)> = None;
        for (i, &h) in heads.iter().enumerate() {
            let d = i + 1;
            let (a, b) = (d.min(h), d.max(h));
            let lifted = h != 0 && (a + 1..b).any(|k| !dominates(heads, h, k));
            if lifted && worst.is_none_or(|(_, len)| b - a < len) {
                worst = Some((i, b - a));
            }
        }
        let Some((i, _)) = worst else {
            return;
        };
        let h = heads[i];
        heads[i] = heads.get(h - 1).copied().unwrap_or(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# text = They didn't go.\n\
1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n\
2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n\
4.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t4:conj\t_\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_and_skips_ranges_and_empty_nodes() {
        let s = read(SAMPLE, "sample").expect("parses");
        assert_eq!(s.len(), 1);
        let forms: Vec<&str> = s[0].iter().map(|w| w.form.as_str()).collect();
        assert_eq!(forms, ["They", "did", "n't", "go", "."]);
        assert_eq!(s[0][0].head, 4);
        assert_eq!(s[0][3].deprel, "root");
    }

    #[test]
    fn names_the_input_and_line_of_a_bad_row() {
        let err = read("1\tA\ta\tX\n", "bad.conllu").expect_err("bad");
        assert!(err.to_string().contains("bad.conllu"), "{err}");
        assert!(err.to_string().contains("line 1"), "{err}");
    }

    #[test]
    fn projectivity() {
        assert!(is_projective(&[2, 0, 2]));
        // 1→3 and 2→4 cross.
        assert!(!is_projective(&[3, 4, 0, 3]));
        let mut heads = [3, 4, 0, 3];
        projectivise(&mut heads);
        assert!(is_projective(&heads));
        assert_eq!(heads, [3, 3, 0, 3]);
    }
}
