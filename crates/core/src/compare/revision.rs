//! Versions of one article (the NewsDiffs job): an order-preserving diff at paragraph, then
//! sentence, then word level, with moved-block detection, every change labelled and ranked by
//! substance.
//!
//! Paragraphs are compared by a hash of their text (whitespace runs folded) with Patience diff;
//! only paragraphs in changed regions are segmented into sentences, whose normalized-word hashes
//! are diffed in turn; only sentences paired as edits get a word diff. A paragraph or sentence
//! deleted in one place and inserted unchanged (or nearly so) in another is a move. Cost grows
//! with the length of the articles for hashing, and with the size of what changed for the rest.

mod substance;

use std::ops::Range;

use serde::{Deserialize, Serialize};
use similar::{capture_diff_slices, Algorithm, DiffTag};

use super::diff::{diff_units, has_changes, units_from_tokens, WordOp};
use super::options::DiffOptions;
use super::overlap;
use crate::text::{
    fnv1a, paragraph_ranges, FastMap, Paragraph, Segmenter, Sentence, Token, TokenKind,
};

pub use substance::{Reason, Substance};

/// What happened to a piece of text between two versions.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Addition,
    Deletion,
    Edit,
    Move,
}

/// The unit a change is about.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Paragraph,
    Sentence,
}

/// One change between the old and the new version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub kind: ChangeKind,
    pub level: Level,
    /// Byte range in the old body; empty (at the place it would have been) for an addition.
    pub old: Range<usize>,
    /// Byte range in the new body; empty (where the text was) for a deletion.
    pub new: Range<usize>,
    /// Word diff from `old` to `new` for edits and for moves that were also reworded.
    pub ops: Vec<WordOp>,
    pub substance: Substance,
}

/// Counts of a revision.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionStats {
    pub old_paragraphs: usize,
    pub new_paragraphs: usize,
    pub unchanged_paragraphs: usize,
    pub additions: usize,
    pub deletions: usize,
    pub edits: usize,
    pub moves: usize,
}

/// The changes from one version of an article to the next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Revision {
    /// In the order of the new version (deletions where the text used to be).
    pub changes: Vec<Change>,
    /// Indices into `changes`, most substantial first (ties in document order).
    pub ranked: Vec<usize>,
    pub stats: RevisionStats,
}

/// Sentences at least this similar (Dice of normalized words) are an edit of each other.
const EDIT_SIMILARITY: f32 = 0.4;
/// Deleted and inserted sentences at least this similar, in different places, are a move.
const MOVE_SIMILARITY: f32 = 0.8;
/// Above this many deleted × inserted sentences the fuzzy move search is skipped.
const FUZZY_MOVE_BUDGET: usize = 250_000;
/// Above this many old × new sentences in one changed region, edits pair up by position.
const EDIT_DP_BUDGET: usize = 40_000;

