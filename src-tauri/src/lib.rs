//! parallax-app: the Parallax desktop shell — Tauri set-up, managed state and the command list.

/// Builds and runs the Tauri application until its last window closes.
pub fn run() -> anyhow::Result<()> {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .run(tauri::generate_context!())?;
    Ok(())
}
