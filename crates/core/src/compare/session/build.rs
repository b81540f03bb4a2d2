//! Building the session model of 1–6 reports: the engine's analyses (neighbour alignments with
//! the manual pins, collate, quotes, terms, revisions) run once each, in parallel, then spelled
//! out for the panes and views. Facts need every pair of panes: panes further apart are aligned
//! too (without pins), which costs more than collate's clusters would but finds the paraphrases
//! the aligner's gap pass links (a 4,200 two panes away from a 4,000) — up to
//! `MAX_SENTENCES_FOR_ALL_PAIRS` (8,000) sentences in the session; above, neighbours only, with a
//! warning.

use serde::{Deserialize, Serialize};

use super::jobs::{run_all, Job};
use super::links::{inline_rows, neighbour_links, neighbour_options, pins_of, ManualLink};
use super::model::{
    CoverageModel, FactModel, SessionModel, TermsModel, VersionsModel, SESSION_SCHEMA,
};
use super::panes::{panes, Correspondences, PaneHeader, Reference};
use super::versions::revision_model;
use super::views;
use crate::compare::collate::{collate, Collation, ReportsError};
use crate::compare::diff::units_from_tokens;
use crate::compare::provenance::SharedCopy;
use crate::compare::quotes::{quotes, QuoteComparison, QuoteOptions};
use crate::compare::terms::{terms, Terms, TermsOptions};
use crate::compare::{align, facts, AlignOptions, Alignment};
use crate::text::Document;

/// The most reports a session shows side by side.
pub const MAX_PANES: usize = 6;

/// Above this many sentences in all reports together (about 160,000 words), panes that are not
/// neighbours are not aligned for facts: six 50,000-word reports would spend ten more
/// alignments, a third of the build, on it.
const MAX_SENTENCES_FOR_ALL_PAIRS: usize = 8_000;

/// One report of a session, in pane order.
#[derive(Debug, Clone)]
pub struct ReportInput {
    /// The report's stable key, which manual links name it by: the library's article id (any
    /// distinct numbers where there is no library).
    pub key: i64,
    /// The segmented body ([`crate::text::segment`]).
    pub document: Document,
    pub title: String,
    pub outlet: Option<String>,
    pub published_at: Option<String>,
}

/// How a session compares its reports.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct SessionSettings {
    /// Case, punctuation, whitespace and threshold; its `pinned` / `unlinked` are ignored (they
    /// name sentence pairs of two reports: see `links`).
    pub align: AlignOptions,
    /// Links made or removed by hand, reports named by their keys; each applies to the neighbour
    /// pair holding both reports.
    pub links: Vec<ManualLink>,
    /// The reports are versions of one article, oldest first: build the versions view.
    pub versions: bool,
    /// The pane every other pane's marks and word highlights are taken against (Beyond
    /// Compare's "base"); `None`, or a pane that is not there, takes each pane's left neighbour
    /// (the first pane's right one). With two panes each is the other's reference anyway.
    pub base: Option<usize>,
}

/// Why no session could be built. Messages are shown to people as they are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    #[error("a comparison session needs at least one report")]
    NoReports,
    #[error("at most {max} reports can be shown side by side (got {given}); remove some or compare them in two sessions")]
    TooManyReports { given: usize, max: usize },
}

