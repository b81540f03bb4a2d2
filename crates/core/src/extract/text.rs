//! Plain text and Markdown: blocks split at blank lines, Markdown syntax stripped, and a header
//! read for title, byline, dateline, outlet and address. Runs in one pass over the lines.

use super::lazy_regex::LazyRegex;

use super::{clutter, date, metadata, Draft};

/// How many leading blocks may hold header material (title, byline, date, outlet).
const HEADER_BLOCKS: usize = 8;

static BYLINE: LazyRegex =
    LazyRegex::new(r"(?i)^(?:by|written\ by|author:|von|par|por|автор:?)\s+(\S.{0,100})$");
static DATELINE: LazyRegex = LazyRegex::new(
    r"(?i)^(?:published|posted|updated|date|dated|опубликовано)?\s*(?:on|:)?\s*(.{4,80})$",
);
static LABELLED_URL: LazyRegex =
    LazyRegex::new(r"(?i)^(?:url|source|link|original|canonical)?\s*:?\s*(https?://\S+)$");
static MD_LINK: LazyRegex = LazyRegex::new(r"!?\[([^\]]*)\]\([^)]*\)");
static MD_IMAGE: LazyRegex = LazyRegex::new(r"!\[[^\]]*\]\([^)]*\)");
static MD_EMPHASIS: LazyRegex = LazyRegex::new(
    r"\*\*(\S(?:.*?\S)?)\*\*|__(\S(?:.*?\S)?)__|\*(\S(?:.*?\S)?)\*|`([^`]+)`|~~(\S(?:.*?\S)?)~~",
);

/// Reads the article in a text (`markdown` strips Markdown syntax first).
pub(crate) fn extract(text: &str, markdown: bool) -> Draft {
    let mut draft = Draft::default();
    let mut lines = text.lines().peekable();
    if markdown && lines.peek().map(|l| l.trim()) == Some("---") {
        lines.next();
        read_front_matter(&mut lines, &mut draft);
    }
    let blocks = blocks(lines, markdown);
    read_header(blocks, markdown, &mut draft);
    draft
}

/// A paragraph block and whether it was a Markdown heading.
struct Block {
    text: String,
    heading: u8,
}

/// Splits lines into blocks at blank lines (and at Markdown headings, list items and rules).
fn blocks<'a>(lines: impl Iterator<Item = &'a str>, markdown: bool) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut in_fence = false;
    let flush = |current: &mut String, out: &mut Vec<Block>, heading: u8| {
        let text = metadata::clean(current);
        if !text.is_empty() {
            out.push(Block { text, heading });
        }
        current.clear();
    };
    for line in lines {
        let trimmed = line.trim();
        if markdown {
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                in_fence = !in_fence;
                flush(&mut current, &mut out, 0);
                continue;
            }
            if in_fence {
                continue;
            }
            let level = trimmed.chars().take_while(|&c| c == '#').count();
            if (1..=6).contains(&level) && trimmed[level..].starts_with(' ') {
                flush(&mut current, &mut out, 0);
                current.push_str(&strip_inline(trimmed[level..].trim_end_matches('#')));
                flush(&mut current, &mut out, u8::try_from(level).unwrap_or(6));
                continue;
            }
            if is_rule(trimmed) || trimmed.starts_with("<!--") {
                flush(&mut current, &mut out, 0);
                continue;
            }
            if let Some(item) = list_item(trimmed) {
                flush(&mut current, &mut out, 0);
                current.push_str(&strip_inline(item));
                continue;
            }
            if !current.is_empty()
                && trimmed.chars().all(|c| c == '=' || c == '-')
                && !trimmed.is_empty()
            {
                // Setext heading underline.
                let level = if trimmed.starts_with('=') { 1 } else { 2 };
                flush(&mut current, &mut out, level);
                continue;
            }
        }
        if trimmed.is_empty() {
            flush(&mut current, &mut out, 0);
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        if markdown {
            current.push_str(&strip_inline(trimmed.trim_start_matches('>').trim()));
        } else {
            current.push_str(trimmed);
        }
    }
    flush(&mut current, &mut out, 0);
    out
}

fn is_rule(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    compact.len() >= 3
        && (compact.chars().all(|c| c == '-')
            || compact.chars().all(|c| c == '*')
            || compact.chars().all(|c| c == '_'))
}

fn list_item(line: &str) -> Option<&str> {
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some(rest);
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits < 4 {
        let rest = &line[digits..];
        return rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") "));
    }
    None
}

/// Removes inline Markdown: images, links (keeping their text), emphasis and code marks.
fn strip_inline(s: &str) -> String {
    let s = MD_IMAGE.replace_all(s, |_| String::new());
    let s = MD_LINK.replace_all(&s, |link| link[1].to_string());
    let s = MD_EMPHASIS.replace_all(&s, |marked| {
        marked.texts().next().unwrap_or_default().to_string()
    });
    s.trim().to_string()
}

/// `key: value` lines of YAML front matter, up to the closing `---`.
fn read_front_matter<'a>(lines: &mut impl Iterator<Item = &'a str>, draft: &mut Draft) {
    for line in lines.by_ref().take(200) {
        if line.trim() == "---" {
            return;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).to_string();
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => draft.title = value,
            "author" | "byline" => draft.byline = Some(metadata::clean_byline(&value)),
            "date" | "published" | "published_at" => draft.published_at = date::normalize(&value),
            "outlet" | "site" | "publisher" | "source" if !value.starts_with("http") => {
                draft.outlet = Some(value)
            }
            "url" | "link" | "canonical" | "canonical_url" | "source" => draft.url = Some(value),
            "lang" | "language" => draft.lang = metadata::iso_639_1(&value),
            _ => {}
        }
    }
}

