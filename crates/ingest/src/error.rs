//! The one error type of ingest: every variant names the input and where in it.

use std::io;

/// What went wrong reading one input, or one record of it.
///
/// `path` is the path as given (`-` for standard input). `at` says where in
/// the file: `line 12`, `record 3 at byte 5120`, `item 4`; it is empty when
/// the whole file is concerned. Errors are per record: a reader yields one
/// and, where the format allows, goes on with the next record.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The path does not exist, or cannot be opened, listed or read.
    #[error("{path}: cannot read: {source}")]
    Unreadable {
        path: String,
        #[source]
        source: io::Error,
    },

    /// The file has no bytes, or only whitespace.
    #[error("{path}{}: empty input", at_suffix(.at))]
    Empty { path: String, at: String },

    /// The bytes are not text: NUL bytes or too many control characters.
    #[error("{path}{}: not text ({reason})", at_suffix(.at))]
    Binary {
        path: String,
        at: String,
        reason: String,
    },

    /// The bytes cannot be decoded in the encoding they claim.
    #[error("{path}{}: cannot decode as {encoding}: {reason}", at_suffix(.at))]
    Undecodable {
        path: String,
        at: String,
        encoding: String,
        reason: String,
    },

    /// The gzip stream ends early or is corrupt; documents before this point
    /// were yielded.
    #[error(
        "{path}: truncated or corrupt gzip stream after {offset} decompressed bytes: {source}"
    )]
    Gzip {
        path: String,
        offset: u64,
        #[source]
        source: io::Error,
    },

    /// A JSONL line is not a valid document record; `at` is `line 12` (or
    /// where the caller of [`read_jsonl_record`](crate::read_jsonl_record)
    /// says the record is).
    #[error("{path} ({at}): {reason}")]
    Jsonl {
        path: String,
        at: String,
        reason: String,
    },

    /// A WARC record header is broken, or its Content-Length is not a
    /// number, over the size limit or wrong (the record runs past the end of
    /// the file or into the next record); the reason names the length.
    /// Reading resumes at the next `WARC/1.` line.
    #[error("{path} (record {record} at byte {offset}): {reason}")]
    Warc {
        path: String,
        record: u64,
        offset: u64,
        reason: String,
    },

    /// A WARC record's payload is unusable: a bad HTTP response, an
    /// unsupported or corrupt content encoding.
    #[error("{path} ({at}): {reason}")]
    Payload {
        path: String,
        at: String,
        reason: String,
    },

    /// An RSS/Atom feed is not well-formed XML past some point.
    #[error("{path} (byte {offset}): malformed feed: {reason}")]
    Feed {
        path: String,
        offset: u64,
        reason: String,
    },

    /// A document is larger than [`IngestOptions::max_document_bytes`](crate::IngestOptions).
    #[error("{path}{}: document larger than the limit of {limit} bytes", at_suffix(.at))]
    TooLarge {
        path: String,
        at: String,
        limit: usize,
    },
}

impl IngestError {
    /// The input path the error is about, as given.
    pub fn path(&self) -> &str {
        match self {
            IngestError::Unreadable { path, .. }
            | IngestError::Empty { path, .. }
            | IngestError::Binary { path, .. }
            | IngestError::Undecodable { path, .. }
            | IngestError::Gzip { path, .. }
            | IngestError::Jsonl { path, .. }
            | IngestError::Warc { path, .. }
            | IngestError::Payload { path, .. }
            | IngestError::Feed { path, .. }
            | IngestError::TooLarge { path, .. } => path,
        }
    }
}

fn at_suffix(at: &str) -> String {
    if at.is_empty() {
        String::new()
    } else {
        format!(" ({at})")
    }
}

/// A decoding failure before the caller attaches the path and location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DecodeError {
    Empty,
    Binary(String),
    Undecodable { encoding: String, reason: String },
}

impl DecodeError {
    pub(crate) fn at(self, path: &str, at: impl Into<String>) -> IngestError {
        let (path, at) = (path.to_string(), at.into());
        match self {
            DecodeError::Empty => IngestError::Empty { path, at },
            DecodeError::Binary(reason) => IngestError::Binary { path, at, reason },
            DecodeError::Undecodable { encoding, reason } => IngestError::Undecodable {
                path,
                at,
                encoding,
                reason,
            },
        }
    }
}
