//! Helpers shared by the integration tests: fixture paths, gzip, WARC records.
#![allow(dead_code)]

use entente_core::RawDocument;
use entente_ingest::{read_paths, IngestError, IngestOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

pub fn read(paths: &[PathBuf]) -> Vec<Result<RawDocument, IngestError>> {
    read_paths(paths, &IngestOptions::default()).collect()
}

/// The documents, failing the test on any error.
pub fn docs(paths: &[PathBuf]) -> Vec<RawDocument> {
    read(paths)
        .into_iter()
        .map(|r| r.unwrap_or_else(|e| panic!("unexpected error: {e}")))
        .collect()
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

/// One WARC record with the given type, extra headers and block.
pub fn warc_record(kind: &str, headers: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut out = format!("WARC/1.0\r\nWARC-Type: {kind}\r\n").into_bytes();
    for (name, value) in headers {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// A `response` record of an HTTP 200 with the given content type and body.
pub fn warc_response(uri: &str, id: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut http = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
    http.extend_from_slice(body);
    warc_record(
        "response",
        &[
            ("WARC-Target-URI", uri),
            ("WARC-Record-ID", id),
            ("WARC-Date", "2024-03-01T00:00:00Z"),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        &http,
    )
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Asserts `r` is an error whose message contains every one of `parts`.
pub fn assert_error(r: &Result<RawDocument, IngestError>, parts: &[&str]) {
    match r {
        Ok(doc) => panic!(
            "expected an error naming {parts:?}, got a document from {}",
            doc.origin
        ),
        Err(e) => {
            let msg = e.to_string();
            for p in parts {
                assert!(
                    msg.contains(p),
                    "error {msg:?} should contain {p:?}\nhelp: errors must name the file and the line/record/offset"
                );
            }
        }
    }
}

/// Runs `f` on this thread, returning its result and the warnings logged
/// meanwhile, one per line.
pub fn with_warnings<T>(f: impl FnOnce() -> T) -> (T, String) {
    #[derive(Clone, Default)]
    struct Log(Arc<Mutex<Vec<u8>>>);
    impl Write for Log {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let log = Log::default();
    let writer = log.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::WARN)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    // Another test thread may have cached a callsite's interest as "never"
    // while no subscriber was set: rebuild it under this one, or its
    // warnings go unseen now and then.
    let out = tracing::subscriber::with_default(subscriber, || {
        tracing::callsite::rebuild_interest_cache();
        f()
    });
    let text = String::from_utf8_lossy(&log.0.lock().unwrap()).into_owned();
    (out, text)
}