/// Compares two versions of one article. `lang` as for [`crate::text::segment`] (detected from
/// `old` when `None`).
pub fn revision(old: &str, new: &str, lang: Option<&str>, opts: &DiffOptions) -> Revision {
    let lang = match lang {
        Some(l) if !l.trim().is_empty() => Some(l.to_string()),
        _ => crate::text::detect_language(old).or_else(|| crate::text::detect_language(new)),
    };
    let po = paragraph_ranges(old);
    let pn = paragraph_ranges(new);
    let ko: Vec<u64> = po.iter().map(|r| text_key(&old[r.clone()])).collect();
    let kn: Vec<u64> = pn.iter().map(|r| text_key(&new[r.clone()])).collect();
    let mut stats = RevisionStats {
        old_paragraphs: po.len(),
        new_paragraphs: pn.len(),
        ..RevisionStats::default()
    };
    let mut changes: Vec<(usize, Change)> = Vec::new(); // (anchor in new, change)

    // Paragraph level: equal runs, and changed regions (old paragraphs, new paragraphs).
    let mut regions: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &ko, &kn) {
        let (tag, ro, rn) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            stats.unchanged_paragraphs += ro.len();
        } else {
            regions.push((ro, rn));
        }
    }

    // Paragraph moves: a deleted paragraph inserted unchanged elsewhere.
    let mut inserted: FastMap<u64, Vec<usize>> = FastMap::default();
    for (_, rn) in &regions {
        for j in rn.clone() {
            inserted.entry(kn[j]).or_default().push(j);
        }
    }
    for list in inserted.values_mut() {
        list.reverse(); // pop() takes the first
    }
    let mut moved_old = vec![false; po.len()];
    let mut moved_new = vec![false; pn.len()];
    for (ro, _) in &regions {
        for i in ro.clone() {
            if let Some(j) = inserted.get_mut(&ko[i]).and_then(Vec::pop) {
                moved_old[i] = true;
                moved_new[j] = true;
                changes.push((
                    pn[j].start,
                    Change {
                        kind: ChangeKind::Move,
                        level: Level::Paragraph,
                        old: po[i].clone(),
                        new: pn[j].clone(),
                        ops: Vec::new(),
                        substance: Substance::moved(),
                    },
                ));
            }
        }
    }

    // Sentence level inside the changed regions.
    let mut seg_old = Segmenter::new(lang.as_deref());
    let mut seg_new = Segmenter::new(lang.as_deref());
    let mut side_old = Side::default();
    let mut side_new = Side::default();
    let mut sentence_regions: Vec<SentenceRegion> = Vec::new();
    for (ro, rn) in &regions {
        let so = side_old.push(&mut seg_old, old, &po, ro.clone(), &moved_old);
        let sn = side_new.push(&mut seg_new, new, &pn, rn.clone(), &moved_new);
        let old_end = po.get(ro.end).map_or(old.len(), |r| r.start);
        let new_end = pn.get(rn.end).map_or(new.len(), |r| r.start);
        let keys_o: Vec<u64> = so.clone().map(|s| side_old.key(s)).collect();
        let keys_n: Vec<u64> = sn.clone().map(|s| side_new.key(s)).collect();
        for op in capture_diff_slices(Algorithm::Patience, &keys_o, &keys_n) {
            let (tag, o, n) = op.as_tag_tuple();
            if tag == DiffTag::Equal {
                continue;
            }
            let o = so.start + o.start..so.start + o.end;
            let n = sn.start + n.start..sn.start + n.end;
            sentence_regions.push(SentenceRegion {
                old_at: side_old.start_or(o.end, so.end, old_end),
                new_at: side_new.start_or(n.end, sn.end, new_end),
                o,
                n,
            });
        }
    }

    // Sentence moves: deleted here, inserted (nearly) unchanged there.
    let mut taken_old = vec![false; side_old.sentences.len()];
    let mut taken_new = vec![false; side_new.sentences.len()];
    let moves = sentence_moves(
        &side_old,
        &side_new,
        &sentence_regions,
        &mut taken_old,
        &mut taken_new,
    );
    for (i, j) in moves {
        let (ro, rn) = (
            side_old.sentences[i].range.clone(),
            side_new.sentences[j].range.clone(),
        );
        let ops = side_diff(old, &side_old, i, new, &side_new, j, opts);
        let edited = has_changes(&ops);
        changes.push((
            rn.start,
            Change {
                kind: ChangeKind::Move,
                level: Level::Sentence,
                old: ro,
                new: rn,
                substance: if edited {
                    substance::edit(old, new, &ops).with_move()
                } else {
                    Substance::moved()
                },
                ops: if edited { ops } else { Vec::new() },
            },
        ));
    }

    // Edits, additions and deletions inside each sentence-level region.
    let mut whole_old: Vec<(usize, usize)> = Vec::new(); // (sentence, new anchor) deleted
    let mut whole_new: Vec<(usize, usize)> = Vec::new(); // (sentence, old anchor) added
    for region in &sentence_regions {
        let o: Vec<usize> = region.o.clone().filter(|&i| !taken_old[i]).collect();
        let n: Vec<usize> = region.n.clone().filter(|&j| !taken_new[j]).collect();
        let (mut pi, mut pj) = (0, 0);
        for (x, y) in pair_edits(&side_old, &o, &side_new, &n) {
            let (i, j) = (o[x], n[y]);
            let (ro, rn) = (
                side_old.sentences[i].range.clone(),
                side_new.sentences[j].range.clone(),
            );
            whole_old.extend(o[pi..x].iter().map(|&d| (d, rn.start)));
            whole_new.extend(n[pj..y].iter().map(|&a| (a, ro.start)));
            let ops = side_diff(old, &side_old, i, new, &side_new, j, opts);
            if has_changes(&ops) {
                changes.push((
                    rn.start,
                    Change {
                        kind: ChangeKind::Edit,
                        level: Level::Sentence,
                        old: ro,
                        new: rn,
                        substance: substance::edit(old, new, &ops),
                        ops,
                    },
                ));
            }
            pi = x + 1;
            pj = y + 1;
        }
        let new_at = n
            .get(pj)
            .map_or(region.new_at, |&j| side_new.sentences[j].range.start);
        let old_at = o
            .get(pi)
            .map_or(region.old_at, |&i| side_old.sentences[i].range.start);
        whole_old.extend(o[pi..].iter().map(|&d| (d, new_at)));
        whole_new.extend(n[pj..].iter().map(|&a| (a, old_at)));
    }
    for (c, at) in whole_changes(old, &side_old, &whole_old, true) {
        changes.push((at, c));
    }
    for (c, at) in whole_changes(new, &side_new, &whole_new, false) {
        changes.push((at, c));
    }

    changes.sort_by(|(x, cx), (y, cy)| {
        x.cmp(y)
            .then(cx.old.start.cmp(&cy.old.start))
            .then(cx.new.end.cmp(&cy.new.end))
    });
    let changes: Vec<Change> = changes.into_iter().map(|(_, c)| c).collect();
    for c in &changes {
        match c.kind {
            ChangeKind::Addition => stats.additions += 1,
            ChangeKind::Deletion => stats.deletions += 1,
            ChangeKind::Edit => stats.edits += 1,
            ChangeKind::Move => stats.moves += 1,
        }
    }
    let mut ranked: Vec<usize> = (0..changes.len()).collect();
    ranked.sort_by(|&x, &y| {
        changes[y]
            .substance
            .score
            .cmp(&changes[x].substance.score)
            .then(x.cmp(&y))
    });
    Revision {
        changes,
        ranked,
        stats,
    }
}

