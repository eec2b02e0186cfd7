//! `entente clean`: the seed article's paragraphs and link block.

use super::*;

#[test]
fn seed_keeps_eleven_paragraphs_in_order() {
    let out = entente()
        .args(["clean", "--format", "jsonl"])
        .arg(seed_article())
        .output()
        .expect("runs");
    assert!(out.status.success(), "stderr: {}", stderr_of(&out));
    let records = json_lines(&out);
    assert_eq!(records.len(), 1, "one document");
    let doc = &records[0];
    let expected = expected();
    let firsts = expected["clean"]["first_words_of_kept_paragraphs"]
        .as_array()
        .expect("list");
    let paragraphs = doc["paragraphs"].as_array().expect("paragraphs array");
    assert_eq!(
        paragraphs.len(),
        firsts.len(),
        "paragraphs: {paragraphs:#?}"
    );
    for (p, first) in paragraphs.iter().zip(firsts) {
        let p = p.as_str().expect("paragraph text");
        let first = first.as_str().expect("first words");
        assert!(p.starts_with(first), "{p:?} should start with {first:?}");
    }
    // `text` is the paragraphs separated by a blank line.
    let joined: Vec<&str> = paragraphs.iter().filter_map(|p| p.as_str()).collect();
    assert_eq!(doc["text"].as_str(), Some(joined.join("\n\n").as_str()));
    assert!(doc["id"].as_str().is_some_and(|id| !id.is_empty()));
    assert!(doc["path"]
        .as_str()
        .is_some_and(|p| p.ends_with("article.txt")));
}

#[test]
fn seed_read_more_block_is_related_links() {
    let out = entente()
        .args(["clean", "--format", "jsonl"])
        .arg(seed_article())
        .output()
        .expect("runs");
    let doc = &json_lines(&out)[0];
    let links: Vec<&str> = doc["related_links"]
        .as_array()
        .expect("related_links")
        .iter()
        .filter_map(|l| l.as_str())
        .collect();
    assert_eq!(links.len(), 5, "{links:?}");
    assert!(links[0].starts_with("UN assembly suspends Russia"));
    assert!(links[4].starts_with("NZ defence secretary raises"));
    let text = doc["text"].as_str().expect("text");
    assert!(!text.contains("READ MORE"));
    assert!(!text.contains("UN assembly suspends"));
    let dropped = doc["dropped"].as_array().expect("dropped");
    let repeated = dropped
        .iter()
        .filter(|d| d["kind"] == "repeated_block")
        .map(|d| d["paragraphs"].as_u64().unwrap_or(1))
        .sum::<u64>();
    assert_eq!(repeated, 6, "six repeated paragraphs dropped: {dropped:#?}");
    assert!(dropped.iter().any(|d| d["kind"] == "related_links"
        && d["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("READ MORE"))));
}

#[test]
fn text_format_prints_paragraphs() {
    let out = entente()
        .args(["clean", "--format", "text"])
        .arg(seed_article())
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = stdout_of(&out);
    assert!(text.contains("Ardern said she was willing"));
    assert!(!text.contains("READ MORE"));
}
