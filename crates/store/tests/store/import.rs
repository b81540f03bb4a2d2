//! Importing: dedup, outlets, original bytes, batches with bad files, size and permission limits.

use std::path::Path;

use parallax_store::{collect_import_paths, ImportOutcome, ImportProgress, Store};

use crate::common::{article, flood_report, import, raw_library, temp_store};

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, text).unwrap();
    path
}

fn report_text(n: usize) -> String {
    format!(
        "Lake Varnu flood, report {n} (fictional)\n\n{}",
        flood_report(n).join("\n\n")
    )
}

#[tokio::test]
async fn the_same_text_twice_is_a_duplicate_not_a_second_row() {
    let (_dir, store) = temp_store().await;
    let paragraphs = flood_report(1);
    let paragraphs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    let first = import(
        &store,
        &article("Flood", Some("Varnu Courier"), None, &paragraphs),
    )
    .await;

    // Same body with other spacing and case, under another title: still the same article.
    let shouted: Vec<String> = paragraphs
        .iter()
        .map(|p| format!("  {}  ", p.to_uppercase()))
        .collect();
    let shouted: Vec<&str> = shouted.iter().map(String::as_str).collect();
    let again = store
        .import_article(&article("FLOOD!", None, None, &shouted), None, None)
        .await
        .unwrap();
    assert_eq!(
        again,
        ImportOutcome::Duplicate {
            existing_id: first,
            title: "Flood".into()
        }
    );
    assert_eq!(store.count_articles().await.unwrap(), 1);
}

#[tokio::test]
async fn a_file_keeps_its_original_bytes_path_and_paragraphs() {
    let (dir, store) = temp_store().await;
    let path = write(dir.path(), "varnu.txt", &report_text(7));
    let outcome = store.import_file(&path).await;
    let ImportOutcome::Imported { id, title, .. } = outcome else {
        panic!("{outcome:?}")
    };
    let detail = store.article(id).await.unwrap();
    assert_eq!(detail.title, title);
    assert_eq!(
        detail.source_path.as_deref(),
        Some(path.display().to_string().as_str())
    );
    assert!(detail.has_original);
    assert_eq!(
        store.original_bytes(id).await.unwrap().unwrap(),
        std::fs::read(&path).unwrap()
    );
    assert_eq!(detail.paragraphs.join("\n\n"), detail.body);
    assert!(detail.paragraphs.len() >= 3, "{:?}", detail.paragraphs);
    assert_eq!(
        detail.word_count as usize,
        detail.body.split_whitespace().count()
    );
    assert_eq!(
        detail.content_hash,
        parallax_core::extract::content_hash(&detail.body)
    );

    // The same file again: a duplicate pointing at the first import.
    assert_eq!(
        store.import_file(&path).await,
        ImportOutcome::Duplicate {
            existing_id: id,
            title: detail.title.clone()
        }
    );
}

#[tokio::test]
async fn import_bytes_reports_extraction_errors_per_file() {
    let (_dir, store) = temp_store().await;
    let outcome = store
        .import_bytes(Vec::new(), "empty.txt", Some("/drop/empty.txt"))
        .await
        .unwrap();
    let ImportOutcome::Failed { path, message } = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(path, "/drop/empty.txt");
    assert!(message.contains("empty"), "{message}");
    let good = store
        .import_bytes(report_text(2).into_bytes(), "two.txt", None)
        .await
        .unwrap();
    assert!(matches!(good, ImportOutcome::Imported { .. }), "{good:?}");
}

