//! Events: named groups of reports of one happening, and which articles belong to them.

use crate::checks::{changed_or_not_found, require_row, EVENT, LIVE_ARTICLE};
use crate::error::{StoreError, StoreResult};
use crate::model::Event;
use crate::outlets::required_name;
use crate::store::Store;
use crate::time::now_utc;
use crate::versions::{advance_version, Versioned};

const EVENT_COLUMNS: &str = "e.id, e.title, e.notes, e.created_at, e.created_by, e.version,
    (SELECT count(*) FROM event_articles ea JOIN articles a ON a.id = ea.article_id
     WHERE ea.event_id = e.id AND a.deleted_at IS NULL) AS article_count";

impl Store {
    /// Creates an empty event.
    pub async fn create_event(&self, title: &str) -> StoreResult<Event> {
        let title = required_name(title, "an event")?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO events (title, created_at, created_by) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(title)
        .bind(now_utc())
        .bind(self.author.as_deref())
        .fetch_one(&self.pool)
        .await?;
        self.event(id).await
    }

    /// One event with its article count.
    pub async fn event(&self, id: i64) -> StoreResult<Event> {
        sqlx::query_as(&format!(
            "SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound { what: "event", id })
    }

    /// All events, newest first.
    pub async fn list_events(&self) -> StoreResult<Vec<Event>> {
        Ok(sqlx::query_as(&format!(
            "SELECT {EVENT_COLUMNS} FROM events e ORDER BY e.created_at DESC, e.id DESC"
        ))
        .fetch_all(&self.pool)
        .await?)
    }

    /// Renames an event. With `expected_version` (the event's `version` as read), an event
    /// changed since by someone else is left as it is: [`StoreError::Conflict`].
    pub async fn rename_event(
        &self,
        id: i64,
        title: &str,
        expected_version: Option<i64>,
    ) -> StoreResult<Event> {
        let title = required_name(title, "an event")?;
        self.update_event_column(id, "title", Some(title), expected_version)
            .await
    }

    /// Sets (or, with `None` or blank text, clears) an event's notes; `expected_version` as for
    /// [`Store::rename_event`].
    pub async fn set_event_notes(
        &self,
        id: i64,
        notes: Option<&str>,
        expected_version: Option<i64>,
    ) -> StoreResult<Event> {
        let notes = notes.map(str::trim).filter(|notes| !notes.is_empty());
        self.update_event_column(id, "notes", notes, expected_version)
            .await
    }

    async fn update_event_column(
        &self,
        id: i64,
        column: &str,
        value: Option<&str>,
        expected_version: Option<i64>,
    ) -> StoreResult<Event> {
        let mut tx = self.begin_write().await?;
        advance_version(
            &mut tx,
            Versioned::Event,
            id,
            expected_version,
            self.author.as_deref(),
        )
        .await?;
        sqlx::query(&format!("UPDATE events SET {column} = $1 WHERE id = $2"))
            .bind(value)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.event(id).await
    }

    /// Deletes an event (its articles stay in the library).
    pub async fn delete_event(&self, id: i64) -> StoreResult<()> {
        let changed = sqlx::query("DELETE FROM events WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?
            .rows_affected();
        changed_or_not_found(changed, "event", id)
    }

    /// Adds articles to an event in one transaction; articles already in it are left as they are.
    /// Returns how many were added. Fails, adding nothing, if the event or an article is missing.
    pub async fn add_to_event(&self, event_id: i64, article_ids: &[i64]) -> StoreResult<u64> {
        let mut tx = self.begin_write().await?;
        require_row(&mut tx, EVENT, "event", event_id).await?;
        let mut added = 0;
        for &article_id in article_ids {
            require_row(&mut tx, LIVE_ARTICLE, "article", article_id).await?;
            added += sqlx::query(
                "INSERT INTO event_articles (event_id, article_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            )
            .bind(event_id)
            .bind(article_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        tx.commit().await?;
        Ok(added)
    }

    /// Takes articles out of an event (they stay in the library); returns how many were in it.
    pub async fn remove_from_event(&self, event_id: i64, article_ids: &[i64]) -> StoreResult<u64> {
        let mut tx = self.begin_write().await?;
        require_row(&mut tx, EVENT, "event", event_id).await?;
        let mut removed = 0;
        for &article_id in article_ids {
            removed +=
                sqlx::query("DELETE FROM event_articles WHERE event_id = $1 AND article_id = $2")
                    .bind(event_id)
                    .bind(article_id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
        }
        tx.commit().await?;
        Ok(removed)
    }
}
