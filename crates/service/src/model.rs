//! The sentence model under every face: found once (`PARALLAX_MODEL`, the app's resources, beside
//! the executable, or the build tree's `target/model/`), loaded on first use, and used to give each
//! compared article its sentence vectors — read from the library when stored, else encoded and
//! stored for next time.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use parallax_core::text::encoder::{model_places, Encoder, MODEL_NAME};
use parallax_core::text::{Document, SentenceVectors};
use parallax_store::{Store, StoreError};

/// The sentence model, loaded at most once.
#[derive(Debug, Default)]
pub struct SentenceModel {
    /// Where to look, in order.
    places: Vec<PathBuf>,
    loaded: OnceLock<Option<Arc<Encoder>>>,
    /// Who is loading it, for its one line on stderr ("parallax-app", "parallax").
    face: &'static str,
    /// Whether loading it is said on stderr (a failure always is).
    announce: bool,
}

impl SentenceModel {
    /// A model looked for in `resource_dir` (the app's bundled resources, if any) among the usual
    /// places; `face` names the program in what it says on stderr.
    pub fn new(face: &'static str, resource_dir: Option<&Path>) -> Self {
        let executable = std::env::current_exe().ok();
        let places = model_places(
            std::env::var_os("PARALLAX_MODEL").map(PathBuf::from),
            resource_dir,
            executable.as_deref().and_then(|exe| exe.parent()),
        );
        SentenceModel {
            places,
            loaded: OnceLock::new(),
            face,
            announce: true,
        }
    }

    /// The same model, loaded without a word on stderr unless it fails (for a command whose output
    /// is its result).
    pub fn quiet(mut self) -> Self {
        self.announce = false;
        self
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
                        if self.announce {
                            eprintln!("{}: sentence model {}", self.face, path.display());
                        }
                        Some(Arc::new(encoder))
                    }
                    Err(error) => {
                        eprintln!(
                            "{}: the sentence model {} did not load: {error}",
                            self.face,
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
) -> Result<Vec<Option<SentenceVectors>>, StoreError> {
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
