//! Unit tests of the aligner: classes, moves, merges, options, symmetry and bad input.

use super::*;
use crate::text::segment;

fn doc(body: &str) -> Document {
    segment(body, Some("en"))
}

fn summary(al: &Alignment) -> Vec<(Vec<usize>, Vec<usize>, PairClass)> {
    al.pairs
        .iter()
        .map(|p| (p.a.clone(), p.b.clone(), p.class))
        .collect()
}

#[test]
fn reordered_and_edited_sentences_are_paired_moved_and_changed() {
    let a = doc(
        "The council approved the budget on Tuesday. Protesters gathered outside city hall. \
                 The mayor praised the vote. Schools will get new funding.",
    );
    let b = doc(
        "Protesters gathered outside city hall. The council approved the budget on Monday. \
                 Schools will get new funding. A spokesman declined to comment.",
    );
    let al = align(&a, &b, &AlignOptions::default());
    assert_eq!(
        summary(&al),
        [
            (vec![0], vec![1], PairClass::Changed),
            (vec![1], vec![0], PairClass::Moved),
            (vec![3], vec![2], PairClass::Identical),
        ]
    );
    assert_eq!(al.unique_a, [2]);
    assert_eq!(al.unique_b, [3]);
}

#[test]
fn a_split_sentence_is_merged_two_to_one() {
    let a =
        doc("The minister resigned on Friday after weeks of pressure over the contracts scandal.");
    let b = doc("The minister resigned on Friday. It followed weeks of pressure over the contracts scandal.");
    let al = align(&a, &b, &AlignOptions::default());
    assert_eq!(summary(&al), [(vec![0], vec![0, 1], PairClass::Changed)]);
    assert!(al.unique_b.is_empty());
    let mirrored = align(&b, &a, &AlignOptions::default());
    assert_eq!(mirrored, al.mirrored_without_ops_check(&mirrored));
}

/// Two reports agreeing on their first and last sentences, paraphrasing the one between
/// (sharing two rare words), B adding `extra_b` after the paraphrase.
fn gap_reports(extra_b: &str) -> (Document, Document) {
    let before = "The council approved the budget on Tuesday after a long debate.";
    let after = "Schools will get new funding from the spring term onwards.";
    let a = doc(&format!(
        "{before} Heavy snow closed the mountain pass near Brell overnight, stranding dozens \
         of lorries and a school bus. {after}"
    ));
    let b = doc(&format!(
        "{before} Drivers spent the night in their cabs after a blizzard shut the Brell pass, \
         police said. {extra_b}{after}"
    ));
    (a, b)
}

#[test]
fn a_paraphrase_between_two_agreed_pairs_is_linked_in_the_gap() {
    let (a, b) = gap_reports("");
    let gap_score = SentenceTerms::build(&a, &b).score(1, 1);
    assert!(gap_score < AlignOptions::default().threshold, "{gap_score}");
    let al = align(&a, &b, &AlignOptions::default());
    assert_eq!(
        summary(&al),
        [
            (vec![0], vec![0], PairClass::Identical),
            (vec![1], vec![1], PairClass::Changed),
            (vec![2], vec![2], PairClass::Identical),
        ]
    );
    let mirrored = align(&b, &a, &AlignOptions::default());
    assert_eq!(mirrored, al.mirrored_without_ops_check(&mirrored));
}

#[test]
fn two_shared_words_do_not_link_a_gap_with_a_choice() {
    let (a, b) = gap_reports("The mayor thanked the volunteers who cleared the square. ");
    let al = align(&a, &b, &AlignOptions::default());
    assert_eq!(al.unique_a, [1]);
    assert_eq!(al.unique_b, [1, 2]);
}

#[test]
fn pins_and_unlinks_are_respected() {
    let a = doc("Rain fell all day. The river rose quickly.");
    let b = doc("Officials opened shelters. The river rose quickly.");
    let opts = AlignOptions {
        pinned: vec![(0, 0)],
        unlinked: vec![(1, 1)],
        ..AlignOptions::default()
    };
    let al = align(&a, &b, &opts);
    assert_eq!(summary(&al), [(vec![0], vec![0], PairClass::Changed)]);
    assert!(al.pairs[0].pinned);
    assert_eq!(
        (al.unique_a.clone(), al.unique_b.clone()),
        (vec![1], vec![1])
    );
}

#[test]
fn ignore_case_makes_case_only_changes_identical() {
    let a = doc("The Mayor Spoke At Noon.");
    let b = doc("The mayor spoke at noon.");
    assert_eq!(
        align(&a, &b, &AlignOptions::default()).pairs[0].class,
        PairClass::Changed
    );
    let opts = AlignOptions {
        ignore_case: true,
        ..AlignOptions::default()
    };
    assert_eq!(align(&a, &b, &opts).pairs[0].class, PairClass::Identical);
}

#[test]
fn empty_and_one_sentence_reports() {
    let empty = doc("");
    let one = doc("Only one sentence here.");
    let al = align(&empty, &one, &AlignOptions::default());
    assert!(al.pairs.is_empty() && al.unique_a.is_empty());
    assert_eq!(al.unique_b, [0]);
    let al = align(&one, &one, &AlignOptions::default());
    assert_eq!(summary(&al), [(vec![0], vec![0], PairClass::Identical)]);
}

