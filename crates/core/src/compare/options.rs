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

/// How two reports are aligned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AlignOptions {
    pub ignore_case: bool,
    pub ignore_punctuation: bool,
    pub ignore_whitespace: bool,
    /// Minimum similarity (0..=1, IDF-weighted Dice of word stems) for two sentences to be paired.
    pub threshold: f32,
    /// `(a sentence, b sentence)` links a person made: always paired, whatever their similarity.
    /// Out-of-range links and links reusing a sentence already pinned are ignored.
    pub pinned: Vec<(usize, usize)>,
    /// `(a sentence, b sentence)` links a person removed: never paired (not even in a merge).
    pub unlinked: Vec<(usize, usize)>,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            ignore_case: false,
            ignore_punctuation: false,
            ignore_whitespace: false,
            threshold: 0.3,
            pinned: Vec::new(),
            unlinked: Vec::new(),
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
