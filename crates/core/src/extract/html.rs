//! Web pages: the body via the `trafilatura` crate (with a simple paragraph walk when it finds
//! too little), the metadata via [`super::metadata`], then the shared clutter clean-up.

use scraper::{ElementRef, Html, Selector};

use super::{bulk, metadata, nesting, Draft, ExtractError};

/// Pages larger than this are refused: a DOM costs roughly ten times the page's size in memory.
pub const MAX_HTML_BYTES: usize = 64 << 20;

/// Extracts the article of a decoded HTML page.
pub(crate) fn extract(html: &str) -> Result<Draft, ExtractError> {
    if html.len() > MAX_HTML_BYTES {
        return Err(ExtractError::TooLarge {
            size: html.len(),
            limit: MAX_HTML_BYTES,
        });
    }
    // A large page without its scripts, styles and embedded images; refused when even that is
    // more markup than any article (a DOM costs ~30× its page).
    let slim = bulk::set_aside_bulk(html);
    if slim.len() > bulk::MAX_MARKUP {
        return Err(ExtractError::TooMuchMarkup {
            size: html.len(),
            markup: slim.len(),
            limit: bulk::MAX_MARKUP,
        });
    }
    // Bound the nesting first: the clean-up below recurses once per level.
    let bounded = nesting::bound_nesting(&slim, nesting::MAX_DEPTH);
    let html: &str = &bounded;
    let doc = Html::parse_document(html);
    let mut draft = metadata::from_html(&doc, html);
    let mut paragraphs = main_text(html);
    let length = |ps: &[String]| ps.iter().map(String::len).sum::<usize>();
    if length(&paragraphs) < 200 {
        let walked = paragraph_walk(&doc);
        // Trafilatura's baseline on tiny pages is one run of all the text, menus included; the
        // walk keeps paragraphs apart and skips navigation, so it wins unless it lost much text.
        if length(&walked) * 3 >= length(&paragraphs) * 2 {
            paragraphs = walked;
        }
    }
    // Without a title in the metadata, `finish` takes the first paragraph.
    draft.paragraphs = paragraphs;
    Ok(draft)
}

/// The main text as found by trafilatura (fallback extractors enabled), split into blocks from
/// its cleaned HTML. A panic inside the crate on odd markup is caught and treated as "nothing
/// found".
fn main_text(html: &str) -> Vec<String> {
    let options = trafilatura::Options::default()
        .with_fallback(true)
        .with_exclude_comments(true);
    let result = std::panic::catch_unwind(|| trafilatura::extract(html, &options));
    match result {
        Ok(Ok(r)) => {
            let fragment = Html::parse_fragment(&r.content_html);
            let mut blocks = Blocks::default();
            blocks.walk(fragment.root_element(), false);
            blocks.finish()
        }
        _ => Vec::new(),
    }
}

/// Tags whose text is never article body.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "figcaption",
    "figure",
    "template",
    "svg",
    "iframe",
    "select",
    "menu",
    "head",
    "title",
];

/// Tags that start a new block of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "article",
    "section",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "br",
    "hr",
    "address",
    "details",
    "summary",
    "center",
    "fieldset",
    "list",
    "item",
    "quote",
    "code",
];

/// A paragraph collector over a DOM walk: inline text accumulates, block boundaries flush it.
#[derive(Default)]
struct Blocks {
    out: Vec<String>,
    current: String,
}

impl Blocks {
    /// Walks `el`'s children; `skip_clutter` also drops navigation, asides and boxes marked as
    /// share bars, newsletters and the like (used on whole pages, not on trafilatura's output).
    fn walk(&mut self, el: ElementRef<'_>, skip_clutter: bool) {
        for node in el.children() {
            if let Some(text) = node.value().as_text() {
                self.current.push_str(text);
                continue;
            }
            let Some(child) = ElementRef::wrap(node) else {
                continue;
            };
            let name = child.value().name();
            if skip_clutter && (SKIPPED.contains(&name) || is_hidden_or_clutter_box(&child)) {
                continue;
            }
            if matches!(name, "script" | "style" | "noscript" | "template" | "head") {
                continue;
            }
            let block = BLOCK_TAGS.contains(&name);
            if block {
                self.flush();
            } else if matches!(name, "td" | "th") {
                // Cells of one row stay one line.
                self.current.push(' ');
            }
            self.walk(child, skip_clutter);
            if block {
                self.flush();
            }
        }
    }

    fn flush(&mut self) {
        let text = metadata::clean(&self.current);
        if !text.is_empty() {
            self.out.push(text);
        }
        self.current.clear();
    }

    fn finish(mut self) -> Vec<String> {
        self.flush();
        self.out
    }
}

/// A plain walk over the text of `<article>` (else `<main>`, else `<body>`), skipping
/// navigation, asides, forms and captions. Used for pages too short for trafilatura.
fn paragraph_walk(doc: &Html) -> Vec<String> {
    let root = ["article", "main", "[role=main]", "body"]
        .iter()
        .find_map(|css| {
            doc.select(&Selector::parse(css).expect("valid selector"))
                .next()
        });
    let Some(root) = root else { return Vec::new() };
    let mut blocks = Blocks::default();
    blocks.walk(root, true);
    blocks.finish()
}

/// Boxes marked as share bars, newsletters, cookie banners, comments or related links by their
/// class or id.
fn is_hidden_or_clutter_box(el: &ElementRef<'_>) -> bool {
    let v = el.value();
    if v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    let marks = format!(
        "{} {}",
        v.attr("class").unwrap_or(""),
        v.attr("id").unwrap_or("")
    )
    .to_ascii_lowercase();
    [
        "share",
        "social",
        "newsletter",
        "cookie",
        "consent",
        "comment",
        "related",
        "breadcrumb",
        "promo",
        "advert",
        "sidebar",
        "subscribe",
        "signup",
        "caption",
        "byline",
        "dateline",
        "tags",
    ]
    .iter()
    .any(|m| marks.contains(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oversized_pages_are_refused_before_parsing() {
        let page = " ".repeat(MAX_HTML_BYTES + 1);
        let err = extract(&page).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("the file is too large to read (64 MB;"),
            "{err}"
        );
    }

    #[test]
    fn short_pages_fall_back_to_the_paragraph_walk() {
        let page = "<html><body><nav><p>Home</p></nav><article><p>The ferry runs at night.</p>\
                    <div class=\"share-bar\"><p>Share</p></div><p>It starts in May.</p></article></body></html>";
        let draft = extract(page).expect("draft");
        assert_eq!(
            draft.paragraphs,
            vec!["The ferry runs at night.", "It starts in May."]
        );
    }
}