/// Takes title, byline, date, outlet and address from the first blocks; the rest is the body.
fn read_header(blocks: Vec<Block>, markdown: bool, draft: &mut Draft) {
    let mut body = Vec::with_capacity(blocks.len());
    let has_md_title = markdown && blocks.iter().take(HEADER_BLOCKS).any(|b| b.heading == 1);
    let mut pending_outlet: Option<String> = None;
    for (i, block) in blocks.into_iter().enumerate() {
        let text = block.text;
        let in_header = i < HEADER_BLOCKS && body.is_empty();
        if !in_header {
            body.push(text);
            continue;
        }
        if draft.byline.is_none()
            && text.split_whitespace().count() <= 16
            && !clutter::ends_sentence(&text)
        {
            if let Some(c) = BYLINE.captures(&text) {
                let (name, rest) = split_date_off(&c[1]);
                draft.byline = Some(metadata::clean_byline(&name));
                if let Some(d) = rest {
                    draft.published_at.get_or_insert(d);
                }
                continue;
            }
        }
        if clutter::is_clutter(&text) {
            if let Some(url) = LABELLED_URL.captures(&text).map(|c| c[1].to_string()) {
                draft.url.get_or_insert(url);
            }
            continue;
        }
        if let Some(url) = LABELLED_URL.captures(&text) {
            draft.url.get_or_insert(url[1].to_string());
            continue;
        }
        if !draft.title.is_empty() && text.eq_ignore_ascii_case(&draft.title) {
            continue;
        }
        if draft.title.is_empty() {
            let heading_like = if has_md_title {
                block.heading == 1
            } else {
                is_heading_like(&text)
            };
            if heading_like {
                draft.title = text;
                continue;
            }
            if has_md_title && is_heading_like(&text) && pending_outlet.is_none() {
                pending_outlet = Some(text);
                continue;
            }
            if !has_md_title {
                // No heading-like first block: the first sentence stands in as title.
                draft.title = first_sentence(&text);
                body.push(text);
                continue;
            }
        } else {
            if draft.published_at.is_none() && text.split_whitespace().count() <= 12 {
                if let Some(d) = DATELINE
                    .captures(&text)
                    .and_then(|c| date::find_in_text(&c[1]))
                {
                    draft.published_at = Some(d);
                    continue;
                }
            }
            if !markdown
                && is_heading_like(&text)
                && pending_outlet.is_none()
                && draft.outlet.is_none()
            {
                // Two headings in a row: the first was the outlet's name, this is the title.
                if body.is_empty()
                    && draft.byline.is_none()
                    && draft.title.split_whitespace().count() <= 5
                {
                    pending_outlet = Some(std::mem::replace(&mut draft.title, text));
                    continue;
                }
            }
        }
        body.push(text);
    }
    if draft.outlet.is_none() {
        draft.outlet = pending_outlet;
    }
    draft.paragraphs = body;
}

/// A short line without a sentence end: a headline, a section name, an outlet's name.
fn is_heading_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=30).contains(&words) && text.chars().count() <= 250 && !clutter::ends_sentence(text)
        || words <= 16 && text.ends_with('?')
}

/// The first sentence of a paragraph (at most 200 characters) as a stand-in title.
fn first_sentence(text: &str) -> String {
    let end = text
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && text[i + 1..].starts_with(' '))
        .map_or(text.len(), |(i, _)| i + 1);
    let sentence = &text[..end];
    if sentence.chars().count() <= 200 {
        sentence.to_string()
    } else {
        let cut: String = sentence.chars().take(200).collect();
        format!("{}…", cut.trim_end())
    }
}

/// "Jane Quill, 14 March 2026" → ("Jane Quill", Some("2026-03-14")).
fn split_date_off(s: &str) -> (String, Option<String>) {
    for sep in [" | ", " - ", " — ", ", ", " · "] {
        if let Some((name, rest)) = s.split_once(sep) {
            if let Some(d) = date::find_in_text(rest) {
                return (name.to_string(), Some(d));
            }
        }
    }
    (s.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines_become_metadata() {
        let d = extract(
            "THE HARBOUR WIRE\n\nFerry line approved after long debate\n\nBy Jane Quill\n\n14 March 2026\n\nThe council approved the line.\n\nIt opens in May.",
            false,
        );
        assert_eq!(d.outlet.as_deref(), Some("THE HARBOUR WIRE"));
        assert_eq!(d.title, "Ferry line approved after long debate");
        assert_eq!(d.byline.as_deref(), Some("Jane Quill"));
        assert_eq!(d.published_at.as_deref(), Some("2026-03-14"));
        assert_eq!(
            d.paragraphs,
            vec!["The council approved the line.", "It opens in May."]
        );
    }

    #[test]
    fn markdown_syntax_is_stripped() {
        let d = extract(
            "---\ntitle: Ferry line approved\ndate: 2026-03-14\n---\n\n# Ferry line approved\n\nThe **council** voted [yes](https://x.example).\n\n![map](m.png)\n\n- first point\n- second point\n",
            true,
        );
        assert_eq!(d.title, "Ferry line approved");
        assert_eq!(d.published_at.as_deref(), Some("2026-03-14"));
        assert_eq!(
            d.paragraphs,
            vec!["The council voted yes.", "first point", "second point"]
        );
    }

    #[test]
    fn text_without_headline_uses_first_sentence() {
        let d = extract(
            "The council approved the line. It opens in May.\n\nMore later.",
            false,
        );
        assert_eq!(d.title, "The council approved the line.");
        assert_eq!(d.paragraphs.len(), 2);
    }
}
