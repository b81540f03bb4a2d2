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
//!   unlinked }` (serde, `#[serde(default)]`); `.diff_options()` gives the [`DiffOptions`];
//!   `.mirrored()` swaps pins for the reports in the other order.
//! - [`revision`]`(old, new, lang, &DiffOptions) -> Revision`: versions of one article, from raw
//!   bodies (it segments only what changed). `Revision { changes, ranked, stats }`; a [`Change`]
//!   is an `Addition` / `Deletion` / `Edit` / `Move` at `Paragraph` or `Sentence` [`Level`], with
//!   byte ranges `old` and `new` (empty on the missing side, placed where the text was or would
//!   go), word `ops` for edits, and a [`Substance`] `{ score, reasons }`; `ranked` lists changes
//!   most substantial first (negation > number > quote > name > wording > move > typo >
//!   punctuation).
//! - [`facts`]`(&a, &b, &alignment) -> Vec<Discrepancy>`: numbers, dates, weekdays and names
//!   that differ inside aligned pairs, and counts of people in sentences the alignment left
//!   apart; [`extract_facts`]`(&doc, span)` lists the facts of a span.
//!
//! Everything is serde-serializable and deterministic. For benchmarks and bench-peers, the
//! doc-hidden `synth` module generates news-like inputs from a seed: `synth::report(seed,
//! words)`, `synth::report_sentences` + `synth::variant(&base, seed)` (another outlet's telling:
//! reworded, dropped, added, split sentences, moved paragraphs) + `synth::join`, and
//! `synth::revision_pair(seed, words)`.

mod align;
mod diff;
mod facts;
mod options;
pub(crate) mod overlap;
pub mod provenance;
mod revision;
#[doc(hidden)]
pub mod synth;

pub use align::{align, Alignment, Pair, PairClass};
pub use diff::{diff_sentences, diff_spans, diff_text_spans, has_changes, OpKind, WordOp};
pub use facts::{
    compare_facts, extract_facts, facts, Discrepancy, Fact, FactComparison, FactDiscrepancy,
    FactKind, FactSide,
};
pub use options::{AlignOptions, DiffOptions, Fusion, MatchBy};
pub use revision::{
    revision, Change, ChangeKind, Level, Reason, Revision, RevisionStats, Substance,
};
pub mod collate;
pub mod quotes;
pub mod schema;
pub mod session;
pub mod terms;
