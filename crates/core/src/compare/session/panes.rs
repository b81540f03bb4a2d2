//! The panes of a session: each report's sentences classed and cut into marked parts against its
//! reference pane, with their counterparts in every other pane and the header figures.

use super::links::class_of;
use super::model::{Counterpart, PaneModel, PaneStats, SentenceClass, SentenceModel};
use super::parts::{marked_parts, same, slice};
use std::ops::Range;

use crate::compare::provenance::SharedCopy;
use crate::compare::{Alignment, OpKind, PairClass};
use crate::text::lexicon;
use crate::text::{Document, TokenKind};

/// Languages written right to left (ISO 639-1/3 base codes), as the UI's `direction.ts` lists.
const RIGHT_TO_LEFT: &[&str] = &[
    "ar", "fa", "he", "iw", "ur", "ps", "sd", "ug", "yi", "dv", "ckb",
];

/// Whether text in `lang` runs right to left.
pub(super) fn is_rtl(lang: Option<&str>) -> bool {
    lang.and_then(|l| l.split(['-', '_']).next())
        .is_some_and(|base| RIGHT_TO_LEFT.contains(&base.to_ascii_lowercase().as_str()))
}

/// The alignment a pane is classed by, and which side of it the pane is.
pub(super) struct Reference<'a> {
    pub pane: usize,
    /// The reference pane's report.
    pub doc: &'a Document,
    pub alignment: &'a Alignment,
    /// The pane is side A of `alignment` (pane 0 against pane 1).
    pub is_a: bool,
}

/// Who a report is, as its pane header shows it.
pub(super) struct PaneHeader<'a> {
    pub title: &'a str,
    pub outlet: Option<&'a str>,
    pub published_at: Option<&'a str>,
}

/// Sentence-level correspondences across panes: `of[pane][sentence]` = sorted, deduplicated
/// `(other pane, other sentence)` pairs.
pub(super) struct Correspondences {
    of: Vec<Vec<Vec<(usize, usize)>>>,
}

impl Correspondences {
    pub fn new(docs: &[&Document]) -> Self {
        Correspondences {
            of: docs
                .iter()
                .map(|d| vec![Vec::new(); d.sentences.len()])
                .collect(),
        }
    }

    /// Records that sentences `xs` of pane `p` and `ys` of pane `q` correspond (both ways).
    pub fn add(&mut self, p: usize, xs: &[usize], q: usize, ys: &[usize]) {
        if p == q {
            return;
        }
        for &x in xs {
            for &y in ys {
                if x < self.of[p].len() && y < self.of[q].len() {
                    self.of[p][x].push((q, y));
                    self.of[q][y].push((p, x));
                }
            }
        }
    }

    fn finish(&mut self) {
        for pane in &mut self.of {
            for list in pane {
                list.sort_unstable();
                list.dedup();
            }
        }
    }
}

