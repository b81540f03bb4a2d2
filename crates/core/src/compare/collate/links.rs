//! Sentence links between every pair of N reports from one shared model, for collate: the same
//! scoring as [`crate::compare::align`] (IDF-weighted Dice of word stems, stop words at a tenth,
//! greedy 1:1 matching above the threshold, a neighbour merged in where one outlet split a
//! sentence) but with one vocabulary, one IDF over all reports and one inverted index, and no word
//! diffs. Pairwise `align` would rebuild its model and diff every pair N·(N−1)/2 times.
//!
//! Candidates come from an accumulator over the postings of each sentence's informative terms
//! (terms in more sentences than [`posting_cap`] are left to the exact score), pruned by an
//! upper bound before the exact score is computed.
//!
//! By meaning (every report carries sentence vectors, the options ask for it, and no two reports
//! are longer than ~1,200 sentences each — beyond that collate links by words), a pair of
//! reports also takes each sentence's nearest sentences of the other report as candidates (one
//! matrix product of their vectors), no candidate is pruned by the word bound, and the score is
//! the one `align` fuses ([`Fusion::fuse`]).

use std::collections::HashMap;

use crate::compare::options::{AlignOptions, Fusion, MatchBy, NEIGHBOUR_SEARCH_MAX_PAIRS};
use crate::compare::overlap;
use crate::text::{cosine_matrix, Document, TokenKind};

/// Weight of a stop word relative to its IDF (as in `align`).
const STOP_WEIGHT: f32 = 0.1;
/// A merge must beat the single pair's score by this much (as in `align`).
const MERGE_GAIN: f32 = 0.05;
/// The added sentence must itself overlap this much with the other side (as in `align`).
const MERGE_MIN_PART: f32 = 0.1;

/// A link between sentences (global node numbers) of two reports.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Link {
    pub score: f32,
    /// One node, or two adjacent ones of the same report.
    pub x: Vec<usize>,
    pub y: Vec<usize>,
}

/// Terms of every sentence of every report with global weights.
struct Model {
    sets: Vec<Vec<u32>>,
    weight: Vec<f32>,
    stop: Vec<bool>,
    total: Vec<f32>,
    /// Non-stop term → nodes holding it, ascending.
    postings: Vec<Vec<u32>>,
}

/// Longest posting list used to find candidates: terms in more sentences than this are too
/// common to point at a counterpart (they still count in the exact score).
fn posting_cap(reports: usize) -> usize {
    (8 * reports).max(64)
}

impl Model {
    fn build(reports: &[Document]) -> Model {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut stop: Vec<bool> = Vec::new();
        let mut sets: Vec<Vec<u32>> = Vec::new();
        for doc in reports {
            for s in 0..doc.sentences.len() {
                let mut set: Vec<u32> = doc
                    .sentence_tokens(s)
                    .iter()
                    .filter(|t| t.kind != TokenKind::Punct)
                    .map(|t| {
                        let next = ids.len() as u32;
                        let id = *ids.entry(t.stem.as_str()).or_insert(next);
                        if id as usize == stop.len() {
                            stop.push(t.stop);
                        } else {
                            stop[id as usize] |= t.stop;
                        }
                        id
                    })
                    .collect();
                set.sort_unstable();
                set.dedup();
                sets.push(set);
            }
        }
        let mut df = vec![0u32; stop.len()];
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); stop.len()];
        for (node, set) in sets.iter().enumerate() {
            for &t in set {
                df[t as usize] += 1;
                if !stop[t as usize] {
                    postings[t as usize].push(node as u32);
                }
            }
        }
        let n = sets.len() as f32;
        let weight: Vec<f32> = df
            .iter()
            .zip(&stop)
            .map(|(&d, &s)| {
                let idf = (1.0 + n / d.max(1) as f32).ln();
                if s {
                    idf * STOP_WEIGHT
                } else {
                    idf
                }
            })
            .collect();
        let total = sets
            .iter()
            .map(|s| s.iter().map(|&t| weight[t as usize]).sum())
            .collect();
        Model {
            sets,
            weight,
            stop,
            total,
            postings,
        }
    }

    fn dice_sets(&self, x: &[u32], tx: f32, y: &[u32], ty: f32) -> f32 {
        if tx + ty <= 0.0 {
            return 0.0;
        }
        let mut common = 0.0f32;
        overlap::for_each_common(x, y, |&t| common += self.weight[t as usize]);
        2.0 * common / (tx + ty)
    }

    fn dice(&self, x: usize, y: usize) -> f32 {
        self.dice_sets(&self.sets[x], self.total[x], &self.sets[y], self.total[y])
    }

    /// Score of a group of nodes against another (union of their terms).
    fn group_dice(&self, xs: &[usize], ys: &[usize]) -> f32 {
        let union = |nodes: &[usize]| -> Vec<u32> {
            let mut v: Vec<u32> = nodes
                .iter()
                .flat_map(|&n| self.sets[n].iter().copied())
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let (x, y) = (union(xs), union(ys));
        let total = |v: &[u32]| v.iter().map(|&t| self.weight[t as usize]).sum::<f32>();
        self.dice_sets(&x, total(&x), &y, total(&y))
    }
}

