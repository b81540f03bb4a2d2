//! Opening the library: a SQLite file (its settings) or a team's PostgreSQL database, one
//! connection pool for either, and the migrations of each.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode};
use sqlx::{Any, AnyConnection, AnyPool, ConnectOptions, Transaction};

use crate::error::{StoreError, StoreResult};
use crate::location::{LibraryAddress, TeamAddress};
use crate::worker::{WorkerCommand, WorkerPool};

/// The migrations of a SQLite library (`migrations/sqlite`).
pub(crate) static SQLITE_MIGRATOR: Migrator = sqlx::migrate!("../../migrations/sqlite");
/// The migrations of a team library (`migrations/postgres`): the same numbering, one per change.
pub(crate) static POSTGRES_MIGRATOR: Migrator = sqlx::migrate!("../../migrations/postgres");

/// How long a statement waits for another writer (another process, say) before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How many times a migration that lost a race with another process is tried again.
const MIGRATION_ATTEMPTS: u64 = 5;

/// Connections a team library's pool keeps open at most.
const TEAM_CONNECTIONS: u32 = 8;

/// How long connecting to a team library may take before it is reported unreachable.
const TEAM_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Which database holds the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Backend {
    /// A SQLite file on this computer (or in memory).
    Sqlite,
    /// A team library on a PostgreSQL server.
    Postgres,
}

impl Backend {
    /// The backend a connection talks to.
    pub(crate) fn of(conn: &AnyConnection) -> Self {
        if conn.backend_name() == "PostgreSQL" {
            Self::Postgres
        } else {
            Self::Sqlite
        }
    }

    pub(crate) fn migrator(self) -> &'static Migrator {
        match self {
            Self::Sqlite => &SQLITE_MIGRATOR,
            Self::Postgres => &POSTGRES_MIGRATOR,
        }
    }
}

/// The library: outlets, articles, events and sessions in a SQLite file or a PostgreSQL database.
///
/// Cheap to clone (clones share one connection pool); safe to use from many tasks at once.
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) pool: AnyPool,
    pub(crate) backend: Backend,
    /// The SQLite file, when the library is one (not in memory, not a team library).
    file: Option<PathBuf>,
    /// A team library's address (with this client's name), for its change notices.
    pub(crate) team: Option<TeamAddress>,
    /// Who makes the changes made through this store (a team library records it).
    pub(crate) author: Option<String>,
    /// Extraction workers (other processes), when the face set them up; else in process.
    pub(crate) workers: Option<Arc<WorkerPool>>,
    /// Opened read-only because its file or folder cannot be written: every change fails.
    read_only: bool,
}

/// How a library file is opened: created when missing, foreign keys on.
pub(crate) fn file_options(path: &Path) -> SqliteConnectOptions {
    SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .foreign_keys(true)
}

/// The settings every connection to a library file gets first ([`probe_file`] has switched the
/// file to WAL already, so none of them fails).
pub(crate) fn file_pragmas() -> Vec<String> {
    vec![
        format!("PRAGMA busy_timeout = {}", BUSY_TIMEOUT.as_millis()),
        "PRAGMA journal_mode = WAL".into(),
        "PRAGMA synchronous = NORMAL".into(),
        "PRAGMA foreign_keys = ON".into(),
    ]
}

/// Opens the library file once on its own, switching it to WAL (which lasts in the file): a file
/// that cannot be opened, written or read as a database fails here, at once and with SQLite's own
/// error — the pool would only retry a failing connection until it timed out.
async fn probe_file(options: &SqliteConnectOptions, pragmas: &[String]) -> Result<(), sqlx::Error> {
    use sqlx::Connection;
    let mut options = options
        .clone()
        .journal_mode(SqliteJournalMode::Wal)
        .busy_timeout(BUSY_TIMEOUT);
    for pragma in pragmas {
        if let Some((name, value)) = pragma
            .strip_prefix("PRAGMA ")
            .and_then(|rest| rest.split_once(" = "))
        {
            options = options.pragma(name.to_owned(), value.to_owned());
        }
    }
    options.connect().await?.close().await
}

