//! Collation of N reports into claims: clusters of corresponding sentences, at most one sentence
//! (or one split pair of adjacent sentences) per report, laid out as claims × reports.
//!
//! **How.** Sentences of every pair of reports are linked by the scoring of
//! [`align`](super::align) (IDF-weighted overlap of stems, greedy 1:1 matching above the
//! threshold, a neighbour merged in for a split sentence), computed from one shared model of all
//! reports (`links`), without the word diffs the side-by-side view needs. Links are taken by
//! decreasing weight and join two clusters only when the clusters share no report, so a claim
//! holds at most one cell per report. The one exception is a split: when an outlet wrote in two
//! adjacent sentences what another wrote in one, both land in the same cell.
//!
//! **Order.** Claims follow the first report; a claim the first report lacks is placed where the
//! next report that carries it put it: after the known claim before it in that report (or just
//! before the first known one), so a reader meets each outlet's extra sentences in context.
//!
//! **Representative.** The cell with the highest summed similarity to the claim's other cells (a
//! medoid), ties to the earlier report.
//!
//! **Cost.** One model and one inverted index for all reports, then candidate pairs only:
//! ten 1,000-word reports take a few milliseconds. Above [`MAX_COLLATE_REPORTS`] reports,
//! collate (and quotes and terms, which align every pair) refuse with an error rather than run
//! for minutes.

use std::ops::Range;

use serde::{Deserialize, Serialize};

mod links;

use super::options::AlignOptions;
use crate::text::Document;

/// The most reports one collation takes (4,950 pairwise alignments).
pub const MAX_COLLATE_REPORTS: usize = 100;

/// Why a set of reports could not be analysed (collate, quotes, terms). Messages are shown to
/// people as they are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportsError {
    #[error("collating needs at least two reports (got {0})")]
    TooFewReports(usize),
    #[error("at most {max} reports can be compared at once (got {given}); split them into smaller groups")]
    TooManyReports { given: usize, max: usize },
}

/// N reports as claims × reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Collation {
    /// Claims in reading order (see the module doc).
    pub claims: Vec<Claim>,
    /// Per report, in input order: how much of it others share.
    pub coverage: Vec<Coverage>,
}

/// One claim: what corresponding sentences of several reports (or of one report alone) say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The report whose cell represents the claim.
    pub representative: usize,
    /// The representative cell's text.
    pub text: String,
    /// One entry per report, in input order: its cell, or `None` when the report omits the claim.
    pub cells: Vec<Option<Cell>>,
    /// How many reports carry the claim.
    pub carried_by: usize,
}

impl Claim {
    /// Whether only one report says this.
    pub fn is_unique(&self) -> bool {
        self.carried_by == 1
    }
}

/// The sentence(s) of one report that carry a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// One sentence index, or adjacent ones when the report split what others said in one.
    pub sentences: Vec<usize>,
    /// Byte range in the report's body, first sentence start to last sentence end.
    pub range: Range<usize>,
    pub text: String,
    /// How the cell words the claim compared with the representative.
    pub wording: Wording,
}

/// A cell's wording against the claim's representative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Wording {
    /// This cell is the representative.
    Representative,
    /// The same words (after normalization).
    Same,
    /// Worded differently.
    Different,
}

/// How much of one report the others share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    pub report: usize,
    pub sentences: usize,
    /// Claims this report carries.
    pub claims: usize,
    /// Claims this report carries with at least one other report.
    pub shared: usize,
    /// Claims only this report carries.
    pub unique: usize,
}

