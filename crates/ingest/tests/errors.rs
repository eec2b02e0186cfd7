//! One test per kind of bad input: the error names the file (and line,
//! record or offset), and the other documents of the batch still come.

mod common;

use common::*;
use entente_core::RawDocument;
use entente_ingest::{read_paths, IngestError, IngestOptions};
use std::path::{Path, PathBuf};

/// Reads `good1`, the bad file, `good2` in one batch; returns the results
/// between the two good documents, after checking both came.
fn batch(dir: &Path, bad: PathBuf) -> Vec<Result<RawDocument, IngestError>> {
    let before = write(dir, "0-before.txt", b"Before the bad input.");
    let after = write(dir, "9-after.txt", b"After the bad input.");
    let mut results = read(&[before, bad, after]);
    let last = results.pop().expect("results");
    assert_eq!(
        last.expect("the file after a bad one is still read")
            .content
            .as_str(),
        "After the bad input."
    );
    let first = results
        .remove(0)
        .expect("the file before a bad one is read");
    assert_eq!(first.content.as_str(), "Before the bad input.");
    results
}

fn name(p: &Path) -> String {
    p.display().to_string()
}

#[test]
fn missing_path() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("nope.txt");
    let r = batch(dir.path(), bad.clone());
    assert_eq!(r.len(), 1);
    assert_error(&r[0], &[&name(&bad), "cannot read"]);
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    for (file, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.html", b"  \n\n"),
        ("empty.jsonl", b"\n"),
        ("empty.warc", b""),
    ] {
        let bad = write(dir.path(), file, bytes);
        let r = batch(dir.path(), bad.clone());
        assert_eq!(r.len(), 1, "{file}");
        assert_error(&r[0], &[&name(&bad), "empty input"]);
    }
}

#[test]
fn binary_garbage() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec();
    bytes.extend((0u8..=255).cycle().take(4096));
    let bad = write(dir.path(), "program.txt", &bytes);
    let r = batch(dir.path(), bad.clone());
    assert_eq!(r.len(), 1);
    assert_error(&r[0], &[&name(&bad), "not text", "NUL byte at byte 7"]);
}

#[test]
fn invalid_utf8_in_a_file_claiming_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"<html><head><meta charset=\"utf-8\"></head><body>".to_vec();
    bytes.extend(std::iter::repeat_n(&b"\xff\xfe\xc3("[..], 100).flatten());
    let bad = write(dir.path(), "mojibake.html", &bytes);
    let r = batch(dir.path(), bad.clone());
    assert_eq!(r.len(), 1);
    assert_error(
        &r[0],
        &[
            &name(&bad),
            "cannot decode as UTF-8",
            "invalid bytes",
            "first at byte 47",
        ],
    );
}

#[test]
fn mostly_valid_utf8_is_decoded_lossily() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"<meta charset=utf-8><p>".to_vec();
    bytes.extend("NATO ministers met in Brussels. ".repeat(10).as_bytes());
    bytes.push(0xff);
    let path = write(dir.path(), "stray.html", &bytes);
    let docs = docs(&[path]);
    assert!(docs[0].content.as_str().ends_with('\u{FFFD}'));
}

#[test]
fn truncated_gzip_after_some_documents() {
    let dir = tempfile::tempdir().unwrap();
    let lines: String = (0..2000)
        .map(|i| {
            format!(
                "{{\"id\": \"d{i}\", \"text\": \"Document number {i} with some words {}.\"}}\n",
                i * 7919 % 1000
            )
        })
        .collect();
    let gz = gzip(lines.as_bytes());
    let bad = write(dir.path(), "news.jsonl.gz", &gz[..gz.len() / 2]);
    let r = batch(dir.path(), bad.clone());
    let (ok, errs): (Vec<_>, Vec<_>) = r.iter().partition(|r| r.is_ok());
    assert!(
        ok.len() > 100,
        "documents before the truncation are yielded: {}",
        ok.len()
    );
    assert!(ok.len() < 2000);
    assert_eq!(errs.len(), 1);
    assert!(
        r.last().unwrap().is_err(),
        "the error comes after the documents"
    );
    assert_error(
        errs[0],
        &[&name(&bad), "truncated or corrupt gzip stream after"],
    );
}

