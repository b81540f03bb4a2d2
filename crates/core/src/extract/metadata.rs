//! Page metadata from HTML: title, byline, outlet, date, URLs and language, read from meta tags,
//! JSON-LD, `<link rel=canonical>`, `<time>` and the visible page.

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::{date, Draft};

/// What the JSON-LD blocks of a page say about its article.
#[derive(Debug, Default)]
struct LinkedData {
    headline: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    published: Option<String>,
    url: Option<String>,
}

/// Reads the metadata of a parsed page into a draft without paragraphs (title empty when none).
pub(crate) fn from_html(doc: &Html, raw: &str) -> Draft {
    let ld = linked_data(doc);
    let site_name = meta(
        doc,
        &[
            "og:site_name",
            "application-name",
            "publisher",
            "al:ios:app_name",
        ],
    )
    .or_else(|| ld.publisher.clone());
    let canonical_url = attr(doc, "link[rel~=canonical]", "href")
        .filter(|u| is_absolute(u))
        .or_else(|| meta(doc, &["og:url", "twitter:url"]).filter(|u| is_absolute(u)))
        .or_else(|| ld.url.clone().filter(|u| is_absolute(u)));
    let url = saved_from_url(raw).or_else(|| canonical_url.clone());
    let document_title = first_text(doc, "title");
    let title = ld
        .headline
        .clone()
        .or_else(|| meta(doc, &["og:title", "twitter:title", "dc.title", "headline"]))
        .or_else(|| first_text(doc, "h1"))
        .or_else(|| document_title.clone())
        .map(|t| strip_site_suffix(&t, site_name.as_deref()));
    let outlet = site_name
        .filter(|s| !is_absolute(s))
        .or_else(|| document_title.as_deref().and_then(site_from_title));
    Draft {
        title: title.unwrap_or_default(),
        byline: byline(doc, &ld),
        outlet,
        published_at: published(doc, &ld),
        url,
        canonical_url,
        lang: language(doc),
        paragraphs: Vec::new(),
    }
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("valid selector")
}

/// The content of the first `<meta>` whose `property`, `name` or `itemprop` is one of `keys`.
fn meta(doc: &Html, keys: &[&str]) -> Option<String> {
    let sel = selector("meta[content]");
    for key in keys {
        for el in doc.select(&sel) {
            let v = el.value();
            let named = ["property", "name", "itemprop"]
                .iter()
                .filter_map(|a| v.attr(a))
                .any(|n| n.trim().eq_ignore_ascii_case(key));
            if named {
                let content = clean_value(v.attr("content").unwrap_or(""));
                if !content.is_empty() {
                    return Some(content);
                }
            }
        }
    }
    None
}

fn attr(doc: &Html, css: &str, name: &str) -> Option<String> {
    doc.select(&selector(css))
        .filter_map(|el| el.value().attr(name))
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
}

fn first_text(doc: &Html, css: &str) -> Option<String> {
    doc.select(&selector(css))
        .map(|el| element_text(&el))
        .find(|t| !t.is_empty())
}

/// An element's text with whitespace collapsed.
pub(crate) fn element_text(el: &ElementRef<'_>) -> String {
    clean(&el.text().collect::<String>())
}

