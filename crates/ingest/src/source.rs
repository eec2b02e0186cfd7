//! Finding input files and opening them as (possibly gzipped) byte streams.

use crate::error::IngestError;
use crate::format::{detect_format, is_gzip, Format};
use flate2::read::MultiGzDecoder;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// How many bytes of a stream are read ahead to tell its format.
const SNIFF_BYTES: usize = 8 * 1024;
const READ_BUFFER_BYTES: usize = 64 * 1024;

/// One input to read: a file found under the paths given, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// The file; `-` for standard input.
    pub path: PathBuf,
    /// The path as reported in origins and errors.
    pub name: String,
    /// The size on disk (compressed, for `.gz`); `None` for standard input.
    pub bytes: Option<u64>,
}

impl InputFile {
    pub fn is_stdin(&self) -> bool {
        self.path.as_os_str() == "-"
    }
}

/// The files the paths name, in the order they will be read: each path as
/// given, directories walked recursively in sorted order, skipping hidden
/// entries (names starting with `.`). `-` is standard input. A missing or
/// unlistable path is an error in its place; the others are still listed.
///
/// Inside a directory only regular files are listed, after following
/// symbolic links: a FIFO, socket or device found there (or a link to one)
/// is skipped with a warning, because opening or reading it can block
/// forever. A path given directly is listed whatever it is: a FIFO named on
/// the command line (`<(zcat a.gz)`, `/dev/stdin`) is something the user
/// means to read. It has no size.
///
/// Sizes let a caller show progress by bytes.
pub fn list_inputs(paths: &[PathBuf]) -> Vec<Result<InputFile, IngestError>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Ok(InputFile {
                path: path.clone(),
                name: "-".to_string(),
                bytes: None,
            }));
            continue;
        }
        let walk = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walk {
            match entry {
                Ok(e) if e.file_type().is_dir() => {}
                Ok(e) if e.depth() > 0 && !e.file_type().is_file() => {
                    tracing::warn!(
                        "{}: skipped: not a regular file but {}",
                        e.path().display(),
                        kind_of(e.file_type())
                    );
                }
                Ok(e) => out.push(Ok(InputFile {
                    name: e.path().display().to_string(),
                    bytes: e.metadata().ok().filter(|m| m.is_file()).map(|m| m.len()),
                    path: e.into_path(),
                })),
                Err(err) => {
                    let name = err.path().unwrap_or(path).display().to_string();
                    let source = match err.into_io_error() {
                        Some(io) => io,
                        None => io::Error::other("filesystem loop"),
                    };
                    out.push(Err(IngestError::Unreadable { path: name, source }));
                }
            }
        }
    }
    out
}

/// What a file that is not a regular file or directory is, for messages.
fn kind_of(t: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    if t.is_symlink() {
        return "a symbolic link";
    }
    "a special file"
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|s| s.starts_with('.'))
}

/// An opened input: decompressed, its format known, its position tracked.
pub(crate) struct Source {
    pub name: String,
    pub format: Format,
    gzip: bool,
    reader: BufReader<Box<dyn Read + Send>>,
    /// Bytes given back by [`Source::unread`], read before `reader`.
    unread: Vec<u8>,
    /// How much of `unread` has been read again.
    unread_at: usize,
    pos: u64,
    /// Raw (compressed) bytes read, shared with whoever reports progress.
    progress: Arc<AtomicU64>,
}

impl Source {
    pub(crate) fn open_path(path: &Path, name: &str) -> Result<Source, IngestError> {
        let file = std::fs::File::open(path).map_err(|source| IngestError::Unreadable {
            path: name.to_string(),
            source,
        })?;
        Ok(Source::open(name, Box::new(file)))
    }

