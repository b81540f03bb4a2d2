//! Framing terms: words and phrases distinctive of each report, and the word substitutions seen
//! inside aligned sentence pairs ("terrorists" ↔ "rebels", "regime" ↔ "government").

mod log_odds;
mod substitutions;

use serde::{Deserialize, Serialize};

pub use log_odds::{distinctive_terms, DistinctiveTerm, LogOddsOptions, ReportTerms};
pub use substitutions::{Substitution, SubstitutionCollector, SubstitutionSite, MAX_SITES};

use super::collate::{for_each_alignment, ReportsError};
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

/// Distinctive terms of each report against the rest, and substitutions between every pair of
/// reports. Refuses more than [`super::collate::MAX_COLLATE_REPORTS`] reports.
pub fn terms(reports: &[Document], opts: &TermsOptions) -> Result<Terms, ReportsError> {
    let mut collector = SubstitutionCollector::default();
    for_each_alignment(reports, &opts.align, |i, j, alignment| {
        collector.add(i, &reports[i], j, &reports[j], alignment);
    })?;
    Ok(Terms {
        reports: distinctive_terms(reports, &opts.log_odds),
        substitutions: collector.finish(),
    })
}
