//! Table-driven tests of temporal expressions, resolved against a
//! publication date.

use chrono::NaiveDate;
use entente_annotate::dates::{find_dates, DateRole};
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

/// A date read with its clause's tense and its role.
struct Read {
    name: &'static str,
    published: &'static str,
    text: &'static str,
    expr: &'static str,
    date: &'static str,
    role: DateRole,
}

const P: DateRole = DateRole::Point;
const START: DateRole = DateRole::Start;
const END: DateRole = DateRole::End;

/// Published Monday 15 January 2024 unless said otherwise (issue 10, item 5).
const TENSE: &[Read] = &[
    Read {
        name: "past month in a January story is last year's",
        published: "2024-01-15",
        text: "The talks took place in December.",
        expr: "December",
        date: "2023-12-01",
        role: P,
    },
    Read {
        name: "future month in a January story is this year's",
        published: "2024-01-15",
        text: "The summit will take place in December.",
        expr: "December",
        date: "2024-12-01",
        role: P,
    },
    Read {
        name: "past weekday",
        published: "2024-01-15",
        text: "Ministers met on Friday.",
        expr: "Friday",
        date: "2024-01-12",
        role: P,
    },
    Read {
        name: "future weekday",
        published: "2024-01-15",
        text: "Ministers will meet on Friday.",
        expr: "Friday",
        date: "2024-01-19",
        role: P,
    },
    Read {
        name: "a fronted month takes the tense of the clause after it",
        published: "2024-01-15",
        text: "In November, rebels attacked the garrison.",
        expr: "November",
        date: "2023-11-01",
        role: P,
    },
    Read {
        name: "a fronted month before a future clause",
        published: "2024-01-15",
        text: "In November, voters will elect a new parliament.",
        expr: "November",
        date: "2024-11-01",
        role: P,
    },
    Read {
        name: "past tense with a month ahead of the publication month",
        published: "2024-01-15",
        text: "Rebels seized the port in March.",
        expr: "March",
        date: "2023-03-01",
        role: P,
    },
    Read {
        name: "present perfect",
        published: "2024-01-15",
        text: "The navy has deployed two frigates in October.",
        expr: "October",
        date: "2023-10-01",
        role: P,
    },
    Read {
        name: "passive past",
        published: "2024-01-15",
        text: "The embassy was closed on Thursday.",
        expr: "Thursday",
        date: "2024-01-11",
        role: P,
    },
    Read {
        name: "is to",
        published: "2024-01-15",
        text: "Parliament is to vote on the treaty in March.",
        expr: "March",
        date: "2024-03-01",
        role: P,
    },
    Read {
        name: "is due to",
        published: "2024-01-15",
        text: "The envoy is due to arrive in Kyiv on Thursday.",
        expr: "Thursday",
        date: "2024-01-18",
        role: P,
    },
    Read {
        name: "plans to",
        published: "2024-01-15",
        text: "The government plans to hold a referendum in October.",
        expr: "October",
        date: "2024-10-01",
        role: P,
    },
    Read {
        name: "is expected to",
        published: "2024-01-15",
        text: "The fleet is expected to sail in June.",
        expr: "June",
        date: "2024-06-01",
        role: P,
    },
    Read {
        name: "going to",
        published: "2024-01-15",
        text: "They are going to sign the accord on Saturday.",
        expr: "Saturday",
        date: "2024-01-20",
        role: P,
    },
    Read {
        name: "to be and a day and month",
        published: "2024-01-15",
        text: "The accord is to be signed on 3 February.",
        expr: "3 February",
        date: "2024-02-03",
        role: P,
    },
    Read {
        name: "past day and month later in the year",
        published: "2024-01-15",
        text: "The border was reopened on 3 November.",
        expr: "3 November",
        date: "2023-11-03",
        role: P,
    },
    Read {
        name: "the publication month in the past",
        published: "2024-01-15",
        text: "The envoy arrived in January.",
        expr: "January",
        date: "2024-01-01",
        role: P,
    },
    Read {
        name: "the publication month in the future",
        published: "2024-01-15",
        text: "The envoy will return in January.",
        expr: "January",
        date: "2024-01-01",
        role: P,
    },
    Read {
        name: "last December in January",
        published: "2024-01-15",
        text: "Elections were held last December.",
        expr: "last December",
        date: "2023-12-01",
        role: P,
    },
    Read {
        name: "last January in January is a year back",
        published: "2024-01-15",
        text: "Prices rose sharply last January.",
        expr: "last January",
        date: "2023-01-01",
        role: P,
    },
    Read {
        name: "next January in January is a year ahead",
        published: "2024-01-15",
        text: "Talks resume next January.",
        expr: "next January",
        date: "2025-01-01",
        role: P,
    },
    Read {
        name: "no tense cue: the past one, as news mostly reports",
        published: "2024-01-15",
        text: "Ceasefire talks on Wednesday",
        expr: "Wednesday",
        date: "2024-01-10",
        role: P,
    },
    Read {
        name: "no tense cue and a month ahead: still the past one",
        published: "2024-01-15",
        text: "Talks in March, according to a media report.",
        expr: "March",
        date: "2023-03-01",
        role: P,
    },
    Read {
        name: "a past verb far back in a long clause",
        published: "2024-01-15",
        text: "Envoys held talks with leaders of the new interim government in the capital on Wednesday.",
        expr: "Wednesday",
        date: "2024-01-10",
        role: P,
    },
    Read {
        name: "agreed to: the nearer weekday",
        published: "2024-01-15",
        text: "Both sides agreed to resume talks on Wednesday.",
        expr: "Wednesday",
        date: "2024-01-17",
        role: P,
    },
    Read {
        name: "would leaves the tense open: the nearer month",
        published: "2024-01-15",
        text: "The minister said the vote would take place in February.",
        expr: "February",
        date: "2024-02-01",
        role: P,
    },
    Read {
        name: "until a day and month after an extension is ahead",
        published: "2024-01-15",
        text: "The mission was extended until September 30.",
        expr: "September 30",
        date: "2024-09-30",
        role: END,
    },
    Read {
        name: "until a month in a future clause",
        published: "2024-01-15",
        text: "Troops will stay until March.",
        expr: "March",
        date: "2024-03-01",
        role: END,
    },
    Read {
        name: "until in a plainly past clause",
        published: "2024-01-15",
        text: "The truce held until March.",
        expr: "March",
        date: "2023-03-01",
        role: END,
    },
    Read {
        name: "till day month",
        published: "2024-01-15",
        text: "The curfew stays in force till 30 April.",
        expr: "30 April",
        date: "2024-04-30",
        role: END,
    },
    Read {
        name: "through a month",
        published: "2024-01-15",
        text: "The exercise continues through February.",
        expr: "February",
        date: "2024-02-01",
        role: END,
    },
    Read {
        name: "by the end of",
        published: "2024-01-15",
        text: "Foreign troops must leave by the end of May.",
        expr: "May",
        date: "2024-05-01",
        role: END,
    },
    Read {
        name: "expires on",
        published: "2024-01-15",
        text: "The mandate expires on 31 July.",
        expr: "31 July",
        date: "2024-07-31",
        role: END,
    },
    Read {
        name: "runs until a year",
        published: "2024-01-15",
        text: "The lease runs until 2030.",
        expr: "2030",
        date: "2030-01-01",
        role: END,
    },
    Read {
        name: "from a year: a start",
        published: "2024-01-15",
        text: "The agreement runs from 2024 to 2027.",
        expr: "2024",
        date: "2024-01-01",
        role: START,
    },
    Read {
        name: "to a year after from: an end",
        published: "2024-01-15",
        text: "The agreement runs from 2024 to 2027.",
        expr: "2027",
        date: "2027-01-01",
        role: END,
    },
    Read {
        name: "from a month to a month",
        published: "2024-01-15",
        text: "Patrols will run from March to May.",
        expr: "May",
        date: "2024-05-01",
        role: END,
    },
    Read {
        name: "since a month: a start in the past",
        published: "2024-01-15",
        text: "Since May, the ships have patrolled the strait.",
        expr: "May",
        date: "2023-05-01",
        role: START,
    },
    Read {
        name: "since with a present tense is still past",
        published: "2024-01-15",
        text: "The port is closed since October.",
        expr: "October",
        date: "2023-10-01",
        role: START,
    },
    Read {
        name: "from a month onwards",
        published: "2024-01-15",
        text: "The ban applies from April onwards.",
        expr: "April",
        date: "2024-04-01",
        role: START,
    },
    Read {
        name: "a review date",
        published: "2024-01-15",
        text: "The deployment will be reviewed in June.",
        expr: "June",
        date: "2024-06-01",
        role: DateRole::Review,
    },
    Read {
        name: "yesterday",
        published: "2024-01-15",
        text: "Shelling resumed yesterday.",
        expr: "yesterday",
        date: "2024-01-14",
        role: P,
    },
    Read {
        name: "on Tuesday in the past",
        published: "2024-01-15",
        text: "Drones struck the depot on Tuesday.",
        expr: "Tuesday",
        date: "2024-01-09",
        role: P,
    },
    Read {
        name: "last week",
        published: "2024-01-15",
        text: "The envoy resigned last week.",
        expr: "last week",
        date: "2024-01-08",
        role: P,
    },
    Read {
        name: "next month",
        published: "2024-01-15",
        text: "Delegations meet again next month.",
        expr: "next month",
        date: "2024-02-01",
        role: P,
    },
    Read {
        name: "two days ago",
        published: "2024-01-15",
        text: "The convoy left two days ago.",
        expr: "two days ago",
        date: "2024-01-13",
        role: P,
    },
    Read {
        name: "a year ago",
        published: "2024-01-15",
        text: "The war began a year ago.",
        expr: "a year ago",
        date: "2023-01-01",
        role: P,
    },
    Read {
        name: "3 weeks ago is that week's Monday",
        published: "2024-01-15",
        text: "Talks collapsed 3 weeks ago.",
        expr: "3 weeks ago",
        date: "2023-12-25",
        role: P,
    },
];

