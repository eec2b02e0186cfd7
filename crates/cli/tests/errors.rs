//! Bad input never loses data: each bad file or record is reported with
//! its name (and line, record or offset), the rest of the batch is stored,
//! and the exit status is 1.

use super::*;
use std::io::Write;

pub(crate) struct Batch {
    dir: tempfile::TempDir,
}

impl Batch {
    pub(crate) fn new() -> Batch {
        Batch {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    pub(crate) fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).expect("write fixture");
        path
    }

    pub(crate) fn good(&self, name: &str, words: &str) -> PathBuf {
        self.file(
            name,
            format!("{words} said on Monday that talks with its neighbours would resume.\n")
                .as_bytes(),
        )
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("store.db")
    }

    pub(crate) fn run(&self, paths: &[PathBuf]) -> Output {
        entente()
            .arg("run")
            .args(paths)
            .arg("--db")
            .arg(self.db())
            .args(["--published", "2022-04-08"])
            .output()
            .expect("runs")
    }

    pub(crate) fn stored_documents(&self) -> u64 {
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

/// 150 good documents, one that makes a stage fail, 150 more: every good
/// one is stored, the bad one is reported with its line and the stage, and
/// the exit status is 1. Through a JSONL file (with small batches, so the
/// bad document shares a batch with good ones), a directory and stdin.
mod poisoned_batch {
    use super::*;

    const MARKER: &str = "XPOISONX";

    fn article(i: usize) -> String {
        format!(
            "Country number {i} and its neighbours met in Geneva on Monday, officials said. \
             Talks on trade route {i} would resume in May."
        )
    }

    fn jsonl() -> String {
        let mut lines = Vec::new();
        for i in 0..301 {
            let text = if i == 150 {
                format!("{MARKER} The ministry said talks would resume.")
            } else {
                article(i)
            };
            lines.push(serde_json::json!({ "id": format!("d{i}"), "text": text }).to_string());
        }
        lines.join("\n") + "\n"
    }

    fn run_with_fault(batch: &Batch, args: &[&std::ffi::OsStr], stdin: Option<&str>) -> Output {
        let mut cmd = entente();
        cmd.arg("run")
            .args(args)
            .arg("--db")
            .arg(batch.db())
            .args(["--published", "2022-04-08"])
            .env("ENTENTE_FAULT_PANIC_ON", MARKER);
        match stdin {
            None => cmd.output().expect("runs"),
            Some(input) => {
                cmd.stdin(std::process::Stdio::piped())
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped());
                let mut child = cmd.spawn().expect("spawns");
                child
                    .stdin
                    .take()
                    .expect("stdin")
                    .write_all(input.as_bytes())
                    .expect("writes stdin");
                child.wait_with_output().expect("runs")
            }
        }
    }

    fn check(batch: &Batch, out: &Output, locator: &str) {
        let stderr = stderr_of(out);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains(locator),
            "the failure names the record: {stderr}"
        );
        assert!(
            stderr.contains("stage `code`"),
            "the failure names the stage: {stderr}"
        );
        assert_eq!(batch.stored_documents(), 300, "{stderr}");
        assert!(
            stdout_of(out).contains("1 failed"),
            "the summary counts it: {}",
            stdout_of(out)
        );
    }

    #[test]
    #[cfg_attr(
        not(debug_assertions),
        ignore = "fault injection exists in debug builds only"
    )]
    fn through_a_jsonl_file_in_small_batches() {
        let batch = Batch::new();
        let path = batch.file("docs.jsonl", jsonl().as_bytes());
        let out = run_with_fault(
            &batch,
            &[path.as_os_str(), "--batch".as_ref(), "10".as_ref()],
            None,
        );
        check(&batch, &out, "line 151");
        // A rerun stores nothing twice and still reports the bad one.
        let again = run_with_fault(&batch, &[path.as_os_str()], None);
        assert_eq!(again.status.code(), Some(1));
        assert_eq!(batch.stored_documents(), 300);
    }

    #[test]
    #[cfg_attr(
        not(debug_assertions),
        ignore = "fault injection exists in debug builds only"
    )]
    fn through_a_directory() {
        let batch = Batch::new();
        let dir = batch.dir.path().join("articles");
        std::fs::create_dir(&dir).expect("mkdir");
        for i in 0..301 {
            let text = if i == 150 {
                format!("{MARKER} The ministry said talks would resume.\n")
            } else {
                article(i) + "\n"
            };
            std::fs::write(dir.join(format!("a{i:03}.txt")), text).expect("write");
        }
        let out = run_with_fault(&batch, &[dir.as_os_str()], None);
        check(&batch, &out, "a150.txt");
    }

    #[test]
    #[cfg_attr(
        not(debug_assertions),
        ignore = "fault injection exists in debug builds only"
    )]
    fn through_stdin() {
        let batch = Batch::new();
        let input = jsonl();
        let out = run_with_fault(&batch, &["-".as_ref()], Some(&input));
        check(&batch, &out, "line 151");
    }
}

