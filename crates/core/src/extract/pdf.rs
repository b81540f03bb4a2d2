//! PDF files: the text layer via `pdf-extract` (its panics on odd files are caught), then the
//! plain-text reading of [`super::text`]. Scanned PDFs without a text layer yield no text; a file
//! cut short (no `%%EOF`) that yields none is called corrupt, not a scan.

use super::{text, Draft, ExtractError};

/// Extracts the article of a PDF file.
pub(crate) fn extract(bytes: &[u8]) -> Result<Draft, ExtractError> {
    let encrypted = super::sniff::find(bytes, b"/Encrypt").is_some();
    let outcome = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes));
    let raw = match outcome {
        Ok(Ok(raw)) => raw,
        Ok(Err(_)) | Err(_) if encrypted => return Err(ExtractError::PasswordProtected("PDF")),
        Ok(Err(e)) => return Err(ExtractError::CorruptPdf(e.to_string())),
        Err(_) => {
            return Err(ExtractError::CorruptPdf(
                "its structure could not be read".into(),
            ))
        }
    };
    let joined = join_wrapped_lines(&raw);
    let mut draft = text::extract(&joined, false);
    if draft.paragraphs.is_empty() && draft.title.is_empty() {
        // A file cut short reads as empty too: say which it is when the bytes tell.
        if super::sniff::find(bytes, b"%%EOF").is_none() {
            return Err(ExtractError::CorruptPdf(
                "the file is cut short (it has no end marker)".into(),
            ));
        }
        return Err(ExtractError::NoTextLayer);
    }
    draft.paragraphs.retain(|p| !is_page_number(p));
    Ok(draft)
}

/// Rebuilds paragraphs from the text layer's lines (pdf-extract separates every line, often with
/// blank lines): a line continues the previous one when that one ends mid-sentence and this one
/// starts in lower case (or after a hyphen or comma); end-of-line hyphenation is undone.
fn join_wrapped_lines(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut previous: Option<&str> = None;
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(prev) = previous {
            let starts_lower = line.chars().next().is_some_and(char::is_lowercase);
            let hyphenated = prev.ends_with('-') && !prev.ends_with(" -");
            let continues =
                !super::clutter::ends_sentence(prev) && (starts_lower || prev.ends_with(','));
            if hyphenated && starts_lower {
                out.pop();
            } else if continues || hyphenated {
                out.push(' ');
            } else {
                out.push_str("\n\n");
            }
        }
        out.push_str(line);
        previous = Some(line);
    }
    out
}

fn is_page_number(p: &str) -> bool {
    let t = p.trim().trim_start_matches("Page").trim();
    !t.is_empty()
        && t.len() <= 12
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '/' || c == 'o' || c == 'f')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_and_hyphens_are_rejoined() {
        assert_eq!(
            join_wrapped_lines("The har-\nbour opens\ntoday.\n\nNext one."),
            "The harbour opens today.\n\nNext one."
        );
    }
}
