//! Word-level diff of two spans of text with `similar` (Patience) over word, punctuation and
//! whitespace units; the ops tile both spans exactly, with byte ranges into each body.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use similar::{capture_diff_slices, Algorithm, DiffTag};
use unicode_segmentation::UnicodeSegmentation;

use super::options::DiffOptions;
use crate::text::{canonical, fnv1a, normalize, Document, Token, TokenKind};

/// What a word op does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OpKind {
    Equal,
    Delete,
    Insert,
    Replace,
}

/// One op of a word diff. `a` and `b` are byte ranges into the first and second body; `Insert`
/// has an empty `a`, `Delete` an empty `b`. Concatenating the `a` ranges of all ops of a diff gives
/// the first span back, the `b` ranges the second. `Equal` ops may differ in what the options
/// ignore (case, punctuation, whitespace).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WordOp {
    pub kind: OpKind,
    pub a: Range<usize>,
    pub b: Range<usize>,
}

impl WordOp {
    /// The same op seen from the other side (Delete ↔ Insert, ranges swapped).
    pub fn mirrored(&self) -> WordOp {
        let kind = match self.kind {
            OpKind::Delete => OpKind::Insert,
            OpKind::Insert => OpKind::Delete,
            other => other,
        };
        WordOp {
            kind,
            a: self.b.clone(),
            b: self.a.clone(),
        }
    }
}

/// Diffs `a.body[a_span]` against `b.body[b_span]` using the documents' tokens (spans may cover
/// several sentences; they should start and end on token boundaries).
pub fn diff_spans(
    a: &Document,
    a_span: Range<usize>,
    b: &Document,
    b_span: Range<usize>,
    opts: &DiffOptions,
) -> Vec<WordOp> {
    let ua = units_from_tokens(&a.body, &a.tokens, a_span.clone(), opts);
    let ub = units_from_tokens(&b.body, &b.tokens, b_span.clone(), opts);
    diff_units(&ua, a_span, &ub, b_span)
}

/// Diffs sentence `i` of `a` against sentence `j` of `b`.
pub fn diff_sentences(
    a: &Document,
    i: usize,
    b: &Document,
    j: usize,
    opts: &DiffOptions,
) -> Vec<WordOp> {
    diff_spans(
        a,
        a.sentences[i].range.clone(),
        b,
        b.sentences[j].range.clone(),
        opts,
    )
}

/// Diffs two spans of raw text (no segmented document needed), tokenizing them on the fly;
/// for quotes and other spans that do not follow sentence boundaries.
pub fn diff_text_spans(
    a_body: &str,
    a_span: Range<usize>,
    b_body: &str,
    b_span: Range<usize>,
    opts: &DiffOptions,
) -> Vec<WordOp> {
    let ua = units_from_text(a_body, a_span.clone(), opts);
    let ub = units_from_text(b_body, b_span.clone(), opts);
    diff_units(&ua, a_span, &ub, b_span)
}

/// Whether a diff shows any change.
pub fn has_changes(ops: &[WordOp]) -> bool {
    ops.iter().any(|op| op.kind != OpKind::Equal)
}

/// A unit of a span: a token or the whitespace between tokens, with its comparison key
/// (`None` = ignored under the options).
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub range: Range<usize>,
    pub key: Option<u64>,
}

const WHITESPACE_KEY: u64 = 0x5757_5757_5757_5757;

fn token_key(text: &str, kind: TokenKind, norm: Option<&str>, opts: &DiffOptions) -> Option<u64> {
    if kind == TokenKind::Punct && opts.ignore_punctuation {
        return None;
    }
    let key = if opts.ignore_case {
        match norm {
            Some(n) => fnv1a(n.as_bytes()),
            None => fnv1a(normalize(text).as_bytes()),
        }
    } else {
        fnv1a(canonical(text).as_bytes())
    };
    Some(key)
}

fn whitespace_key(opts: &DiffOptions) -> Option<u64> {
    (!opts.ignore_whitespace).then_some(WHITESPACE_KEY)
}

