//! The versioned JSON shape of comparison results (`parallax.compare/2`), as printed by
//! `parallax … --json` and saved by exports: one envelope around the result of each analysis.
//!
//! Version 2 (from version 1): `options.by`, the envelope's `semantic` flag, each pair's `lexical`
//! and `semantic` scores, the `translated` class and its count in `stats`.
//!
//! ```text
//! {
//!   "schema":  "parallax.compare/2",          // bumped on any incompatible change
//!   "command": "compare" | "collate" | "quotes" | "terms" | "revision",
//!   "options": { "ignore_case", "ignore_punctuation", "ignore_whitespace", "threshold",
//!                "by": "words" | "meaning", … },
//!   "semantic": true | false,                  // whether sentences were paired by meaning too
//!   "reports": [ { "index", "source", "title", "outlet", "lang", "sentences", "words" } ],
//!   "result":  …                               // per command, below
//! }
//! ```
//! Byte ranges are `{"start": s, "end": e}` into the report's body (paragraphs joined by a blank
//! line; the title is not part of the body). Sentence numbers count from 0 in body order.
//!
//! - **revision** — [`RevisionView`]: `changes` in the new version's order, each `{ "kind":
//!   "addition"|"deletion"|"edit"|"move", "level": "paragraph"|"sentence", "old": range,
//!   "new": range, "old_text", "new_text", "ops": [op with texts], "substance": {"score",
//!   "reasons"} }` (ranges index the old and new bodies), `ranked` (indices, most substantial
//!   first) and `stats`.
//! - **compare** — [`PairView`]s: `{ "class": "identical"|"changed"|"moved"|"translated",
//!   "edited", "similarity" (the score the pair was chosen by), "lexical" (word overlap, 0–1),
//!   "semantic" (cosine of the sentence vectors, or null when paired by words), "a": Side, "b": Side, "ops": [ {"kind":
//!   "equal"|"delete"|"insert"|"replace", "a": range, "b": range, "a_text", "b_text"} ] }` where a
//!   `Side` is `{ "sentences": [i], "range", "text" }`; and `unique`: `[{ "report", "sentence",
//!   "range", "text" }]`. Every pair carries both sentences' text and byte ranges.
//! - **collate** — [`super::collate::Collation`]: `claims` (`representative`, `text`, `cells`
//!   per report — `null` when the report omits the claim, else `{sentences, range, text,
//!   wording: "representative"|"same"|"different"}` — and `carried_by`) and per-report `coverage`.
//! - **quotes** — [`super::quotes::QuoteComparison`]: `quotes` (`report`, `text`, `range`,
//!   `outer`, `mark`, `sentence`, `speaker`, `group`) and `groups` (`quotes`,
//!   `worded_differently`, `variants` with `basis`, `overlap` and word `ops`).
//! - **terms** — [`super::terms::Terms`]: per report `terms` (`text`, `words`, `count`,
//!   `count_elsewhere`, `log_odds`, `z`) and `substitutions` (`words`, `count`, `sites`).

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::align::Alignment;
use super::diff::{OpKind, WordOp};
use super::options::AlignOptions;
use super::revision::{ChangeKind, Level, Revision, RevisionStats, Substance};
use crate::text::Document;

/// The schema name and version every envelope carries.
pub const SCHEMA: &str = "parallax.compare/2";

/// The envelope around every result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    /// Always [`SCHEMA`].
    pub schema: String,
    pub command: String,
    pub options: AlignOptions,
    /// Whether sentences were paired by meaning as well as words (`false`: words alone, because
    /// the options asked for it or no sentence model was at hand).
    pub semantic: bool,
    pub reports: Vec<ReportInfo>,
    pub result: T,
}

impl<T> Envelope<T> {
    pub fn new(command: &str, options: &AlignOptions, reports: Vec<ReportInfo>, result: T) -> Self {
        Envelope {
            schema: SCHEMA.to_string(),
            command: command.to_string(),
            options: options.clone(),
            semantic: false,
            reports,
            result,
        }
    }

    /// The envelope saying whether sentences were paired by meaning.
    pub fn semantic(mut self, semantic: bool) -> Self {
        self.semantic = semantic;
        self
    }
}

/// What a report is and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportInfo {
    pub index: usize,
    /// The file path or library id it was loaded from.
    pub source: String,
    pub title: String,
    pub outlet: Option<String>,
    pub lang: Option<String>,
    pub sentences: usize,
    pub words: usize,
}

impl ReportInfo {
    /// Describes report `index` segmented as `doc`.
    pub fn new(
        index: usize,
        source: &str,
        title: &str,
        outlet: Option<&str>,
        doc: &Document,
    ) -> Self {
        ReportInfo {
            index,
            source: source.to_string(),
            title: title.to_string(),
            outlet: outlet.map(str::to_string),
            lang: doc.lang.clone(),
            sentences: doc.sentences.len(),
            words: doc.word_count(),
        }
    }
}

/// The alignment of two reports with every text spelled out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlignmentView {
    pub pairs: Vec<PairView>,
    pub unique: Vec<UniqueView>,
    pub stats: AlignmentStats,
}

/// One side of a pair: its sentences, byte range and text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Side {
    pub sentences: Vec<usize>,
    pub range: Range<usize>,
    pub text: String,
}

/// An aligned pair with both texts and the word ops with their texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairView {
    pub class: super::align::PairClass,
    pub edited: bool,
    pub similarity: f32,
    pub lexical: f32,
    pub semantic: Option<f32>,
    pub pinned: bool,
    pub a: Side,
    pub b: Side,
    pub ops: Vec<OpView>,
}

/// A word op with the text of both ranges.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpView {
    pub kind: OpKind,
    pub a: Range<usize>,
    pub b: Range<usize>,
    pub a_text: String,
    pub b_text: String,
}