/// Collapses whitespace.
pub(crate) fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Collapses whitespace and decodes HTML character references left in metadata values (JSON-LD
/// and doubly or triply escaped attributes carry `&#8216;`, `&amp;#8211;`, `&nbsp;`).
pub(crate) fn clean_value(s: &str) -> String {
    let once = decode_references(s);
    if once.contains('&') && once != s {
        clean(&decode_references(&once))
    } else {
        clean(&once)
    }
}

/// One pass of character-reference decoding.
fn decode_references(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
            } else if let Some(num) = name.strip_prefix('#') {
                num.parse().ok().and_then(char::from_u32)
            } else {
                match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "nbsp" => Some(' '),
                    _ => None,
                }
            };
            c.map(|c| (c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Author names that publishing tools fill in by default.
pub(crate) fn is_placeholder_author(name: &str) -> bool {
    let lower = name.to_lowercase();
    [
        "unknown",
        "user",
        "author",
        "admin",
        "administrator",
        "editor",
        "guest",
        "microsoft office user",
        "python-docx",
        "windows user",
        "гость",
    ]
    .contains(&lower.as_str())
}

fn is_absolute(u: &str) -> bool {
    u.starts_with("http://") || u.starts_with("https://")
}

/// The address recorded by a browser's "save page" (`<!-- saved from url=(0042)https://… -->`).
fn saved_from_url(raw: &str) -> Option<String> {
    let mut end = raw.len().min(4096);
    while !raw.is_char_boundary(end) {
        end -= 1;
    }
    let head = &raw[..end];
    let at = head.find("saved from url=(")?;
    let rest = &head[at..];
    let start = rest.find(')')? + 1;
    let end = rest[start..]
        .find(|c: char| c.is_whitespace() || c == '-')
        .map_or(rest.len(), |e| start + e);
    let url = rest[start..end].trim();
    is_absolute(url).then(|| url.to_string())
}

/// The host of a URL without `www.` ("dailyledger.example").
pub(crate) fn domain_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (host.contains('.') && !host.is_empty()).then_some(host)
}

/// "Headline | The Daily Ledger" → "Headline" (also " - ", " — ", " :: ").
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let title = clean(title);
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " » "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_is_site = site.is_some_and(|s| {
                let (s, t) = (s.to_lowercase(), tail.to_lowercase());
                t.contains(&s) || s.contains(&t)
            });
            if tail_is_site && head.len() >= 10 {
                return head.trim().to_string();
            }
        }
    }
    title
}

/// The outlet named at the end of a `<title>` ("Headline | The Daily Ledger").
fn site_from_title(title: &str) -> Option<String> {
    for sep in [" | ", " – ", " — ", " - "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail = tail.trim();
            if head.len() > tail.len()
                && (2..=40).contains(&tail.len())
                && tail.split_whitespace().count() <= 5
            {
                return Some(tail.to_string());
            }
        }
    }
    None
}

fn byline(doc: &Html, ld: &LinkedData) -> Option<String> {
    let candidate = meta(
        doc,
        &[
            "author",
            "article:author",
            "byl",
            "dc.creator",
            "parsely-author",
            "sailthru.author",
        ],
    )
    .filter(|a| !is_absolute(a))
    .or_else(|| ld.author.clone())
    .or_else(|| {
        [
            "[rel=author]",
            "[itemprop=author] [itemprop=name]",
            "[itemprop=author]",
            ".byline",
            ".author-name",
            ".article-author",
            ".author",
        ]
        .iter()
        .find_map(|css| first_text(doc, css))
    })?;
    let name = clean_byline(&candidate);
    (!name.is_empty() && name.chars().count() <= 120).then_some(name)
}

/// "By Jane Doe, Staff Writer" → "Jane Doe, Staff Writer"; drops a trailing date or "Updated".
pub(crate) fn clean_byline(raw: &str) -> String {
    let s = clean(raw);
    let lower = s.to_lowercase();
    let s = ["by ", "von ", "par ", "por ", "written by "]
        .iter()
        .find(|p| lower.starts_with(*p))
        .map_or(s.as_str(), |p| &s[p.len()..]);
    let s = without_trailing_date(s);
    s.trim_matches(|c: char| c == ',' || c == '|' || c.is_whitespace())
        .to_string()
}

/// "Jane Doe · 9 June 2026, 11:20" → "Jane Doe": cuts at the first separator (·, |, dashes or a
/// comma) followed by a date, optionally introduced by "Updated", "Published", "Posted" or "on".
fn without_trailing_date(s: &str) -> &str {
    const SEPARATORS: [&str; 6] = [" · ", " | ", " — ", " – ", " - ", ", "];
    let mut cuts: Vec<(usize, usize)> = SEPARATORS
        .iter()
        .flat_map(|sep| s.match_indices(sep).map(|(i, m)| (i, i + m.len())))
        .collect();
    cuts.sort_unstable();
    cuts.into_iter()
        .find(|&(_, rest)| starts_with_date(&s[rest..]))
        .map_or(s, |(cut, _)| &s[..cut])
}

fn starts_with_date(rest: &str) -> bool {
    let rest = rest.trim_start();
    let lower = rest.to_lowercase();
    let rest = [
        "last updated ",
        "updated on ",
        "updated ",
        "published on ",
        "published ",
        "posted on ",
        "posted ",
        "on ",
    ]
    .iter()
    .find(|w| lower.starts_with(*w))
    .map_or(rest, |w| rest[w.len()..].trim_start());
    let first_word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    let opens_like_date = rest.starts_with(|c: char| c.is_ascii_digit())
        || date::is_month_name(first_word.trim_end_matches('.'));
    opens_like_date && date::find_in_text(rest).is_some()
}

