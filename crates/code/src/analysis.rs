//! The shallow analysis every coder shares: sentences with tokens and
//! mentions, quotation spans, clause frames (subject, auxiliaries,
//! negation, intent) and pronoun resolution.

use chrono::NaiveDate;
use entente_annotate::dates::{find_dates, DateRole, TemporalExpression};
use entente_annotate::quantities::{find_quantities, Quantity};
use entente_annotate::sentences::{split_sentences, tokenize, Token};
use entente_annotate::syntax::{Parse, Tagging};
use entente_core::lexicon::{self, Auxiliary, ClauseGovernor, NounOpener, Referent};
use entente_core::{ActorCode, ActorKind, ActorRef, DatePrecision, Evidence, Mention, Span};
use std::cell::{OnceCell, RefCell};
use std::sync::Arc;

/// A pronoun class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    First,
    Person,
    Thing,
}

/// What a lower-case pronoun stands for, from the shared lexicon.
pub(crate) fn pronoun(w: &str) -> Option<Pronoun> {
    match lexicon::pronoun(w)? {
        Referent::First => Some(Pronoun::First),
        Referent::Person => Some(Pronoun::Person),
        Referent::Thing | Referent::State | Referent::Igo => Some(Pronoun::Thing),
    }
}

/// A direct quotation's span: the marks and the words between.
#[derive(Debug, Clone, Copy)]
pub(crate) struct QuoteSpan {
    pub outer: Span,
    pub inner: Span,
    /// The quote opens its paragraph.
    pub opens_paragraph: bool,
}

/// A sentence ready for coding.
#[derive(Debug)]
pub(crate) struct Sent {
    pub index: usize,
    pub span: Span,
    pub toks: Vec<Token>,
    pub words: Vec<String>,
    /// Whether each token is written with a capital.
    pub capital: Vec<bool>,
    /// The mention (index into `Doc::mentions`) covering each token.
    pub mention_at: Vec<Option<usize>>,
    /// Tags and lemmas over `toks`, computed when first asked for
    /// ([`Doc::tagging`]).
    pub tagging: OnceCell<Tagging>,
    /// The dependency tree over `toks`, parsed when first asked for
    /// ([`Doc::tree`]).
    pub tree: OnceCell<Parse>,
}

impl Sent {
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn word(&self, k: usize) -> &str {
        self.words.get(k).map(String::as_str).unwrap_or("")
    }

    /// First and one-past-last token of the mention covering token `k`.
    pub fn mention_range(&self, k: usize) -> Option<(usize, usize)> {
        let m = self.mention_at.get(k).copied().flatten()?;
        let mut a = k;
        while a > 0 && self.mention_at[a - 1] == Some(m) {
            a -= 1;
        }
        let mut b = k + 1;
        while b < self.len() && self.mention_at[b] == Some(m) {
            b += 1;
        }
        Some((a, b))
    }

    /// The token index holding byte offset `at`, or the first after it.
    pub fn token_at(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.span.end <= at)
    }
}

/// A document prepared for coding.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    /// The document's public id, shared by every fact coded from it.
    pub id: Arc<str>,
    pub published: Option<NaiveDate>,
    pub mentions: Vec<&'a Mention>,
    pub dates: Vec<TemporalExpression>,
    pub quantities: Vec<Quantity>,
    /// Sentence spans; a sentence's tokens are made by [`Doc::sentence`]
    /// when it is coded, so that a document holds one sentence's tokens at
    /// a time, not all of them.
    pub sentences: Vec<Span>,
    pub quotes: Vec<QuoteSpan>,
    /// The last evidence made, so that the facts read from one span share
    /// its text.
    last_evidence: RefCell<Option<Evidence>>,
}