#[test]
fn truncated_gzip_single_document() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<p>NATO ministers met.</p>".repeat(2000);
    let gz = gzip(page.as_bytes());
    let bad = write(dir.path(), "page.html.gz", &gz[..gz.len() - 10]);
    let r = batch(dir.path(), bad.clone());
    assert_eq!(r.len(), 1);
    assert_error(&r[0], &[&name(&bad), "gzip"]);
}

#[test]
fn truncated_warc_gz() {
    let dir = tempfile::tempdir().unwrap();
    let mut gz = Vec::new();
    for i in 0..5 {
        let body = format!("<p>Page {i}: ministers met.</p>");
        gz.extend(gzip(&warc_response(
            &format!("https://a.example/{i}"),
            &format!("<urn:{i}>"),
            "text/html",
            body.as_bytes(),
        )));
    }
    let bad = write(dir.path(), "crawl.warc.gz", &gz[..gz.len() - 20]);
    let r = batch(dir.path(), bad.clone());
    assert_eq!(r.iter().filter(|r| r.is_ok()).count(), 4);
    assert_error(r.last().unwrap(), &[&name(&bad), "gzip"]);
}

#[test]
fn malformed_jsonl_lines() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = concat!(
        "{\"id\": \"ok1\", \"text\": \"fine\"}\n",
        "{\"id\": \"bad-json\", \"text\": \"unterminated}\n",
        "{\"id\": \"no-body\", \"title\": \"only a title\"}\n",
        "{\"id\": \"bad-date\", \"text\": \"x\", \"published\": \"03/01/2024\"}\n",
        "[1, 2]\n",
        "{\"id\": \"ok2\", \"html\": \"<p>fine</p>\"}\n",
    );
    let bad = write(dir.path(), "news.jsonl", jsonl.as_bytes());
    let r = batch(dir.path(), bad.clone());
    assert_eq!(r.len(), 6);
    assert_eq!(r[0].as_ref().unwrap().external_id.as_deref(), Some("ok1"));
    let file = name(&bad);
    assert_error(&r[1], &[&format!("{file} (line 2)"), "bad JSON"]);
    assert_error(
        &r[2],
        &[&format!("{file} (line 3)"), "neither `text` nor `html`"],
    );
    assert_error(
        &r[3],
        &[
            &format!("{file} (line 4)"),
            "bad `published`: malformed publication date \"03/01/2024\"",
        ],
    );
    assert_error(&r[4], &[&format!("{file} (line 5)"), "bad JSON"]);
    assert_eq!(r[5].as_ref().unwrap().external_id.as_deref(), Some("ok2"));
}

#[test]
fn broken_warc_headers_resynchronise() {
    let dir = tempfile::tempdir().unwrap();
    let page = |i: u32| {
        warc_response(
            &format!("https://a.example/{i}"),
            &format!("<urn:{i}>"),
            "text/html",
            format!("<p>Page {i}</p>").as_bytes(),
        )
    };
    let mut w = page(1);
    let broken_at = w.len();
    w.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\nthis is not a header\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n");
    w.extend(page(3));
    let garbage_at = w.len();
    w.extend_from_slice(b"garbage between records\r\nmore garbage\r\n");
    w.extend(page(5));
    let no_length_at = w.len();
    w.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\n\r\n");
    w.extend(page(7));
    let bad = write(dir.path(), "crawl.warc", &w);
    let r = batch(dir.path(), bad.clone());
    let file = name(&bad);
    let urls: Vec<_> = r
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|d| d.url.clone().unwrap())
        .collect();
    assert_eq!(
        urls,
        [
            "https://a.example/1",
            "https://a.example/3",
            "https://a.example/5",
            "https://a.example/7"
        ]
    );
    let errs: Vec<_> = r.iter().filter(|r| r.is_err()).collect();
    assert_eq!(errs.len(), 3, "{r:#?}");
    assert_error(
        errs[0],
        &[
            &format!("{file} (record 2 at byte {broken_at})"),
            "malformed header line",
        ],
    );
    assert_error(
        errs[1],
        &[
            &format!("{file} (record 4 at byte {garbage_at})"),
            "expected a WARC/1.x version line",
        ],
    );
    assert_error(
        errs[2],
        &[
            &format!("{file} (record 6 at byte {no_length_at})"),
            "Content-Length",
        ],
    );
}

