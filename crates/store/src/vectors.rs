//! Stored sentence vectors: one row per article, valid for the body, segmenter and model they
//! were computed from (see `migrations/0003_sentence_vectors.sql`).

use parallax_core::extract::content_hash;
use parallax_core::text::{SentenceVectors, SEGMENTER_VERSION};

use crate::error::StoreResult;
use crate::store::Store;
use crate::time::now_utc;

impl Store {
    /// The stored vectors of article `article_id` when they were computed from `body` by the
    /// current segmenter and the model named `model`; `None` when there are none or they are stale.
    pub async fn sentence_vectors(
        &self,
        article_id: i64,
        body: &str,
        model: &str,
    ) -> StoreResult<Option<SentenceVectors>> {
        let row: Option<(i64, Vec<u8>)> = sqlx::query_as(
            "SELECT dim, vectors FROM sentence_vectors
             WHERE article_id = $1 AND body_hash = $2 AND segmenter = $3 AND model = $4",
        )
        .bind(article_id)
        .bind(content_hash(body))
        .bind(i64::from(SEGMENTER_VERSION))
        .bind(model)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.and_then(|(dim, bytes)| {
            // A row that does not decode is treated as absent: it is recomputed and replaced.
            SentenceVectors::from_f16_bytes(usize::try_from(dim).ok()?, &bytes).ok()
        }))
    }

    /// Stores (or replaces) the vectors of article `article_id`, computed from `body` with the
    /// model named `model`. An article deleted meanwhile is skipped silently.
    pub async fn save_sentence_vectors(
        &self,
        article_id: i64,
        body: &str,
        model: &str,
        vectors: &SentenceVectors,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO sentence_vectors
                 (article_id, body_hash, segmenter, model, dim, sentences, vectors, created_at)
             SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE EXISTS (SELECT 1 FROM articles WHERE id = $9)
             ON CONFLICT (article_id) DO UPDATE SET
                 body_hash = excluded.body_hash, segmenter = excluded.segmenter,
                 model = excluded.model, dim = excluded.dim, sentences = excluded.sentences,
                 vectors = excluded.vectors, created_at = excluded.created_at",
        )
        .bind(article_id)
        .bind(content_hash(body))
        .bind(i64::from(SEGMENTER_VERSION))
        .bind(model)
        .bind(vectors.dim() as i64)
        .bind(vectors.len() as i64)
        .bind(vectors.to_f16_bytes())
        .bind(now_utc())
        .bind(article_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Ids of live articles without current vectors from model `model` (what a background pass
    /// encodes), oldest first.
    pub async fn articles_without_vectors(&self, model: &str) -> StoreResult<Vec<i64>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT a.id FROM articles a
             LEFT JOIN sentence_vectors v
                 ON v.article_id = a.id AND v.body_hash = a.content_hash AND v.segmenter = $1 AND v.model = $2
             WHERE a.deleted_at IS NULL AND v.article_id IS NULL
             ORDER BY a.id",
        )
        .bind(i64::from(SEGMENTER_VERSION))
        .bind(model)
        .fetch_all(&self.pool)
        .await?;
        Ok(ids)
    }
}