impl<'a> Doc<'a> {
    pub fn new(
        text: &'a str,
        id: String,
        published: Option<NaiveDate>,
        mentions: &'a [Mention],
    ) -> Doc<'a> {
        let mut ms: Vec<&Mention> = mentions
            .iter()
            .filter(|m| m.start < m.end && m.end <= text.len() && !m.code.is_empty())
            .collect();
        ms.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        let mut kept: Vec<&Mention> = Vec::with_capacity(ms.len());
        for m in ms {
            if kept.last().map(|l| m.start < l.end).unwrap_or(false) {
                continue;
            }
            kept.push(m);
        }
        let mut dates = published.map(|p| find_dates(text, p)).unwrap_or_default();
        dates.sort_by_key(|d| d.span.start);
        let mut quantities = find_quantities(text);
        quantities.sort_by_key(|q| q.span.start);
        let sentences = split_sentences(text);
        let quotes = find_quotes(text);
        Doc {
            text,
            id: Arc::from(id),
            published,
            mentions: kept,
            dates,
            quantities,
            sentences,
            quotes,
            last_evidence: RefCell::new(None),
        }
    }

    /// Sentence `index` with its tokens, words and the mention covering
    /// each token (an empty sentence past the end).
    pub fn sentence(&self, index: usize) -> Sent {
        let text = self.text;
        let span = self
            .sentences
            .get(index)
            .copied()
            .unwrap_or(Span::new(text.len(), text.len()));
        let toks = tokenize(text, span);
        let words = toks.iter().map(|t| normalise(t.text(text))).collect();
        let capital = toks
            .iter()
            .map(|t| t.text(text).starts_with(char::is_uppercase))
            .collect();
        let mut mention_at = vec![None; toks.len()];
        // Kept mentions do not overlap, so they are sorted by end as by start.
        let first_mention = self.mentions.partition_point(|m| m.end <= span.start);
        for (j, mention) in self.mentions.iter().enumerate().skip(first_mention) {
            if mention.start >= span.end {
                break;
            }
            let m = mention.span();
            // Tokens are in text order: only those from the first one
            // ending after the mention's start can overlap it.
            let first = toks.partition_point(|t| t.span.end <= m.start);
            for (k, t) in toks.iter().enumerate().skip(first) {
                if t.span.start >= m.end {
                    break;
                }
                if t.span.overlaps(m) {
                    mention_at[k] = Some(j);
                }
            }
        }
        Sent {
            index,
            span,
            toks,
            words,
            capital,
            mention_at,
            tagging: OnceCell::new(),
            tree: OnceCell::new(),
        }
    }

    /// The tags and lemmas of sentence `s`, computed on first use.
    pub fn tagging<'s>(&self, s: &'s Sent) -> &'s Tagging {
        s.tagging
            .get_or_init(|| crate::tree::tag_sentence(self.text, s))
    }

    /// The tagger's Penn tag of token `k` of sentence `s`.
    pub fn xpos<'s>(&self, s: &'s Sent, k: usize) -> Option<&'s str> {
        self.tagging(s).tokens.get(k).map(|t| t.xpos.as_str())
    }

    /// The lemma of token `k` of sentence `s`.
    pub fn lemma<'s>(&self, s: &'s Sent, k: usize) -> Option<&'s str> {
        self.tagging(s).tokens.get(k).map(|t| t.lemma.as_str())
    }

    /// The dependency tree of sentence `s`, parsed on first use.
    pub fn tree<'s>(&self, s: &'s Sent) -> &'s Parse {
        s.tree
            .get_or_init(|| crate::tree::parse_tagged(self.tagging(s)))
    }

    pub fn actor(&self, m: usize) -> ActorRef {
        self.mentions[m].actor_ref()
    }

    pub fn is_person(&self, m: usize) -> bool {
        // "Georgia's prime minister": a title names a person, named or not.
        self.mentions[m].kind == ActorKind::Person || self.mentions[m].role.is_some()
    }

    /// The country or organisation prefix of a mention's code.
    pub fn prefix(&self, m: usize) -> &str {
        let c = &self.mentions[m].code;
        ActorCode::parse(c).map_or(c.as_str(), ActorCode::head)
    }

    /// The evidence of `span`; facts read from the same span share one
    /// copy of its text.
    pub fn evidence(&self, span: Span) -> Evidence {
        let mut last = self.last_evidence.borrow_mut();
        if let Some(e) = last.as_ref().filter(|e| e.span() == span) {
            return e.clone();
        }
        let e = Evidence::from_span(self.text, span);
        *last = Some(e.clone());
        e
    }

    /// The quotation enclosing byte `at`, if any.
    pub fn quote_at(&self, at: usize) -> Option<usize> {
        // Quotations are in text order and do not overlap.
        let after = self.quotes.partition_point(|q| q.inner.start <= at);
        let i = after.checked_sub(1)?;
        self.quotes.get(i).filter(|q| at < q.inner.end).map(|_| i)
    }

    /// The date of an event at token `k` of sentence `s`: the nearest
    /// expression in the sentence that is not in the future, else the
    /// nearest one, else the publication date. An end or a review date
    /// ("extended until 30 September", "to be reviewed in June") bounds a
    /// state, not the event, and is never taken. The tense reading of each
    /// expression was chosen when it was found (see
    /// `entente_annotate::dates`).
    pub fn date_for(&self, s: &Sent, k: usize) -> (Option<NaiveDate>, DatePrecision) {
        let at = s.toks.get(k).map(|t| t.span.start).unwrap_or(s.span.start);
        // Dates are sorted by their start: only those from the sentence's.
        let first = self.dates.partition_point(|d| d.span.start < s.span.start);
        let in_sent = self
            .dates
            .iter()
            .skip(first)
            .take_while(|d| d.span.start < s.span.end)
            .filter(|d| s.span.contains(d.span) && dates_an_event(d));
        let dist = |d: &&TemporalExpression| d.span.start.abs_diff(at);
        let past = in_sent
            .clone()
            .filter(|d| self.published.map(|p| d.range.0 <= p).unwrap_or(true))
            .min_by_key(dist);
        match past.or_else(|| in_sent.min_by_key(dist)) {
            Some(d) => (Some(d.date), d.precision),
            None => (self.published, DatePrecision::Publication),
        }
    }
}

