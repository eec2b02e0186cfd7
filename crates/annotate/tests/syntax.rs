//! The shipped syntax model on sentences written for these tests: who is
//! the subject, the object, the agent; what the lemmas are; that nothing
//! panics.

use entente_annotate::syntax::{Parse, Syntax};

fn parse(s: &str) -> Parse {
    Syntax::embedded().analyse(s)
}

fn index(p: &Parse, form: &str) -> usize {
    p.tokens
        .iter()
        .position(|t| t.form == form)
        .unwrap_or_else(|| panic!("no {form:?} in {p:#?}"))
}

/// The verb with lemma `lemma`.
fn verb(p: &Parse, lemma: &str) -> usize {
    p.tokens
        .iter()
        .position(|t| t.lemma == lemma)
        .unwrap_or_else(|| panic!("no {lemma:?} in {p:#?}"))
}

#[test]
fn subject_and_object_of_active_verbs() {
    for (s, v, subj, obj) in [
        (
            "Russia moved troops to Belarus.",
            "move",
            "Russia",
            "troops",
        ),
        (
            "China condemned the deal on Monday.",
            "condemn",
            "China",
            "deal",
        ),
        (
            "The ministers signed a new security pact in Warsaw.",
            "sign",
            "ministers",
            "pact",
        ),
        ("Finland joined NATO in April.", "join", "Finland", "NATO"),
    ] {
        let p = parse(s);
        let v = verb(&p, v);
        assert_eq!(
            p.subject(v).map(|k| p.tokens[k].form.as_str()),
            Some(subj),
            "{s}: {p:#?}"
        );
        assert_eq!(
            p.object(v).map(|k| p.tokens[k].form.as_str()),
            Some(obj),
            "{s}: {p:#?}"
        );
    }
}

#[test]
fn a_passive_has_its_agent_in_a_by_phrase() {
    for s in [
        "The convoy was attacked by militants near the border.",
        "The embassy was attacked by protesters on Friday.",
    ] {
        let p = parse(s);
        let v = verb(&p, "attack");
        assert!(p.is_passive(v), "{s}: {p:#?}");
        let subj = p.subject(v).map(|k| p.tokens[k].deprel.clone());
        assert_eq!(subj.as_deref(), Some("nsubj:pass"), "{s}");
        assert!(p.agent(v).is_some(), "{s}: {p:#?}");
    }
}

#[test]
fn coordinated_subjects_are_conjuncts() {
    let p = parse("France and Germany signed the agreement.");
    let v = verb(&p, "sign");
    let first = p.subject(v).expect("subject");
    assert_eq!(p.tokens[first].form, "France");
    let conj: Vec<&str> = p
        .conjuncts(first)
        .iter()
        .map(|&k| p.tokens[k].form.as_str())
        .collect();
    assert_eq!(conj, ["Germany"]);
}

/// A prepositional phrase keeps its preposition. (Where it attaches, to
/// the verb as `obl` or to the object as `nmod`, is the greedy parser's
/// weakest point: "sent two frigates to the Red Sea" hangs "Sea" on
/// "frigates"; the event coder looks at both.)
#[test]
fn obliques_carry_their_preposition() {
    for (s, noun, prep) in [
        ("Britain sent two frigates to the Red Sea.", "Sea", "to"),
        (
            "Poland deployed soldiers along its border with Belarus.",
            "border",
            "along",
        ),
        ("The talks were held in Geneva.", "Geneva", "in"),
    ] {
        let p = parse(s);
        let k = index(&p, noun);
        assert_eq!(p.preposition(k).as_deref(), Some(prep), "{s}: {p:#?}");
        assert!(
            p.tokens[k].deprel.starts_with("obl") || p.tokens[k].deprel.starts_with("nmod"),
            "{s}: {p:#?}"
        );
    }
}

#[test]
fn negation_is_read_from_the_tree() {
    let p = parse("Turkey did not approve the application.");
    assert!(p.is_negated(verb(&p, "approve")));
    let p = parse("Turkey approved the application.");
    assert!(!p.is_negated(verb(&p, "approve")));
}

#[test]
fn spans_point_into_the_sentence() {
    let s = "Mr. Smith said “we will go” — twice, in Zürich.";
    let p = parse(s);
    for t in &p.tokens {
        assert_eq!(s.get(t.span.start..t.span.end), Some(t.form.as_str()));
    }
    let span = p.subtree_span(p.root().expect("root"));
    assert!(span.start == 0 && span.end <= s.len());
}

#[test]
fn every_tree_has_one_root_and_no_cycles() {
    for s in [
        "",
        "...",
        "!!! ??? ,,,",
        "🙂 🙂 🙂",
        "e\u{301}e\u{301} de\u{301}ja\u{300}",
        &"The alliance said it would respond. ".repeat(80),
    ] {
        let p = parse(s);
        if p.tokens.is_empty() {
            continue;
        }
        let roots = p.tokens.iter().filter(|t| t.head.is_none()).count();
        assert_eq!(roots, 1, "{s:?}");
        for start in 0..p.tokens.len() {
            let mut at = start;
            let mut steps = 0;
            while let Some(h) = p.tokens[at].head {
                at = h;
                steps += 1;
                assert!(steps <= p.tokens.len(), "a cycle in {s:?}");
            }
        }
    }
}

/// Scare quotes inside a noun phrase leave the phrase whole: the noun is
/// still the verb's object, and the marks hang on the quoted words.
#[test]
fn scare_quotes_inside_a_noun_phrase() {
    for (s, v, obj, quoted) in [
        (
            "Armenia signed an “incredibly painful” deal with Azerbaijan.",
            "sign",
            "deal",
            "painful",
        ),
        (
            "Moscow launched what it calls a \"special military operation\" in Ukraine.",
            "launch",
            "operation",
            "operation",
        ),
        (
            "Seoul condemned the “reckless” launch by Pyongyang.",
            "condemn",
            "launch",
            "reckless",
        ),
    ] {
        let p = parse(s);
        let v = verb(&p, v);
        let o = index(&p, obj);
        assert!(
            p.tokens[o].head == Some(v) || p.tokens[o].deprel == "obj",
            "{s}: {obj} not the object: {p:#?}"
        );
        let q = index(&p, quoted);
        for (i, t) in p.tokens.iter().enumerate() {
            if matches!(t.form.as_str(), "“" | "”" | "\"") {
                assert_eq!(t.deprel, "punct", "{s}");
                assert_eq!(t.head, Some(q), "{s}: mark {i} hangs elsewhere");
            }
        }
    }
}
