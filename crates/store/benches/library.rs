//! A big library: listing, counting and searching 100,000 articles, as the app's library screen
//! does at start (first page and count), when scrolled far (a deep page), when sorted by each
//! column, and when searching.
//!
//! The library is generated once per run (short invented articles from 40 outlets, through
//! `Store::import_article`, ~1 minute) into a temporary folder. Goals (issue "hardening", 13): the
//! first page < 100 ms, search < 200 ms.
//!
//! Measured 2026-12-06 on the shared 2-core machine, 100,000 articles, medians, before → after
//! migration 0004 (partial indexes per sort column) and the page-ids-first queries:
//!
//! | bench                          | before   | after    | ratio |
//! |--------------------------------|----------|----------|-------|
//! | first page (newest) + count    | 105 ms   | 2.6 ms   | 40×   |
//! | first page by title            | 31 ms    | 1.1 ms   | 27×   |
//! | first page by date             | 36 ms    | 1.3 ms   | 27×   |
//! | first page by words            | 29 ms    | 0.5 ms   | 57×   |
//! | first page by outlet (a join)  | 33 ms    | 29 ms    | 1.1×  |
//! | last page (offset 99,800)      | 136 ms   | 4.6 ms   | 30×   |
//! | all ids in date order          | 134 ms   | 48 ms    | 2.8×  |
//! | search, a word in every article| 201 ms   | 93 ms    | 2.2×  |
//! | search, a rare phrase          | 1.9 ms   | 2.0 ms   | 1×    |

use std::sync::OnceLock;

use divan::Bencher;
use parallax_core::extract::{Article, SourceFormat};
use parallax_store::{ListQuery, SortKey, SortOrder, Store};
use tempfile::TempDir;

/// Articles in the generated library (`PARALLAX_BENCH_ARTICLES` overrides, for a quick look).
const ARTICLES: usize = 100_000;
/// Rows the app asks for at a time.
const PAGE: u32 = 200;

const WORDS: &[&str] = &[
    "council",
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
    "harbour",
    "election",
    "budget",
    "strike",
    "court",
    "ruling",
    "festival",
    "museum",
    "railway",
    "tunnel",
];

fn main() {
    divan::main();
}

fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime")
    })
}

/// A deterministic invented word sequence for article `n`.
fn words(n: usize, count: usize) -> String {
    let mut state = (n as u64)
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1);
    (0..count)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            WORDS[(state >> 33) as usize % WORDS.len()]
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn library() -> &'static (TempDir, Store) {
    static LIBRARY: OnceLock<(TempDir, Store)> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let count = std::env::var("PARALLAX_BENCH_ARTICLES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(ARTICLES);
        let dir = TempDir::new().expect("temporary folder");
        runtime().block_on(async {
            let store = Store::open(dir.path().join("library.sqlite"))
                .await
                .expect("library");
            for n in 0..count {
                let article = Article {
                    title: format!("{} (report {n})", words(n, 6)),
                    byline: None,
                    outlet: Some(format!("Outlet {}", n % 40)),
                    outlet_domain: Some(format!("outlet{}.example", n % 40)),
                    published_at: Some(format!(
                        "20{:02}-{:02}-{:02}",
                        10 + n % 20,
                        1 + n % 12,
                        1 + n % 28
                    )),
                    url: None,
                    canonical_url: None,
                    lang: Some("en".into()),
                    paragraphs: vec![format!("{}.", words(n + 7, 60))],
                    source_format: SourceFormat::Text,
                };
                store
                    .import_article(&article, None, None)
                    .await
                    .expect("article stored");
            }
            (dir, store)
        })
    })
}

fn query(sort: SortKey, order: SortOrder, offset: u32) -> ListQuery {
    ListQuery {
        sort,
        order,
        limit: Some(PAGE),
        offset,
        ..ListQuery::default()
    }
}

/// What the app shows first: the newest imports and the count.
#[divan::bench(sample_count = 20)]
fn first_page_and_count(bencher: Bencher) {
    let (_, store) = library();
    bencher.bench(|| {
        runtime().block_on(async {
            let q = query(SortKey::Imported, SortOrder::Desc, 0);
            let rows = store.list_articles(&q).await.unwrap();
            let total = store.count_listed(&q).await.unwrap();
            assert_eq!(rows.len(), PAGE as usize);
            total
        })
    });
}

/// The first page in each column's order.
#[divan::bench(args = ["title", "outlet", "published", "words"], sample_count = 10)]
fn first_page_sorted(bencher: Bencher, column: &str) {
    let (_, store) = library();
    let sort = match column {
        "title" => SortKey::Title,
        "outlet" => SortKey::Outlet,
        "published" => SortKey::Published,
        _ => SortKey::Words,
    };
    bencher.bench(|| {
        runtime()
            .block_on(store.list_articles(&query(sort, SortOrder::Asc, 0)))
            .unwrap()
    });
}

/// The last page, scrolled to the bottom.
#[divan::bench(sample_count = 10)]
fn deep_page(bencher: Bencher) {
    let (_, store) = library();
    let offset = u32::try_from(runtime().block_on(store.count_articles()).unwrap())
        .unwrap()
        .saturating_sub(PAGE);
    bencher.bench(|| {
        let rows = runtime()
            .block_on(store.list_articles(&query(SortKey::Imported, SortOrder::Desc, offset)))
            .unwrap();
        assert_eq!(rows.len(), PAGE as usize);
        rows
    });
}

/// Every article's id in list order (what a range selection across pages needs).
#[divan::bench(sample_count = 10)]
fn all_ids(bencher: Bencher) {
    let (_, store) = library();
    bencher.bench(|| {
        runtime()
            .block_on(store.list_ids(&ListQuery {
                sort: SortKey::Published,
                order: SortOrder::Desc,
                ..ListQuery::default()
            }))
            .unwrap()
    });
}

/// A search for a word in most articles, and for a rare one, 200 results as the app asks.
#[divan::bench(args = ["harbour", "report 4242"], sample_count = 10)]
fn search(bencher: Bencher, text: &str) {
    let (_, store) = library();
    bencher.bench(|| {
        let hits = runtime().block_on(store.search(text, 200)).unwrap();
        assert!(!hits.is_empty());
        hits
    });
}