/// A run of sentences that differ between the versions, with where it sits in the other one.
struct SentenceRegion {
    o: Range<usize>,
    n: Range<usize>,
    /// Byte offset in the old body where added text would go.
    old_at: usize,
    /// Byte offset in the new body where deleted text was.
    new_at: usize,
}

/// Deleted and added sentences (`(sentence, anchor in the other body)`) as changes: whole
/// paragraphs become one paragraph-level change; the rest one change per sentence. Returns
/// `(change, anchor in the new body)`.
fn whole_changes(
    body: &str,
    side: &Side,
    list: &[(usize, usize)],
    deleted: bool,
) -> Vec<(Change, usize)> {
    let mut per_paragraph: FastMap<usize, usize> = FastMap::default();
    for &(s, _) in list {
        *per_paragraph
            .entry(side.sentences[s].paragraph)
            .or_default() += 1;
    }
    let mut out = Vec::new();
    let mut done_paragraph: Option<usize> = None;
    for &(s, at) in list {
        let p = side.sentences[s].paragraph;
        let whole = per_paragraph[&p] == side.paragraphs[p].sentences.len();
        if whole && done_paragraph == Some(p) {
            continue;
        }
        let (range, level) = if whole {
            done_paragraph = Some(p);
            (side.paragraphs[p].range.clone(), Level::Paragraph)
        } else {
            (side.sentences[s].range.clone(), Level::Sentence)
        };
        let substance = substance::span(&body[range.clone()]);
        let (kind, old, new, anchor) = if deleted {
            (ChangeKind::Deletion, range, at..at, at)
        } else {
            (ChangeKind::Addition, at..at, range.clone(), range.start)
        };
        out.push((
            Change {
                kind,
                level,
                old,
                new,
                ops: Vec::new(),
                substance,
            },
            anchor,
        ));
    }
    out
}

