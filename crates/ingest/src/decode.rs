//! Turning bytes into UTF-8: byte-order mark, declared charset, else detection.

use crate::error::DecodeError;
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into a document to look for a `<meta charset>` or XML declaration.
const PRESCAN_BYTES: usize = 4096;
/// How much of a document to sample for the binary check.
const BINARY_SAMPLE_BYTES: usize = 64 * 1024;
/// How much of a document to feed the encoding detector.
const DETECT_SAMPLE_BYTES: usize = 1024 * 1024;

/// Where to look for an in-document charset declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Markup {
    /// Plain text: no in-document declaration.
    None,
    /// `<meta charset=...>` or `<meta http-equiv content="...; charset=...">`.
    Html,
    /// `<?xml ... encoding="..."?>`.
    Xml,
}

/// Decodes `bytes` to UTF-8.
///
/// The encoding is chosen as browsers do: a byte-order mark, else the
/// `declared` charset (an HTTP `Content-Type`), else one declared in the
/// document, else detection. Bytes that are valid UTF-8 and not pure ASCII are
/// taken as UTF-8 even when a legacy charset is declared: mislabelled pages
/// are common and legacy text is almost never valid UTF-8 by accident.
///
/// Text claiming UTF-8 with invalid sequences is decoded lossily when at most
/// 2% of its bytes are invalid, and is an error otherwise. Undeclared text
/// that is mostly UTF-8 (many valid multi-byte characters, a few bad bytes)
/// is decoded the same way rather than guessed as a legacy encoding.
///
/// Takes the bytes by value so that valid UTF-8, the common case, is not copied.
pub(crate) fn decode(
    mut bytes: Vec<u8>,
    declared: Option<&str>,
    markup: Markup,
) -> Result<String, DecodeError> {
    if bytes.trim_ascii().is_empty() {
        return Err(DecodeError::Empty);
    }
    let text = if let Some((enc, bom_len)) = Encoding::for_bom(&bytes) {
        if enc == UTF_8 {
            bytes.drain(..bom_len);
            check_binary(&bytes)?;
            utf8_mostly(bytes)?
        } else {
            // UTF-16 has NUL bytes by design: no binary check on the raw bytes.
            let (s, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
            check_binary(s.as_bytes())?;
            s.into_owned()
        }
    } else {
        check_binary(&bytes)?;
        let declared = declared
            .and_then(resolve_label)
            .or_else(|| in_document_charset(&bytes, markup));
        match (declared, String::from_utf8(bytes)) {
            (Some(enc), Ok(s)) if enc == UTF_8 || !s.is_ascii() => s,
            (Some(enc), Ok(s)) => decode_legacy(s.as_bytes(), enc)?,
            (Some(enc), Err(e)) if enc == UTF_8 => utf8_mostly(e.into_bytes())?,
            (Some(enc), Err(e)) => decode_legacy(e.as_bytes(), enc)?,
            (None, Ok(s)) => s,
            (None, Err(e)) => {
                let bytes = e.into_bytes();
                let enc = detect(&bytes);
                if enc == UTF_8 || looks_like_utf8(&bytes) {
                    utf8_mostly(bytes)?
                } else {
                    decode_legacy(&bytes, enc)?
                }
            }
        }
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(text)
}

/// The encoding a label names, with the HTML rules for labels a document
/// cannot really be in (UTF-16 without a BOM means UTF-8).
pub(crate) fn resolve_label(label: &str) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(label.trim().as_bytes())?;
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        return Some(UTF_8);
    }
    if enc == encoding_rs::X_USER_DEFINED || enc == encoding_rs::REPLACEMENT {
        return Some(WINDOWS_1252);
    }
    Some(enc)
}

/// The `charset=` parameter of a `Content-Type` value.
pub(crate) fn content_type_charset(value: &str) -> Option<String> {
    token_after(value.as_bytes(), b"charset")
}

fn in_document_charset(bytes: &[u8], markup: Markup) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let label = match markup {
        Markup::None => None,
        Markup::Html => meta_charset(head),
        Markup::Xml => xml_encoding(head).or_else(|| meta_charset(head)),
    }?;
    resolve_label(&label)
}

