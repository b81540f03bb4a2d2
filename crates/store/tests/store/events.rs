//! Events: creating, renaming, grouping articles, counts, listing an event's articles.

use parallax_store::{ListQuery, StoreError};

use crate::common::{article, import, temp_store};

#[tokio::test]
async fn events_group_articles() {
    let (_dir, store) = temp_store().await;
    let a = import(
        &store,
        &article("First report", None, None, &["Alpha text."]),
    )
    .await;
    let b = import(
        &store,
        &article("Second report", None, None, &["Beta text."]),
    )
    .await;
    let c = import(
        &store,
        &article("Third report", None, None, &["Gamma text."]),
    )
    .await;

    let flood = store
        .create_event("  Lake Varnu flood (fictional) ")
        .await
        .unwrap();
    assert_eq!(flood.title, "Lake Varnu flood (fictional)");
    assert_eq!(flood.article_count, 0);
    assert!(store.create_event(" ").await.is_err());

    assert_eq!(store.add_to_event(flood.id, &[a, b]).await.unwrap(), 2);
    assert_eq!(
        store.add_to_event(flood.id, &[b, c]).await.unwrap(),
        1,
        "already-grouped articles are skipped"
    );
    assert_eq!(store.event(flood.id).await.unwrap().article_count, 3);

    let in_event = store
        .list_articles(&ListQuery {
            event_id: Some(flood.id),
            ..ListQuery::default()
        })
        .await
        .unwrap();
    let mut ids: Vec<i64> = in_event.iter().map(|s| s.id).collect();
    ids.sort_unstable();
    assert_eq!(ids, [a, b, c]);
    let event_query = ListQuery {
        event_id: Some(flood.id),
        ..ListQuery::default()
    };
    assert_eq!(store.count_listed(&event_query).await.unwrap(), 3);

    assert_eq!(
        store.remove_from_event(flood.id, &[a, 9999]).await.unwrap(),
        1
    );
    assert_eq!(store.event(flood.id).await.unwrap().article_count, 2);

    let renamed = store
        .rename_event(flood.id, "Varnu flood, week one", None)
        .await
        .unwrap();
    assert_eq!(renamed.title, "Varnu flood, week one");
    let noted = store
        .set_event_notes(flood.id, Some("Compare the casualty figures."), None)
        .await
        .unwrap();
    assert_eq!(
        noted.notes.as_deref(),
        Some("Compare the casualty figures.")
    );
    assert_eq!(
        store
            .set_event_notes(flood.id, Some("  "), None)
            .await
            .unwrap()
            .notes,
        None
    );

    let storm = store
        .create_event("Brenholm storm (fictional)")
        .await
        .unwrap();
    let listed = store.list_events().await.unwrap();
    assert_eq!(
        listed.iter().map(|e| e.id).collect::<Vec<_>>(),
        [storm.id, flood.id],
        "newest first"
    );
    assert_eq!(listed[1].article_count, 2);

    store.delete_event(flood.id).await.unwrap();
    assert_eq!(
        store.count_articles().await.unwrap(),
        3,
        "articles outlive their event"
    );
    assert!(matches!(
        store.event(flood.id).await,
        Err(StoreError::NotFound { what: "event", .. })
    ));
    assert!(store.delete_event(flood.id).await.is_err());
    assert!(store.rename_event(flood.id, "x", None).await.is_err());
}

#[tokio::test]
async fn adding_a_missing_article_adds_nothing() {
    let (_dir, store) = temp_store().await;
    let a = import(
        &store,
        &article("Only report", None, None, &["Delta text."]),
    )
    .await;
    let event = store
        .create_event("Harbour fire (fictional)")
        .await
        .unwrap();
    let error = store.add_to_event(event.id, &[a, 4242]).await.unwrap_err();
    assert_eq!(error.to_string(), "article #4242 was not found");
    assert_eq!(
        store.event(event.id).await.unwrap().article_count,
        0,
        "all or nothing"
    );
    assert!(matches!(
        store.add_to_event(777, &[a]).await,
        Err(StoreError::NotFound {
            what: "event",
            id: 777
        })
    ));
    assert!(matches!(
        store.remove_from_event(777, &[a]).await,
        Err(StoreError::NotFound {
            what: "event",
            id: 777
        })
    ));
}

/// Two people edit one event: the second edit, made against the version both read, is refused
/// and names who changed it; after a reload it goes through. Authors are recorded.
#[tokio::test]
async fn an_edit_to_an_event_changed_meanwhile_is_refused() {
    let (_dir, store) = temp_store().await;
    let ana = store.clone().with_author(Some("Ana".into()));
    let ben = store.clone().with_author(Some("Ben".into()));
    let read = ana.create_event("Varnu flood").await.unwrap();
    assert_eq!(read.created_by.as_deref(), Some("Ana"));
    let first = ana
        .rename_event(read.id, "Varnu flood, day one", Some(read.version))
        .await
        .unwrap();
    assert_eq!(first.version, read.version + 1);
    let refused = ben
        .set_event_notes(read.id, Some("Check the figures."), Some(read.version))
        .await
        .unwrap_err();
    match &refused {
        StoreError::Conflict { what, by, .. } => assert_eq!((*what, by.as_str()), ("event", "Ana")),
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert!(
        refused.to_string().contains("changed by Ana at"),
        "{refused}"
    );
    assert_eq!(
        store.event(read.id).await.unwrap().notes,
        None,
        "nothing was written"
    );
    let reloaded = ben.event(read.id).await.unwrap();
    ben.set_event_notes(read.id, Some("Check the figures."), Some(reloaded.version))
        .await
        .unwrap();
}
