//! Wire types: exactly what crosses the IPC bridge to the web UI (camelCase JSON), kept apart from the
//! store's domain types and converted with `From`. TypeScript twins are generated into
//! `ui/src/lib/bindings/` by ts-rs (see the `bindings` test module).

pub mod sessions;

use parallax_store::{
    ArticleSummary, Event, EventRef, Highlighted, ImportOutcome, ImportSummary, ListQuery,
    MetadataUpdate, SearchHit, SortKey, SortOrder,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One row of the article list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleRow {
    pub id: i64,
    pub title: String,
    /// The outlet's name, when known.
    pub outlet: Option<String>,
    /// ISO 8601 date or date-time, as extracted or edited.
    pub published_at: Option<String>,
    /// RFC 3339 UTC time of the import.
    pub imported_at: String,
    pub word_count: i64,
    /// ISO 639-1 language code.
    pub lang: Option<String>,
}

impl From<ArticleSummary> for ArticleRow {
    fn from(summary: ArticleSummary) -> Self {
        Self {
            id: summary.id,
            title: summary.title,
            outlet: summary.outlet,
            published_at: summary.published_at,
            imported_at: summary.imported_at,
            word_count: summary.word_count,
            lang: summary.lang,
        }
    }
}

/// One page of the article list, where it starts, the length of the whole list, and the size of
/// the whole library (for the sidebar and the welcome screen).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleList {
    pub articles: Vec<ArticleRow>,
    /// The position of the first row in the whole list.
    pub offset: u32,
    /// Rows in the whole list (the library, or one event).
    pub listed: i64,
    /// Articles in the whole library, whatever the list is limited to.
    pub total: i64,
}

/// An event an article is grouped under, as a chip in the reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EventChip {
    pub id: i64,
    pub title: String,
}

impl From<EventRef> for EventChip {
    fn from(event: EventRef) -> Self {
        Self {
            id: event.id,
            title: event.title,
        }
    }
}

/// One article for the reader: metadata and plain-text paragraphs (never HTML).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleView {
    pub id: i64,
    pub title: String,
    pub byline: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub canonical_url: Option<String>,
    pub published_at: Option<String>,
    pub imported_at: String,
    /// ISO 639-1 language code; `ar`, `fa`, `he`, `ur` are shown right to left.
    pub lang: Option<String>,
    /// `html`, `text`, `markdown`, `pdf` or `docx`.
    pub source_format: String,
    pub source_path: Option<String>,
    pub word_count: i64,
    pub paragraphs: Vec<String>,
    pub events: Vec<EventChip>,
    /// When the article was fetched by address (RFC 3339), for a fetched article.
    pub fetched_at: Option<String>,
    /// The ids of the versions of this article (itself included), oldest first: more than one
    /// when the library holds other versions (same address), e.g. after "Check for updates".
    pub versions: Vec<i64>,
    /// Who imported it (a team library's user); `null` in a local library.
    pub imported_by: Option<String>,
    /// Sent back with a metadata edit: an article a colleague changed meanwhile is not
    /// overwritten.
    pub version: i64,
}

impl From<parallax_service::articles::ArticleRecord> for ArticleView {
    fn from(record: parallax_service::articles::ArticleRecord) -> Self {
        let detail = record.detail;
        Self {
            id: detail.id,
            title: detail.title,
            byline: detail.byline,
            outlet: detail.outlet,
            url: detail.url,
            canonical_url: detail.canonical_url,
            published_at: detail.published_at,
            imported_at: detail.imported_at,
            lang: detail.lang,
            source_format: detail.source_format,
            source_path: detail.source_path,
            word_count: detail.word_count,
            paragraphs: detail.paragraphs,
            events: detail.events.into_iter().map(EventChip::from).collect(),
            fetched_at: record.fetch.map(|fetch| fetch.fetched_at),
            versions: record.versions,
            imported_by: detail.imported_by,
            version: detail.version,
        }
    }
}

/// How checking an article's address again ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "status",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum RefreshResult {
    /// The page's text is already in the library as article `sameAs`.
    Unchanged { id: i64, same_as: i64 },
    /// The text changed: article `id` is the new version of `previousId`.
    NewVersion {
        previous_id: i64,
        id: i64,
        title: String,
    },
    /// The page could not be fetched or read; `message` says why.
    Failed { id: i64, message: String },
}

impl From<parallax_store::RefreshOutcome> for RefreshResult {
    fn from(outcome: parallax_store::RefreshOutcome) -> Self {
        use parallax_store::RefreshOutcome as Outcome;
        match outcome {
            Outcome::Unchanged { id, same_as } => Self::Unchanged { id, same_as },
            Outcome::NewVersion {
                previous_id,
                id,
                title,
            } => Self::NewVersion {
                previous_id,
                id,
                title,
            },
            Outcome::Failed { id, message } => Self::Failed { id, message },
        }
    }
}

