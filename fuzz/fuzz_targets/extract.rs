//! Extraction of untrusted bytes in every format: the first byte picks the file name's extension
//! (so the sniffer and each extractor are reached), the rest is the file. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &[
    "page.html", "page.mhtml", "notes.txt", "notes.md", "report.pdf", "report.docx", "file",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[pick as usize % NAMES.len()];
    if let Ok(article) = parallax_core::extract::extract(bytes, name) {
        let body = article.body();
        assert!(!body.trim().is_empty(), "an article has text");
    }
});
