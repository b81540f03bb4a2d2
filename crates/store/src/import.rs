//! Importing articles: one file, raw bytes, an extracted article, or a batch of paths with progress.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use parallax_core::extract::{self, Article};
use tokio::task::JoinHandle;

use crate::collect::{collect_import_paths, read_import_file, CollectedPaths};
use crate::error::{StoreError, StoreResult};
use crate::model::{ImportOutcome, ImportProgress, ImportSummary};
use crate::outlets::upsert_outlet;
use crate::store::Store;
use crate::time::now_utc;
use crate::worker::WorkerPool;

/// Files read and extracted at once, ahead of the one being written: one per core, at least 2
/// and at most 4 (so memory stays bounded to a few files of at most `MAX_IMPORT_BYTES`).
fn extract_ahead() -> usize {
    std::thread::available_parallelism().map_or(2, |cores| cores.get().clamp(2, 4))
}

/// The title given to an article whose file has none.
const UNTITLED: &str = "Untitled";

type Extracted = Result<(Article, Vec<u8>), String>;

impl Store {
    /// Imports one file: reads it (refusing files over the size limit), extracts the article on a
    /// blocking thread and stores it. Never fails as a whole: problems become
    /// [`ImportOutcome::Failed`] with a message for a person.
    pub async fn import_file(&self, path: impl AsRef<Path>) -> ImportOutcome {
        let path = path.as_ref().to_path_buf();
        let extracted = spawn_extraction(path.clone(), self.workers.clone()).await;
        self.finish_import(&path, extracted).await.0
    }

    /// Imports a file's bytes already in memory; `file_name` hints at the format and `source_path`
    /// is remembered as the article's origin.
    pub async fn import_bytes(
        &self,
        bytes: Vec<u8>,
        file_name: &str,
        source_path: Option<&str>,
    ) -> StoreResult<ImportOutcome> {
        let name = file_name.to_owned();
        let extracted = tokio::task::spawn_blocking(move || {
            extract::extract(&bytes, &name)
                .map(|article| (article, bytes))
                .map_err(|error| error.to_string())
        })
        .await
        .map_err(|error| StoreError::Task(error.to_string()))?;
        match extracted {
            Ok((article, bytes)) => {
                self.import_article(&article, Some(&bytes), source_path)
                    .await
            }
            Err(message) => Ok(ImportOutcome::Failed {
                path: source_path.unwrap_or(file_name).to_owned(),
                message,
            }),
        }
    }

    /// Stores an article already extracted, in one transaction: its outlet (found by domain or
    /// name, created when new), the article and its search-index row. The same body (by
    /// [`extract::content_hash`]) already in the library answers [`ImportOutcome::Duplicate`];
    /// the same body in a deleted article replaces that article. An article without body text
    /// is refused ([`ImportOutcome::Failed`]).
    pub async fn import_article(
        &self,
        article: &Article,
        original: Option<&[u8]>,
        source_path: Option<&str>,
    ) -> StoreResult<ImportOutcome> {
        self.store_article(article, original, source_path, None)
            .await
    }

    /// [`Store::import_article`], with where a fetched article came from written in the same
    /// transaction.
    ///
    /// Two clients of a team library can store the same text (or the first article of one new
    /// outlet) at the same moment: the one that loses the race meets the other's row on a unique
    /// key, and tries again once — finding the article there now (a duplicate), or the outlet.
    pub(crate) async fn store_article(
        &self,
        article: &Article,
        original: Option<&[u8]>,
        source_path: Option<&str>,
        provenance: Option<&crate::fetched::Provenance<'_>>,
    ) -> StoreResult<ImportOutcome> {
        match self
            .store_article_once(article, original, source_path, provenance)
            .await
        {
            Err(error) if error.is_unique_violation() => {
                self.store_article_once(article, original, source_path, provenance)
                    .await
            }
            outcome => outcome,
        }
    }

