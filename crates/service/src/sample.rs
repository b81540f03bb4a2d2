//! The fictional sample library (`sample-library/*.html`), embedded in the binary and imported
//! through the store's normal import path when a newcomer asks for it.

use parallax_store::{ImportOutcome, NewSession, Store};

use crate::error::ServiceResult;

/// What opening the sample library did.
#[derive(Debug)]
pub struct SampleLibrary {
    /// The sample's event.
    pub event_id: i64,
    /// Per page: its origin (`sample-library/NAME`) and what its import did.
    pub outcomes: Vec<(String, ImportOutcome)>,
}

/// The event the sample reports are grouped under; reused when the sample is opened again.
pub const SAMPLE_EVENT_TITLE: &str = "Port Maren water-price march (fictional sample)";

/// The sample session comparing the four outlets.
pub const SAMPLE_COMPARE_SESSION: &str = "Port Maren march: four outlets (fictional sample)";

/// The sample session of the Meridian Herald's two versions.
pub const SAMPLE_VERSIONS_SESSION: &str = "Meridian Herald: two versions (fictional sample)";

/// The embedded pages: file name and bytes. Four invented outlets, one of them in two versions.
pub const SAMPLE_PAGES: &[(&str, &[u8])] = &[
    (
        "meridian-herald-v1.html",
        include_bytes!("../../../sample-library/meridian-herald-v1.html"),
    ),
    (
        "meridian-herald-v2.html",
        include_bytes!("../../../sample-library/meridian-herald-v2.html"),
    ),
    (
        "kestria-daily-voice.html",
        include_bytes!("../../../sample-library/kestria-daily-voice.html"),
    ),
    (
        "northline-observer.html",
        include_bytes!("../../../sample-library/northline-observer.html"),
    ),
    (
        "coastal-wire.html",
        include_bytes!("../../../sample-library/coastal-wire.html"),
    ),
];

/// Imports every sample page (pages already in the library count as duplicates) and groups them
/// under [`SAMPLE_EVENT_TITLE`].
pub async fn open_sample_library(store: &Store) -> ServiceResult<SampleLibrary> {
    let mut outcomes = Vec::with_capacity(SAMPLE_PAGES.len());
    let mut article_ids = Vec::with_capacity(SAMPLE_PAGES.len());
    for (name, bytes) in SAMPLE_PAGES {
        let origin = format!("sample-library/{name}");
        let outcome = store
            .import_bytes(bytes.to_vec(), name, Some(&origin))
            .await?;
        match &outcome {
            ImportOutcome::Imported { id, .. } => article_ids.push(*id),
            ImportOutcome::Duplicate { existing_id, .. } => article_ids.push(*existing_id),
            ImportOutcome::Failed { .. } => {}
        }
        outcomes.push((origin, outcome));
    }
    let existing = store
        .list_events()
        .await?
        .into_iter()
        .find(|event| event.title == SAMPLE_EVENT_TITLE);
    let event = match existing {
        Some(event) => event,
        None => store.create_event(SAMPLE_EVENT_TITLE).await?,
    };
    store.add_to_event(event.id, &article_ids).await?;
    if article_ids.len() == SAMPLE_PAGES.len() {
        add_sample_sessions(store, &article_ids).await?;
    }
    Ok(SampleLibrary {
        event_id: event.id,
        outcomes,
    })
}

