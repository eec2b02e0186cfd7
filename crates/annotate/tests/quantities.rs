//! Table-driven tests of counts and their qualifiers.

use entente_annotate::quantities::{find_quantities, Qualifier};
use entente_core::Personnel;

struct Case {
    name: &'static str,
    text: &'static str,
    expr: &'static str,
    value: f64,
    qualifier: Qualifier,
}

const NUMBERS: &[Case] = &[
    Case {
        name: "digits",
        text: "the deployment of 65 personnel",
        expr: "65",
        value: 65.0,
        qualifier: Qualifier::Exactly,
    },
    Case {
        name: "word",
        text: "dispatched nine analysts",
        expr: "nine",
        value: 9.0,
        qualifier: Qualifier::Exactly,
    },
    Case {
        name: "hyphenated word",
        text: "sixty-five soldiers",
        expr: "sixty-five",
        value: 65.0,
        qualifier: Qualifier::Exactly,
    },
    Case {
        name: "thousands separator",
        text: "1,200 troops",
        expr: "1,200",
        value: 1200.0,
        qualifier: Qualifier::Exactly,
    },
    Case {
        name: "two dozen",
        text: "two dozen police",
        expr: "two dozen",
        value: 24.0,
        qualifier: Qualifier::Exactly,
    },
    Case {
        name: "decimal scale",
        text: "3.5 million people",
        expr: "3.5 million",
        value: 3_500_000.0,
        qualifier: Qualifier::Exactly,
    },
    Case {
        name: "word scale",
        text: "one hundred and fifty sailors",
        expr: "one hundred and fifty",
        value: 150.0,
        qualifier: Qualifier::Exactly,
    },
    Case {
        name: "a thousand",
        text: "a thousand marines",
        expr: "a thousand",
        value: 1000.0,
        qualifier: Qualifier::Exactly,
    },
];

const QUALIFIERS: &[Case] = &[
    Case {
        name: "up to",
        text: "up to five Defence Force personnel",
        expr: "up to five",
        value: 5.0,
        qualifier: Qualifier::AtMost,
    },
    Case {
        name: "more than is strict",
        text: "more than 20 troops",
        expr: "more than 20",
        value: 21.0,
        qualifier: Qualifier::AtLeast,
    },
    Case {
        name: "at least",
        text: "at least 20 troops",
        expr: "at least 20",
        value: 20.0,
        qualifier: Qualifier::AtLeast,
    },
    Case {
        name: "fewer than is strict",
        text: "fewer than 10 observers",
        expr: "fewer than 10",
        value: 9.0,
        qualifier: Qualifier::AtMost,
    },
    Case {
        name: "about",
        text: "about 300 soldiers",
        expr: "about 300",
        value: 300.0,
        qualifier: Qualifier::About,
    },
    Case {
        name: "dozens",
        text: "dozens of protesters",
        expr: "dozens",
        value: 24.0,
        qualifier: Qualifier::AtLeast,
    },
    Case {
        name: "as many as",
        text: "as many as 40 ships",
        expr: "as many as 40",
        value: 40.0,
        qualifier: Qualifier::AtMost,
    },
];

fn run(cases: &[Case]) {
    for c in cases {
        let found = find_quantities(c.text);
        let Some(q) = found.iter().find(|q| q.span.slice(c.text) == c.expr) else {
            panic!(
                "case {:?}: {:?} not found; found {:?}",
                c.name, c.expr, found
            );
        };
        assert_eq!(q.value, c.value, "case {:?}", c.name);
        assert_eq!(
            q.qualifier, c.qualifier,
            "case {:?}: help: see the table in quantities.rs",
            c.name
        );
    }
}

#[test]
fn numbers() {
    run(NUMBERS);
}

#[test]
fn qualifiers() {
    run(QUALIFIERS);
}

#[test]
fn years_and_days_are_not_counts() {
    assert!(find_quantities("in 2022 and on May 31").is_empty());
}

#[test]
fn personnel_reading() {
    let q = find_quantities("up to five personnel");
    assert_eq!(
        q.first().and_then(|q| q.personnel()),
        Some(Personnel::AtMost(5))
    );
}
