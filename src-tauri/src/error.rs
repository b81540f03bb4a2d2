//! The app's command errors, serialized for the UI as `{ code, message }` with a message a person
//! understands; `code` is there for the few cases the UI branches on.

use parallax_service::{ErrorKind, ServiceError};
use parallax_store::StoreError;
use serde::{Serialize, Serializer};
use ts_rs::TS;

/// Why a command failed: a use case of the service layer (worded there, the same for the CLI), or
/// the app's own start-up.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A use case failed: not found, invalid, the library unusable or damaged.
    #[error(transparent)]
    Service(#[from] ServiceError),
    /// The library was not opened at start-up (the message says why).
    #[error("the library is not open: {0}")]
    NotOpen(String),
}

impl AppError {
    /// The request itself was wrong.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::Service(ServiceError::Invalid(message.into()))
    }

    /// The library could not be read or written.
    pub fn library(message: impl Into<String>) -> Self {
        Self::Service(ServiceError::Library(message.into()))
    }

    /// The library is damaged (the message names the damage).
    pub fn damaged(message: impl Into<String>) -> Self {
        Self::Service(ServiceError::Damaged(message.into()))
    }

    /// The stable, machine-readable name of this kind of error.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Service(error) => match error.kind() {
                ErrorKind::NotFound => ErrorCode::NotFound,
                ErrorKind::Invalid => ErrorCode::Invalid,
                ErrorKind::Library => ErrorCode::Library,
                ErrorKind::Conflict => ErrorCode::Conflict,
                ErrorKind::Damaged => ErrorCode::Damaged,
            },
            Self::NotOpen(_) => ErrorCode::NotOpen,
        }
    }
}

/// Store failures are classified once, by the service layer (SQLite's result codes, not its
/// messages' words).
impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        Self::Service(error.into())
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
    /// A colleague changed it meanwhile (a team library): reload, then edit again.
    Conflict,
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
    fn invalid_input_keeps_the_store_message() {
        let error = AppError::from(StoreError::Invalid("the title cannot be empty".into()));
        assert_eq!(error.code(), ErrorCode::Invalid);
        assert_eq!(error.to_string(), "the title cannot be empty");
    }
}
