//! Optimistic versions: every edit of an article's metadata, an event or a note moves the row's
//! version on and records who made it and when; an edit made against a version that has moved
//! since it was read is refused with who changed it ([`StoreError::Conflict`]).

use sqlx::AnyConnection;

use crate::error::{StoreError, StoreResult};
use crate::time::now_utc;

/// The tables whose rows carry versions, and the word for one of their rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Versioned {
    Article,
    Event,
    Note,
}

impl Versioned {
    fn table(self) -> &'static str {
        match self {
            Self::Article => "articles",
            Self::Event => "events",
            Self::Note => "annotations",
        }
    }

    fn what(self) -> &'static str {
        match self {
            Self::Article => "article",
            Self::Event => "event",
            Self::Note => "note",
        }
    }
}

/// Moves `id`'s version on (inside the edit's transaction, before the edit), recording `author`
/// and now; with `expected`, only if the row is still at that version. The check and the move are
/// one statement, so two editors racing cannot both pass it.
pub(crate) async fn advance_version(
    conn: &mut AnyConnection,
    kind: Versioned,
    id: i64,
    expected: Option<i64>,
    author: Option<&str>,
) -> StoreResult<()> {
    let table = kind.table();
    let changed = sqlx::query(&format!(
        "UPDATE {table} SET version = version + 1, changed_by = $1, changed_at = $2
         WHERE id = $3 AND ($4 IS NULL OR version = $4)"
    ))
    .bind(author)
    .bind(now_utc())
    .bind(id)
    .bind(expected)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if changed > 0 {
        return Ok(());
    }
    let current: Option<(Option<String>, Option<String>)> = sqlx::query_as(&format!(
        "SELECT changed_by, changed_at FROM {table} WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let what = kind.what();
    match current {
        None => Err(StoreError::NotFound { what, id }),
        Some((by, at)) => Err(StoreError::Conflict {
            what,
            id,
            by: by.unwrap_or_else(|| "someone".into()),
            at: at
                .as_deref()
                .and_then(|at| at.get(11..16))
                .map_or_else(|| "an unknown time".into(), |time| format!("{time} UTC")),
        }),
    }
}
