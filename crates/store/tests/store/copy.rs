//! Copying a personal library into another (a team library when the tests run on PostgreSQL):
//! everything arrives, ids renamed, and a second copy doubles nothing.

use parallax_store::{ManualLink, NewNote, NewSession, SessionOptions};

use crate::common::{article, flood_report, import, raw_library, temp_sqlite_store, temp_store};

#[tokio::test]
async fn a_library_is_copied_whole_and_a_second_copy_doubles_nothing() {
    let (source_dir, personal) = temp_sqlite_store().await;
    let personal = personal.with_author(Some("Ana".into()));
    let mut ids = Vec::new();
    for n in 1..=3 {
        let lines = flood_report(n);
        let paragraphs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let title = format!("Varnu flood, report {n}");
        ids.push(
            import(
                &personal,
                &article(&title, Some("Varnu Courier"), None, &paragraphs),
            )
            .await,
        );
    }
    // Report 2 was fetched from an address as a newer version of report 1, and the outlet has
    // notes (written here as SQL: no face writes them yet).
    let mut raw = raw_library(source_dir.path()).await;
    sqlx::query(
        "INSERT INTO fetches (article_id, requested_url, final_url, redirects, status, headers,
             fetched_at, previous_id)
         VALUES ($1, 'https://varnu.example/flood', 'https://varnu.example/flood', '[]', 200,
             '[]', '2026-03-02T08:00:00Z', $2)",
    )
    .bind(ids[1])
    .bind(ids[0])
    .execute(&mut raw)
    .await
    .unwrap();
    sqlx::query("UPDATE outlets SET notes = 'Regional daily; owned by the port authority.'")
        .execute(&mut raw)
        .await
        .unwrap();
    sqlx::Connection::close(raw).await.unwrap();
    let event = personal.create_event("Varnu flood").await.unwrap();
    personal.add_to_event(event.id, &ids[..2]).await.unwrap();
    let session = personal
        .create_session(&NewSession {
            name: Some("Reports 1 and 2".into()),
            article_ids: ids[..2].to_vec(),
            event_id: Some(event.id),
            mode: None,
        })
        .await
        .unwrap();
    let options = SessionOptions {
        analysis: parallax_store::AnalysisSettings {
            links: vec![ManualLink {
                article_a: ids[0],
                sentence_a: 0,
                article_b: ids[1],
                sentence_b: 0,
                linked: true,
            }],
            ..parallax_store::AnalysisSettings::default()
        },
        ..SessionOptions::default()
    };
    personal
        .set_session_options(session.id, &options)
        .await
        .unwrap();
    personal
        .add_note(&NewNote {
            session_id: session.id,
            article_id: ids[0],
            start: 0,
            end: 6,
            note: "Check the household count.".into(),
        })
        .await
        .unwrap();

    let (_target_dir, team) = temp_store().await;
    // Something the team had already: the same text is matched, not doubled.
    let lines = flood_report(3);
    let paragraphs: Vec<&str> = lines.iter().map(String::as_str).collect();
    import(
        &team,
        &article("Report three, filed earlier", None, None, &paragraphs),
    )
    .await;

    let mut stages = Vec::new();
    let report = personal
        .copy_into(&team, |progress| {
            stages.push((progress.stage, progress.done, progress.total))
        })
        .await
        .unwrap();
    assert_eq!((report.articles_copied, report.articles_present), (2, 1));
    assert_eq!(
        (
            report.events_copied,
            report.sessions_copied,
            report.notes_copied
        ),
        (1, 1, 1)
    );
    assert!(stages.contains(&("articles", 3, 3)), "{stages:?}");
    assert_eq!((report.fetches_copied, report.outlet_notes_copied), (1, 1));
    let copied_ids = team
        .list_ids(&parallax_store::ListQuery::default())
        .await
        .unwrap();
    let mut fetched = Vec::new();
    for id in copied_ids {
        if let Some(record) = team.fetch_record(id).await.unwrap() {
            fetched.push((id, record));
        }
    }
    assert_eq!(fetched.len(), 1, "one fetch record came along");
    let (id, record) = &fetched[0];
    assert_eq!(
        team.article(*id).await.unwrap().title,
        "Varnu flood, report 2"
    );
    assert_eq!(record.fetched_at, "2026-03-02T08:00:00Z");
    let previous = record.previous_id.expect("the earlier version is named");
    assert_eq!(
        team.article(previous).await.unwrap().title,
        "Varnu flood, report 1",
        "named by its id in the target"
    );
    let outlets = team.list_outlets().await.unwrap();
    let courier = outlets.iter().find(|o| o.name == "Varnu Courier").unwrap();
    assert_eq!(
        courier.notes.as_deref(),
        Some("Regional daily; owned by the port authority.")
    );

    assert_eq!(team.count_articles().await.unwrap(), 3);
    let copied = team.sessions().await.unwrap();
    let copied = copied
        .iter()
        .find(|s| s.name == "Reports 1 and 2")
        .expect("the session came along");
    let record = team.session(copied.id).await.unwrap();
    let members: Vec<i64> = record.articles.iter().map(|m| m.article_id).collect();
    let links = &record.options.analysis.links;
    assert_eq!(links.len(), 1);
    assert_eq!(
        (links[0].article_a, links[0].article_b),
        (members[0], members[1]),
        "the manual link names the copied articles"
    );
    let notes = team.notes(copied.id).await.unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(
        notes[0].author.as_deref(),
        Some("Ana"),
        "the note keeps its author"
    );
    let events = team.list_events().await.unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].article_count, 2);

    let again = personal.copy_into(&team, |_| {}).await.unwrap();
    assert_eq!(
        (
            again.articles_copied,
            again.events_copied,
            again.sessions_copied,
            again.notes_copied
        ),
        (0, 0, 0, 0),
        "a second copy doubles nothing"
    );
    assert_eq!((again.fetches_copied, again.outlet_notes_copied), (0, 0));
    assert_eq!(again.articles_present, 3);
    assert_eq!(team.count_articles().await.unwrap(), 3);
}
