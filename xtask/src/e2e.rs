//! The end-to-end suite: installs tauri-driver and a Python venv with pytest + selenium under the
//! target directory, then runs `e2e/` against the built app on a virtual X display.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::{bail, Context};

use crate::cmd::{self, command};
use crate::repo::Repo;
use crate::setup;

const TAURI_DRIVER_VERSION: &str = "2.1.0";

/// A hung WebDriver session must not hold CI for its whole time budget.
const SUITE_TIME_LIMIT: Duration = Duration::from_secs(20 * 60);

pub fn run(repo: &Repo) -> anyhow::Result<()> {
    if !cfg!(target_os = "linux") {
        println!(
            "The end-to-end suite drives the app through WebKitWebDriver, which exists on Linux only: skipped here."
        );
        return Ok(());
    }
    let app = repo.app_binary();
    if !app.is_file() {
        bail!(
            "{} is missing: the app build stage must run first",
            app.display()
        );
    }
    if cmd::find_on_path("WebKitWebDriver").is_none() {
        bail!("WebKitWebDriver is not on PATH: install the webkit2gtk-driver package");
    }
    if cmd::find_on_path("xvfb-run").is_none() {
        bail!("xvfb-run is not on PATH: install the xvfb and xauth packages");
    }
    let driver = tauri_driver(repo)?;
    let python = python_venv(repo)?;
    let screenshots = repo.e2e_screenshots();
    // Start empty, so the folder shows this run only (no FAILED-*.png left from an earlier one).
    if screenshots.exists() {
        std::fs::remove_dir_all(&screenshots)
            .with_context(|| format!("clearing {}", screenshots.display()))?;
    }
    std::fs::create_dir_all(&screenshots)?;

    // The team library's test: a throwaway PostgreSQL server, stopped when the suite ends.
    let cluster = crate::postgres::Cluster::start(repo, "postgres-e2e")?;
    let mut pytest = command("xvfb-run", &["-a", "-s", "-screen 0 1400x900x24"]);
    pytest
        .arg(&python)
        .args(["-m", "pytest", "e2e", "-v", "-p", "no:cacheprovider"])
        .current_dir(&repo.root)
        .env("PARALLAX_APP", &app)
        .env("TAURI_DRIVER", &driver)
        .env("PARALLAX_E2E_SCREENSHOTS", &screenshots)
        .env("PARALLAX_E2E_POSTGRES", cluster.server_url())
        .env("PARALLAX_E2E_PG_BIN", cluster.bin())
        .env(
            "PARALLAX_MODEL",
            repo.target.join("model").join(crate::model::MODEL_FILE),
        );
    cmd::run_with_time_limit(&mut pytest, SUITE_TIME_LIMIT)
        .context("end-to-end tests failed (pytest's report above names each failing test)")?;
    println!("Screenshots: {}", screenshots.display());
    Ok(())
}

/// `<target>/tools/bin/tauri-driver`, installed with `cargo install` the first time.
fn tauri_driver(repo: &Repo) -> anyhow::Result<PathBuf> {
    let binary = repo.tools().join("bin").join("tauri-driver");
    // tauri-driver has no --version; cargo install records what it installed in .crates.toml.
    let installed = std::fs::read_to_string(repo.tools().join(".crates.toml")).unwrap_or_default();
    if binary.is_file() && installed.contains(&format!("\"tauri-driver {TAURI_DRIVER_VERSION} ")) {
        println!(
            "tauri-driver {TAURI_DRIVER_VERSION} is installed: {}",
            binary.display()
        );
        return Ok(binary);
    }
    println!(
        "Installing tauri-driver {TAURI_DRIVER_VERSION} into {}",
        repo.tools().display()
    );
    let tools = repo.tools();
    let mut install = cmd::cargo(&[
        "install",
        &format!("tauri-driver@{TAURI_DRIVER_VERSION}"),
        "--locked",
        "--root",
    ]);
    install.arg(&tools);
    cmd::run(&mut install).context("installing tauri-driver failed")?;
    Ok(binary)
}

/// `<target>/e2e-venv` with `e2e/requirements.txt` installed; returns its Python.
fn python_venv(repo: &Repo) -> anyhow::Result<PathBuf> {
    let venv = repo.e2e_venv();
    let python = venv.join("bin").join("python");
    let requirements = repo.root.join("e2e").join("requirements.txt");
    let stamp = venv.join(".requirements-installed");
    if !python.is_file() {
        if !setup::python_venv_works() {
            bail!("Python 3 with the venv module is needed for the end-to-end tests (Debian: python3-venv)");
        }
        println!("Creating the test virtualenv {}", venv.display());
        let mut create = command(setup::python_program(), &["-m", "venv"]);
        create.arg(&venv);
        cmd::run(&mut create).context("creating the Python virtualenv failed")?;
    }
    if modified(&stamp) >= modified(&requirements) && modified(&stamp).is_some() {
        println!(
            "Python test packages are up to date ({}).",
            requirements.display()
        );
        return Ok(python);
    }
    println!(
        "Installing the Python test packages from {}",
        requirements.display()
    );
    let mut pip = command(
        &python,
        &[
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "-q",
            "-r",
        ],
    );
    pip.arg(&requirements);
    cmd::run(&mut pip).context("installing the Python test packages failed")?;
    std::fs::write(&stamp, "installed from e2e/requirements.txt\n")?;
    Ok(python)
}

fn modified(path: &Path) -> Option<SystemTime> {
    path.metadata().and_then(|m| m.modified()).ok()
}