/// Collates `reports` into claims. Deterministic; the work is bounded by
/// [`MAX_COLLATE_REPORTS`].
pub fn collate(reports: &[Document], opts: &AlignOptions) -> Result<Collation, ReportsError> {
    let n = reports.len();
    if n < 2 {
        return Err(ReportsError::TooFewReports(n));
    }
    if n > MAX_COLLATE_REPORTS {
        return Err(ReportsError::TooManyReports {
            given: n,
            max: MAX_COLLATE_REPORTS,
        });
    }
    let nodes = Nodes::new(reports);
    let edges = pairwise_edges(reports, &nodes, opts);
    let mut clusters = Clusters::new(&nodes);
    for edge in &edges {
        clusters.try_join(edge, &nodes);
    }
    let claims = build_claims(reports, &nodes, &mut clusters, &edges);
    let coverage = coverage(reports, &claims);
    Ok(Collation { claims, coverage })
}

/// Sentences of all reports numbered in one sequence.
struct Nodes {
    /// `offset[r]` = number of the first sentence of report `r`; `offset[n]` = total.
    offset: Vec<usize>,
    /// Report of each node.
    report: Vec<usize>,
}

impl Nodes {
    fn new(reports: &[Document]) -> Self {
        let mut offset = Vec::with_capacity(reports.len() + 1);
        let mut report = Vec::new();
        offset.push(0);
        for (r, doc) in reports.iter().enumerate() {
            report.extend(std::iter::repeat_n(r, doc.sentences.len()));
            offset.push(report.len());
        }
        Nodes { offset, report }
    }

    fn sentence(&self, node: usize) -> usize {
        node - self.offset[self.report[node]]
    }
}

/// A link between two sentences of different reports found by a pairwise alignment.
struct Edge {
    score: f32,
    x: usize,
    y: usize,
    /// The link is part of a 1:2 pair: the sentences of the split side may share a cell.
    split: bool,
}

/// Corresponding sentences of two reports, as collate links them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceLink {
    pub report_a: usize,
    /// One sentence of report A, or two adjacent ones.
    pub a: Vec<usize>,
    pub report_b: usize,
    pub b: Vec<usize>,
    /// IDF-weighted overlap of the stems, `0..=1`.
    pub similarity: f32,
}

/// The sentence links between every pair of reports (`report_a < report_b`) from the shared model
/// collate uses; quotes and terms build on them so all three agree. Pins and unlinks name
/// sentences of one report pair, so they do not apply here. Refuses more than
/// [`MAX_COLLATE_REPORTS`] reports.
pub fn linked_sentences(
    reports: &[Document],
    opts: &AlignOptions,
) -> Result<Vec<SentenceLink>, ReportsError> {
    if reports.len() > MAX_COLLATE_REPORTS {
        return Err(ReportsError::TooManyReports {
            given: reports.len(),
            max: MAX_COLLATE_REPORTS,
        });
    }
    let nodes = Nodes::new(reports);
    Ok(links::links(reports, &nodes.offset, &nodes.report, opts)
        .into_iter()
        .map(|l| SentenceLink {
            report_a: nodes.report[l.x[0]],
            a: l.x.iter().map(|&x| nodes.sentence(x)).collect(),
            report_b: nodes.report[l.y[0]],
            b: l.y.iter().map(|&y| nodes.sentence(y)).collect(),
            similarity: l.score,
        })
        .collect())
}

fn pairwise_edges(reports: &[Document], nodes: &Nodes, opts: &AlignOptions) -> Vec<Edge> {
    let mut edges = Vec::new();
    for link in links::links(reports, &nodes.offset, &nodes.report, opts) {
        let split = link.x.len() > 1 || link.y.len() > 1;
        for &x in &link.x {
            for &y in &link.y {
                edges.push(Edge {
                    score: link.score,
                    x,
                    y,
                    split,
                });
            }
        }
    }
    edges.sort_by(|p, q| {
        q.score
            .total_cmp(&p.score)
            .then_with(|| (p.x, p.y).cmp(&(q.x, q.y)))
    });
    edges
}

/// Union-find over sentences whose clusters never hold two cells of one report.
struct Clusters {
    parent: Vec<usize>,
    /// For a root: its members, sorted by node id (so by report, then sentence).
    members: Vec<Vec<usize>>,
}

