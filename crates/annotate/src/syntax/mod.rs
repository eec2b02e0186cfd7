//! The syntactic backbone: part-of-speech tags, lemmas and labelled
//! dependency trees in Universal Dependencies, learned from the English Web
//! Treebank (UD_English-EWT, CC BY-SA 4.0).
//!
//! - [`Syntax::embedded`] is the model shipped in `data/syntax/ewt.model`,
//!   decoded once on first use; [`Syntax::from_bytes`] reads another.
//! - [`Syntax::analyse`] tokenises a sentence and tags, lemmatises and
//!   parses it; [`Syntax::analyse_tokens`] takes tokens already cut (as the
//!   treebank's are, for scoring).
//! - [`evaluate`] scores a model on a CoNLL-U file (UPOS, XPOS, lemma, UAS,
//!   LAS); [`train`] learns one (the `train_syntax` example runs it).
//!
//! The tagger is a greedy averaged perceptron predicting the UPOS and XPOS
//! pair; the parser is an arc-eager transition parser with averaged
//! perceptrons for the transitions and the labels, searching with a beam of
//! four (the transition weights trained globally for it; a model of width 1
//! parses greedily). What it does not do: split
//! clitics ("don't" stays one token when analysing raw text), read
//! morphological features, or produce non-projective trees.
//!
//! ```
//! use entente_annotate::syntax::Syntax;
//! let parse = Syntax::embedded().analyse("Russia moved troops to Belarus.");
//! let verb = parse.root().expect("a root");
//! assert_eq!(parse.tokens[verb].lemma, "move");
//! let subject = parse.subject(verb).expect("a subject");
//! assert_eq!(parse.tokens[subject].form, "Russia");
//! ```

pub mod conllu;
mod features;
mod lemma;
mod parser;
mod perceptron;
mod tagger;

use entente_core::Span;
use lemma::Lemmatiser;
use parser::{Input, Parser};
use perceptron::{KeyMap, Perceptron, DENSE};
use std::sync::OnceLock;
use tagger::Tagger;

/// What can go wrong reading a model or a treebank.
#[derive(Debug, thiserror::Error)]
pub enum SyntaxError {
    #[error("{input}, line {line}: {reason}")]
    Conllu {
        input: String,
        line: usize,
        reason: String,
    },
    #[error("the syntax model is damaged: {0}")]
    Model(String),
    #[error("{0} has no sentences")]
    Empty(String),
}

/// A token of an analysed sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxToken {
    /// Byte span in the analysed sentence ([`Syntax::analyse`]); for
    /// [`Syntax::analyse_tokens`], the span the token would have with the
    /// tokens joined by single spaces.
    pub span: Span,
    pub form: String,
    pub lemma: String,
    /// Universal part of speech (`NOUN`, `VERB`, `PROPN`, ...).
    pub upos: String,
    /// Penn Treebank tag (`NNS`, `VBD`, ...).
    pub xpos: String,
    /// Index of the head token; `None` for the root.
    pub head: Option<usize>,
    /// Universal dependency relation (`nsubj`, `obj`, `obl`, `nsubj:pass`, ...).
    pub deprel: String,
}

/// An analysed sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parse {
    pub tokens: Vec<SyntaxToken>,
}

impl Parse {
    /// The root of the tree.
    pub fn root(&self) -> Option<usize> {
        self.tokens.iter().position(|t| t.head.is_none())
    }

    /// The dependents of token `i`, in order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.tokens
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.head == Some(i))
            .map(|(k, _)| k)
    }

    /// The dependents of `i` whose relation is `rel` or a subtype of it
    /// (`obl` finds `obl:tmod` too).
    pub fn dependents<'a>(&'a self, i: usize, rel: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.children(i).filter(move |&k| {
            let d = self.tokens[k].deprel.as_str();
            d == rel || d.strip_prefix(rel).is_some_and(|r| r.starts_with(':'))
        })
    }

    /// The subject of `i` (active or passive).
    pub fn subject(&self, i: usize) -> Option<usize> {
        self.dependents(i, "nsubj").next()
    }

    /// The direct object of `i`.
    pub fn object(&self, i: usize) -> Option<usize> {
        self.dependents(i, "obj").next()
    }

    /// Whether `i` is a passive verb (it has a passive subject or auxiliary).
    pub fn is_passive(&self, i: usize) -> bool {
        self.children(i).any(|k| {
            matches!(
                self.tokens[k].deprel.as_str(),
                "nsubj:pass" | "aux:pass" | "csubj:pass"
            )
        })
    }

    /// The agent of a passive verb: the oblique introduced by "by".
    pub fn agent(&self, i: usize) -> Option<usize> {
        self.dependents(i, "obl").find(|&k| {
            self.children(k).any(|c| {
                self.tokens[c].deprel == "case" && self.tokens[c].form.eq_ignore_ascii_case("by")
            })
        })
    }

    /// The preposition (`case` dependent) introducing `i`, lower case.
    pub fn preposition(&self, i: usize) -> Option<String> {
        self.dependents(i, "case")
            .next()
            .map(|k| self.tokens[k].form.to_lowercase())
    }

    /// Tokens coordinated with `i` ("France and Germany": Germany for France).
    pub fn conjuncts(&self, i: usize) -> Vec<usize> {
        self.dependents(i, "conj").collect()
    }

    /// Whether `i` is negated ("did not", "never").
    pub fn is_negated(&self, i: usize) -> bool {
        self.children(i).any(|k| {
            let t = &self.tokens[k];
            t.deprel == "advmod" && matches!(t.lemma.as_str(), "not" | "never" | "n't")
        })
    }

    /// The byte span of the subtree of `i`.
    pub fn subtree_span(&self, i: usize) -> Span {
        let mut lo = i;
        let mut hi = i;
        let mut todo = vec![i];
        let mut seen = vec![false; self.tokens.len()];
        while let Some(k) = todo.pop() {
            if std::mem::replace(&mut seen[k], true) {
                continue;
            }
            lo = lo.min(k);
            hi = hi.max(k);
            todo.extend(self.children(k));
        }
        Span::new(self.tokens[lo].span.start, self.tokens[hi].span.end)
    }
}

