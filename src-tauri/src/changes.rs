//! A team library's changes by colleagues, passed on to the page as `library-changed` events
//! (the page refreshes and says "3 new articles"). A local library sends none.

use std::time::Duration;

use parallax_store::{LibraryChange, Store};
use serde::Serialize;
use tauri::Emitter;
use tokio::sync::watch;
use ts_rs::TS;

/// The page's event name.
pub const EVENT: &str = "library-changed";

/// How long notices are gathered into one event (an import batch is many statements).
const GATHER: Duration = Duration::from_millis(400);

/// What colleagues changed since the last event.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LibraryChanged {
    /// Articles colleagues added to the library (by count; deletions leave it at 0).
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

    fn any(&self) -> bool {
        self.articles || self.events || self.sessions || self.notes
    }
}

/// Listens to a team library's notices until another library is opened (`switches` moves on);
/// nothing for a local one.
pub fn watch_in_background(
    app: tauri::AppHandle,
    store: Store,
    mut switches: watch::Receiver<u64>,
) {
    tauri::async_runtime::spawn(async move {
        switches.mark_unchanged();
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
        // Articles counted so far, this client's own imports included as they come.
        let mut known = store.count_articles().await.unwrap_or(0);
        loop {
            let first = tokio::select! {
                notice = feed.next_notice() => notice,
                _ = switches.changed() => return,
            };
            let mut changed = LibraryChanged::default();
            let mut own_articles = false;
            let mut note = |notice: (LibraryChange, bool), changed: &mut LibraryChanged| {
                let (change, own) = notice;
                if own {
                    own_articles |= change == LibraryChange::Articles;
                } else {
                    changed.add(change);
                }
            };
            match first {
                Ok(notice) => note(notice, &mut changed),
                Err(error) => {
                    eprintln!("parallax-app: waiting for the team library's server: {error}");
                    tokio::select! {
                        _ = tokio::time::sleep(Duration::from_secs(5)) => continue,
                        _ = switches.changed() => return,
                    }
                }
            }
            while let Ok(Ok(more)) = tokio::time::timeout(GATHER, feed.next_notice()).await {
                note(more, &mut changed);
            }
            if changed.articles || own_articles {
                let now = store.count_articles().await.unwrap_or(known);
                if changed.articles && !own_articles {
                    changed.new_articles = (now - known).max(0);
                }
                known = now;
            }
            if changed.any() {
                if let Err(error) = app.emit(EVENT, changed) {
                    eprintln!("parallax-app: could not tell the page of a change: {error}");
                }
            }
        }
    });
}
