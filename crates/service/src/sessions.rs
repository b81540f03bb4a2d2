//! Comparison sessions as every face opens them: the live articles loaded in pane order, segmented,
//! given their sentence vectors, and built into the engine's view model (with the warnings a
//! reader needs); and the session written as an HTML report, JSON or the coverage CSV.

use std::collections::HashMap;
use std::sync::Arc;

use parallax_core::compare::session::{build_session, ReportInput, SessionModel, SessionSettings};
use parallax_core::compare::MatchBy;
use parallax_core::export::{self, ExportInput, ExportNote};
use parallax_core::text::encoder::MODEL_NAME;
use parallax_core::text::segment;
use parallax_store::{
    ArticleDetail, Note, SessionMode, SessionOptions, SessionRecord, SessionSummary, Store,
};

use crate::error::{ServiceError, ServiceResult};
use crate::model::{self, SentenceModel};

/// A session's live articles and their comparison.
#[derive(Debug)]
pub struct OpenedSession {
    pub summary: SessionSummary,
    pub options: SessionOptions,
    /// In pane order: the session's articles still in the library.
    pub articles: Vec<ArticleDetail>,
    pub model: SessionModel,
}

/// An opened session with its notes, as a face shows it.
#[derive(Debug)]
pub struct SessionView {
    pub opened: OpenedSession,
    pub notes: Vec<Note>,
}

/// Opens session `id`: loads and compares it (see [`analyse`]), remembers it as the last one
/// opened (the one the app restores), and returns it with its notes.
pub async fn open_session(
    store: &Store,
    model: Option<&Arc<SentenceModel>>,
    id: i64,
) -> ServiceResult<SessionView> {
    let view = view_session(store, model, id).await?;
    // Only a session that opened is the one to restore at the next start.
    store.mark_session_opened(id).await?;
    Ok(view)
}

/// Session `id` loaded and compared with its notes, the library left as it was (for a look from
/// the command line, also on a read-only library).
pub async fn view_session(
    store: &Store,
    model: Option<&Arc<SentenceModel>>,
    id: i64,
) -> ServiceResult<SessionView> {
    let record = store.session(id).await?;
    let opened = analyse(store, model, record).await?;
    let notes = store.notes(id).await?;
    Ok(SessionView { opened, notes })
}

/// The formats a session is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// A self-contained HTML report (offline, same highlights, legend and notes).
    Html,
    /// `parallax.session/1`: the view model with the notes and their byte ranges.
    Json,
    /// The coverage matrix (UTF-8 with a byte-order mark, for spreadsheets).
    Csv,
}

impl ExportFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Json => "json",
            Self::Csv => "csv",
        }
    }
}

/// Session `id` written in `format`, as of `generated_at` (RFC 3339).
pub async fn export_session(
    store: &Store,
    model: Option<&Arc<SentenceModel>>,
    id: i64,
    format: ExportFormat,
    generated_at: &str,
) -> ServiceResult<String> {
    let record = store.session(id).await?;
    let opened = analyse(store, model, record).await?;
    let notes = store.notes(id).await?;
    let pane_of: HashMap<i64, usize> = opened
        .articles
        .iter()
        .enumerate()
        .map(|(pane, article)| (article.id, pane))
        .collect();
    let notes: Vec<ExportNote> = notes
        .into_iter()
        .filter_map(|note| {
            Some(ExportNote {
                pane: *pane_of.get(&note.article_id)?,
                start: note.start,
                end: note.end,
                quote: note.quote,
                note: note.note,
                created_at: note.created_at,
            })
        })
        .collect();
    let input = ExportInput {
        name: &opened.summary.name,
        model: &opened.model,
        notes: &notes,
        generated_at,
    };
    Ok(match format {
        ExportFormat::Html => export::html_report(&input),
        ExportFormat::Json => export::session_json(&input),
        ExportFormat::Csv => export::coverage_csv(&opened.model),
    })
}

/// Now, in RFC 3339 UTC to the second, as exports are stamped.
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A file name from a session name: letters, digits, spaces and dashes kept, the rest dropped.
pub fn file_stem(name: &str) -> String {
    let kept: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == ' ' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let stem = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    match stem.chars().take(80).collect::<String>() {
        stem if stem.is_empty() => "Parallax session".to_owned(),
        stem => stem,
    }
}

/// The most sentences a session encodes while it opens (about two seconds); with more lacking
/// vectors it pairs by words and says so, and a background pass prepares them.
const ENCODE_AT_OPEN_MAX: usize = 1_500;

/// Whether an opening session could pair by meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MeaningState {
    Ready,
    /// Too many sentences still lack vectors.
    Pending,
    NoModel,
}

