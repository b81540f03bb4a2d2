//! Extraction of untrusted bytes in every format: the first byte picks the file name's extension
//! (so the sniffer and each extractor are reached), the rest is the file. Must never panic out of
//! `extract`.
#![no_main]

use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &[
    "page.html",
    "page.mhtml",
    "notes.txt",
    "notes.md",
    "report.pdf",
    "report.docx",
    "file",
];

/// Extraction catches the panics of its third-party parsers (pdf-extract, trafilatura) and turns
/// them into errors; libfuzzer-sys's panic hook would abort on those first. A silent hook lets a
/// caught panic stay caught, while one that escapes `extract` still aborts (libfuzzer-sys checks).
static QUIET_CAUGHT_PANICS: std::sync::Once = std::sync::Once::new();

fuzz_target!(|data: &[u8]| {
    QUIET_CAUGHT_PANICS.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[pick as usize % NAMES.len()];
    if let Ok(article) = parallax_core::extract::extract(bytes, name) {
        let body = article.body();
        assert!(!body.trim().is_empty(), "an article has text");
    }
});
