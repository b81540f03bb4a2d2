//! `cargo xtask bench-peers`: times Parallax against its peers (Python's difflib `HtmlDiff` for a
//! two-report side by side, CollateX for N-report collation) on the same generated reports.
//!
//! What is timed (two figures for Parallax):
//! - **parallax (process)**: the whole `parallax compare --json --by words A B` /
//!   `parallax collate --json --by words …` process (release build), spawned on the generated
//!   files: start-up, reading and extracting the files, segmentation, alignment, word diffs and
//!   JSON output. Best of 10. Pairing by words, as the peers and the library figure do: by
//!   meaning the process also loads the sentence model (~110 ms) and encodes every sentence.
//! - **parallax (library)**: the same work in-process (the `peer_timing` example of
//!   parallax-core, release): extract → segment → align + diffs or collate → JSON bytes, file
//!   reading and start-up excluded, as for the Python peers. Best of 10.
//! - **difflib**: `HtmlDiff().make_table(a_lines, b_lines)` inside one Python process (start-up
//!   and file reading excluded), each report's paragraphs as its lines. Best of several runs.
//! - **CollateX 2.3** (Python, with python-Levenshtein and networkx):
//!   `collate(Collation with plain witnesses, output="json")`, start-up excluded. One run.
//!
//! Python peers live in a venv made on first use at `$CARGO_TARGET_DIR/peers-venv` (PyPI only).
//! Not part of the test suite.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};

/// The Python side: times one peer on the files given and prints seconds as JSON.
const PEER_SCRIPT: &str = r#"
import json, sys, time
mode, runs, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
texts = [open(f, encoding="utf-8").read() for f in files]
best = float("inf")
for _ in range(runs):
    if mode == "difflib":
        import difflib
        a, b = [[p for p in t.split("\n\n") if p.strip()] for t in texts]
        start = time.perf_counter()
        difflib.HtmlDiff().make_table(a, b)
        best = min(best, time.perf_counter() - start)
    else:
        from collatex import Collation, collate
        collation = Collation()
        for i, t in enumerate(texts):
            collation.add_plain_witness("W%d" % i, t)
        start = time.perf_counter()
        collate(collation, output="json")
        best = min(best, time.perf_counter() - start)
print(json.dumps({"seconds": best}))
"#;

/// Reference figures measured on the development machine (seconds), printed beside ours.
const REFERENCE: &[(&str, f64)] = &[
    ("difflib 2x650", 0.012),
    ("difflib 2x5000", 0.258),
    ("collatex 2x650", 1.7),
    ("collatex 5x650", 10.0),
    ("collatex 10x650", 35.0),
];

/// One measured case: a peer against our command on the same inputs.
struct Case {
    label: String,
    peer: &'static str,
    subcommand: &'static str,
    reports: usize,
    words: usize,
    peer_runs: usize,
}

pub fn run(args: Vec<String>) -> anyhow::Result<()> {
    let skip_collatex = args.iter().any(|a| a == "--no-collatex");
    let root = workspace_root();
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));

    eprintln!("building parallax and the peer_timing example (release)…");
    for args in [
        &[
            "build",
            "--release",
            "-p",
            "parallax-cli",
            "--bin",
            "parallax",
        ][..],
        &[
            "build",
            "--release",
            "-p",
            "parallax-core",
            "--example",
            "peer_timing",
        ][..],
    ] {
        let status = Command::new(cargo())
            .args(args)
            .current_dir(&root)
            .status()
            .context("running cargo build")?;
        if !status.success() {
            bail!("cargo {} failed", args.join(" "));
        }
    }
    let parallax = target.join("release").join(exe("parallax"));
    let library = target
        .join("release")
        .join("examples")
        .join(exe("peer_timing"));
    let python = ensure_venv(&target)?;
    let inputs = target.join("peers-inputs");
    std::fs::create_dir_all(&inputs)?;

    let mut cases = vec![
        case("difflib", "compare", 2, 650, 5),
        case("difflib", "compare", 2, 5000, 3),
    ];
    if !skip_collatex {
        cases.push(case("collatex", "collate", 2, 650, 1));
        cases.push(case("collatex", "collate", 5, 650, 1));
        cases.push(case("collatex", "collate", 10, 650, 1));
    }

    println!(
        "{:<18} {:>10} {:>11} {:>10} {:>8} {:>10} {:>8}",
        "case", "peer", "(reference)", "process", "ratio", "library", "ratio"
    );
    for case in &cases {
        let files = write_inputs(&library, &inputs, case.reports, case.words)?;
        let peer = time_peer(&python, case.peer, case.peer_runs, &files)?;
        let process = time_ours(&parallax, case.subcommand, &files, 10)?.as_secs_f64();
        let in_library = time_library(&library, case.subcommand, &files)?;
        let reference = REFERENCE
            .iter()
            .find(|(label, _)| *label == case.label)
            .map(|(_, s)| format_seconds(*s))
            .unwrap_or_default();
        println!(
            "{:<18} {:>10} {:>11} {:>10} {:>7.0}× {:>10} {:>7.0}×",
            case.label,
            format_seconds(peer),
            reference,
            format_seconds(process),
            peer / process,
            format_seconds(in_library),
            peer / in_library
        );
    }
    println!(
        "\nprocess = whole `parallax {{compare|collate}} --json --by words` process (release), best of 10;\n\
         library = the same work in-process (peer_timing example, release), best of 10;\n\
         peers = the library call inside Python, start-up excluded.\n\
         goals: ≥ 20× difflib for two reports, ≥ 1,000× CollateX for five reports."
    );
    Ok(())
}

