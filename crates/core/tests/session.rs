//! The session view model (`compare::session::build_session`) on the fictional fixtures of
//! `tests/fixtures/compare/`: texts cut exactly, counterparts symmetric, figures consistent,
//! classes as `align` gives them, pins obeyed, inline rows complete, the versions view, and odd
//! input (one report, an empty one, identical ones, many long ones) giving a usable model.

use std::collections::BTreeSet;

use parallax_core::compare::session::{
    build_session, InlineRow, ManualLink, PartMark, ReportInput, SentenceClass, SessionModel,
    SessionSettings, MAX_PANES, SESSION_SCHEMA,
};
use parallax_core::compare::{align, synth, AlignOptions, ChangeKind, FactKind, PairClass};
use parallax_core::text::{segment, Document};
use proptest::prelude::*;

mod common;
use common::load;

fn text(title: &str, body: &str) -> ReportInput {
    ReportInput {
        key: 0,
        document: segment(body, Some("en")),
        title: title.to_string(),
        outlet: None,
        published_at: None,
    }
}

const NORTHGATE: &str = "dravik/northgate-wire.txt";
const LAKESHORE: &str = "dravik/lakeshore-courier.txt";
const MERIDIAN: &str = "dravik/meridian-post.txt";
const KESTREL: &str = "dravik/radio-kestrel.txt";
const KESTREL_RU: &str = "dravik/radio-kestrel-ru.txt";

fn build(reports: &[ReportInput], settings: &SessionSettings) -> SessionModel {
    let model = build_session(reports, settings).expect("the session builds");
    check_invariants(reports, &model, settings.base);
    model
}

fn build_default(reports: &[ReportInput]) -> SessionModel {
    build(reports, &SessionSettings::default())
}