/// Links between the sentences of every pair of reports. `offset[r]` is report `r`'s first node,
/// `report_of[node]` its report.
pub(super) fn links(
    reports: &[Document],
    offset: &[usize],
    report_of: &[usize],
    opts: &AlignOptions,
) -> Vec<Link> {
    let threshold = opts.threshold;
    let by_meaning = opts.by == MatchBy::Meaning && carry_vectors(reports);
    let model = Model::build(reports);
    let nodes = model.sets.len();
    let n = reports.len();
    let cap = posting_cap(n);

    // Candidates per report pair (ri < rj), bucketed by ri·n + rj.
    let mut buckets: Vec<Vec<(f32, usize, usize)>> = vec![Vec::new(); n * n];
    let mut acc = vec![0.0f32; nodes];
    let mut touched: Vec<usize> = Vec::new();
    for x in 0..nodes {
        let rx = report_of[x];
        let mut unindexed = 0.0f32; // weight of x's terms not used to find candidates
        for &t in &model.sets[x] {
            let post = &model.postings[t as usize];
            if model.stop[t as usize] || post.len() > cap {
                unindexed += model.weight[t as usize];
                continue;
            }
            let w = model.weight[t as usize];
            // Only nodes of later reports: each report pair is visited once, from its first side.
            let from = post.partition_point(|&y| (y as usize) < offset[rx + 1]);
            for &y in &post[from..] {
                let y = y as usize;
                if acc[y] == 0.0 {
                    touched.push(y);
                }
                acc[y] += w;
            }
        }
        for &y in &touched {
            let bound = 2.0 * (acc[y] + unindexed) / (model.total[x] + model.total[y]);
            acc[y] = 0.0;
            if by_meaning {
                // Scored below with the meaning; the word bound says nothing about that.
                buckets[rx * n + report_of[y]].push((0.0, x, y));
                continue;
            }
            if bound < threshold {
                continue;
            }
            let score = model.dice(x, y);
            if score >= threshold && score > 0.0 {
                buckets[rx * n + report_of[y]].push((score, x, y));
            }
        }
        touched.clear();
    }

    if by_meaning {
        score_by_meaning(
            reports,
            offset,
            &model,
            &opts.fusion,
            threshold,
            &mut buckets,
        );
    }

    let mut out = Vec::new();
    let mut used = vec![usize::MAX; nodes]; // bucket number that used the node
    for (bucket, mut candidates) in buckets.into_iter().enumerate() {
        if candidates.is_empty() {
            continue;
        }
        let (ri, rj) = (bucket / n, bucket % n);
        let local = |node: usize| node - offset[report_of[node]];
        candidates.sort_unstable_by(|p, q| {
            let (pi, pj, qi, qj) = (local(p.1), local(p.2), local(q.1), local(q.2));
            q.0.total_cmp(&p.0)
                .then_with(|| pi.abs_diff(pj).cmp(&qi.abs_diff(qj)))
                .then_with(|| (pi + pj).cmp(&(qi + qj)))
                .then_with(|| pi.cmp(&qi))
        });
        let mut matched: Vec<Link> = Vec::new();
        for (score, x, y) in candidates {
            if used[x] != bucket && used[y] != bucket {
                used[x] = bucket;
                used[y] = bucket;
                matched.push(Link {
                    score,
                    x: vec![x],
                    y: vec![y],
                });
            }
        }
        merge_neighbours(
            &model,
            &mut matched,
            &mut used,
            bucket,
            (offset[ri]..offset[ri + 1], offset[rj]..offset[rj + 1]),
        );
        out.extend(matched);
    }
    out
}

