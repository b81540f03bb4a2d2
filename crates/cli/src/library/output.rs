//! Printing for the library commands: JSON documents, highlighted text, article lines.

use std::io::IsTerminal;

use crate::out::visible;

use anstyle::{Effects, Style};
use parallax_store::{ArticleSummary, Highlighted};
use serde::Serialize;

/// Prints a value as pretty JSON on stdout.
pub fn print_json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<()> {
    let mut json = serde_json::to_vec_pretty(value)?;
    json.push(b'\n');
    crate::out::write_all(&json);
    Ok(())
}

/// Text with its matches in bold when stdout is a terminal (plain otherwise).
pub fn highlighted(text: &Highlighted) -> String {
    if !std::io::stdout().is_terminal() {
        return visible(&text.text).into_owned();
    }
    let bold = Style::new().effects(Effects::BOLD);
    text.parts()
        .into_iter()
        .map(|(part, matched)| {
            let part = visible(part);
            if matched {
                format!("{bold}{part}{bold:#}")
            } else {
                part.into_owned()
            }
        })
        .collect()
}

/// `Title — Outlet`, or just the title when the outlet is unknown.
pub fn title_and_outlet(title: &str, outlet: Option<&str>) -> String {
    match outlet {
        Some(outlet) => format!("{title} — {outlet}"),
        None => title.to_owned(),
    }
}

/// `1 article`, `3 articles`.
pub fn counted(count: impl std::fmt::Display, noun: &str) -> String {
    let count = count.to_string();
    let plural = if count == "1" { "" } else { "s" };
    format!("{count} {noun}{plural}")
}

/// One line of an article list: number, date, words, title and outlet.
pub fn article_line(article: &ArticleSummary) -> String {
    let date = article
        .published_at
        .as_deref()
        .map_or("—", |date| date.get(..10).unwrap_or(date));
    format!(
        "#{:<5} {:<10} {:>6} words  {}",
        article.id,
        date,
        article.word_count,
        title_and_outlet(&article.title, article.outlet.as_deref())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_show_date_words_title_and_outlet() {
        let article = ArticleSummary {
            id: 12,
            title: "Bridge reopens".into(),
            outlet: Some("Oskel Herald".into()),
            outlet_id: Some(1),
            published_at: Some("2031-05-02T10:00:00Z".into()),
            imported_at: "2031-05-03T00:00:00Z".into(),
            word_count: 312,
            lang: None,
        };
        assert_eq!(
            article_line(&article),
            "#12    2031-05-02    312 words  Bridge reopens — Oskel Herald"
        );
        assert_eq!(title_and_outlet("T", None), "T");
        assert_eq!(counted(1, "article"), "1 article");
        assert_eq!(counted(0, "duplicate"), "0 duplicates");
    }
}
