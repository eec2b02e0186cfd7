//! One test per input format: what each yields.

mod common;

use chrono::NaiveDate;
use common::*;
use entente_core::Content;
use entente_ingest::{list_inputs, read_jsonl_record, read_paths, read_reader, IngestOptions};

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn plain_text() {
    let path = data("article.txt");
    let docs = docs(std::slice::from_ref(&path));
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d.origin.path, path.display().to_string());
    assert_eq!(d.origin.locator, None);
    assert!(matches!(&d.content, Content::Text(t) if t.starts_with("NATO ministers")));
    assert_eq!((d.url.as_ref(), d.published), (None, None));
}

#[test]
fn html_page_with_canonical_url() {
    let docs = docs(&[data("page.html")]);
    assert_eq!(docs.len(), 1);
    assert!(matches!(&docs[0].content, Content::Html(h) if h.contains("“a new chapter”")));
    assert_eq!(
        docs[0].url.as_deref(),
        Some("https://news.example/allies-meet")
    );
    assert_eq!(
        docs[0].title, None,
        "title extraction is the clean stage's job"
    );
}

#[test]
fn gzipped_html() {
    let dir = tempfile::tempdir().unwrap();
    let page = std::fs::read(data("page.html")).unwrap();
    let path = write(dir.path(), "page.htm.gz", &gzip(&page));
    let docs = docs(&[path]);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].content.as_str().as_bytes(), &page[..]);
}

#[test]
fn jsonl_records() {
    let docs = docs(&[data("news.jsonl")]);
    assert_eq!(docs.len(), 3);
    let a = &docs[0];
    assert_eq!(a.origin.locator.as_deref(), Some("line 1"));
    assert_eq!(a.external_id.as_deref(), Some("a1"));
    assert_eq!(a.url.as_deref(), Some("https://news.example/a1"));
    assert_eq!(a.title.as_deref(), Some("Ministers meet"));
    assert_eq!(a.source.as_deref(), Some("Example News"));
    assert_eq!(a.published, date(2024, 3, 1));
    assert_eq!(
        a.content,
        Content::Text("NATO ministers met in Brussels.".into())
    );
    let b = &docs[1];
    assert_eq!(
        b.origin.locator.as_deref(),
        Some("line 3"),
        "blank lines count"
    );
    assert_eq!(b.external_id.as_deref(), Some("42"));
    assert_eq!(
        b.published,
        date(2024, 3, 2),
        "the date as written, in its own offset"
    );
    assert_eq!(
        b.content,
        Content::Html("<p>China urged restraint.</p>".into())
    );
    assert_eq!(
        (docs[2].external_id.as_ref(), docs[2].published),
        (None, None)
    );
}

#[test]
fn jsonl_gz_and_ndjson() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = std::fs::read(data("news.jsonl")).unwrap();
    let gz = write(dir.path(), "news.jsonl.gz", &gzip(&jsonl));
    let nd = write(dir.path(), "news.ndjson", &jsonl);
    assert_eq!(docs(&[gz]).len(), 3);
    assert_eq!(docs(&[nd]).len(), 3);
}

#[test]
fn a_jsonl_line_read_alone_is_the_document_the_file_gives() {
    // The Spark job reads lines with Spark and each through
    // `read_jsonl_record`: what it gets must be what `entente code` reads.
    let opts = IngestOptions {
        published: date(2020, 1, 1),
        ..IngestOptions::default()
    };
    let path = data("news.jsonl");
    let name = path.display().to_string();
    let from_file: Vec<_> = read_paths(std::slice::from_ref(&path), &opts)
        .map(|r| r.unwrap())
        .collect();
    let text = std::fs::read_to_string(&path).unwrap();
    let alone: Vec<_> = text
        .lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let at = format!("line {}", i + 1);
            read_jsonl_record(&name, &at, line.as_bytes(), &opts).unwrap()
        })
        .collect();
    assert_eq!(alone, from_file);
    let bom = read_jsonl_record(&name, "line 1", b"\xEF\xBB\xBF{\"text\": \"x\"}", &opts);
    assert!(matches!(bom, Ok(Some(_))), "{bom:?}");
    let small = IngestOptions {
        max_document_bytes: 4,
        ..IngestOptions::default()
    };
    let err = read_jsonl_record("a.jsonl", "line 9", b"{\"text\": \"x\"}", &small).unwrap_err();
    assert_eq!(
        err.to_string(),
        "a.jsonl (line 9): document larger than the limit of 4 bytes"
    );
    let err = read_jsonl_record("a.jsonl", "row 2", b"{\"id\": []}", &opts).unwrap_err();
    assert_eq!(
        err.to_string(),
        "a.jsonl (row 2): `id` must be a string or number, not []"
    );
}

