//! Comparison sessions: which 2–6 articles sit side by side in which order, their options, and
//! when each session was last opened.
//!
//! Notes of a session are in `notes.rs`. A session keeps the notes of an article taken out of it
//! (they come back if the article is put back); deleting the session deletes its notes.

use std::collections::HashMap;

use sqlx::AnyConnection;

use crate::checks::{changed_or_not_found, require_row, EVENT, LIVE_ARTICLE};
use crate::error::{StoreError, StoreResult};
use crate::outlets::required_name;
use crate::session_model::{
    NewSession, SessionMember, SessionMode, SessionOptions, SessionRecord, SessionSummary,
};
use crate::store::Store;
use crate::time::now_utc;

/// The fewest reports a session compares.
pub const MIN_SESSION_ARTICLES: usize = 2;
/// The most reports a session shows side by side.
pub const MAX_SESSION_ARTICLES: usize = 6;

/// Selects a session by id.
pub(crate) const SESSION: &str = "SELECT id FROM sessions WHERE id = $1";

const SESSION_COLUMNS: &str =
    "s.id, s.name, s.event_id, s.mode, s.options, s.created_at, s.updated_at, s.opened_at";

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: i64,
    name: String,
    event_id: Option<i64>,
    mode: String,
    options: String,
    created_at: String,
    updated_at: String,
    opened_at: Option<String>,
}

impl SessionRow {
    fn summary(self, article_ids: Vec<i64>) -> (SessionSummary, String) {
        let summary = SessionSummary {
            id: self.id,
            name: self.name,
            event_id: self.event_id,
            mode: SessionMode::from_stored(&self.mode),
            article_ids,
            created_at: self.created_at,
            updated_at: self.updated_at,
            opened_at: self.opened_at,
        };
        (summary, self.options)
    }
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    session_id: i64,
    article_id: i64,
    position: i64,
    title: String,
    /// 1 when the article is deleted (an integer, as both databases give it).
    deleted: i64,
}

impl Store {
    /// Creates a session of 2 to 6 distinct articles (in pane order), or, with no articles and an
    /// event, of the event's reports (as [`Store::create_session_from_event`]).
    pub async fn create_session(&self, new: &NewSession) -> StoreResult<SessionSummary> {
        if new.article_ids.is_empty() {
            if let Some(event_id) = new.event_id {
                return self
                    .create_session_from_event_as(event_id, new.name.as_deref(), new.mode)
                    .await;
            }
        }
        let mut tx = self.begin_write().await?;
        check_articles(&mut tx, &new.article_ids).await?;
        if let Some(event_id) = new.event_id {
            require_row(&mut tx, EVENT, "event", event_id).await?;
        }
        let name = match &new.name {
            Some(name) => required_name(name, "a session")?.to_owned(),
            None => article_title(&mut tx, new.article_ids[0]).await?,
        };
        let id = insert_session(
            &mut tx,
            &name,
            new.event_id,
            new.mode,
            &new.article_ids,
            self.author.as_deref(),
        )
        .await?;
        tx.commit().await?;
        self.session_summary(id).await
    }

    /// Creates a session of an event's reports (deleted ones left out), ordered by publication
    /// date (undated last); named after the event unless `name` is given. Refuses an event with
    /// fewer than 2 or more than 6 reports, saying how many it has.
    pub async fn create_session_from_event(
        &self,
        event_id: i64,
        name: Option<&str>,
    ) -> StoreResult<SessionSummary> {
        self.create_session_from_event_as(event_id, name, None)
            .await
    }

    async fn create_session_from_event_as(
        &self,
        event_id: i64,
        name: Option<&str>,
        mode: Option<SessionMode>,
    ) -> StoreResult<SessionSummary> {
        let mut tx = self.begin_write().await?;
        let title: String = sqlx::query_scalar("SELECT title FROM events WHERE id = $1")
            .bind(event_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound {
                what: "event",
                id: event_id,
            })?;
        let article_ids: Vec<i64> = sqlx::query_scalar(
            "SELECT a.id FROM event_articles ea JOIN articles a ON a.id = ea.article_id
             WHERE ea.event_id = $1 AND a.deleted_at IS NULL
             ORDER BY a.published_at IS NULL, julianday(a.published_at), a.imported_at, a.id",
        )
        .bind(event_id)
        .fetch_all(&mut *tx)
        .await?;
        let count = article_ids.len();
        if count < MIN_SESSION_ARTICLES {
            return Err(StoreError::Invalid(format!(
                "the event “{title}” has {}; a session compares {MIN_SESSION_ARTICLES} to \
                 {MAX_SESSION_ARTICLES} reports, so add more to the event first",
                reports(count)
            )));
        }
        if count > MAX_SESSION_ARTICLES {
            return Err(StoreError::Invalid(format!(
                "the event “{title}” has {}, more than the {MAX_SESSION_ARTICLES} a session shows \
                 side by side; choose up to {MAX_SESSION_ARTICLES} of them",
                reports(count)
            )));
        }
        let name = match name {
            Some(name) => required_name(name, "a session")?.to_owned(),
            None => title,
        };
        let id = insert_session(
            &mut tx,
            &name,
            Some(event_id),
            mode,
            &article_ids,
            self.author.as_deref(),
        )
        .await?;
        tx.commit().await?;
        self.session_summary(id).await
    }

