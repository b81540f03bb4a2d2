//! Articles: the library list, one article in full, metadata edits, delete with undo.

use crate::checks::{changed_or_not_found, require_row, LIVE_ARTICLE};
use crate::error::{StoreError, StoreResult};
use crate::model::{
    ArticleDetail, ArticleSummary, EventRef, ListQuery, MetadataUpdate, SortKey, SortOrder,
};
use crate::outlets::{required_name, upsert_outlet};
use crate::store::{Backend, Store};
use crate::time::now_utc;
use crate::versions::{advance_version, Versioned};

/// The columns of an [`ArticleSummary`], for `articles a LEFT JOIN outlets o`.
pub(crate) const SUMMARY_COLUMNS: &str =
    "a.id, a.title, o.name AS outlet, a.outlet_id, a.published_at, a.imported_at, a.word_count, a.lang";

#[derive(sqlx::FromRow)]
struct DetailRow {
    id: i64,
    title: String,
    byline: Option<String>,
    outlet: Option<String>,
    outlet_id: Option<i64>,
    outlet_domain: Option<String>,
    url: Option<String>,
    canonical_url: Option<String>,
    published_at: Option<String>,
    imported_at: String,
    lang: Option<String>,
    source_format: String,
    source_path: Option<String>,
    content_hash: String,
    word_count: i64,
    /// 1 when the original bytes are kept (an integer, as both databases give it).
    has_original: i64,
    imported_by: Option<String>,
    version: i64,
    body: String,
}