/// Loads a session's live articles in pane order and builds the view model on a blocking thread.
/// Articles deleted meanwhile are left out with a warning that names them. With a sentence
/// model and matching by meaning, each article gets its sentence vectors: the stored ones, else
/// encoded now and stored for the next opening.
pub async fn analyse(
    store: &Store,
    model: Option<&Arc<SentenceModel>>,
    record: SessionRecord,
) -> ServiceResult<OpenedSession> {
    let mut warnings = Vec::new();
    let mut articles = Vec::new();
    for member in &record.articles {
        if member.deleted {
            warnings.push(format!(
                "“{}” was deleted from the library; the session shows the other reports.",
                member.title
            ));
            continue;
        }
        articles.push(store.article(member.article_id).await?);
    }
    if articles.is_empty() {
        return Err(ServiceError::Invalid(
            "every report of this session was deleted from the library; restore one or delete the session"
                .into(),
        ));
    }
    let pane_of: HashMap<i64, usize> = articles
        .iter()
        .enumerate()
        .map(|(pane, article)| (article.id, pane))
        .collect();
    // The view preferences play no part in the analysis.
    let analysis = &record.options.analysis;
    let settings = SessionSettings {
        align: analysis.align_options(),
        links: analysis.links.clone(),
        versions: record.summary.mode == SessionMode::Versions,
        base: analysis
            .base_article
            .and_then(|id| pane_of.get(&id).copied()),
    };
    let by_meaning = settings.align.by == MatchBy::Meaning;
    let model = model.filter(|_| by_meaning).cloned();
    let stored = match &model {
        Some(_) => {
            let bodies: Vec<(i64, &str)> =
                articles.iter().map(|a| (a.id, a.body.as_str())).collect();
            model::stored(store, &bodies).await?
        }
        None => vec![None; articles.len()],
    };
    // The articles go to the blocking thread and come back with the model (no copy of every body).
    let (articles, built, computed, meaning_state) = tokio::task::spawn_blocking(move || {
        let encoder = model.and_then(|m| m.encoder());
        let documents: Vec<_> = articles
            .iter()
            .map(|article| segment(&article.body, article.lang.as_deref()))
            .collect();
        // Encoding here delays the opening (~600 sentences a second): only a little is encoded
        // now; more waits for the background pass, and the session pairs by words meanwhile.
        let missing: usize = documents
            .iter()
            .zip(&stored)
            .filter(|(doc, stored)| {
                stored
                    .as_ref()
                    .is_none_or(|v| v.len() != doc.sentences.len())
            })
            .map(|(doc, _)| doc.sentences.len())
            .sum();
        let meaning_state = match &encoder {
            None => MeaningState::NoModel,
            Some(_) if missing > ENCODE_AT_OPEN_MAX => MeaningState::Pending,
            Some(_) => MeaningState::Ready,
        };
        let mut computed = Vec::new();
        let reports: Vec<ReportInput> = articles
            .iter()
            .zip(documents)
            .zip(stored)
            .map(|((article, mut document), stored)| {
                if let (Some(encoder), MeaningState::Ready) = (&encoder, meaning_state) {
                    let (with_meaning, fresh) = model::attach(encoder, document, stored);
                    document = with_meaning;
                    computed.extend(fresh.map(|v| (article.id, v)));
                }
                ReportInput {
                    key: article.id,
                    document,
                    title: article.title.clone(),
                    outlet: article.outlet.clone(),
                    published_at: article.published_at.clone(),
                }
            })
            .collect();
        let built = build_session(&reports, &settings);
        (articles, built, computed, meaning_state)
    })
    .await
    .map_err(|error| {
        ServiceError::Invalid(format!("the comparison stopped unexpectedly: {error}"))
    })?;
    for (id, vectors) in computed {
        if let Some(article) = articles.iter().find(|a| a.id == id) {
            // A failed save costs only a re-encoding next time.
            if let Err(error) = store
                .save_sentence_vectors(id, &article.body, MODEL_NAME, &vectors)
                .await
            {
                eprintln!("parallax: sentence vectors of article {id} not stored: {error}");
            }
        }
    }
    let mut model = built.map_err(|error| ServiceError::Invalid(error.to_string()))?;
    if by_meaning && !model.semantic && model.panes.len() > 1 {
        warnings.push(match meaning_state {
            MeaningState::Pending => "These reports are still being prepared for comparison by \
                meaning (in the background): sentences are paired by their words for now. \
                Open the session again in a moment."
                .to_string(),
            _ => "No sentence model was found, so sentences are paired by their words only: \
                paraphrases and translations may go unpaired. (Options → Matching)"
                .to_string(),
        });
    }
    warnings.append(&mut model.warnings);
    model.warnings = warnings;
    Ok(OpenedSession {
        summary: record.summary,
        options: record.options,
        articles,
        model,
    })
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn export_file_names_keep_words_and_drop_path_characters() {
        assert_eq!(
            file_stem("Port Maren / march: 3 reports"),
            "Port Maren march 3 reports"
        );
        assert_eq!(file_stem("../../etc/passwd"), "etc passwd");
        assert_eq!(file_stem("«Марш»"), "Марш");
        assert_eq!(file_stem("///"), "Parallax session");
    }
}