    /// Every session, the most recently opened first, then the most recently changed (sessions
    /// never opened come after the opened ones).
    pub async fn sessions(&self) -> StoreResult<Vec<SessionSummary>> {
        let rows: Vec<SessionRow> = sqlx::query_as(&format!(
            "SELECT {SESSION_COLUMNS} FROM sessions s
             ORDER BY s.open_order IS NULL, s.open_order DESC, s.updated_at DESC, s.id DESC"
        ))
        .fetch_all(&self.pool)
        .await?;
        let members: Vec<MemberRow> = sqlx::query_as(&member_query("a.deleted_at IS NULL"))
            .fetch_all(&self.pool)
            .await?;
        let mut live: HashMap<i64, Vec<i64>> = HashMap::new();
        for member in members {
            live.entry(member.session_id)
                .or_default()
                .push(member.article_id);
        }
        Ok(rows
            .into_iter()
            .map(|row| {
                let ids = live.remove(&row.id).unwrap_or_default();
                row.summary(ids).0
            })
            .collect())
    }

    /// One session in full; [`StoreError::NotFound`] for an unknown id.
    pub async fn session(&self, id: i64) -> StoreResult<SessionRecord> {
        let row = self.session_row(id).await?;
        let members: Vec<MemberRow> = sqlx::query_as(&member_query("sa.session_id = $1"))
            .bind(id)
            .fetch_all(&self.pool)
            .await?;
        let live = members
            .iter()
            .filter(|member| member.deleted == 0)
            .map(|member| member.article_id)
            .collect();
        let (summary, options) = row.summary(live);
        Ok(SessionRecord {
            summary,
            options: SessionOptions::from_stored(&options),
            articles: members
                .into_iter()
                .map(|member| SessionMember {
                    article_id: member.article_id,
                    position: member.position,
                    title: member.title,
                    deleted: member.deleted != 0,
                })
                .collect(),
        })
    }

    /// One session's summary; [`StoreError::NotFound`] for an unknown id.
    pub async fn session_summary(&self, id: i64) -> StoreResult<SessionSummary> {
        Ok(self.session(id).await?.summary)
    }

    async fn session_row(&self, id: i64) -> StoreResult<SessionRow> {
        sqlx::query_as(&format!(
            "SELECT {SESSION_COLUMNS} FROM sessions s WHERE s.id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound {
            what: "session",
            id,
        })
    }

    /// Renames a session (the name is trimmed and cannot be blank).
    pub async fn rename_session(&self, id: i64, name: &str) -> StoreResult<SessionSummary> {
        let name = required_name(name, "a session")?;
        self.update_session(id, "name", name).await
    }