/// Whether an expression can be an event's date: a point or a start, not
/// an end or a review.
fn dates_an_event(d: &TemporalExpression) -> bool {
    matches!(d.role, DateRole::Point | DateRole::Start)
}

/// Issue 10, item 5: an end date is not the event's date; a month without
/// a year takes the clause's tense.
#[cfg(test)]
#[test]
fn date_for_takes_the_clause_tense_and_never_an_end() {
    let published = NaiveDate::from_ymd_opt(2024, 1, 15);
    let date_of = |text: &str, verb: &str| {
        let doc = Doc::new(text, "t".into(), published, &[]);
        let s = doc.sentence(0);
        let k = (0..s.len()).find(|&k| s.word(k) == verb).unwrap_or(0);
        doc.date_for(&s, k)
    };
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    for (text, verb, want) in [
        (
            "The mission was extended until September 30.",
            "extended",
            (published, DatePrecision::Publication),
        ),
        (
            "The mandate expires on 31 March.",
            "expires",
            (published, DatePrecision::Publication),
        ),
        (
            "The deployment will be reviewed in June.",
            "reviewed",
            (published, DatePrecision::Publication),
        ),
        (
            "On Friday the council extended the mission until March.",
            "extended",
            (day(2024, 1, 12), DatePrecision::Day),
        ),
        (
            "The talks took place in December.",
            "took",
            (day(2023, 12, 1), DatePrecision::Month),
        ),
        (
            "The summit will take place in December.",
            "take",
            (day(2024, 12, 1), DatePrecision::Month),
        ),
        (
            "Since May, the ships have patrolled the strait.",
            "patrolled",
            (day(2023, 5, 1), DatePrecision::Month),
        ),
    ] {
        assert_eq!(date_of(text, verb), want, "{text}");
    }
}

/// Lower case, curly apostrophes made straight.
fn normalise(t: &str) -> String {
    let mut s = t.to_lowercase();
    if s.contains('\u{2019}') {
        s = s.replace('\u{2019}', "'");
    }
    if s == "\u{201C}" || s == "\u{201D}" {
        s = "\"".to_string();
    }
    s
}

/// Quotations of every paragraph (line). An opening mark with no closing
/// one runs to the end of its paragraph, as news copy does for quotes that
/// go on in the next paragraph.
fn find_quotes(text: &str) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let base = line_start;
        line_start += line.len();
        let body = line.trim_end();
        let lead = body.len() - body.trim_start().len();
        // The opening mark's offset and length (`“` is three bytes).
        let mut open: Option<(usize, usize)> = None;
        let mut prev: Option<char> = None;
        for (i, c) in body.char_indices() {
            let is_open = c == '\u{201C}'
                || (c == '"'
                    && prev
                        .map(|p| p.is_whitespace() || "([{-\u{2014}".contains(p))
                        .unwrap_or(true));
            let is_close = c == '\u{201D}' || (c == '"' && !is_open);
            match open {
                None if is_open => open = Some((i, c.len_utf8())),
                Some((o, q)) if is_close || c == '"' => {
                    let inner = Span::new(base + o + q, base + i);
                    out.push(QuoteSpan {
                        outer: Span::new(base + o, base + i + c.len_utf8()),
                        inner,
                        opens_paragraph: o == lead,
                    });
                    open = None;
                }
                _ => {}
            }
            prev = Some(c);
        }
        if let Some((o, q)) = open {
            out.push(QuoteSpan {
                outer: Span::new(base + o, base + body.len()),
                inner: Span::new(base + o + q, base + body.len()),
                opens_paragraph: o == lead,
            });
        }
    }
    out
}

/// What a clause says about its verb.
#[derive(Debug, Clone, Default)]
pub(crate) struct Frame {
    /// Source actors (mention indices), compound actors expanded.
    pub subjects: Vec<usize>,
    /// The first token of the clause's auxiliaries.
    pub aux_start: usize,
    pub negated: bool,
    pub passive: bool,
    pub intent: bool,
    pub threat: bool,
    /// "must", "should": what the clause demands of its subject.
    pub obligation: bool,
    /// The verb is the complement of a request or of an object ("urged X
    /// to respect"): not an event that happened.
    pub unrealised: bool,
    /// Token after the speech verb that introduces this clause, if any.
    pub reported_from: Option<usize>,
    /// The governing verb ("agreed" in "agreed to help"), if any.
    pub governor: Option<usize>,
}

/// Shared per-document state: who was last the subject.
#[derive(Debug, Default, Clone)]
pub(crate) struct Focus {
    pub last_person: Option<usize>,
    pub last_thing: Option<usize>,
    /// The speaker of each quotation (index into `Doc::quotes`).
    pub quote_speakers: Vec<Option<usize>>,
}

