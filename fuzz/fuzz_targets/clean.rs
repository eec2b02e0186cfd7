//! clean: arbitrary bytes as an HTML page (decoded as clean decodes page
//! bytes) and as plain text. Cleaning is documented as total; the kept
//! paragraphs must lie on character boundaries of the cleaned text.
#![no_main]

use entente_core::{Content, Document, Origin, RawDocument};
use entente_fuzz::assert_span;
use libfuzzer_sys::fuzz_target;

fn check(raw: &RawDocument, doc: &Document) {
    for p in &doc.paragraphs {
        assert_span(&doc.text, p.span, "clean paragraph");
        if let Some(o) = p.original {
            assert!(
                o.start <= o.end && o.end <= raw.content.as_str().len(),
                "clean paragraph original span {}..{} outside input of {} bytes",
                o.start,
                o.end,
                raw.content.as_str().len()
            );
        }
    }
    let _ = doc.public_id();
}

fn raw(content: Content) -> RawDocument {
    RawDocument {
        origin: Origin::file("fuzz"),
        external_id: None,
        url: Some("https://example.org/news/a.html".into()),
        title: None,
        published: None,
        source: None,
        content,
    }
}

fuzz_target!(|data: &[u8]| {
    let html = entente_clean::decode::decode_html(data);
    let r = raw(Content::Html(html));
    let d = entente_clean::clean(&r);
    check(&r, &d);

    let text = String::from_utf8_lossy(data).into_owned();
    let r = raw(Content::Text(text));
    let d = entente_clean::clean(&r);
    check(&r, &d);
});
