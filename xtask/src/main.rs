//! `cargo xtask`: set-up and orchestration (run, test, bench-extract, bench-peers).

mod bench_extract;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("bench-extract") => bench_extract::run(&args[1..]),
        _ => {
            eprintln!("usage: cargo xtask <bench-extract> [args]");
            std::process::exit(2);
        }
    }
}
