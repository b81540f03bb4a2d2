//! A team library's change notices: what a colleague's client imports, edits or annotates reaches
//! every other open client at once (PostgreSQL `LISTEN` on the channel the tables' triggers
//! notify, see `migrations/postgres`). A local library has none: only this computer writes it.

use serde::Serialize;
use sqlx::postgres::PgListener;

use crate::error::StoreResult;
use crate::store::Store;

/// The channel the triggers of a team library notify.
pub(crate) const CHANNEL: &str = "parallax_changes";

/// What a colleague changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LibraryChange {
    /// Articles were imported, edited, deleted or restored.
    Articles,
    /// Events were made, renamed, deleted, or their articles changed.
    Events,
    /// Sessions were made or changed.
    Sessions,
    /// Notes were added, edited or deleted.
    Notes,
    /// The connection to the server was lost and made again: anything may have changed.
    Anything,
}

impl LibraryChange {
    /// The change a notice names (`<table> <client>`), unless it is this client's own.
    #[cfg(test)]
    fn from_notice(payload: &str, own_client: &str) -> Option<Self> {
        let (change, own) = Self::read_notice(payload, own_client);
        (!own).then_some(change)
    }

    /// The change a notice names, and whether `own_client` made it.
    fn read_notice(payload: &str, own_client: &str) -> (Self, bool) {
        let (table, client) = payload.split_once(' ').unwrap_or((payload, ""));
        let change = match table {
            "articles" => Self::Articles,
            "events" | "event_articles" => Self::Events,
            "sessions" => Self::Sessions,
            "annotations" => Self::Notes,
            _ => Self::Anything,
        };
        (change, client == own_client)
    }
}

/// The notices of one team library, as they come.
pub struct ChangeFeed {
    listener: PgListener,
    /// This store's client name: its own changes are not reported back to it.
    own_client: String,
}

impl std::fmt::Debug for ChangeFeed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChangeFeed")
            .field("own_client", &self.own_client)
            .finish_non_exhaustive()
    }
}

impl ChangeFeed {
    /// Waits for the next change a colleague made. A lost connection is made again (waiting
    /// while the server is away) and reported as [`LibraryChange::Anything`].
    pub async fn next(&mut self) -> StoreResult<LibraryChange> {
        loop {
            let (change, own) = self.next_notice().await?;
            if !own {
                return Ok(change);
            }
        }
    }

    /// Waits for the next change by anyone: the change, and whether this client made it (what a
    /// client counts, "3 new articles from colleagues", needs its own changes too).
    pub async fn next_notice(&mut self) -> StoreResult<(LibraryChange, bool)> {
        match self.listener.try_recv().await? {
            Some(notice) => Ok(LibraryChange::read_notice(
                notice.payload(),
                &self.own_client,
            )),
            None => Ok((LibraryChange::Anything, false)),
        }
    }
}

impl Store {
    /// The feed of a team library's changes made by other clients; `None` for a local library.
    pub async fn change_feed(&self) -> StoreResult<Option<ChangeFeed>> {
        let Some(team) = &self.team else {
            return Ok(None);
        };
        let mut listener = PgListener::connect(team.connection_url().as_str()).await?;
        listener.listen(CHANNEL).await?;
        Ok(Some(ChangeFeed {
            listener,
            own_client: team.client_name(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_name_the_table_and_skip_our_own() {
        assert_eq!(
            LibraryChange::from_notice("articles parallax-7-1", "parallax-9-2"),
            Some(LibraryChange::Articles)
        );
        assert_eq!(
            LibraryChange::from_notice("annotations parallax-9-2", "parallax-9-2"),
            None
        );
        assert_eq!(
            LibraryChange::from_notice("event_articles psql", "parallax-9-2"),
            Some(LibraryChange::Events)
        );
    }
}