/// A sentence tagged and lemmatised, not yet parsed
/// ([`Syntax::tag_tokens`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tagging {
    /// The tokens with their tags and lemmas; no heads, no relations.
    pub tokens: Vec<SyntaxToken>,
    /// The tagger's class of each token.
    classes: Vec<usize>,
    /// For a token that ends in a possessive clitic ("Russia's"), the
    /// class of the clitic, tagged as a word of its own as the treebank
    /// writes it.
    clitics: Vec<Option<usize>>,
}

/// Where the possessive or contracted `'s` of a token starts ("Russia's",
/// "Commission’s"), if the token has one after a word of its own.
fn clitic_at(form: &str) -> Option<usize> {
    let at = form
        .char_indices()
        .rev()
        .nth(1)
        .filter(|&(_, c)| c == '\'' || c == '’')
        .map(|(i, _)| i)?;
    let tail = form.get(at..)?;
    let base = form.get(..at)?;
    (tail.ends_with(['s', 'S']) && base.chars().next_back().is_some_and(char::is_alphanumeric))
        .then_some(at)
}

/// The trained models.
#[derive(Debug, Clone, PartialEq)]
pub struct Syntax {
    /// (UPOS, XPOS) of each tag class.
    tags: Vec<(String, String)>,
    /// XPOS names by tag class (what the tagger's and parser's features see).
    xpos: Vec<String>,
    labels: Vec<String>,
    tagger: Tagger,
    lemmas: Lemmatiser,
    parser: Parser,
}

const MODEL: &[u8] = include_bytes!("../../data/syntax/ewt.model");