impl Focus {
    pub fn note_subject(&mut self, doc: &Doc, m: usize) {
        if doc.is_person(m) {
            self.last_person = Some(m);
        } else {
            self.last_thing = Some(m);
        }
    }
}

/// The compound actor around the mention at token `k`: "New Zealand and
/// Australia", "Britain, France and Germany".
pub(crate) fn compound(s: &Sent, k: usize) -> Vec<usize> {
    let Some((a, b)) = s.mention_range(k) else {
        return Vec::new();
    };
    let mut out = vec![s.mention_at[k].unwrap_or_default()];
    // A list has "and" or "or"; mentions joined by commas alone are an
    // apposition ("Qatar's emir, Sheikh Hamad"), whose head comes first.
    let mut conjoined = false;
    // Rightwards.
    let mut j = b;
    loop {
        let mut p = j;
        let mut saw_joiner = false;
        while p < s.len() && matches!(s.word(p), "and" | "," | "or" | "the") {
            saw_joiner |= s.word(p) != "the";
            conjoined |= matches!(s.word(p), "and" | "or");
            p += 1;
        }
        if !saw_joiner || p >= s.len() {
            break;
        }
        match s.mention_range(p) {
            Some((_, e)) => {
                out.push(s.mention_at[p].unwrap_or_default());
                j = e;
            }
            None => break,
        }
    }
    // Leftwards.
    let mut i = a;
    loop {
        let mut p = i;
        let mut saw_joiner = false;
        while p > 0 && matches!(s.word(p - 1), "and" | "," | "or" | "the") {
            saw_joiner |= s.word(p - 1) != "the";
            conjoined |= matches!(s.word(p - 1), "and" | "or");
            p -= 1;
        }
        if !saw_joiner || p == 0 {
            break;
        }
        match s.mention_range(p - 1) {
            Some((st, _)) => {
                out.insert(0, s.mention_at[p - 1].unwrap_or_default());
                i = st;
            }
            None => break,
        }
    }
    out.dedup();
    if !conjoined {
        // "Qatar's emir, Sheikh Hamad(,) said": an apposition names the
        // head before it. "After talks with Japan, Indonesia hosted ...":
        // after a fronted phrase whose name is a preposition's object, a
        // name no comma closes is an actor of its own.
        let own = s.mention_at[k].unwrap_or_default();
        let first_in_phrase = out.first().is_some_and(|&m| {
            let at = (0..a).find(|&j| s.mention_at[j] == Some(m)).unwrap_or(a);
            let mut j = at;
            while j > 0 && matches!(s.word(j - 1), "the" | "a" | "an") {
                j -= 1;
            }
            j > 0
                && matches!(
                    s.word(j - 1),
                    "with"
                        | "in"
                        | "from"
                        | "to"
                        | "of"
                        | "after"
                        | "before"
                        | "for"
                        | "at"
                        | "on"
                        | "by"
                        | "against"
                        | "over"
                        | "since"
                        | "during"
                        | "amid"
                )
        });
        if out.first() != Some(&own) && s.word(b) != "," && first_in_phrase {
            return vec![own];
        }
        out.truncate(1);
    }
    out
}

/// Skips auxiliaries, modals, negations and adverbs before token `v` and
/// fills the frame's flags; returns the first auxiliary token.
fn scan_aux(s: &Sent, v: usize, f: &mut Frame) -> usize {
    let mut j = v;
    while j > 0 {
        let w = s.word(j - 1);
        if s.mention_at[j - 1].is_some() {
            break;
        }
        if w == "\"" {
            j -= 1;
            continue;
        }
        if lexicon::auxiliary(w, Auxiliary::Be) {
            f.passive = true;
        } else if lexicon::auxiliary(w, Auxiliary::Modal) {
            f.intent = true;
        } else if matches!(w, "must" | "should" | "ought") {
            f.obligation = true;
        } else if lexicon::auxiliary(w, Auxiliary::Negation) || w.ends_with("n't") {
            f.negated = true;
            if w == "won't" || w == "wouldn't" {
                f.intent = true;
            }
        } else if !(lexicon::auxiliary(w, Auxiliary::Other) || w.len() > 4 && w.ends_with("ly")) {
            break;
        }
        j -= 1;
    }
    j
}

