//! The pair score: IDF-weighted word overlap, fused with the cosine of the sentences' meaning
//! vectors when both reports carry them, and the nearest neighbours by meaning as candidates.
//!
//! **Fusion.** The cosine of two sentence vectors is mapped onto `0..=1` by
//! `(cos − floor) / (full − floor)` (clamped): at the floor sit unrelated sentences of one event, at
//! the top paraphrases and translations. The fused score is `share · overlap + (1 − share) ·
//! meaning`: within one language `share` is a half, so shared names alone cannot pair two sentences
//! that say different things and a paraphrase with few shared words still pairs; across languages
//! word overlap says less (names and numbers only) and cosines run lower, so both the share and
//! the cosine range are smaller. The constants are [`Fusion`]'s, measured on the real-coverage
//! development set (`cargo xtask bench-quality`).
//!
//! **A report cut short.** Stored copies and teasers stop mid-sentence ("Among major decisions, he
//! had allo"). When a report's last sentence has no closing punctuation, and its words but the last
//! (perhaps cut inside) are the first words of a sentence of the other report, the two are the
//! same sentence: they score [`CUT_PREFIX_SCORE`] at least, whatever the encoder makes of the stub.
//!
//! **Candidates by meaning.** Each sentence also proposes its nearest sentences of the other
//! report (`Fusion::neighbours`, cosine at least `Fusion::candidate_cos`), so paraphrases and
//! translations that share no rare word still reach the matching.

use super::SentenceTerms;
use crate::compare::options::{Fusion, NEIGHBOUR_SEARCH_MAX_PAIRS};
use crate::text::{cosine_matrix, dot, Document, SentenceVectors, Token, TokenKind};

/// The score of a cut last sentence and the sentence it begins.
const CUT_PREFIX_SCORE: f32 = 0.9;
/// Whole words a cut sentence must keep to be recognised as the start of another, and how many
/// of them must be informative (not stop words).
const CUT_MIN_WORDS: usize = 4;
const CUT_MIN_INFORMATIVE: usize = 2;

/// Scores pairs of sentences of A and B.
pub(crate) struct Scorer<'d> {
    pub terms: SentenceTerms,
    meaning: Option<Meaning<'d>>,
    fusion: Fusion,
    /// A's and B's last sentence when the report stops inside it.
    cut_a: Option<Cut<'d>>,
    cut_b: Option<Cut<'d>>,
    a: &'d Document,
    b: &'d Document,
}

/// The last sentence of a report that stops inside it, and its whole words.
struct Cut<'d> {
    sentence: usize,
    words: Vec<&'d str>,
}

impl<'d> Cut<'d> {
    /// `doc`'s last sentence when it ends without closing punctuation and keeps enough words.
    fn of(doc: &'d Document) -> Option<Cut<'d>> {
        let sentence = doc.sentences.len().checked_sub(1)?;
        let closed = doc.sentence_text(sentence).trim_end().ends_with(|c: char| {
            matches!(
                c,
                '.' | '!' | '?' | '…' | '"' | '”' | '»' | ')' | '؟' | '。'
            )
        });
        if closed {
            return None;
        }
        let mut tokens = words(doc, sentence);
        tokens.pop();
        let informative = tokens.iter().filter(|t| !t.stop).count();
        (tokens.len() >= CUT_MIN_WORDS && informative >= CUT_MIN_INFORMATIVE).then(|| Cut {
            sentence,
            words: tokens.iter().map(|t| t.norm.as_str()).collect(),
        })
    }

    /// Whether sentence `other` of `doc` begins with this cut sentence's whole words.
    fn begins(&self, doc: &Document, other: usize) -> bool {
        let theirs = words(doc, other);
        theirs.len() > self.words.len() && theirs.iter().zip(&self.words).all(|(t, w)| t.norm == *w)
    }
}

/// The word and number tokens of a sentence, in order.
fn words(doc: &Document, sentence: usize) -> Vec<&Token> {
    doc.sentence_tokens(sentence)
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .collect()
}

struct Meaning<'d> {
    a: &'d SentenceVectors,
    b: &'d SentenceVectors,
    /// Whether the reports are in different languages.
    cross: bool,
    /// Cosine of every pair, row-major (`i * nb + j`); `None` for reports too long to search
    /// for neighbours (then a candidate's cosine is one dot product).
    cos: Option<Vec<f32>>,
}

impl Meaning<'_> {
    fn nb(&self) -> usize {
        self.b.len()
    }
}

