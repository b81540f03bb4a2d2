//! Reading and correcting the library's articles as every face shows them: a page of the list
//! with its counts, a search with its bound, one article with its provenance and versions.

use parallax_store::{
    ArticleDetail, ArticleSummary, FetchRecord, ListQuery, MetadataUpdate, SearchHit, Store,
};

use crate::error::ServiceResult;

/// The most rows given for one page of the list.
pub const MAX_PAGE: u32 = 1_000;

/// The most search results given at once.
pub const MAX_SEARCH_RESULTS: u32 = 1_000;

/// One page of a list, with how many articles the whole list holds and the library's size.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticlePage {
    pub articles: Vec<ArticleSummary>,
    pub offset: u32,
    /// Articles in the list asked for (the library, or one event).
    pub listed: i64,
    /// Articles in the library.
    pub total: i64,
}

/// The page of the list `query` describes (from its offset, at most its limit of rows: all when
/// it has none; a face that pages bounds it by [`MAX_PAGE`]). An event that is gone (a colleague
/// deleted it) lists nothing; a face that must say so asks [`Store::event`] first.
pub async fn list_page(store: &Store, query: &ListQuery) -> ServiceResult<ArticlePage> {
    let articles = store.list_articles(query).await?;
    let listed = store.count_listed(query).await?;
    let total = if query.event_id.is_none() && query.outlet_id.is_none() {
        listed
    } else {
        store.count_articles().await?
    };
    Ok(ArticlePage {
        articles,
        offset: query.offset,
        listed,
        total,
    })
}

/// Full-text search over titles and bodies: the best matches first, at most `limit` of them
/// (bounded by [`MAX_SEARCH_RESULTS`]).
pub async fn search(store: &Store, text: &str, limit: u32) -> ServiceResult<Vec<SearchHit>> {
    Ok(store.search(text, limit.min(MAX_SEARCH_RESULTS)).await?)
}

/// One article as a reader sees it: its text and metadata, where and when it was fetched (for an
/// article imported from a web address) and the ids of every version of it, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleRecord {
    pub detail: ArticleDetail,
    pub fetch: Option<FetchRecord>,
    pub versions: Vec<i64>,
}

/// The article `id` with its provenance and versions.
pub async fn article_record(store: &Store, id: i64) -> ServiceResult<ArticleRecord> {
    let detail = store.article(id).await?;
    record_of(store, detail).await
}

/// Corrects an article's metadata (refused when `edit` carries a version a colleague has moved
/// on from); returns the article as now stored.
pub async fn update_article(
    store: &Store,
    id: i64,
    edit: &MetadataUpdate,
) -> ServiceResult<ArticleRecord> {
    let detail = store.update_metadata(id, edit).await?;
    record_of(store, detail).await
}

async fn record_of(store: &Store, detail: ArticleDetail) -> ServiceResult<ArticleRecord> {
    let fetch = store.fetch_record(detail.id).await?;
    let versions = store
        .versions_of(detail.id)
        .await?
        .iter()
        .map(|v| v.id)
        .collect();
    Ok(ArticleRecord {
        detail,
        fetch,
        versions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn library_of(texts: &[&str]) -> Store {
        let store = Store::open_in_memory().await.unwrap();
        for (i, text) in texts.iter().enumerate() {
            store
                .import_bytes(text.as_bytes().to_vec(), &format!("report-{i}.txt"), None)
                .await
                .unwrap();
        }
        store
    }

    #[tokio::test]
    async fn a_page_of_an_event_counts_the_event_and_the_library() {
        let store = library_of(&[
            "The harbour ferry sailed at dawn with forty passengers aboard.",
            "A storm closed the mountain pass for the second day running.",
            "The city council approved the new tram line after a long debate.",
        ])
        .await;
        let event = store.create_event("Harbour").await.unwrap();
        let ids = store.list_ids(&ListQuery::default()).await.unwrap();
        store.add_to_event(event.id, &ids[..2]).await.unwrap();
        let query = ListQuery {
            event_id: Some(event.id),
            offset: 1,
            limit: Some(5),
            ..ListQuery::default()
        };
        let page = list_page(&store, &query).await.unwrap();
        assert_eq!((page.offset, page.listed, page.total), (1, 2, 3));
        assert_eq!(page.articles.len(), 1, "the second of the event's two");
        let query = ListQuery {
            limit: Some(2),
            ..ListQuery::default()
        };
        let whole = list_page(&store, &query).await.unwrap();
        assert_eq!((whole.articles.len(), whole.listed, whole.total), (2, 3, 3));
    }

    #[tokio::test]
    async fn the_page_of_an_event_that_is_gone_is_empty() {
        let store = library_of(&["The harbour ferry sailed at dawn with forty passengers."]).await;
        let query = ListQuery {
            event_id: Some(41),
            ..ListQuery::default()
        };
        let page = list_page(&store, &query).await.unwrap();
        assert_eq!((page.articles.len(), page.listed, page.total), (0, 0, 1));
    }

    #[tokio::test]
    async fn a_record_lists_the_versions_and_an_edit_returns_the_new_metadata() {
        let store =
            library_of(&["The harbour ferry sailed at dawn with forty passengers aboard."]).await;
        let id = store.list_ids(&ListQuery::default()).await.unwrap()[0];
        let record = article_record(&store, id).await.unwrap();
        assert_eq!(record.versions, vec![id]);
        assert_eq!(record.fetch, None, "imported from a file");
        let edit = MetadataUpdate {
            outlet: Some("The Harbour Gazette".into()),
            ..MetadataUpdate::default()
        };
        let edited = update_article(&store, id, &edit).await.unwrap();
        assert_eq!(edited.detail.outlet.as_deref(), Some("The Harbour Gazette"));
        assert_eq!(edited.versions, vec![id]);
    }
}