/// A pool of SQLite connections opened with `options`, each set up with `pragmas` first.
async fn sqlite_pool(
    options: &SqliteConnectOptions,
    pragmas: Vec<String>,
    connections: u32,
) -> Result<AnyPool, sqlx::Error> {
    sqlx::any::install_default_drivers();
    let any = if options.get_filename() == Path::new(":memory:") {
        // A database of its own, named afresh each time this address is read.
        "sqlite::memory:".parse::<AnyConnectOptions>()?
    } else {
        AnyConnectOptions::from_url(&options.to_url_lossy())?
    };
    let pragmas = Arc::new(pragmas);
    let mut pool = AnyPoolOptions::new()
        .max_connections(connections)
        .after_connect(move |conn, _| {
            let pragmas = Arc::clone(&pragmas);
            Box::pin(async move {
                for pragma in pragmas.iter() {
                    sqlx::query(pragma).execute(&mut *conn).await?;
                }
                Ok(())
            })
        });
    if connections == 1 {
        // Every connection to `:memory:` is a database of its own: keep the one for good.
        pool = pool
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None);
    }
    pool.connect_with(any).await
}

/// Brings a team library's tables up to date as the database's owner when the user is a member
/// of the owning role (the README's set-up): the tables then belong to that role, and every
/// colleague in it may use them — not only whoever happened to connect first. (Migrations take
/// the server's lock: clients starting at once apply each one once.)
async fn migrate_as_owner(pool: &AnyPool, options: &AnyConnectOptions) -> StoreResult<()> {
    let become_owner: Option<String> = sqlx::query_scalar(
        "SELECT format('SET ROLE %I', pg_get_userbyid(d.datdba))
         FROM pg_database d
         WHERE d.datname = current_database()
           AND d.datdba <> (SELECT oid FROM pg_roles WHERE rolname = current_user)
           AND pg_has_role(current_user, d.datdba, 'MEMBER')",
    )
    .fetch_optional(pool)
    .await?;
    let Some(become_owner) = become_owner else {
        return Ok(POSTGRES_MIGRATOR.run(pool).await?);
    };
    // One connection of its own, the owner's role taken as it opens, for the migrations alone.
    let become_owner = Arc::new(become_owner);
    let as_owner = AnyPoolOptions::new()
        .max_connections(1)
        .after_connect(move |conn, _| {
            let statement = Arc::clone(&become_owner);
            Box::pin(async move {
                sqlx::query(&statement).execute(&mut *conn).await?;
                Ok(())
            })
        })
        .connect_with(options.clone())
        .await?;
    let migrated = POSTGRES_MIGRATOR.run(&as_owner).await;
    as_owner.close().await;
    Ok(migrated?)
}

impl Store {
    /// Opens the library at `address`: a file (see [`Store::open`]) or a team library (see
    /// [`Store::connect_team`]).
    pub async fn open_address(address: &LibraryAddress) -> StoreResult<Self> {
        match address {
            LibraryAddress::File(path) => Self::open(path).await,
            LibraryAddress::Team(team) => Self::connect_team(team).await,
        }
    }

