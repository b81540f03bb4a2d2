//! Stored sentence vectors: round trip, staleness (another body, model or segmenter), one row per
//! article, and nothing stored for an article that is gone.

use parallax_core::text::SentenceVectors;

use crate::common::{article, import, temp_store};

fn vectors(n: usize) -> SentenceVectors {
    SentenceVectors::new(4, (0..n * 4).map(|v| v as f32 / 10.0).collect()).unwrap()
}

#[tokio::test]
async fn vectors_round_trip_and_go_stale_with_the_body_or_the_model() {
    let (_dir, store) = temp_store().await;
    let report = article(
        "Bridge reopens in Port Maren (fictional)",
        Some("Port Maren Gazette"),
        None,
        &[
            "The bridge reopened on Monday.",
            "Traffic returned within the hour.",
        ],
    );
    let id = import(&store, &report).await;
    let body = report.body();
    assert_eq!(store.articles_without_vectors("m1").await.unwrap(), [id]);

    // With the vector of the two sentences read as one.
    let joined = vectors(2).with_joined(vec![0.5, 0.5, 0.5, 0.5]).unwrap();
    store
        .save_sentence_vectors(id, &body, "m1", &joined)
        .await
        .unwrap();
    let back = store
        .sentence_vectors(id, &body, "m1")
        .await
        .unwrap()
        .expect("stored");
    assert_eq!(back.len(), 2);
    assert!(
        (back.row(1)[3] - 0.7).abs() < 1e-3,
        "f16 keeps the values: {:?}",
        back.row(1)
    );
    assert_eq!(
        back.joined_row(0),
        Some(&[0.5f32; 4][..]),
        "the joined row too"
    );
    assert!(store
        .articles_without_vectors("m1")
        .await
        .unwrap()
        .is_empty());

    assert_eq!(
        store
            .sentence_vectors(id, "Another body.", "m1")
            .await
            .unwrap(),
        None,
        "another body"
    );
    assert_eq!(
        store.sentence_vectors(id, &body, "m2").await.unwrap(),
        None,
        "another model"
    );
    assert_eq!(store.articles_without_vectors("m2").await.unwrap(), [id]);

    // Saving again replaces: one row per article.
    store
        .save_sentence_vectors(id, &body, "m2", &vectors(2))
        .await
        .unwrap();
    assert_eq!(store.sentence_vectors(id, &body, "m1").await.unwrap(), None);
    assert!(store
        .sentence_vectors(id, &body, "m2")
        .await
        .unwrap()
        .is_some());
}

#[tokio::test]
async fn vectors_of_a_missing_article_are_not_stored() {
    let (_dir, store) = temp_store().await;
    store
        .save_sentence_vectors(999, "Text.", "m1", &vectors(1))
        .await
        .unwrap();
    assert_eq!(
        store.sentence_vectors(999, "Text.", "m1").await.unwrap(),
        None
    );
}