/// Builds every pane. `references[p]` is `None` only in a one-report session.
pub(super) fn panes(
    docs: &[&Document],
    headers: &[PaneHeader<'_>],
    references: &[Option<Reference<'_>>],
    mut correspondences: Correspondences,
    copy: &SharedCopy,
) -> Vec<PaneModel> {
    correspondences.finish();
    docs.iter()
        .enumerate()
        .map(|(p, doc)| {
            let mut sentences = sentences(doc, references[p].as_ref(), &correspondences.of[p]);
            for (sentence, copy_in) in sentences.iter_mut().zip(&copy.of[p]) {
                sentence.copy_in.clone_from(copy_in);
            }
            let stats = stats(doc, &sentences);
            PaneModel {
                pane: p,
                title: headers[p].title.to_string(),
                outlet: headers[p].outlet.map(str::to_string),
                published_at: headers[p].published_at.map(str::to_string),
                lang: doc.lang.clone(),
                rtl: is_rtl(doc.lang.as_deref()),
                reference: references[p].as_ref().map(|r| r.pane),
                sentences,
                stats,
            }
        })
        .collect()
}

fn sentences(
    doc: &Document,
    reference: Option<&Reference<'_>>,
    correspondences: &[Vec<(usize, usize)>],
) -> Vec<SentenceModel> {
    let n = doc.sentences.len();
    let pair_of = match reference {
        Some(r) if r.is_a => r.alignment.pair_of_a(n),
        Some(r) => r.alignment.pair_of_b(n),
        None => vec![None; n],
    };
    doc.sentences
        .iter()
        .enumerate()
        .map(|(i, sentence)| {
            let range = sentence.range.clone();
            let linked = reference
                .zip(pair_of[i])
                .map(|(r, k)| (r, &r.alignment.pairs[k]));
            let mut all_words = None;
            let (class, parts) = match linked {
                Some((r, pair)) if pair.class == PairClass::Translated => {
                    // Across languages no word diff means anything: only the numbers this
                    // sentence has and its counterpart lacks are marked.
                    let other = if r.is_a { &pair.b } else { &pair.a };
                    let differs = numbers_missing_from(doc, &[i], r.doc, other);
                    (
                        class_of(pair.class),
                        marked_parts(&doc.body, &range, differs),
                    )
                }
                Some((r, pair)) => {
                    let differs: Vec<Range<usize>> = pair
                        .ops
                        .iter()
                        .filter(|op| op.kind != OpKind::Equal)
                        .map(|op| if r.is_a { op.a.clone() } else { op.b.clone() })
                        .collect();
                    let full = marked_parts(&doc.body, &range, differs.iter().cloned());
                    let parts = if is_reworded(doc, i, &differs) {
                        let other = if r.is_a { &pair.b } else { &pair.a };
                        all_words = Some(full);
                        marked_parts(
                            &doc.body,
                            &range,
                            substance_missing_from(doc, i, r.doc, other),
                        )
                    } else {
                        full
                    };
                    (class_of(pair.class), parts)
                }
                // Not in the reference pane: unique only when no other pane carries it either.
                None if !correspondences[i].is_empty() => {
                    (SentenceClass::Elsewhere, same(&slice(&doc.body, &range)))
                }
                None => (SentenceClass::Unique, same(&slice(&doc.body, &range))),
            };
            let mut counterparts: Vec<Counterpart> = Vec::new();
            for &(q, t) in &correspondences[i] {
                match counterparts.last_mut() {
                    Some(c) if c.pane == q => c.sentences.push(t),
                    _ => counterparts.push(Counterpart {
                        pane: q,
                        sentences: vec![t],
                    }),
                }
            }
            SentenceModel {
                index: i,
                paragraph: sentence.paragraph,
                start: range.start,
                end: range.end,
                class,
                parts,
                reworded: all_words.is_some(),
                all_words,
                found_in: counterparts.len(),
                counterparts,
                copy_in: Vec::new(),
            }
        })
        .collect()
}

/// Fewest words for a sentence to count as reworded (short ones keep every word marked).
const REWORDED_MIN_WORDS: usize = 6;
/// Share of a sentence's words that must differ from its counterpart's for it to read as
/// reworded rather than edited.
const REWORDED_SHARE: f32 = 0.5;

/// Whether most of sentence `i`'s words are among the `differs` ranges.
fn is_reworded(doc: &Document, i: usize, differs: &[Range<usize>]) -> bool {
    let words: Vec<&Range<usize>> = doc
        .sentence_tokens(i)
        .iter()
        .filter(|t| t.is_wordlike())
        .map(|t| &t.range)
        .collect();
    if words.len() < REWORDED_MIN_WORDS {
        return false;
    }
    let changed = words
        .iter()
        .filter(|w| differs.iter().any(|d| d.start <= w.start && w.end <= d.end))
        .count();
    changed as f32 >= REWORDED_SHARE * words.len() as f32
}

/// What differs in substance in sentence `i` of `doc` against `others` of `other_doc`: its
/// numbers (by digits, or written as words), names (capitalised words past the first) and
/// negations that the other sentences do not have.
fn substance_missing_from(
    doc: &Document,
    i: usize,
    other_doc: &Document,
    others: &[usize],
) -> Vec<Range<usize>> {
    let key = |d: &Document, t: &crate::text::Token| -> String {
        let text = &d.body[t.range.clone()];
        if t.kind == TokenKind::Number {
            text.chars().filter(char::is_ascii_digit).collect()
        } else {
            text.to_lowercase()
        }
    };
    let theirs: std::collections::HashSet<String> = others
        .iter()
        .flat_map(|&s| other_doc.sentence_tokens(s))
        .filter(|t| t.is_wordlike())
        .map(|t| key(other_doc, t))
        .collect();
    let tokens = doc.sentence_tokens(i);
    let first_word = tokens.iter().position(|t| t.kind == TokenKind::Word);
    let mut ranges: Vec<Range<usize>> = numbers_missing_from(doc, &[i], other_doc, others);
    for (k, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let text = &doc.body[t.range.clone()];
        // A sentence's first word is capitalised whatever it is: not a name by that.
        let is_name = Some(k) != first_word && text.chars().next().is_some_and(char::is_uppercase);
        let is_number = lexicon::is_quantity_word(&text.to_lowercase(), doc.lang.as_deref());
        let is_negation = lexicon::is_negation(&text.to_lowercase());
        if (is_name || is_number || is_negation) && !theirs.contains(&key(doc, t)) {
            ranges.push(t.range.clone());
        }
    }
    ranges.sort_by_key(|r| r.start);
    ranges
}

/// The byte ranges of the number tokens of `sentences` in `doc` whose value (digits only, so
/// "1.200" and "1,200" agree) none of `others` in `other_doc` carries.
pub(super) fn numbers_missing_from(
    doc: &Document,
    sentences: &[usize],
    other_doc: &Document,
    others: &[usize],
) -> Vec<Range<usize>> {
    let digits = |text: &str| -> String { text.chars().filter(char::is_ascii_digit).collect() };
    let numbers = |d: &Document, ss: &[usize]| -> Vec<(Range<usize>, String)> {
        ss.iter()
            .flat_map(|&s| d.sentence_tokens(s))
            .filter(|t| t.kind == TokenKind::Number)
            .map(|t| (t.range.clone(), digits(&d.body[t.range.clone()])))
            .filter(|(_, value)| !value.is_empty())
            .collect()
    };
    let theirs: Vec<String> = numbers(other_doc, others)
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    numbers(doc, sentences)
        .into_iter()
        .filter(|(_, value)| !theirs.contains(value))
        .map(|(range, _)| range)
        .collect()
}

fn stats(doc: &Document, sentences: &[SentenceModel]) -> PaneStats {
    let count = |class| sentences.iter().filter(|s| s.class == class).count();
    let shared = sentences.iter().filter(|s| s.found_in > 0).count();
    let copy: Vec<&SentenceModel> = sentences.iter().filter(|s| !s.copy_in.is_empty()).collect();
    let words_of = |s: &SentenceModel| {
        doc.sentence_tokens(s.index)
            .iter()
            .filter(|t| t.is_wordlike())
            .count()
    };
    let words: usize = sentences.iter().map(words_of).sum();
    let copy_words: usize = copy.iter().map(|s| words_of(s)).sum();
    PaneStats {
        copy: copy.len(),
        copy_share: if words == 0 {
            0.0
        } else {
            copy_words as f32 / words as f32
        },
        sentences: sentences.len(),
        words: doc.word_count(),
        shared,
        shared_share: if sentences.is_empty() {
            0.0
        } else {
            shared as f32 / sentences.len() as f32
        },
        unique: sentences.len() - shared,
        identical: count(SentenceClass::Identical),
        changed: count(SentenceClass::Changed),
        moved: count(SentenceClass::Moved),
        translated: count(SentenceClass::Translated),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_languages_are_known_by_their_base_code() {
        assert!(is_rtl(Some("ar")));
        assert!(is_rtl(Some("he-IL")));
        assert!(is_rtl(Some("FA")));
        assert!(!is_rtl(Some("en")));
        assert!(!is_rtl(Some("ru")));
        assert!(!is_rtl(None));
    }
}
