//! The session commands: list, create, open (loading the articles and building the engine's view
//! model on a blocking thread), options, notes and exports. Each forwards to the store and core.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use parallax_core::compare::session::{
    build_session, PanePin, ReportInput, SessionModel, SessionSettings,
};
use parallax_core::compare::MatchBy;
use parallax_core::export::{self, ExportInput, ExportNote};
use parallax_core::text::encoder::MODEL_NAME;
use parallax_core::text::segment;
use parallax_store::{ArticleDetail, SessionMode, SessionRecord, Store};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::{AppError, AppResult};
use crate::meaning::{self, SentenceModel};
use crate::state::Library;
use crate::wire::sessions::{
    ExportFormat, NewNote, NewSession, Note, SessionArticle, SessionOptions, SessionSummary,
    SessionView,
};

/// Set by automated tests: exports are written into this folder instead of asking where to save.
pub const EXPORT_DIR_VAR: &str = "PARALLAX_EXPORT_DIR";

/// Saved sessions, the most recently opened first.
#[tauri::command]
pub async fn list_sessions(library: State<'_, Library>) -> AppResult<Vec<SessionSummary>> {
    let sessions = library.store()?.sessions().await?;
    Ok(sessions.into_iter().map(Into::into).collect())
}

/// Creates a session from 2–6 articles, or from an event's articles when none are given.
#[tauri::command]
pub async fn create_session(
    library: State<'_, Library>,
    session: NewSession,
) -> AppResult<SessionSummary> {
    Ok(library
        .writable()?
        .create_session(&session.into())
        .await?
        .into())
}

/// The session to restore at start: the last one opened, if any.
#[tauri::command]
pub async fn last_session(library: State<'_, Library>) -> AppResult<Option<i64>> {
    Ok(library.store()?.last_opened_session().await?)
}

/// Renames a session.
#[tauri::command]
pub async fn rename_session(
    library: State<'_, Library>,
    id: i64,
    name: String,
) -> AppResult<SessionSummary> {
    Ok(library.writable()?.rename_session(id, &name).await?.into())
}

/// Copies a session with its articles, options and notes.
#[tauri::command]
pub async fn duplicate_session(library: State<'_, Library>, id: i64) -> AppResult<SessionSummary> {
    Ok(library.writable()?.duplicate_session(id).await?.into())
}

/// Deletes a session and its notes; the articles stay.
#[tauri::command]
pub async fn delete_session(library: State<'_, Library>, id: i64) -> AppResult<()> {
    Ok(library.writable()?.delete_session(id).await?)
}

/// Sets a session's articles in pane order.
#[tauri::command]
pub async fn set_session_articles(
    library: State<'_, Library>,
    id: i64,
    article_ids: Vec<i64>,
) -> AppResult<SessionSummary> {
    Ok(library
        .writable()?
        .set_session_articles(id, &article_ids)
        .await?
        .into())
}

/// Saves a session's options.
#[tauri::command]
pub async fn set_session_options(
    library: State<'_, Library>,
    id: i64,
    options: SessionOptions,
) -> AppResult<SessionSummary> {
    Ok(library
        .writable()?
        .set_session_options(id, &options.into())
        .await?
        .into())
}

/// Adds a note on a span of one report.
#[tauri::command]
pub async fn add_note(library: State<'_, Library>, note: NewNote) -> AppResult<Note> {
    Ok(library.writable()?.add_note(&note.into()).await?.into())
}

/// Changes a note's text.
#[tauri::command]
pub async fn update_note(library: State<'_, Library>, id: i64, note: String) -> AppResult<Note> {
    Ok(library.writable()?.update_note(id, &note).await?.into())
}

/// Deletes a note.
#[tauri::command]
pub async fn delete_note(library: State<'_, Library>, id: i64) -> AppResult<()> {
    Ok(library.writable()?.delete_note(id).await?)
}

/// Opens a session: its articles, options, notes and the comparison; remembers it as the last one.
#[tauri::command]
pub async fn open_session(
    library: State<'_, Library>,
    model: State<'_, Arc<SentenceModel>>,
    id: i64,
) -> AppResult<SessionView> {
    let started = Instant::now();
    let store = library.store()?;
    let record = store.session(id).await?;
    let opened = analyse(store, Some(model.inner()), record).await?;
    // Only a session that opened is the one to restore at the next start.
    store.mark_session_opened(id).await?;
    let notes = store.notes(id).await?;
    Ok(SessionView {
        session: opened.summary.into(),
        articles: opened.articles.iter().map(SessionArticle::from).collect(),
        options: opened.options.into(),
        model: opened.model,
        notes: notes.into_iter().map(Into::into).collect(),
        analysis_ms: started.elapsed().as_secs_f64() * 1000.0,
    })
}

