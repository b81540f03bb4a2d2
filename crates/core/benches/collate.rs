//! Benchmarks of collate (N reports → claims × reports) and terms (distinctive words and
//! substitutions) at N = 2, 5, 10, 20 reports of 700 and 5,000 words (50,000 for N = 2).
//! Budgets: ten 1,000-word reports collated in under 20 ms, ten 5,000-word in under 100 ms.
//! Inputs: one generated report and N − 1 other outlets' variants of it (`compare::synth`).
//!
//! Figures (median, 2 shared cores, 2026-11-25, `--sample-count 5`): collate 10×1,000 words
//! 2.2 ms, 10×5,000 16–20 ms, 20×5,000 55–80 ms, 2×50,000 30 ms; terms 10×1,000 18 ms,
//! 10×5,000 78 ms, 20×5,000 310 ms (word diffs of every linked pair dominate).

use divan::{black_box, Bencher};
use parallax_core::compare::collate::collate;
use parallax_core::compare::terms::terms;
use parallax_core::compare::{synth, AlignOptions};
use parallax_core::text::{segment, Document};

fn main() {
    divan::main();
}

/// `n` segmented reports of about `words` words about one event.
fn reports(n: usize, words: usize) -> Vec<Document> {
    let base = synth::report_sentences(21, words);
    (0..n)
        .map(|k| {
            let paragraphs = if k == 0 {
                base.clone()
            } else {
                synth::variant(&base, 100 + k as u64)
            };
            segment(&synth::join(&paragraphs), Some("en"))
        })
        .collect()
}

const SIZES: &[(usize, usize)] = &[
    (2, 700),
    (5, 700),
    (10, 700),
    (10, 1_000),
    (20, 700),
    (2, 5_000),
    (5, 5_000),
    (10, 5_000),
    (20, 5_000),
    (2, 50_000),
];

fn label((n, words): (usize, usize)) -> String {
    format!("{n}x{words}")
}

#[divan::bench(args = SIZES.iter().copied().map(label), sample_count = 10)]
fn collate_reports(bencher: Bencher, size: &str) {
    let (n, words) = parse(size);
    let docs = reports(n, words);
    bencher.bench(|| collate(black_box(&docs), &AlignOptions::default()));
}

#[divan::bench(args = SIZES.iter().copied().map(label), sample_count = 10)]
fn terms_reports(bencher: Bencher, size: &str) {
    let (n, words) = parse(size);
    let docs = reports(n, words);
    bencher.bench(|| terms(black_box(&docs), &Default::default()));
}

fn parse(size: &str) -> (usize, usize) {
    let (n, words) = size.split_once('x').unwrap_or(("2", "700"));
    (n.parse().unwrap_or(2), words.parse().unwrap_or(700))
}
