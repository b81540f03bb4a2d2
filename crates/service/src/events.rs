//! Grouping reports into events as every face offers it: the proposals for the articles in no
//! event (each with its articles' titles and outlets), made into events on request, and the events
//! a batch of new imports may belong to.

use parallax_store::{Event, EventSuggestion, Store};
/// An event proposed for articles in no event, with what a person needs to judge it.
pub use parallax_store::{EventProposal as ProposedEvent, ProposedArticle};

use crate::error::ServiceResult;

/// The events proposed for the articles in no event ("Group by event"), each with its articles'
/// titles and outlets (read with the proposal, in one query).
pub async fn propose_events(store: &Store) -> ServiceResult<Vec<ProposedEvent>> {
    Ok(store.propose_events().await?)
}

/// Makes each proposal an event of its title holding its articles; returns the events made.
pub async fn create_proposed(
    store: &Store,
    proposals: &[ProposedEvent],
) -> ServiceResult<Vec<Event>> {
    let mut created = Vec::with_capacity(proposals.len());
    for proposal in proposals {
        let event = store.create_event(&proposal.title).await?;
        let ids: Vec<i64> = proposal.articles.iter().map(|a| a.id).collect();
        store.add_to_event(event.id, &ids).await?;
        created.push(store.event(event.id).await?);
    }
    Ok(created)
}

/// The events the articles `imported` (a batch just imported) may belong to; none for an empty
/// batch.
pub async fn suggest_for_imports(
    store: &Store,
    imported: &[i64],
) -> ServiceResult<Vec<EventSuggestion>> {
    if imported.is_empty() {
        return Ok(Vec::new());
    }
    Ok(store.suggest_events(imported).await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_store::ListQuery;

    /// (outlet, title, body) of four invented reports: two of a ferry vote, two of a reservoir.
    const REPORTS: [(&str, &str, &str); 4] = [
        (
            "Northline Observer",
            "Eastbrook approves night ferry",
            "The Eastbrook harbour council approved the night ferry on Tuesday. Councillor Mara \
             Fenwick said 1,200 passengers would use it every night.",
        ),
        (
            "Velmar Post",
            "Velmar reservoir shut",
            "The Velmar water board closed the reservoir after 41 days without rain. Its chair, \
             Olek Brandt, said the closure would last until the rains return.",
        ),
        (
            "Bay Courier",
            "Night ferry for Eastbrook",
            "Mara Fenwick, an Eastbrook councillor, said the new line would carry 1200 people a \
             night. The harbour council's vote came after a long debate.",
        ),
        (
            "Valley Herald",
            "Drought in Velmar",
            "Olek Brandt of the Velmar board said the reservoir stays shut after 41 dry days. \
             Farmers near Velmar asked for water deliveries.",
        ),
    ];

    #[tokio::test]
    async fn proposals_name_their_articles_and_become_events_on_request() {
        let store = Store::open_in_memory().await.unwrap();
        for (i, (outlet, title, body)) in REPORTS.iter().enumerate() {
            let page = format!(
                "<html><head><title>{title}</title>\
                 <meta property=\"og:site_name\" content=\"{outlet}\"></head>\
                 <body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
            );
            store
                .import_bytes(page.into_bytes(), &format!("report-{i}.html"), None)
                .await
                .unwrap();
        }
        let proposals = propose_events(&store).await.unwrap();
        assert_eq!(proposals.len(), 2, "{proposals:?}");
        let ferry = proposals
            .iter()
            .find(|p| p.title.contains("ferry"))
            .expect("the ferry reports together");
        let outlets: Vec<_> = ferry.articles.iter().map(|a| a.outlet.as_deref()).collect();
        assert_eq!(
            outlets,
            [Some("Northline Observer"), Some("Bay Courier")],
            "each article named with its outlet"
        );
        let created = create_proposed(&store, &proposals).await.unwrap();
        assert_eq!(created[0].title, proposals[0].title);
        let query = ListQuery {
            event_id: Some(created[0].id),
            ..ListQuery::default()
        };
        assert_eq!(store.count_listed(&query).await.unwrap(), 2);
        assert_eq!(created.len(), 2);
        assert!(
            propose_events(&store).await.unwrap().is_empty(),
            "all grouped"
        );
        assert!(suggest_for_imports(&store, &[]).await.unwrap().is_empty());
    }
}
