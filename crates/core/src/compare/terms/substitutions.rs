//! Word substitutions inside aligned sentence pairs: where one report has "rebels" and the
//! corresponding sentence of another has "militants". A `Replace` op counts when it holds one
//! content word on each side (with at most two stop words beside it: "a terrorist" / "the
//! opposition"); not stop words, numbers (in digits or words: a fact, not framing), punctuation
//! or verbs of saying, not two forms of one
//! stem, and not one word spelled two ways ("favor" / "favour", "U.S." / "US", "Iran's" /
//! "Iranian"). Inside wording shared on both sides (an `Equal` op holding a word, or the span's
//! edge) a lone word on each side counts alone. Otherwise (articles swapped with it, or shared
//! wording on one side only, as in a reworded sentence) a modifier swapped right before the shared
//! noun it qualifies (after it in French, Spanish, Italian and Portuguese) is read as a phrase:
//! "terrorist offensive" / "opposition offensive". Any other such swap is one step of a rewrite. A
//! capitalized word swapped beside a shared capitalized one, or a phrase holding one, is a name
//! told two ways ("Mr Raisi" / "Ebrahim Raisi"): a fact, not framing.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::compare::diff::{OpKind, WordOp};
use crate::text::lexicon::{self, speech::SPEECH_VERBS};
use crate::text::{Document, Token, TokenKind};

/// The most sites kept per substitution (the count still counts them all).
pub const MAX_SITES: usize = 50;

/// Two words that stand for each other in corresponding sentences of different reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Substitution {
    /// The two words, normalized, in alphabetical order ("militants", "rebels").
    pub words: [String; 2],
    /// How many aligned pairs show it.
    pub count: usize,
    /// Where (at most [`MAX_SITES`]).
    pub sites: Vec<SubstitutionSite>,
}

/// One place a substitution was seen: a word of one report and its counterpart in another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubstitutionSite {
    pub report_a: usize,
    /// The first sentence of the pair in report A.
    pub sentence_a: usize,
    /// The word's byte range in A's body.
    pub range_a: Range<usize>,
    /// The word as A wrote it.
    pub word_a: String,
    pub report_b: usize,
    pub sentence_b: usize,
    pub range_b: Range<usize>,
    pub word_b: String,
}

/// Collects substitutions from pairwise alignments, fed one at a time.
#[derive(Debug, Default)]
pub struct SubstitutionCollector {
    found: BTreeMap<(String, String), Substitution>,
}

impl SubstitutionCollector {
    /// Adds the substitutions in the word diff `ops` of a pair of corresponding spans: `(report,
    /// document, first sentence)` of side A, then of side B.
    pub fn add_pair(
        &mut self,
        side_a: (usize, &Document, usize),
        side_b: (usize, &Document, usize),
        ops: &[WordOp],
    ) {
        let ((i, a, sentence_a), (j, b, sentence_b)) = (side_a, side_b);
        for (k, op) in ops.iter().enumerate() {
            if op.kind != OpKind::Replace {
                continue;
            }
            let Some((range_a, range_b)) = swap_ranges(a, b, ops, k) else {
                continue;
            };
            let (ta, tb) = (phrase(a, &range_a), phrase(b, &range_b));
            let key = if ta <= tb { (ta, tb) } else { (tb, ta) };
            let entry = self
                .found
                .entry(key.clone())
                .or_insert_with(|| Substitution {
                    words: [key.0, key.1],
                    count: 0,
                    sites: Vec::new(),
                });
            entry.count += 1;
            if entry.sites.len() < MAX_SITES {
                entry.sites.push(SubstitutionSite {
                    report_a: i,
                    sentence_a,
                    word_a: a.body[range_a.clone()].to_string(),
                    range_a,
                    report_b: j,
                    sentence_b,
                    word_b: b.body[range_b.clone()].to_string(),
                    range_b,
                });
            }
        }
    }

    /// The substitutions, most frequent first (ties alphabetical).
    pub fn finish(self) -> Vec<Substitution> {
        let mut out: Vec<Substitution> = self.found.into_values().collect();
        out.sort_by(|x, y| y.count.cmp(&x.count).then_with(|| x.words.cmp(&y.words)));
        out
    }
}

