//! Quotes across reports: quoted spans with their speakers, matched between reports, and the word
//! diff of a quote worded differently by another outlet.

mod find;

pub use find::{find_quotes, speaker_key, FoundQuote, QuoteMark, Speaker, SpeakerCue};