/// The clause frame of the verb at tokens `v..ve` (`past`: the verb is a
/// past form, so a "be" auxiliary makes it passive).
pub(crate) fn frame(
    doc: &Doc,
    s: &Sent,
    focus: &Focus,
    v: usize,
    past: bool,
    depth: usize,
) -> Frame {
    let mut f = Frame::default();
    let j = scan_aux(s, v, &mut f);
    f.passive &= past;
    if j == v && reduced_passive(doc, s, v) {
        f.passive = true;
    }
    f.aux_start = j;
    if depth > 4 {
        return f;
    }
    // "prepared to resume shelling", "will not stop supplying": the -ing
    // complement of a verb of beginning or going on is said in that verb's
    // clause, with its subject, modality and negation.
    let gerund = doc.xpos(s, v) == Some("VBG") || s.word(v).ends_with("ing");
    if j == v && v > 0 && gerund && s.mention_at[v - 1].is_none() {
        let tags = doc.tagging(s);
        let aspect = tags.tokens.get(v - 1).filter(|t| {
            lexicon::aspect_verb(&t.lemma) && matches!(t.upos.as_str(), "VERB" | "AUX")
        });
        if let Some(t) = aspect {
            let past = matches!(t.xpos.as_str(), "VBD" | "VBN");
            let mut af = frame(doc, s, focus, v - 1, past, depth + 1);
            af.aux_start = af.aux_start.min(v);
            af.passive = false;
            return af;
        }
    }
    // "to VERB": the subject is the governor's.
    let mut to_at = (j > 0 && s.word(j - 1) == "to").then(|| j - 1);
    // "to X and VERB": coordinated infinitives.
    if to_at.is_none() && j > 0 && matches!(s.word(j - 1), "and" | "or") {
        to_at = (j.saturating_sub(6)..j - 1)
            .rev()
            .find(|&k| s.word(k) == "to" && s.mention_at[k].is_none());
    }
    if let Some(t) = to_at {
        // "became the first country to ban", "is the only member to
        // reject": the infinitive is what the subject did.
        if let Some(c) = ordinal_role(s, t) {
            let cf = frame(doc, s, focus, c, false, depth + 1);
            f.subjects = cf.subjects;
            f.reported_from = cf.reported_from;
            f.negated |= cf.negated;
            f.unrealised |= cf.unrealised;
            return f;
        }
        let mut g = t;
        while g > 0 && s.word(g - 1) == "\"" {
            g -= 1;
        }
        if g == 0 {
            return f;
        }
        // "agreed on Monday to scrap": when the word before "to" is no
        // verb or adjective, the tree names the governor.
        // Only adverbials may stand between ("offered a plan to host
        // talks in May to end the war" has an object and a verb there).
        if s.mention_at[g - 1].is_none() {
            let tags = doc.tagging(s);
            let governs = |k: usize| {
                tags.tokens
                    .get(k)
                    .is_some_and(|t| matches!(t.upos.as_str(), "VERB" | "AUX" | "ADJ"))
            };
            if !governs(g - 1) {
                let tree = doc.tree(s);
                if let Some(h) = tree.tokens.get(v).and_then(|t| t.head) {
                    // A tally ("voted 188 to 6 to ratify") is no object.
                    let adverbial_only = (h + 1..t).all(|k| {
                        tree.tokens.get(k).is_some_and(|x| {
                            let verb = matches!(x.upos.as_str(), "VERB" | "AUX");
                            let complement = x.head == Some(h)
                                && x.upos != "NUM"
                                && matches!(x.deprel.as_str(), "obj" | "iobj" | "ccomp" | "xcomp");
                            !verb && !complement
                        })
                    });
                    if h < t && governs(h) && adverbial_only {
                        g = h + 1;
                    }
                }
            }
        }
        let gw = s.word(g - 1);
        if s.mention_at[g - 1].is_some() {
            // "urged X to respect": the requested act has not happened.
            f.unrealised = true;
            f.subjects = compound(s, g - 1);
            return f;
        }
        if lexicon::clause_governor(gw, ClauseGovernor::Intent) {
            f.intent = true;
        } else if lexicon::clause_governor(gw, ClauseGovernor::Refusal) {
            f.negated = true;
        } else if lexicon::clause_governor(gw, ClauseGovernor::Threat) {
            f.threat = true;
        } else if !(lexicon::clause_governor(gw, ClauseGovernor::Catenative)
            || g >= 2 && pronoun(s.word(g - 2)).is_some())
        {
            // "began a strike to protest": a purpose, not an act.
            f.unrealised = true;
        }
        f.governor = Some(g - 1);
        // "its decision to recognise": the possessor acts.
        if g >= 2 {
            let p = g - 2;
            if let Some(sub) = possessor(doc, s, focus, p) {
                f.subjects = sub;
                return f;
            }
        }
        let gf = frame(doc, s, focus, g - 1, false, depth + 1);
        f.subjects = gf.subjects;
        f.reported_from = gf.reported_from;
        f.intent |= gf.intent;
        f.negated |= gf.negated;
        f.unrealised |= gf.unrealised;
        return f;
    }
    // "Ivory Coast rebels rejected a Senegalese plan and said ...": a
    // predicate coordinated by "and" with no subject of its own shares the
    // first one's, not the nearest actor in the first one's object.
    if j > 0 && s.word(j - 1) == "and" {
        let tree = doc.tree(s);
        let shared = tree.tokens.get(v).and_then(|t| {
            let h = t.head.filter(|&h| h < j - 1)?;
            let own_subject = tree
                .tokens
                .iter()
                .any(|x| x.head == Some(v) && x.deprel.starts_with("nsubj"));
            let verb = tree
                .tokens
                .get(h)
                .is_some_and(|g| matches!(g.upos.as_str(), "VERB" | "AUX"));
            (t.deprel == "conj" && verb && !own_subject).then_some(h)
        });
        if let Some(h) = shared {
            let mut hf = frame(doc, s, focus, h, false, depth + 1);
            // "X said Y had failed it and accused the bloc": when the shared
            // subject would act on itself (its object names the same
            // actor), the predicate is coordinated with the reporting verb
            // above, and shares its subject.
            let object = (v + 1..(v + 4).min(s.len())).find_map(|k| s.mention_at[k]);
            let on_itself = object.is_some_and(|m| {
                hf.subjects
                    .iter()
                    .any(|&x| doc.mentions[x].actor == doc.mentions[m].actor)
            });
            if on_itself {
                let tree = doc.tree(s);
                let above = tree
                    .tokens
                    .get(h)
                    .filter(|t| t.deprel == "ccomp")
                    .and_then(|t| t.head);
                if let Some(g) = above {
                    let gf = frame(doc, s, focus, g, false, depth + 1);
                    if !gf.subjects.is_empty() {
                        hf = gf;
                    }
                }
            }
            if !hf.subjects.is_empty() {
                f.subjects = hf.subjects;
                f.reported_from = hf.reported_from;
                f.unrealised |= conditional(s, j);
                return f;
            }
        }
    }
    // "boarded Philippine boats, injuring a sailor": an adverbial
    // participle after a comma shares the subject of the clause it hangs
    // on, not the object before it.
    if j == v && v > 1 && gerund && s.word(v - 1) == "," {
        let tree = doc.tree(s);
        let head = tree
            .tokens
            .get(v)
            .filter(|t| t.deprel == "advcl")
            .and_then(|t| t.head)
            .filter(|&h| h < v);
        if let Some(m) = head.and_then(|h| tree_subject(doc, s, h)) {
            f.subjects = compound(s, m);
            return f;
        }
    }
    let (subjects, reported) = subject_left(doc, s, focus, j, depth);
    f.subjects = subjects;
    f.reported_from = reported;
    f.unrealised |= conditional(s, j);
    // "A Chinese delegation led by Vice Premier He Lifeng arrived": when
    // the words before the verb give no subject, the tree's subject of a
    // finite verb does, through the actor modifying it.
    if f.subjects.is_empty()
        && j == v
        && doc
            .xpos(s, v)
            .is_some_and(|t| matches!(t, "VBD" | "VBZ" | "VBP"))
    {
        if let Some(m) = tree_subject(doc, s, v) {
            f.subjects = compound(s, m);
        }
    }
    f
}

