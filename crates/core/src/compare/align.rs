//! Non-monotone sentence alignment of two reports: IDF-weighted overlap scores on candidates from
//! an inverted index, a greedy maximum-weight 1:1 matching, 1:2 / 2:1 merges, an anchored pass
//! over the gaps between in-order pairs, moved pairs off a weighted longest increasing
//! subsequence, and a word diff per pair.
//!
//! **Score.** Each sentence is the set of stems of its words and numbers (a number's stem is its
//! value; between a Latin-script and a Cyrillic-script report a capitalized word is also a term
//! by its sound, `lexicon::sound_key`, so "Путина" meets "Putin"). A term's weight is its
//! inverse document frequency over the sentences of both reports, `ln(1 + N / df)`, a tenth of
//! that for stop words, three times that for numbers. Two sentences score the weighted Dice
//! coefficient `2·w(A∩B) / (w(A) + w(B))` in `0..=1`, symmetric by construction.
//!
//! **Candidates.** Never all pairs: each sentence looks up, in the other report's inverted index,
//! the few informative terms it shares with that report that are rarest there (stopping at terms
//! too common to discriminate), plus sentences of equal normalized text. Work is linear in the number of sentences for news-like text.
//!
//! **Matching.** Candidates at or above the threshold are taken greedily by score. Greedy is a
//! ½-approximation of the maximum-weight matching in theory; here it picks exactly the mutual best
//! matches that dominate news alignments, it is `O(E log E)`, deterministic, and symmetric: ties
//! are broken by `|i − j|` then `i + j`, and the only candidates sharing both values, `(i, j)` and
//! `(j, i)`, never compete for a sentence, so their order cannot change the outcome.
//!
//! **Merges.** A matched pair takes in an unmatched neighbour on either side when one outlet split
//! a sentence the other kept whole: when the merged sentence scores clearly better, or when the
//! neighbour's words lie mostly inside the other side's sentence and cover a part of it the pair's
//! own sentence lacks (by meaning, a long sentence's vector can stay closer to its first half than
//! to both halves together, so the score alone misses such splits; the neighbour scores at least
//! `MERGE_MIN_PART` with it, as in every merge), or, by meaning, when the two
//! sentences encoded as one text are closer to the other side's sentence than the pair's own
//! sentence alone and their lengths fit it better (a paraphrase or translation split in two: on
//! the development set recall 0.861 → 0.879 at the same precision). After the gap pass the links
//! take in their neighbours again by the same rules: the links the gaps gave, and those whose
//! neighbour the order prior freed; a pair the prior let go is no rival then.
//!
//! **Order prior.** By meaning, a pair off the reports' shared order (see Moved) is kept only when
//! it scores at least `Fusion::moved_min_score`, above the threshold: a reporter moving a
//! sentence is less likely than two reports keeping their order, so a move needs stronger
//! evidence (the sequential prior of CRF aligners, as one rule). On the development set this took
//! precision from 0.913 to 0.942 at the same recall; its sentences go back to the gap pass.
//!
//! **Gaps.** Between two consecutive in-order pairs (and before the first, after the last), the
//! sentences still unmatched on both sides are linked when they are each other's strictly best
//! match and share enough rare words, or by meaning come close enough (a sentence split in two
//! also by its two halves read as one), at a lower threshold (see `align/gaps.rs`): paraphrases
//! the agreed pairs around them vouch for.
//!
//! **Moved.** Among pairs ordered by their place in report A, those on a maximum-weight
//! increasing subsequence of B places (weight: text length, then a content hash, both symmetric)
//! stay in order; the others are `moved`. `O(n log n)` with a Fenwick tree.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::diff::{diff_spans, has_changes, OpKind, WordOp};
use super::options::{AlignOptions, MatchBy};
use super::overlap::for_each_common;
use crate::text::{fnv1a, lexicon, Document, FastMap, FastSet, TokenKind};
use score::Scorer;

/// The alignment of two reports, A and B.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Corresponding sentences, ordered by their first sentence in A.
    pub pairs: Vec<Pair>,
    /// Sentences of A with no counterpart in B, ascending.
    pub unique_a: Vec<usize>,
    /// Sentences of B with no counterpart in A, ascending.
    pub unique_b: Vec<usize>,
    /// Whether sentences were paired by meaning as well as words (both reports carried sentence
    /// vectors and the options asked for it); `false` means words alone.
    #[serde(default)]
    pub semantic: bool,
}