/// Metadata corrections from the edit form. `null` leaves a field unchanged; an empty string clears
/// an optional field (outlet, date, URL); the title cannot be cleared.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MetadataEdit {
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// `YYYY-MM-DD` or an RFC 3339 date-time.
    pub published_at: Option<String>,
    pub url: Option<String>,
    /// The article's `version` as shown: a team library refuses the edit when a colleague changed
    /// the article meanwhile.
    #[serde(default)]
    pub version: Option<i64>,
}

impl From<MetadataEdit> for MetadataUpdate {
    fn from(edit: MetadataEdit) -> Self {
        Self {
            title: edit.title,
            outlet: edit.outlet,
            published_at: edit.published_at,
            url: edit.url,
            version: edit.version,
        }
    }
}

/// The column the article list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SortColumn {
    Title,
    Outlet,
    /// Publication date; undated articles come last either way.
    Published,
    Words,
    Imported,
}

impl From<SortColumn> for SortKey {
    fn from(column: SortColumn) -> Self {
        match column {
            SortColumn::Title => Self::Title,
            SortColumn::Outlet => Self::Outlet,
            SortColumn::Published => Self::Published,
            SortColumn::Words => Self::Words,
            SortColumn::Imported => Self::Imported,
        }
    }
}

/// Ascending or descending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SortDirection {
    Asc,
    Desc,
}

impl From<SortDirection> for SortOrder {
    fn from(direction: SortDirection) -> Self {
        match direction {
            SortDirection::Asc => Self::Asc,
            SortDirection::Desc => Self::Desc,
        }
    }
}

/// How the article list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleSort {
    pub column: SortColumn,
    pub direction: SortDirection,
}

impl ArticleSort {
    /// The store query for this order, limited to one event when `event_id` is given.
    pub fn query(self, event_id: Option<i64>) -> ListQuery {
        ListQuery {
            sort: self.column.into(),
            order: self.direction.into(),
            event_id,
            ..ListQuery::default()
        }
    }
}

/// A stretch of text, marked when it matched the search. Always shown as text, never as HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TextPart {
    pub text: String,
    pub matched: bool,
}

/// Text cut into matched and unmatched parts (UTF-8 byte offsets are resolved here, not in JS).
fn parts_of(highlighted: &Highlighted) -> Vec<TextPart> {
    highlighted
        .parts()
        .into_iter()
        .map(|(text, matched)| TextPart {
            text: text.to_owned(),
            matched,
        })
        .collect()
}

/// One search result: the article's row, its title and a body excerpt with the matches marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchResult {
    pub article: ArticleRow,
    pub title: Vec<TextPart>,
    pub snippet: Vec<TextPart>,
}

impl From<SearchHit> for SearchResult {
    fn from(hit: SearchHit) -> Self {
        Self {
            title: parts_of(&hit.title),
            snippet: parts_of(&hit.snippet),
            article: hit.article.into(),
        }
    }
}

/// An event in the sidebar: reports of one happening grouped together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EventSummary {
    pub id: i64,
    pub title: String,
    pub notes: Option<String>,
    pub article_count: i64,
    /// Who made it (a team library's user); `null` in a local library.
    pub created_by: Option<String>,
    /// Sent back with a rename: an event a colleague changed meanwhile is not overwritten.
    pub version: i64,
}

impl From<Event> for EventSummary {
    fn from(event: Event) -> Self {
        Self {
            id: event.id,
            title: event.title,
            notes: event.notes,
            created_by: event.created_by,
            version: event.version,
            article_count: event.article_count,
        }
    }
}

/// How the import of one file ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "status",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum FileOutcome {
    /// A new article is in the library.
    Imported {
        path: String,
        id: i64,
        title: String,
        outlet: Option<String>,
    },
    /// The same text is already in the library as article `existingId`; nothing was added.
    Duplicate {
        path: String,
        existing_id: i64,
        title: String,
    },
    /// The file could not be imported; `message` says why, for a person.
    Error { path: String, message: String },
}

impl FileOutcome {
    /// The outcome of importing the file at `path`.
    pub fn new(path: String, outcome: ImportOutcome) -> Self {
        match outcome {
            ImportOutcome::Imported { id, title, outlet } => Self::Imported {
                path,
                id,
                title,
                outlet,
            },
            ImportOutcome::Duplicate { existing_id, title } => Self::Duplicate {
                path,
                existing_id,
                title,
            },
            ImportOutcome::Failed {
                path: failed_path,
                message,
            } => Self::Error {
                path: if failed_path.is_empty() {
                    path
                } else {
                    failed_path
                },
                message,
            },
        }
    }
}

