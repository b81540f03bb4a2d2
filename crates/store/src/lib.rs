//! parallax-store: the Parallax library on SQLite or PostgreSQL, and the only crate that speaks SQL.
//!
//! # API overview
//!
//! Open a library with [`Store::open`] (a file; parent folders are created; migrations from
//! `migrations/sqlite` run on open; WAL, foreign keys, busy timeout), [`Store::connect_team`] (a
//! team library on PostgreSQL, a [`TeamAddress`]: TLS unless the server is this computer;
//! `migrations/postgres`, the same numbering, run under the server's lock),
//! [`Store::open_address`] (either, from a [`LibraryAddress`]) or [`Store::open_in_memory`]
//! (tests). Both backends go through one sqlx `Any` pool; the few statements that differ ask
//! [`Store::backend`]. [`default_library_path`] is the file the desktop app uses
//! (`<data dir>/app.parallax.desktop/library.sqlite`). A [`Store`] is cheap to clone and every
//! method is `async`.
//!
//! - **Team work** — [`Store::with_author`] records who imports, makes events and sessions and
//!   writes notes; articles' metadata, events and notes carry a `version`, and an edit sent with
//!   an older one is refused ([`StoreError::Conflict`], naming who changed it and when);
//!   [`Store::change_feed`] gives a team library's [`LibraryChange`]s made by other clients
//!   (PostgreSQL `LISTEN`/`NOTIFY`); [`Store::copy_into`] copies a library into another,
//!   idempotently, with [`CopyProgress`] and a [`CopyReport`].
//!
//! - **Import** — [`Store::import_paths`] takes files and folders (folders walked recursively by
//!   [`collect_import_paths`]: hidden entries and non-article files skipped) and calls a closure
//!   with an [`ImportProgress`] per finished file; each file ends as an [`ImportOutcome`]:
//!   `Imported { id, title, outlet }`, `Duplicate { existing_id, title }` or
//!   `Failed { path, message }`. Files over [`MAX_IMPORT_BYTES`] are refused before being read.
//!   Extraction (`parallax_core::extract`) runs on blocking threads; each article is written in
//!   one transaction (outlet found or created by domain, else name; article; search row) and
//!   deduplicated by the content hash of its body. The original bytes are kept
//!   ([`Store::original_bytes`]) so [`Store::reextract_article`] can re-read them later.
//!   [`Store::import_collected`] imports what `collect_import_paths` found (to show a total first).
//!   Single files: [`Store::import_file`], [`Store::import_bytes`], [`Store::import_article`]
//!   (an already extracted article).
//! - **Articles** — [`Store::list_articles`] with a [`ListQuery`] (sort by [`SortKey`] /
//!   [`SortOrder`], filter by event or outlet, paging) → [`ArticleSummary`]
//!   ([`Store::count_listed`] counts the same without paging);
//!   [`Store::article`] → [`ArticleDetail`] (metadata, body, paragraphs, events);
//!   [`Store::update_metadata`] with a [`MetadataUpdate`]; [`Store::delete_article`] hides an
//!   article (undo with [`Store::restore_article`], make final with [`Store::purge_deleted`]).
//!   Re-importing the text of a deleted article replaces it. [`Store::versions_of`] lists the
//!   versions of one article (same canonical URL).
//! - **Search** — [`Store::search`]: FTS5 over title and body (a team library: a `tsvector` with
//!   a GIN index, words as written and stemmed in the article's language); any typed text is safe
//!   ([`fts_query`] / [`ts_query`] quote every word; the last word matches as a prefix) →
//!   [`SearchHit`]s with the title and a body snippet as plain text plus matched byte ranges
//!   ([`Highlighted`]).
//! - **Events** — [`Store::create_event`], [`Store::rename_event`], [`Store::set_event_notes`],
//!   [`Store::delete_event`], [`Store::add_to_event`], [`Store::remove_from_event`],
//!   [`Store::list_events`] / [`Store::event`] ([`Event`] with its article count); an event's
//!   articles are `list_articles` with `event_id` set.
//! - **Sessions** — [`Store::create_session`] from a [`NewSession`] (2 to 6 distinct articles in
//!   pane order, or an event's reports) or [`Store::create_session_from_event`];
//!   [`Store::sessions`] lists [`SessionSummary`]s (last opened first); [`Store::session`] gives a
//!   [`SessionRecord`] (options and every [`SessionMember`], deleted articles flagged);
//!   [`Store::rename_session`], [`Store::duplicate_session`], [`Store::delete_session`],
//!   [`Store::set_session_articles`] (reorder, swap, add, remove), [`Store::set_session_options`]
//!   ([`SessionOptions`]: normalization, threshold, [`ManualLink`]s, layout, …);
//!   [`Store::mark_session_opened`] / [`Store::last_opened_session`] restore the last session at
//!   start; [`Store::are_versions`] tells whether articles are versions of one article.
//! - **Notes** — [`Store::add_note`] ([`NewNote`]: a byte span of one report in a session),
//!   [`Store::notes`] ([`Note`]s with the quoted text, by pane and position),
//!   [`Store::update_note`], [`Store::delete_note`].
//! - **Outlets** — [`Store::list_outlets`] ([`Outlet`] with article count), [`Store::rename_outlet`].
//! - **Sentence vectors** — [`Store::sentence_vectors`] (the stored vectors of an article, when
//!   still valid for its body, the segmenter and the model), [`Store::save_sentence_vectors`],
//!   [`Store::articles_without_vectors`] (what a background pass encodes).
//! - **Health** — [`Store::check_integrity`] (SQLite and search-index checks);
//!   [`Store::export_library`] writes the whole library to one file and [`restore_library`] puts
//!   such a file back (checked first, the replaced library kept); opening a library that needs
//!   migrations first copies it to `<library>.before-migration-<version>` (the last three kept).
//!
//! Errors are [`StoreError`], worded for people. Every returned type is serde (snake_case fields).
//! Text offsets are byte offsets into UTF-8 strings.

