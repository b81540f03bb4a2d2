//! Small regular expressions compiled on first use, with no warm-up to speak of: ASCII text is
//! searched by `regex-lite` (which builds a pattern in microseconds), any other text by `regex`.
//!
//! The two agree on ASCII text: `regex-lite` has the `regex` syntax with ASCII-only classes, case
//! folding and word boundaries, which is exactly the Unicode pattern's meaning on ASCII text
//! (`ascii_and_unicode_engines_agree` checks this). Only other text pays for compiling the
//! Unicode classes. Large patterns do not belong here: page clutter is matched by phrase tables
//! (`super::phrase`), which are not compiled at all.

use std::borrow::Cow;
use std::sync::OnceLock;

use regex::Regex;

/// A small pattern compiled on first use by the engine the haystack needs.
pub(crate) struct LazyRegex {
    pattern: &'static str,
    full: OnceLock<Regex>,
    lite: OnceLock<regex_lite::Regex>,
}

impl LazyRegex {
    /// A pattern both engines read. It must be valid: the first use panics otherwise.
    pub(crate) const fn new(pattern: &'static str) -> Self {
        LazyRegex {
            pattern,
            full: OnceLock::new(),
            lite: OnceLock::new(),
        }
    }

    fn full(&self) -> &Regex {
        self.full
            .get_or_init(|| Regex::new(self.pattern).expect("valid regex"))
    }

    fn lite(&self) -> &regex_lite::Regex {
        self.lite
            .get_or_init(|| regex_lite::Regex::new(self.pattern).expect("valid regex-lite regex"))
    }

    pub(crate) fn is_match(&self, haystack: &str) -> bool {
        if haystack.is_ascii() {
            self.lite().is_match(haystack)
        } else {
            self.full().is_match(haystack)
        }
    }

    /// The groups of the first match.
    pub(crate) fn captures<'h>(&self, haystack: &'h str) -> Option<Groups<'h>> {
        if haystack.is_ascii() {
            self.lite()
                .captures(haystack)
                .map(|c| Groups::new(haystack, c.iter().map(|m| m.map(|m| m.range()))))
        } else {
            self.full()
                .captures(haystack)
                .map(|c| Groups::new(haystack, c.iter().map(|m| m.map(|m| m.range()))))
        }
    }

    /// `haystack` with every match replaced by what `replace` makes of its groups.
    pub(crate) fn replace_all<'h>(
        &self,
        haystack: &'h str,
        mut replace: impl FnMut(&Groups<'h>) -> String,
    ) -> Cow<'h, str> {
        let matches: Vec<Groups<'h>> = if haystack.is_ascii() {
            self.lite()
                .captures_iter(haystack)
                .map(|c| Groups::new(haystack, c.iter().map(|m| m.map(|m| m.range()))))
                .collect()
        } else {
            self.full()
                .captures_iter(haystack)
                .map(|c| Groups::new(haystack, c.iter().map(|m| m.map(|m| m.range()))))
                .collect()
        };
        if matches.is_empty() {
            return Cow::Borrowed(haystack);
        }
        let mut out = String::with_capacity(haystack.len());
        let mut last = 0;
        for groups in &matches {
            let whole = groups.get(0).expect("group 0 of a match");
            out.push_str(&haystack[last..whole.start()]);
            out.push_str(&replace(groups));
            last = whole.end();
        }
        out.push_str(&haystack[last..]);
        Cow::Owned(out)
    }
}

/// The groups of one match, by number (0 is the whole match).
pub(crate) struct Groups<'h> {
    haystack: &'h str,
    spans: Vec<Option<std::ops::Range<usize>>>,
}

/// One group's text and where it lies in the haystack.
pub(crate) struct Group<'h> {
    haystack: &'h str,
    span: std::ops::Range<usize>,
}

impl<'h> Group<'h> {
    pub(crate) fn start(&self) -> usize {
        self.span.start
    }

    pub(crate) fn end(&self) -> usize {
        self.span.end
    }

    pub(crate) fn as_str(&self) -> &'h str {
        &self.haystack[self.span.clone()]
    }
}

impl<'h> Groups<'h> {
    fn new(haystack: &'h str, spans: impl Iterator<Item = Option<std::ops::Range<usize>>>) -> Self {
        Groups {
            haystack,
            spans: spans.collect(),
        }
    }

    /// Group `i`, when it took part in the match.
    pub(crate) fn get(&self, i: usize) -> Option<Group<'h>> {
        self.spans.get(i)?.clone().map(|span| Group {
            haystack: self.haystack,
            span,
        })
    }

    /// The text of every group after the whole match that took part in it.
    pub(crate) fn texts(&self) -> impl Iterator<Item = &'h str> + '_ {
        (1..self.spans.len()).filter_map(|i| self.get(i).map(|g| g.as_str()))
    }
}

