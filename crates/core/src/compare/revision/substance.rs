//! How much a change matters: a changed number, name, quote or negation outranks rewording,
//! which outranks a typo fix or a punctuation change.

use crate::text::lexicon;
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use crate::compare::diff::{OpKind, WordOp};
use crate::text::normalize;

/// Why a change matters (or does not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reason {
    /// A negation appeared or disappeared ("not", "never", "n't").
    Negation,
    /// A number changed, or text holding numbers came or went.
    Number,
    /// Words inside a quotation changed, or a quotation came or went.
    Quote,
    /// A capitalized name changed, came or went.
    Name,
    /// Other words changed.
    Wording,
    /// Text was moved.
    Moved,
    /// A one- or two-letter correction of a word.
    Typo,
    /// Only punctuation changed.
    Punctuation,
}

impl Reason {
    fn weight(self) -> u32 {
        match self {
            Reason::Negation => 90,
            Reason::Number => 80,
            Reason::Quote => 70,
            Reason::Name => 60,
            Reason::Wording => 30,
            Reason::Moved => 15,
            Reason::Typo => 5,
            Reason::Punctuation => 2,
        }
    }
}

/// The rank of a change: higher matters more. `reasons` are sorted, most weighty first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Substance {
    pub score: u32,
    pub reasons: Vec<Reason>,
}

impl Substance {
    pub(crate) fn moved() -> Substance {
        Substance {
            score: Reason::Moved.weight(),
            reasons: vec![Reason::Moved],
        }
    }

    /// The same substance for text that was also moved.
    pub(crate) fn with_move(mut self) -> Substance {
        if !self.reasons.contains(&Reason::Moved) {
            self.reasons.push(Reason::Moved);
            self.reasons.sort();
        }
        self
    }

    fn from_reasons(mut reasons: Vec<Reason>, extra: u32) -> Substance {
        reasons.sort();
        reasons.dedup();
        let top = reasons.first().map_or(0, |r| r.weight());
        Substance {
            score: top + extra,
            reasons,
        }
    }
}

/// A word of changed text, with what the ranking needs to know about it.
struct Word<'t> {
    text: &'t str,
    norm: String,
    offset: usize,
}

fn words(text: &str, base: usize) -> Vec<Word<'_>> {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(o, w)| Word {
            text: w,
            norm: normalize(w),
            offset: base + o,
        })
        .collect()
}

fn is_number(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_numeric)
}

fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A capitalized word that does not open its sentence, a quotation, a parenthesis or a clause
/// after a colon.
fn is_name(body: &str, sentence_start: usize, w: &Word<'_>) -> bool {
    if !is_capitalized(w.text) || w.offset <= sentence_start {
        return false;
    }
    let before = body[sentence_start..w.offset].trim_end();
    let opener = before.chars().last().is_some_and(|c| {
        matches!(
            c,
            '"' | '\u{201C}' | '\u{201E}' | '\u{00AB}' | '(' | ':' | '.' | '?' | '!'
        )
    });
    !opener && before.chars().any(char::is_alphanumeric)
}

fn has_quote_mark(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            c,
            '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}'
        )
    })
}

/// Whether byte `at` of `sentence` (which starts at byte `start` of its body) lies inside a
/// quotation.
fn inside_quote(body: &str, start: usize, at: usize) -> bool {
    let before = &body[start..at.max(start)];
    let (mut depth, mut straight) = (0i32, false);
    for c in before.chars() {
        match c {
            '\u{201C}' | '\u{201E}' | '\u{00AB}' => depth += 1,
            '\u{201D}' | '\u{00BB}' => depth -= 1,
            '"' => straight = !straight,
            _ => {}
        }
    }
    depth > 0 || straight
}

fn levenshtein_at_most(a: &str, b: &str, limit: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return false;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()] <= limit
}

/// The substance of an edit from its word ops (ranges into `old` and `new`; the first op starts
/// each sentence).
pub(crate) fn edit(old: &str, new: &str, ops: &[WordOp]) -> Substance {
    let (start_old, start_new) = ops.first().map_or((0, 0), |op| (op.a.start, op.b.start));
    let mut reasons = Vec::new();
    let mut changed_words = 0u32;
    let mut all_typos = true;
    for op in ops.iter().filter(|op| op.kind != OpKind::Equal) {
        let wo = words(&old[op.a.clone()], op.a.start);
        let wn = words(&new[op.b.clone()], op.b.start);
        changed_words += (wo.len().max(wn.len())) as u32;
        let typo = op.kind == OpKind::Replace
            && wo.len() == 1
            && wn.len() == 1
            && !is_number(wo[0].text)
            && wo[0].norm.chars().count() >= 4
            && levenshtein_at_most(&wo[0].norm, &wn[0].norm, 2);
        all_typos &= typo || (wo.is_empty() && wn.is_empty());
        if typo {
            continue;
        }
        let sides = [(&wo, old, start_old, &op.a), (&wn, new, start_new, &op.b)];
        for (ws, body, start, range) in sides {
            if ws.iter().any(|w| is_number(w.text)) {
                reasons.push(Reason::Number);
            }
            if ws.iter().any(|w| lexicon::is_negation(&w.norm)) {
                reasons.push(Reason::Negation);
            }
            if ws.iter().any(|w| is_name(body, start, w)) {
                reasons.push(Reason::Name);
            }
            if has_quote_mark(&body[range.clone()])
                || (!ws.is_empty() && inside_quote(body, start, range.start))
            {
                reasons.push(Reason::Quote);
            }
        }
        if !wo.is_empty() || !wn.is_empty() {
            reasons.push(Reason::Wording);
        }
    }
    if reasons.is_empty() {
        let reason = if changed_words > 0 && all_typos {
            Reason::Typo
        } else {
            Reason::Punctuation
        };
        return Substance::from_reasons(vec![reason], 0);
    }
    Substance::from_reasons(reasons, changed_words.min(20))
}

/// The substance of text that was added or deleted as a whole.
pub(crate) fn span(text: &str) -> Substance {
    let ws = words(text, 0);
    let mut reasons = vec![Reason::Wording];
    if ws.iter().any(|w| is_number(w.text)) {
        reasons.push(Reason::Number);
    }
    if has_quote_mark(text) {
        reasons.push(Reason::Quote);
    }
    if ws.iter().any(|w| is_name(text, 0, w)) {
        reasons.push(Reason::Name);
    }
    if ws.iter().any(|w| lexicon::is_negation(&w.norm)) && ws.len() <= 3 {
        reasons.push(Reason::Negation);
    }
    let extra = (ws.len() as u32 / 2).min(20);
    Substance::from_reasons(reasons, extra)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negation_lists_are_lowercase_normal_forms() {
        for w in lexicon::NEGATIONS {
            assert_eq!(&normalize(w), w);
        }
        assert!(lexicon::is_negation("didn't") && lexicon::is_negation("never"));
    }

    #[test]
    fn levenshtein_bound() {
        assert!(levenshtein_at_most("goverment", "government", 2));
        assert!(!levenshtein_at_most("council", "parliament", 2));
    }
}
