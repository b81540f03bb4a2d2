//! Sessions and notes: the 2–6 rule, events, listing and restoring, copies, pane changes,
//! options, deleted and purged articles, versions, notes on non-ASCII text.
//! Every outlet, event and text here is fictional.

use std::path::Path;

use parallax_store::{
    AnalysisSettings, ManualLink, NewNote, NewSession, SessionLayout, SessionMode, SessionOptions,
    Store, StoreError, ViewPreferences,
};
use sqlx::Executor;

use crate::common::{article, flood_report, import, raw_library, temp_store};

/// Imports `count` distinct invented flood reports, returning their ids in import order.
async fn reports(store: &Store, count: usize) -> Vec<i64> {
    let mut ids = Vec::new();
    for n in 0..count {
        let paragraphs = flood_report(n);
        let paragraphs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
        let title = format!("Varnu flood report {n}");
        ids.push(
            import(
                store,
                &article(&title, Some("The Oskel Courier"), None, &paragraphs),
            )
            .await,
        );
    }
    ids
}

/// A session of `article_ids` named `name`, failing the test if it is refused.
async fn session_of(store: &Store, name: &str, article_ids: &[i64]) -> i64 {
    store
        .create_session(&NewSession {
            name: Some(name.into()),
            article_ids: article_ids.to_vec(),
            ..NewSession::default()
        })
        .await
        .expect("create a session")
        .id
}

/// `updated_at` as [`backdate`] leaves it.
const BACKDATED: &str = "2000-01-01T00:00:00Z";

/// Backdates a session's `updated_at`, so a later change shows (timestamps are whole seconds).
async fn backdate(library: &Path, session_id: i64) {
    let mut conn = raw_library(library.parent().unwrap()).await;
    sqlx::query("UPDATE sessions SET updated_at = $1 WHERE id = $2")
        .bind(BACKDATED)
        .bind(session_id)
        .execute(&mut conn)
        .await
        .expect("backdate the session");
}

async fn updated_at(store: &Store, session_id: i64) -> String {
    store.session(session_id).await.unwrap().summary.updated_at
}

/// The ids of every session, in list order.
async fn listed_sessions(store: &Store) -> Vec<i64> {
    let sessions = store.sessions().await.expect("list sessions");
    sessions.iter().map(|session| session.id).collect()
}

/// The ids of a session's notes, in list order.
async fn listed_notes(store: &Store, session_id: i64) -> Vec<i64> {
    let notes = store.notes(session_id).await.expect("list notes");
    notes.iter().map(|note| note.id).collect()
}

/// A new note on bytes `start..end` of an article in a session.
fn note_on(session_id: i64, article_id: i64, start: usize, end: usize, note: &str) -> NewNote {
    NewNote {
        session_id,
        article_id,
        start,
        end,
        note: note.into(),
    }
}

/// The message of an error meant for a person (fails the test on any other error).
fn invalid_message(error: StoreError) -> String {
    match error {
        StoreError::Invalid(message) => message,
        other => panic!("expected a message for a person, got {other:?}"),
    }
}

#[tokio::test]
async fn sessions_are_created_from_chosen_articles_in_pane_order() {
    let (_dir, store) = temp_store().await;
    let ids = reports(&store, 3).await;
    let order = [ids[2], ids[0], ids[1]];

    let created = store
        .create_session(&NewSession {
            name: Some("  Varnu coverage  ".into()),
            article_ids: order.to_vec(),
            ..NewSession::default()
        })
        .await
        .unwrap();
    assert_eq!(created.name, "Varnu coverage", "the name is trimmed");
    assert_eq!(created.article_ids, order, "pane order is the order given");
    assert_eq!(created.mode, SessionMode::Compare);
    assert_eq!(created.event_id, None);
    assert_eq!(created.opened_at, None);
    assert_eq!(created.created_at, created.updated_at);

    let record = store.session(created.id).await.unwrap();
    assert_eq!(record.summary, created);
    assert_eq!(record.options, SessionOptions::default());
    let members: Vec<(i64, i64, &str, bool)> = record
        .articles
        .iter()
        .map(|m| (m.article_id, m.position, m.title.as_str(), m.deleted))
        .collect();
    assert_eq!(
        members,
        [
            (ids[2], 0, "Varnu flood report 2", false),
            (ids[0], 1, "Varnu flood report 0", false),
            (ids[1], 2, "Varnu flood report 1", false),
        ]
    );

    let unnamed = store
        .create_session(&NewSession {
            article_ids: vec![ids[1], ids[0]],
            ..NewSession::default()
        })
        .await
        .unwrap();
    assert_eq!(
        unnamed.name, "Varnu flood report 1",
        "an unnamed session takes its first report's title"
    );

    let blank = store
        .create_session(&NewSession {
            name: Some("   ".into()),
            article_ids: vec![ids[0], ids[1]],
            ..NewSession::default()
        })
        .await
        .unwrap_err();
    assert_eq!(invalid_message(blank), "a session needs a name");

    let missing_event = store
        .create_session(&NewSession {
            name: Some("Orphan".into()),
            event_id: Some(404),
            article_ids: vec![ids[0], ids[1]],
            ..NewSession::default()
        })
        .await
        .unwrap_err();
    assert!(matches!(
        missing_event,
        StoreError::NotFound {
            what: "event",
            id: 404
        }
    ));
    assert_eq!(
        store.sessions().await.unwrap().len(),
        2,
        "refusals add nothing"
    );
}

