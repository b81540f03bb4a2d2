//! Property tests of the comparison engine's invariants: word diffs rebuild both texts, ranges
//! fall on char boundaries and nest, alignment is symmetric, identical reports align as
//! identical, disjoint reports share nothing, and moved pairs are exactly those off the
//! in-order chain.

use parallax_core::compare::{
    align, diff_spans, diff_text_spans, revision, AlignOptions, Alignment, DiffOptions, OpKind,
    PairClass, WordOp,
};
use parallax_core::text::{segment, Document};
use proptest::prelude::*;

const WORDS_A: &[&str] = &[
    "council",
    "budget",
    "Mayor",
    "river",
    "bridge",
    "4,200",
    "3.5",
    "Tuesday",
    "école",
    "Мэр",
    "東京",
    "مرحبا",
    "vote",
    "protest",
    "police",
    "schools",
    "don\u{2019}t",
    "U.S.",
    "fire",
    "the",
    "of",
    "said",
    "not",
    "Halden",
    "reported",
];
const WORDS_B: &[&str] = &[
    "harvest", "orchard", "violin", "glacier", "lantern", "meadow", "Quorra", "saffron", "tundra",
    "velvet", "whistle", "zephyr", "copper", "ember", "falcon",
];

fn sentence(words: &'static [&'static str]) -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(words), 2..12),
        prop::sample::select(vec![".", "!", "?", "…", "."]),
    )
        .prop_map(|(ws, end)| {
            let mut s = ws.join(" ");
            if let Some(f) = s.get(..1) {
                let upper = f.to_uppercase();
                s.replace_range(..1, &upper);
            }
            s.push_str(end);
            s
        })
}

fn report(words: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::collection::vec(sentence(words), 1..4), 0..6).prop_map(|ps| {
        ps.into_iter()
            .map(|p| p.join(" "))
            .collect::<Vec<_>>()
            .join("\n\n")
    })
}

fn diff_options() -> impl Strategy<Value = DiffOptions> {
    (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(c, p, w)| DiffOptions {
        ignore_case: c,
        ignore_punctuation: p,
        ignore_whitespace: w,
    })
}

fn rebuilds(
    ops: &[WordOp],
    a: &str,
    a_span: std::ops::Range<usize>,
    b: &str,
    b_span: std::ops::Range<usize>,
) -> Result<(), TestCaseError> {
    let ra: String = ops.iter().map(|o| &a[o.a.clone()]).collect();
    let rb: String = ops.iter().map(|o| &b[o.b.clone()]).collect();
    prop_assert_eq!(ra, &a[a_span], "ops must rebuild the first text");
    prop_assert_eq!(rb, &b[b_span], "ops must rebuild the second text");
    for op in ops {
        match op.kind {
            OpKind::Insert => prop_assert!(op.a.is_empty(), "insert has an empty a side"),
            OpKind::Delete => prop_assert!(op.b.is_empty(), "delete has an empty b side"),
            _ => {}
        }
    }
    Ok(())
}

fn check_document(doc: &Document) -> Result<(), TestCaseError> {
    let body = &doc.body;
    let mut last_token_end = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        prop_assert!(!s.tokens.is_empty(), "sentence {} has tokens", i);
        let p = &doc.paragraphs[s.paragraph];
        prop_assert!(
            p.sentences.contains(&i),
            "sentence {} is listed by its paragraph",
            i
        );
        prop_assert!(p.range.start <= s.range.start && s.range.end <= p.range.end);
        for t in &doc.tokens[s.tokens.clone()] {
            prop_assert!(
                body.is_char_boundary(t.range.start) && body.is_char_boundary(t.range.end)
            );
            prop_assert!(
                t.range.start >= last_token_end,
                "tokens are ordered and disjoint"
            );
            prop_assert!(s.range.start <= t.range.start && t.range.end <= s.range.end);
            last_token_end = t.range.end;
        }
    }
    let covered: usize = doc.sentences.iter().map(|s| s.tokens.len()).sum();
    prop_assert_eq!(
        covered,
        doc.tokens.len(),
        "every token belongs to one sentence"
    );
    Ok(())
}

/// One pair as compared across mirrored runs: sentences, class, similarity bits, pinned.
type PairShape = (Vec<usize>, Vec<usize>, PairClass, u32, bool);

