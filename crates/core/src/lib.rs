//! parallax-core: the UI-free engine of Parallax.
//!
//! The pipeline, and the words used across the code base:
//! - **extract** turns the bytes of a saved file (HTML, text, Markdown, PDF, DOCX) into an
//!   [`extract::Article`]: title, byline, outlet, date, language and clean body paragraphs.
//! - **text** segments a body into paragraphs → sentences → word tokens, each with byte ranges
//!   into the body, and normalizes tokens for matching.
//! - **compare** works on segmented *reports* (articles about one *event*): it aligns the
//!   sentences of two reports into *pairs* (identical, changed, moved), leaves the rest *unique*,
//!   diffs each pair word by word, collates N reports into *claims*, follows *revisions* of one
//!   article, and finds quotes, framing terms and factual discrepancies.
//!
//! Everything here is deterministic, works on text handed in, and knows nothing of SQL, Tauri or
//! any user interface.

pub mod compare;
pub mod events;
pub mod export;
pub mod extract;
pub mod text;
