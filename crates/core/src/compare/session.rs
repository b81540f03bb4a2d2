//! Comparison sessions: the view model of 2–6 reports side by side, built from every analysis of
//! the engine (neighbour alignments, collate, quotes, terms, facts, revisions).

pub mod model;

pub use model::*;