impl Syntax {
    /// The model shipped with entente, decoded on first use.
    ///
    /// # Panics
    /// Never on input text; only if the model file built into the binary is
    /// damaged, which the crate's tests rule out.
    pub fn embedded() -> &'static Syntax {
        static SYNTAX: OnceLock<Syntax> = OnceLock::new();
        SYNTAX.get_or_init(|| match Syntax::from_bytes(MODEL) {
            Ok(s) => s,
            Err(e) => panic!("the embedded syntax model: {e}"),
        })
    }

    /// The width of the beam the parser searches with (1: greedy).
    pub fn beam(&self) -> usize {
        self.parser.beam
    }

    /// Searches with a beam of `width` (at least 1) from now on. A model
    /// is best searched with the width it was trained for; other widths
    /// are for measuring.
    pub fn set_beam(&mut self, width: usize) {
        self.parser.beam = width.max(1);
    }

    /// Drops the parser's weights smaller than `min_weight`: a smaller
    /// model that loads and parses faster, for a little accuracy.
    pub fn prune_parser(&mut self, min_weight: f32) {
        let p = &mut self.parser;
        p.transitions = p.transitions.pruned(min_weight);
        p.labels = p.labels.pruned(min_weight);
        p.relabels = p.relabels.pruned(min_weight);
    }

    /// Analyses a sentence of raw text.
    pub fn analyse(&self, sentence: &str) -> Parse {
        let tokens = crate::sentences::tokenize(sentence, Span::new(0, sentence.len()));
        let forms: Vec<&str> = tokens.iter().map(|t| t.text(sentence)).collect();
        let spans: Vec<Span> = tokens.iter().map(|t| t.span).collect();
        self.analyse_spans(&forms, &spans)
    }

    /// Analyses a sentence already cut into tokens.
    pub fn analyse_tokens(&self, forms: &[&str]) -> Parse {
        let mut at = 0;
        let spans: Vec<Span> = forms
            .iter()
            .map(|f| {
                let s = Span::new(at, at + f.len());
                at += f.len() + 1;
                s
            })
            .collect();
        self.analyse_spans(forms, &spans)
    }

    fn analyse_spans(&self, forms: &[&str], spans: &[Span]) -> Parse {
        self.parse_tagged(&self.tag_spans(forms, spans))
    }

    /// Tags and lemmatises a sentence already cut into tokens, without
    /// parsing it: the cheaper half of [`Syntax::analyse_tokens`], for
    /// readers that need tags only. [`Syntax::parse_tagged`] adds the tree.
    pub fn tag_tokens(&self, forms: &[&str]) -> Tagging {
        let mut at = 0;
        let spans: Vec<Span> = forms
            .iter()
            .map(|f| {
                let s = Span::new(at, at + f.len());
                at += f.len() + 1;
                s
            })
            .collect();
        self.tag_spans(forms, &spans)
    }

    fn tag_spans(&self, forms: &[&str], spans: &[Span]) -> Tagging {
        if forms.is_empty() {
            return Tagging::default();
        }
        // The treebank writes "Russia's" as two words: so does the tagger.
        let mut pieces: Vec<&str> = Vec::with_capacity(forms.len() + 4);
        let mut clitic_of: Vec<Option<usize>> = Vec::with_capacity(forms.len());
        let mut base_of: Vec<usize> = Vec::with_capacity(forms.len());
        for form in forms {
            base_of.push(pieces.len());
            match clitic_at(form).and_then(|at| Some((form.get(..at)?, form.get(at..)?))) {
                Some((base, clitic)) => {
                    pieces.push(base);
                    clitic_of.push(Some(pieces.len()));
                    pieces.push(clitic);
                }
                None => {
                    pieces.push(form);
                    clitic_of.push(None);
                }
            }
        }
        let tagged = self
            .tagger
            .tag(&pieces, &self.xpos, &|w| self.lemmas.finite_form(w));
        let classes: Vec<usize> = base_of
            .iter()
            .map(|&b| tagged.get(b).copied().unwrap_or(0))
            .collect();
        let clitics: Vec<Option<usize>> = clitic_of
            .iter()
            .map(|c| c.and_then(|c| tagged.get(c).copied()))
            .collect();
        let tokens = forms
            .iter()
            .enumerate()
            .map(|(i, form)| {
                let (upos, xp) = classes
                    .get(i)
                    .and_then(|&c| self.tags.get(c))
                    .cloned()
                    .unwrap_or_default();
                SyntaxToken {
                    span: spans.get(i).copied().unwrap_or(Span::new(0, 0)),
                    form: form.to_string(),
                    lemma: self.lemmas.lemma(form, &upos, &xp),
                    upos,
                    xpos: xp,
                    head: None,
                    deprel: String::new(),
                }
            })
            .collect();
        Tagging {
            tokens,
            classes,
            clitics,
        }
    }

    /// The dependency tree over a tagged sentence.
    pub fn parse_tagged(&self, tagging: &Tagging) -> Parse {
        if tagging.tokens.is_empty() {
            return Parse::default();
        }
        // Words as the parser learned them: a clitic ("'s") is a word of
        // its own, folded back into its token afterwards.
        let mut pieces: Vec<&str> = Vec::with_capacity(tagging.tokens.len() + 4);
        let mut xpos: Vec<&str> = Vec::with_capacity(tagging.tokens.len() + 5);
        xpos.push("<root>");
        // The token of each piece (pieces counted from 1; 0 is the root).
        let mut token_of: Vec<usize> = vec![usize::MAX];
        let mut base_piece: Vec<usize> = Vec::with_capacity(tagging.tokens.len());
        let mut clitic_piece: Vec<Option<usize>> = Vec::with_capacity(tagging.tokens.len());
        let name = |c: usize| self.xpos.get(c).map(String::as_str).unwrap_or("");
        // Quotation marks are left out of the parse and hung on the quoted
        // words afterwards: scare quotes inside a noun phrase ("signed an
        // “incredibly painful” deal") otherwise break it, as the treebank
        // has few of them.
        let quote = |i: usize| {
            tagging
                .classes
                .get(i)
                .is_some_and(|&c| matches!(name(c).split('/').next(), Some("``" | "''")))
        };
        for (i, t) in tagging.tokens.iter().enumerate() {
            let class = tagging.classes.get(i).copied().unwrap_or(0);
            if quote(i) && tagging.tokens.len() > 1 {
                base_piece.push(0);
                clitic_piece.push(None);
                continue;
            }
            let clitic = tagging.clitics.get(i).copied().flatten();
            let split = clitic.and_then(|c| {
                let at = clitic_at(&t.form)?;
                Some((t.form.get(..at)?, t.form.get(at..)?, c))
            });
            base_piece.push(pieces.len() + 1);
            token_of.push(i);
            xpos.push(name(class));
            match split {
                Some((base, rest, c)) => {
                    pieces.push(base);
                    clitic_piece.push(Some(pieces.len() + 1));
                    pieces.push(rest);
                    token_of.push(i);
                    xpos.push(name(c));
                }
                None => {
                    pieces.push(&t.form);
                    clitic_piece.push(None);
                }
            }
        }
        let mut words = Vec::with_capacity(pieces.len() + 1);
        words.push("<root>".to_string());
        words.extend(tagger::normalise(&pieces));
        let root = self.label_index("root");
        let fallback = self.label_index("dep");
        let tree = self
            .parser
            .parse(&Input::new(&words, &xpos), root, fallback);
        // A piece's head as a token: the root stays the root; a token's own
        // clitic stands for the clitic's head ("it" under "'s").
        let piece_head = |p: usize| tree.heads.get(p.wrapping_sub(1)).copied().unwrap_or(0);
        let label = |p: usize| {
            tree.labels
                .get(p.wrapping_sub(1))
                .and_then(|&l| self.labels.get(l))
                .cloned()
                .unwrap_or_else(|| "dep".to_string())
        };
        let mut tokens: Vec<SyntaxToken> = tagging
            .tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut p = base_piece.get(i).copied().unwrap_or(i + 1);
                if p == 0 {
                    // A quotation mark: hung below (a token never heads itself).
                    return SyntaxToken {
                        head: None,
                        deprel: "punct".to_string(),
                        ..t.clone()
                    };
                }
                let mut head = piece_head(p);
                if clitic_piece.get(i).copied().flatten() == Some(head) {
                    p = head;
                    head = piece_head(p);
                }
                let head_token = token_of
                    .get(head)
                    .copied()
                    .filter(|&h| h != usize::MAX && h != i);
                SyntaxToken {
                    head: head_token,
                    deprel: if head == 0 || head_token.is_some() {
                        label(p)
                    } else {
                        "dep".to_string()
                    },
                    ..t.clone()
                }
            })
            .collect();
        hang_quotes(&mut tokens, &base_piece);
        Parse { tokens }
    }

    fn label_index(&self, name: &str) -> usize {
        self.labels.iter().position(|l| l == name).unwrap_or(0)
    }
}

/// Hangs the quotation marks left out of the parse (`base_piece` 0) on the
/// words they quote: both marks of a pair on the head of the quoted span
/// (the span's word whose head lies outside it), a lone mark on its
/// neighbour inside the quotation.
fn hang_quotes(tokens: &mut [SyntaxToken], base_piece: &[usize]) {
    let is_quote = |i: usize| base_piece.get(i) == Some(&0);
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        if !is_quote(i) {
            i += 1;
            continue;
        }
        // The span up to the next mark, if it holds words.
        let close = (i + 1..n).find(|&j| is_quote(j));
        let span = i + 1..close.unwrap_or(n);
        let head = span
            .clone()
            .find(|&k| !is_quote(k) && tokens[k].head.is_none_or(|h| !span.contains(&h)));
        let head = head
            .or_else(|| (0..i).rev().find(|&k| !is_quote(k)))
            .or_else(|| (i + 1..n).find(|&k| !is_quote(k)));
        for q in [Some(i), close].into_iter().flatten() {
            if let Some(t) = tokens.get_mut(q) {
                t.head = head.filter(|&h| h != q);
                t.deprel = "punct".to_string();
            }
        }
        i = close.map_or(n, |c| c + 1);
    }
}

