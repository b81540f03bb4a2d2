//! Wire types of comparison sessions: their list, options, notes, and the opened session with the
//! engine's view model (`parallax_core::compare::session::SessionModel`, exported with it).

use parallax_core::compare::session::SessionModel;
use parallax_core::compare::MatchBy;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Whether a session compares reports of one event or versions of one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SessionMode {
    Compare,
    Versions,
}

/// One saved session in the list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionSummary {
    pub id: i64,
    pub name: String,
    pub event_id: Option<i64>,
    pub mode: SessionMode,
    /// Articles still in the library, in pane order.
    pub article_ids: Vec<i64>,
    /// RFC 3339 UTC.
    pub created_at: String,
    pub updated_at: String,
    pub opened_at: Option<String>,
}

/// What a new session is made from: chosen articles, or (with no articles) an event's articles.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewSession {
    /// A name; by default the event's title or the first report's title.
    pub name: Option<String>,
    pub article_ids: Vec<i64>,
    pub event_id: Option<i64>,
    /// `versions` compares the articles as versions of one article (oldest first, with the
    /// Versions view); by default that is detected from a shared canonical URL.
    pub mode: Option<SessionMode>,
}

/// Side by side panes, or one column for two reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SessionLayout {
    SideBySide,
    Inline,
}

/// A link or unlink of two sentences made by hand: the engine's own type, one representation
/// from the page through the store to the comparison.
pub use parallax_core::compare::session::ManualLink;

/// Everything a session remembers besides its articles and notes: what the analysis is told and
/// how it is shown, as one object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SessionOptions {
    #[serde(flatten)]
    pub analysis: AnalysisSettings,
    #[serde(flatten)]
    pub view: ViewPreferences,
}

/// What the engine is told when the session is analysed: a change here analyses it again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnalysisSettings {
    pub ignore_case: bool,
    pub ignore_punctuation: bool,
    pub ignore_whitespace: bool,
    /// Similarity (0–1) below which two sentences are not linked.
    pub threshold: f32,
    /// What pairs sentences: meaning (with words) or words alone.
    pub match_by: MatchBy,
    pub links: Vec<ManualLink>,
    /// The article whose pane the others are marked against ("base"); `null` for each pane's
    /// left neighbour.
    pub base_article: Option<i64>,
}

/// How the analysed session is shown: a change here paints the same analysis again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ViewPreferences {
    pub layout: SessionLayout,
    pub sync_scroll: bool,
    pub differences_only: bool,
    /// Reworded sentences show every changed word, not only what differs in substance.
    pub all_words: bool,
}

/// An article as a pane header shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionArticle {
    pub id: i64,
    pub title: String,
    pub outlet: Option<String>,
    pub published_at: Option<String>,
    pub word_count: i64,
}

/// A note on a span of one report in a session.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Note {
    pub id: i64,
    pub article_id: i64,
    /// Byte range in the article's body.
    pub start: usize,
    pub end: usize,
    /// The text the note is about.
    pub quote: String,
    pub note: String,
    pub created_at: String,
    /// Who wrote it (a team library's user); `null` in a local library.
    pub author: Option<String>,
    /// Sent back with an edit: a note a colleague changed meanwhile is not overwritten.
    pub version: i64,
}

/// A new note (`start`/`end` are byte offsets into the article's body).
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewNote {
    pub session_id: i64,
    pub article_id: i64,
    pub start: usize,
    pub end: usize,
    pub note: String,
}

/// An opened session: its articles in pane order, options, notes and the comparison itself.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionView {
    pub session: SessionSummary,
    /// `articles[i]` is shown in pane `i`.
    pub articles: Vec<SessionArticle>,
    pub options: SessionOptions,
    pub model: SessionModel,
    pub notes: Vec<Note>,
    /// Time the backend spent loading and comparing, in milliseconds.
    pub analysis_ms: f64,
}

/// The file formats a session exports to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    /// A self-contained HTML report (highlights, legend, notes, coverage).
    Html,
    /// The session view model (`parallax.session/1`) and notes.
    Json,
    /// The coverage matrix: claims × outlets.
    Csv,
}

impl From<ExportFormat> for parallax_service::sessions::ExportFormat {
    fn from(format: ExportFormat) -> Self {
        match format {
            ExportFormat::Html => Self::Html,
            ExportFormat::Json => Self::Json,
            ExportFormat::Csv => Self::Csv,
        }
    }
}

