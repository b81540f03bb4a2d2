//! Finding quoted spans in one report and the speaker the sentence gives them.
//!
//! Quotation marks understood: “…”, „…“ / „…”, «…», ‘…’ (a ’ followed by a letter is an
//! apostrophe, not a closing mark; a ‘ after a letter is not an opening one) and straight "…".
//! A quote never crosses a paragraph (news style leaves a quote that runs on to the next
//! paragraph unclosed: such an unclosed quote is skipped). Quotes inside a quote are part of it.
//!
//! Speakers, in order of preference: after the quote (`"…," she told reporters`, `"…," said
//! Mirela Dan`, `«…», — сказала министр`), before it (`Teodor Vasko said … that his fighters had
//! "…"`), then `according to X` (selon, según, laut, по словам, بحسب) anywhere in the sentence.
//! A pronoun ("she", "it") is resolved to the last named speaker of an earlier sentence of the
//! same report, and a sentence that is mostly a quote with no attribution of its own continues
//! that speaker's statement. No speaker is better than a wrong one: a passive verb of saying
//! ("his death was announced") names only its agent ("… by Cardinal X"), a participle between
//! commas ("The court, based in Kessen, said") is passed over, and a run that opens with a number
//! or a preposition ("After hours of searching") is no speaker. Verbs of saying are listed for
//! English, Russian, Arabic, French, Spanish and German, with the auxiliaries of their compound
//! tenses ("a déclaré", "ha dicho").

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::text::{Document, Token, TokenKind};

/// The quotation marks a quote was written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteMark {
    /// “…”
    Curly,
    /// „…“ or „…”
    Low,
    /// «…»
    Guillemets,
    /// ‘…’
    Single,
    /// "…"
    Straight,
}

/// Where the speaker of a quote was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerCue {
    /// `"…," she said` / `"…," said X`
    AfterQuote,
    /// `X said that … "…"`
    BeforeQuote,
    /// `according to X`
    AccordingTo,
    /// A sentence that is mostly the quote, with no attribution of its own, after a sentence
    /// naming a speaker (`Cardinal X announced: … "Dearest brothers and sisters, …"`).
    Continued,
}

/// Who a quote is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The speaker as shown: the words of the report, or the named speaker a pronoun stands for.
    pub name: String,
    /// The words of the report ("she", "Kremlin spokesman Dmitry Peskov").
    pub as_written: String,
    /// Byte range of `as_written` in the report's body.
    pub range: Range<usize>,
    /// Whether `name` was resolved from a pronoun to an earlier sentence's speaker.
    pub resolved: bool,
    pub cue: SpeakerCue,
}

/// What a quoted span is.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Someone's words: a statement, or a short partial quote the sentence attributes.
    #[default]
    Statement,
    /// Scare or distancing quotes, a name or title in quotation marks: the outlet's wording,
    /// nobody's statement ("the so-called 'operation'", an outlet's "terrorist" groups).
    Term,
}

/// Quoted spans of at most this many words with no speaker are terms, not statements.
const TERM_MAX_WORDS: usize = 4;

/// A quoted span found in one report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FoundQuote {
    /// Byte range of the quoted words, marks excluded (and a trailing comma dropped).
    pub range: Range<usize>,
    /// Byte range including the quotation marks.
    pub outer: Range<usize>,
    pub mark: QuoteMark,
    /// The sentence the quote starts in.
    pub sentence: usize,
    pub speaker: Option<Speaker>,
    pub kind: QuoteKind,
}