#[tokio::test]
async fn the_two_to_six_rule_is_explained() {
    let (_dir, store) = temp_store().await;
    let ids = reports(&store, 7).await;
    let refused = |article_ids: Vec<i64>| {
        let store = store.clone();
        async move {
            store
                .create_session(&NewSession {
                    name: Some("Too few or too many".into()),
                    article_ids,
                    ..NewSession::default()
                })
                .await
                .unwrap_err()
        }
    };

    let none = invalid_message(refused(vec![]).await);
    assert!(
        none.contains("2 to 6") && none.contains("none chosen"),
        "{none}"
    );
    let one = invalid_message(refused(vec![ids[0]]).await);
    assert!(one.contains("2 to 6") && one.contains("1 chosen"), "{one}");
    let seven = invalid_message(refused(ids.clone()).await);
    assert!(
        seven.contains("at most 6") && seven.contains("7 were chosen"),
        "{seven}"
    );
    let twice = invalid_message(refused(vec![ids[0], ids[1], ids[0]]).await);
    assert!(
        twice.contains(&format!("#{} was chosen twice", ids[0])),
        "{twice}"
    );
    assert!(matches!(
        refused(vec![ids[0], 9999]).await,
        StoreError::NotFound {
            what: "article",
            id: 9999
        }
    ));
    store.delete_article(ids[1]).await.unwrap();
    assert!(
        matches!(
            refused(vec![ids[0], ids[1]]).await,
            StoreError::NotFound { what: "article", id } if id == ids[1]
        ),
        "a deleted article cannot join a session"
    );

    let six = session_of(
        &store,
        "Six",
        &[ids[0], ids[2], ids[3], ids[4], ids[5], ids[6]],
    )
    .await;
    let set_seven = invalid_message(store.set_session_articles(six, &ids).await.unwrap_err());
    assert!(set_seven.contains("7 were chosen"), "{set_seven}");
    let set_one = invalid_message(
        store
            .set_session_articles(six, &[ids[0]])
            .await
            .unwrap_err(),
    );
    assert!(set_one.contains("1 chosen"), "{set_one}");
    assert_eq!(
        store.session(six).await.unwrap().summary.article_ids.len(),
        6,
        "a refused change leaves the session as it was"
    );
    assert_eq!(store.sessions().await.unwrap().len(), 1);
}

