//! WARC: `response` and `resource` records holding pages.
//!
//! A hand-written reader: it must resynchronise after a broken record header
//! (on the next `WARC/1.` line) and report record numbers and byte offsets,
//! which the WARC crates on offer do not. Offsets are in the decompressed
//! stream (`.warc.gz` is one gzip member per record, read as one stream).
//!
//! A record's Content-Length is not trusted to be right. One that is not a
//! number, or over the size limit, is an error naming it, and reading
//! resumes at the next `WARC/1.` line (which a large genuine record is
//! skipped by, line by line). One that runs past the end of the file, or
//! into the next record (the block is not followed by the blank lines and a
//! `WARC/1.` line), is an error too when a `WARC/1.` line starts inside the
//! block read, and reading resumes there; so a wrong length costs its own
//! record and never the next good one.

use crate::decode::{content_type_charset, decode, Markup};
use crate::error::IngestError;
use crate::format::{detect_format, Format};
use crate::source::{Line, Source};
use entente_core::{Content, Origin, RawDocument};
use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};
use std::io::{BufRead, Read};

const MAX_HEADER_LINE: usize = 64 * 1024;
const MAX_HEADER_LINES: usize = 1024;
/// Room for the HTTP header on top of the document size limit.
const HTTP_HEADER_ALLOWANCE: u64 = 1024 * 1024;

pub(crate) struct WarcReader {
    src: Source,
    limit: usize,
    /// Records seen so far, counting broken ones.
    record: u64,
    /// A version line found while resynchronising, with its offset.
    pending: Option<(u64, Vec<u8>)>,
    /// An error to yield before reading on.
    deferred: Option<IngestError>,
    line: Vec<u8>,
    seen: bool,
    done: bool,
}

enum Step {
    Doc(RawDocument),
    Skip,
    Fail(IngestError),
    End,
}

impl WarcReader {
    pub(crate) fn new(src: Source, limit: usize) -> Self {
        WarcReader {
            src,
            limit,
            record: 0,
            pending: None,
            deferred: None,
            line: Vec::new(),
            seen: false,
            done: false,
        }
    }

    fn broken(&self, offset: u64, reason: impl Into<String>) -> IngestError {
        IngestError::Warc {
            path: self.src.name.clone(),
            record: self.record,
            offset,
            reason: reason.into(),
        }
    }

    fn fail_io(&mut self, e: std::io::Error) -> Step {
        self.done = true;
        Step::Fail(self.src.io_error(e))
    }

    /// The next non-blank line and its offset; `None` at the end.
    fn next_nonblank(&mut self) -> std::io::Result<Option<(u64, Vec<u8>)>> {
        loop {
            let offset = self.src.pos();
            match self.src.read_line(&mut self.line, MAX_HEADER_LINE)? {
                Line::Eof => return Ok(None),
                Line::Complete | Line::TooLong if self.line.trim_ascii().is_empty() => {}
                Line::Complete | Line::TooLong => return Ok(Some((offset, self.line.clone()))),
            }
        }
    }

    /// Skips to the next line starting `WARC/1.`, keeping it as pending.
    fn resync(&mut self) {
        loop {
            let offset = self.src.pos();
            match self.src.read_line(&mut self.line, MAX_HEADER_LINE) {
                Ok(Line::Eof) => {
                    self.done = true;
                    return;
                }
                Ok(_) if self.line.starts_with(b"WARC/1.") => {
                    self.pending = Some((offset, self.line.clone()));
                    return;
                }
                Ok(_) => {}
                Err(e) => {
                    self.deferred = Some(self.src.io_error(e));
                    self.done = true;
                    return;
                }
            }
        }
    }

