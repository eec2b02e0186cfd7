//! Acceptance: the seed article, cleaned as plain text, keeps exactly the
//! paragraphs an analyst keeps (tests/data/seed/expected.json).

use entente_clean::clean;
use entente_core::{Content, DropKind, Origin, RawDocument};

const ARTICLE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/data/seed/article.txt"
));
const EXPECTED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/data/seed/expected.json"
));

fn seed() -> entente_core::Document {
    clean(&RawDocument {
        origin: Origin::file("tests/data/seed/article.txt"),
        external_id: None,
        url: None,
        title: None,
        published: None,
        source: None,
        content: Content::Text(ARTICLE.to_string()),
    })
}

fn expected() -> serde_json::Value {
    serde_json::from_str(EXPECTED).unwrap_or_default()
}

#[test]
fn keeps_the_expected_paragraphs_in_order() {
    let doc = seed();
    let exp = expected();
    let firsts: Vec<&str> = exp["clean"]["first_words_of_kept_paragraphs"]
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        firsts.len(),
        11,
        "help: expected.json should list 11 paragraphs"
    );
    assert_eq!(exp["clean"]["paragraphs_kept"], 11);
    let kept: Vec<&str> = (0..doc.paragraphs.len())
        .map(|i| doc.paragraph_text(i))
        .collect();
    assert_eq!(kept.len(), firsts.len(), "kept paragraphs: {kept:#?}");
    for (k, f) in kept.iter().zip(&firsts) {
        assert!(
            k.starts_with(f),
            "help: paragraph {k:?} should start with {f:?}"
        );
    }
    assert_eq!(doc.text, kept.join("\n\n"));
}

#[test]
fn drops_six_repeated_paragraphs() {
    let doc = seed();
    let repeated: usize = doc
        .dropped
        .iter()
        .filter(|d| d.kind == DropKind::RepeatedBlock)
        .map(|d| d.text.split("\n\n").count())
        .sum();
    assert_eq!(repeated, 6, "dropped: {:#?}", doc.dropped);
}

#[test]
fn read_more_block_is_related_links() {
    let doc = seed();
    let links: Vec<&str> = doc.related_links.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        links,
        [
            "UN assembly suspends Russia from top human rights body",
            "China ship shadows research vessel, Filipino scientists wary",
            "New Zealand faces food crisis as Russia's invasion of Ukraine halts exports",
            "We may not have enough weapons to send to Ukraine",
            "NZ defence secretary raises Solomon Islands concerns with Chinese general",
        ]
    );
    let blocks: Vec<_> = doc
        .dropped
        .iter()
        .filter(|d| d.kind == DropKind::RelatedLinks)
        .collect();
    assert_eq!(blocks.len(), 1);
    assert!(blocks[0].text.starts_with("READ MORE"));
    assert_eq!(blocks[0].text.lines().count(), 6);
    assert!(!doc.text.contains("READ MORE"));
    assert!(!doc.text.contains("UN assembly suspends"));
}

#[test]
fn paragraphs_map_back_to_the_article() {
    let doc = seed();
    for p in &doc.paragraphs {
        let original = p.original.map(|o| o.slice(ARTICLE)).unwrap_or_default();
        assert_eq!(
            original,
            p.span.slice(&doc.text),
            "help: seed lines need no normalisation"
        );
        assert_eq!(
            doc.offsets.span_to_original(p.span),
            p.original.unwrap_or(p.span)
        );
    }
}
