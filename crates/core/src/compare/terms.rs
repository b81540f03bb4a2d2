//! Framing terms: words and phrases distinctive of each report, and the word substitutions seen
//! inside aligned sentence pairs ("terrorists" ↔ "rebels", "regime" ↔ "government").

mod log_odds;

pub use log_odds::{distinctive_terms, DistinctiveTerm, LogOddsOptions, ReportTerms};