#[tokio::test]
async fn sessions_from_an_event_take_its_reports_by_publication_date() {
    let (_dir, store) = temp_store().await;
    let dated = |title: &str, date: Option<&str>, text: &str| {
        let mut report = article(title, None, None, &[text]);
        report.published_at = date.map(Into::into);
        report
    };
    let late = import(&store, &dated("Late", Some("2024-03-19"), "Late text.")).await;
    let undated = import(&store, &dated("Undated", None, "Undated text.")).await;
    let early = import(
        &store,
        &dated("Early", Some("2024-03-18T09:00:00+02:00"), "Early text."),
    )
    .await;
    let gone = import(&store, &dated("Gone", Some("2024-03-17"), "Gone text.")).await;
    let flood = store.create_event("Varnu flood (fictional)").await.unwrap();
    store
        .add_to_event(flood.id, &[late, undated, early, gone])
        .await
        .unwrap();
    store.delete_article(gone).await.unwrap();

    let session = store
        .create_session_from_event(flood.id, None)
        .await
        .unwrap();
    assert_eq!(session.name, "Varnu flood (fictional)");
    assert_eq!(session.event_id, Some(flood.id));
    assert_eq!(
        session.article_ids,
        [early, late, undated],
        "by publication date, undated last, deleted left out"
    );
    let named = store
        .create_session_from_event(flood.id, Some(" Second look "))
        .await
        .unwrap();
    assert_eq!(named.name, "Second look");

    let through_new = store
        .create_session(&NewSession {
            event_id: Some(flood.id),
            ..NewSession::default()
        })
        .await
        .unwrap();
    assert_eq!(
        through_new.article_ids, session.article_ids,
        "a new session with no articles takes the event's"
    );

    let small = store.create_event("Quiet day (fictional)").await.unwrap();
    store.add_to_event(small.id, &[late]).await.unwrap();
    let one = invalid_message(
        store
            .create_session_from_event(small.id, None)
            .await
            .unwrap_err(),
    );
    assert!(
        one.contains("“Quiet day (fictional)” has 1 report;") && one.contains("2 to 6"),
        "{one}"
    );

    let big = store.create_event("Busy day (fictional)").await.unwrap();
    let many = reports(&store, 7).await;
    store.add_to_event(big.id, &many).await.unwrap();
    let seven = invalid_message(
        store
            .create_session_from_event(big.id, None)
            .await
            .unwrap_err(),
    );
    assert!(
        seven.contains("has 7 reports") && seven.contains("choose up to 6"),
        "{seven}"
    );
    assert!(matches!(
        store
            .create_session_from_event(404, None)
            .await
            .unwrap_err(),
        StoreError::NotFound {
            what: "event",
            id: 404
        }
    ));
    assert_eq!(store.sessions().await.unwrap().len(), 3);
}

#[tokio::test]
async fn the_last_opened_session_comes_first_and_is_restored() {
    let (dir, store) = temp_store().await;
    let ids = reports(&store, 2).await;
    let first = session_of(&store, "First", &ids).await;
    let second = session_of(&store, "Second", &ids).await;
    let third = session_of(&store, "Third", &ids).await;
    assert_eq!(store.last_opened_session().await.unwrap(), None);

    backdate(dir.path().join("library.sqlite").as_path(), second).await;
    store.mark_session_opened(second).await.unwrap();
    store.mark_session_opened(first).await.unwrap();
    assert_eq!(store.last_opened_session().await.unwrap(), Some(first));
    let order = listed_sessions(&store).await;
    assert_eq!(
        order,
        [first, second, third],
        "opened sessions by the last opening (same second included), then the never opened"
    );
    let second_summary = store.session(second).await.unwrap().summary;
    assert!(second_summary.opened_at.is_some());
    assert_eq!(
        second_summary.updated_at, BACKDATED,
        "opening is not a change"
    );

    store.mark_session_opened(second).await.unwrap();
    assert_eq!(store.last_opened_session().await.unwrap(), Some(second));
    assert!(matches!(
        store.mark_session_opened(404).await.unwrap_err(),
        StoreError::NotFound {
            what: "session",
            id: 404
        }
    ));

    store.delete_session(second).await.unwrap();
    assert_eq!(
        store.last_opened_session().await.unwrap(),
        Some(first),
        "a deleted session is not restored"
    );
}

#[tokio::test]
async fn unopened_sessions_list_the_most_recently_changed_first() {
    let (dir, store) = temp_store().await;
    let library = dir.path().join("library.sqlite");
    let ids = reports(&store, 2).await;
    let older = session_of(&store, "Older", &ids).await;
    let newer = session_of(&store, "Newer", &ids).await;
    backdate(&library, newer).await;
    let order = listed_sessions(&store).await;
    assert_eq!(order, [older, newer]);
    store.rename_session(newer, "Renamed").await.unwrap();
    backdate(&library, older).await;
    let order = listed_sessions(&store).await;
    assert_eq!(order, [newer, older], "a rename makes a session recent");
}

