//! Benchmarks of the comparison engine at several sizes: segment + align + diff of two reports,
//! and revision of two versions of one article. Inputs come from the deterministic generator in
//! `parallax_core::compare::synth` (a report and another outlet's variant of it: ~20 % reworded,
//! 8 % dropped, 6 % added, 3 % split sentences, a tenth of paragraphs moved).
//!
//! Budgets: two 700-word reports segmented, aligned and diffed in under 1 ms; two 500,000-word
//! versions revised in under 0.5 s. Measured 2026-11-25 on the shared 2-core build machine
//! (load average ~4), fastest / median sample:
//!
//! | bench                      | 700 w           | 5,000 w       | 50,000 w       | 500,000 w      |
//! |----------------------------|-----------------|---------------|----------------|----------------|
//! | segment_align_diff         | 0.80 / 0.99 ms  | 4.8 / 6.1 ms  | 56 / 77 ms     |                |
//! | align_diff (pre-segmented) | 0.24 / 0.28 ms  | 2.1 / 2.3 ms  | 43 / 45 ms     |                |
//! | segment_only (one report)  | 0.16 / 0.17 ms  |               | 6.2 / 8.8 ms   |                |
//! | revision                   |                 |               | 4.1 / 9.1 ms   | 65 / 93 ms     |

use divan::{black_box, Bencher};
use parallax_core::compare::{align, synth, AlignOptions};
use parallax_core::text::segment;

fn main() {
    divan::main();
}

fn two_reports(words: usize) -> (String, String) {
    let base = synth::report_sentences(11, words);
    let other = synth::variant(&base, 12);
    (synth::join(&base), synth::join(&other))
}

/// Segment both reports, align them and diff every pair (what opening a session costs).
#[divan::bench(args = [700, 5_000, 50_000], sample_count = 20)]
fn segment_align_diff(bencher: Bencher, words: usize) {
    let (a, b) = two_reports(words);
    bencher.bench(|| {
        let da = segment(black_box(&a), Some("en"));
        let db = segment(black_box(&b), Some("en"));
        align(&da, &db, &AlignOptions::default())
    });
}

/// Align and diff already segmented reports.
#[divan::bench(args = [700, 5_000, 50_000], sample_count = 20)]
fn align_diff(bencher: Bencher, words: usize) {
    let (a, b) = two_reports(words);
    let (da, db) = (segment(&a, Some("en")), segment(&b, Some("en")));
    bencher.bench(|| align(black_box(&da), black_box(&db), &AlignOptions::default()));
}

/// Segmentation alone, language given.
#[divan::bench(args = [700, 50_000], sample_count = 20)]
fn segment_only(bencher: Bencher, words: usize) {
    let (a, _) = two_reports(words);
    bencher.bench(|| segment(black_box(&a), Some("en")));
}

/// Revision of two versions of one article (hash paragraphs, then sentences, then words).
#[divan::bench(args = [50_000, 500_000], sample_count = 10)]
fn revision(bencher: Bencher, words: usize) {
    let (old, new) = synth::revision_pair(5, words);
    bencher.bench(|| {
        parallax_core::compare::revision(
            black_box(&old),
            black_box(&new),
            Some("en"),
            &Default::default(),
        )
    });
}
