//! Articles fetched by address from the fixture server on 127.0.0.1: import, provenance,
//! "already in the library", walls, errors, and new versions by checking again.

use std::time::Duration;

use parallax_fetch::fixture_server::FixtureServer;
use parallax_fetch::{Fetcher, Limits};
use parallax_store::{ImportOutcome, RefreshOutcome, Store};

use crate::common::temp_store;

fn fetcher() -> Fetcher {
    Fetcher::new(Limits {
        total_timeout: Duration::from_secs(3),
        ..Limits::default()
    })
    .expect("a fetcher")
}

async fn live_count(store: &Store) -> i64 {
    store.count_articles().await.unwrap()
}

fn imported_id(outcome: &ImportOutcome) -> i64 {
    match outcome {
        ImportOutcome::Imported { id, .. } => *id,
        other => panic!("expected an import, got {other:?}"),
    }
}

#[tokio::test]
async fn a_page_is_imported_with_where_and_when_it_came_from() {
    let (_dir, store) = temp_store().await;
    let server = FixtureServer::start().unwrap();
    let result = store
        .import_address(&server.url("/article"), &fetcher())
        .await;
    let id = imported_id(&result.outcome);
    let article = store.article(id).await.unwrap();
    assert_eq!(article.title, "Night ferry line approved");
    assert_eq!(
        article.url.as_deref(),
        Some(server.url("/article").as_str())
    );
    assert!(article.body.contains("Councillor Mara Fenwick"));
    assert!(article.has_original, "the page's bytes are kept");
    let record = store
        .fetch_record(id)
        .await
        .unwrap()
        .expect("a fetch record");
    assert_eq!(record.final_url, server.url("/article"));
    assert_eq!(record.status, 200);
    assert!(record.fetched_at.ends_with('Z'));
    let original = store.original_bytes(id).await.unwrap().unwrap();
    assert!(String::from_utf8_lossy(&original).contains("<article>"));
}

#[tokio::test]
async fn an_address_already_in_the_library_is_not_fetched_again() {
    let (_dir, store) = temp_store().await;
    let server = FixtureServer::start().unwrap();
    let first = store
        .import_address(&server.url("/moved"), &fetcher())
        .await;
    let id = imported_id(&first.outcome);
    assert_eq!(first.redirects.len(), 4, "{:?}", first.redirects);
    assert_eq!(
        first.final_url.as_deref(),
        Some(server.url("/article").as_str())
    );
    let hits = server.hits("/article");
    for address in [
        server.url("/moved"),
        server.url("/article"),
        server.url("/article?utm_source=feed"),
        server.url("/article#comments"),
    ] {
        let again = store.import_address(&address, &fetcher()).await;
        assert_eq!(
            again.outcome,
            ImportOutcome::Duplicate {
                existing_id: id,
                title: "Night ferry line approved".into()
            },
            "{address}"
        );
    }
    assert_eq!(server.hits("/article"), hits, "nothing was fetched again");
}

#[tokio::test]
async fn walls_and_failures_import_nothing_and_say_why() {
    let (_dir, store) = temp_store().await;
    let server = FixtureServer::start().unwrap();
    for (path, expected) in [
        ("/consent", "cookie-consent page"),
        ("/paywall", "paywall"),
        ("/missing", "404 (no page at this address)"),
        ("/image", "image/png"),
        ("/loop-a", "loop"),
    ] {
        let result = store.import_address(&server.url(path), &fetcher()).await;
        match &result.outcome {
            ImportOutcome::Failed {
                path: address,
                message,
            } => {
                assert_eq!(*address, server.url(path));
                assert!(message.contains(expected), "{path}: {message}");
            }
            other => panic!("{path}: expected a failure, got {other:?}"),
        }
    }
    assert_eq!(live_count(&store).await, 0);
}

#[tokio::test]
async fn a_charset_from_the_headers_is_honoured() {
    let (_dir, store) = temp_store().await;
    let server = FixtureServer::start().unwrap();
    let result = store
        .import_address(&server.url("/latin1-header"), &fetcher())
        .await;
    let article = store.article(imported_id(&result.outcome)).await.unwrap();
    assert_eq!(article.title, "Café owners back the ferry");
    assert!(article.body.contains("ten o’clock"), "{}", article.body);
}

#[tokio::test]
async fn checking_again_finds_a_new_version_then_nothing_new() {
    let (_dir, store) = temp_store().await;
    let server = FixtureServer::start().unwrap();
    let fetcher = fetcher();
    let first = store
        .import_address(&server.url("/changing"), &fetcher)
        .await;
    let id = imported_id(&first.outcome);
    let outcome = store.refresh(id, &fetcher).await.unwrap();
    let RefreshOutcome::NewVersion {
        previous_id,
        id: new_id,
        ..
    } = outcome
    else {
        panic!("expected a new version, got {outcome:?}");
    };
    assert_eq!(previous_id, id);
    let new = store.article(new_id).await.unwrap();
    assert!(new.body.contains("not May"), "{}", new.body);
    let versions: Vec<i64> = store
        .versions_of(new_id)
        .await
        .unwrap()
        .iter()
        .map(|v| v.id)
        .collect();
    assert_eq!(versions, [id, new_id]);
    assert!(store.are_versions(&[id, new_id]).await.unwrap());
    assert_eq!(
        store
            .fetch_record(new_id)
            .await
            .unwrap()
            .unwrap()
            .previous_id,
        Some(id)
    );
    // The page has not changed since: nothing new.
    assert_eq!(
        store.refresh(new_id, &fetcher).await.unwrap(),
        RefreshOutcome::Unchanged {
            id: new_id,
            same_as: new_id
        }
    );
    assert_eq!(live_count(&store).await, 2);
}

#[tokio::test]
async fn an_article_without_an_address_cannot_be_checked() {
    let (_dir, store) = temp_store().await;
    let outcome = store
        .import_bytes(
            b"Ferry fares set\n\nThe council set the fare at 4.50 crowns on Wednesday.".to_vec(),
            "fares.txt",
            None,
        )
        .await
        .unwrap();
    let id = imported_id(&outcome);
    match store.refresh(id, &fetcher()).await.unwrap() {
        RefreshOutcome::Failed { message, .. } => {
            assert!(message.contains("no web address"), "{message}")
        }
        other => panic!("expected a failure, got {other:?}"),
    }
}

#[tokio::test]
async fn an_events_articles_are_checked_together() {
    let (_dir, store) = temp_store().await;
    let server = FixtureServer::start().unwrap();
    let fetcher = fetcher();
    let changing = imported_id(
        &store
            .import_address(&server.url("/changing"), &fetcher)
            .await
            .outcome,
    );
    let plain = imported_id(
        &store
            .import_address(&server.url("/plain"), &fetcher)
            .await
            .outcome,
    );
    let event = store.create_event("Eastbrook ferry").await.unwrap();
    store
        .add_to_event(event.id, &[changing, plain])
        .await
        .unwrap();
    let outcomes = store.refresh_event(event.id, &fetcher).await.unwrap();
    assert_eq!(outcomes.len(), 2, "{outcomes:?}");
    let RefreshOutcome::NewVersion {
        id: newer,
        previous_id,
        ..
    } = outcomes[0]
    else {
        panic!("expected a new version, got {:?}", outcomes[0]);
    };
    assert_eq!(previous_id, changing);
    let events: Vec<i64> = store
        .article(newer)
        .await
        .unwrap()
        .events
        .iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(events, [event.id], "the new version joins the event");
    assert_eq!(
        outcomes[1],
        RefreshOutcome::Unchanged {
            id: plain,
            same_as: plain
        }
    );
}
