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

/// The word ops of a diff from `a_body` to `b_body` with the text of both ranges, for reading:
/// changes separated only by a word break become one change ("Rebels took" → "Militants
/// seized" rather than two replacements around an equal space). The texts still spell both
/// sides exactly.
pub(super) fn inline_ops(a_body: &str, b_body: &str, ops: &[WordOp]) -> Vec<InlineOp> {
    let mut out: Vec<InlineOp> = Vec::with_capacity(ops.len());
    let mut k = 0;
    while k < ops.len() {
        let op = spelled(a_body, b_body, &ops[k]);
        let bridge =
            op.kind == InlineOpKind::Equal && op.a.trim().is_empty() && op.b.trim().is_empty();
        if bridge {
            let next = ops.get(k + 1).map(|n| spelled(a_body, b_body, n));
            if let (Some(last), Some(next)) = (out.last_mut(), next) {
                if joinable(last.kind, next.kind) {
                    last.a.push_str(&op.a);
                    last.a.push_str(&next.a);
                    last.b.push_str(&op.b);
                    last.b.push_str(&next.b);
                    last.kind = InlineOpKind::Replace;
                    k += 2;
                    continue;
                }
            }
        }
        out.push(op);
        k += 1;
    }
    out
}

/// Whether two changes around a word break read as one replacement: not two deletions or two
/// insertions (the break would become a change of its own on the other side).
fn joinable(before: InlineOpKind, after: InlineOpKind) -> bool {
    use InlineOpKind::{Delete, Equal, Insert};
    !(before == Equal
        || after == Equal
        || (before == Delete && after == Delete)
        || (before == Insert && after == Insert))
}

fn spelled(a_body: &str, b_body: &str, op: &WordOp) -> InlineOp {
    InlineOp {
        kind: match op.kind {
            OpKind::Equal => InlineOpKind::Equal,
            OpKind::Delete => InlineOpKind::Delete,
            OpKind::Insert => InlineOpKind::Insert,
            OpKind::Replace => InlineOpKind::Replace,
        },
        a: slice(a_body, &op.a),
        b: slice(b_body, &op.b),
    }
}

/// A whole text as one `Same` part.
pub(super) fn same(text: &str) -> Vec<MarkedPart> {
    vec![MarkedPart {
        text: text.to_string(),
        mark: PartMark::Same,
    }]
}

/// `body[sentence]` cut into parts: `Differs` over the `differs` ranges (clipped to the
/// sentence; whitespace at the edges of a run that holds words stays `Same`, a word break between
/// two runs joins them), `Same` elsewhere. Adjacent parts of one mark are merged and no part is
/// empty.
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
        let joins = matches!(parts.last(), Some(p) if p.mark == PartMark::Differs)
            && body[cursor..s].trim().is_empty();
        let gap = if joins {
            PartMark::Differs
        } else {
            PartMark::Same
        };
        push(&mut parts, &body[cursor..s], gap);
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
        let body = "one; two three four";
        let parts = marked_parts(body, &(0..body.len()), [5..14, 9..19, 0..3]);
        assert_eq!(joined(&parts), body);
        assert_eq!(parts.len(), 3, "{parts:?}");
    }

    #[test]
    fn an_empty_sentence_has_one_empty_part() {
        let parts = marked_parts("", &(0..0), []);
        assert_eq!(parts, same(""));
    }

    #[test]
    fn runs_split_by_a_word_break_are_one_run() {
        let body = "DRAVIK, Varnia (Wire) said so";
        let parts = marked_parts(body, &(0..body.len()), [0..7, 8..14, 15..21]);
        assert_eq!(parts[0].text, "DRAVIK, Varnia (Wire)");
        assert_eq!(parts[0].mark, PartMark::Differs);
        assert_eq!(joined(&parts), body);
    }

    #[test]
    fn changes_around_a_word_break_read_as_one_replacement() {
        let (a, b) = ("Rebels took the town", "Militants seized the town");
        let op = |kind, a: Range<usize>, b: Range<usize>| WordOp { kind, a, b };
        let ops = [
            op(OpKind::Replace, 0..6, 0..9),
            op(OpKind::Equal, 6..7, 9..10),
            op(OpKind::Replace, 7..11, 10..16),
            op(OpKind::Equal, 11..20, 16..25),
        ];
        let inline = inline_ops(a, b, &ops);
        assert_eq!(inline.len(), 2, "{inline:?}");
        assert_eq!(
            (inline[0].a.as_str(), inline[0].b.as_str()),
            ("Rebels took", "Militants seized")
        );
        let spelled_a: String = inline.iter().map(|o| o.a.as_str()).collect();
        let spelled_b: String = inline.iter().map(|o| o.b.as_str()).collect();
        assert_eq!((spelled_a.as_str(), spelled_b.as_str()), (a, b));
        // Two deletions around a kept space stay apart.
        let (a, b) = ("very big town", " town");
        let ops = [
            op(OpKind::Delete, 0..4, 0..0),
            op(OpKind::Equal, 4..5, 0..1),
            op(OpKind::Delete, 5..9, 1..1),
            op(OpKind::Equal, 9..13, 1..5),
        ];
        assert_eq!(inline_ops(a, b, &ops).len(), 4);
    }
}
