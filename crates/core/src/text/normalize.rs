//! Normalization of words and punctuation for matching: NFKC, case folding, and unified
//! quote, apostrophe and dash variants.

use unicode_normalization::UnicodeNormalization;

/// The matching form of a word: NFKC, case-folded (lowercase, ß → ss, final σ), curly apostrophes and quotes made straight,
/// dashes made `-`, Arabic tatweel and soft hyphens removed.
pub fn normalize(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.nfkc() {
        match unify_char(c) {
            // Full case folding where it differs from lowercasing.
            Some('ß' | 'ẞ') => out.push_str("ss"),
            Some('ς') => out.push('σ'),
            Some(u) => out.extend(u.to_lowercase()),
            None => {}
        }
    }
    out
}

/// The form of a word or punctuation mark used when case still matters (the diff without
/// "ignore case"): NFKC with quote, apostrophe and dash variants unified.
pub fn canonical(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.nfkc().filter_map(unify_char).collect())
}

/// Maps typographic variants to one form; `None` drops the character (invisible ones).
fn unify_char(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' | '\u{2039}' | '\u{203A}' | '\u{300C}' | '\u{300D}' | '\u{300E}'
        | '\u{300F}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => '-',
        '\u{0640}' | '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => return None,
        other => other,
    })
}

/// Whether a character closes a quotation or bracket (absorbed into the sentence it ends).
pub(crate) fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '\u{2019}'
            | '\u{201D}'
            | '\u{00BB}'
            | '\u{203A}'
            | '\u{300D}'
            | '\u{300F}'
            | '\u{FF09}'
            | '\u{3011}'
    )
}

/// Whether a character ends a sentence.
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '\u{2026}'
            | '\u{3002}'
            | '\u{FF01}'
            | '\u{FF1F}'
            | '\u{FF0E}'
            | '\u{061F}'
            | '\u{06D4}'
            | '\u{203C}'
            | '\u{2047}'
            | '\u{2048}'
            | '\u{2049}'
            | '\u{0964}'
            | '\u{0965}'
    )
}

/// Terminal characters that end a sentence whatever follows (no letter case to consult):
/// CJK full stops and marks, Devanagari danda.
pub(crate) fn is_hard_terminal(c: char) -> bool {
    matches!(
        c,
        '\u{3002}' | '\u{FF01}' | '\u{FF1F}' | '\u{0964}' | '\u{0965}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_width_quotes_and_dashes() {
        assert_eq!(normalize("Don\u{2019}t"), "don't");
        assert_eq!(normalize("ＡＢＣ"), "abc");
        assert_eq!(normalize("ÉTÉ"), "été");
        assert_eq!(normalize("\u{2014}"), "-");
        assert_eq!(normalize("ﬁre"), "fire");
        assert_eq!(normalize("كـتاب"), "كتاب");
        assert_eq!(normalize("Straße"), normalize("STRASSE"));
        assert_eq!(normalize("ΛΌΓΟΣ"), normalize("λόγος"));
    }

    #[test]
    fn canonical_keeps_case() {
        assert_eq!(canonical("Don\u{2019}t"), "Don't");
        assert_eq!(canonical("Plain"), "Plain");
    }
}
