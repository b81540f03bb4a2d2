//! Times the comparison engine in-process on report files, for `cargo xtask bench-peers`:
//! `peer_timing compare|collate RUNS FILE…` prints `{"seconds": best, "stages": {…}}` where a run
//! is extract → segment → align + word diffs (compare) or collate, → the JSON envelope as bytes.
//! `peer_timing inputs DIR REPORTS WORDS` writes the generated reports both sides are timed on
//! (a base report and other outlets' variants of it, fixed seeds) and prints their paths.

use std::time::{Duration, Instant};

use parallax_core::compare::collate::collate;
use parallax_core::compare::schema::{AlignmentView, Envelope, ReportInfo};
use parallax_core::compare::{align, synth, AlignOptions};
use parallax_core::extract::extract;
use parallax_core::text::{segment, Document};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("inputs") {
        write_inputs(&args[1..]);
        return;
    }
    let (Some(mode), Some(runs)) = (
        args.first(),
        args.get(1).and_then(|r| r.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: peer_timing compare|collate RUNS FILE…");
        std::process::exit(2);
    };
    let files: Vec<(String, Vec<u8>)> = args[2..]
        .iter()
        .map(|f| {
            (
                f.clone(),
                std::fs::read(f).unwrap_or_else(|e| panic!("{f}: {e}")),
            )
        })
        .collect();
    let opts = AlignOptions::default();
    let mut best: Option<[Duration; 4]> = None;
    for _ in 0..runs {
        let t0 = Instant::now();
        let articles: Vec<_> = files
            .iter()
            .map(|(name, bytes)| extract(bytes, name).unwrap_or_else(|e| panic!("{name}: {e}")))
            .collect();
        let t1 = Instant::now();
        let docs: Vec<Document> = articles
            .iter()
            .map(|a| segment(&a.body(), a.lang.as_deref()))
            .collect();
        let infos: Vec<ReportInfo> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| ReportInfo::new(i, &files[i].0, &articles[i].title, None, d))
            .collect();
        let t2 = Instant::now();
        let (t3, bytes) = if mode == "compare" {
            let view = AlignmentView::new(&docs[0], &docs[1], &align(&docs[0], &docs[1], &opts));
            let t3 = Instant::now();
            (
                t3,
                serde_json::to_vec(&Envelope::new("compare", &opts, infos, view)),
            )
        } else {
            let result = collate(&docs, &opts).expect("collates");
            let t3 = Instant::now();
            (
                t3,
                serde_json::to_vec(&Envelope::new("collate", &opts, infos, result)),
            )
        };
        let t4 = Instant::now();
        assert!(bytes.is_ok_and(|b| !b.is_empty()));
        let stages = [t1 - t0, t2 - t1, t3 - t2, t4 - t3];
        let sum = |s: &[Duration; 4]| s.iter().sum::<Duration>();
        if best.is_none_or(|b| sum(&stages) < sum(&b)) {
            best = Some(stages);
        }
    }
    let best = best.unwrap_or_default();
    let total: Duration = best.iter().sum();
    println!(
        "{{\"seconds\": {}, \"stages\": {{\"extract\": {}, \"segment\": {}, \"compare\": {}, \"json\": {}}}}}",
        total.as_secs_f64(),
        best[0].as_secs_f64(),
        best[1].as_secs_f64(),
        best[2].as_secs_f64(),
        best[3].as_secs_f64()
    );
}

/// `inputs DIR REPORTS WORDS`: writes `REPORTS` generated reports of about `WORDS` words each
/// about one event, each with a title line, and prints one path a line.
fn write_inputs(args: &[String]) {
    let (Some(dir), Some(reports), Some(words)) = (
        args.first(),
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
        args.get(2).and_then(|n| n.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: peer_timing inputs DIR REPORTS WORDS");
        std::process::exit(2);
    };
    let base = synth::report_sentences(7, words);
    for i in 0..reports {
        let paragraphs = if i == 0 {
            base.clone()
        } else {
            synth::variant(&base, 100 + i as u64)
        };
        let text = format!("Report {i}\n\n{}\n", synth::join(&paragraphs));
        let path = std::path::Path::new(dir).join(format!("r{reports}x{words}-{i}.txt"));
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        println!("{}", path.display());
    }
}
