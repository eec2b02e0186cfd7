//! Reading articles in the forms users have them into [`RawDocument`]s.
//!
//! ingest is the first stage of entente. It finds input files, decompresses
//! `.gz`, tells the format apart, decodes the text to UTF-8 and yields one
//! [`RawDocument`] per article, with an [`Origin`]
//! naming the file and the line, record or item. It reads:
//!
//! - plain text (one document, [`Content::Text`]);
//! - HTML pages (one document, `Content::Html`, with the canonical URL when
//!   the head names one);
//! - JSONL: one object per line with `id`, `text` or `html`, and optional
//!   `url`, `title`, `published`, `source` (`text` wins when both are given);
//! - WARC: `response` records with a 2xx HTML or plain-text HTTP payload and
//!   `resource` and `conversion` (WET) records of HTML or text;
//! - RSS and Atom feeds: each item or entry with content;
//! - directories, walked recursively in sorted order without hidden entries,
//!   and standard input as `-`, its format sniffed from the content.
//!
//! Encodings follow the browser rules: byte-order mark, HTTP charset, then
//! `<meta charset>` or the XML declaration, else detection.
//!
//! It does not clean, extract titles from HTML, or deduplicate: that is the
//! clean stage. Nothing here panics on bad input; everything goes through
//! [`IngestError`], one per bad file or record, and reading goes on with the
//! next record where the format allows.
//!
//! The types that matter:
//! - [`IngestOptions`]: the default publication date and the size limit.
//! - [`Documents`]: the streaming iterator returned by [`read_paths`] and
//!   [`read_reader`], yielding `Result<RawDocument, IngestError>`.
//! - [`InputFile`] from [`list_inputs`]: what will be read, with sizes, for
//!   progress reporting.
//! - [`Format`] from [`detect_format`].
//!
//! ```
//! use entente_ingest::{read_reader, IngestOptions};
//! let jsonl = b"{\"id\": \"a1\", \"text\": \"NATO met.\", \"published\": \"2024-03-01\"}\n\
//!               {\"id\": \"a2\"}\n\
//!               {\"id\": \"a3\", \"html\": \"<p>China urged.</p>\"}\n";
//! let results: Vec<_> = read_reader("news.jsonl", &jsonl[..], &IngestOptions::default()).collect();
//! assert_eq!(results.len(), 3);
//! let first = results[0].as_ref().unwrap();
//! assert_eq!(first.external_id.as_deref(), Some("a1"));
//! assert_eq!(first.origin.to_string(), "news.jsonl (line 1)");
//! let err = results[1].as_ref().unwrap_err();
//! assert_eq!(err.to_string(), "news.jsonl (line 2): has neither `text` nor `html`");
//! assert!(results[2].is_ok()); // one bad line does not stop the rest
//! ```
//!
//! Publication dates are read with one parser,
//! [`entente_core::published::parse_publication_date`], strictly. A bad
//! JSONL `published` is an error naming the line: the field exists only to
//! carry the date, so a wrong one is the writer's bug. A bad feed date
//! (`pubDate`, `published`, `updated`, ...) is dropped with a warning and the
//! item is still read, with `updated` standing in as it does for a missing
//! `pubDate`: feeds are written by many publishers' software and a whole
//! article should not be lost to a date. A document left without a date gets
//! [`IngestOptions::published`], if given. WARC dates are crawl dates and
//! HTML is not searched for dates, so neither gives a publication date.
//!
//! In directories, only regular files are read (symbolic links are
//! followed); FIFOs, sockets and devices are skipped with a warning, since
//! reading them can block forever. A path named directly is read whatever it
//! is, so that `<(zcat a.gz)` and `/dev/stdin` work.

#![deny(clippy::string_slice)]

mod decode;
mod error;
mod feed;
mod format;
mod html;
mod jsonl;
mod source;
mod warc;

