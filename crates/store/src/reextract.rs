//! Re-running extraction on an article's kept original file (after the extractors improved).

use std::path::Path;

use parallax_core::extract;

use crate::checks::{require_row, LIVE_ARTICLE};
use crate::error::{StoreError, StoreResult};
use crate::import::word_count;
use crate::model::ArticleDetail;
use crate::store::Store;

impl Store {
    /// Extracts the article again from its original bytes and replaces the extracted text: body,
    /// content hash, word count, byline, language, canonical URL and format. What a person may
    /// have corrected (title, outlet, date, URL) and event membership stay as they are.
    /// Fails when no original was kept, when extraction fails, or when the new text equals
    /// another article's.
    pub async fn reextract_article(&self, id: i64) -> StoreResult<ArticleDetail> {
        let row: Option<(Option<Vec<u8>>, Option<String>, String)> = sqlx::query_as(
            "SELECT original, source_path, source_format FROM articles WHERE id = $1 AND deleted_at IS NULL",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let (original, source_path, source_format) = row.ok_or(StoreError::NotFound {
            what: "article",
            id,
        })?;
        let original = original.ok_or_else(|| {
            StoreError::Invalid(format!(
                "article #{id} has no original file kept, so it cannot be re-read"
            ))
        })?;
        let file_name = file_name_for(source_path.as_deref(), &source_format);
        let article = tokio::task::spawn_blocking(move || extract::extract(&original, &file_name))
            .await
            .map_err(|error| StoreError::Task(error.to_string()))?
            .map_err(|error| {
                StoreError::Invalid(format!("article #{id} could not be re-read: {error}"))
            })?;
        let body = article.body();
        let hash = extract::content_hash(&body);

        let mut tx = self.begin_write().await?;
        require_row(&mut tx, LIVE_ARTICLE, "article", id).await?;
        let same_text: Option<i64> =
            sqlx::query_scalar("SELECT id FROM articles WHERE content_hash = $1 AND id != $2")
                .bind(&hash)
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(other) = same_text {
            return Err(StoreError::Invalid(format!(
                "re-read, article #{id} has the same text as article #{other}; nothing was changed"
            )));
        }
        sqlx::query(
            "UPDATE articles SET body = $1, content_hash = $2, word_count = $3, byline = $4, lang = $5,
                 canonical_url = $6, source_format = $7
             WHERE id = $8",
        )
        .bind(&body)
        .bind(&hash)
        .bind(word_count(&body))
        .bind(&article.byline)
        .bind(&article.lang)
        .bind(&article.canonical_url)
        .bind(article.source_format.as_str())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.article(id).await
    }
}

/// The name handed to the extractor as a format hint: the source file's name, else one made
/// from the stored format.
fn file_name_for(source_path: Option<&str>, source_format: &str) -> String {
    if let Some(name) = source_path.and_then(|path| Path::new(path).file_name()) {
        return name.to_string_lossy().into_owned();
    }
    let extension = match source_format {
        "text" => "txt",
        "markdown" => "md",
        other => other,
    };
    format!("original.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_hint_comes_from_the_path_or_the_format() {
        assert_eq!(
            file_name_for(Some("/in/Report.HTML"), "html"),
            "Report.HTML"
        );
        assert_eq!(file_name_for(None, "markdown"), "original.md");
        assert_eq!(file_name_for(None, "pdf"), "original.pdf");
    }
}