fn case(
    peer: &'static str,
    subcommand: &'static str,
    reports: usize,
    words: usize,
    runs: usize,
) -> Case {
    Case {
        label: format!("{peer} {reports}x{words}"),
        peer,
        subcommand,
        reports,
        words,
        peer_runs: runs,
    }
}

/// Has the `peer_timing` example write `reports` generated reports of about `words` words each
/// (the generator lives in parallax-core, so xtask needs no dependency on it).
fn write_inputs(
    library: &Path,
    dir: &Path,
    reports: usize,
    words: usize,
) -> anyhow::Result<Vec<PathBuf>> {
    let output = Command::new(library)
        .arg("inputs")
        .arg(dir)
        .arg(reports.to_string())
        .arg(words.to_string())
        .output()
        .context("running the peer_timing example to write the inputs")?;
    if !output.status.success() {
        bail!(
            "peer_timing inputs failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(PathBuf::from)
        .collect())
}

fn time_peer(python: &Path, peer: &str, runs: usize, files: &[PathBuf]) -> anyhow::Result<f64> {
    let output = Command::new(python)
        .arg("-c")
        .arg(PEER_SCRIPT)
        .arg(peer)
        .arg(runs.to_string())
        .args(files)
        .output()
        .with_context(|| format!("running the {peer} peer"))?;
    if !output.status.success() {
        bail!("{peer} failed: {}", String::from_utf8_lossy(&output.stderr));
    }
    let value: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    value["seconds"].as_f64().context("peer printed no seconds")
}

fn time_ours(
    parallax: &Path,
    subcommand: &str,
    files: &[PathBuf],
    runs: usize,
) -> anyhow::Result<Duration> {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let start = Instant::now();
        let output = Command::new(parallax)
            .arg(subcommand)
            .args(["--json", "--by", "words"])
            .args(files)
            .output()
            .context("running parallax")?;
        let elapsed = start.elapsed();
        if !output.status.success() {
            bail!(
                "parallax {subcommand} failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        best = best.min(elapsed);
    }
    Ok(best)
}

/// Seconds of the in-process run (extract → segment → compare or collate → JSON), best of 10.
fn time_library(example: &Path, subcommand: &str, files: &[PathBuf]) -> anyhow::Result<f64> {
    let output = Command::new(example)
        .arg(subcommand)
        .arg("10")
        .args(files)
        .output()
        .context("running the peer_timing example")?;
    if !output.status.success() {
        bail!(
            "peer_timing failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let value: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    value["seconds"]
        .as_f64()
        .context("peer_timing printed no seconds")
}

/// The venv's python, creating the venv and installing the peers on first use.
fn ensure_venv(target: &Path) -> anyhow::Result<PathBuf> {
    let venv = target.join("peers-venv");
    let python = if cfg!(windows) {
        venv.join("Scripts").join("python.exe")
    } else {
        venv.join("bin").join("python")
    };
    let ready = python.exists()
        && Command::new(&python)
            .args(["-c", "import collatex, Levenshtein, networkx"])
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false);
    if ready {
        return Ok(python);
    }
    eprintln!("creating {} with collatex 2.3…", venv.display());
    let system_python = if cfg!(windows) { "python" } else { "python3" };
    let status = Command::new(system_python)
        .args(["-m", "venv"])
        .arg(&venv)
        .status()
        .context("running python3 -m venv (is Python 3 installed?)")?;
    if !status.success() {
        bail!("python3 -m venv failed");
    }
    let status = Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "collatex==2.3",
            "python-Levenshtein",
            "networkx",
        ])
        .status()
        .context("running pip")?;
    if !status.success() {
        bail!("pip install collatex==2.3 python-Levenshtein networkx failed");
    }
    Ok(python)
}

fn format_seconds(seconds: f64) -> String {
    if seconds >= 1.0 {
        format!("{seconds:.2} s")
    } else {
        format!("{:.2} ms", seconds * 1000.0)
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}

fn exe(name: &str) -> String {
    format!("{name}{}", std::env::consts::EXE_SUFFIX)
}