#[test]
fn truncated_warc_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = warc_response("https://a.example/1", "<urn:1>", "text/html", b"<p>one</p>");
    let second = warc_response("https://a.example/2", "<urn:2>", "text/html", b"<p>two</p>");
    w.extend_from_slice(&second[..second.len() - 12]);
    let bad = write(dir.path(), "crawl.warc", &w);
    let r = batch(dir.path(), bad.clone());
    assert_eq!(r.len(), 2);
    assert!(r[0].is_ok());
    assert_error(
        &r[1],
        &[
            &format!("{} (record 2 at byte", name(&bad)),
            "truncated record",
        ],
    );
}

#[test]
fn malformed_feed_keeps_earlier_items() {
    let dir = tempfile::tempdir().unwrap();
    let items = "<rss><channel><item><description>one</description></item>\
                 <item><description>two</description></item>";
    let cases = [
        (
            "truncated.rss",
            format!("{items}<item><description>thr"),
            "ends inside item 3",
        ),
        (
            "syntax.rss",
            format!("{items}<![CDATA[ never closed"),
            "malformed feed",
        ),
    ];
    for (file, feed, what) in cases {
        let bad = write(dir.path(), file, feed.as_bytes());
        let r = batch(dir.path(), bad.clone());
        assert_eq!(r.len(), 3, "{file}: {r:#?}");
        assert_eq!(r[1].as_ref().unwrap().content.as_str(), "two");
        assert_error(&r[2], &[&format!("{} (byte", name(&bad)), what]);
    }
}

#[test]
fn documents_over_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let big = write(dir.path(), "big.txt", "word ".repeat(300).as_bytes());
    let jsonl = format!(
        "{{\"text\": \"short\"}}\n{{\"text\": \"{}\"}}\n{{\"text\": \"short again\"}}\n",
        "long ".repeat(100)
    );
    let lines = write(dir.path(), "lines.jsonl", jsonl.as_bytes());
    let opts = IngestOptions {
        max_document_bytes: 200,
        ..IngestOptions::default()
    };
    let r: Vec<_> = read_paths(&[big.clone(), lines.clone()], &opts).collect();
    assert_eq!(r.len(), 4);
    assert_error(&r[0], &[&name(&big), "larger than the limit of 200 bytes"]);
    assert!(r[1].is_ok());
    assert_error(
        &r[2],
        &[
            &format!("{} (line 2)", name(&lines)),
            "larger than the limit",
        ],
    );
    assert_eq!(r[3].as_ref().unwrap().content.as_str(), "short again");
}

#[test]
fn unusable_http_payload() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = warc_record(
        "response",
        &[("Content-Type", "application/http; msgtype=response")],
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\n\x1b\x03",
    );
    w.extend(warc_response(
        "https://a.example/2",
        "<urn:2>",
        "text/html",
        b"<p>fine</p>",
    ));
    let bad = write(dir.path(), "crawl.warc", &w);
    let r = batch(dir.path(), bad.clone());
    assert_eq!(r.len(), 2);
    assert_error(
        &r[0],
        &[
            &format!("{} (record 1 at byte 0)", name(&bad)),
            "unsupported Content-Encoding \"br\"",
        ],
    );
    assert!(r[1].is_ok());
}