/// The byte ranges of what the `Replace` op `ops[k]` swaps on each side, with the shared word
/// beside it for a phrase (see the module doc); `None` when it is no substitution.
fn swap_ranges(
    a: &Document,
    b: &Document,
    ops: &[WordOp],
    k: usize,
) -> Option<(Range<usize>, Range<usize>)> {
    let op = &ops[k];
    let (word_a, word_b) = (swapped_word(a, &op.a)?, swapped_word(b, &op.b)?);
    if word_a.stem == word_b.stem || same_word_spelled_otherwise(&word_a.norm, &word_b.norm) {
        return None;
    }
    let shared = |neighbour: Option<&WordOp>| -> Option<WordOp> {
        neighbour
            .filter(|n| {
                n.kind == OpKind::Equal && a.body[n.a.clone()].chars().any(char::is_alphanumeric)
            })
            .cloned()
    };
    let before = k.checked_sub(1).and_then(|p| ops.get(p));
    let after = ops.get(k + 1);
    let (shared_before, shared_after) = (shared(before), shared(after));
    // The shared words just beside the swap, on each side of the pair.
    let next = shared_after
        .as_ref()
        .and_then(|n| Some((edge_word(a, &n.a, true)?, edge_word(b, &n.b, true)?)));
    let prev = shared_before
        .as_ref()
        .and_then(|n| Some((edge_word(a, &n.a, false)?, edge_word(b, &n.b, false)?)));
    let name_part =
        |doc: &Document, t: &Token| is_capitalized(doc, &t.range) && !starts_sentence(doc, t);
    if (name_part(a, word_a) || name_part(b, word_b))
        && [&next, &prev]
            .into_iter()
            .flatten()
            .any(|(x, _)| !x.stop && name_part(a, x))
    {
        return None;
    }
    let (ra, rb) = (word_a.range.clone(), word_b.range.clone());
    let both = (before.is_none() || shared_before.is_some())
        && (after.is_none() || shared_after.is_some());
    if both && ra == op.a && rb == op.b {
        // Inside shared wording, the one word on each side.
        return Some((ra, rb));
    }
    // A modifier swapped before the noun it qualifies ("terrorist offensive"), or after it where
    // the language puts adjectives after nouns ("offensive terroriste"): the swapped word touches
    // the shared one.
    let after_nouns = lexicon::adjectives_follow_nouns(a.lang.as_deref());
    let phrase = match (&next, &prev) {
        (Some((x, y)), _) if !x.stop && ra.end == op.a.end && rb.end == op.b.end => {
            Some((ra.start..x.range.end, rb.start..y.range.end))
        }
        (_, Some((x, y)))
            if after_nouns && !x.stop && ra.start == op.a.start && rb.start == op.b.start =>
        {
            Some((x.range.start..ra.end, y.range.start..rb.end))
        }
        _ => None,
    };
    match phrase {
        Some((pa, pb)) => {
            let named = |doc: &Document, r: &Range<usize>| {
                words_in(doc, r)
                    .iter()
                    .any(|t| is_capitalized(doc, &t.range) && !starts_sentence(doc, t))
            };
            // A phrase holding a capitalized word is a name told two ways.
            (!named(a, &pa) && !named(b, &pb)).then_some((pa, pb))
        }
        None => None,
    }
}

/// The normalized words of `range`, space-separated.
fn phrase(doc: &Document, range: &Range<usize>) -> String {
    words_in(doc, range)
        .iter()
        .map(|t| t.norm.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The content word of `range` when it is one content word (not a stop word, a number or a verb
/// of saying) with at most two stop words beside it ("a terrorist", "the opposition").
fn swapped_word<'d>(doc: &'d Document, range: &Range<usize>) -> Option<&'d Token> {
    let first = doc.tokens.partition_point(|t| t.range.start < range.start);
    let end = doc.tokens.partition_point(|t| t.range.start < range.end);
    let tokens = &doc.tokens[first..end];
    let mut content = tokens.iter().filter(|t| !t.stop);
    let (Some(word), None) = (content.next(), content.next()) else {
        return None;
    };
    (tokens.len() <= 3
        && tokens.iter().all(|t| t.kind == TokenKind::Word)
        && !SPEECH_VERBS.contains(&word.norm.as_str())
        && !lexicon::is_quantity_word(&word.norm, doc.lang.as_deref()))
    .then_some(word)
}

/// The word tokens inside `range`.
fn words_in<'d>(doc: &'d Document, range: &Range<usize>) -> Vec<&'d Token> {
    let first = doc.tokens.partition_point(|t| t.range.start < range.start);
    let end = doc.tokens.partition_point(|t| t.range.start < range.end);
    doc.tokens[first..end]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .collect()
}

/// The first (or last) token of `range` when it is a word.
fn edge_word<'d>(doc: &'d Document, range: &Range<usize>, first: bool) -> Option<&'d Token> {
    let token = if first {
        let k = doc.tokens.partition_point(|t| t.range.start < range.start);
        doc.tokens.get(k).filter(|t| t.range.start < range.end)?
    } else {
        let k = doc.tokens.partition_point(|t| t.range.start < range.end);
        doc.tokens[..k]
            .last()
            .filter(|t| t.range.end > range.start)?
    };
    (token.kind == TokenKind::Word).then_some(token)
}

/// Whether `token` is the first of its sentence (capitalized whatever it is).
fn starts_sentence(doc: &Document, token: &Token) -> bool {
    doc.sentence_at(token.range.start)
        .is_some_and(|s| doc.sentences[s].range.start == token.range.start)
}