/// The reproducers of issue 9 through `entente code`: each one exits 0 or
/// 1 with a message, never 101 (a panic).
mod reproducers {
    use super::*;

    fn code(batch: &Batch, name: &str, text: &str, published: &[&str]) -> Output {
        let path = batch.file(name, text.as_bytes());
        entente()
            .arg("code")
            .arg(&path)
            .args(published)
            .args(["--format", "jsonl"])
            .output()
            .expect("runs")
    }

    #[test]
    fn hostile_text_codes_without_a_panic() {
        let batch = Batch::new();
        for (i, text) in [
            "He met Mr.\u{201C}J. Smith. The talks went on.",
            "ẞ Serbia \u{2018}recognised Kosovo.",
            "Serbia recognised İ Kosovo over \u{201D}Taiwan.",
            "ẞ Russia \u{2014}suspended its treaty obligations.",
            "İİ Finland joined NATO on Tuesday.",
        ]
        .iter()
        .enumerate()
        {
            let out = code(
                &batch,
                &format!("r{i}.txt"),
                text,
                &["--published", "2022-04-08"],
            );
            assert_eq!(out.status.code(), Some(0), "{text}: {}", stderr_of(&out));
        }
    }

    #[test]
    fn an_accession_after_length_changing_letters_names_the_right_organisation() {
        let batch = Batch::new();
        let out = code(
            &batch,
            "finland.txt",
            "İİ Finland joined NATO on Tuesday.",
            &["--published", "2023-04-04"],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        assert!(!stdout_of(&out).contains("\"ATO\""), "{}", stdout_of(&out));
    }

    #[test]
    fn curly_quoted_quotations_keep_their_text() {
        let batch = Batch::new();
        let out = code(
            &batch,
            "quote.txt",
            "The foreign minister said on Monday: \u{201C}We will defend our allies in the Pacific.\u{201D}\n",
            &["--published", "2022-04-08"],
        );
        let quotes: Vec<Value> = json_lines(&out)
            .into_iter()
            .filter(|r| r["kind"] == "quotation")
            .collect();
        assert_eq!(quotes.len(), 1, "{}", stdout_of(&out));
        assert_eq!(
            quotes[0]["text"],
            "We will defend our allies in the Pacific."
        );
    }

    #[test]
    fn bad_publication_dates_are_refused_where_they_enter() {
        let batch = Batch::new();
        for bad in [
            "-262143-01-01",
            "+262142-12-31",
            "2022-04-08T25:00:00Z",
            "2022-4-8",
            "1700-01-01",
        ] {
            let out = code(
                &batch,
                "a.txt",
                "NATO met on Monday.",
                &[format!("--published={bad}").as_str()],
            );
            assert_eq!(
                out.status.code(),
                Some(2),
                "--published {bad}: {}",
                stderr_of(&out)
            );
            assert!(
                stderr_of(&out).contains("publication date"),
                "{}",
                stderr_of(&out)
            );
            let line =
                serde_json::json!({"id": "x", "text": "NATO met on Monday.", "published": bad});
            let path = batch.file("d.jsonl", format!("{line}\n").as_bytes());
            let out = entente().arg("code").arg(&path).output().expect("runs");
            assert_eq!(
                out.status.code(),
                Some(1),
                "JSONL {bad}: {}",
                stderr_of(&out)
            );
            assert!(stderr_of(&out).contains("line 1"), "{}", stderr_of(&out));
        }
    }
}