#[test]
fn default_publication_date_fills_gaps_only() {
    let opts = IngestOptions {
        published: date(2020, 1, 1),
        ..IngestOptions::default()
    };
    let dates: Vec<_> = read_paths(&[data("news.jsonl")], &opts)
        .map(|r| r.unwrap().published)
        .collect();
    assert_eq!(
        dates,
        [date(2024, 3, 1), date(2024, 3, 2), date(2020, 1, 1)]
    );
}

fn sample_warc() -> Vec<u8> {
    let mut w = warc_record(
        "warcinfo",
        &[("Content-Type", "application/warc-fields")],
        b"software: test\r\n",
    );
    w.extend(warc_record(
        "request",
        &[("WARC-Target-URI", "https://a.example/1")],
        b"GET /1 HTTP/1.1\r\n\r\n",
    ));
    w.extend(warc_response(
        "https://a.example/1",
        "<urn:uuid:0001>",
        "text/html; charset=ISO-8859-1",
        b"<html><p>Le pr\xe9sident a parl\xe9.</p></html>",
    ));
    let mut redirect = b"HTTP/1.1 301 Moved\r\nLocation: /2\r\n\r\n".to_vec();
    redirect.extend_from_slice(b"moved");
    w.extend(warc_record(
        "response",
        &[
            ("WARC-Target-URI", "https://a.example/old"),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        &redirect,
    ));
    w.extend(warc_response(
        "https://a.example/logo",
        "<urn:uuid:0002>",
        "image/png",
        b"\x89PNG\r\n",
    ));
    w.extend(warc_record(
        "resource",
        &[
            ("WARC-Target-URI", "file:///notes.txt"),
            ("WARC-Record-ID", "<urn:uuid:0003>"),
            ("Content-Type", "text/plain"),
        ],
        b"Ministers met.",
    ));
    w
}

fn check_sample_warc(docs: &[entente_core::RawDocument], name: &str) {
    assert_eq!(docs.len(), 2, "{docs:#?}");
    let a = &docs[0];
    assert_eq!(a.origin.path, name);
    let loc = a.origin.locator.as_deref().unwrap();
    assert!(loc.starts_with("record 3 at byte "), "{loc}");
    assert_eq!(a.url.as_deref(), Some("https://a.example/1"));
    assert_eq!(a.external_id.as_deref(), Some("<urn:uuid:0001>"));
    assert_eq!(
        a.published, None,
        "the crawl date is not the publication date"
    );
    assert_eq!(
        a.content,
        Content::Html("<html><p>Le président a parlé.</p></html>".into())
    );
    let b = &docs[1];
    assert!(b
        .origin
        .locator
        .as_deref()
        .unwrap()
        .starts_with("record 6 at byte "));
    assert_eq!(b.content, Content::Text("Ministers met.".into()));
}

#[test]
fn warc_responses_and_resources() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "crawl.warc", &sample_warc());
    let docs = docs(std::slice::from_ref(&path));
    check_sample_warc(&docs, &path.display().to_string());
    // The offset points at the record's version line.
    let w = sample_warc();
    let loc = docs[0].origin.locator.as_deref().unwrap();
    let offset: usize = loc.rsplit(' ').next().unwrap().parse().unwrap();
    assert!(w[offset..].starts_with(b"WARC/1.0\r\nWARC-Type: response"));
}

#[test]
fn warc_gz_one_member_per_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut gz = Vec::new();
    let w = sample_warc();
    // Split at each record start, as CC-NEWS does.
    let mut starts: Vec<usize> = (0..w.len())
        .filter(|&i| w[i..].starts_with(b"WARC/1.0\r\n"))
        .collect();
    starts.push(w.len());
    for pair in starts.windows(2) {
        gz.extend(gzip(&w[pair[0]..pair[1]]));
    }
    let path = write(dir.path(), "CC-NEWS-20240301.warc.gz", &gz);
    check_sample_warc(
        &docs(std::slice::from_ref(&path)),
        &path.display().to_string(),
    );
}

