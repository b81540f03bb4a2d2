//! Outlets: finding or creating one for an article (by domain, else by name), listing, renaming.

use sqlx::AnyConnection;

use crate::checks::changed_or_not_found;
use crate::error::{StoreError, StoreResult};
use crate::model::Outlet;
use crate::store::Store;

impl Store {
    /// Every outlet with the number of its (not deleted) articles, by name.
    pub async fn list_outlets(&self) -> StoreResult<Vec<Outlet>> {
        let outlets = sqlx::query_as(
            "SELECT o.id, o.name, o.domain, o.notes,
                    (SELECT count(*) FROM articles a WHERE a.outlet_id = o.id AND a.deleted_at IS NULL)
                        AS article_count
             FROM outlets o
             ORDER BY o.name COLLATE NOCASE, o.id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(outlets)
    }

    /// Renames an outlet (for all its articles).
    pub async fn rename_outlet(&self, id: i64, name: &str) -> StoreResult<()> {
        let name = required_name(name, "an outlet")?;
        let changed = sqlx::query("UPDATE outlets SET name = $1 WHERE id = $2")
            .bind(name)
            .bind(id)
            .execute(&self.pool)
            .await?
            .rows_affected();
        changed_or_not_found(changed, "outlet", id)
    }
}

/// A trimmed, non-empty name, or an error saying `what` needs one.
pub(crate) fn required_name<'a>(name: &'a str, what: &str) -> StoreResult<&'a str> {
    match name.trim() {
        "" => Err(StoreError::Invalid(format!("{what} needs a name"))),
        name => Ok(name),
    }
}

/// Finds the outlet with `domain` (else one named `name`), creating it when there is none.
/// Returns its id and name; `None` when both are unknown.
pub(crate) async fn upsert_outlet(
    conn: &mut AnyConnection,
    name: Option<&str>,
    domain: Option<&str>,
) -> StoreResult<Option<(i64, String)>> {
    let name = name.map(str::trim).filter(|name| !name.is_empty());
    let domain = domain
        .map(normalize_domain)
        .filter(|domain| !domain.is_empty());
    if let Some(domain) = &domain {
        let found: Option<(i64, String)> =
            sqlx::query_as("SELECT id, name FROM outlets WHERE domain = $1")
                .bind(domain)
                .fetch_optional(&mut *conn)
                .await?;
        if let Some(found) = found {
            return Ok(Some(found));
        }
    }
    if let Some(name) = name {
        // An outlet known so far only by name gets the domain, if this article brings one.
        let found: Option<(i64, String, Option<String>)> = sqlx::query_as(
            "SELECT id, name, domain FROM outlets WHERE name = $1 COLLATE NOCASE
             ORDER BY domain IS NOT NULL, id LIMIT 1",
        )
        .bind(name)
        .fetch_optional(&mut *conn)
        .await?;
        match (found, &domain) {
            (Some((id, found_name, None)), Some(domain)) => {
                sqlx::query("UPDATE outlets SET domain = $1 WHERE id = $2")
                    .bind(domain)
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
                return Ok(Some((id, found_name)));
            }
            (Some((id, found_name, _)), None) => return Ok(Some((id, found_name))),
            _ => {}
        }
    }
    let Some(display_name) = name.map(str::to_owned).or_else(|| domain.clone()) else {
        return Ok(None);
    };
    let id: i64 =
        sqlx::query_scalar("INSERT INTO outlets (name, domain) VALUES ($1, $2) RETURNING id")
            .bind(&display_name)
            .bind(&domain)
            .fetch_one(&mut *conn)
            .await?;
    Ok(Some((id, display_name)))
}

/// `WWW.Example.org.` → `example.org`.
fn normalize_domain(domain: &str) -> String {
    let domain = domain.trim().trim_end_matches('.').to_lowercase();
    domain
        .strip_prefix("www.")
        .map(str::to_owned)
        .unwrap_or(domain)
}

/// The host of an `http(s)` URL, normalized like an outlet domain; `None` for anything else.
pub(crate) fn domain_of_url(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit('@').next()?;
    let host = host_port.split(':').next()?;
    let domain = normalize_domain(host);
    (domain.contains('.') && !domain.starts_with('.')).then_some(domain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_come_from_http_urls_only() {
        assert_eq!(
            domain_of_url("https://www.Daily-Ledger.example/world/1?x=2").as_deref(),
            Some("daily-ledger.example")
        );
        assert_eq!(
            domain_of_url("http://user@news.example:8080#top").as_deref(),
            Some("news.example")
        );
        assert_eq!(domain_of_url("file:///home/a.html"), None);
        assert_eq!(domain_of_url("https://localhost/a"), None);
        assert_eq!(domain_of_url("not a url"), None);
    }

    #[test]
    fn domains_are_normalized() {
        assert_eq!(normalize_domain(" WWW.Example.ORG. "), "example.org");
    }

    #[test]
    fn names_must_not_be_blank() {
        assert!(required_name("  ", "an event").is_err());
        assert_eq!(required_name(" Flood ", "an event").unwrap(), "Flood");
    }
}
