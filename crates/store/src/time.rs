//! Timestamps as stored in the library: RFC 3339, UTC, whole seconds.

use chrono::{SecondsFormat, Utc};

/// Now, as `2026-11-25T13:45:00Z`.
pub(crate) fn now_utc() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}
