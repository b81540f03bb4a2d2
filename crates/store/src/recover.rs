//! Salvage of a damaged library: every row that can still be read, copied into a new library.
//!
//! SQLite's own recovery extension is not part of the SQLite this crate links, so the salvage is
//! done with plain SQL: a copy of the damaged file is attached to a freshly migrated library, and
//! each table's rows are copied in ranges of row ids. A range that cannot be read (a damaged page
//! under it) is halved until the unreadable rows are isolated and counted as lost; a row whose
//! parent was lost (an article's outlet, a session's article) is refused by the foreign keys and
//! counted as lost too. The search index is rebuilt by the triggers as articles arrive. The damaged
//! file is only ever read (copied).

use std::path::{Path, PathBuf};

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, SqliteConnection};

use crate::error::{StoreError, StoreResult};
use crate::store::Store;

/// Rows copied per statement while nothing fails.
const RANGE: i64 = 512;

/// What a recovery saved and lost, table by table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecoveryReport {
    /// `(table, rows copied, rows lost)` in copy order.
    pub tables: Vec<(String, u64, u64)>,
    /// Tables that could not be read at all (their whole content is lost).
    pub unreadable: Vec<String>,
}

impl RecoveryReport {
    /// Rows copied over all tables.
    pub fn copied(&self) -> u64 {
        self.tables.iter().map(|t| t.1).sum()
    }

    /// Rows lost over all tables (unreadable tables not counted: their size is unknown).
    pub fn lost(&self) -> u64 {
        self.tables.iter().map(|t| t.2).sum()
    }
}

/// The copy of the damaged library SQLite reads, with its log files: removed however recovery ends.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.0.display()));
        }
    }
}

/// Copies what can be read of the library at `damaged` into a new library at `into` (which must
/// not exist). The new library is checked before this returns.
pub async fn recover_library(damaged: &Path, into: &Path) -> StoreResult<RecoveryReport> {
    if into.exists() {
        return Err(StoreError::Invalid(format!(
            "{} already exists; recovery writes a new file",
            into.display()
        )));
    }
    let fresh = Store::open(into).await?;
    fresh.close().await;

    let mut conn = SqliteConnectOptions::new()
        .filename(into)
        .foreign_keys(true)
        .connect()
        .await?;
    // SQLite is handed a copy: whatever it does to a damaged file it opens (replay a log, fix a
    // header) happens to the copy, and the damaged library stays exactly as it was.
    let scratch = Scratch(PathBuf::from(format!("{}.source", into.display())));
    let source = &scratch.0;
    std::fs::copy(damaged, source).map_err(|e| StoreError::Io {
        path: damaged.display().to_string(),
        source: e,
    })?;
    // Its write-ahead log holds committed rows not yet in the file (SQLite rebuilds the index of
    // the log, `-shm`, itself).
    let log = PathBuf::from(format!("{}-wal", damaged.display()));
    if log.is_file() {
        let _ = std::fs::copy(&log, format!("{}-wal", source.display()));
    }
    let attached = sqlx::query("ATTACH DATABASE ? AS damaged")
        .bind(source.to_string_lossy().into_owned())
        .execute(&mut conn)
        .await;
    let readable = match attached {
        Ok(_) => sqlx::query("SELECT COUNT(*) FROM damaged.sqlite_master")
            .execute(&mut conn)
            .await
            .map(|_| ()),
        Err(e) => Err(e),
    };
    if let Err(e) = readable {
        let _ = conn.close().await;
        return Err(StoreError::Invalid(format!(
            "{} cannot be read at all ({e})",
            damaged.display()
        )));
    }

    // Tables in creation order, so parents come before the rows that refer to them.
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM main.sqlite_master WHERE type = 'table'
           AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'articles_fts%'
           AND name <> '_sqlx_migrations'
         ORDER BY rowid",
    )
    .fetch_all(&mut conn)
    .await?;

    let mut report = RecoveryReport::default();
    for table in tables {
        let columns: Vec<String> =
            sqlx::query_scalar("SELECT name FROM pragma_table_info($1) ORDER BY cid")
                .bind(&table)
                .fetch_all(&mut conn)
                .await?;
        let list = columns
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let bounds: Result<(Option<i64>, Option<i64>), _> = sqlx::query_as(&format!(
            "SELECT MIN(rowid), MAX(rowid) FROM damaged.\"{table}\""
        ))
        .fetch_one(&mut conn)
        .await;
        let (low, high) = match bounds {
            Ok((Some(low), Some(high))) => (low, high),
            Ok(_) => {
                report.tables.push((table, 0, 0));
                continue;
            }
            Err(_) => {
                report.unreadable.push(table);
                continue;
            }
        };
        let copy = format!(
            "INSERT OR IGNORE INTO main.\"{table}\" ({list}) SELECT {list} FROM damaged.\"{table}\"
             WHERE rowid BETWEEN $1 AND $2"
        );
        let (mut copied, mut lost) = (0u64, 0u64);
        let mut start = low;
        while start <= high {
            let end = start.saturating_add(RANGE - 1).min(high);
            let (c, l) = copy_range(&mut conn, &copy, &table, start, end).await;
            copied += c;
            lost += l;
            start = end.saturating_add(1);
        }
        report.tables.push((table, copied, lost));
    }
    sqlx::query("DETACH DATABASE damaged")
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    drop(scratch);

    let recovered = Store::open(into).await?;
    let health = recovered.check_integrity().await?;
    // Everything into the one file: it is copied into place without its write-ahead log.
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&recovered.pool)
        .await?;
    recovered.close().await;
    health.map_err(|why| {
        StoreError::Invalid(format!("the recovered library failed its own check: {why}"))
    })?;
    Ok(report)
}

/// Copies rows `start..=end` of `table`, halving a range that fails until single rows; returns
/// (rows copied, rows lost).
async fn copy_range(
    conn: &mut SqliteConnection,
    copy: &str,
    table: &str,
    start: i64,
    end: i64,
) -> (u64, u64) {
    let mut pending = vec![(start, end)];
    let (mut copied, mut lost) = (0u64, 0u64);
    while let Some((start, end)) = pending.pop() {
        match sqlx::query(copy)
            .bind(start)
            .bind(end)
            .execute(&mut *conn)
            .await
        {
            Ok(done) => copied += done.rows_affected(),
            Err(_) if start < end => {
                let middle = start + (end - start) / 2;
                pending.push((middle + 1, end));
                pending.push((start, middle));
            }
            Err(_) => {
                // One row: lost if it exists (or cannot even be counted), else a gap in the ids.
                let exists: Result<i64, _> = sqlx::query_scalar(&format!(
                    "SELECT COUNT(*) FROM damaged.\"{table}\" WHERE rowid = $1"
                ))
                .bind(start)
                .fetch_one(&mut *conn)
                .await;
                if exists.map_or(true, |n| n > 0) {
                    lost += 1;
                }
            }
        }
    }
    (copied, lost)
}

/// Where a recovery of `library` writes by default: beside it, stamped with the time.
pub fn recovery_path(library: &Path) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    PathBuf::from(format!("{}.recovered-{stamp}", library.display()))
}