/// Verbs of saying after which (or before which) a speaker is named.
const SPEECH_VERBS: &[&str] = &[
    // English
    "said",
    "says",
    "say",
    "spoke",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "noted",
    "warned",
    "claimed",
    "claims",
    "insisted",
    "declared",
    "explained",
    "wrote",
    "writes",
    "asked",
    "urged",
    "vowed",
    "emphasized",
    "emphasised",
    "stressed",
    "argued",
    "announced",
    "quoted",
    "saying",
    "recalled",
    "replied",
    "continued",
    "tweeted",
    "posted",
    "commented",
    "admitted",
    "conceded",
    "acknowledged",
    "confirmed",
    "denied",
    "alleged",
    "pledged",
    "promised",
    "predicted",
    "reported",
    "described",
    "called",
    // Russian
    "сказал",
    "сказала",
    "сказали",
    "заявил",
    "заявила",
    "заявили",
    "отметил",
    "отметила",
    "рассказал",
    "рассказала",
    "добавил",
    "добавила",
    "подчеркнул",
    "подчеркнула",
    "сообщил",
    "сообщила",
    "сообщили",
    "пояснил",
    "пояснила",
    "написал",
    "написала",
    "объявил",
    "объявила",
    "говорится",
    "сообщается",
    // Arabic
    "قال",
    "قالت",
    "وقال",
    "وقالت",
    "أضاف",
    "وأضاف",
    "أكد",
    "وأكد",
    "صرح",
    "وصرح",
    "أعلن",
    "وأعلن",
    "أعلنت",
    "وأعلنت",
    "ذكر",
    "وذكر",
    "ذكرت",
    "وذكرت",
    "أفاد",
    "وأفاد",
    "أفادت",
    "وأفادت",
    "أوضح",
    "وأوضح",
    "أشار",
    "وأشار",
    "أضافت",
    "وأضافت",
    // French
    "dit",
    "déclaré",
    "déclare",
    "annoncé",
    "annonce",
    "indiqué",
    "affirmé",
    "affirme",
    "expliqué",
    "ajouté",
    "souligné",
    "estimé",
    "précisé",
    "écrit",
    // Spanish
    "dijo",
    "afirmó",
    "declaró",
    "anunció",
    "señaló",
    "indicó",
    "explicó",
    "añadió",
    "aseguró",
    "manifestó",
    "expresó",
    "comunicó",
    "escribió",
    // German
    "sagte",
    "erklärte",
    "sagt",
    "erklärt",
    "teilte",
    "betonte",
    "schrieb",
];

/// Words that introduce the source of what follows, like "according to" (one word, or two).
const ACCORDING_TO: &[&[&str]] = &[
    &["according", "to"],
    &["selon"],
    &["según"],
    &["laut"],
    &["по", "словам"],
    &["по", "данным"],
    &["بحسب"],
    &["وبحسب"],
    &["حسب"],
];

/// A quote makes up at least this share of its sentence to inherit the last named speaker.
const CONTINUED_SHARE: f64 = 0.6;

/// Pronouns that stand for an earlier speaker.
const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "он", "она", "оно", "они", "هو", "هي", "il", "elle", "er", "sie",
];

/// Words dropped from the end of a subject before its verb ("the president was quoted").
const AUXILIARIES: &[&str] = &[
    "was", "is", "has", "had", "were", "have", "been", "also", "later", "then", "first", "earlier",
    // French, Spanish, German: "a déclaré", "ha dicho", "hat gesagt"
    "a", "ont", "avait", "ha", "han", "había", "hat", "haben", "hatte",
];

/// Auxiliaries that make the verb after them passive ("his death was announced"): its subject
/// is not who spoke.
const PASSIVE: &[&str] = &["was", "were", "is", "are", "been", "be", "being"];

/// Verbs whose passive still has the speaker as subject ("the president was quoted as saying").
const PASSIVE_SPEAKER_VERBS: &[&str] = &["quoted"];

/// Words a speaker may start with besides a capitalized word: articles and possessives.
const SPEAKER_OPENERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "le", "la", "les", "l'", "un", "une", "el",
    "los", "las", "der", "die", "das", "ein", "eine",
];

/// Words that end a speaker named after its verb ("said a resident who reached Ostrel").
const CLAUSE_WORDS: &[&str] = &[
    "who",
    "which",
    "that",
    "in",
    "at",
    "on",
    "to",
    "from",
    "after",
    "before",
    "during",
    "with",
    "while",
    "when",
    "as",
    "of",
    "for",
    "и",
    "в",
    "на",
    "из",
    "который",
    "которая",
];

