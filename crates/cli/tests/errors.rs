//! Bad input never loses data: each bad file or record is reported with
//! its name (and line, record or offset), the rest of the batch is stored,
//! and the exit status is 1.

use super::*;
use std::io::Write;

struct Batch {
    dir: tempfile::TempDir,
}

impl Batch {
    fn new() -> Batch {
        Batch {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).expect("write fixture");
        path
    }

    fn good(&self, name: &str, words: &str) -> PathBuf {
        self.file(
            name,
            format!("{words} said on Monday that talks with its neighbours would resume.\n")
                .as_bytes(),
        )
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("store.db")
    }

    fn run(&self, paths: &[PathBuf]) -> Output {
        entente()
            .arg("run")
            .args(paths)
            .arg("--db")
            .arg(self.db())
            .args(["--published", "2022-04-08"])
            .output()
            .expect("runs")
    }

    fn stored_documents(&self) -> u64 {
        let store = entente_store::Store::open(&self.db()).expect("store opens");
        store.integrity_check().expect("integrity");
        store.counts().expect("counts").documents
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip")
}

/// Runs one bad input between two good ones and checks the report.
fn check_bad_input(name: &str, bytes: &[u8], message_parts: &[&str]) {
    let batch = Batch::new();
    let first = batch.good("a-first.txt", "Germany");
    let bad = batch.file(name, bytes);
    let last = batch.good("z-last.txt", "France");
    let out = batch.run(&[first, bad, last]);
    let stderr = stderr_of(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "exit 1 when an input fails; stderr: {stderr}"
    );
    assert!(
        stderr.contains(name),
        "the error names the file {name}: {stderr}"
    );
    for part in message_parts {
        assert!(
            stderr.to_lowercase().contains(&part.to_lowercase()),
            "the error for {name} says {part:?}: {stderr}"
        );
    }
    assert_eq!(
        batch.stored_documents(),
        2,
        "the two good documents are stored"
    );
}

#[test]
fn empty_file() {
    check_bad_input("empty.txt", b"", &["empty"]);
}

#[test]
fn binary_garbage() {
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    check_bad_input("garbage.bin", &garbage, &[]);
}

#[test]
fn invalid_utf8() {
    let mut bytes = b"Germany said on Monday that".to_vec();
    bytes.extend((0..200).flat_map(|_| [0xC3u8, 0x28, 0xFF, 0xFE, 0x00]));
    check_bad_input("invalid.txt", &bytes, &[]);
}

#[test]
fn truncated_gzip() {
    let page = "<html><body><article><p>Spain said on Monday that its envoy would return to Rabat after talks about the border and migration.</p></article></body></html>".repeat(20);
    let gz = gzip(page.as_bytes());
    check_bad_input("truncated.html.gz", &gz[..gz.len() / 2], &[]);
}

#[test]
fn malformed_jsonl_line_keeps_the_other_lines() {
    let batch = Batch::new();
    let jsonl = batch.file(
        "docs.jsonl",
        concat!(
            r#"{"id":"a","text":"Italy said on Monday that talks with Austria would resume.","published":"2022-04-01"}"#,
            "\n",
            r#"{"id":"b","text": oops not json}"#,
            "\n",
            r#"{"id":"c","text":"Poland said on Tuesday that its army would hold drills near the border.","published":"2022-04-02"}"#,
            "\n",
        )
        .as_bytes(),
    );
    let out = batch.run(&[jsonl]);
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("docs.jsonl"), "{stderr}");
    assert!(
        stderr.contains("line 2"),
        "the error names the line: {stderr}"
    );
    assert_eq!(batch.stored_documents(), 2);
}

#[test]
fn broken_warc_header_keeps_the_other_records() {
    let batch = Batch::new();
    let record = |uri: &str, body: &str| {
        let http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><article><p>{body}</p></article></body></html>"
        );
        format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        )
    };
    let mut warc = record(
        "https://example.org/a",
        "Greece said on Monday that talks with Turkey about the islands would resume next week.",
    );
    warc.push_str(
        "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: not-a-number\r\n\r\ngarbage\r\n\r\n",
    );
    warc.push_str(&record("https://example.org/c", "Chile said on Friday that it would send a delegation to Peru to discuss the maritime border."));
    let path = batch.file("crawl.warc", warc.as_bytes());
    let out = batch.run(&[path]);
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("crawl.warc"), "{stderr}");
    assert!(
        stderr.contains("record 2"),
        "the error names the record: {stderr}"
    );
    assert_eq!(batch.stored_documents(), 2);
}

#[test]
fn fifty_megabyte_document_is_stored() {
    let batch = Batch::new();
    let paragraph = "Norway said on Monday that it would raise its contribution to the joint fund for the Arctic.\n";
    let mut big = String::with_capacity(50 << 20);
    let mut i = 0u64;
    while big.len() < 50 << 20 {
        // Every paragraph differs, so none is dropped as a repeat.
        big.push_str(&format!("{i}. {paragraph}"));
        i += 1;
    }
    let path = batch.file("big.txt", big.as_bytes());
    let small = batch.good("small.txt", "Sweden");
    let out = batch.run(&[path, small]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(batch.stored_documents(), 2);
}

#[test]
fn missing_path_is_reported() {
    let batch = Batch::new();
    let good = batch.good("good.txt", "Japan");
    let out = batch.run(&[good, batch.dir.path().join("no-such-file.txt")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("no-such-file.txt"));
    assert_eq!(batch.stored_documents(), 1);
}

#[test]
fn usage_error_exits_2() {
    let out = entente().args(["run"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let out = entente()
        .args(["run", "x.txt", "--published", "yesterday"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}
