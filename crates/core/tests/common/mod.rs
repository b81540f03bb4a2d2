//! Fixture loading shared by the session and export tests: a fictional report of
//! `tests/fixtures/compare/`, extracted and segmented as the app would.

use std::path::Path;

use parallax_core::compare::session::ReportInput;
use parallax_core::extract::extract;
use parallax_core::text::segment;

/// The report at `relative` (below `tests/fixtures/compare/`), named by that path and undated.
pub fn load(relative: &str) -> ReportInput {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/compare")
        .join(relative);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {relative}: {e}"));
    let article =
        extract(&bytes, relative).unwrap_or_else(|e| panic!("{relative} does not extract: {e}"));
    ReportInput {
        key: 0,
        document: segment(&article.body(), article.lang.as_deref()),
        title: article.title.clone(),
        outlet: Some(relative.to_string()),
        published_at: None,
    }
}
