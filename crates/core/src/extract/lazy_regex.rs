//! Lazily compiled regexes with a cheap ASCII-only twin for ASCII text.
//!
//! The extraction patterns are Unicode-aware (`\w`, `.`, `(?i)`, Cyrillic and Arabic words), and
//! compiling a Unicode class into its UTF-8 automaton is what makes them slow to build: the clutter
//! pattern alone took ~24 ms, most of a `parallax compare` run on two short files. On a haystack
//! that is pure ASCII only the ASCII members of every class can ever match, so [`LazyRegex`] also
//! builds, on first use with ASCII text, a twin whose classes are cut down to ASCII (and whose
//! literals holding other characters can never match). On ASCII text the twin finds exactly the
//! same matches and captures as the full pattern, at a fraction of the build cost; any other text
//! uses the full pattern. Each is compiled only when first needed.
//!
//! Even the ASCII twin of the clutter pattern takes milliseconds to build, while a short file
//! asks it about a dozen paragraphs. So the first [`LITE_CALLS`] `is_match` calls on ASCII text
//! go to `regex-lite`, which builds in well under a millisecond and searches more slowly; it has
//! the `regex` syntax with ASCII-only classes, case folding and word boundaries, which is exactly
//! the full pattern's meaning on ASCII text (patterns it cannot read, such as `\p{Lu}`, skip it).

use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use regex::{Captures, Regex, RegexBuilder, Replacer};
use regex_syntax::hir::{
    Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Repetition,
};

/// Room for the lazy DFA of large patterns: with the default cache, long Unicode repetitions
/// make every match fall back to the slow engine.
const BIG_LIMIT: usize = 64 << 20;

/// How many `is_match` calls on ASCII text a pattern answers with `regex-lite` before the ASCII
/// twin is built: about where the slower searches (~20 µs on a 400-character paragraph for the
/// clutter pattern) add up to the twin's build time.
const LITE_CALLS: usize = 256;

/// A regex compiled on first use, with an ASCII-only twin used for ASCII haystacks.
pub(crate) struct LazyRegex {
    pattern: &'static str,
    big: bool,
    full: OnceLock<Regex>,
    ascii: OnceLock<Regex>,
    lite: OnceLock<Option<regex_lite::Regex>>,
    lite_calls: AtomicUsize,
}

impl LazyRegex {
    /// A pattern with the default size limits. It must be valid: the first use panics otherwise.
    pub(crate) const fn new(pattern: &'static str) -> Self {
        LazyRegex {
            pattern,
            big: false,
            full: OnceLock::new(),
            ascii: OnceLock::new(),
            lite: OnceLock::new(),
            lite_calls: AtomicUsize::new(0),
        }
    }

    /// A large pattern, given room for its compiled program and lazy DFA.
    pub(crate) const fn big(pattern: &'static str) -> Self {
        LazyRegex {
            pattern,
            big: true,
            full: OnceLock::new(),
            ascii: OnceLock::new(),
            lite: OnceLock::new(),
            lite_calls: AtomicUsize::new(0),
        }
    }

    /// The compiled regex to search `haystack` with.
    pub(crate) fn for_text(&self, haystack: &str) -> &Regex {
        if haystack.is_ascii() {
            self.ascii.get_or_init(|| {
                ascii_twin(self.pattern, self.big).unwrap_or_else(|| self.full().clone())
            })
        } else {
            self.full()
        }
    }

    fn full(&self) -> &Regex {
        self.full
            .get_or_init(|| build(self.pattern, self.big).expect("valid regex"))
    }

    pub(crate) fn is_match(&self, haystack: &str) -> bool {
        if haystack.is_ascii() {
            if let Some(lite) = self.lite() {
                return lite.is_match(haystack);
            }
        }
        self.for_text(haystack).is_match(haystack)
    }

    /// The `regex-lite` form while it is still worth using, if it can read the pattern.
    fn lite(&self) -> Option<&regex_lite::Regex> {
        if self.lite_calls.fetch_add(1, Ordering::Relaxed) >= LITE_CALLS {
            return None;
        }
        self.lite
            .get_or_init(|| regex_lite::Regex::new(self.pattern).ok())
            .as_ref()
    }

    pub(crate) fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        self.for_text(haystack).captures(haystack)
    }

    pub(crate) fn replace_all<'h, R: Replacer>(&self, haystack: &'h str, rep: R) -> Cow<'h, str> {
        self.for_text(haystack).replace_all(haystack, rep)
    }
}

fn build(pattern: &str, big: bool) -> Result<Regex, regex::Error> {
    let mut builder = RegexBuilder::new(pattern);
    if big {
        builder.size_limit(BIG_LIMIT).dfa_size_limit(BIG_LIMIT);
    }
    builder.build()
}

/// The pattern restricted to ASCII haystacks, or `None` when it cannot be made (the full pattern
/// is then used for ASCII text too). Capture groups keep their numbers and names.
fn ascii_twin(pattern: &str, big: bool) -> Option<Regex> {
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    let twin = build(&restrict_to_ascii(&hir).to_string(), big).ok()?;
    let groups = hir.properties().explicit_captures_len() + 1;
    (twin.captures_len() == groups).then_some(twin)
}