    /// Connects to a team library on PostgreSQL and brings its tables up to date (migrations
    /// there take a lock, so clients starting at once apply each one once).
    pub async fn connect_team(address: &TeamAddress) -> StoreResult<Self> {
        sqlx::any::install_default_drivers();
        let open_error = |source| StoreError::Open {
            path: address.to_string(),
            source,
        };
        static CLIENTS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        // Unique among the library's clients (a process id alone repeats across machines and
        // sandboxes): the process, the moment, and a count within the process.
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_nanos());
        let client = format!(
            "parallax-{}-{started:x}-{}",
            std::process::id(),
            CLIENTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        );
        let address = address.clone().for_client(&client);
        let options = AnyConnectOptions::from_url(address.connection_url()).map_err(open_error)?;
        let pool = AnyPoolOptions::new()
            .max_connections(TEAM_CONNECTIONS)
            .acquire_timeout(TEAM_CONNECT_TIMEOUT)
            // Each statement planned for its own values: a search for a rare word and one for a
            // word in most articles need different plans, and a plan cached for one after a few
            // runs (PostgreSQL's generic plan) read a million rows for the other.
            .after_connect(|conn, _| {
                Box::pin(async move {
                    sqlx::query("SET plan_cache_mode = force_custom_plan")
                        .execute(&mut *conn)
                        .await?;
                    Ok(())
                })
            })
            .connect_with(options.clone())
            .await
            .map_err(open_error)?;
        migrate_as_owner(&pool, &options).await?;
        let mut store = Self::new(pool, Backend::Postgres, None);
        store.team = Some(address);
        Ok(store)
    }

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
        match Self::open_with(path, file_options(path), file_pragmas(), true).await {
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
            .immutable(true);
        let pool = sqlite_pool(&options, vec!["PRAGMA foreign_keys = ON".into()], 4)
            .await
            .map_err(|source| StoreError::Open {
                path: path.display().to_string(),
                source,
            })?;
        let applied: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
            .fetch_one(&pool)
            .await?;
        let latest = SQLITE_MIGRATOR.iter().map(|m| m.version).max();
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
            backend: Backend::Sqlite,
            file: Some(path.to_path_buf()),
            team: None,
            author: None,
            workers: None,
            read_only: true,
        })
    }

    /// Whether the library was opened read-only (its file or folder cannot be written).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Which database holds the library.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A transaction that writes. SQLite takes the write lock at once (`BEGIN IMMEDIATE`: two
    /// writers never deadlock upgrading read locks); PostgreSQL locks rows as they are written.
    pub(crate) async fn begin_write(&self) -> StoreResult<Transaction<'static, Any>> {
        let statement = match self.backend {
            Backend::Sqlite => "BEGIN IMMEDIATE",
            Backend::Postgres => "BEGIN",
        };
        Ok(self.pool.begin_with(statement).await?)
    }

    /// The store with the changes made through it recorded as `author`'s (imports, events, notes,
    /// sessions): who did what in a team library. Nothing is recorded without a name.
    pub fn with_author(mut self, author: Option<String>) -> Self {
        self.author = author
            .map(|name| name.trim().to_owned())
            .filter(|name| !name.is_empty());
        self
    }

    /// The name changes made through this store are recorded under, if any.
    pub fn author(&self) -> Option<&str> {
        self.author.as_deref()
    }

    /// A library at `path` that can grow to at most `pages` pages of 4 KiB: a full disk, for tests.
    #[cfg(test)]
    pub(crate) async fn open_with_page_limit(path: &Path, pages: u32) -> StoreResult<Self> {
        let mut pragmas = file_pragmas();
        pragmas.push(format!("PRAGMA max_page_count = {pages}"));
        Self::open_with(path, file_options(path), pragmas, false).await
    }

    /// Opens the library file at `path` with `options` and `pragmas`; with `keep_copy`, a library
    /// that migrations are about to change is copied first (see `backup.rs`).
    pub(crate) async fn open_with(
        path: &Path,
        options: SqliteConnectOptions,
        pragmas: Vec<String>,
        keep_copy: bool,
    ) -> StoreResult<Self> {
        // Another process opening the library at this moment can hold it for the instant it
        // switches to WAL: "database is locked" then, which a moment later is gone.
        let mut attempt = 0;
        let pool = loop {
            let opened = match probe_file(&options, &pragmas).await {
                Ok(()) => sqlite_pool(&options, pragmas.clone(), 4).await,
                Err(error) => Err(error),
            };
            match opened {
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
        Self::migrated(pool, Backend::Sqlite, Some(path.to_path_buf())).await
    }

    /// A fresh library in memory, gone when the store is dropped (for tests and previews).
    pub async fn open_in_memory() -> StoreResult<Self> {
        let options = SqliteConnectOptions::new().in_memory(true);
        let pragmas = vec![
            format!("PRAGMA busy_timeout = {}", BUSY_TIMEOUT.as_millis()),
            "PRAGMA foreign_keys = ON".into(),
        ];
        let pool = sqlite_pool(&options, pragmas, 1)
            .await
            .map_err(|source| StoreError::Open {
                path: ":memory:".into(),
                source,
            })?;
        Self::migrated(pool, Backend::Sqlite, None).await
    }

    /// A writable store on `pool`, its tables up to date.
    fn new(pool: AnyPool, backend: Backend, file: Option<PathBuf>) -> Self {
        Self {
            pool,
            backend,
            file,
            team: None,
            author: None,
            workers: None,
            read_only: false,
        }
    }

    async fn migrated(pool: AnyPool, backend: Backend, file: Option<PathBuf>) -> StoreResult<Self> {
        // Processes opening a new library at once race to apply the same migration: each begins
        // it, the first to write commits, and the others' statements then fail ("table … already
        // exists"). A loser tries again and finds the migration applied; a migration that fails
        // by itself fails every attempt and is reported. (PostgreSQL's migrations take a lock.)
        let mut attempt = 0;
        loop {
            match backend.migrator().run(&pool).await {
                Ok(()) => return Ok(Self::new(pool, backend, file)),
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
        use sqlx::Connection;
        // A connection on its way back to the pool as closing begins (its return checked the pool
        // was open, then paused) is put with the idle ones after `close` has closed those, and
        // stays open as long as the pool lives: sqlx 0.8's `close` waits for it but does not look
        // at the idle ones again. Closing once more closes it (by then nothing is out).
        for _ in 0..3 {
            self.pool.close().await;
            if self.pool.size() == 0 {
                break;
            }
        }
        // Connections closing at the same moment can each see another still open, and then none
        // folds the write-ahead log back and removes it (with its index) as the last one does.
        // One more connection, alone, does.
        // A pool connection's own thread can still be letting go of the file for a moment after
        // the pool is closed: then the log stays, and the next try (shortly after) removes it.
        let Some(file) = self.file.as_deref().filter(|_| !self.read_only) else {
            return;
        };
        let log = PathBuf::from(format!("{}-wal", file.display()));
        for attempt in 0..10u64 {
            // (It sets the journal mode, so it reads the library and opens the log it folds back.)
            let options = file_options(file).journal_mode(SqliteJournalMode::Wal);
            if let Ok(last) = options.connect().await {
                let _ = last.close().await;
            }
            if !log.exists() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(10 * (attempt + 1))).await;
        }
    }

    /// SQLite's quick consistency check (no index contents; seconds on a large library): `Ok(())`
    /// when it finds nothing, otherwise the problems found. What the app runs at start. A team
    /// library's server keeps its own checks: there it only tells the server answers.
    pub async fn quick_check(&self) -> StoreResult<Result<(), String>> {
        self.pragma_check("PRAGMA quick_check").await
    }

    /// Runs one of SQLite's check pragmas: `Ok(())` when it answers "ok", else its rows joined.
    async fn pragma_check(&self, pragma: &str) -> StoreResult<Result<(), String>> {
        if self.backend == Backend::Postgres {
            sqlx::query("SELECT 1").execute(&self.pool).await?;
            return Ok(Ok(()));
        }
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
    /// otherwise the problems found. (A team library: whether the server answers.)
    pub async fn check_integrity(&self) -> StoreResult<Result<(), String>> {
        if let Err(problems) = self.pragma_check("PRAGMA integrity_check").await? {
            return Ok(Err(problems));
        }
        if self.backend == Backend::Postgres {
            return Ok(Ok(()));
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
