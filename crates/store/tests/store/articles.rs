//! Listing, reading, editing and deleting articles.

use parallax_store::{ListQuery, MetadataUpdate, SortKey, SortOrder, Store, StoreError};

use crate::common::{article, import, temp_store};

/// Three invented articles with distinct titles, outlets, dates and lengths.
async fn three(store: &Store) -> [i64; 3] {
    let mut a = article(
        "Bridge reopens",
        Some("Oskel Herald"),
        None,
        &["Short text here."],
    );
    a.published_at = Some("2031-05-02".into());
    let mut b = article(
        "avalanche warning",
        Some("Varnu Courier"),
        None,
        &["A somewhat longer text about snow on the ridge."],
    );
    b.published_at = None;
    let mut c = article(
        "Council meets",
        None,
        None,
        &["Medium text about the council."],
    );
    c.published_at = Some("2031-04-30T09:00:00Z".into());
    [
        import(store, &a).await,
        import(store, &b).await,
        import(store, &c).await,
    ]
}

fn ids(list: &[parallax_store::ArticleSummary]) -> Vec<i64> {
    list.iter().map(|a| a.id).collect()
}

#[tokio::test]
async fn the_list_sorts_by_every_column_both_ways() {
    let (_dir, store) = temp_store().await;
    let [bridge, avalanche, council] = three(&store).await;
    let list = |sort, order| {
        let store = store.clone();
        async move {
            let query = ListQuery {
                sort,
                order,
                ..ListQuery::default()
            };
            let listed = ids(&store.list_articles(&query).await.unwrap());
            // The ids alone (for selections across pages) come in the same order.
            assert_eq!(store.list_ids(&query).await.unwrap(), listed);
            listed
        }
    };
    assert_eq!(
        list(SortKey::Title, SortOrder::Asc).await,
        [avalanche, bridge, council],
        "case-insensitive titles"
    );
    assert_eq!(
        list(SortKey::Title, SortOrder::Desc).await,
        [council, bridge, avalanche]
    );
    assert_eq!(
        list(SortKey::Outlet, SortOrder::Asc).await,
        [bridge, avalanche, council],
        "no outlet last"
    );
    assert_eq!(
        list(SortKey::Outlet, SortOrder::Desc).await,
        [avalanche, bridge, council],
        "no outlet last"
    );
    assert_eq!(
        list(SortKey::Published, SortOrder::Asc).await,
        [council, bridge, avalanche],
        "no date last"
    );
    assert_eq!(
        list(SortKey::Published, SortOrder::Desc).await,
        [bridge, council, avalanche],
        "no date last"
    );
    assert_eq!(
        list(SortKey::Words, SortOrder::Desc).await,
        [avalanche, council, bridge]
    );
    assert_eq!(
        list(SortKey::Words, SortOrder::Asc).await,
        [bridge, council, avalanche]
    );
    // Same second of import: ties go by id.
    assert_eq!(
        list(SortKey::Imported, SortOrder::Asc).await,
        [bridge, avalanche, council]
    );
    assert_eq!(
        list(SortKey::Imported, SortOrder::Desc).await,
        [council, avalanche, bridge]
    );

    let page = store
        .list_articles(&ListQuery {
            sort: SortKey::Title,
            order: SortOrder::Asc,
            limit: Some(1),
            offset: 1,
            ..ListQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(ids(&page), [bridge]);
    let summary = &store.list_articles(&ListQuery::default()).await.unwrap()[2];
    assert_eq!(summary.outlet.as_deref(), Some("Oskel Herald"));
    assert_eq!(summary.word_count, 3);
    assert_eq!(summary.lang.as_deref(), Some("en"));
    let herald = store.article(bridge).await.unwrap().outlet_id;
    let by_outlet = store
        .list_articles(&ListQuery {
            outlet_id: herald,
            ..ListQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(ids(&by_outlet), [bridge]);
    let herald_query = ListQuery {
        outlet_id: herald,
        limit: Some(0),
        ..ListQuery::default()
    };
    assert_eq!(
        store.count_listed(&herald_query).await.unwrap(),
        1,
        "counts ignore paging"
    );
    assert_eq!(store.count_listed(&ListQuery::default()).await.unwrap(), 3);
}

#[tokio::test]
async fn metadata_edits_are_saved_and_checked() {
    let (_dir, store) = temp_store().await;
    let [bridge, _, council] = three(&store).await;
    let update = MetadataUpdate {
        title: Some("  Bridge reopens after repairs ".into()),
        outlet: Some("Lakeside Gazette".into()),
        published_at: Some("2031-05-03T10:15:00+02:00".into()),
        url: Some("https://gazette.example/bridge".into()),
        version: None,
    };
    let detail = store.update_metadata(bridge, &update).await.unwrap();
    assert_eq!(detail.title, "Bridge reopens after repairs");
    assert_eq!(detail.outlet.as_deref(), Some("Lakeside Gazette"));
    assert_eq!(
        detail.published_at.as_deref(),
        Some("2031-05-03T10:15:00+02:00")
    );
    assert_eq!(
        detail.url.as_deref(),
        Some("https://gazette.example/bridge")
    );

    // The council article joins the same outlet by name; empty strings clear fields.
    let clear = MetadataUpdate {
        outlet: Some("lakeside gazette".into()),
        published_at: Some(String::new()),
        url: Some(" ".into()),
        ..MetadataUpdate::default()
    };
    let council_detail = store.update_metadata(council, &clear).await.unwrap();
    assert_eq!(council_detail.outlet_id, detail.outlet_id);
    assert_eq!(council_detail.published_at, None);
    assert_eq!(council_detail.title, "Council meets", "untouched");
    let no_outlet = MetadataUpdate {
        outlet: Some(String::new()),
        ..MetadataUpdate::default()
    };
    assert_eq!(
        store
            .update_metadata(council, &no_outlet)
            .await
            .unwrap()
            .outlet,
        None
    );

    let bad_date = MetadataUpdate {
        published_at: Some("3 May".into()),
        ..MetadataUpdate::default()
    };
    let error = store.update_metadata(bridge, &bad_date).await.unwrap_err();
    assert!(error.to_string().contains("not a date"), "{error}");
    let empty_title = MetadataUpdate {
        title: Some(" ".into()),
        ..MetadataUpdate::default()
    };
    assert!(matches!(
        store.update_metadata(bridge, &empty_title).await,
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(
        store.article(bridge).await.unwrap().title,
        "Bridge reopens after repairs",
        "failed edits change nothing"
    );
    assert!(matches!(
        store
            .update_metadata(9999, &MetadataUpdate::default())
            .await,
        Err(StoreError::NotFound {
            what: "article",
            id: 9999
        })
    ));
}

#[tokio::test]
async fn delete_hides_everywhere_and_restore_brings_back() {
    let (_dir, store) = temp_store().await;
    let [bridge, avalanche, _] = three(&store).await;
    let event = store.create_event("Spring thaw (fictional)").await.unwrap();
    store
        .add_to_event(event.id, &[bridge, avalanche])
        .await
        .unwrap();

    store.delete_article(bridge).await.unwrap();
    assert_eq!(store.count_articles().await.unwrap(), 2);
    assert!(!ids(&store.list_articles(&ListQuery::default()).await.unwrap()).contains(&bridge));
    assert!(store.search("bridge", 10).await.unwrap().is_empty());
    assert!(matches!(
        store.article(bridge).await,
        Err(StoreError::NotFound { .. })
    ));
    assert_eq!(store.event(event.id).await.unwrap().article_count, 1);
    assert!(
        store.delete_article(bridge).await.is_err(),
        "already deleted"
    );
    assert!(
        store.add_to_event(event.id, &[bridge]).await.is_err(),
        "deleted articles cannot be grouped"
    );

    store.restore_article(bridge).await.unwrap();
    assert_eq!(store.article(bridge).await.unwrap().title, "Bridge reopens");
    assert_eq!(store.search("bridge", 10).await.unwrap().len(), 1);
    assert_eq!(
        store.event(event.id).await.unwrap().article_count,
        2,
        "group membership survives undo"
    );
    assert!(
        store.restore_article(bridge).await.is_err(),
        "not deleted any more"
    );

    store.delete_article(avalanche).await.unwrap();
    assert_eq!(store.purge_deleted().await.unwrap(), 1);
    assert!(
        store.restore_article(avalanche).await.is_err(),
        "purged for good"
    );
    let outlets: Vec<String> = store
        .list_outlets()
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.name)
        .collect();
    assert_eq!(
        outlets,
        ["Oskel Herald"],
        "outlets left without articles are purged too"
    );
    assert_eq!(store.check_integrity().await.unwrap(), Ok(()));
}

#[tokio::test]
async fn detail_lists_the_events_of_an_article() {
    let (_dir, store) = temp_store().await;
    let [bridge, ..] = three(&store).await;
    let event = store.create_event("Bridge works").await.unwrap();
    store.add_to_event(event.id, &[bridge]).await.unwrap();
    let detail = store.article(bridge).await.unwrap();
    assert_eq!(
        detail.events,
        [parallax_store::EventRef {
            id: event.id,
            title: "Bridge works".into()
        }]
    );
    assert_eq!(detail.byline.as_deref(), Some("Staff reporter (fictional)"));
    assert_eq!(detail.source_format, "text");
    assert!(!detail.has_original);
    assert_eq!(store.original_bytes(bridge).await.unwrap(), None);
}

#[tokio::test]
async fn summaries_serialize_with_snake_case_fields() {
    let (_dir, store) = temp_store().await;
    let [bridge, ..] = three(&store).await;
    let json = serde_json::to_value(store.article(bridge).await.unwrap()).unwrap();
    for field in [
        "outlet_id",
        "published_at",
        "imported_at",
        "word_count",
        "content_hash",
        "paragraphs",
    ] {
        assert!(json.get(field).is_some(), "{field} missing in {json}");
    }
    let outcome = serde_json::to_value(parallax_store::ImportOutcome::Duplicate {
        existing_id: 3,
        title: "T".into(),
    })
    .unwrap();
    assert_eq!(
        outcome,
        serde_json::json!({"status": "duplicate", "existing_id": 3, "title": "T"})
    );
}

#[tokio::test]
async fn versions_share_a_canonical_url_and_come_oldest_first() {
    let (_dir, store) = temp_store().await;
    let version =
        |text: &str, published: Option<&str>, canonical: Option<&str>, url: Option<&str>| {
            let mut report = article(
                "Dam inquiry (fictional)",
                Some("Oskel Herald"),
                None,
                &[text],
            );
            report.published_at = published.map(Into::into);
            report.canonical_url = canonical.map(Into::into);
            report.url = url.map(Into::into);
            report
        };
    let page = "https://herald.example/dam-inquiry";
    let later = import(
        &store,
        &version(
            "Second edit of the story.",
            Some("2031-05-03"),
            Some(page),
            None,
        ),
    )
    .await;
    let first = import(
        &store,
        &version(
            "First version of the story.",
            Some("2031-05-02"),
            Some(page),
            None,
        ),
    )
    .await;
    let by_url = import(
        &store,
        &version("Copy saved from the address bar.", None, None, Some(page)),
    )
    .await;
    let other = import(
        &store,
        &version(
            "Another story entirely.",
            None,
            Some("https://herald.example/other"),
            None,
        ),
    )
    .await;
    let alone = import(&store, &version("No address at all.", None, None, None)).await;

    assert_eq!(
        ids(&store.versions_of(later).await.unwrap()),
        [first, later, by_url],
        "undated last"
    );
    assert_eq!(ids(&store.versions_of(other).await.unwrap()), [other]);
    assert_eq!(ids(&store.versions_of(alone).await.unwrap()), [alone]);
    store.delete_article(first).await.unwrap();
    assert_eq!(
        ids(&store.versions_of(later).await.unwrap()),
        [later, by_url]
    );
    assert!(store.versions_of(first).await.is_err());
}

#[tokio::test]
async fn dates_sort_by_the_instant_they_name_not_their_text() {
    let (_dir, store) = temp_store().await;
    let mut east = article(
        "Evening vote in Oskel",
        None,
        None,
        &["The vote closed late."],
    );
    east.published_at = Some("2031-05-02T20:30:00+02:00".into()); // 18:30 UTC
    let mut west = article("Evening vote in Varnu", None, None, &["The count began."]);
    west.published_at = Some("2031-05-02T19:10:00Z".into());
    let east = import(&store, &east).await;
    let west = import(&store, &west).await;
    let listed = store
        .list_articles(&ListQuery {
            sort: SortKey::Published,
            order: SortOrder::Asc,
            ..ListQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(
        ids(&listed),
        [east, west],
        "18:30 UTC (written with a +02:00 offset) comes before 19:10 UTC"
    );
}

/// A metadata edit made against an older version of the article is refused, naming who changed
/// it; without a version (the command line) an edit always goes through.
#[tokio::test]
async fn a_metadata_edit_against_an_older_version_is_refused() {
    let (_dir, store) = temp_store().await;
    let [bridge, _, _] = three(&store).await;
    let read = store.article(bridge).await.unwrap();
    let ana = store.clone().with_author(Some("Ana".into()));
    let retitle = |title: &str, version| MetadataUpdate {
        title: Some(title.into()),
        version,
        ..MetadataUpdate::default()
    };
    let changed = ana
        .update_metadata(
            bridge,
            &retitle("Bridge reopens at last", Some(read.version)),
        )
        .await
        .unwrap();
    assert_eq!(changed.version, read.version + 1);
    let stale = store
        .update_metadata(bridge, &retitle("Bridge still shut", Some(read.version)))
        .await
        .unwrap_err();
    assert!(stale.to_string().contains("changed by Ana"), "{stale}");
    assert_eq!(
        store.article(bridge).await.unwrap().title,
        "Bridge reopens at last"
    );
    store
        .update_metadata(bridge, &retitle("Bridge reopens", None))
        .await
        .unwrap();
}

/// Pages of the list sorted by outlet are the slices of the whole sorted list, both ways, in the
/// library and in an event (on PostgreSQL a shallow page is found outlet by outlet).
#[tokio::test]
async fn pages_sorted_by_outlet_are_slices_of_the_whole_list() {
    let (_dir, store) = temp_store().await;
    let outlets = [
        Some("Cedar Times"),
        Some("bay courier"),
        None,
        Some("Atlas Post"),
    ];
    let mut imported = Vec::new();
    for n in 0..11 {
        let title = format!("Harbour notice {n}");
        let text = format!("Notice {n} about the harbour works, berth {}.", n * 7);
        imported.push(import(&store, &article(&title, outlets[n % 4], None, &[&text])).await);
    }
    let event = store.create_event("Harbour works").await.unwrap();
    store.add_to_event(event.id, &imported[2..9]).await.unwrap();
    for event_id in [None, Some(event.id)] {
        for order in [SortOrder::Asc, SortOrder::Desc] {
            let whole = ListQuery {
                sort: SortKey::Outlet,
                order,
                event_id,
                ..ListQuery::default()
            };
            let all = store.list_ids(&whole).await.unwrap();
            assert_eq!(all.len(), if event_id.is_some() { 7 } else { 11 });
            for offset in 0..all.len() as u32 {
                for limit in [1, 3, 50] {
                    let query = ListQuery {
                        offset,
                        limit: Some(limit),
                        ..whole.clone()
                    };
                    let end = (offset + limit).min(all.len() as u32) as usize;
                    let expected = &all[offset as usize..end];
                    assert_eq!(
                        store.list_ids(&query).await.unwrap(),
                        expected,
                        "{order:?} {event_id:?} offset {offset} limit {limit}"
                    );
                    assert_eq!(ids(&store.list_articles(&query).await.unwrap()), expected);
                }
            }
        }
    }
}
