//! Finding quoted spans in one report and the speaker the sentence gives them.
//!
//! Quotation marks understood: “…”, „…“ / „…”, «…», ‘…’ (a ’ followed by a letter is an
//! apostrophe, not a closing mark; a ‘ after a letter is not an opening one) and straight "…".
//! A “ closes at a straight " or a doubled ’’ when no ” comes before the next “ of its paragraph
//! (pages mix their marks). A quote never crosses a paragraph: one left open runs to the paragraph's end when the
//! next paragraph goes on quoting (news style) or the report ends there (a copy cut inside the
//! quote), and is skipped otherwise. Quotes inside a quote are part of it.
//!
//! Speakers, in order of preference: after the quote (`"…," she told reporters`, `"…," said
//! Mirela Dan`, `«…», — сказала министр`), before it (`Teodor Vasko said … that his fighters had
//! "…"`), then `according to X` (selon, según, laut, по словам, بحسب) anywhere in the sentence.
//! A verb of saying that opens its clause names the subject after it (Arabic `وقال بيان المحكمة`,
//! French `», a indiqué le palais`, German `…, erklärte das Gericht`); who is quoted speaks (`state
//! media quoted a regional army commander as saying`); of an appositive chain the
//! name speaks (`the head of the Red Crescent, Pirhossein Kolivand, told`, `Duangjai, a resident
//! of Chiang Mai, told`); a noun of saying "made by" someone names them (`El anuncio fue
//! realizado por el cardenal X`). A pronoun ("she", "ce dernier") is resolved to the last named
//! speaker of an earlier sentence of the same report, and names no one when nobody was named; a
//! description ("a foreign ministry spokeswoman", "the court", "das Gericht") takes the name its
//! title is given elsewhere in the report ("spokeswoman Maria Zakharova"), else the one earlier
//! name that holds its title ("the International Criminal Court", "Strafgerichtshof"), else, when
//! it goes on with the statement ("the camerlengo continued"), the last named speaker. A
//! sentence that is mostly a quote with no
//! attribution of its own continues the last speaker's statement, unless a sentence of narrative
//! came between. No speaker is better than a wrong one: a passive verb of saying ("his death was
//! announced") names only its agent ("… by Cardinal X"), a participle between commas ("The court,
//! based in Kessen, said") is passed over, and a run that opens with a number or a preposition
//! ("After hours of searching") is no speaker. Verbs of saying are listed for English, Russian,
//! Arabic, French, Spanish and German, with the auxiliaries of their compound tenses ("a
//! déclaré", "ha dicho").
//!
//! A short quote (four words or fewer) is a term unless someone says it: a speaker whose verb of
//! saying stands in another clause before it (`Iran announced, on Monday, the death of President
//! "…"`) does not make it a statement. A quote a stored copy cuts off (open at the end of the
//! report) is a statement whatever is left of it, and takes no earlier speaker: its own
//! attribution, which would follow it, is lost.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::text::lexicon;
use crate::text::lexicon::speech::{
    ACCORDING_TO, AGENT_BY, AS_SAYING, AUXILIARIES, CLAUSE_OPENERS, CLAUSE_WORDS, DOCUMENT_NOUNS,
    IMPERSONAL_AT, NAME_PARTICLES, NOT_OPENERS, NOT_SUBJECTS, PASSIVE, PASSIVE_SPEAKER_VERBS,
    PRONOUNS, QUOTING_VERBS, RUN_STOPS, SPEAKER_OPENERS, SPEECH_NOUNS, SPEECH_VERBS,
};
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

/// A quote makes up at least this share of its sentence to inherit the last named speaker.
const CONTINUED_SHARE: f64 = 0.6;

/// The most words a speaker may have.
const MAX_SPEAKER_WORDS: usize = 8;

/// The most words of a description beside a name ("a resident of the popular northern tourist
/// city Chiang Mai").
const APPOSITIVE_WORDS: usize = 14;

/// How many tokens after a quote its attribution's verb may come.
const ATTRIBUTION_REACH: usize = 28;

