//! Sentence boundaries inside one paragraph's tokens: terminal punctuation with closing quotes,
//! guarded against abbreviations, initials, dotted abbreviations and lowercase continuations.

use super::lang::is_stop;
use super::normalize::{is_closing, is_hard_terminal, is_terminal};
use super::{Token, TokenKind};

/// Sentences longer than this many tokens are cut, so nothing downstream is quadratic in an
/// unpunctuated wall of text.
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Abbreviations after which a full stop never ends a sentence (titles before a name).
const TITLES: &[&str] = &[
    "adm", "capt", "cmdr", "col", "dr", "fr", "gen", "gov", "hon", "lt", "maj", "messrs", "mr",
    "mrs", "ms", "mt", "pres", "prof", "rep", "rev", "sen", "sgt", "st", "supt", "vs",
];

/// Abbreviations after which a full stop does not end a sentence when a number follows.
const BEFORE_NUMBER: &[&str] = &[
    "apr", "art", "aug", "ca", "ch", "dec", "feb", "fig", "jan", "jul", "jun", "mar", "no", "nos",
    "nov", "oct", "p", "pp", "sec", "sep", "sept", "vol",
];

/// Splits one paragraph's tokens into sentences; returns token index ranges relative to `tokens`.
pub(crate) fn split(body: &str, tokens: &[Token], stop: &[&str]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        if i + 1 - start >= MAX_SENTENCE_TOKENS {
            out.push(start..i + 1);
            start = i + 1;
            i += 1;
            continue;
        }
        let Some(end) = boundary_after(body, tokens, i, stop) else {
            i += 1;
            continue;
        };
        out.push(start..end);
        start = end;
        i = end;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// If a sentence ends with token `i` (plus any closing marks after it), the index just past the
/// sentence's last token.
fn boundary_after(body: &str, tokens: &[Token], i: usize, stop: &[&str]) -> Option<usize> {
    let tok = &tokens[i];
    let text = &body[tok.range.clone()];
    let dotted_abbreviation = tok.kind == TokenKind::Word && text.ends_with('.');
    let first = text.chars().next()?;
    if !(dotted_abbreviation || (tok.kind == TokenKind::Punct && is_terminal(first))) {
        return None;
    }
    // Absorb further terminal marks and adjacent closing quotes/brackets: `?!`, `..."`, `.)`.
    let mut j = i + 1;
    let mut hard = tok.kind == TokenKind::Punct && is_hard_terminal(first);
    while let Some(next) = tokens.get(j) {
        let c = body[next.range.clone()].chars().next().unwrap_or(' ');
        let adjacent = next.range.start == tokens[j - 1].range.end;
        if next.kind == TokenKind::Punct && (is_terminal(c) || (adjacent && is_closing(c))) {
            hard |= is_hard_terminal(c);
            j += 1;
        } else {
            break;
        }
    }
    if j >= tokens.len() || hard {
        return Some(j);
    }
    let next_word = tokens[j..]
        .iter()
        .take(3)
        .find(|t| t.kind != TokenKind::Punct);
    let Some(next_word) = next_word else {
        return Some(j);
    };
    let next_first = body[next_word.range.clone()].chars().next().unwrap_or(' ');
    if next_first.is_lowercase() {
        return None; // "e.g. the", `"Why?" he asked`
    }
    let next_is_number = next_word.kind == TokenKind::Number;
    if dotted_abbreviation {
        // "U.S. officials" stays whole; "…in the U.S. The next day" splits.
        let starter = next_first.is_uppercase() && is_stop(stop, &next_word.norm);
        return starter.then_some(j);
    }
    if text == "." && i > 0 {
        let prev = &tokens[i - 1];
        if prev.kind == TokenKind::Word && prev.range.end == tok.range.start {
            let prev_text = &body[prev.range.clone()];
            let mut chars = prev_text.chars();
            let single_capital =
                matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
            if single_capital && !next_is_number {
                return None; // an initial: "J. R. Smith"
            }
            if TITLES.binary_search(&prev.norm.as_str()).is_ok() {
                return None;
            }
            if next_is_number && BEFORE_NUMBER.binary_search(&prev.norm.as_str()).is_ok() {
                return None; // "No. 10", "Dec. 4"
            }
        }
    }
    Some(j)
}

#[cfg(test)]
mod tests {
    #[test]
    fn abbreviation_lists_are_sorted() {
        let mut titles = super::TITLES.to_vec();
        titles.sort_unstable();
        assert_eq!(titles, super::TITLES);
        let mut numbers = super::BEFORE_NUMBER.to_vec();
        numbers.sort_unstable();
        assert_eq!(numbers, super::BEFORE_NUMBER);
    }
}
