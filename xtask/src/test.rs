//! `cargo xtask test`: every check in order — set-up, formatting, UI, lints, Rust tests, app build,
//! end-to-end — with a header per stage, fail-fast, and a timed summary at the end.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};

use crate::app::{self, AppBuild, APP_FEATURE};
use crate::cmd::{self, npm_program};
use crate::disk;
use crate::e2e;
use crate::model;
use crate::postgres;
use crate::repo::Repo;
use crate::setup::{self, Purpose};

/// The groups `--only` can select.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Rust,
    Ui,
    E2e,
    /// The team library: the store's tests again on a throwaway PostgreSQL server.
    Team,
}

impl Group {
    fn parse(name: &str) -> anyhow::Result<Self> {
        match name {
            "rust" => Ok(Self::Rust),
            "ui" => Ok(Self::Ui),
            "e2e" => Ok(Self::E2e),
            "team" => Ok(Self::Team),
            other => bail!("`--only {other}`: expected one of rust, ui, e2e, team"),
        }
    }
}

#[derive(Debug, Default)]
struct Options {
    only: Option<Group>,
    skip_e2e: bool,
    /// Run the later stages even after one failed (the default is to stop at the first failure).
    keep_going: bool,
}

impl Options {
    fn parse(args: &[String]) -> anyhow::Result<Self> {
        let mut options = Self::default();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--skip-e2e" => options.skip_e2e = true,
                "--keep-going" => options.keep_going = true,
                "--only" => {
                    let group = args
                        .next()
                        .context("`--only` needs a group: rust, ui, e2e or team")?;
                    options.only = Some(Group::parse(group)?);
                }
                other => match other.strip_prefix("--only=") {
                    Some(group) => options.only = Some(Group::parse(group)?),
                    None => bail!("unknown option `{other}` (see `cargo xtask help`)"),
                },
            }
        }
        Ok(options)
    }
}

/// One step of the run: a name, the groups that need it, and the work.
struct Stage {
    name: &'static str,
    groups: &'static [Group],
    work: fn(&Repo) -> anyhow::Result<()>,
}

const ALL: &[Group] = &[Group::Rust, Group::Ui, Group::E2e, Group::Team];

const STAGES: &[Stage] = &[
    Stage {
        name: "set-up: system packages, Node.js, npm modules, the sentence model",
        groups: ALL,
        work: stage_setup,
    },
    Stage {
        name: "rustfmt check",
        groups: &[Group::Rust],
        work: stage_fmt,
    },
    Stage {
        name: "UI: type check and unit tests (Vitest)",
        groups: &[Group::Ui],
        work: stage_ui_tests,
    },
    Stage {
        // The app crate embeds ui/dist at compile time, so every Rust build needs it first.
        name: "UI: build (ui/dist)",
        groups: ALL,
        work: app::build_ui,
    },
    Stage {
        name: "clippy (all targets, warnings are errors); the fuzz targets build",
        groups: &[Group::Rust],
        work: stage_clippy,
    },
    Stage {
        name: "Rust tests (unit, integration, doc)",
        groups: &[Group::Rust],
        work: stage_rust_tests,
    },
    Stage {
        name: "team library: the store's tests on a throwaway PostgreSQL server, the keychain",
        groups: &[Group::Team],
        work: stage_team_tests,
    },
    Stage {
        name: "desktop app build (debug, UI embedded)",
        groups: &[Group::Rust, Group::E2e],
        work: stage_app_build,
    },
    Stage {
        name: "end-to-end: the real app under Xvfb via WebDriver",
        groups: &[Group::E2e],
        work: e2e::run,
    },
];

enum Outcome {
    Passed(Duration),
    Failed(Duration),
    Skipped,
    NotReached,
}

