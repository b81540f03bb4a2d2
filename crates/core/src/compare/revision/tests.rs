//! Unit tests of revision: kinds of change, moves at both levels, ranking and bad input.

use super::*;

fn run(old: &str, new: &str) -> Revision {
    revision(old, new, Some("en"), &DiffOptions::default())
}

fn kinds(r: &Revision) -> Vec<(ChangeKind, Level)> {
    r.changes.iter().map(|c| (c.kind, c.level)).collect()
}

#[test]
fn identical_versions_have_no_changes() {
    let text = "First paragraph here.\n\nSecond one. With two sentences.";
    let r = run(text, text);
    assert!(r.changes.is_empty() && r.ranked.is_empty());
    assert_eq!(r.stats.unchanged_paragraphs, 2);
}

#[test]
fn edit_addition_deletion_and_paragraph_move() {
    let old = "Police said 40 people were hurt. The fire started at noon.\n\n\
               Witnesses described panic.\n\n\
               The mayor will visit on Friday.\n\n\
               Officials did not comment.";
    let new = "Police said 45 people were hurt. The fire started at noon. Roads were closed.\n\n\
               The mayor will visit on Friday.\n\n\
               Officials did not comment.\n\n\
               Witnesses described panic.";
    let r = run(old, new);
    let got: Vec<(ChangeKind, Level, &str, &str)> = r
        .changes
        .iter()
        .map(|c| (c.kind, c.level, &old[c.old.clone()], &new[c.new.clone()]))
        .collect();
    assert_eq!(
        got,
        [
            (
                ChangeKind::Edit,
                Level::Sentence,
                "Police said 40 people were hurt.",
                "Police said 45 people were hurt."
            ),
            (
                ChangeKind::Addition,
                Level::Sentence,
                "",
                "Roads were closed."
            ),
            (
                ChangeKind::Move,
                Level::Paragraph,
                "Witnesses described panic.",
                "Witnesses described panic."
            ),
        ]
    );
    assert!(r.changes[0].substance.reasons.contains(&Reason::Number));
    assert_eq!(r.ranked[0], 0, "the changed number ranks first");
    assert_eq!(r.stats.moves, 1);
}

#[test]
fn a_sentence_moved_between_paragraphs_is_a_move() {
    let old = "Alpha one went. Bravo two stayed behind the lines.\n\nCharlie three left.";
    let new = "Alpha one went.\n\nCharlie three left. Bravo two stayed behind the lines.";
    let r = run(old, new);
    // Either Bravo moved after Charlie or Charlie before Bravo: both are one sentence move.
    assert_eq!(kinds(&r), [(ChangeKind::Move, Level::Sentence)]);
    let c = &r.changes[0];
    assert_eq!(&old[c.old.clone()], &new[c.new.clone()]);
    assert!(c.ops.is_empty(), "an unchanged move carries no word diff");
}

#[test]
fn whole_paragraph_deletion_is_one_change() {
    let old = "Kept here.\n\nGone now. Also gone.\n\nKept too.";
    let new = "Kept here.\n\nKept too.";
    let r = run(old, new);
    assert_eq!(kinds(&r), [(ChangeKind::Deletion, Level::Paragraph)]);
    assert_eq!(&old[r.changes[0].old.clone()], "Gone now. Also gone.");
    assert_eq!(r.changes[0].new, 12..12, "anchored where the paragraph was");
}

#[test]
fn negation_outranks_rewording_which_outranks_typo_and_punctuation() {
    let old = "The minister will resign. The goverment met today. The vote was close, and tense. \
               The council approved the plan quickly.";
    let new =
        "The minister will not resign. The government met today. The vote was close and tense. \
               The council approved the plan eventually.";
    let r = run(old, new);
    let order: Vec<Reason> = r
        .ranked
        .iter()
        .map(|&k| r.changes[k].substance.reasons[0])
        .collect();
    assert_eq!(
        order,
        [
            Reason::Negation,
            Reason::Wording,
            Reason::Typo,
            Reason::Punctuation
        ]
    );
}

#[test]
fn quote_and_name_changes_are_recognized() {
    let old =
        "\u{201C}We will rebuild the bridge,\u{201D} she said. The plan was drawn up by Halden.";
    let new =
        "\u{201C}We might rebuild the bridge,\u{201D} she said. The plan was drawn up by Ostrava.";
    let r = run(old, new);
    let reasons: Vec<Vec<Reason>> = r
        .changes
        .iter()
        .map(|c| c.substance.reasons.clone())
        .collect();
    assert!(reasons[0].contains(&Reason::Quote), "{reasons:?}");
    assert!(reasons[1].contains(&Reason::Name), "{reasons:?}");
}

#[test]
fn a_capital_opening_a_quotation_is_not_a_name() {
    let old = "\u{201C}The government abandoned them,\u{201D} she said.";
    let new = "\u{201C}Officials abandoned them,\u{201D} she said.";
    let r = run(old, new);
    assert_eq!(r.changes.len(), 1);
    let reasons = &r.changes[0].substance.reasons;
    assert!(
        reasons.contains(&Reason::Quote) && !reasons.contains(&Reason::Name),
        "{reasons:?}"
    );
}

#[test]
fn empty_versions() {
    assert!(run("", "").changes.is_empty());
    let r = run("", "Brand new text.");
    assert_eq!(kinds(&r), [(ChangeKind::Addition, Level::Paragraph)]);
    let r = run("Old text.", "");
    assert_eq!(kinds(&r), [(ChangeKind::Deletion, Level::Paragraph)]);
}

#[test]
fn ranges_rebuild_the_changed_text_on_char_boundaries() {
    let old = "Мэр сказал «да». 東京で会議。\n\nمرحبا بكم.";
    let new = "Мэр сказал «нет». 東京で会議。\n\nمرحبا.";
    let r = revision(old, new, None, &DiffOptions::default());
    assert!(!r.changes.is_empty());
    for c in &r.changes {
        assert!(old.is_char_boundary(c.old.start) && old.is_char_boundary(c.old.end));
        assert!(new.is_char_boundary(c.new.start) && new.is_char_boundary(c.new.end));
        if c.kind == ChangeKind::Edit {
            let a: String = c.ops.iter().map(|o| &old[o.a.clone()]).collect();
            let b: String = c.ops.iter().map(|o| &new[o.b.clone()]).collect();
            assert_eq!(
                (a.as_str(), b.as_str()),
                (&old[c.old.clone()], &new[c.new.clone()])
            );
        }
    }
}