fn meta_charset(head: &[u8]) -> Option<String> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&lower[from..], b"<meta") {
        let start = from + i + 5;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |j| start + j);
        if let Some(label) = token_after(&lower[start..end], b"charset") {
            return Some(label);
        }
        from = end;
    }
    None
}

fn xml_encoding(head: &[u8]) -> Option<String> {
    let trimmed = head.trim_ascii_start();
    if !trimmed.starts_with(b"<?xml") {
        return None;
    }
    let end = memchr::memmem::find(trimmed, b"?>")?;
    token_after(&trimmed[..end].to_ascii_lowercase(), b"encoding")
}

/// The value after `key`, `=`, optional quotes: `charset="utf-8"` → `utf-8`.
fn token_after(hay: &[u8], key: &[u8]) -> Option<String> {
    let lower = hay.to_ascii_lowercase();
    let i = memchr::memmem::find(&lower, key)?;
    let mut rest = lower[i + key.len()..].trim_ascii_start();
    rest = rest.strip_prefix(b"=")?.trim_ascii_start();
    while let Some(r) = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")) {
        rest = r;
    }
    let end = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b"-_.:".contains(&b)))
        .unwrap_or(rest.len());
    let label = std::str::from_utf8(&rest[..end]).ok()?;
    (!label.is_empty()).then(|| label.to_string())
}

/// Rejects bytes that are not text: a NUL byte, or more than 5% control
/// characters, in the first 64 KiB.
pub(crate) fn check_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    let sample = &bytes[..bytes.len().min(BINARY_SAMPLE_BYTES)];
    if let Some(i) = memchr::memchr(0, sample) {
        return Err(DecodeError::Binary(format!("NUL byte at byte {i}")));
    }
    let controls = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !b"\t\n\r\x0b\x0c\x1b".contains(&b)) || b == 0x7f)
        .count();
    if controls * 20 > sample.len() {
        return Err(DecodeError::Binary(format!(
            "{controls} control characters in the first {} bytes",
            sample.len()
        )));
    }
    Ok(())
}

/// Counts of a UTF-8 validation pass.
struct Utf8Stats {
    invalid: usize,
    first_invalid: Option<usize>,
    multibyte: usize,
}

fn utf8_stats(bytes: &[u8]) -> Utf8Stats {
    let mut stats = Utf8Stats {
        invalid: 0,
        first_invalid: None,
        multibyte: 0,
    };
    let mut at = 0usize;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        stats.multibyte += valid.len() - valid.chars().count();
        at += valid.len();
        if !chunk.invalid().is_empty() {
            stats.first_invalid.get_or_insert(at);
            stats.invalid += chunk.invalid().len();
        }
        at += chunk.invalid().len();
    }
    stats
}

/// Whether invalid UTF-8 is still mostly UTF-8: at most 2% bad bytes and
/// many more valid multi-byte characters than bad bytes. Legacy 8-bit text
/// has isolated high bytes, which are almost all invalid.
fn looks_like_utf8(bytes: &[u8]) -> bool {
    let stats = utf8_stats(bytes);
    stats.invalid * 50 <= bytes.len() && stats.multibyte >= 8 * stats.invalid
}