#[tokio::test]
async fn sessions_are_renamed_duplicated_with_their_notes_and_deleted() {
    let (dir, store) = temp_store().await;
    let library = dir.path().join("library.sqlite");
    let ids = reports(&store, 3).await;
    let original = session_of(&store, "Varnu", &ids).await;

    backdate(&library, original).await;
    let renamed = store
        .rename_session(original, "  Varnu, day one ")
        .await
        .unwrap();
    assert_eq!(renamed.name, "Varnu, day one");
    assert_ne!(renamed.updated_at, BACKDATED, "a rename is a change");
    assert_eq!(
        invalid_message(store.rename_session(original, "").await.unwrap_err()),
        "a session needs a name"
    );
    assert!(matches!(
        store.rename_session(404, "Nobody").await.unwrap_err(),
        StoreError::NotFound {
            what: "session",
            ..
        }
    ));

    let options = SessionOptions {
        analysis: AnalysisSettings {
            ignore_case: true,
            ..AnalysisSettings::default()
        },
        view: ViewPreferences {
            layout: SessionLayout::Inline,
            ..ViewPreferences::default()
        },
    };
    store.set_session_options(original, &options).await.unwrap();
    let note = store
        .add_note(&note_on(original, ids[1], 0, 8, "Check the numbering."))
        .await
        .unwrap();
    store.mark_session_opened(original).await.unwrap();

    let copy = store.duplicate_session(original).await.unwrap();
    assert_ne!(copy.id, original);
    assert_eq!(copy.name, "Varnu, day one (copy)");
    assert_eq!(copy.article_ids, ids);
    assert_eq!(copy.opened_at, None, "the copy was never opened");
    assert_eq!(store.session(copy.id).await.unwrap().options, options);
    let copied_notes = store.notes(copy.id).await.unwrap();
    assert_eq!(copied_notes.len(), 1);
    assert_ne!(copied_notes[0].id, note.id, "the copy has notes of its own");
    assert_eq!(
        (
            copied_notes[0].session_id,
            copied_notes[0].article_id,
            copied_notes[0].quote.as_str()
        ),
        (copy.id, ids[1], note.quote.as_str())
    );
    assert_eq!(copied_notes[0].note, note.note);

    store.delete_note(copied_notes[0].id).await.unwrap();
    assert_eq!(
        store.notes(original).await.unwrap(),
        [note],
        "the original's notes are untouched by the copy's"
    );

    store.delete_session(original).await.unwrap();
    assert!(matches!(
        store.session(original).await.unwrap_err(),
        StoreError::NotFound { what: "session", id } if id == original
    ));
    assert!(matches!(
        store.notes(original).await.unwrap_err(),
        StoreError::NotFound {
            what: "session",
            ..
        }
    ));
    let mut conn = raw_library(library.parent().unwrap()).await;
    let orphan_notes: i64 =
        sqlx::query_scalar("SELECT count(*) FROM annotations WHERE session_id = $1")
            .bind(original)
            .fetch_one(&mut conn)
            .await
            .unwrap();
    assert_eq!(orphan_notes, 0, "a deleted session's notes go with it");
    assert_eq!(
        store.count_articles().await.unwrap(),
        3,
        "its articles stay"
    );
    assert!(matches!(
        store.delete_session(original).await.unwrap_err(),
        StoreError::NotFound {
            what: "session",
            ..
        }
    ));
    assert!(matches!(
        store.duplicate_session(original).await.unwrap_err(),
        StoreError::NotFound {
            what: "session",
            ..
        }
    ));
    let left = listed_sessions(&store).await;
    assert_eq!(left, [copy.id]);
}

