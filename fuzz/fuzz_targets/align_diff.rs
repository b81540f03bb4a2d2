//! Alignment of two texts (the input split at its first NUL) and the word diff of every pair: the
//! ops must tile both sentences exactly. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_core::compare::{align, AlignOptions};
use parallax_core::text::segment;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (a, b) = text.split_once('\0').unwrap_or((text, ""));
    let (da, db) = (segment(a, Some("en")), segment(b, None));
    let options = AlignOptions {
        ignore_case: data.len() % 2 == 0,
        ignore_punctuation: data.len() % 3 == 0,
        ..AlignOptions::default()
    };
    let alignment = align(&da, &db, &options);
    for pair in &alignment.pairs {
        let (sa, sb) = (pair.a_span(&da), pair.b_span(&db));
        let rebuilt_a: String = pair.ops.iter().map(|op| &da.body[op.a.clone()]).collect();
        let rebuilt_b: String = pair.ops.iter().map(|op| &db.body[op.b.clone()]).collect();
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(squeeze(&rebuilt_a), squeeze(&da.body[sa]));
        assert_eq!(squeeze(&rebuilt_b), squeeze(&db.body[sb]));
    }
});
