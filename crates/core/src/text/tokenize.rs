//! Word segmentation into pieces (words, numbers, single punctuation marks; whitespace skipped):
//! Unicode word boundaries (UAX #29), with an equivalent hand-written path for ASCII text.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Pieces of `body[range]` by UAX #29, whitespace-only segments dropped.
pub(crate) fn unicode_pieces(body: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let base = range.start;
    for (offset, piece) in body[range].split_word_bound_indices() {
        if !piece.chars().all(char::is_whitespace) {
            out.push(base + offset..base + offset + piece.len());
        }
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Pieces of the ASCII text `bytes[range]`, as UAX #29 would give them: letters, digits and `_`
/// join; `.` and `'` join letter to letter and digit to digit, `:` letter to letter, `,` and `;`
/// digit to digit; every other mark stands alone; whitespace separates.
pub(crate) fn ascii_pieces(bytes: &[u8], range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let end = range.end;
    let mut i = range.start;
    while i < end {
        let b = bytes[i];
        if b.is_ascii_whitespace() || b == 0x0B {
            i += 1;
            continue;
        }
        if b == b'\r' && i + 1 < end && bytes[i + 1] == b'\n' {
            i += 2;
            continue;
        }
        if !is_word_byte(b) {
            out.push(i..i + 1);
            i += 1;
            continue;
        }
        let start = i;
        loop {
            while i < end && is_word_byte(bytes[i]) {
                i += 1;
            }
            if i + 1 < end {
                let (prev, mid, next) = (bytes[i - 1], bytes[i], bytes[i + 1]);
                let letters = prev.is_ascii_alphabetic() && next.is_ascii_alphabetic();
                let digits = prev.is_ascii_digit() && next.is_ascii_digit();
                let joins = match mid {
                    b'.' | b'\'' => letters || digits,
                    b':' => letters,
                    b',' | b';' => digits,
                    _ => false,
                };
                if joins {
                    i += 1;
                    continue;
                }
            }
            break;
        }
        out.push(start..i);
    }
}

/// Splits pieces where a page lost the space after a full stop ("Farrell added.Pilgrims who",
/// "on Monday.He was 88", "сказал.Он"): a word ending in two lowercase letters, a full stop, and
/// a capitalized word going on in lowercase become the two words and the stop. Word segmentation
/// joins them (a full stop between letters joins, as in "e.g"). Abbreviations and addresses
/// rarely take that shape ("U.S.Navy", "St.Peter" and "example.com" keep theirs); the odd brand
/// written so ("Yahoo.Finance") is split too.
pub(crate) fn split_glued_sentences(body: &str, pieces: &mut Vec<Range<usize>>) {
    let glued = |piece: &str| -> Option<usize> {
        let dot = piece.find('.')?;
        let (before, after) = (&piece[..dot], &piece[dot + 1..]);
        let mut tail = before.chars().rev();
        let lower_end = tail.next().is_some_and(char::is_lowercase)
            && tail.next().is_some_and(char::is_lowercase)
            && before.chars().all(char::is_alphabetic);
        let mut head = after.chars();
        let capital_start = head.next().is_some_and(char::is_uppercase)
            && head.next().is_some_and(char::is_lowercase)
            && after.chars().all(char::is_alphabetic);
        (lower_end && capital_start).then_some(dot)
    };
    if !pieces.iter().any(|r| glued(&body[r.clone()]).is_some()) {
        return;
    }
    let mut out = Vec::with_capacity(pieces.len() + 2);
    for r in pieces.drain(..) {
        match glued(&body[r.clone()]) {
            Some(dot) => {
                let at = r.start + dot;
                out.extend([r.start..at, at..at + 1, at + 1..r.end]);
            }
            None => out.push(r),
        }
    }
    *pieces = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(text: &str) -> (Vec<&str>, Vec<&str>) {
        let (mut a, mut u) = (Vec::new(), Vec::new());
        ascii_pieces(text.as_bytes(), 0..text.len(), &mut a);
        unicode_pieces(text, 0..text.len(), &mut u);
        let show = |v: Vec<Range<usize>>| v.into_iter().map(|r| &text[r]).collect::<Vec<_>>();
        (show(a), show(u))
    }

    #[test]
    fn ascii_path_matches_uax29_on_news_text() {
        for text in [
            "The U.S. sent 4,200 troops (3.5%) on Dec. 4, at 10:30 a.m. -- didn't it?",
            "e.g. J.R.R. Tolkien's 1,000,000th copy; 1;2 a:b a:1 1.a a.1 x_y 5th '90s",
            "tabs\tand\r\nnewlines\n\nend... \"quoted\" [brackets] {braces} #tag @user 50$",
        ] {
            let (ascii, unicode) = both(text);
            assert_eq!(
                ascii, unicode,
                "ASCII fast path must agree with UAX #29 on {text:?}"
            );
        }
    }
}