/// The sample's comparison sessions: the four outlets side by side (the Herald's second version),
/// and the Herald's two versions. Made once; a session of the same name is left alone.
async fn add_sample_sessions(store: &Store, article_ids: &[i64]) -> ServiceResult<()> {
    let existing: Vec<String> = store
        .sessions()
        .await?
        .into_iter()
        .map(|session| session.name)
        .collect();
    let wanted = [
        (SAMPLE_COMPARE_SESSION, &article_ids[1..]),
        (SAMPLE_VERSIONS_SESSION, &article_ids[..2]),
    ];
    for (name, ids) in wanted {
        if existing.iter().any(|have| have == name) {
            continue;
        }
        store
            .create_session(&NewSession {
                name: Some(name.to_owned()),
                article_ids: ids.to_vec(),
                ..NewSession::default()
            })
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_page_says_it_is_fictional() {
        for (name, bytes) in SAMPLE_PAGES {
            let text = std::str::from_utf8(bytes).expect("sample pages are UTF-8");
            assert!(
                text.contains("Fictional sample for Parallax — not a real event"),
                "{name} must carry the fictional label"
            );
            assert!(
                text.contains(".example/"),
                "{name} must use an .example domain for its URL"
            );
        }
    }

    #[tokio::test]
    async fn every_page_imports_as_its_own_article_in_one_event() {
        let store = Store::open_in_memory()
            .await
            .expect("an in-memory library opens");
        let sample = open_sample_library(&store)
            .await
            .expect("the sample library opens");
        let titles: Vec<&str> = sample
            .outcomes
            .iter()
            .filter_map(|(_, outcome)| match outcome {
                ImportOutcome::Imported { title, .. } => Some(title.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            titles.len(),
            SAMPLE_PAGES.len(),
            "each page is a new article: {sample:?}"
        );
        assert!(
            titles.contains(
                &"Militants clash with police in Port Maren; minister vows order will be restored"
            ),
            "titles come from the pages' metadata, not their clutter: {titles:?}"
        );
        let event = store
            .event(sample.event_id)
            .await
            .expect("the sample event exists");
        assert_eq!(event.title, SAMPLE_EVENT_TITLE);
        assert_eq!(event.article_count, SAMPLE_PAGES.len() as i64);
    }

    #[tokio::test]
    async fn opening_the_sample_twice_imports_nothing_new_and_reuses_the_event() {
        let store = Store::open_in_memory()
            .await
            .expect("an in-memory library opens");
        let first = open_sample_library(&store)
            .await
            .expect("the sample library opens");
        let second = open_sample_library(&store)
            .await
            .expect("the sample library opens again");
        assert_eq!(
            second.event_id, first.event_id,
            "the sample event is reused"
        );
        assert!(
            second
                .outcomes
                .iter()
                .all(|(_, o)| matches!(o, ImportOutcome::Duplicate { .. })),
            "nothing is imported twice: {second:?}"
        );
        let events = store.list_events().await.expect("events list");
        assert_eq!(
            events.len(),
            1,
            "opening the sample again creates no second event"
        );
    }

    #[tokio::test]
    async fn the_sample_sessions_open_with_their_comparison() {
        let store = Store::open_in_memory()
            .await
            .expect("an in-memory library opens");
        open_sample_library(&store)
            .await
            .expect("the sample library opens");
        open_sample_library(&store)
            .await
            .expect("the sample library opens again");
        let sessions = store.sessions().await.expect("sessions list");
        assert_eq!(sessions.len(), 2, "one of each, not repeated: {sessions:?}");

        let compare = sessions
            .iter()
            .find(|s| s.name == SAMPLE_COMPARE_SESSION)
            .expect("the four-outlet session");
        let record = store.session(compare.id).await.expect("it loads");
        let opened = crate::sessions::analyse(&store, None, record)
            .await
            .expect("it opens");
        assert_eq!(opened.model.panes.len(), 4);
        assert_eq!(opened.model.links.len(), 3);
        assert!(
            opened.model.panes.iter().all(|pane| pane.stats.shared > 0),
            "every outlet shares sentences with another"
        );
        assert!(!opened.model.coverage.claims.is_empty());
        assert!(opened.model.versions.is_none());

        let versions = sessions
            .iter()
            .find(|s| s.name == SAMPLE_VERSIONS_SESSION)
            .expect("the versions session");
        assert_eq!(versions.mode, parallax_store::SessionMode::Versions);
        let record = store.session(versions.id).await.expect("it loads");
        let opened = crate::sessions::analyse(&store, None, record)
            .await
            .expect("it opens");
        let revisions = opened.model.versions.expect("a versions view");
        assert_eq!(revisions.revisions.len(), 1);
        assert!(
            !revisions.revisions[0].changes.is_empty(),
            "the versions differ"
        );
    }
}
