//! The anchored second pass of the aligner: between two consecutive in-order pairs, links the
//! remaining sentences that are each other's single best match at a lower threshold.
//!
//! Two reports that agree on the sentences around a gap usually tell the gap's content in the
//! same place too, in words that share too little to clear the main threshold (a paraphrase, a
//! quote translated another way). Inside each gap — the unmatched sentences of A and of B that lie
//! strictly between the same two anchors, with the starts and ends of the reports as anchors too —
//! a pair is linked when it scores at least [`GAP_THRESHOLD_SHARE`] of the threshold, shares
//! informative (non-stop) terms weighing more than two rare words ([`GAP_MIN_RARE_WORDS`]; one
//! when the gap holds a single sentence on each side, [`SINGLE_MIN_RARE_WORDS`]), and each
//! sentence is the other's strictly best match in the gap. Ties link nothing, so the pass is symmetric and
//! deterministic.
//!
//! By meaning, the cosine vouches instead of the shared words (`Fusion::gap_cos`). A sentence
//! one outlet split in two may have halves that each say too little of the whole to reach it:
//! then the two read as one text (their joined vector) vouch, and the pair takes in the other
//! half when it is still free in the gap (on the development set, with the merges that now also
//! run on the gaps' links, recall 0.879 → 0.908 at precision 0.950 → 0.946).
//!
//! Small gaps score every pair; larger ones only the candidates of the inverted index, so the
//! work stays linear in the candidates.

use super::score::Scorer;
use super::Link;
use super::JOINED_GAIN;
use crate::text::{FastMap, FastSet};

/// The gap threshold as a share of the main threshold.
const GAP_THRESHOLD_SHARE: f32 = 0.4;
/// Informative weight a pair in a larger gap must share, in rare words (the weight of a term
/// found once in each report): more than two, so two shared common nouns are not enough. A
/// shared number counts three times, as in the score.
const GAP_MIN_RARE_WORDS: f64 = 2.5;
/// The same for the lone sentences of a gap holding one sentence on each side: one rare word,
/// as their place already says they correspond (or a score at the main threshold, the pair the
/// index could not propose because it shares only stop words).
const SINGLE_MIN_RARE_WORDS: f64 = 1.0;
/// Gaps with at most this many sentence pairs score all of them, not only the candidates.
const GAP_ALL_PAIRS: usize = 64;

/// A sentence of A (`true`) or of B, by its index.
type Sentence = (bool, usize);

/// The gap each sentence lies in (`usize::MAX`: none, it is matched).
struct Gaps {
    of_a: Vec<usize>,
    of_b: Vec<usize>,
    /// Per gap: its unmatched sentences of A and of B.
    members: Vec<(Vec<usize>, Vec<usize>)>,
}

fn gaps(links: &[Link], moved: &[bool], used_a: &[bool], used_b: &[bool]) -> Gaps {
    let (na, nb) = (used_a.len(), used_b.len());
    // Anchors: the in-order links as (first A, last A, first B, last B), then the reports' ends.
    let mut bounds: Vec<(usize, usize)> = Vec::new(); // (A range start, B range start) per gap
    let mut ends: Vec<(usize, usize)> = Vec::new();
    let (mut a0, mut b0) = (0usize, 0usize);
    for (l, _) in links.iter().zip(moved).filter(|(_, &m)| !m) {
        let (a_first, a_last) = (l.a[0], l.a[l.a.len() - 1]);
        let (b_first, b_last) = (l.b[0], l.b[l.b.len() - 1]);
        bounds.push((a0, b0));
        ends.push((a_first, b_first));
        a0 = a_last + 1;
        b0 = b_last + 1;
    }
    bounds.push((a0, b0));
    ends.push((na, nb));
    let mut of_a = vec![usize::MAX; na];
    let mut of_b = vec![usize::MAX; nb];
    let mut members = Vec::with_capacity(bounds.len());
    for (g, (&(sa, sb), &(ea, eb))) in bounds.iter().zip(&ends).enumerate() {
        let ga: Vec<usize> = (sa..ea.max(sa)).filter(|&i| !used_a[i]).collect();
        let gb: Vec<usize> = (sb..eb.max(sb)).filter(|&j| !used_b[j]).collect();
        for &i in &ga {
            of_a[i] = g;
        }
        for &j in &gb {
            of_b[j] = g;
        }
        members.push((ga, gb));
    }
    Gaps {
        of_a,
        of_b,
        members,
    }
}