#[test]
fn tense_and_role() {
    for c in TENSE {
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
            "case {:?}: help: check the tense cues (clue_at) and tense_for",
            c.name
        );
        assert_eq!(e.role, c.role, "case {:?}: help: check role_of", c.name);
        assert!(
            e.range.0 <= e.date && e.date <= e.range.1,
            "case {:?}: date outside range",
            c.name
        );
    }
}

#[test]
fn counts_are_not_years() {
    let f = find_dates("Troops rose from 1900 to 2000 soldiers.", d("2024-01-15"));
    assert!(
        f.is_empty(),
        "help: a year needs a free word after it: {f:?}"
    );
    let f = find_dates("The army won by 2000 votes.", d("2024-01-15"));
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn calendar_ends_do_not_panic() {
    let last = d("2200-12-31");
    let f = find_dates("Elections will be held next year.", last);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].date, d("2201-01-01"));
    for day in [NaiveDate::MIN, NaiveDate::MAX, last, d("1800-01-01")] {
        for t in [
            "next year",
            "last year",
            "next month",
            "will meet in December",
            "met in January",
            "will meet on Friday",
            "met on Monday",
            "until 31 December",
            "since 1 January",
            "9999 years ago",
            "12 months ago",
            "two weeks ago",
            "from 2024 to 2027",
            "this Sunday and this December",
            "Talks in March and on Wednesday",
        ] {
            for e in find_dates(t, day) {
                assert!(e.range.0 <= e.range.1, "{t} at {day}");
            }
        }
    }
}

