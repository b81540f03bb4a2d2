//! The comparison engine on the fictional fixtures of `tests/fixtures/compare/`: sentence-pair
//! precision and recall against hand labels, snapshots of the JSON results (insta), and the
//! collate / quotes / terms behaviours the fixtures were written to show.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use parallax_core::compare::collate::{collate, ReportsError, MAX_COLLATE_REPORTS};
use parallax_core::compare::quotes::{quotes, MatchBasis, QuoteOptions};
use parallax_core::compare::schema::{AlignmentView, Envelope, ReportInfo};
use parallax_core::compare::terms::{terms, TermsOptions};
use parallax_core::compare::{align, AlignOptions};
use parallax_core::extract::extract;
use parallax_core::text::{segment, Document};
use serde::Deserialize;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare")
}

/// A fixture report: its extracted title and segmented body.
struct Loaded {
    name: String,
    title: String,
    doc: Document,
}

fn load(relative: &str) -> Option<Loaded> {
    let path = fixtures().join(relative);
    let bytes = std::fs::read(&path).ok()?;
    let article =
        extract(&bytes, relative).unwrap_or_else(|e| panic!("{relative} does not extract: {e}"));
    Some(Loaded {
        name: relative.to_string(),
        title: article.title.clone(),
        doc: segment(&article.body(), article.lang.as_deref()),
    })
}

fn must_load(relative: &str) -> Loaded {
    load(relative).unwrap_or_else(|| panic!("fixture {relative} is missing"))
}

fn infos(reports: &[&Loaded]) -> Vec<ReportInfo> {
    reports
        .iter()
        .enumerate()
        .map(|(i, r)| ReportInfo::new(i, &r.name, &r.title, None, &r.doc))
        .collect()
}

const DRAVIK: [&str; 5] = [
    "dravik/northgate-wire.txt",
    "dravik/lakeshore-courier.txt",
    "dravik/meridian-post.txt",
    "dravik/radio-kestrel.txt",
    "dravik/radio-kestrel-ru.txt",
];

// ---------------------------------------------------------------------------------------------
// Precision and recall against the hand labels

#[derive(Deserialize)]
struct Labels {
    a: String,
    b: String,
    pairs: Vec<(String, String)>,
}

/// The one sentence of `doc` starting with `prefix`.
fn sentence_starting(doc: &Document, prefix: &str, file: &str) -> usize {
    let found: Vec<usize> = (0..doc.sentences.len())
        .filter(|&i| doc.sentence_text(i).starts_with(prefix))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "label prefix {prefix:?} must name exactly one sentence of {file}, found {found:?}"
    );
    found[0]
}

/// (precision, recall, predicted, labelled) of the default alignment against one label file,
/// or `None` when a report lies outside the repository and is absent.
fn score(label_file: &str) -> Option<(f64, f64, usize, usize)> {
    let labels: Labels = serde_json::from_str(
        &std::fs::read_to_string(fixtures().join("expected-pairs").join(label_file))
            .expect("label file"),
    )
    .expect("label file is JSON");
    let (a, b) = (load(&labels.a)?, load(&labels.b)?);
    let expected: BTreeSet<(usize, usize)> = labels
        .pairs
        .iter()
        .map(|(pa, pb)| {
            (
                sentence_starting(&a.doc, pa, &labels.a),
                sentence_starting(&b.doc, pb, &labels.b),
            )
        })
        .collect();
    let alignment = align(&a.doc, &b.doc, &AlignOptions::default());
    let predicted: BTreeSet<(usize, usize)> = alignment
        .pairs
        .iter()
        .flat_map(|p| {
            p.a.iter()
                .flat_map(move |&i| p.b.iter().map(move |&j| (i, j)))
        })
        .collect();
    let hits = predicted.intersection(&expected).count() as f64;
    let precision = if predicted.is_empty() {
        1.0
    } else {
        hits / predicted.len() as f64
    };
    let recall = hits / expected.len() as f64;
    Some((precision, recall, predicted.len(), expected.len()))
}

