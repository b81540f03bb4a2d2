//! Copying one library into another — a personal library into a team one, say — with progress,
//! and idempotently: what the target already holds (an article by its text, an event or a
//! session by its name and creation time, a note by its span and text) is matched, not doubled,
//! so an interrupted copy is simply run again. Each article goes in its own transaction, and
//! what it was fetched from (its fetch record) and its outlet's notes come along.

use std::collections::HashMap;

use serde::Serialize;
use sqlx::AnyConnection;

use crate::error::StoreResult;
use crate::outlets::upsert_outlet;
use crate::session_model::SessionOptions;
use crate::sessions::stored_options;
use crate::store::Store;

/// How far a copy is: `done` of `total` in its current stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CopyProgress {
    /// `articles`, `fetches`, `events`, `sessions` or `notes`.
    pub stage: &'static str,
    pub done: u64,
    pub total: u64,
}

/// What a copy did: for each kind, how many were copied and how many the target held already.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CopyReport {
    pub articles_copied: u64,
    pub articles_present: u64,
    pub events_copied: u64,
    pub events_present: u64,
    pub sessions_copied: u64,
    pub sessions_present: u64,
    pub notes_copied: u64,
    pub notes_present: u64,
    /// Fetch records (where and when an article imported from a web address was fetched).
    pub fetches_copied: u64,
    /// Outlets given the notes they have in the source (a target outlet's own notes are kept).
    pub outlet_notes_copied: u64,
    /// Sessions left behind because one of their articles is deleted (or did not come along).
    pub sessions_skipped: u64,
    /// Articles the target refused, each said as `#id: why` (the copy went on without them; run
    /// it again once the cause is fixed).
    pub articles_failed: Vec<String>,
}

/// Consecutive refused articles after which a copy stops (the target is gone, not one article).
const FAILURES_IN_A_ROW: usize = 20;
/// Rows read at a time where a copy reads a table page by page.
const COPY_PAGE: i64 = 1000;

#[derive(sqlx::FromRow)]
struct ArticleRow {
    id: i64,
    outlet: Option<String>,
    outlet_domain: Option<String>,
    title: String,
    byline: Option<String>,
    url: Option<String>,
    canonical_url: Option<String>,
    published_at: Option<String>,
    imported_at: String,
    lang: Option<String>,
    body: String,
    content_hash: String,
    source_format: String,
    source_path: Option<String>,
    original: Option<Vec<u8>>,
    word_count: i64,
    imported_by: Option<String>,
}

#[derive(sqlx::FromRow)]
struct VectorsRow {
    body_hash: String,
    segmenter: i64,
    model: String,
    dim: i64,
    sentences: i64,
    vectors: Vec<u8>,
    created_at: String,
}

#[derive(sqlx::FromRow)]
struct FetchRow {
    article_id: i64,
    requested_url: String,
    final_url: String,
    redirects: String,
    status: i64,
    headers: String,
    fetched_at: String,
    previous_id: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct EventRow {
    id: i64,
    title: String,
    notes: Option<String>,
    created_at: String,
    created_by: Option<String>,
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: i64,
    name: String,
    event_id: Option<i64>,
    mode: String,
    options: String,
    created_at: String,
    updated_at: String,
    created_by: Option<String>,
}

#[derive(sqlx::FromRow)]
struct NoteRow {
    session_id: i64,
    article_id: i64,
    start: i64,
    end: i64,
    note: String,
    created_at: String,
    created_by: Option<String>,
}

impl Store {
    /// Copies this library's live articles (with their original bytes and outlets), events,
    /// sessions and notes into `target`, calling `progress` as it goes. Deleted articles stay
    /// behind; a session whose articles did not all come along is left out.
    pub async fn copy_into(
        &self,
        target: &Store,
        mut progress: impl FnMut(CopyProgress),
    ) -> StoreResult<CopyReport> {
        let mut report = CopyReport::default();
        // One copy into a team library at a time: two at once would each find an event or a
        // session missing and both add it.
        let mut lock = None;
        if target.backend == crate::store::Backend::Postgres {
            let mut conn = target.pool.acquire().await?;
            sqlx::query("SELECT pg_advisory_lock(hashtext('parallax library copy'))")
                .execute(&mut *conn)
                .await?;
            lock = Some(conn);
        }
        let copied = self.copy_all(target, &mut report, &mut progress).await;
        if let Some(mut conn) = lock {
            sqlx::query("SELECT pg_advisory_unlock(hashtext('parallax library copy'))")
                .execute(&mut *conn)
                .await?;
        }
        copied.map(|()| report)
    }