/// Pairs deleted and added sentences that are the same text (or nearly) in another place.
fn sentence_moves(
    side_old: &Side,
    side_new: &Side,
    regions: &[SentenceRegion],
    taken_old: &mut [bool],
    taken_new: &mut [bool],
) -> Vec<(usize, usize)> {
    let mut deleted: Vec<(usize, usize)> = Vec::new(); // (sentence, region)
    let mut added: Vec<(usize, usize)> = Vec::new();
    for (k, r) in regions.iter().enumerate() {
        deleted.extend(r.o.clone().map(|i| (i, k)));
        added.extend(r.n.clone().map(|j| (j, k)));
    }
    let mut by_key: FastMap<u64, Vec<usize>> = FastMap::default();
    for &(j, _) in added.iter().rev() {
        by_key.entry(side_new.key(j)).or_default().push(j);
    }
    let mut moves = Vec::new();
    for &(i, _) in &deleted {
        if let Some(j) = by_key.get_mut(&side_old.key(i)).and_then(Vec::pop) {
            moves.push((i, j));
            taken_old[i] = true;
            taken_new[j] = true;
        }
    }
    deleted.retain(|&(i, _)| !taken_old[i]);
    added.retain(|&(j, _)| !taken_new[j]);
    if deleted.len() * added.len() > FUZZY_MOVE_BUDGET {
        return moves;
    }
    let words_o: Vec<Vec<u64>> = deleted.iter().map(|&(i, _)| side_old.word_set(i)).collect();
    let words_n: Vec<Vec<u64>> = added.iter().map(|&(j, _)| side_new.word_set(j)).collect();
    let mut best: Vec<(f32, usize, usize)> = Vec::new();
    for (x, &(i, ri)) in deleted.iter().enumerate() {
        for (y, &(j, rj)) in added.iter().enumerate() {
            if ri == rj {
                continue; // same place: an edit, not a move
            }
            let sim = dice(&words_o[x], &words_n[y]);
            if sim >= MOVE_SIMILARITY {
                best.push((sim, i, j));
            }
        }
    }
    best.sort_by(|p, q| q.0.total_cmp(&p.0).then((p.1, p.2).cmp(&(q.1, q.2))));
    for (_, i, j) in best {
        if !taken_old[i] && !taken_new[j] {
            taken_old[i] = true;
            taken_new[j] = true;
            moves.push((i, j));
        }
    }
    moves
}

/// Hash of a text with whitespace runs folded to one space and trimmed.
fn text_key(text: &str) -> u64 {
    let mut folded = Vec::with_capacity(text.len());
    let mut space = false;
    for &b in text.trim().as_bytes() {
        if b.is_ascii_whitespace() {
            space = true;
        } else {
            if space {
                folded.push(b' ');
                space = false;
            }
            folded.push(b);
        }
    }
    fnv1a(&folded)
}

/// The segmented paragraphs of one version's changed regions.
#[derive(Default)]
struct Side {
    paragraphs: Vec<Paragraph>,
    sentences: Vec<Sentence>,
    tokens: Vec<Token>,
}