/// Scores of a model on a treebank (gold tokens)./// Scores of a model on a treebank (gold tokens).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParseScores {
    pub sentences: usize,
    pub tokens: usize,
    pub upos: f64,
    pub xpos: f64,
    pub lemma: f64,
    /// Unlabelled attachment score: the share of words with the right head.
    pub uas: f64,
    /// Labelled attachment score: right head and right relation (subtypes
    /// included, as the CoNLL 2018 scorer's LAS compares universal relations
    /// only; here the whole label must match, which is stricter).
    pub las: f64,
}

/// Scores `syntax` on the CoNLL-U text `conllu` (named `name` in errors).
pub fn evaluate(syntax: &Syntax, conllu: &str, name: &str) -> Result<ParseScores, SyntaxError> {
    let sentences = conllu::read(conllu, name)?;
    if sentences.is_empty() {
        return Err(SyntaxError::Empty(name.to_string()));
    }
    let (mut n, mut upos, mut xpos, mut lemma, mut uas, mut las) = (0usize, 0, 0, 0, 0, 0);
    for s in &sentences {
        let forms: Vec<&str> = s.iter().map(|w| w.form.as_str()).collect();
        let p = syntax.analyse_tokens(&forms);
        for (w, t) in s.iter().zip(&p.tokens) {
            n += 1;
            upos += usize::from(w.upos == t.upos);
            xpos += usize::from(w.xpos == t.xpos);
            lemma += usize::from(w.lemma == t.lemma);
            let head = t.head.map_or(0, |h| h + 1);
            if head == w.head {
                uas += 1;
                // The universal relation, as the CoNLL 2018 scorer's LAS.
                let universal = |d: &str| d.split(':').next().unwrap_or("").to_string();
                las += usize::from(universal(&w.deprel) == universal(&t.deprel));
            }
        }
    }
    let r = |k: usize| k as f64 / n.max(1) as f64;
    Ok(ParseScores {
        sentences: sentences.len(),
        tokens: n,
        upos: r(upos),
        xpos: r(xpos),
        lemma: r(lemma),
        uas: r(uas),
        las: r(las),
    })
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Parsers trained with different seeds and averaged into one model
    /// (an ensemble at the speed of one parser).
    pub parser_members: usize,
    /// Folds for tagging the parser's training data with predicted tags
    /// (jackknifing); 0 or 1 trains the parser on gold tags.
    pub folds: usize,
    pub seed: u64,
    /// Averaged weights of the parser smaller than this are dropped from
    /// the model: a smaller, faster model for a little accuracy.
    pub prune: f32,
    /// The same for the tagger.
    pub tagger_prune: f32,
    /// The width of the parser's beam (1: greedy, no global training).
    pub beam: usize,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            tagger_epochs: 10,
            parser_epochs: 30,
            parser_members: 1,
            folds: 4,
            seed: 0x5eed_2026,
            prune: 1.5,
            tagger_prune: 0.1,
            beam: 4,
        }
    }
}

/// Learns a model from a CoNLL-U training text; `progress` hears what is
/// being done.
pub fn train(
    conllu: &str,
    name: &str,
    opts: TrainOptions,
    progress: &mut dyn FnMut(&str),
) -> Result<Syntax, SyntaxError> {
    train_parser_more(conllu, name, &[], None, opts, progress)
}