/// The same expression, matching exactly the same spans of any ASCII haystack, with every class
/// cut down to its ASCII members and every literal holding a non-ASCII character made to fail.
/// Look-arounds are kept as they are: on ASCII text Unicode and ASCII word boundaries agree.
fn restrict_to_ascii(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) | HirKind::Class(Class::Bytes(_)) => hir.clone(),
        HirKind::Literal(literal) => {
            if literal.0.is_ascii() {
                hir.clone()
            } else {
                Hir::fail()
            }
        }
        HirKind::Class(Class::Unicode(class)) => {
            let mut class = class.clone();
            class.intersect(&ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7f')]));
            Hir::class(Class::Unicode(class))
        }
        HirKind::Repetition(rep) => Hir::repetition(Repetition {
            sub: Box::new(restrict_to_ascii(&rep.sub)),
            ..rep.clone()
        }),
        HirKind::Capture(capture) => Hir::capture(Capture {
            sub: Box::new(restrict_to_ascii(&capture.sub)),
            ..capture.clone()
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(restrict_to_ascii).collect()),
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.iter().map(restrict_to_ascii).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every match and capture group of the ASCII twin equals the full pattern's.
    fn assert_same(pattern: &str, haystacks: &[&str]) {
        let full = build(pattern, true).expect("valid regex");
        let twin = ascii_twin(pattern, true).expect("an ASCII twin");
        for h in haystacks {
            let spans = |re: &Regex| -> Vec<Vec<Option<(usize, usize)>>> {
                re.captures_iter(h)
                    .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
                    .collect()
            };
            assert_eq!(spans(&full), spans(&twin), "{pattern:?} on {h:?}");
            if let Ok(lite) = regex_lite::Regex::new(pattern) {
                assert_eq!(
                    full.is_match(h),
                    lite.is_match(h),
                    "lite {pattern:?} on {h:?}"
                );
            }
        }
    }

    #[test]
    fn ascii_twin_matches_like_the_full_pattern() {
        let texts = [
            "Share this article",
            "SHARE THIS STORY.",
            "By Jane Quill and Tomas Reyel | Staff",
            "The mayor said the council would vote on Tuesday, 25 November 2026.",
            "word_with_underscore and 3.5 numbers, x y z",
            "skip to main content",
            "Posted on Dec. 4, 2026 at 10:30",
            "",
            "  \t leading and trailing  ",
        ];
        for pattern in [
            r"(?i)^share\s+(?:this|the)\s+(?:article|story)\.?$",
            r"(?ix)^(?:by|von|автор:?)\s+(\S.{0,100})$",
            r"\b(\w+)\b\s+(?P<second>\w+)",
            r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-zа-яё]{3,})\.?,?\s+(\d{4})\b",
            r"^(?:By|Par)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&))*\s*(?:[,|·–-]\s*.{0,40})?$",
            r"(?i)(?:поделиться|skip)\s+to\s+(main\s+)?content",
            r"[^/›»>|]{1,40}(?:\s+[/>|]\s+[^/›»>|]{1,40}){1,3}",
            r"(?i)\bk\b|\bs\b",
        ] {
            assert_same(pattern, &texts);
        }
    }

    proptest::proptest! {
        #[test]
        fn ascii_twin_agrees_on_random_ascii(h in "[a-zA-Z0-9 _.,:;'|/@()&-]{0,60}") {
            for pattern in [
                r"(?ix)^(?:share\s+(?:on|via)\b.{0,20}|\S+@\S+\.\w+|(?:by|par)\s+(\S.{0,30}))\s*[.!:]?$",
                r"\b(\w+)\b\s*[,;:]?\s*(?P<next>\w*)",
                r"(?i)[^/›»>|]{1,10}(?:\s*[/>|›]\s*[^/›»>|]{1,10}){1,3}",
            ] {
                assert_same(pattern, &[h.as_str()]);
            }
        }
    }

    #[test]
    fn non_ascii_text_uses_the_full_pattern() {
        let re = LazyRegex::new(r"(?i)^поделиться|^share");
        assert!(re.is_match("Поделиться"));
        assert!(re.is_match("SHARE"));
        assert!(!re.is_match("a share"));
        // (?i) folds the long s and the Kelvin sign: the full pattern sees them.
        let re = LazyRegex::new(r"(?i)^sk$");
        assert!(re.is_match("ſ\u{212A}"));
        assert!(re.is_match("Sk"));
    }

    #[test]
    fn replace_all_and_captures_work_on_both_paths() {
        let re = LazyRegex::new(r"\*\*(\S(?:.*?\S)?)\*\*");
        assert_eq!(re.replace_all("a **b** c", "$1"), "a b c");
        assert_eq!(re.replace_all("é **ü** c", "$1"), "é ü c");
        let re = LazyRegex::new(r"(?P<y>\d{4})-(\d{2})");
        let c = re.captures("on 2026-11").expect("a match");
        assert_eq!((&c["y"], &c[2]), ("2026", "11"));
    }
}
