//! Opening libraries: migrations from empty, SQLite settings, parent folders, bad files.

use parallax_store::{Store, StoreError};
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use sqlx::Connection;

use crate::common::raw;

const TABLES: &[&str] = &[
    "outlets",
    "articles",
    "articles_fts",
    "events",
    "event_articles",
    "sessions",
    "session_articles",
    "annotations",
];

#[tokio::test]
async fn migrations_create_every_table_from_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite");
    let store = Store::open(&path).await.unwrap();
    store.close().await;

    let mut conn = raw(&path).await;
    let names: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
            .fetch_all(&mut conn)
            .await
            .unwrap();
    for table in TABLES {
        assert!(
            names.iter().any(|name| name == table),
            "table {table} missing; found {names:?}"
        );
    }
    let applied: i64 = sqlx::query_scalar("SELECT count(*) FROM _sqlx_migrations WHERE success")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert!(applied >= 1);
    let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(journal, "wal");
}

#[tokio::test]
async fn sessions_and_annotations_accept_rows() {
    let (dir, store) = crate::common::temp_sqlite_store().await;
    let id = crate::common::import(
        &store,
        &crate::common::article("A", None, None, &["Some text here."]),
    )
    .await;
    store.close().await;
    let mut conn = raw(&dir.path().join("library.sqlite")).await;
    sqlx::query("PRAGMA foreign_keys = ON")
        .execute(&mut conn)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO sessions (id, name, mode, options, created_at, updated_at)
         VALUES (1, 'Side by side', 'panes', '{\"panes\":2}', 'now', 'now')",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    sqlx::query("INSERT INTO session_articles (session_id, article_id, position) VALUES (1, ?, 0)")
        .bind(id)
        .execute(&mut conn)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO annotations (session_id, article_id, start, \"end\", note, created_at)
         VALUES (1, ?, 0, 4, 'check this', 'now')",
    )
    .bind(id)
    .execute(&mut conn)
    .await
    .unwrap();
    let bad_options = sqlx::query(
        "INSERT INTO sessions (name, mode, options, created_at, updated_at) VALUES ('x', 'panes', 'not json', 'now', 'now')",
    )
    .execute(&mut conn)
    .await;
    assert!(bad_options.is_err(), "session options must be JSON");
    let dangling = sqlx::query(
        "INSERT INTO session_articles (session_id, article_id, position) VALUES (1, 9999, 1)",
    )
    .execute(&mut conn)
    .await;
    assert!(dangling.is_err(), "foreign keys are enforced");
}

#[tokio::test]
async fn reopening_keeps_the_data_and_runs_no_migration_twice() {
    let (dir, store) = crate::common::temp_sqlite_store().await;
    crate::common::import(
        &store,
        &crate::common::article("Kept", None, None, &["Body text stays."]),
    )
    .await;
    store.close().await;
    let store = Store::open(dir.path().join("library.sqlite"))
        .await
        .unwrap();
    assert_eq!(store.count_articles().await.unwrap(), 1);
    assert_eq!(store.check_integrity().await.unwrap(), Ok(()));
}

#[tokio::test]
async fn open_creates_parent_folders() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a").join("b").join("library.sqlite");
    let store = Store::open(&path).await.unwrap();
    assert_eq!(store.count_articles().await.unwrap(), 0);
    assert!(path.exists());
}

#[tokio::test]
async fn a_file_that_is_not_a_library_is_refused_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.sqlite");
    std::fs::write(
        &path,
        b"these are plain notes, not a database, padded to look like a file header",
    )
    .unwrap();
    let error = Store::open(&path).await.unwrap_err();
    let message = error.to_string();
    assert!(message.contains("notes.sqlite"), "{message}");
    assert!(matches!(
        error,
        StoreError::Open { .. } | StoreError::Migrate(_) | StoreError::Database(_)
    ));
}

#[tokio::test]
async fn in_memory_libraries_work_and_are_separate() {
    let first = Store::open_in_memory().await.unwrap();
    let second = Store::open_in_memory().await.unwrap();
    crate::common::import(
        &first,
        &crate::common::article("Only here", None, None, &["Text."]),
    )
    .await;
    assert_eq!(first.count_articles().await.unwrap(), 1);
    assert_eq!(second.count_articles().await.unwrap(), 0);
}

