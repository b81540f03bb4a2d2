//! Existence checks that turn a missing row into [`StoreError::NotFound`].

use sqlx::AnyConnection;

use crate::error::{StoreError, StoreResult};

/// Selects a live (not deleted) article by id.
pub(crate) const LIVE_ARTICLE: &str =
    "SELECT id FROM articles WHERE id = $1 AND deleted_at IS NULL";
/// Selects an event by id.
pub(crate) const EVENT: &str = "SELECT id FROM events WHERE id = $1";

/// `Ok(())` when `select` (one `?` for the id, e.g. [`LIVE_ARTICLE`]) finds a row, else
/// [`StoreError::NotFound`] naming `what`.
pub(crate) async fn require_row(
    conn: &mut AnyConnection,
    select: &'static str,
    what: &'static str,
    id: i64,
) -> StoreResult<()> {
    let found: Option<i64> = sqlx::query_scalar(select)
        .bind(id)
        .fetch_optional(conn)
        .await?;
    changed_or_not_found(u64::from(found.is_some()), what, id)
}

/// `Ok(())` when a statement changed at least one row, else [`StoreError::NotFound`].
pub(crate) fn changed_or_not_found(changed: u64, what: &'static str, id: i64) -> StoreResult<()> {
    if changed == 0 {
        Err(StoreError::NotFound { what, id })
    } else {
        Ok(())
    }
}
