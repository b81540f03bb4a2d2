//! The links between neighbouring panes: manual links placed on the panes and mapped onto each
//! neighbour pair's align options, the link models (connectors), and the rows of the two-report
//! inline view.

use super::model::{InlineRow, LinkModel, NeighbourLinks, SentenceClass};
use super::parts::{inline_ops, slice};
use crate::compare::{AlignOptions, Alignment, PairClass};
use crate::text::Document;

/// A link or unlink of two sentences made by hand: `linked` links them, `!linked` forbids linking
/// them. Reports are named by their key (the library's article id, which the engine reads as
/// `ReportInput::key`), so a link survives the panes being reordered. The one representation of a manual link, from
/// the UI through the store (saved with the session) to the engine.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ManualLink {
    pub article_a: i64,
    pub sentence_a: usize,
    pub article_b: i64,
    pub sentence_b: usize,
    /// `true` links the two sentences; `false` forbids linking them.
    pub linked: bool,
}

/// A manual link placed on the session's panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct PanePin {
    pane_a: usize,
    sentence_a: usize,
    pane_b: usize,
    sentence_b: usize,
    linked: bool,
}

/// The manual links placed on the panes whose reports have these `keys` (in pane order); a link
/// naming a report not in the session (deleted meanwhile) waits for it, left out.
pub(super) fn pins_of(links: &[ManualLink], keys: &[i64]) -> Vec<PanePin> {
    let pane = |key: i64| keys.iter().position(|&k| k == key);
    links
        .iter()
        .filter_map(|link| {
            Some(PanePin {
                pane_a: pane(link.article_a)?,
                sentence_a: link.sentence_a,
                pane_b: pane(link.article_b)?,
                sentence_b: link.sentence_b,
                linked: link.linked,
            })
        })
        .collect()
}

