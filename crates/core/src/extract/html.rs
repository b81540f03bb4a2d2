//! Web pages: the body via the `trafilatura` crate (with a simple paragraph walk when it finds
//! too little), the metadata via [`super::metadata`], then the shared clutter clean-up.

use scraper::{ElementRef, Html, Selector};

use super::{metadata, Draft, ExtractError};

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
    let doc = Html::parse_document(html);
    let meta = metadata::from_html(&doc, html);
    let mut paragraphs = main_text(html);
    if paragraphs.iter().map(String::len).sum::<usize>() < 200 {
        let walked = paragraph_walk(&doc);
        if walked.iter().map(String::len).sum::<usize>()
            > paragraphs.iter().map(String::len).sum::<usize>()
        {
            paragraphs = walked;
        }
    }
    let title = meta
        .title
        .clone()
        .or_else(|| paragraphs.first().cloned())
        .unwrap_or_default();
    Ok(Draft {
        title,
        byline: meta.byline,
        outlet: meta.outlet,
        published_at: meta.published_at,
        url: meta.url,
        canonical_url: meta.canonical_url,
        lang: meta.lang,
        paragraphs,
    })
}

/// The main text as found by trafilatura (fallback extractors enabled), one paragraph per line.
/// A panic inside the crate on odd markup is caught and treated as "nothing found".
fn main_text(html: &str) -> Vec<String> {
    let options = trafilatura::Options::default()
        .with_fallback(true)
        .with_exclude_comments(true);
    let result = std::panic::catch_unwind(|| trafilatura::extract(html, &options));
    match result {
        Ok(Ok(r)) => r
            .content_text
            .lines()
            .map(metadata::clean)
            .filter(|l| !l.is_empty())
            .collect(),
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
];

/// A plain walk over the paragraphs of `<article>` (else `<main>`, else `<body>`), skipping
/// navigation, asides, forms and captions. Used for pages too short for trafilatura.
fn paragraph_walk(doc: &Html) -> Vec<String> {
    let root = ["article", "main", "[role=main]", "body"]
        .iter()
        .find_map(|css| {
            doc.select(&Selector::parse(css).expect("valid selector"))
                .next()
        });
    let Some(root) = root else { return Vec::new() };
    let mut out = Vec::new();
    collect_blocks(root, &mut out);
    out
}

fn collect_blocks(el: ElementRef<'_>, out: &mut Vec<String>) {
    for child in el.child_elements() {
        let name = child.value().name();
        if SKIPPED.contains(&name) || is_hidden_or_clutter_box(&child) {
            continue;
        }
        if matches!(name, "p" | "h2" | "h3" | "h4" | "blockquote" | "li" | "pre") {
            let text = metadata::element_text(&child);
            if !text.is_empty() {
                out.push(text);
            }
        } else {
            collect_blocks(child, out);
        }
    }
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
