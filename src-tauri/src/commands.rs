//! The Tauri commands: each a documented one-liner forwarding to the store, with wire types in and
//! out and errors as `{ code, message }`.

use std::path::PathBuf;

use parallax_service::{articles, events};
use parallax_store::collect_import_paths;
use tauri::ipc::Channel;
use tauri::State;

use crate::error::{AppError, AppResult};
use crate::progress::ProgressBatcher;
use crate::state::Library;
use crate::wire::{
    ArticleList, ArticleSort, ArticleView, EventSummary, ImportEvent, MetadataEdit, SampleLibrary,
    SearchResult,
};

/// One page of the articles of the library, or of one event, in the order asked for, with how
/// many the whole list holds (so the window can size its scroll bar) and the library's size.
#[tauri::command]
pub async fn list_articles(
    library: State<'_, Library>,
    sort: ArticleSort,
    event_id: Option<i64>,
    offset: u32,
    limit: u32,
) -> AppResult<ArticleList> {
    let mut query = sort.query(event_id);
    query.offset = offset;
    query.limit = Some(limit.min(articles::MAX_PAGE));
    let page = articles::list_page(&library.store()?, &query).await?;
    Ok(ArticleList {
        articles: page.articles.into_iter().map(Into::into).collect(),
        offset: page.offset,
        listed: page.listed,
        total: page.total,
    })
}

/// Every article id of the list (the library or one event) in the order asked for: what a range
/// selection or the keyboard needs across pages not loaded yet.
#[tauri::command]
pub async fn list_article_ids(
    library: State<'_, Library>,
    sort: ArticleSort,
    event_id: Option<i64>,
) -> AppResult<Vec<i64>> {
    Ok(library.store()?.list_ids(&sort.query(event_id)).await?)
}

/// Full-text search over titles and bodies, best matches first, at most `limit` of them.
#[tauri::command]
pub async fn search(
    library: State<'_, Library>,
    query: String,
    limit: u32,
) -> AppResult<Vec<SearchResult>> {
    let hits = articles::search(&library.store()?, &query, limit).await?;
    Ok(hits.into_iter().map(Into::into).collect())
}

/// One article with its paragraphs and events.
#[tauri::command]
pub async fn get_article(library: State<'_, Library>, id: i64) -> AppResult<ArticleView> {
    Ok(articles::article_record(&library.store()?, id)
        .await?
        .into())
}

/// Corrects an article's metadata; returns the article as now stored.
#[tauri::command]
pub async fn update_article(
    library: State<'_, Library>,
    id: i64,
    edit: MetadataEdit,
) -> AppResult<ArticleView> {
    let store = library.writable()?;
    Ok(articles::update_article(&store, id, &edit.into())
        .await?
        .into())
}

/// Hides an article from the library (undone by `restore_article`).
#[tauri::command]
pub async fn delete_article(library: State<'_, Library>, id: i64) -> AppResult<()> {
    Ok(library.writable()?.delete_article(id).await?)
}

/// Brings a deleted article back.
#[tauri::command]
pub async fn restore_article(library: State<'_, Library>, id: i64) -> AppResult<()> {
    Ok(library.writable()?.restore_article(id).await?)
}

/// Imports files and folders, streaming `Started`, `Files` (a few a second) and `Finished`.
#[tauri::command]
pub async fn import_paths(
    app: tauri::AppHandle,
    library: State<'_, Library>,
    model: State<'_, std::sync::Arc<crate::meaning::SentenceModel>>,
    paths: Vec<PathBuf>,
    on_progress: Channel<ImportEvent>,
) -> AppResult<()> {
    let store = library.writable()?;
    // Listing first (folders expanded, once) lets the bar show a total before the first file is done.
    let found = tauri::async_runtime::spawn_blocking(move || collect_import_paths(&paths))
        .await
        .map_err(|error| {
            AppError::library(format!("could not list the files to import: {error}"))
        })?;
    send(
        &on_progress,
        ImportEvent::Started {
            total: found.total(),
        },
    );
    let mut batcher = ProgressBatcher::new(|event| send(&on_progress, event));
    let summary = store
        .import_collected(found, |progress| batcher.push(progress))
        .await;
    finish_import(app, &store, model.inner(), batcher, summary, &on_progress).await;
    Ok(())
}

