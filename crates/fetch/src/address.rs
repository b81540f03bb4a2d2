//! Web addresses as people paste them: parsed (http and https only) and put in one canonical form
//! for "already in the library".

use reqwest::Url;

use crate::FetchError;

/// Query parameters that only track where a reader came from; dropped from canonical addresses.
const TRACKING_PARAMETERS: &[&str] = &["fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid"];

/// True when `text` (one line, trimmed) reads as a web address to fetch: `http://…` or
/// `https://…`, or a bare `www.…` host.
pub fn is_address(text: &str) -> bool {
    let text = text.trim();
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www."))
        && !text.contains(char::is_whitespace)
}

/// Parses a web address. A bare `www.…` host is taken as `https://www.…`; any other scheme than
/// http and https is refused, as is an address without a host.
pub fn parse_address(text: &str) -> Result<Url, FetchError> {
    let text = text.trim();
    let invalid = || FetchError::InvalidAddress {
        address: text.to_owned(),
    };
    let with_scheme = if text
        .get(..4)
        .is_some_and(|w| w.eq_ignore_ascii_case("www."))
    {
        format!("https://{text}")
    } else {
        text.to_owned()
    };
    let url = Url::parse(&with_scheme).map_err(|_| invalid())?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(FetchError::Scheme {
            address: text.to_owned(),
            scheme: url.scheme().to_owned(),
        });
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(invalid());
    }
    Ok(url)
}

/// The form an address is compared in: no fragment, no tracking parameters (`utm_*`, `fbclid`…),
/// lower-case scheme and host, no default port (as [`Url`] writes them).
pub fn canonical_address(url: &Url) -> String {
    let mut url = url.clone();
    url.set_fragment(None);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(name, _)| {
            !name.starts_with("utm_") && !TRACKING_PARAMETERS.contains(&name.as_ref())
        })
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    url.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_recognised_in_pasted_lines() {
        assert!(is_address("https://harbour.example/ferry"));
        assert!(is_address("  HTTP://harbour.example "));
        assert!(is_address("www.harbour.example/ferry"));
        assert!(!is_address("The ferry sailed at dawn."));
        assert!(!is_address("https://harbour.example/a b"));
        assert!(!is_address("ftp://harbour.example/file"));
    }

    #[test]
    fn only_http_and_https_are_fetched() {
        assert!(parse_address("https://harbour.example/ferry").is_ok());
        assert_eq!(
            parse_address("www.harbour.example/x").map(|u| u.to_string()),
            Ok("https://www.harbour.example/x".to_string())
        );
        assert!(matches!(
            parse_address("file:///etc/passwd"),
            Err(FetchError::Scheme { .. })
        ));
        assert!(matches!(
            parse_address("javascript:alert(1)"),
            Err(FetchError::Scheme { .. })
        ));
        assert!(matches!(
            parse_address("not an address"),
            Err(FetchError::InvalidAddress { .. })
        ));
    }

    #[test]
    fn canonical_addresses_drop_fragments_and_tracking() {
        let url =
            parse_address("HTTPS://Harbour.Example:443/ferry?id=7&utm_source=x&fbclid=y#comments")
                .unwrap();
        assert_eq!(
            canonical_address(&url),
            "https://harbour.example/ferry?id=7"
        );
        let url = parse_address("https://harbour.example/ferry?utm_medium=social").unwrap();
        assert_eq!(canonical_address(&url), "https://harbour.example/ferry");
    }
}