    async fn store_article_once(
        &self,
        article: &Article,
        original: Option<&[u8]>,
        source_path: Option<&str>,
        provenance: Option<&crate::fetched::Provenance<'_>>,
    ) -> StoreResult<ImportOutcome> {
        let body = article.body();
        if body.trim().is_empty() {
            return Ok(ImportOutcome::Failed {
                path: source_path.unwrap_or(&article.title).to_owned(),
                message: "no article text found in the file".into(),
            });
        }
        let hash = extract::content_hash(&body);
        let title = match article.title.trim() {
            "" => UNTITLED.to_owned(),
            title => title.to_owned(),
        };
        let mut tx = self.begin_write().await?;
        let existing: Option<(i64, String, Option<String>)> =
            sqlx::query_as("SELECT id, title, deleted_at FROM articles WHERE content_hash = $1")
                .bind(&hash)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some((existing_id, existing_title, deleted_at)) = existing {
            if deleted_at.is_none() {
                return Ok(ImportOutcome::Duplicate {
                    existing_id,
                    title: existing_title,
                });
            }
            sqlx::query("DELETE FROM articles WHERE id = $1")
                .bind(existing_id)
                .execute(&mut *tx)
                .await?;
        }
        let domain = article
            .outlet_domain
            .clone()
            .or_else(|| {
                article
                    .url
                    .as_deref()
                    .and_then(crate::outlets::domain_of_url)
            })
            .or_else(|| {
                article
                    .canonical_url
                    .as_deref()
                    .and_then(crate::outlets::domain_of_url)
            });
        let outlet = upsert_outlet(&mut tx, article.outlet.as_deref(), domain.as_deref()).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO articles (outlet_id, title, byline, url, canonical_url, published_at, imported_at,
                 lang, body, content_hash, source_format, source_path, original, word_count,
                 imported_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
             RETURNING id",
        )
        .bind(outlet.as_ref().map(|(id, _)| *id))
        .bind(&title)
        .bind(non_empty(article.byline.as_deref()))
        .bind(non_empty(article.url.as_deref()))
        .bind(non_empty(article.canonical_url.as_deref()))
        .bind(non_empty(article.published_at.as_deref()))
        .bind(now_utc())
        .bind(non_empty(article.lang.as_deref()))
        .bind(&body)
        .bind(&hash)
        .bind(article.source_format.as_str())
        .bind(source_path)
        .bind(original)
        .bind(word_count(&body))
        .bind(self.author.as_deref())
        .fetch_one(&mut *tx)
        .await?;
        if let Some(provenance) = provenance {
            provenance.insert(&mut tx, id).await?;
        }
        tx.commit().await?;
        Ok(ImportOutcome::Imported {
            id,
            title,
            outlet: outlet.map(|(_, name)| name),
        })
    }

    /// Imports files and folders (walked recursively, see [`collect_import_paths`]), calling
    /// `on_progress` once per finished file, in order. Every good file is imported even when
    /// others fail. Extraction runs on blocking threads, up to one file per core ahead of the writes.
    pub async fn import_paths<P, F>(&self, paths: &[P], mut on_progress: F) -> ImportSummary
    where
        P: AsRef<Path>,
        F: FnMut(ImportProgress),
    {
        let owned: Vec<PathBuf> = paths
            .iter()
            .map(|path| path.as_ref().to_path_buf())
            .collect();
        let collected =
            match tokio::task::spawn_blocking(move || collect_import_paths(&owned)).await {
                Ok(collected) => collected,
                Err(error) => {
                    let outcome = ImportOutcome::Failed {
                        path: String::new(),
                        message: format!("could not list the files to import: {error}"),
                    };
                    let mut summary = ImportSummary::default();
                    summary.add(&outcome);
                    on_progress(ImportProgress {
                        done: 1,
                        total: 1,
                        path: String::new(),
                        outcome,
                    });
                    return summary;
                }
            };
        self.import_collected(collected, on_progress).await
    }

    /// Imports files already found by [`collect_import_paths`] (so a caller can show the total
    /// before the first file is done), like [`Store::import_paths`]: path failures are reported
    /// first, then each file as it finishes.
    pub async fn import_collected<F>(
        &self,
        collected: CollectedPaths,
        mut on_progress: F,
    ) -> ImportSummary
    where
        F: FnMut(ImportProgress),
    {
        let total = collected.total();
        let mut summary = ImportSummary {
            skipped: collected.skipped,
            ..ImportSummary::default()
        };
        let mut done = 0;
        let mut report = |path: String, outcome: ImportOutcome| {
            done += 1;
            summary.add(&outcome);
            on_progress(ImportProgress {
                done,
                total,
                path,
                outcome,
            });
        };
        for failure in collected.failures {
            let outcome = ImportOutcome::Failed {
                path: failure.path.clone(),
                message: failure.message,
            };
            report(failure.path, outcome);
        }
        let ahead = extract_ahead();
        let mut files = collected.files.into_iter();
        let mut pending: VecDeque<(PathBuf, JoinHandle<Extracted>)> = VecDeque::new();
        loop {
            while pending.len() < ahead {
                let Some(path) = files.next() else { break };
                let task_path = path.clone();
                let workers = self.workers.clone();
                pending.push_back((
                    path,
                    tokio::task::spawn_blocking(move || read_and_extract(&task_path, workers)),
                ));
            }
            let Some((path, task)) = pending.pop_front() else {
                break;
            };
            let extracted = task.await.unwrap_or_else(|error| Err(crashed(&error)));
            let (outcome, stop) = self.finish_import(&path, extracted).await;
            report(path.display().to_string(), outcome);
            if let Some(why) = stop {
                // Every later file would fail the same way: stop, with one message that says so.
                let left = pending.len() + files.len();
                for (_, task) in pending.drain(..) {
                    task.abort();
                }
                if left > 0 {
                    let outcome = ImportOutcome::Failed {
                        path: format!("{left} more file(s)"),
                        message: format!("not tried: {why}"),
                    };
                    report(format!("{left} more file(s)"), outcome);
                }
                break;
            }
        }
        summary
    }

