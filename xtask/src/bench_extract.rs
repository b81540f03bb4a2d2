//! `cargo xtask bench-extract [DIR] [--worst N]`: scores the article extractor on the
//! article-extraction benchmark (default `../shared/bench/article-extraction` beside the
//! workspace) by running the `bench_extract` example of parallax-core in release mode.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context};

/// Runs the benchmark; `args` are the words after `bench-extract`.
pub fn run(args: &[String]) -> anyhow::Result<()> {
    let root = workspace_root();
    let mut dir: Option<PathBuf> = None;
    let mut passthrough: Vec<String> = Vec::new();
    let mut words = args.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "--worst" | "--dump" => {
                passthrough.push(word.clone());
                passthrough.push(
                    words
                        .next()
                        .with_context(|| format!("{word} needs a value"))?
                        .clone(),
                );
            }
            "-h" | "--help" => {
                println!(
                    "usage: cargo xtask bench-extract [BENCH_DIR] [--worst N] [--dump OUT_DIR]"
                );
                return Ok(());
            }
            other => dir = Some(PathBuf::from(other)),
        }
    }
    let dir = dir.unwrap_or_else(|| root.join("../shared/bench/article-extraction"));
    if !dir.join("ground-truth.json").is_file() {
        bail!(
            "no benchmark data at {} (expected ground-truth.json and html/); pass its path",
            dir.display()
        );
    }
    let dir = dir
        .canonicalize()
        .with_context(|| format!("reading {}", dir.display()))?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(&root)
        .args([
            "run",
            "--quiet",
            "--release",
            "-p",
            "parallax-core",
            "--example",
            "bench_extract",
            "--",
        ])
        .arg(&dir)
        .args(&passthrough)
        .status()
        .context("running cargo")?;
    if !status.success() {
        bail!("the benchmark run failed ({status})");
    }
    Ok(())
}

/// The workspace root: the parent of this crate's directory.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}
