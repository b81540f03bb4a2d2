//! The fictional sample library (`sample-library/*.html`), embedded in the binary and imported
//! through the store's normal import path when a newcomer asks for it.

use parallax_store::{ImportOutcome, Store};

use crate::error::AppResult;
use crate::wire::{FileOutcome, SampleLibrary};

/// The event the sample reports are grouped under; reused when the sample is opened again.
pub const SAMPLE_EVENT_TITLE: &str = "Port Maren water-price march (fictional sample)";

/// The embedded pages: file name and bytes. Four invented outlets, one of them in two versions.
pub const SAMPLE_PAGES: &[(&str, &[u8])] = &[
    (
        "meridian-herald-v1.html",
        include_bytes!("../../sample-library/meridian-herald-v1.html"),
    ),
    (
        "meridian-herald-v2.html",
        include_bytes!("../../sample-library/meridian-herald-v2.html"),
    ),
    (
        "kestria-daily-voice.html",
        include_bytes!("../../sample-library/kestria-daily-voice.html"),
    ),
    (
        "northline-observer.html",
        include_bytes!("../../sample-library/northline-observer.html"),
    ),
    (
        "coastal-wire.html",
        include_bytes!("../../sample-library/coastal-wire.html"),
    ),
];

/// Imports every sample page (pages already in the library count as duplicates) and groups them
/// under [`SAMPLE_EVENT_TITLE`].
pub async fn open_sample_library(store: &Store) -> AppResult<SampleLibrary> {
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
        outcomes.push(FileOutcome::new(origin, outcome));
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
    Ok(SampleLibrary {
        event_id: event.id,
        outcomes,
    })
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

    /// The article each outcome ended in (new or already there), if any.
    fn article_id(outcome: &FileOutcome) -> Option<i64> {
        match outcome {
            FileOutcome::Imported { id, .. } => Some(*id),
            FileOutcome::Duplicate { existing_id, .. } => Some(*existing_id),
            FileOutcome::Error { .. } => None,
        }
    }

    #[tokio::test]
    async fn opening_the_sample_twice_imports_once_and_reuses_the_event() {
        let store = Store::open_in_memory()
            .await
            .expect("an in-memory library opens");
        let first = open_sample_library(&store)
            .await
            .expect("the sample library opens");
        assert_eq!(
            first.outcomes.len(),
            SAMPLE_PAGES.len(),
            "one outcome per page"
        );
        let mut ids: Vec<i64> = first.outcomes.iter().filter_map(article_id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert!(!ids.is_empty(), "the sample pages import: {first:?}");

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
                .all(|o| matches!(o, FileOutcome::Duplicate { .. })),
            "nothing is imported twice: {second:?}"
        );
        let event = store
            .event(first.event_id)
            .await
            .expect("the sample event exists");
        assert_eq!(event.title, SAMPLE_EVENT_TITLE);
        assert_eq!(
            event.article_count,
            ids.len() as i64,
            "every sample article is in the event"
        );
        let events = store.list_events().await.expect("events list");
        assert_eq!(
            events.len(),
            1,
            "opening the sample again creates no second event"
        );
    }
}