/// The first token of an actor mention in the subject of verb `v` by the
/// tree: the subject's head word, or a word before it that modifies it ("a
/// Chinese delegation").
pub(crate) fn tree_subject(doc: &Doc, s: &Sent, v: usize) -> Option<usize> {
    let tree = doc.tree(s);
    let subject = tree
        .tokens
        .iter()
        .position(|t| t.head == Some(v) && t.deprel == "nsubj")?;
    let own = |k: usize| {
        k == subject
            || k < subject
                && tree.tokens.get(k).is_some_and(|t| {
                    t.head == Some(subject)
                        && matches!(t.deprel.as_str(), "amod" | "compound" | "nmod:poss")
                })
    };
    let k = (0..=subject)
        .rev()
        .find(|&k| own(k) && s.mention_at[k].is_some())?;
    Some(s.mention_range(k).map_or(k, |(a, _)| a))
}

/// The copula of "X became the first (state) to ...", "X is the only
/// member to ...", when the "to" at token `t` ends such a phrase: a form of
/// "be" or "become", "the", an ordinal or "only", then up to four words of
/// the noun phrase (no verb, no comma).
fn ordinal_role(s: &Sent, t: usize) -> Option<usize> {
    let o = (t.saturating_sub(6)..t)
        .rev()
        .find(|&k| lexicon::noun_opener(s.word(k), NounOpener::Ordinal))?;
    if o == 0 || !matches!(s.word(o - 1), "the" | "a") || o < 2 {
        return None;
    }
    if (o + 1..t).any(|k| matches!(s.word(k), "," | ";" | "that" | "which" | "who")) {
        return None;
    }
    let c = o - 2;
    lexicon::auxiliary(s.word(c), Auxiliary::Copula).then_some(c)
}

/// The speaker of a speech verb left of token `j` in the sentence ("X said
/// (that) ..."), if any.
pub(crate) fn reporting_speaker(doc: &Doc, s: &Sent, focus: &Focus, j: usize) -> Vec<usize> {
    (0..j)
        .rev()
        .take_while(|&k| s.word(k) != ";")
        .find(|&k| lexicon::speech_verb(s.word(k)))
        .map(|k| frame(doc, s, focus, k, false, 3).subjects)
        .unwrap_or_default()
}

