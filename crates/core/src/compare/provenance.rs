//! Shared copy: the sentences several reports carry near-verbatim (one wire story republished
//! with edits), and the families of reports that share it.
//!
//! A linked pair is **copy** when the two sides are the same words, give or take a few: at least
//! [`COPY_WORDS`] of the longer side's words are in the word diff's equal runs, or, for a pair of
//! a sentence and the two it was split into, among the words both sides share in any order
//! (identical pairs always; translations and paraphrases never). Two reports are of one **family** when they share
//! at least [`FAMILY_SENTENCES`] copy sentences and at least [`FAMILY_SHARE`] of the shorter
//! report's sentences; families are the connected groups of that relation, so three copies of
//! one agency story form one family even where two of them were cut differently.

use super::align::{Alignment, Pair, PairClass};
use super::diff::OpKind;
use crate::text::{Document, FastMap, TokenKind};

/// Share of the longer side's words that must be unchanged (or, for a split sentence, shared)
/// for a pair to be copy.
pub const COPY_WORDS: f32 = 0.6;
/// Copy sentences two reports must share to be of one family.
pub const FAMILY_SENTENCES: usize = 2;
/// Share of the shorter report's sentences that must be copy of the other for one family.
pub const FAMILY_SHARE: f32 = 0.15;

/// Whether `pair` (of `a` and `b`) is near-verbatim copy.
pub fn is_copy(a: &Document, b: &Document, pair: &Pair) -> bool {
    match pair.class {
        PairClass::Identical => true,
        PairClass::Translated => false,
        PairClass::Changed | PairClass::Moved => {
            let words = |doc: &Document, range: &std::ops::Range<usize>| {
                let first = doc.tokens.partition_point(|t| t.range.start < range.start);
                let end = doc.tokens.partition_point(|t| t.range.start < range.end);
                doc.tokens[first..end]
                    .iter()
                    .filter(|t| t.kind != TokenKind::Punct)
                    .count()
            };
            let total = words(a, &pair.a_span(a)).max(words(b, &pair.b_span(b)));
            let mut equal: usize = pair
                .ops
                .iter()
                .filter(|op| op.kind == OpKind::Equal)
                .map(|op| words(a, &op.a))
                .sum();
            if pair.a.len() > 1 || pair.b.len() > 1 {
                // A sentence split in two often moves a clause: the words both sides share count,
                // in whatever order (the word diff keeps one order only).
                equal = equal.max(shared_words(a, &pair.a_span(a), b, &pair.b_span(b)));
            }
            total > 0 && equal as f32 >= COPY_WORDS * total as f32
        }
    }
}

/// How many words `a[ra]` and `b[rb]` share, counted as bags (each word as often as the side with
/// fewer of it has it), by normalized form.
fn shared_words(
    a: &Document,
    ra: &std::ops::Range<usize>,
    b: &Document,
    rb: &std::ops::Range<usize>,
) -> usize {
    fn bag<'d>(doc: &'d Document, range: &std::ops::Range<usize>) -> FastMap<&'d str, usize> {
        let mut bag: FastMap<&str, usize> = FastMap::default();
        for t in doc
            .tokens
            .iter()
            .filter(|t| t.kind != TokenKind::Punct && range.contains(&t.range.start))
        {
            *bag.entry(t.norm.as_str()).or_default() += 1;
        }
        bag
    }
    let (x, y) = (bag(a, ra), bag(b, rb));
    x.iter()
        .map(|(word, &n)| n.min(y.get(word).copied().unwrap_or(0)))
        .sum()
}

/// Which other reports carry each sentence of each report near-verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SharedCopy {
    /// `of[report][sentence]`: the other reports carrying it near-verbatim, sorted.
    pub of: Vec<Vec<Vec<usize>>>,
}

impl SharedCopy {
    /// No copy yet, for reports of these sentence counts.
    pub fn new(docs: &[&Document]) -> SharedCopy {
        SharedCopy {
            of: docs
                .iter()
                .map(|d| vec![Vec::new(); d.sentences.len()])
                .collect(),
        }
    }

    /// Records the copy pairs of the alignment of report `p` (its A side) with report `q`.
    pub fn add(&mut self, p: usize, q: usize, a: &Document, b: &Document, alignment: &Alignment) {
        for pair in alignment.pairs.iter().filter(|pair| is_copy(a, b, pair)) {
            for &i in &pair.a {
                add_sorted(&mut self.of[p][i], q);
            }
            for &j in &pair.b {
                add_sorted(&mut self.of[q][j], p);
            }
        }
    }