    async fn copy_all(
        &self,
        target: &Store,
        report: &mut CopyReport,
        progress: &mut impl FnMut(CopyProgress),
    ) -> StoreResult<()> {
        let articles = self.copy_articles(target, report, progress).await?;
        self.copy_fetches(target, &articles, report, progress)
            .await?;
        self.copy_outlet_notes(target, report).await?;
        let events = self
            .copy_events(target, &articles, report, progress)
            .await?;
        let sessions = self
            .copy_sessions(target, &articles, &events, report, progress)
            .await?;
        self.copy_notes(target, &articles, &sessions, report, progress)
            .await
    }

    /// The articles; returns source id → target id.
    async fn copy_articles(
        &self,
        target: &Store,
        report: &mut CopyReport,
        progress: &mut impl FnMut(CopyProgress),
    ) -> StoreResult<HashMap<i64, i64>> {
        let ids: Vec<i64> =
            sqlx::query_scalar("SELECT id FROM articles WHERE deleted_at IS NULL ORDER BY id")
                .fetch_all(&self.pool)
                .await?;
        let total = ids.len() as u64;
        let mut mapped = HashMap::with_capacity(ids.len());
        let mut failed_in_a_row = 0;
        for (done, id) in ids.into_iter().enumerate() {
            progress(CopyProgress {
                stage: "articles",
                done: done as u64 + 1,
                total,
            });
            match self.copy_article(target, id, report).await {
                Ok(copied) => {
                    failed_in_a_row = 0;
                    mapped.insert(id, copied);
                }
                Err(error) => {
                    failed_in_a_row += 1;
                    if failed_in_a_row >= FAILURES_IN_A_ROW {
                        return Err(error);
                    }
                    report.articles_failed.push(format!("#{id}: {error}"));
                }
            }
        }
        Ok(mapped)
    }

    /// One article into the target (or found there by its text); returns its id there.
    async fn copy_article(
        &self,
        target: &Store,
        id: i64,
        report: &mut CopyReport,
    ) -> StoreResult<i64> {
        {
            let row: ArticleRow = sqlx::query_as(
                "SELECT a.id, o.name AS outlet, o.domain AS outlet_domain, a.title, a.byline, a.url,
                        a.canonical_url, a.published_at, a.imported_at, a.lang, a.body,
                        a.content_hash, a.source_format, a.source_path, a.original, a.word_count,
                        a.imported_by
                 FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = $1",
            )
            .bind(id)
            .fetch_one(&self.pool)
            .await?;
            let mut tx = target.begin_write().await?;
            let existing: Option<i64> =
                sqlx::query_scalar("SELECT id FROM articles WHERE content_hash = $1")
                    .bind(&row.content_hash)
                    .fetch_optional(&mut *tx)
                    .await?;
            let copied = match existing {
                Some(existing) => {
                    report.articles_present += 1;
                    existing
                }
                None => {
                    report.articles_copied += 1;
                    let copied = insert_article(&mut tx, &row, target.author.as_deref()).await?;
                    copy_vectors(&self.pool, &mut tx, row.id, copied).await?;
                    copied
                }
            };
            tx.commit().await?;
            Ok(copied)
        }
    }

