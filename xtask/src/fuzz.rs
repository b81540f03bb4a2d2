//! `cargo xtask fuzz TARGET [--for DURATION]`: coverage-guided fuzzing of the engine with libFuzzer
//! through cargo-fuzz (installed into `target/tools/` on first use; the stable toolchain runs it
//! with `RUSTC_BOOTSTRAP=1`, as cargo-fuzz needs nightly flags). Corpora live in the git-ignored
//! `fuzz/corpus/TARGET/`, seeded on first run from the invented fixtures and the extraction
//! benchmark's pages; crashes land in `fuzz/artifacts/TARGET/` and each becomes a regression test.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context};

use crate::cmd;
use crate::repo::Repo;

const TARGETS: &[&str] = &["extract", "segment", "align_diff", "session"];
const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// Runs one target for the given time; `args` are the words after `fuzz`.
pub fn run(args: &[String]) -> anyhow::Result<()> {
    let mut target: Option<&str> = None;
    let mut duration = Duration::from_secs(600);
    let mut words = args.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "--for" => {
                let value = words
                    .next()
                    .context("`--for` needs a duration: 90s, 10m, 1h")?;
                duration = parse_duration(value)?;
            }
            name if TARGETS.contains(&name) => {
                target = Some(TARGETS[TARGETS.iter().position(|t| *t == name).expect("listed")])
            }
            other => bail!(
                "unknown fuzz target or option `{other}` (targets: {})",
                TARGETS.join(", ")
            ),
        }
    }
    let Some(target) = target else {
        bail!(
            "name a target: cargo xtask fuzz TARGET [--for 10m] (targets: {})",
            TARGETS.join(", ")
        );
    };
    let repo = Repo::locate()?;
    let cargo_fuzz = install(&repo)?;
    let corpus = repo.root.join("fuzz/corpus").join(target);
    seed(&repo, target, &corpus)?;
    println!(
        "Fuzzing `{target}` for {} s (corpus {})…",
        duration.as_secs(),
        corpus.display()
    );
    let mut fuzz = cmd::command(&cargo_fuzz, &["fuzz", "run", "--fuzz-dir", "fuzz", target]);
    fuzz.arg(&corpus)
        .args([
            "--",
            &format!("-max_total_time={}", duration.as_secs()),
            "-timeout=30",
            "-rss_limit_mb=4096",
            "-max_len=1048576",
            "-print_final_stats=1",
            // LeakSanitizer reports glibc's thread-exit bookkeeping (32 bytes per thread the
            // session build starts) as a leak: a false finding that would end every run.
            "-detect_leaks=0",
        ])
        .current_dir(&repo.root)
        .env("RUSTC_BOOTSTRAP", "1");
    cmd::run(&mut fuzz).with_context(|| {
        format!(
            "fuzzing `{target}` stopped on a finding: the input is in fuzz/artifacts/{target}/ — \
             turn it into a regression test"
        )
    })?;
    println!("No crash in {} s of `{target}`.", duration.as_secs());
    Ok(())
}

fn parse_duration(text: &str) -> anyhow::Result<Duration> {
    let (number, unit) = text.split_at(
        text.find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len()),
    );
    let n: u64 = number
        .parse()
        .with_context(|| format!("`{text}` is not a duration (90s, 10m, 1h)"))?;
    Ok(Duration::from_secs(match unit {
        "" | "s" => n,
        "m" => n * 60,
        "h" => n * 3600,
        _ => bail!("`{text}` is not a duration (90s, 10m, 1h)"),
    }))
}

/// cargo-fuzz in `target/tools/bin`, installed there when missing.
fn install(repo: &Repo) -> anyhow::Result<PathBuf> {
    let binary = repo
        .tools()
        .join("bin")
        .join(format!("cargo-fuzz{}", std::env::consts::EXE_SUFFIX));
    if binary.is_file() {
        return Ok(binary);
    }
    println!(
        "Installing cargo-fuzz {CARGO_FUZZ_VERSION} into {}…",
        repo.tools().display()
    );
    let mut install = cmd::cargo(&[
        "install",
        "--locked",
        "--version",
        CARGO_FUZZ_VERSION,
        "cargo-fuzz",
        "--root",
    ]);
    install.arg(repo.tools());
    cmd::run(&mut install).context("installing cargo-fuzz failed")?;
    Ok(binary)
}

/// Fills an empty corpus with the project's own inputs.
fn seed(repo: &Repo, target: &str, corpus: &Path) -> anyhow::Result<()> {
    if corpus.is_dir() && std::fs::read_dir(corpus)?.next().is_some() {
        return Ok(());
    }
    std::fs::create_dir_all(corpus)?;
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in [
        "crates/core/tests/fixtures/extract",
        "crates/core/tests/fixtures/compare",
        "e2e/fixtures",
        "sample-library",
    ] {
        collect(&repo.root.join(dir), &mut files);
    }
    let mut written = 0;
    for (k, file) in files.iter().enumerate() {
        let Ok(bytes) = std::fs::read(file) else {
            continue;
        };
        let input = match target {
            // The first byte picks the extension (see fuzz_targets/extract.rs).
            "extract" => {
                let pick = match file.extension().and_then(|e| e.to_str()) {
                    Some("html" | "htm") => 0u8,
                    Some("mhtml") => 1,
                    Some("txt") => 2,
                    Some("md") => 3,
                    Some("pdf") => 4,
                    Some("docx") => 5,
                    _ => 6,
                };
                [&[pick][..], &bytes].concat()
            }
            _ if std::str::from_utf8(&bytes).is_err() => continue,
            // Two reports per input for the comparison targets.
            "align_diff" | "session" => {
                let other = std::fs::read(&files[(k + 1) % files.len()]).unwrap_or_default();
                if std::str::from_utf8(&other).is_err() {
                    continue;
                }
                [&bytes[..], b"\0", &other].concat()
            }
            _ => bytes,
        };
        if input.len() > 1 << 20 {
            continue;
        }
        std::fs::write(corpus.join(format!("seed-{k:04}")), input)?;
        written += 1;
    }
    println!(
        "Seeded {} with {written} inputs from the fixtures.",
        corpus.display()
    );
    Ok(())
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}