/// Ends an import batch: the last file outcomes, the events the new articles may belong to, the
/// totals; then the background pass encodes the new articles.
pub(crate) async fn finish_import<S: FnMut(ImportEvent)>(
    app: tauri::AppHandle,
    store: &parallax_store::Store,
    model: &std::sync::Arc<crate::meaning::SentenceModel>,
    mut batcher: ProgressBatcher<S>,
    summary: parallax_store::ImportSummary,
    channel: &Channel<ImportEvent>,
) {
    batcher.flush();
    let imported = batcher.imported().to_vec();
    drop(batcher);
    send_suggestions(store, &imported, channel).await;
    send(channel, summary.into());
    crate::meaning::prepare_in_background(app, store.clone(), model.clone());
}

/// Sends the events the batch's new articles may belong to, when there are some (a failure only
/// costs the suggestions).
async fn send_suggestions(
    store: &parallax_store::Store,
    imported: &[i64],
    channel: &Channel<ImportEvent>,
) {
    match events::suggest_for_imports(store, imported).await {
        Ok(suggestions) if !suggestions.is_empty() => send(
            channel,
            ImportEvent::Suggested {
                suggestions: suggestions.into_iter().map(Into::into).collect(),
            },
        ),
        Ok(_) => {}
        Err(error) => eprintln!("parallax-app: no event suggestions: {error}"),
    }
}

/// Events proposed for the articles in no event ("Group by event"), each with its articles.
#[tauri::command]
pub async fn propose_events(
    library: State<'_, Library>,
) -> AppResult<Vec<crate::wire::EventProposalView>> {
    let proposals = events::propose_events(&library.store()?).await?;
    Ok(proposals.into_iter().map(Into::into).collect())
}

/// Sends a progress event; a closed window just stops listening, so a failed send is ignored.
pub(crate) fn send(channel: &Channel<ImportEvent>, event: ImportEvent) {
    let _ = channel.send(event);
}

/// What a quick check finds wrong with the library, or `None` when it is sound (the page asks at
/// start and shows a banner when the library is damaged). A damaged library is then only read:
/// every command that would change it answers a damaged-library error.
#[tauri::command]
pub async fn library_health(library: State<'_, Library>) -> AppResult<Option<String>> {
    let problems = parallax_service::health::library_health(&library.store()?).await?;
    library.set_damaged(problems.clone());
    Ok(problems)
}

/// Imports the fictional sample articles and groups them under one event.
#[tauri::command]
pub async fn open_sample_library(
    app: tauri::AppHandle,
    library: State<'_, Library>,
    model: State<'_, std::sync::Arc<crate::meaning::SentenceModel>>,
) -> AppResult<SampleLibrary> {
    let store = library.writable()?;
    let sample = parallax_service::sample::open_sample_library(&store).await?;
    let sample = SampleLibrary {
        event_id: sample.event_id,
        outcomes: sample
            .outcomes
            .into_iter()
            .map(|(origin, outcome)| crate::wire::FileOutcome::new(origin, outcome))
            .collect(),
    };
    crate::meaning::prepare_in_background(app, store.clone(), model.inner().clone());
    Ok(sample)
}

/// All events with their article counts, newest first.
#[tauri::command]
pub async fn list_events(library: State<'_, Library>) -> AppResult<Vec<EventSummary>> {
    let events = library.store()?.list_events().await?;
    Ok(events.into_iter().map(Into::into).collect())
}

/// Creates an event.
#[tauri::command]
pub async fn create_event(library: State<'_, Library>, title: String) -> AppResult<EventSummary> {
    Ok(library.writable()?.create_event(&title).await?.into())
}

/// Renames an event.
#[tauri::command]
pub async fn rename_event(
    library: State<'_, Library>,
    id: i64,
    title: String,
    version: Option<i64>,
) -> AppResult<EventSummary> {
    Ok(library
        .writable()?
        .rename_event(id, &title, version)
        .await?
        .into())
}

/// Deletes an event; its articles stay in the library.
#[tauri::command]
pub async fn delete_event(library: State<'_, Library>, id: i64) -> AppResult<()> {
    Ok(library.writable()?.delete_event(id).await?)
}

/// Groups articles under an event (articles already in it are left as they are).
#[tauri::command]
pub async fn add_to_event(
    library: State<'_, Library>,
    event_id: i64,
    article_ids: Vec<i64>,
) -> AppResult<()> {
    library
        .writable()?
        .add_to_event(event_id, &article_ids)
        .await?;
    Ok(())
}

/// Takes an article out of an event.
#[tauri::command]
pub async fn remove_from_event(
    library: State<'_, Library>,
    event_id: i64,
    article_id: i64,
) -> AppResult<()> {
    library
        .writable()?
        .remove_from_event(event_id, &[article_id])
        .await?;
    Ok(())
}
