//! `parallax session list|show|export`, run as a real process on a library holding the fictional
//! sample (five invented pages and its two sessions), built through the same service layer the
//! app uses.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

fn parallax(db: &Path) -> Command {
    let mut command = Command::cargo_bin("parallax").unwrap();
    command.arg("--db").arg(db);
    command
}

/// A temporary library with the sample imported and its sessions made.
fn sample_library() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let store = parallax_store::Store::open(&db).await.unwrap();
        parallax_service::sample::open_sample_library(&store)
            .await
            .unwrap();
        store.close().await;
    });
    (dir, db)
}

fn stdout_of(command: &mut Command) -> String {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn sessions_are_listed_shown_and_exported_as_the_app_builds_them() {
    let (_dir, db) = sample_library();
    let list: Value = serde_json::from_str(&stdout_of(
        parallax(&db).args(["--json", "session", "list"]),
    ))
    .unwrap();
    let sessions = list.as_array().expect("a list");
    assert_eq!(sessions.len(), 2, "{list}");
    let four = sessions
        .iter()
        .find(|s| s["name"].as_str().unwrap().contains("four outlets"))
        .expect("the sample's four-outlet session");
    let id = four["id"].as_i64().unwrap().to_string();

    let human = stdout_of(parallax(&db).args(["session", "list"]));
    assert!(
        human.contains("four outlets") && human.contains("versions"),
        "{human}"
    );

    let shown = stdout_of(parallax(&db).args(["session", "show", &id]));
    assert!(shown.contains("Port Maren"), "{shown}");
    assert!(
        shown.contains("claims") && shown.contains("% shared"),
        "{shown}"
    );

    let model: Value = serde_json::from_str(&stdout_of(
        parallax(&db).args(["--json", "session", "show", &id]),
    ))
    .unwrap();
    assert_eq!(model["schema"], "parallax.session/1", "{model}");
    assert_eq!(model["model"]["panes"].as_array().map(Vec::len), Some(4));

    let csv = stdout_of(parallax(&db).args(["session", "export", &id, "--format", "csv"]));
    assert!(
        csv.starts_with('\u{feff}'),
        "the CSV opens in spreadsheets as UTF-8"
    );
    assert!(csv.lines().count() > 5, "{csv}");

    let file = db.with_file_name("report.html");
    parallax(&db)
        .args(["session", "export", &id, "--out"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("wrote"));
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{:?}", html.get(..40));
    assert!(html.contains("Port Maren"));
}

#[test]
fn a_missing_session_is_said_plainly() {
    let (_dir, db) = sample_library();
    parallax(&db)
        .args(["session", "show", "999"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("session #999 was not found"));
}