    /// Opens a stream: detects gzip by its magic bytes, then the format from
    /// the name and the first decompressed bytes. A read error while peeking
    /// is deferred until the bytes before it have been read.
    pub(crate) fn open(name: &str, raw: Box<dyn Read + Send>) -> Source {
        let progress = Arc::new(AtomicU64::new(0));
        let raw: Box<dyn Read + Send> = Box::new(Counted {
            inner: raw,
            count: Arc::clone(&progress),
        });
        let (head, raw) = peek(raw);
        let gzip = is_gzip(&head);
        let stream: Box<dyn Read + Send> = if gzip {
            Box::new(MultiGzDecoder::new(Cursor::new(head).chain(raw)))
        } else {
            Box::new(Cursor::new(head).chain(raw))
        };
        let (head, stream) = peek(stream);
        let format = detect_format(name, &head);
        let reader: Box<dyn Read + Send> = Box::new(Cursor::new(head).chain(stream));
        Source {
            name: name.to_string(),
            format,
            gzip,
            reader: BufReader::with_capacity(READ_BUFFER_BYTES, reader),
            unread: Vec::new(),
            unread_at: 0,
            pos: 0,
            progress,
        }
    }

    /// The counter of raw bytes read from the input.
    pub(crate) fn progress(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.progress)
    }

    /// Bytes consumed so far, in the decompressed stream.
    pub(crate) fn pos(&self) -> u64 {
        self.pos
    }

    /// The error for an I/O failure at the current position.
    pub(crate) fn io_error(&self, source: io::Error) -> IngestError {
        if self.gzip {
            IngestError::Gzip {
                path: self.name.clone(),
                offset: self.pos,
                source,
            }
        } else {
            IngestError::Unreadable {
                path: self.name.clone(),
                source,
            }
        }
    }

    /// Reads the rest of the stream, failing past `limit` bytes.
    pub(crate) fn read_all(&mut self, limit: usize, at: &str) -> Result<Vec<u8>, IngestError> {
        let mut buf = Vec::new();
        let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
        match self.by_ref().take(cap).read_to_end(&mut buf) {
            Ok(n) if n > limit => Err(IngestError::TooLarge {
                path: self.name.clone(),
                at: at.to_string(),
                limit,
            }),
            Ok(_) => Ok(buf),
            Err(e) => Err(self.io_error(e)),
        }
    }

    /// Reads one line (with its `\n`) into `buf`, keeping at most `cap` bytes
    /// of it and skipping the rest.
    pub(crate) fn read_line(&mut self, buf: &mut Vec<u8>, cap: usize) -> io::Result<Line> {
        buf.clear();
        let mut any = false;
        let mut over = false;
        loop {
            let avail = match self.fill_buf() {
                Ok(a) => a,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if avail.is_empty() {
                return Ok(match (any, over) {
                    (false, _) => Line::Eof,
                    (true, true) => Line::TooLong,
                    (true, false) => Line::Complete,
                });
            }
            any = true;
            let (take, done) = match memchr::memchr(b'\n', avail) {
                Some(i) => (i + 1, true),
                None => (avail.len(), false),
            };
            if !over && buf.len() + take <= cap {
                buf.extend_from_slice(&avail[..take]);
            } else {
                over = true;
            }
            self.consume(take);
            if done {
                return Ok(if over { Line::TooLong } else { Line::Complete });
            }
        }
    }

    /// Gives back bytes just read, to be read again first; the position
    /// moves back by their length.
    pub(crate) fn unread(&mut self, bytes: &[u8]) {
        let mut again = bytes.to_vec();
        again.extend_from_slice(self.pending_unread());
        self.pos = self.pos.saturating_sub(bytes.len() as u64);
        self.unread = again;
        self.unread_at = 0;
    }

    /// Frees the given-back bytes once they have all been read again.
    fn drop_read_unread(&mut self) {
        if self.unread_at >= self.unread.len() {
            self.unread = Vec::new();
            self.unread_at = 0;
        }
    }

    fn pending_unread(&self) -> &[u8] {
        self.unread.get(self.unread_at..).unwrap_or_default()
    }
}