#[tokio::test]
async fn panes_are_reordered_swapped_added_and_removed_and_notes_return() {
    let (dir, store) = temp_store().await;
    let library = dir.path().join("library.sqlite");
    let ids = reports(&store, 4).await;
    let session = session_of(&store, "Panes", &ids[..3]).await;
    let note = store
        .add_note(&note_on(
            session,
            ids[2],
            0,
            6,
            "Only this outlet numbers its reports.",
        ))
        .await
        .unwrap();

    backdate(&library, session).await;
    let swapped = store
        .set_session_articles(session, &[ids[1], ids[0], ids[2]])
        .await
        .unwrap();
    assert_eq!(swapped.article_ids, [ids[1], ids[0], ids[2]]);
    assert_ne!(swapped.updated_at, BACKDATED, "a pane change is a change");

    let added = store
        .set_session_articles(session, &[ids[3], ids[1], ids[0], ids[2]])
        .await
        .unwrap();
    assert_eq!(added.article_ids, [ids[3], ids[1], ids[0], ids[2]]);
    let positions: Vec<(i64, i64)> = store
        .session(session)
        .await
        .unwrap()
        .articles
        .iter()
        .map(|m| (m.article_id, m.position))
        .collect();
    assert_eq!(
        positions,
        [(ids[3], 0), (ids[1], 1), (ids[0], 2), (ids[2], 3)]
    );

    let removed = store
        .set_session_articles(session, &[ids[3], ids[0]])
        .await
        .unwrap();
    assert_eq!(removed.article_ids, [ids[3], ids[0]]);
    assert!(
        store.notes(session).await.unwrap().is_empty(),
        "a note on a report taken out of the session is not shown"
    );
    store
        .set_session_articles(session, &[ids[3], ids[0], ids[2]])
        .await
        .unwrap();
    assert_eq!(
        store.notes(session).await.unwrap(),
        [note],
        "the note comes back with its report"
    );
    assert!(matches!(
        store
            .set_session_articles(404, &ids[..2])
            .await
            .unwrap_err(),
        StoreError::NotFound {
            what: "session",
            ..
        }
    ));
}

#[tokio::test]
async fn options_round_trip_and_unreadable_options_read_as_defaults() {
    let (dir, store) = temp_store().await;
    let library = dir.path().join("library.sqlite");
    let ids = reports(&store, 2).await;
    let session = session_of(&store, "Options", &ids).await;

    let options = SessionOptions {
        analysis: AnalysisSettings {
            ignore_case: true,
            ignore_punctuation: true,
            ignore_whitespace: false,
            threshold: 0.55,
            match_by: parallax_core::compare::MatchBy::Words,
            links: vec![
                ManualLink {
                    article_a: ids[0],
                    sentence_a: 2,
                    article_b: ids[1],
                    sentence_b: 0,
                    linked: true,
                },
                ManualLink {
                    article_a: ids[0],
                    sentence_a: 0,
                    article_b: ids[1],
                    sentence_b: 1,
                    linked: false,
                },
            ],
            base_article: Some(ids[1]),
        },
        view: ViewPreferences {
            layout: SessionLayout::Inline,
            sync_scroll: false,
            differences_only: true,
            all_words: true,
        },
    };
    backdate(&library, session).await;
    let summary = store.set_session_options(session, &options).await.unwrap();
    assert_ne!(summary.updated_at, BACKDATED, "new options are a change");
    assert_eq!(store.session(session).await.unwrap().options, options);

    let out_of_range = SessionOptions {
        analysis: AnalysisSettings {
            threshold: 1.5,
            ..AnalysisSettings::default()
        },
        ..SessionOptions::default()
    };
    let message = invalid_message(
        store
            .set_session_options(session, &out_of_range)
            .await
            .unwrap_err(),
    );
    assert!(message.contains("between 0 and 1"), "{message}");
    assert_eq!(
        store.session(session).await.unwrap().options,
        options,
        "refused options leave the saved ones"
    );
    assert!(matches!(
        store
            .set_session_options(404, &SessionOptions::default())
            .await
            .unwrap_err(),
        StoreError::NotFound {
            what: "session",
            ..
        }
    ));

    let mut conn = raw_library(library.parent().unwrap()).await;
    sqlx::query(
        r#"UPDATE sessions SET options = '{"ignoreCase": true, "threshold": "high"}' WHERE id = $1"#,
    )
    .bind(session)
    .execute(&mut conn)
    .await
    .unwrap();
    assert_eq!(
        store.session(session).await.unwrap().options,
        SessionOptions::default(),
        "options of the wrong shape read as the defaults"
    );
    // Only SQLite can be told to let text that is not JSON in (PostgreSQL checks it always).
    if conn.backend_name() == "SQLite" {
        conn.execute("PRAGMA ignore_check_constraints = ON")
            .await
            .unwrap();
        sqlx::query("UPDATE sessions SET options = '{truncated' WHERE id = $1")
            .bind(session)
            .execute(&mut conn)
            .await
            .unwrap();
        let record = store.session(session).await.unwrap();
        assert_eq!(
            record.options,
            SessionOptions::default(),
            "text that is not JSON reads as the defaults"
        );
        assert_eq!(
            store.sessions().await.unwrap().len(),
            1,
            "the list still loads"
        );
    }

    let SessionOptions { analysis, view } = SessionOptions::default();
    assert!(analysis.ignore_whitespace && view.sync_scroll);
    assert!(!analysis.ignore_case && !analysis.ignore_punctuation && !view.differences_only);
    assert_eq!(view.layout, SessionLayout::SideBySide);
    assert_eq!(
        analysis.threshold,
        parallax_core::compare::AlignOptions::default().threshold
    );
}

