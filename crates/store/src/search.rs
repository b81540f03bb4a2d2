//! Full-text search over titles and bodies (SQLite FTS5, or PostgreSQL's text search in a team
//! library), safe against any query text.

use crate::articles::SUMMARY_COLUMNS;
use crate::error::StoreResult;
use crate::model::{ArticleSummary, Highlighted, SearchHit, TextRange};
use crate::store::{Backend, Store};

/// Marks put around matches; stripped before anything leaves the store.
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
    /// The body as stored (a team library's search gives it, to restore what indexing hid).
    #[sqlx(default)]
    body: String,
}

impl Store {
    /// Articles matching `text`, best first (title matches weigh more). Every word must occur;
    /// `"quoted words"` must occur together; the last word also matches as a prefix while it is
    /// being typed. Any text is safe: it is never passed to FTS5 as syntax. Empty text finds nothing.
    pub async fn search(&self, text: &str, limit: u32) -> StoreResult<Vec<SearchHit>> {
        if self.backend == Backend::Postgres {
            return self.search_postgres(text, limit).await;
        }
        let Some(query) = fts_query(text) else {
            return Ok(Vec::new());
        };
        // The best `limit` matches are ranked first on the index alone; the title is marked and
        // the snippet cut for those rows only (not for every match of a common word).
        let rows: Vec<HitRow> = sqlx::query_as(&format!(
            "WITH best (id, score) AS MATERIALIZED (
                 SELECT a.id, bm25(articles_fts, 10.0, 1.0)
                 FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                 WHERE articles_fts MATCH $1 AND a.deleted_at IS NULL
                 ORDER BY 2, a.id
                 LIMIT $2)
             SELECT {SUMMARY_COLUMNS},
                    highlight(articles_fts, 0, char(2), char(3)) AS marked_title,
                    snippet(articles_fts, 1, char(2), char(3), '…', {SNIPPET_WORDS}) AS marked_snippet
             FROM best
             JOIN articles_fts ON articles_fts.rowid = best.id
             JOIN articles a ON a.id = best.id
             LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE articles_fts MATCH $1
             ORDER BY best.score, best.id"
        ))
        .bind(query)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        Ok(hits(rows))
    }

    /// The same search in a team library: each word as written or, in any language the library
    /// reads, by its stem (an article is indexed both ways, see `migrations/postgres`). The best
    /// are taken from at most [`SEARCH_CANDIDATES`] matches.
    async fn search_postgres(&self, text: &str, limit: u32) -> StoreResult<Vec<SearchHit>> {
        let Some(query) = ts_query(text) else {
            return Ok(Vec::new());
        };
        let either: Vec<String> = SEARCH_CONFIGS
            .iter()
            .map(|config| format!("to_tsquery('{config}', $1)"))
            .collect();
        let either = either.join(" || ");
        // The query is written out where it is used (not read from a CTE), so that the planner
        // sees it; the candidates come unordered, so that reading stops at their limit (a word in
        // most of a million articles would otherwise be ranked a million times).
        let sql = format!(
            "WITH q AS (SELECT ({either}) AS query,
                               'StartSel=' || chr(2) || ', StopSel=' || chr(3) AS marks),
             candidates AS MATERIALIZED (
                 SELECT a.id FROM articles a
                 WHERE a.search @@ ({either}) AND a.deleted_at IS NULL
                 LIMIT {SEARCH_CANDIDATES}),
             best AS MATERIALIZED (
                 SELECT a.id, ts_rank(a.search, q.query) AS score
                 FROM candidates c JOIN articles a ON a.id = c.id, q
                 ORDER BY 2 DESC, a.id
                 LIMIT $2)
             SELECT {SUMMARY_COLUMNS}, a.body,
                    ts_headline(parallax_search_config(a.lang), parallax_search_text(a.title),
                                q.query, q.marks || ', HighlightAll=true') AS marked_title,
                    ts_headline(parallax_search_config(a.lang), parallax_search_text(a.body),
                                q.query,
                                q.marks || ', MaxFragments=1, MaxWords={SNIPPET_WORDS},
                                MinWords={min_words}') AS marked_snippet
             FROM best
             JOIN articles a ON a.id = best.id
             LEFT JOIN outlets o ON o.id = a.outlet_id
             CROSS JOIN q
             ORDER BY best.score DESC, best.id",
            min_words = SNIPPET_WORDS / 2
        );
        let rows = sqlx::query_as(&sql).bind(query).bind(i64::from(limit));
        // Reading articles in order finds a few thousand matches of a word in most of them at
        // once; the index finds the few of a rarer one. The planner cannot tell which from the
        // query (a prefix, a phrase, a word in any of eleven languages): the statistics can.
        let mut tx = self.pool.begin().await?;
        if !self.all_words_frequent(&mut tx, text).await? {
            sqlx::query("SET LOCAL enable_seqscan = off")
                .execute(&mut *tx)
                .await?;
        }
        let rows: Vec<HitRow> = rows.fetch_all(&mut *tx).await?;
        tx.commit().await?;
        let rows = rows
            .into_iter()
            .map(|mut row| {
                row.marked_title = unhide_brackets(&row.marked_title, &row.article.title);
                row.marked_snippet = unhide_brackets(&row.marked_snippet, &row.body);
                row
            })
            .collect();
        Ok(hits(rows))
    }
}