fn is_capitalized(doc: &Document, range: &Range<usize>) -> bool {
    doc.body[range.clone()]
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// Whether two swapped words are one word spelled two ways, not a choice of words: the same
/// letters ("U.S." / "US"), a spelling or transliteration a letter or two apart ("favor" /
/// "favour", "Kolivand" / "Koolivand"), or a name and its adjective or possessive ("Iran's" /
/// "Iranian").
fn same_word_spelled_otherwise(x: &str, y: &str) -> bool {
    let letters = |w: &str| -> Vec<char> {
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        w.chars().filter(|c| c.is_alphabetic()).collect()
    };
    let (x, y) = (letters(x), letters(y));
    if x == y {
        return true;
    }
    let (short, long) = if x.len() <= y.len() {
        (&x, &y)
    } else {
        (&y, &x)
    };
    // A negating prefix makes another word, not another spelling (legal / illegal).
    let negated = ["il", "im", "in", "ir", "un", "non", "dis"]
        .iter()
        .any(|prefix| {
            let prefix: Vec<char> = prefix.chars().collect();
            long.starts_with(&prefix) && long[prefix.len()..] == short[..]
        });
    if negated {
        return false;
    }
    if short.len() >= 4 && long.starts_with(short) {
        return true;
    }
    // One letter apart from five letters on; two letters apart only in long words that start
    // alike (defensive / offensive and Islamic / Islamist stay two words).
    let distance = edit_distance(&x, &y);
    (short.len() >= 5 && distance <= 1)
        || (short.len() >= 8 && distance <= 2 && x.first() == y.first())
}

/// Levenshtein distance of two words.
fn edit_distance(x: &[char], y: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=y.len()).collect();
    for (i, cx) in x.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cy) in y.iter().enumerate() {
            let substitute = diagonal + usize::from(cx != cy);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[y.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{align, AlignOptions};
    use crate::text::segment;

    fn substitutions(a: &str, b: &str) -> Vec<Substitution> {
        let (da, db) = (segment(a, Some("en")), segment(b, Some("en")));
        let mut collector = SubstitutionCollector::default();
        for pair in align(&da, &db, &AlignOptions::default()).pairs {
            collector.add_pair((0, &da, pair.a[0]), (1, &db, pair.b[0]), &pair.ops);
        }
        collector.finish()
    }

    #[test]
    fn a_loaded_word_swap_is_found_with_its_site() {
        let found = substitutions(
            "The rebels seized the river town of Dravik on Monday after heavy fighting.",
            "The militants seized the river town of Dravik on Monday after heavy fighting.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].words,
            ["militants".to_string(), "rebels".to_string()]
        );
        assert_eq!(found[0].sites[0].word_a, "rebels");
        assert_eq!(found[0].sites[0].word_b, "militants");
    }

    #[test]
    fn numbers_inflections_and_stop_words_are_not_substitutions() {
        let found = substitutions(
            "About 4,200 people fled the town of Dravik toward the capital on Monday.",
            "About 4,000 people fled a town of Dravik toward the capitals on Monday.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_swap_beside_a_shared_word_is_read_as_a_phrase() {
        let found = substitutions(
            "Moscow's envoy insisted that a terrorist offensive on Aleppo had to be stopped at once.",
            "Officials in Ankara warned an opposition offensive on Aleppo had to be stopped at once.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].words,
            [
                "opposition offensive".to_string(),
                "terrorist offensive".to_string()
            ]
        );
        assert_eq!(found[0].sites[0].word_a, "terrorist offensive");
        assert_eq!(found[0].sites[0].word_b, "opposition offensive");
    }

    #[test]
    fn spellings_and_names_told_two_ways_are_not_framing() {
        let found = substitutions(
            "Rescuers in favor of the plan said Pirhossein Kolivand spoke to U.S. officials near Mr Raisi.",
            "Rescuers in favour of the plan said Pirhossein Koolivand spoke to US officials near Ebrahim Raisi.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn negations_and_near_words_are_word_choices_not_spellings() {
        assert!(!same_word_spelled_otherwise("legal", "illegal"));
        assert!(!same_word_spelled_otherwise("defensive", "offensive"));
        assert!(!same_word_spelled_otherwise("islamic", "islamist"));
        assert!(!same_word_spelled_otherwise("rioters", "voters"));
        assert!(same_word_spelled_otherwise("kolivand", "koolivand"));
        assert!(same_word_spelled_otherwise("reorganised", "reorganized"));
    }

    #[test]
    fn a_swap_with_its_articles_inside_shared_wording_is_read_as_a_phrase() {
        let found = substitutions(
            "Moscow said they launched a terrorist offensive on Aleppo on Friday.",
            "Moscow said they launched an opposition offensive on Aleppo on Friday.",
        );
        assert_eq!(
            found.iter().map(|s| s.words.clone()).collect::<Vec<_>>(),
            [[
                "opposition offensive".to_string(),
                "terrorist offensive".to_string()
            ]]
        );
    }
}
