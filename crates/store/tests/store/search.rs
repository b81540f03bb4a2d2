//! Full-text search: words, prefixes, phrases, hostile input, snippets, index kept in sync.

use parallax_store::{Backend, MetadataUpdate, Store};

use crate::common::{article, import, temp_store};

async fn library() -> (tempfile::TempDir, Store, i64, i64) {
    let (dir, store) = temp_store().await;
    let ferry = import(
        &store,
        &article(
            "Ferry service resumes on Lake Varnu",
            Some("Varnu Courier"),
            None,
            &[
                "The ferry between Oskel and Brenholm sailed again on Monday (fictional report).",
                "Passengers said the crossing felt calm after weeks of storms.",
            ],
        ),
    )
    .await;
    let storm = import(
        &store,
        &article(
            "Storm damage in Brenholm",
            Some("Oskel Herald"),
            None,
            &["Roofs were torn off in Brenholm; the ferry pier was damaged, the council said (invented)."],
        ),
    )
    .await;
    (dir, store, ferry, storm)
}

fn hit_ids(hits: &[parallax_store::SearchHit]) -> Vec<i64> {
    hits.iter().map(|hit| hit.article.id).collect()
}

#[tokio::test]
async fn words_prefixes_and_phrases_are_found() {
    let (_dir, store, ferry, storm) = library().await;
    assert_eq!(
        hit_ids(&store.search("ferry", 10).await.unwrap()),
        [ferry, storm],
        "title match ranks first"
    );
    assert_eq!(
        hit_ids(&store.search("Brenh", 10).await.unwrap()).len(),
        2,
        "prefix while typing"
    );
    assert!(
        store.search("Brenh ", 10).await.unwrap().is_empty(),
        "a finished word is not a prefix"
    );
    assert_eq!(
        hit_ids(&store.search("\"ferry pier\"", 10).await.unwrap()),
        [storm]
    );
    assert_eq!(
        hit_ids(&store.search("crossing calm", 10).await.unwrap()),
        [ferry],
        "all words must occur"
    );
    assert_eq!(
        hit_ids(&store.search("PASSENGERS", 10).await.unwrap()),
        [ferry],
        "case-insensitive"
    );
    assert_eq!(store.search("ferry", 1).await.unwrap().len(), 1, "limit");
    assert!(store.search("", 10).await.unwrap().is_empty());
}

#[tokio::test]
async fn hostile_query_text_never_breaks_the_search() {
    let (_dir, store, ..) = library().await;
    let hostile = [
        "\"",
        "\"\"",
        "ferry\"",
        "AND(",
        "ferry AND",
        "OR ferry",
        "NOT",
        "NEAR(ferry storm, 2)",
        "title:ferry",
        "{title body}: ferry",
        "*",
        "ferry*",
        "^ferry",
        "ferry + storm",
        "-ferry",
        "ferry'); DROP TABLE articles; --",
        "\u{0}ferry",
        "(((((",
        "\u{2}ferry\u{3}",
        "ferry \"unclosed phrase",
    ];
    for text in hostile {
        let hits = store.search(text, 10).await;
        assert!(hits.is_ok(), "{text:?} → {hits:?}");
    }
    assert_eq!(
        store
            .search("ferry'); DROP TABLE articles; --", 10)
            .await
            .unwrap()
            .len(),
        0
    );
    assert_eq!(store.count_articles().await.unwrap(), 2);
    assert_eq!(
        store.search("title:ferry", 10).await.unwrap().len(),
        0,
        "no column filters: 'title' must occur"
    );
    assert_eq!(store.search("\u{2}ferry\u{3}", 10).await.unwrap().len(), 2);
}

