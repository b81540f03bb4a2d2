//! Shared helpers: temporary libraries, invented articles and a raw connection for inspection.
//! Every outlet, event and text here is fictional.

use std::path::Path;

use parallax_core::extract::{Article, SourceFormat};
use parallax_store::{ImportOutcome, Store};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection};
use tempfile::TempDir;

/// A new library in a temporary folder (the folder lives as long as the returned guard).
pub async fn temp_store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let store = Store::open(dir.path().join("library.sqlite"))
        .await
        .expect("open a new library");
    (dir, store)
}

/// A raw connection to a library file, to look at what the store wrote.
pub async fn raw(path: &Path) -> SqliteConnection {
    SqliteConnection::connect_with(&SqliteConnectOptions::new().filename(path))
        .await
        .expect("raw connection")
}

/// An invented article.
pub fn article(
    title: &str,
    outlet: Option<&str>,
    domain: Option<&str>,
    paragraphs: &[&str],
) -> Article {
    Article {
        title: title.into(),
        byline: Some("Staff reporter (fictional)".into()),
        outlet: outlet.map(Into::into),
        outlet_domain: domain.map(Into::into),
        published_at: None,
        url: None,
        canonical_url: None,
        lang: Some("en".into()),
        paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
        source_format: SourceFormat::Text,
    }
}

/// Stores an article and returns its id, failing the test on anything but a fresh import.
pub async fn import(store: &Store, article: &Article) -> i64 {
    match store
        .import_article(article, None, None)
        .await
        .expect("import")
    {
        ImportOutcome::Imported { id, .. } => id,
        other => panic!("expected a fresh import, got {other:?}"),
    }
}

/// The text of an invented report on the fictional Lake Varnu flood, `n` makes it unique.
pub fn flood_report(n: usize) -> Vec<String> {
    vec![
        format!("Report {n}: the fictional Lake Varnu overflowed after three days of rain."),
        format!("Officials in the invented town of Oskel said {n} households were moved to higher ground."),
        "Relief convoys reached the valley on Tuesday, according to the regional council.".into(),
    ]
}
