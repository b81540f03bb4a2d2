//! Comparison sessions: the view model of 2–6 reports side by side, built from every analysis of
//! the engine (neighbour alignments, collate, quotes, terms, facts, revisions).
//!
//! ```
//! use parallax_core::compare::session::{build_session, ReportInput, SessionSettings};
//! use parallax_core::text::segment;
//!
//! let report = |title: &str, body: &str| ReportInput {
//!     key: 0,
//!     document: segment(body, Some("en")),
//!     title: title.to_string(),
//!     outlet: None,
//!     published_at: None,
//! };
//! let reports = [
//!     report("Wire", "Rebels took Dravik on Monday. About 4,200 people fled."),
//!     report("Post", "About 4,000 people fled. Militants took Dravik on Monday."),
//! ];
//! let model = build_session(&reports, &SessionSettings::default()).expect("two reports");
//! assert_eq!(model.panes.len(), 2);
//! assert!(model.inline.is_some());
//! ```
//!
//! [`build_session`] refuses only no reports or more than [`MAX_PANES`] ([`SessionError`]);
//! anything else (one report, empty or identical reports, stale manual links) gives a usable
//! model with sentences for a person in `warnings`. [`SessionSettings::links`] are
//! [`ManualLink`]s between reports named by their [`ReportInput::key`]; each applies to the
//! neighbour pair holding both reports.

mod build;
mod jobs;
mod links;
pub mod model;
mod panes;
mod parts;
mod versions;
mod views;

pub use build::{build_session, ReportInput, SessionError, SessionSettings, MAX_PANES};
pub use links::ManualLink;
pub use model::*;