/// A team library marks matches in the text as indexed, its angle brackets turned into spaces
/// (`parallax_search_text`): puts back the stored text's characters around the marks, and the
/// rest of a word the fragment cut at either end.
fn unhide_brackets(marked: &str, stored: &str) -> String {
    let plain: String = marked
        .chars()
        .filter(|c| !matches!(*c, MATCH_START | MATCH_END))
        .collect();
    let indexed = stored.replace(['<', '>'], " ");
    let Some(at) = indexed.find(&plain) else {
        return marked.to_owned();
    };
    // Only ASCII brackets became spaces (one byte each): the byte offsets of both texts agree.
    let end = at + plain.len();
    let mut original = stored[at..end].chars();
    let restored: String = marked
        .chars()
        .map(|c| match c {
            MATCH_START | MATCH_END => c,
            _ => original.next().unwrap_or(c),
        })
        .collect();
    let word_start = stored[..at].rfind(char::is_whitespace).map_or(0, |space| {
        space + stored[space..].chars().next().map_or(1, char::len_utf8)
    });
    let word_end = stored[end..]
        .find(char::is_whitespace)
        .map_or(stored.len(), |space| end + space);
    format!(
        "{}{restored}{}",
        &stored[word_start..at],
        &stored[end..word_end]
    )
}

impl Store {
    /// Whether every word typed (the last one as a prefix while it is typed) is among the
    /// lexemes PostgreSQL's statistics find in at least [`FREQUENT`] of a team library's
    /// articles. Without statistics yet (a new library), no word is.
    async fn all_words_frequent(
        &self,
        conn: &mut sqlx::AnyConnection,
        text: &str,
    ) -> StoreResult<bool> {
        let stats: Option<(Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT most_common_elems::text, most_common_elem_freqs::text FROM pg_stats
             WHERE schemaname = current_schema() AND tablename = 'articles'
               AND attname = 'search'",
        )
        .fetch_optional(&mut *conn)
        .await?;
        let Some((Some(elements), Some(frequencies))) = stats else {
            return Ok(false);
        };
        let elements = array_items(&elements);
        let frequencies: Vec<f64> = array_items(&frequencies)
            .iter()
            .filter_map(|f| f.parse().ok())
            .collect();
        let frequent = |word: &str, prefix: bool| {
            elements
                .iter()
                .zip(&frequencies)
                .any(|(element, frequency)| {
                    *frequency >= FREQUENT
                        && if prefix {
                            element.starts_with(word)
                        } else {
                            element == word
                        }
                })
        };
        let typing = text.chars().next_back().is_some_and(char::is_alphanumeric);
        let words: Vec<String> = words(text).iter().map(|w| w.to_lowercase()).collect();
        Ok(!words.is_empty()
            && words
                .iter()
                .enumerate()
                .all(|(index, word)| frequent(word, typing && index + 1 == words.len())))
    }
}