/// Builds the view model of `reports` side by side. Never panics on odd input: an empty report
/// gets an empty pane, one report a single pane, identical reports an all-identical session,
/// each with a warning in the model.
pub fn build_session(
    reports: &[ReportInput],
    settings: &SessionSettings,
) -> Result<SessionModel, SessionError> {
    let n = reports.len();
    if n == 0 {
        return Err(SessionError::NoReports);
    }
    if n > MAX_PANES {
        return Err(SessionError::TooManyReports {
            given: n,
            max: MAX_PANES,
        });
    }
    let docs: Vec<&Document> = reports.iter().map(|r| &r.document).collect();
    let mut warnings = Vec::new();
    if n == 1 {
        warnings.push("Only one report: add another to compare it with.".to_string());
    }
    for (p, report) in reports.iter().enumerate() {
        if report.document.sentences.is_empty() {
            warnings.push(format!(
                "“{}” has no text to compare",
                display_title(report, p)
            ));
        }
    }
    // The options without pins (they name panes, not sentence pairs), with a usable threshold.
    let plain = AlignOptions {
        threshold: if settings.align.threshold.is_finite() {
            settings.align.threshold.clamp(0.0, 1.0)
        } else {
            AlignOptions::default().threshold
        },
        pinned: Vec::new(),
        unlinked: Vec::new(),
        ..settings.align.clone()
    };
    let keys: Vec<i64> = reports.iter().map(|r| r.key).collect();
    let pins = pins_of(&settings.links, &keys);
    let (options, pin_warnings) = neighbour_options(&plain, &pins, &docs);
    warnings.extend(pin_warnings);

    let total: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let all_pairs = total <= MAX_SENTENCES_FOR_ALL_PAIRS;
    if !all_pairs && n > 2 {
        warnings.push(
            "The reports are too long to check every pair for differing facts quickly: facts \
             are compared between neighbouring panes only"
                .to_string(),
        );
    }
    let base = settings.base.filter(|&b| b < n && n > 2);
    let mut found = analyse(
        reports,
        &options,
        &plain,
        settings.versions,
        all_pairs,
        base,
    );

    let mut correspondences = Correspondences::new(&docs);
    for (i, alignment) in found.neighbours.iter().enumerate() {
        for pair in &alignment.pairs {
            correspondences.add(i, &pair.a, i + 1, &pair.b);
        }
    }
    // Panes further apart (aligned when the reports are short enough): a sentence two panes away
    // is carried there too, so it is not unique.
    for (i, j, alignment) in &found.others {
        for pair in &alignment.pairs {
            correspondences.add(*i, &pair.a, *j, &pair.b);
        }
    }
    let coverage = match &found.collation {
        Some(Ok(collation)) => {
            add_claims(&mut correspondences, collation);
            views::coverage(collation)
        }
        Some(Err(e)) => {
            warnings.push(format!("Coverage could not be built: {e}"));
            CoverageModel { claims: Vec::new() }
        }
        None => CoverageModel { claims: Vec::new() },
    };
    let references: Vec<Option<Reference<'_>>> = (0..n)
        .map(|p| match base.filter(|&b| b != p) {
            Some(b) => Some(against_base(p, b, &docs, &found)),
            None => neighbour_reference(p, &docs, &found),
        })
        .collect();
    let headers: Vec<PaneHeader<'_>> = reports
        .iter()
        .map(|r| PaneHeader {
            title: &r.title,
            outlet: r.outlet.as_deref(),
            published_at: r.published_at.as_deref(),
        })
        .collect();
    // Versions of one article share nearly everything by nature: no copy is marked between them.
    let mut copy = SharedCopy::new(&docs);
    if !settings.versions {
        for (i, alignment) in found.neighbours.iter().enumerate() {
            copy.add(i, i + 1, docs[i], docs[i + 1], alignment);
        }
        for (i, j, alignment) in &found.others {
            copy.add(*i, *j, docs[*i], docs[*j], alignment);
        }
    }
    let panes = panes(&docs, &headers, &references, correspondences, &copy);

    let links = found
        .neighbours
        .iter()
        .enumerate()
        .map(|(i, alignment)| neighbour_links(i, docs[i], docs[i + 1], alignment))
        .collect();
    let inline = (n == 2).then(|| inline_rows(docs[0], docs[1], &found.neighbours[0]));

    let facts = all_facts(&docs, &found);
    for group in identical_groups(&docs, &plain) {
        warnings.push(format!("Reports {} are identical", numbers(&group)));
    }
    let quotes = match &found.quotes {
        Ok(q) => views::quotes(&docs, q),
        Err(e) => {
            warnings.push(format!("Quotes could not be compared: {e}"));
            Vec::new()
        }
    };
    let mut terms = match &found.terms {
        Ok(t) => views::terms(&docs, t),
        Err(e) => {
            warnings.push(format!("Terms could not be compared: {e}"));
            TermsModel {
                panes: vec![Vec::new(); n],
                substitutions: Vec::new(),
                distanced: vec![Vec::new(); n],
            }
        }
    };
    if let Ok(q) = &found.quotes {
        terms.distanced = views::distanced(n, q);
    }
    let versions = found
        .revisions
        .take()
        .map(|revisions| VersionsModel { revisions });

    Ok(SessionModel {
        schema: SESSION_SCHEMA.to_string(),
        panes,
        links,
        inline,
        coverage,
        quotes,
        terms,
        facts,
        copy_families: copy.families(),
        versions,
        semantic: settings.align.by == crate::compare::MatchBy::Meaning
            && docs.iter().all(|d| d.meaning.is_some()),
        warnings,
    })
}

