//! The Parallax use cases, one layer under every face. The desktop app's commands and the CLI's
//! subcommands forward here, so a session opens, exports and fails the same way in both:
//!
//! - [`sessions`]: a session opened (articles loaded in pane order, segmented, given their
//!   sentence vectors, built into the engine's view model with its warnings) and exported as an
//!   HTML report, JSON or the coverage CSV;
//! - [`sample`]: the fictional sample library, embedded and imported like any dropped file;
//! - [`model`]: the sentence model, found and loaded once, and the stored vectors it spares;
//! - [`error`]: every failure in a person's words, database failures told by SQLite's result
//!   codes (classified in the store, the only crate that speaks SQL).

pub mod error;
pub mod library;
pub mod model;
pub mod sample;
pub mod sessions;

pub use error::{ErrorKind, ServiceError, ServiceResult};
pub use library::{author_name, open_library, AUTHOR_VARIABLE, LIBRARY_VARIABLE};
pub use model::SentenceModel;