/// Writes a session as an HTML report, JSON or the coverage CSV, where the user chooses; returns
/// the path written, or `None` when the user cancelled.
#[tauri::command]
pub async fn export_session(
    app: AppHandle,
    library: State<'_, Library>,
    model: State<'_, Arc<SentenceModel>>,
    id: i64,
    format: ExportFormat,
) -> AppResult<Option<String>> {
    let store = library.store()?;
    let record = store.session(id).await?;
    // Ask where first: the dialog opens at once, and a cancel costs no comparison.
    let Some(path) = choose_export_path(&app, &record.summary.name, format).await? else {
        return Ok(None);
    };
    let opened = analyse(store, Some(model.inner()), record).await?;
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
    let generated_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let input = ExportInput {
        name: &opened.summary.name,
        model: &opened.model,
        notes: &notes,
        generated_at: &generated_at,
    };
    let contents = match format {
        ExportFormat::Html => export::html_report(&input),
        ExportFormat::Json => export::session_json(&input),
        ExportFormat::Csv => export::coverage_csv(&opened.model),
    };
    std::fs::write(&path, contents).map_err(|error| {
        AppError::Invalid(format!("could not write {}: {error}", path.display()))
    })?;
    Ok(Some(path.display().to_string()))
}

/// A session's live articles and their comparison.
pub(crate) struct Opened {
    pub summary: parallax_store::SessionSummary,
    pub options: parallax_store::SessionOptions,
    pub articles: Vec<ArticleDetail>,
    pub model: SessionModel,
}

/// The most sentences a session encodes while it opens (about two seconds); with more lacking
/// vectors it pairs by words and says so, and the background pass prepares them.
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
pub(crate) async fn analyse(
    store: &Store,
    model: Option<&Arc<SentenceModel>>,
    record: SessionRecord,
) -> AppResult<Opened> {
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
        return Err(AppError::Invalid(
            "every report of this session was deleted from the library; restore one or delete the session"
                .into(),
        ));
    }
    let pane_of: HashMap<i64, usize> = articles
        .iter()
        .enumerate()
        .map(|(pane, article)| (article.id, pane))
        .collect();
    let pins = record
        .options
        .links
        .iter()
        .filter_map(|link| {
            Some(PanePin {
                pane_a: *pane_of.get(&link.article_a)?,
                sentence_a: link.sentence_a,
                pane_b: *pane_of.get(&link.article_b)?,
                sentence_b: link.sentence_b,
                linked: link.linked,
            })
        })
        .collect();
    let settings = SessionSettings {
        align: record.options.align_options(),
        pins,
        versions: record.summary.mode == SessionMode::Versions,
        base: record
            .options
            .base_article
            .and_then(|id| pane_of.get(&id).copied()),
    };
    let by_meaning = settings.align.by == MatchBy::Meaning;
    let model = model.filter(|_| by_meaning).cloned();
    let stored = match &model {
        Some(_) => {
            let bodies: Vec<(i64, &str)> =
                articles.iter().map(|a| (a.id, a.body.as_str())).collect();
            meaning::stored(store, &bodies).await?
        }
        None => vec![None; articles.len()],
    };
    // The articles go to the blocking thread and come back with the model (no copy of every body).
    let (articles, built, computed, meaning_state) =
        tauri::async_runtime::spawn_blocking(move || {
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
                        let (with_meaning, fresh) = meaning::attach(encoder, document, stored);
                        document = with_meaning;
                        computed.extend(fresh.map(|v| (article.id, v)));
                    }
                    ReportInput {
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
            AppError::Invalid(format!("the comparison stopped unexpectedly: {error}"))
        })?;
    for (id, vectors) in computed {
        if let Some(article) = articles.iter().find(|a| a.id == id) {
            // A failed save costs only a re-encoding next time.
            if let Err(error) = store
                .save_sentence_vectors(id, &article.body, MODEL_NAME, &vectors)
                .await
            {
                eprintln!("parallax-app: sentence vectors of article {id} not stored: {error}");
            }
        }
    }
    let mut model = built.map_err(|error| AppError::Invalid(error.to_string()))?;
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
    Ok(Opened {
        summary: record.summary,
        options: record.options,
        articles,
        model,
    })
}

/// Where to write an export: the test folder when [`EXPORT_DIR_VAR`] is set, else the user's choice
/// in a save dialog (`None` when cancelled).
async fn choose_export_path(
    app: &AppHandle,
    name: &str,
    format: ExportFormat,
) -> AppResult<Option<PathBuf>> {
    let (extension, label) = match format {
        ExportFormat::Html => ("html", "HTML report"),
        ExportFormat::Json => ("json", "JSON"),
        ExportFormat::Csv => ("csv", "CSV (coverage matrix)"),
    };
    let file_name = format!("{}.{extension}", file_stem(name));
    if let Some(dir) = std::env::var_os(EXPORT_DIR_VAR) {
        return Ok(Some(PathBuf::from(dir).join(file_name)));
    }
    let dialog = app
        .dialog()
        .file()
        .set_title("Export the session")
        .set_file_name(file_name)
        .add_filter(label, &[extension]);
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .map_err(|error| AppError::Invalid(format!("the save dialog failed: {error}")))?;
    chosen
        .map(|path| {
            path.into_path()
                .map_err(|error| AppError::Invalid(format!("cannot save there: {error}")))
        })
        .transpose()
}

/// A file name from a session name: letters, digits, spaces and dashes kept, the rest dropped.
fn file_stem(name: &str) -> String {
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