/// The engine's results for one session.
struct Analyses {
    /// `neighbours[i]`: pane `i` with pane `i + 1`, with the pins of that pair.
    neighbours: Vec<Alignment>,
    /// Every other pair `(i, j)`, `i + 1 < j`, without pins, in pair order.
    others: Vec<(usize, usize, Alignment)>,
    /// `None` for a single report.
    collation: Option<Result<Collation, ReportsError>>,
    quotes: Result<QuoteComparison, ReportsError>,
    terms: Result<Terms, ReportsError>,
    revisions: Option<Vec<super::model::RevisionModel>>,
}

/// What one job computed.
enum Output {
    Neighbour(Alignment),
    Other(usize, usize, Alignment),
    Collation(Result<Collation, ReportsError>),
    Quotes(Result<QuoteComparison, ReportsError>),
    Terms(Result<Terms, ReportsError>),
    Revision(super::model::RevisionModel),
}

/// Runs every analysis of the session once, in parallel.
/// Pane `p`'s left neighbour as its reference (the first pane's right one); `None` alone.
fn neighbour_reference<'a>(
    p: usize,
    docs: &[&'a Document],
    found: &'a Analyses,
) -> Option<Reference<'a>> {
    match p {
        0 => found.neighbours.first().map(|alignment| Reference {
            pane: 1,
            doc: docs[1],
            alignment,
            is_a: true,
        }),
        _ => Some(Reference {
            pane: p - 1,
            doc: docs[p - 1],
            alignment: &found.neighbours[p - 1],
            is_a: false,
        }),
    }
}

/// Pane `p` against the base pane `b` (a neighbour's alignment, or one `analyse` made for it).
fn against_base<'a>(
    p: usize,
    b: usize,
    docs: &[&'a Document],
    found: &'a Analyses,
) -> Reference<'a> {
    let (low, high) = (p.min(b), p.max(b));
    let alignment = if high == low + 1 {
        &found.neighbours[low]
    } else {
        found
            .others
            .iter()
            .find(|(i, j, _)| (*i, *j) == (low, high))
            .map(|(_, _, a)| a)
            .expect("analyse aligns every pane with the base")
    };
    Reference {
        pane: b,
        doc: docs[b],
        alignment,
        is_a: p < b,
    }
}

