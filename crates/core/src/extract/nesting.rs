//! A streaming pre-scan that bounds how deeply a page's elements nest before any parser sees it:
//! the HTML clean-up downstream recurses once per level, and a page of 10,000 nested `<div>`s
//! overflowed the stack and took the whole process down. Elements deeper than [`MAX_DEPTH`] lose
//! their tags (their text stays, in place); nothing else changes, and a page within the bound is
//! returned as it is.
//!
//! The scan follows what matters for depth, and where it cannot be sure it counts deeper than a
//! parser would (never shallower): comments (with every ending a parser accepts), doctype and
//! processing instructions are skipped; only void elements (`<br>`, `<img>`…) do not nest (`<div/>`
//! does); the contents of raw-text elements (`<script>`, `<style>`…, outside SVG and MathML) are
//! not looked into and their tags are always kept; elements whose end tag may be left out (`<p>`,
//! `<li>`, `<td>`…) close an open one of the same name; an end tag closes the nearest open element
//! of its name and everything opened inside it, unless a scope boundary (`<object>`, `<table>`…)
//! lies between. A `<` not followed by a letter, `/`, `!` or `?` is text. What the scan cannot
//! model (a parser reopening formatting elements) is left to the extraction worker's process
//! boundary: a crash there costs one file.

use std::borrow::Cow;
use std::collections::HashMap;

/// Elements nested deeper than this lose their tags. Real pages stay under ~60 levels.
pub const MAX_DEPTH: usize = 256;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "command", "basefont", "bgsound", "frame", "isindex",
];

const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Elements an end tag of an element opened outside them cannot reach past.
const SCOPE_BOUNDARIES: &[&str] = &[
    "applet",
    "caption",
    "html",
    "table",
    "td",
    "th",
    "marquee",
    "object",
    "template",
    "svg",
    "math",
    "foreignobject",
];

/// Elements a new one of the same name closes (their end tag is optional).
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "rb", "rt", "rp",
];

/// An open element: its lower-case name and whether its tags were kept.
struct Open {
    name: String,
    kept: bool,
}