/// The share of a team library's articles a word must be in for a search to read articles in
/// order rather than the index (see `Store::all_words_frequent`).
const FREQUENT: f64 = 0.05;

/// The items of a PostgreSQL array written as text (`{a,"b c",0.5}`).
fn array_items(text: &str) -> Vec<String> {
    text.trim_start_matches('{')
        .trim_end_matches('}')
        .split(',')
        .map(|item| item.trim_matches('"').to_owned())
        .collect()
}

/// How many of a team library's matches are ranked: a word found in most of a million articles
/// ranks this many of its matches, not every one (a rarer word ranks them all).
const SEARCH_CANDIDATES: u32 = 5_000;

/// The text-search configurations a team library's query is read in: the words as written, and
/// the stemmers of the languages Parallax reads (`parallax_search_config` in the migrations).
const SEARCH_CONFIGS: [&str; 11] = [
    "parallax_simple",
    "parallax_english",
    "parallax_french",
    "parallax_german",
    "parallax_spanish",
    "parallax_italian",
    "parallax_portuguese",
    "parallax_russian",
    "parallax_turkish",
    "parallax_arabic",
    "parallax_dutch",
];

fn hits(rows: Vec<HitRow>) -> Vec<SearchHit> {
    rows.into_iter()
        .map(|row| SearchHit {
            article: row.article,
            title: unmark(&row.marked_title),
            snippet: unmark(&row.marked_snippet),
        })
        .collect()
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

/// Turns what a person typed into a PostgreSQL `tsquery`, read as [`fts_query`] reads it: every
/// word must occur, quoted words next to each other (`<->`), the last word as a prefix (`:*`) while
/// it is being typed. Words are runs of letters and digits, so no query syntax gets through.
pub fn ts_query(text: &str) -> Option<String> {
    let mut terms: Vec<String> = Vec::new();
    for (index, segment) in text.split('"').enumerate() {
        let words = words(segment);
        if words.is_empty() {
            continue;
        }
        let quoted: Vec<String> = words.iter().map(|word| format!("'{word}'")).collect();
        if index % 2 == 1 {
            terms.push(format!("({})", quoted.join(" <-> ")));
        } else {
            terms.extend(quoted);
        }
    }
    let typing_a_word = text.chars().next_back().is_some_and(char::is_alphanumeric);
    let last = terms.last_mut()?;
    if typing_a_word && last.ends_with('\'') {
        last.push_str(":*");
    }
    Some(terms.join(" & "))
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
    fn typed_text_becomes_a_tsquery() {
        assert_eq!(
            ts_query("flood Élan").as_deref(),
            Some("'flood' & 'Élan':*")
        );
        assert_eq!(
            ts_query("\"river bank\" burst ").as_deref(),
            Some("('river' <-> 'bank') & 'burst'")
        );
        assert_eq!(ts_query("a' | !b:*").as_deref(), Some("'a' & 'b'"));
        assert_eq!(ts_query(" \"\" & ").as_deref(), None);
    }

    #[test]
    fn brackets_hidden_from_the_index_come_back() {
        let stored = "A <script>alert(1)</script> tag";
        let marked = "A  \u{2}script\u{3} alert(1) /script  tag";
        assert_eq!(
            unhide_brackets(marked, stored),
            "A <\u{2}script\u{3}>alert(1)</script> tag"
        );
        assert_eq!(
            unhide_brackets("\u{2}script\u{3} alert(1) /script", stored),
            "<\u{2}script\u{3}>alert(1)</script>",
            "the words cut at the ends are whole again"
        );
        assert_eq!(unhide_brackets("elsewhere", stored), "elsewhere");
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
