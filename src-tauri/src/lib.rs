//! parallax-app: the Parallax desktop shell — Tauri set-up, the managed library and the command
//! list. Commands ([`commands`]) only forward to `parallax-store`; what crosses to the web UI is
//! defined in [`wire`] (TypeScript generated into `ui/src/lib/bindings/`), errors in [`error`].

pub mod changes;
pub mod commands;
pub mod error;
pub mod meaning;
pub mod progress;
pub mod rendering;
pub mod sessions;
pub mod state;
pub mod switcher;
pub mod team;
pub mod web;
pub mod wire;

#[cfg(test)]
mod bindings;

use tauri::Manager;

use crate::state::Library;

/// Builds and runs the Tauri application until its last window closes.
pub fn run() -> anyhow::Result<()> {
    rendering::choose_before_start();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let library = tauri::async_runtime::block_on(Library::open_default());
            if let Err(error) = library.store() {
                eprintln!("parallax-app: {error}");
            }
            let resources = app.path().resource_dir().ok();
            let model = std::sync::Arc::new(meaning::SentenceModel::new(resources.as_deref()));
            // Articles imported before (or by the command line) get their vectors now.
            if let Ok(store) = library.store() {
                meaning::prepare_in_background(app.handle().clone(), store.clone(), model.clone());
                // A team library: colleagues' imports and notes show without a restart.
                changes::watch_in_background(
                    app.handle().clone(),
                    store.clone(),
                    library.switches(),
                );
            }
            app.manage(library);
            app.manage(web::Web::default());
            app.manage(model);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::list_articles,
            commands::list_article_ids,
            commands::search,
            commands::get_article,
            commands::update_article,
            commands::delete_article,
            commands::restore_article,
            commands::import_paths,
            commands::propose_events,
            web::import_addresses,
            web::import_pasted,
            web::refresh_article,
            web::refresh_event,
            commands::open_sample_library,
            commands::library_health,
            commands::list_events,
            commands::create_event,
            commands::rename_event,
            commands::delete_event,
            commands::add_to_event,
            commands::remove_from_event,
            sessions::list_sessions,
            sessions::create_session,
            sessions::open_session,
            sessions::last_session,
            sessions::rename_session,
            sessions::duplicate_session,
            sessions::delete_session,
            sessions::set_session_articles,
            sessions::set_session_options,
            sessions::add_note,
            sessions::update_note,
            sessions::delete_note,
            sessions::export_session,
            switcher::library_info,
            switcher::use_team_library,
            switcher::use_local_library,
            switcher::copy_local_library,
        ])
        .run(tauri::generate_context!())?;
    Ok(())
}