mod articles;
mod backup;
mod changes;
mod checks;
mod collect;
mod copy;
mod error;
mod events;
mod fetched;
mod grouping;
mod import;
mod location;
mod model;
mod notes;
mod outlets;
mod recover;
mod reextract;
mod search;
mod session_model;
mod sessions;
mod store;
mod time;
mod vectors;
mod versions;
mod worker;

pub use backup::restore_library;
pub use changes::{ChangeFeed, LibraryChange};
pub use collect::{
    collect_import_paths, read_import_file, CollectedPaths, PathFailure, ARTICLE_EXTENSIONS,
    MAX_IMPORT_BYTES,
};
pub use copy::{CopyProgress, CopyReport};
pub use error::{DatabaseProblem, StoreError, StoreResult};
pub use fetched::{AddressImport, FetchRecord, RefreshOutcome};
pub use grouping::{EventProposal, EventSuggestion, ProposedArticle, MAX_UNGROUPED};
pub use location::{
    default_library_path, LibraryAddress, TeamAddress, TlsMode, APP_IDENTIFIER, LIBRARY_FILE_NAME,
};
pub use model::{
    ArticleDetail, ArticleSummary, Event, EventRef, Highlighted, ImportOutcome, ImportProgress,
    ImportSummary, ListQuery, MetadataUpdate, Outlet, SearchHit, SortKey, SortOrder, TextRange,
};
pub use recover::{recover_library, recovery_path, RecoveryReport};
pub use search::{fts_query, ts_query};
pub use session_model::{
    AnalysisSettings, ManualLink, NewNote, NewSession, Note, SessionLayout, SessionMember,
    SessionMode, SessionOptions, SessionRecord, SessionSummary, ViewPreferences,
};
pub use sessions::{MAX_SESSION_ARTICLES, MIN_SESSION_ARTICLES};
pub use store::{Backend, Store};
pub use worker::{extraction_time_limit, serve_extraction, WorkerCommand, EXTRACTION_TIME_LIMIT};