    /// Reads header lines up to the blank line. `Err(None)` is an I/O error
    /// already recorded; `Err(Some(reason))` a broken header.
    fn read_headers(&mut self) -> Result<Vec<(String, String)>, Option<String>> {
        let mut headers: Vec<(String, String)> = Vec::new();
        // Counts continuation lines too: they grow a header without bound.
        let mut lines = 0usize;
        loop {
            lines += 1;
            if lines > MAX_HEADER_LINES {
                return Err(Some(format!("more than {MAX_HEADER_LINES} header lines")));
            }
            let offset = self.src.pos();
            let read = match self.src.read_line(&mut self.line, MAX_HEADER_LINE) {
                Ok(r) => r,
                Err(e) => {
                    self.deferred = Some(self.src.io_error(e));
                    self.done = true;
                    return Err(None);
                }
            };
            match read {
                Line::Eof => return Err(Some("the file ends inside the record header".into())),
                Line::TooLong => {
                    return Err(Some(format!(
                        "header line at byte {offset} longer than {MAX_HEADER_LINE} bytes"
                    )))
                }
                Line::Complete => {}
            }
            let line = self.line.trim_ascii_end();
            if line.is_empty() {
                return Ok(headers);
            }
            if line.starts_with(b"WARC/1.") {
                self.pending = Some((offset, self.line.clone()));
                return Err(Some(format!(
                    "header not ended by a blank line before the next record at byte {offset}"
                )));
            }
            let text = String::from_utf8_lossy(line);
            if line.starts_with(b" ") || line.starts_with(b"\t") {
                if let Some((_, value)) = headers.last_mut() {
                    value.push(' ');
                    value.push_str(text.trim());
                    continue;
                }
            }
            match text.split_once(':') {
                Some((name, value)) if !name.trim().is_empty() => {
                    headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()))
                }
                _ => {
                    return Err(Some(format!(
                        "malformed header line at byte {offset}: {}",
                        preview(line)
                    )))
                }
            }
        }
    }

    fn step(&mut self) -> Step {
        let next = match self.pending.take() {
            Some(p) => Ok(Some(p)),
            None => self.next_nonblank(),
        };
        let (offset, first) = match next {
            Ok(Some(p)) => p,
            Ok(None) => return Step::End,
            Err(e) => return self.fail_io(e),
        };
        self.seen = true;
        self.record += 1;
        if !first.starts_with(b"WARC/1.") {
            let err = self.broken(
                offset,
                format!(
                    "expected a WARC/1.x version line, found {}",
                    preview(&first)
                ),
            );
            self.resync();
            return Step::Fail(err);
        }
        let headers = match self.read_headers() {
            Ok(h) => h,
            Err(None) => return Step::End,
            Err(Some(reason)) => {
                let err = self.broken(offset, reason);
                if self.pending.is_none() && !self.done {
                    self.resync();
                }
                return Step::Fail(err);
            }
        };
        let len = match content_length(&headers) {
            Ok(n) => n,
            Err(reason) => {
                let err = self.broken(offset, reason);
                self.resync();
                return Step::Fail(err);
            }
        };
        let at = format!("record {} at byte {offset}", self.record);
        let max = (self.limit as u64).saturating_add(HTTP_HEADER_ALLOWANCE);
        if len > max {
            // Not skipped by its length, which may be a lie swallowing the
            // records after it: the next `WARC/1.` line is found instead.
            let err = self.broken(
                offset,
                format!(
                    "Content-Length {len} is over the limit of {max} bytes (the document \
                     size limit and {HTTP_HEADER_ALLOWANCE} for HTTP headers); skipped to the \
                     next record"
                ),
            );
            self.resync();
            return Step::Fail(err);
        }
        let block_at = self.src.pos();
        // `len` is at most `max`, but capacity grows as bytes really come.
        let mut block = Vec::with_capacity(usize::try_from(len.min(1 << 20)).unwrap_or(0));
        let n = match (&mut self.src).take(len).read_to_end(&mut block) {
            Ok(n) => n as u64,
            Err(e) => return self.fail_io(e),
        };
        if n < len {
            let Some(next) = next_record_in(&block, false) else {
                self.done = true;
                return Step::Fail(self.broken(
                    offset,
                    format!(
                        "truncated record: Content-Length is {len} but the file ends after {n} bytes"
                    ),
                ));
            };
            self.give_back(&block, next);
            return Step::Fail(self.broken(
                offset,
                format!(
                    "Content-Length {len} runs past the end of the file ({n} bytes follow the \
                     header); reading on at the record at byte {}",
                    block_at + next as u64
                ),
            ));
        }
        if !self.record_follows() {
            if let Some(next) = next_record_in(&block, true) {
                self.give_back(&block, next);
                return Step::Fail(self.broken(
                    offset,
                    format!(
                        "Content-Length {len} runs into the next record, at byte {}",
                        block_at + next as u64
                    ),
                ));
            }
        }
        self.document(&headers, block, at)
    }

    /// Puts `block[from..]` back to be read again.
    fn give_back(&mut self, block: &[u8], from: usize) {
        self.src.unread(block.get(from..).unwrap_or_default());
    }

    /// Whether the bytes after a block are what should follow one: blank
    /// lines, then a `WARC/1.` line or the end. Undecided (a short read
    /// ahead, a read error to come) counts as yes.
    fn record_follows(&mut self) -> bool {
        const VERSION: &[u8] = b"WARC/1.";
        match self.src.fill_buf() {
            Ok(ahead) => {
                let ahead = ahead.trim_ascii_start();
                ahead.starts_with(VERSION) || VERSION.starts_with(ahead)
            }
            Err(_) => true,
        }
    }

    fn document(&self, headers: &[(String, String)], block: Vec<u8>, at: String) -> Step {
        let name = &self.src.name;
        let kind = header(headers, "warc-type")
            .unwrap_or("")
            .to_ascii_lowercase();
        let record_type = header(headers, "content-type").unwrap_or("");
        let body = match kind.as_str() {
            "response"
                if media_type(record_type) == "application/http" || block.starts_with(b"HTTP/") =>
            {
                match http_body(block, self.limit) {
                    Ok(Some(body)) => body,
                    Ok(None) => return Step::Skip,
                    Err(reason) => {
                        return Step::Fail(IngestError::Payload {
                            path: name.clone(),
                            at,
                            reason,
                        })
                    }
                }
            }
            // `conversion` records hold extracted text (Common Crawl WET files).
            "resource" | "conversion" => Body {
                media: media_type(record_type),
                charset: content_type_charset(record_type),
                bytes: block,
            },
            _ => return Step::Skip,
        };
        let html = match body.media.as_str() {
            "text/html" | "application/xhtml+xml" => true,
            "text/plain" => false,
            "" => match detect_format("", &body.bytes[..body.bytes.len().min(4096)]) {
                Format::Html => true,
                Format::Text => false,
                _ => return Step::Skip,
            },
            _ => return Step::Skip,
        };
        if body.bytes.len() > self.limit {
            return Step::Fail(IngestError::TooLarge {
                path: name.clone(),
                at,
                limit: self.limit,
            });
        }
        let markup = if html { Markup::Html } else { Markup::None };
        let text = match decode(body.bytes, body.charset.as_deref(), markup) {
            Ok(t) => t,
            Err(e) => return Step::Fail(e.at(name, at)),
        };
        let url = header(headers, "warc-target-uri")
            .map(|u| u.trim_start_matches('<').trim_end_matches('>').to_string())
            .filter(|u| !u.is_empty());
        Step::Doc(RawDocument {
            origin: Origin::record(name.clone(), at),
            external_id: header(headers, "warc-record-id").map(str::to_string),
            url,
            title: None,
            published: None,
            source: None,
            content: if html {
                Content::Html(text)
            } else {
                Content::Text(text)
            },
        })
    }
}

