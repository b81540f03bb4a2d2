//! A process killed in the middle of a batch import leaves no partial article and a library that opens.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use parallax_store::{ImportOutcome, Store};

use crate::common::{article, raw};

/// Set in the child: the library file it imports into.
const CHILD_DB: &str = "PARALLAX_STORE_CRASH_CHILD_DB";
const CHILD_TEST: &str = "crash::child_imports_until_killed";
const OUTLETS: [(&str, &str); 4] = [
    ("Varnu Courier", "courier.example"),
    ("Oskel Herald", "herald.example"),
    ("Brenholm Post", "post.example"),
    ("Lakeside Gazette", "gazette.example"),
];
/// Imports seen committed before the kill.
const KILL_AFTER: usize = 40;

/// The child's side: imports big invented articles in a loop, printing a line after each commit,
/// until it is killed. Ignored in normal runs; the test below starts it.
#[tokio::test]
#[ignore = "run by killed_import_leaves_a_consistent_library as a child process"]
async fn child_imports_until_killed() {
    let path = std::env::var(CHILD_DB).expect("run by the crash test with the library path set");
    let store = Store::open(&path).await.unwrap();
    let filler =
        "The fictional valley waited for the water to go down while officials counted the cost. "
            .repeat(150);
    let start = store.count_articles().await.unwrap() as usize;
    for n in start.. {
        let (outlet, domain) = OUTLETS[n % OUTLETS.len()];
        let first = format!("Crash-test report {n} about the invented Lake Varnu flood.");
        let mut report = article(
            &format!("Report {n}"),
            Some(outlet),
            Some(domain),
            &[&first, &filler, &filler],
        );
        report.url = Some(format!("https://{domain}/report-{n}"));
        let original = report.body().into_bytes();
        let outcome = store
            .import_article(&report, Some(&original), Some("crash-test"))
            .await
            .unwrap();
        assert!(
            matches!(outcome, ImportOutcome::Imported { .. }),
            "{outcome:?}"
        );
        println!("committed {n}");
    }
}

#[tokio::test]
async fn killed_import_leaves_a_consistent_library() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite");
    // Kill at a few different moments; each round continues the same library.
    let mut rows = 0;
    for pause_ms in [0, 2, 5] {
        let committed = run_child_and_kill(&path, Duration::from_millis(pause_ms));
        let store = Store::open(&path)
            .await
            .expect("the library opens after the crash");
        assert_eq!(store.check_integrity().await.unwrap(), Ok(()));
        let before = rows;
        rows = store.count_articles().await.unwrap() as usize;
        // Every reported commit survives. A commit can land before its line reaches the pipe (the kill
        // may fall between them); CI once saw two such rows, so allow a small margin above, never below.
        let new_rows = rows - before;
        assert!(
            (committed..=committed + 2).contains(&new_rows),
            "{new_rows} rows for {committed} reported commits"
        );
        let hits = store
            .search(&format!("\"Crash-test report {}\"", rows - 1), 5)
            .await
            .unwrap();
        assert_eq!(hits.len(), 1, "the last committed article is searchable");
        store.close().await;
    }

    let mut conn = raw(&path).await;
    let without_index: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM articles_fts_docsize d WHERE d.id = a.id)",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    assert_eq!(without_index, 0, "every article has its search row");
    let index_rows: i64 = sqlx::query_scalar("SELECT count(*) FROM articles_fts_docsize")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(
        index_rows as usize, rows,
        "no search row without its article"
    );
    let without_outlet: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM outlets o WHERE o.id = a.outlet_id)",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    assert_eq!(without_outlet, 0, "every article has its outlet");
    let outlets: i64 = sqlx::query_scalar("SELECT count(*) FROM outlets")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(outlets as usize, OUTLETS.len().min(rows));
    let broken_keys: Vec<(String,)> = sqlx::query_as("PRAGMA foreign_key_check")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    assert!(broken_keys.is_empty());
    let complete: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM articles WHERE original IS NOT NULL AND length(original) = length(CAST(body AS BLOB))",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    assert_eq!(complete as usize, rows, "every article was written whole");
}

/// Starts the child, waits for [`KILL_AFTER`] commits, pauses, kills it; returns the commits it reported.
fn run_child_and_kill(path: &std::path::Path, pause: Duration) -> usize {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            CHILD_TEST,
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_DB, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut committed = 0;
    while committed < KILL_AFTER {
        let line = lines
            .next()
            .expect("the child stopped before being killed")
            .unwrap();
        if line.starts_with("committed ") {
            committed += 1;
        }
    }
    // Let it get into the next transactions, then kill it without warning (SIGKILL on Unix).
    std::thread::sleep(pause);
    child.kill().unwrap();
    child.wait().unwrap();
    committed
        + lines
            .map_while(Result::ok)
            .filter(|line| line.starts_with("committed "))
            .count()
}