pub use error::IngestError;
pub use format::{detect_format, Format};
pub use source::{list_inputs, InputFile};

use chrono::NaiveDate;
use decode::Markup;
use entente_core::{Content, Origin, RawDocument};
use source::Source;
use std::collections::VecDeque;
use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// The default [`IngestOptions::max_document_bytes`]: 64 MiB.
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

/// How to read inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestOptions {
    /// The publication date of documents whose input gives none.
    pub published: Option<NaiveDate>,
    /// The largest document (or JSONL line, or feed file) read, decompressed;
    /// a larger one is an [`IngestError::TooLarge`].
    pub max_document_bytes: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            published: None,
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
        }
    }
}

type Results = Box<dyn Iterator<Item = Result<RawDocument, IngestError>> + Send>;

enum Pending {
    Input(InputFile),
    Stream(String, Box<dyn Read + Send>),
    Failed(IngestError),
}

/// The documents of a list of inputs, read one input at a time.
///
/// Each item is a document or the error of one file or record; after an
/// error, reading goes on with the next record or file. Only one input is
/// open at a time, and only one document (or feed) is held in memory.
pub struct Documents {
    opts: IngestOptions,
    pending: VecDeque<Pending>,
    current: Option<Results>,
    current_input: Option<InputFile>,
    progress: Option<Arc<AtomicU64>>,
}

impl Documents {
    fn new(pending: VecDeque<Pending>, opts: &IngestOptions) -> Self {
        Documents {
            opts: opts.clone(),
            pending,
            current: None,
            current_input: None,
            progress: None,
        }
    }

    /// The input being read: the one the last item came from.
    pub fn current_input(&self) -> Option<&InputFile> {
        self.current_input.as_ref()
    }

    /// Bytes of the current input read so far, as stored (compressed, for
    /// `.gz`), including read-ahead. With [`InputFile::bytes`] it shows
    /// progress through a large file.
    pub fn current_bytes_read(&self) -> u64 {
        self.progress
            .as_ref()
            .map_or(0, |p| p.load(Ordering::Relaxed))
    }

    fn open(&mut self, pending: Pending) -> Results {
        let limit = self.opts.max_document_bytes;
        self.current_input = None;
        self.progress = None;
        let source = match pending {
            Pending::Failed(e) => return Box::new(std::iter::once(Err(e))),
            Pending::Stream(name, reader) => Source::open(&name, reader),
            Pending::Input(input) => {
                let opened = if input.is_stdin() {
                    Ok(Source::open("-", Box::new(std::io::stdin())))
                } else {
                    Source::open_path(&input.path, &input.name)
                };
                self.current_input = Some(input);
                match opened {
                    Ok(s) => s,
                    Err(e) => return Box::new(std::iter::once(Err(e))),
                }
            }
        };
        self.progress = Some(source.progress());
        match source.format {
            Format::Jsonl => Box::new(jsonl::JsonlReader::new(source, limit)),
            Format::Warc => Box::new(warc::WarcReader::new(source, limit)),
            Format::Feed => Box::new(read_feed_source(source, limit).into_iter()),
            Format::Text | Format::Html => Box::new(std::iter::once(read_single(source, limit))),
        }
    }
}

impl Iterator for Documents {
    type Item = Result<RawDocument, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.current.as_mut().and_then(Iterator::next) {
                return Some(item.map(|mut doc| {
                    doc.published = doc.published.or(self.opts.published);
                    doc
                }));
            }
            let pending = self.pending.pop_front()?;
            self.current = Some(self.open(pending));
        }
    }
}

/// Reads every file the paths name (see [`list_inputs`]), in order.
pub fn read_paths(paths: &[PathBuf], opts: &IngestOptions) -> Documents {
    read_inputs(list_inputs(paths), opts)
}

