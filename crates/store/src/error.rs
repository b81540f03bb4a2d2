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

impl StoreError {
    /// Whether the disk (or the database's size limit) is full: nothing more can be written, so a
    /// batch stops here instead of failing every remaining file the same way.
    pub fn is_disk_full(&self) -> bool {
        match self {
            Self::Database(sqlx::Error::Database(db)) => {
                // SQLITE_FULL (13), also as an extended code.
                db.code()
                    .is_some_and(|code| code.parse::<i64>().is_ok_and(|c| c & 0xff == 13))
                    || db.message().contains("database or disk is full")
            }
            Self::Database(sqlx::Error::Io(io)) | Self::Io { source: io, .. } => {
                io.kind() == io::ErrorKind::StorageFull || io.raw_os_error() == Some(28)
            }
            _ => false,
        }
    }
}

impl StoreError {
    /// Whether the library's file or folder cannot be written (SQLITE_READONLY, or a copy beside
    /// it refused): it can still be opened for reading.
    pub fn is_read_only(&self) -> bool {
        match self {
            Self::Database(e)
            | Self::Open { source: e, .. }
            | Self::Migrate(MigrateError::Execute(e)) => {
                matches!(e, sqlx::Error::Database(db) if db.code().and_then(|c| c.parse::<i64>().ok()).is_some_and(|c| c & 0xff == 8))
            }
            Self::Io { source, .. } => source.kind() == io::ErrorKind::PermissionDenied,
            _ => false,
        }
    }

    /// Whether SQLite found the library file damaged (SQLITE_CORRUPT, SQLITE_NOTADB): reads and
    /// writes will keep failing until it is recovered or restored.
    pub fn is_damaged(&self) -> bool {
        let sql = match self {
            Self::Database(e) | Self::Open { source: e, .. } => Some(e),
            Self::Migrate(MigrateError::Execute(e)) => Some(e),
            _ => None,
        };
        let Some(sqlx::Error::Database(db)) = sql else {
            return false;
        };
        db.code()
            .and_then(|code| code.parse::<i64>().ok())
            .is_some_and(|c| matches!(c & 0xff, 11 | 26))
            || db.message().contains("malformed")
    }
}

/// What a database failure means, told by SQLite's result code (not its message's words), for the
/// faces to say in a person's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatabaseProblem {
    /// Another connection holds a lock (SQLITE_BUSY, SQLITE_LOCKED): try again in a moment.
    Busy,
    /// The disk or the database's size limit is full (SQLITE_FULL).
    Full,
    /// The file or its folder cannot be written (SQLITE_READONLY).
    ReadOnly,
    /// The file is damaged (SQLITE_CORRUPT, SQLITE_NOTADB).
    Damaged,
    /// The file cannot be opened (SQLITE_CANTOPEN).
    CannotOpen,
    /// Reading or writing the file failed (SQLITE_IOERR).
    Io,
}

impl StoreError {
    /// The kind of database failure this is, when it is one SQLite named by its result code.
    pub fn problem(&self) -> Option<DatabaseProblem> {
        if self.is_damaged() {
            return Some(DatabaseProblem::Damaged);
        }
        if self.is_disk_full() {
            return Some(DatabaseProblem::Full);
        }
        if self.is_read_only() {
            return Some(DatabaseProblem::ReadOnly);
        }
        let sql = match self {
            Self::Database(e) | Self::Open { source: e, .. } => e,
            Self::Migrate(MigrateError::Execute(e)) => e,
            _ => return None,
        };
        let sqlx::Error::Database(db) = sql else {
            return None;
        };
        // SQLite's primary result code is the low byte of the extended one sqlx reports.
        match db.code()?.parse::<i64>().ok()? & 0xff {
            5 | 6 => Some(DatabaseProblem::Busy),
            14 => Some(DatabaseProblem::CannotOpen),
            10 => Some(DatabaseProblem::Io),
            _ => None,
        }
    }
}

/// Shorthand for results of store operations.
pub type StoreResult<T> = Result<T, StoreError>;