/// A sentence found in one report only (`report` 0 = A, 1 = B).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UniqueView {
    pub report: usize,
    pub sentence: usize,
    pub range: Range<usize>,
    pub text: String,
}

/// Counts over an alignment.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct AlignmentStats {
    pub identical: usize,
    pub changed: usize,
    pub moved: usize,
    pub translated: usize,
    pub unique_a: usize,
    pub unique_b: usize,
    /// Share of A's sentences that are paired, `0..=1`.
    pub shared_a: f32,
    /// Share of B's sentences that are paired, `0..=1`.
    pub shared_b: f32,
}

impl AlignmentView {
    /// Spells out `alignment` of `a` and `b`.
    pub fn new(a: &Document, b: &Document, alignment: &Alignment) -> Self {
        let side = |doc: &Document, sentences: &[usize]| -> Side {
            let range = match (sentences.first(), sentences.last()) {
                (Some(&f), Some(&l)) => doc.sentences[f].range.start..doc.sentences[l].range.end,
                _ => 0..0,
            };
            Side {
                sentences: sentences.to_vec(),
                text: doc.body[range.clone()].to_string(),
                range,
            }
        };
        let op = |o: &WordOp| OpView {
            kind: o.kind,
            a: o.a.clone(),
            b: o.b.clone(),
            a_text: a.body[o.a.clone()].to_string(),
            b_text: b.body[o.b.clone()].to_string(),
        };
        let pairs: Vec<PairView> = alignment
            .pairs
            .iter()
            .map(|p| PairView {
                class: p.class,
                edited: p.edited,
                similarity: p.similarity,
                lexical: p.lexical,
                semantic: p.semantic,
                pinned: p.pinned,
                a: side(a, &p.a),
                b: side(b, &p.b),
                ops: p.ops.iter().map(op).collect(),
            })
            .collect();
        let unique_of = |report: usize, doc: &Document, list: &[usize]| -> Vec<UniqueView> {
            list.iter()
                .map(|&s| UniqueView {
                    report,
                    sentence: s,
                    range: doc.sentences[s].range.clone(),
                    text: doc.sentence_text(s).to_string(),
                })
                .collect()
        };
        let mut unique = unique_of(0, a, &alignment.unique_a);
        unique.extend(unique_of(1, b, &alignment.unique_b));
        let count = |class| alignment.pairs.iter().filter(|p| p.class == class).count();
        let share = |unique: usize, total: usize| {
            if total == 0 {
                0.0
            } else {
                (total - unique) as f32 / total as f32
            }
        };
        let stats = AlignmentStats {
            identical: count(super::align::PairClass::Identical),
            changed: count(super::align::PairClass::Changed),
            moved: count(super::align::PairClass::Moved),
            translated: count(super::align::PairClass::Translated),
            unique_a: alignment.unique_a.len(),
            unique_b: alignment.unique_b.len(),
            shared_a: share(alignment.unique_a.len(), a.sentences.len()),
            shared_b: share(alignment.unique_b.len(), b.sentences.len()),
        };
        AlignmentView {
            pairs,
            unique,
            stats,
        }
    }
}

/// A revision with every text spelled out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RevisionView {
    pub changes: Vec<ChangeView>,
    pub ranked: Vec<usize>,
    pub stats: RevisionStats,
}

/// One change between two versions, with the old and new text and the word ops' texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeView {
    pub kind: ChangeKind,
    pub level: Level,
    pub old: Range<usize>,
    pub new: Range<usize>,
    pub old_text: String,
    pub new_text: String,
    pub ops: Vec<OpView>,
    pub substance: Substance,
}

impl RevisionView {
    /// Spells out `revision` of `old` into `new` (the bodies it was computed from).
    pub fn new(old: &str, new: &str, revision: &Revision) -> Self {
        let changes = revision
            .changes
            .iter()
            .map(|c| ChangeView {
                kind: c.kind,
                level: c.level,
                old: c.old.clone(),
                new: c.new.clone(),
                old_text: old[c.old.clone()].to_string(),
                new_text: new[c.new.clone()].to_string(),
                ops: c
                    .ops
                    .iter()
                    .map(|o| OpView {
                        kind: o.kind,
                        a: o.a.clone(),
                        b: o.b.clone(),
                        a_text: old[o.a.clone()].to_string(),
                        b_text: new[o.b.clone()].to_string(),
                    })
                    .collect(),
                substance: c.substance.clone(),
            })
            .collect();
        RevisionView {
            changes,
            ranked: revision.ranked.clone(),
            stats: revision.stats.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::align;
    use crate::text::segment;

    #[test]
    fn pairs_carry_both_texts_and_ranges_that_slice_them() {
        let a = segment("Rebels took Dravik on Monday. Thousands fled.", Some("en"));
        let b = segment(
            "Thousands fled. Militants took Dravik on Monday.",
            Some("en"),
        );
        let view = AlignmentView::new(&a, &b, &align(&a, &b, &AlignOptions::default()));
        assert_eq!(view.pairs.len(), 2);
        for p in &view.pairs {
            assert_eq!(a.body[p.a.range.clone()], p.a.text);
            assert_eq!(b.body[p.b.range.clone()], p.b.text);
            for op in &p.ops {
                assert_eq!(a.body[op.a.clone()], op.a_text);
                assert_eq!(b.body[op.b.clone()], op.b_text);
            }
        }
        let json = serde_json::to_value(Envelope::new(
            "compare",
            &AlignOptions::default(),
            Vec::new(),
            view,
        ))
        .expect("serializes");
        assert_eq!(json["schema"], SCHEMA);
        assert_eq!(json["result"]["pairs"][0]["a"]["range"]["start"], 0);
    }
}
