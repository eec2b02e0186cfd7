//! Table-driven tests of the sentence splitter.

use entente_annotate::sentences::split_sentences;

struct Case {
    name: &'static str,
    text: &'static str,
    sentences: &'static [&'static str],
}

const BASICS: &[Case] = &[
    Case {
        name: "two plain sentences",
        text: "NATO agreed. China objected.",
        sentences: &["NATO agreed.", "China objected."],
    },
    Case {
        name: "question and exclamation",
        text: "Why now? Nobody knows! It ended.",
        sentences: &["Why now?", "Nobody knows!", "It ended."],
    },
    Case {
        name: "paragraph break always ends a sentence",
        text: "The talks went on\n\nNo deal was reached",
        sentences: &["The talks went on", "No deal was reached"],
    },
];

const ABBREVIATIONS: &[Case] = &[
    Case {
        name: "titles",
        text: "Mr. Smith met Gen. Jones in St. Louis. They talked.",
        sentences: &["Mr. Smith met Gen. Jones in St. Louis.", "They talked."],
    },
    Case {
        name: "dotted acronym inside a sentence",
        text: "The U.S. Navy sailed. It left.",
        sentences: &["The U.S. Navy sailed.", "It left."],
    },
    Case {
        name: "dotted acronym ending a sentence",
        text: "He flew to the U.S. The talks began.",
        sentences: &["He flew to the U.S.", "The talks began."],
    },
    Case {
        name: "initials",
        text: "George W. Bush spoke. J. R. Smith listened.",
        sentences: &["George W. Bush spoke.", "J. R. Smith listened."],
    },
    Case {
        name: "decimals",
        text: "Growth was 3.5 percent. Prices rose.",
        sentences: &["Growth was 3.5 percent.", "Prices rose."],
    },
];

const QUOTES: &[Case] = &[
    Case {
        name: "closing quote stays with its sentence",
        text: "\"We will act.\" The minister left.",
        sentences: &["\"We will act.\"", "The minister left."],
    },
    Case {
        name: "attribution after a quoted question",
        text: "\"Why now?\" she asked. Nobody answered.",
        sentences: &["\"Why now?\" she asked.", "Nobody answered."],
    },
    Case {
        name: "quote spanning two sentences",
        text: "\"I agree. We act now,\" he said.",
        sentences: &["\"I agree.", "We act now,\" he said."],
    },
];

fn run(cases: &[Case]) {
    for c in cases {
        let got: Vec<&str> = split_sentences(c.text)
            .iter()
            .map(|s| s.slice(c.text))
            .collect();
        assert_eq!(
            got, c.sentences,
            "case {:?}: help: check ABBREVIATIONS and is_boundary",
            c.name
        );
    }
}

#[test]
fn basics() {
    run(BASICS);
}

#[test]
fn abbreviations() {
    run(ABBREVIATIONS);
}

#[test]
fn quotes() {
    run(QUOTES);
}

#[test]
fn no_panic_on_odd_input() {
    for t in [
        "",
        ".",
        "...",
        "\"",
        "é. É.",
        "a.\u{201D} B",
        "\n\n\n",
        "U.S.",
        "1,2.3. x",
    ] {
        let spans = split_sentences(t);
        for s in spans {
            assert!(s.end <= t.len());
        }
    }
}