#[test]
fn out_of_range_pins_are_ignored() {
    let one = doc("Only one sentence here.");
    let opts = AlignOptions {
        pinned: vec![(5, 0), (0, 9)],
        ..AlignOptions::default()
    };
    let al = align(&one, &one, &opts);
    assert_eq!(al.pairs.len(), 1);
    assert!(!al.pairs[0].pinned);
}

impl Alignment {
    /// The mirror of `self` with the ops taken from `other` (the diff of the swapped texts may
    /// pick different but equally valid ops).
    fn mirrored_without_ops_check(&self, other: &Alignment) -> Alignment {
        let mut m = self.mirrored();
        for (p, o) in m.pairs.iter_mut().zip(&other.pairs) {
            p.ops = o.ops.clone();
        }
        m
    }
}

/// A 5 MB paragraph without punctuation: sentences are cut at the token bound, and align and
/// revision return (nothing is quadratic in the paragraph).
#[test]
fn five_megabyte_unpunctuated_paragraph_is_handled() {
    let wall: String = crate::compare::synth::report(9, 800_000)
        .chars()
        .filter(|c| !matches!(c, '.' | ',' | '\n'))
        .collect();
    assert!(wall.len() >= 5_000_000, "the input is {} bytes", wall.len());
    let a = doc(&wall);
    assert_eq!(a.paragraphs.len(), 1);
    assert!(a
        .sentences
        .iter()
        .all(|s| s.tokens.len() <= crate::text::MAX_SENTENCE_TOKENS));
    let b = doc(&wall[..wall.len() / 2]);
    let al = align(&a, &b, &AlignOptions::default());
    assert!(!al.pairs.is_empty(), "the shared half is found");
    assert!(al.pairs.iter().all(|p| p.a.len() + p.b.len() <= 3));
    let rev = crate::compare::revision(
        &wall,
        &wall[..wall.len() / 2],
        Some("en"),
        &Default::default(),
    );
    assert!(!rev.changes.is_empty(), "the removed half is reported");
}

#[test]
fn mixed_scripts_and_control_characters_align() {
    let a = doc("Мэр сказал \u{0}«да». 東京で会議。 The mayor\u{7} said yes. مرحبا بكم.");
    let b = doc("The mayor said yes. Мэр сказал «да». مرحبا بكم.");
    let al = align(&a, &b, &AlignOptions::default());
    assert!(al.pairs.len() >= 2, "{al:?}");
    for p in &al.pairs {
        let ra: String = p.ops.iter().map(|o| &a.body[o.a.clone()]).collect();
        assert_eq!(ra, &a.body[p.a_span(&a)]);
    }
}

#[test]
fn a_figure_written_the_ways_of_two_languages_pairs_their_sentences() {
    // By words across languages only names and figures are shared: "1.800" in French and
    // "1,800" in English, "7,8" and "7.8", are one figure each.
    let a = segment(
        "Le séisme de magnitude 7,8 a frappé Gaziantep. Le bilan dépasse 1.800 morts, selon Afad.",
        Some("fr"),
    );
    let b = segment(
        "The toll passed 1,800 dead, Afad said. A 7.8 quake hit Gaziantep.",
        Some("en"),
    );
    let terms = SentenceTerms::build(&a, &b);
    assert!(
        terms.score(1, 0) > 0.3,
        "the toll and the agency: {}",
        terms.score(1, 0)
    );
    assert!(
        terms.score(0, 1) > 0.3,
        "the magnitude and the city: {}",
        terms.score(0, 1)
    );
    let al = align(&a, &b, &AlignOptions::default());
    assert_eq!(
        summary(&al)
            .into_iter()
            .map(|(x, y, _)| (x, y))
            .collect::<Vec<_>>(),
        [(vec![0], vec![1]), (vec![1], vec![0])]
    );
}

#[test]
fn names_in_latin_and_cyrillic_letters_are_shared_words() {
    // "Lina Brask" and "Лина Браск", "Orlov" and "Орлова": one name each, by its sound.
    let a = segment(
        "Mayor Lina Brask thanked the volunteers. The Orlov barrier held overnight.",
        Some("en"),
    );
    let b = segment(
        "Дамба у Орлова выдержала ночью. Мэр Лина Браск поблагодарила добровольцев.",
        Some("ru"),
    );
    let terms = SentenceTerms::build(&a, &b);
    assert!(terms.score(0, 1) > 0.2, "the mayor: {}", terms.score(0, 1));
    assert!(
        terms.score(1, 0) > 0.1,
        "the barrier: {}",
        terms.score(1, 0)
    );
    assert_eq!(terms.score(0, 0), 0.0);
    // Within one script the sound keys add nothing: the stems already match.
    let c = segment("Mayor Lina Brask thanked the volunteers.", Some("en"));
    assert!(sound_keys(&a, &c).is_empty());
}