/// The most words a speaker may have.
const MAX_SPEAKER_WORDS: usize = 6;

/// Finds every quote of `doc` with its speaker.
pub fn find_quotes(doc: &Document) -> Vec<FoundQuote> {
    let mut quotes = Vec::new();
    let mut last_named: Option<String> = None;
    let mut next_sentence_to_scan = 0;
    for paragraph in &doc.paragraphs {
        let spans = quoted_spans(&doc.body, paragraph.range.clone());
        for (outer, mark) in spans {
            let Some(range) = inner_range(&doc.body, &outer) else {
                continue;
            };
            let Some(sentence) = doc
                .sentence_at(outer.start)
                .or_else(|| doc.sentence_at(range.start))
            else {
                continue;
            };
            // Remember the named speakers of the sentences before this one.
            while next_sentence_to_scan < sentence {
                if let Some(name) = named_subject(doc, next_sentence_to_scan) {
                    last_named = Some(name);
                }
                next_sentence_to_scan += 1;
            }
            let speaker = speaker_of(doc, &outer)
                .map(|s| resolve(s, last_named.as_deref()))
                .or_else(|| continued(doc, &outer, sentence, last_named.as_deref()));
            if let Some(s) = speaker
                .as_ref()
                .filter(|s| !s.resolved && !is_pronoun(&s.as_written))
            {
                last_named = Some(s.name.clone());
            }
            let text = &doc.body[range.clone()];
            if is_address(text) {
                // A path or link in quotation marks (markup left in a page) is no quote.
                continue;
            }
            let kind = if speaker.is_none() && text.split_whitespace().count() <= TERM_MAX_WORDS {
                QuoteKind::Term
            } else {
                QuoteKind::Statement
            };
            quotes.push(FoundQuote {
                range,
                outer,
                mark,
                sentence,
                speaker,
                kind,
            });
        }
    }
    quotes
}

/// Whether quoted text is a link or a file path ("s3://…/a1b2", "/images/x.jpg"), not words.
fn is_address(text: &str) -> bool {
    !text.contains(char::is_whitespace) && (text.contains("://") || text.starts_with('/'))
}

/// The quoted spans (marks included) of the paragraph at `range`, in order.
fn quoted_spans(body: &str, range: Range<usize>) -> Vec<(Range<usize>, QuoteMark)> {
    let text = &body[range.clone()];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut open: Option<(usize, QuoteMark)> = None;
    for (k, &(offset, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|&(_, n)| n);
        match open {
            None => {
                let mark = match c {
                    '\u{201C}' => Some(QuoteMark::Curly),
                    '\u{201E}' => Some(QuoteMark::Low),
                    '\u{00AB}' => Some(QuoteMark::Guillemets),
                    '\u{2018}' if !prev.is_some_and(char::is_alphanumeric) => {
                        Some(QuoteMark::Single)
                    }
                    '"' if !prev.is_some_and(char::is_alphanumeric) => Some(QuoteMark::Straight),
                    _ => None,
                };
                if let Some(mark) = mark {
                    open = Some((offset, mark));
                }
            }
            Some((start, mark)) => {
                let closes = match mark {
                    QuoteMark::Curly => c == '\u{201D}',
                    QuoteMark::Low => c == '\u{201C}' || c == '\u{201D}',
                    QuoteMark::Guillemets => c == '\u{00BB}',
                    QuoteMark::Single => c == '\u{2019}' && !next.is_some_and(char::is_alphabetic),
                    QuoteMark::Straight => c == '"' && !next.is_some_and(char::is_alphanumeric),
                };
                if closes {
                    let end = offset + c.len_utf8();
                    out.push((range.start + start..range.start + end, mark));
                    open = None;
                }
            }
        }
    }
    out
}

