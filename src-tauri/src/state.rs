//! The app's managed state: the library store, opened once at start-up.

use std::path::PathBuf;

use parallax_store::{LibraryAddress, Store};

use crate::error::{AppError, AppResult};

/// The hidden first argument that makes the app's executable an extraction worker.
pub const EXTRACT_WORKER: &str = "--extract-worker";

/// The open library, or why it could not be opened (then every command says so, and the UI shows it).
#[derive(Debug)]
pub struct Library {
    opened: Result<Store, String>,
    /// What the check at start found wrong with the library, if anything: then it is only read.
    damaged: std::sync::Mutex<Option<String>>,
}

impl Library {
    /// Opens the library named by `PARALLAX_DB` (a path or a team library's `postgres://`
    /// address), else the one at the store's default path (`$XDG_DATA_HOME/app.parallax.desktop/…`
    /// on Linux).
    pub async fn open_default() -> Self {
        let named = std::env::var(parallax_service::LIBRARY_VARIABLE)
            .ok()
            .filter(|address| !address.trim().is_empty());
        let opened = match (named, parallax_store::default_library_path()) {
            (Some(address), _) => Self::open_address(&address).await,
            (None, Ok(path)) => Self::open_at(path).await,
            (None, Err(error)) => Err(error.to_string()),
        };
        Self {
            opened,
            damaged: std::sync::Mutex::new(None),
        }
    }

    async fn open_address(address: &str) -> Result<Store, String> {
        let address = LibraryAddress::parse(address).map_err(|error| error.to_string())?;
        if let LibraryAddress::File(path) = address {
            return Self::open_at(path).await;
        }
        eprintln!("parallax-app: team library at {address}");
        let store = parallax_service::open_library(&address)
            .await
            .map_err(|error| error.to_string())?;
        Ok(
            store.with_extraction_workers(parallax_store::WorkerCommand::this_executable(
                EXTRACT_WORKER,
            )),
        )
    }

    async fn open_at(path: PathBuf) -> Result<Store, String> {
        eprintln!("parallax-app: library at {}", path.display());
        let store = Store::open(&path)
            .await
            .map_err(|error| error.to_string())?;
        // Files are extracted in worker processes of this executable: a page that crashes or
        // hangs the extractor costs that file, never the app.
        Ok(
            store.with_extraction_workers(parallax_store::WorkerCommand::this_executable(
                EXTRACT_WORKER,
            )),
        )
    }

    /// The store, or a `notOpen` error saying why there is none.
    pub fn store(&self) -> AppResult<&Store> {
        self.opened
            .as_ref()
            .map_err(|why| AppError::NotOpen(why.clone()))
    }

    /// The store for a change, refused while the library is known to be damaged (writing to a
    /// damaged file can spread the damage, and nothing written could be trusted) or cannot be
    /// written at all.
    pub fn writable(&self) -> AppResult<&Store> {
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