/// Random sentences built from date and tense words, at the ends of the
/// calendar: nothing may panic and every range must be ordered.
#[test]
fn no_panic_on_random_date_words() {
    const VOCAB: &[&str] = &[
        "on",
        "in",
        "until",
        "from",
        "to",
        "since",
        "by",
        "the",
        "end",
        "of",
        "will",
        "was",
        "extended",
        "met",
        "last",
        "next",
        "this",
        "ago",
        "two",
        "a",
        "days",
        "week",
        "months",
        "year",
        "May",
        "December",
        "Friday",
        "31",
        "2027",
        "1800",
        "2200",
        ",",
        ".",
        "onwards",
        "is",
        "have",
        "patrolled",
        "be",
        "reviewed",
        "expires",
        "would",
        "30th",
        "Sept.",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let len = (next() % 12) as usize;
        let text: Vec<&str> = (0..len)
            .map(|_| VOCAB[(next() % VOCAB.len() as u64) as usize])
            .collect();
        let text = text.join(" ");
        for day in [
            NaiveDate::MIN,
            NaiveDate::MAX,
            d("2024-01-15"),
            d("2200-12-31"),
        ] {
            for e in find_dates(&text, day) {
                assert!(e.range.0 <= e.range.1, "{text:?} at {day}");
                assert!(text.get(e.span.start..e.span.end).is_some(), "{text:?}");
            }
        }
    }
}