/// Whether the clause ending at token `j` opens with "unless", "if", ...
pub(crate) fn conditional(s: &Sent, j: usize) -> bool {
    (j.saturating_sub(10)..j)
        .rev()
        .take_while(|&k| !matches!(s.word(k), "," | ";" | "\""))
        .any(|k| lexicon::clause_governor(s.word(k), ClauseGovernor::Conditional))
}

/// The possessor at token `p` ("its", "Russia's"), resolved.
pub(crate) fn possessor(doc: &Doc, s: &Sent, focus: &Focus, p: usize) -> Option<Vec<usize>> {
    let w = s.word(p);
    if matches!(w, "its" | "their") {
        return resolve_thing(doc, s, focus, p).map(|m| vec![m]);
    }
    if matches!(w, "his" | "her") {
        return focus.last_person.map(|m| vec![m]);
    }
    if s.mention_at[p].is_some() && (w.ends_with("'s") || s.word(p + 1) == "'") {
        return Some(compound(s, p));
    }
    None
}

/// The nearest actor mention before token `p` in the sentence that is not a
/// person, else the last such subject of the document.
pub(crate) fn resolve_thing(doc: &Doc, s: &Sent, focus: &Focus, p: usize) -> Option<usize> {
    (0..p)
        .rev()
        .filter_map(|k| s.mention_at[k])
        .find(|&m| !doc.is_person(m))
        .or(focus.last_thing)
}

/// The subject left of token `j`: the nearest mention, a pronoun, or the
/// speaker of a speech verb the clause is reported by.
fn subject_left(
    doc: &Doc,
    s: &Sent,
    focus: &Focus,
    j: usize,
    depth: usize,
) -> (Vec<usize>, Option<usize>) {
    // "as that would reward ...": a demonstrative subject names no actor.
    if j > 0 && matches!(s.word(j - 1), "that" | "this") && s.mention_at[j - 1].is_none() {
        let before = if j > 1 { s.word(j - 2) } else { "" };
        if matches!(
            before,
            "" | "," | ";" | "as" | "and" | "but" | "because" | "since" | "so" | "while"
        ) {
            return (Vec::new(), None);
        }
    }
    if let Some(subjects) = comitative_subjects(s, j) {
        return (subjects, None);
    }
    if let Some(head) = parenthetical_subject(doc, s, j) {
        return (compound(s, head), None);
    }
    let mut k = j;
    while k > 0 {
        k -= 1;
        let w = s.word(k);
        if let Some(m) = s.mention_at[k] {
            // "Pakistan, a key U.S. ally, has refused": the appositive
            // describes the subject before it.
            if let Some(head) = appositive_head(s, k, j) {
                return (compound(s, head), None);
            }
            // "The Red Cross operating in Iraq said": a place is not the
            // subject when an actor stands before it.
            // So is the object of "of" ("the Turkish and Greek sides of
            // the island of Cyprus agreed"): the head comes first, as it
            // does before a posting ("Russia's ambassador to the UN vetoed").
            // So is what an act before it was aimed at ("a Ukrainian drone
            // attack on a Russian airfield destroyed").
            let mut head = k;
            while let Some((a, _)) = s.mention_range(head) {
                let place = |w: &str| {
                    matches!(
                        w,
                        "in" | "at" | "near" | "from" | "of" | "to" | "for" | "on" | "against"
                    )
                };
                let placed = a > 0 && place(s.word(a - 1))
                    || a > 1 && matches!(s.word(a - 1), "the" | "a" | "an") && place(s.word(a - 2));
                let before = (a.saturating_sub(8)..a)
                    .rev()
                    .find(|&b| s.mention_at[b].is_some());
                match before {
                    Some(b) if placed => head = b,
                    _ => break,
                }
            }
            if head != k {
                return (compound(s, head), None);
            }
            // A bare sector ("the military") yields to a named actor just before it.
            if doc.mentions[m].kind == ActorKind::Group {
                let named = (k.saturating_sub(6)..k).rev().find(|&b| {
                    s.mention_at[b]
                        .map(|x| doc.mentions[x].kind != ActorKind::Group)
                        .unwrap_or(false)
                });
                if let Some(b) = named {
                    return (compound(s, b), None);
                }
            }
            return (compound(s, k), None);
        }
        if w == ";" {
            break;
        }
        if lexicon::speech_verb(w) {
            // "X said (that) Y ...": an empty inner subject is the speaker.
            let sf = frame(doc, s, focus, k, false, depth + 1);
            return (sf.subjects, Some(k + 1));
        }
        if let Some(p) = pronoun(w) {
            if matches!(w, "its" | "their" | "his" | "our" | "my") {
                continue; // a possessive inside the subject noun phrase
            }
            return (resolve_pronoun(doc, s, focus, k, p, depth), None);
        }
    }
    (Vec::new(), None)
}