/// Finds every quote of `doc` with its speaker.
pub fn find_quotes(doc: &Document) -> Vec<FoundQuote> {
    let mut quotes = Vec::new();
    let mut last_named: Option<String> = None;
    // Whether a quote with no attribution of its own may still continue `last_named`'s
    // statement: not once a sentence of narrative (no quote, no speaker) came between.
    let mut continuable = false;
    let mut next_sentence_to_scan = 0;
    for (p, paragraph) in doc.paragraphs.iter().enumerate() {
        // A quote left open at the end of a paragraph runs to its end when the next paragraph
        // goes on quoting (news style) or there is none (a copy cut inside the quote).
        let runs_on = doc.paragraphs.get(p + 1).is_none_or(|next| {
            doc.body[next.range.clone()]
                .trim_start()
                .starts_with(['\u{201C}', '\u{201E}', '\u{00AB}', '"', '\u{2018}'])
        });
        let spans = quoted_spans(&doc.body, paragraph.range.clone(), runs_on);
        let last_paragraph = p + 1 == doc.paragraphs.len();
        for (outer, mark, close) in spans {
            // A quote the copy cuts off has lost the attribution that would follow it: an earlier
            // speaker is no better guess than anyone.
            let cut_off = close == 0 && last_paragraph;
            let Some(range) = inner_range(&doc.body, &outer, close) else {
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
                if let Some(name) = named_subject(doc, next_sentence_to_scan, last_named.as_deref())
                {
                    last_named = Some(name);
                    continuable = true;
                } else if is_narrative(doc, next_sentence_to_scan) {
                    continuable = false;
                }
                next_sentence_to_scan += 1;
            }
            let speaker = speaker_of(doc, &outer)
                .and_then(|s| resolve(s, last_named.as_deref()))
                .map(|s| named_description(doc, s, last_named.as_deref()))
                .or_else(|| {
                    (continuable && !cut_off)
                        .then(|| continued(doc, &outer, sentence, last_named.as_deref()))
                        .flatten()
                });
            if let Some(s) = speaker.as_ref() {
                if !s.resolved {
                    last_named = Some(s.name.clone());
                }
                continuable = true;
            }
            let text = &doc.body[range.clone()];
            if is_address(text) {
                // A path or link in quotation marks (markup left in a page) is no quote.
                continue;
            }
            // A quote the copy cuts off is no short term: its length is unknown.
            let short = text.split_whitespace().count() <= TERM_MAX_WORDS && !cut_off;
            let kind = if short
                && !speaker
                    .as_ref()
                    .is_some_and(|s| attributes_short(doc, s, &outer))
            {
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

/// Whether `speaker` makes a short quote at `outer` someone's words: any speaker but one whose
/// verb of saying comes before the quote in another clause (`أعلنت إيران، اليوم الاثنين، وفاة
/// الرئيس "…"`: Iran announced, on Monday, the death of President "…", a name in quotation marks).
fn attributes_short(doc: &Document, speaker: &Speaker, outer: &Range<usize>) -> bool {
    if speaker.cue != SpeakerCue::BeforeQuote {
        return true;
    }
    let Some(sentence) = doc.sentence_at(outer.start) else {
        return true;
    };
    let before = tokens_in(doc, doc.sentences[sentence].range.start..outer.start);
    let Some(verb) = before
        .clone()
        .rev()
        .find(|&k| is_speech_verb(&doc.tokens[k]))
    else {
        return true;
    };
    // A comma just before the quotation mark introduces it ("he said, "not good"").
    let between = verb + 1..before.end.saturating_sub(1).max(verb + 1);
    !doc.tokens[between]
        .iter()
        .any(|t| matches!(&doc.body[t.range.clone()], "," | "،"))
}

/// Whether quoted text is a link or a file path ("s3://…/a1b2", "/images/x.jpg"), not words.
fn is_address(text: &str) -> bool {
    !text.contains(char::is_whitespace) && (text.contains("://") || text.starts_with('/'))
}

/// Whether sentence `i` is narrative: more than [`NARRATIVE_WORDS`] words and no quotation mark.
/// A statement quoted on in sentences of its own does not continue past one.
fn is_narrative(doc: &Document, i: usize) -> bool {
    let sentence = &doc.sentences[i];
    let words = doc.tokens[sentence.tokens.clone()]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .count();
    words > NARRATIVE_WORDS && !doc.body[sentence.range.clone()].contains(is_quote_char)
}

/// Sentences longer than this many words end a statement's continuation.
const NARRATIVE_WORDS: usize = 5;

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}'
    )
}

/// The quoted spans (marks included) of the paragraph at `range`, in order, each with the length
/// of its closing mark. A “ with no ” before the next “ of the paragraph closes at a straight "
/// or a doubled ’’ (pages mix their marks: `“We are searching," state media quoted`), a straight
/// "…" inside it being a quote within the quote. A quote still open at the paragraph's end runs to
/// it when `runs_on` (closing mark length 0), else it is dropped.
fn quoted_spans(
    body: &str,
    range: Range<usize>,
    runs_on: bool,
) -> Vec<(Range<usize>, QuoteMark, usize)> {
    let text = &body[range.clone()];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut open: Option<(usize, QuoteMark)> = None;
    // Inside a “…”: whether a straight "…" quoted within it is open.
    let mut nested = false;
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
                    nested = false;
                }
            }
            Some((start, mark)) => {
                // A stand-in closes a “ only when no ” comes before the next “.
                let stand_in = || {
                    let rest = &text[offset..];
                    let upto = rest.find('\u{201C}').map_or(rest, |at| &rest[..at]);
                    !upto.contains('\u{201D}')
                };
                let closer = match mark {
                    QuoteMark::Curly if c == '\u{201D}' => Some(c.len_utf8()),
                    QuoteMark::Curly if c == '"' => {
                        let opens = !prev.is_some_and(char::is_alphanumeric)
                            && next.is_some_and(char::is_alphanumeric);
                        if nested || opens {
                            nested = !nested;
                            None
                        } else {
                            stand_in().then_some(1)
                        }
                    }
                    QuoteMark::Curly if c == '\u{2019}' && next == Some('\u{2019}') => {
                        stand_in().then_some(2 * c.len_utf8())
                    }
                    QuoteMark::Curly => None,
                    QuoteMark::Low => (c == '\u{201C}' || c == '\u{201D}').then_some(c.len_utf8()),
                    QuoteMark::Guillemets => (c == '\u{00BB}').then_some(c.len_utf8()),
                    QuoteMark::Single => (c == '\u{2019}'
                        && !next.is_some_and(char::is_alphabetic))
                    .then_some(c.len_utf8()),
                    QuoteMark::Straight => {
                        (c == '"' && !next.is_some_and(char::is_alphanumeric)).then_some(1)
                    }
                };
                if let Some(len) = closer {
                    out.push((range.start + start..range.start + offset + len, mark, len));
                    open = None;
                }
            }
        }
    }
    if let Some((start, mark)) = open.filter(|_| runs_on) {
        out.push((range.start + start..range.end, mark, 0));
    }
    out
}