#[test]
fn rss_items() {
    let path = data("feed.rss");
    let docs = docs(std::slice::from_ref(&path));
    assert_eq!(docs.len(), 2, "the headline-only item has no content");
    let a = &docs[0];
    assert_eq!(a.origin.locator.as_deref(), Some("item 1"));
    assert_eq!(
        a.content,
        Content::Html("<p>Japan and Australia signed a pact.</p>".into())
    );
    assert_eq!(a.url.as_deref(), Some("https://wire.example/pact"));
    assert_eq!(a.external_id.as_deref(), Some("wire-1"));
    assert_eq!(a.title.as_deref(), Some("Pact signed"));
    assert_eq!(a.source.as_deref(), Some("Example Wire"));
    assert_eq!(a.published, date(2024, 3, 5));
    let b = &docs[1];
    assert_eq!(b.title.as_deref(), Some("Talks & tensions"));
    assert_eq!(
        b.content,
        Content::Html("<p>China urged restraint.</p>".into())
    );
    assert_eq!(b.published, date(2024, 3, 6));
}

#[test]
fn atom_entries() {
    let docs = docs(&[data("feed.atom")]);
    assert_eq!(docs.len(), 2);
    let a = &docs[0];
    assert_eq!(a.url.as_deref(), Some("https://atom.example/summit"));
    assert_eq!(a.external_id.as_deref(), Some("urn:example:1"));
    assert_eq!(a.published, date(2024, 3, 7), "published wins over updated");
    assert_eq!(a.source.as_deref(), Some("Example Atom"));
    assert_eq!(
        a.content,
        Content::Html("<p>Leaders met in Vilnius.</p>".into())
    );
    let b = &docs[1];
    assert_eq!(b.url.as_deref(), Some("https://atom.example/plain"));
    assert_eq!(b.published, date(2024, 3, 9));
    assert_eq!(b.content, Content::Text("Ministers spoke.".into()));
}

#[test]
fn xml_files_are_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    let feed = write(
        dir.path(),
        "feed.xml",
        &std::fs::read(data("feed.rss")).unwrap(),
    );
    assert_eq!(docs(&[feed]).len(), 2);
    let page = write(
        dir.path(),
        "page.xml",
        b"<?xml version=\"1.0\"?><html><p>x</p></html>",
    );
    assert!(matches!(docs(&[page])[0].content, Content::Html(_)));
}

#[test]
fn directories_in_sorted_order_without_hidden() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", b"second");
    write(dir.path(), "a.txt", b"first");
    write(dir.path(), "sub/c.txt", b"third");
    write(dir.path(), ".hidden.txt", b"hidden");
    write(dir.path(), ".git/d.txt", b"hidden too");
    let texts: Vec<_> = docs(&[dir.path().to_path_buf()])
        .into_iter()
        .map(|d| d.content.as_str().to_string())
        .collect();
    assert_eq!(texts, ["first", "second", "third"]);
    let mut read = read_paths(&[dir.path().to_path_buf()], &IngestOptions::default());
    read.next();
    assert!(read.current_input().unwrap().name.ends_with("a.txt"));
    assert_eq!(read.current_bytes_read(), 5);
    let inputs: Vec<_> = list_inputs(&[dir.path().to_path_buf()])
        .into_iter()
        .map(|i| i.unwrap())
        .collect();
    assert_eq!(inputs.len(), 3);
    assert_eq!(inputs[0].bytes, Some(5));
    assert!(inputs[2].name.ends_with("c.txt"));
}

#[test]
fn streams_are_sniffed() {
    let opts = IngestOptions::default();
    let jsonl = std::fs::read(data("news.jsonl")).unwrap();
    let docs: Vec<_> = read_reader("-", std::io::Cursor::new(jsonl), &opts).collect();
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0].as_ref().unwrap().origin.to_string(), "- (line 1)");

    let warc_gz = gzip(&sample_warc());
    let docs: Vec<_> = read_reader("-", std::io::Cursor::new(warc_gz), &opts)
        .map(Result::unwrap)
        .collect();
    check_sample_warc(&docs, "-");

    let page = std::fs::read(data("page.html")).unwrap();
    let docs: Vec<_> = read_reader("-", std::io::Cursor::new(page), &opts).collect();
    assert!(matches!(
        docs[0].as_ref().unwrap().content,
        Content::Html(_)
    ));

    let rss = std::fs::read(data("feed.rss")).unwrap();
    assert_eq!(
        read_reader("-", std::io::Cursor::new(rss), &opts).count(),
        2
    );
}

