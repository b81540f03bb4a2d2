//! The session commands: list, create, open, options, notes and exports. Each forwards to the store
//! or to the service layer (which opens and exports a session the same way for the CLI).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use parallax_service::sessions;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::{AppError, AppResult};
use crate::meaning::SentenceModel;
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

/// Changes a note's text; with `version` (the note's as shown), a note a colleague changed
/// meanwhile is left as it is and the error says who changed it.
#[tauri::command]
pub async fn update_note(
    library: State<'_, Library>,
    id: i64,
    note: String,
    version: Option<i64>,
) -> AppResult<Note> {
    Ok(library
        .writable()?
        .update_note(id, &note, version)
        .await?
        .into())
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
    let view = sessions::open_session(&store, Some(&model.model), id).await?;
    let opened = view.opened;
    Ok(SessionView {
        session: opened.summary.into(),
        articles: opened.articles.iter().map(SessionArticle::from).collect(),
        options: opened.options.into(),
        model: opened.model,
        notes: view.notes.into_iter().map(Into::into).collect(),
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
    let generated_at = sessions::now_rfc3339();
    let contents =
        sessions::export_session(&store, Some(&model.model), id, format.into(), &generated_at)
            .await?;
    std::fs::write(&path, contents).map_err(|error| {
        AppError::invalid(format!("could not write {}: {error}", path.display()))
    })?;
    Ok(Some(path.display().to_string()))
}

/// Where to write an export: the test folder when [`EXPORT_DIR_VAR`] is set, else the user's choice
/// in a save dialog (`None` when cancelled).
async fn choose_export_path(
    app: &AppHandle,
    name: &str,
    format: ExportFormat,
) -> AppResult<Option<PathBuf>> {
    let label = match format {
        ExportFormat::Html => "HTML report",
        ExportFormat::Json => "JSON",
        ExportFormat::Csv => "CSV (coverage matrix)",
    };
    let extension = sessions::ExportFormat::from(format).extension();
    let file_name = format!("{}.{extension}", sessions::file_stem(name));
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
        .map_err(|error| AppError::invalid(format!("the save dialog failed: {error}")))?;
    chosen
        .map(|path| {
            path.into_path()
                .map_err(|error| AppError::invalid(format!("cannot save there: {error}")))
        })
        .transpose()
}
