//! The sentence model shared by the encoder and alignment-by-meaning tests: the converted file at
//! `PARALLAX_MODEL` (`cargo xtask test` sets it), loaded once per test binary.

use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;

use parallax_core::text::encoder::Encoder;

/// The model from `PARALLAX_MODEL`; `None` (with a note) without it, so a test can return early.
pub fn encoder() -> Option<&'static Encoder> {
    static MODEL: OnceLock<Option<Encoder>> = OnceLock::new();
    MODEL
        .get_or_init(|| {
            let Some(path) = std::env::var_os("PARALLAX_MODEL") else {
                // Straight to stderr: the test harness would swallow eprintln! of a passing test.
                let _ = writeln!(
                    std::io::stderr(),
                    "note: PARALLAX_MODEL is not set; skipping the sentence model checks \
                     (`cargo xtask model` converts the model)"
                );
                return None;
            };
            let bytes = std::fs::read(&path).unwrap_or_else(|e| {
                panic!("PARALLAX_MODEL={}: {e}", PathBuf::from(&path).display())
            });
            Some(Encoder::from_bytes(&bytes).expect("the converted model loads"))
        })
        .as_ref()
}
