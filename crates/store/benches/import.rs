//! Import throughput (articles per second): generated ~800-word HTML pages into a fresh temporary
//! library, through the whole pipeline (walk, read, extract, write) and through the write alone.
//!
//! Measured 2026-11-25 on the shared 2-core build machine (median of 5–10 samples of 100 pages):
//! whole pipeline ~310 pages/s (extraction is most of it); the write alone (one transaction per
//! article, original kept) ~1,800–2,000 articles/s.
//!
//! With `PARALLAX_BENCH_POSTGRES=postgres://user@host:port` each sample writes into a new team
//! library (a new database on that server) instead.

use std::path::PathBuf;
use std::sync::OnceLock;

use divan::counter::ItemsCount;
use divan::Bencher;
use parallax_core::extract::{Article, SourceFormat};
use parallax_store::Store;
use tempfile::TempDir;

/// Articles imported per measured sample.
const BATCH: usize = 100;
const WORDS_PER_PAGE: usize = 800;

const VOCABULARY: &[&str] = &[
    "the",
    "council",
    "said",
    "flood",
    "water",
    "lake",
    "Varnu",
    "Oskel",
    "Brenholm",
    "residents",
    "relief",
    "convoy",
    "officials",
    "rain",
    "bridge",
    "ferry",
    "night",
    "homes",
    "valley",
    "police",
    "minister",
    "report",
    "dam",
    "warning",
    "roads",
    "closed",
    "aid",
    "families",
    "according",
    "spokesperson",
    "on",
    "in",
    "after",
    "and",
    "a",
];

fn main() {
    divan::main();
}

fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .unwrap()
    })
}

/// Deterministic pseudo-random words (a small LCG), so every page is different.
fn paragraphs(seed: usize) -> Vec<String> {
    let mut state = (seed as u64)
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    let mut words = Vec::with_capacity(WORDS_PER_PAGE);
    for _ in 0..WORDS_PER_PAGE {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        words.push(VOCABULARY[(state >> 33) as usize % VOCABULARY.len()]);
    }
    words
        .chunks(80)
        .map(|chunk| format!("{}.", chunk.join(" ")))
        .collect()
}

/// A saved page of an invented outlet, about 800 words of body.
fn html_page(n: usize) -> String {
    // Blank lines between blocks, as saved pages often have.
    let body: String = paragraphs(n)
        .iter()
        .map(|p| format!("<p>{p}</p>\n\n"))
        .collect();
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Flood report {n} (fictional)</title>\
         <meta property=\"og:site_name\" content=\"Varnu Courier\"></head>\n\n\
         <body><article><h1>Flood report {n} (fictional)</h1>\n{body}</article></body></html>\n"
    )
}

/// A folder of [`BATCH`] generated pages, written once.
fn pages() -> &'static (TempDir, Vec<PathBuf>) {
    static PAGES: OnceLock<(TempDir, Vec<PathBuf>)> = OnceLock::new();
    PAGES.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let files = (0..BATCH)
            .map(|n| {
                let path = dir.path().join(format!("report-{n:04}.html"));
                std::fs::write(&path, html_page(n)).unwrap();
                path
            })
            .collect();
        (dir, files)
    })
}

fn fresh_library() -> (TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = match std::env::var("PARALLAX_BENCH_POSTGRES") {
        Ok(server) => runtime().block_on(team_library(&server)),
        Err(_) => runtime()
            .block_on(Store::open(dir.path().join("library.sqlite")))
            .unwrap(),
    };
    (dir, store)
}

/// A new, empty team library on `server`.
async fn team_library(server: &str) -> Store {
    use sqlx::{Connection, Executor};
    static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let name = format!(
        "parallax_import_bench_{}_{}",
        std::process::id(),
        COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    let base = server.trim_end_matches('/');
    let mut admin = sqlx::PgConnection::connect(&format!("{base}/postgres"))
        .await
        .unwrap();
    admin
        .execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .unwrap();
    let address = parallax_store::TeamAddress::parse(&format!("{base}/{name}")).unwrap();
    Store::connect_team(&address).await.unwrap()
}

/// Walk + read + extract + write, as `parallax import FOLDER` does.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn import_html_folder(bencher: Bencher) {
    let (folder, files) = pages();
    assert_eq!(files.len(), BATCH);
    bencher
        .counter(ItemsCount::new(BATCH))
        .with_inputs(fresh_library)
        .bench_local_values(|(_dir, store)| {
            let summary = runtime().block_on(store.import_paths(&[folder.path()], |_| {}));
            assert_eq!(summary.imported, BATCH, "{summary:?}");
            (_dir, store)
        });
}

/// The write alone: already extracted articles (with their original bytes) into the library.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn store_extracted_articles(bencher: Bencher) {
    let articles: Vec<(Article, Vec<u8>)> = (0..BATCH)
        .map(|n| {
            let article = Article {
                title: format!("Flood report {n} (fictional)"),
                byline: None,
                outlet: Some("Varnu Courier".into()),
                outlet_domain: Some("courier.example".into()),
                published_at: Some("2031-05-02".into()),
                url: None,
                canonical_url: None,
                lang: Some("en".into()),
                paragraphs: paragraphs(n),
                source_format: SourceFormat::Html,
            };
            (article, html_page(n).into_bytes())
        })
        .collect();
    bencher
        .counter(ItemsCount::new(BATCH))
        .with_inputs(fresh_library)
        .bench_local_values(|(_dir, store)| {
            runtime().block_on(async {
                for (article, original) in &articles {
                    store
                        .import_article(article, Some(original), None)
                        .await
                        .unwrap();
                }
            });
            (_dir, store)
        });
}
