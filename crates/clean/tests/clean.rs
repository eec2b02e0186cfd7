//! Behaviour of `clean` on small documents: interviews, HTML pages,
//! offsets, garbage.

use entente_clean::clean;
use entente_core::{Content, Document, DropKind, Origin, RawDocument};

fn raw(content: Content) -> RawDocument {
    RawDocument {
        origin: Origin::file("test"),
        external_id: Some("x1".into()),
        url: Some("https://example.com/news/story".into()),
        title: Some("Raw title".into()),
        published: None,
        source: Some("Example".into()),
        content,
    }
}

fn text(s: &str) -> Document {
    clean(&raw(Content::Text(s.to_string())))
}

fn html(s: &str) -> Document {
    clean(&raw(Content::Html(s.to_string())))
}

#[test]
fn interview_keeps_every_repeated_question() {
    let doc = text(
        "The minister spoke to us on Tuesday about the deployment.\n\
         Q:\nWill the troops stay past May?\n\
         They will stay as long as they are asked to stay.\n\
         Q:\nWill the troops stay past May?\n\
         We will review that in due course.\n\
         Q:\nAnd the ships?\n\
         The ships come home in June.\n",
    );
    let qs = (0..doc.paragraphs.len())
        .filter(|&i| doc.paragraph_text(i) == "Q:")
        .count();
    assert_eq!(
        qs, 3,
        "help: a short recurring paragraph is content: {:#?}",
        doc.dropped
    );
    let repeats = (0..doc.paragraphs.len())
        .filter(|&i| doc.paragraph_text(i) == "Will the troops stay past May?")
        .count();
    assert_eq!(repeats, 2);
    assert!(doc
        .dropped
        .iter()
        .all(|d| d.kind != DropKind::RepeatedBlock));
}

#[test]
fn copies_metadata_and_ids() {
    let doc = text("One paragraph.\nTwo paragraphs.");
    assert_eq!(doc.external_id.as_deref(), Some("x1"));
    assert_eq!(doc.source.as_deref(), Some("Example"));
    assert_eq!(doc.title.as_deref(), Some("Raw title"));
    assert_eq!(
        doc.id,
        entente_core::DocId::from_content("One paragraph.\n\nTwo paragraphs.")
    );
}

#[test]
fn offsets_map_back_through_normalisation() {
    let src =
        "  First\u{00A0}\u{00A0}para\u{200B}graph  here.\r\n\r\nSecond  one,\tcafe\u{0301} noir.\n";
    let doc = text(src);
    assert_eq!(
        doc.text,
        "First paragraph here.\n\nSecond one, caf\u{00E9} noir."
    );
    for word in ["First", "graph", "here.", "Second", "one,", "noir."] {
        let at = doc.text.find(word).unwrap_or(usize::MAX);
        let o = doc.offsets.to_original(at);
        assert_eq!(
            src.get(o..o + word.len()),
            Some(word),
            "help: offset of {word:?}"
        );
    }
    let second = doc.paragraphs[1].original.map(|o| o.slice(src));
    assert_eq!(second, Some("Second  one,\tcafe\u{0301} noir."));
}

#[test]
fn html_page_yields_only_the_body() {
    let page = include_str!("data/page.html");
    let doc = html(page);
    assert_eq!(
        doc.title.as_deref(),
        Some("Pacific leaders meet on security pact")
    );
    let t = &doc.text;
    for kept in [
        "Pacific Island leaders met",
        "The communique",
        "Officials said the pact",
    ] {
        assert!(
            t.contains(kept),
            "help: body paragraph {kept:?} missing from {t:?}"
        );
    }
    for gone in [
        "Home",
        "Subscribe",
        "Copyright",
        "Rugby final tickets",
        "Privacy policy",
    ] {
        assert!(
            !t.contains(gone),
            "help: page chrome {gone:?} leaked into {t:?}"
        );
    }
    let links: Vec<_> = doc.related_links.iter().map(|l| l.text.as_str()).collect();
    assert!(
        links.is_empty() || links.iter().all(|l| !t.contains(l)),
        "related links never stand in the text"
    );
    let mut located = 0;
    for (i, p) in doc.paragraphs.iter().enumerate() {
        if let Some(o) = p.original {
            let para = doc.paragraph_text(i);
            let head: String = para.chars().take(20).collect();
            assert!(
                o.slice(page).starts_with(&head),
                "help: original span of {para:?}"
            );
            assert_eq!(doc.offsets.to_original(p.span.start), o.start);
            located += 1;
        }
    }
    assert_eq!(
        located,
        doc.paragraphs.len(),
        "help: plain HTML paragraphs are found verbatim"
    );
}

