//! A cheap case-insensitive keyword test that rules out text a large pattern cannot match.
//!
//! A [`KeywordGate`] lists, for a case-insensitive pattern, literals of which every match must
//! hold at least one: some at the very start (for alternatives anchored at `^` that open with a
//! literal), some anywhere. Text with none of them cannot match, so the pattern need not be
//! compiled or run for it. Letters are compared under the same simple case folding as the
//! pattern's `(?i)` (the Kelvin sign is a `k`, the long `ſ` an `s`, `П` a `п`), so the gate never
//! turns away text the pattern would match; it may let through text the pattern then rejects.

use std::sync::OnceLock;

use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};

/// Literals, in lower case, of which every match of a case-insensitive pattern holds one.
pub(crate) struct KeywordGate {
    prefixes: &'static [&'static str],
    infixes: &'static [&'static str],
    folds: OnceLock<Vec<(char, char)>>,
}

impl KeywordGate {
    /// A gate passing text that starts with one of `prefixes` or contains one of `infixes`.
    pub(crate) const fn new(
        prefixes: &'static [&'static str],
        infixes: &'static [&'static str],
    ) -> Self {
        KeywordGate {
            prefixes,
            infixes,
            folds: OnceLock::new(),
        }
    }

    /// False only when `text` can hold none of the keywords, whatever their letters' case.
    pub(crate) fn may_match(&self, text: &str) -> bool {
        let folded = self.fold(text);
        self.prefixes.iter().any(|k| folded.starts_with(k))
            || self.infixes.iter().any(|k| folded.contains(k))
    }

    /// `text` with every character that `(?i)` takes for a keyword letter replaced by that
    /// letter (ASCII letters are simply lower-cased); other characters are kept as they are.
    fn fold(&self, text: &str) -> String {
        let folds = self.folds.get_or_init(|| self.fold_table());
        text.chars()
            .map(|c| {
                if c.is_ascii() {
                    c.to_ascii_lowercase()
                } else {
                    folds
                        .binary_search_by_key(&c, |&(from, _)| from)
                        .map_or(c, |i| folds[i].1)
                }
            })
            .collect()
    }

    /// Every non-ASCII character that simple case folding makes equal to a keyword letter,
    /// with that letter, sorted for binary search.
    fn fold_table(&self) -> Vec<(char, char)> {
        let mut table: Vec<(char, char)> = self
            .prefixes
            .iter()
            .chain(self.infixes)
            .flat_map(|k| k.chars())
            .flat_map(|letter| {
                case_variants(letter)
                    .into_iter()
                    .filter(|c| !c.is_ascii())
                    .map(move |c| (c, letter))
            })
            .collect();
        table.sort_unstable();
        table.dedup();
        table
    }
}

/// The characters `(?i)` matches for `letter`: its simple case-folding class, as `regex` uses it.
fn case_variants(letter: char) -> Vec<char> {
    let mut class = ClassUnicode::new([ClassUnicodeRange::new(letter, letter)]);
    class.case_fold_simple();
    class
        .iter()
        .flat_map(|range| range.start()..=range.end())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    static GATE: KeywordGate = KeywordGate::new(&["share", "поделиться", "x"], &["cookies", "©"]);

    #[test]
    fn every_case_variant_of_a_keyword_letter_folds_to_it() {
        for keyword in GATE.prefixes.iter().chain(GATE.infixes) {
            for letter in keyword.chars() {
                for variant in case_variants(letter) {
                    assert_eq!(
                        GATE.fold(&variant.to_string()),
                        letter.to_string(),
                        "{variant:?} is {letter:?} under (?i), so the gate must read it so"
                    );
                }
            }
        }
    }

    #[test]
    fn prefixes_count_only_at_the_start_and_infixes_anywhere() {
        assert!(GATE.may_match("SHARE this"));
        assert!(GATE.may_match("ſhare"), "the long s is an s under (?i)");
        assert!(GATE.may_match("ПОДЕЛИТЬСЯ"));
        assert!(GATE.may_match("X"));
        assert!(GATE.may_match("We use COOKIES here"));
        assert!(GATE.may_match("text © 2026"));
        assert!(!GATE.may_match("please share"), "a prefix in the middle");
        assert!(
            !GATE.may_match("the next ferry"),
            "x only counts at the start"
        );
        assert!(!GATE.may_match("Обычный абзац статьи."));
    }
}