pub fn run(args: Vec<String>) -> anyhow::Result<()> {
    let options = Options::parse(&args)?;
    let repo = Repo::locate()?;
    let selected: Vec<bool> = STAGES
        .iter()
        .map(|stage| {
            let wanted = options
                .only
                .is_none_or(|group| stage.groups.contains(&group));
            let skipped_e2e = options.skip_e2e && stage.groups == [Group::E2e];
            wanted && !skipped_e2e
        })
        .collect();
    let total = selected.iter().filter(|&&s| s).count();
    let free_at_start = disk::free_gib(&repo.target);
    if let Some(free) = free_at_start {
        println!("Free disk space where the build writes: {free:.1} GiB.");
        if free < disk::TEST_RUN_NEEDS_GIB {
            println!(
                "warning: a clean run writes up to ~{:.0} GiB (build output, npm modules, tools); \
                 the disk may fill before the end",
                disk::TEST_RUN_NEEDS_GIB
            );
        }
    }
    let mut outcomes: Vec<Outcome> = Vec::new();
    let started = Instant::now();
    let mut number = 0;
    let mut failures: Vec<(&str, anyhow::Error)> = Vec::new();
    for (stage, &selected) in STAGES.iter().zip(&selected) {
        if !failures.is_empty() && !options.keep_going {
            outcomes.push(Outcome::NotReached);
            continue;
        }
        if !selected {
            outcomes.push(Outcome::Skipped);
            continue;
        }
        number += 1;
        println!("\n{}", "=".repeat(100));
        println!("==> [{number}/{total}] {}", stage.name);
        println!("{}", "=".repeat(100));
        let stage_started = Instant::now();
        match (stage.work)(&repo) {
            Ok(()) => {
                let took = stage_started.elapsed();
                println!("<== {} passed in {}", stage.name, seconds(took));
                outcomes.push(Outcome::Passed(took));
            }
            Err(error) => {
                let took = stage_started.elapsed();
                println!("<== FAILED: {} ({error:#})", stage.name);
                if let Some(free) = disk::free_gib(&repo.target) {
                    println!("    (free disk space now: {free:.1} GiB)");
                }
                outcomes.push(Outcome::Failed(took));
                failures.push((stage.name, error));
            }
        }
    }
    print_summary(&outcomes, started.elapsed());
    if let (Some(before), Some(after)) = (free_at_start, disk::free_gib(&repo.target)) {
        println!(
            "Disk: {after:.1} GiB free at the end ({:.1} GiB used by this run).",
            before - after
        );
    }
    let failed_names: Vec<&str> = failures.iter().map(|(name, _)| *name).collect();
    match failures.into_iter().next() {
        Some((_, error)) if failed_names.len() > 1 => Err(error.context(format!(
            "{} stages failed: {}",
            failed_names.len(),
            failed_names.join("; ")
        ))),
        Some((name, error)) => Err(error.context(format!("stage failed: {name}"))),
        None => {
            println!("All {total} stages passed.");
            Ok(())
        }
    }
}

fn print_summary(outcomes: &[Outcome], total: Duration) {
    println!("\n{}", "=".repeat(100));
    println!("Summary");
    for (stage, outcome) in STAGES.iter().zip(outcomes) {
        let (status, time) = match outcome {
            Outcome::Passed(took) => ("ok", seconds(*took)),
            Outcome::Failed(took) => ("FAILED", seconds(*took)),
            Outcome::Skipped => ("skipped", String::new()),
            Outcome::NotReached => ("not run", String::new()),
        };
        println!("  {status:<8} {:>9}  {}", time, stage.name);
    }
    println!("  total    {:>9}", seconds(total));
    println!("{}", "=".repeat(100));
}

fn seconds(duration: Duration) -> String {
    format!("{:.1} s", duration.as_secs_f64())
}

fn stage_setup(repo: &Repo) -> anyhow::Result<()> {
    setup::system_packages(Purpose::Test)?;
    setup::node_and_npm()?;
    setup::npm_modules(repo)?;
    // The sentence model the encoder and alignment-by-meaning tests check against.
    model::ensure(repo).map(|_| ())
}

fn stage_fmt(repo: &Repo) -> anyhow::Result<()> {
    let mut cargo = cmd::cargo(&["fmt", "--all", "--", "--check"]);
    cargo.current_dir(&repo.root);
    cmd::run(&mut cargo)
        .context("code is not formatted: run `cargo fmt --all` and commit the result")
}

fn stage_clippy(repo: &Repo) -> anyhow::Result<()> {
    let mut cargo = cmd::cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--features",
        APP_FEATURE,
        "--",
        "-D",
        "warnings",
    ]);
    cargo.current_dir(&repo.root);
    cmd::run(&mut cargo).context("clippy found problems (warnings count as errors)")?;
    // The fuzz targets are a workspace of their own (cargo-fuzz builds them with sanitizers): they
    // are checked here so that a change to the engine's API cannot leave them behind unseen.
    let mut fuzz = cmd::cargo(&["check", "--manifest-path", "fuzz/Cargo.toml", "--bins"]);
    fuzz.current_dir(&repo.root)
        .env("CARGO_TARGET_DIR", repo.target.join("fuzz-check"));
    cmd::run(&mut fuzz).context("the fuzz targets (fuzz/) do not build")
}

fn stage_rust_tests(repo: &Repo) -> anyhow::Result<()> {
    // --no-fail-fast: one run reports every failing test binary, not just the first.
    let mut cargo = cmd::cargo(&[
        "test",
        "--workspace",
        "--no-fail-fast",
        "--features",
        APP_FEATURE,
    ]);
    cargo.current_dir(&repo.root).env(
        "PARALLAX_MODEL",
        repo.target.join("model").join(model::MODEL_FILE),
    );
    cmd::run(&mut cargo).context("Rust tests failed (see the output above)")
}

