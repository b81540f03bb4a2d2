//! Segmentation and normalization: paragraphs → sentences → tokens with byte ranges into a body.
//!
//! [`segment`] turns an article body into a [`Document`]. Paragraphs are separated by blank lines
//! (the way [`crate::extract::Article::body`] joins them); sentences are split on terminal
//! punctuation with guards for abbreviations ("U.S.", "Dec. 4", "Mr."), initials ("J. R. Smith"),
//! decimals and thousands separators ("3.5", "4,200"), closing quotes and ellipses, and for
//! Arabic/Persian (؟ ۔), Cyrillic and CJK (。！？) text; words follow Unicode word boundaries
//! (UAX #29). Every range is a byte range into the body on char boundaries, so callers slice the
//! body to show any unit. Each word carries its normalized form (NFKC, case-folded, quote, dash
//! and apostrophe variants unified), its stem (Snowball, where the language has one; a number's
//! value) and whether it is a stop word.

mod fast_hash;
mod lang;
pub(crate) mod lexicon;
mod normalize;
mod sentences;
mod tokenize;
mod vectors;

pub mod encoder;

use std::ops::Range;

use serde::{Deserialize, Serialize};

pub(crate) use fast_hash::{fnv1a, FastMap, FastSet};
pub use lang::detect as detect_language;
pub use normalize::{canonical, normalize};
pub use sentences::MAX_SENTENCE_TOKENS;
pub use vectors::{cosine, cosine_matrix, dot, SentenceVectors, VectorsError};

/// The version of the segmentation rules: stored sentence vectors cut by another version are
/// recomputed. Bump it whenever a change moves sentence boundaries.
pub const SEGMENTER_VERSION: u32 = 2;

/// A segmented body: the body itself plus its paragraphs, sentences and tokens.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The text every range points into.
    pub body: String,
    /// ISO 639-1 code given or detected ("en"); `None` when unknown.
    pub lang: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// One meaning vector per sentence, when a sentence encoder gave them (see
    /// [`Document::with_meaning`]); the aligner then pairs sentences by meaning as well as words.
    #[serde(skip)]
    pub meaning: Option<SentenceVectors>,
}

/// A paragraph: its byte range (trimmed of surrounding whitespace) and its sentences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub range: Range<usize>,
    /// Indices into [`Document::sentences`].
    pub sentences: Range<usize>,
}

/// A sentence: from its first token's start to its last token's end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub range: Range<usize>,
    /// Index into [`Document::paragraphs`].
    pub paragraph: usize,
    /// Indices into [`Document::tokens`]; never empty.
    pub tokens: Range<usize>,
}

/// A word, number or punctuation mark. Whitespace is not a token: it is the gap between tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub range: Range<usize>,
    /// NFKC, lowercased, quotes/dashes/apostrophes unified.
    pub norm: String,
    /// The stem of `norm` for words in a language with a stemmer; a number's value ("7,8" and
    /// "7.8" → "7.8", "4,200" → "4200"); otherwise equal to `norm`.
    pub stem: String,
    pub kind: TokenKind,
    /// A stop word of the document's language (only ever true for words).
    pub stop: bool,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

impl Token {
    /// Words and numbers (what matching and diffs weigh); punctuation is not.
    pub fn is_wordlike(&self) -> bool {
        self.kind != TokenKind::Punct
    }
}

impl Document {
    /// Whether `other` is known to be in another language than this one (both languages known).
    pub fn in_other_language(&self, other: &Document) -> bool {
        matches!((&self.lang, &other.lang), (Some(x), Some(y)) if x != y)
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        &self.body[self.sentences[i].range.clone()]
    }

    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        &self.tokens[self.sentences[i].tokens.clone()]
    }

    /// The text of paragraph `i`.
    pub fn paragraph_text(&self, i: usize) -> &str {
        &self.body[self.paragraphs[i].range.clone()]
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &str {
        &self.body[self.tokens[i].range.clone()]
    }

    /// The sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.range.end <= offset);
        (i < self.sentences.len() && self.sentences[i].range.start <= offset).then_some(i)
    }

    /// The document with `vectors` attached, one per sentence.
    pub fn with_meaning(mut self, vectors: SentenceVectors) -> Result<Document, VectorsError> {
        if vectors.len() != self.sentences.len() {
            return Err(VectorsError::Count {
                vectors: vectors.len(),
                sentences: self.sentences.len(),
            });
        }
        self.meaning = Some(vectors);
        Ok(self)
    }

    /// The texts of every sentence, in order (what a sentence encoder takes).
    pub fn sentence_texts(&self) -> Vec<&str> {
        (0..self.sentences.len())
            .map(|i| self.sentence_text(i))
            .collect()
    }

    /// Number of word and number tokens.
    pub fn word_count(&self) -> usize {
        self.tokens.iter().filter(|t| t.is_wordlike()).count()
    }
}

/// Segments `body` into paragraphs, sentences and tokens. `lang` is an ISO 639-1 code or tag
/// ("en", "pt-BR"); when `None` the language is detected from the body. Never fails: empty or
/// whitespace-only bodies give an empty document, control characters become punctuation tokens.
pub fn segment(body: &str, lang: Option<&str>) -> Document {
    let lang = match lang {
        Some(tag) if !tag.trim().is_empty() => Some(lang::base_code(tag)),
        _ => lang::detect(body),
    };
    let mut segmenter = Segmenter::new(lang.as_deref());
    let mut doc = Document {
        body: body.to_string(),
        lang,
        paragraphs: Vec::new(),
        sentences: Vec::new(),
        // News text averages about one token per five bytes; reserving avoids regrowth copies.
        tokens: Vec::with_capacity(body.len() / 5 + 1),
        meaning: None,
    };
    for range in paragraph_ranges(body) {
        segmenter.push_paragraph(
            body,
            range,
            &mut doc.paragraphs,
            &mut doc.sentences,
            &mut doc.tokens,
        );
    }
    doc
}

