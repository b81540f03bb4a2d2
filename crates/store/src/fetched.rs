//! Articles fetched by address: importing one (walls refused, provenance kept in the same
//! transaction), "already in the library" by address, and checking for a newer version.

use std::sync::Arc;

use parallax_core::extract::{self, Article};
use parallax_fetch::{canonical_address, parse_address, Fetched, Fetcher};
use serde::{Deserialize, Serialize};
use sqlx::{Any, Transaction};

use crate::error::{StoreError, StoreResult};
use crate::model::{ImportOutcome, ImportSummary};
use crate::store::Store;

/// Where a fetched article came from, written with it (see `migrations/0005_fetches.sql`).
pub(crate) struct Provenance<'a> {
    fetched: &'a Fetched,
    previous_id: Option<i64>,
}

impl Provenance<'_> {
    pub(crate) async fn insert(
        &self,
        tx: &mut Transaction<'_, Any>,
        article_id: i64,
    ) -> StoreResult<()> {
        let fetched = self.fetched;
        let requested = parse_address(&fetched.requested)
            .map(|url| canonical_address(&url))
            .unwrap_or_else(|_| fetched.requested.clone());
        let redirects = serde_json::to_string(&fetched.redirects)
            .map_err(|error| StoreError::Invalid(error.to_string()))?;
        let headers = serde_json::to_string(&fetched.headers)
            .map_err(|error| StoreError::Invalid(error.to_string()))?;
        sqlx::query(
            "INSERT INTO fetches (article_id, requested_url, final_url, redirects, status, headers,
                 fetched_at, previous_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(article_id)
        .bind(requested)
        .bind(&fetched.final_url)
        .bind(redirects)
        .bind(i64::from(fetched.status))
        .bind(headers)
        .bind(&fetched.fetched_at)
        .bind(self.previous_id)
        .execute(&mut **tx)
        .await?;
        if let Some(previous) = self.previous_id {
            // A newer version covers what the older one covers: it joins the same events.
            sqlx::query(
                "INSERT INTO event_articles (event_id, article_id)
                 SELECT event_id, $1 FROM event_articles WHERE article_id = $2
                 ON CONFLICT DO NOTHING",
            )
            .bind(article_id)
            .bind(previous)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }
}

/// How importing one address ended, with the redirects that led to the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressImport {
    pub address: String,
    pub outcome: ImportOutcome,
    /// The addresses that redirected, in order, when the page was fetched through redirects.
    pub redirects: Vec<String>,
    /// The address that answered, when a page was fetched.
    pub final_url: Option<String>,
}

/// How checking an article's address for a newer version ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum RefreshOutcome {
    /// The page's text is the same as article `id` (or an earlier version of it).
    Unchanged { id: i64, same_as: i64 },
    /// The text changed: article `id` is the new version, linked to `previous_id`.
    NewVersion {
        previous_id: i64,
        id: i64,
        title: String,
    },
    /// The page could not be fetched or read; `message` says why.
    Failed { id: i64, message: String },
}

/// Where a fetched article came from, as the reader shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct FetchRecord {
    pub requested_url: String,
    pub final_url: String,
    pub status: i64,
    pub fetched_at: String,
    pub previous_id: Option<i64>,
}

