//! Full-text search over titles and bodies (SQLite FTS5), safe against any query text.

use crate::articles::SUMMARY_COLUMNS;
use crate::error::StoreResult;
use crate::model::{ArticleSummary, Highlighted, SearchHit, TextRange};
use crate::store::Store;

/// Marks FTS5 puts around matches; stripped before anything leaves the store.
const MATCH_START: char = '\u{2}';
const MATCH_END: char = '\u{3}';

/// Words of context in a snippet.
const SNIPPET_WORDS: u32 = 16;

#[derive(sqlx::FromRow)]
struct HitRow {
    #[sqlx(flatten)]
    article: ArticleSummary,
    marked_title: String,
    marked_snippet: String,
}

impl Store {
    /// Articles matching `text`, best first (title matches weigh more). Every word must occur;
    /// `"quoted words"` must occur together; the last word also matches as a prefix while it is
    /// being typed. Any text is safe: it is never passed to FTS5 as syntax. Empty text finds nothing.
    pub async fn search(&self, text: &str, limit: u32) -> StoreResult<Vec<SearchHit>> {
        let Some(query) = fts_query(text) else {
            return Ok(Vec::new());
        };
        // The best `limit` matches are ranked first on the index alone; the title is marked and
        // the snippet cut for those rows only (not for every match of a common word).
        let rows: Vec<HitRow> = sqlx::query_as(&format!(
            "WITH best (id, score) AS MATERIALIZED (
                 SELECT a.id, bm25(articles_fts, 10.0, 1.0)
                 FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                 WHERE articles_fts MATCH ?1 AND a.deleted_at IS NULL
                 ORDER BY 2, a.id
                 LIMIT ?2)
             SELECT {SUMMARY_COLUMNS},
                    highlight(articles_fts, 0, char(2), char(3)) AS marked_title,
                    snippet(articles_fts, 1, char(2), char(3), '…', {SNIPPET_WORDS}) AS marked_snippet
             FROM best
             JOIN articles_fts ON articles_fts.rowid = best.id
             JOIN articles a ON a.id = best.id
             LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE articles_fts MATCH ?1
             ORDER BY best.score, best.id"
        ))
        .bind(query)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|row| SearchHit {
                article: row.article,
                title: unmark(&row.marked_title),
                snippet: unmark(&row.marked_snippet),
            })
            .collect())
    }
}

/// Turns what a person typed into an FTS5 query: every word becomes a quoted string (so `"`,
/// `AND(`, `NEAR`, `*` or `col:` are just text), words inside double quotes become one phrase,
/// and the last word gets a prefix `*` unless the text ends in a space or closing quote.
/// `None` when there is no word to look for.
pub fn fts_query(text: &str) -> Option<String> {
    let mut terms: Vec<String> = Vec::new();
    for (index, segment) in text.split('"').enumerate() {
        let words = words(segment);
        if words.is_empty() {
            continue;
        }
        if index % 2 == 1 {
            terms.push(format!("\"{}\"", words.join(" ")));
        } else {
            terms.extend(words.iter().map(|word| format!("\"{word}\"")));
        }
    }
    let typing_a_word = text.chars().next_back().is_some_and(char::is_alphanumeric);
    let last = terms.last_mut()?;
    if typing_a_word {
        last.push('*');
    }
    Some(terms.join(" "))
}

/// Runs of letters and digits (what FTS5's unicode61 tokenizer indexes); nothing else survives,
/// so a word can never contain a quote.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect()
}

/// Text with FTS5 match marks → plain text (on one line) plus the byte ranges that matched.
fn unmark(marked: &str) -> Highlighted {
    let mut text = String::with_capacity(marked.len());
    let mut matches = Vec::new();
    let mut open: Option<usize> = None;
    for c in marked.chars() {
        match c {
            MATCH_START => open = Some(text.len()),
            MATCH_END => {
                if let Some(start) = open.take() {
                    if start < text.len() {
                        matches.push(TextRange {
                            start,
                            end: text.len(),
                        });
                    }
                }
            }
            // A snippet is one line: paragraph breaks become a space.
            '\n' | '\r' if text.ends_with(' ') => {}
            '\n' | '\r' => text.push(' '),
            c => text.push(c),
        }
    }
    Highlighted { text, matches }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_quoted_and_the_last_is_a_prefix() {
        assert_eq!(
            fts_query("flood rel").as_deref(),
            Some("\"flood\" \"rel\"*")
        );
        assert_eq!(
            fts_query("flood relief ").as_deref(),
            Some("\"flood\" \"relief\"")
        );
    }

    #[test]
    fn quoted_words_form_a_phrase() {
        assert_eq!(
            fts_query("\"ceasefire talks\" minister").as_deref(),
            Some("\"ceasefire talks\" \"minister\"*")
        );
        assert_eq!(
            fts_query("\"ceasefire talks\"").as_deref(),
            Some("\"ceasefire talks\"")
        );
        // An unclosed quote while typing: the phrase so far, its last word as a prefix.
        assert_eq!(
            fts_query("\"ceasefire ta").as_deref(),
            Some("\"ceasefire ta\"*")
        );
    }

    #[test]
    fn syntax_characters_are_only_separators() {
        assert_eq!(fts_query("AND( OR \"").as_deref(), Some("\"AND\" \"OR\""));
        assert_eq!(
            fts_query("title:x* NEAR(a b)").as_deref(),
            Some("\"title\" \"x\" \"NEAR\" \"a\" \"b\"")
        );
        assert_eq!(fts_query("\"\"\"\""), None);
        assert_eq!(fts_query("  *^-  "), None);
        assert_eq!(fts_query(""), None);
    }

    #[test]
    fn non_latin_words_are_kept() {
        assert_eq!(
            fts_query("наводнение Ğ").as_deref(),
            Some("\"наводнение\" \"Ğ\"*")
        );
    }

    #[test]
    fn marks_become_ranges() {
        let highlighted = unmark("the \u{2}flood\u{3} hit \u{2}Élan\u{3}");
        assert_eq!(highlighted.text, "the flood hit Élan");
        assert_eq!(
            highlighted.matches,
            vec![
                TextRange { start: 4, end: 9 },
                TextRange { start: 14, end: 19 }
            ]
        );
        assert_eq!(highlighted.parts()[1], ("flood", true));
        assert_eq!(&highlighted.text[14..19], "Élan");
        let joined = unmark("end of one.\n\n\u{2}Next\u{3} one");
        assert_eq!(joined.text, "end of one. Next one");
        assert_eq!(joined.matches, vec![TextRange { start: 12, end: 16 }]);
    }
}