#[tokio::test]
async fn outlets_are_shared_by_domain_then_by_name() {
    let (dir, store) = temp_store().await;
    let a = import(
        &store,
        &article(
            "A",
            Some("Varnu Courier"),
            Some("www.Courier.example"),
            &["One body."],
        ),
    )
    .await;
    let b = import(
        &store,
        &article(
            "B",
            Some("The Varnu Courier"),
            Some("courier.example"),
            &["Two body."],
        ),
    )
    .await;
    let c = import(
        &store,
        &article("C", Some("Oskel Herald"), None, &["Three body."]),
    )
    .await;
    let d = import(
        &store,
        &article(
            "D",
            Some("oskel herald"),
            Some("herald.example"),
            &["Four body."],
        ),
    )
    .await;
    let mut by_url = article("E", None, None, &["Five body."]);
    by_url.url = Some("https://www.herald.example/2031/flood".into());
    let e = import(&store, &by_url).await;
    let nobody = import(&store, &article("F", None, None, &["Six body."])).await;

    let outlet_of = |id: i64| {
        let store = store.clone();
        async move { store.article(id).await.unwrap().outlet_id }
    };
    assert_eq!(outlet_of(a).await, outlet_of(b).await);
    assert_eq!(outlet_of(c).await, outlet_of(d).await);
    assert_eq!(outlet_of(d).await, outlet_of(e).await);
    assert_ne!(outlet_of(a).await, outlet_of(c).await);
    assert_eq!(outlet_of(nobody).await, None);

    let outlets = store.list_outlets().await.unwrap();
    assert_eq!(outlets.len(), 2, "{outlets:?}");
    let herald = outlets.iter().find(|o| o.name == "Oskel Herald").unwrap();
    assert_eq!(herald.domain.as_deref(), Some("herald.example"));
    assert_eq!(herald.article_count, 3);
    let courier = outlets
        .iter()
        .find(|o| o.domain.as_deref() == Some("courier.example"))
        .unwrap();
    assert_eq!(courier.name, "Varnu Courier", "the first name seen is kept");

    store
        .rename_outlet(courier.id, "Courier of Varnu")
        .await
        .unwrap();
    assert_eq!(
        store.article(b).await.unwrap().outlet.as_deref(),
        Some("Courier of Varnu")
    );
    assert!(store.rename_outlet(courier.id, "  ").await.is_err());
    assert!(store.rename_outlet(9999, "X").await.is_err());

    store.close().await;
    let mut conn = raw_library(dir.path()).await;
    let outlets_rows: i64 = sqlx::query_scalar("SELECT count(*) FROM outlets")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(outlets_rows, 2);
}

#[tokio::test]
async fn a_batch_with_bad_files_imports_every_good_one() {
    let (dir, store) = temp_store().await;
    let drop = dir.path().join("drop");
    write(&drop, "01-good.txt", &report_text(1));
    write(&drop, "02-empty.txt", "");
    write(&drop, "03-blank.md", "   \n\n  \n");
    std::fs::write(
        drop.join("04-broken.pdf"),
        [0xff, 0xfe, 0x00, 0x9c, 0x81, 0x00, 0xfe],
    )
    .unwrap();
    write(&drop, "nested/05-good.md", &report_text(5));
    write(&drop, "nested/06-duplicate.txt", &report_text(1));
    write(&drop, ".hidden.txt", &report_text(8));
    write(&drop, ".git/07-in-hidden-folder.txt", &report_text(9));
    std::fs::write(drop.join("photo.jpg"), [0xff, 0xd8, 0xff]).unwrap();
    let missing = dir.path().join("no-such-file.txt");

    let mut reports: Vec<ImportProgress> = Vec::new();
    let summary = store
        .import_paths(&[drop.clone(), missing.clone()], |progress| {
            reports.push(progress)
        })
        .await;

    assert_eq!(reports.len(), 7, "{reports:#?}");
    assert_eq!(
        (summary.imported, summary.duplicates, summary.failed),
        (2, 1, 4),
        "{reports:#?}"
    );
    assert_eq!(summary.skipped, 1, "photo.jpg is not an article");
    for (index, report) in reports.iter().enumerate() {
        assert_eq!(report.done, index + 1);
        assert_eq!(report.total, 7);
    }
    let failed: Vec<&str> = reports
        .iter()
        .filter(|r| matches!(r.outcome, ImportOutcome::Failed { .. }))
        .map(|r| r.path.as_str())
        .collect();
    assert!(
        failed[0].ends_with("no-such-file.txt"),
        "path failures come first: {failed:?}"
    );
    for name in ["02-empty.txt", "03-blank.md", "04-broken.pdf"] {
        assert!(
            failed.iter().any(|path| path.ends_with(name)),
            "{name} should fail: {failed:?}"
        );
    }
    for report in &reports {
        if let ImportOutcome::Failed { message, .. } = &report.outcome {
            assert!(!message.is_empty());
        }
    }
    assert!(reports
        .iter()
        .all(|r| !r.path.contains("hidden") && !r.path.ends_with(".jpg")));
    let duplicate = reports
        .iter()
        .find(|r| r.path.ends_with("06-duplicate.txt"))
        .unwrap();
    assert!(
        matches!(duplicate.outcome, ImportOutcome::Duplicate { .. }),
        "{duplicate:?}"
    );
    assert_eq!(store.count_articles().await.unwrap(), 2);
}

