//! A comparison session of two to four reports (the input split at NULs): the whole view model —
//! panes, links, coverage, quotes, terms, facts — built from any text. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_core::compare::session::{build_session, ReportInput, SessionSettings};
use parallax_core::text::segment;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let reports: Vec<ReportInput> = text
        .split('\0')
        .take(4)
        .enumerate()
        .map(|(k, body)| ReportInput {
            key: k as i64,
            document: segment(body, None),
            title: format!("Fuzzed report {k}"),
            outlet: None,
            published_at: None,
        })
        .collect();
    let settings = SessionSettings {
        versions: data.first().is_some_and(|b| b % 5 == 0),
        base: data.get(1).map(|b| usize::from(b % 7)),
        ..SessionSettings::default()
    };
    let _ = build_session(&reports, &settings);
});
