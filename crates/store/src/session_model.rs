//! The plain data of comparison sessions and their notes (serde, snake_case fields; the stored
//! options JSON is camelCase, like the app's wire types).

use parallax_core::compare::{AlignOptions, MatchBy};
use serde::{Deserialize, Serialize};

/// Whether a session compares reports of one event or versions of one article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionMode {
    #[default]
    Compare,
    Versions,
}

impl SessionMode {
    /// The text stored in `sessions.mode`.
    pub fn as_str(self) -> &'static str {
        match self {
            SessionMode::Compare => "compare",
            SessionMode::Versions => "versions",
        }
    }

    /// Reads `sessions.mode`; anything unknown is a plain comparison.
    pub fn from_stored(text: &str) -> Self {
        match text {
            "versions" => SessionMode::Versions,
            _ => SessionMode::Compare,
        }
    }
}

/// One saved session as the session list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionSummary {
    pub id: i64,
    pub name: String,
    pub event_id: Option<i64>,
    pub mode: SessionMode,
    /// The session's articles still in the library (not deleted), in pane order.
    pub article_ids: Vec<i64>,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// RFC 3339 UTC; touched by every change (name, articles, options, notes).
    pub updated_at: String,
    /// RFC 3339 UTC of the last [`crate::Store::mark_session_opened`]; `None` if never opened.
    pub opened_at: Option<String>,
}

/// One article of a session, deleted or not, so an opener can name what went missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionMember {
    pub article_id: i64,
    /// Pane index: 0, 1, 2, … in pane order.
    pub position: i64,
    pub title: String,
    /// The article was deleted from the library (it can still be restored); it has no pane.
    pub deleted: bool,
}

/// A session in full: summary, options, and every member article (deleted ones flagged).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionRecord {
    pub summary: SessionSummary,
    pub options: SessionOptions,
    /// In pane order. Articles purged from the library are gone from here too.
    pub articles: Vec<SessionMember>,
}

/// What a new session is made from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSession {
    /// The name; `None` takes the event's title (from an event) or the first report's title.
    /// A name given but blank is refused.
    pub name: Option<String>,
    /// The event the session belongs to. With no `article_ids`, the session takes the event's
    /// reports (see [`crate::Store::create_session_from_event`]).
    pub event_id: Option<i64>,
    /// `None` picks [`SessionMode::Versions`] when the articles are versions of one article
    /// ([`crate::Store::are_versions`]), else [`SessionMode::Compare`].
    pub mode: Option<SessionMode>,
    /// 2 to 6 distinct articles in pane order.
    pub article_ids: Vec<i64>,
}

/// Side by side panes, or one column (two reports only).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SessionLayout {
    #[default]
    SideBySide,
    Inline,
}

/// A link or unlink of two sentences made by hand (articles by id, so pane order may change):
/// the engine's own type, saved with the session as camelCase JSON.
pub use parallax_core::compare::session::ManualLink;

/// Everything a session remembers besides its articles and notes: what the analysis is told, and
/// how it is shown. Stored as one camelCase JSON object (the two parts' fields side by side); a
/// missing field takes its default, and stored JSON that does not read as options gives all
/// defaults (never an error).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionOptions {
    #[serde(flatten)]
    pub analysis: AnalysisSettings,
    #[serde(flatten)]
    pub view: ViewPreferences,
}

/// What the engine is told when the session is analysed: a change here analyses it again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AnalysisSettings {
    pub ignore_case: bool,
    pub ignore_punctuation: bool,
    /// On by default: spacing differences are rarely what a reader is after.
    pub ignore_whitespace: bool,
    /// Similarity (0–1) below which two sentences are not linked.
    pub threshold: f32,
    /// What pairs sentences: meaning (with words) or words alone.
    pub match_by: MatchBy,
    pub links: Vec<ManualLink>,
    /// The article whose pane the others are marked against ("base"); `None` for each pane's
    /// left neighbour.
    pub base_article: Option<i64>,
}

/// How the analysed session is shown: a change here paints the same analysis again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ViewPreferences {
    pub layout: SessionLayout,
    pub sync_scroll: bool,
    pub differences_only: bool,
    /// Reworded sentences show every changed word, not only what differs in substance.
    pub all_words: bool,
}