/// Issue 9: JSONL dates were read leniently; absurd and malformed ones must
/// be refused with the line and what was wrong.
#[test]
fn issue_9_bad_jsonl_publication_dates() {
    let cases = [
        (
            "-262143-01-01",
            "malformed publication date \"-262143-01-01\"",
        ),
        (
            "+262142-12-31",
            "malformed publication date \"+262142-12-31\"",
        ),
        (
            "2022-04-08T25:00:00Z",
            "malformed publication date \"2022-04-08T25:00:00Z\"",
        ),
        ("2022-4-8", "malformed publication date \"2022-4-8\""),
        ("1700-01-01", "publication date 1700-01-01 is outside 1800"),
        ("2024-02-30", "malformed publication date \"2024-02-30\""),
    ];
    let mut jsonl = String::new();
    for (date, _) in cases {
        jsonl.push_str(&format!(
            "{{\"id\": \"{date}\", \"text\": \"x\", \"published\": \"{date}\"}}\n"
        ));
    }
    jsonl.push_str("{\"id\": \"ok\", \"text\": \"x\", \"published\": \" 2022-04-08 \"}\n");
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "dates.jsonl", jsonl.as_bytes());
    let r = batch(dir.path(), bad.clone());
    assert_eq!(r.len(), cases.len() + 1);
    for (i, (_, what)) in cases.iter().enumerate() {
        let line = format!("{} (line {})", name(&bad), i + 1);
        assert_error(&r[i], &[&line, "bad `published`", what]);
    }
    let ok = r.last().unwrap().as_ref().unwrap();
    assert_eq!(ok.published, chrono::NaiveDate::from_ymd_opt(2022, 4, 8));
}

fn page(i: u32) -> Vec<u8> {
    warc_response(
        &format!("https://a.example/{i}"),
        &format!("<urn:{i}>"),
        "text/html",
        format!("<p>Page {i}</p>").as_bytes(),
    )
}

/// `page(i)` with its Content-Length replaced by `length`.
fn page_with_length(i: u32, length: &str) -> Vec<u8> {
    let record = String::from_utf8(page(i)).unwrap();
    let start = record.find("Content-Length: ").unwrap() + "Content-Length: ".len();
    let end = start + record[start..].find('\r').unwrap();
    format!("{}{length}{}", &record[..start], &record[end..]).into_bytes()
}

fn urls(r: &[Result<RawDocument, IngestError>]) -> Vec<String> {
    r.iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|d| d.url.clone().unwrap())
        .collect()
}

