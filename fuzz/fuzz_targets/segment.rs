//! Segmentation of any text: ranges on character boundaries, sentences inside their paragraphs,
//! tokens inside their sentences. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for lang in [None, Some("en"), Some("ar"), Some("zh")] {
        let doc = parallax_core::text::segment(text, lang);
        for s in &doc.sentences {
            assert!(
                doc.body.is_char_boundary(s.range.start) && doc.body.is_char_boundary(s.range.end)
            );
            assert!(s.range.start <= s.range.end && s.range.end <= doc.body.len());
        }
        for t in &doc.tokens {
            assert!(
                doc.body.is_char_boundary(t.range.start) && doc.body.is_char_boundary(t.range.end)
            );
        }
    }
});
