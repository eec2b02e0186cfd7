//! JSONL: one document per line.

use crate::error::IngestError;
use crate::source::{Line, Source};
use entente_core::published::parse_publication_date;
use entente_core::{Content, Origin, RawDocument};
use serde::Deserialize;

/// One line as written. Unknown fields are ignored.
#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: serde_json::Value,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    title: Option<String>,
    published: Option<String>,
    source: Option<String>,
}

/// Reads a JSONL stream line by line; a bad line is an error and reading
/// goes on with the next.
pub(crate) struct JsonlReader {
    src: Source,
    limit: usize,
    line: u64,
    buf: Vec<u8>,
    /// Whether a non-blank line was seen: a file with none is empty.
    seen: bool,
    done: bool,
}

impl JsonlReader {
    pub(crate) fn new(src: Source, limit: usize) -> Self {
        JsonlReader {
            src,
            limit,
            line: 0,
            buf: Vec::new(),
            seen: false,
            done: false,
        }
    }

    fn parse(&self, bytes: &[u8]) -> Result<RawDocument, IngestError> {
        parse_record(&self.src.name, format!("line {}", self.line), bytes)
    }
}

/// One JSONL record (a line without its line break), named `path (at)` in
/// its origin and errors.
pub(crate) fn parse_record(
    path: &str,
    at: String,
    bytes: &[u8],
) -> Result<RawDocument, IngestError> {
    let error = |reason: String| IngestError::Jsonl {
        path: path.to_string(),
        at: at.clone(),
        reason,
    };
    let rec: Record = serde_json::from_slice(bytes).map_err(|e| error(format!("bad JSON: {e}")))?;
    let external_id = match rec.id {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        other => {
            return Err(error(format!(
                "`id` must be a string or number, not {other}"
            )))
        }
    };
    let content = match (rec.text, rec.html) {
        (Some(t), _) if !t.trim().is_empty() => Content::Text(t),
        (_, Some(h)) if !h.trim().is_empty() => Content::Html(h),
        (None, None) => return Err(error("has neither `text` nor `html`".into())),
        _ => return Err(error("`text`/`html` is empty".into())),
    };
    // A blank `published` is an absent one; anything else must parse.
    let published = match rec.published.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => {
            Some(parse_publication_date(s).map_err(|e| error(format!("bad `published`: {e}")))?)
        }
    };
    Ok(RawDocument {
        origin: Origin::record(path, at.clone()),
        external_id,
        url: rec.url.filter(|u| !u.trim().is_empty()),
        title: rec.title.filter(|t| !t.trim().is_empty()),
        published,
        source: rec.source.filter(|s| !s.trim().is_empty()),
        content,
    })
}

impl Iterator for JsonlReader {
    type Item = Result<RawDocument, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.line += 1;
            let mut buf = std::mem::take(&mut self.buf);
            let read = self.src.read_line(&mut buf, self.limit);
            let item = match read {
                Err(e) => {
                    self.done = true;
                    Some(Err(self.src.io_error(e)))
                }
                Ok(Line::Eof) => {
                    self.done = true;
                    (!self.seen).then(|| {
                        Err(IngestError::Empty {
                            path: self.src.name.clone(),
                            at: String::new(),
                        })
                    })
                }
                Ok(Line::TooLong) => {
                    self.seen = true;
                    Some(Err(IngestError::TooLarge {
                        path: self.src.name.clone(),
                        at: format!("line {}", self.line),
                        limit: self.limit,
                    }))
                }
                Ok(Line::Complete) => {
                    let mut bytes = buf.trim_ascii();
                    if self.line == 1 {
                        bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                    }
                    self.seen |= !bytes.is_empty();
                    (!bytes.is_empty()).then(|| self.parse(bytes))
                }
            };
            self.buf = buf;
            if item.is_some() {
                return item;
            }
        }
        None
    }
}