impl Clusters {
    fn new(nodes: &Nodes) -> Self {
        let total = nodes.report.len();
        Clusters {
            parent: (0..total).collect(),
            members: (0..total).map(|i| vec![i]).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the clusters of the edge's ends when that keeps one cell per report.
    fn try_join(&mut self, edge: &Edge, nodes: &Nodes) {
        let (rx, ry) = (self.find(edge.x), self.find(edge.y));
        if rx == ry || !self.compatible(rx, ry, edge, nodes) {
            return;
        }
        let (big, small) = if self.members[rx].len() >= self.members[ry].len() {
            (rx, ry)
        } else {
            (ry, rx)
        };
        let moved = std::mem::take(&mut self.members[small]);
        let merged = &mut self.members[big];
        merged.extend(moved);
        merged.sort_unstable();
        self.parent[small] = big;
    }

    /// Two clusters may join when they share no report, or, for a split edge, when the only
    /// shared reports' sentences would form one run of adjacent sentences.
    fn compatible(&self, rx: usize, ry: usize, edge: &Edge, nodes: &Nodes) -> bool {
        let (mx, my) = (&self.members[rx], &self.members[ry]);
        let mut shared = false;
        let (mut i, mut j) = (0, 0);
        while i < mx.len() && j < my.len() {
            let (ra, rb) = (nodes.report[mx[i]], nodes.report[my[j]]);
            match ra.cmp(&rb) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    if !edge.split {
                        return false;
                    }
                    shared = true;
                    let mut run: Vec<usize> = mx
                        .iter()
                        .chain(my)
                        .filter(|&&m| nodes.report[m] == ra)
                        .map(|&m| nodes.sentence(m))
                        .collect();
                    run.sort_unstable();
                    if run.len() > 2 || run.windows(2).any(|w| w[1] != w[0] + 1) {
                        return false;
                    }
                    while i < mx.len() && nodes.report[mx[i]] == ra {
                        i += 1;
                    }
                    while j < my.len() && nodes.report[my[j]] == ra {
                        j += 1;
                    }
                }
            }
        }
        !shared || edge.split
    }
}

fn build_claims(
    reports: &[Document],
    nodes: &Nodes,
    clusters: &mut Clusters,
    edges: &[Edge],
) -> Vec<Claim> {
    let total = nodes.report.len();
    let roots: Vec<usize> = (0..total).map(|x| clusters.find(x)).collect();
    // Summed similarity of each sentence to the rest of its claim.
    let mut affinity = vec![0.0f64; total];
    for e in edges {
        if roots[e.x] == roots[e.y] {
            affinity[e.x] += f64::from(e.score);
            affinity[e.y] += f64::from(e.score);
        }
    }
    let order = claim_order(reports.len(), nodes, &roots);
    order
        .into_iter()
        .map(|root| {
            let members = &clusters.members[root];
            let mut cells: Vec<Option<Cell>> = vec![None; reports.len()];
            let mut best: Option<(f64, usize)> = None;
            for r in 0..reports.len() {
                let sentences: Vec<usize> = members
                    .iter()
                    .filter(|&&m| nodes.report[m] == r)
                    .map(|&m| nodes.sentence(m))
                    .collect();
                let (Some(&first), Some(&last)) = (sentences.first(), sentences.last()) else {
                    continue;
                };
                let doc = &reports[r];
                let range = doc.sentences[first].range.start..doc.sentences[last].range.end;
                let weight: f64 = members
                    .iter()
                    .filter(|&&m| nodes.report[m] == r)
                    .map(|&m| affinity[m])
                    .sum();
                if best.is_none_or(|(w, _)| weight > w) {
                    best = Some((weight, r));
                }
                cells[r] = Some(Cell {
                    text: doc.body[range.clone()].to_string(),
                    sentences,
                    range,
                    wording: Wording::Different,
                });
            }
            let representative = best.map_or(0, |(_, r)| r);
            let rep_key = cells[representative]
                .as_ref()
                .map(|c| word_keys(&reports[representative], &c.sentences))
                .unwrap_or_default();
            for (r, cell) in cells.iter_mut().enumerate() {
                if let Some(cell) = cell.as_mut() {
                    let same =
                        r != representative && word_keys(&reports[r], &cell.sentences) == rep_key;
                    cell.wording = if r == representative {
                        Wording::Representative
                    } else if same {
                        Wording::Same
                    } else {
                        Wording::Different
                    };
                }
            }
            let text = cells[representative]
                .as_ref()
                .map(|c| c.text.clone())
                .unwrap_or_default();
            Claim {
                representative,
                text,
                carried_by: cells.iter().filter(|c| c.is_some()).count(),
                cells,
            }
        })
        .collect()
}