#[cfg(target_os = "linux")]
#[test]
fn default_path_is_the_app_data_folder() {
    // Run in a child process so changing the environment cannot disturb other tests.
    if let Ok(expected) = std::env::var("PARALLAX_TEST_EXPECTED_DATA_HOME") {
        let path = parallax_store::default_library_path().unwrap();
        assert_eq!(
            path,
            std::path::Path::new(&expected)
                .join("app.parallax.desktop")
                .join("library.sqlite")
        );
        return;
    }
    let data_home = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "open::default_path_is_the_app_data_folder",
            "--test-threads=1",
        ])
        .env("XDG_DATA_HOME", data_home.path())
        .env("PARALLAX_TEST_EXPECTED_DATA_HOME", data_home.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(
        stdout.contains("1 passed"),
        "the child ran no test: {stdout}"
    );
}

#[tokio::test]
async fn a_library_from_a_newer_version_is_refused_clearly() {
    let (dir, store) = crate::common::temp_sqlite_store().await;
    store.close().await;
    let path = dir.path().join("library.sqlite");
    let mut conn = raw(&path).await;
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
         VALUES (9999, 'from the future', 1, x'00', 0)",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    drop(conn);
    let error = Store::open(&path).await.unwrap_err();
    assert!(matches!(error, StoreError::NewerLibrary(9999)), "{error:?}");
    assert!(
        error.to_string().contains("newer version of Parallax"),
        "{error}"
    );
}

#[tokio::test]
async fn two_stores_on_one_file_import_at_once_without_losing_or_doubling() {
    // As when the command line imports while the app is open.
    let (dir, first) = crate::common::temp_sqlite_store().await;
    let second = Store::open(dir.path().join("library.sqlite"))
        .await
        .unwrap();
    let run = |store: Store, offset: usize| async move {
        let mut fresh = 0;
        for n in 0..30 {
            // Half the texts are shared by both writers: each must land exactly once.
            let key = if n % 2 == 0 { n } else { n + offset };
            let paragraphs = crate::common::flood_report(key);
            let paragraphs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
            let report = crate::common::article(
                &format!("Report {key}"),
                Some("Varnu Courier"),
                None,
                &paragraphs,
            );
            if let parallax_store::ImportOutcome::Imported { .. } =
                store.import_article(&report, None, None).await.unwrap()
            {
                fresh += 1;
            }
        }
        fresh
    };
    let (a, b) = tokio::join!(
        tokio::spawn(run(first.clone(), 1000)),
        tokio::spawn(run(second.clone(), 2000))
    );
    let imported = a.unwrap() + b.unwrap();
    assert_eq!(
        imported,
        15 + 15 + 15,
        "shared texts once, each writer's own texts once"
    );
    assert_eq!(first.count_articles().await.unwrap(), 45);
    assert_eq!(first.list_outlets().await.unwrap().len(), 1);
    assert_eq!(second.check_integrity().await.unwrap(), Ok(()));
}

/// Three openers of one brand-new library at once (three processes, as far as SQLite can tell:
/// three pools): every one opens it, the migrations applied once.
#[tokio::test(flavor = "multi_thread", worker_threads = 3)]
async fn three_openers_of_a_new_library_at_once_all_succeed() {
    for round in 0..8 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite");
        let openers: Vec<_> = (0..3)
            .map(|_| {
                let path = path.clone();
                tokio::spawn(async move { Store::open(&path).await })
            })
            .collect();
        for opener in openers {
            let store = opener
                .await
                .unwrap()
                .unwrap_or_else(|e| panic!("round {round}: {e}"));
            store.close().await;
        }
        let mut conn = raw(&path).await;
        let (rows, versions): (i64, i64) =
            sqlx::query_as("SELECT COUNT(*), COUNT(DISTINCT version) FROM _sqlx_migrations")
                .fetch_one(&mut conn)
                .await
                .unwrap();
        assert!(
            rows >= 3 && rows == versions,
            "each migration applied once: {rows} rows, {versions} versions"
        );
    }
}