/// Learns a model from a CoNLL-U training text, as [`train`] does, and
/// trains the parser on the sentences of `extra` (texts with their names)
/// as well. The tagger and lemmatiser learn from the training text alone,
/// so they are those [`train`] gives; the parser learns from the training
/// text with the jackknifed tags [`train`] gives it and from `extra` with
/// the tags of that tagger, which has not seen them. A `base` model's
/// tagger and lemmatiser are taken instead of being trained again (the
/// same, when `base` was trained on the same text with the same options).
pub fn train_parser_more(
    conllu: &str,
    name: &str,
    extra: &[(&str, &str)],
    base: Option<&Syntax>,
    opts: TrainOptions,
    progress: &mut dyn FnMut(&str),
) -> Result<Syntax, SyntaxError> {
    let mut sentences = conllu::read(conllu, name)?;
    if sentences.is_empty() {
        return Err(SyntaxError::Empty(name.to_string()));
    }
    // Sentences before this index are the training text proper (the
    // jackknife's); the rest come from `extra`.
    let main_count = sentences.len();
    for (text, extra_name) in extra {
        let more = conllu::read(text, extra_name)?;
        if more.is_empty() {
            return Err(SyntaxError::Empty((*extra_name).to_string()));
        }
        sentences.extend(more);
    }
    // Tag classes: every (UPOS, XPOS) pair, in first-seen order (a base
    // model's own, its tagger kept).
    let mut tags: Vec<(String, String)> = base.map(|b| b.tags.clone()).unwrap_or_default();
    let mut labels: Vec<String> = match base {
        Some(b) => b.labels.clone(),
        None => vec!["root".to_string(), "dep".to_string()],
    };
    for (i, s) in sentences.iter().enumerate() {
        for w in s {
            if base.is_none()
                && i < main_count
                && !tags.iter().any(|(u, x)| *u == w.upos && *x == w.xpos)
            {
                tags.push((w.upos.clone(), w.xpos.clone()));
            }
            if !labels.contains(&w.deprel) {
                labels.push(w.deprel.clone());
            }
        }
    }
    let xpos: Vec<String> = tags.iter().map(|(u, x)| format!("{x}/{u}")).collect();
    let tag_of = |w: &conllu::Word| {
        tags.iter()
            .position(|(u, x)| *u == w.upos && *x == w.xpos)
            .unwrap_or(0)
    };
    let tagged: Vec<Vec<(String, usize)>> = sentences
        .iter()
        .map(|s| s.iter().map(|w| (w.form.clone(), tag_of(w))).collect())
        .collect();
    let tagger = match base {
        Some(b) => {
            progress("tagger and lemmatiser: the base model's");
            b.tagger.clone()
        }
        None => {
            progress(&format!(
                "tagger: {} sentences, {} tag classes, {} epochs",
                main_count,
                tags.len(),
                opts.tagger_epochs
            ));
            tagger::train(
                &tagged[..main_count],
                &xpos,
                opts.tagger_epochs,
                opts.seed,
                opts.tagger_prune,
            )
        }
    };

    // The parser learns from the tags a tagger gives text it has not seen.
    let mut predicted: Vec<Vec<usize>> = tagged
        .iter()
        .map(|s| s.iter().map(|(_, t)| *t).collect())
        .collect();
    if opts.folds > 1 {
        for fold in 0..opts.folds {
            progress(&format!(
                "jackknife: tagging fold {} of {}",
                fold + 1,
                opts.folds
            ));
            let rest: Vec<Vec<(String, usize)>> = tagged[..main_count]
                .iter()
                .enumerate()
                .filter(|(i, _)| i % opts.folds != fold)
                .map(|(_, s)| s.clone())
                .collect();
            let t = tagger::train(
                &rest,
                &xpos,
                opts.tagger_epochs,
                opts.seed ^ fold as u64,
                opts.tagger_prune,
            );
            for (i, s) in tagged[..main_count]
                .iter()
                .enumerate()
                .filter(|(i, _)| i % opts.folds == fold)
            {
                let forms: Vec<&str> = s.iter().map(|(f, _)| f.as_str()).collect();
                predicted[i] = t.tag(&forms, &xpos, &|_| None);
            }
        }
        for (i, s) in tagged.iter().enumerate().skip(main_count) {
            let forms: Vec<&str> = s.iter().map(|(f, _)| f.as_str()).collect();
            predicted[i] = tagger.tag(&forms, &xpos, &|_| None);
        }
    }
    // Every sentence, its tree made projective where it is not.
    let examples: Vec<parser::Example> = sentences
        .iter()
        .zip(&predicted)
        .map(|(s, tags_of)| {
            let forms: Vec<&str> = s.iter().map(|w| w.form.as_str()).collect();
            let mut words = vec!["<root>".to_string()];
            words.extend(tagger::normalise(&forms));
            let mut t = vec!["<root>".to_string()];
            t.extend(tags_of.iter().map(|&k| xpos[k].clone()));
            let mut gold: Vec<usize> = s.iter().map(|w| w.head).collect();
            conllu::projectivise(&mut gold);
            let mut heads = vec![usize::MAX];
            heads.extend(gold);
            let mut l = vec![0];
            l.extend(
                s.iter()
                    .map(|w| labels.iter().position(|x| *x == w.deprel).unwrap_or(1)),
            );
            parser::Example {
                words,
                tags: t,
                heads,
                labels: l,
            }
        })
        .collect();
    progress(&format!(
        "parser: {} sentences, {} labels, {} epochs, {} members",
        examples.len(),
        labels.len(),
        opts.parser_epochs,
        opts.parser_members
    ));
    let schedule = parser::Schedule {
        epochs: opts.parser_epochs,
        members: opts.parser_members,
        seed: opts.seed,
        prune: opts.prune,
        beam: opts.beam,
    };
    let parser = parser::train(&examples, labels.len(), 0, &schedule);

    let lemmas = match base {
        Some(b) => b.lemmas.clone(),
        None => learn_lemmas(&sentences[..main_count]),
    };
    Ok(Syntax {
        tags,
        xpos,
        labels,
        tagger,
        lemmas,
        parser,
    })
}

/// The lemmatiser's table: each (form, tag) pair's commonest lemma.
fn learn_lemmas(sentences: &[Vec<conllu::Word>]) -> Lemmatiser {
    let mut lemmas = Lemmatiser::default();
    let mut counts: std::collections::HashMap<
        (String, String),
        std::collections::HashMap<String, u32>,
    > = Default::default();
    for s in sentences {
        for w in s {
            let lower = if w.upos == "PROPN" {
                w.form.clone()
            } else {
                w.form.to_lowercase()
            };
            *counts
                .entry((lower, w.xpos.clone()))
                .or_default()
                .entry(w.lemma.clone())
                .or_default() += 1;
        }
    }
    for ((form, xp), ls) in counts {
        if let Some((l, _)) = ls
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        {
            if l != form {
                lemmas.table.insert(lemma::key(&form, &xp), l);
            }
        }
    }
    lemmas
}

// ---- The model file ----------------------------------------------------

const MAGIC: &[u8; 8] = b"ENTSYN04";
/// The version before the beam width, still read (greedy).
const GREEDY: &[u8; 8] = b"ENTSYN03";
/// The version before the relabeller, still read.
const PREVIOUS: &[u8; 8] = b"ENTSYN02";

