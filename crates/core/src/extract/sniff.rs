//! Format detection: magic bytes first, then the file name's extension, then a look at the text.

use super::ExtractError;

/// What a file's bytes were recognised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Html,
    /// A saved web archive (`.mhtml` / `.mht`): MIME parts, one of them the page.
    Mhtml,
    Text,
    Markdown,
    Pdf,
    Docx,
}

/// How many leading bytes are inspected for binary content.
const SNIFF_WINDOW: usize = 8192;

/// Recognises the format of `bytes`, or says why they are not an article.
pub(crate) fn sniff(bytes: &[u8], file_name: &str) -> Result<Kind, ExtractError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ExtractError::Empty);
    }
    let ext = extension(file_name);
    if bytes.starts_with(b"%PDF-") || (bytes.len() < 1024 && find(bytes, b"%PDF-").is_some()) {
        return Ok(Kind::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let looks_like_word = find(&bytes[..bytes.len().min(1 << 16)], b"word/").is_some();
        return if ext == "docx" || looks_like_word {
            Ok(Kind::Docx)
        } else {
            Err(ExtractError::NotAnArticle("a ZIP archive".into()))
        };
    }
    if let Some(what) = known_binary(bytes) {
        return Err(ExtractError::NotAnArticle(what.into()));
    }
    if ext == "docx" {
        return Err(ExtractError::CorruptDocx("it is not a ZIP package".into()));
    }
    if ext == "pdf" {
        return Err(ExtractError::CorruptPdf(
            "the %PDF header is missing".into(),
        ));
    }
    if !super::encoding::has_bom(bytes) && looks_binary(bytes) {
        return Err(ExtractError::Binary);
    }
    Ok(match ext.as_str() {
        "html" | "htm" | "xhtml" | "shtml" | "php" | "asp" | "aspx" | "jsp" => Kind::Html,
        "mhtml" | "mht" => Kind::Mhtml,
        "md" | "markdown" | "mdown" | "mkd" => Kind::Markdown,
        // A saved page renamed .txt is still a page.
        "txt" | "text" if looks_like_html(bytes) => Kind::Html,
        "txt" | "text" => Kind::Text,
        _ if looks_like_html(bytes) => Kind::Html,
        _ => Kind::Text,
    })
}

/// The lowercase extension of a file name ("" when there is none).
fn extension(file_name: &str) -> String {
    std::path::Path::new(file_name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Names well-known non-text formats by their magic bytes.
fn known_binary(b: &[u8]) -> Option<&'static str> {
    let table: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "an image (PNG)"),
        (b"\xFF\xD8\xFF", "an image (JPEG)"),
        (b"GIF87a", "an image (GIF)"),
        (b"GIF89a", "an image (GIF)"),
        (b"BM", "an image (BMP)"),
        (b"II*\x00", "an image (TIFF)"),
        (b"MM\x00*", "an image (TIFF)"),
        (b"\x00\x00\x01\x00", "an icon (ICO)"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
        (b"Rar!\x1A\x07", "a RAR archive"),
        (b"BZh", "a bzip2 archive"),
        (b"\xFD7zXZ\x00", "an xz archive"),
        (b"\x7FELF", "a program (ELF)"),
        (b"MZ", "a program (Windows executable)"),
        (b"\xCA\xFE\xBA\xBE", "a program (Java class or Mach-O)"),
        (b"\xCF\xFA\xED\xFE", "a program (Mach-O)"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "an old Office document (.doc/.xls); save it as .docx",
        ),
        (b"{\\rtf", "an RTF document; save it as .docx or .txt"),
        (b"ID3", "audio (MP3)"),
        (b"OggS", "audio or video (Ogg)"),
        (b"fLaC", "audio (FLAC)"),
        (b"\x1A\x45\xDF\xA3", "video (Matroska/WebM)"),
        (b"SQLite format 3\x00", "a SQLite database"),
        (b"wOFF", "a font (WOFF)"),
        (b"wOF2", "a font (WOFF2)"),
    ];
    for (magic, what) in table {
        if b.starts_with(magic) {
            // "BM" and "MZ" are short: require a second sign of binary content.
            if magic.len() == 2 && !looks_binary(b) {
                continue;
            }
            return Some(what);
        }
    }
    if b.len() >= 12 && &b[0..4] == b"RIFF" {
        return Some(match &b[8..12] {
            b"WEBP" => "an image (WebP)",
            b"WAVE" => "audio (WAV)",
            b"AVI " => "video (AVI)",
            _ => "a RIFF media file",
        });
    }
    if b.len() >= 12 && &b[4..8] == b"ftyp" {
        return Some(match &b[8..12] {
            b"avif" | b"avis" => "an image (AVIF)",
            b"heic" | b"heix" | b"mif1" => "an image (HEIC)",
            _ => "video or audio (MP4)",
        });
    }
    None
}

/// True when the leading bytes hold NULs or many control characters, unless they look like
/// BOM-less UTF-16 (NULs on every other byte).
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let window = &bytes[..bytes.len().min(SNIFF_WINDOW)];
    if window.is_empty() {
        return false;
    }
    if super::encoding::bomless_utf16(window).is_some() {
        return false;
    }
    let nuls = window.iter().filter(|&&b| b == 0).count();
    let controls = window
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B | 0))
        .count();
    nuls > 0 && nuls * 200 > window.len() || controls * 20 > window.len()
}

/// True when the start of the bytes reads like an HTML document.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes[..bytes.len().min(1024)]
        .iter()
        .filter(|b| **b != 0)
        .map(u8::to_ascii_lowercase)
        .collect();
    let head = trim_ascii_start(&head);
    [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<?xml",
        b"<body",
        b"<meta",
        b"<!--",
    ]
    .iter()
    .any(|m| head.starts_with(m))
        || find(head, b"<html").is_some() && find(head, b"<body").is_some()
}

fn trim_ascii_start(b: &[u8]) -> &[u8] {
    let b = b.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(b);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    &b[start..]
}

/// The position of `needle` in `haystack`.
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_renamed_html_is_an_image() {
        let err = sniff(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.html").unwrap_err();
        assert_eq!(
            err.to_string(),
            "the file is an image (PNG), not an article"
        );
    }

    #[test]
    fn nul_heavy_bytes_are_binary() {
        let bytes: Vec<u8> = (0..4000u32).map(|i| (i * 7 % 251) as u8).collect();
        assert!(matches!(sniff(&bytes, "x.txt"), Err(ExtractError::Binary)));
    }

    #[test]
    fn extension_and_content_pick_the_format() {
        assert_eq!(sniff(b"# Title\n\nBody.", "a.md").unwrap(), Kind::Markdown);
        assert_eq!(sniff(b"<!DOCTYPE html><p>x</p>", "a").unwrap(), Kind::Html);
        assert_eq!(sniff(b"Plain words.", "a.dat").unwrap(), Kind::Text);
        assert!(matches!(sniff(b"  \n ", "a.txt"), Err(ExtractError::Empty)));
    }
}