/// What every model must satisfy, whatever its input.
fn check_invariants(reports: &[ReportInput], model: &SessionModel, base: Option<usize>) {
    assert_eq!(model.schema, SESSION_SCHEMA);
    assert_eq!(model.panes.len(), reports.len());
    assert_eq!(model.links.len(), reports.len() - 1);
    assert_eq!(model.inline.is_some(), reports.len() == 2);
    for (p, pane) in model.panes.iter().enumerate() {
        let doc = &reports[p].document;
        assert_eq!(pane.pane, p);
        assert_eq!(pane.sentences.len(), doc.sentences.len());
        for (i, s) in pane.sentences.iter().enumerate() {
            assert_eq!(s.index, i);
            assert_eq!(s.start..s.end, doc.sentences[i].range);
            let joined: String = s.parts.iter().map(|part| part.text.as_str()).collect();
            assert_eq!(joined, doc.sentence_text(i), "pane {p} sentence {i}: parts");
            assert!(s.parts.iter().all(|part| !part.text.is_empty()));
            if matches!(s.class, SentenceClass::Identical | SentenceClass::Unique) {
                assert_eq!(s.parts.len(), 1, "pane {p} sentence {i}: {:?}", s.parts);
            }
            assert_eq!(s.found_in, s.counterparts.len());
            for c in &s.counterparts {
                assert_ne!(c.pane, p);
                assert!(!c.sentences.is_empty());
                for &t in &c.sentences {
                    let back = &model.panes[c.pane].sentences[t].counterparts;
                    assert!(
                        back.iter().any(|b| b.pane == p && b.sentences.contains(&i)),
                        "pane {p} sentence {i} → pane {} sentence {t} is not mirrored",
                        c.pane
                    );
                }
            }
        }
        let st = &pane.stats;
        let count = |class| pane.sentences.iter().filter(|s| s.class == class).count();
        assert_eq!(st.sentences, pane.sentences.len());
        assert_eq!(st.words, doc.word_count());
        assert_eq!(st.shared + st.unique, st.sentences);
        assert_eq!(
            st.shared,
            pane.sentences.iter().filter(|s| s.found_in > 0).count()
        );
        assert_eq!(
            (st.identical, st.changed, st.moved),
            (
                count(SentenceClass::Identical),
                count(SentenceClass::Changed),
                count(SentenceClass::Moved)
            )
        );
        if st.sentences > 0 {
            assert!((st.shared_share - st.shared as f32 / st.sentences as f32).abs() < 1e-6);
        }
        let n = reports.len();
        let expected_reference = match (p, n, base.filter(|&b| b < n && n > 2 && b != p)) {
            (_, 1, _) => None,
            (_, _, Some(b)) => Some(b),
            (0, _, None) => Some(1),
            _ => Some(p - 1),
        };
        assert_eq!(pane.reference, expected_reference);
    }
    for (i, links) in model.links.iter().enumerate() {
        assert_eq!(links.left, i);
        for link in &links.links {
            let a: String = link.ops.iter().map(|op| op.a.as_str()).collect();
            let b: String = link.ops.iter().map(|op| op.b.as_str()).collect();
            assert_eq!(a, span_text(&reports[i].document, &link.a));
            assert_eq!(b, span_text(&reports[i + 1].document, &link.b));
        }
    }
    for claim in &model.coverage.claims {
        assert_eq!(claim.cells.len(), reports.len());
        assert_eq!(claim.carried_by, claim.cells.iter().flatten().count());
    }
    for fact in &model.facts {
        let differs = |parts: &[parallax_core::compare::session::MarkedPart]| {
            parts
                .iter()
                .filter(|part| part.mark == PartMark::Differs)
                .map(|part| part.text.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(differs(&fact.context_a), vec![fact.value_a.clone()]);
        assert_eq!(differs(&fact.context_b), vec![fact.value_b.clone()]);
        let joined: String = fact
            .context_a
            .iter()
            .map(|part| part.text.as_str())
            .collect();
        assert_eq!(
            joined,
            reports[fact.pane_a].document.sentence_text(fact.sentence_a)
        );
    }
    for group in &model.quotes {
        for v in &group.variants {
            assert!(v.from < group.quotes.len() && v.to < group.quotes.len());
        }
    }
}

/// The text from the first sentence's start to the last one's end.
fn span_text(doc: &Document, sentences: &[usize]) -> String {
    let (first, last) = (sentences[0], sentences[sentences.len() - 1]);
    doc.body[doc.sentences[first].range.start..doc.sentences[last].range.end].to_string()
}

#[test]
fn five_reports_of_dravik_make_a_consistent_session() {
    let reports: Vec<ReportInput> = [NORTHGATE, LAKESHORE, MERIDIAN, KESTREL, KESTREL_RU]
        .iter()
        .map(|f| load(f))
        .collect();
    let model = build_default(&reports);
    assert!(model.warnings.is_empty(), "{:?}", model.warnings);
    assert!(!model.coverage.claims.is_empty());
    assert_eq!(model.terms.panes.len(), 5);
    assert!(model.versions.is_none());
    // Collate reaches beyond the neighbours: some Northgate sentence has a counterpart in the
    // Meridian pane, two panes away.
    assert!(model.panes[0]
        .sentences
        .iter()
        .any(|s| s.counterparts.iter().any(|c| c.pane == 2)));
    // The translated quote groups across outlets; its speaker is named.
    assert!(
        model
            .quotes
            .iter()
            .any(|g| g.quotes.len() >= 3 && g.speaker.is_some()),
        "{:?}",
        model.quotes
    );
    // Facts reach beyond the neighbours too: Northgate's 4,200 against Meridian's 4,000.
    assert!(
        model.facts.iter().any(|f| (f.pane_a, f.pane_b) == (0, 2)
            && f.kind == FactKind::Number
            && (f.value_a.as_str(), f.value_b.as_str()) == ("4,200", "4,000")),
        "{:?}",
        model.facts
    );
    let order: Vec<(usize, usize)> = model.facts.iter().map(|f| (f.pane_a, f.pane_b)).collect();
    assert!(
        order.windows(2).all(|w| w[0] <= w[1]),
        "facts in pair order"
    );
    assert!(model.panes.iter().all(|p| !p.rtl));
    assert_eq!(model.panes[4].lang.as_deref(), Some("ru"));
}

#[test]
fn two_panes_take_their_classes_and_marks_from_align() {
    let reports = [load(NORTHGATE), load(MERIDIAN)];
    let model = build_default(&reports);
    let (a, b) = (&reports[0].document, &reports[1].document);
    let alignment = align(a, b, &AlignOptions::default());
    let expected = |pair: Option<usize>| match pair.map(|k| alignment.pairs[k].class) {
        None => SentenceClass::Unique,
        Some(PairClass::Identical) => SentenceClass::Identical,
        Some(PairClass::Changed) => SentenceClass::Changed,
        Some(PairClass::Moved) => SentenceClass::Moved,
        Some(PairClass::Translated) => SentenceClass::Translated,
    };
    let classes = |p: usize| -> Vec<SentenceClass> {
        model.panes[p].sentences.iter().map(|s| s.class).collect()
    };
    // An unlinked sentence the other report still carries (collate puts them in one claim) is
    // "in another report", not unique.
    let expected_in = |p: usize, pairs: &[Option<usize>]| -> Vec<SentenceClass> {
        pairs
            .iter()
            .zip(&model.panes[p].sentences)
            .map(|(&k, s)| match expected(k) {
                SentenceClass::Unique if s.found_in > 0 => SentenceClass::Elsewhere,
                class => class,
            })
            .collect()
    };
    let pair_of_a = alignment.pair_of_a(a.sentences.len());
    let pair_of_b = alignment.pair_of_b(b.sentences.len());
    assert_eq!(classes(0), expected_in(0, &pair_of_a));
    assert_eq!(classes(1), expected_in(1, &pair_of_b));
    assert_eq!(model.links[0].links.len(), alignment.pairs.len());
    assert!(
        classes(1).contains(&SentenceClass::Moved),
        "the Meridian Post reorders"
    );

    // The Differs parts of a changed sentence are the words its side of the diff changed.
    let changed = model.panes[1]
        .sentences
        .iter()
        .find(|s| s.class == SentenceClass::Changed)
        .expect("a changed sentence");
    assert!(changed.parts.iter().any(|p| p.mark == PartMark::Differs));
    // Every character of a Differs part other than a word break is inside a change of the diff.
    let pair = &alignment.pairs[pair_of_b[changed.index].expect("linked")];
    let mut at = changed.start;
    for part in &changed.parts {
        if part.mark == PartMark::Differs {
            for (k, c) in part.text.char_indices().filter(|(_, c)| !c.is_whitespace()) {
                let inside = pair.ops.iter().any(|op| {
                    op.kind != parallax_core::compare::OpKind::Equal && op.b.contains(&(at + k))
                });
                assert!(inside, "{c:?} of {:?} is not in a change", part.text);
            }
        }
        at += part.text.len();
    }

    // Numbers that disagree (4,200 vs 4,000) are facts of the pair.
    assert!(
        model
            .facts
            .iter()
            .any(|f| f.kind == FactKind::Number && f.value_a == "4,200" && f.value_b == "4,000"),
        "{:?}",
        model.facts
    );
}

#[test]
fn inline_rows_cover_every_sentence_of_both_panes_exactly_once() {
    for (fa, fb) in [
        (NORTHGATE, LAKESHORE),
        (NORTHGATE, MERIDIAN),
        (MERIDIAN, KESTREL),
    ] {
        let reports = [load(fa), load(fb)];
        let model = build_default(&reports);
        let rows = model.inline.as_ref().expect("two panes have inline rows");
        let (mut seen_a, mut seen_b) = (Vec::new(), Vec::new());
        for row in rows {
            match row {
                InlineRow::Linked { a, b, .. } => {
                    seen_a.extend(a.iter().copied());
                    seen_b.extend(b.iter().copied());
                }
                InlineRow::OnlyA { sentence, text } => {
                    assert_eq!(text, reports[0].document.sentence_text(*sentence));
                    seen_a.push(*sentence);
                }
                InlineRow::OnlyB { sentence, text } => {
                    assert_eq!(text, reports[1].document.sentence_text(*sentence));
                    seen_b.push(*sentence);
                }
            }
        }
        assert_eq!(
            seen_b,
            (0..reports[1].document.sentences.len()).collect::<Vec<_>>(),
            "{fa} / {fb}: B's sentences once each, in B's order"
        );
        seen_a.sort_unstable();
        assert_eq!(
            seen_a,
            (0..reports[0].document.sentences.len()).collect::<Vec<_>>(),
            "{fa} / {fb}: A's sentences once each"
        );
    }
}

/// The pairs of `links[left]` as (a sentences, b sentences, pinned).
fn linked(model: &SessionModel, left: usize) -> BTreeSet<(Vec<usize>, Vec<usize>, bool)> {
    model.links[left]
        .links
        .iter()
        .map(|l| (l.a.clone(), l.b.clone(), l.pinned))
        .collect()
}

#[test]
fn pins_link_and_unlink_sentences_of_neighbour_panes_in_either_order() {
    let mut reports = [load(NORTHGATE), load(LAKESHORE), load(MERIDIAN)];
    // Each report's key is its pane here: the links below name reports by key.
    for (pane, report) in reports.iter_mut().enumerate() {
        report.key = pane as i64;
    }
    let model = build_default(&reports);
    // An aligned pair of panes 0–1 to unlink, and a sentence of each pane linked to nothing there.
    let undone = model.links[0].links[0].clone();
    let lonely_0 = model.panes[0]
        .sentences
        .iter()
        .find(|s| s.class == SentenceClass::Unique)
        .map(|s| s.index)
        .expect("Northgate has a sentence Lakeshore dropped");
    let lonely_1 = model.panes[1]
        .sentences
        .iter()
        .find(|s| s.class == SentenceClass::Unique)
        .map(|s| s.index)
        .expect("Lakeshore has a local sentence");
    let settings = SessionSettings {
        links: vec![
            ManualLink {
                article_a: 0,
                sentence_a: undone.a[0],
                article_b: 1,
                sentence_b: undone.b[0],
                linked: false,
            },
            // Given right to left: pane 1 first.
            ManualLink {
                article_a: 1,
                sentence_a: lonely_1,
                article_b: 0,
                sentence_b: lonely_0,
                linked: true,
            },
            // Not neighbours: ignored.
            ManualLink {
                article_a: 0,
                sentence_a: 0,
                article_b: 2,
                sentence_b: 0,
                linked: false,
            },
            // A sentence that no longer exists: dropped.
            ManualLink {
                article_a: 1,
                sentence_a: 10_000,
                article_b: 2,
                sentence_b: 0,
                linked: true,
            },
        ],
        ..SessionSettings::default()
    };
    let pinned = build(&reports, &settings);
    let links = linked(&pinned, 0);
    assert!(
        links.contains(&(vec![lonely_0], vec![lonely_1], true)),
        "{links:?}"
    );
    assert!(
        !pinned.links[0]
            .links
            .iter()
            .any(|l| l.a.contains(&undone.a[0]) && l.b.contains(&undone.b[0])),
        "the unlinked pair stays apart"
    );
    assert_ne!(
        pinned.panes[1].sentences[lonely_1].class,
        SentenceClass::Unique
    );
    assert_eq!(linked(&pinned, 1), linked(&model, 1), "panes 1–2 untouched");
    assert_eq!(pinned.warnings.len(), 2, "{:?}", pinned.warnings);
}

#[test]
fn the_revision_fixture_gets_a_versions_view() {
    let reports = [
        load("revision/meridian-aid.v1.txt"),
        load("revision/meridian-aid.v2.txt"),
    ];
    let settings = SessionSettings {
        versions: true,
        ..SessionSettings::default()
    };
    let model = build(&reports, &settings);
    let versions = model.versions.as_ref().expect("versions were asked for");
    assert_eq!(versions.revisions.len(), 1);
    let revision = &versions.revisions[0];
    assert_eq!((revision.old_pane, revision.new_pane), (0, 1));
    let mut ranked = revision.ranked.clone();
    ranked.sort_unstable();
    assert_eq!(ranked, (0..revision.changes.len()).collect::<Vec<_>>());
    let count = |kind| revision.changes.iter().filter(|c| c.kind == kind).count();
    assert_eq!(
        (
            revision.additions,
            revision.deletions,
            revision.edits,
            revision.moves
        ),
        (
            count(ChangeKind::Addition),
            count(ChangeKind::Deletion),
            count(ChangeKind::Edit),
            count(ChangeKind::Move)
        )
    );
    assert!(
        revision.additions >= 1 && revision.moves >= 1,
        "{revision:?}"
    );
    let scores: Vec<u32> = revision
        .ranked
        .iter()
        .map(|&k| revision.changes[k].score)
        .collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "most substantial first: {scores:?}"
    );
    let number = revision
        .changes
        .iter()
        .find(|c| c.reasons.iter().any(|r| r == "number changed"))
        .expect("5,000 became 6,500");
    assert!(number.old_text.contains("5,000") && number.new_text.contains("6,500"));
    assert!(
        number
            .ops
            .iter()
            .any(|op| op.a == "5,000" && op.b == "6,500"),
        "{number:?}"
    );
    for change in &revision.changes {
        if let Some(s) = change.new_sentence {
            let sentence = reports[1].document.sentence_text(s);
            assert!(
                change.new_text.contains(sentence) || sentence.contains(change.new_text.trim()),
                "{change:?}"
            );
        }
    }
    let plain = build_default(&reports);
    assert!(plain.versions.is_none(), "only when the caller says so");
}

#[test]
fn an_empty_report_in_the_middle_leaves_a_usable_session() {
    let reports = [load(NORTHGATE), text("Nothing here", ""), load(LAKESHORE)];
    let model = build_default(&reports);
    assert!(model.panes[1].sentences.is_empty());
    assert!(model.links[0].links.is_empty() && model.links[1].links.is_empty());
    assert_eq!(
        model.warnings,
        vec!["“Nothing here” has no text to compare".to_string()]
    );
    // Pane 2's reference is the empty pane, so none of its sentences is linked there; those
    // another pane carries (collate finds most in pane 0) read as in another report.
    assert!(model.panes[2].sentences.iter().all(|s| {
        s.class
            == if s.found_in > 0 {
                SentenceClass::Elsewhere
            } else {
                SentenceClass::Unique
            }
    }));
    assert!(model.panes[2].stats.shared > model.panes[2].stats.sentences / 2);
}

#[test]
fn two_identical_reports_are_identical_everywhere_with_a_warning() {
    let reports = [load(MERIDIAN), load(MERIDIAN)];
    let model = build_default(&reports);
    for pane in &model.panes {
        assert!(pane
            .sentences
            .iter()
            .all(|s| s.class == SentenceClass::Identical));
        assert_eq!(pane.stats.unique, 0);
        assert_eq!(pane.stats.shared_share, 1.0);
    }
    assert!(model.facts.is_empty());
    assert!(model.terms.substitutions.is_empty());
    assert_eq!(
        model.warnings,
        vec!["Reports 1 and 2 are identical".to_string()]
    );
}

#[test]
fn six_long_reports_build_within_the_pane_limit() {
    let base = synth::report_sentences(31, 5_000);
    let reports: Vec<ReportInput> = (0..MAX_PANES)
        .map(|k| {
            let paragraphs = if k == 0 {
                base.clone()
            } else {
                synth::variant(&base, 200 + k as u64)
            };
            text(&format!("Synthetic outlet {k}"), &synth::join(&paragraphs))
        })
        .collect();
    let model = build_default(&reports);
    assert_eq!(model.links.len(), MAX_PANES - 1);
    assert!(model.panes.iter().all(|p| p.stats.shared_share > 0.5));
    let mut seven = reports;
    seven.push(text("One too many", "A seventh report."));
    assert!(build_session(&seven, &SessionSettings::default()).is_err());
}

#[test]
fn right_to_left_reports_are_marked() {
    let reports = [
        ReportInput {
            key: 0,
            document: segment("قالت الوزارة إن المدينة هادئة. غادر الآلاف.", Some("ar")),
            title: "تقرير".to_string(),
            outlet: None,
            published_at: None,
        },
        text(
            "English",
            "The ministry said the town was calm. Thousands left.",
        ),
    ];
    let model = build_default(&reports);
    assert!(model.panes[0].rtl && !model.panes[1].rtl);
}

#[test]
fn the_model_round_trips_through_json() {
    let reports = [load(NORTHGATE), load(KESTREL), load(KESTREL_RU)];
    let model = build_default(&reports);
    let json = serde_json::to_string(&model).expect("serializes");
    assert!(json.contains("\"foundIn\""), "camelCase keys");
    let back: SessionModel = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(back, model);
}

#[test]
fn snapshot_small_two_pane_session() {
    let reports = [
        text(
            "Rebels take Dravik",
            "Rebels took the town of Dravik on Monday. About 4,200 people fled, officials said.\n\n\"We will not negotiate,\" minister Halina Orsk said.",
        ),
        text(
            "Militants seize Dravik",
            "About 4,000 people fled, officials said. Militants took the town of Dravik on Monday.\n\nThe bridge was closed.",
        ),
    ];
    let model = build_default(&reports);
    insta::assert_json_snapshot!(model);
}

// ---------------------------------------------------------------------------------------------
// Any input: never a panic, always the invariants

const WORDS: &[&str] = &[
    "Rebels",
    "took",
    "Dravik",
    "on",
    "Monday",
    "4,200",
    "people",
    "fled",
    "the",
    "town",
    "\u{201C}We",
    "will",
    "not",
    "negotiate,\u{201D}",
    "Orsk",
    "said",
    "école",
    "Мэр",
    "東京",
    "مرحبا",
    "don\u{2019}t",
    "—",
    "\"quoted\"",
    "Tuesday",
    "15",
    "U.S.",
];

fn body() -> impl Strategy<Value = String> {
    let sentence = (
        prop::collection::vec(prop::sample::select(WORDS), 1..10),
        prop::sample::select(vec![".", "!", "?", "…", ""]),
    )
        .prop_map(|(words, end)| format!("{}{end}", words.join(" ")));
    let paragraph = prop::collection::vec(sentence, 1..4).prop_map(|s| s.join(" "));
    prop::collection::vec(paragraph, 0..4).prop_map(|p| p.join("\n\n"))
}

fn pin() -> impl Strategy<Value = ManualLink> {
    (0..5i64, 0..10usize, 0..5i64, 0..10usize, any::<bool>()).prop_map(
        |(article_a, sentence_a, article_b, sentence_b, linked)| ManualLink {
            article_a,
            sentence_a,
            article_b,
            sentence_b,
            linked,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_reports_pins_and_options_give_a_consistent_model(
        bodies in prop::collection::vec(body(), 1..5),
        pins in prop::collection::vec(pin(), 0..6),
        ignore_case in any::<bool>(),
        ignore_punctuation in any::<bool>(),
        ignore_whitespace in any::<bool>(),
        threshold in 0.0f32..1.0,
        versions in any::<bool>(),
        shared in any::<bool>(),
        base in prop::option::of(0..6usize),
    ) {
        let reports: Vec<ReportInput> = bodies
            .iter()
            .enumerate()
            // Half the time every report starts with the first one's text, so there are links.
            .map(|(k, b)| {
                let body = if shared && k > 0 { format!("{}\n\n{b}", bodies[0]) } else { b.clone() };
                ReportInput {
                    key: k as i64,
                    document: segment(&body, None),
                    title: format!("Report {k}"),
                    outlet: None,
                    published_at: None,
                }
            })
            .collect();
        let settings = SessionSettings {
            align: AlignOptions {
                ignore_case,
                ignore_punctuation,
                ignore_whitespace,
                threshold,
                ..AlignOptions::default()
            },
            links: pins,
            versions,
            base,
        };
        let model = build(&reports, &settings);
        // Marks are taken against the base pane when there is one (3 panes or more), else
        // against the left neighbour; "unique" means no other pane carries the sentence.
        let n = reports.len();
        for pane in &model.panes {
            let expected = match base.filter(|&b| b < n && n > 2 && b != pane.pane) {
                Some(b) => Some(b),
                None if n == 1 => None,
                None => Some(if pane.pane == 0 { 1 } else { pane.pane - 1 }),
            };
            prop_assert_eq!(pane.reference, expected);
            for sentence in &pane.sentences {
                prop_assert_eq!(
                    sentence.class == parallax_core::compare::session::SentenceClass::Unique,
                    sentence.found_in == 0
                );
            }
        }
        prop_assert_eq!(model.versions.is_some(), versions);
        if let Some(rows) = &model.inline {
            let rows_b: Vec<usize> = rows
                .iter()
                .flat_map(|r| match r {
                    InlineRow::Linked { b, .. } => b.clone(),
                    InlineRow::OnlyB { sentence, .. } => vec![*sentence],
                    InlineRow::OnlyA { .. } => Vec::new(),
                })
                .collect();
            prop_assert_eq!(rows_b, (0..reports[1].document.sentences.len()).collect::<Vec<_>>());
        }
    }
}