/// Sentences of A and B that say the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// One sentence index of A, or two adjacent ones (B kept whole what A split).
    pub a: Vec<usize>,
    /// One sentence index of B, or two adjacent ones.
    pub b: Vec<usize>,
    pub class: PairClass,
    /// Whether the word diff shows changes (also for moved pairs).
    pub edited: bool,
    /// The score the pair was chosen by, `0..=1` (pinned pairs may score below the threshold):
    /// the word overlap, fused with the meaning when the alignment is semantic.
    pub similarity: f32,
    /// IDF-weighted overlap of the stems, `0..=1`.
    #[serde(default)]
    pub lexical: f32,
    /// Cosine of the sentences' meaning vectors, when the alignment is semantic.
    #[serde(default)]
    pub semantic: Option<f32>,
    /// Whether a person pinned this link.
    pub pinned: bool,
    /// Word diff from the span of `a` (first sentence start to last sentence end) in A's body to
    /// the span of `b` in B's body.
    pub ops: Vec<WordOp>,
}

/// How a pair relates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PairClass {
    /// Equal after normalization and the options.
    Identical,
    /// In order, with word differences.
    Changed,
    /// Out of order relative to the other pairs (possibly also edited).
    Moved,
    /// The same claim in another language: paired by meaning, no word diff is meaningful.
    Translated,
}

impl Pair {
    /// The byte span of the pair's sentences in A's body.
    pub fn a_span(&self, a: &Document) -> Range<usize> {
        span(a, &self.a)
    }

    /// The byte span of the pair's sentences in B's body.
    pub fn b_span(&self, b: &Document) -> Range<usize> {
        span(b, &self.b)
    }

    /// The same pair seen from B.
    pub fn mirrored(&self) -> Pair {
        Pair {
            a: self.b.clone(),
            b: self.a.clone(),
            ops: self.ops.iter().map(WordOp::mirrored).collect(),
            ..self.clone()
        }
    }
}

impl Alignment {
    /// The alignment with A and B swapped, pairs reordered by their sentence in the new A.
    pub fn mirrored(&self) -> Alignment {
        let mut pairs: Vec<Pair> = self.pairs.iter().map(Pair::mirrored).collect();
        pairs.sort_by_key(|p| p.a[0]);
        Alignment {
            pairs,
            unique_a: self.unique_b.clone(),
            unique_b: self.unique_a.clone(),
            semantic: self.semantic,
        }
    }

    /// For each sentence of A, the pair it belongs to.
    pub fn pair_of_a(&self, a_sentences: usize) -> Vec<Option<usize>> {
        let mut out = vec![None; a_sentences];
        for (k, p) in self.pairs.iter().enumerate() {
            for &i in &p.a {
                out[i] = Some(k);
            }
        }
        out
    }

    /// For each sentence of B, the pair it belongs to.
    pub fn pair_of_b(&self, b_sentences: usize) -> Vec<Option<usize>> {
        let mut out = vec![None; b_sentences];
        for (k, p) in self.pairs.iter().enumerate() {
            for &j in &p.b {
                out[j] = Some(k);
            }
        }
        out
    }
}

fn span(doc: &Document, sentences: &[usize]) -> Range<usize> {
    match (sentences.first(), sentences.last()) {
        (Some(&f), Some(&l)) => doc.sentences[f].range.start..doc.sentences[l].range.end,
        _ => 0..0,
    }
}

/// Aligns the sentences of report `a` with those of report `b`. Deterministic, and symmetric:
/// `align(b, a, &opts.mirrored())` equals `align(a, b, opts).mirrored()` in pairs, classes and
/// similarities.
///
/// When both documents carry sentence vectors ([`Document::meaning`]) and `opts.by` is
/// [`MatchBy::Meaning`], pairs are scored by meaning as well as words (see `align/score.rs`) and
/// the result says so in [`Alignment::semantic`]; pairs across languages are `translated`.
pub fn align(a: &Document, b: &Document, opts: &AlignOptions) -> Alignment {
    let scorer = Scorer::new(a, b, opts.by == MatchBy::Meaning, opts.fusion);
    align_scored(a, b, &scorer, opts)
}

/// Terms of every sentence of A and B with their IDF weights: the scoring model of one alignment.
pub(crate) struct SentenceTerms {
    /// Sorted unique term ids per sentence of A.
    pub a: Vec<Vec<u32>>,
    /// Sorted unique term ids per sentence of B.
    pub b: Vec<Vec<u32>>,
    /// Weight per term id.
    pub weight: Vec<f64>,
    /// Whether a term is a stop word (not indexed).
    pub stop: Vec<bool>,
    /// Total weight per sentence.
    pub total_a: Vec<f64>,
    pub total_b: Vec<f64>,
}

const STOP_WEIGHT: f64 = 0.1;
/// Numbers weigh this many times their IDF: a figure two reports share (a toll, a count, a
/// year) says more about correspondence than a shared word, and one they differ on says the
/// sentences are not the same claim as surely.
const NUMBER_WEIGHT: f64 = 3.0;

