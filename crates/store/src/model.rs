//! The plain data the store hands out and takes in (all serde, snake_case field names).

use serde::{Deserialize, Serialize};

/// One line of the library list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct ArticleSummary {
    pub id: i64,
    pub title: String,
    /// The outlet's name, when known.
    pub outlet: Option<String>,
    pub outlet_id: Option<i64>,
    /// ISO 8601 date or date-time, as extracted or edited.
    pub published_at: Option<String>,
    /// RFC 3339 UTC time of the import.
    pub imported_at: String,
    pub word_count: i64,
    /// ISO 639-1 code.
    pub lang: Option<String>,
}

/// An event an article belongs to (id and title only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct EventRef {
    pub id: i64,
    pub title: String,
}

/// Everything about one article: metadata, body and paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleDetail {
    pub id: i64,
    pub title: String,
    pub byline: Option<String>,
    pub outlet: Option<String>,
    pub outlet_id: Option<i64>,
    pub outlet_domain: Option<String>,
    pub url: Option<String>,
    pub canonical_url: Option<String>,
    pub published_at: Option<String>,
    pub imported_at: String,
    pub lang: Option<String>,
    /// `html`, `text`, `markdown`, `pdf` or `docx`.
    pub source_format: String,
    /// Where the file was imported from, if it came from a file.
    pub source_path: Option<String>,
    pub content_hash: String,
    pub word_count: i64,
    /// Whether the original file bytes are kept (so extraction can be re-run).
    pub has_original: bool,
    /// Who imported it (a team library's user name; `None` in a local library).
    pub imported_by: Option<String>,
    /// Moves on at every metadata edit (see [`MetadataUpdate::version`]).
    pub version: i64,
    /// Paragraphs joined by a blank line; all text offsets refer to this string.
    pub body: String,
    pub paragraphs: Vec<String>,
    /// The events this article is grouped under.
    pub events: Vec<EventRef>,
}

/// Metadata a person can correct. `None` leaves a field as it is; for the optional fields an empty
/// string clears it. The title cannot be cleared.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetadataUpdate {
    pub title: Option<String>,
    /// The outlet's name: the article moves to the outlet of that name (created when new).
    pub outlet: Option<String>,
    /// `YYYY-MM-DD` or an RFC 3339 date-time.
    pub published_at: Option<String>,
    pub url: Option<String>,
    /// The article's `version` as read: a team library refuses the edit when someone changed the
    /// article since ([`StoreError::Conflict`](crate::StoreError::Conflict)). `None`: no check.
    #[serde(default)]
    pub version: Option<i64>,
}

/// The column the library list is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    Title,
    Outlet,
    /// Publication date; articles without one come last in either order.
    Published,
    Words,
    #[default]
    Imported,
}

/// Ascending or descending.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    Asc,
    #[default]
    Desc,
}

/// What part of the library to list, and in which order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub sort: SortKey,
    pub order: SortOrder,
    /// Only the articles of this event.
    pub event_id: Option<i64>,
    /// Only the articles of this outlet.
    pub outlet_id: Option<i64>,
    /// At most this many rows (all when `None`).
    pub limit: Option<u32>,
    pub offset: u32,
}

/// A range of bytes `[start, end)` in a piece of UTF-8 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextRange {
    pub start: usize,
    pub end: usize,
}

/// Plain text with the ranges that matched a search. Never HTML: show it as text and mark the ranges.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Highlighted {
    pub text: String,
    /// Byte ranges into `text`, in order, not overlapping, on character boundaries.
    pub matches: Vec<TextRange>,
}

impl Highlighted {
    /// The text cut into pieces, each flagged as matched or not (handy for rendering).
    pub fn parts(&self) -> Vec<(&str, bool)> {
        let mut parts = Vec::new();
        let mut at = 0;
        for range in &self.matches {
            if range.start > at {
                parts.push((&self.text[at..range.start], false));
            }
            parts.push((&self.text[range.start..range.end], true));
            at = range.end;
        }
        if at < self.text.len() {
            parts.push((&self.text[at..], false));
        }
        parts
    }
}

/// One search result: the article, its title with matches, and a short excerpt of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub article: ArticleSummary,
    pub title: Highlighted,
    /// A few words around the best match in the body, `…` where cut.
    pub snippet: Highlighted,
}

/// An event: reports of one happening grouped together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct Event {
    pub id: i64,
    pub title: String,
    pub notes: Option<String>,
    pub created_at: String,
    /// Who made it (a team library's user name; `None` in a local library).
    pub created_by: Option<String>,
    /// Moves on at every rename or notes edit (see [`Store::rename_event`]).
    ///
    /// [`Store::rename_event`]: crate::Store::rename_event
    pub version: i64,
    /// Articles in the event (deleted ones not counted).
    pub article_count: i64,
}

/// An outlet (publication) with the number of its articles in the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct Outlet {
    pub id: i64,
    pub name: String,
    pub domain: Option<String>,
    pub notes: Option<String>,
    pub article_count: i64,
}

/// How the import of one file ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ImportOutcome {
    /// A new article is in the library.
    Imported {
        id: i64,
        title: String,
        outlet: Option<String>,
    },
    /// The same text is already in the library as article `existing_id`; nothing was added.
    Duplicate { existing_id: i64, title: String },
    /// The file could not be imported; `message` says why, for a person.
    Failed { path: String, message: String },
}

/// Progress of a batch import, reported once per finished file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProgress {
    /// Files finished so far, this one included.
    pub done: usize,
    pub total: usize,
    /// The file this report is about.
    pub path: String,
    pub outcome: ImportOutcome,
}

/// Totals of a batch import.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub imported: usize,
    pub duplicates: usize,
    pub failed: usize,
    /// Files inside folders left out because they are not articles (images, scripts, …).
    pub skipped: usize,
}

impl ImportSummary {
    /// Counts one outcome.
    pub fn add(&mut self, outcome: &ImportOutcome) {
        match outcome {
            ImportOutcome::Imported { .. } => self.imported += 1,
            ImportOutcome::Duplicate { .. } => self.duplicates += 1,
            ImportOutcome::Failed { .. } => self.failed += 1,
        }
    }
}
