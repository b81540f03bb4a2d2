//! `cargo xtask`: set-up and orchestration (run, test, bench-extract, bench-peers).

fn main() -> anyhow::Result<()> {
    Ok(())
}