impl Side {
    /// Segments the paragraphs `range` (skipping moved ones); returns their sentence indices.
    fn push<'a>(
        &mut self,
        seg: &mut Segmenter<'a>,
        body: &'a str,
        paragraphs: &[Range<usize>],
        range: Range<usize>,
        moved: &[bool],
    ) -> Range<usize> {
        let first = self.sentences.len();
        for p in range.filter(|&p| !moved[p]) {
            seg.push_paragraph(
                body,
                paragraphs[p].clone(),
                &mut self.paragraphs,
                &mut self.sentences,
                &mut self.tokens,
            );
        }
        first..self.sentences.len()
    }

    /// The start of sentence `s` if it is before `end`, else `fallback`.
    fn start_or(&self, s: usize, end: usize, fallback: usize) -> usize {
        if s < end {
            self.sentences[s].range.start
        } else {
            fallback
        }
    }

    /// Hash of a sentence's normalized words and punctuation.
    fn key(&self, s: usize) -> u64 {
        let mut h = 0xcbf2_9ce4_8422_2325u64;
        for t in &self.tokens[self.sentences[s].tokens.clone()] {
            h = (h ^ fnv1a(t.norm.as_bytes())).wrapping_mul(0x0000_0100_0000_01b3);
        }
        h
    }

    /// Sorted hashes of a sentence's distinct normalized words.
    fn word_set(&self, s: usize) -> Vec<u64> {
        let mut v: Vec<u64> = self.tokens[self.sentences[s].tokens.clone()]
            .iter()
            .filter(|t| t.kind != TokenKind::Punct)
            .map(|t| fnv1a(t.norm.as_bytes()))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// Dice of two sentences' word sets; two empty sentences are alike.
fn dice(x: &[u64], y: &[u64]) -> f32 {
    overlap::dice(x, y, 1.0)
}

/// Pairs old and new sentences of one changed region as edits, in order: the monotone matching
/// with the largest total similarity (DP), or by position when the region is very large.
fn pair_edits(so: &Side, o: &[usize], sn: &Side, n: &[usize]) -> Vec<(usize, usize)> {
    if o.is_empty() || n.is_empty() {
        return Vec::new();
    }
    let wo: Vec<Vec<u64>> = o.iter().map(|&i| so.word_set(i)).collect();
    let wn: Vec<Vec<u64>> = n.iter().map(|&j| sn.word_set(j)).collect();
    if o.len() * n.len() > EDIT_DP_BUDGET {
        return (0..o.len().min(n.len()))
            .filter(|&k| dice(&wo[k], &wn[k]) >= EDIT_SIMILARITY)
            .map(|k| (k, k))
            .collect();
    }
    let (rows, cols) = (o.len(), n.len());
    let mut best = vec![0f32; (rows + 1) * (cols + 1)];
    let at = |x: usize, y: usize| x * (cols + 1) + y;
    for x in (0..rows).rev() {
        for y in (0..cols).rev() {
            let sim = dice(&wo[x], &wn[y]);
            let take = if sim >= EDIT_SIMILARITY {
                sim + best[at(x + 1, y + 1)]
            } else {
                f32::MIN
            };
            best[at(x, y)] = take.max(best[at(x + 1, y)]).max(best[at(x, y + 1)]);
        }
    }
    let mut out = Vec::new();
    let (mut x, mut y) = (0, 0);
    while x < rows && y < cols {
        let sim = dice(&wo[x], &wn[y]);
        if sim >= EDIT_SIMILARITY && best[at(x, y)] == sim + best[at(x + 1, y + 1)] {
            out.push((x, y));
            x += 1;
            y += 1;
        } else if best[at(x, y)] == best[at(x + 1, y)] {
            x += 1;
        } else {
            y += 1;
        }
    }
    out
}

#[allow(clippy::too_many_arguments)] // two sides, each a body, its segmented parts and a sentence
fn side_diff(
    old: &str,
    so: &Side,
    i: usize,
    new: &str,
    sn: &Side,
    j: usize,
    opts: &DiffOptions,
) -> Vec<WordOp> {
    let (ro, rn) = (so.sentences[i].range.clone(), sn.sentences[j].range.clone());
    let uo = units_from_tokens(old, &so.tokens, ro.clone(), opts);
    let un = units_from_tokens(new, &sn.tokens, rn.clone(), opts);
    diff_units(&uo, ro, &un, rn)
}

#[cfg(test)]
mod tests;
