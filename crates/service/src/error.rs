//! The errors every face shows: what went wrong, in a person's words, with a stable code the faces
//! branch on. Database failures are told by the store's classification of SQLite's result codes and
//! PostgreSQL's SQLSTATEs.

use parallax_store::{DatabaseProblem, StoreError};

/// Why a use case failed.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The article, event, session or note asked for is not in the library (any more).
    #[error("{0}")]
    NotFound(String),
    /// The request itself was wrong (an empty title, a malformed date, a session whose reports were
    /// all deleted…).
    #[error("{0}")]
    Invalid(String),
    /// The library could not be read or written.
    #[error("the library could not be used: {0}")]
    Library(String),
    /// A colleague changed what was being edited since it was read (a team library): reload.
    #[error("{0}")]
    Conflict(String),
    /// The library is damaged, so nothing is written to it (the message names the damage).
    #[error("the library is damaged ({0}), so nothing is changed in it. Close Parallax and run `parallax recover` to save what can be read, or restore an export with `parallax restore-library FILE`")]
    Damaged(String),
}

/// The kinds of [`ServiceError`], stable for the faces to branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    NotFound,
    Invalid,
    Library,
    Conflict,
    Damaged,
}

impl ServiceError {
    /// The stable kind of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::NotFound(_) => ErrorKind::NotFound,
            Self::Invalid(_) => ErrorKind::Invalid,
            Self::Library(_) => ErrorKind::Library,
            Self::Conflict(_) => ErrorKind::Conflict,
            Self::Damaged(_) => ErrorKind::Damaged,
        }
    }
}

impl From<StoreError> for ServiceError {
    fn from(error: StoreError) -> Self {
        // A database failure is told by its result code; a file error keeps its path and cause.
        let database = matches!(
            error,
            StoreError::Database(_) | StoreError::Open { .. } | StoreError::Migrate(_)
        );
        match error.problem().filter(|_| database) {
            Some(DatabaseProblem::Damaged) => return Self::Damaged(error.to_string()),
            Some(problem) => return Self::Library(in_words(problem).to_string()),
            None => {}
        }
        match error {
            StoreError::NotFound { .. } => Self::NotFound(error.to_string()),
            StoreError::Invalid(message) => Self::Invalid(message),
            StoreError::Conflict { .. } => Self::Conflict(error.to_string()),
            StoreError::Database(source) => {
                Self::Library(format!("the database reported “{source}”"))
            }
            other => Self::Library(other.to_string()),
        }
    }
}

/// What a database problem means for the person using the library.
fn in_words(problem: DatabaseProblem) -> &'static str {
    match problem {
        DatabaseProblem::Busy => "another program is writing to it; try again in a moment",
        DatabaseProblem::Full => "the disk is full; free some space and try again",
        DatabaseProblem::ReadOnly => "its file cannot be written (it is read-only)",
        DatabaseProblem::Damaged => {
            "its file is damaged; save what can be read with `parallax recover`"
        }
        DatabaseProblem::CannotOpen => {
            "its file cannot be opened (a missing folder, or no permission to read it)"
        }
        DatabaseProblem::Io => "reading or writing its file failed (a disk or network drive error)",
        DatabaseProblem::Unreachable => {
            "its server cannot be reached (check the address, the network, and that the server \
             runs); nothing was changed"
        }
        DatabaseProblem::Authentication => {
            "its server refused the user name or password; check them in the library settings"
        }
        DatabaseProblem::Denied => {
            "the server does not allow your user this; ask the library's administrator"
        }
        DatabaseProblem::Tls => {
            "the encrypted connection to its server failed (its certificate, or TLS is off on \
             the server)"
        }
    }
}

/// Shorthand for use-case results.
pub type ServiceResult<T> = Result<T, ServiceError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_found_and_invalid_keep_the_store_message() {
        let error = ServiceError::from(StoreError::NotFound {
            what: "article",
            id: 42,
        });
        assert_eq!(error.kind(), ErrorKind::NotFound);
        assert_eq!(error.to_string(), "article #42 was not found");
        let error = ServiceError::from(StoreError::Invalid("the title cannot be empty".into()));
        assert_eq!(error.kind(), ErrorKind::Invalid);
        assert_eq!(error.to_string(), "the title cannot be empty");
    }

    #[test]
    fn a_file_error_keeps_its_path_and_cause() {
        let error = ServiceError::from(StoreError::Io {
            path: "/backups/library.sqlite".into(),
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        });
        assert_eq!(error.kind(), ErrorKind::Library);
        assert!(
            error.to_string().contains("/backups/library.sqlite"),
            "{error}"
        );
    }

    /// Classified by SQLite's result code (SQLITE_NOTADB), not by its message's words.
    #[tokio::test]
    async fn a_file_that_is_no_library_is_damaged() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("library.sqlite");
        std::fs::write(&path, b"not a database, only text. ".repeat(200)).expect("written");
        let error = parallax_store::Store::open(&path)
            .await
            .expect_err("a text file is no library");
        let error = ServiceError::from(error);
        assert_eq!(error.kind(), ErrorKind::Damaged, "{error}");
    }
}
