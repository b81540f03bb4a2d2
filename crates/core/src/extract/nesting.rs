//! A streaming pre-scan that bounds how deeply a page's elements nest before any parser sees it:
//! the HTML clean-up downstream recurses once per level, and a page of 10,000 nested `<div>`s
//! overflowed the stack and took the whole process down. Elements deeper than [`MAX_DEPTH`] lose
//! their tags (their text stays, in place); nothing else changes, and a page within the bound is
//! returned as it is.
//!
//! The scan follows what matters for depth: comments, doctype and processing instructions are
//! skipped; void elements (`<br>`, `<img>`…) and self-closing tags do not nest; the contents of
//! raw-text elements (`<script>`, `<style>`, `<textarea>`…) are not looked into; elements whose end
//! tag may be left out (`<p>`, `<li>`, `<td>`…) close an open one of the same name, as a browser
//! does; an end tag closes the nearest open element of its name and everything opened inside it.

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
            at = comment
                .find("-->")
                .map_or(bytes.len(), |e| start + 4 + e + 3);
            continue;
        }
        let Some(tag_end) = tag_end(bytes, start + 1) else {
            break;
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
        if VOID.contains(&name.as_str()) || inner.ends_with('/') {
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
        let kept = kept_depth < max_depth;
        if kept {
            kept_depth += 1;
        } else {
            drop.push((start, tag_end + 1));
        }
        if RAW_TEXT.contains(&name.as_str()) {
            // Its text is not markup: go on after its end tag.
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

/// The index of the `>` ending the tag whose body starts at `from`, skipping quoted values.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (k, &b) in bytes[from..].iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return Some(from + k),
            None => {}
        }
    }
    None
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
}