impl Store {
    /// The articles of the library (or of one event or outlet), sorted; deleted ones left out.
    ///
    /// The page's ids are picked first from the sort column's index alone (skipping `offset` rows
    /// there costs little), then only those rows are read in full.
    pub async fn list_articles(&self, query: &ListQuery) -> StoreResult<Vec<ArticleSummary>> {
        let mut sql = ListSql {
            text: format!(
                "SELECT {SUMMARY_COLUMNS} FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
                 WHERE a.id IN ("
            ),
            binds: Vec::new(),
            backend: self.backend,
        };
        sql.push_ids_query(query);
        sql.text.push_str(") ORDER BY ");
        sql.text.push_str(&order_by(query.sort, query.order));
        let mut rows = sqlx::query_as(&sql.text);
        for value in &sql.binds {
            rows = rows.bind(*value);
        }
        Ok(rows.fetch_all(&self.pool).await?)
    }

    /// The ids of the articles [`Store::list_articles`] would give, in its order (`limit` and
    /// `offset` apply too): enough for a range selection or a keyboard walk across pages without
    /// the rows themselves.
    pub async fn list_ids(&self, query: &ListQuery) -> StoreResult<Vec<i64>> {
        let mut sql = ListSql::new(self.backend);
        sql.push_ids_query(query);
        let mut ids = sqlx::query_scalar(&sql.text);
        for value in &sql.binds {
            ids = ids.bind(*value);
        }
        Ok(ids.fetch_all(&self.pool).await?)
    }

    /// Number of articles [`Store::list_articles`] would give without `limit` and `offset`.
    pub async fn count_listed(&self, query: &ListQuery) -> StoreResult<i64> {
        let mut sql = ListSql::new(self.backend);
        sql.text.push_str("SELECT count(*) FROM articles a");
        sql.push_filters(query);
        let mut count = sqlx::query_scalar(&sql.text);
        for value in &sql.binds {
            count = count.bind(*value);
        }
        Ok(count.fetch_one(&self.pool).await?)
    }

    /// Number of (not deleted) articles in the library.
    pub async fn count_articles(&self) -> StoreResult<i64> {
        Ok(
            sqlx::query_scalar("SELECT count(*) FROM articles WHERE deleted_at IS NULL")
                .fetch_one(&self.pool)
                .await?,
        )
    }

    /// One article in full; [`StoreError::NotFound`] when missing or deleted.
    pub async fn article(&self, id: i64) -> StoreResult<ArticleDetail> {
        let row: DetailRow = sqlx::query_as(
            "SELECT a.id, a.title, a.byline, o.name AS outlet, a.outlet_id, o.domain AS outlet_domain,
                    a.url, a.canonical_url, a.published_at, a.imported_at, a.lang, a.source_format,
                    a.source_path, a.content_hash, a.word_count, CASE WHEN a.original IS NULL THEN 0 ELSE 1 END AS has_original, a.body,
                    a.imported_by, a.version
             FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE a.id = $1 AND a.deleted_at IS NULL",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound { what: "article", id })?;
        let events: Vec<EventRef> = sqlx::query_as(
            "SELECT e.id, e.title FROM events e JOIN event_articles ea ON ea.event_id = e.id
             WHERE ea.article_id = $1 ORDER BY e.title COLLATE NOCASE, e.id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let paragraphs = row
            .body
            .split("\n\n")
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect();
        Ok(ArticleDetail {
            id: row.id,
            title: row.title,
            byline: row.byline,
            outlet: row.outlet,
            outlet_id: row.outlet_id,
            outlet_domain: row.outlet_domain,
            url: row.url,
            canonical_url: row.canonical_url,
            published_at: row.published_at,
            imported_at: row.imported_at,
            lang: row.lang,
            source_format: row.source_format,
            source_path: row.source_path,
            content_hash: row.content_hash,
            word_count: row.word_count,
            has_original: row.has_original != 0,
            imported_by: row.imported_by,
            version: row.version,
            body: row.body,
            paragraphs,
            events,
        })
    }

    /// The versions of one article: every (not deleted) article sharing its canonical URL (its
    /// URL when it has no canonical one), oldest first by publication then import time; the
    /// article alone when it has neither URL.
    pub async fn versions_of(&self, id: i64) -> StoreResult<Vec<ArticleSummary>> {
        let versions: Vec<ArticleSummary> = sqlx::query_as(&format!(
            "SELECT {SUMMARY_COLUMNS}
             FROM articles me
             JOIN articles a ON a.id = me.id
                 OR coalesce(a.canonical_url, a.url) = coalesce(me.canonical_url, me.url)
             LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE me.id = $1 AND me.deleted_at IS NULL AND a.deleted_at IS NULL
             ORDER BY a.published_at IS NULL, julianday(a.published_at), a.imported_at, a.id"
        ))
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        if versions.is_empty() {
            return Err(StoreError::NotFound {
                what: "article",
                id,
            });
        }
        Ok(versions)
    }

    /// The original file bytes of an article, when they were kept.
    pub async fn original_bytes(&self, id: i64) -> StoreResult<Option<Vec<u8>>> {
        let row: Option<(Option<Vec<u8>>,)> =
            sqlx::query_as("SELECT original FROM articles WHERE id = $1 AND deleted_at IS NULL")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        row.map(|(original,)| original).ok_or(StoreError::NotFound {
            what: "article",
            id,
        })
    }

    /// Corrects an article's metadata in one transaction (the search index follows the title).
    pub async fn update_metadata(
        &self,
        id: i64,
        update: &MetadataUpdate,
    ) -> StoreResult<ArticleDetail> {
        let mut tx = self.begin_write().await?;
        require_row(&mut tx, LIVE_ARTICLE, "article", id).await?;
        advance_version(
            &mut tx,
            Versioned::Article,
            id,
            update.version,
            self.author.as_deref(),
        )
        .await?;
        if let Some(title) = &update.title {
            let title = required_name(title, "an article").map_err(|_| {
                StoreError::Invalid("an article needs a title; it cannot be left empty".into())
            })?;
            sqlx::query("UPDATE articles SET title = $1 WHERE id = $2")
                .bind(title)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        if let Some(published_at) = &update.published_at {
            let published_at = clearable(published_at);
            if let Some(date) = published_at {
                check_date(date)?;
            }
            sqlx::query("UPDATE articles SET published_at = $1 WHERE id = $2")
                .bind(published_at)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        if let Some(url) = &update.url {
            sqlx::query("UPDATE articles SET url = $1 WHERE id = $2")
                .bind(clearable(url))
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        if let Some(outlet) = &update.outlet {
            let outlet_id = match clearable(outlet) {
                Some(name) => upsert_outlet(&mut tx, Some(name), None)
                    .await?
                    .map(|(id, _)| id),
                None => None,
            };
            sqlx::query("UPDATE articles SET outlet_id = $1 WHERE id = $2")
                .bind(outlet_id)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        self.article(id).await
    }

    /// Deletes an article so it can still be brought back with [`Store::restore_article`]: it
    /// disappears from every list, search and event until restored or purged.
    pub async fn delete_article(&self, id: i64) -> StoreResult<()> {
        let changed =
            sqlx::query("UPDATE articles SET deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL")
                .bind(now_utc())
                .bind(id)
                .execute(&self.pool)
                .await?
                .rows_affected();
        changed_or_not_found(changed, "article", id)
    }

    /// Undoes [`Store::delete_article`].
    pub async fn restore_article(&self, id: i64) -> StoreResult<()> {
        let changed = sqlx::query(
            "UPDATE articles SET deleted_at = NULL WHERE id = $1 AND deleted_at IS NOT NULL",
        )
        .bind(id)
        .execute(&self.pool)
        .await?
        .rows_affected();
        changed_or_not_found(changed, "deleted article", id)
    }

    /// Removes deleted articles for good (and outlets left without articles); returns how many
    /// articles went.
    pub async fn purge_deleted(&self) -> StoreResult<u64> {
        let mut tx = self.begin_write().await?;
        let purged = sqlx::query("DELETE FROM articles WHERE deleted_at IS NOT NULL")
            .execute(&mut *tx)
            .await?
            .rows_affected();
        sqlx::query(
            "DELETE FROM outlets WHERE notes IS NULL
               AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.outlet_id = outlets.id)",
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(purged)
    }
}

/// The deepest page (offset plus rows) a list sorted by outlet finds by reading that many rows of
/// each outlet at most, on PostgreSQL (see [`ListSql::push_ids_by_outlet`]); a deeper one sorts
/// every row.
const OUTLET_REACH: u32 = 10_000;

/// A list query's SQL as it is written, with its numbered parameters (all integers).
struct ListSql {
    text: String,
    binds: Vec<i64>,
    backend: Backend,
}

impl ListSql {
    fn new(backend: Backend) -> Self {
        Self {
            text: String::new(),
            binds: Vec::new(),
            backend,
        }
    }

    /// Appends a parameter's placeholder (`$1`, `$2`, …) and keeps its value.
    fn push_bind(&mut self, value: i64) {
        self.binds.push(value);
        self.text.push_str(&format!("${}", self.binds.len()));
    }

    /// `SELECT a.id … ORDER BY … LIMIT … OFFSET …` for a list query: the ids of one page, in order.
    fn push_ids_query(&mut self, query: &ListQuery) {
        let reach = query
            .limit
            .and_then(|limit| limit.checked_add(query.offset))
            .filter(|&reach| reach <= OUTLET_REACH);
        if let Some(reach) = reach.filter(|_| {
            // (An event's articles are few: the plain sort reads them from the event.)
            query.sort == SortKey::Outlet
                && query.outlet_id.is_none()
                && query.event_id.is_none()
                && self.backend == Backend::Postgres
        }) {
            return self.push_ids_by_outlet(query, reach);
        }
        self.text.push_str("SELECT a.id FROM articles a");
        if query.sort == SortKey::Outlet {
            self.text
                .push_str(" LEFT JOIN outlets o ON o.id = a.outlet_id");
        }
        self.push_filters(query);
        self.text.push_str(" ORDER BY ");
        self.text.push_str(&order_by(query.sort, query.order));
        self.text.push_str(" LIMIT ");
        self.push_bind(query.limit.map_or(i64::MAX, i64::from));
        self.text.push_str(" OFFSET ");
        self.push_bind(i64::from(query.offset));
    }

    /// The ids of a page sorted by outlet that ends within `reach` rows of the top, read as the
    /// first `reach` of each outlet (from its index of live articles by outlet and id) and of the
    /// articles with none, then sorted: a few thousand rows, where a plain `ORDER BY` over the
    /// join sorted the whole library (a million articles: 105 → 5 ms).
    fn push_ids_by_outlet(&mut self, query: &ListQuery, reach: u32) {
        let direction = match query.order {
            SortOrder::Asc => "ASC",
            SortOrder::Desc => "DESC",
        };
        self.text.push_str(
            "SELECT id FROM (SELECT o.name AS outlet, a.id FROM outlets o CROSS JOIN LATERAL \
             (SELECT a.id FROM articles a",
        );
        self.push_filters(query);
        self.text.push_str(&format!(
            " AND a.outlet_id = o.id ORDER BY a.id {direction} LIMIT "
        ));
        self.push_bind(i64::from(reach));
        self.text
            .push_str(") a UNION ALL SELECT NULL, a.id FROM (SELECT a.id FROM articles a");
        self.push_filters(query);
        self.text.push_str(&format!(
            " AND a.outlet_id IS NULL ORDER BY a.id {direction} LIMIT "
        ));
        self.push_bind(i64::from(reach));
        // The order of `order_by(SortKey::Outlet, …)`, on the page's columns.
        self.text.push_str(&format!(
            ") a) page ORDER BY outlet IS NULL, outlet COLLATE NOCASE {direction}, id {direction} \
             LIMIT "
        ));
        self.push_bind(query.limit.map_or(i64::MAX, i64::from));
        self.text.push_str(" OFFSET ");
        self.push_bind(i64::from(query.offset));
    }

    /// The event join and `WHERE` of a list (deleted articles always left out).
    fn push_filters(&mut self, query: &ListQuery) {
        if let Some(event_id) = query.event_id {
            self.text
                .push_str(" JOIN event_articles ea ON ea.article_id = a.id AND ea.event_id = ");
            self.push_bind(event_id);
        }
        self.text.push_str(" WHERE a.deleted_at IS NULL");
        if let Some(outlet_id) = query.outlet_id {
            self.text.push_str(" AND a.outlet_id = ");
            self.push_bind(outlet_id);
        }
    }
}

/// `ORDER BY` for a sort key (never user text); ties broken by id so pages are stable.
fn order_by(key: SortKey, order: SortOrder) -> String {
    let direction = match order {
        SortOrder::Asc => "ASC",
        SortOrder::Desc => "DESC",
    };
    let column = match key {
        SortKey::Title => "a.title COLLATE NOCASE",
        SortKey::Outlet => "o.name IS NULL, o.name COLLATE NOCASE",
        // julianday() reads the offset of an RFC 3339 time, so 20:30+02:00 sorts before 19:10Z.
        SortKey::Published => "a.published_at IS NULL, julianday(a.published_at)",
        SortKey::Words => "a.word_count",
        SortKey::Imported => "a.imported_at",
    };
    // The direction applies to the last term; the `IS NULL` terms keep unknown values last.
    format!("{column} {direction}, a.id {direction}")
}

fn clearable(value: &str) -> Option<&str> {
    Some(value.trim()).filter(|value| !value.is_empty())
}

/// Accepts `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS` and RFC 3339 date-times.
fn check_date(value: &str) -> StoreResult<()> {
    let valid = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok()
        || chrono::NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S").is_ok()
        || chrono::DateTime::parse_from_rfc3339(value).is_ok();
    if valid {
        Ok(())
    } else {
        Err(StoreError::Invalid(format!(
            "“{value}” is not a date; write it as 2024-03-18 or 2024-03-18T14:30:00Z"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_iso_forms_are_accepted() {
        assert!(check_date("2024-03-18").is_ok());
        assert!(check_date("2024-03-18T14:30:00").is_ok());
        assert!(check_date("2024-03-18T14:30:00+02:00").is_ok());
        assert!(check_date("18/03/2024").is_err());
        assert!(check_date("2024-13-01").is_err());
    }

    #[test]
    fn unknown_values_sort_last_in_both_directions() {
        assert_eq!(
            order_by(SortKey::Published, SortOrder::Desc),
            "a.published_at IS NULL, julianday(a.published_at) DESC, a.id DESC"
        );
        assert!(order_by(SortKey::Outlet, SortOrder::Asc).starts_with("o.name IS NULL"));
    }
}