fn published(doc: &Html, ld: &LinkedData) -> Option<String> {
    let from_meta = meta(
        doc,
        &[
            "article:published_time",
            "og:published_time",
            "datePublished",
            "published_time",
            "pubdate",
            "publishdate",
            "publish-date",
            "publish_date",
            "article.published",
            "dc.date.issued",
            "dcterms.created",
            "dc.date",
            "dcterms.date",
            "sailthru.date",
            "parsely-pub-date",
            "citation_publication_date",
            "date",
        ],
    );
    from_meta
        .and_then(|d| date::normalize(&d))
        .or_else(|| ld.published.as_deref().and_then(date::normalize))
        .or_else(|| {
            doc.select(&selector("[itemprop=datePublished]"))
                .filter_map(|el| el.value().attr("datetime").or(el.value().attr("content")))
                .find_map(date::normalize)
        })
        .or_else(|| {
            doc.select(&selector("time[datetime]"))
                .filter_map(|el| el.value().attr("datetime"))
                .find_map(date::normalize)
        })
        .or_else(|| {
            [".dateline", ".date", ".published", ".timestamp", "time"]
                .iter()
                .filter_map(|css| first_text(doc, css))
                .find_map(|t| date::find_in_text(&t))
        })
}

/// The ISO 639-1 code from `<html lang>`, `Content-Language` or `og:locale`.
fn language(doc: &Html) -> Option<String> {
    attr(doc, "html[lang]", "lang")
        .or_else(|| attr(doc, "html[xml\\:lang]", "xml:lang"))
        .or_else(|| {
            doc.select(&selector("meta[http-equiv][content]"))
                .find(|el| {
                    el.value()
                        .attr("http-equiv")
                        .is_some_and(|h| h.eq_ignore_ascii_case("content-language"))
                })
                .and_then(|el| el.value().attr("content").map(str::to_string))
        })
        .or_else(|| meta(doc, &["og:locale", "language", "dc.language"]))
        .and_then(|l| iso_639_1(&l))
}

/// "en-GB" / "en_US" / "EN" → "en".
pub(crate) fn iso_639_1(tag: &str) -> Option<String> {
    let primary = tag
        .trim()
        .split(['-', '_', ',', ';'])
        .next()?
        .to_ascii_lowercase();
    (primary.len() == 2 && primary.chars().all(|c| c.is_ascii_lowercase())).then_some(primary)
}

/// Reads the article-like objects of all `application/ld+json` blocks.
fn linked_data(doc: &Html) -> LinkedData {
    let mut ld = LinkedData::default();
    for script in doc.select(&selector("script[type]")) {
        if !script
            .value()
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        {
            continue;
        }
        let text: String = script.text().collect();
        if let Ok(value) = serde_json::from_str::<Value>(text.trim().trim_end_matches(';')) {
            visit(&value, &mut ld, 0);
        }
    }
    ld
}

fn visit(value: &Value, ld: &mut LinkedData, depth: usize) {
    let mut pages = LinkedData::default();
    visit_into(value, ld, &mut pages, depth);
    ld.headline = ld.headline.take().or(pages.headline);
    ld.author = ld.author.take().or(pages.author);
    ld.publisher = ld.publisher.take().or(pages.publisher);
    ld.published = ld.published.take().or(pages.published);
    ld.url = ld.url.take().or(pages.url);
}