/// The quoted words inside `outer`: marks, surrounding spaces and a trailing comma removed.
/// `None` when nothing alphanumeric is quoted.
fn inner_range(body: &str, outer: &Range<usize>) -> Option<Range<usize>> {
    let text = &body[outer.clone()];
    let first = text.chars().next()?;
    let last = text.chars().next_back()?;
    let mut start = outer.start + first.len_utf8();
    let mut end = outer.end - last.len_utf8();
    if start >= end {
        return None;
    }
    let inner = &body[start..end];
    start += inner.len() - inner.trim_start().len();
    let inner = body[start..end].trim_end();
    end = start + inner.len();
    let inner = inner.strip_suffix(',').unwrap_or(inner).trim_end();
    end = end.min(start + inner.len());
    body[start..end]
        .chars()
        .any(char::is_alphanumeric)
        .then_some(start..end)
}

/// The token indices of `doc` whose ranges lie inside `range`.
fn tokens_in(doc: &Document, range: Range<usize>) -> Range<usize> {
    let first = doc.tokens.partition_point(|t| t.range.start < range.start);
    let end = doc.tokens.partition_point(|t| t.range.end <= range.end);
    first..end.max(first)
}

fn is_speech_verb(token: &Token) -> bool {
    token.kind == TokenKind::Word && SPEECH_VERBS.contains(&token.norm.as_str())
}

pub(crate) fn is_pronoun(words: &str) -> bool {
    let lower = words.to_lowercase();
    PRONOUNS.contains(&lower.as_str())
}

/// The speaker the sentence(s) around the quote at `outer` give.
fn speaker_of(doc: &Document, outer: &Range<usize>) -> Option<Speaker> {
    let start_sentence = doc.sentence_at(outer.start)?;
    let end_sentence = doc
        .sentence_at(outer.end.saturating_sub(1))
        .unwrap_or(start_sentence);
    let after = tokens_in(doc, outer.end..doc.sentences[end_sentence].range.end);
    let before = tokens_in(doc, doc.sentences[start_sentence].range.start..outer.start);
    speaker_after(doc, after)
        .or_else(|| speaker_before(doc, before))
        .or_else(|| {
            let sentence =
                doc.sentences[start_sentence].range.start..doc.sentences[end_sentence].range.end;
            according_to(doc, tokens_in(doc, sentence))
        })
}

/// `,” she told reporters` / `," said Mirela Dan, a teacher` / `», — сказала министр`.
fn speaker_after(doc: &Document, tokens: Range<usize>) -> Option<Speaker> {
    let toks = &doc.tokens[tokens.clone()];
    // Skip the punctuation that joins quote and attribution (",", "—").
    let lead = toks
        .iter()
        .take_while(|t| t.kind == TokenKind::Punct)
        .count();
    let words = &toks[lead..];
    let verb = words
        .iter()
        .take(MAX_SPEAKER_WORDS + 2)
        .position(is_speech_verb)?;
    if verb == 0 {
        let first = tokens.start + lead + 1;
        subject_run_forward(doc, first, tokens.end, SpeakerCue::AfterQuote)
    } else {
        subject_run_backward(
            doc,
            tokens.start + lead,
            tokens.start + lead + verb,
            SpeakerCue::AfterQuote,
        )
    }
}

/// `Teodor Vasko said in a video that his fighters had "…"`: the subject of the first verb of
/// saying before the quote.
fn speaker_before(doc: &Document, tokens: Range<usize>) -> Option<Speaker> {
    let verb = doc.tokens[tokens.clone()].iter().position(is_speech_verb)?;
    subject_run_backward(
        doc,
        tokens.start,
        tokens.start + verb,
        SpeakerCue::BeforeQuote,
    )
}

/// `according to X`: the words after it up to punctuation.
fn according_to(doc: &Document, tokens: Range<usize>) -> Option<Speaker> {
    let toks = &doc.tokens[tokens.clone()];
    let (at, len) = (0..toks.len()).find_map(|k| {
        ACCORDING_TO.iter().find_map(|words| {
            let fits = toks
                .get(k..k + words.len())
                .is_some_and(|run| run.iter().zip(*words).all(|(t, w)| t.norm == *w));
            fits.then_some((k, words.len()))
        })
    })?;
    subject_run_forward(
        doc,
        tokens.start + at + len,
        tokens.end,
        SpeakerCue::AccordingTo,
    )
}

