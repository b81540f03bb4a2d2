//! Benchmarks of `compare::session::build_session`, the view model a comparison session opens
//! with: two 20,000-word reports, six 3,000-word reports, and six 50,000-word reports (the
//! "bad input" size, which must finish). Side by side, the baseline the side-by-side view cannot
//! do without: align + word diff of each neighbour pair (what `benches/compare.rs` measures).
//! Inputs: one generated report and other outlets' variants of it (`compare::synth`).
//!
//! Budget: the app opens a session in under 1 s; the model should take well under that (goal:
//! < 150 ms for 2×20,000 words). Measured 2026-11-25 on the shared 2-core build machine (load
//! average ~4.5 from other builds), fastest / median of 15 samples (6×50,000 w: 5, one core 3):
//!
//! | bench                          | 2×20,000 w       | 6×3,000 w        | 6×50,000 w       |
//! |--------------------------------|------------------|------------------|------------------|
//! | build (segmented reports)      | 31 / 31–43 ms    | 26 / 47 ms       | 1.5 / 1.8 s      |
//! | build, one core (`taskset`)    | 38 / 42 ms       | 43 / 61 ms       | 1.2 / 1.7 s      |
//! | segment_and_build              | 46 / 52 ms       | 55 / 75 ms       |                  |
//! | baseline: neighbour_align_diff | 10.4 / 10.8 ms   | 7.3 / 7.3 ms     |                  |
//!
//! Side by side on 2026-12-06 (fastest; the build before and after shared copy, phrase
//! substitutions and the longer attribution rules, each in its own target directory): 2×20,000 w
//! 31.7 → 29.9 ms, 6×3,000 w 26.4 → 25.0 ms, 6×50,000 w 611 → 664 ms (×1.09).
//!
//! Where the time goes (one core, 2×20,000 w): terms ~18 ms (a word diff of every pair collate
//! links), the neighbour alignment ~11–15 ms, collate and quotes ~6 ms each, cloning the
//! documents for the slice-taking analyses ~4 ms, facts ~1 ms; cutting texts into parts and ops
//! is a few ms. Six reports add the ten alignments of non-neighbour pairs that facts use (skipped
//! above 8,000 sentences in all, so not for 6×50,000 words, where terms ~410 ms, collate ~235 ms,
//! quotes ~200 ms and the five neighbour alignments ~240 ms make up most of ~1.2 s of CPU). With
//! the machine this loaded, two threads barely beat one; on an idle multi-core machine the build
//! is bounded by its longest job (terms).

use divan::{black_box, Bencher};
use parallax_core::compare::session::{build_session, ReportInput, SessionSettings};
use parallax_core::compare::{align, synth, AlignOptions};
use parallax_core::text::{segment, Document};

fn main() {
    divan::main();
}

/// `n` bodies of about `words` words about one event.
fn bodies(n: usize, words: usize) -> Vec<String> {
    let base = synth::report_sentences(41, words);
    (0..n)
        .map(|k| {
            let paragraphs = if k == 0 {
                base.clone()
            } else {
                synth::variant(&base, 300 + k as u64)
            };
            synth::join(&paragraphs)
        })
        .collect()
}

fn inputs(bodies: &[String]) -> Vec<ReportInput> {
    bodies
        .iter()
        .enumerate()
        .map(|(k, body)| ReportInput {
            key: 0,
            document: segment(body, Some("en")),
            title: format!("Synthetic outlet {k}"),
            outlet: None,
            published_at: None,
        })
        .collect()
}

const SIZES: &[&str] = &["2x20000", "6x3000"];

fn parse(size: &str) -> (usize, usize) {
    let (n, words) = size.split_once('x').unwrap_or(("2", "700"));
    (n.parse().unwrap_or(2), words.parse().unwrap_or(700))
}

/// The session model from segmented reports (what the app's command does after loading).
#[divan::bench(args = SIZES, sample_count = 10)]
fn build(bencher: Bencher, size: &str) {
    let (n, words) = parse(size);
    let reports = inputs(&bodies(n, words));
    let settings = SessionSettings::default();
    bencher.bench(|| build_session(black_box(&reports), &settings));
}

/// Segmenting the bodies, then the session model.
#[divan::bench(args = SIZES, sample_count = 10)]
fn segment_and_build(bencher: Bencher, size: &str) {
    let (n, words) = parse(size);
    let texts = bodies(n, words);
    let settings = SessionSettings::default();
    bencher.bench(|| build_session(&inputs(black_box(&texts)), &settings));
}

/// Baseline: align + word diff of every neighbour pair, nothing else.
#[divan::bench(args = SIZES, sample_count = 10)]
fn neighbour_align_diff(bencher: Bencher, size: &str) {
    let (n, words) = parse(size);
    let docs: Vec<Document> = inputs(&bodies(n, words))
        .into_iter()
        .map(|r| r.document)
        .collect();
    let opts = AlignOptions::default();
    bencher.bench(|| {
        docs.windows(2)
            .map(|w| align(black_box(&w[0]), black_box(&w[1]), &opts))
            .collect::<Vec<_>>()
    });
}

/// Six 50,000-word reports: the largest session, which must still open.
#[divan::bench(sample_count = 3)]
fn build_six_50k(bencher: Bencher) {
    let reports = inputs(&bodies(6, 50_000));
    let settings = SessionSettings::default();
    bencher.bench(|| build_session(black_box(&reports), &settings));
}
