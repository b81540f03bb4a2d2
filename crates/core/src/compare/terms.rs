//! Framing terms: words and phrases distinctive of each report, and the word substitutions seen
//! inside aligned sentence pairs ("terrorists" ↔ "rebels", "regime" ↔ "government").

mod log_odds;
mod substitutions;

use serde::{Deserialize, Serialize};

pub use log_odds::{distinctive_terms, DistinctiveTerm, LogOddsOptions, ReportTerms};
pub use substitutions::{Substitution, SubstitutionCollector, SubstitutionSite, MAX_SITES};

use super::collate::{linked_sentences, ReportsError};
use super::diff::diff_spans;
use super::options::AlignOptions;
use crate::text::Document;

/// Options of [`terms`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TermsOptions {
    pub log_odds: LogOddsOptions,
    /// How sentences are paired before substitutions are read off their word diffs.
    pub align: AlignOptions,
}

/// The framing terms of a set of reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Terms {
    /// Per report, in input order.
    pub reports: Vec<ReportTerms>,
    /// Word substitutions across all report pairs, most frequent first.
    pub substitutions: Vec<Substitution>,
}

/// Distinctive terms of each report against the rest, and substitutions inside the sentences
/// collate links between every pair of reports. Refuses more than [`super::collate::MAX_COLLATE_REPORTS`] reports.
pub fn terms(reports: &[Document], opts: &TermsOptions) -> Result<Terms, ReportsError> {
    let mut collector = SubstitutionCollector::default();
    let diff_opts = opts.align.diff_options();
    for link in linked_sentences(reports, &opts.align)? {
        let (a, b) = (&reports[link.report_a], &reports[link.report_b]);
        if a.in_other_language(b) {
            // A translation swaps every word: no substitution across languages means anything.
            continue;
        }
        let span = |doc: &Document, s: &[usize]| {
            doc.sentences[s[0]].range.start..doc.sentences[s[s.len() - 1]].range.end
        };
        let ops = diff_spans(a, span(a, &link.a), b, span(b, &link.b), &diff_opts);
        collector.add_pair(
            (link.report_a, a, link.a[0]),
            (link.report_b, b, link.b[0]),
            &ops,
        );
    }
    Ok(Terms {
        reports: distinctive_terms(reports, &opts.log_odds),
        substitutions: collector.finish(),
    })
}