/// Progress of a batch import, streamed over a channel while the import runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "event", content = "data", rename_all = "camelCase")]
pub enum ImportEvent {
    /// The batch starts: `total` files were found (folders already expanded).
    Started { total: usize },
    /// More files are done, their outcomes in order. Outcomes are gathered into a few messages a
    /// second (see `progress.rs`): one message per file would queue thousands of page updates
    /// ahead of every other answer the page waits for during a long import.
    Files {
        done: usize,
        total: usize,
        outcomes: Vec<FileOutcome>,
    },
    /// Events the batch's new articles may belong to (sent before `Finished`, when there are some).
    Suggested { suggestions: Vec<EventOffer> },
    /// The batch is over.
    Finished {
        imported: usize,
        duplicates: usize,
        failed: usize,
    },
}

/// An event offered for a newly imported article: it covers what the event's reports cover.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EventOffer {
    pub article_id: i64,
    pub event_id: i64,
    pub event_title: String,
}

impl From<parallax_store::EventSuggestion> for EventOffer {
    fn from(suggestion: parallax_store::EventSuggestion) -> Self {
        Self {
            article_id: suggestion.article_id,
            event_id: suggestion.event_id,
            event_title: suggestion.event_title,
        }
    }
}

/// A proposed event for "Group by event": a title to start from and the articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EventProposalView {
    pub title: String,
    pub articles: Vec<ProposedArticle>,
}

/// One article of a proposed event, as the proposal lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProposedArticle {
    pub id: i64,
    pub title: String,
    pub outlet: Option<String>,
}

impl From<parallax_service::events::ProposedEvent> for EventProposalView {
    fn from(proposal: parallax_service::events::ProposedEvent) -> Self {
        Self {
            title: proposal.title,
            articles: proposal
                .articles
                .into_iter()
                .map(|article| ProposedArticle {
                    id: article.id,
                    title: article.title,
                    outlet: article.outlet,
                })
                .collect(),
        }
    }
}

impl From<ImportSummary> for ImportEvent {
    fn from(summary: ImportSummary) -> Self {
        Self::Finished {
            imported: summary.imported,
            duplicates: summary.duplicates,
            failed: summary.failed,
        }
    }
}

/// What "Open the sample library" did: the event the sample reports were grouped under, and how
/// each embedded page was imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SampleLibrary {
    pub event_id: i64,
    pub outcomes: Vec<FileOutcome>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_store::TextRange;

    #[test]
    fn import_events_are_tagged_for_the_ui() {
        let event = ImportEvent::Files {
            done: 1,
            total: 2,
            outcomes: vec![FileOutcome::new(
                "/tmp/a.html".into(),
                ImportOutcome::Duplicate {
                    existing_id: 7,
                    title: "A".into(),
                },
            )],
        };
        let json = serde_json::to_value(&event).expect("an import event serializes");
        assert_eq!(
            json,
            serde_json::json!({
                "event": "files",
                "data": {
                    "done": 1,
                    "total": 2,
                    "outcomes": [{ "status": "duplicate", "path": "/tmp/a.html", "existingId": 7, "title": "A" }]
                }
            }),
            "the UI reads the tag `event`, the payload `data` and camelCase fields"
        );
    }

    #[test]
    fn a_failure_without_its_own_path_takes_the_reported_path() {
        let outcome = FileOutcome::new(
            "/tmp/b.pdf".into(),
            ImportOutcome::Failed {
                path: String::new(),
                message: "broken".into(),
            },
        );
        assert_eq!(
            outcome,
            FileOutcome::Error {
                path: "/tmp/b.pdf".into(),
                message: "broken".into()
            }
        );
    }

    #[test]
    fn search_matches_become_text_parts_on_character_boundaries() {
        let text = "Ünïcode water price".to_owned();
        let start = text.find("water").expect("the word is in the text");
        let highlighted = Highlighted {
            matches: vec![TextRange {
                start,
                end: start + "water".len(),
            }],
            text,
        };
        let parts = parts_of(&highlighted);
        let rendered: Vec<(&str, bool)> = parts
            .iter()
            .map(|part| (part.text.as_str(), part.matched))
            .collect();
        assert_eq!(
            rendered,
            vec![("Ünïcode ", false), ("water", true), (" price", false)]
        );
    }

    #[test]
    fn metadata_edits_keep_null_as_unchanged() {
        let edit: MetadataEdit =
            serde_json::from_str(r#"{"title":"New","outlet":null,"publishedAt":"","url":null}"#)
                .expect("the edit form's JSON parses");
        let update = MetadataUpdate::from(edit);
        assert_eq!(update.title.as_deref(), Some("New"));
        assert_eq!(update.outlet, None, "null leaves the outlet as it is");
        assert_eq!(
            update.published_at.as_deref(),
            Some(""),
            "an empty date clears it"
        );
    }
}
