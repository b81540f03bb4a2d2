//! The app's command errors, serialized for the UI as `{ code, message }` with a message a person
//! understands; `code` is there for the few cases the UI branches on.

use parallax_store::StoreError;
use serde::{Serialize, Serializer};
use ts_rs::TS;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The article or event asked for is not in the library (any more).
    #[error("{0}")]
    NotFound(String),
    /// The request itself was wrong (an empty title, a malformed date…).
    #[error("{0}")]
    Invalid(String),
    /// The library could not be read or written.
    #[error("the library could not be used: {0}")]
    Library(String),
    /// The library was not opened at start-up (the message says why).
    #[error("the library is not open: {0}")]
    NotOpen(String),
    /// The library is damaged, so nothing is written to it (the message names the damage).
    #[error("the library is damaged ({0}), so nothing is changed in it. Close Parallax and run `parallax recover` to save what can be read, or restore an export with `parallax restore-library FILE`")]
    Damaged(String),
}

impl AppError {
    /// The stable, machine-readable name of this kind of error.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::NotFound(_) => ErrorCode::NotFound,
            Self::Invalid(_) => ErrorCode::Invalid,
            Self::Library(_) => ErrorCode::Library,
            Self::NotOpen(_) => ErrorCode::NotOpen,
            Self::Damaged(_) => ErrorCode::Damaged,
        }
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        match error {
            ref damaged if damaged.is_damaged() => Self::Damaged(damaged.to_string()),
            StoreError::NotFound { .. } => Self::NotFound(error.to_string()),
            StoreError::Invalid(message) => Self::Invalid(message),
            StoreError::Database(source) => Self::Library(database_problem(&source)),
            other => Self::Library(other.to_string()),
        }
    }
}

/// What a database failure means for the person using the library, in their words.
fn database_problem(error: &dyn std::fmt::Display) -> String {
    let text = error.to_string();
    let lower = text.to_lowercase();
    if lower.contains("locked") || lower.contains("busy") {
        "another program is writing to it; try again in a moment".into()
    } else if lower.contains("disk is full") || lower.contains("database or disk is full") {
        "the disk is full; free some space and try again".into()
    } else if lower.contains("readonly") || lower.contains("read-only") {
        "its file cannot be written (it is read-only)".into()
    } else if lower.contains("malformed") || lower.contains("not a database") {
        "its file is damaged; save what can be read with `parallax recover`".into()
    } else {
        format!("the database reported “{text}”")
    }
}

/// The kinds of [`AppError`], as the UI sees them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    NotFound,
    Invalid,
    Library,
    NotOpen,
    Damaged,
}

/// The shape of every rejected command on the JS side.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(rename = "AppError")]
pub struct WireError {
    pub code: ErrorCode,
    /// A sentence for a person, starting lower-case (the UI capitalizes it).
    pub message: String,
}

impl Serialize for AppError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        WireError {
            code: self.code(),
            message: self.to_string(),
        }
        .serialize(serializer)
    }
}

/// Shorthand for command results.
pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_reach_the_ui_as_code_and_message() {
        let error = AppError::from(StoreError::NotFound {
            what: "article",
            id: 42,
        });
        let json = serde_json::to_value(&error).expect("an error serializes");
        assert_eq!(
            json,
            serde_json::json!({ "code": "notFound", "message": "article #42 was not found" })
        );
    }

    #[test]
    fn database_failures_are_told_in_plain_words() {
        assert_eq!(
            database_problem(&"database is locked"),
            "another program is writing to it; try again in a moment"
        );
        assert_eq!(
            database_problem(&"error returned from database: (code: 13) database or disk is full"),
            "the disk is full; free some space and try again"
        );
        assert_eq!(
            database_problem(&"something odd"),
            "the database reported “something odd”"
        );
    }

    #[test]
    fn invalid_input_keeps_the_store_message() {
        let error = AppError::from(StoreError::Invalid("the title cannot be empty".into()));
        assert_eq!(error.code(), ErrorCode::Invalid);
        assert_eq!(error.to_string(), "the title cannot be empty");
    }
}