/// The normalized words and punctuation of some sentences: what "the same words" compares.
fn word_keys<'d>(doc: &'d Document, sentences: &[usize]) -> Vec<&'d str> {
    sentences
        .iter()
        .flat_map(|&s| doc.sentence_tokens(s))
        .map(|t| t.norm.as_str())
        .collect()
}

/// The claims (cluster roots) in reading order: the first report's order; then each later
/// report's new claims go where that report put them — after the known claim that precedes them
/// in it, or, before its first known claim, just before that one. A report sharing nothing is
/// appended.
fn claim_order(report_count: usize, nodes: &Nodes, roots: &[usize]) -> Vec<usize> {
    let mut list = Order::new(roots.len());
    let mut placed = vec![false; roots.len()];
    for r in 0..report_count {
        let mut anchor: Option<usize> = None; // the last known or placed claim of this report
        let mut pending: Vec<usize> = Vec::new(); // new claims before this report's first known one
        for &root in &roots[nodes.offset[r]..nodes.offset[r + 1]] {
            if placed[root] {
                if anchor.is_none() {
                    // Put the report's leading new claims just before its first known claim.
                    let mut at = list.prev[root];
                    for p in pending.drain(..) {
                        list.insert_after(at, p);
                        at = p;
                    }
                }
                anchor = Some(root);
                continue;
            }
            placed[root] = true;
            match anchor {
                Some(a) => {
                    list.insert_after(a, root);
                    anchor = Some(root);
                }
                None => pending.push(root),
            }
        }
        // A report with no known claim at all: its claims go at the end, in its order.
        for p in pending {
            list.insert_after(list.tail, p);
        }
    }
    list.into_vec()
}

/// A doubly linked list of claim roots, so inserting next to an anchor is O(1).
struct Order {
    next: Vec<usize>,
    prev: Vec<usize>,
    head: usize,
    tail: usize,
}

impl Order {
    const END: usize = usize::MAX;

    fn new(len: usize) -> Self {
        Order {
            next: vec![Self::END; len],
            prev: vec![Self::END; len],
            head: Self::END,
            tail: Self::END,
        }
    }

    /// Inserts `root` after `at` (`END`: at the front).
    fn insert_after(&mut self, at: usize, root: usize) {
        let after = if at == Self::END {
            self.head
        } else {
            self.next[at]
        };
        self.prev[root] = at;
        self.next[root] = after;
        if at == Self::END {
            self.head = root;
        } else {
            self.next[at] = root;
        }
        if after == Self::END {
            self.tail = root;
        } else {
            self.prev[after] = root;
        }
    }

    fn into_vec(self) -> Vec<usize> {
        let mut order = Vec::new();
        let mut at = self.head;
        while at != Self::END {
            order.push(at);
            at = self.next[at];
        }
        order
    }
}