#[tokio::test]
async fn deleted_articles_are_flagged_and_purged_ones_leave_the_session() {
    let (_dir, store) = temp_store().await;
    let ids = reports(&store, 3).await;
    let session = session_of(&store, "Deletions", &ids).await;
    let note = store
        .add_note(&note_on(session, ids[1], 0, 6, "Numbered report."))
        .await
        .unwrap();

    store.delete_article(ids[1]).await.unwrap();
    let record = store.session(session).await.unwrap();
    assert_eq!(
        record.summary.article_ids,
        [ids[0], ids[2]],
        "panes show live articles only"
    );
    let deleted: Vec<(&str, bool)> = record
        .articles
        .iter()
        .map(|m| (m.title.as_str(), m.deleted))
        .collect();
    assert_eq!(
        deleted,
        [
            ("Varnu flood report 0", false),
            ("Varnu flood report 1", true),
            ("Varnu flood report 2", false),
        ],
        "the opener can name the deleted report"
    );
    assert_eq!(
        store.sessions().await.unwrap()[0].article_ids,
        [ids[0], ids[2]]
    );
    assert!(store.notes(session).await.unwrap().is_empty());
    let on_deleted = invalid_message(
        store
            .add_note(&note_on(session, ids[1], 0, 6, "Too late."))
            .await
            .unwrap_err(),
    );
    assert!(
        on_deleted.contains("not shown in this session"),
        "{on_deleted}"
    );

    store.restore_article(ids[1]).await.unwrap();
    assert_eq!(
        store.session(session).await.unwrap().summary.article_ids,
        ids
    );
    assert_eq!(store.notes(session).await.unwrap(), [note]);

    store.delete_article(ids[1]).await.unwrap();
    store.delete_article(ids[2]).await.unwrap();
    assert_eq!(store.purge_deleted().await.unwrap(), 2);
    let record = store.session(session).await.unwrap();
    assert_eq!(record.summary.article_ids, [ids[0]]);
    assert_eq!(
        record.articles.len(),
        1,
        "purged articles leave the session (the opener says it has too few reports)"
    );
    assert!(store.notes(session).await.unwrap().is_empty());
}

#[tokio::test]
async fn versions_share_a_canonical_url_or_url() {
    let (_dir, store) = temp_store().await;
    let version = |title: &str, url: Option<&str>, canonical: Option<&str>, text: &str| {
        let mut report = article(title, Some("The Oskel Courier"), None, &[text]);
        report.url = url.map(Into::into);
        report.canonical_url = canonical.map(Into::into);
        report
    };
    let story = "https://courier.example/varnu-flood";
    let first = import(
        &store,
        &version(
            "Flood, 9:00",
            Some("https://courier.example/a?v=1"),
            Some(story),
            "Waters rose.",
        ),
    )
    .await;
    let second = import(
        &store,
        &version(
            "Flood, 12:00",
            Some("https://courier.example/a?v=2"),
            Some(story),
            "Waters rose further.",
        ),
    )
    .await;
    let by_url = import(
        &store,
        &version("Flood, 15:00", Some(story), None, "Waters fell."),
    )
    .await;
    let other = import(
        &store,
        &version(
            "Drought",
            Some("https://courier.example/drought"),
            None,
            "No rain.",
        ),
    )
    .await;
    let no_url = import(&store, &version("Undated wire", None, None, "Wire copy.")).await;

    assert!(store.are_versions(&[first, second]).await.unwrap());
    assert!(
        store.are_versions(&[first, second, by_url]).await.unwrap(),
        "an article without a canonical URL is grouped by its URL"
    );
    assert!(!store.are_versions(&[first, other]).await.unwrap());
    assert!(!store.are_versions(&[first, no_url]).await.unwrap());
    assert!(
        !store.are_versions(&[first]).await.unwrap(),
        "one article is no set of versions"
    );
    assert!(!store.are_versions(&[first, 9999]).await.unwrap());

    let detected = store
        .create_session(&NewSession {
            article_ids: vec![first, second, by_url],
            ..NewSession::default()
        })
        .await
        .unwrap();
    assert_eq!(detected.mode, SessionMode::Versions);
    let forced = store
        .create_session(&NewSession {
            article_ids: vec![first, second],
            mode: Some(SessionMode::Compare),
            ..NewSession::default()
        })
        .await
        .unwrap();
    assert_eq!(forced.mode, SessionMode::Compare, "a mode given is kept");
    let mixed = store
        .create_session(&NewSession {
            article_ids: vec![first, other],
            ..NewSession::default()
        })
        .await
        .unwrap();
    assert_eq!(mixed.mode, SessionMode::Compare);

    store.delete_article(second).await.unwrap();
    assert!(
        !store.are_versions(&[first, second]).await.unwrap(),
        "a deleted article is not a version shown"
    );
}