/// The store's tests once more, each on a new database of a throwaway PostgreSQL server; then
/// the app's keychain test on a real Secret Service.
fn stage_team_tests(repo: &Repo) -> anyhow::Result<()> {
    let cluster = postgres::Cluster::start(repo, "postgres-test")?;
    let mut cargo = cmd::cargo(&[
        "test",
        "--no-fail-fast",
        "-p",
        "parallax-store",
        "--test",
        "store",
    ]);
    cargo
        .current_dir(&repo.root)
        .env("PARALLAX_TEST_POSTGRES", cluster.server_url());
    if cluster.tls() {
        cargo.env("PARALLAX_TEST_POSTGRES_TLS", "1");
    }
    cmd::run(&mut cargo)
        .context("the store's tests failed on PostgreSQL (see the output above)")?;
    drop(cluster);
    keychain_test(repo)
}

/// The app's test of the system keychain (a team library's password kept between runs), on
/// Linux in a D-Bus session of its own with gnome-keyring's Secret Service, unlocked with an
/// empty password for the run; left out, with a note, where those programs are missing.
fn keychain_test(repo: &Repo) -> anyhow::Result<()> {
    if !cfg!(target_os = "linux") {
        return Ok(());
    }
    if cmd::find_on_path("dbus-run-session").is_none()
        || cmd::find_on_path("gnome-keyring-daemon").is_none()
    {
        println!("note: no gnome-keyring or dbus-run-session here: the keychain test is left out");
        return Ok(());
    }
    let cargo = cmd::cargo(&[]);
    let cargo = cargo.get_program().to_string_lossy().into_owned();
    let start_keychain = "printf '\\n' | gnome-keyring-daemon --unlock --components=secrets \
                          >/dev/null && exec \"$@\"";
    let mut session = cmd::command(
        "dbus-run-session",
        &[
            "--",
            "sh",
            "-c",
            start_keychain,
            "keychain",
            &cargo,
            "test",
            "-p",
            "parallax-app",
            "--features",
            APP_FEATURE,
            "--lib",
            "keychain",
            "--",
            "--ignored",
        ],
    );
    session.current_dir(&repo.root);
    cmd::run(&mut session).context("the keychain test failed (see the output above)")
}

fn stage_app_build(repo: &Repo) -> anyhow::Result<()> {
    app::build_app(repo, AppBuild::WithTests)
}

fn stage_ui_tests(repo: &Repo) -> anyhow::Result<()> {
    let ui = repo.ui();
    let scripts = package_scripts(&ui.join("package.json"))?;
    if scripts.iter().any(|s| s == "check") {
        let mut check = cmd::command(npm_program("npm"), &["run", "check"]);
        check.current_dir(&ui);
        cmd::run(&mut check).context("the UI type check failed")?;
    } else {
        println!("ui/package.json has no `check` script: no separate type check.");
    }
    // `vitest run` never enters watch mode, whatever the `test` script says.
    let mut vitest = cmd::command(npm_program("npx"), &["vitest", "run"]);
    vitest.current_dir(&ui).env("CI", "true");
    cmd::run(&mut vitest).context("UI unit tests (Vitest) failed")
}

fn package_scripts(package_json: &Path) -> anyhow::Result<Vec<String>> {
    let text = std::fs::read_to_string(package_json)
        .with_context(|| format!("reading {}", package_json.display()))?;
    let json: serde_json::Value = serde_json::from_str(&text)
        .with_context(|| format!("{} is not valid JSON", package_json.display()))?;
    Ok(json["scripts"]
        .as_object()
        .map(|scripts| scripts.keys().cloned().collect())
        .unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> anyhow::Result<Options> {
        Options::parse(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn options_select_a_group_in_either_spelling() {
        assert_eq!(parse(&["--only", "ui"]).unwrap().only, Some(Group::Ui));
        assert_eq!(parse(&["--only=e2e"]).unwrap().only, Some(Group::E2e));
        let options = parse(&["--skip-e2e", "--keep-going"]).unwrap();
        assert!(options.skip_e2e && options.keep_going && options.only.is_none());
    }

    #[test]
    fn unknown_options_and_groups_are_errors_that_say_what_is_allowed() {
        let error = parse(&["--only", "docs"]).unwrap_err().to_string();
        assert!(error.contains("rust, ui, e2e"), "{error}");
        assert!(parse(&["--fast"]).is_err());
        assert!(parse(&["--only"]).is_err(), "--only needs a value");
    }

    #[test]
    fn every_group_builds_the_ui_before_any_rust_build() {
        let position = |name: &str| {
            STAGES
                .iter()
                .position(|s| s.name.starts_with(name))
                .unwrap()
        };
        let ui_build = position("UI: build");
        for rust_stage in ["clippy", "Rust tests", "desktop app build"] {
            assert!(
                ui_build < position(rust_stage),
                "{rust_stage} needs ui/dist"
            );
        }
        assert_eq!(STAGES[ui_build].groups, ALL, "every group builds the UI");
    }
}
