//! The comparison commands (compare, collate, quotes, terms, revision) on the fictional fixtures
//! of parallax-core: human views with highlights, JSON with the schema field, and bad input.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/fixtures/compare")
        .join(relative)
}

fn parallax() -> Command {
    let mut cmd = Command::cargo_bin("parallax").expect("the parallax binary is built");
    cmd.env_remove("NO_COLOR");
    cmd
}

fn json_of(args: &[&str], files: &[&str]) -> serde_json::Value {
    let output = parallax()
        .args(args)
        .arg("--json")
        .args(files.iter().map(|f| fixture(f)))
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("stdout is one JSON document")
}

const WIRE: &str = "dravik/northgate-wire.txt";
const COPY: &str = "dravik/lakeshore-courier.txt";
const MERIDIAN: &str = "dravik/meridian-post.txt";
const KESTREL: &str = "dravik/radio-kestrel.txt";
const KESTREL_RU: &str = "dravik/radio-kestrel-ru.txt";

#[test]
fn compare_shows_word_highlights_when_piped() {
    // Not a terminal: wdiff-style markers instead of colours.
    parallax()
        .arg("compare")
        .arg(fixture(WIRE))
        .arg(fixture(COPY))
        .assert()
        .success()
        .stdout(predicate::str::contains("{+heavy +}"))
        .stdout(predicate::str::contains("[-said-]{+called+}"))
        .stdout(predicate::str::contains("A only"))
        .stdout(predicate::str::contains("B only"))
        .stdout(predicate::str::contains("moved"))
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn compare_json_has_the_schema_and_both_texts_of_every_pair() {
    let json = json_of(&["compare"], &[WIRE, MERIDIAN]);
    assert_eq!(json["schema"], "parallax.compare/2");
    assert_eq!(json["command"], "compare");
    let pairs = json["result"]["pairs"].as_array().expect("pairs");
    assert!(!pairs.is_empty());
    for pair in pairs {
        for side in ["a", "b"] {
            assert!(
                pair[side]["text"].as_str().is_some_and(|t| !t.is_empty()),
                "{pair}"
            );
            assert!(pair[side]["range"]["start"].is_u64() && pair[side]["range"]["end"].is_u64());
        }
    }
    assert_eq!(json["reports"].as_array().map(Vec::len), Some(2));
}

#[test]
fn options_reach_the_engine() {
    let strict = json_of(&["compare", "--threshold", "0.95"], &[WIRE, MERIDIAN]);
    let loose = json_of(&["compare", "--threshold", "0.2"], &[WIRE, MERIDIAN]);
    let count = |j: &serde_json::Value| j["result"]["pairs"].as_array().map_or(0, Vec::len);
    assert!(
        count(&strict) < count(&loose),
        "a higher threshold pairs fewer sentences"
    );
    let ignoring = json_of(
        &["compare", "--ignore-case", "--ignore-punctuation"],
        &[WIRE, COPY],
    );
    assert_eq!(ignoring["options"]["ignore_case"], true);
    assert_eq!(ignoring["options"]["ignore_punctuation"], true);
    parallax()
        .args(["compare", "--threshold", "2"])
        .arg(fixture(WIRE))
        .arg(fixture(COPY))
        .assert()
        .failure()
        .stderr(predicate::str::contains("between 0 and 1"));
}

#[test]
fn collate_lays_out_claims_by_report() {
    parallax()
        .arg("collate")
        .args([WIRE, COPY, MERIDIAN, KESTREL, KESTREL_RU].map(fixture))
        .assert()
        .success()
        .stdout(predicate::str::contains("A B C D E"))
        .stdout(predicate::str::contains("(only B)"))
        .stdout(predicate::str::contains("A vigil is planned"));
    let json = json_of(&["collate"], &[WIRE, COPY, MERIDIAN]);
    assert_eq!(json["schema"], "parallax.compare/2");
    let claims = json["result"]["claims"].as_array().expect("claims");
    assert!(claims
        .iter()
        .all(|c| c["cells"].as_array().map(Vec::len) == Some(3)));
}

#[test]
fn quotes_flag_a_differently_worded_quote() {
    parallax()
        .arg("quotes")
        .args([WIRE, KESTREL].map(fixture))
        .assert()
        .success()
        .stdout(predicate::str::contains("worded differently"))
        .stdout(predicate::str::contains("[-people-]{+those+}"))
        .stdout(predicate::str::contains("Halina Orsk"));
    let json = json_of(&["quotes"], &[WIRE, KESTREL]);
    assert!(json["result"]["groups"]
        .as_array()
        .is_some_and(|g| !g.is_empty()));
}

#[test]
fn terms_show_substitutions() {
    parallax()
        .arg("terms")
        .args([WIRE, COPY, MERIDIAN, KESTREL].map(fixture))
        .assert()
        .success()
        .stdout(predicate::str::contains("government ↔ regime"))
        .stdout(predicate::str::contains("militants"));
}

#[test]
fn revision_shows_the_changed_number() {
    parallax()
        .arg("revision")
        .arg(fixture("revision/meridian-aid.v1.txt"))
        .arg(fixture("revision/meridian-aid.v2.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("[-5,000-]{+6,500+}"))
        .stdout(predicate::str::contains("moved paragraph"))
        .stdout(predicate::str::contains("added paragraph"));
    let json = json_of(
        &["revision"],
        &[
            "revision/meridian-aid.v1.txt",
            "revision/meridian-aid.v2.txt",
        ],
    );
    assert_eq!(json["schema"], "parallax.compare/2");
    assert_eq!(json["command"], "revision");
    let changes = json["result"]["changes"].as_array().expect("changes");
    assert!(changes.iter().any(
        |c| c["kind"] == "edit" && c["old_text"].as_str().is_some_and(|t| t.contains("5,000"))
    ));
}

#[test]
fn mixed_scripts_and_twenty_copies_work() {
    let json = json_of(&["collate"], &[KESTREL, KESTREL_RU]);
    assert!(json["result"]["claims"]
        .as_array()
        .is_some_and(|c| !c.is_empty()));
    let twenty = vec![WIRE; 20];
    let json = json_of(&["collate"], &twenty);
    let claims = json["result"]["claims"].as_array().expect("claims");
    assert!(claims.iter().all(|c| c["carried_by"] == 20));
}

#[test]
fn bad_input_gets_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").expect("write");
    parallax()
        .arg("compare")
        .arg(&empty)
        .arg(fixture(WIRE))
        .assert()
        .failure()
        .stderr(predicate::str::contains("empty.txt"))
        .stderr(predicate::str::contains("empty"));
    parallax()
        .args(["compare", "/no/such/file.txt"])
        .arg(fixture(WIRE))
        .assert()
        .failure()
        .stderr(predicate::str::contains("cannot read /no/such/file.txt"));
    parallax()
        .args(["compare", "12"])
        .arg(fixture(WIRE))
        .arg("--db")
        .arg(dir.path().join("library.sqlite"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("library id"))
        .stderr(predicate::str::contains("article #12 was not found"));
    let many: Vec<PathBuf> = (0..101).map(|_| fixture(COPY)).collect();
    parallax()
        .arg("collate")
        .args(&many)
        .assert()
        .failure()
        .stderr(predicate::str::contains("at most 100 reports"));
}

#[test]
fn library_ids_and_files_can_be_compared_together() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("library.sqlite");
    parallax()
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(fixture(WIRE))
        .assert()
        .success();
    let output = parallax()
        .args(["compare", "--json", "1"])
        .arg(fixture(COPY))
        .arg("--db")
        .arg(&db)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "comparing library #1 with a file: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("one JSON document");
    assert_eq!(json["reports"][0]["source"], "library #1");
    assert!(
        json["result"]["pairs"]
            .as_array()
            .is_some_and(|p| !p.is_empty()),
        "the stored wire story and its copy share sentences"
    );

    parallax()
        .args(["compare", "42", "1", "--db"])
        .arg(&db)
        .assert()
        .failure()
        .stderr(predicate::str::contains("article #42 was not found"));
}

#[test]
fn compare_pairs_a_translation_by_meaning_and_says_how_it_paired() {
    let by_words = json_of(&["compare", "--by", "words"], &[KESTREL, KESTREL_RU]);
    assert_eq!(by_words["semantic"], false);
    assert_eq!(by_words["options"]["by"], "words");
    assert!(by_words["result"]["pairs"]
        .as_array()
        .expect("pairs")
        .iter()
        .all(|p| p["semantic"].is_null() && p["lexical"].is_number()));

    let by_meaning = json_of(&["compare"], &[KESTREL, KESTREL_RU]);
    assert_eq!(by_meaning["options"]["by"], "meaning");
    if by_meaning["semantic"] == false {
        // No model where the binary looks (beside it, or at PARALLAX_MODEL): words alone, and the
        // result says so. `cargo xtask test` always provides the model.
        assert!(
            std::env::var_os("PARALLAX_MODEL").is_none(),
            "PARALLAX_MODEL is set, yet compare paired by words"
        );
        return;
    }
    let pairs = by_meaning["result"]["pairs"].as_array().expect("pairs");
    let translated = pairs.iter().filter(|p| p["class"] == "translated").count();
    assert!(
        translated >= 5,
        "the Russian rendering is paired sentence by sentence: {translated} of {} pairs",
        pairs.len()
    );
    assert!(pairs.iter().all(|p| p["semantic"].is_number()));
    assert!(
        translated > by_words["result"]["pairs"].as_array().map_or(0, Vec::len),
        "meaning pairs what words cannot"
    );
}

#[test]
fn without_the_model_compare_says_it_pairs_by_words() {
    parallax()
        .env("PARALLAX_MODEL", "/no/such/model.pxm")
        .arg("compare")
        .arg(fixture(KESTREL))
        .arg(fixture(KESTREL_RU))
        .assert()
        .success()
        .stderr(predicate::str::contains("no sentence model found"));
}

/// What import refuses, compare refuses too, before reading: a device that never ends, a FIFO
/// that would block for ever, a file over 64 MiB.
#[test]
#[cfg(unix)]
fn compare_refuses_devices_pipes_and_huge_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let huge = dir.path().join("huge.txt");
    let file = std::fs::File::create(&huge).expect("create");
    file.set_len(65 << 20).expect("a sparse 65 MiB file");
    let mut refused: Vec<PathBuf> = vec![PathBuf::from("/dev/zero"), huge];
    if made {
        refused.push(fifo);
    }
    for path in refused {
        parallax()
            .arg("compare")
            .arg(&path)
            .arg(fixture(WIRE))
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .failure()
            .stderr(predicate::str::contains("cannot read"));
    }
}

/// A compared file whose title and text carry escape sequences: the terminal view sends none.
#[test]
fn compare_shows_no_control_characters_from_the_reports() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "Harbour \u{1b}]0;pwned\u{7}notice (fictional)\n\nThe ferry to Tolm ran on Monday.\u{1b}[2J It was full.\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "Harbour notice (fictional)\n\nThe ferry to Tolm ran on Monday. It was nearly full.\n",
    )
    .unwrap();
    let output = parallax()
        .args(["compare", "--by", "words"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        !output.stdout.contains(&0x1b) && !output.stdout.contains(&0x07),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn facts_lists_what_two_reports_state_differently_with_the_whole_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("harbour-wire.txt");
    let b = dir.path().join("island-courier.txt");
    std::fs::write(
        &a,
        "Ferry fire in Eastbrook\n\nFour people were hurt when a fire broke out on the night ferry on Tuesday.\n\nThe harbour master said the boat would be repaired.\n\nThe fire started in the galley, according to the Eastbrook Coastguard.",
    )
    .unwrap();
    std::fs::write(
        &b,
        "Fire on the Eastbrook ferry\n\nSeven people were hurt when a fire broke out on the night ferry on Wednesday.\n\nThe harbour master said the boat would be repaired.\n\nThe fire started in the galley, according to the Vessel Safety Board.",
    )
    .unwrap();
    parallax()
        .args(["facts", "--by", "words"])
        .arg(&a)
        .arg(&b)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "number  A [-Four-]  ≠  B {+Seven+}",
        ))
        .stdout(predicate::str::contains("date (weekday)"))
        .stdout(predicate::str::contains(
            "  A: Four people were hurt when a fire broke out on the night ferry on Tuesday.",
        ));
    let output = parallax()
        .args(["facts", "--by", "words", "--json"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["schema"], "parallax.facts/1");
    assert_eq!(json["reports"].as_array().map(Vec::len), Some(2));
    let found = json["result"]["discrepancies"].as_array().unwrap();
    let number = found.iter().find(|d| d["kind"] == "number").unwrap();
    assert_eq!(number["a"]["report"], 0);
    assert_eq!(number["a"]["value"], "Four");
    assert_eq!(number["b"]["report"], 1);
    assert_eq!(number["b"]["value"], "Seven");
    assert_eq!(
        number["b"]["sentence"],
        "Seven people were hurt when a fire broke out on the night ferry on Wednesday."
    );
    assert!(found
        .iter()
        .any(|d| d["kind"] == "date" && d["detail"] == "weekday"));
    let source = found.iter().find(|d| d["kind"] == "source").unwrap();
    assert_eq!(source["a"]["value"], "Eastbrook Coastguard");
    assert_eq!(source["b"]["value"], "Vessel Safety Board");
}

/// A statement whose first rendering is in another language than most of its group: each wording
/// is diffed against one of its own language (the invented Orlov Bay reports of the end-to-end
/// fixtures, Spanish first).
#[test]
fn quotes_in_two_languages_are_diffed_within_each_language() {
    let e2e = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../e2e/fixtures");
    let output = Command::cargo_bin("parallax")
        .unwrap()
        .arg("quotes")
        .args(
            [
                "agencia-tessel-barrera-es.html",
                "tessel-wire-barrier-en.html",
                "valley-voice-barrier-en.html",
            ]
            .map(|name| e2e.join(name)),
        )
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let shown = String::from_utf8(output.stdout).unwrap();
    assert!(
        shown.contains("[-did its job-]{+held+}") || shown.contains("[-held-]{+did its job+}"),
        "the English wordings are diffed word by word: {shown}"
    );
}
