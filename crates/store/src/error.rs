//! The errors of the library store, worded for the people who read them.

use std::io;

use sqlx::error::DatabaseError;
use sqlx::migrate::MigrateError;
use sqlx::postgres::PgDatabaseError;
use sqlx::sqlite::SqliteError;

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
    /// An edit to something a colleague changed since it was read (a team library's optimistic
    /// versions): nothing was written.
    #[error("{what} #{id} was changed by {by} at {at} since you opened it; reload to see their change, then edit again")]
    Conflict {
        what: &'static str,
        id: i64,
        /// Who made the other change ("someone" when not recorded).
        by: String,
        /// When, as `HH:MM` UTC.
        at: String,
    },
}

impl From<MigrateError> for StoreError {
    fn from(error: MigrateError) -> Self {
        match error {
            MigrateError::VersionMissing(version) => Self::NewerLibrary(version),
            other => Self::Migrate(other),
        }
    }
}

/// SQLite's primary result code (the low byte of the extended code sqlx reports), when `db` is
/// SQLite's.
fn sqlite_code(db: &dyn DatabaseError) -> Option<i64> {
    db.try_downcast_ref::<SqliteError>()?
        .code()?
        .parse::<i64>()
        .ok()
        .map(|code| code & 0xff)
}

/// Whether an I/O error is TLS refusing the connection: rustls's error inside it, as sqlx passes
/// on a failed handshake (an untrusted certificate, a name that does not match…).
fn is_tls_refusal(error: &std::io::Error) -> bool {
    error
        .get_ref()
        .is_some_and(|inner| inner.downcast_ref::<rustls::Error>().is_some())
}

/// PostgreSQL's SQLSTATE, when `db` is PostgreSQL's.
fn postgres_state(db: &dyn DatabaseError) -> Option<&str> {
    Some(db.try_downcast_ref::<PgDatabaseError>()?.code())
}

impl StoreError {
    /// The database's own error behind this one, if any.
    fn database_error(&self) -> Option<&dyn DatabaseError> {
        match self {
            Self::Database(sqlx::Error::Database(db))
            | Self::Open {
                source: sqlx::Error::Database(db),
                ..
            }
            | Self::Migrate(MigrateError::Execute(sqlx::Error::Database(db))) => Some(db.as_ref()),
            _ => None,
        }
    }

    /// Whether a row with the same unique key was written first (by another client, at the same
    /// moment): trying again finds it.
    pub(crate) fn is_unique_violation(&self) -> bool {
        matches!(self, Self::Database(sqlx::Error::Database(db)) if db.is_unique_violation())
    }

    /// Whether the disk (or the database's size limit) is full: nothing more can be written, so a
    /// batch stops here instead of failing every remaining file the same way.
    pub fn is_disk_full(&self) -> bool {
        match self {
            Self::Database(sqlx::Error::Database(db)) => {
                // SQLITE_FULL (13), also as an extended code; PostgreSQL's disk_full.
                sqlite_code(db.as_ref()) == Some(13)
                    || postgres_state(db.as_ref()) == Some("53100")
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
        if let Self::Io { source, .. } = self {
            return source.kind() == io::ErrorKind::PermissionDenied;
        }
        self.database_error().is_some_and(|db| {
            // SQLITE_READONLY; PostgreSQL's read_only_sql_transaction (a standby server).
            sqlite_code(db) == Some(8) || postgres_state(db) == Some("25006")
        })
    }

    /// Whether SQLite found the library file damaged (SQLITE_CORRUPT, SQLITE_NOTADB): reads and
    /// writes will keep failing until it is recovered or restored.
    pub fn is_damaged(&self) -> bool {
        self.database_error().is_some_and(|db| {
            // SQLITE_CORRUPT, SQLITE_NOTADB; PostgreSQL's data_corrupted, index_corrupted.
            matches!(sqlite_code(db), Some(11 | 26))
                || matches!(postgres_state(db), Some("XX001" | "XX002"))
                || (db.try_downcast_ref::<SqliteError>().is_some()
                    && db.message().contains("malformed"))
        })
    }
}

/// What a database failure means, told by SQLite's result code or PostgreSQL's SQLSTATE (not
/// their messages' words), for the faces to say in a person's words.
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
    /// A team library's server cannot be reached (refused, timed out, connection lost).
    Unreachable,
    /// The team library's server refused the user name or password.
    Authentication,
    /// The user may not read or change this (the server's permissions).
    Denied,
    /// The encrypted connection to the team library's server could not be made.
    Tls,
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
        let db = match sql {
            sqlx::Error::Database(db) => db.as_ref(),
            // Before any database answered: the encryption (a certificate not trusted, say: sqlx
            // hands rustls's refusal on inside an I/O error), or the network.
            sqlx::Error::Io(io) if is_tls_refusal(io) => return Some(DatabaseProblem::Tls),
            sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut => {
                return Some(DatabaseProblem::Unreachable)
            }
            sqlx::Error::Tls(_) => return Some(DatabaseProblem::Tls),
            _ => return None,
        };
        if let Some(state) = postgres_state(db) {
            return match state {
                "40001" | "40P01" | "55P03" | "57014" => Some(DatabaseProblem::Busy),
                "28000" | "28P01" => Some(DatabaseProblem::Authentication),
                "42501" => Some(DatabaseProblem::Denied),
                "3D000" => Some(DatabaseProblem::CannotOpen),
                "53000" | "53200" | "53300" => Some(DatabaseProblem::Busy),
                class if class.starts_with("08") || class.starts_with("57P") => {
                    Some(DatabaseProblem::Unreachable)
                }
                _ => None,
            };
        }
        match sqlite_code(db)? {
            5 | 6 => Some(DatabaseProblem::Busy),
            14 => Some(DatabaseProblem::CannotOpen),
            10 => Some(DatabaseProblem::Io),
            _ => None,
        }
    }
}

/// Shorthand for results of store operations.
pub type StoreResult<T> = Result<T, StoreError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_handshake_is_tls_and_a_refused_connection_is_unreachable() {
        let open = |io| StoreError::Open {
            path: "postgres://ana@db.example/parallax".into(),
            source: sqlx::Error::Io(io),
        };
        let untrusted = std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            rustls::Error::General("certificate not trusted".into()),
        );
        assert_eq!(open(untrusted).problem(), Some(DatabaseProblem::Tls));
        let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        assert_eq!(open(refused).problem(), Some(DatabaseProblem::Unreachable));
    }
}