impl From<parallax_store::SessionMode> for SessionMode {
    fn from(mode: parallax_store::SessionMode) -> Self {
        match mode {
            parallax_store::SessionMode::Compare => Self::Compare,
            parallax_store::SessionMode::Versions => Self::Versions,
        }
    }
}

impl From<SessionMode> for parallax_store::SessionMode {
    fn from(mode: SessionMode) -> Self {
        match mode {
            SessionMode::Compare => Self::Compare,
            SessionMode::Versions => Self::Versions,
        }
    }
}

impl From<parallax_store::SessionSummary> for SessionSummary {
    fn from(summary: parallax_store::SessionSummary) -> Self {
        Self {
            id: summary.id,
            name: summary.name,
            event_id: summary.event_id,
            mode: summary.mode.into(),
            article_ids: summary.article_ids,
            created_at: summary.created_at,
            updated_at: summary.updated_at,
            opened_at: summary.opened_at,
        }
    }
}

impl From<NewSession> for parallax_store::NewSession {
    fn from(session: NewSession) -> Self {
        Self {
            name: session.name,
            event_id: session.event_id,
            mode: session.mode.map(Into::into),
            article_ids: session.article_ids,
        }
    }
}

impl From<parallax_store::SessionLayout> for SessionLayout {
    fn from(layout: parallax_store::SessionLayout) -> Self {
        match layout {
            parallax_store::SessionLayout::SideBySide => Self::SideBySide,
            parallax_store::SessionLayout::Inline => Self::Inline,
        }
    }
}

impl From<SessionLayout> for parallax_store::SessionLayout {
    fn from(layout: SessionLayout) -> Self {
        match layout {
            SessionLayout::SideBySide => Self::SideBySide,
            SessionLayout::Inline => Self::Inline,
        }
    }
}

impl From<parallax_store::SessionOptions> for SessionOptions {
    fn from(options: parallax_store::SessionOptions) -> Self {
        let (analysis, view) = (options.analysis, options.view);
        Self {
            analysis: AnalysisSettings {
                ignore_case: analysis.ignore_case,
                ignore_punctuation: analysis.ignore_punctuation,
                ignore_whitespace: analysis.ignore_whitespace,
                threshold: analysis.threshold,
                match_by: analysis.match_by,
                links: analysis.links,
                base_article: analysis.base_article,
            },
            view: ViewPreferences {
                layout: view.layout.into(),
                sync_scroll: view.sync_scroll,
                differences_only: view.differences_only,
                all_words: view.all_words,
            },
        }
    }
}

impl From<SessionOptions> for parallax_store::SessionOptions {
    fn from(options: SessionOptions) -> Self {
        let (analysis, view) = (options.analysis, options.view);
        Self {
            analysis: parallax_store::AnalysisSettings {
                ignore_case: analysis.ignore_case,
                ignore_punctuation: analysis.ignore_punctuation,
                ignore_whitespace: analysis.ignore_whitespace,
                threshold: analysis.threshold,
                match_by: analysis.match_by,
                links: analysis.links,
                base_article: analysis.base_article,
            },
            view: parallax_store::ViewPreferences {
                layout: view.layout.into(),
                sync_scroll: view.sync_scroll,
                differences_only: view.differences_only,
                all_words: view.all_words,
            },
        }
    }
}

impl From<parallax_store::Note> for Note {
    fn from(note: parallax_store::Note) -> Self {
        Self {
            id: note.id,
            article_id: note.article_id,
            start: note.start,
            end: note.end,
            quote: note.quote,
            note: note.note,
            created_at: note.created_at,
            author: note.author,
            version: note.version,
        }
    }
}

impl From<NewNote> for parallax_store::NewNote {
    fn from(note: NewNote) -> Self {
        Self {
            session_id: note.session_id,
            article_id: note.article_id,
            start: note.start,
            end: note.end,
            note: note.note,
        }
    }
}

impl From<&parallax_store::ArticleDetail> for SessionArticle {
    fn from(article: &parallax_store::ArticleDetail) -> Self {
        Self {
            id: article.id,
            title: article.title.clone(),
            outlet: article.outlet.clone(),
            published_at: article.published_at.clone(),
            word_count: article.word_count,
        }
    }
}