    /// The outcome of one file, and why the batch must stop after it (the disk is full, the
    /// library cannot be written), if it must.
    async fn finish_import(
        &self,
        path: &Path,
        extracted: Extracted,
    ) -> (ImportOutcome, Option<&'static str>) {
        let shown = path.display().to_string();
        match extracted {
            Err(message) => (
                ImportOutcome::Failed {
                    path: shown,
                    message,
                },
                None,
            ),
            Ok((article, bytes)) => {
                match self
                    .import_article(&article, Some(&bytes), Some(&shown))
                    .await
                {
                    Ok(outcome) => (outcome, None),
                    Err(error) if error.is_disk_full() => (
                        ImportOutcome::Failed {
                            path: shown,
                            message:
                                "the disk is full: nothing was written for this file, and the \
                                      import stopped here"
                                    .into(),
                        },
                        Some("the disk is full (free some space and import them again)"),
                    ),
                    Err(error) if error.is_read_only() => (
                        ImportOutcome::Failed {
                            path: shown,
                            message: "the library cannot be written (its file or folder is \
                                      read-only): nothing was written, and the import stopped here"
                                .into(),
                        },
                        Some("the library cannot be written (its file or folder is read-only)"),
                    ),
                    Err(error) => (
                        ImportOutcome::Failed {
                            path: shown,
                            message: error.to_string(),
                        },
                        None,
                    ),
                }
            }
        }
    }
}

async fn spawn_extraction(path: PathBuf, workers: Option<Arc<WorkerPool>>) -> Extracted {
    tokio::task::spawn_blocking(move || read_and_extract(&path, workers))
        .await
        .unwrap_or_else(|error| Err(crashed(&error)))
}

fn crashed(error: &tokio::task::JoinError) -> String {
    format!("reading the file failed unexpectedly ({error})")
}

/// Reads and extracts one file (blocking), in a worker process when there are workers.
fn read_and_extract(path: &Path, workers: Option<Arc<WorkerPool>>) -> Extracted {
    let bytes = read_import_file(path)?;
    let file_name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let article = match workers {
        Some(workers) => workers.extract(&file_name, &bytes)?,
        None => extract::extract(&bytes, &file_name).map_err(|error| error.to_string())?,
    };
    Ok((article, bytes))
}

fn non_empty(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|value| !value.is_empty())
}

/// Words in a body (runs of non-space characters).
pub(crate) fn word_count(body: &str) -> i64 {
    body.split_whitespace().count() as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collect_import_paths;

    /// A library that fills up mid-batch: the file that hit the full disk fails with one clear
    /// message, the batch stops there (the rest named in one line, not tried), and the library
    /// holds only whole articles.
    #[tokio::test]
    async fn a_full_disk_stops_the_batch_at_the_first_failure() {
        let dir = tempfile::tempdir().unwrap();
        let files = dir.path().join("in");
        std::fs::create_dir(&files).unwrap();
        for k in 0..40 {
            let body: String = (0..300).map(|w| format!("word{k}x{w} ")).collect();
            std::fs::write(
                files.join(format!("report-{k:02}.txt")),
                format!("Fictional report {k} on the Oskel ferry\n\n{body}\n"),
            )
            .unwrap();
        }
        let path = dir.path().join("library.sqlite");
        // Room for the tables and a few articles (each stores its text twice and its search row).
        let store = Store::open_with_page_limit(&path, 120).await.unwrap();
        let mut outcomes = Vec::new();
        let summary = store
            .import_collected(collect_import_paths(&[&files]), |p| {
                outcomes.push(p.outcome)
            })
            .await;
        assert!(summary.imported > 0, "some articles fit: {summary:?}");
        let failures: Vec<&String> = outcomes
            .iter()
            .filter_map(|o| match o {
                ImportOutcome::Failed { message, .. } => Some(message),
                _ => None,
            })
            .collect();
        assert_eq!(
            failures.len(),
            2,
            "the file that hit the limit, and the rest in one line: {failures:?}"
        );
        assert!(failures[0].contains("the disk is full"), "{failures:?}");
        assert!(failures[1].contains("not tried"), "{failures:?}");
        let listed = store
            .list_articles(&crate::ListQuery::default())
            .await
            .unwrap();
        assert_eq!(
            listed.len(),
            summary.imported,
            "only whole articles are in the library"
        );
        assert!(store.check_integrity().await.unwrap().is_ok());
    }
}