pub(crate) fn units_from_tokens(
    body: &str,
    tokens: &[Token],
    span: Range<usize>,
    opts: &DiffOptions,
) -> Vec<Unit> {
    let first = tokens.partition_point(|t| t.range.start < span.start);
    let mut units = Vec::new();
    let mut cursor = span.start;
    for t in tokens[first..]
        .iter()
        .take_while(|t| t.range.end <= span.end)
    {
        if t.range.start > cursor {
            units.push(Unit {
                range: cursor..t.range.start,
                key: whitespace_key(opts),
            });
        }
        units.push(Unit {
            range: t.range.clone(),
            key: token_key(&body[t.range.clone()], t.kind, Some(&t.norm), opts),
        });
        cursor = t.range.end;
    }
    if cursor < span.end {
        // Trailing text not covered by tokens (whitespace, or a span ending mid-token).
        let rest = &body[cursor..span.end];
        let key = if rest.trim().is_empty() {
            whitespace_key(opts)
        } else {
            Some(fnv1a(canonical(rest).as_bytes()))
        };
        units.push(Unit {
            range: cursor..span.end,
            key,
        });
    }
    units
}

pub(crate) fn units_from_text(body: &str, span: Range<usize>, opts: &DiffOptions) -> Vec<Unit> {
    let base = span.start;
    body[span]
        .split_word_bound_indices()
        .map(|(offset, piece)| {
            let range = base + offset..base + offset + piece.len();
            let key = if piece.chars().all(char::is_whitespace) {
                whitespace_key(opts)
            } else {
                let kind = if piece.chars().any(char::is_alphanumeric) {
                    TokenKind::Word
                } else {
                    TokenKind::Punct
                };
                token_key(piece, kind, None, opts)
            };
            Unit { range, key }
        })
        .collect()
}

/// Diffs the significant units of two spans and maps the ops back to byte ranges that tile both
/// spans; ignored units between ops become `Equal` ops.
pub(crate) fn diff_units(
    ua: &[Unit],
    span_a: Range<usize>,
    ub: &[Unit],
    span_b: Range<usize>,
) -> Vec<WordOp> {
    let sig_a: Vec<usize> = (0..ua.len()).filter(|&i| ua[i].key.is_some()).collect();
    let sig_b: Vec<usize> = (0..ub.len()).filter(|&i| ub[i].key.is_some()).collect();
    let ka: Vec<u64> = sig_a.iter().filter_map(|&i| ua[i].key).collect();
    let kb: Vec<u64> = sig_b.iter().filter_map(|&i| ub[i].key).collect();
    let mut out: Vec<WordOp> = Vec::new();
    if ka == kb {
        // Equal under the options (the common case for aligned sentences): no diff to run.
        push(&mut out, OpKind::Equal, span_a, span_b);
        return out;
    }
    let mut cur_a = span_a.start;
    let mut cur_b = span_b.start;
    for op in capture_diff_slices(Algorithm::Patience, &ka, &kb) {
        let (tag, ra, rb) = op.as_tag_tuple();
        let start_a = if ra.is_empty() {
            cur_a
        } else {
            ua[sig_a[ra.start]].range.start
        };
        let start_b = if rb.is_empty() {
            cur_b
        } else {
            ub[sig_b[rb.start]].range.start
        };
        push(&mut out, OpKind::Equal, cur_a..start_a, cur_b..start_b);
        let end_a = if ra.is_empty() {
            start_a
        } else {
            ua[sig_a[ra.end - 1]].range.end
        };
        let end_b = if rb.is_empty() {
            start_b
        } else {
            ub[sig_b[rb.end - 1]].range.end
        };
        let kind = match tag {
            DiffTag::Equal => OpKind::Equal,
            DiffTag::Delete => OpKind::Delete,
            DiffTag::Insert => OpKind::Insert,
            DiffTag::Replace => OpKind::Replace,
        };
        push(&mut out, kind, start_a..end_a, start_b..end_b);
        cur_a = end_a;
        cur_b = end_b;
    }
    push(
        &mut out,
        OpKind::Equal,
        cur_a..span_a.end,
        cur_b..span_b.end,
    );
    out
}

/// Appends an op, merging it into the previous one when both have the same kind; empty ops are
/// dropped.
fn push(out: &mut Vec<WordOp>, kind: OpKind, a: Range<usize>, b: Range<usize>) {
    if a.is_empty() && b.is_empty() {
        return;
    }
    if let Some(last) = out.last_mut() {
        if last.kind == kind && last.a.end == a.start && last.b.end == b.start {
            last.a.end = a.end;
            last.b.end = b.end;
            return;
        }
    }
    out.push(WordOp { kind, a, b });
}

#[cfg(test)]
mod tests;