/// Bars per label file: (file, minimum precision, minimum recall). Set a little under what the
/// aligner reached when they were written, so a regression fails and noise does not.
const BARS: &[(&str, f64, f64)] = &[
    ("northgate-lakeshore.json", 0.95, 0.95),
    ("meridian-aid-revision.json", 0.95, 0.95),
    ("northgate-kestrel.json", 0.85, 0.95),
    ("northgate-meridian.json", 0.95, 0.80),
    ("seed-harbor.json", 0.95, 0.95),
];

#[test]
fn sentence_pairs_meet_their_precision_and_recall_bars() {
    let mut failures = Vec::new();
    for &(file, min_p, min_r) in BARS {
        let Some((p, r, predicted, labelled)) = score(file) else {
            println!("{file:<28} skipped (a report outside the repository is absent)");
            continue;
        };
        println!("{file:<28} precision {p:.2} recall {r:.2} ({predicted} predicted, {labelled} labelled)");
        if p < min_p || r < min_r {
            failures.push(format!(
                "{file}: precision {p:.2} (bar {min_p}), recall {r:.2} (bar {min_r})"
            ));
        }
    }
    assert!(failures.is_empty(), "below the bar: {failures:#?}");
}

// ---------------------------------------------------------------------------------------------
// Snapshots of the JSON results

fn compare_json(a: &str, b: &str) -> serde_json::Value {
    let (a, b) = (must_load(a), must_load(b));
    let opts = AlignOptions::default();
    let view = AlignmentView::new(&a.doc, &b.doc, &align(&a.doc, &b.doc, &opts));
    serde_json::to_value(Envelope::new("compare", &opts, infos(&[&a, &b]), view))
        .expect("serializes")
}

#[test]
fn snapshot_compare_wire_and_copy() {
    insta::assert_json_snapshot!(compare_json(
        "dravik/northgate-wire.txt",
        "dravik/lakeshore-courier.txt"
    ));
}

#[test]
fn snapshot_compare_independent_reports() {
    insta::assert_json_snapshot!(compare_json(
        "dravik/northgate-wire.txt",
        "dravik/meridian-post.txt"
    ));
}

#[test]
fn snapshot_compare_revision() {
    insta::assert_json_snapshot!(compare_json(
        "revision/meridian-aid.v1.txt",
        "revision/meridian-aid.v2.txt"
    ));
}

fn dravik() -> Vec<Loaded> {
    DRAVIK.iter().map(|f| must_load(f)).collect()
}

#[test]
fn snapshot_collate_five_reports() {
    let reports = dravik();
    let docs: Vec<Document> = reports.iter().map(|r| r.doc.clone()).collect();
    let opts = AlignOptions::default();
    let result = collate(&docs, &opts).expect("five reports collate");
    let refs: Vec<&Loaded> = reports.iter().collect();
    insta::assert_json_snapshot!(Envelope::new("collate", &opts, infos(&refs), result));
}

#[test]
fn snapshot_quotes_five_reports() {
    let reports = dravik();
    let docs: Vec<Document> = reports.iter().map(|r| r.doc.clone()).collect();
    let result = quotes(&docs, &QuoteOptions::default()).expect("quotes");
    let refs: Vec<&Loaded> = reports.iter().collect();
    insta::assert_json_snapshot!(Envelope::new(
        "quotes",
        &AlignOptions::default(),
        infos(&refs),
        result
    ));
}

#[test]
fn snapshot_terms_five_reports() {
    let reports = dravik();
    let docs: Vec<Document> = reports.iter().map(|r| r.doc.clone()).collect();
    let result = terms(&docs, &TermsOptions::default()).expect("terms");
    let refs: Vec<&Loaded> = reports.iter().collect();
    insta::assert_json_snapshot!(Envelope::new(
        "terms",
        &AlignOptions::default(),
        infos(&refs),
        result
    ));
}

