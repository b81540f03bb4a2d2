//! Whole-library copies: an export to one file and its restore, and the automatic copy taken
//! before migrations change a library (the last few kept beside it).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{AnyPool, ConnectOptions};

use crate::error::{StoreError, StoreResult};
use crate::store::{Backend, Store, SQLITE_MIGRATOR};

/// How many copies taken before migrations are kept beside a library.
const MIGRATION_BACKUPS_KEPT: usize = 3;

impl Store {
    /// Writes a consistent copy of the whole library to `dest` as one SQLite file (while others
    /// may keep reading and writing). Refuses to overwrite an existing file.
    pub async fn export_library(&self, dest: &Path) -> StoreResult<()> {
        if self.backend == Backend::Postgres {
            return Err(StoreError::Invalid(
                "a team library is backed up on its server (pg_dump); to take a copy of it to \
                 this computer, copy it into a new local library (parallax library copy)"
                    .into(),
            ));
        }
        if dest.exists() {
            return Err(StoreError::Invalid(format!(
                "{} exists already: choose a new file name",
                dest.display()
            )));
        }
        vacuum_into(&self.pool, dest).await
    }
}

async fn vacuum_into(pool: &AnyPool, dest: &Path) -> StoreResult<()> {
    sqlx::query("VACUUM INTO $1")
        .bind(dest.to_string_lossy().into_owned())
        .execute(pool)
        .await?;
    Ok(())
}

/// Replaces the library at `library` with the copy at `source` (an export): the copy must be a
/// library (it has migrations applied) and pass the integrity check first. The replaced library
/// is kept beside it as `<library>.before-restore-<time>` (returned), with its write-ahead log,
/// so nothing committed is lost. Nothing else may have the library open.
pub async fn restore_library(library: &Path, source: &Path) -> StoreResult<PathBuf> {
    let invalid =
        |why: String| StoreError::Invalid(format!("{} was not restored: {why}", source.display()));
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| StoreError::Io { path, source }
    };
    // Only a Parallax library is restored: probe it read-only first.
    {
        let options = SqliteConnectOptions::new().filename(source).read_only(true);
        let mut conn = options
            .connect()
            .await
            .map_err(|e| invalid(format!("it does not open as a library ({e})")))?;
        let applied: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
            .fetch_one(&mut conn)
            .await
            .map_err(|_| invalid("it is not a Parallax library".into()))?;
        if applied == 0 {
            return Err(invalid("it is not a Parallax library".into()));
        }
    }
    let scratch = PathBuf::from(format!("{}.restoring", library.display()));
    for stale in [
        scratch.clone(),
        with_suffix(&scratch, "-wal"),
        with_suffix(&scratch, "-shm"),
    ] {
        let _ = std::fs::remove_file(stale);
    }
    std::fs::copy(source, &scratch).map_err(io(source))?;
    let checked = async {
        let candidate = Store::open_with(
            &scratch,
            crate::store::file_options(&scratch),
            crate::store::file_pragmas(),
            false,
        )
        .await?;
        let health = candidate.check_integrity().await;
        // Back to one file: no write-ahead log beside the copy when it is moved into place.
        let _ = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&candidate.pool)
            .await;
        candidate.close().await;
        health
    }
    .await;
    match checked {
        Ok(Ok(())) => {}
        Ok(Err(problems)) => {
            let _ = std::fs::remove_file(&scratch);
            return Err(invalid(format!("it is damaged: {problems}")));
        }
        Err(error) => {
            let _ = std::fs::remove_file(&scratch);
            return Err(error);
        }
    }
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    let kept = PathBuf::from(format!("{}.before-restore-{stamp}", library.display()));
    if library.exists() {
        std::fs::rename(library, &kept).map_err(io(library))?;
        // The log holds commits the main file may not have yet: it goes with the kept library.
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::rename(with_suffix(library, suffix), with_suffix(&kept, suffix));
        }
    }
    if let Err(error) = std::fs::rename(&scratch, library) {
        // Put the library back rather than leave its place empty.
        let _ = std::fs::rename(&kept, library);
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::rename(with_suffix(&kept, suffix), with_suffix(library, suffix));
        }
        return Err(io(library)(error));
    }
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(&scratch, suffix));
    }
    Ok(kept)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

/// Before migrations change the library at `path` (open in `pool`; one that holds data and lacks
/// some of them), copies it to `<path>.before-migration-<version>` and keeps the last few copies.
pub(crate) async fn backup_before_migrations(
    pool: &AnyPool,
    path: &Path,
) -> StoreResult<Option<PathBuf>> {
    let latest = SQLITE_MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0);
    // No table yet: a new library, nothing to keep.
    let applied: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
        .fetch_one(pool)
        .await
        .unwrap_or(None);
    let Some(applied) = applied else {
        return Ok(None);
    };
    if applied >= latest {
        return Ok(None);
    }
    let dest = PathBuf::from(format!("{}.before-migration-{latest}", path.display()));
    if !dest.exists() {
        // Written under a name of its own, then renamed: two openers of the library at once (in
        // two processes or in one) never write one file together, and neither they nor a full
        // disk leave a partial copy under the backup's name.
        static OPENERS: AtomicU64 = AtomicU64::new(0);
        let opener = OPENERS.fetch_add(1, Ordering::Relaxed);
        let partial = with_suffix(&dest, &format!(".partial-{}-{opener}", std::process::id()));
        let _ = std::fs::remove_file(&partial);
        match vacuum_into(pool, &partial).await {
            Ok(()) => {
                // The first whole copy wins, never replaced: a slower opener's copy may already
                // hold the migrations a faster one applied meanwhile.
                match std::fs::hard_link(&partial, &dest) {
                    Ok(()) => {}
                    Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {}
                    // A file system without hard links.
                    Err(_) if !dest.exists() => {
                        let _ = std::fs::rename(&partial, &dest);
                    }
                    Err(_) => {}
                }
                let _ = std::fs::remove_file(&partial);
            }
            Err(error) => {
                let _ = std::fs::remove_file(&partial);
                if !dest.exists() {
                    return Err(error);
                }
            }
        }
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