    /// The copied articles' fetch records, the version each was fetched as a newer one of named by
    /// its id in the target (none when that one did not come along). A record the target holds
    /// for the article already is kept.
    async fn copy_fetches(
        &self,
        target: &Store,
        articles: &HashMap<i64, i64>,
        report: &mut CopyReport,
        progress: &mut impl FnMut(CopyProgress),
    ) -> StoreResult<()> {
        const LIVE: &str = "FROM fetches f JOIN articles a ON a.id = f.article_id
                            WHERE a.deleted_at IS NULL";
        let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) {LIVE}"))
            .fetch_one(&self.pool)
            .await?;
        // A page at a time, by article id: a large library's records never all sit in memory.
        let (mut after, mut done) = (i64::MIN, 0u64);
        loop {
            let rows: Vec<FetchRow> = sqlx::query_as(&format!(
                "SELECT f.article_id, f.requested_url, f.final_url, f.redirects, f.status,
                        f.headers, f.fetched_at, f.previous_id
                 {LIVE} AND f.article_id > $1 ORDER BY f.article_id LIMIT $2"
            ))
            .bind(after)
            .bind(COPY_PAGE)
            .fetch_all(&self.pool)
            .await?;
            let Some(last) = rows.last() else {
                return Ok(());
            };
            after = last.article_id;
            for row in rows {
                done += 1;
                progress(CopyProgress {
                    stage: "fetches",
                    done,
                    total: total as u64,
                });
                let Some(&copied) = articles.get(&row.article_id) else {
                    continue;
                };
                let inserted = sqlx::query(
                    "INSERT INTO fetches (article_id, requested_url, final_url, redirects, status,
                         headers, fetched_at, previous_id)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (article_id) DO NOTHING",
                )
                .bind(copied)
                .bind(row.requested_url)
                .bind(row.final_url)
                .bind(row.redirects)
                .bind(row.status)
                .bind(row.headers)
                .bind(row.fetched_at)
                .bind(row.previous_id.and_then(|id| articles.get(&id).copied()))
                .execute(&target.pool)
                .await?
                .rows_affected();
                report.fetches_copied += inserted;
            }
        }
    }

    /// The notes kept on the outlets of live articles (found in the target as the articles' copy
    /// found or made them: by domain, else by name), where the target has none of its own.
    async fn copy_outlet_notes(&self, target: &Store, report: &mut CopyReport) -> StoreResult<()> {
        let outlets: Vec<(String, Option<String>, String)> = sqlx::query_as(
            "SELECT o.name, o.domain, o.notes FROM outlets o
             WHERE o.notes IS NOT NULL AND o.notes <> ''
               AND EXISTS (SELECT 1 FROM articles a WHERE a.outlet_id = o.id AND a.deleted_at IS NULL)
             ORDER BY o.id",
        )
        .fetch_all(&self.pool)
        .await?;
        for (name, domain, notes) in outlets {
            let mut tx = target.begin_write().await?;
            if let Some((id, _)) = upsert_outlet(&mut tx, Some(&name), domain.as_deref()).await? {
                report.outlet_notes_copied += sqlx::query(
                    "UPDATE outlets SET notes = $1 WHERE id = $2 AND (notes IS NULL OR notes = '')",
                )
                .bind(&notes)
                .bind(id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            }
            tx.commit().await?;
        }
        Ok(())
    }

    /// The events and which articles they hold; returns source id → target id.
    async fn copy_events(
        &self,
        target: &Store,
        articles: &HashMap<i64, i64>,
        report: &mut CopyReport,
        progress: &mut impl FnMut(CopyProgress),
    ) -> StoreResult<HashMap<i64, i64>> {
        let events: Vec<EventRow> = sqlx::query_as(
            "SELECT id, title, notes, created_at, created_by FROM events ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        let total = events.len() as u64;
        let mut mapped = HashMap::with_capacity(events.len());
        for (done, event) in events.into_iter().enumerate() {
            let mut tx = target.begin_write().await?;
            let existing: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM events WHERE title = $1 AND created_at = $2 ORDER BY id LIMIT 1",
            )
            .bind(&event.title)
            .bind(&event.created_at)
            .fetch_optional(&mut *tx)
            .await?;
            let copied = match existing {
                Some(existing) => {
                    report.events_present += 1;
                    existing
                }
                None => {
                    report.events_copied += 1;
                    sqlx::query_scalar(
                        "INSERT INTO events (title, notes, created_at, created_by)
                         VALUES ($1, $2, $3, $4) RETURNING id",
                    )
                    .bind(&event.title)
                    .bind(&event.notes)
                    .bind(&event.created_at)
                    .bind(event.created_by.as_deref().or(target.author.as_deref()))
                    .fetch_one(&mut *tx)
                    .await?
                }
            };
            let members: Vec<i64> =
                sqlx::query_scalar("SELECT article_id FROM event_articles WHERE event_id = $1")
                    .bind(event.id)
                    .fetch_all(&self.pool)
                    .await?;
            for article in members.iter().filter_map(|id| articles.get(id)) {
                sqlx::query(
                    "INSERT INTO event_articles (event_id, article_id) VALUES ($1, $2)
                     ON CONFLICT DO NOTHING",
                )
                .bind(copied)
                .bind(*article)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            mapped.insert(event.id, copied);
            progress(CopyProgress {
                stage: "events",
                done: done as u64 + 1,
                total,
            });
        }
        Ok(mapped)
    }

    /// The sessions whose articles all came along (manual links renamed to the new ids);
    /// returns source id → target id.
    async fn copy_sessions(
        &self,
        target: &Store,
        articles: &HashMap<i64, i64>,
        events: &HashMap<i64, i64>,
        report: &mut CopyReport,
        progress: &mut impl FnMut(CopyProgress),
    ) -> StoreResult<HashMap<i64, i64>> {
        let sessions: Vec<SessionRow> = sqlx::query_as(
            "SELECT id, name, event_id, mode, options, created_at, updated_at, created_by
             FROM sessions ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        let total = sessions.len() as u64;
        let mut mapped = HashMap::with_capacity(sessions.len());
        for (done, session) in sessions.into_iter().enumerate() {
            progress(CopyProgress {
                stage: "sessions",
                done: done as u64 + 1,
                total,
            });
            let members: Vec<(i64, i64)> = sqlx::query_as(
                "SELECT article_id, position FROM session_articles WHERE session_id = $1
                 ORDER BY position",
            )
            .bind(session.id)
            .fetch_all(&self.pool)
            .await?;
            let Some(members) = members
                .iter()
                .map(|(article, position)| Some((*articles.get(article)?, *position)))
                .collect::<Option<Vec<_>>>()
            else {
                report.sessions_skipped += 1;
                continue;
            };
            let mut tx = target.begin_write().await?;
            let existing: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM sessions WHERE name = $1 AND created_at = $2 ORDER BY id LIMIT 1",
            )
            .bind(&session.name)
            .bind(&session.created_at)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(existing) = existing {
                report.sessions_present += 1;
                mapped.insert(session.id, existing);
                continue;
            }
            report.sessions_copied += 1;
            let copied: i64 = sqlx::query_scalar(
                "INSERT INTO sessions (name, event_id, mode, options, created_at, updated_at,
                                       created_by)
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(&session.name)
            .bind(session.event_id.and_then(|id| events.get(&id).copied()))
            .bind(&session.mode)
            .bind(renamed_links(&session.options, articles)?)
            .bind(&session.created_at)
            .bind(&session.updated_at)
            .bind(session.created_by.as_deref().or(target.author.as_deref()))
            .fetch_one(&mut *tx)
            .await?;
            for (article, position) in members {
                sqlx::query(
                    "INSERT INTO session_articles (session_id, article_id, position)
                     VALUES ($1, $2, $3)",
                )
                .bind(copied)
                .bind(article)
                .bind(position)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            mapped.insert(session.id, copied);
        }
        Ok(mapped)
    }

    /// The notes of the sessions that came along.
    async fn copy_notes(
        &self,
        target: &Store,
        articles: &HashMap<i64, i64>,
        sessions: &HashMap<i64, i64>,
        report: &mut CopyReport,
        progress: &mut impl FnMut(CopyProgress),
    ) -> StoreResult<()> {
        let notes: Vec<NoteRow> = sqlx::query_as(
            r#"SELECT session_id, article_id, "start", "end", note, created_at, created_by
               FROM annotations ORDER BY id"#,
        )
        .fetch_all(&self.pool)
        .await?;
        let total = notes.len() as u64;
        let mut conn = target.pool.acquire().await?;
        for (done, note) in notes.into_iter().enumerate() {
            progress(CopyProgress {
                stage: "notes",
                done: done as u64 + 1,
                total,
            });
            let (Some(session), Some(article)) = (
                sessions.get(&note.session_id),
                articles.get(&note.article_id),
            ) else {
                continue;
            };
            let existing: Option<i64> = sqlx::query_scalar(
                r#"SELECT id FROM annotations WHERE session_id = $1 AND article_id = $2
                   AND "start" = $3 AND "end" = $4 AND note = $5 LIMIT 1"#,
            )
            .bind(session)
            .bind(article)
            .bind(note.start)
            .bind(note.end)
            .bind(&note.note)
            .fetch_optional(&mut *conn)
            .await?;
            if existing.is_some() {
                report.notes_present += 1;
                continue;
            }
            report.notes_copied += 1;
            sqlx::query(
                r#"INSERT INTO annotations (session_id, article_id, "start", "end", note,
                                           created_at, created_by)
                   VALUES ($1, $2, $3, $4, $5, $6, $7)"#,
            )
            .bind(session)
            .bind(article)
            .bind(note.start)
            .bind(note.end)
            .bind(&note.note)
            .bind(&note.created_at)
            .bind(note.created_by.as_deref().or(target.author.as_deref()))
            .execute(&mut *conn)
            .await?;
        }
        Ok(())
    }
}

/// Writes one article (and its outlet, found or made) into the target; returns its new id.
async fn insert_article(
    conn: &mut AnyConnection,
    row: &ArticleRow,
    author: Option<&str>,
) -> StoreResult<i64> {
    let outlet = upsert_outlet(conn, row.outlet.as_deref(), row.outlet_domain.as_deref()).await?;
    Ok(sqlx::query_scalar(
        "INSERT INTO articles (outlet_id, title, byline, url, canonical_url, published_at,
             imported_at, lang, body, content_hash, source_format, source_path, original,
             word_count, imported_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
         RETURNING id",
    )
    .bind(outlet.map(|(id, _)| id))
    .bind(&row.title)
    .bind(&row.byline)
    .bind(&row.url)
    .bind(&row.canonical_url)
    .bind(&row.published_at)
    .bind(&row.imported_at)
    .bind(&row.lang)
    .bind(&row.body)
    .bind(&row.content_hash)
    .bind(&row.source_format)
    .bind(&row.source_path)
    .bind(&row.original)
    .bind(row.word_count)
    .bind(row.imported_by.as_deref().or(author))
    .fetch_one(&mut *conn)
    .await?)
}

/// Brings an article's stored sentence vectors along (they stay valid: same body, same model).
async fn copy_vectors(
    source: &sqlx::AnyPool,
    target: &mut AnyConnection,
    from: i64,
    to: i64,
) -> StoreResult<()> {
    let row: Option<VectorsRow> = sqlx::query_as(
        "SELECT body_hash, segmenter, model, dim, sentences, vectors, created_at
         FROM sentence_vectors WHERE article_id = $1",
    )
    .bind(from)
    .fetch_optional(source)
    .await?;
    let Some(VectorsRow {
        body_hash,
        segmenter,
        model,
        dim,
        sentences,
        vectors,
        created_at,
    }) = row
    else {
        return Ok(());
    };
    sqlx::query(
        "INSERT INTO sentence_vectors
             (article_id, body_hash, segmenter, model, dim, sentences, vectors, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING",
    )
    .bind(to)
    .bind(body_hash)
    .bind(segmenter)
    .bind(model)
    .bind(dim)
    .bind(sentences)
    .bind(vectors)
    .bind(created_at)
    .execute(target)
    .await?;
    Ok(())
}

/// A session's stored options with its manual links naming the copied articles.
fn renamed_links(stored: &str, articles: &HashMap<i64, i64>) -> StoreResult<String> {
    let mut options = SessionOptions::from_stored(stored);
    options.analysis.links.retain_mut(|link| {
        match (articles.get(&link.article_a), articles.get(&link.article_b)) {
            (Some(a), Some(b)) => {
                link.article_a = *a;
                link.article_b = *b;
                true
            }
            _ => false,
        }
    });
    options.analysis.base_article = options
        .analysis
        .base_article
        .and_then(|id| articles.get(&id).copied());
    stored_options(&options)
}
