//! The errors of the library store, worded for the people who read them.

use std::io;

use sqlx::migrate::MigrateError;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("could not open the library at {path}: {source}")]
    Open {
        path: String,
        #[source]
        source: sqlx::Error,
    },
    #[error("this library was written by a newer version of Parallax (it has change #{0}, unknown to this version)")]
    NewerLibrary(i64),
    #[error("could not update the library to this version of Parallax: {0}")]
    Migrate(#[source] MigrateError),
    #[error("{what} #{id} was not found")]
    NotFound { what: &'static str, id: i64 },
    #[error("{0}")]
    Invalid(String),
    #[error("library database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("no home folder was found, so there is no default place for the library; pass a path")]
    NoDataDir,
    #[error("a background task failed: {0}")]
    Task(String),
}

impl From<MigrateError> for StoreError {
    fn from(error: MigrateError) -> Self {
        match error {
            MigrateError::VersionMissing(version) => Self::NewerLibrary(version),
            other => Self::Migrate(other),
        }
    }
}

/// Shorthand for results of store operations.
pub type StoreResult<T> = Result<T, StoreError>;