    /// Copies a session with its articles, options and notes, named “… (copy)” and never opened.
    pub async fn duplicate_session(&self, id: i64) -> StoreResult<SessionSummary> {
        let mut tx = self.begin_write().await?;
        let now = now_utc();
        let copy: i64 = sqlx::query_scalar(
            "INSERT INTO sessions (name, event_id, mode, options, created_at, updated_at)
             SELECT name || ' (copy)', event_id, mode, options, $1, $2 FROM sessions WHERE id = $3
             RETURNING id",
        )
        .bind(&now)
        .bind(&now)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound {
            what: "session",
            id,
        })?;
        sqlx::query(
            "INSERT INTO session_articles (session_id, article_id, position)
             SELECT $1, article_id, position FROM session_articles WHERE session_id = $2",
        )
        .bind(copy)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            r#"INSERT INTO annotations (session_id, article_id, "start", "end", note, created_at)
               SELECT $1, article_id, "start", "end", note, created_at FROM annotations
               WHERE session_id = $2 ORDER BY id"#,
        )
        .bind(copy)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.session_summary(copy).await
    }

    /// Deletes a session and its notes; its articles stay in the library.
    pub async fn delete_session(&self, id: i64) -> StoreResult<()> {
        let changed = sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?
            .rows_affected();
        changed_or_not_found(changed, "session", id)
    }

    /// Sets a session's articles in pane order (to reorder, swap, add or remove panes): 2 to 6
    /// distinct articles in the library. Members not in the list leave the session, deleted ones
    /// included; notes on an article that leaves are kept and show again if it is put back.
    pub async fn set_session_articles(
        &self,
        id: i64,
        article_ids: &[i64],
    ) -> StoreResult<SessionSummary> {
        let mut tx = self.begin_write().await?;
        require_row(&mut tx, SESSION, "session", id).await?;
        check_articles(&mut tx, article_ids).await?;
        sqlx::query("DELETE FROM session_articles WHERE session_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        insert_members(&mut tx, id, article_ids).await?;
        touch_session(&mut tx, id).await?;
        tx.commit().await?;
        self.session_summary(id).await
    }

    /// Saves a session's options; the threshold must lie between 0 and 1.
    pub async fn set_session_options(
        &self,
        id: i64,
        options: &SessionOptions,
    ) -> StoreResult<SessionSummary> {
        if !(0.0..=1.0).contains(&options.analysis.threshold) {
            return Err(StoreError::Invalid(format!(
                "the similarity threshold is a share between 0 and 1, not {}",
                options.analysis.threshold
            )));
        }
        self.update_session(id, "options", &stored_options(options)?)
            .await
    }

    /// Sets one column of a session (`column` is one of this module's names, never input) and
    /// marks the session changed; [`StoreError::NotFound`] for an unknown id.
    async fn update_session(
        &self,
        id: i64,
        column: &'static str,
        value: &str,
    ) -> StoreResult<SessionSummary> {
        let changed = sqlx::query(&format!(
            "UPDATE sessions SET {column} = $1, updated_at = $2 WHERE id = $3"
        ))
        .bind(value)
        .bind(now_utc())
        .bind(id)
        .execute(&self.pool)
        .await?
        .rows_affected();
        changed_or_not_found(changed, "session", id)?;
        self.session_summary(id).await
    }

    /// Remembers that a session was just opened (it becomes [`Store::last_opened_session`]);
    /// opening is not a change, so `updated_at` stays.
    pub async fn mark_session_opened(&self, id: i64) -> StoreResult<()> {
        let changed = sqlx::query(
            "UPDATE sessions SET opened_at = $1, opened_by = $3,
                 open_order = (SELECT coalesce(max(open_order), 0) + 1 FROM sessions)
             WHERE id = $2",
        )
        .bind(now_utc())
        .bind(id)
        .bind(self.author.as_deref())
        .execute(&self.pool)
        .await?
        .rows_affected();
        changed_or_not_found(changed, "session", id)
    }

    /// The session opened last through a store of this author (in a team library each person
    /// gets their own back), to restore at start; `None` when they never opened one.
    pub async fn last_opened_session(&self) -> StoreResult<Option<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT id FROM sessions
             WHERE open_order IS NOT NULL AND opened_by IS NOT DISTINCT FROM $1
             ORDER BY open_order DESC LIMIT 1",
        )
        .bind(self.author.as_deref())
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Whether the articles are versions of one article: at least two, all in the library, all
    /// sharing one canonical URL (their URL when they have no canonical one), as
    /// [`Store::versions_of`] groups them.
    pub async fn are_versions(&self, article_ids: &[i64]) -> StoreResult<bool> {
        let mut conn = self.pool.acquire().await?;
        versions(&mut conn, article_ids).await
    }
}

/// The member rows (with title and deleted flag) matching `filter`, in session and pane order.
fn member_query(filter: &str) -> String {
    format!(
        "SELECT sa.session_id, sa.article_id, sa.position, a.title,
                CASE WHEN a.deleted_at IS NULL THEN 0 ELSE 1 END AS deleted
         FROM session_articles sa JOIN articles a ON a.id = sa.article_id
         WHERE {filter}
         ORDER BY sa.session_id, sa.position, sa.article_id"
    )
}

/// "1 report", "3 reports".
fn reports(count: usize) -> String {
    if count == 1 {
        "1 report".into()
    } else {
        format!("{count} reports")
    }
}