#[tokio::test]
async fn snippets_are_plain_text_with_match_ranges() {
    let (_dir, store, ferry, _) = library().await;
    let hits = store.search("ferry", 10).await.unwrap();
    let hit = hits.iter().find(|hit| hit.article.id == ferry).unwrap();
    assert_eq!(hit.title.text, "Ferry service resumes on Lake Varnu");
    assert_eq!(
        &hit.title.text[hit.title.matches[0].start..hit.title.matches[0].end],
        "Ferry"
    );
    assert!(!hit.snippet.matches.is_empty());
    for range in &hit.snippet.matches {
        assert_eq!(
            hit.snippet.text[range.start..range.end].to_lowercase(),
            "ferry"
        );
    }
    assert!(
        !hit.snippet.text.contains(['\u{2}', '\u{3}', '<']),
        "{:?}",
        hit.snippet.text
    );
    assert_eq!(hit.article.outlet.as_deref(), Some("Varnu Courier"));
}

/// A team library also reads words by their stem in the article's language ("storm" finds
/// "storms"); the local library matches words as written (and the last one as a prefix).
#[tokio::test]
async fn a_team_library_finds_other_forms_of_a_word() {
    let (_dir, store, ferry, storm) = library().await;
    let mut found = hit_ids(&store.search("storm ", 10).await.unwrap());
    found.sort_unstable();
    match store.backend() {
        Backend::Postgres => assert_eq!(found, [ferry, storm], "storms and storm"),
        Backend::Sqlite => assert_eq!(found, [storm], "a finished word, as written"),
    }
    assert_eq!(
        hit_ids(&store.search("sail", 10).await.unwrap()),
        [ferry],
        "sailed, as a stem or a prefix"
    );
}

#[tokio::test]
async fn markup_in_articles_comes_back_as_text() {
    let (_dir, store) = temp_store().await;
    import(
        &store,
        &article(
            "<b>Bold</b> claim",
            None,
            None,
            &["A <script>alert(1)</script> tag in a fictional text."],
        ),
    )
    .await;
    let hits = store.search("script", 10).await.unwrap();
    assert_eq!(hits.len(), 1);
    assert!(
        hits[0].snippet.text.contains("<script>"),
        "stored and returned verbatim, as text: {:?}",
        hits[0].snippet.text
    );
}

#[tokio::test]
async fn title_edits_keep_the_index_in_sync() {
    let (_dir, store, ferry, _) = library().await;
    let update = MetadataUpdate {
        title: Some("Crossings restart on the lake".into()),
        ..MetadataUpdate::default()
    };
    store.update_metadata(ferry, &update).await.unwrap();
    assert!(
        hit_ids(&store.search("resumes", 10).await.unwrap()).is_empty(),
        "old title words gone"
    );
    assert_eq!(
        hit_ids(&store.search("crossings restart", 10).await.unwrap()),
        [ferry]
    );
    let hit = &store.search("restart", 10).await.unwrap()[0];
    assert_eq!(hit.title.text, "Crossings restart on the lake");
    assert_eq!(store.check_integrity().await.unwrap(), Ok(()));
}

#[tokio::test]
async fn non_latin_text_is_searchable() {
    let (_dir, store) = temp_store().await;
    let id = import(
        &store,
        &article(
            "Наводнение в Оскеле",
            None,
            None,
            &["Вымышленный город затоплен, сообщает совет."],
        ),
    )
    .await;
    assert_eq!(hit_ids(&store.search("наводн", 10).await.unwrap()), [id]);
    assert_eq!(hit_ids(&store.search("ГОРОД", 10).await.unwrap()), [id]);
    let accented = import(
        &store,
        &article(
            "Crue à Élanville",
            None,
            None,
            &["La rivière a débordé (récit fictif)."],
        ),
    )
    .await;
    assert_eq!(
        hit_ids(&store.search("elanville riviere", 10).await.unwrap()),
        [accented],
        "diacritics folded"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Whatever is typed, the search answers (possibly nothing) instead of failing.
    #[test]
    fn any_typed_text_is_a_valid_search(text in "(\\PC|[\"*^:(){}+-]){0,40}") {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let store = Store::open_in_memory().await.unwrap();
            import(&store, &article("Ferry resumes (fictional)", None, None, &["Calm crossing to Brenholm."])).await;
            let hits = store.search(&text, 5).await;
            proptest::prop_assert!(hits.is_ok(), "{:?} → {:?}", text, hits);
            Ok(())
        })?;
    }
}