impl SentenceTerms {
    pub(crate) fn build(a: &Document, b: &Document) -> SentenceTerms {
        // Provisional ids in order of appearance, then ids in stem order, so ids (and float sums
        // in id order) do not depend on which report comes first.
        // Across the Latin and Cyrillic scripts a name is also a term by its sound.
        let names = [sound_keys(a, b), sound_keys(b, a)];
        let mut provisional: FastMap<&str, u32> = FastMap::default();
        let mut stems: Vec<(&str, bool, bool)> = Vec::new();
        let mut raw: [Vec<Vec<u32>>; 2] = [Vec::new(), Vec::new()];
        for (side, doc) in [a, b].into_iter().enumerate() {
            raw[side] = (0..doc.sentences.len())
                .map(|i| {
                    let words = doc
                        .sentence_tokens(i)
                        .iter()
                        .filter(|t| t.kind != TokenKind::Punct)
                        .map(|t| (t.stem.as_str(), t.stop, t.kind == TokenKind::Number));
                    let sounds = names[side]
                        .get(i)
                        .into_iter()
                        .flatten()
                        .map(|key| (key.as_str(), false, false));
                    words
                        .chain(sounds)
                        .map(|(term, stop, number)| {
                            let next = stems.len() as u32;
                            let id = *provisional.entry(term).or_insert(next);
                            if id == next {
                                stems.push((term, stop, number));
                            } else {
                                stems[id as usize].1 |= stop;
                                stems[id as usize].2 |= number;
                            }
                            id
                        })
                        .collect()
                })
                .collect();
        }
        let mut order: Vec<u32> = (0..stems.len() as u32).collect();
        order.sort_unstable_by_key(|&k| stems[k as usize].0);
        let mut rank = vec![0u32; stems.len()];
        for (r, &k) in order.iter().enumerate() {
            rank[k as usize] = r as u32;
        }
        let stop: Vec<bool> = order.iter().map(|&k| stems[k as usize].1).collect();
        let number: Vec<bool> = order.iter().map(|&k| stems[k as usize].2).collect();
        let [ra, rb] = raw;
        let remap = |sets: Vec<Vec<u32>>| -> Vec<Vec<u32>> {
            sets.into_iter()
                .map(|mut v| {
                    for t in v.iter_mut() {
                        *t = rank[*t as usize];
                    }
                    v.sort_unstable();
                    v.dedup();
                    v
                })
                .collect()
        };
        let sa = remap(ra);
        let sb = remap(rb);
        let mut df = vec![0u32; stop.len()];
        for set in sa.iter().chain(&sb) {
            for &t in set {
                df[t as usize] += 1;
            }
        }
        let n = (sa.len() + sb.len()) as f64;
        let weight: Vec<f64> = df
            .iter()
            .zip(&stop)
            .zip(&number)
            .map(|((&d, &s), &num)| {
                let idf = (1.0 + n / f64::from(d.max(1))).ln();
                if s {
                    idf * STOP_WEIGHT
                } else if num {
                    idf * NUMBER_WEIGHT
                } else {
                    idf
                }
            })
            .collect();
        let total = |sets: &[Vec<u32>]| -> Vec<f64> {
            sets.iter()
                .map(|s| s.iter().map(|&t| weight[t as usize]).sum())
                .collect()
        };
        SentenceTerms {
            total_a: total(&sa),
            total_b: total(&sb),
            a: sa,
            b: sb,
            weight,
            stop,
        }
    }

    /// Weighted Dice of two sorted term sets with known totals.
    fn dice(&self, x: &[u32], tx: f64, y: &[u32], ty: f64) -> f32 {
        if tx + ty <= 0.0 {
            return 0.0;
        }
        let common = intersection_weight(x, y, &self.weight);
        (2.0 * common / (tx + ty)) as f32
    }

    /// Score of sentences `i` of A and `j` of B.
    pub(crate) fn score(&self, i: usize, j: usize) -> f32 {
        self.dice(&self.a[i], self.total_a[i], &self.b[j], self.total_b[j])
    }

    /// The weight of a term found in one sentence of each report: the unit of `informative_common`.
    fn rare_weight(&self) -> f64 {
        let n = (self.a.len() + self.b.len()) as f64;
        (1.0 + n / 2.0).ln()
    }

    /// Weight of the informative (non-stop) terms sentences `i` of A and `j` of B share.
    fn informative_common(&self, i: usize, j: usize) -> f64 {
        let mut sum = 0.0;
        for_each_common(&self.a[i], &self.b[j], |&t| {
            if !self.stop[t as usize] {
                sum += self.weight[t as usize];
            }
        });
        sum
    }