/// Links found in the gaps between in-order links. `links` is sorted by first A sentence and
/// `moved` says which are off the in-order chain; `candidates` are the index's pairs.
#[allow(clippy::too_many_arguments)] // the alignment state, passed apart to keep borrows simple
pub(super) fn fill_gaps(
    scorer: &Scorer,
    threshold: f32,
    candidates: &[(u32, u32)],
    unlinked: &FastSet<(usize, usize)>,
    links: &[Link],
    moved: &[bool],
    used_a: &mut [bool],
    used_b: &mut [bool],
) -> Vec<Link> {
    let gaps = gaps(links, moved, used_a, used_b);
    let mut pairs: Vec<(usize, usize)> = candidates
        .iter()
        .map(|&(i, j)| (i as usize, j as usize))
        .filter(|&(i, j)| gaps.of_a[i] != usize::MAX && gaps.of_a[i] == gaps.of_b[j])
        .collect();
    for (ga, gb) in &gaps.members {
        if !ga.is_empty() && !gb.is_empty() && ga.len() * gb.len() <= GAP_ALL_PAIRS {
            pairs.extend(ga.iter().flat_map(|&i| gb.iter().map(move |&j| (i, j))));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let min_score = threshold * GAP_THRESHOLD_SHARE;
    let terms = &scorer.terms;
    let rare_weight = terms.rare_weight();
    let scored: Vec<(f32, usize, usize)> = pairs
        .into_iter()
        .filter(|p| !unlinked.contains(p))
        .map(|(i, j)| (scorer.score(i, j), i, j))
        .filter(|&(s, _, _)| s > 0.0)
        .collect();
    let gap_cos = if scorer.cross_language() {
        scorer.fusion().cross_gap_cos
    } else {
        scorer.fusion().gap_cos
    };
    // The sentences a pair links: `None` when it is not strong enough; else its two sentences
    // and, when a half of a sentence split in two vouches only with its other half, that half
    // (of A when the flag says so).
    let vouch = |s: f32, i: usize, j: usize| -> Option<Option<Sentence>> {
        if let Some(cos) = scorer.cosine(i, j) {
            // With meaning at hand, meaning vouches: shared names alone do not make two
            // sentences say the same. One half of a sentence the other side split in two
            // may be vouched for by both halves read as one.
            if s < min_score {
                return None;
            }
            if cos >= gap_cos {
                return Some(None);
            }
            let halves = |of_a: bool, own: usize, other: usize| {
                let gap = if of_a { &gaps.of_a } else { &gaps.of_b };
                [own.wrapping_sub(1), own]
                    .into_iter()
                    .filter(move |&first| first != usize::MAX && first + 1 < gap.len())
                    .filter(move |&first| gap[first] == gap[own] && gap[first + 1] == gap[own])
                    .filter_map(move |first| {
                        let cos = scorer.joined_cosine(of_a, first, other)?;
                        let added = if first == own { own + 1 } else { first };
                        Some((cos, of_a, added))
                    })
            };
            let mut vouching: Vec<(f32, bool, usize)> = halves(true, i, j)
                .chain(halves(false, j, i))
                .filter(|&(cos, _, _)| cos >= gap_cos + JOINED_GAIN)
                .collect();
            vouching.sort_by(|x, y| y.0.total_cmp(&x.0));
            return match vouching.as_slice() {
                [] => None,
                // Two halves vouching exactly alike: which one to take in is not known (and
                // choosing would depend on which report is A).
                [best, second, ..] if best.0 == second.0 => Some(None),
                [(_, of_a, added), ..] => Some(Some((*of_a, *added))),
            };
        }
        let single =
            gaps.members[gaps.of_a[i]].0.len() == 1 && gaps.members[gaps.of_a[i]].1.len() == 1;
        let rare_words = terms.informative_common(i, j) / rare_weight;
        let strong = s >= min_score
            && if single {
                rare_words >= SINGLE_MIN_RARE_WORDS || s >= threshold
            } else {
                rare_words >= GAP_MIN_RARE_WORDS
            };
        strong.then_some(None)
    };
    // Each sentence's strictly best partner in its gap (None on a tie), strong enough or not.
    let mut best_a: Vec<Option<(f32, Option<usize>)>> = vec![None; used_a.len()];
    let mut best_b: Vec<Option<(f32, Option<usize>)>> = vec![None; used_b.len()];
    let offer = |slot: &mut Option<(f32, Option<usize>)>, s: f32, other: usize| match slot {
        Some((b, _)) if s < *b => {}
        Some((b, who)) if s == *b => *who = None,
        _ => *slot = Some((s, Some(other))),
    };
    for &(s, i, j) in &scored {
        offer(&mut best_a[i], s, j);
        offer(&mut best_b[j], s, i);
    }
    // The mutual best pairs strong enough to link, with the half each would take in.
    let mut chosen: Vec<(f32, usize, usize, Option<Sentence>)> = Vec::new();
    for &(s, i, j) in &scored {
        if best_a[i] == Some((s, Some(j))) && best_b[j] == Some((s, Some(i))) {
            if let Some(half) = vouch(s, i, j) {
                chosen.push((s, i, j, half));
            }
        }
    }
    // A half is taken in only when no other chosen pair holds it and no other wants it, so
    // the outcome does not depend on the order of the pairs (nor of the reports).
    let mut claims: FastMap<Sentence, usize> = FastMap::default();
    for &(_, i, j, half) in &chosen {
        for claim in [Some((true, i)), Some((false, j)), half]
            .into_iter()
            .flatten()
        {
            *claims.entry(claim).or_default() += 1;
        }
    }
    let wanted = |half: Sentence| claims.get(&half).copied().unwrap_or(0);
    let mut out = Vec::with_capacity(chosen.len());
    for &(s, i, j, half) in &chosen {
        let (mut is, mut js) = (vec![i], vec![j]);
        // A pair vouched for by its halves stays linked when the other half is claimed
        // elsewhere: the two read as one say it; the other half's place is then taken.
        match half {
            Some((true, added)) if wanted((true, added)) == 1 => is.push(added),
            Some((false, added)) if wanted((false, added)) == 1 => js.push(added),
            _ => {}
        }
        is.sort_unstable();
        js.sort_unstable();
        is.iter().for_each(|&i| used_a[i] = true);
        js.iter().for_each(|&j| used_b[j] = true);
        out.push(Link {
            a: is,
            b: js,
            score: s,
            pinned: false,
        });
    }
    out
}