#[test]
fn html_related_list_inside_the_article_becomes_links() {
    let page = include_str!("data/page_inline_related.html");
    let doc = html(page);
    let links: Vec<(&str, Option<&str>)> = doc
        .related_links
        .iter()
        .map(|l| (l.text.as_str(), l.url.as_deref()))
        .collect();
    assert_eq!(links.len(), 3, "links: {links:?}\ntext: {}", doc.text);
    assert!(links[0].1.is_some_and(|u| u.contains("/news/")));
    assert!(!doc.text.contains("Budget talks stall"));
    assert!(doc.text.contains("The second half of the article"));
    assert!(doc
        .dropped
        .iter()
        .any(|d| d.kind == DropKind::RelatedLinks && d.text.starts_with("Related")));
}

/// A small deterministic generator: no dependency needed for garbage.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn garbage_never_panics() {
    const PIECES: &[&str] = &[
        "<",
        ">",
        "</",
        "<p>",
        "</p>",
        "<div class='content'>",
        "</div>",
        "<ul><li>",
        "<a href='x'>",
        "</a>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "&amp;",
        "&#x0;",
        "&#99999999;",
        "\u{0}",
        "\u{200B}",
        "\u{FEFF}",
        "e\u{0301}",
        " ",
        "\n",
        "READ MORE",
        "- item",
        "word ",
        "Q:",
        "<br>",
        "<table><tr><td>",
        "<h1>",
        "<title>",
        "<!DOCTYPE html>",
        "<svg><math>",
        "\u{FFFD}",
        "😀",
    ];
    let mut rng = Lcg(42);
    for round in 0..200 {
        let n = (rng.next() % 300) as usize;
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(PIECES[(rng.next() as usize) % PIECES.len()]);
        }
        for doc in [html(&s), text(&s)] {
            for p in &doc.paragraphs {
                assert!(
                    doc.text.get(p.span.start..p.span.end).is_some(),
                    "round {round}"
                );
            }
            assert!(!doc.text.contains('\u{200B}'));
        }
    }
    // Deep nesting must neither overflow the stack nor take minutes.
    let deep = "<div>".repeat(3_000) + "deep text" + &"</div>".repeat(3_000);
    assert_eq!(html(&deep).text, "deep text");
    let _ = html("");
    let _ = text("");
}

#[test]
fn html_offsets_step_over_markup() {
    let page = "<html><head><title>T</title><meta name='description' content='Pacific leaders met'></head>\
        <body><article><p>Pacific leaders met in <b>Suva</b> on Thursday &amp; agreed to talk again,\
        officials said after a long day of meetings in the capital.</p>\
        <p>The &#8220;communique&#8221; called for closer   cooperation on policing, disaster relief and \
        maritime surveillance across the whole region.</p></article></body></html>";
    let doc = html(page);
    assert_eq!(doc.paragraphs.len(), 2, "{:#?}", doc.paragraphs);
    for word in [
        "Pacific",
        "Suva",
        "Thursday",
        "agreed",
        "communique",
        "cooperation",
        "region.",
    ] {
        let at = doc.text.find(word).unwrap_or(usize::MAX);
        let o = doc.offsets.to_original(at);
        assert_eq!(
            page.get(o..o + word.len()),
            Some(word),
            "help: offset of {word:?} in the page"
        );
    }
}