#[tokio::test]
async fn notes_quote_their_span_and_are_checked() {
    let (dir, store) = temp_store().await;
    let library = dir.path().join("library.sqlite");
    let greek = import(
        &store,
        &article(
            "Πλημμύρα στη λίμνη Βάρνου",
            Some("Ο Ταχυδρόμος του Όσκελ"),
            None,
            &[
                "Η λίμνη Βάρνου ξεχείλισε.",
                "Οι αρχές μετέφεραν 40 νοικοκυριά.",
            ],
        ),
    )
    .await;
    let [english, outside] = reports(&store, 2).await[..] else {
        unreachable!("two reports were imported")
    };
    let session = session_of(&store, "Notes", &[english, greek]).await;
    let body = store.article(greek).await.unwrap().body;
    let start = body.find("40").unwrap();
    let end = body.rfind('.').unwrap();

    backdate(&library, session).await;
    let added = store
        .add_note(&note_on(
            session,
            greek,
            start,
            end,
            "  Other outlets say 35.  ",
        ))
        .await
        .unwrap();
    assert_eq!(added.quote, "40 νοικοκυριά");
    let lake = store
        .add_note(&note_on(
            session,
            greek,
            0,
            body.find(" ξεχείλισε").unwrap(),
            "Spelling of the lake.",
        ))
        .await
        .unwrap();
    assert_eq!(lake.quote, "Η λίμνη Βάρνου");
    assert_eq!(added.note, "Other outlets say 35.", "the note is trimmed");
    assert_eq!(
        (added.session_id, added.article_id, added.end - added.start),
        (session, greek, added.quote.len())
    );
    assert_ne!(updated_at(&store, session).await, BACKDATED);
    let english_note = store
        .add_note(&note_on(session, english, 10, 20, "Compare the wording."))
        .await
        .unwrap();

    let listed = listed_notes(&store, session).await;
    assert_eq!(
        listed,
        [english_note.id, lake.id, added.id],
        "by pane, then by place in the text"
    );
    store
        .set_session_articles(session, &[greek, english])
        .await
        .unwrap();
    let listed = listed_notes(&store, session).await;
    assert_eq!(
        listed,
        [lake.id, added.id, english_note.id],
        "panes swapped"
    );

    let refusals = [
        (
            greek,
            1,
            4,
            "Half a letter.",
            "cuts a character in two at byte 1",
        ),
        (greek, 4, 4, "Nothing selected.", "empty or reversed"),
        (greek, 6, 2, "Backwards.", "empty or reversed"),
        (greek, 0, body.len() + 1, "Too long.", "past the end"),
        (greek, 0, 2, "  ", "needs some text"),
        (
            outside,
            0,
            4,
            "Not in this session.",
            "not shown in this session",
        ),
    ];
    for (article_id, start, end, note, expected) in refusals {
        let refused = store
            .add_note(&note_on(session, article_id, start, end, note))
            .await
            .unwrap_err();
        let message = invalid_message(refused);
        assert!(message.contains(expected), "{start}..{end}: {message}");
    }
    assert!(matches!(
        store
            .add_note(&note_on(404, greek, 0, 2, "No session."))
            .await
            .unwrap_err(),
        StoreError::NotFound {
            what: "session",
            ..
        }
    ));
    assert_eq!(
        store.notes(session).await.unwrap().len(),
        3,
        "refused notes add nothing"
    );

    backdate(&library, session).await;
    let edited = store
        .update_note(added.id, " Others say 35 households. ", None)
        .await
        .unwrap();
    assert_eq!(edited.note, "Others say 35 households.");
    assert_eq!(
        (edited.quote.as_str(), edited.created_at.as_str()),
        (added.quote.as_str(), added.created_at.as_str())
    );
    assert_ne!(
        updated_at(&store, session).await,
        BACKDATED,
        "an edited note is a change"
    );
    assert!(store.update_note(added.id, "", None).await.is_err());
    assert!(matches!(
        store
            .update_note(404, "Nobody's note.", None)
            .await
            .unwrap_err(),
        StoreError::NotFound {
            what: "note",
            id: 404
        }
    ));

    backdate(&library, session).await;
    store.delete_note(lake.id).await.unwrap();
    assert_ne!(
        updated_at(&store, session).await,
        BACKDATED,
        "a deleted note is a change"
    );
    let left = listed_notes(&store, session).await;
    assert_eq!(left, [added.id, english_note.id]);
    assert!(matches!(
        store.delete_note(lake.id).await.unwrap_err(),
        StoreError::NotFound { what: "note", .. }
    ));
}

