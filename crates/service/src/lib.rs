//! The Parallax use cases, one layer under every face. The desktop app's commands and the CLI's
//! subcommands forward here, so a session opens, exports and fails the same way in both:
//!
//! - [`articles`]: a page of the list with its counts, search, one article with its provenance
//!   and versions, metadata corrected;
//! - [`events`]: events proposed for the articles in none (with their articles), made on request,
//!   and suggested for a batch of new imports;
//! - [`health`]: whether the library is sound, a team server out of reach told from damage;
//! - [`sessions`]: a session opened (articles loaded in pane order, segmented, given their
//!   sentence vectors, built into the engine's view model with its warnings) and exported as an
//!   HTML report, JSON or the coverage CSV;
//! - [`sample`]: the fictional sample library, embedded and imported like any dropped file;
//! - [`model`]: the sentence model, found and loaded once, and the stored vectors it spares;
//! - [`error`]: every failure in a person's words, database failures told by SQLite's result
//!   codes (classified in the store, the only crate that speaks SQL).
//!
//! Everything a face would otherwise put together from several store calls, bound or classify
//! lives here. A use case that is one store call with nothing around it (rename an event, delete
//! a note, list the events) the faces call on the [`Store`](parallax_store::Store) itself: a
//! forward here would add a name and nothing else.

pub mod articles;
pub mod error;
pub mod events;
pub mod health;
pub mod library;
pub mod model;
pub mod sample;
pub mod sessions;

pub use error::{ErrorKind, ServiceError, ServiceResult};
pub use library::{author_name, open_library, AUTHOR_VARIABLE, LIBRARY_VARIABLE};
pub use model::SentenceModel;
