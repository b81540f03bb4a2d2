//! Case-folded text and the few steps the page-clutter phrase tables are matched with: openings
//! chosen from tables of phrases, word boundaries, bounded tails and phrases found anywhere.
//!
//! Nothing here is compiled or built at start-up: a table is a `const` array of string slices,
//! and matching one paragraph is a handful of prefix and substring comparisons on its folded form.

/// `text` folded for phrase matching: lower case (the long s read as `s`, as `(?i)` reads it),
/// every run of whitespace one space, no whitespace at either end.
pub(crate) fn fold(text: &str) -> String {
    let text = text.trim();
    if text.is_ascii() {
        return fold_ascii(text.as_bytes());
    }
    let mut folded = String::with_capacity(text.len());
    let mut space = false;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            folded.push(' ');
            space = false;
        }
        match c {
            c if c.is_ascii() => folded.push(c.to_ascii_lowercase()),
            'ſ' => folded.push('s'),
            c => folded.extend(c.to_lowercase()),
        }
    }
    folded
}

/// [`fold`] of ASCII text with no whitespace at either end, byte by byte.
fn fold_ascii(text: &[u8]) -> String {
    let mut folded = Vec::with_capacity(text.len());
    let mut space = false;
    for &b in text {
        // What `char::is_whitespace` takes for whitespace in ASCII (with the vertical tab).
        if matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            space = true;
            continue;
        }
        if space {
            folded.push(b' ');
            space = false;
        }
        folded.push(b.to_ascii_lowercase());
    }
    String::from_utf8(folded).unwrap_or_default()
}

/// A letter, digit, underscore or combining accent: what a word boundary separates from
/// everything else.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || ('\u{300}'..='\u{36f}').contains(&c)
}

/// A decimal digit in any script.
pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric())
}

/// The number of characters (not bytes) in `s`: the unit of every length bound.
pub(crate) fn chars(s: &str) -> usize {
    s.chars().count()
}

/// One or more digits at the start of `s`, and what follows them.
pub(crate) fn after_number(s: &str) -> Option<&str> {
    let rest = s.trim_start_matches(is_digit);
    (rest.len() < s.len()).then_some(rest)
}

/// A folded paragraph being matched. It keeps the whole text, so that a word boundary can be read
/// before any suffix of it.
#[derive(Clone, Copy)]
pub(crate) struct Folded<'a> {
    all: &'a str,
}

impl<'a> Folded<'a> {
    pub(crate) fn new(all: &'a str) -> Self {
        Folded { all }
    }

    pub(crate) fn text(self) -> &'a str {
        self.all
    }

    /// True when the text opens with one option of each part in turn (an empty option makes a
    /// part optional) and `tail` accepts what follows; every choice of options is tried.
    pub(crate) fn opens(self, parts: &[&[&str]], tail: impl Fn(&'a str) -> bool) -> bool {
        opens_from(self.all, parts, &tail)
    }

    /// [`Folded::opens`] on `rest`, a suffix of the text.
    pub(crate) fn opens_at(
        self,
        rest: &'a str,
        parts: &[&[&str]],
        tail: impl Fn(&'a str) -> bool,
    ) -> bool {
        opens_from(rest, parts, &tail)
    }

    /// True when one of `phrases` starts within the first `n` characters of `rest` (a suffix of
    /// the text) and ends at a word boundary.
    pub(crate) fn finds_within(self, rest: &str, n: usize, phrases: &[&str]) -> bool {
        phrases.iter().any(|phrase| {
            rest.match_indices(phrase)
                .any(|(at, _)| chars(&rest[..at]) <= n && self.boundary(&rest[at + phrase.len()..]))
        })
    }

    /// True when one option of each part in turn is the whole text.
    pub(crate) fn is(self, parts: &[&[&str]]) -> bool {
        self.opens(parts, str::is_empty)
    }

    /// True at a word boundary just before `rest`, a suffix of the text.
    pub(crate) fn boundary(self, rest: &str) -> bool {
        let at = self.all.len() - rest.len();
        let before = self.all[..at].chars().next_back().is_some_and(is_word_char);
        let after = rest.chars().next().is_some_and(is_word_char);
        before != after
    }

    /// A word boundary before `rest` and at most `n` characters in it.
    pub(crate) fn word_within(self, rest: &str, n: usize) -> bool {
        self.boundary(rest) && chars(rest) <= n
    }

    /// True when one of `phrases` occurs as a whole word (word boundaries on both sides) and
    /// `found` accepts the text before it and the text after it.
    pub(crate) fn holds_word(
        self,
        phrases: &[&str],
        found: impl Fn(&'a str, &'a str) -> bool,
    ) -> bool {
        self.holds(phrases, |before, after| {
            self.boundary(&self.all[before.len()..]) && self.boundary(after) && found(before, after)
        })
    }

    /// True when one of `phrases` occurs anywhere and `found` accepts the text before it and the
    /// text after it.
    pub(crate) fn holds(self, phrases: &[&str], found: impl Fn(&'a str, &'a str) -> bool) -> bool {
        phrases.iter().any(|phrase| {
            self.all
                .match_indices(phrase)
                .any(|(at, _)| found(&self.all[..at], &self.all[at + phrase.len()..]))
        })
    }
}

fn opens_from<'a>(text: &'a str, parts: &[&[&str]], tail: &dyn Fn(&'a str) -> bool) -> bool {
    match parts.split_first() {
        None => tail(text),
        Some((options, more)) => options.iter().any(|option| {
            text.strip_prefix(option)
                .is_some_and(|rest| opens_from(rest, more, tail))
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_lowers_case_and_collapses_whitespace() {
        assert_eq!(fold("  SHARE\u{a0}\tThis\n\nStory "), "share this story");
        assert_eq!(fold("ПОДЕЛИТЬСЯ"), "поделиться");
        assert_eq!(fold("ſhare \u{212A}"), "share k");
        assert_eq!(fold(" Share\x0b\x0c this\r\n"), "share this");
        for text in ["a\u{85}b", "x\u{2003} Y", "plain  ASCII\ttext"] {
            let slow: String = text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            assert_eq!(fold(text), slow);
        }
    }

    #[test]
    fn openings_try_every_choice_of_options() {
        let t = Folded::new("scroll to continue with content");
        assert!(t.is(&[&["scroll to continue"], &["", " with content"]]));
        assert!(!t.is(&[&["scroll to continue"]]));
        let t = Folded::new("read more about it");
        assert!(t.opens(&[&["read "], &["more", "mor"]], |r| t.word_within(r, 9)));
        assert!(!t.opens(&[&["read "], &["mor"]], |r| t.boundary(r)));
    }

    #[test]
    fn phrases_are_found_as_whole_words_or_anywhere() {
        let t = Folded::new("our newsletter: sign up");
        assert!(t.holds_word(&["newsletter"], |before, _| before == "our "));
        assert!(!t.holds_word(&["news"], |_, _| true));
        assert!(t.holds(&["news"], |_, after| after.starts_with("letter")));
        assert_eq!(after_number("12 comments"), Some(" comments"));
        assert_eq!(after_number("comments"), None);
    }
}