impl Store {
    /// The newest live article at `address` (compared in canonical form with the articles'
    /// addresses and the addresses they were fetched from), with its title.
    pub async fn article_at_address(&self, address: &str) -> StoreResult<Option<(i64, String)>> {
        let Ok(url) = parse_address(address) else {
            return Ok(None);
        };
        let canonical = canonical_address(&url);
        let raw = url.to_string();
        Ok(sqlx::query_as(
            "SELECT a.id, a.title FROM articles a
             LEFT JOIN fetches f ON f.article_id = a.id
             WHERE a.deleted_at IS NULL
               AND (a.url IN ($1, $2) OR a.canonical_url IN ($1, $2)
                    OR f.requested_url IN ($1, $2) OR f.final_url IN ($1, $2))
             ORDER BY a.imported_at DESC, a.id DESC
             LIMIT 1",
        )
        .bind(&canonical)
        .bind(&raw)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Imports the page at `address`: "already in the library" ([`ImportOutcome::Duplicate`])
    /// when an article has that address, else fetched and imported. Never fails as a whole: a
    /// fetch, extraction or wall problem is [`ImportOutcome::Failed`] with a message.
    pub async fn import_address(&self, address: &str, fetcher: &Fetcher) -> AddressImport {
        let address = address.trim().to_owned();
        let mut result = AddressImport {
            address: address.clone(),
            outcome: ImportOutcome::Failed {
                path: address.clone(),
                message: String::new(),
            },
            redirects: Vec::new(),
            final_url: None,
        };
        result.outcome = match self.article_at_address(&address).await {
            Ok(Some((existing_id, title))) => ImportOutcome::Duplicate { existing_id, title },
            Ok(None) => match fetcher.fetch(&address).await {
                Ok(fetched) => {
                    result.redirects = fetched.redirects.clone();
                    result.final_url = Some(fetched.final_url.clone());
                    self.import_fetched(&fetched, None)
                        .await
                        .unwrap_or_else(|error| failed(&address, error.to_string()))
                }
                Err(error) => failed(&address, error.to_string()),
            },
            Err(error) => failed(&address, error.to_string()),
        };
        result
    }

    /// Imports several addresses, fetched a few at a time (within the fetcher's per-host and
    /// overall limits), calling `on_progress(done, total, result)` once per address in the
    /// order given. One address's failure never stops the others.
    pub async fn import_addresses(
        &self,
        addresses: &[String],
        fetcher: Arc<Fetcher>,
        mut on_progress: impl FnMut(usize, usize, &AddressImport),
    ) -> ImportSummary {
        let handles: Vec<_> = addresses
            .iter()
            .map(|address| {
                let (store, fetcher, address) =
                    (self.clone(), Arc::clone(&fetcher), address.clone());
                tokio::spawn(async move { store.import_address(&address, &fetcher).await })
            })
            .collect();
        let mut summary = ImportSummary::default();
        let total = addresses.len();
        for (done, (handle, address)) in handles.into_iter().zip(addresses).enumerate() {
            let result = handle.await.unwrap_or_else(|error| AddressImport {
                address: address.clone(),
                outcome: failed(
                    address,
                    format!("the import stopped unexpectedly ({error})"),
                ),
                redirects: Vec::new(),
                final_url: None,
            });
            summary.add(&result.outcome);
            on_progress(done + 1, total, &result);
        }
        summary
    }

    /// Imports a fetched page: extracted (in a worker process when the store has them), refused
    /// when it is a consent, paywall or login wall, stored with its provenance in one
    /// transaction. With `previous_id`, the page is a newer version of that article and shares
    /// its address key.
    pub async fn import_fetched(
        &self,
        fetched: &Fetched,
        previous_id: Option<i64>,
    ) -> StoreResult<ImportOutcome> {
        let wall_message = |wall: extract::Wall| {
            failed(
                &fetched.requested,
                format!(
                    "the page is {}, not the article: nothing was imported (open it in a browser, \
                     get past it, then save the page and import the file)",
                    wall.describe()
                ),
            )
        };
        let mut article = match self.extract_fetched(fetched).await? {
            Ok(article) if !article.body().trim().is_empty() => article,
            // The clean-up may have taken a wall's whole text away: judge the page itself.
            extracted => {
                if let Some(wall) = extract::wall_in_markup(&fetched.bytes_for_extraction()) {
                    return Ok(wall_message(wall));
                }
                match extracted {
                    Ok(article) => article,
                    Err(message) => return Ok(failed(&fetched.requested, message)),
                }
            }
        };
        if let Some(wall) = extract::wall_of(&article.title, &article.body()) {
            return Ok(wall_message(wall));
        }
        if article.url.is_none() {
            article.url = Some(fetched.final_url.clone());
        }
        if let Some(previous) = previous_id {
            // A new version shares the key versions are grouped by.
            let key: Option<String> = sqlx::query_scalar(
                "SELECT coalesce(canonical_url, url) FROM articles WHERE id = $1",
            )
            .bind(previous)
            .fetch_optional(&self.pool)
            .await?
            .flatten();
            if key.is_some() {
                article.canonical_url = key;
            }
        }
        let provenance = Provenance {
            fetched,
            previous_id,
        };
        self.store_article(
            &article,
            Some(&fetched.body),
            Some(&fetched.final_url),
            Some(&provenance),
        )
        .await
    }

    /// Fetches article `id`'s address again: the same text says so; changed text becomes a new
    /// version linked to it (grouped with it in versions sessions, and in the same events).
    pub async fn refresh(&self, id: i64, fetcher: &Fetcher) -> StoreResult<RefreshOutcome> {
        let row: Option<(Option<String>,)> = sqlx::query_as(
            "SELECT coalesce(f.final_url, a.url, a.canonical_url)
             FROM articles a LEFT JOIN fetches f ON f.article_id = a.id
             WHERE a.id = $1 AND a.deleted_at IS NULL",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some((address,)) = row else {
            return Err(StoreError::NotFound {
                what: "article",
                id,
            });
        };
        let Some(address) = address.filter(|a| parse_address(a).is_ok()) else {
            return Ok(RefreshOutcome::Failed {
                id,
                message: format!(
                    "article #{id} has no web address to check (it was imported from a file \
                     without one)"
                ),
            });
        };
        let fetched = match fetcher.fetch(&address).await {
            Ok(fetched) => fetched,
            Err(error) => {
                return Ok(RefreshOutcome::Failed {
                    id,
                    message: error.to_string(),
                })
            }
        };
        let article = match self.extract_fetched(&fetched).await? {
            Ok(article) => article,
            Err(message) => return Ok(RefreshOutcome::Failed { id, message }),
        };
        let hash = extract::content_hash(&article.body());
        // The same text already in the library (this article, a version of it): nothing new.
        let same_as: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM articles WHERE content_hash = $1 AND deleted_at IS NULL",
        )
        .bind(&hash)
        .fetch_optional(&self.pool)
        .await?;
        if let Some(same_as) = same_as {
            return Ok(RefreshOutcome::Unchanged { id, same_as });
        }
        Ok(match self.import_fetched(&fetched, Some(id)).await? {
            ImportOutcome::Imported {
                id: new_id, title, ..
            } => RefreshOutcome::NewVersion {
                previous_id: id,
                id: new_id,
                title,
            },
            ImportOutcome::Duplicate { existing_id, .. } => RefreshOutcome::Unchanged {
                id,
                same_as: existing_id,
            },
            ImportOutcome::Failed { message, .. } => RefreshOutcome::Failed { id, message },
        })
    }

    /// [`Store::refresh`] for every article of an event that has a web address (the newest
    /// version of each page only), one after another.
    pub async fn refresh_event(
        &self,
        event_id: i64,
        fetcher: &Fetcher,
    ) -> StoreResult<Vec<RefreshOutcome>> {
        self.event(event_id).await?;
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT a.id FROM event_articles ea
             JOIN articles a ON a.id = ea.article_id AND a.deleted_at IS NULL
             LEFT JOIN fetches f ON f.article_id = a.id
             WHERE ea.event_id = $1
               AND coalesce(f.final_url, a.url, a.canonical_url) LIKE 'http%'
               AND NOT EXISTS (
                   SELECT 1 FROM articles newer
                   WHERE newer.deleted_at IS NULL AND newer.id <> a.id
                     AND coalesce(newer.canonical_url, newer.url) = coalesce(a.canonical_url, a.url)
                     AND (newer.imported_at, newer.id) > (a.imported_at, a.id))
             ORDER BY a.id",
        )
        .bind(event_id)
        .fetch_all(&self.pool)
        .await?;
        let mut outcomes = Vec::with_capacity(ids.len());
        for id in ids {
            outcomes.push(self.refresh(id, fetcher).await?);
        }
        Ok(outcomes)
    }

    /// Where article `id` was fetched from, when it was fetched by address.
    pub async fn fetch_record(&self, id: i64) -> StoreResult<Option<FetchRecord>> {
        Ok(sqlx::query_as(
            "SELECT requested_url, final_url, status, fetched_at, previous_id
             FROM fetches WHERE article_id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The article in a fetched page, or why there is none (for a person).
    async fn extract_fetched(&self, fetched: &Fetched) -> StoreResult<Result<Article, String>> {
        let bytes = fetched.bytes_for_extraction().into_owned();
        let name = fetched.file_name();
        let workers = self.workers.clone();
        tokio::task::spawn_blocking(move || match workers {
            Some(workers) => workers.extract(&name, &bytes),
            None => extract::extract(&bytes, &name).map_err(|error| error.to_string()),
        })
        .await
        .map_err(|error| StoreError::Task(error.to_string()))
    }
}

fn failed(address: &str, message: String) -> ImportOutcome {
    ImportOutcome::Failed {
        path: address.to_owned(),
        message,
    }
}