// ---------------------------------------------------------------------------------------------
// What the fixtures were written to show

#[test]
fn collate_finds_the_claims_everyone_carries_and_the_ones_one_outlet_alone_has() {
    let reports = dravik();
    let docs: Vec<Document> = reports.iter().map(|r| r.doc.clone()).collect();
    let c = collate(&docs, &AlignOptions::default()).expect("collates");
    let claim = |needle: &str| {
        c.claims
            .iter()
            .find(|cl| {
                cl.cells
                    .iter()
                    .flatten()
                    .any(|cell| cell.text.contains(needle))
            })
            .unwrap_or_else(|| panic!("no claim holds {needle:?}"))
    };
    let session = claim("emergency session");
    assert!(
        session.carried_by >= 4,
        "the emergency session is in every English report: {session:?}"
    );
    let vigil = claim("A vigil is planned");
    assert!(
        vigil.is_unique(),
        "only the Lakeshore Courier has the vigil"
    );
    let shields = claim("human shields");
    assert!(
        shields.is_unique() && shields.cells[3].is_some(),
        "only Radio Kestrel claims human shields"
    );
    for claim in &c.claims {
        assert_eq!(claim.cells.len(), 5);
        assert!(claim.carried_by >= 1 && claim.carried_by <= 5);
    }
    // Every sentence of every report is in exactly one claim.
    for (r, doc) in docs.iter().enumerate() {
        let mut seen: Vec<usize> = c
            .claims
            .iter()
            .filter_map(|cl| cl.cells[r].as_ref())
            .flat_map(|cell| cell.sentences.clone())
            .collect();
        seen.sort_unstable();
        assert_eq!(
            seen,
            (0..doc.sentences.len()).collect::<Vec<_>>(),
            "report {r}: each sentence in one claim"
        );
    }
}

#[test]
fn quotes_match_a_slightly_reworded_quote_and_a_translation() {
    let reports = dravik();
    let docs: Vec<Document> = reports.iter().map(|r| r.doc.clone()).collect();
    let q = quotes(&docs, &QuoteOptions::default()).expect("quotes");
    let group_of = |report: usize, needle: &str| {
        let quote = q
            .quotes
            .iter()
            .find(|x| x.report == report && x.text.contains(needle))
            .unwrap_or_else(|| panic!("report {report} has no quote with {needle:?}"));
        &q.groups[quote.group]
    };
    // Northgate's and Kestrel's minister quote differ by one word ("people" / "those").
    let minister = group_of(0, "We will not negotiate");
    assert!(minister.worded_differently, "{minister:?}");
    assert!(
        minister.quotes.iter().any(|&i| q.quotes[i].report == 3),
        "Radio Kestrel's wording is in the group"
    );
    // The Meridian Post translated it another way: matched by its speaker, not its words.
    let meridian = minister
        .quotes
        .iter()
        .find(|&&i| q.quotes[i].report == 2)
        .expect("Meridian's version is matched");
    let variant = minister
        .variants
        .iter()
        .find(|v| v.to == *meridian)
        .expect("with a diff");
    assert_ne!(variant.basis, MatchBasis::Wording);
    // Speakers: a pronoun resolved to the minister.
    let speaker = q.quotes[minister.quotes[0]]
        .speaker
        .as_ref()
        .expect("a speaker");
    assert!(speaker.name.contains("Orsk"), "{speaker:?}");
}

