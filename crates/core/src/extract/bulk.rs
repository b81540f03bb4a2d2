//! Large pages, bounded: what a page holds besides its text (scripts, styles, inline SVG,
//! comments, images embedded as `data:` URIs) set aside by a streaming pass before any DOM is
//! built, and a page that still holds more markup than any article refused.
//!
//! A DOM costs about thirty times a page's size in memory and extraction about a quarter of a
//! second per megabyte, so a 50 MB page took 14 s and 1.3 GB. Saved pages grow large mostly
//! through embedded images and scripts (a "single file" save inlines every image as base64):
//! without them they are small again. Only pages over [`LARGE_PAGE`] go through this pass, so
//! ordinary pages are parsed exactly as they were.

use std::borrow::Cow;

/// Pages at least this large have their bulk set aside before parsing.
pub const LARGE_PAGE: usize = 4 << 20;
/// What is left of a page after that may be at most this large (about 2.5 s and 250 MB to
/// extract); beyond it the page is refused.
pub const MAX_MARKUP: usize = 8 << 20;

/// Elements whose whole content is set aside.
const DROPPED: &[&str] = &["script", "style", "svg", "template"];

/// `html` without its scripts, styles, inline SVG, templates and comments, and with every
/// `data:` URI shortened to `data:,`; `html` itself when it is smaller than [`LARGE_PAGE`].
pub fn set_aside_bulk(html: &str) -> Cow<'_, str> {
    if html.len() < LARGE_PAGE {
        return Cow::Borrowed(html);
    }
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 4);
    let mut copied = 0; // bytes[copied..at] are still to be copied
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'<' if bytes[at..].starts_with(b"<!--") => {
                out.push_str(&html[copied..at]);
                at = find(bytes, at + 4, b"-->").map_or(bytes.len(), |end| end + 3);
                copied = at;
            }
            b'<' => {
                let Some(name) = DROPPED.iter().find(|name| opens(bytes, at, name)) else {
                    at += 1;
                    continue;
                };
                let end = closing_end(bytes, at + 1 + name.len(), name);
                // Structured metadata (JSON-LD: dates, authors) is text the page means to give.
                let tag_end = memchr(bytes, at, b'>').unwrap_or(bytes.len());
                if *name == "script" && contains_ci(&bytes[at..tag_end], b"ld+json") {
                    at = end;
                    continue;
                }
                out.push_str(&html[copied..at]);
                at = end;
                copied = at;
            }
            b'"' | b'\'' | b'(' if starts_with_ci(&bytes[at + 1..], b"data:") => {
                let close = match bytes[at] {
                    b'(' => b')',
                    quote => quote,
                };
                out.push_str(&html[copied..=at]);
                out.push_str("data:,");
                at = memchr(bytes, at + 1, close).unwrap_or(bytes.len());
                copied = at;
            }
            _ => at += 1,
        }
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// Whether an element named `name` opens at `at` (`<name` then a space, `/` or `>`).
fn opens(bytes: &[u8], at: usize, name: &str) -> bool {
    let rest = &bytes[at + 1..];
    starts_with_ci(rest, name.as_bytes())
        && rest
            .get(name.len())
            .is_some_and(|&c| c.is_ascii_whitespace() || c == b'>' || c == b'/')
}

/// Where the element `name` opened before `from` ends: after its `</name…>`, or the page's end.
fn closing_end(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(lt) = memchr(bytes, at, b'<') {
        let rest = &bytes[lt + 1..];
        if rest.first() == Some(&b'/') && starts_with_ci(&rest[1..], name.as_bytes()) {
            return memchr(bytes, lt, b'>').map_or(bytes.len(), |gt| gt + 1);
        }
        at = lt + 1;
    }
    bytes.len()
}

fn starts_with_ci(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn contains_ci(bytes: &[u8], needle: &[u8]) -> bool {
    bytes
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

fn memchr(bytes: &[u8], from: usize, needle: u8) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == needle)
        .map(|i| from + i)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn large(body: &str) -> String {
        let pad = "<p>x</p>".repeat(LARGE_PAGE / 8 + 1);
        format!("<html><body>{body}{pad}</body></html>")
    }

    #[test]
    fn small_pages_are_left_alone() {
        let page = "<script>var a = 1;</script><p>Text</p>";
        assert!(matches!(set_aside_bulk(page), Cow::Borrowed(p) if p == page));
    }

    #[test]
    fn scripts_styles_svg_comments_and_data_uris_are_set_aside() {
        let page = large(
            "<SCRIPT type=x>if (a < b) { x = '</p>'; }</script>\
             <style>p { color: red }</style><!-- a comment -->\
             <svg viewBox='0 0 1 1'><path d='M0'/></svg>\
             <p>Kept text.</p><img src=\"data:image/png;base64,AAAA\" alt=\"photo\">\
             <div style=\"background: url(data:image/gif;base64,BBBB)\">More text.</div>\
             <scripted>stays</scripted>\
             <script type=\"application/ld+json\">{\"datePublished\": \"2031-05-02\"}</script>",
        );
        let out = set_aside_bulk(&page);
        let expected =             "<html><body><p>Kept text.</p><img src=\"data:,\" alt=\"photo\">\
             <div style=\"background: url(data:,)\">More text.</div><scripted>stays</scripted>\
             <script type=\"application/ld+json\">{\"datePublished\": \"2031-05-02\"}</script><p>x</p>";
        assert!(out.starts_with(expected), "{}", &out[..expected.len() + 20]);
    }

    #[test]
    fn an_unclosed_script_ends_the_page() {
        let page = large("<p>Before.</p><script>never closed");
        let out = set_aside_bulk(&page);
        assert!(
            out.ends_with("<p>Before.</p>"),
            "{}",
            &out[..out.len().min(80)]
        );
    }
}
