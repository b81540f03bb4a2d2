//! Events: named groups of reports of one happening, and which articles belong to them.

use crate::checks::{changed_or_not_found, require_row, EVENT, LIVE_ARTICLE};
use crate::error::{StoreError, StoreResult};
use crate::model::Event;
use crate::outlets::required_name;
use crate::store::Store;
use crate::time::now_utc;

const EVENT_COLUMNS: &str = "e.id, e.title, e.notes, e.created_at,
    (SELECT count(*) FROM event_articles ea JOIN articles a ON a.id = ea.article_id
     WHERE ea.event_id = e.id AND a.deleted_at IS NULL) AS article_count";

impl Store {
    /// Creates an empty event.
    pub async fn create_event(&self, title: &str) -> StoreResult<Event> {
        let title = required_name(title, "an event")?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO events (title, created_at) VALUES ($1, $2) RETURNING id",
        )
        .bind(title)
        .bind(now_utc())
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

    /// Renames an event.
    pub async fn rename_event(&self, id: i64, title: &str) -> StoreResult<Event> {
        let title = required_name(title, "an event")?;
        self.update_event_column(id, "title", Some(title)).await
    }

    /// Sets (or, with `None` or blank text, clears) an event's notes.
    pub async fn set_event_notes(&self, id: i64, notes: Option<&str>) -> StoreResult<Event> {
        let notes = notes.map(str::trim).filter(|notes| !notes.is_empty());
        self.update_event_column(id, "notes", notes).await
    }

    async fn update_event_column(
        &self,
        id: i64,
        column: &str,
        value: Option<&str>,
    ) -> StoreResult<Event> {
        let changed = sqlx::query(&format!("UPDATE events SET {column} = $1 WHERE id = $2"))
            .bind(value)
            .bind(id)
            .execute(&self.pool)
            .await?
            .rows_affected();
        changed_or_not_found(changed, "event", id)?;
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
