//! Where the library lives by default: the desktop app's data folder.

use std::path::PathBuf;

use crate::error::{StoreError, StoreResult};

/// The desktop app's identifier; its data folder is named after it.
pub const APP_IDENTIFIER: &str = "app.parallax.desktop";

/// The file name of the library database inside the data folder.
pub const LIBRARY_FILE_NAME: &str = "library.sqlite";

/// `<data dir>/app.parallax.desktop/library.sqlite`: the library the desktop app uses, so the
/// command line and the app share it. The data dir is `$XDG_DATA_HOME` (or `~/.local/share`) on
/// Linux, `~/Library/Application Support` on macOS and `%APPDATA%` on Windows — the same folder as
/// Tauri's `app_data_dir()` for this identifier.
pub fn default_library_path() -> StoreResult<PathBuf> {
    let base = directories::BaseDirs::new().ok_or(StoreError::NoDataDir)?;
    Ok(base.data_dir().join(APP_IDENTIFIER).join(LIBRARY_FILE_NAME))
}
