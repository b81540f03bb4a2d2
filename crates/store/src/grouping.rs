//! Events suggested for imported articles and proposed for articles in none, from what the
//! articles say (see `parallax_core::events`): their rare names and numbers, their meaning when
//! their sentence vectors are stored, and their publication dates.

use parallax_core::events::{self, Fingerprint, TermWeights};
use parallax_core::text::encoder::MODEL_NAME;
use serde::{Deserialize, Serialize};

use crate::error::StoreResult;
use crate::store::Store;

/// The most articles in no event that one "Group by event" looks at (the newest first): the
/// grouping compares every two of them.
pub const MAX_UNGROUPED: usize = 300;

/// An event offered for an article that is in none: it covers what the event's reports cover.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventSuggestion {
    pub article_id: i64,
    pub event_id: i64,
    pub event_title: String,
    /// How alike the article and the event's closest report are, 0 to 1.
    pub score: f32,
}

/// A proposed event: articles in no event that cover one event, and a title to start from (the
/// earliest article's).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventProposal {
    pub title: String,
    /// The articles, earliest published first.
    pub articles: Vec<ProposedArticle>,
}

/// One article of an [`EventProposal`], with what a person needs to judge the proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposedArticle {
    pub id: i64,
    pub title: String,
    pub outlet: Option<String>,
}

/// An article as the grouping reads it.
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    title: String,
    body: String,
    published_at: Option<String>,
    /// The outlet's name (read for proposals only).
    #[sqlx(default)]
    outlet: Option<String>,
}

impl Store {
    /// For each of `article_ids` that is in no event, the event it most likely covers, when one
    /// is alike enough ([`events::SAME_EVENT`]).
    pub async fn suggest_events(&self, article_ids: &[i64]) -> StoreResult<Vec<EventSuggestion>> {
        let members: Vec<(i64, String, Row)> = {
            let rows: Vec<(i64, String, i64, String, String, Option<String>)> = sqlx::query_as(
                "SELECT e.id, e.title, a.id, a.title, a.body, a.published_at
                 FROM events e
                 JOIN event_articles ea ON ea.event_id = e.id
                 JOIN articles a ON a.id = ea.article_id AND a.deleted_at IS NULL
                 ORDER BY e.id, a.id",
            )
            .fetch_all(&self.pool)
            .await?;
            rows.into_iter()
                .map(|(event, event_title, id, title, body, published_at)| {
                    (
                        event,
                        event_title,
                        Row {
                            id,
                            title,
                            body,
                            published_at,
                            outlet: None,
                        },
                    )
                })
                .collect()
        };
        if members.is_empty() {
            return Ok(Vec::new());
        }
        let mut candidates = Vec::new();
        for &id in article_ids {
            let row: Option<Row> = sqlx::query_as(
                "SELECT id, title, body, published_at FROM articles
                 WHERE id = $1 AND deleted_at IS NULL
                   AND NOT EXISTS (SELECT 1 FROM event_articles WHERE article_id = articles.id)",
            )
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
            if let Some(row) = row {
                candidates.push(row);
            }
        }
        if candidates.is_empty() {
            return Ok(Vec::new());
        }
        let mut events: Vec<(i64, String, Vec<Fingerprint>)> = Vec::new();
        for (event, title, row) in &members {
            let print = self.fingerprint(row).await?;
            match events.last_mut() {
                Some((id, _, prints)) if id == event => prints.push(print),
                _ => events.push((*event, title.clone(), vec![print])),
            }
        }
        let mut prints = Vec::new();
        for row in &candidates {
            prints.push(self.fingerprint(row).await?);
        }
        let weights = TermWeights::over(
            events
                .iter()
                .flat_map(|(_, _, p)| p.iter())
                .chain(prints.iter()),
        );
        let by_id: Vec<(i64, Vec<Fingerprint>)> =
            events.iter().map(|(id, _, p)| (*id, p.clone())).collect();
        Ok(candidates
            .iter()
            .zip(&prints)
            .filter_map(|(row, print)| {
                let (event_id, score) = events::suggest_event(print, &by_id, &weights)?;
                let event_title = events
                    .iter()
                    .find(|(id, _, _)| *id == event_id)
                    .map(|(_, t, _)| t.clone())?;
                Some(EventSuggestion {
                    article_id: row.id,
                    event_id,
                    event_title,
                    score,
                })
            })
            .collect())
    }

    /// Events proposed for the articles in no event (the newest [`MAX_UNGROUPED`]): groups of
    /// two or more that cover one event, largest first, each with a title to start from.
    pub async fn propose_events(&self) -> StoreResult<Vec<EventProposal>> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT a.id, a.title, a.body, a.published_at, o.name AS outlet
             FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE a.deleted_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM event_articles WHERE article_id = a.id)
             ORDER BY a.imported_at DESC, a.id DESC
             LIMIT $1",
        )
        .bind(MAX_UNGROUPED as i64)
        .fetch_all(&self.pool)
        .await?;
        let mut prints = Vec::with_capacity(rows.len());
        for row in &rows {
            prints.push(self.fingerprint(row).await?);
        }
        let weights = TermWeights::over(&prints);
        Ok(events::propose_events(&prints, &weights)
            .into_iter()
            .map(|group| {
                let mut members: Vec<&Row> = group.iter().map(|&i| &rows[i]).collect();
                members.sort_by(|a, b| {
                    (a.published_at.is_none(), &a.published_at, a.id).cmp(&(
                        b.published_at.is_none(),
                        &b.published_at,
                        b.id,
                    ))
                });
                EventProposal {
                    title: members.first().map(|m| m.title.clone()).unwrap_or_default(),
                    articles: members
                        .iter()
                        .map(|m| ProposedArticle {
                            id: m.id,
                            title: m.title.clone(),
                            outlet: m.outlet.clone(),
                        })
                        .collect(),
                }
            })
            .collect())
    }

    /// An article's fingerprint, with its meaning when its sentence vectors are stored.
    async fn fingerprint(&self, row: &Row) -> StoreResult<Fingerprint> {
        let vectors = self.sentence_vectors(row.id, &row.body, MODEL_NAME).await?;
        Ok(Fingerprint::new(
            &row.title,
            &row.body,
            row.published_at.as_deref(),
            vectors.as_ref(),
        ))
    }
}
