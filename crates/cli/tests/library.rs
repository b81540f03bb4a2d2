//! The library commands of `parallax`, run as a real process on fixture files (all fictional).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library")
}

fn parallax(db: &Path) -> Command {
    let mut command = Command::cargo_bin("parallax").unwrap();
    command.arg("--db").arg(db);
    command
}

fn json_of(db: &Path, args: &[&str]) -> Value {
    let output = parallax(db).arg("--json").args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// A temporary library holding the three good fixture reports.
fn imported_library() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    parallax(&db)
        .arg("import")
        .arg(fixtures())
        .assert()
        .failure();
    (dir, db)
}

fn ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|article| article["id"].as_i64().unwrap())
        .collect()
}

#[test]
fn importing_a_folder_reports_each_file_and_fails_if_any_failed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    let output = parallax(&db)
        .arg("import")
        .arg(fixtures())
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "a failed file makes the exit code non-zero"
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 6, "one line per file:\n{stdout}");
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("imported #")).count(),
        3,
        "{stdout}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("imported #") && l.contains("Lake Varnu bursts its banks")),
        "{stdout}"
    );
    let duplicate = lines
        .iter()
        .find(|l| l.starts_with("duplicate of #"))
        .expect(&stdout);
    assert!(
        duplicate.ends_with("courier-copy.txt") || duplicate.ends_with("varnu-courier.txt"),
        "{duplicate}"
    );
    let errors: Vec<&&str> = lines.iter().filter(|l| l.starts_with("error  ")).collect();
    assert_eq!(errors.len(), 2, "{stdout}");
    assert!(
        errors.iter().any(|l| l.contains("empty.txt: ")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|l| l.contains("scrambled.pdf: ")),
        "{errors:?}"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("3 imported, 1 duplicate, 2 failed"),
        "{stderr}"
    );

    // Every good file went in despite the failures.
    assert_eq!(ids(&json_of(&db, &["list"])).len(), 3);

    // A second run finds only duplicates (and the same failures).
    let again = parallax(&db)
        .arg("import")
        .arg(fixtures())
        .output()
        .unwrap();
    let again = String::from_utf8(again.stdout).unwrap();
    assert_eq!(
        again
            .lines()
            .filter(|l| l.starts_with("duplicate of #"))
            .count(),
        4,
        "{again}"
    );
}

#[test]
fn importing_only_good_files_succeeds_and_json_lists_every_outcome() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    parallax(&db)
        .arg("import")
        .arg(fixtures().join("varnu-courier.txt"))
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "imported #1  Lake Varnu bursts its banks after record rain",
        ));
    let report = json_of(
        &db,
        &["import", fixtures().join("reports").to_str().unwrap()],
    );
    let files = report["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(report["imported"], 1);
    assert_eq!(report["duplicates"], 1);
    assert_eq!(report["failed"], 0);
    let statuses: Vec<&str> = files
        .iter()
        .map(|f| f["outcome"]["status"].as_str().unwrap())
        .collect();
    assert!(
        statuses.contains(&"imported") && statuses.contains(&"duplicate"),
        "{statuses:?}"
    );
    assert_eq!(files[1]["done"], 2);
    assert_eq!(files[1]["total"], 2);
}

#[test]
fn a_missing_path_is_a_per_file_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    parallax(&db)
        .arg("import")
        .arg(dir.path().join("nowhere.html"))
        .arg(fixtures().join("oskel-herald.txt"))
        .assert()
        .failure()
        .stdout(predicate::str::contains(
            "nowhere.html: no such file or folder",
        ))
        .stdout(predicate::str::contains("imported #1  Hundreds evacuated"));
}

