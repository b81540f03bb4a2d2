//! Extraction: bytes of a saved file → a clean [`Article`] (title, byline, outlet, date, body).
//!
//! Placeholder implementation (plain UTF-8 text only) so the other crates can build against the
//! contract; the real extractors replace it.

use serde::{Deserialize, Serialize};

/// The format a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Html,
    Text,
    Markdown,
    Pdf,
    Docx,
}

impl SourceFormat {
    /// The lowercase name stored in the library (`html`, `text`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Text => "text",
            Self::Markdown => "markdown",
            Self::Pdf => "pdf",
            Self::Docx => "docx",
        }
    }
}

/// A clean article as extracted from one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub title: String,
    pub byline: Option<String>,
    /// The outlet's name ("The Daily Ledger").
    pub outlet: Option<String>,
    /// The outlet's domain without `www.` ("dailyledger.example").
    pub outlet_domain: Option<String>,
    /// ISO 8601: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS[Z|±HH:MM]`.
    pub published_at: Option<String>,
    pub url: Option<String>,
    pub canonical_url: Option<String>,
    /// ISO 639-1 code ("en", "ar", "ru").
    pub lang: Option<String>,
    /// Body paragraphs, clean plain text, none empty.
    pub paragraphs: Vec<String>,
    pub source_format: SourceFormat,
}

impl Article {
    /// The body as stored: paragraphs joined by a blank line.
    pub fn body(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// Why a file could not be turned into an article. Messages are shown to people as they are.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("the file is empty")]
    Empty,
    #[error("unsupported file type: {0}")]
    Unsupported(String),
    #[error("no article text found in the file")]
    NoText,
}

/// Extracts the article from a file's bytes; `file_name` (its extension) hints at the format.
pub fn extract(bytes: &[u8], file_name: &str) -> Result<Article, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ExtractError::Unsupported(file_name.into()))?;
    let mut paragraphs: Vec<String> = text
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    if paragraphs.is_empty() {
        return Err(ExtractError::NoText);
    }
    let title = paragraphs.remove(0);
    Ok(Article {
        title,
        byline: None,
        outlet: None,
        outlet_domain: None,
        published_at: None,
        url: None,
        canonical_url: None,
        lang: None,
        paragraphs,
        source_format: SourceFormat::Text,
    })
}

/// The deduplication key of a body: a hex BLAKE3 hash of its normalized text (case, spacing and
/// quote/dash variants folded), so the same article saved twice hashes the same.
pub fn content_hash(body: &str) -> String {
    let folded: String = body
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    blake3::hash(folded.as_bytes()).to_hex().to_string()
}
