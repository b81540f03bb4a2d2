//! Cutting texts for the session model: a sentence into marked parts, a word diff into ops with
//! both texts spelled out. Every cut lands on a char boundary and a sentence's parts always
//! concatenate to exactly its text, whatever ranges come in.

use std::ops::Range;

use super::model::{InlineOp, InlineOpKind, MarkedPart, PartMark};
use crate::compare::{OpKind, WordOp};

/// The text of `range` in `body`, widened or narrowed to char boundaries, never panicking.
pub(super) fn slice(body: &str, range: &Range<usize>) -> String {
    let (start, end) = clamp(body, range);
    body[start..end].to_string()
}

/// `range` clipped to `body` with both ends moved down to char boundaries.
fn clamp(body: &str, range: &Range<usize>) -> (usize, usize) {
    let start = floor_boundary(body, range.start.min(body.len()));
    let end = floor_boundary(body, range.end.min(body.len())).max(start);
    (start, end)
}

fn floor_boundary(body: &str, mut at: usize) -> usize {
    while !body.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The word ops of a diff from `a_body` to `b_body` with the text of both ranges.
pub(super) fn inline_ops(a_body: &str, b_body: &str, ops: &[WordOp]) -> Vec<InlineOp> {
    ops.iter()
        .map(|op| InlineOp {
            kind: match op.kind {
                OpKind::Equal => InlineOpKind::Equal,
                OpKind::Delete => InlineOpKind::Delete,
                OpKind::Insert => InlineOpKind::Insert,
                OpKind::Replace => InlineOpKind::Replace,
            },
            a: slice(a_body, &op.a),
            b: slice(b_body, &op.b),
        })
        .collect()
}

/// A whole text as one `Same` part.
pub(super) fn same(text: &str) -> Vec<MarkedPart> {
    vec![MarkedPart {
        text: text.to_string(),
        mark: PartMark::Same,
    }]
}

/// `body[sentence]` cut into parts: `Differs` over the `differs` ranges (clipped to the
/// sentence; whitespace at the edges of a run that holds words stays `Same`), `Same` elsewhere.
/// Adjacent parts of one mark are merged and no part is empty.
pub(super) fn marked_parts(
    body: &str,
    sentence: &Range<usize>,
    differs: impl IntoIterator<Item = Range<usize>>,
) -> Vec<MarkedPart> {
    let (start, end) = clamp(body, sentence);
    let mut runs: Vec<(usize, usize)> = differs
        .into_iter()
        .map(|r| {
            let (s, e) = clamp(body, &r);
            (s.max(start), e.min(end))
        })
        .filter(|(s, e)| s < e)
        .map(|(s, e)| trim_run(body, s, e))
        .collect();
    runs.sort_unstable();
    let mut parts: Vec<MarkedPart> = Vec::new();
    let mut cursor = start;
    for (s, e) in runs {
        let s = s.max(cursor);
        if s >= e {
            continue;
        }
        push(&mut parts, &body[cursor..s], PartMark::Same);
        push(&mut parts, &body[s..e], PartMark::Differs);
        cursor = e;
    }
    push(&mut parts, &body[cursor..end], PartMark::Same);
    if parts.is_empty() {
        push_empty(&mut parts);
    }
    parts
}

/// The sentence `body[sentence]` with the one range `word` marked `Differs`: the context of a
/// fact or a substituted word.
pub(super) fn context(body: &str, sentence: &Range<usize>, word: &Range<usize>) -> Vec<MarkedPart> {
    marked_parts(body, sentence, [word.clone()])
}

/// A run without the whitespace at its edges, unless it is only whitespace (a word break one
/// side lacks is itself the difference).
fn trim_run(body: &str, s: usize, e: usize) -> (usize, usize) {
    let text = &body[s..e];
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return (s, e);
    }
    let lead = text.len() - text.trim_start().len();
    (s + lead, s + lead + trimmed.len())
}

fn push(parts: &mut Vec<MarkedPart>, text: &str, mark: PartMark) {
    if text.is_empty() {
        return;
    }
    match parts.last_mut() {
        Some(last) if last.mark == mark => last.text.push_str(text),
        _ => parts.push(MarkedPart {
            text: text.to_string(),
            mark,
        }),
    }
}

/// An empty sentence still has one (empty) part, so a reader can paint it.
fn push_empty(parts: &mut Vec<MarkedPart>) {
    parts.push(MarkedPart {
        text: String::new(),
        mark: PartMark::Same,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(parts: &[MarkedPart]) -> String {
        parts.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn parts_tile_the_sentence_and_mark_the_ranges() {
        let body = "Rebels took heavy fire. Next";
        let parts = marked_parts(body, &(0..23), std::iter::once(12..18));
        assert_eq!(joined(&parts), "Rebels took heavy fire.");
        let marked: Vec<&str> = parts
            .iter()
            .filter(|p| p.mark == PartMark::Differs)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(marked, vec!["heavy"], "the trailing space stays Same");
    }

    #[test]
    fn ranges_off_char_boundaries_or_outside_never_panic() {
        let body = "Дравик пал. Ещё";
        let sentence = 0..body.find(". ").map_or(0, |i| i + 1);
        #[allow(clippy::reversed_empty_ranges)] // a reversed range must not panic either
        for r in [1..3, 3..200, 0..1, 5..2] {
            let parts = marked_parts(body, &sentence, [r]);
            assert_eq!(joined(&parts), &body[sentence.clone()]);
        }
        assert_eq!(slice(body, &(1..400)), body);
    }

    #[test]
    fn overlapping_runs_are_merged_without_repeating_text() {
        let body = "one two three four";
        let parts = marked_parts(body, &(0..body.len()), [4..13, 8..18, 0..3]);
        assert_eq!(joined(&parts), body);
        assert_eq!(parts.len(), 3, "{parts:?}");
    }

    #[test]
    fn an_empty_sentence_has_one_empty_part() {
        let parts = marked_parts("", &(0..0), []);
        assert_eq!(parts, same(""));
    }
}