    /// How much of sentence `s`'s weight (of A when `of_a`) the other report's sentences
    /// `others` hold together: `w(s ∩ ∪ others) / w(s)`.
    pub(crate) fn covered(&self, of_a: bool, s: usize, others: &[usize]) -> f32 {
        let (x, total, theirs) = if of_a {
            (&self.a[s], self.total_a[s], &self.b)
        } else {
            (&self.b[s], self.total_b[s], &self.a)
        };
        if total <= 0.0 {
            return 0.0;
        }
        let y = union(others.iter().map(|&o| theirs[o].as_slice()));
        (intersection_weight(x, &y, &self.weight) / total) as f32
    }

    /// Score of a group of A sentences against a group of B sentences (union of their terms).
    fn group_score(&self, is: &[usize], js: &[usize]) -> f32 {
        let x = union(is.iter().map(|&i| self.a[i].as_slice()));
        let y = union(js.iter().map(|&j| self.b[j].as_slice()));
        let tx = x.iter().map(|&t| self.weight[t as usize]).sum();
        let ty = y.iter().map(|&t| self.weight[t as usize]).sum();
        self.dice(&x, tx, &y, ty)
    }
}

/// Per sentence of `doc`, the sound keys of its capitalized words (marked apart from stems),
/// when `doc` and `other` are written one in Latin and one in Cyrillic letters; else nothing.
fn sound_keys(doc: &Document, other: &Document) -> Vec<Vec<String>> {
    let script = |d: &Document| d.lang.as_deref().and_then(lexicon::name_script);
    match (script(doc), script(other)) {
        (Some(x), Some(y)) if x != y => {}
        _ => return Vec::new(),
    }
    (0..doc.sentences.len())
        .map(|i| {
            doc.sentence_tokens(i)
                .iter()
                .filter(|t| t.kind == TokenKind::Word && !t.stop)
                .filter(|t| doc.body[t.range.clone()].starts_with(char::is_uppercase))
                .filter_map(|t| lexicon::sound_key(&t.stem))
                .map(|key| format!("\u{1}{key}"))
                .collect()
        })
        .collect()
}

fn intersection_weight(x: &[u32], y: &[u32], weight: &[f64]) -> f64 {
    let mut sum = 0.0;
    for_each_common(x, y, |&t| sum += weight[t as usize]);
    sum
}