impl Syntax {
    /// The model as bytes (see [`Syntax::from_bytes`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, self.tags.len() as u32);
        for (u, x) in &self.tags {
            put_str(&mut out, u);
            put_str(&mut out, x);
        }
        put_u32(&mut out, self.labels.len() as u32);
        for l in &self.labels {
            put_str(&mut out, l);
        }
        let mut dict: Vec<(&u64, &u16)> = self.tagger.dictionary.iter().collect();
        dict.sort();
        put_u32(&mut out, dict.len() as u32);
        for (k, t) in dict {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&t.to_le_bytes());
        }
        let mut lexicon: Vec<(&u64, &u64)> = self.tagger.lexicon.iter().collect();
        lexicon.sort();
        put_u32(&mut out, lexicon.len() as u32);
        for (k, c) in lexicon {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&c.to_le_bytes());
        }
        let mut lemmas: Vec<(&u64, &String)> = self.lemmas.table.iter().collect();
        lemmas.sort();
        put_u32(&mut out, lemmas.len() as u32);
        for (k, l) in lemmas {
            out.extend_from_slice(&k.to_le_bytes());
            put_str(&mut out, l);
        }
        for p in [
            &self.tagger.model,
            &self.parser.transitions,
            &self.parser.labels,
            &self.parser.relabels,
        ] {
            put_perceptron(&mut out, p);
        }
        put_u32(&mut out, self.parser.beam.min(u32::MAX as usize) as u32);
        out
    }

    /// Reads a model written by [`Syntax::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Syntax, SyntaxError> {
        let mut r = Reader { bytes, at: 0 };
        let magic = r.take(8)?;
        // A model of the previous version has no relabeller: the labels
        // given while parsing stand.
        let with_beam = magic == MAGIC;
        let relabelled = with_beam || magic == GREEDY;
        if !relabelled && magic != PREVIOUS {
            return Err(SyntaxError::Model("not an entente syntax model".into()));
        }
        let n = r.u32()? as usize;
        let mut tags = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            tags.push((r.str()?, r.str()?));
        }
        let n = r.u32()? as usize;
        let mut labels = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            labels.push(r.str()?);
        }
        let n = r.u32()? as usize;
        let mut dictionary = KeyMap::default();
        dictionary.reserve(n.min(1 << 20));
        for _ in 0..n {
            let k = r.u64()?;
            let t = r.u16()?;
            if usize::from(t) >= tags.len() {
                return Err(SyntaxError::Model(
                    "a dictionary tag is out of range".into(),
                ));
            }
            dictionary.insert(k, t);
        }
        let n = r.u32()? as usize;
        let mut lexicon = KeyMap::default();
        lexicon.reserve(n.min(1 << 20));
        for _ in 0..n {
            let k = r.u64()?;
            lexicon.insert(k, r.u64()?);
        }
        let n = r.u32()? as usize;
        let mut table = KeyMap::default();
        table.reserve(n.min(1 << 20));
        for _ in 0..n {
            let k = r.u64()?;
            table.insert(k, r.str()?);
        }
        let tag_model = r.perceptron()?;
        let transitions = r.perceptron()?;
        let label_model = r.perceptron()?;
        let relabels = if relabelled {
            r.perceptron()?
        } else {
            Perceptron::new(labels.len(), KeyMap::default(), Vec::new())
        };
        let beam = if with_beam { r.u32()? as usize } else { 1 };
        if !(1..=64).contains(&beam) {
            return Err(SyntaxError::Model(format!(
                "a beam of {beam} is out of range"
            )));
        }
        if tag_model.classes != tags.len()
            || label_model.classes != labels.len()
            || relabels.classes != labels.len()
            || transitions.classes != 4
        {
            return Err(SyntaxError::Model("class counts do not match".into()));
        }
        if r.at != bytes.len() {
            return Err(SyntaxError::Model("trailing bytes".into()));
        }
        let xpos = tags.iter().map(|(u, x)| format!("{x}/{u}")).collect();
        Ok(Syntax {
            tags,
            xpos,
            labels,
            tagger: Tagger {
                model: tag_model,
                dictionary,
                lexicon,
            },
            lemmas: Lemmatiser { table },
            parser: Parser {
                transitions,
                labels: label_model,
                relabels,
                beam,
            },
        })
    }
}

fn put_u32(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    let n = b.len().min(u16::MAX as usize);
    out.extend_from_slice(&(n as u16).to_le_bytes());
    out.extend_from_slice(b.get(..n).unwrap_or_default());
}