/// An older library at `path`: every migration but the last applied. Returns a connection to it
/// and the latest migration's version.
async fn older_library(path: &std::path::Path) -> (SqliteConnection, i64) {
    let mut migrator = sqlx::migrate!("../../migrations/sqlite");
    let latest = migrator.iter().map(|m| m.version).max().unwrap();
    migrator.migrations = migrator
        .iter()
        .filter(|m| m.version < latest)
        .cloned()
        .collect::<Vec<_>>()
        .into();
    let mut conn = SqliteConnection::connect_with(
        &SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true),
    )
    .await
    .unwrap();
    migrator.run(&mut conn).await.unwrap();
    (conn, latest)
}

/// Opening a library that lacks a migration copies it first (`….before-migration-N`), then
/// brings it up to date.
#[tokio::test]
async fn a_library_is_copied_before_migrations_change_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite");
    let (conn, latest) = older_library(&path).await;
    drop(conn);

    let store = Store::open(&path).await.unwrap();
    store.close().await;
    let backup = dir
        .path()
        .join(format!("library.sqlite.before-migration-{latest}"));
    assert!(backup.is_file(), "a copy was taken before migrating");
    let mut copy = raw(&backup).await;
    let had: i64 = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
        .fetch_one(&mut copy)
        .await
        .unwrap();
    assert_eq!(had, latest - 1, "the copy is the library as it was");
    // Up to date now: opening again takes no new copy.
    std::fs::remove_file(&backup).unwrap();
    Store::open(&path).await.unwrap().close().await;
    assert!(!backup.exists());
}

/// Three openers of one older library at once, in one process (the app and its CLI, or two
/// windows): each takes the copy before migrating under a name of its own, none fails, and the
/// copy kept is whole.
#[tokio::test(flavor = "multi_thread", worker_threads = 3)]
async fn three_openers_of_an_older_library_at_once_all_succeed() {
    for round in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite");
        let (mut conn, latest) = older_library(&path).await;
        // Enough in it that the copies take a while, and overlap.
        sqlx::raw_sql(
            "CREATE TABLE padding (bytes BLOB); \
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000) \
             INSERT INTO padding SELECT randomblob(8192) FROM n;",
        )
        .execute(&mut conn)
        .await
        .unwrap();
        drop(conn);

        let openers: Vec<_> = (0..3)
            .map(|_| {
                let path = path.clone();
                tokio::spawn(async move { Store::open(&path).await })
            })
            .collect();
        for opener in openers {
            let store = opener
                .await
                .unwrap()
                .unwrap_or_else(|e| panic!("round {round}: {e}"));
            store.close().await;
        }
        let backup = dir
            .path()
            .join(format!("library.sqlite.before-migration-{latest}"));
        let mut copy = raw(&backup).await;
        let (had, padding): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT MAX(version) FROM _sqlx_migrations), (SELECT COUNT(*) FROM padding)",
        )
        .fetch_one(&mut copy)
        .await
        .unwrap();
        assert_eq!(
            (had, padding),
            (latest - 1, 4000),
            "round {round}: the copy is whole"
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.contains(".partial"))
            .collect();
        assert!(
            leftovers.is_empty(),
            "round {round}: partial copies left: {leftovers:?}"
        );
    }
}

#[tokio::test]
async fn closing_leaves_no_write_ahead_log_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite");
    for round in 0..5 {
        let store = Store::open(&path).await.unwrap();
        let text =
            format!("Round {round}. The harbour ferry sailed at dawn for the {round}th time.");
        store
            .import_bytes(text.into_bytes(), &format!("round-{round}.txt"), None)
            .await
            .unwrap();
        store.close().await;
        for suffix in ["-wal", "-shm"] {
            let side = dir.path().join(format!("library.sqlite{suffix}"));
            assert!(
                !side.exists(),
                "round {round}: {} left behind",
                side.display()
            );
        }
    }
}