#[tokio::test]
async fn collected_paths_import_with_the_same_total() {
    let (dir, store) = temp_store().await;
    write(dir.path(), "in/a.txt", &report_text(21));
    write(dir.path(), "in/b.txt", &report_text(22));
    let collected = collect_import_paths(&[dir.path().join("in"), dir.path().join("missing")]);
    assert_eq!(collected.total(), 3);
    let mut totals = Vec::new();
    let summary = store
        .import_collected(collected, |progress| {
            totals.push((progress.done, progress.total))
        })
        .await;
    assert_eq!(totals, [(1, 3), (2, 3), (3, 3)]);
    assert_eq!((summary.imported, summary.failed), (2, 1));
}

#[test]
fn collecting_skips_hidden_entries_and_other_file_types() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.html", "x");
    write(dir.path(), "a.txt", "x");
    write(dir.path(), "sub/c.docx", "x");
    write(dir.path(), "sub/.d.txt", "x");
    write(dir.path(), ".cache/e.txt", "x");
    write(dir.path(), "Page_files/script.js", "x");
    let explicit_hidden = write(dir.path(), ".explicit.txt", "x");
    let collected = collect_import_paths(&[dir.path().to_path_buf(), explicit_hidden.clone()]);
    let found: Vec<&Path> = collected
        .files
        .iter()
        .map(|p| p.strip_prefix(dir.path()).unwrap())
        .collect();
    let sub_c = Path::new("sub").join("c.docx");
    let expected = [
        Path::new("a.txt"),
        Path::new("b.html"),
        &sub_c,
        Path::new(".explicit.txt"),
    ];
    assert_eq!(found, expected);
    assert_eq!(collected.skipped, 1);
    assert!(collected.failures.is_empty());
}

#[tokio::test]
async fn a_file_over_the_limit_is_refused_without_reading_it() {
    let (dir, store) = temp_store().await;
    let path = dir.path().join("huge.html");
    // A sparse file: 200 MB long, almost no disk and, if read, 200 MB of memory.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    let outcome = store.import_file(&path).await;
    assert_eq!(
        outcome,
        ImportOutcome::Failed {
            path: path.display().to_string(),
            message: "file too large (200 MB; the limit is 64 MB)".into()
        }
    );
}

#[cfg(unix)]
#[tokio::test]
async fn an_unreadable_file_fails_with_a_clear_message() {
    use std::os::unix::fs::PermissionsExt;

    let (dir, store) = temp_store().await;
    let path = write(dir.path(), "locked.txt", &report_text(3));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable_anyway = std::fs::File::open(&path).is_ok();
    let outcome = store.import_file(&path).await;
    if readable_anyway {
        eprintln!("note: running as root (permissions do not block reads); checking only that the import went through");
        assert!(
            matches!(outcome, ImportOutcome::Imported { .. }),
            "{outcome:?}"
        );
    } else {
        assert_eq!(
            outcome,
            ImportOutcome::Failed {
                path: path.display().to_string(),
                message: "permission denied: the file cannot be read".into()
            }
        );
    }
}

#[tokio::test]
async fn a_folder_passed_where_a_file_is_expected_fails_clearly() {
    let (dir, store) = temp_store().await;
    let outcome = store.import_file(dir.path()).await;
    let ImportOutcome::Failed { message, .. } = outcome else {
        panic!("{outcome:?}")
    };
    assert!(message.contains("folder"), "{message}");
}

#[tokio::test]
async fn re_importing_a_deleted_article_replaces_it() {
    let (_dir, store) = temp_store().await;
    let paragraphs = flood_report(4);
    let paragraphs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    let first = import(&store, &article("Old title", None, None, &paragraphs)).await;
    store.delete_article(first).await.unwrap();
    let outcome = store
        .import_article(&article("New title", None, None, &paragraphs), None, None)
        .await
        .unwrap();
    let ImportOutcome::Imported { id, title, .. } = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(title, "New title");
    assert_eq!(store.count_articles().await.unwrap(), 1);
    assert_eq!(store.article(id).await.unwrap().title, "New title");
    assert!(
        store.restore_article(first).await.is_err(),
        "the replaced article is gone for good"
    );
}

#[tokio::test]
async fn an_untitled_article_gets_a_placeholder_title() {
    let store = Store::open_in_memory().await.unwrap();
    let id = import(
        &store,
        &article("  ", None, None, &["Body without a headline."]),
    )
    .await;
    assert_eq!(store.article(id).await.unwrap().title, "Untitled");
}