/// Issue 9: a Content-Length of 2^63 skipped to the end of the file,
/// swallowing the next good record, and the error named the size limit.
#[test]
fn issue_9_warc_content_length_bad_or_impossible() {
    let cases = [
        (
            "9223372036854775808",
            "Content-Length 9223372036854775808 is over the limit",
        ),
        (
            "18446744073709551616",
            "Content-Length 18446744073709551616 is too large",
        ),
        ("12abc", "Content-Length \"12abc\" is not a number"),
        ("-5", "Content-Length \"-5\" is not a number"),
        ("", "Content-Length \"\" is not a number"),
        // Under the limit but past the end of the file: not a truncation.
        (
            "1000000",
            "Content-Length 1000000 runs past the end of the file",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (length, what) in cases {
        let mut w = page(1);
        let bad_at = w.len();
        w.extend(page_with_length(2, length));
        w.extend(page(3));
        let bad = write(dir.path(), "crawl.warc", &w);
        let r = batch(dir.path(), bad.clone());
        assert_eq!(
            urls(&r),
            ["https://a.example/1", "https://a.example/3"],
            "{length:?}: the records around the bad one are read: {r:#?}"
        );
        assert_eq!(r.len(), 3, "{length:?}: {r:#?}");
        let at = format!("{} (record 2 at byte {bad_at})", name(&bad));
        assert_error(&r[1], &[&at, what]);
    }
}

/// Issue 9: a Content-Length slightly too long ran into the next record and
/// swallowed it; at the end of the file it is a truncated record.
#[test]
fn issue_9_warc_content_length_slightly_too_long() {
    let dir = tempfile::tempdir().unwrap();
    let block_len = |i: u32| {
        let record = page(i);
        // The block ends before the record's closing CRLF CRLF.
        let header_end = memchr_find(&record, b"\r\n\r\n") + 4;
        record.len() - header_end - 4
    };
    for over in [5, 10, 11, 40] {
        let mut w = page(1);
        let bad_at = w.len();
        w.extend(page_with_length(2, &(block_len(2) + over).to_string()));
        w.extend(page(3));
        w.extend(page(4));
        let bad = write(dir.path(), "crawl.warc", &w);
        let r = batch(dir.path(), bad.clone());
        assert_eq!(
            urls(&r),
            [
                "https://a.example/1",
                "https://a.example/3",
                "https://a.example/4"
            ],
            "{over} bytes too long: {r:#?}"
        );
        assert_eq!(r.len(), 4, "{r:#?}");
        let at = format!("{} (record 2 at byte {bad_at})", name(&bad));
        assert_error(&r[1], &[&at, "runs into the next record"]);
    }
    let mut w = page(1);
    let bad_at = w.len();
    let length = block_len(2) + 5;
    w.extend(page_with_length(2, &length.to_string()));
    let bad = write(dir.path(), "crawl.warc", &w);
    let r = batch(dir.path(), bad.clone());
    assert_eq!(r.len(), 2, "{r:#?}");
    let at = format!("{} (record 2 at byte {bad_at})", name(&bad));
    assert_error(
        &r[1],
        &[
            &at,
            "truncated record",
            &format!("Content-Length is {length}"),
        ],
    );
}

fn memchr_find(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).position(|w| w == needle).unwrap()
}

/// Issue 9: a genuine record over the size limit is reported with its
/// length and passed over; the next record is read.
#[test]
fn issue_9_warc_record_over_the_limit_is_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = page(1);
    let big_at = w.len();
    let body = "<p>Long page.</p>\n".repeat(80_000);
    w.extend(warc_response(
        "https://a.example/big",
        "<urn:big>",
        "text/html",
        body.as_bytes(),
    ));
    w.extend(page(3));
    let bad = write(dir.path(), "crawl.warc", &w);
    let opts = IngestOptions {
        max_document_bytes: 1000,
        ..IngestOptions::default()
    };
    let r: Vec<_> = read_paths(std::slice::from_ref(&bad), &opts).collect();
    assert_eq!(urls(&r), ["https://a.example/1", "https://a.example/3"]);
    assert_eq!(r.len(), 3);
    assert_error(
        &r[1],
        &[
            &format!("{} (record 2 at byte {big_at})", name(&bad)),
            "Content-Length 1440",
            "over the limit",
        ],
    );
}

/// Issue 9 (hostile input): header continuation lines were not counted, so
/// one header could grow without bound.
#[test]
fn issue_9_warc_endless_header_continuation() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = page(1);
    let bad_at = w.len();
    w.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: a\r\n");
    for _ in 0..5000 {
        w.extend_from_slice(b"  continued\r\n");
    }
    w.extend_from_slice(b"Content-Length: 0\r\n\r\n\r\n\r\n");
    w.extend(page(3));
    let bad = write(dir.path(), "crawl.warc", &w);
    let r = batch(dir.path(), bad.clone());
    assert_eq!(urls(&r), ["https://a.example/1", "https://a.example/3"]);
    assert_error(
        &r[1],
        &[
            &format!("{} (record 2 at byte {bad_at})", name(&bad)),
            "more than 1024 header lines",
        ],
    );
}
