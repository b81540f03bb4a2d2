//! Articles from the web: addresses imported (fetched a few at a time), pasted text or HTML
//! imported, and an article's address checked again for a newer version. Only what the person
//! asked for is fetched.

use std::sync::{Arc, OnceLock};

use parallax_fetch::{Fetcher, Limits};
use parallax_store::ImportProgress;
use tauri::ipc::Channel;
use tauri::State;

use crate::commands::{finish_import, send};
use crate::error::{AppError, AppResult};
use crate::progress::ProgressBatcher;
use crate::state::Library;
use crate::wire::{ImportEvent, RefreshResult};

/// The fetcher, made on first use (no network is touched before a person asks for an address).
#[derive(Debug, Default)]
pub struct Web(OnceLock<Result<Arc<Fetcher>, String>>);

impl Web {
    fn fetcher(&self) -> AppResult<Arc<Fetcher>> {
        self.0
            .get_or_init(|| {
                Fetcher::new(Limits::default())
                    .map(Arc::new)
                    .map_err(|error| error.to_string())
            })
            .clone()
            .map_err(AppError::library)
    }
}

/// Imports web addresses, streaming `Started`, `Files` and `Finished` as `import_paths` does;
/// an address already in the library answers as a duplicate of its article.
#[tauri::command]
pub async fn import_addresses(
    app: tauri::AppHandle,
    library: State<'_, Library>,
    web: State<'_, Web>,
    model: State<'_, Arc<crate::meaning::SentenceModel>>,
    addresses: Vec<String>,
    on_progress: Channel<ImportEvent>,
) -> AppResult<()> {
    let store = library.writable()?;
    let addresses: Vec<String> = addresses
        .iter()
        .map(|a| a.trim().to_owned())
        .filter(|a| !a.is_empty())
        .collect();
    if addresses.is_empty() {
        return Err(AppError::invalid("no web address to import"));
    }
    let fetcher = web.fetcher()?;
    send(
        &on_progress,
        ImportEvent::Started {
            total: addresses.len(),
        },
    );
    let mut batcher = ProgressBatcher::new(|event| send(&on_progress, event));
    let summary = store
        .import_addresses(&addresses, fetcher, |done, total, result| {
            batcher.push(ImportProgress {
                done,
                total,
                path: result.address.clone(),
                outcome: result.outcome.clone(),
            })
        })
        .await;
    finish_import(app, &store, model.inner(), batcher, summary, &on_progress).await;
    Ok(())
}

/// Imports pasted content as an article: the HTML a browser copied when there is some (read as
/// a page), else the plain text (its first line the title).
#[tauri::command]
pub async fn import_pasted(
    app: tauri::AppHandle,
    library: State<'_, Library>,
    model: State<'_, Arc<crate::meaning::SentenceModel>>,
    text: String,
    html: Option<String>,
    on_progress: Channel<ImportEvent>,
) -> AppResult<()> {
    let store = library.writable()?;
    let (bytes, name, label) = match html.filter(|h| !h.trim().is_empty()) {
        Some(html) => (html.into_bytes(), "pasted.html", "pasted HTML"),
        None if !text.trim().is_empty() => (text.into_bytes(), "pasted.txt", "pasted text"),
        None => return Err(AppError::invalid("there is nothing to import in the paste")),
    };
    send(&on_progress, ImportEvent::Started { total: 1 });
    let outcome = store.import_bytes(bytes, name, None).await?;
    let mut summary = parallax_store::ImportSummary::default();
    summary.add(&outcome);
    let mut batcher = ProgressBatcher::new(|event| send(&on_progress, event));
    batcher.push(ImportProgress {
        done: 1,
        total: 1,
        path: label.to_owned(),
        outcome,
    });
    finish_import(app, &store, model.inner(), batcher, summary, &on_progress).await;
    Ok(())
}

/// Fetches an article's address again: unchanged, a new version (linked to it), or why not.
#[tauri::command]
pub async fn refresh_article(
    app: tauri::AppHandle,
    library: State<'_, Library>,
    web: State<'_, Web>,
    model: State<'_, Arc<crate::meaning::SentenceModel>>,
    id: i64,
) -> AppResult<RefreshResult> {
    let store = library.writable()?;
    let outcome = store.refresh(id, &*web.fetcher()?).await?;
    if matches!(outcome, parallax_store::RefreshOutcome::NewVersion { .. }) {
        crate::meaning::prepare_in_background(app, store.clone(), model.inner().clone());
    }
    Ok(outcome.into())
}

/// Fetches again every article of an event that has a web address (the newest version of each):
/// one result per article.
#[tauri::command]
pub async fn refresh_event(
    app: tauri::AppHandle,
    library: State<'_, Library>,
    web: State<'_, Web>,
    model: State<'_, Arc<crate::meaning::SentenceModel>>,
    event_id: i64,
) -> AppResult<Vec<RefreshResult>> {
    let store = library.writable()?;
    let outcomes = store.refresh_event(event_id, &*web.fetcher()?).await?;
    if outcomes
        .iter()
        .any(|o| matches!(o, parallax_store::RefreshOutcome::NewVersion { .. }))
    {
        crate::meaning::prepare_in_background(app, store.clone(), model.inner().clone());
    }
    Ok(outcomes.into_iter().map(Into::into).collect())
}