#[tokio::test]
async fn an_article_without_body_text_is_refused() {
    let store = Store::open_in_memory().await.unwrap();
    let outcome = store
        .import_article(
            &article("Headline only", None, None, &[]),
            None,
            Some("in/a.html"),
        )
        .await
        .unwrap();
    assert_eq!(
        outcome,
        ImportOutcome::Failed {
            path: "in/a.html".into(),
            message: "no article text found in the file".into()
        }
    );
    assert_eq!(store.count_articles().await.unwrap(), 0);
}

#[tokio::test]
async fn re_extraction_rereads_the_original_and_keeps_corrections() {
    let (_dir, store) = temp_store().await;
    let text = report_text(11);
    let outcome = store
        .import_bytes(
            text.clone().into_bytes(),
            "eleven.txt",
            Some("/in/eleven.txt"),
        )
        .await
        .unwrap();
    let ImportOutcome::Imported { id, .. } = outcome else {
        panic!("{outcome:?}")
    };
    let before = store.article(id).await.unwrap();
    let corrected = parallax_store::MetadataUpdate {
        title: Some("Corrected title".into()),
        ..Default::default()
    };
    store.update_metadata(id, &corrected).await.unwrap();

    let after = store.reextract_article(id).await.unwrap();
    let expected = parallax_core::extract::extract(text.as_bytes(), "eleven.txt").unwrap();
    assert_eq!(after.body, expected.body());
    assert_eq!(after.content_hash, before.content_hash);
    assert_eq!(after.title, "Corrected title", "corrections survive");
    assert_eq!(store.check_integrity().await.unwrap(), Ok(()));

    // No original kept, or an original that no longer extracts: clear errors, nothing changed.
    let bare = import(&store, &article("Bare", None, None, &["No original kept."])).await;
    let error = store.reextract_article(bare).await.unwrap_err();
    assert!(
        error.to_string().contains("no original file kept"),
        "{error}"
    );
    let broken = store
        .import_article(
            &article("Broken", None, None, &["Original is empty."]),
            Some(b""),
            None,
        )
        .await
        .unwrap();
    let ImportOutcome::Imported { id: broken, .. } = broken else {
        panic!("{broken:?}")
    };
    let error = store.reextract_article(broken).await.unwrap_err();
    assert!(
        error.to_string().contains("could not be re-read"),
        "{error}"
    );
    assert_eq!(
        store.article(broken).await.unwrap().body,
        "Original is empty."
    );
    assert!(store.reextract_article(9999).await.is_err());
}

#[cfg(unix)]
#[tokio::test]
async fn a_symlink_loop_is_a_per_entry_failure() {
    let (dir, store) = temp_store().await;
    let folder = dir.path().join("in");
    write(&folder, "a.txt", &report_text(31));
    std::os::unix::fs::symlink(&folder, folder.join("loop")).unwrap();
    let mut failures = Vec::new();
    let summary = store
        .import_paths(&[&folder], |progress| {
            if let ImportOutcome::Failed { path, message } = progress.outcome {
                failures.push((path, message));
            }
        })
        .await;
    assert_eq!(summary.imported, 1);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(failures[0].0.ends_with("loop"), "{failures:?}");
    assert!(!failures[0].1.is_empty());
}

#[tokio::test]
async fn a_folder_of_five_thousand_files_imports_each_once_with_steady_progress() {
    let (dir, store) = temp_store().await;
    let folder = dir.path().join("archive");
    for n in 0..5_000 {
        // Every 500th file is empty, so failures are spread through the batch.
        let text = if n % 500 == 0 {
            String::new()
        } else {
            format!(
                "Ferry timetable notice {n} (fictional)\n\nThe Oskel ferry will call at pier {n} \
                 on weekday {} at {}:{:02}, the harbour office of Varnu said.",
                n % 7,
                n % 24,
                n % 60
            )
        };
        write(&folder, &format!("{:02}/notice-{n}.txt", n % 50), &text);
    }

    let mut last_done = 0;
    let mut steady = true;
    let summary = store
        .import_paths(&[folder], |progress| {
            steady &= progress.done == last_done + 1 && progress.total == 5_000;
            last_done = progress.done;
        })
        .await;

    assert!(
        steady,
        "progress counts every file once, in order, against the full total"
    );
    assert_eq!(last_done, 5_000);
    assert_eq!(
        (summary.imported, summary.duplicates, summary.failed),
        (4_990, 0, 10),
        "every good file is imported and each empty one fails on its own"
    );
    assert_eq!(store.count_articles().await.unwrap(), 4_990);
    assert!(store.check_integrity().await.is_ok());
}