/// Whether every report carries one vector per sentence, all of one dimension, and no two are so
/// long that searching their pairs by meaning would cost more than the rest of the collation
/// (then collate links by words, as it did).
fn carry_vectors(reports: &[Document]) -> bool {
    let dims: Vec<usize> = reports
        .iter()
        .filter_map(|d| d.meaning.as_ref().filter(|v| v.len() == d.sentences.len()))
        .map(|v| v.dim())
        .collect();
    let mut lengths: Vec<usize> = reports.iter().map(|d| d.sentences.len()).collect();
    lengths.sort_unstable_by(|x, y| y.cmp(x));
    let longest_pair = lengths.first().copied().unwrap_or(0) * lengths.get(1).copied().unwrap_or(0);
    dims.len() == reports.len()
        && dims.windows(2).all(|w| w[0] == w[1])
        && longest_pair <= NEIGHBOUR_SEARCH_MAX_PAIRS
}

/// Adds each sentence's nearest sentences by meaning to the candidates of every report pair and
/// gives every candidate its fused score, keeping those at or above `threshold`.
fn score_by_meaning(
    reports: &[Document],
    offset: &[usize],
    model: &Model,
    fusion: &Fusion,
    threshold: f32,
    buckets: &mut [Vec<(f32, usize, usize)>],
) {
    let n = reports.len();
    for ri in 0..n {
        for rj in ri + 1..n {
            let bucket = &mut buckets[ri * n + rj];
            let (Some(vi), Some(vj)) = (&reports[ri].meaning, &reports[rj].meaning) else {
                continue;
            };
            let (ni, nj) = (vi.len(), vj.len());
            let mut pairs: Vec<(usize, usize)> = bucket
                .iter()
                .map(|&(_, x, y)| (x - offset[ri], y - offset[rj]))
                .collect();
            // `carry_vectors` keeps every pair within NEIGHBOUR_SEARCH_MAX_PAIRS.
            let cos = cosine_matrix(vi, vj);
            let mut row: Vec<(f32, usize)> = Vec::new();
            for i in 0..ni {
                row.clear();
                row.extend((0..nj).map(|j| (cos[i * nj + j], j)));
                fusion.nearest(&mut row, |j| pairs.push((i, j)));
            }
            for j in 0..nj {
                row.clear();
                row.extend((0..ni).map(|i| (cos[i * nj + j], i)));
                fusion.nearest(&mut row, |i| pairs.push((i, j)));
            }
            pairs.sort_unstable();
            pairs.dedup();
            let cross = matches!(
                (&reports[ri].lang, &reports[rj].lang),
                (Some(a), Some(b)) if a != b
            );
            bucket.clear();
            for (i, j) in pairs {
                let (x, y) = (offset[ri] + i, offset[rj] + j);
                let score = fusion.fuse(model.dice(x, y), cos[i * nj + j], cross);
                if score >= threshold && score > 0.0 {
                    bucket.push((score, x, y));
                }
            }
        }
    }
}

/// Extends 1:1 links with an unmatched neighbouring sentence where that scores clearly better
/// (one outlet split what the other said in one sentence).
fn merge_neighbours(
    model: &Model,
    links: &mut [Link],
    used: &mut [usize],
    bucket: usize,
    ranges: (std::ops::Range<usize>, std::ops::Range<usize>),
) {
    let mut proposals: Vec<(f32, f32, usize, bool, usize)> = Vec::new(); // gain, score, link, x side, node
    for (k, l) in links.iter().enumerate() {
        let (x, y) = (l.x[0], l.y[0]);
        for (x_side, added) in [
            (true, x.wrapping_sub(1)),
            (true, x + 1),
            (false, y.wrapping_sub(1)),
            (false, y + 1),
        ] {
            let range = if x_side { &ranges.0 } else { &ranges.1 };
            if !range.contains(&added) || used[added] == bucket {
                continue;
            }
            let (part, merged) = if x_side {
                let mut xs = vec![x, added];
                xs.sort_unstable();
                (model.dice(added, y), model.group_dice(&xs, &[y]))
            } else {
                let mut ys = vec![y, added];
                ys.sort_unstable();
                (model.dice(x, added), model.group_dice(&[x], &ys))
            };
            if part >= MERGE_MIN_PART && merged >= l.score + MERGE_GAIN {
                proposals.push((merged - l.score, merged, k, x_side, added));
            }
        }
    }
    proposals.sort_by(|p, q| {
        q.0.total_cmp(&p.0)
            .then_with(|| (p.2, p.4).cmp(&(q.2, q.4)))
    });
    let mut extended = vec![false; links.len()];
    for (_, score, k, x_side, added) in proposals {
        if extended[k] || used[added] == bucket {
            continue;
        }
        extended[k] = true;
        used[added] = bucket;
        let l = &mut links[k];
        let side = if x_side { &mut l.x } else { &mut l.y };
        side.push(added);
        side.sort_unstable();
        l.score = score;
    }
}
