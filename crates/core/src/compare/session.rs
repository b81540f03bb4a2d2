//! Comparison sessions: the view model of 2–6 reports side by side, built from every analysis of
//! the engine (neighbour alignments, collate, quotes, terms, facts, revisions).

mod build;
mod jobs;
mod links;
pub mod model;
mod panes;
mod parts;
mod versions;
mod views;

pub use build::{build_session, ReportInput, SessionError, SessionSettings, MAX_PANES};
pub use links::PanePin;
pub use model::*;