impl Iterator for WarcReader {
    type Item = Result<RawDocument, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(e) = self.deferred.take() {
                return Some(Err(e));
            }
            if self.done {
                return None;
            }
            match self.step() {
                Step::Doc(d) => return Some(Ok(d)),
                Step::Fail(e) => return Some(Err(e)),
                Step::Skip => {}
                Step::End => {
                    self.done = true;
                    if !self.seen {
                        return Some(Err(IngestError::Empty {
                            path: self.src.name.clone(),
                            at: String::new(),
                        }));
                    }
                }
            }
        }
    }
}

/// The record's Content-Length, or why it is unusable.
fn content_length(headers: &[(String, String)]) -> Result<u64, String> {
    let value = header(headers, "content-length").ok_or("missing Content-Length")?;
    let shown = entente_core::text::truncate(value, 40);
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("Content-Length {shown:?} is not a number"));
    }
    value
        .parse::<u64>()
        .map_err(|_| format!("Content-Length {shown} is too large to be a length"))
}

/// Where the first line starting `WARC/1.` begins in `block`. With
/// `cut_off`, the block's last line may also be the start of one whose rest
/// is still to be read.
fn next_record_in(block: &[u8], cut_off: bool) -> Option<usize> {
    const VERSION: &[u8] = b"WARC/1.";
    std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', block).map(|i| i + 1))
        .find(|&i| {
            let line = block.get(i..).unwrap_or_default();
            line.starts_with(VERSION) || (cut_off && !line.is_empty() && VERSION.starts_with(line))
        })
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// `text/html; charset=utf-8` → `text/html`.
fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

fn preview(line: &[u8]) -> String {
    let text = String::from_utf8_lossy(line.trim_ascii());
    let short: String = text.chars().take(40).collect();
    format!("{short:?}")
}

/// An HTTP payload with what its headers say about it.
struct Body {
    media: String,
    charset: Option<String>,
    bytes: Vec<u8>,
}

/// The body of a successful HTTP response, de-chunked and decompressed;
/// `None` for other statuses (redirects, errors), whose bodies are no articles.
fn http_body(mut block: Vec<u8>, limit: usize) -> Result<Option<Body>, String> {
    let crlf = memchr::memmem::find(&block, b"\r\n\r\n").map(|i| i + 4);
    let lf = memchr::memmem::find(&block, b"\n\n").map(|i| i + 2);
    let end = match (crlf, lf) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b).ok_or("HTTP response without an end of headers")?,
    };
    let head = String::from_utf8_lossy(&block[..end]).into_owned();
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    let code = status
        .strip_prefix("HTTP/")
        .and_then(|s| s.split_ascii_whitespace().nth(1))
        .and_then(|c| c.parse::<u16>().ok())
        .ok_or_else(|| format!("bad HTTP status line {:?}", status.trim()))?;
    if !(200..300).contains(&code) {
        return Ok(None);
    }
    let (mut content_type, mut encoding, mut chunked) = (String::new(), String::new(), false);
    for line in lines {
        if let Some((name, value)) = line.split_once(':') {
            let value = value.trim();
            match name.trim().to_ascii_lowercase().as_str() {
                "content-type" => content_type = value.to_string(),
                "content-encoding" => encoding = value.to_ascii_lowercase(),
                "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
                _ => {}
            }
        }
    }
    block.drain(..end);
    if chunked {
        // Crawlers often store the body de-chunked but keep the header.
        if let Some(body) = dechunk(&block) {
            block = body;
        }
    }
    let bytes = match encoding.as_str() {
        "" | "identity" | "none" => block,
        "gzip" | "x-gzip" => inflate(MultiGzDecoder::new(&block[..]), limit)?,
        "deflate" => inflate(ZlibDecoder::new(&block[..]), limit)
            .or_else(|_| inflate(DeflateDecoder::new(&block[..]), limit))?,
        other => return Err(format!("unsupported Content-Encoding {other:?}")),
    };
    Ok(Some(Body {
        media: media_type(&content_type),
        charset: content_type_charset(&content_type),
        bytes,
    }))
}

