//! Unit tests of the word diff: exact rebuild, kinds of ops, ignore options.

use super::*;
use crate::text::segment;

fn rebuild(body: &str, ranges: impl Iterator<Item = Range<usize>>) -> String {
    ranges.map(|r| &body[r]).collect()
}

fn changed(ops: &[WordOp], a: &str, b: &str) -> Vec<(OpKind, String, String)> {
    ops.iter()
        .filter(|op| op.kind != OpKind::Equal)
        .map(|op| {
            (
                op.kind,
                a[op.a.clone()].to_string(),
                b[op.b.clone()].to_string(),
            )
        })
        .collect()
}

#[test]
fn ops_rebuild_both_sentences_and_find_the_replaced_number() {
    let a = segment("Police said 4,200 people marched on Tuesday.", Some("en"));
    let b = segment(
        "Police said  4,000 people marched peacefully on Tuesday.",
        Some("en"),
    );
    let ops = diff_sentences(&a, 0, &b, 0, &DiffOptions::default());
    assert_eq!(rebuild(&a.body, ops.iter().map(|o| o.a.clone())), a.body);
    assert_eq!(rebuild(&b.body, ops.iter().map(|o| o.b.clone())), b.body);
    assert_eq!(
        changed(&ops, &a.body, &b.body),
        [
            (OpKind::Replace, "4,200".into(), "4,000".into()),
            (OpKind::Insert, String::new(), "peacefully ".into()),
        ]
    );
}

#[test]
fn quote_variants_are_equal_but_case_is_not_unless_ignored() {
    let a = segment("It\u{2019}s the Mayor.", Some("en"));
    let b = segment("It's the mayor.", Some("en"));
    let strict = diff_sentences(&a, 0, &b, 0, &DiffOptions::default());
    assert_eq!(
        changed(&strict, &a.body, &b.body),
        [(OpKind::Replace, "Mayor".into(), "mayor".into())]
    );
    let opts = DiffOptions {
        ignore_case: true,
        ..DiffOptions::default()
    };
    assert!(!has_changes(&diff_sentences(&a, 0, &b, 0, &opts)));
}

#[test]
fn ignore_punctuation_hides_punctuation_only_changes() {
    let a = segment("Dr. Smith, the mayor, left.", Some("en"));
    let b = segment("Dr Smith the mayor left", Some("en"));
    let opts = DiffOptions {
        ignore_punctuation: true,
        ..DiffOptions::default()
    };
    let ops = diff_spans(&a, 0..a.body.len(), &b, 0..b.body.len(), &opts);
    assert!(!has_changes(&ops), "{ops:?}");
    assert_eq!(rebuild(&a.body, ops.iter().map(|o| o.a.clone())), a.body);
    assert_eq!(rebuild(&b.body, ops.iter().map(|o| o.b.clone())), b.body);
    let strict = diff_spans(
        &a,
        0..a.body.len(),
        &b,
        0..b.body.len(),
        &DiffOptions::default(),
    );
    assert!(has_changes(&strict));
}

#[test]
fn raw_text_spans_diff_without_a_document() {
    let a = "He said \u{201C}we will rebuild\u{201D} today";
    let b = "\"We will rebuild everything\"";
    let sa = a.find('w').unwrap()..a.find('\u{201D}').unwrap();
    let sb = 1..b.len() - 1;
    let ops = diff_text_spans(a, sa.clone(), b, sb.clone(), &DiffOptions::default());
    assert_eq!(rebuild(a, ops.iter().map(|o| o.a.clone())), &a[sa]);
    assert_eq!(rebuild(b, ops.iter().map(|o| o.b.clone())), &b[sb]);
    assert_eq!(
        changed(&ops, a, b),
        [
            (OpKind::Replace, "we".into(), "We".into()),
            (OpKind::Insert, String::new(), " everything".into())
        ]
    );
}

#[test]
fn empty_spans_diff_to_a_single_insert_or_nothing() {
    let a = segment("", Some("en"));
    let b = segment("New text.", Some("en"));
    let ops = diff_spans(&a, 0..0, &b, 0..b.body.len(), &DiffOptions::default());
    assert_eq!(
        ops,
        [WordOp {
            kind: OpKind::Insert,
            a: 0..0,
            b: 0..9
        }]
    );
    assert!(diff_spans(&a, 0..0, &a, 0..0, &DiffOptions::default()).is_empty());
}

#[test]
fn mirrored_op_swaps_sides() {
    let op = WordOp {
        kind: OpKind::Delete,
        a: 1..3,
        b: 4..4,
    };
    assert_eq!(
        op.mirrored(),
        WordOp {
            kind: OpKind::Insert,
            a: 4..4,
            b: 1..3
        }
    );
}