fn analyse(
    reports: &[ReportInput],
    neighbour_options: &[AlignOptions],
    plain: &AlignOptions,
    versions: bool,
    all_pairs: bool,
    base: Option<usize>,
) -> Analyses {
    let n = reports.len();
    // collate, quotes and terms take a slice of documents.
    let owned: Vec<Document> = reports.iter().map(|r| r.document.clone()).collect();
    let owned = &owned;
    let mut jobs: Vec<Job<'_, Output>> = Vec::new();
    // The longest first.
    jobs.push(Box::new(move || {
        Output::Terms(terms(
            owned,
            &TermsOptions {
                align: plain.clone(),
                ..TermsOptions::default()
            },
        ))
    }));
    jobs.push(Box::new(move || {
        Output::Quotes(quotes(
            owned,
            &QuoteOptions {
                align: plain.clone(),
            },
        ))
    }));
    if n >= 2 {
        jobs.push(Box::new(move || Output::Collation(collate(owned, plain))));
    }
    for (i, opts) in neighbour_options.iter().enumerate() {
        jobs.push(Box::new(move || {
            Output::Neighbour(align(&owned[i], &owned[i + 1], opts))
        }));
    }
    for i in 0..n {
        // Every pane is aligned with the base, however long the reports.
        let wanted = |j: usize| all_pairs || base == Some(i) || base == Some(j);
        for j in (i + 2..n).filter(|&j| wanted(j)) {
            jobs.push(Box::new(move || {
                Output::Other(i, j, align(&owned[i], &owned[j], plain))
            }));
        }
    }
    if versions {
        let diff = plain.diff_options();
        for i in 0..n.saturating_sub(1) {
            jobs.push(Box::new(move || {
                Output::Revision(revision_model(i, &owned[i], &owned[i + 1], &diff))
            }));
        }
    }
    let mut found = Analyses {
        neighbours: Vec::new(),
        others: Vec::new(),
        collation: None,
        quotes: Ok(QuoteComparison {
            quotes: Vec::new(),
            groups: Vec::new(),
        }),
        terms: Ok(Terms {
            reports: Vec::new(),
            substitutions: Vec::new(),
        }),
        revisions: versions.then(Vec::new),
    };
    // Results come back in job order: neighbours and revisions in pane order.
    for output in run_all(jobs) {
        match output {
            Output::Neighbour(a) => found.neighbours.push(a),
            Output::Other(i, j, a) => found.others.push((i, j, a)),
            Output::Collation(c) => found.collation = Some(c),
            Output::Quotes(q) => found.quotes = q,
            Output::Terms(t) => found.terms = t,
            Output::Revision(r) => found.revisions.get_or_insert_with(Vec::new).push(r),
        }
    }
    found
}

/// Adds the collate clusters to the correspondences: every two cells of a claim correspond.
fn add_claims(correspondences: &mut Correspondences, collation: &Collation) {
    for claim in &collation.claims {
        let cells: Vec<(usize, &[usize])> = claim
            .cells
            .iter()
            .enumerate()
            .filter_map(|(p, c)| c.as_ref().map(|c| (p, c.sentences.as_slice())))
            .collect();
        for (k, &(p, xs)) in cells.iter().enumerate() {
            for &(q, ys) in &cells[k + 1..] {
                correspondences.add(p, xs, q, ys);
            }
        }
    }
}

/// The comparison keys of a report's words, punctuation and word breaks under the options: two
/// reports with equal keys are identical (what the word diff would show as one `Equal` op).
fn comparison_keys(doc: &Document, opts: &AlignOptions) -> Vec<u64> {
    units_from_tokens(
        &doc.body,
        &doc.tokens,
        0..doc.body.len(),
        &opts.diff_options(),
    )
    .into_iter()
    .filter_map(|unit| unit.key)
    .collect()
}

/// Groups of two or more non-empty reports that are identical under the options, by pane.
fn identical_groups(docs: &[&Document], opts: &AlignOptions) -> Vec<Vec<usize>> {
    let keys: Vec<Vec<u64>> = docs.iter().map(|d| comparison_keys(d, opts)).collect();
    let mut grouped = vec![false; docs.len()];
    let mut groups = Vec::new();
    for i in 0..docs.len() {
        if grouped[i] || docs[i].sentences.is_empty() {
            continue;
        }
        let group: Vec<usize> = (i..docs.len())
            .filter(|&j| !grouped[j] && keys[j] == keys[i])
            .collect();
        for &j in &group {
            grouped[j] = true;
        }
        if group.len() > 1 {
            groups.push(group);
        }
    }
    groups
}

/// Pane numbers as a person counts them: "1 and 2", "1, 3 and 4".
fn numbers(panes: &[usize]) -> String {
    let shown: Vec<String> = panes.iter().map(|p| (p + 1).to_string()).collect();
    match shown.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => shown.join(""),
    }
}

/// The fact discrepancies of every pair of panes, in pair order.
fn all_facts(docs: &[&Document], found: &Analyses) -> Vec<FactModel> {
    let mut pairs: Vec<(usize, usize, &Alignment)> = found
        .neighbours
        .iter()
        .enumerate()
        .map(|(i, alignment)| (i, i + 1, alignment))
        .chain(
            found
                .others
                .iter()
                .map(|(i, j, alignment)| (*i, *j, alignment)),
        )
        .collect();
    pairs.sort_by_key(|&(i, j, _)| (i, j));
    let jobs: Vec<Job<'_, Vec<FactModel>>> = pairs
        .into_iter()
        .map(|(i, j, alignment)| -> Job<'_, Vec<FactModel>> {
            let (a, b) = (docs[i], docs[j]);
            Box::new(move || views::facts(i, a, j, b, &facts(a, b, alignment)))
        })
        .collect();
    run_all(jobs).into_iter().flatten().collect()
}

