//! The sentence model in the app (found and loaded by the service layer): after an import (and at
//! start) a background pass prepares the vectors of every article that lacks them, so that opening
//! a session rarely has to encode, with its progress shown on the page.

use std::path::Path;
use std::sync::Arc;

use parallax_core::text::encoder::{Encoder, MODEL_NAME};
use parallax_store::Store;

/// The app's sentence model (loaded at most once, by the service layer) and the state of its
/// background pass.
#[derive(Debug)]
pub struct SentenceModel {
    pub model: Arc<parallax_service::SentenceModel>,
    /// Whether a background pass runs, and whether it should look again when it ends.
    running: std::sync::atomic::AtomicBool,
    again: std::sync::atomic::AtomicBool,
}

impl SentenceModel {
    /// A model looked for in `resource_dir` (the app's bundled resources) among the usual places.
    pub fn new(resource_dir: Option<&Path>) -> Self {
        SentenceModel {
            model: Arc::new(parallax_service::SentenceModel::new(
                "parallax-app",
                resource_dir,
            )),
            running: Default::default(),
            again: Default::default(),
        }
    }

    /// The encoder, loading it on first call (blocking: call from a blocking thread).
    pub fn encoder(&self) -> Option<Arc<Encoder>> {
        self.model.encoder()
    }
}

/// The event the page hears while articles are prepared for comparison by meaning.
pub const VECTORS_EVENT: &str = "sentence-vectors";

/// Progress of the background pass: `done` of `total` articles have their sentence vectors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct VectorsProgress {
    pub done: usize,
    pub total: usize,
}

/// Encodes, in the background, every live article that has no current sentence vectors, so that
/// opening a session finds them stored. One pass runs at a time: a call while one runs makes it
/// look again when it ends. Progress goes to the page as [`VECTORS_EVENT`]; failures are said on
/// stderr and cost only an encoding at the next opening.
pub fn prepare_in_background(app: tauri::AppHandle, store: Store, model: Arc<SentenceModel>) {
    use std::sync::atomic::Ordering;
    if model.running.swap(true, Ordering::AcqRel) {
        model.again.store(true, Ordering::Release);
        return;
    }
    tauri::async_runtime::spawn(async move {
        loop {
            model.again.store(false, Ordering::Release);
            if let Err(error) = prepare_missing(&app, &store, &model).await {
                eprintln!("parallax-app: preparing sentence vectors stopped: {error}");
            }
            if model.again.load(Ordering::Acquire) {
                continue;
            }
            model.running.store(false, Ordering::Release);
            // A call between the check above and this store set `again` and left: take the
            // pass back for it (unless another pass started meanwhile).
            if !model.again.load(Ordering::Acquire) || model.running.swap(true, Ordering::AcqRel) {
                break;
            }
        }
    });
}

/// Whether the library may be written, once the app manages it (`None` before).
fn library_writable(app: &tauri::AppHandle) -> Option<Result<(), crate::error::AppError>> {
    use tauri::Manager;
    let library = app.try_state::<crate::state::Library>()?;
    Some(library.writable().map(|_| ()))
}

async fn prepare_missing(
    app: &tauri::AppHandle,
    store: &Store,
    model: &Arc<SentenceModel>,
) -> Result<(), String> {
    use tauri::Emitter;
    let ids = store
        .articles_without_vectors(MODEL_NAME)
        .await
        .map_err(|e| e.to_string())?;
    if ids.is_empty() {
        return Ok(());
    }
    let loader = Arc::clone(model);
    let Some(encoder) = tauri::async_runtime::spawn_blocking(move || loader.encoder())
        .await
        .map_err(|e| e.to_string())?
    else {
        return Ok(());
    };
    let total = ids.len();
    let _ = app.emit(VECTORS_EVENT, VectorsProgress { done: 0, total });
    for (k, id) in ids.into_iter().enumerate() {
        // An article deleted meanwhile is skipped.
        if let Ok(article) = store.article(id).await {
            let encoder = Arc::clone(&encoder);
            let body = article.body.clone();
            let lang = article.lang.clone();
            let vectors = tauri::async_runtime::spawn_blocking(move || {
                encoder.encode_document(&parallax_core::text::segment(&body, lang.as_deref()))
            })
            .await
            .map_err(|e| e.to_string())?;
            // A library found damaged meanwhile is only read: the pass stops writing to it.
            if let Some(Err(refusal)) = library_writable(app) {
                return Err(refusal.to_string());
            }
            store
                .save_sentence_vectors(id, &article.body, MODEL_NAME, &vectors)
                .await
                .map_err(|e| e.to_string())?;
        }
        let _ = app.emit(VECTORS_EVENT, VectorsProgress { done: k + 1, total });
    }
    Ok(())
}
