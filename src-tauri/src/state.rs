//! The app's managed state: the open library — this computer's file or a team library — which
//! the library switcher can replace while the app runs.

use std::path::PathBuf;
use std::sync::{Mutex, RwLock};

use parallax_store::{LibraryAddress, Store};

use crate::error::{AppError, AppResult};
use crate::team::TeamSettings;

/// The hidden first argument that makes the app's executable an extraction worker.
pub const EXTRACT_WORKER: &str = "--extract-worker";

/// The open library, or why it could not be opened (then every command says so, and the UI shows it).
#[derive(Debug)]
pub struct Library {
    current: RwLock<Opened>,
    /// What the check at start found wrong with the library, if anything: then it is only read.
    damaged: Mutex<Option<String>>,
    /// Moves on each time another library is opened: background work on the old one stops.
    switches: tokio::sync::watch::Sender<u64>,
}

/// One opened (or not) library.
#[derive(Debug)]
struct Opened {
    store: Result<Store, String>,
    /// Its address as a person may see it (no password).
    address: String,
    /// The team library chosen in the app, when that is what is open.
    team: Option<TeamSettings>,
}

impl Library {
    /// Opens the library named by `PARALLAX_DB` (a path or a team library's `postgres://`
    /// address), else the team library chosen in the app, else the one at the store's default
    /// path (`$XDG_DATA_HOME/app.parallax.desktop/…` on Linux).
    pub async fn open_default() -> Self {
        let opened = match crate::team::chosen_at_start() {
            Ok(Some((address, team))) => Self::open_address(&address, team).await,
            Ok(None) => match parallax_store::default_library_path() {
                Ok(path) => Self::open_address(&LibraryAddress::File(path), None).await,
                Err(error) => Opened {
                    store: Err(error.to_string()),
                    address: String::new(),
                    team: None,
                },
            },
            Err(error) => Opened {
                store: Err(error.to_string()),
                address: String::new(),
                team: None,
            },
        };
        Self {
            current: RwLock::new(opened),
            damaged: Mutex::new(None),
            switches: tokio::sync::watch::Sender::new(0),
        }
    }

    async fn open_address(address: &LibraryAddress, team: Option<TeamSettings>) -> Opened {
        eprintln!("parallax-app: library at {address}");
        let store = match address {
            LibraryAddress::File(path) => Self::open_file(path.clone()).await,
            LibraryAddress::Team(_) => parallax_service::open_library(address)
                .await
                .map_err(|error| error.to_string()),
        };
        Opened {
            // Files are extracted in worker processes of this executable: a page that crashes or
            // hangs the extractor costs that file, never the app.
            store: store.map(|store| {
                store.with_extraction_workers(parallax_store::WorkerCommand::this_executable(
                    EXTRACT_WORKER,
                ))
            }),
            address: address.to_string(),
            team,
        }
    }

    async fn open_file(path: PathBuf) -> Result<Store, String> {
        Store::open(&path).await.map_err(|error| error.to_string())
    }

    /// Puts `store` (opened by the library switcher) in place of the open library, which is
    /// closed; background work on the old one is told to stop ([`Library::switches`]).
    pub async fn replace(
        &self,
        store: Store,
        address: &LibraryAddress,
        team: Option<TeamSettings>,
    ) {
        let store = store.with_extraction_workers(parallax_store::WorkerCommand::this_executable(
            EXTRACT_WORKER,
        ));
        let old = {
            let mut current = self.current.write().unwrap_or_else(|e| e.into_inner());
            std::mem::replace(
                &mut *current,
                Opened {
                    store: Ok(store),
                    address: address.to_string(),
                    team,
                },
            )
        };
        self.set_damaged(None);
        self.switches.send_modify(|opened| *opened += 1);
        if let Ok(old) = old.store {
            old.close().await;
        }
    }

    /// The store, or a `notOpen` error saying why there is none.
    pub fn store(&self) -> AppResult<Store> {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .store
            .clone()
            .map_err(AppError::NotOpen)
    }

    /// The open library's address (no password) and, for a team library chosen in the app, its
    /// settings.
    pub fn describe(&self) -> (String, Option<TeamSettings>) {
        let current = self.current.read().unwrap_or_else(|e| e.into_inner());
        (current.address.clone(), current.team.clone())
    }

    /// Told each time another library is opened (see [`Library::replace`]).
    pub fn switches(&self) -> tokio::sync::watch::Receiver<u64> {
        self.switches.subscribe()
    }

    /// The store for a change, refused while the library is known to be damaged (writing to a
    /// damaged file can spread the damage, and nothing written could be trusted) or cannot be
    /// written at all.
    pub fn writable(&self) -> AppResult<Store> {
        let store = self.store()?;
        if store.is_read_only() {
            return Err(AppError::library(
                "its file or folder cannot be written (it is read-only), so it is open for \
                 reading only",
            ));
        }
        match self.damaged.lock().map(|d| d.clone()) {
            Ok(Some(problems)) => Err(AppError::damaged(problems)),
            _ => Ok(store),
        }
    }

    /// Records what the check found wrong (`None`: sound).
    pub fn set_damaged(&self, problems: Option<String>) {
        if let Ok(mut damaged) = self.damaged.lock() {
            *damaged = problems;
        }
    }
}