#[test]
fn db_is_accepted_before_and_after_the_subcommand() {
    let (_dir, db) = imported_library();
    let before = Command::cargo_bin("parallax")
        .unwrap()
        .arg("--db")
        .arg(&db)
        .arg("list")
        .output()
        .unwrap();
    let after = Command::cargo_bin("parallax")
        .unwrap()
        .arg("list")
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert!(before.status.success() && after.status.success());
    assert_eq!(before.stdout, after.stdout);
    assert_eq!(String::from_utf8(before.stdout).unwrap().lines().count(), 3);
    let json_after = Command::cargo_bin("parallax")
        .unwrap()
        .args(["list", "--json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    let list: Value = serde_json::from_slice(&json_after.stdout).unwrap();
    assert_eq!(ids(&list).len(), 3);
}

#[test]
fn list_sorts_and_search_finds_with_snippets() {
    let (_dir, db) = imported_library();
    let by_title = json_of(&db, &["list", "--sort", "title", "--asc"]);
    let titles: Vec<&str> = by_title
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    let mut sorted = titles.clone();
    sorted.sort_by_key(|title| title.to_lowercase());
    assert_eq!(titles, sorted);
    assert_eq!(ids(&json_of(&db, &["list", "--limit", "2"])).len(), 2);

    let hits = json_of(&db, &["search", "convoys"]);
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 2, "{hits:?}");
    let snippet = &hits[0]["snippet"];
    let text = snippet["text"].as_str().unwrap();
    let first = &snippet["matches"][0];
    let (start, end) = (
        first["start"].as_u64().unwrap() as usize,
        first["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(text[start..end].to_lowercase(), "convoys");

    parallax(&db)
        .args(["search", "Mara", "Ilvesk"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Ilvesk"))
        .stdout(predicate::str::contains("\u{2}").not());
    for hostile in ["\"", "AND(", "NEAR(", "-x", "*", "col:x"] {
        parallax(&db).args(["search", hostile]).assert().success();
    }
}

#[test]
fn show_json_has_the_whole_article() {
    let (_dir, db) = imported_library();
    let hits = json_of(&db, &["search", "twelve trucks"]);
    let id = hits[0]["article"]["id"].as_i64().unwrap().to_string();
    let article = json_of(&db, &["show", &id]);
    assert_eq!(article["title"], "Brenholm sends convoys to flooded Oskel");
    let body = article["body"].as_str().unwrap();
    assert!(body.contains("twelve trucks of supplies"));
    let paragraphs = article["paragraphs"].as_array().unwrap();
    assert_eq!(paragraphs.len(), 3);
    assert!(article["source_path"]
        .as_str()
        .unwrap()
        .ends_with("brenholm-post.txt"));
    assert!(article["imported_at"].is_string());

    parallax(&db)
        .args(["show", &id])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(format!(
            "#{id}  Brenholm sends convoys to flooded Oskel"
        )))
        .stdout(predicate::str::contains(
            "The convoys are due to arrive on Tuesday morning.",
        ));
    parallax(&db)
        .args(["show", "999"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("article #999 was not found"));
}

#[test]
fn rm_hides_an_article_until_restored() {
    let (_dir, db) = imported_library();
    let id = ids(&json_of(&db, &["list"]))[0].to_string();
    parallax(&db)
        .args(["rm", &id])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("parallax restore {id}")));
    assert_eq!(ids(&json_of(&db, &["list"])).len(), 2);
    parallax(&db).args(["show", &id]).assert().failure();
    parallax(&db).args(["restore", &id]).assert().success();
    assert_eq!(ids(&json_of(&db, &["list"])).len(), 3);
    parallax(&db).args(["rm", &id]).assert().success();
    assert_eq!(json_of(&db, &["purge"])["purged"], 1);
    parallax(&db).args(["restore", &id]).assert().failure();
}

#[test]
fn edit_changes_metadata() {
    let (_dir, db) = imported_library();
    let id = ids(&json_of(&db, &["list"]))[0].to_string();
    let edited = json_of(
        &db,
        &[
            "edit",
            &id,
            "--outlet",
            "Varnu Courier",
            "--published",
            "2031-03-02",
        ],
    );
    assert_eq!(edited["outlet"], "Varnu Courier");
    assert_eq!(edited["published_at"], "2031-03-02");
    parallax(&db)
        .args(["edit", &id, "--published", "yesterday"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("not a date"));
    parallax(&db)
        .args(["edit", &id])
        .assert()
        .failure()
        .stderr(predicate::str::contains("nothing to change"));
    let outlets = json_of(&db, &["outlets"]);
    assert_eq!(outlets[0]["name"], "Varnu Courier");
    assert_eq!(outlets[0]["article_count"], 1);
}

#[test]
fn events_group_reports() {
    let (_dir, db) = imported_library();
    let all = ids(&json_of(&db, &["list"]));
    let event = json_of(&db, &["events", "create", "Lake Varnu flood (fictional)"]);
    let event_id = event["id"].as_i64().unwrap().to_string();
    assert_eq!(event["article_count"], 0);

    parallax(&db)
        .args([
            "events",
            "add",
            &event_id,
            &all[0].to_string(),
            &all[1].to_string(),
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("added 2 to event #"));
    parallax(&db)
        .args(["events", "add", &event_id, "999"])
        .assert()
        .failure();

    let listed = json_of(&db, &["events", "list"]);
    assert_eq!(listed[0]["title"], "Lake Varnu flood (fictional)");
    assert_eq!(listed[0]["article_count"], 2);
    let shown = json_of(&db, &["events", "show", &event_id]);
    let mut in_event = ids(&shown["articles"]);
    in_event.sort_unstable();
    let mut expected = vec![all[0], all[1]];
    expected.sort_unstable();
    assert_eq!(in_event, expected);
    assert_eq!(ids(&json_of(&db, &["list", "--event", &event_id])).len(), 2);

    parallax(&db)
        .args(["events", "rename", &event_id, "Varnu flood"])
        .assert()
        .success();
    parallax(&db)
        .args(["events", "show", &event_id])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(format!(
            "event #{event_id}  Varnu flood  (2 articles)"
        )));
    parallax(&db)
        .args(["events", "remove", &event_id, &all[0].to_string()])
        .assert()
        .success();
    assert_eq!(
        json_of(&db, &["events", "show", &event_id])["event"]["article_count"],
        1
    );
    parallax(&db)
        .args(["events", "delete", &event_id])
        .assert()
        .success();
    assert_eq!(
        json_of(&db, &["events", "list"]).as_array().unwrap().len(),
        0
    );
    assert_eq!(
        ids(&json_of(&db, &["list"])).len(),
        3,
        "articles outlive their event"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn without_db_the_app_library_is_used() {
    let data_home = tempfile::tempdir().unwrap();
    Command::cargo_bin("parallax")
        .unwrap()
        .env("XDG_DATA_HOME", data_home.path())
        .arg("import")
        .arg(fixtures().join("oskel-herald.txt"))
        .assert()
        .success();
    assert!(data_home
        .path()
        .join("app.parallax.desktop/library.sqlite")
        .is_file());
}

/// An article whose title and body carry terminal escape sequences (a window-title change, a
/// screen clear, an OSC 8 link): the human views show them as symbols, never send them.
#[test]
fn escape_sequences_in_articles_are_shown_not_sent_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    let file = dir.path().join("escape\u{1b}[2J.txt");
    std::fs::write(
        &file,
        "Harbour \u{1b}]0;pwned\u{7}notice of the Kelmsby council (fictional)\n\n\
         The ferry timetable changes on Monday.\u{1b}[2J The \u{1b}]8;;https://example.invalid\u{1b}\\\
         new timetable\u{1b}]8;;\u{1b}\\ is posted at the quay.\n",
    )
    .unwrap();
    let import = parallax(&db).arg("import").arg(&file).output().unwrap();
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    for args in [
        &["import"][..],
        &["list"],
        &["show", "1"],
        &["search", "timetable"],
    ] {
        let output = if args[0] == "import" {
            parallax(&db).arg("import").arg(&file).output().unwrap()
        } else {
            parallax(&db).args(args).output().unwrap()
        };
        let all = [output.stdout.as_slice(), output.stderr.as_slice()].concat();
        assert!(
            !all.contains(&0x1b) && !all.contains(&0x07),
            "{args:?} printed a control character: {}",
            String::from_utf8_lossy(&all)
        );
    }
    let shown = parallax(&db).args(["show", "1"]).output().unwrap();
    assert!(String::from_utf8_lossy(&shown.stdout).contains("\u{241b}]0;pwned"));
}

/// `parallax show … | head -1`: the reader goes away after one line; the command ends quietly
/// (no panic, no error) instead of dying of "failed printing to stdout".
#[test]
fn a_closed_pipe_ends_output_quietly() {
    use std::io::Read;
    use std::process::{Command as Process, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    let file = dir.path().join("long.txt");
    let paragraph = "The invented town of Oskel counted its ferry passengers again on Monday. ";
    let body: String = (0..4_000).map(|k| format!("{paragraph}{k}\n\n")).collect();
    std::fs::write(&file, format!("Oskel ferry counts (fictional)\n\n{body}")).unwrap();
    parallax(&db).arg("import").arg(&file).assert().success();

    let mut child = Process::new(assert_cmd::cargo::cargo_bin("parallax"))
        .arg("--db")
        .arg(&db)
        .args(["show", "1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "exit {status}: {stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
        "{stderr}"
    );
}

/// A file that takes longer than the time bound to extract (a 6 MB page on one line, under the
/// markup bound, seconds to parse) fails with a message saying so, without holding up the batch:
/// the other files import.
#[test]
fn a_file_over_the_time_bound_is_skipped_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    let folder = dir.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    let words = "the invented harbour of Kelmsby ".repeat(200_000);
    std::fs::write(
        folder.join("heavy.html"),
        format!("<html><head><title>Heavy page</title></head><body><p>{words}</p></body></html>"),
    )
    .unwrap();
    for k in 0..2 {
        std::fs::write(
            folder.join(format!("brief-{k}.txt")),
            format!(
                "Kelmsby brief {k} (fictional)\n\nThe harbour office opened at nine on day {k}.\n"
            ),
        )
        .unwrap();
    }
    let started = std::time::Instant::now();
    let output = parallax(&db)
        .env("PARALLAX_EXTRACT_SECONDS", "1")
        .arg("import")
        .arg(&folder)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("longer than 1 s"), "{stdout}");
    assert_eq!(stdout.matches("imported #").count(), 2, "{stdout}");
    assert!(
        started.elapsed().as_secs() < 30,
        "the batch did not wait for the heavy file"
    );
}

/// A whole library written to one file and put back: what was deleted meanwhile returns, and the
/// replaced library is kept beside it. `check` says a healthy library is healthy.
#[test]
fn export_and_restore_a_whole_library() {
    let (dir, db) = imported_library();
    parallax(&db)
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("healthy"));
    let export = dir.path().join("export.sqlite");
    parallax(&db)
        .arg("export-library")
        .arg(&export)
        .assert()
        .success();
    parallax(&db)
        .arg("export-library")
        .arg(&export)
        .assert()
        .failure()
        .stderr(predicate::str::contains("exists already"));
    let before = ids(&json_of(&db, &["list"]));
    parallax(&db)
        .args(["rm", &before[0].to_string()])
        .assert()
        .success();
    parallax(&db).arg("purge").assert().success();
    assert_eq!(ids(&json_of(&db, &["list"])).len(), before.len() - 1);

    parallax(&db)
        .arg("restore-library")
        .arg(&export)
        .assert()
        .success()
        .stdout(predicate::str::contains("before-restore"));
    assert_eq!(
        ids(&json_of(&db, &["list"])),
        before,
        "the export's articles are back"
    );
    let kept = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("library.sqlite.before-restore-")
        });
    assert!(kept, "the replaced library is kept beside it");

    // A damaged file is not restored, and the library stays as it is.
    let junk = dir.path().join("junk.sqlite");
    std::fs::write(&junk, vec![0x5a; 64 << 10]).unwrap();
    parallax(&db)
        .arg("restore-library")
        .arg(&junk)
        .assert()
        .failure();
    assert_eq!(ids(&json_of(&db, &["list"])), before);
}

/// Random bytes written into the middle of a library: `check` says it is damaged (or the library
/// does not open at all), never that it is healthy.
#[test]
fn check_finds_a_damaged_library() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    let folder = dir.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    for k in 0..60 {
        let body: String = (0..400).map(|w| format!("harbour{k}w{w} ")).collect();
        std::fs::write(
            folder.join(format!("notice-{k}.txt")),
            format!("Harbour notice {k} (fictional)\n\n{body}\n"),
        )
        .unwrap();
    }
    parallax(&db).arg("import").arg(&folder).assert().success();
    let mut bytes = std::fs::read(&db).unwrap();
    let middle = bytes.len() / 2;
    let end = middle + (64 << 10).min(bytes.len() - middle);
    let mut seed = 0x2545_f491u32;
    for byte in &mut bytes[middle..end] {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        *byte = seed as u8;
    }
    std::fs::write(&db, bytes).unwrap();
    let output = parallax(&db).arg("check").output().unwrap();
    assert!(!output.status.success(), "a damaged library is not healthy");
    let said = String::from_utf8_lossy(&output.stdout) + String::from_utf8_lossy(&output.stderr);
    assert!(!said.contains("healthy"), "{said}");
    assert!(
        said.contains("parallax recover"),
        "the way back is named: {said}"
    );

    // Recovery saves what can be read, puts it in place and keeps the damaged library.
    let output = parallax(&db).arg("recover").output().unwrap();
    let said = String::from_utf8_lossy(&output.stdout) + String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{said}");
    assert!(said.contains("rows saved"), "{said}");
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| {
            name.contains("before-restore") && !name.ends_with("-wal") && !name.ends_with("-shm")
        })
        .collect();
    assert_eq!(
        kept.len(),
        1,
        "the damaged library is kept beside it: {said}"
    );
    parallax(&db)
        .arg("check")
        .assert()
        .success()
        .stdout(predicates::str::contains("healthy"));
    let listed = parallax(&db).arg("list").output().unwrap();
    assert!(listed.status.success());
    // Which rows the damage took depends on the page layout; what was saved is listed.
    if !said.contains("articles: 0 rows saved") && said.contains("articles: ") {
        assert!(
            String::from_utf8_lossy(&listed.stdout).contains("Harbour notice"),
            "{said}\nlist said: {}\n{}",
            String::from_utf8_lossy(&listed.stdout),
            String::from_utf8_lossy(&listed.stderr)
        );
    }
}

/// A library whose folder and file cannot be written (checked as another user when the tests
/// run as root, for whom permissions do not apply): it is read, and a change is refused once,
/// with the reason.
#[cfg(unix)]
#[test]
fn a_library_in_a_read_only_folder_is_read_and_changes_are_refused() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shelf");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("library.sqlite");
    let notices = dir.path().join("notices");
    std::fs::create_dir(&notices).unwrap();
    for k in 0..3 {
        std::fs::write(
            notices.join(format!("notice-{k}.txt")),
            format!("Harbour notice {k} (fictional)\n\nThe ferry to berth {k} runs late today.\n"),
        )
        .unwrap();
    }
    parallax(&db)
        .arg("import")
        .arg(notices.join("notice-0.txt"))
        .assert()
        .success();
    let mode = |path: &Path, bits: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(bits)).unwrap();
    };
    mode(dir.path(), 0o755);
    mode(&notices, 0o755);
    mode(&db, 0o444);
    mode(&folder, 0o555);
    let as_root = std::fs::metadata(&db).unwrap().uid() == 0;
    let run = |args: &[&str]| -> std::process::Output {
        let bin = assert_cmd::cargo::cargo_bin("parallax");
        let mut command = if as_root {
            let mut c = std::process::Command::new("setpriv");
            c.args(["--reuid=nobody", "--regid=nogroup", "--clear-groups"])
                .arg(bin);
            c
        } else {
            std::process::Command::new(bin)
        };
        command.arg("--db").arg(&db).args(args).output().unwrap()
    };
    if as_root
        && std::process::Command::new("setpriv")
            .arg("--help")
            .output()
            .is_err()
    {
        eprintln!("skipped: running as root without setpriv to drop to another user");
        return;
    }
    let listed = run(&["list"]);
    let said = String::from_utf8_lossy(&listed.stderr);
    assert!(listed.status.success(), "{said}");
    assert!(String::from_utf8_lossy(&listed.stdout).contains("Harbour notice 0"));
    assert!(said.contains("cannot be written"), "it says why: {said}");

    let imported = run(&["import", notices.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&imported.stdout);
    assert!(!imported.status.success());
    assert!(out.contains("read-only"), "{out}");
    assert!(
        out.contains("not tried"),
        "the batch stops at the first refusal: {out}"
    );
    mode(&folder, 0o755);
}