/// The quoted words inside `outer`, whose closing mark is `close` bytes long (0 for a quote that
/// runs on): marks, surrounding spaces and a trailing comma removed. `None` when nothing
/// alphanumeric is quoted.
fn inner_range(body: &str, outer: &Range<usize>, close: usize) -> Option<Range<usize>> {
    let text = &body[outer.clone()];
    let first = text.chars().next()?;
    let start = outer.start + first.len_utf8();
    let inner = body.get(start..outer.end.checked_sub(close)?.max(start))?;
    let trimmed = inner.trim();
    let trimmed = trimmed.strip_suffix(',').unwrap_or(trimmed).trim_end();
    let start = start + (inner.len() - inner.trim_start().len());
    let range = start..start + trimmed.len();
    trimmed.chars().any(char::is_alphanumeric).then_some(range)
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

/// `,” she told reporters` / `," said Mirela Dan, a teacher` / `», — сказала министр` /
/// `,” the head of the Red Crescent, Pirhossein Kolivand, told state TV`.
fn speaker_after(doc: &Document, tokens: Range<usize>) -> Option<Speaker> {
    // Skip the punctuation that joins quote and attribution (",", "—").
    let floor = tokens.start
        + doc.tokens[tokens.clone()]
            .iter()
            .take_while(|t| t.kind == TokenKind::Punct)
            .count();
    let verb = (floor..tokens.end)
        .take(ATTRIBUTION_REACH)
        .take_while(|&k| !is_quote_token(doc, k))
        .find(|&k| is_speech_verb(&doc.tokens[k]))?;
    if verb == floor {
        return subject_run_forward(doc, verb + 1, tokens.end, SpeakerCue::AfterQuote);
    }
    let speaker = subject_before_verb(doc, floor, verb, tokens.end, SpeakerCue::AfterQuote)?;
    // Far from the quote, the attribution must open right after it: `"…," X, a resident of Y,
    // told AFP`, not a verb of another clause.
    let near = verb - floor <= MAX_SPEAKER_WORDS + 2;
    (near
        || speaker.range.start == doc.tokens[floor].range.start
        || speaker_chain_reaches(doc, floor, verb))
    .then_some(speaker)
}

/// Whether the comma-separated runs before `verb` reach back to `floor` (the attribution opens
/// right after the quote).
fn speaker_chain_reaches(doc: &Document, floor: usize, verb: usize) -> bool {
    let end = if verb > floor && doc.body[doc.tokens[verb - 1].range.clone()] == *"," {
        verb - 1
    } else {
        verb
    };
    comma_runs(doc, floor, end)
        .last()
        .is_some_and(|run| run.start == floor)
}

/// `Teodor Vasko said in a video that his fighters had "…"`: the subject of the first verb of
/// saying before the quote, after any earlier quote of the sentence (`"…," Titti Lepore, 56, told
/// NBC News, adding, "…"`).
fn speaker_before(doc: &Document, tokens: Range<usize>) -> Option<Speaker> {
    let after_quotes = (tokens.clone())
        .rev()
        .find(|&k| is_quote_token(doc, k))
        .map_or(tokens.start, |k| k + 1);
    // A second quote of a sentence shares the first one's attribution (`X said Putin was
    // accused of "…" and of "…"`) unless a verb of saying comes between them.
    let first_verb = |floor: usize| (floor..tokens.end).find(|&k| is_speech_verb(&doc.tokens[k]));
    let (floor, verb) = match first_verb(after_quotes).map(|verb| (after_quotes, verb)) {
        Some(found) => found,
        None => match first_verb(tokens.start) {
            Some(verb) => (tokens.start, verb),
            None => return announced_by(doc, tokens, SpeakerCue::BeforeQuote),
        },
    };
    let sentence_end = doc
        .sentence_at(doc.tokens[verb].range.start)
        .map_or(tokens.end, |s| doc.sentences[s].tokens.end);
    subject_before_verb(doc, floor, verb, sentence_end, SpeakerCue::BeforeQuote)
}

/// `El anuncio fue realizado por el cardenal X`, `the statement was issued by X`: a noun of saying
/// followed closely by "by" names its agent.
fn announced_by(doc: &Document, tokens: Range<usize>, cue: SpeakerCue) -> Option<Speaker> {
    let noun = tokens
        .clone()
        .find(|&k| SPEECH_NOUNS.contains(&doc.tokens[k].norm.as_str()))?;
    let by = (noun + 1..tokens.end)
        .take(4)
        .find(|&k| AGENT_BY.contains(&doc.tokens[k].norm.as_str()))?;
    subject_run_forward(doc, by + 1, tokens.end, cue)
}

/// Whether token `k` is a quotation mark.
fn is_quote_token(doc: &Document, k: usize) -> bool {
    let token = &doc.tokens[k];
    token.kind == TokenKind::Punct && doc.body[token.range.clone()].chars().all(is_quote_char)
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

/// Whether token `k` is a hyphen or apostrophe inside a word ("semi-official", "пресс-релизе",
/// "Iran's"): part of a speaker's words, not punctuation that ends them.
fn joins_words(doc: &Document, k: usize) -> bool {
    let token = &doc.tokens[k];
    let glued = |other: Option<&Token>, before: bool| {
        other.is_some_and(|o| {
            o.kind != TokenKind::Punct
                && if before {
                    o.range.end == token.range.start
                } else {
                    o.range.start == token.range.end
                }
        })
    };
    token.kind == TokenKind::Punct
        && matches!(
            &doc.body[token.range.clone()],
            "-" | "\u{2010}" | "\u{2011}" | "'" | "\u{2019}"
        )
        && glued(k.checked_sub(1).map(|p| &doc.tokens[p]), true)
        && glued(doc.tokens.get(k + 1), false)
}

/// Whether token `k` ends a run of speaker words: punctuation other than a joining hyphen.
fn ends_run(doc: &Document, k: usize) -> bool {
    doc.tokens[k].kind == TokenKind::Punct && !joins_words(doc, k)
}

/// The words from token `first` on, up to punctuation, a clause word or `MAX_SPEAKER_WORDS`.
fn subject_run_forward(
    doc: &Document,
    first: usize,
    end: usize,
    cue: SpeakerCue,
) -> Option<Speaker> {
    // An impersonal verb names its speaker as a place ("сообщили в Букингемском дворце", it was
    // reported at Buckingham Palace) or as a document's owner ("говорится в пресс-релизе МУС",
    // says the ICC's press release): the speaker is the palace, or the ICC.
    let mut first = first;
    if first < end && IMPERSONAL_AT.contains(&doc.tokens[first].norm.as_str()) {
        first += 1;
        // The document's words: "заявлении", or the compound "пресс-релизе" (three tokens; a
        // "пресс-службе" is no document but the speaker itself, and stays whole).
        let norm = |k: usize| doc.tokens.get(k).map_or("", |t| t.norm.as_str());
        let document_words = |k: usize| {
            if norm(k) == "пресс" && norm(k + 1) == "-" && norm(k + 2).starts_with("релиз")
            {
                3
            } else {
                usize::from(DOCUMENT_NOUNS.iter().any(|noun| norm(k).starts_with(noun)))
            }
        };
        let mut owner = first;
        while owner < end && document_words(owner) > 0 {
            owner += document_words(owner);
        }
        if owner > first && owner < end && doc.tokens[owner].kind == TokenKind::Word {
            first = owner;
        }
    }
    let mut last = first;
    let mut words = 0;
    while last < end
        && words < MAX_SPEAKER_WORDS
        && !ends_run(doc, last)
        && !(last > first && CLAUSE_WORDS.contains(&doc.tokens[last].norm.as_str()))
    {
        if doc.tokens[last].kind != TokenKind::Punct {
            words += 1;
        }
        last += 1;
    }
    speaker_from(doc, first..last, cue)
}

/// The speaker of an active verb of quoting with "… as saying" (`state media quoted a regional
/// army commander as saying`, `citing an official as saying`): the words between. `verb` is the
/// verb of saying found, the quoting verb or the "saying" after "as". Not in the passive (`he was
/// later quoted by Reuters as saying`: there the subject speaks).
fn quoted_as_saying(doc: &Document, verb: usize, end: usize, cue: SpeakerCue) -> Option<Speaker> {
    let norm = |k: usize| doc.tokens.get(k).map_or("", |t| t.norm.as_str());
    let (quoting, as_at) = if QUOTING_VERBS.contains(&norm(verb)) {
        let reach = (verb + 2 + MAX_SPEAKER_WORDS).min(end);
        let as_at =
            (verb + 2..reach).find(|&k| norm(k) == "as" && AS_SAYING.contains(&norm(k + 1)))?;
        (verb, as_at)
    } else if AS_SAYING.contains(&norm(verb)) && verb >= 3 && norm(verb - 1) == "as" {
        let as_at = verb - 1;
        let quoting = (as_at.saturating_sub(MAX_SPEAKER_WORDS + 1)..as_at - 1)
            .rev()
            .find(|&k| QUOTING_VERBS.contains(&norm(k)))?;
        (quoting, as_at)
    } else {
        return None;
    };
    let passive = (1..=2).any(|back| {
        quoting
            .checked_sub(back)
            .is_some_and(|k| PASSIVE.contains(&norm(k)))
    });
    if passive || AGENT_BY.contains(&norm(quoting + 1)) {
        return None;
    }
    subject_run_forward(doc, quoting + 1, as_at, cue)
}

/// The subject of the verb of saying at token `verb`, looking no further back than `floor` and
/// no further on than `end`:
/// - the words before it, without trailing auxiliaries ("the president was quoted");
/// - a passive names only its agent ("his death was announced by Cardinal X");
/// - a verb that opens its clause names its subject after it (`وقال بيان المحكمة`, `», a indiqué
///   le palais`, `…, erklärte das Gericht`, `," said Red Crescent chief X, adding`);
/// - of an appositive chain the name ("the head of the Red Crescent, Pirhossein Kolivand,
///   told"; "Duangjai, a resident of Chiang Mai, told"); past a participle between commas the
///   subject before it ("The court, based in Kessen, said").
fn subject_before_verb(
    doc: &Document,
    floor: usize,
    verb: usize,
    end: usize,
    cue: SpeakerCue,
) -> Option<Speaker> {
    // "state media quoted a regional army commander as saying": who is quoted speaks.
    if let Some(speaker) = quoted_as_saying(doc, verb, end, cue) {
        return Some(speaker);
    }
    let mut before = verb;
    let after_comma = before > floor && doc.body[doc.tokens[before - 1].range.clone()] == *",";
    if after_comma {
        before -= 1;
    }
    if before > floor
        && PASSIVE.contains(&doc.tokens[before - 1].norm.as_str())
        && !PASSIVE_SPEAKER_VERBS.contains(&doc.tokens[verb].norm.as_str())
    {
        // "His death was announced (by X)": what was said is the subject; who said it follows
        // "by", if anyone.
        return speaker_by(doc, verb, cue);
    }
    while before > floor && AUXILIARIES.contains(&doc.tokens[before - 1].norm.as_str()) {
        before -= 1;
    }
    // "Y completó:", "And he added", "об этом сообщили …": nothing before the verb names anyone.
    while before > floor && CLAUSE_OPENERS.contains(&doc.tokens[before - 1].norm.as_str()) {
        before -= 1;
    }
    let opens_clause = before == floor || (!after_comma && ends_run(doc, before - 1));
    let inverted = verb + 1 < end
        && opens_speaker(doc, verb + 1)
        && (opens_clause || (after_comma && doc.lang.as_deref() != Some("en")));
    if inverted || opens_clause {
        return subject_run_forward(doc, verb + 1, end, cue);
    }
    let runs = comma_runs(doc, floor, before);
    let nearest = runs.first()?.clone();
    // The name of an appositive chain, read from the verb back through its descriptions.
    for run in &runs {
        if is_name(doc, run.clone()) {
            return speaker_from(doc, run.clone(), cue);
        }
        if !is_description(doc, run.start) {
            break;
        }
    }
    let nearest = last_words(doc, nearest, MAX_SPEAKER_WORDS);
    if opens_speaker(doc, nearest.start) || is_bare_subject(doc, nearest.clone(), verb) {
        return speaker_from(doc, nearest, cue);
    }
    // "The court, based in The Hague, said": past a participle phrase between commas, the subject
    // is before it.
    if let Some(previous) = runs.get(1) {
        let previous = last_words(doc, previous.clone(), MAX_SPEAKER_WORDS);
        if opens_speaker(doc, previous.start) {
            return speaker_from(doc, previous, cue);
        }
    }
    names_someone(doc, nearest.start, nearest.end)
        .then(|| speaker_from(doc, nearest, cue))
        .flatten()
}

/// Whether tokens `run`, just before the verb at `verb`, are a short subject of plain nouns with
/// no article ("state media reported", "officials said", "rescue teams told").
fn is_bare_subject(doc: &Document, run: Range<usize>, verb: usize) -> bool {
    let words = &doc.tokens[run.clone()];
    run.end == verb
        && (1..=3).contains(&words.len())
        && words.iter().all(|t| {
            t.kind == TokenKind::Word
                && !t.stop
                && !NOT_OPENERS.contains(&t.norm.as_str())
                && t.norm.chars().count() > 2
        })
}

/// The comma-separated runs of words before token `end` (back to other punctuation or `floor`),
/// nearest first, at most three, each of at most [`APPOSITIVE_WORDS`] words.
fn comma_runs(doc: &Document, floor: usize, end: usize) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut run_end = end;
    while runs.len() < 3 && run_end > floor {
        let mut first = run_end;
        let mut words = 0;
        while first > floor
            && words < APPOSITIVE_WORDS
            && !ends_run(doc, first - 1)
            && !RUN_STOPS.contains(&doc.tokens[first - 1].norm.as_str())
        {
            first -= 1;
            if doc.tokens[first].kind != TokenKind::Punct {
                words += 1;
            }
        }
        if first == run_end {
            break;
        }
        runs.push(first..run_end);
        let comma_before =
            first > floor + 1 && doc.body[doc.tokens[first - 1].range.clone()] == *",";
        if !comma_before {
            break;
        }
        run_end = first - 1;
    }
    runs
}

/// The last `n` words of the tokens `run`.
fn last_words(doc: &Document, run: Range<usize>, n: usize) -> Range<usize> {
    let mut first = run.end;
    let mut words = 0;
    while first > run.start && words < n {
        first -= 1;
        if doc.tokens[first].kind != TokenKind::Punct {
            words += 1;
        }
    }
    first..run.end
}

/// Whether tokens `run` are a proper name: capitalized words (or words of a script without case),
/// joined by small words ("Kevin Farrell", "Red Crescent chief" is not), not a lone discourse word
/// ("Meanwhile").
fn is_name(doc: &Document, run: Range<usize>) -> bool {
    let words: Vec<&Token> = doc.tokens[run]
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .collect();
    let capitalized = |t: &Token| {
        t.kind == TokenKind::Word
            && doc.body[t.range.clone()]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
    };
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    (1..=MAX_SPEAKER_WORDS).contains(&words.len())
        && capitalized(first)
        && capitalized(last)
        && !NOT_OPENERS.contains(&first.norm.as_str())
        && !(words.len() == 1 && first.stop)
        && words
            .iter()
            .all(|t| capitalized(t) || NAME_PARTICLES.contains(&t.norm.as_str()))
}

/// Whether the run at token `first` reads as a description of someone named beside it: it opens
/// with an article, a possessive, a number or a lowercase word ("a resident of", "56").
fn is_description(doc: &Document, first: usize) -> bool {
    let token = &doc.tokens[first];
    token.kind == TokenKind::Number
        || SPEAKER_OPENERS.contains(&token.norm.as_str())
        || doc.body[token.range.clone()]
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}

/// `… was announced in a statement by Cardinal X`: the agent of a passive verb of saying.
fn speaker_by(doc: &Document, verb: usize, cue: SpeakerCue) -> Option<Speaker> {
    let sentence = doc.sentence_at(doc.tokens[verb].range.start)?;
    let end = doc.sentences[sentence].tokens.end;
    let by = (verb + 1..end).find(|&k| {
        AGENT_BY.contains(&doc.tokens[k].norm.as_str())
            // من قبل: "by" in Arabic.
            || (doc.tokens[k].norm == "قبل" && doc.tokens[k - 1].norm == "من")
    })?;
    subject_run_forward(doc, by + 1, end, cue)
}

/// Whether tokens `first..end` open with a plain word and go on to a capitalized one: a title
/// before a name ("minister Halina Orsk").
fn names_someone(doc: &Document, first: usize, end: usize) -> bool {
    let word = |k: usize| doc.tokens[k].kind == TokenKind::Word;
    word(first)
        && !NOT_OPENERS.contains(&doc.tokens[first].norm.as_str())
        && (first + 1..end).any(|k| is_capitalized_word(doc, &doc.tokens[k]))
}

/// Whether `t` is a word written with a capital first letter.
fn is_capitalized_word(doc: &Document, t: &Token) -> bool {
    t.kind == TokenKind::Word
        && doc.body[t.range.clone()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

/// Whether token `k` can open a speaker: a capitalized word, an article or possessive, a
/// pronoun, or a word of a script without case (Arabic). Not a number, a preposition or a
/// participle ("56", "based in The Hague", "в пресс-службе").
fn opens_speaker(doc: &Document, k: usize) -> bool {
    let token = &doc.tokens[k];
    let Some(first) = doc.body[token.range.clone()].chars().next() else {
        return false;
    };
    // Languages without articles name a speaker with a bare lowercase noun ("министр заявил").
    let articles = !lexicon::lacks_articles(doc.lang.as_deref());
    token.kind == TokenKind::Word
        && !NOT_OPENERS.contains(&token.norm.as_str())
        && !NOT_SUBJECTS.contains(&token.norm.as_str())
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

/// Replaces a pronoun speaker by the last named one; a pronoun with nobody named before it names
/// no one (`était-il indiqué`: no speaker is better than "il").
fn resolve(mut speaker: Speaker, last_named: Option<&str>) -> Option<Speaker> {
    if is_pronoun(&speaker.as_written) {
        speaker.name = last_named?.to_string();
        speaker.resolved = true;
    }
    Some(speaker)
}

/// A speaker written as a description ("a foreign ministry spokeswoman", "the chief of the Red
/// Crescent", "das Gericht") takes the name a careful reader gives it, when the report gives one
/// and only one:
/// - the same title before a name elsewhere in the report ("spokeswoman Maria Zakharova", "Red
///   Crescent chief Pirhossein Koolivand");
/// - else a name of several words before it that holds the title ("the court" after "the
///   International Criminal Court", "das Gericht" after "der Internationale Strafgerichtshof");
/// - else, when the description goes on with someone's words ("…," the camerlengo continued /
///   added), the speaker named last (`last_named`).
fn named_description(doc: &Document, mut speaker: Speaker, last_named: Option<&str>) -> Speaker {
    let tokens = tokens_in(doc, speaker.range.clone());
    let words: Vec<&Token> = doc.tokens[tokens.clone()]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .collect();
    let has_case = words
        .iter()
        .any(|t| doc.body[t.range.clone()].chars().any(char::is_lowercase));
    let capitalized = |t: &Token| is_capitalized_word(doc, t);
    let described = words.first().is_some_and(|t| lexicon::is_article(&t.norm));
    if speaker.resolved || !has_case || !described {
        return speaker;
    }
    // The title is the word before "of", or the last word.
    let title = match words.iter().position(|t| t.norm == "of") {
        Some(of) if of > 0 => words[of - 1],
        _ => match words.last() {
            Some(last) => *last,
            None => return speaker,
        },
    };
    // German capitalizes every noun: there a capitalized title is still a title.
    let nouns_capitalized = doc.lang.as_deref() == Some("de");
    if title.stop || (capitalized(title) && !nouns_capitalized) || title.norm.chars().count() < 4 {
        return speaker;
    }
    let mut names: Vec<String> = doc
        .tokens
        .iter()
        .enumerate()
        .filter_map(|(k, t)| {
            if t.norm != title.norm || tokens.contains(&k) {
                return None;
            }
            let name_end = (k + 1..doc.tokens.len())
                .take(4)
                .take_while(|&n| capitalized(&doc.tokens[n]))
                .last()?;
            (name_end > k + 1).then(|| {
                doc.body[doc.tokens[k + 1].range.start..doc.tokens[name_end].range.end].to_string()
            })
        })
        .collect();
    if names.is_empty() {
        names = names_holding(doc, &title.norm, tokens.start);
    }
    names.sort_unstable();
    names.dedup();
    // One name only (named twice is still one); `resolved` stays false: the name is the report's
    // own, and a later "she said" takes it.
    if let [name] = names.as_slice() {
        speaker.name = name.clone();
    } else if let Some(name) = last_named.filter(|_| names.is_empty() && goes_on(doc, &tokens)) {
        speaker.name = name.to_string();
        speaker.resolved = true;
    }
    speaker
}

/// The names of two capitalized words or more before token `before` that hold `title` as a word
/// ("Court" in "International Criminal Court") or, in German and five letters or more, inside a
/// word ("gericht" in "Strafgerichtshof").
fn names_holding(doc: &Document, title: &str, before: usize) -> Vec<String> {
    let capitalized = |t: &Token| !t.stop && is_capitalized_word(doc, t);
    // German joins nouns into one word ("Strafgerichtshof" holds "gericht"); elsewhere a word
    // holding the title is another word ("Courtney" is no court).
    let inside = doc.lang.as_deref() == Some("de") && title.chars().count() >= 5;
    let mut names = Vec::new();
    let mut k = 0;
    while k < before {
        if !capitalized(&doc.tokens[k]) {
            k += 1;
            continue;
        }
        let start = k;
        while k < before
            && capitalized(&doc.tokens[k])
            && (k == start || doc.tokens[k].range.start == doc.tokens[k - 1].range.end + 1)
        {
            k += 1;
        }
        let run = &doc.tokens[start..k];
        let holds = run
            .iter()
            .any(|t| t.norm == title || (inside && t.norm.contains(title)));
        if run.len() >= 2 && holds {
            names.push(doc.body[run[0].range.start..run[run.len() - 1].range.end].to_string());
        }
    }
    names
}

/// Whether the verb right after (or right before) the speaker's words says they go on with the
/// statement before: "continued", "added", "a ajouté", "añadió", "добавил".
fn goes_on(doc: &Document, speaker: &Range<usize>) -> bool {
    const GOES_ON: &[&str] = &[
        "continued",
        "added",
        "continues",
        "adds",
        "ajoute",
        "ajouta",
        "ajouté",
        "poursuit",
        "poursuivi",
        "añadió",
        "agregó",
        "continuó",
        "fügte",
        "ergänzte",
        "добавил",
        "добавила",
        "продолжил",
        "продолжила",
        "وأضاف",
        "أضاف",
        "وتابع",
    ];
    let word = |k: usize| {
        doc.tokens
            .get(k)
            .filter(|t| t.kind == TokenKind::Word)
            .is_some_and(|t| GOES_ON.contains(&t.norm.as_str()))
    };
    // "a ajouté", "hat hinzugefügt": one auxiliary may stand between.
    word(speaker.end) || word(speaker.end + 1) || speaker.start.checked_sub(1).is_some_and(word)
}

/// The named (non-pronoun) subject of a verb of saying in sentence `i`, if any: what a later
/// "she said" refers to.
fn named_subject(doc: &Document, i: usize, last_named: Option<&str>) -> Option<String> {
    let tokens = doc.sentences[i].tokens.clone();
    let Some(verb) = tokens.clone().find(|&k| is_speech_verb(&doc.tokens[k])) else {
        return announced_by(doc, tokens, SpeakerCue::BeforeQuote).map(|s| s.name);
    };
    let speaker =
        subject_before_verb(doc, tokens.start, verb, tokens.end, SpeakerCue::BeforeQuote)?;
    (!is_pronoun(&speaker.as_written)).then(|| named_description(doc, speaker, last_named).name)
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
    fn an_impersonal_verb_names_the_place_or_the_document_owner() {
        let found = quotes_in(
            "ru",
            "\"Суд выдал ордер\", - говорится в пресс-релизе МУС. \"Королева умерла\", - сообщили в Букингемском дворце. \"Пожар потушен\", - сообщили в пресс-службе МЧС.",
        );
        assert_eq!(
            found,
            vec![
                ("Суд выдал ордер".into(), Some("МУС".into())),
                ("Королева умерла".into(), Some("Букингемском дворце".into())),
                ("Пожар потушен".into(), Some("пресс-службе МЧС".into())),
            ]
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

    /// Phenomena of the development set: pages mix their marks (“…," and “…’’), a quote runs
    /// on to a paragraph that goes on quoting, a stored copy stops inside a quote.
    #[test]
    fn mixed_marks_quotes_running_on_and_a_copy_cut_inside_a_quote() {
        let found = quotes_of(
            "\u{201C}We are searching every inch of the valley,\" state media quoted a regional army commander as saying.",
        );
        assert_eq!(
            found,
            [(
                "We are searching every inch of the valley".to_string(),
                Some("a regional army commander".to_string())
            )]
        );
        let found = quotes_of(
            "\u{201C}With gratitude we commend his soul to God.\u{2019}\u{2019} The rite begins at noon.",
        );
        assert_eq!(found[0].0, "With gratitude we commend his soul to God.");
        let found = quotes_of(
            "Mayor Lina Brask spoke at dawn. \u{201C}The water came in the night.\n\n\u{201C}We lost the old bridge,\u{201D} she said.",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "The water came in the night.");
        let doc = segment(
            "The minister said the talks had failed.\n\n\u{201C}The very question is",
            Some("en"),
        );
        let cut = find_quotes(&doc);
        assert_eq!(cut.len(), 1, "{cut:?}");
        assert_eq!(&doc.body[cut[0].range.clone()], "The very question is");
        assert_eq!(cut[0].kind, QuoteKind::Statement, "short, but cut off");
        assert_eq!(cut[0].speaker, None, "its attribution was cut off");
    }

    #[test]
    fn a_straight_quote_inside_a_curly_one_and_stand_ins_that_are_not() {
        // Running on to the next paragraph, with a quote inside it.
        let found = quotes_of(
            "\u{201C}They called it \"a farce\" and left.\n\n\u{201C}We stayed,\u{201D} she said.",
        );
        assert_eq!(
            found[0].0, "They called it \"a farce\" and left.",
            "{found:?}"
        );
        // A straight mark closes the first quote even though a ” closes a later one.
        let found = quotes_of(
            "\u{201C}We are searching,\" state media quoted an officer as saying. \u{201C}We will find them,\u{201D} he added.",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "We are searching");
        // A quote running on keeps its last letter, even an apostrophe.
        let found = quotes_of(
            "Coach Ida Marn spoke. \u{201C}This win belongs to the players\u{2019}\n\n\u{201C}And the fans,\u{201D} she said.",
        );
        assert_eq!(
            found[0].0, "This win belongs to the players\u{2019}",
            "{found:?}"
        );
    }

    #[test]
    fn who_is_quoted_as_saying_speaks_unless_the_quoting_is_passive() {
        let speaker = |body: &str| quotes_of(body)[0].1.clone();
        assert_eq!(
            speaker("The agency carried the report, citing an official as saying \"the road is closed for good\".")
                .as_deref(),
            Some("an official")
        );
        assert_eq!(
            speaker("Mayor Lina Brask was later quoted by Reuters as saying \"the dam will hold for years\".")
                .as_deref(),
            Some("Mayor Lina Brask")
        );
    }

    #[test]
    fn a_description_going_on_names_the_speaker_for_the_quote_after_it() {
        let found = quotes_of(
            "His death was announced by Cardinal Aldo Varn. \"He taught us to serve,\" the camerlengo continued. \"With gratitude we commend his soul to God.\"",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found
                .iter()
                .all(|(_, who)| who.as_deref() == Some("Cardinal Aldo Varn")),
            "{found:?}"
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

    /// Phenomena of the development set's attributions, on invented text: an appositive chain
    /// after the quote names its name, however long the description.
    #[test]
    fn the_name_of_an_appositive_chain_speaks() {
        let found = quotes_of(
            "\u{201C}We have reached the site,\u{201D} the head of the Vestrian Red Cross, Ilse Marant, told state radio. \
             \"I ran out in my nightclothes,\" Dorota, a resident of the northern lake town of Vell, told reporters.",
        );
        let speakers: Vec<_> = found.iter().map(|(_, s)| s.as_deref()).collect();
        assert_eq!(speakers, [Some("Ilse Marant"), Some("Dorota")], "{found:?}");
    }

    #[test]
    fn a_verb_that_opens_its_clause_names_the_subject_after_it() {
        let fr = quotes_in(
            "fr",
            "« Le roi restera à Kessen ce soir », a indiqué le palais de Kessen dans un communiqué.",
        );
        assert_eq!(fr[0].1.as_deref(), Some("le palais de Kessen"), "{fr:?}");
        let de = quotes_in(
            "de",
            "Gegen Orsk sei wegen der \"rechtswidrigen Verschleppung\" von Kindern Haftbefehl ergangen, erklärte das Gericht am Freitag.",
        );
        assert_eq!(de[0].1.as_deref(), Some("das Gericht"), "{de:?}");
        let ar = quotes_in("ar", "وقال بيان المحكمة إن القرار \"نهائي ولا رجعة فيه\".");
        assert_eq!(ar[0].1.as_deref(), Some("بيان المحكمة"), "{ar:?}");
        let en = quotes_of(
            "\"None of the passengers survived,\" reported the semi-official Vell news agency.",
        );
        assert_eq!(
            en[0].1.as_deref(),
            Some("the semi-official Vell news agency"),
            "{en:?}"
        );
    }

    #[test]
    fn a_pronoun_with_nobody_before_it_names_no_one() {
        let fr = quotes_in(
            "fr",
            "\"La reine est morte paisiblement\", était-il indiqué dans un communiqué.",
        );
        assert_eq!(fr, [("La reine est morte paisiblement".into(), None)]);
    }

    #[test]
    fn narrative_between_ends_a_statement() {
        let found = quotes_of(
            "The palace announced her death at Kessen. Back in 1953, who would have guessed how long the reign would last? \
             \"Long may she reign over us all!\"",
        );
        assert_eq!(found, [("Long may she reign over us all!".into(), None)]);
    }

    #[test]
    fn a_description_takes_the_name_its_title_is_given_elsewhere() {
        let found = quotes_of(
            "A foreign ministry spokeswoman said the ruling had \"no meaning whatsoever\". \
             \"It changes nothing for us,\" she added. \
             Spokeswoman Mara Veld wrote later that the court had no say, and spokeswoman Mara Veld repeated it.",
        );
        assert_eq!(found[0].1.as_deref(), Some("Mara Veld"), "{found:?}");
        assert_eq!(
            found[1].1.as_deref(),
            Some("Mara Veld"),
            "a later 'she' takes the name too: {found:?}"
        );
    }

    #[test]
    fn a_description_takes_the_one_name_that_holds_its_title_or_goes_on_for_the_last_speaker() {
        let found = quotes_of(
            "The Kessen Criminal Court issued a warrant on Friday. \
             \"The evidence is clear,\" the court said in a statement.",
        );
        assert_eq!(
            found[0].1.as_deref(),
            Some("Kessen Criminal Court"),
            "{found:?}"
        );
        let de = quotes_in(
            "de",
            "Der Internationale Strafgerichtshof hat Haftbefehl erlassen. \
             Es gebe \"berechtigte Gründe für die Annahme\", erklärte das Gericht am Freitag.",
        );
        assert_eq!(
            de[0].1.as_deref(),
            Some("Internationale Strafgerichtshof"),
            "German capitalizes the noun, and the name holds it in a compound: {de:?}"
        );
        let two_courts = quotes_of(
            "The Kessen Criminal Court and the Orlov Appeals Court disagreed on Friday. \
             \"The evidence is clear,\" the court said in a statement.",
        );
        assert_eq!(
            two_courts[0].1.as_deref(),
            Some("the court"),
            "two names hold the title: no guess: {two_courts:?}"
        );
        let goes_on = quotes_of(
            "His death was announced by Cardinal Aldo Varn on Monday. \
             Pilgrims gathered in the square. \
             \"He taught us to serve the harbour parish,\" the camerlengo continued.",
        );
        assert_eq!(
            goes_on[0].1.as_deref(),
            Some("Cardinal Aldo Varn"),
            "{goes_on:?}"
        );
    }

    #[test]
    fn an_announcement_made_by_someone_is_theirs_and_the_quotes_after_it() {
        let es = quotes_in(
            "es",
            "El anuncio fue realizado por el cardenal Aldo Varn: \u{201C}Queridos hermanos, con profundo dolor debo anunciar su muerte\u{201D}. \
             \u{201C}Toda su vida estuvo dedicada al puerto de Kessen\u{201D}, anexó.",
        );
        assert!(
            es.iter()
                .all(|(_, who)| who.as_deref() == Some("el cardenal Aldo Varn")),
            "{es:?}"
        );
    }

    #[test]
    fn a_short_quote_in_another_clause_than_the_verb_is_a_term() {
        let doc = segment(
            "Vestria announced on Monday, in a brief note, the death of president \"Aldo Varn\".",
            Some("en"),
        );
        let found = find_quotes(&doc);
        assert_eq!(found[0].kind, QuoteKind::Term, "{found:?}");
        let doc = segment(
            "The chief of the Red Cross said the situation was \"not good\".",
            Some("en"),
        );
        assert_eq!(find_quotes(&doc)[0].kind, QuoteKind::Statement);
    }

    #[test]
    fn a_second_quote_of_a_sentence_shares_its_attribution() {
        let found = quotes_of(
            "The court said Orsk was accused of \"unlawful deportation of children\" and of \"unlawful transfer\".",
        );
        let speakers: Vec<_> = found.iter().map(|(_, s)| s.as_deref()).collect();
        assert_eq!(
            speakers,
            [Some("The court"), Some("The court")],
            "{found:?}"
        );
    }

    #[test]
    fn plain_nouns_before_the_verb_speak() {
        let found = quotes_of(
            "Rescuers reached the wreck, though \"no sign of life\" was detected, state media reported.",
        );
        assert_eq!(found[0].1.as_deref(), Some("state media"), "{found:?}");
    }
}