fn utf8_mostly(bytes: Vec<u8>) -> Result<String, DecodeError> {
    let bytes = match String::from_utf8(bytes) {
        Ok(s) => return Ok(s),
        Err(e) => e.into_bytes(),
    };
    let stats = utf8_stats(&bytes);
    if stats.invalid * 50 > bytes.len() {
        return Err(DecodeError::Undecodable {
            encoding: "UTF-8".to_string(),
            reason: format!(
                "{} invalid bytes of {}, the first at byte {}",
                stats.invalid,
                bytes.len(),
                stats.first_invalid.unwrap_or(0)
            ),
        });
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn decode_legacy(bytes: &[u8], enc: &'static Encoding) -> Result<String, DecodeError> {
    let (s, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        let bad = s
            .chars()
            .filter(|&c| c == char::REPLACEMENT_CHARACTER)
            .count();
        if bad * 50 > s.chars().count().max(1) {
            return Err(DecodeError::Undecodable {
                encoding: enc.name().to_string(),
                reason: format!("{bad} malformed sequences"),
            });
        }
    }
    Ok(s.into_owned())
}

fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    let sample = &bytes[..bytes.len().min(DETECT_SAMPLE_BYTES)];
    det.feed(sample, sample.len() == bytes.len());
    det.guess(None, chardetng::Utf8Detection::Allow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        assert_eq!(decode("héllo".into(), None, Markup::None).unwrap(), "héllo");
    }

    #[test]
    fn bom_wins() {
        let mut b = vec![0xFF, 0xFE];
        for u in "hé".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(
            decode(b.clone(), Some("iso-8859-1"), Markup::Html).unwrap(),
            "hé"
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFabc".to_vec(), None, Markup::None).unwrap(),
            "abc"
        );
    }

    #[test]
    fn meta_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><p>caf\xe9</p>";
        assert!(decode(page.to_vec(), None, Markup::Html)
            .unwrap()
            .contains("café"));
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">\xe9t\xe9";
        assert!(decode(page.to_vec(), None, Markup::Html)
            .unwrap()
            .ends_with("été"));
    }

    #[test]
    fn http_charset_beats_meta() {
        let page = b"<meta charset=\"utf-8\"><p>caf\xe9 au lait</p>";
        let s = decode(page.to_vec(), Some("windows-1252"), Markup::Html).unwrap();
        assert!(s.contains("café"));
    }

    #[test]
    fn xml_declaration_is_honoured() {
        let feed = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>\xe9</rss>";
        assert!(decode(feed.to_vec(), None, Markup::Xml)
            .unwrap()
            .contains("<rss>é"));
    }

    #[test]
    fn valid_utf8_beats_a_legacy_label() {
        let page = "<meta charset=\"iso-8859-1\"><p>café</p>"
            .as_bytes()
            .to_vec();
        assert!(decode(page, None, Markup::Html).unwrap().contains("café"));
    }

    #[test]
    fn undeclared_text_is_detected() {
        let latin =
            b"Le ministre fran\xe7ais a d\xe9clar\xe9 que l'alliance \xe9tait forte.".to_vec();
        assert!(decode(latin, None, Markup::None)
            .unwrap()
            .contains("français a déclaré"));
        let mut mostly = "Le président français a déclaré que l'été était là. "
            .repeat(4)
            .into_bytes();
        mostly.push(0xE9);
        let s = decode(mostly, None, Markup::None).unwrap();
        assert!(
            s.starts_with("Le président") && s.ends_with('\u{FFFD}'),
            "{s}"
        );
    }

    #[test]
    fn mostly_valid_utf8_is_lossy() {
        let mut b = "a fairly long sentence that is valid UTF-8 text "
            .repeat(3)
            .into_bytes();
        b.push(0xFF);
        let s = decode(b.clone(), Some("utf-8"), Markup::None).unwrap();
        assert!(s.ends_with('\u{FFFD}'));
    }

    #[test]
    fn mostly_invalid_utf8_is_an_error() {
        let b = b"ab\xff\xfe\xfdcd\xc3\xc3\xc3";
        let err = decode(b.to_vec(), Some("utf-8"), Markup::None).unwrap_err();
        assert!(matches!(err, DecodeError::Undecodable { .. }), "{err:?}");
    }

    #[test]
    fn binary_is_rejected() {
        assert!(matches!(
            decode(b"abc\0def".to_vec(), None, Markup::None),
            Err(DecodeError::Binary(_))
        ));
        assert!(matches!(
            decode(b"\x01\x02\x03\x04abc".to_vec(), None, Markup::None),
            Err(DecodeError::Binary(_))
        ));
    }

    #[test]
    fn empty_is_rejected() {
        assert_eq!(
            decode(b"  \n\t".to_vec(), None, Markup::None),
            Err(DecodeError::Empty)
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBF\n".to_vec(), None, Markup::None),
            Err(DecodeError::Empty)
        );
    }

    #[test]
    fn content_type_charset_is_parsed() {
        assert_eq!(
            content_type_charset("text/html; Charset=\"Shift_JIS\"").as_deref(),
            Some("shift_jis")
        );
        assert_eq!(content_type_charset("text/html"), None);
    }
}