#[test]
fn terms_find_the_loaded_words_and_their_substitutions() {
    let reports = dravik();
    let docs: Vec<Document> = reports.iter().map(|r| r.doc.clone()).collect();
    let t = terms(&docs[..4], &TermsOptions::default()).expect("terms");
    let kestrel: Vec<&str> = t.reports[3].terms.iter().map(|x| x.text.as_str()).collect();
    assert!(
        kestrel.iter().any(|x| x.starts_with("militant")),
        "Radio Kestrel's distinctive terms: {kestrel:?}"
    );
    let meridian: Vec<&str> = t.reports[2].terms.iter().map(|x| x.text.as_str()).collect();
    assert!(
        meridian.contains(&"regime"),
        "The Meridian Post's distinctive terms: {meridian:?}"
    );
    let subs: Vec<[String; 2]> = t.substitutions.iter().map(|s| s.words.clone()).collect();
    assert!(
        subs.contains(&["government".to_string(), "regime".to_string()]),
        "government ↔ regime is seen inside aligned pairs: {subs:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Bad input

#[test]
fn twenty_identical_reports_make_one_claim_per_sentence() {
    let one = must_load("dravik/northgate-wire.txt").doc;
    let docs = vec![one.clone(); 20];
    let c = collate(&docs, &AlignOptions::default()).expect("twenty reports collate");
    assert_eq!(c.claims.len(), one.sentences.len());
    assert!(c.claims.iter().all(|cl| cl.carried_by == 20));
    let q = quotes(&docs, &QuoteOptions::default()).expect("quotes");
    assert!(q
        .groups
        .iter()
        .all(|g| g.quotes.len() == 20 && !g.worded_differently));
}

#[test]
fn empty_reports_are_carried_through() {
    let empty = segment("", None);
    let one = must_load("dravik/northgate-wire.txt").doc;
    let c = collate(
        &[empty.clone(), one.clone(), empty.clone()],
        &AlignOptions::default(),
    )
    .expect("collates");
    assert_eq!(c.claims.len(), one.sentences.len());
    assert_eq!(c.coverage[0].claims, 0);
    let t = terms(&[empty.clone(), empty.clone()], &TermsOptions::default()).expect("terms");
    assert!(t.reports.iter().all(|r| r.terms.is_empty()) && t.substitutions.is_empty());
    let q = quotes(&[empty.clone(), empty], &QuoteOptions::default()).expect("quotes");
    assert!(q.quotes.is_empty());
}

#[test]
fn more_reports_than_the_limit_is_a_clear_error() {
    let small = segment("Rebels took Dravik on Monday. Thousands fled.", Some("en"));
    let docs = vec![small; MAX_COLLATE_REPORTS + 1];
    let err = collate(&docs, &AlignOptions::default()).expect_err("over the limit");
    assert!(matches!(err, ReportsError::TooManyReports { .. }));
    assert!(err.to_string().contains("at most"), "{err}");
    assert!(terms(&docs, &TermsOptions::default()).is_err());
    assert!(quotes(&docs, &QuoteOptions::default()).is_err());
}

#[test]
fn a_hundred_reports_return() {
    let reports = dravik();
    let docs: Vec<Document> = (0..MAX_COLLATE_REPORTS)
        .map(|i| reports[i % 4].doc.clone())
        .collect();
    let c = collate(&docs, &AlignOptions::default()).expect("a hundred reports collate");
    assert!(c
        .claims
        .iter()
        .all(|cl| cl.cells.len() == MAX_COLLATE_REPORTS));
}

#[test]
fn mixed_scripts_collate_without_false_links() {
    let english = must_load("dravik/radio-kestrel.txt");
    let russian = must_load("dravik/radio-kestrel-ru.txt");
    let c = collate(
        &[english.doc.clone(), russian.doc.clone()],
        &AlignOptions::default(),
    )
    .expect("collates");
    let shared: Vec<&str> = c
        .claims
        .iter()
        .filter(|cl| cl.carried_by == 2)
        .map(|cl| cl.text.as_str())
        .collect();
    // Only numbers and names could link an English and a Russian sentence; nothing may be
    // linked on punctuation alone.
    for claim in c.claims.iter().filter(|cl| cl.carried_by == 2) {
        let ru = claim.cells[1].as_ref().expect("Russian cell");
        assert!(
            ru.text.chars().any(char::is_numeric),
            "a cross-script link must rest on a number: {shared:?}"
        );
    }
    assert_eq!(c.coverage[1].sentences, russian.doc.sentences.len());
}
