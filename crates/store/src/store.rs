//! Opening the library: the connection pool, SQLite settings and migrations.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;

use crate::error::{StoreError, StoreResult};
use crate::worker::{WorkerCommand, WorkerPool};

pub(crate) static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations");

/// How long a statement waits for another writer (another process, say) before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How many times a migration that lost a race with another process is tried again.
const MIGRATION_ATTEMPTS: u64 = 5;

/// The library: a SQLite database of outlets, articles, events and sessions.
///
/// Cheap to clone (clones share one connection pool); safe to use from many tasks at once.
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) pool: SqlitePool,
    /// Extraction workers (other processes), when the face set them up; else in process.
    pub(crate) workers: Option<Arc<WorkerPool>>,
    /// Opened read-only because its file or folder cannot be written: every change fails.
    read_only: bool,
}

/// How a library file is opened: WAL, normal sync, foreign keys, a busy timeout.
pub(crate) fn file_options(path: &Path) -> SqliteConnectOptions {
    SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(BUSY_TIMEOUT)
}

impl Store {
    /// Opens (creating when missing, with its parent folders) the library at `path` and brings its
    /// tables up to date.
    pub async fn open(path: impl AsRef<Path>) -> StoreResult<Self> {
        let path = path.as_ref();
        if let Some(parent) = path
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
        {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::Io {
                path: parent.display().to_string(),
                source,
            })?;
        }
        match Self::open_with(path, file_options(path), true).await {
            // A library in a folder (or a file) that cannot be written is still read.
            Err(error) if error.is_read_only() && path.is_file() => {
                Self::open_read_only(path).await.map_err(|_| error)
            }
            // SQLite opens a file it may not write read-only without a word (when the files of
            // its write-ahead log are already there): say so too.
            Ok(mut store) => {
                let writable = std::fs::OpenOptions::new().write(true).open(path);
                store.read_only =
                    matches!(&writable, Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied);
                Ok(store)
            }
            result => result,
        }
    }

    /// Opens an up-to-date library that cannot be written, for reading only. SQLite is told the
    /// file will not change (it cannot keep its write-ahead log beside it).
    async fn open_read_only(path: &Path) -> StoreResult<Self> {
        let options = SqliteConnectOptions::new()
            .filename(path)
            .read_only(true)
            .immutable(true)
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .map_err(|source| StoreError::Open {
                path: path.display().to_string(),
                source,
            })?;
        let applied: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
            .fetch_one(&pool)
            .await?;
        let latest = MIGRATOR.iter().map(|m| m.version).max();
        if applied < latest {
            pool.close().await;
            return Err(StoreError::Invalid(format!(
                "the library at {} needs an update to this version of Parallax, but its file or \
                 folder cannot be written",
                path.display()
            )));
        }
        Ok(Self {
            pool,
            workers: None,
            read_only: true,
        })
    }

    /// Whether the library was opened read-only (its file or folder cannot be written).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// A library at `path` that can grow to at most `pages` pages of 4 KiB: a full disk, for tests.
    #[cfg(test)]
    pub(crate) async fn open_with_page_limit(path: &Path, pages: u32) -> StoreResult<Self> {
        let options = file_options(path).pragma("max_page_count", pages.to_string());
        Self::open_with(path, options, false).await
    }

    /// Opens the library at `path` with `options`; with `keep_copy`, a library that migrations
    /// are about to change is copied first (see `backup.rs`).
    pub(crate) async fn open_with(
        path: &Path,
        options: SqliteConnectOptions,
        keep_copy: bool,
    ) -> StoreResult<Self> {
        // Another process opening the library at this moment can hold it for the instant it
        // switches to WAL: "database is locked" then, which a moment later is gone.
        let mut attempt = 0;
        let pool = loop {
            match SqlitePoolOptions::new()
                .max_connections(4)
                .connect_with(options.clone())
                .await
            {
                Ok(pool) => break pool,
                Err(sqlx::Error::Database(db))
                    if db.code().as_deref() == Some("5") && attempt < MIGRATION_ATTEMPTS =>
                {
                    attempt += 1;
                    tokio::time::sleep(Duration::from_millis(20 * attempt)).await;
                }
                Err(source) => {
                    return Err(StoreError::Open {
                        path: path.display().to_string(),
                        source,
                    })
                }
            }
        };
        if keep_copy {
            // Migrations change the library for good: keep a copy of it as it was first.
            crate::backup::backup_before_migrations(&pool, path).await?;
        }
        Self::migrated(pool).await
    }

    /// A fresh library in memory, gone when the store is dropped (for tests and previews).
    pub async fn open_in_memory() -> StoreResult<Self> {
        let options = SqliteConnectOptions::new()
            .in_memory(true)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT);
        // One connection that never expires: every connection to `:memory:` is a database of its own.
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(options)
            .await
            .map_err(|source| StoreError::Open {
                path: ":memory:".into(),
                source,
            })?;
        Self::migrated(pool).await
    }

    async fn migrated(pool: SqlitePool) -> StoreResult<Self> {
        // Processes opening a new library at once race to apply the same migration: each begins
        // it, the first to write commits, and the others' statements then fail ("table … already
        // exists"). A loser tries again and finds the migration applied; a migration that fails
        // by itself fails every attempt and is reported.
        let mut attempt = 0;
        loop {
            match MIGRATOR.run(&pool).await {
                Ok(()) => {
                    return Ok(Self {
                        pool,
                        workers: None,
                        read_only: false,
                    })
                }
                Err(
                    sqlx::migrate::MigrateError::Execute(_)
                    | sqlx::migrate::MigrateError::ExecuteMigration(..),
                ) if attempt < MIGRATION_ATTEMPTS => {
                    attempt += 1;
                    tokio::time::sleep(Duration::from_millis(20 * attempt)).await;
                }
                Err(error) => return Err(error.into()),
            }
        }
    }

    /// The store with files extracted in worker processes started by `command` (see
    /// [`crate::serve_extraction`]): a crash or a runaway file costs that file only. `None`
    /// leaves extraction in process.
    pub fn with_extraction_workers(mut self, command: Option<WorkerCommand>) -> Self {
        self.workers = command.map(WorkerPool::new);
        self
    }

    /// Closes every connection, waiting for running statements (call before exiting for a tidy WAL).
    pub async fn close(&self) {
        use sqlx::{ConnectOptions, Connection};
        self.pool.close().await;
        // Connections closing at the same moment can each see another still open, and then none
        // folds the write-ahead log back and removes it (with its index) as the last one does.
        // One more connection, alone, does.
        let options = self.pool.connect_options();
        if !self.read_only && options.get_filename() != Path::new(":memory:") {
            if let Ok(last) = options.connect().await {
                let _ = last.close().await;
            }
        }
    }

    /// SQLite's quick consistency check (no index contents; seconds on a large library): `Ok(())`
    /// when it finds nothing, otherwise the problems found. What the app runs at start.
    pub async fn quick_check(&self) -> StoreResult<Result<(), String>> {
        self.pragma_check("PRAGMA quick_check").await
    }

    /// Runs one of SQLite's check pragmas: `Ok(())` when it answers "ok", else its rows joined.
    async fn pragma_check(&self, pragma: &str) -> StoreResult<Result<(), String>> {
        let rows: Vec<(String,)> = sqlx::query_as(pragma).fetch_all(&self.pool).await?;
        let problems: Vec<String> = rows
            .into_iter()
            .map(|(row,)| row)
            .filter(|row| row != "ok")
            .collect();
        Ok(if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("; "))
        })
    }

    /// SQLite's own consistency check plus the full-text index check; `Ok(())` when all is well,
    /// otherwise the problems found.
    pub async fn check_integrity(&self) -> StoreResult<Result<(), String>> {
        if let Err(problems) = self.pragma_check("PRAGMA integrity_check").await? {
            return Ok(Err(problems));
        }
        match sqlx::query("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
            .execute(&self.pool)
            .await
        {
            Ok(_) => Ok(Ok(())),
            Err(error) => Ok(Err(format!(
                "the search index does not match the articles: {error}"
            ))),
        }
    }
}
