//! `cargo xtask`: set-up and orchestration (run, test, bench-extract, bench-peers).
//!
//! Each subcommand lives in its own module; adding one is one `mod` line and one match arm below.

mod bench_peers;

use anyhow::bail;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_default();
    let rest: Vec<String> = args.collect();
    match command.as_str() {
        "bench-peers" => bench_peers::run(rest),
        other => bail!("unknown command `{other}`"),
    }
}
