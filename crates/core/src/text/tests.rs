//! Unit tests of segmentation: sentence guards, scripts, ranges and bad input.

use super::*;

fn sentences(body: &str, lang: Option<&str>) -> Vec<String> {
    let doc = segment(body, lang);
    (0..doc.sentences.len())
        .map(|i| doc.sentence_text(i).to_string())
        .collect()
}

#[test]
fn splits_plain_sentences_and_paragraphs() {
    let doc = segment(
        "One fish swam. Two fish swam!\n\nA new paragraph? Yes.",
        Some("en"),
    );
    assert_eq!(doc.paragraphs.len(), 2);
    assert_eq!(doc.sentences.len(), 4);
    assert_eq!(doc.paragraph_text(1), "A new paragraph? Yes.");
    assert_eq!(doc.paragraphs[1].sentences, 2..4);
    assert_eq!(doc.sentences[3].paragraph, 1);
}

#[test]
fn abbreviations_and_initials_do_not_split() {
    let got = sentences(
        "Gen. Ortiz met Mr. J. R. Smith of the U.S. embassy on Dec. 4 at No. 10 Main St. in town. \
         Officials from the U.S. The next day they left.",
        Some("en"),
    );
    assert_eq!(
        got,
        [
            "Gen. Ortiz met Mr. J. R. Smith of the U.S. embassy on Dec. 4 at No. 10 Main St. in town.",
            "Officials from the U.S.",
            "The next day they left."
        ]
    );
}

#[test]
fn numbers_quotes_and_ellipses() {
    let got = sentences(
        "Some 4,200 people (3.5 percent) came. \"We are here,\" she said. \"Why?\" he asked. \
         He waited... and waited... Then he left.",
        Some("en"),
    );
    assert_eq!(
        got,
        [
            "Some 4,200 people (3.5 percent) came.",
            "\"We are here,\" she said.",
            "\"Why?\" he asked.",
            "He waited... and waited...",
            "Then he left."
        ]
    );
}

#[test]
fn sentences_a_page_glued_together_come_apart() {
    let got = sentences(
        "The ferry sank on Monday.\u{201C}We tried,\u{201D} Halden added.Divers searched \
         the U.S.Navy wreck, St.Peter said on kelmsby.org today.",
        Some("en"),
    );
    assert_eq!(
        got,
        [
            "The ferry sank on Monday.",
            "\u{201C}We tried,\u{201D} Halden added.",
            "Divers searched the U.S.Navy wreck, St.Peter said on kelmsby.org today."
        ],
        "a lowercase word, a full stop and a capitalized word are two sentences; an \
         abbreviation, a title or an address is not"
    );
    assert_eq!(
        sentences(
            "Паром затонул в понедельник.Водолазы искали всю ночь.",
            Some("ru")
        ),
        ["Паром затонул в понедельник.", "Водолазы искали всю ночь."]
    );
}

#[test]
fn closing_curly_quote_stays_with_its_sentence() {
    let got = sentences(
        "He said: \u{201C}It is over.\u{201D} The crowd cheered.",
        Some("en"),
    );
    assert_eq!(
        got,
        ["He said: \u{201C}It is over.\u{201D}", "The crowd cheered."]
    );
}

#[test]
fn arabic_persian_cyrillic_and_cjk() {
    assert_eq!(
        sentences("هل انتهى الاجتماع؟ نعم، انتهى. وغادر الجميع", Some("ar")).len(),
        3
    );
    assert_eq!(sentences("جلسه تمام شد۔ همه رفتند.", Some("fa")).len(), 2);
    assert_eq!(
        sentences("Мэр выступил в 10:30. Совет проголосовал.", Some("ru")).len(),
        2
    );
    assert_eq!(
        sentences("会议结束了。大家都走了！真的吗？是的", Some("zh")),
        ["会议结束了。", "大家都走了！", "真的吗？", "是的"]
    );
}

#[test]
fn tokens_carry_norm_stem_and_stop() {
    let doc = segment(
        "The Councils don\u{2019}t vote \u{2014} 4,200 times.",
        Some("en"),
    );
    let words: Vec<_> = doc
        .tokens
        .iter()
        .map(|t| (t.norm.as_str(), t.kind))
        .collect();
    assert_eq!(
        words,
        [
            ("the", TokenKind::Word),
            ("councils", TokenKind::Word),
            ("don't", TokenKind::Word),
            ("vote", TokenKind::Word),
            ("-", TokenKind::Punct),
            ("4,200", TokenKind::Number),
            ("times", TokenKind::Word),
            (".", TokenKind::Punct),
        ]
    );
    assert!(doc.tokens[0].stop, "'the' is an English stop word");
    assert_eq!(doc.tokens[1].stem, "council");
    assert_eq!(doc.tokens[5].stem, "4200", "a number's stem is its value");
}

#[test]
fn one_number_written_the_ways_of_two_languages_is_one_term() {
    let stem = |text: &str, lang: &str| segment(text, Some(lang)).tokens[0].stem.clone();
    assert_eq!(stem("7,8 degrés", "fr"), stem("7.8 degrees", "en"));
    assert_eq!(stem("16.000 Menschen", "de"), stem("16,000 people", "en"));
    assert_eq!(stem("2000 personnes", "fr"), stem("2,000 people", "en"));
    assert_ne!(stem("7,7 grados", "es"), stem("7.8 degrees", "en"));
}

#[test]
fn detects_language_when_not_given() {
    let doc = segment(
        "The council voted on Tuesday to approve the new budget for the city schools.",
        None,
    );
    assert_eq!(doc.lang.as_deref(), Some("en"));
}

#[test]
fn ranges_lie_on_char_boundaries_and_cover_tokens() {
    let body = "Ünïcödé «quotes» — and 東京 text.\n\n  Indented   paragraph\twith tabs.  ";
    let doc = segment(body, None);
    for t in &doc.tokens {
        assert!(body.is_char_boundary(t.range.start) && body.is_char_boundary(t.range.end));
        assert!(
            !body[t.range.clone()].trim().is_empty(),
            "tokens are never whitespace"
        );
    }
    assert_eq!(doc.paragraph_text(1), "Indented   paragraph\twith tabs.");
}

#[test]
fn empty_and_blank_bodies_give_empty_documents() {
    for body in ["", "   ", "\n\n\n", "\u{2029}"] {
        let doc = segment(body, None);
        assert!(doc.paragraphs.is_empty() && doc.sentences.is_empty() && doc.tokens.is_empty());
    }
}

#[test]
fn control_characters_and_mixed_scripts_do_not_panic() {
    let body = "a\u{0}b\u{7}c. Привет мир. مرحبا. 你好。\u{1b}[31m red\u{202E}text";
    let doc = segment(body, None);
    assert!(!doc.sentences.is_empty());
    assert!(doc
        .tokens
        .iter()
        .all(|t| body.is_char_boundary(t.range.end)));
}

#[test]
fn unpunctuated_wall_of_text_is_cut_into_bounded_sentences() {
    let body = "word ".repeat(100_000);
    let doc = segment(&body, Some("en"));
    assert_eq!(doc.paragraphs.len(), 1);
    assert!(doc.sentences.len() >= 100_000 / MAX_SENTENCE_TOKENS);
    assert!(doc
        .sentences
        .iter()
        .all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
}

#[test]
fn sentence_at_finds_the_sentence_of_an_offset() {
    let doc = segment("First one. Second one.", Some("en"));
    assert_eq!(doc.sentence_at(0), Some(0));
    assert_eq!(doc.sentence_at(12), Some(1));
    assert_eq!(doc.sentence_at(10), None, "the space between sentences");
}