/// The words from token `first` on, up to punctuation or `MAX_SPEAKER_WORDS`.
fn subject_run_forward(
    doc: &Document,
    first: usize,
    end: usize,
    cue: SpeakerCue,
) -> Option<Speaker> {
    let mut last = first;
    while last < end
        && last - first < MAX_SPEAKER_WORDS
        && doc.tokens[last].kind != TokenKind::Punct
        && !(last > first && CLAUSE_WORDS.contains(&doc.tokens[last].norm.as_str()))
    {
        last += 1;
    }
    speaker_from(doc, first..last, cue)
}

/// The words just before token `verb` (back to punctuation, `floor` or `MAX_SPEAKER_WORDS`),
/// without trailing auxiliaries ("the president was quoted").
fn subject_run_backward(
    doc: &Document,
    floor: usize,
    verb: usize,
    cue: SpeakerCue,
) -> Option<Speaker> {
    let mut end = verb;
    // An appositive ends with a comma before the verb: "Its commander, Teodor Vasko, said".
    if end > floor && doc.body[doc.tokens[end - 1].range.clone()] == *"," {
        end -= 1;
    }
    if end > floor
        && PASSIVE.contains(&doc.tokens[end - 1].norm.as_str())
        && !PASSIVE_SPEAKER_VERBS.contains(&doc.tokens[verb].norm.as_str())
    {
        // "His death was announced (by X)": what was said is the subject; who said it follows
        // "by", if anyone.
        return speaker_by(doc, verb, cue);
    }
    while end > floor && AUXILIARIES.contains(&doc.tokens[end - 1].norm.as_str()) {
        end -= 1;
    }
    let run_back = |end: usize| {
        let mut first = end;
        while first > floor
            && end - first < MAX_SPEAKER_WORDS
            && doc.tokens[first - 1].kind != TokenKind::Punct
        {
            first -= 1;
        }
        first
    };
    let mut first = run_back(end);
    // "The court, based in The Hague, said": past a participle phrase between commas, the
    // subject is before it.
    if first > floor + 1
        && !opens_speaker(doc, first)
        && doc.body[doc.tokens[first - 1].range.clone()] == *","
    {
        end = first - 1;
        first = run_back(end);
    }
    if first < end && !opens_speaker(doc, first) && !names_someone(doc, first, end) {
        return None;
    }
    speaker_from(doc, first..end, cue)
}

/// `… was announced in a statement by Cardinal X`: the agent of a passive verb of saying.
fn speaker_by(doc: &Document, verb: usize, cue: SpeakerCue) -> Option<Speaker> {
    let sentence = doc.sentence_at(doc.tokens[verb].range.start)?;
    let end = doc.sentences[sentence].tokens.end;
    let by = (verb + 1..end)
        .find(|&k| matches!(doc.tokens[k].norm.as_str(), "by" | "par" | "por" | "von"))?;
    subject_run_forward(doc, by + 1, end, cue)
}

/// Whether tokens `first..end` open with a plain word and go on to a capitalized one: a title
/// before a name ("minister Halina Orsk").
fn names_someone(doc: &Document, first: usize, end: usize) -> bool {
    let word = |k: usize| doc.tokens[k].kind == TokenKind::Word;
    word(first)
        && !NOT_OPENERS.contains(&doc.tokens[first].norm.as_str())
        && (first + 1..end).any(|k| {
            word(k)
                && doc.body[doc.tokens[k].range.clone()]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        })
}

/// Words that never open a speaker, capitalized or not.
const NOT_OPENERS: &[&str] = &[
    "after", "before", "in", "on", "at", "with", "during", "upon", "as", "when", "while", "since",
    "for", "from", "of", "to", "into", "despite", "over",
];

