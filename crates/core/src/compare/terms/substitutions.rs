//! Word substitutions inside aligned sentence pairs: where one report has "rebels" and the
//! corresponding sentence of another has "militants". Only single-word `Replace` ops between
//! content words count (not stop words, numbers or punctuation, and not two forms of one stem),
//! and only when the words around them are equal on both sides (an `Equal` op holding a word, or
//! the span's edge): a swap inside shared wording, not one step of a rewritten sentence.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::compare::diff::{OpKind, WordOp};
use crate::text::{Document, Token, TokenKind};

/// The most sites kept per substitution (the count still counts them all).
pub const MAX_SITES: usize = 50;

/// Two words that stand for each other in corresponding sentences of different reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Substitution {
    /// The two words, normalized, in alphabetical order ("militants", "rebels").
    pub words: [String; 2],
    /// How many aligned pairs show it.
    pub count: usize,
    /// Where (at most [`MAX_SITES`]).
    pub sites: Vec<SubstitutionSite>,
}

/// One place a substitution was seen: a word of one report and its counterpart in another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubstitutionSite {
    pub report_a: usize,
    /// The first sentence of the pair in report A.
    pub sentence_a: usize,
    /// The word's byte range in A's body.
    pub range_a: Range<usize>,
    /// The word as A wrote it.
    pub word_a: String,
    pub report_b: usize,
    pub sentence_b: usize,
    pub range_b: Range<usize>,
    pub word_b: String,
}

/// Collects substitutions from pairwise alignments, fed one at a time.
#[derive(Debug, Default)]
pub struct SubstitutionCollector {
    found: BTreeMap<(String, String), Substitution>,
}

impl SubstitutionCollector {
    /// Adds the substitutions in the word diff `ops` of a pair of corresponding spans: `(report,
    /// document, first sentence)` of side A, then of side B.
    pub fn add_pair(
        &mut self,
        side_a: (usize, &Document, usize),
        side_b: (usize, &Document, usize),
        ops: &[WordOp],
    ) {
        let ((i, a, sentence_a), (j, b, sentence_b)) = (side_a, side_b);
        for (k, op) in ops.iter().enumerate() {
            if op.kind != OpKind::Replace {
                continue;
            }
            let context = |neighbour: Option<&WordOp>| {
                neighbour.is_none_or(|n| {
                    n.kind == OpKind::Equal
                        && a.body[n.a.clone()].chars().any(char::is_alphanumeric)
                })
            };
            let before = k.checked_sub(1).and_then(|p| ops.get(p));
            if !context(before) || !context(ops.get(k + 1)) {
                continue;
            }
            let (Some(ta), Some(tb)) =
                (single_content_word(a, &op.a), single_content_word(b, &op.b))
            else {
                continue;
            };
            if ta.norm == tb.norm || ta.stem == tb.stem {
                continue;
            }
            let key = if ta.norm <= tb.norm {
                (ta.norm.clone(), tb.norm.clone())
            } else {
                (tb.norm.clone(), ta.norm.clone())
            };
            let entry = self
                .found
                .entry(key.clone())
                .or_insert_with(|| Substitution {
                    words: [key.0, key.1],
                    count: 0,
                    sites: Vec::new(),
                });
            entry.count += 1;
            if entry.sites.len() < MAX_SITES {
                entry.sites.push(SubstitutionSite {
                    report_a: i,
                    sentence_a,
                    range_a: op.a.clone(),
                    word_a: a.body[op.a.clone()].to_string(),
                    report_b: j,
                    sentence_b,
                    range_b: op.b.clone(),
                    word_b: b.body[op.b.clone()].to_string(),
                });
            }
        }
    }

    /// The substitutions, most frequent first (ties alphabetical).
    pub fn finish(self) -> Vec<Substitution> {
        let mut out: Vec<Substitution> = self.found.into_values().collect();
        out.sort_by(|x, y| y.count.cmp(&x.count).then_with(|| x.words.cmp(&y.words)));
        out
    }
}

/// The token covering exactly `range`, when it is one content word.
fn single_content_word<'d>(doc: &'d Document, range: &Range<usize>) -> Option<&'d Token> {
    let k = doc.tokens.partition_point(|t| t.range.start < range.start);
    let token = doc.tokens.get(k)?;
    (token.range == *range && token.kind == TokenKind::Word && !token.stop).then_some(token)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{align, AlignOptions};
    use crate::text::segment;

    fn substitutions(a: &str, b: &str) -> Vec<Substitution> {
        let (da, db) = (segment(a, Some("en")), segment(b, Some("en")));
        let mut collector = SubstitutionCollector::default();
        for pair in align(&da, &db, &AlignOptions::default()).pairs {
            collector.add_pair((0, &da, pair.a[0]), (1, &db, pair.b[0]), &pair.ops);
        }
        collector.finish()
    }

    #[test]
    fn a_loaded_word_swap_is_found_with_its_site() {
        let found = substitutions(
            "The rebels seized the river town of Dravik on Monday after heavy fighting.",
            "The militants seized the river town of Dravik on Monday after heavy fighting.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].words,
            ["militants".to_string(), "rebels".to_string()]
        );
        assert_eq!(found[0].sites[0].word_a, "rebels");
        assert_eq!(found[0].sites[0].word_b, "militants");
    }

    #[test]
    fn numbers_inflections_and_stop_words_are_not_substitutions() {
        let found = substitutions(
            "About 4,200 people fled the town of Dravik toward the capital on Monday.",
            "About 4,000 people fled a town of Dravik toward the capitals on Monday.",
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