#[test]
fn legacy_encodings_decode() {
    let docs = docs(&[
        data("page-windows-1252.html"),
        data("page-shift_jis.html"),
        data("undeclared-shift_jis.txt"),
    ]);
    assert!(
        docs[0]
            .content
            .as_str()
            .contains("Le ministre français a déclaré “nous restons unis” – à Paris."),
        "{}",
        docs[0].content.as_str()
    );
    assert!(docs[1]
        .content
        .as_str()
        .contains("日本とオーストラリアは防衛協定に署名した。"));
    assert!(docs[2]
        .content
        .as_str()
        .starts_with("東京で日本とオーストラリアの首脳が会談し"));
}

#[test]
fn utf16_with_bom() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for u in "NATO met in Brussels.".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let path = write(dir.path(), "utf16.txt", &bytes);
    assert_eq!(
        docs(&[path])[0].content,
        Content::Text("NATO met in Brussels.".into())
    );
}

#[test]
fn fifty_megabyte_document() {
    let dir = tempfile::tempdir().unwrap();
    let para = "NATO ministers met in Brussels on Tuesday and agreed to deepen cooperation. ";
    let body = para.repeat(50 * 1024 * 1024 / para.len());
    let html = format!("<html><head><link rel=canonical href=\"https://big.example/\"></head><body><p>{body}</p></body></html>");
    let txt = write(dir.path(), "big.txt", body.as_bytes());
    let page = write(dir.path(), "big.html", html.as_bytes());
    let docs = docs(&[txt, page]);
    assert_eq!(docs[0].content.as_str().len(), body.len());
    assert_eq!(docs[1].url.as_deref(), Some("https://big.example/"));
}

#[test]
fn wet_conversion_records_and_lenient_responses() {
    let mut w = warc_record(
        "conversion",
        &[
            ("WARC-Target-URI", "https://a.example/1"),
            ("Content-Type", "text/plain"),
        ],
        "Ministers met in Brussels.\nThey agreed.".as_bytes(),
    );
    // A response record without its own Content-Type, chunked on the wire.
    w.extend(warc_record(
        "response",
        &[("WARC-Target-URI", "https://a.example/2")],
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<p>hi\r\n4\r\n</p>\r\n0\r\n\r\n",
    ));
    let dir = tempfile::tempdir().unwrap();
    let docs = docs(&[write(dir.path(), "CC-MAIN.warc.wet", &w)]);
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0].content,
        Content::Text("Ministers met in Brussels.\nThey agreed.".into())
    );
    assert_eq!(docs[1].content, Content::Html("<p>hi</p>".into()));
}

#[test]
fn documents_can_move_to_a_reader_thread() {
    fn assert_send<T: Send>() {}
    assert_send::<entente_ingest::Documents>();
}

#[test]
fn latin1_feed_by_xml_declaration() {
    let dir = tempfile::tempdir().unwrap();
    let feed = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss><channel><title>D\xe9p\xeaches</title>\
        <item><title>Sommet \xe0 Paris</title><description>Le pr\xe9sident a parl\xe9.</description></item></channel></rss>";
    let docs = docs(&[write(dir.path(), "depeches.rss", feed)]);
    assert_eq!(docs[0].title.as_deref(), Some("Sommet à Paris"));
    assert_eq!(docs[0].source.as_deref(), Some("Dépêches"));
    assert_eq!(docs[0].content.as_str(), "Le président a parlé.");
}

#[test]
fn fifty_megabyte_jsonl_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Ministers met. ".repeat(50 * 1024 * 1024 / 15);
    let jsonl = format!(
        "{{\"id\": \"big\", \"text\": \"{text}\"}}\n{{\"id\": \"small\", \"text\": \"x\"}}\n"
    );
    let docs = docs(&[write(dir.path(), "big.jsonl", jsonl.as_bytes())]);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].content.as_str().len(), text.len());
}