/// The align options of every neighbour pair (`result[i]`: pane `i` with pane `i + 1`) with the
/// pins that apply to it, and warnings for the pins that could not be applied.
pub(super) fn neighbour_options(
    base: &AlignOptions,
    pins: &[PanePin],
    docs: &[&Document],
) -> (Vec<AlignOptions>, Vec<String>) {
    let clean = AlignOptions {
        pinned: Vec::new(),
        unlinked: Vec::new(),
        ..base.clone()
    };
    let pairs = docs.len().saturating_sub(1);
    let mut options = vec![clean; pairs];
    let (mut stale, mut apart) = (0usize, 0usize);
    for pin in pins {
        let (left, right) = (pin.pane_a.min(pin.pane_b), pin.pane_a.max(pin.pane_b));
        if right >= docs.len() {
            stale += 1;
            continue;
        }
        if right != left + 1 {
            apart += 1;
            continue;
        }
        // The pin's sentences in (left pane, right pane) order.
        let (s_left, s_right) = if pin.pane_a == left {
            (pin.sentence_a, pin.sentence_b)
        } else {
            (pin.sentence_b, pin.sentence_a)
        };
        if s_left >= docs[left].sentences.len() || s_right >= docs[right].sentences.len() {
            stale += 1;
            continue;
        }
        let target = if pin.linked {
            &mut options[left].pinned
        } else {
            &mut options[left].unlinked
        };
        target.push((s_left, s_right));
    }
    let mut warnings = Vec::new();
    if stale > 0 {
        warnings.push(format!(
            "{} manual link{} no longer match{} the reports and {} ignored",
            stale,
            plural(stale),
            if stale == 1 { "es" } else { "" },
            if stale == 1 { "was" } else { "were" },
        ));
    }
    if apart > 0 {
        warnings.push(format!(
            "{} manual link{} between reports that are not side by side {} ignored until they are",
            apart,
            plural(apart),
            if apart == 1 { "is" } else { "are" },
        ));
    }
    (options, warnings)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The model class of a pair class.
pub(super) fn class_of(class: PairClass) -> SentenceClass {
    match class {
        PairClass::Identical => SentenceClass::Identical,
        PairClass::Changed => SentenceClass::Changed,
        PairClass::Moved => SentenceClass::Moved,
        PairClass::Translated => SentenceClass::Translated,
    }
}

/// The connectors between pane `left` (`a`) and pane `left + 1` (`b`).
pub(super) fn neighbour_links(
    left: usize,
    a: &Document,
    b: &Document,
    alignment: &Alignment,
) -> NeighbourLinks {
    NeighbourLinks {
        left,
        links: alignment
            .pairs
            .iter()
            .map(|p| LinkModel {
                a: p.a.clone(),
                b: p.b.clone(),
                class: class_of(p.class),
                similarity: p.similarity,
                pinned: p.pinned,
                ops: inline_ops(&a.body, &b.body, &p.ops),
            })
            .collect(),
    }
}

/// The rows of the inline view of two reports: B's order, each pair once (at its first B
/// sentence), each sentence only A has right after the A sentence it follows (at the top when
/// nothing linked precedes it). Every sentence of both reports is in exactly one row.
pub(super) fn inline_rows(a: &Document, b: &Document, alignment: &Alignment) -> Vec<InlineRow> {
    let pair_of_a = alignment.pair_of_a(a.sentences.len());
    let pair_of_b = alignment.pair_of_b(b.sentences.len());
    let only_a = |i: usize| InlineRow::OnlyA {
        sentence: i,
        text: slice(&a.body, &a.sentences[i].range),
    };
    // A-only sentences grouped by the pair of the nearest linked A sentence before them.
    let mut leading: Vec<usize> = Vec::new();
    let mut after_pair: Vec<Vec<usize>> = vec![Vec::new(); alignment.pairs.len()];
    let mut last_pair: Option<usize> = None;
    for (i, pair) in pair_of_a.iter().enumerate() {
        match (pair, last_pair) {
            (Some(k), _) => last_pair = Some(*k),
            (None, Some(k)) => after_pair[k].push(i),
            (None, None) => leading.push(i),
        }
    }
    let mut rows: Vec<InlineRow> = leading.into_iter().map(only_a).collect();
    for (j, pair) in pair_of_b.iter().enumerate() {
        match pair {
            None => rows.push(InlineRow::OnlyB {
                sentence: j,
                text: slice(&b.body, &b.sentences[j].range),
            }),
            Some(k) if alignment.pairs[*k].b.first() == Some(&j) => {
                let p = &alignment.pairs[*k];
                rows.push(InlineRow::Linked {
                    a: p.a.clone(),
                    b: p.b.clone(),
                    class: class_of(p.class),
                    ops: inline_ops(&a.body, &b.body, &p.ops),
                });
                rows.extend(after_pair[*k].iter().copied().map(only_a));
            }
            Some(_) => {} // the second sentence of a pair already in its row
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::align;
    use crate::text::segment;

    fn docs() -> (Document, Document) {
        (
            segment(
                "Rebels took Dravik on Monday. Nobody else says this. Thousands fled the town. A closing line only A has.",
                Some("en"),
            ),
            segment(
                "Thousands fled the town. Only B reports shelling overnight. Rebels took Dravik on Monday morning.",
                Some("en"),
            ),
        )
    }

    #[test]
    fn inline_rows_cover_every_sentence_once_in_b_order() {
        let (a, b) = docs();
        let alignment = align(&a, &b, &AlignOptions::default());
        let rows = inline_rows(&a, &b, &alignment);
        let (mut seen_a, mut seen_b) = (Vec::new(), Vec::new());
        for row in &rows {
            match row {
                InlineRow::Linked { a, b, .. } => {
                    seen_a.extend(a);
                    seen_b.extend(b);
                }
                InlineRow::OnlyA { sentence, .. } => seen_a.push(*sentence),
                InlineRow::OnlyB { sentence, .. } => seen_b.push(*sentence),
            }
        }
        seen_a.sort_unstable();
        assert_eq!(seen_a, (0..a.sentences.len()).collect::<Vec<_>>());
        assert_eq!(
            seen_b,
            (0..b.sentences.len()).collect::<Vec<_>>(),
            "B order"
        );
        // "Nobody else says this." follows "Rebels took Dravik", which B puts last.
        let position = |want: usize| {
            rows.iter()
                .position(|r| matches!(r, InlineRow::OnlyA { sentence, .. } if *sentence == want))
        };
        let linked_rebels = rows
            .iter()
            .position(|r| matches!(r, InlineRow::Linked { a, .. } if a.contains(&0)));
        assert_eq!(position(1), linked_rebels.map(|p| p + 1), "{rows:?}");
    }

    #[test]
    fn pins_reach_the_neighbour_pair_in_left_right_order() {
        let (a, b) = docs();
        let c = segment("One more report.", Some("en"));
        let pins = [
            PanePin {
                pane_a: 1,
                sentence_a: 2,
                pane_b: 0,
                sentence_b: 3,
                linked: true,
            },
            PanePin {
                pane_a: 1,
                sentence_a: 0,
                pane_b: 2,
                sentence_b: 0,
                linked: false,
            },
            PanePin {
                pane_a: 0,
                sentence_a: 0,
                pane_b: 2,
                sentence_b: 0,
                linked: true,
            },
            PanePin {
                pane_a: 0,
                sentence_a: 99,
                pane_b: 1,
                sentence_b: 0,
                linked: true,
            },
            PanePin {
                pane_a: 0,
                sentence_a: 0,
                pane_b: 7,
                sentence_b: 0,
                linked: true,
            },
        ];
        let (options, warnings) = neighbour_options(&AlignOptions::default(), &pins, &[&a, &b, &c]);
        assert_eq!(options[0].pinned, vec![(3, 2)]);
        assert!(options[0].unlinked.is_empty());
        assert_eq!(options[1].unlinked, vec![(0, 0)]);
        assert!(options[1].pinned.is_empty());
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].starts_with("2 manual links"), "{warnings:?}");
    }
}