/// Whether token `k` can open a speaker: a capitalized word, an article or possessive, a
/// pronoun, or a word of a script without case (Arabic). Not a number, a preposition or a
/// participle ("56", "based in The Hague", "в пресс-службе").
fn opens_speaker(doc: &Document, k: usize) -> bool {
    let token = &doc.tokens[k];
    let Some(first) = doc.body[token.range.clone()].chars().next() else {
        return false;
    };
    // Languages without articles name a speaker with a bare lowercase noun ("министр заявил").
    let articles = !matches!(
        doc.lang.as_deref(),
        Some("ru" | "uk" | "be" | "pl" | "cs" | "bg")
    );
    token.kind == TokenKind::Word
        && !NOT_OPENERS.contains(&token.norm.as_str())
        && (first.is_uppercase()
            || (first.is_alphabetic() && !first.is_lowercase())
            || (first.is_alphabetic() && !articles)
            || SPEAKER_OPENERS.contains(&token.norm.as_str())
            || is_pronoun(&token.norm))
}

fn speaker_from(doc: &Document, tokens: Range<usize>, cue: SpeakerCue) -> Option<Speaker> {
    if tokens.is_empty() {
        return None;
    }
    let range = doc.tokens[tokens.start].range.start..doc.tokens[tokens.end - 1].range.end;
    let as_written = doc.body[range.clone()].to_string();
    Some(Speaker {
        name: as_written.clone(),
        as_written,
        range,
        resolved: false,
        cue,
    })
}

/// The last named speaker, for a quote that is most of its sentence and has no attribution of
/// its own (the next sentence of someone's statement, quoted on its own).
fn continued(
    doc: &Document,
    outer: &Range<usize>,
    sentence: usize,
    last_named: Option<&str>,
) -> Option<Speaker> {
    let name = last_named?;
    let whole = doc.sentences[sentence].range.clone();
    let covered = outer
        .end
        .min(whole.end)
        .saturating_sub(outer.start.max(whole.start));
    (covered as f64 >= CONTINUED_SHARE * whole.len() as f64).then(|| Speaker {
        name: name.to_string(),
        as_written: String::new(),
        range: outer.start..outer.start,
        resolved: true,
        cue: SpeakerCue::Continued,
    })
}

/// Replaces a pronoun speaker by the last named one, when there is one.
fn resolve(mut speaker: Speaker, last_named: Option<&str>) -> Speaker {
    if is_pronoun(&speaker.as_written) {
        if let Some(name) = last_named {
            speaker.name = name.to_string();
            speaker.resolved = true;
        }
    }
    speaker
}

/// The named (non-pronoun) subject of a verb of saying in sentence `i`, if any: what a later
/// "she said" refers to.
fn named_subject(doc: &Document, i: usize) -> Option<String> {
    let tokens = doc.sentences[i].tokens.clone();
    let verb = doc.tokens[tokens.clone()].iter().position(is_speech_verb)?;
    let speaker = subject_run_backward(
        doc,
        tokens.start,
        tokens.start + verb,
        SpeakerCue::BeforeQuote,
    )?;
    (!is_pronoun(&speaker.as_written)).then_some(speaker.name)
}