fn union<'s>(sets: impl Iterator<Item = &'s [u32]>) -> Vec<u32> {
    let mut v: Vec<u32> = sets.flatten().copied().collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// How many of a sentence's rarest informative terms are looked up in the other report.
const LOOKUP_TERMS: usize = 4;
/// A term whose posting list in the other report is longer than this is skipped.
const MAX_POSTING: usize = 16;
/// A merge must beat the single pair's score by this much.
const MERGE_GAIN: f32 = 0.05;
/// The added sentence must itself score this much with the other side (also a split: a bare
/// name, a photo caption, lies inside any sentence naming that person).
const MERGE_MIN_PART: f32 = 0.1;
/// By meaning, a neighbour is merged when the two sentences read as one score at least this much
/// more cosine with the other side's sentence than the link's own sentence alone …
const JOINED_GAIN: f32 = 0.03;
/// … and the lengths fit at least this much better (in `|ln ratio|`, see [`length_fit_gain`]).
/// On the development set gains of 0.02–0.04 and length fits of 0.2–0.4 all find two or three
/// more halves of split sentences and no wrong pair.
const LENGTH_FIT_GAIN: f32 = 0.3;
/// A sentence split in two is merged without a better score when this share of the added
/// sentence's word weight lies in the other side's sentence …
const SPLIT_INSIDE: f32 = 0.7;
/// … and it covers at least this much more of the other side's sentence than the link's own
/// sentence did alone. (On the development set any values in 0.5–0.8 and 0.05–0.08 found the same
/// one more near-identical pair and no wrong one.)
const SPLIT_GAIN: f32 = 0.05;

/// Candidate pairs `(i, j)`, sorted and deduplicated.
fn candidates(a: &Document, b: &Document, terms: &SentenceTerms) -> Vec<(u32, u32)> {
    let index = |sets: &[Vec<u32>]| -> FastMap<u32, Vec<u32>> {
        let mut idx: FastMap<u32, Vec<u32>> = FastMap::default();
        for (s, set) in sets.iter().enumerate() {
            for &t in set.iter().filter(|&&t| !terms.stop[t as usize]) {
                idx.entry(t).or_default().push(s as u32);
            }
        }
        idx
    };
    let index_a = index(&terms.a);
    let index_b = index(&terms.b);
    let mut out: Vec<(u32, u32)> = Vec::new();
    let mut probe = |sets: &[Vec<u32>], other: &FastMap<u32, Vec<u32>>, flip: bool| {
        let mut rare: Vec<(usize, u32)> = Vec::new();
        for (s, set) in sets.iter().enumerate() {
            // The sentence's terms that the other report has, rarest there first.
            rare.clear();
            rare.extend(
                set.iter()
                    .filter(|&&t| !terms.stop[t as usize])
                    .filter_map(|&t| other.get(&t).map(|post| (post.len(), t))),
            );
            rare.sort_unstable();
            for &(len, t) in rare.iter().take(LOOKUP_TERMS) {
                if len > MAX_POSTING {
                    break;
                }
                for &o in &other[&t] {
                    out.push(if flip { (o, s as u32) } else { (s as u32, o) });
                }
            }
        }
    };
    probe(&terms.a, &index_b, false);
    probe(&terms.b, &index_a, true);
    // Sentences with the same normalized words (also those made only of stop words).
    let key = |doc: &Document, i: usize| -> u64 {
        let mut h = 0xcbf2_9ce4_8422_2325u64;
        for t in doc
            .sentence_tokens(i)
            .iter()
            .filter(|t| t.kind != TokenKind::Punct)
        {
            h = (h ^ fnv1a(t.norm.as_bytes())).wrapping_mul(0x0000_0100_0000_01b3);
        }
        h
    };
    let mut by_key: FastMap<u64, Vec<u32>> = FastMap::default();
    for i in 0..a.sentences.len() {
        by_key.entry(key(a, i)).or_default().push(i as u32);
    }
    for j in 0..b.sentences.len() {
        if let Some(is) = by_key.get(&key(b, j)) {
            for &i in is.iter().take(MAX_POSTING) {
                out.push((i, j as u32));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A pair under construction.
struct Link {
    a: Vec<usize>,
    b: Vec<usize>,
    score: f32,
    pinned: bool,
}

fn align_scored(a: &Document, b: &Document, scorer: &Scorer, opts: &AlignOptions) -> Alignment {
    let terms = &scorer.terms;
    let (na, nb) = (a.sentences.len(), b.sentences.len());
    let unlinked: FastSet<(usize, usize)> = opts.unlinked.iter().copied().collect();
    let mut used_a = vec![false; na];
    let mut used_b = vec![false; nb];
    let mut links: Vec<Link> = Vec::new();

    for &(i, j) in &opts.pinned {
        if i < na && j < nb && !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            links.push(Link {
                a: vec![i],
                b: vec![j],
                score: scorer.score(i, j),
                pinned: true,
            });
        }
    }

    let mut candidates = candidates(a, b, terms);
    if scorer.semantic() {
        candidates.extend(scorer.neighbours());
        candidates.sort_unstable();
        candidates.dedup();
    }
    // Every candidate scored once: the matching takes those at the threshold, and the merges
    // weigh every unmatched sentence's best (its rival).
    let all_scored: Vec<(f32, usize, usize)> = candidates
        .iter()
        .map(|&(i, j)| (i as usize, j as usize))
        .filter(|p| !unlinked.contains(p))
        .filter(|&(i, j)| {
            // Dice cannot exceed 2·min/(sum) of the totals: skip pairs too unequal in weight
            // (words alone; meaning can pair a short sentence with a long one).
            let (x, y) = (terms.total_a[i], terms.total_b[j]);
            scorer.semantic() || 2.0 * x.min(y) >= f64::from(opts.threshold) * (x + y)
        })
        .map(|(i, j)| (scorer.score(i, j), i, j))
        .collect();
    let mut scored: Vec<(f32, usize, usize)> = all_scored
        .iter()
        .copied()
        .filter(|&(s, _, _)| s >= opts.threshold && s > 0.0)
        .collect();
    scored.sort_unstable_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then_with(|| x.1.abs_diff(x.2).cmp(&y.1.abs_diff(y.2)))
            .then_with(|| (x.1 + x.2).cmp(&(y.1 + y.2)))
            .then_with(|| x.1.cmp(&y.1))
    });
    for (score, i, j) in scored {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            links.push(Link {
                a: vec![i],
                b: vec![j],
                score,
                pinned: false,
            });
        }
    }

    if scorer.semantic() {
        swap_crossed(scorer, opts.threshold, &unlinked, &mut links);
    }

    // Each unmatched sentence's best, among the sentences still unmatched when the merges run.
    let merge = |links: &mut [Link],
                 used_a: &mut [bool],
                 used_b: &mut [bool],
                 rejected: &FastSet<(usize, usize)>| {
        let rivals = Rivals::of(&all_scored, used_a, used_b, rejected);
        merge_neighbours(a, b, scorer, &unlinked, &rivals, links, used_a, used_b);
    };
    merge(&mut links, &mut used_a, &mut used_b, &FastSet::default());

    links.sort_by_key(|l| l.a[0]);
    let mut moved = moved_links(a, b, &links);
    let mut rejected: FastSet<(usize, usize)> = FastSet::default();
    if scorer.semantic() {
        let min = scorer.fusion().moved_min_score;
        let weak = |l: &Link, moved: bool| moved && !l.pinned && l.score < min;
        if links.iter().zip(&moved).any(|(l, &m)| weak(l, m)) {
            let mut kept = Vec::with_capacity(links.len());
            for (l, m) in links.into_iter().zip(moved) {
                if weak(&l, m) {
                    rejected.extend(l.a.iter().flat_map(|&i| l.b.iter().map(move |&j| (i, j))));
                    l.a.iter().for_each(|&i| used_a[i] = false);
                    l.b.iter().for_each(|&j| used_b[j] = false);
                } else {
                    kept.push(l);
                }
            }
            links = kept;
            moved = moved_links(a, b, &links);
        }
    }
    let found = gaps::fill_gaps(
        scorer,
        opts.threshold,
        &candidates,
        &unlinked,
        &links,
        &moved,
        &mut used_a,
        &mut used_b,
    );
    // The links the gaps gave take in their split halves too, as do those whose neighbours the
    // order prior freed; a pair the prior let go (off the order) is no rival then.
    links.extend(found);
    merge(&mut links, &mut used_a, &mut used_b, &rejected);
    links.sort_by_key(|l| l.a[0]);
    let moved = moved_links(a, b, &links);
    let diff_opts = opts.diff_options();
    let translated = scorer.cross_language();
    let pairs = links
        .into_iter()
        .zip(moved)
        .map(|(l, moved)| {
            // Across languages a word diff says nothing: the pair is one replacement.
            let ops = if translated {
                vec![WordOp {
                    kind: OpKind::Replace,
                    a: span(a, &l.a),
                    b: span(b, &l.b),
                }]
            } else {
                diff_spans(a, span(a, &l.a), b, span(b, &l.b), &diff_opts)
            };
            let edited = has_changes(&ops);
            let lexical = scorer.lexical_group(&l.a, &l.b);
            let semantic = scorer.cosine_group(&l.a, &l.b);
            let class = if translated {
                PairClass::Translated
            } else if moved {
                PairClass::Moved
            } else if edited {
                PairClass::Changed
            } else {
                PairClass::Identical
            };
            Pair {
                a: l.a,
                b: l.b,
                class,
                edited,
                similarity: l.score,
                lexical,
                semantic,
                pinned: l.pinned,
                ops,
            }
        })
        .collect();
    Alignment {
        pairs,
        unique_a: (0..na).filter(|&i| !used_a[i]).collect(),
        unique_b: (0..nb).filter(|&j| !used_b[j]).collect(),
        semantic: scorer.semantic(),
    }
}

/// Links the greedy matching is not asked to compare: above this many, no swaps are tried.
const MAX_SWAP_LINKS: usize = 400;
/// At most this many swaps (each gains, so the loop ends anyway; this bounds the work).
const MAX_SWAPS: usize = 64;
/// A swap must gain this much in summed score.
const SWAP_GAIN: f32 = 0.02;

/// Undoes the greedy matching's one typical mistake by meaning: a headline and a lead that say
/// nearly the same, each paired with the other's counterpart because one cross pair scored
/// highest. Two 1:1 links `(i, j)`, `(k, l)` become `(i, l)`, `(k, j)` when that sums to clearly
/// more (both above the threshold), best gain first, until no swap gains.
fn swap_crossed(
    scorer: &Scorer,
    threshold: f32,
    unlinked: &FastSet<(usize, usize)>,
    links: &mut [Link],
) {
    if links.len() > MAX_SWAP_LINKS {
        return;
    }
    for _ in 0..MAX_SWAPS {
        let mut best: Option<(f32, usize, usize, f32, f32)> = None;
        for x in 0..links.len() {
            for y in x + 1..links.len() {
                let (p, q) = (&links[x], &links[y]);
                if p.pinned
                    || q.pinned
                    || p.a.len() > 1
                    || p.b.len() > 1
                    || q.a.len() > 1
                    || q.b.len() > 1
                {
                    continue;
                }
                let (i, j, k, l) = (p.a[0], p.b[0], q.a[0], q.b[0]);
                if unlinked.contains(&(i, l)) || unlinked.contains(&(k, j)) {
                    continue;
                }
                let (il, kj) = (scorer.score(i, l), scorer.score(k, j));
                if il < threshold || kj < threshold {
                    continue;
                }
                let gain = il + kj - p.score - q.score;
                if gain > SWAP_GAIN && best.is_none_or(|b| gain > b.0) {
                    best = Some((gain, x, y, il, kj));
                }
            }
        }
        let Some((_, x, y, il, kj)) = best else {
            return;
        };
        let (jx, jy) = (links[x].b[0], links[y].b[0]);
        links[x].b = vec![jy];
        links[x].score = il;
        links[y].b = vec![jx];
        links[y].score = kj;
    }
}

/// A proposal to extend a 1:1 link with an unmatched neighbour on one side.
struct Merge {
    link: usize,
    side_a: bool,
    added: usize,
    gain: f32,
    score: f32,
    tie: (usize, usize, usize, u64),
}

/// Each unmatched sentence's best score with an unmatched sentence of the other report (among the
/// candidates): a merge must not take in a sentence that has a partner of its own to wait for.
/// A score below `MERGE_MIN_PART`, the least any merged sentence but a half read by meaning must
/// score with its link, is no partner: a wire lead's toll, split off, faintly resembles the other
/// report's headline ("At least 207 were killed …" / "Deadly quake kills more than 200 …", 0.08)
/// and would otherwise stay out of the lead's pair.
struct Rivals {
    a: Vec<f32>,
    b: Vec<f32>,
}

impl Rivals {
    fn of(
        scored: &[(f32, usize, usize)],
        used_a: &[bool],
        used_b: &[bool],
        rejected: &FastSet<(usize, usize)>,
    ) -> Rivals {
        let mut rivals = Rivals {
            a: vec![0.0; used_a.len()],
            b: vec![0.0; used_b.len()],
        };
        for &(score, i, j) in scored {
            if used_a[i] || used_b[j] || rejected.contains(&(i, j)) || score < MERGE_MIN_PART {
                continue;
            }
            rivals.a[i] = rivals.a[i].max(score);
            rivals.b[j] = rivals.b[j].max(score);
        }
        rivals
    }
}

#[allow(clippy::too_many_arguments)] // the alignment state, passed apart to keep borrows simple
fn merge_neighbours(
    a: &Document,
    b: &Document,
    scorer: &Scorer,
    unlinked: &FastSet<(usize, usize)>,
    rivals: &Rivals,
    links: &mut [Link],
    used_a: &mut [bool],
    used_b: &mut [bool],
) {
    let mut proposals: Vec<Merge> = Vec::new();
    for (k, l) in links.iter().enumerate() {
        if l.pinned || l.a.len() > 1 || l.b.len() > 1 {
            continue;
        }
        let (i, j) = (l.a[0], l.b[0]);
        let tie_base = (i.abs_diff(j), i + j);
        for (side_a, added) in [
            (true, i.wrapping_sub(1)),
            (true, i + 1),
            (false, j.wrapping_sub(1)),
            (false, j + 1),
        ] {
            let (part, merged, text) = if side_a {
                if added >= used_a.len() || used_a[added] || unlinked.contains(&(added, j)) {
                    continue;
                }
                let mut is = vec![i, added];
                is.sort_unstable();
                (
                    scorer.score(added, j),
                    scorer.group_score(&is, &[j]),
                    a.sentence_text(added),
                )
            } else {
                if added >= used_b.len() || used_b[added] || unlinked.contains(&(i, added)) {
                    continue;
                }
                let mut js = vec![j, added];
                js.sort_unstable();
                (
                    scorer.score(i, added),
                    scorer.group_score(&[i], &js),
                    b.sentence_text(added),
                )
            };
            let rival = if side_a {
                rivals.a[added]
            } else {
                rivals.b[added]
            };
            // One report split in two what the other kept whole: the added sentence lies mostly
            // inside the other side's, and brings the part of it the link's own sentence lacks.
            // (A headline inside a lead brings nothing the lead's partner lacks.)
            let split = {
                let terms = &scorer.terms;
                let (inside, gain) = if side_a {
                    let both = [i.min(added), i.max(added)];
                    (
                        terms.covered(true, added, &[j]),
                        terms.covered(false, j, &both) - terms.covered(false, j, &[i]),
                    )
                } else {
                    let both = [j.min(added), j.max(added)];
                    (
                        terms.covered(false, added, &[i]),
                        terms.covered(true, i, &both) - terms.covered(true, i, &[j]),
                    )
                };
                inside >= SPLIT_INSIDE
                    && gain >= SPLIT_GAIN
                    && part >= MERGE_MIN_PART
                    && part >= rival
            };
            // (By words alone a merge's part and its rival come from the same overlap, which the
            // merge gain already weighs: there the rival counts for splits only.)
            let scores_better = part >= MERGE_MIN_PART
                && merged >= l.score + MERGE_GAIN
                && (part >= rival || !scorer.semantic());
            // By meaning: the two sentences read as one mean the other side's sentence better
            // than the link's own alone, and their lengths fit it better than one does.
            let joined = scorer.semantic() && part >= rival && {
                let first = if side_a { i.min(added) } else { j.min(added) };
                let other = if side_a { j } else { i };
                let single = scorer.cosine(i, j).unwrap_or(1.0);
                scorer
                    .joined_cosine(side_a, first, other)
                    .is_some_and(|cos| cos >= single + JOINED_GAIN)
                    && length_fit_gain(a, b, side_a, (i, j), text.len()) >= LENGTH_FIT_GAIN
            };
            if split || scores_better || joined {
                proposals.push(Merge {
                    link: k,
                    side_a,
                    added,
                    gain: merged - l.score,
                    // A split taken in on its words may score lower merged: the pair keeps the
                    // score it was chosen by.
                    score: merged.max(l.score),
                    tie: (tie_base.0, tie_base.1, added, fnv1a(text.as_bytes())),
                });
            }
        }
    }
    proposals.sort_by(|x, y| y.gain.total_cmp(&x.gain).then_with(|| x.tie.cmp(&y.tie)));
    let mut extended = vec![false; links.len()];
    for m in proposals {
        let used = if m.side_a { &mut *used_a } else { &mut *used_b };
        if extended[m.link] || used[m.added] {
            continue;
        }
        used[m.added] = true;
        extended[m.link] = true;
        let l = &mut links[m.link];
        let side = if m.side_a { &mut l.a } else { &mut l.b };
        side.push(m.added);
        side.sort_unstable();
        l.score = m.score;
    }
}

/// How much better the length of the link's sentence on the other side fits its own side's
/// sentence with `added_len` bytes added than without: `|ln r₁| − |ln r₂|`, where `r` is the
/// other side's share of its report's length over this side's share of its own (Gale and
/// Church's length prior: corresponding text keeps a steady length ratio, also across
/// languages). Written from the side that grows, so that both orders of A and B compute the
/// same numbers.
fn length_fit_gain(
    a: &Document,
    b: &Document,
    side_a: bool,
    (i, j): (usize, usize),
    added_len: usize,
) -> f32 {
    let share = |doc: &Document, len: usize| len.max(1) as f64 / doc.body.len().max(1) as f64;
    let (own, own_doc, other) = if side_a {
        (
            a.sentence_text(i).len(),
            a,
            share(b, b.sentence_text(j).len()),
        )
    } else {
        (
            b.sentence_text(j).len(),
            b,
            share(a, a.sentence_text(i).len()),
        )
    };
    let before = (other / share(own_doc, own)).ln().abs();
    let after = (other / share(own_doc, own + added_len)).ln().abs();
    (before - after) as f32
}

/// Which links (sorted by their first A sentence) are off the heaviest increasing chain of B
/// positions.
fn moved_links(a: &Document, b: &Document, links: &[Link]) -> Vec<bool> {
    let n = links.len();
    let nb = b.sentences.len();
    let weight = |l: &Link| -> u128 {
        let (sa, sb) = (span(a, &l.a), span(b, &l.b));
        let len = (sa.len() + sb.len()) as u128;
        let hash = fnv1a(&a.body.as_bytes()[sa]).wrapping_add(fnv1a(&b.body.as_bytes()[sb]));
        (len << 96) | u128::from(hash)
    };
    // Fenwick tree over B positions holding (best chain weight ending at or before, link index).
    let mut tree: Vec<(u128, usize)> = vec![(0, usize::MAX); nb + 1];
    let mut best: Vec<u128> = vec![0; n];
    let mut prev: Vec<usize> = vec![usize::MAX; n];
    for (k, l) in links.iter().enumerate() {
        let pos = l.b[0];
        // Query the best chain over B positions < pos.
        let (mut q, mut at) = ((0u128, usize::MAX), pos);
        while at > 0 {
            if tree[at].0 > q.0 {
                q = tree[at];
            }
            at &= at - 1;
        }
        best[k] = q.0 + weight(l);
        prev[k] = q.1;
        let mut at = pos + 1;
        while at <= nb {
            if best[k] > tree[at].0 {
                tree[at] = (best[k], k);
            }
            at += at & at.wrapping_neg();
        }
    }
    let mut moved = vec![true; n];
    let mut k = (0..n).max_by(|&x, &y| best[x].cmp(&best[y]).then(y.cmp(&x)));
    while let Some(i) = k.filter(|&i| i != usize::MAX) {
        moved[i] = false;
        k = Some(prev[i]);
    }
    moved
}

mod gaps;
mod score;
#[cfg(test)]
mod tests;