/// The byte ranges of the paragraphs of `body`: runs of non-blank lines, trimmed. A line holding
/// only whitespace (or U+2029) separates paragraphs.
pub fn paragraph_ranges(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut line_start = 0;
    for line in body.split_inclusive(['\n', '\u{2029}']) {
        let start = line_start;
        line_start += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(p) = current.take() {
                out.push(p);
            }
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let end = start + line.trim_end().len();
        match current.as_mut() {
            Some(p) => p.end = end,
            None => current = Some(start + lead..end),
        }
        if line.ends_with('\u{2029}') {
            out.extend(current.take());
        }
    }
    out.extend(current);
    out
}

/// The normalized form, stem and stop flag of one word form, computed once per segmentation.
#[derive(Clone)]
struct WordForms {
    norm: String,
    stem: String,
    stop: bool,
}

/// Segments paragraphs of one language, reusing its stemmer, stop list and the forms of words
/// already seen.
pub(crate) struct Segmenter<'a> {
    /// The language (ISO 639-1), which also says how its numbers are written.
    lang: Option<String>,
    stemmer: Option<rust_stemmers::Stemmer>,
    stop: &'static [&'static str],
    forms: FastMap<&'a str, WordForms>,
    /// Reused buffer of word pieces of the paragraph being tokenized.
    pieces: Vec<Range<usize>>,
}

impl<'a> Segmenter<'a> {
    pub(crate) fn new(lang: Option<&str>) -> Self {
        let code = lang.unwrap_or("en");
        Segmenter {
            lang: lang.map(str::to_owned),
            stemmer: lang.and_then(lang::stemmer),
            stop: lang::stop_words(code),
            forms: FastMap::default(),
            pieces: Vec::new(),
        }
    }

    /// Tokenizes the paragraph at `range` of `body` and appends it, its sentences and tokens.
    pub(crate) fn push_paragraph(
        &mut self,
        body: &'a str,
        range: Range<usize>,
        paragraphs: &mut Vec<Paragraph>,
        sentences: &mut Vec<Sentence>,
        tokens: &mut Vec<Token>,
    ) {
        let first_token = tokens.len();
        self.tokenize(body, range.clone(), tokens);
        if tokens.len() == first_token {
            return;
        }
        let paragraph = paragraphs.len();
        let first_sentence = sentences.len();
        for local in sentences::split(body, &tokens[first_token..], self.stop) {
            let toks = first_token + local.start..first_token + local.end;
            sentences.push(Sentence {
                range: tokens[toks.start].range.start..tokens[toks.end - 1].range.end,
                paragraph,
                tokens: toks,
            });
        }
        paragraphs.push(Paragraph {
            range,
            sentences: first_sentence..sentences.len(),
        });
    }

    /// Appends the tokens of `body[range]`: Unicode word segments (UAX #29; an equivalent fast
    /// path for ASCII text), whitespace skipped, dotted abbreviations ("U.S.") kept whole with
    /// their final full stop.
    fn tokenize(&mut self, body: &'a str, range: Range<usize>, out: &mut Vec<Token>) {
        let mut pieces = std::mem::take(&mut self.pieces);
        pieces.clear();
        if body[range.clone()].is_ascii() {
            tokenize::ascii_pieces(body.as_bytes(), range, &mut pieces);
        } else {
            tokenize::unicode_pieces(body, range, &mut pieces);
        }
        tokenize::split_glued_sentences(body, &mut pieces);
        let mut k = 0;
        while k < pieces.len() {
            let mut r = pieces[k].clone();
            k += 1;
            let piece = &body[r.clone()];
            let Some(first) = piece.chars().next() else {
                continue;
            };
            let kind = if first.is_numeric() {
                TokenKind::Number
            } else if piece.chars().any(char::is_alphanumeric) {
                TokenKind::Word
            } else {
                TokenKind::Punct
            };
            if kind == TokenKind::Word
                && piece.contains('.')
                && pieces
                    .get(k)
                    .is_some_and(|n| n.start == r.end && &body[n.clone()] == ".")
            {
                r.end += 1;
                k += 1;
            }
            out.push(self.token(&body[r.clone()], r, kind));
        }
        self.pieces = pieces;
    }

    fn token(&mut self, text: &'a str, range: Range<usize>, kind: TokenKind) -> Token {
        let forms = match self.forms.get(text) {
            Some(f) => f.clone(),
            None => {
                let norm = normalize(text);
                let stop = kind == TokenKind::Word && lang::is_stop(self.stop, &norm);
                // A number's stem is its value, so "7,8" in French and "7.8" in English, or
                // "2,000" and "2000", are one term.
                let stem = match (&self.stemmer, kind, stop) {
                    (Some(stemmer), TokenKind::Word, false) => stemmer.stem(&norm).into_owned(),
                    (_, TokenKind::Number, _) => lexicon::number_value(&norm, self.lang.as_deref())
                        .map_or_else(|| norm.clone(), lexicon::format_number),
                    _ => norm.clone(),
                };
                let f = WordForms { norm, stem, stop };
                self.forms.insert(text, f.clone());
                f
            }
        };
        Token {
            range,
            norm: forms.norm,
            stem: forms.stem,
            kind,
            stop: forms.stop,
        }
    }
}

#[cfg(test)]
mod tests;
