//! Options of a comparison: what differences to ignore, the similarity threshold, and the
//! links a person pinned or removed by hand.

use serde::{Deserialize, Serialize};

/// What the word diff treats as equal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct DiffOptions {
    /// "Police" equals "police".
    pub ignore_case: bool,
    /// Punctuation differences are not shown ("Smith's" vs "Smith’s" never is: quote, dash
    /// and apostrophe variants are always unified).
    pub ignore_punctuation: bool,
    /// A word break present in one text and absent in the other is not shown. (Whether a break is
    /// one space, several, a tab or a newline never counts.)
    pub ignore_whitespace: bool,
}

/// What pairs sentences.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum MatchBy {
    /// The rare words two sentences share.
    Words,
    /// Their meaning (sentence vectors) fused with the words they share.
    #[default]
    Meaning,
}

/// How two reports are aligned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AlignOptions {
    pub ignore_case: bool,
    pub ignore_punctuation: bool,
    pub ignore_whitespace: bool,
    /// Minimum similarity (0..=1, IDF-weighted Dice of word stems) for two sentences to be paired.
    pub threshold: f32,
    /// Whether sentences are paired by words alone or by meaning as well (when the reports carry
    /// sentence vectors; without them the alignment falls back to words and says so).
    pub by: MatchBy,
    /// `(a sentence, b sentence)` links a person made: always paired, whatever their similarity.
    /// Out-of-range links and links reusing a sentence already pinned are ignored.
    pub pinned: Vec<(usize, usize)>,
    /// `(a sentence, b sentence)` links a person removed: never paired (not even in a merge).
    pub unlinked: Vec<(usize, usize)>,
    /// How meaning and words are weighed (measured on the development set; `cargo xtask
    /// bench-quality --set` tries other values). Not part of a saved session.
    #[doc(hidden)]
    #[serde(skip)]
    pub fusion: Fusion,
}

/// Report pairs with more sentence pairs than this (two reports of ~1,200 sentences, ~25,000
/// words each) look for no nearest neighbours by meaning: the cosine of every pair is a matrix
/// product that grows with the square of the length (6×50,000 words took 6.5× the time by
/// words). Their candidates come from shared words alone and are still scored by meaning.
pub(crate) const NEIGHBOUR_SEARCH_MAX_PAIRS: usize = 1_500_000;

/// The constants of the fused score (see `align/score.rs`), tuned on the real-coverage development
/// set. Cosines are of USE-multilingual sentence vectors.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fusion {
    /// Within one language: the cosine at or below which two sentences count as unrelated …
    pub cos_floor: f32,
    /// … and at or above which they count as saying the same.
    pub cos_full: f32,
    /// The same across languages (cross-language cosines run lower).
    pub cross_cos_floor: f32,
    pub cross_cos_full: f32,
    /// Weight of word overlap in the fused score, within one language and across languages.
    pub lexical_share: f32,
    pub cross_lexical_share: f32,
    /// Nearest sentences by meaning each sentence proposes as candidates, and the cosine they need.
    pub neighbours: usize,
    pub candidate_cos: f32,
    /// The cosine at which meaning alone vouches for a pair between two agreed pairs, within one
    /// language and across languages.
    pub gap_cos: f32,
    pub cross_gap_cos: f32,
    /// The score a link off the reports' shared order (a moved sentence) needs: a move is less
    /// likely than keeping the order, so it takes stronger evidence than the threshold.
    pub moved_min_score: f32,
}

impl Default for Fusion {
    fn default() -> Self {
        Fusion {
            cos_floor: 0.35,
            cos_full: 0.85,
            cross_cos_floor: 0.3,
            cross_cos_full: 0.7,
            lexical_share: 0.5,
            cross_lexical_share: 0.35,
            neighbours: 3,
            candidate_cos: 0.45,
            gap_cos: 0.4,
            cross_gap_cos: 0.45,
            moved_min_score: 0.42,
        }
    }
}

impl Fusion {
    /// The fused score of two sentences from their word overlap and the cosine of their vectors,
    /// `cross` when their reports are in different languages.
    pub fn fuse(&self, lexical: f32, cos: f32, cross: bool) -> f32 {
        let share = if cross {
            self.cross_lexical_share
        } else {
            self.lexical_share
        };
        share * lexical + (1.0 - share) * self.meaning(cos, cross)
    }

    /// The cosine of two sentence vectors mapped onto `0..=1`: 0 at the floor (unrelated sentences
    /// of one event), 1 at the top (paraphrases and translations).
    pub fn meaning(&self, cos: f32, cross: bool) -> f32 {
        let (floor, full) = if cross {
            (self.cross_cos_floor, self.cross_cos_full)
        } else {
            (self.cos_floor, self.cos_full)
        };
        ((cos - floor) / (full - floor)).clamp(0.0, 1.0)
    }

    /// Calls `take` with the entries of `row` (cosine, sentence) among the [`Fusion::neighbours`]
    /// highest whose cosine reaches [`Fusion::candidate_cos`]: the candidates by meaning of one
    /// sentence. `row` is reordered.
    pub(crate) fn nearest(&self, row: &mut [(f32, usize)], mut take: impl FnMut(usize)) {
        let k = self.neighbours.min(row.len());
        if k == 0 {
            return;
        }
        if row.len() > k {
            row.select_nth_unstable_by(k - 1, |x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        }
        for &(cos, other) in &row[..k] {
            if cos >= self.candidate_cos {
                take(other);
            }
        }
    }

    /// Sets the constant named `name` (as in the struct) from `value`; false when unknown.
    #[doc(hidden)]
    pub fn set(&mut self, name: &str, value: f32) -> bool {
        match name {
            "cos_floor" => self.cos_floor = value,
            "cos_full" => self.cos_full = value,
            "cross_cos_floor" => self.cross_cos_floor = value,
            "cross_cos_full" => self.cross_cos_full = value,
            "lexical_share" => self.lexical_share = value,
            "cross_lexical_share" => self.cross_lexical_share = value,
            "neighbours" => self.neighbours = value.max(0.0) as usize,
            "candidate_cos" => self.candidate_cos = value,
            "gap_cos" => self.gap_cos = value,
            "cross_gap_cos" => self.cross_gap_cos = value,
            "moved_min_score" => self.moved_min_score = value,
            _ => return false,
        }
        true
    }
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            ignore_case: false,
            ignore_punctuation: false,
            ignore_whitespace: false,
            threshold: 0.3,
            by: MatchBy::Meaning,
            pinned: Vec::new(),
            unlinked: Vec::new(),
            fusion: Fusion::default(),
        }
    }
}

impl AlignOptions {
    /// The word-diff part of these options.
    pub fn diff_options(&self) -> DiffOptions {
        DiffOptions {
            ignore_case: self.ignore_case,
            ignore_punctuation: self.ignore_punctuation,
            ignore_whitespace: self.ignore_whitespace,
        }
    }

    /// The same options for the reports in the other order (pins and unlinks swapped).
    pub fn mirrored(&self) -> AlignOptions {
        let swap = |v: &[(usize, usize)]| v.iter().map(|&(a, b)| (b, a)).collect();
        AlignOptions {
            pinned: swap(&self.pinned),
            unlinked: swap(&self.unlinked),
            ..self.clone()
        }
    }
}
