//! The library switcher's commands: which library is open, moving to a team library or back to
//! this computer's, and copying this computer's library into the team one.

use std::sync::Arc;

use parallax_store::{CopyProgress, CopyReport, LibraryAddress, Store};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::State;
use ts_rs::TS;

use crate::error::{AppError, AppResult};
use crate::meaning::SentenceModel;
use crate::state::Library;
use crate::team::{self, TeamSettings};

/// What the switcher shows of the open library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LibraryInfo {
    /// `true` for a team library (on a server), `false` for this computer's file.
    pub team: bool,
    /// Its address as a person may see it (a path, or `postgres://user@host:port/db`; never a
    /// password).
    pub address: String,
    /// The team library's settings, when it was chosen in the app.
    pub settings: Option<TeamSettings>,
    /// The name changes are recorded under in a team library.
    pub author: Option<String>,
    /// Whether a password for it is kept in the system's keychain.
    pub password_kept: bool,
}

/// How moving to a team library went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TeamConnected {
    pub info: LibraryInfo,
    /// Why the password could not be kept in the keychain, when it could not (it is asked again
    /// at the next start).
    pub keychain_problem: Option<String>,
}

/// How far copying this computer's library into the team one is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CopyStep {
    /// `articles`, `events`, `sessions` or `notes`.
    pub stage: String,
    pub done: u64,
    pub total: u64,
}

/// What copying did, for the switcher to say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CopySummary {
    pub articles_copied: u64,
    pub articles_present: u64,
    pub events_copied: u64,
    pub sessions_copied: u64,
    pub notes_copied: u64,
    /// Sessions left behind (one of their articles is deleted).
    pub sessions_skipped: u64,
    /// Articles the team library refused, each with why.
    pub articles_failed: Vec<String>,
}

impl From<CopyReport> for CopySummary {
    fn from(report: CopyReport) -> Self {
        Self {
            articles_copied: report.articles_copied,
            articles_present: report.articles_present,
            events_copied: report.events_copied,
            sessions_copied: report.sessions_copied,
            notes_copied: report.notes_copied,
            sessions_skipped: report.sessions_skipped,
            articles_failed: report.articles_failed,
        }
    }
}

fn info(library: &Library) -> LibraryInfo {
    let (address, settings) = library.describe();
    let store = library.store().ok();
    let team = store
        .as_ref()
        .is_some_and(|store| store.backend() == parallax_store::Backend::Postgres);
    LibraryInfo {
        team,
        address,
        password_kept: settings
            .as_ref()
            .is_some_and(|settings| team::kept_password(settings).is_some()),
        settings,
        author: store.and_then(|store| store.author().map(str::to_owned)),
    }
}

/// Which library is open.
#[tauri::command]
pub async fn library_info(library: State<'_, Library>) -> AppResult<LibraryInfo> {
    Ok(info(&library))
}

/// Connects to a team library (its tables made or brought up to date) and works on it from now
/// on, also at the next start; with `remember`, the password goes to the system's keychain.
/// Nothing changes when the connection fails: the error says why (address, password, TLS…).
#[tauri::command]
pub async fn use_team_library(
    app: tauri::AppHandle,
    library: State<'_, Library>,
    model: State<'_, Arc<SentenceModel>>,
    settings: TeamSettings,
    password: Option<String>,
    remember: bool,
) -> AppResult<TeamConnected> {
    let password = password
        .filter(|password| !password.is_empty())
        .or_else(|| team::kept_password(&settings));
    let address = LibraryAddress::Team(settings.address(password.as_deref())?);
    let store = parallax_service::open_library(&address).await?;
    team::save(Some(&settings))?;
    let keychain_problem = match (&password, remember) {
        (Some(password), true) => team::keep_password(&settings, password).err(),
        (_, false) => {
            team::forget_password(&settings);
            None
        }
        (None, true) => None,
    };
    switch_to(&app, &library, &model, store, &address, Some(settings)).await;
    Ok(TeamConnected {
        info: info(&library),
        keychain_problem,
    })
}

/// Works on this computer's library again (also at the next start).
#[tauri::command]
pub async fn use_local_library(
    app: tauri::AppHandle,
    library: State<'_, Library>,
    model: State<'_, Arc<SentenceModel>>,
) -> AppResult<LibraryInfo> {
    let path = parallax_store::default_library_path()?;
    let store = Store::open(&path).await?;
    team::save(None)?;
    switch_to(
        &app,
        &library,
        &model,
        store,
        &LibraryAddress::File(path),
        None,
    )
    .await;
    Ok(info(&library))
}

/// Copies this computer's library into the open team library (run again, it copies only what
/// is missing), reporting each step on `on_progress`.
#[tauri::command]
pub async fn copy_local_library(
    library: State<'_, Library>,
    on_progress: Channel<CopyStep>,
) -> AppResult<CopySummary> {
    let target = library.writable()?;
    if target.backend() != parallax_store::Backend::Postgres {
        return Err(AppError::invalid(
            "the open library is this computer's: connect to a team library first",
        ));
    }
    let local = Store::open(parallax_store::default_library_path()?).await?;
    let report = local
        .copy_into(&target, |step: CopyProgress| {
            let _ = on_progress.send(CopyStep {
                stage: step.stage.into(),
                done: step.done,
                total: step.total,
            });
        })
        .await;
    local.close().await;
    Ok(report?.into())
}

/// Puts `store` in place of the open library and starts its background work.
async fn switch_to(
    app: &tauri::AppHandle,
    library: &Library,
    model: &Arc<SentenceModel>,
    store: Store,
    address: &LibraryAddress,
    settings: Option<TeamSettings>,
) {
    let switches = library.switches();
    library.replace(store, address, settings).await;
    if let Ok(store) = library.store() {
        crate::meaning::prepare_in_background(app.clone(), store.clone(), model.clone());
        crate::changes::watch_in_background(app.clone(), store, switches);
    }
}