fn inflate(r: impl Read, limit: usize) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let cap = (limit as u64).saturating_add(1);
    r.take(cap)
        .read_to_end(&mut out)
        .map_err(|e| format!("bad compressed body: {e}"))?;
    Ok(out)
}

/// Decodes `Transfer-Encoding: chunked`; `None` when the body is not chunked.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let nl = memchr::memchr(b'\n', body)?;
        let size_field = std::str::from_utf8(&body[..nl]).ok()?;
        let size_hex = size_field.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        body = &body[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = &body[size..];
        body = body.strip_prefix(b"\r").unwrap_or(body);
        body = body.strip_prefix(b"\n").unwrap_or(body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_body_strips_headers() {
        let block =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n<p>\xe9</p>"
                .to_vec();
        let body = http_body(block, 1000).unwrap().unwrap();
        assert_eq!(body.media, "text/html");
        assert_eq!(body.charset.as_deref(), Some("iso-8859-1"));
        assert_eq!(body.bytes, b"<p>\xe9</p>");
    }

    #[test]
    fn http_redirects_are_skipped() {
        let block = b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n".to_vec();
        assert!(http_body(block, 1000).unwrap().is_none());
    }

    #[test]
    fn http_chunked_and_gzip() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5;x=1\r\npedia\r\n0\r\n\r\n").unwrap(),
            b"Wikipedia"
        );
        assert!(dechunk(b"<html>").is_none());
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, b"<p>hi</p>").unwrap();
        let mut block = b"HTTP/1.0 200 OK\nContent-Encoding: gzip\n\n".to_vec();
        block.extend(gz.finish().unwrap());
        assert_eq!(http_body(block, 1000).unwrap().unwrap().bytes, b"<p>hi</p>");
    }

    #[test]
    fn http_bad_status_is_an_error() {
        assert!(http_body(b"garbage\r\n\r\nbody".to_vec(), 10).is_err());
    }
}
