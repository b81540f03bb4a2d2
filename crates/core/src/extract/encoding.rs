//! Character encoding: BOM, declared charset (HTML `<meta>`), else a statistical guess — never a
//! blind UTF-8 assumption. Decoding is lossy (malformed bytes become U+FFFD), so it never fails.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// How much of a document is fed to the statistical detector; enough to see its non-ASCII letters
/// without making detection cost grow with huge files.
const DETECT_WINDOW: usize = 1 << 20;
/// How far into an HTML document a `<meta charset>` declaration is looked for.
const PRESCAN_WINDOW: usize = 8192;

/// True when the bytes start with a UTF-8 or UTF-16 byte order mark.
pub(crate) fn has_bom(bytes: &[u8]) -> bool {
    Encoding::for_bom(bytes).is_some()
}

/// Recognises BOM-less UTF-16 from the NULs on every other byte of mostly-ASCII text.
pub(crate) fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let window = &bytes[..bytes.len().min(4096) & !1];
    if window.len() < 8 {
        return None;
    }
    let pairs = window.len() / 2;
    let even_nuls = window.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = window
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_nuls * 10 > pairs * 7 && even_nuls * 10 < pairs {
        Some(UTF_16LE)
    } else if even_nuls * 10 > pairs * 7 && odd_nuls * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decodes `bytes` to text; `html` enables the `<meta charset>` prescan. Returns the text
/// (borrowed when the bytes are valid UTF-8 already) and the name of the encoding used.
pub(crate) fn decode(bytes: &[u8], html: bool) -> (Cow<'_, str>, &'static str) {
    let encoding = detect(bytes, html);
    let (text, _had_errors) = encoding.decode_with_bom_removal(bytes);
    (text, encoding.name())
}

/// Picks the encoding of `bytes`.
pub(crate) fn detect(bytes: &[u8], html: bool) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return encoding;
    }
    if let Some(encoding) = bomless_utf16(bytes) {
        return encoding;
    }
    if html {
        if let Some(declared) = declared_charset(&bytes[..bytes.len().min(PRESCAN_WINDOW)]) {
            // A page saved as UTF-8 by a browser often keeps its original declaration; trust the
            // bytes when they are valid UTF-8 with non-ASCII content, else the declaration.
            // UTF-16 declarations in an ASCII-compatible byte stream are wrong by construction.
            if declared == UTF_16LE || declared == UTF_16BE {
                return guess(bytes);
            }
            if declared != UTF_8 && is_non_ascii_utf8(bytes) {
                return UTF_8;
            }
            if declared == UTF_8 && std::str::from_utf8(prefix(bytes)).is_err() {
                return guess(bytes);
            }
            return declared;
        }
    }
    guess(bytes)
}

/// A statistical guess for undeclared text (UTF-8 when the bytes are valid UTF-8).
fn guess(bytes: &[u8]) -> &'static Encoding {
    let window = prefix(bytes);
    if valid_utf8_prefix(window) {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(window, window.len() == bytes.len());
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// The first [`DETECT_WINDOW`] bytes.
fn prefix(bytes: &[u8]) -> &[u8] {
    &bytes[..bytes.len().min(DETECT_WINDOW)]
}

/// Valid UTF-8, allowing a multi-byte sequence cut at the window's end.
fn valid_utf8_prefix(window: &[u8]) -> bool {
    match std::str::from_utf8(window) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && window.len() - e.valid_up_to() < 4,
    }
}

fn is_non_ascii_utf8(bytes: &[u8]) -> bool {
    let window = prefix(bytes);
    !window.is_ascii() && valid_utf8_prefix(window)
}

/// Finds `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">`.
fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = super::sniff::find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(at) = super::sniff::find(tag, b"charset") {
            let rest = &tag[at + "charset".len()..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label_end = rest
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(rest.len());
                if let Some(encoding) = Encoding::for_label(&rest[..label_end]) {
                    return Some(encoding);
                }
            }
        }
        from = end.max(start + 1);
        if from >= lower.len() {
            break;
        }
    }
    None
}

fn trim_start(b: &[u8]) -> &[u8] {
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    &b[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_is_honoured() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1252.encode("<meta charset=\"windows-1252\"><p>café</p>");
        let (text, name) = decode(&bytes, true);
        assert!(text.contains("café"));
        assert_eq!(name, "windows-1252");
    }

    #[test]
    fn http_equiv_charset_is_honoured() {
        let src =
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"><p>Привет</p>";
        let (bytes, _, _) = encoding_rs::KOI8_R.encode(src);
        assert_eq!(decode(&bytes, true).0, src);
    }

    #[test]
    fn undeclared_cyrillic_is_guessed() {
        let src = "Правительство объявило о новых мерах поддержки для жителей региона.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(src);
        assert_eq!(decode(&bytes, false).0, src);
    }

    #[test]
    fn bomless_utf16_is_recognised() {
        let bytes: Vec<u8> = "Hello there, reader."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&bytes, false).0, "Hello there, reader.");
    }
}