    /// How many sentences of report `p` report `q` carries near-verbatim.
    pub fn shared(&self, p: usize, q: usize) -> usize {
        self.of[p]
            .iter()
            .filter(|others| others.contains(&q))
            .count()
    }

    /// The families: groups of two or more reports (sorted, in order of their first report) that
    /// share copy (see the module doc).
    pub fn families(&self) -> Vec<Vec<usize>> {
        let n = self.of.len();
        let mut family: Vec<usize> = (0..n).collect();
        fn root(family: &mut [usize], mut x: usize) -> usize {
            while family[x] != x {
                family[x] = family[family[x]];
                x = family[x];
            }
            x
        }
        for p in 0..n {
            for q in p + 1..n {
                let shared = self.shared(p, q).min(self.shared(q, p));
                let shorter = self.of[p].len().min(self.of[q].len());
                if shared >= FAMILY_SENTENCES && shared as f32 >= FAMILY_SHARE * shorter as f32 {
                    let (rp, rq) = (root(&mut family, p), root(&mut family, q));
                    family[rp.max(rq)] = rp.min(rq);
                }
            }
        }
        // Each root is its family's first report, so families come in report order.
        let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for p in 0..n {
            groups.entry(root(&mut family, p)).or_default().push(p);
        }
        let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
        groups.retain(|g| g.len() > 1);
        groups
    }
}

fn add_sorted(list: &mut Vec<usize>, x: usize) {
    if let Err(at) = list.binary_search(&x) {
        list.insert(at, x);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{align, AlignOptions};
    use crate::text::segment;

    const WIRE: &str = "A fire destroyed the old mill in Kessen on Monday night. \
        Firefighters fought the blaze for six hours before it was contained. \
        No one was hurt, the town council said in a statement. \
        The mill had stood empty since 1998.";

    fn shared_copy(texts: &[&str]) -> SharedCopy {
        let docs: Vec<Document> = texts.iter().map(|t| segment(t, Some("en"))).collect();
        let refs: Vec<&Document> = docs.iter().collect();
        let mut copy = SharedCopy::new(&refs);
        for p in 0..docs.len() {
            for q in p + 1..docs.len() {
                let alignment = align(&docs[p], &docs[q], &AlignOptions::default());
                copy.add(p, q, &docs[p], &docs[q], &alignment);
            }
        }
        copy
    }

    #[test]
    fn copies_of_one_story_are_one_family_and_a_rewrite_is_not() {
        let edited = "A fire destroyed the old mill in Kessen on Monday night. \
            Firefighters fought the blaze for nearly six hours before it was contained. \
            The mill had stood empty since 1998. \
            Residents said they had long feared for the building.";
        let rewrite = "Kessen's disused mill burned down overnight into Tuesday. \
            It took crews most of the night to bring the flames under control, and nobody was injured. \
            Officials had planned to sell the site.";
        let copy = shared_copy(&[WIRE, edited, rewrite]);
        assert_eq!(copy.families(), [vec![0, 1]]);
        // The edit's added sentence is its own; its lightly edited one is still copy.
        assert_eq!(copy.of[1][1], [0]);
        assert!(copy.of[1][3].is_empty());
        assert!(copy.of[2].iter().all(Vec::is_empty));
    }

    /// A copy that split one sentence in two and moved a clause is still copy, both halves.
    #[test]
    fn a_sentence_split_in_two_with_a_moved_clause_is_still_copy() {
        let wire = "A fire destroyed the old mill in Kessen on Monday night. \
            Firefighters from three towns fought the blaze for six hours before it was contained. \
            No one was hurt, the town council said in a statement.";
        let split = "A fire destroyed the old mill in Kessen on Monday night. \
            The blaze was contained at dawn. \
            Firefighters from three towns had fought it for six hours. \
            No one was hurt, the town council said in a statement.";
        let docs = [segment(wire, Some("en")), segment(split, Some("en"))];
        let alignment = align(&docs[0], &docs[1], &AlignOptions::default());
        let pair = alignment
            .pairs
            .iter()
            .find(|p| p.a == [1])
            .expect("the blaze sentence is paired");
        assert_eq!(pair.b, [1, 2], "both halves pair with the whole");
        assert!(is_copy(&docs[0], &docs[1], pair), "the split pair is copy");
        let copy = shared_copy(&[wire, split]);
        assert_eq!(
            (copy.of[1][1].as_slice(), copy.of[1][2].as_slice()),
            (&[0][..], &[0][..])
        );
    }
}