/// `html` with the tags of elements nested deeper than `max_depth` removed.
pub fn bound_nesting(html: &str, max_depth: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    // How many of each name are open: an end tag with none open is skipped without a search.
    let mut open_count: HashMap<String, usize> = HashMap::new();
    let mut kept_depth = 0usize;
    // Byte ranges of tags to drop, in order.
    let mut drop: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while let Some(offset) = memchr(b'<', &bytes[at..]) {
        let start = at + offset;
        let rest = &html[start..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            at = start + 4 + comment_end(comment);
            continue;
        }
        // Only `<` before a letter, `/`, `!` or `?` opens a tag ("x < y" is text).
        let opens_tag = bytes
            .get(start + 1)
            .is_some_and(|&c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?'));
        if !opens_tag {
            at = start + 1;
            continue;
        }
        let Some(tag_end) = tag_end(bytes, start + 1) else {
            break; // an attribute value open to the end: the rest is no markup
        };
        let inner = &html[start + 1..tag_end];
        at = tag_end + 1;
        if inner.starts_with('!') || inner.starts_with('?') {
            continue;
        }
        let closing = inner.starts_with('/');
        let name = tag_name(if closing { &inner[1..] } else { inner });
        if name.is_empty() {
            continue;
        }
        if closing {
            if open_count.get(&name).is_none_or(|&n| n == 0) {
                continue;
            }
            let Some(found) = stack.iter().rposition(|o| o.name == name) else {
                continue;
            };
            // A parser ignores an end tag across a scope boundary (`</div>` inside `<object>`):
            // so does the scan, counting deeper rather than shallower.
            if stack[found + 1..]
                .iter()
                .any(|o| SCOPE_BOUNDARIES.contains(&o.name.as_str()))
            {
                continue;
            }
            let kept = stack[found].kept;
            for open in stack.drain(found..) {
                if open.kept {
                    kept_depth -= 1;
                }
                if let Some(n) = open_count.get_mut(&open.name) {
                    *n -= 1;
                }
            }
            if !kept {
                drop.push((start, tag_end + 1));
            }
            continue;
        }
        // `<div/>` opens a div all the same: only void elements never nest.
        if VOID.contains(&name.as_str()) {
            continue;
        }
        if SELF_CLOSING_SIBLINGS.contains(&name.as_str()) {
            if let Some(open) = stack.last() {
                if open.name == name {
                    let open = stack.pop().expect("just looked");
                    if open.kept {
                        kept_depth -= 1;
                    }
                    if let Some(n) = open_count.get_mut(&open.name) {
                        *n -= 1;
                    }
                }
            }
        }
        let foreign = ["svg", "math"]
            .iter()
            .any(|f| open_count.get(*f).is_some_and(|&n| n > 0));
        // Raw text (outside SVG and MathML, where `<style>` holds markup): its content is skipped,
        // so its tags are never dropped (the content would become markup).
        let raw_text = !foreign && RAW_TEXT.contains(&name.as_str());
        let kept = kept_depth < max_depth || raw_text;
        if kept {
            kept_depth += 1;
        } else {
            drop.push((start, tag_end + 1));
        }
        if raw_text {
            let close = format!("</{name}");
            at = find_ascii_ci(&html[at..], &close).map_or(bytes.len(), |e| at + e);
        }
        *open_count.entry(name.clone()).or_default() += 1;
        stack.push(Open { name, kept });
    }
    if drop.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (s, e) in drop {
        out.push_str(&html[from..s]);
        from = e;
    }
    out.push_str(&html[from..]);
    Cow::Owned(out)
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

/// The index of the `>` ending the tag whose body starts at `from`, skipping quoted attribute
/// values (a quote counts only right after `=`, as in a parser: "l'été" in a tag name does not).
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    let mut after_equals = false;
    for (k, &b) in bytes[from..].iter().enumerate() {
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
            continue;
        }
        match b {
            b'>' => return Some(from + k),
            b'"' | b'\'' if after_equals => quote = Some(b),
            b'=' => after_equals = true,
            _ if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
    }
    None
}

/// Where a comment whose text starts at `comment` ends, past its closing: `-->`, `--!>`, or at
/// once for `<!-->` and `<!--->` (as a parser ends them); the end of the page when unclosed.
fn comment_end(comment: &str) -> usize {
    if comment.starts_with('>') {
        return 1;
    }
    if comment.starts_with("->") {
        return 2;
    }
    let close = comment.find("-->").map(|e| e + 3);
    let bang = comment.find("--!>").map(|e| e + 4);
    match (close, bang) {
        (Some(c), Some(b)) => c.min(b),
        (Some(e), None) | (None, Some(e)) => e,
        (None, None) => comment.len(),
    }
}

/// The lower-case element name at the start of a tag's body ("div" of `div class="x"`).
fn tag_name(body: &str) -> String {
    body.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Where `needle` (ASCII) first occurs in `haystack`, ignoring ASCII case.
fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(levels: usize) -> String {
        format!(
            "<html><body>{}<p>Deep text.</p>{}</body></html>",
            "<div>".repeat(levels),
            "</div>".repeat(levels)
        )
    }

    fn depth(html: &str) -> usize {
        // The deepest <div> run left: opening tags minus closings along the way.
        let (mut d, mut max) = (0i64, 0i64);
        let mut rest = html;
        while let Some(k) = rest.find('<') {
            rest = &rest[k..];
            if rest.starts_with("<div>") {
                d += 1;
                max = max.max(d);
            } else if rest.starts_with("</div>") {
                d -= 1;
            }
            rest = &rest[1..];
        }
        max as usize
    }

    #[test]
    fn a_page_within_the_bound_is_returned_as_it_is() {
        let page = nested(40);
        assert!(matches!(bound_nesting(&page, MAX_DEPTH), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_loses_its_tags_but_keeps_its_text() {
        let page = nested(10_000);
        let bounded = bound_nesting(&page, MAX_DEPTH);
        assert!(depth(&bounded) <= MAX_DEPTH, "depth {}", depth(&bounded));
        assert!(
            bounded.contains("Deep text."),
            "the text stays where it was"
        );
        assert!(bounded.len() < page.len() / 10);
    }

    #[test]
    fn void_raw_text_comments_and_optional_end_tags_do_not_count() {
        let page = format!(
            "{}<script>{}</script><!-- {} -->{}",
            "<br><img src='a>b'>".repeat(500),
            "<div>".repeat(500),
            "<div>".repeat(500),
            "<p>para".repeat(500)
        );
        assert!(matches!(bound_nesting(&page, 10), Cow::Borrowed(_)));
    }

    #[test]
    fn an_end_tag_closes_what_was_opened_inside() {
        let page = format!(
            "<section>{}</section>{}",
            "<span>".repeat(20),
            "<b>x</b>".repeat(5)
        );
        // The spans are never closed, but </section> closes them: the <b>s sit at depth 1.
        let bounded = bound_nesting(&page, 3);
        assert_eq!(bounded.matches("<b>").count(), 5);
        assert_eq!(bounded.matches("<span>").count(), 2);
    }

    #[test]
    fn the_tricks_that_hide_nesting_from_a_simple_scan_are_counted() {
        let deep = "<div>".repeat(2_000);
        for page in [
            "<div/>".repeat(2_000),
            format!("<p>x < y's</p>{deep}"),
            format!("<!--> {deep}"),
            format!("<!---> {deep}"),
            format!("<!-- a --!> {deep}"),
            "<div><object></div>".repeat(2_000),
            format!("<svg><style>{}</style></svg>", "<g>".repeat(2_000)),
        ] {
            let bounded = bound_nesting(&page, MAX_DEPTH);
            let opens = bounded.matches("<div").count() + bounded.matches("<g>").count();
            assert!(
                opens <= MAX_DEPTH + 2,
                "{} opening tags left of {}",
                opens,
                &page[..40]
            );
        }
        // A script's tags are kept even beyond the bound, so its text never becomes markup.
        let page = format!("{deep}<script>{}</script>", "<div>".repeat(10));
        let bounded = bound_nesting(&page, MAX_DEPTH);
        assert!(bounded.contains(&format!("<script>{}</script>", "<div>".repeat(10))));
    }
}
