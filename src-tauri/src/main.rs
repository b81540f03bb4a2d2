//! The `parallax-app` binary: starts the desktop app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> anyhow::Result<()> {
    // Started by the app itself to extract files out of process (see `state.rs`).
    if std::env::args_os()
        .nth(1)
        .is_some_and(|arg| arg == parallax_app::state::EXTRACT_WORKER)
    {
        parallax_store::serve_extraction(std::io::stdin().lock(), std::io::stdout().lock())?;
        return Ok(());
    }
    parallax_app::run()
}
