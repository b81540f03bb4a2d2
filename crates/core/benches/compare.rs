//! Benchmarks of the comparison engine at several sizes: segment + align + diff of two reports,
//! and revision of two versions of one article. Inputs come from the deterministic generator in
//! `parallax_core::compare::synth`.

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