#[tokio::test]
async fn a_versions_session_asked_for_puts_the_oldest_version_first() {
    let (_dir, store) = temp_store().await;
    let mut ids = Vec::new();
    for (n, date) in ["2026-03-16", "2026-03-14", "2026-03-15"]
        .iter()
        .enumerate()
    {
        let paragraphs = flood_report(n);
        let paragraphs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
        let mut version = article(
            &format!("Varnu flood, version dated {date}"),
            Some("The Oskel Courier"),
            None,
            &paragraphs,
        );
        version.published_at = Some((*date).to_owned());
        ids.push(import(&store, &version).await);
    }
    let created = store
        .create_session(&NewSession {
            name: Some("Three versions".into()),
            article_ids: ids.clone(),
            mode: Some(SessionMode::Versions),
            ..NewSession::default()
        })
        .await
        .expect("a versions session is made even without a shared URL");
    assert_eq!(created.mode, SessionMode::Versions);
    assert_eq!(
        created.article_ids,
        vec![ids[1], ids[2], ids[0]],
        "oldest first"
    );

    let compared = store
        .create_session(&NewSession {
            name: Some("Same three compared".into()),
            article_ids: ids.clone(),
            ..NewSession::default()
        })
        .await
        .expect("a comparison of the same articles");
    assert_eq!(compared.mode, SessionMode::Compare);
    assert_eq!(
        compared.article_ids, ids,
        "a comparison keeps the order chosen"
    );
}

/// Notes carry their author; a note edited by a colleague since it was read is not overwritten.
#[tokio::test]
async fn notes_show_their_author_and_a_stale_edit_is_refused() {
    let (_dir, store) = temp_store().await;
    let ana = store.clone().with_author(Some("Ana".into()));
    let ben = store.clone().with_author(Some("Ben".into()));
    let a = import(
        &ana,
        &article(
            "Flood",
            None,
            None,
            &flood_report(1)
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
        ),
    )
    .await;
    let b = import(
        &ana,
        &article(
            "Flood again",
            None,
            None,
            &flood_report(2)
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
        ),
    )
    .await;
    assert_eq!(
        store.article(a).await.unwrap().imported_by.as_deref(),
        Some("Ana")
    );
    let session = session_of(&ana, "Team notes", &[a, b]).await;
    let note = ana
        .add_note(&note_on(session, a, 0, 6, "Check this."))
        .await
        .unwrap();
    assert_eq!(note.author.as_deref(), Some("Ana"));
    let edited = ben
        .update_note(note.id, "Checked: right.", Some(note.version))
        .await
        .unwrap();
    assert_eq!(edited.changed_by.as_deref(), Some("Ben"));
    assert_eq!(edited.author.as_deref(), Some("Ana"), "the author stays");
    let stale = ana
        .update_note(note.id, "Still to check.", Some(note.version))
        .await
        .unwrap_err();
    assert!(
        matches!(&stale, StoreError::Conflict { what: "note", by, .. } if by == "Ben"),
        "{stale:?}"
    );
    assert_eq!(
        store.notes(session).await.unwrap()[0].note,
        "Checked: right.",
        "the colleague's edit is kept"
    );
}
