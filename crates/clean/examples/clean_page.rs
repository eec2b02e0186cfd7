//! Cleans one HTML page (gzipped or not) or text file and prints the
//! paragraphs, related links and what was dropped.
//!
//! ```text
//! cargo run --release -p entente-clean --example clean_page -- PAGE.html.gz
//! ```

use entente_core::{Content, Origin, RawDocument};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: clean_page PAGE");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("clean_page: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let is_text = path.ends_with(".txt");
    let body = entente_clean::decode::decode_html(&bytes);
    let raw = RawDocument {
        origin: Origin::file(path.as_str()),
        external_id: None,
        url: None,
        title: None,
        published: None,
        source: None,
        content: if is_text {
            Content::Text(body)
        } else {
            Content::Html(body)
        },
    };
    let doc = entente_clean::clean(&raw);
    println!("TITLE {:?}", doc.title);
    for (i, p) in doc.paragraphs.iter().enumerate() {
        println!("[{i}] {:?} {}", p.original, doc.paragraph_text(i));
    }
    for l in &doc.related_links {
        println!("LINK {} <{}>", l.text, l.url.as_deref().unwrap_or(""));
    }
    for d in &doc.dropped {
        println!(
            "DROPPED {:?} ({}): {}",
            d.kind,
            d.reason,
            d.text.replace('\n', " / ")
        );
    }
    ExitCode::SUCCESS
}