/// Walks JSON-LD; article objects fill `articles`, web-page objects fill `pages` (first wins).
fn visit_into(value: &Value, articles: &mut LinkedData, pages: &mut LinkedData, depth: usize) {
    if depth > 6 {
        return;
    }
    match value {
        Value::Array(items) => items
            .iter()
            .for_each(|v| visit_into(v, articles, pages, depth + 1)),
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                visit_into(graph, articles, pages, depth + 1);
            }
            let types: Vec<&str> = match map.get("@type") {
                Some(Value::String(t)) => vec![t.as_str()],
                Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
                _ => vec![],
            };
            let is_article = types
                .iter()
                .any(|t| t.ends_with("Article") || *t == "BlogPosting" || *t == "Report");
            if !is_article && !types.contains(&"WebPage") {
                return;
            }
            let target = if is_article { articles } else { pages };
            let get_str = |k: &str| {
                map.get(k)
                    .and_then(Value::as_str)
                    .map(clean_value)
                    .filter(|v| !v.is_empty())
            };
            let fill = |slot: &mut Option<String>, v: Option<String>| {
                if slot.is_none() {
                    *slot = v;
                }
            };
            fill(
                &mut target.headline,
                get_str("headline").or_else(|| get_str("name").filter(|_| is_article)),
            );
            fill(
                &mut target.published,
                get_str("datePublished").or_else(|| get_str("dateCreated")),
            );
            fill(&mut target.author, map.get("author").and_then(names));
            fill(&mut target.publisher, map.get("publisher").and_then(names));
            fill(
                &mut target.url,
                get_str("url").or_else(|| map.get("mainEntityOfPage").and_then(id_of)),
            );
        }
        _ => {}
    }
}

/// Names from a JSON-LD person/organisation value: "A", {"name": "A"}, or a list of them.
fn names(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(clean_value(s)).filter(|s| !is_absolute(s)),
        Value::Object(m) => m.get("name").and_then(Value::as_str).map(clean_value),
        Value::Array(items) => {
            let all: Vec<String> = items.iter().filter_map(names).collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        _ => None,
    }
}

fn id_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(m) => m
            .get("@id")
            .or_else(|| m.get("url"))
            .and_then(Value::as_str)
            .map(str::to_string),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html lang="en-GB"><head>
        <title>Ferry line approved | The Harbour Wire</title>
        <meta property="og:site_name" content="The Harbour Wire">
        <meta property="og:title" content="Ferry line approved - The Harbour Wire">
        <meta name="author" content="By Jane Quill">
        <link rel="canonical" href="https://www.harbourwire.example/news/ferry">
        <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2026-03-14T09:05:00+01:00"}</script>
        </head><body><h1>Ferry line approved</h1></body></html>"#;

    #[test]
    fn reads_meta_tags_and_json_ld() {
        let doc = Html::parse_document(PAGE);
        let m = from_html(&doc, PAGE);
        assert_eq!(m.title, "Ferry line approved");
        assert_eq!(m.byline.as_deref(), Some("Jane Quill"));
        assert_eq!(m.outlet.as_deref(), Some("The Harbour Wire"));
        assert_eq!(m.published_at.as_deref(), Some("2026-03-14T09:05:00+01:00"));
        assert_eq!(
            m.canonical_url.as_deref(),
            Some("https://www.harbourwire.example/news/ferry")
        );
        assert_eq!(m.lang.as_deref(), Some("en"));
    }

    #[test]
    fn character_references_in_values_are_decoded() {
        assert_eq!(
            clean_value("&#8216;Light&#8217; &amp; &#x41;rt&nbsp;now &bogus; &"),
            "‘Light’ & Art now &bogus; &"
        );
        assert_eq!(clean_value("review &amp;#8211; shoots"), "review – shoots");
    }

    #[test]
    fn bylines_lose_a_trailing_date_after_any_separator() {
        for raw in [
            "By Ilse Marrow · 10 June 2026",
            "By Ilse Marrow · 9 June 2026, 11:20",
            "By Ilse Marrow | Updated 10 June 2026",
            "By Ilse Marrow — June 10, 2026",
            "By Ilse Marrow, 2026/06/10",
            "Ilse Marrow, published on 10 June 2026",
        ] {
            assert_eq!(clean_byline(raw), "Ilse Marrow", "from {raw:?}");
        }
    }

    #[test]
    fn bylines_keep_roles_and_names_that_are_not_dates() {
        assert_eq!(
            clean_byline("By Jane Doe, Staff Writer, 14 March 2026"),
            "Jane Doe, Staff Writer"
        );
        assert_eq!(
            clean_byline("By Jane Doe, May Ashby"),
            "Jane Doe, May Ashby"
        );
        assert_eq!(
            clean_byline("By Jane Doe | Harbour desk"),
            "Jane Doe | Harbour desk"
        );
    }

    #[test]
    fn domain_drops_www_and_port() {
        assert_eq!(
            domain_of("https://www.harbourwire.example:443/a?b").as_deref(),
            Some("harbourwire.example")
        );
        assert_eq!(domain_of("not a url"), None);
    }
}