/// The key two speakers are compared by: the last word of the name, lowercased ("orsk").
/// An unresolved pronoun has no key: "she" in one report is not "she" in another.
pub fn speaker_key(name: &str) -> String {
    if is_pronoun(name) {
        return String::new();
    }
    name.split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment;

    fn quotes_of(body: &str) -> Vec<(String, Option<String>)> {
        quotes_in("en", body)
    }

    #[test]
    fn speaker_after_the_quote_with_pronoun_resolved() {
        let found = quotes_of(
            "Interior Minister Halina Orsk said the town would be retaken. \"We will not negotiate,\" she told reporters.",
        );
        assert_eq!(
            found,
            vec![(
                "We will not negotiate".into(),
                Some("Interior Minister Halina Orsk".into())
            )]
        );
    }

    #[test]
    fn verb_before_name_after_the_quote() {
        let found = quotes_of("\u{201C}We left with nothing,\u{201D} said Mirela Dan, a teacher.");
        assert_eq!(
            found,
            vec![("We left with nothing".into(), Some("Mirela Dan".into()))]
        );
    }

    #[test]
    fn speaker_before_the_quote() {
        let found = quotes_of(
            "Its commander, Teodor Vasko, said in a video that his fighters had \"liberated Dravik without harm.\"",
        );
        assert_eq!(
            found,
            vec![(
                "liberated Dravik without harm.".into(),
                Some("Teodor Vasko".into())
            )]
        );
    }

    #[test]
    fn according_to() {
        let found = quotes_of("The town was taken \u{201C}without a shot,\u{201D} according to the Kremlin press office.");
        assert_eq!(
            found,
            vec![(
                "without a shot".into(),
                Some("the Kremlin press office".into())
            )]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let found = quotes_of("Russia\u{2019}s role and the students\u{2019} union were praised; \u{2018}a good day\u{2019}, he said.");
        assert_eq!(
            found.len(),
            1,
            "only the ‘a good day’ span is a quote: {found:?}"
        );
        assert_eq!(found[0].0, "a good day");
    }

    #[test]
    fn guillemets_and_low_quotes() {
        let doc = segment(
            "«Мы не будем вести переговоры», — сказала министр. „Wir bleiben“, sagte er.",
            None,
        );
        let found = find_quotes(&doc);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].mark, QuoteMark::Guillemets);
        assert_eq!(
            found[0].speaker.as_ref().map(|s| s.name.as_str()),
            Some("министр")
        );
        assert_eq!(found[1].mark, QuoteMark::Low);
    }

    #[test]
    fn unclosed_quote_at_paragraph_end_is_skipped() {
        assert!(
            quotes_of("\u{201C}This runs on to the next paragraph.\n\nAnd ends here.\u{201D}")
                .is_empty()
        );
    }

    #[test]
    fn speaker_keys_compare_surnames() {
        assert_eq!(
            speaker_key("Interior Minister Halina Orsk"),
            speaker_key("Halina Orsk")
        );
    }

    fn quotes_in(lang: &str, body: &str) -> Vec<(String, Option<String>)> {
        let doc = segment(body, Some(lang));
        find_quotes(&doc)
            .into_iter()
            .map(|q| (doc.body[q.range].to_string(), q.speaker.map(|s| s.name)))
            .collect()
    }

    /// Phenomena of the real-coverage development set: a statement announced in the passive
    /// ("was announced … by X") and quoted on in sentences of its own.
    #[test]
    fn a_passive_agent_speaks_and_the_quote_sentences_after_it_are_theirs() {
        let found = quotes_of(
            "The bishop's death was announced on Monday in a statement by Cardinal Aldo Varn. \
             \"Dear brothers and sisters, with deep sorrow I must announce his death.\" \
             \"His whole life was given to the harbour parish.\"",
        );
        assert_eq!(found.len(), 2);
        assert!(
            found
                .iter()
                .all(|(_, who)| who.as_deref() == Some("Cardinal Aldo Varn")),
            "{found:?}"
        );
    }

    #[test]
    fn a_passive_without_an_agent_names_no_one() {
        let found = quotes_of("His death was announced as \"a loss for the whole town\".");
        assert_eq!(found, [("a loss for the whole town".into(), None)]);
    }

    #[test]
    fn a_participle_between_commas_is_not_the_speaker() {
        let found = quotes_of(
            "The court, based in Kessen, said there were \"reasonable grounds to believe\" the charges.",
        );
        assert_eq!(found[0].1.as_deref(), Some("The court"), "{found:?}");
    }

    #[test]
    fn french_and_spanish_attributions() {
        let fr = quotes_in(
            "fr",
            "Le palais de Kessen a déclaré : « La reine est morte paisiblement ».",
        );
        assert_eq!(fr[0].1.as_deref(), Some("Le palais de Kessen"), "{fr:?}");
        let es = quotes_in(
            "es",
            "«La reina murió en paz», según la Casa Real de Vestria.",
        );
        assert_eq!(
            es[0].1.as_deref(),
            Some("la Casa Real de Vestria"),
            "{es:?}"
        );
    }
}