/// A perceptron: classes, scale, features; each feature its key and its
/// (class, weight × 32767 / scale) votes.
/// The perceptron keeps its weights quantised so (see [`Perceptron::new`]).
fn put_perceptron(out: &mut Vec<u8>, p: &Perceptron) {
    let rows = p.rows();
    out.extend_from_slice(&(p.classes as u16).to_le_bytes());
    out.extend_from_slice(&p.scale().to_le_bytes());
    put_u32(out, rows.len() as u32);
    for (k, row) in rows {
        let votes: Vec<(u16, i16)> = row.into_iter().filter(|&(_, q)| q != 0).collect();
        out.extend_from_slice(&k.to_le_bytes());
        out.extend_from_slice(&(votes.len() as u16).to_le_bytes());
        for (c, q) in votes {
            out.extend_from_slice(&(c as u8).to_le_bytes());
            out.extend_from_slice(&q.to_le_bytes());
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], SyntaxError> {
        let s = self
            .bytes
            .get(self.at..self.at.saturating_add(n))
            .ok_or_else(|| SyntaxError::Model("it ends too soon".into()))?;
        self.at += n;
        Ok(s)
    }
    fn u16(&mut self) -> Result<u16, SyntaxError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, SyntaxError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, SyntaxError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    fn f32(&mut self) -> Result<f32, SyntaxError> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn str(&mut self) -> Result<String, SyntaxError> {
        let n = self.u16()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| SyntaxError::Model("a name is not UTF-8".into()))
    }
    fn perceptron(&mut self) -> Result<Perceptron, SyntaxError> {
        let classes = self.u16()? as usize;
        let scale = self.f32()?;
        let n = self.u32()? as usize;
        if classes <= DENSE {
            return self.dense_perceptron(classes, scale, n);
        }
        let mut entries = Vec::with_capacity(n.min(1 << 22));
        let mut votes = Vec::with_capacity(n.min(1 << 22) * 3);
        for _ in 0..n {
            let key = self.u64()?;
            let k = self.u16()?;
            let at = votes.len() as u32;
            // Each vote is a class byte and a little-endian i16.
            for v in self.take(usize::from(k) * 3)?.chunks_exact(3) {
                if usize::from(v[0]) >= classes {
                    return Err(SyntaxError::Model("a class is out of range".into()));
                }
                votes.push((u16::from(v[0]), i16::from_le_bytes([v[1], v[2]])));
            }
            entries.push((key, (at, k)));
        }
        Ok(Perceptron::from_entries(classes, scale, &entries, votes))
    }

    /// The `n` features of a perceptron of at most [`DENSE`] classes (the
    /// parser's transitions, most of the model): checked and located in
    /// one pass, then read from the bytes straight into dense rows, without
    /// the votes in between (which were twenty megabytes to fill and free).
    fn dense_perceptron(
        &mut self,
        classes: usize,
        scale: f32,
        n: usize,
    ) -> Result<Perceptron, SyntaxError> {
        let bytes = self.bytes;
        let mut starts = Vec::with_capacity(n.min(1 << 22));
        for _ in 0..n {
            starts.push(self.at);
            let _key = self.u64()?;
            let k = self.u16()?;
            if self
                .take(usize::from(k) * 3)?
                .chunks_exact(3)
                .any(|v| usize::from(v[0]) >= classes)
            {
                return Err(SyntaxError::Model("a class is out of range".into()));
            }
        }
        // Every feature was read above: these reads cannot fail.
        let row = |i: usize| {
            let mut r = Reader {
                bytes,
                at: starts.get(i).copied().unwrap_or(bytes.len()),
            };
            let key = r.u64().unwrap_or_default();
            let k = r.u16().unwrap_or_default();
            let mut row = [0; DENSE];
            for v in r
                .take(usize::from(k) * 3)
                .unwrap_or_default()
                .chunks_exact(3)
            {
                if let Some(x) = row.get_mut(usize::from(v[0])) {
                    *x = i16::from_le_bytes([v[1], v[2]]);
                }
            }
            (key, row)
        };
        let key = |i: usize| {
            let at = starts.get(i).copied().unwrap_or(bytes.len());
            Reader { bytes, at }.u64().unwrap_or_default()
        };
        Ok(Perceptron::dense_from_fn(classes, scale, n, key, row))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tagging_then_parsing_equals_one_analysis() {
        let syntax = Syntax::embedded();
        let forms = [
            "Japan",
            "agreed",
            "on",
            "Monday",
            "to",
            "scrap",
            "its",
            "sanctions",
            ".",
        ];
        let tagging = syntax.tag_tokens(&forms);
        assert_eq!(tagging.tokens.len(), forms.len());
        assert!(tagging
            .tokens
            .iter()
            .all(|t| t.head.is_none() && t.deprel.is_empty()));
        assert_eq!(tagging.tokens[5].xpos, "VB");
        let parse = syntax.parse_tagged(&tagging);
        assert_eq!(parse, syntax.analyse_tokens(&forms));
        assert_eq!(syntax.parse_tagged(&Tagging::default()), Parse::default());
    }

    #[test]
    fn a_sentence_without_a_finite_verb_gets_one_where_a_reading_allows() {
        let syntax = Syntax::embedded();
        let xpos = |text: &str, word: &str| {
            let forms: Vec<&str> = text.split(' ').collect();
            let tagging = syntax.tag_tokens(&forms);
            let at = forms.iter().position(|f| *f == word).unwrap_or(0);
            tagging.tokens[at].xpos.clone()
        };
        // Irregular pasts the treebank knows, unseen third persons.
        assert_eq!(
            xpos("Israel struck targets in southern Lebanon .", "struck"),
            "VBD"
        );
        assert_eq!(
            xpos("Japan ratifies pact with Philippines", "ratifies"),
            "VBZ"
        );
        // A participle with no finite verb about is a past.
        assert_eq!(
            xpos("Russian missiles hit Lviv early on Friday .", "hit"),
            "VBD"
        );
        // Fragments with no verb reading stay fragments.
        assert_ne!(xpos("NATO summit in Vilnius", "summit"), "VBD");
        assert_eq!(xpos("Thanks for the great service !", "service"), "NN");
        // A sentence with a finite verb is left as the greedy tagger read it.
        assert_eq!(xpos("Russia moved troops to Belarus .", "moved"), "VBD");
    }

    #[test]
    fn a_possessive_clitic_is_read_as_the_treebank_writes_it() {
        let syntax = Syntax::embedded();
        for (text, owner, owned) in [
            ("Russia's invasion of Ukraine was condemned .", 0, 1),
            ("Orban attacked the Commission’s plan .", 3, 4),
            ("He criticised China's support for Moscow .", 2, 3),
        ] {
            let forms: Vec<&str> = text.split(' ').collect();
            let parse = syntax.analyse_tokens(&forms);
            assert_eq!(parse.tokens.len(), forms.len(), "{text}");
            assert_eq!(parse.tokens[owner].form, forms[owner]);
            assert_eq!(parse.tokens[owner].head, Some(owned), "{text}");
            assert_eq!(parse.tokens[owner].deprel, "nmod:poss", "{text}");
            assert!(parse.tokens[owned].xpos.starts_with("NN"), "{text}");
        }
        assert_eq!(clitic_at("Russia's"), Some(6));
        assert_eq!(clitic_at("’s"), None);
        assert_eq!(clitic_at("its"), None);
    }

    const TINY: &str = "1\tNATO\tNATO\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n\
1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\tUkraine\tUkraine\tPROPN\tNNP\t_\t2\tobj\t_\t_\n\
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

    fn tiny() -> Syntax {
        tiny_with_beam(1)
    }

    fn tiny_beam() -> Syntax {
        tiny_with_beam(4)
    }

    fn tiny_with_beam(beam: usize) -> Syntax {
        let opts = TrainOptions {
            tagger_epochs: 5,
            parser_epochs: 5,
            parser_members: 2,
            folds: 0,
            seed: 1,
            prune: 0.0,
            tagger_prune: 0.0,
            beam,
        };
        train(TINY, "tiny", opts, &mut |_| {}).expect("trains")
    }

    const MORE: &str = "1\tUkraine\tUkraine\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n\
2\tresisted\tresist\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\tstrongly\tstrongly\tADV\tRB\t_\t2\tadvmod\t_\t_\n\n";

    #[test]
    fn extra_parser_sentences_leave_the_tagger_and_lemmas_as_they_were() {
        let opts = TrainOptions {
            tagger_epochs: 5,
            parser_epochs: 5,
            parser_members: 1,
            folds: 2,
            seed: 1,
            prune: 0.0,
            tagger_prune: 0.0,
            beam: 1,
        };
        let alone = train(TINY, "tiny", opts, &mut |_| {}).expect("trains");
        let extra = [(MORE, "more")];
        let more =
            train_parser_more(TINY, "tiny", &extra, None, opts, &mut |_| {}).expect("trains");
        assert_eq!(more.tagger, alone.tagger);
        assert_eq!(more.lemmas, alone.lemmas);
        assert_eq!(more.tags, alone.tags);
        // The new relation is the parser's, after the old ones.
        assert_eq!(&more.labels[..alone.labels.len()], &alone.labels[..]);
        assert!(more.labels.iter().any(|l| l == "advmod"));
        assert_ne!(more.parser, alone.parser);
        // A base model's tagger gives the same model.
        let based = train_parser_more(TINY, "tiny", &extra, Some(&alone), opts, &mut |_| {})
            .expect("trains");
        assert_eq!(based, more);
        assert!(matches!(
            train_parser_more(TINY, "tiny", &[("", "empty")], None, opts, &mut |_| {}),
            Err(SyntaxError::Empty(_))
        ));
    }

    #[test]
    fn a_beam_model_learns_its_sentences_and_keeps_its_width() {
        let s = tiny_beam();
        assert_eq!(s.beam(), 4);
        let back = Syntax::from_bytes(&s.to_bytes()).expect("reads back");
        assert_eq!(back.beam(), 4);
        let p = back.analyse_tokens(&["Russia", "attacked", "Ukraine", "."]);
        assert_eq!(p.tokens[1].deprel, "root");
        assert_eq!(p.tokens[0].head, Some(1));
        assert_eq!(p.tokens[2].head, Some(1));
        assert_eq!(p.tokens[2].deprel, "obj");
    }

    #[test]
    fn a_beam_parses_any_sentence_into_one_tree() {
        let s = tiny_beam();
        let long: Vec<&str> = ["NATO", "met", ",", "and", "Russia"]
            .into_iter()
            .cycle()
            .take(300)
            .collect();
        for forms in [
            vec![],
            vec!["."],
            vec!["Ukraine"],
            vec![",", ",", ","],
            vec!["NATO", "met", "Russia", "attacked", "Ukraine", "met"],
            long,
        ] {
            let p = s.analyse_tokens(&forms);
            assert_eq!(p.tokens.len(), forms.len());
            let roots = p.tokens.iter().filter(|t| t.head.is_none()).count();
            assert_eq!(roots, usize::from(!forms.is_empty()), "{forms:?}");
            // Every word reaches the root: no cycles.
            for i in 0..p.tokens.len() {
                let mut at = i;
                let mut steps = 0;
                while let Some(h) = p.tokens[at].head {
                    at = h;
                    steps += 1;
                    assert!(steps <= forms.len(), "a cycle in {forms:?}");
                }
            }
        }
    }

    #[test]
    fn a_greedy_model_of_the_previous_version_loads_with_a_beam_of_one() {
        let s = tiny();
        let mut old = s.to_bytes();
        old.truncate(old.len() - 4);
        old[..8].copy_from_slice(GREEDY);
        let back = Syntax::from_bytes(&old).expect("reads the previous version");
        assert_eq!(back.beam(), 1);
        let current = Syntax::from_bytes(&s.to_bytes()).expect("reads back");
        assert_eq!(back, current);
    }

    #[test]
    fn a_model_survives_the_round_trip_through_bytes() {
        let s = tiny();
        let back = Syntax::from_bytes(&s.to_bytes()).expect("reads back");
        let a = s.analyse_tokens(&["Russia", "attacked", "Ukraine", "."]);
        let b = back.analyse_tokens(&["Russia", "attacked", "Ukraine", "."]);
        assert_eq!(a, b);
        assert_eq!(b.tokens[1].deprel, "root");
        assert_eq!(b.tokens[0].head, Some(1));
    }

    #[test]
    fn a_model_of_the_previous_version_loads_without_a_relabeller() {
        let mut s = tiny();
        s.parser.relabels = Perceptron::new(s.labels.len(), KeyMap::default(), Vec::new());
        // The previous format: another magic, and no relabeller at the end
        // (an empty perceptron is its classes, scale and feature count).
        let mut old = s.to_bytes();
        old.truncate(old.len() - (2 + 4 + 4) - 4);
        old[..8].copy_from_slice(PREVIOUS);
        let back = Syntax::from_bytes(&old).expect("reads the previous version");
        let current = Syntax::from_bytes(&s.to_bytes()).expect("reads back");
        assert_eq!(back, current);
    }

    #[test]
    fn damaged_models_are_errors_not_panics() {
        let bytes = tiny().to_bytes();
        for cut in [0, 4, 8, 20, bytes.len() / 2, bytes.len() - 1] {
            assert!(Syntax::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(Syntax::from_bytes(&extra).is_err());
    }

    #[test]
    fn the_embedded_model_loads() {
        let s = Syntax::embedded();
        assert!(s.tags.len() > 17 && s.labels.len() > 30);
    }
}