/// "The rebels, who are backed by Rwanda, attacked", "Somali forces,
/// backed by AU troops, recaptured": a non-restrictive relative clause or
/// participle phrase, set off by commas, stands between the subject and
/// the verb whose clause starts at token `j`; the subject is the mention
/// that ends right before the opening comma (its last token).
fn parenthetical_subject(doc: &Doc, s: &Sent, j: usize) -> Option<usize> {
    if j < 4 || s.word(j - 1) != "," {
        return None;
    }
    let open = (j.saturating_sub(20)..j - 1)
        .rev()
        .find(|&c| s.word(c) == ",")?;
    if open == 0 || open + 2 >= j {
        return None;
    }
    s.mention_at[open - 1]?;
    let relative = matches!(s.word(open + 1), "who" | "which" | "whose");
    let participle = !relative && {
        let tags = doc.tagging(s);
        tags.tokens
            .get(open + 1)
            .is_some_and(|t| matches!(t.xpos.as_str(), "VBN" | "VBG"))
    };
    (relative || participle).then_some(open - 1)
}

/// "The Saudi foreign minister, along with his Emirati counterpart,
/// visited": a phrase of company set off by commas before the verb whose
/// clause starts at token `j` adds its actors to the subject before it.
fn comitative_subjects(s: &Sent, j: usize) -> Option<Vec<usize>> {
    if j < 4 || s.word(j - 1) != "," {
        return None;
    }
    let open = (j.saturating_sub(20)..j - 1)
        .rev()
        .find(|&c| s.word(c) == ",")?;
    if open == 0 {
        return None;
    }
    let company = matches!(
        (s.word(open + 1), s.word(open + 2)),
        ("along" | "together", "with") | ("accompanied" | "joined", "by")
    );
    if !company {
        return None;
    }
    s.mention_at[open - 1]?;
    let head = s.mention_range(open - 1).map_or(open - 1, |(a, _)| a);
    let mut subjects = compound(s, head);
    let inner = (open + 3..j - 1).find(|&k| s.mention_at[k].is_some())?;
    for m in compound(s, inner) {
        if !subjects.contains(&m) {
            subjects.push(m);
        }
    }
    Some(subjects)
}

/// When the mention at token `k` sits in an appositive ("X, a ... ,")
/// that closes before token `j`, the token of X.
fn appositive_head(s: &Sent, k: usize, j: usize) -> Option<usize> {
    let close = (k + 1..j).find(|&c| s.word(c) == ",")?;
    let open = (k.saturating_sub(10)..k)
        .rev()
        .find(|&c| s.word(c) == ",")?;
    if !matches!(s.word(open + 1), "a" | "an" | "the") || open == 0 || close <= k {
        return None;
    }
    s.mention_at[open - 1].map(|_| open - 1)
}

/// Resolves the pronoun at token `k`.
pub(crate) fn resolve_pronoun(
    doc: &Doc,
    s: &Sent,
    focus: &Focus,
    k: usize,
    p: Pronoun,
    depth: usize,
) -> Vec<usize> {
    // "X said (last week) she/it ...": the speaker.
    if p != Pronoun::First {
        for b in (k.saturating_sub(5)..k).rev() {
            if s.mention_at[b].is_some() {
                break;
            }
            if lexicon::speech_verb(s.word(b)) {
                let sf = frame(doc, s, focus, b, false, depth + 1);
                let fits = sf
                    .subjects
                    .first()
                    .map(|&m| doc.is_person(m) == (p == Pronoun::Person));
                if fits.unwrap_or(false) {
                    return sf.subjects;
                }
                break;
            }
        }
    }
    match p {
        Pronoun::First => {
            let at = s.toks.get(k).map(|t| t.span.start).unwrap_or(0);
            doc.quote_at(at)
                .and_then(|q| focus.quote_speakers.get(q).copied().flatten())
                .into_iter()
                .collect()
        }
        Pronoun::Person => focus.last_person.into_iter().collect(),
        Pronoun::Thing => resolve_thing(doc, s, focus, k).into_iter().collect(),
    }
}

/// "troops, supported by Fano militias,": whether the verb at token `v` is
/// a past participle after a comma with its agent, a reduced passive
/// relative clause.
pub(crate) fn reduced_passive(doc: &Doc, s: &Sent, v: usize) -> bool {
    v > 0 && s.word(v - 1) == "," && s.word(v + 1) == "by" && doc.xpos(s, v) == Some("VBN")
}

/// Whether the token at `k` reads as a noun: after a determiner, a
/// preposition or a possessive.
pub(crate) fn after_determiner(s: &Sent, k: usize) -> bool {
    if k == 0 {
        return false;
    }
    let p = s.word(k - 1);
    lexicon::noun_opener(p, NounOpener::Determiner)
        || p.ends_with("'s")
        || p == "'"
        || p.chars().all(|c| c.is_ascii_digit())
}