impl<'d> Scorer<'d> {
    /// A scorer over the words of `a` and `b`, and over their meaning when `by_meaning` and both
    /// carry sentence vectors of one dimension.
    pub(crate) fn new(
        a: &'d Document,
        b: &'d Document,
        by_meaning: bool,
        fusion: Fusion,
    ) -> Scorer<'d> {
        let meaning = match (&a.meaning, &b.meaning) {
            (Some(va), Some(vb))
                if by_meaning
                    && va.dim() == vb.dim()
                    && va.len() == a.sentences.len()
                    && vb.len() == b.sentences.len() =>
            {
                let cos = (va.len() * vb.len() <= NEIGHBOUR_SEARCH_MAX_PAIRS)
                    .then(|| cosine_matrix(va, vb));
                Some(Meaning {
                    a: va,
                    b: vb,
                    cross: a.in_other_language(b),
                    cos,
                })
            }
            _ => None,
        };
        Scorer {
            terms: SentenceTerms::build(a, b),
            meaning,
            fusion,
            cut_a: Cut::of(a),
            cut_b: Cut::of(b),
            a,
            b,
        }
    }

    /// The constants of the fused score.
    pub(crate) fn fusion(&self) -> &Fusion {
        &self.fusion
    }

    /// Whether meaning takes part in the scores.
    pub(crate) fn semantic(&self) -> bool {
        self.meaning.is_some()
    }

    /// Whether the two reports are in different languages (known only with meaning).
    pub(crate) fn cross_language(&self) -> bool {
        self.meaning.as_ref().is_some_and(|m| m.cross)
    }

    /// Word overlap of sentences `i` of A and `j` of B.
    pub(crate) fn lexical(&self, i: usize, j: usize) -> f32 {
        self.terms.score(i, j)
    }

    /// Cosine of the meaning vectors of sentences `i` of A and `j` of B.
    pub(crate) fn cosine(&self, i: usize, j: usize) -> Option<f32> {
        self.meaning.as_ref().map(|m| match &m.cos {
            Some(cos) => cos[i * m.nb() + j],
            None => dot(m.a.row(i), m.b.row(j)),
        })
    }

    /// The fused score of sentences `i` of A and `j` of B.
    pub(crate) fn score(&self, i: usize, j: usize) -> f32 {
        let fused = self.fuse(self.lexical(i, j), self.cosine(i, j));
        if self.cut_pair(i, j) {
            fused.max(CUT_PREFIX_SCORE)
        } else {
            fused
        }
    }

    /// Whether one of the two sentences is its report's cut last sentence and begins the other.
    fn cut_pair(&self, i: usize, j: usize) -> bool {
        self.cut_a
            .as_ref()
            .is_some_and(|c| c.sentence == i && c.begins(self.b, j))
            || self
                .cut_b
                .as_ref()
                .is_some_and(|c| c.sentence == j && c.begins(self.a, i))
    }

    /// Word overlap of a group of A sentences and a group of B sentences.
    pub(crate) fn lexical_group(&self, is: &[usize], js: &[usize]) -> f32 {
        match (is, js) {
            ([i], [j]) => self.lexical(*i, *j),
            _ => self.terms.group_score(is, js),
        }
    }

    /// Cosine of two adjacent sentences read as one (`first` and `first + 1`, of A when `of_a`)
    /// with sentence `other` of the other report, when their joined vector was encoded.
    pub(crate) fn joined_cosine(&self, of_a: bool, first: usize, other: usize) -> Option<f32> {
        let m = self.meaning.as_ref()?;
        let (joined, single) = if of_a {
            (m.a.joined_row(first)?, m.b.row(other))
        } else {
            (m.b.joined_row(first)?, m.a.row(other))
        };
        Some(crate::text::cosine(joined, single))
    }

    /// Cosine of the mean meaning vectors of a group of A and a group of B sentences.
    pub(crate) fn cosine_group(&self, is: &[usize], js: &[usize]) -> Option<f32> {
        match (is, js) {
            ([i], [j]) => self.cosine(*i, *j),
            _ => self
                .meaning
                .as_ref()
                .map(|m| crate::text::cosine(&mean(m.a, is), &mean(m.b, js))),
        }
    }

    /// The fused score of a group of A sentences against a group of B sentences.
    pub(crate) fn group_score(&self, is: &[usize], js: &[usize]) -> f32 {
        self.fuse(self.terms.group_score(is, js), self.cosine_group(is, js))
    }

    /// Word overlap and meaning in one score.
    fn fuse(&self, lexical: f32, cos: Option<f32>) -> f32 {
        match (&self.meaning, cos) {
            (Some(m), Some(cos)) => self.fusion.fuse(lexical, cos, m.cross),
            _ => lexical,
        }
    }

    /// Pairs proposed by meaning: each sentence's nearest neighbours in the other report.
    pub(crate) fn neighbours(&self) -> Vec<(u32, u32)> {
        let Some((m, cos)) = self
            .meaning
            .as_ref()
            .and_then(|m| m.cos.as_ref().map(|cos| (m, cos)))
        else {
            return Vec::new();
        };
        let (na, nb) = (m.a.len(), m.b.len());
        let mut out = Vec::new();
        let mut best: Vec<(f32, usize)> = Vec::with_capacity(na.max(nb));
        for i in 0..na {
            best.clear();
            best.extend((0..nb).map(|j| (cos[i * nb + j], j)));
            self.fusion
                .nearest(&mut best, |j| out.push((i as u32, j as u32)));
        }
        for j in 0..nb {
            best.clear();
            best.extend((0..na).map(|i| (cos[i * nb + j], i)));
            self.fusion
                .nearest(&mut best, |i| out.push((i as u32, j as u32)));
        }
        out
    }
}

/// The mean of some rows (a sentence group's meaning).
fn mean(v: &SentenceVectors, rows: &[usize]) -> Vec<f32> {
    let mut out = vec![0f32; v.dim()];
    for &r in rows {
        for (o, x) in out.iter_mut().zip(v.row(r)) {
            *o += x;
        }
    }
    out
}
