//! Bytes of an HTML page to text: gunzip when gzipped, then the encoding
//! from the byte-order mark or the `<meta charset>`, UTF-8 otherwise.

use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;
use std::io::Read;

/// How far into the page a `charset` declaration is looked for.
const PRESCAN: usize = 4096;

/// Gunzips `bytes` when they start with the gzip magic; returns them as they
/// are otherwise, or when they do not inflate.
pub fn gunzip(bytes: &[u8]) -> Cow<'_, [u8]> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::with_capacity(bytes.len() * 4);
        if flate2::read::MultiGzDecoder::new(bytes)
            .read_to_end(&mut out)
            .is_ok()
        {
            return Cow::Owned(out);
        }
    }
    Cow::Borrowed(bytes)
}

/// The encoding a `charset=` in the first bytes of the page names.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'>' | b' ' | b'/'))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

/// Decodes an HTML page (gzipped or not) to text. Malformed sequences become
/// U+FFFD; this never fails.
pub fn decode_html(bytes: &[u8]) -> String {
    let bytes = gunzip(bytes);
    let bytes = bytes.as_ref();
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    let enc = declared(bytes).unwrap_or(UTF_8);
    // A page that declares UTF-16 but reached us as bytes without a BOM is
    // ASCII-compatible in practice.
    let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        UTF_8
    } else {
        enc
    };
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_default() {
        assert_eq!(decode_html("<p>café</p>".as_bytes()), "<p>café</p>");
    }

    #[test]
    fn meta_charset() {
        let page = b"<meta charset=\"windows-1252\"><p>caf\xe9</p>";
        assert!(decode_html(page).contains("café"));
        let page =
            b"<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'><p>\xe9</p>";
        assert!(decode_html(page).contains('é'));
    }

    #[test]
    fn bom_wins() {
        assert_eq!(decode_html(b"\xef\xbb\xbfok"), "ok");
    }

    #[test]
    fn gzip_roundtrip() {
        use flate2::write::GzEncoder;
        use std::io::Write;
        let mut e = GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let _ = e.write_all("<p>zipped</p>".as_bytes());
        let gz = e.finish().unwrap_or_default();
        assert_eq!(decode_html(&gz), "<p>zipped</p>");
    }
}