mod addresses {
    //! `import` with web addresses and `refresh`, against the fixture server on 127.0.0.1.

    use parallax_fetch::fixture_server::FixtureServer;
    use predicates::prelude::*;

    use super::{json_of, parallax};

    #[test]
    fn addresses_are_fetched_imported_and_known_afterwards() {
        let server = FixtureServer::start().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("library.sqlite");
        parallax(&db)
            .args(["import", &server.url("/moved"), &server.url("/missing")])
            .assert()
            .failure()
            .stdout(predicate::str::contains(
                "imported #1  Night ferry line approved",
            ))
            .stdout(predicate::str::contains("redirected: "))
            .stdout(predicate::str::contains(format!(
                "error  {}: ",
                server.url("/missing")
            )))
            .stdout(predicate::str::contains("404 (no page at this address)"))
            .stderr(predicate::str::contains(
                "1 imported, 0 duplicates, 1 failed",
            ));
        // A list on standard input: the known address is not fetched again.
        let hits = server.hits("/article");
        parallax(&db)
            .args(["import", "--urls", "-"])
            .write_stdin(format!(
                "# reading list\n\n{}\n{}\n",
                server.url("/article?utm_source=feed"),
                server.url("/plain")
            ))
            .assert()
            .success()
            .stdout(predicate::str::contains("already in the library as #1"))
            .stdout(predicate::str::contains("parallax refresh 1"))
            .stdout(predicate::str::contains("imported #2  Ferry fares set"));
        assert_eq!(server.hits("/article"), hits);
    }