impl<'h> std::ops::Index<usize> for Groups<'h> {
    type Output = str;

    /// The text of group `i`; panics when it did not take part in the match.
    fn index(&self, i: usize) -> &str {
        let span = self.spans[i]
            .clone()
            .expect("a group that took part in the match");
        &self.haystack[span]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The two engines find the same spans in every ASCII haystack.
    fn assert_same(pattern: &str, haystacks: &[&str]) {
        let full = Regex::new(pattern).expect("valid regex");
        let lite = regex_lite::Regex::new(pattern).expect("valid regex-lite regex");
        for h in haystacks {
            let full_spans: Vec<Vec<Option<(usize, usize)>>> = full
                .captures_iter(h)
                .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
                .collect();
            let lite_spans: Vec<Vec<Option<(usize, usize)>>> = lite
                .captures_iter(h)
                .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
                .collect();
            assert_eq!(full_spans, lite_spans, "{pattern:?} on {h:?}");
        }
    }

    #[test]
    fn ascii_and_unicode_engines_agree() {
        let texts = [
            "Share this article",
            "By Jane Quill and Tomas Reyel | Staff",
            "The mayor said the council would vote on Tuesday, 25 November 2026.",
            "word_with_underscore and 3.5 numbers, x y z",
            "Posted on Dec. 4, 2026 at 10:30",
            "2026-11-25T10:05:00+01:00",
            "**bold** and *it* and `code` and ~~gone~~ [link](http://x.example) ![i](p.png)",
            "",
            "  \t leading and trailing  ",
        ];
        for pattern in [
            r"(?i)^(?:by|written\ by|author:|von|par|por|автор:?)\s+(\S.{0,100})$",
            r"(?i)^(?:published|posted|updated|date|dated|опубликовано)?\s*(?:on|:)?\s*(.{4,80})$",
            r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-zа-яё]{3,})\.?,?\s+(\d{4})\b",
            r"(?i)\b([a-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b",
            r"\*\*(\S(?:.*?\S)?)\*\*|__(\S(?:.*?\S)?)__|\*(\S(?:.*?\S)?)\*|`([^`]+)`|~~(\S(?:.*?\S)?)~~",
            r"(?i)\b(?:uses?\ cookies|necessary\ cookies|cookie\ (?:policy|settings|preferences)|consent|opt[\ -]out|your\ browser)\b",
        ] {
            assert_same(pattern, &texts);
        }
    }

    proptest::proptest! {
        #[test]
        fn engines_agree_on_random_ascii(h in "[a-zA-Z0-9 _.,:;'|/@()&*`~-]{0,60}") {
            for pattern in [
                r"(?i)^(?:by|par)\s+(\S.{0,30})\s*[.!:]?$",
                r"\b(\w+)\b\s*[,;:]?\s*(\w*)",
                r"\*\*(\S(?:.*?\S)?)\*\*|\*(\S(?:.*?\S)?)\*|`([^`]+)`",
            ] {
                assert_same(pattern, &[h.as_str()]);
            }
        }
    }

    #[test]
    fn non_ascii_text_uses_the_unicode_engine() {
        let re = LazyRegex::new(r"(?i)^поделиться|^share");
        assert!(re.is_match("Поделиться"));
        assert!(re.is_match("SHARE"));
        assert!(!re.is_match("a share"));
        // (?i) folds the long s and the Kelvin sign: the Unicode engine sees them.
        let re = LazyRegex::new(r"(?i)^sk$");
        assert!(re.is_match("ſ\u{212A}"));
        assert!(re.is_match("Sk"));
    }

    #[test]
    fn replace_all_and_captures_work_on_both_engines() {
        let re = LazyRegex::new(r"\*\*(\S(?:.*?\S)?)\*\*");
        assert_eq!(re.replace_all("a **b** c", |g| g[1].to_string()), "a b c");
        assert_eq!(re.replace_all("é **ü** c", |g| g[1].to_string()), "é ü c");
        assert_eq!(
            re.replace_all("nothing here", |_| String::new()),
            "nothing here"
        );
        let re = LazyRegex::new(r"(\d{4})-(\d{2})(x)?");
        let c = re.captures("on 2026-11").expect("a match");
        assert_eq!((&c[1], &c[2]), ("2026", "11"));
        assert!(c.get(3).is_none());
        assert_eq!(c.get(0).map(|g| g.start()), Some(3));
        let c = re.captures("à 2026-11").expect("a match");
        assert_eq!(c.texts().collect::<Vec<_>>(), ["2026", "11"]);
    }
}
