//! Events suggested for new articles and proposed for articles in none (invented reports).

use crate::common::{article, import, temp_store};

const FERRY_A: &[&str] = &[
    "The Eastbrook harbour council approved the night ferry on Tuesday.",
    "Councillor Mara Fenwick said 1,200 passengers would use it every night.",
];
const FERRY_B: &[&str] = &[
    "Mara Fenwick, an Eastbrook councillor, said the new line would carry 1200 people a night.",
    "The harbour council's vote came after a long debate.",
];
const RESERVOIR_A: &[&str] = &[
    "The Velmar water board closed the reservoir after 41 days without rain.",
    "Its chair, Olek Brandt, said the closure would last until the rains return.",
];
const RESERVOIR_B: &[&str] = &[
    "Olek Brandt of the Velmar board said the reservoir stays shut after 41 dry days.",
    "Farmers near Velmar asked for water deliveries.",
];

#[tokio::test]
async fn a_new_article_is_offered_the_event_it_covers() {
    let (_dir, store) = temp_store().await;
    let first = import(
        &store,
        &article("Eastbrook approves night ferry", None, None, FERRY_A),
    )
    .await;
    let event = store.create_event("Eastbrook night ferry").await.unwrap();
    store.add_to_event(event.id, &[first]).await.unwrap();
    let second = import(
        &store,
        &article("Night ferry for Eastbrook", None, None, FERRY_B),
    )
    .await;
    let other = import(
        &store,
        &article("Velmar reservoir shut", None, None, RESERVOIR_A),
    )
    .await;
    let suggestions = store.suggest_events(&[second, other, first]).await.unwrap();
    assert_eq!(suggestions.len(), 1, "{suggestions:?}");
    assert_eq!(suggestions[0].article_id, second);
    assert_eq!(suggestions[0].event_id, event.id);
    assert_eq!(suggestions[0].event_title, "Eastbrook night ferry");
}

#[tokio::test]
async fn articles_in_no_event_are_proposed_in_groups() {
    let (_dir, store) = temp_store().await;
    let ferry_a = import(
        &store,
        &article("Eastbrook approves night ferry", None, None, FERRY_A),
    )
    .await;
    let reservoir_a = import(
        &store,
        &article("Velmar reservoir shut", None, None, RESERVOIR_A),
    )
    .await;
    let ferry_b = import(
        &store,
        &article("Night ferry for Eastbrook", None, None, FERRY_B),
    )
    .await;
    let reservoir_b = import(
        &store,
        &article("Drought in Velmar", None, None, RESERVOIR_B),
    )
    .await;
    let mut proposals = store.propose_events().await.unwrap();
    proposals.sort_by_key(|p| p.articles[0].id);
    let groups: Vec<(&str, Vec<(i64, &str)>)> = proposals
        .iter()
        .map(|p| {
            let articles = p.articles.iter().map(|a| (a.id, a.title.as_str()));
            (p.title.as_str(), articles.collect())
        })
        .collect();
    assert_eq!(
        groups,
        vec![
            (
                "Eastbrook approves night ferry",
                vec![
                    (ferry_a, "Eastbrook approves night ferry"),
                    (ferry_b, "Night ferry for Eastbrook")
                ]
            ),
            (
                "Velmar reservoir shut",
                vec![
                    (reservoir_a, "Velmar reservoir shut"),
                    (reservoir_b, "Drought in Velmar")
                ]
            ),
        ]
    );
    // Once grouped, they are proposed no more.
    let event = store.create_event("Ferry").await.unwrap();
    store
        .add_to_event(event.id, &[ferry_a, ferry_b])
        .await
        .unwrap();
    assert_eq!(store.propose_events().await.unwrap().len(), 1);
}