/// The part of an alignment that must mirror exactly (ops may differ between equally good diffs).
fn shape(al: &Alignment) -> (Vec<PairShape>, Vec<usize>, Vec<usize>) {
    (
        al.pairs
            .iter()
            .map(|p| {
                (
                    p.a.clone(),
                    p.b.clone(),
                    p.class,
                    p.similarity.to_bits(),
                    p.pinned,
                )
            })
            .collect(),
        al.unique_a.clone(),
        al.unique_b.clone(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn raw_text_diff_rebuilds_any_two_strings(a in "\\PC{0,60}", b in "\\PC{0,60}", opts in diff_options()) {
        let ops = diff_text_spans(&a, 0..a.len(), &b, 0..b.len(), &opts);
        rebuilds(&ops, &a, 0..a.len(), &b, 0..b.len())?;
    }

    #[test]
    fn document_diff_rebuilds_reports(a in report(WORDS_A), b in report(WORDS_A), opts in diff_options()) {
        let (da, db) = (segment(&a, Some("en")), segment(&b, Some("en")));
        let ops = diff_spans(&da, 0..a.len(), &db, 0..b.len(), &opts);
        rebuilds(&ops, &a, 0..a.len(), &b, 0..b.len())?;
    }

    #[test]
    fn segmentation_ranges_nest_on_char_boundaries(body in "(\\PC|\\n){0,200}") {
        check_document(&segment(&body, None))?;
    }

    #[test]
    fn segmentation_of_reports_is_well_formed(body in report(WORDS_A)) {
        check_document(&segment(&body, Some("en")))?;
    }

    #[test]
    fn alignment_is_symmetric(a in report(WORDS_A), b in report(WORDS_A), pins in prop::collection::vec((0usize..8, 0usize..8), 0..3), unlinks in prop::collection::vec((0usize..8, 0usize..8), 0..3)) {
        let (da, db) = (segment(&a, Some("en")), segment(&b, Some("en")));
        let opts = AlignOptions { pinned: pins, unlinked: unlinks, ..AlignOptions::default() };
        let ab = align(&da, &db, &opts);
        let ba = align(&db, &da, &opts.mirrored());
        prop_assert_eq!(shape(&ab.mirrored()), shape(&ba));
    }

    #[test]
    fn alignment_pairs_rebuild_and_partition_the_reports(a in report(WORDS_A), b in report(WORDS_A)) {
        let (da, db) = (segment(&a, Some("en")), segment(&b, Some("en")));
        let al = align(&da, &db, &AlignOptions::default());
        for p in &al.pairs {
            rebuilds(&p.ops, &a, p.a_span(&da), &b, p.b_span(&db))?;
            prop_assert!((1..=2).contains(&p.a.len()) && (1..=2).contains(&p.b.len()));
            prop_assert!(p.a.len() + p.b.len() <= 3, "merges are 1:2 or 2:1, never 2:2");
        }
        let mut seen_a: Vec<usize> = al.pairs.iter().flat_map(|p| p.a.clone()).chain(al.unique_a.clone()).collect();
        let mut seen_b: Vec<usize> = al.pairs.iter().flat_map(|p| p.b.clone()).chain(al.unique_b.clone()).collect();
        seen_a.sort_unstable();
        seen_b.sort_unstable();
        prop_assert_eq!(seen_a, (0..da.sentences.len()).collect::<Vec<_>>());
        prop_assert_eq!(seen_b, (0..db.sentences.len()).collect::<Vec<_>>());
    }

    #[test]
    fn identical_reports_align_as_identical(a in report(WORDS_A)) {
        let da = segment(&a, Some("en"));
        let al = align(&da, &da, &AlignOptions::default());
        prop_assert!(al.unique_a.is_empty() && al.unique_b.is_empty(), "{:?}", al);
        for p in &al.pairs {
            prop_assert_eq!(p.class, PairClass::Identical);
            prop_assert_eq!(&p.a, &p.b);
        }
    }

    #[test]
    fn disjoint_vocabularies_share_nothing(a in report(WORDS_A), b in report(WORDS_B)) {
        let (da, db) = (segment(&a, Some("en")), segment(&b, Some("en")));
        let al = align(&da, &db, &AlignOptions::default());
        prop_assert!(al.pairs.is_empty());
        prop_assert_eq!(al.unique_a.len(), da.sentences.len());
        prop_assert_eq!(al.unique_b.len(), db.sentences.len());
    }

    #[test]
    fn moved_pairs_are_exactly_those_off_the_in_order_chain(a in report(WORDS_A), b in report(WORDS_A)) {
        let (da, db) = (segment(&a, Some("en")), segment(&b, Some("en")));
        let al = align(&da, &db, &AlignOptions::default());
        let kept: Vec<usize> = al.pairs.iter().filter(|p| p.class != PairClass::Moved).map(|p| p.b[0]).collect();
        prop_assert!(kept.windows(2).all(|w| w[0] < w[1]), "pairs not moved are in order in both reports");
        let moved = al.pairs.iter().filter(|p| p.class == PairClass::Moved).count();
        prop_assert!(moved == 0 || !kept.is_empty(), "a move is relative to pairs kept in order");
        for p in &al.pairs {
            prop_assert_eq!(p.class == PairClass::Identical, !p.edited && p.class != PairClass::Moved);
        }
    }

    #[test]
    fn revision_changes_rebuild_and_identical_versions_have_none(old in report(WORDS_A), new in report(WORDS_A)) {
        let r = revision(&old, &new, Some("en"), &DiffOptions::default());
        for c in &r.changes {
            prop_assert!(old.is_char_boundary(c.old.start) && old.is_char_boundary(c.old.end));
            prop_assert!(new.is_char_boundary(c.new.start) && new.is_char_boundary(c.new.end));
            if !c.ops.is_empty() {
                rebuilds(&c.ops, &old, c.old.clone(), &new, c.new.clone())?;
            }
        }
        let mut ranked = r.ranked.clone();
        ranked.sort_unstable();
        prop_assert_eq!(ranked, (0..r.changes.len()).collect::<Vec<_>>());
        prop_assert!(revision(&old, &old, Some("en"), &DiffOptions::default()).changes.is_empty());
    }

    #[test]
    fn arbitrary_text_never_panics(a in "(\\PC|\\n|[.!?\"“”«»]){0,160}", b in "(\\PC|\\n|[.!?\"“”«»]){0,160}") {
        let (da, db) = (segment(&a, None), segment(&b, None));
        let al = align(&da, &db, &AlignOptions::default());
        for p in &al.pairs {
            rebuilds(&p.ops, &a, p.a_span(&da), &b, p.b_span(&db))?;
        }
        let _ = parallax_core::compare::facts(&da, &db, &al);
        let r = revision(&a, &b, None, &DiffOptions::default());
        for c in &r.changes {
            prop_assert!(a.is_char_boundary(c.old.start) && a.is_char_boundary(c.old.end));
            prop_assert!(b.is_char_boundary(c.new.start) && b.is_char_boundary(c.new.end));
        }
    }
}
