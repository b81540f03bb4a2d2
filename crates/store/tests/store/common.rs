//! Shared helpers: temporary libraries (SQLite files, or PostgreSQL databases when a test server
//! is named), invented articles and a raw connection for inspection.
//! Every outlet, event and text here is fictional.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use parallax_core::extract::{Article, SourceFormat};
use parallax_store::{ImportOutcome, Store};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{AnyConnection, Connection, Executor, PgConnection, SqliteConnection};
use tempfile::TempDir;

/// The PostgreSQL server the store tests also run on (`postgres://user@127.0.0.1:port`, a user
/// that may create databases): `cargo xtask test` starts a throwaway one and runs them again.
pub const POSTGRES_VARIABLE: &str = "PARALLAX_TEST_POSTGRES";

/// Where a temporary library's team address is written, beside the (unused) library file.
const TEAM_ADDRESS_FILE: &str = "library.url";

/// A new library for a test: a SQLite file in a temporary folder (the folder lives as long as
/// the returned guard) or, when [`POSTGRES_VARIABLE`] names a server, a new database there.
pub async fn temp_store() -> (TempDir, Store) {
    let Ok(server) = std::env::var(POSTGRES_VARIABLE) else {
        return temp_sqlite_store().await;
    };
    let dir = tempfile::tempdir().expect("temporary folder");
    let url = new_database(&server).await;
    std::fs::write(dir.path().join(TEAM_ADDRESS_FILE), &url).expect("note the address");
    let address = parallax_store::TeamAddress::parse(&url).expect("a team address");
    let store = Store::connect_team(&address)
        .await
        .expect("open a new team library");
    (dir, store)
}

/// Another client of the library of a test folder (its own connections): the same team
/// database, or the same file.
pub async fn second_client(dir: &Path) -> Store {
    match std::fs::read_to_string(dir.join(TEAM_ADDRESS_FILE)) {
        Ok(url) => {
            let address = parallax_store::TeamAddress::parse(&url).expect("a team address");
            Store::connect_team(&address)
                .await
                .expect("a second client")
        }
        Err(_) => Store::open(dir.join("library.sqlite"))
            .await
            .expect("a second client"),
    }
}

/// A new SQLite library in a temporary folder, whatever the backend under test: for tests of the
/// file itself (its log, its copies, its damage).
pub async fn temp_sqlite_store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let store = Store::open(dir.path().join("library.sqlite"))
        .await
        .expect("open a new library");
    (dir, store)
}

/// Creates an empty database on `server` for one test and returns its address.
async fn new_database(server: &str) -> String {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let name = format!(
        "parallax_test_{}_{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::Relaxed)
    );
    let base = server.trim_end_matches('/');
    let mut admin = PgConnection::connect(&format!("{base}/postgres"))
        .await
        .expect("connect to the test server");
    admin
        .execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .expect("create a test database");
    format!("{base}/{name}")
}

/// A raw connection to the library of a test folder (its team database when it has one, else
/// `library.sqlite`), to look at or change what the store wrote. Parameters are `$1`, `$2`, ….
pub async fn raw_library(dir: &Path) -> AnyConnection {
    sqlx::any::install_default_drivers();
    let url = match std::fs::read_to_string(dir.join(TEAM_ADDRESS_FILE)) {
        Ok(url) => url,
        Err(_) => format!("sqlite://{}", dir.join("library.sqlite").display()),
    };
    AnyConnection::connect(&url).await.expect("raw connection")
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
