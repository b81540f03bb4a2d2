//! The comparison engine: align, diff, revision, collate, quotes, terms and facts over reports.
//!
//! # API at a glance
//! Inputs are [`Document`](crate::text::Document)s from [`crate::text::segment`]`(body, lang)`:
//! the body plus paragraphs → sentences → tokens, each with byte ranges into `doc.body`.
//!
//! - [`align`]`(&a, &b, &AlignOptions) -> Alignment`: non-monotone sentence alignment of two
//!   reports. `Alignment { pairs: Vec<Pair>, unique_a, unique_b }`; a [`Pair`] holds 1–2 sentence
//!   indices per side (`a`, `b`), a [`PairClass`] (`Identical` / `Changed` / `Moved`), `edited`,
//!   `similarity` (0..=1), `pinned`, and `ops`: the word diff as [`WordOp`]s
//!   `{ kind: Equal|Delete|Insert|Replace, a: byte range in a.body, b: byte range in b.body }`.
//!   `Alignment::mirrored()` swaps sides; `pair_of_a`/`pair_of_b` index sentences → pairs.
//! - [`diff_spans`]`(&a, a_range, &b, b_range, &DiffOptions)`, [`diff_sentences`] and
//!   [`diff_text_spans`] (raw text, no document: for quotes): word ops that tile both spans exactly.
//! - [`AlignOptions`] `{ ignore_case, ignore_punctuation, ignore_whitespace, threshold, pinned,
//!   unlinked }` (serde, `#[serde(default)]`); `.diff_options()` gives the [`DiffOptions`].
//!
//! For benchmarks and bench-peers, `synth` (doc-hidden) generates deterministic news-like reports.

mod align;
mod diff;
mod facts;
mod options;
mod revision;
#[doc(hidden)]
pub mod synth;

pub use align::{align, Alignment, Pair, PairClass};
pub use diff::{diff_sentences, diff_spans, diff_text_spans, has_changes, OpKind, WordOp};
pub use facts::{extract_facts, facts, Discrepancy, Fact, FactKind};
pub use options::{AlignOptions, DiffOptions};
pub use revision::{
    revision, Change, ChangeKind, Level, Reason, Revision, RevisionStats, Substance,
};
pub mod collate;
pub mod quotes;
pub mod schema;
pub mod terms;
