//! A team library's changes by colleagues, passed on to the page as `library-changed` events
//! (the page refreshes and says "3 new articles"). A local library sends none.

use std::time::Duration;

use parallax_store::{LibraryChange, Store};
use serde::Serialize;
use tauri::Emitter;
use ts_rs::TS;

/// The page's event name.
pub const EVENT: &str = "library-changed";

/// How long notices are gathered into one event (an import batch is many statements).
const GATHER: Duration = Duration::from_millis(400);

/// What colleagues changed since the last event.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LibraryChanged {
    /// Articles added to the library (by count; deletions leave it at 0).
    pub new_articles: i64,
    pub articles: bool,
    pub events: bool,
    pub sessions: bool,
    pub notes: bool,
}

impl LibraryChanged {
    fn add(&mut self, change: LibraryChange) {
        match change {
            LibraryChange::Articles => self.articles = true,
            LibraryChange::Events => self.events = true,
            LibraryChange::Sessions => self.sessions = true,
            LibraryChange::Notes => self.notes = true,
            LibraryChange::Anything => {
                self.articles = true;
                self.events = true;
                self.sessions = true;
                self.notes = true;
            }
        }
    }
}

/// Listens to a team library's notices while it is the open library (`generation`, see
/// `Library::replace`); nothing for a local one.
pub fn watch_in_background(app: tauri::AppHandle, store: Store, generation: u64) {
    use tauri::Manager;
    let still_open = move |app: &tauri::AppHandle| {
        app.try_state::<crate::state::Library>()
            .is_none_or(|library| library.generation() == generation)
    };
    tauri::async_runtime::spawn(async move {
        let mut feed = match store.change_feed().await {
            Ok(Some(feed)) => feed,
            Ok(None) => return,
            Err(error) => {
                eprintln!(
                    "parallax-app: colleagues' changes will not show until a restart: {error}"
                );
                return;
            }
        };
        let mut known = store.count_articles().await.unwrap_or(0);
        loop {
            let first = match feed.next().await {
                Ok(change) => change,
                Err(error) => {
                    eprintln!("parallax-app: waiting for the team library's server: {error}");
                    tokio::time::sleep(Duration::from_secs(5)).await;
                    continue;
                }
            };
            let mut changed = LibraryChanged::default();
            changed.add(first);
            while let Ok(Ok(more)) = tokio::time::timeout(GATHER, feed.next()).await {
                changed.add(more);
            }
            if !still_open(&app) {
                return;
            }
            if changed.articles {
                let now = store.count_articles().await.unwrap_or(known);
                changed.new_articles = (now - known).max(0);
                known = now;
            }
            if let Err(error) = app.emit(EVENT, changed) {
                eprintln!("parallax-app: could not tell the page of a change: {error}");
            }
        }
    });
}