impl Default for AnalysisSettings {
    fn default() -> Self {
        AnalysisSettings {
            ignore_case: false,
            ignore_punctuation: false,
            ignore_whitespace: true,
            threshold: AlignOptions::default().threshold,
            match_by: MatchBy::default(),
            links: Vec::new(),
            base_article: None,
        }
    }
}

impl Default for ViewPreferences {
    fn default() -> Self {
        ViewPreferences {
            layout: SessionLayout::SideBySide,
            sync_scroll: true,
            differences_only: false,
            all_words: false,
        }
    }
}

impl SessionOptions {
    /// Reads `sessions.options`: defaults for missing fields, all defaults when unreadable.
    pub fn from_stored(json: &str) -> Self {
        serde_json::from_str(json).unwrap_or_default()
    }
}

impl AnalysisSettings {
    /// The aligner's options for these settings: normalization and threshold. Manual links are
    /// per pair of panes, so `pinned` and `unlinked` are left empty for the session builder.
    pub fn align_options(&self) -> AlignOptions {
        AlignOptions {
            ignore_case: self.ignore_case,
            ignore_punctuation: self.ignore_punctuation,
            ignore_whitespace: self.ignore_whitespace,
            threshold: self.threshold,
            by: self.match_by,
            ..AlignOptions::default()
        }
    }
}

/// A note on a span of one report in a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub id: i64,
    pub session_id: i64,
    pub article_id: i64,
    /// Byte range `[start, end)` in the article's body.
    pub start: usize,
    pub end: usize,
    /// The body text from `start` to `end`.
    pub quote: String,
    pub note: String,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// Who wrote it (a team library's user name; `None` in a local library).
    pub author: Option<String>,
    /// Moves on at every edit: an edit sent with an older one is refused (someone changed it).
    pub version: i64,
    /// Who last edited it, when someone did.
    pub changed_by: Option<String>,
}

/// A new note: `start`/`end` are byte offsets into the article's body, on character boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewNote {
    pub session_id: i64,
    pub article_id: i64,
    pub start: usize,
    pub end: usize,
    pub note: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_option_fields_take_their_defaults() {
        let options = SessionOptions::from_stored(r#"{"ignoreCase": true, "layout": "inline"}"#);
        assert!(options.analysis.ignore_case);
        assert_eq!(options.view.layout, SessionLayout::Inline);
        assert!(
            options.analysis.ignore_whitespace,
            "default kept for a missing field"
        );
        assert!(options.view.sync_scroll, "default kept for a missing field");
        assert_eq!(
            options.analysis.threshold,
            AlignOptions::default().threshold
        );
    }

    #[test]
    fn unreadable_options_are_the_defaults() {
        for stored in ["", "[1, 2]", r#"{"threshold": "high"}"#, "{not json"] {
            assert_eq!(
                SessionOptions::from_stored(stored),
                SessionOptions::default(),
                "{stored:?} should read as the defaults"
            );
        }
    }

    #[test]
    fn options_round_trip_through_json() {
        let options = SessionOptions {
            analysis: AnalysisSettings {
                ignore_punctuation: true,
                threshold: 0.45,
                links: vec![ManualLink {
                    article_a: 3,
                    sentence_a: 1,
                    article_b: 7,
                    sentence_b: 4,
                    linked: false,
                }],
                ..AnalysisSettings::default()
            },
            view: ViewPreferences {
                differences_only: true,
                ..ViewPreferences::default()
            },
        };
        let json = serde_json::to_string(&options).expect("options serialize");
        assert!(json.contains("\"differencesOnly\":true"), "{json}");
        assert!(
            json.contains("\"threshold\":0.45"),
            "one flat object: {json}"
        );
        assert_eq!(SessionOptions::from_stored(&json), options);
    }

    #[test]
    fn align_options_carry_normalization_and_threshold() {
        let options = AnalysisSettings {
            ignore_case: true,
            ignore_whitespace: false,
            threshold: 0.6,
            ..AnalysisSettings::default()
        };
        let align = options.align_options();
        assert!(align.ignore_case && !align.ignore_punctuation && !align.ignore_whitespace);
        assert_eq!(align.threshold, 0.6);
        assert!(align.pinned.is_empty() && align.unlinked.is_empty());
    }

    #[test]
    fn modes_read_back_what_they_store() {
        for mode in [SessionMode::Compare, SessionMode::Versions] {
            assert_eq!(SessionMode::from_stored(mode.as_str()), mode);
        }
        assert_eq!(SessionMode::from_stored("other"), SessionMode::Compare);
    }
}