/// `Ok(())` for 2 to 6 distinct articles, all in the library; an error for a person otherwise.
async fn check_articles(conn: &mut AnyConnection, article_ids: &[i64]) -> StoreResult<()> {
    let count = article_ids.len();
    if count < MIN_SESSION_ARTICLES {
        return Err(StoreError::Invalid(format!(
            "a session compares {MIN_SESSION_ARTICLES} to {MAX_SESSION_ARTICLES} reports; \
             choose at least {MIN_SESSION_ARTICLES} ({} chosen)",
            if count == 0 {
                "none".into()
            } else {
                count.to_string()
            }
        )));
    }
    if count > MAX_SESSION_ARTICLES {
        return Err(StoreError::Invalid(format!(
            "a session shows at most {MAX_SESSION_ARTICLES} reports side by side; {count} were \
             chosen"
        )));
    }
    for (index, &id) in article_ids.iter().enumerate() {
        if article_ids[..index].contains(&id) {
            return Err(StoreError::Invalid(format!(
                "article #{id} was chosen twice; a session shows each report once"
            )));
        }
        require_row(conn, LIVE_ARTICLE, "article", id).await?;
    }
    Ok(())
}

async fn article_title(conn: &mut AnyConnection, id: i64) -> StoreResult<String> {
    sqlx::query_scalar("SELECT title FROM articles WHERE id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or(StoreError::NotFound {
            what: "article",
            id,
        })
}

/// Options as the `sessions.options` column keeps them (JSON).
pub(crate) fn stored_options(options: &SessionOptions) -> StoreResult<String> {
    serde_json::to_string(options)
        .map_err(|error| StoreError::Invalid(format!("options cannot be saved: {error}")))
}

/// The mode asked for, else versions when the articles are versions of one article.
async fn session_mode(
    conn: &mut AnyConnection,
    asked: Option<SessionMode>,
    article_ids: &[i64],
) -> StoreResult<SessionMode> {
    if let Some(mode) = asked {
        return Ok(mode);
    }
    Ok(if versions(conn, article_ids).await? {
        SessionMode::Versions
    } else {
        SessionMode::Compare
    })
}

async fn versions(conn: &mut AnyConnection, article_ids: &[i64]) -> StoreResult<bool> {
    if article_ids.len() < 2 {
        return Ok(false);
    }
    let mut keys = Vec::with_capacity(article_ids.len());
    for &id in article_ids {
        let key: Option<Option<String>> = sqlx::query_scalar(
            "SELECT coalesce(canonical_url, url) FROM articles WHERE id = $1 AND deleted_at IS NULL",
        )
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
        match key.flatten() {
            Some(key) => keys.push(key),
            None => return Ok(false),
        }
    }
    Ok(keys.iter().all(|key| *key == keys[0]))
}

async fn insert_session(
    conn: &mut AnyConnection,
    name: &str,
    event_id: Option<i64>,
    mode: Option<SessionMode>,
    article_ids: &[i64],
    author: Option<&str>,
) -> StoreResult<i64> {
    let mode = session_mode(conn, mode, article_ids).await?;
    let ordered;
    let article_ids = if mode == SessionMode::Versions {
        ordered = oldest_first(conn, article_ids).await?;
        ordered.as_slice()
    } else {
        article_ids
    };
    let now = now_utc();
    let options = stored_options(&SessionOptions::default())?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO sessions (name, event_id, mode, options, created_at, updated_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(name)
    .bind(event_id)
    .bind(mode.as_str())
    .bind(options)
    .bind(&now)
    .bind(&now)
    .bind(author)
    .fetch_one(&mut *conn)
    .await?;
    insert_members(conn, id, article_ids).await?;
    Ok(id)
}

/// Versions read oldest first: articles by publication (else import) instant, then id.
async fn oldest_first(conn: &mut AnyConnection, article_ids: &[i64]) -> StoreResult<Vec<i64>> {
    let mut dated = Vec::with_capacity(article_ids.len());
    for &id in article_ids {
        let instant: Option<f64> = sqlx::query_scalar(
            "SELECT julianday(COALESCE(published_at, imported_at)) FROM articles WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .flatten();
        dated.push((instant.unwrap_or(f64::MAX), id));
    }
    dated.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    Ok(dated.into_iter().map(|(_, id)| id).collect())
}

async fn insert_members(
    conn: &mut AnyConnection,
    session_id: i64,
    article_ids: &[i64],
) -> StoreResult<()> {
    for (position, &article_id) in (0_i64..).zip(article_ids) {
        sqlx::query(
            "INSERT INTO session_articles (session_id, article_id, position) VALUES ($1, $2, $3)",
        )
        .bind(session_id)
        .bind(article_id)
        .bind(position)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Marks a session changed now; [`StoreError::NotFound`] when it does not exist.
pub(crate) async fn touch_session(conn: &mut AnyConnection, id: i64) -> StoreResult<()> {
    let changed = sqlx::query("UPDATE sessions SET updated_at = $1 WHERE id = $2")
        .bind(now_utc())
        .bind(id)
        .execute(conn)
        .await?
        .rows_affected();
    changed_or_not_found(changed, "session", id)
}