/// What [`Source::read_line`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Line {
    Complete,
    /// The line was longer than the cap; the buffer holds its start.
    TooLong,
    Eof,
}

impl Read for Source {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let again = self.pending_unread();
        let n = if again.is_empty() {
            self.reader.read(out)?
        } else {
            let n = again.len().min(out.len());
            if let (Some(to), Some(from)) = (out.get_mut(..n), again.get(..n)) {
                to.copy_from_slice(from);
            }
            self.unread_at += n;
            self.drop_read_unread();
            n
        };
        self.pos += n as u64;
        Ok(n)
    }
}

impl BufRead for Source {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.unread_at < self.unread.len() {
            return Ok(self.pending_unread());
        }
        self.reader.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        self.pos += n as u64;
        if self.unread_at < self.unread.len() {
            self.unread_at = (self.unread_at + n).min(self.unread.len());
            self.drop_read_unread();
        } else {
            self.reader.consume(n);
        }
    }
}

/// Reads up to [`SNIFF_BYTES`] from the start of a stream, returning them
/// and the rest of the stream. A read error comes back from the rest, after
/// the bytes read before it.
fn peek(mut r: Box<dyn Read + Send>) -> (Vec<u8>, Box<dyn Read + Send>) {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    match (&mut r).take(SNIFF_BYTES as u64).read_to_end(&mut head) {
        Ok(_) => (head, r),
        Err(e) => (head, Box::new(Failed::from(e))),
    }
}

/// A stream counting the bytes read through it.
struct Counted {
    inner: Box<dyn Read + Send>,
    count: Arc<AtomicU64>,
}

impl Read for Counted {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(out)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A stream that keeps failing with the error it was made from.
struct Failed {
    kind: io::ErrorKind,
    message: String,
}

impl From<io::Error> for Failed {
    fn from(e: io::Error) -> Self {
        Failed {
            kind: e.kind(),
            message: e.to_string(),
        }
    }
}

impl Read for Failed {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        Err(io::Error::new(self.kind, self.message.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(bytes: &'static [u8]) -> Source {
        Source::open("t", Box::new(bytes))
    }

    #[test]
    fn lines_are_capped() {
        let mut s = source(b"short\nthis one is long\nlast");
        let mut buf = Vec::new();
        assert_eq!(s.read_line(&mut buf, 8).unwrap(), Line::Complete);
        assert_eq!(buf, b"short\n");
        assert_eq!(s.read_line(&mut buf, 8).unwrap(), Line::TooLong);
        assert_eq!(s.read_line(&mut buf, 8).unwrap(), Line::Complete);
        assert_eq!(buf, b"last");
        assert_eq!(s.read_line(&mut buf, 8).unwrap(), Line::Eof);
        assert_eq!(s.pos(), 27);
    }

    #[test]
    fn unread_bytes_come_first() {
        let mut s = source(b"0123456789\nabc\n");
        let mut head = [0u8; 8];
        s.read_exact(&mut head).unwrap();
        s.unread(b"4567");
        assert_eq!(s.pos(), 4);
        let mut buf = Vec::new();
        assert_eq!(s.read_line(&mut buf, 100).unwrap(), Line::Complete);
        assert_eq!(buf, b"456789\n");
        assert_eq!(s.pos(), 11);
        s.unread(b"9\n");
        s.unread(b"8");
        assert_eq!(s.read_all(100, "").unwrap(), b"89\nabc\n");
        assert_eq!(s.pos(), 15);
    }

    #[test]
    fn read_all_enforces_limit() {
        let mut s = source(b"0123456789");
        assert!(matches!(
            s.read_all(5, ""),
            Err(IngestError::TooLarge { .. })
        ));
        let mut s = source(b"0123456789");
        assert_eq!(s.read_all(10, "").unwrap(), b"0123456789");
    }
}
