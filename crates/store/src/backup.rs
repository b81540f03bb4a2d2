//! Whole-library copies: an export to one file and its restore, and the automatic copy taken
//! before migrations change a library (the last few kept beside it).

use std::path::{Path, PathBuf};

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, SqlitePool};

use crate::error::{StoreError, StoreResult};
use crate::store::{Store, MIGRATOR};

/// How many copies taken before migrations are kept beside a library.
const MIGRATION_BACKUPS_KEPT: usize = 3;

impl Store {
    /// Writes a consistent copy of the whole library to `dest` as one SQLite file (while others
    /// may keep reading and writing). Refuses to overwrite an existing file.
    pub async fn export_library(&self, dest: &Path) -> StoreResult<()> {
        if dest.exists() {
            return Err(StoreError::Invalid(format!(
                "{} exists already: choose a new file name",
                dest.display()
            )));
        }
        vacuum_into(&self.pool, dest).await
    }
}

async fn vacuum_into(pool: &SqlitePool, dest: &Path) -> StoreResult<()> {
    sqlx::query("VACUUM INTO ?")
        .bind(dest.to_string_lossy().into_owned())
        .execute(pool)
        .await?;
    Ok(())
}

/// Replaces the library at `library` with the copy at `source` (an export): the copy must open as
/// a library and pass the integrity check first; the replaced library is kept as
/// `<library>.before-restore` (returned). Nothing else may have the library open.
pub async fn restore_library(library: &Path, source: &Path) -> StoreResult<PathBuf> {
    let scratch = library.with_extension("restoring");
    let _ = std::fs::remove_file(&scratch);
    std::fs::copy(source, &scratch).map_err(|error| StoreError::Io {
        path: source.display().to_string(),
        source: error,
    })?;
    {
        let candidate = Store::open(&scratch).await?;
        let health = candidate.check_integrity().await?;
        candidate.close().await;
        if let Err(problems) = health {
            let _ = std::fs::remove_file(&scratch);
            return Err(StoreError::Invalid(format!(
                "{} is damaged and was not restored: {problems}",
                source.display()
            )));
        }
    }
    let kept = PathBuf::from(format!("{}.before-restore", library.display()));
    if library.exists() {
        std::fs::rename(library, &kept).map_err(|error| StoreError::Io {
            path: library.display().to_string(),
            source: error,
        })?;
    }
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", library.display()));
    }
    std::fs::rename(&scratch, library).map_err(|error| StoreError::Io {
        path: library.display().to_string(),
        source: error,
    })?;
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", scratch.display()));
    }
    Ok(kept)
}

/// Before migrations change the library at `path` (one that holds data and lacks some of them),
/// copies it to `<path>.before-migration-<version>` and keeps the last few such copies.
pub(crate) async fn backup_before_migrations(path: &Path) -> StoreResult<Option<PathBuf>> {
    if !path.is_file() {
        return Ok(None);
    }
    let latest = MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0);
    let options = SqliteConnectOptions::new().filename(path).read_only(true);
    let Ok(mut conn) = options.connect().await else {
        return Ok(None);
    };
    let applied: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
        .fetch_one(&mut conn)
        .await
        .unwrap_or(None);
    drop(conn);
    let Some(applied) = applied else {
        return Ok(None); // a new library: nothing to keep
    };
    if applied >= latest {
        return Ok(None);
    }
    let dest = PathBuf::from(format!("{}.before-migration-{latest}", path.display()));
    if !dest.exists() {
        let pool = SqlitePool::connect_with(SqliteConnectOptions::new().filename(path)).await?;
        let copied = vacuum_into(&pool, &dest).await;
        pool.close().await;
        copied?;
    }
    prune_backups(path);
    Ok(Some(dest))
}

/// Keeps the newest [`MIGRATION_BACKUPS_KEPT`] copies taken before migrations.
fn prune_backups(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let prefix = format!("{}.before-migration-", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    }) else {
        return;
    };
    let mut backups: Vec<(i64, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let file = e.file_name().to_string_lossy().into_owned();
            let version = file.strip_prefix(&prefix)?.parse().ok()?;
            Some((version, e.path()))
        })
        .collect();
    backups.sort_unstable_by_key(|b| std::cmp::Reverse(b.0));
    for (_, old) in backups.into_iter().skip(MIGRATION_BACKUPS_KEPT) {
        let _ = std::fs::remove_file(old);
    }
}
