//! The versions view: when a session holds versions of one article, the engine's revision
//! between each pane and the next, with texts spelled out and changes placed at their sentences.

use std::ops::Range;

use super::model::{ChangeModel, RevisionModel};
use super::parts::{inline_ops, slice};
use crate::compare::{revision, ChangeKind, DiffOptions, Reason, Revision};
use crate::text::Document;

/// The revision from pane `old_pane` to pane `old_pane + 1`.
pub(super) fn revision_model(
    old_pane: usize,
    old: &Document,
    new: &Document,
    opts: &DiffOptions,
) -> RevisionModel {
    let lang = old.lang.as_deref().or(new.lang.as_deref());
    let found: Revision = revision(&old.body, &new.body, lang, opts);
    let changes = found
        .changes
        .iter()
        .map(|c| ChangeModel {
            kind: c.kind,
            level: c.level,
            old_text: slice(&old.body, &c.old),
            new_text: slice(&new.body, &c.new),
            ops: inline_ops(&old.body, &new.body, &c.ops),
            score: c.substance.score,
            reasons: c
                .substance
                .reasons
                .iter()
                .map(|&r| reason_text(r, c.kind).to_string())
                .collect(),
            old_sentence: first_sentence(old, &c.old),
            new_sentence: first_sentence(new, &c.new),
        })
        .collect();
    RevisionModel {
        old_pane,
        new_pane: old_pane + 1,
        changes,
        ranked: found.ranked,
        additions: found.stats.additions,
        deletions: found.stats.deletions,
        edits: found.stats.edits,
        moves: found.stats.moves,
    }
}

/// Why a change scored as it did, in a person's words: what changed inside an edited text, and
/// what a text that came or went holds (an added sentence did not "change a number").
fn reason_text(reason: Reason, kind: ChangeKind) -> &'static str {
    let whole = matches!(kind, ChangeKind::Addition | ChangeKind::Deletion);
    match (reason, whole) {
        (Reason::Negation, _) => "negation",
        (Reason::Number, false) => "number changed",
        (Reason::Number, true) => "holds a number",
        (Reason::Quote, false) => "quote changed",
        (Reason::Quote, true) => "holds a quote",
        (Reason::Name, false) => "name changed",
        (Reason::Name, true) => "holds a name",
        (Reason::Wording, false) => "wording",
        (Reason::Wording, true) if kind == ChangeKind::Addition => "new text",
        (Reason::Wording, true) => "removed text",
        (Reason::Moved, _) => "moved",
        (Reason::Typo, _) => "typo",
        (Reason::Punctuation, _) => "punctuation",
    }
}

/// The first sentence overlapping `range` (none for an empty range: the text is not there).
fn first_sentence(doc: &Document, range: &Range<usize>) -> Option<usize> {
    if range.is_empty() {
        return None;
    }
    let k = doc
        .sentences
        .partition_point(|s| s.range.end <= range.start);
    doc.sentences
        .get(k)
        .filter(|s| s.range.start < range.end)
        .map(|_| k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment;

    #[test]
    fn a_changed_number_is_ranked_first_and_placed_at_its_sentences() {
        let old = segment(
            "The agency sent aid on Monday.\n\nAbout 5,000 people fled the town.",
            Some("en"),
        );
        let new = segment(
            "The agency sent aid on Monday.\n\nAbout 6,500 people fled the town.\n\nA spokesman spoke.",
            Some("en"),
        );
        let model = revision_model(0, &old, &new, &DiffOptions::default());
        assert_eq!((model.old_pane, model.new_pane), (0, 1));
        let top = &model.changes[model.ranked[0]];
        assert_eq!(top.kind, ChangeKind::Edit);
        assert!(top.reasons.iter().any(|r| r == "number changed"), "{top:?}");
        assert_eq!((top.old_sentence, top.new_sentence), (Some(1), Some(1)));
        let added = model
            .changes
            .iter()
            .find(|c| c.kind == ChangeKind::Addition)
            .expect("the added paragraph");
        assert_eq!((added.old_sentence, added.new_sentence), (None, Some(2)));
        assert_eq!(model.additions, 1);
    }

    #[test]
    fn text_that_came_or_went_is_described_by_what_it_holds() {
        let old = segment(
            "The agency sent aid on Monday.\n\n\"We will stay,\" said Mayor Ilse Varnow.",
            Some("en"),
        );
        let new = segment(
            "The agency sent aid on Monday.\n\nAbout 6,500 people fled to Kelmsby.",
            Some("en"),
        );
        let model = revision_model(0, &old, &new, &DiffOptions::default());
        let reasons = |kind: ChangeKind| -> Vec<String> {
            model
                .changes
                .iter()
                .filter(|c| c.kind == kind)
                .flat_map(|c| c.reasons.clone())
                .collect()
        };
        let added = reasons(ChangeKind::Addition);
        let removed = reasons(ChangeKind::Deletion);
        assert!(
            added.contains(&"holds a number".to_string())
                && added.contains(&"new text".to_string()),
            "{added:?}"
        );
        assert!(
            removed.contains(&"holds a quote".to_string()),
            "{removed:?}"
        );
        for reason in added.iter().chain(&removed) {
            assert!(
                !reason.ends_with("changed"),
                "nothing came or went 'changed': {reason}"
            );
        }
    }
}
