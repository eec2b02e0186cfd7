//! GDELT 2.0 rows: 61 columns in GDELT's order.

use chrono::NaiveDate;
use entente_code::{code_text, gdelt_header, gdelt_row, Coverage, GDELT_COLUMNS};
use entente_core::{ActorKind, DocId, Document, Mention, OffsetMap, Origin};

fn doc(text: &str) -> Document {
    Document {
        id: DocId::from_content(text),
        origin: Origin::file("t.txt"),
        external_id: Some("t1".into()),
        url: Some("https://example.invalid/a".into()),
        title: None,
        published: NaiveDate::from_ymd_opt(2022, 4, 8),
        source: None,
        text: text.to_string(),
        paragraphs: vec![],
        related_links: vec![],
        dropped: vec![],
        offsets: OffsetMap::identity(),
    }
}

fn state(text: &str, name: &str, code: &str) -> Mention {
    let start = text.find(name).unwrap_or(0);
    Mention {
        text: name.into(),
        start,
        end: start + name.len(),
        code: code.into(),
        actor: code[..3].into(),
        kind: ActorKind::State,
        name: name.into(),
        role: None,
        sector: None,
        affiliation: None,
        confidence: 1.0,
        candidates: vec![],
    }
}

#[test]
fn row_has_61_columns_in_order() {
    assert_eq!(GDELT_COLUMNS.len(), 61);
    assert_eq!(GDELT_COLUMNS[0], "GLOBALEVENTID");
    assert_eq!(GDELT_COLUMNS[26], "EventCode");
    assert_eq!(GDELT_COLUMNS[60], "SOURCEURL");
    assert_eq!(gdelt_header().split('\t').count(), 61);
    let text = "The Government of Russia attacked Ukraine on Thursday.";
    let d = doc(text);
    let m = [
        state(text, "Government of Russia", "RUSGOV"),
        state(text, "Ukraine", "UKR"),
    ];
    let coded = code_text(d.public_id(), &d.text, d.published, &m);
    let mut e = coded.events[0].clone();
    e.id = 7;
    let row = gdelt_row(&e, &d, Coverage::story(&e, 3, 2));
    let cols: Vec<&str> = row.split('\t').collect();
    assert_eq!(cols.len(), 61, "{row}");
    let col = |name: &str| cols[GDELT_COLUMNS.iter().position(|c| *c == name).unwrap_or(0)];
    assert_eq!(col("GLOBALEVENTID"), "7");
    assert_eq!(col("NumMentions"), (e.tellings() + 2).to_string());
    assert_eq!(col("NumSources"), "2");
    assert_eq!(col("NumArticles"), "3");
    assert_eq!(col("SQLDATE"), "20220407");
    assert_eq!(col("Actor1Code"), "RUSGOV");
    assert_eq!(col("Actor1CountryCode"), "RUS");
    assert_eq!(col("Actor1Type1Code"), "GOV");
    assert_eq!(col("Actor2Code"), "UKR");
    assert_eq!(col("EventRootCode"), "19");
    assert_eq!(col("QuadClass"), "4");
    assert_eq!(col("DATEADDED"), "20220408000000");
    assert_eq!(col("SOURCEURL"), "https://example.invalid/a");
}