fn coverage(reports: &[Document], claims: &[Claim]) -> Vec<Coverage> {
    (0..reports.len())
        .map(|r| {
            let carried: Vec<&Claim> = claims.iter().filter(|c| c.cells[r].is_some()).collect();
            let unique = carried.iter().filter(|c| c.is_unique()).count();
            Coverage {
                report: r,
                sentences: reports[r].sentences.len(),
                claims: carried.len(),
                shared: carried.len() - unique,
                unique,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment;

    fn docs(texts: &[&str]) -> Vec<Document> {
        texts.iter().map(|t| segment(t, Some("en"))).collect()
    }

    #[test]
    fn three_reports_share_reorder_and_add() {
        let reports = docs(&[
            "Rebels took the river town of Dravik on Monday. About 4,200 people fled toward Ostrel. The minister vowed to retake the town.",
            "About 4,000 people fled toward Ostrel overnight. Rebels took the river town of Dravik on Monday. A vigil is planned for Thursday.",
            "Militants took the river town of Dravik on Monday. The minister vowed to retake the town within days.",
        ]);
        let c = collate(&reports, &AlignOptions::default()).expect("three reports collate");
        let texts: Vec<&str> = c.claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(c.claims.len(), 4, "claims: {texts:?}");
        let town = &c.claims[0];
        assert_eq!(
            town.carried_by, 3,
            "all three report the town's fall: {town:?}"
        );
        let vigil = c
            .claims
            .iter()
            .find(|c| c.text.contains("vigil"))
            .expect("the vigil claim");
        assert!(vigil.is_unique() && vigil.cells[1].is_some());
        // The vigil comes where report 1 put it: after the town claim, not before the minister.
        let pos = |needle: &str| {
            c.claims
                .iter()
                .position(|c| c.text.contains(needle))
                .unwrap_or(usize::MAX)
        };
        assert!(pos("vigil") > pos("Rebels took") || pos("vigil") > pos("Militants took"));
        assert_eq!(c.coverage[1].unique, 1);
        assert_eq!(c.coverage[0].shared, 3);
    }

    #[test]
    fn at_most_one_cell_per_report() {
        let same = "Rebels took the river town of Dravik on Monday.";
        let reports = docs(&[&format!("{same} {same}"), same, same]);
        let c = collate(&reports, &AlignOptions::default()).expect("collates");
        for claim in &c.claims {
            for cell in claim.cells.iter().flatten() {
                assert_eq!(
                    cell.sentences.len(),
                    1,
                    "no split here, so one sentence per cell: {claim:?}"
                );
            }
        }
        assert_eq!(
            c.claims.len(),
            2,
            "the repeated sentence can only join one claim"
        );
    }

    #[test]
    fn identical_reports_give_same_wording() {
        let text = "Rebels took Dravik on Monday. Thousands fled to Ostrel.";
        let c = collate(&docs(&[text, text, text]), &AlignOptions::default()).expect("collates");
        assert_eq!(c.claims.len(), 2);
        for claim in &c.claims {
            assert_eq!(claim.carried_by, 3);
            assert_eq!(claim.representative, 0, "ties go to the earlier report");
            assert!(claim.cells[1..]
                .iter()
                .flatten()
                .all(|cell| cell.wording == Wording::Same));
        }
    }

    #[test]
    fn limits_are_errors() {
        assert_eq!(
            collate(&docs(&["One."]), &AlignOptions::default()),
            Err(ReportsError::TooFewReports(1))
        );
        let many = docs(&vec!["A report."; MAX_COLLATE_REPORTS + 1]);
        assert!(matches!(
            collate(&many, &AlignOptions::default()),
            Err(ReportsError::TooManyReports { .. })
        ));
    }

    #[test]
    fn empty_reports_carry_nothing() {
        let c = collate(
            &docs(&["", "Rebels took Dravik on Monday.", ""]),
            &AlignOptions::default(),
        )
        .expect("collates");
        assert_eq!(c.claims.len(), 1);
        assert_eq!(c.coverage[0].claims, 0);
    }
}
