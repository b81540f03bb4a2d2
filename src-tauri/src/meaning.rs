//! The sentence model in the app: found once (`PARALLAX_MODEL`, the app's resources, beside the
//! executable, or the build tree's `target/model/`), loaded on first use, and used to give each
//! compared article its sentence vectors — read from the library when stored, else encoded and
//! stored for next time. After an import (and at start) a background pass prepares the vectors of
//! every article that lacks them, so that opening a session rarely has to encode.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use parallax_core::text::encoder::{model_places, Encoder, MODEL_NAME};
use parallax_core::text::{Document, SentenceVectors};
use parallax_store::Store;

/// The app's sentence model, loaded at most once.
#[derive(Debug, Default)]
pub struct SentenceModel {
    /// Where to look, in order (the resource directory is added at start-up).
    places: Vec<PathBuf>,
    loaded: OnceLock<Option<Arc<Encoder>>>,
    /// Whether a background pass runs, and whether it should look again when it ends.
    running: std::sync::atomic::AtomicBool,
    again: std::sync::atomic::AtomicBool,
}

impl SentenceModel {
    /// A model looked for in `resource_dir` (the app's bundled resources) among the usual places.
    pub fn new(resource_dir: Option<PathBuf>) -> Self {
        let executable = std::env::current_exe().ok();
        let places = model_places(
            std::env::var_os("PARALLAX_MODEL").map(PathBuf::from),
            resource_dir.as_deref(),
            executable.as_deref().and_then(|exe| exe.parent()),
        );
        SentenceModel {
            places,
            loaded: OnceLock::new(),
            running: Default::default(),
            again: Default::default(),
        }
    }

    /// The encoder, loading it on first call (blocking: call from a blocking thread); `None` when
    /// no model file is found or it does not load (said once on stderr).
    pub fn encoder(&self) -> Option<Arc<Encoder>> {
        self.loaded
            .get_or_init(|| {
                let path = self.places.iter().find(|p| p.is_file())?;
                let loaded = std::fs::read(path)
                    .map_err(|e| e.to_string())
                    .and_then(|bytes| Encoder::from_bytes(&bytes).map_err(|e| e.to_string()));
                match loaded {
                    Ok(encoder) => {
                        eprintln!("parallax-app: sentence model {}", path.display());
                        Some(Arc::new(encoder))
                    }
                    Err(error) => {
                        eprintln!(
                            "parallax-app: the sentence model {} did not load: {error}",
                            path.display()
                        );
                        None
                    }
                }
            })
            .clone()
    }
}

/// Stored vectors for each `(article id, body)` from this model, `None` where missing or stale.
pub async fn stored(
    store: &Store,
    articles: &[(i64, &str)],
) -> Result<Vec<Option<SentenceVectors>>, parallax_store::StoreError> {
    let mut out = Vec::with_capacity(articles.len());
    for &(id, body) in articles {
        out.push(store.sentence_vectors(id, body, MODEL_NAME).await?);
    }
    Ok(out)
}

/// Attaches `stored` vectors to `doc` (when they fit its sentences), or encodes new ones;
/// returns the document and the vectors it had to compute (to be stored).
pub fn attach(
    encoder: &Encoder,
    mut doc: Document,
    stored: Option<SentenceVectors>,
) -> (Document, Option<SentenceVectors>) {
    let (vectors, fresh) = match stored.filter(|v| v.len() == doc.sentences.len()) {
        Some(vectors) => (vectors, false),
        None => (encoder.encode_document(&doc), true),
    };
    let computed = fresh.then(|| vectors.clone());
    doc.meaning = Some(vectors);
    (doc, computed)
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