/// Reads inputs listed by [`list_inputs`], in order; a listing error is
/// yielded in its place.
pub fn read_inputs(
    inputs: impl IntoIterator<Item = Result<InputFile, IngestError>>,
    opts: &IngestOptions,
) -> Documents {
    let pending = inputs
        .into_iter()
        .map(|i| match i {
            Ok(input) => Pending::Input(input),
            Err(e) => Pending::Failed(e),
        })
        .collect();
    Documents::new(pending, opts)
}

/// Reads one stream, such as standard input. `name` is reported in origins
/// and errors; its extension, if any, decides the format, else the content
/// does. Gzip is detected from the content.
pub fn read_reader(
    name: &str,
    reader: impl Read + Send + 'static,
    opts: &IngestOptions,
) -> Documents {
    let pending = VecDeque::from([Pending::Stream(name.to_string(), Box::new(reader))]);
    Documents::new(pending, opts)
}

/// One JSONL record, read as `entente code` reads a line of a `.jsonl`
/// file, for callers that split the lines themselves (the Spark job reads
/// them with Spark). `path` and `at` name the record in its origin and
/// errors (`docs.jsonl`, `line 12`). A blank line is `Ok(None)`, as the
/// file reader skips it; a leading byte-order mark is dropped; a line over
/// [`IngestOptions::max_document_bytes`] is [`IngestError::TooLarge`]; a
/// document without a date gets [`IngestOptions::published`].
///
/// ```
/// use entente_ingest::{read_jsonl_record, IngestOptions};
/// let opts = IngestOptions::default();
/// let line = br#"{"id": 7, "text": "NATO met.", "published": "2024-03-01"}"#;
/// let doc = read_jsonl_record("news.jsonl", "line 3", line, &opts).unwrap().unwrap();
/// assert_eq!(doc.origin.to_string(), "news.jsonl (line 3)");
/// assert_eq!(doc.external_id.as_deref(), Some("7"));
/// assert!(read_jsonl_record("news.jsonl", "line 4", b"  ", &opts).unwrap().is_none());
/// let err = read_jsonl_record("news.jsonl", "line 5", b"{", &opts).unwrap_err();
/// assert!(err.to_string().starts_with("news.jsonl (line 5): bad JSON"));
/// ```
pub fn read_jsonl_record(
    path: &str,
    at: &str,
    line: &[u8],
    opts: &IngestOptions,
) -> Result<Option<RawDocument>, IngestError> {
    if line.len() > opts.max_document_bytes {
        return Err(IngestError::TooLarge {
            path: path.to_string(),
            at: at.to_string(),
            limit: opts.max_document_bytes,
        });
    }
    let bytes = line.trim_ascii();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.is_empty() {
        return Ok(None);
    }
    let mut doc = jsonl::parse_record(path, at.to_string(), bytes)?;
    doc.published = doc.published.or(opts.published);
    Ok(Some(doc))
}

fn read_single(mut source: Source, limit: usize) -> Result<RawDocument, IngestError> {
    let bytes = source.read_all(limit, "")?;
    let html = source.format == Format::Html;
    let markup = if html { Markup::Html } else { Markup::None };
    let text = decode::decode(bytes, None, markup).map_err(|e| e.at(&source.name, ""))?;
    let (url, content) = if html {
        (html::canonical_url(&text), Content::Html(text))
    } else {
        (None, Content::Text(text))
    };
    Ok(RawDocument {
        origin: Origin::file(source.name.clone()),
        external_id: None,
        url,
        title: None,
        published: None,
        source: None,
        content,
    })
}

fn read_feed_source(mut source: Source, limit: usize) -> Vec<Result<RawDocument, IngestError>> {
    let bytes = match source.read_all(limit, "") {
        Ok(b) => b,
        Err(e) => return vec![Err(e)],
    };
    match decode::decode(bytes, None, Markup::Xml) {
        Ok(xml) => feed::read_feed(&source.name, &xml),
        Err(e) => vec![Err(e.at(&source.name, ""))],
    }
}