/// A report's title for a message: its title, or "Report N" when it has none.
fn display_title(report: &ReportInput, pane: usize) -> String {
    let title = report.title.trim();
    if title.is_empty() {
        format!("Report {}", pane + 1)
    } else {
        title.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::session::{PartMark, SentenceClass};
    use crate::text::segment;

    fn report(title: &str, body: &str) -> ReportInput {
        ReportInput {
            key: 0,
            document: segment(body, Some("en")),
            title: title.to_string(),
            outlet: None,
            published_at: None,
        }
    }

    const TEXT: &str =
        "Rebels took Dravik on Monday. About 4,200 people fled.\n\nThe minister spoke.";

    #[test]
    fn no_reports_and_too_many_are_refused_with_a_message() {
        let settings = SessionSettings::default();
        assert_eq!(build_session(&[], &settings), Err(SessionError::NoReports));
        let seven: Vec<ReportInput> = (0..7).map(|k| report(&format!("R{k}"), TEXT)).collect();
        let err = build_session(&seven, &settings).expect_err("seven is too many");
        assert!(err.to_string().contains("at most 6"), "{err}");
    }

    #[test]
    fn one_report_is_one_pane_with_a_warning() {
        let model = build_session(&[report("Alone", TEXT)], &SessionSettings::default())
            .expect("one report is allowed");
        assert_eq!(model.panes.len(), 1);
        assert!(model.links.is_empty() && model.inline.is_none());
        assert_eq!(model.panes[0].reference, None);
        assert!(model.panes[0]
            .sentences
            .iter()
            .all(|s| s.class == SentenceClass::Unique && s.found_in == 0));
        assert_eq!(model.warnings.len(), 1, "{:?}", model.warnings);
    }

    #[test]
    fn shared_copy_is_marked_counted_and_grouped_by_story() {
        let wire = "A fire destroyed the old mill in Kessen on Monday night. \
            Firefighters fought the blaze for six hours before it was contained. \
            No one was hurt, the town council said in a statement.";
        let edit = "A fire destroyed the old mill in Kessen on Monday night. \
            Firefighters fought the blaze for nearly six hours before it was contained. \
            Residents said they had long feared for the empty building.";
        let rewrite = "Kessen's disused mill burned down overnight into Tuesday. \
            Crews needed most of the night to bring the flames under control.";
        let reports = [
            report("Wire", wire),
            report("Rewrite", rewrite),
            report("Edit", edit),
        ];
        let model = build_session(&reports, &SessionSettings::default()).expect("builds");
        let copy_in = |pane: usize| -> Vec<Vec<usize>> {
            model.panes[pane]
                .sentences
                .iter()
                .map(|s| s.copy_in.clone())
                .collect()
        };
        // The wire story and its edit share two sentences (one lightly edited), two panes apart.
        assert_eq!(copy_in(0), [vec![2], vec![2], vec![]]);
        assert_eq!(copy_in(2), [vec![0], vec![0], vec![]]);
        assert!(copy_in(1).iter().all(Vec::is_empty), "a rewrite is no copy");
        assert_eq!(model.copy_families, [vec![0, 2]]);
        let edit_stats = &model.panes[2].stats;
        assert_eq!(edit_stats.copy, 2);
        assert!(
            (0.5..0.8).contains(&edit_stats.copy_share),
            "{}",
            edit_stats.copy_share
        );
        assert_eq!(model.panes[1].stats.copy, 0);

        // Versions of one article share nearly everything: none of it is marked as copy.
        let versions = SessionSettings {
            versions: true,
            ..SessionSettings::default()
        };
        let model = build_session(
            &reports[..1]
                .iter()
                .chain(&reports[2..])
                .cloned()
                .collect::<Vec<_>>(),
            &versions,
        )
        .expect("builds");
        assert!(model.copy_families.is_empty());
        assert!(model
            .panes
            .iter()
            .all(|p| p.stats.copy == 0 && p.sentences.iter().all(|s| s.copy_in.is_empty())));
    }

    #[test]
    fn a_sentence_two_panes_away_is_in_another_report_not_unique() {
        let treated = "Thirty-one people were treated for smoke at the Eastbrook clinic.";
        let reports = [
            report(
                "Wire",
                &format!("The night ferry caught fire at the pier on Tuesday. {treated}"),
            ),
            report(
                "Courier",
                "The night ferry caught fire at the pier on Tuesday. The harbour master closed the quay.",
            ),
            report(
                "Post",
                &format!("The night ferry caught fire at the pier on Tuesday. {treated}"),
            ),
        ];
        let model = build_session(&reports, &SessionSettings::default()).expect("builds");
        let class_of = |pane: usize, starts: &str| {
            let p = &model.panes[pane];
            let s = p
                .sentences
                .iter()
                .find(|s| reports[pane].document.body[s.start..s.end].starts_with(starts))
                .expect("the sentence");
            (s.class, s.found_in)
        };
        // Pane 0 is compared with pane 1 and pane 2 with pane 1, neither of which has it.
        assert_eq!(class_of(0, "Thirty-one"), (SentenceClass::Elsewhere, 1));
        assert_eq!(class_of(2, "Thirty-one"), (SentenceClass::Elsewhere, 1));
        assert_eq!(
            class_of(1, "The harbour master"),
            (SentenceClass::Unique, 0)
        );
        assert_eq!(
            model.panes[0].stats.unique, 0,
            "the header counts no unique sentence"
        );
    }

    #[test]
    fn a_reworded_sentence_marks_only_what_differs_in_substance() {
        let reports = [
            report(
                "Wire",
                "The night ferry caught fire on Tuesday. Four people were hurt when a fire broke out in the engine room of the Eastbrook ferry.",
            ),
            report(
                "Courier",
                "The night ferry caught fire on Tuesday. Seven people were hurt after flames spread through the engine room of the Kelmsby boat that night.",
            ),
        ];
        let settings = SessionSettings {
            align: AlignOptions {
                threshold: 0.05,
                ..AlignOptions::default()
            },
            ..SessionSettings::default()
        };
        let model = build_session(&reports, &settings).expect("builds");
        let second = &model.panes[1].sentences[1];
        assert_ne!(second.class, SentenceClass::Unique, "the two are linked");
        assert!(second.reworded, "most words differ");
        let marked: Vec<&str> = second
            .parts
            .iter()
            .filter(|p| p.mark == PartMark::Differs)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(
            marked,
            ["Seven", "Kelmsby"],
            "numbers and names the other lacks"
        );
        let every = second.all_words.as_ref().expect("the full diff is kept");
        assert!(every.iter().filter(|p| p.mark == PartMark::Differs).count() > 2);
        // A sentence that only changed a little keeps every changed word marked.
        let first = &model.panes[1].sentences[0];
        assert!(!first.reworded && first.all_words.is_none());
    }

    #[test]
    fn a_chosen_base_pane_is_what_every_other_pane_is_marked_against() {
        let treated = "Thirty-one people were treated for smoke at the Eastbrook clinic.";
        let reports = [
            report(
                "Wire",
                &format!("The night ferry caught fire on Tuesday. {treated}"),
            ),
            report(
                "Courier",
                "The night ferry caught fire on Tuesday. The quay was closed.",
            ),
            report(
                "Post",
                &format!("The night ferry caught fire on Tuesday. {treated}"),
            ),
        ];
        let settings = SessionSettings {
            base: Some(0),
            ..SessionSettings::default()
        };
        let model = build_session(&reports, &settings).expect("builds");
        let references: Vec<Option<usize>> = model.panes.iter().map(|p| p.reference).collect();
        // The base itself keeps its neighbour.
        assert_eq!(references, [Some(1), Some(0), Some(0)]);
        let last = model.panes[2].sentences.last().expect("a sentence");
        assert_eq!(
            last.class,
            SentenceClass::Identical,
            "the same as in the base pane"
        );
        // Two panes have no base: each is the other's reference.
        let two = build_session(&reports[..2], &settings).expect("builds");
        assert_eq!(two.panes[1].reference, Some(0));
        assert_eq!(two.panes[0].reference, Some(1));
    }

    #[test]
    fn an_empty_report_gets_an_empty_pane_and_a_warning() {
        let model = build_session(
            &[report("Full", TEXT), report("Blank", "  \n ")],
            &SessionSettings::default(),
        )
        .expect("builds");
        assert!(model.panes[1].sentences.is_empty());
        assert_eq!(model.panes[0].stats.unique, model.panes[0].stats.sentences);
        assert_eq!(
            model.warnings,
            vec!["“Blank” has no text to compare".to_string()]
        );
    }

    #[test]
    fn identical_reports_are_all_identical_and_said_to_be() {
        let model = build_session(
            &[report("One", TEXT), report("Two", TEXT)],
            &SessionSettings::default(),
        )
        .expect("builds");
        for pane in &model.panes {
            assert!(pane
                .sentences
                .iter()
                .all(|s| s.class == SentenceClass::Identical));
            assert_eq!(pane.stats.identical, pane.stats.sentences);
        }
        assert_eq!(
            model.warnings,
            vec!["Reports 1 and 2 are identical".to_string()]
        );
    }

    #[test]
    fn reports_differing_only_in_what_the_options_ignore_are_identical() {
        let reports = [
            report("One", "Police closed the Selva bridge. Thousands fled."),
            report("Two", "police closed the Selva bridge;  thousands fled"),
        ];
        let strict = build_session(&reports, &SessionSettings::default()).expect("builds");
        assert!(strict.warnings.is_empty(), "{:?}", strict.warnings);
        let lenient = SessionSettings {
            align: AlignOptions {
                ignore_case: true,
                ignore_punctuation: true,
                ..AlignOptions::default()
            },
            ..SessionSettings::default()
        };
        let model = build_session(&reports, &lenient).expect("builds");
        assert_eq!(
            model.warnings,
            vec!["Reports 1 and 2 are identical".to_string()]
        );
    }

    #[test]
    fn identical_reports_are_named_once_per_group() {
        let reports = [
            report("A", TEXT),
            report("B", "Something else entirely."),
            report("C", TEXT),
            report("D", TEXT),
            report("E", ""),
            report("F", ""),
        ];
        let model = build_session(&reports, &SessionSettings::default()).expect("builds");
        let identical: Vec<&String> = model
            .warnings
            .iter()
            .filter(|w| w.contains("identical"))
            .collect();
        assert_eq!(identical, vec!["Reports 1, 3 and 4 are identical"]);
        assert_eq!(numbers(&[0, 1]), "1 and 2");
        assert_eq!(numbers(&[4]), "5");
    }

    #[test]
    fn any_threshold_builds() {
        let reports = [
            report("One", TEXT),
            report("Two", "Rebels took Dravik on Tuesday."),
        ];
        for threshold in [f32::NAN, f32::INFINITY, -3.0, 0.0, 1.0, 7.5] {
            let settings = SessionSettings {
                align: AlignOptions {
                    threshold,
                    ..AlignOptions::default()
                },
                ..SessionSettings::default()
            };
            let model = build_session(&reports, &settings).expect("builds");
            assert_eq!(model.panes.len(), 2, "threshold {threshold}");
        }
    }

    #[test]
    fn very_long_sessions_compare_facts_between_neighbours_only() {
        let per_report = MAX_SENTENCES_FOR_ALL_PAIRS / 3 + 1;
        let body = |variant: usize| -> String {
            (0..per_report)
                .map(|k| format!("Crew {k} counted {} crates.", k * 7 + variant))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let reports: Vec<ReportInput> = (0..3).map(|v| report("Long", &body(v))).collect();
        let model = build_session(&reports, &SessionSettings::default()).expect("builds");
        assert!(
            model
                .warnings
                .iter()
                .any(|w| w.contains("neighbouring panes only")),
            "{:?}",
            model.warnings
        );
        assert!(model.facts.iter().all(|f| f.pane_b == f.pane_a + 1));
        assert!(model.facts.iter().any(|f| (f.pane_a, f.pane_b) == (1, 2)));
    }
}
