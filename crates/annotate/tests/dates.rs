//! Table-driven tests of temporal expressions, resolved against a
//! publication date.

use chrono::NaiveDate;
use entente_annotate::dates::find_dates;
use entente_core::DatePrecision;

struct Case {
    name: &'static str,
    published: &'static str,
    text: &'static str,
    /// The expression expected (its text), its date and precision.
    expr: &'static str,
    date: &'static str,
    precision: DatePrecision,
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

/// Published Friday 8 April 2022.
const RELATIVE: &[Case] = &[
    Case {
        name: "past weekday",
        published: "2022-04-08",
        text: "Ministers met on Thursday.",
        expr: "Thursday",
        date: "2022-04-07",
        precision: DatePrecision::Day,
    },
    Case {
        name: "past weekday earlier in week",
        published: "2022-04-08",
        text: "she said on Tuesday.",
        expr: "Tuesday",
        date: "2022-04-05",
        precision: DatePrecision::Day,
    },
    Case {
        name: "future weekday",
        published: "2022-04-08",
        text: "They will meet on Monday.",
        expr: "Monday",
        date: "2022-04-11",
        precision: DatePrecision::Day,
    },
    Case {
        name: "last week is the Monday of the week before",
        published: "2022-04-08",
        text: "The Government announced last week it would act.",
        expr: "last week",
        date: "2022-03-28",
        precision: DatePrecision::Week,
    },
    Case {
        name: "past month",
        published: "2022-04-08",
        text: "the deployment of 65 personnel in December",
        expr: "December",
        date: "2021-12-01",
        precision: DatePrecision::Month,
    },
    Case {
        name: "future day and month",
        published: "2022-04-08",
        text: "to be reviewed on May 31.",
        expr: "May 31",
        date: "2022-05-31",
        precision: DatePrecision::Day,
    },
    Case {
        name: "past day and month",
        published: "2022-04-08",
        text: "It happened on March 3.",
        expr: "March 3",
        date: "2022-03-03",
        precision: DatePrecision::Day,
    },
    Case {
        name: "yesterday",
        published: "2022-04-08",
        text: "He left yesterday.",
        expr: "yesterday",
        date: "2022-04-07",
        precision: DatePrecision::Day,
    },
    Case {
        name: "today",
        published: "2022-04-08",
        text: "They meet today.",
        expr: "today",
        date: "2022-04-08",
        precision: DatePrecision::Day,
    },
    Case {
        name: "last month",
        published: "2022-04-08",
        text: "Talks failed last month.",
        expr: "last month",
        date: "2022-03-01",
        precision: DatePrecision::Month,
    },
    Case {
        name: "next month across a year",
        published: "2021-12-15",
        text: "Talks resume next month.",
        expr: "next month",
        date: "2022-01-01",
        precision: DatePrecision::Month,
    },
    Case {
        name: "earlier this year",
        published: "2022-04-08",
        text: "It began earlier this year.",
        expr: "earlier this year",
        date: "2022-01-01",
        precision: DatePrecision::Year,
    },
    Case {
        name: "in a year",
        published: "2022-04-08",
        text: "The treaty was signed in 1949.",
        expr: "1949",
        date: "1949-01-01",
        precision: DatePrecision::Year,
    },
];

const EXPLICIT: &[Case] = &[
    Case {
        name: "day month year",
        published: "2022-04-08",
        text: "On 8 April 2022 it ended.",
        expr: "8 April 2022",
        date: "2022-04-08",
        precision: DatePrecision::Day,
    },
    Case {
        name: "month day, year",
        published: "2023-01-01",
        text: "On April 8, 2022 it ended.",
        expr: "April 8, 2022",
        date: "2022-04-08",
        precision: DatePrecision::Day,
    },
    Case {
        name: "iso",
        published: "2023-01-01",
        text: "dated 2022-04-08 in the file",
        expr: "2022-04-08",
        date: "2022-04-08",
        precision: DatePrecision::Day,
    },
    Case {
        name: "month year",
        published: "2023-01-01",
        text: "since December 2021",
        expr: "December 2021",
        date: "2021-12-01",
        precision: DatePrecision::Month,
    },
];

fn run(cases: &[Case]) {
    for c in cases {
        let found = find_dates(c.text, d(c.published));
        let hit = found.iter().find(|e| e.span.slice(c.text) == c.expr);
        let Some(e) = hit else {
            panic!(
                "case {:?}: {:?} not found in {:?}; found {:?}",
                c.name, c.expr, c.text, found
            );
        };
        assert_eq!(
            e.date,
            d(c.date),
            "case {:?}: help: check the tense cues",
            c.name
        );
        assert_eq!(e.precision, c.precision, "case {:?}", c.name);
        assert!(
            e.range.0 <= e.date && e.date <= e.range.1,
            "case {:?}: date outside range",
            c.name
        );
    }
}

#[test]
fn relative_expressions() {
    run(RELATIVE);
}

#[test]
fn explicit_dates() {
    run(EXPLICIT);
}

#[test]
fn last_week_range_covers_the_week() {
    let f = find_dates("announced last week", d("2022-04-08"));
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].range, (d("2022-03-28"), d("2022-04-03")));
}

#[test]
fn may_the_verb_is_not_a_date() {
    assert!(find_dates("We may not have enough weapons.", d("2022-04-08")).is_empty());
    assert!(find_dates("They may meet.", d("2022-04-08")).is_empty());
}

#[test]
fn no_panic_on_odd_input() {
    for t in [
        "",
        "on",
        "last",
        "May 99",
        "31 February",
        "earlier this",
        "2022-13-45",
        "in 99999",
    ] {
        let _ = find_dates(t, d("2022-04-08"));
    }
}