    #[test]
    fn refresh_makes_a_new_version_when_the_page_changed() {
        let server = FixtureServer::start().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("library.sqlite");
        parallax(&db)
            .args(["import", &server.url("/changing")])
            .assert()
            .success();
        parallax(&db)
            .args(["refresh", "1"])
            .assert()
            .success()
            .stdout(predicate::str::contains("#1  new version #2"));
        let report = json_of(&db, &["refresh", "2"]);
        assert_eq!(report[0]["status"], "unchanged");
        parallax(&db)
            .args(["refresh", "99"])
            .assert()
            .failure()
            .stdout(predicate::str::contains("error  #99"));
    }
}

#[test]
fn new_articles_are_offered_their_event_and_the_rest_proposed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let ferry_a = write(
        "ferry-a.txt",
        "Eastbrook approves night ferry\n\nThe Eastbrook harbour council approved the night ferry on Tuesday.\n\nCouncillor Mara Fenwick said 1,200 passengers would use it every night.",
    );
    let ferry_b = write(
        "ferry-b.txt",
        "Night ferry for Eastbrook\n\nMara Fenwick, an Eastbrook councillor, said the new line would carry 1200 people a night.\n\nThe harbour council's vote came after a long debate.",
    );
    let dam_a = write(
        "dam-a.txt",
        "Velmar reservoir shut\n\nThe Velmar water board closed the reservoir after 41 days without rain.\n\nIts chair, Olek Brandt, said the closure would last until the rains return.",
    );
    let dam_b = write(
        "dam-b.txt",
        "Drought in Velmar\n\nOlek Brandt of the Velmar board said the reservoir stays shut after 41 dry days.\n\nFarmers near Velmar asked for water deliveries.",
    );
    parallax(&db).arg("import").arg(&ferry_a).assert().success();
    parallax(&db)
        .args(["events", "create", "Eastbrook night ferry"])
        .assert()
        .success();
    parallax(&db)
        .args(["events", "add", "1", "1"])
        .assert()
        .success();
    parallax(&db)
        .arg("import")
        .args([&ferry_b, &dam_a, &dam_b])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "#2 may cover the same event as “Eastbrook night ferry” (event 1): parallax events add 1 2",
        ))
        .stdout(predicate::str::contains("#3 may cover").not());
    parallax(&db)
        .args(["events", "propose", "--create"])
        .assert()
        .success()
        .stdout(predicate::str::contains("created"))
        .stdout(predicate::str::contains("articles 3 4"));
}

/// `parallax library copy` copies a library into another and, run again, copies nothing twice.
#[test]
fn a_library_is_copied_into_another_once() {
    let (dir, db) = imported_library();
    let other = dir.path().join("team.sqlite");
    let copy = |db: &PathBuf| {
        parallax(db)
            .args(["--json", "library", "copy", "--to"])
            .arg(&other)
            .output()
            .unwrap()
    };
    let first = copy(&db);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let report: Value = serde_json::from_slice(&first.stdout).unwrap();
    assert_eq!(report["articles_copied"], 3);
    assert!(String::from_utf8_lossy(&first.stderr).contains("articles 3 of 3"));
    let again: Value = serde_json::from_slice(&copy(&db).stdout).unwrap();
    assert_eq!(
        (
            again["articles_copied"].as_i64(),
            again["articles_present"].as_i64()
        ),
        (Some(0), Some(3))
    );
    let listed = json_of(&other, &["list"]);
    assert_eq!(ids(&listed).len(), 3, "the copy lists the three reports");
}