/// Issue 9: HTML entities in feed text (`&nbsp;` is not XML) left the whole
/// description undecoded, stored as escaped markup.
#[test]
fn issue_9_feed_text_with_html_entities() {
    let (docs, warnings) = with_warnings(|| docs(&[data("feed-entities.rss")]));
    assert_eq!(docs.len(), 3, "every item is read, bad dates or not");
    let a = &docs[0];
    assert_eq!(
        a.content,
        Content::Html(
            "<p>Ministers\u{a0}met in Orléans—again \u{201c}quietly\u{201d} — &nbsp; &bogus; AT&T</p>"
                .into()
        ),
        "help: named, numeric and XML entities are decoded once; unknown ones kept"
    );
    assert_eq!(a.title.as_deref(), Some("Talks\u{a0}in Orléans"));
    assert_eq!(a.source.as_deref(), Some("Wire\u{a0}&\u{a0}Co"));
    assert_eq!(a.url.as_deref(), Some("https://wire.example/a?x=1&y=2"));
    assert_eq!(a.published, date(2022, 4, 8));
    assert_eq!(docs[1].content.as_str(), "Café diplomacy.");
    assert_eq!(
        docs[1].published,
        date(2022, 4, 9),
        "a bad pubDate is dropped and `updated` stands in"
    );
    assert_eq!(docs[2].content.as_str(), "Text\u{a0}kept.");
    assert_eq!(docs[2].published, None);
    let file = data("feed-entities.rss").display().to_string();
    for (item, bad) in [
        ("item 2", "2022-04-08T25:00:00Z"),
        ("item 3", "+262142-12-31"),
    ] {
        assert!(
            warnings
                .lines()
                .any(|l| l.contains(&format!("{file} ({item})")) && l.contains(bad)),
            "a warning names {item} and {bad:?}:\n{warnings}"
        );
    }
}

/// Issue 9: a feed item whose date is bad gets the default date, like one
/// with none.
#[test]
fn issue_9_bad_feed_date_takes_the_default() {
    let opts = IngestOptions {
        published: date(2020, 1, 1),
        ..IngestOptions::default()
    };
    let dates: Vec<_> = read_paths(&[data("feed-entities.rss")], &opts)
        .map(|r| r.unwrap().published)
        .collect();
    assert_eq!(
        dates,
        [date(2022, 4, 8), date(2022, 4, 9), date(2020, 1, 1)]
    );
}

/// Issue 9: a FIFO in an input directory hung the walk forever; sockets and
/// links to FIFOs too. Only regular files are read from directories.
#[cfg(unix)]
#[test]
fn issue_9_special_files_in_directories_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"first");
    write(dir.path(), "z.txt", b"last");
    let fifo = mkfifo(dir.path(), "b.fifo");
    std::os::unix::fs::symlink(&fifo, dir.path().join("c-link-to-fifo")).unwrap();
    let _socket = std::os::unix::net::UnixListener::bind(dir.path().join("d.sock")).unwrap();
    let root = dir.path().to_path_buf();
    let (texts, warnings) = with_timeout(move || {
        with_warnings(|| {
            docs(&[root])
                .into_iter()
                .map(|d| d.content.as_str().to_string())
                .collect::<Vec<_>>()
        })
    });
    assert_eq!(texts, ["first", "last"]);
    for (name, kind) in [
        ("b.fifo", "a FIFO"),
        ("c-link-to-fifo", "a FIFO"),
        ("d.sock", "a socket"),
    ] {
        assert!(
            warnings
                .lines()
                .any(|l| l.contains(name) && l.contains("skipped") && l.contains(kind)),
            "a warning names {name}:\n{warnings}"
        );
    }
}

/// Issue 9: a FIFO named on the command line is read (process substitution).
#[cfg(unix)]
#[test]
fn issue_9_fifo_given_directly_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = mkfifo(dir.path(), "news.jsonl");
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            std::fs::write(&fifo, b"{\"id\": \"p1\", \"text\": \"Piped in.\"}\n").unwrap()
        })
    };
    let inputs = list_inputs(std::slice::from_ref(&fifo));
    assert_eq!(inputs.len(), 1);
    assert_eq!(
        inputs[0].as_ref().unwrap().bytes,
        None,
        "a FIFO has no size"
    );
    let docs = with_timeout(move || docs(&[fifo]));
    writer.join().unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].external_id.as_deref(), Some("p1"));
}

#[cfg(unix)]
fn mkfifo(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    let status = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
    path
}

/// Runs `f` on another thread, failing the test instead of hanging it.
fn with_timeout<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(20))
        .expect("help: reading failed, or blocked (on opening or reading a FIFO?)")
}
