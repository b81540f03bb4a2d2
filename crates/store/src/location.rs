//! Where a library lives: a SQLite file on this computer (by default the desktop app's data
//! folder) or a team's PostgreSQL database, told apart by the address a person gives.

use std::fmt;
use std::net::IpAddr;
use std::path::PathBuf;

use url::Url;

use crate::error::{StoreError, StoreResult};

/// The desktop app's identifier; its data folder is named after it.
pub const APP_IDENTIFIER: &str = "app.parallax.desktop";

/// The file name of the library database inside the data folder.
pub const LIBRARY_FILE_NAME: &str = "library.sqlite";

/// `<data dir>/app.parallax.desktop/library.sqlite`: the library the desktop app uses, so the
/// command line and the app share it. The data dir is `$XDG_DATA_HOME` (or `~/.local/share`) on
/// Linux, `~/Library/Application Support` on macOS and `%APPDATA%` on Windows — the same folder as
/// Tauri's `app_data_dir()` for this identifier.
pub fn default_library_path() -> StoreResult<PathBuf> {
    let base = directories::BaseDirs::new().ok_or(StoreError::NoDataDir)?;
    Ok(base.data_dir().join(APP_IDENTIFIER).join(LIBRARY_FILE_NAME))
}

/// A library's address: a file path, or `postgres://user@host:port/database?sslmode=…`.
#[derive(Clone, PartialEq, Eq)]
pub enum LibraryAddress {
    /// A SQLite file on this computer.
    File(PathBuf),
    /// A team library on a PostgreSQL server.
    Team(TeamAddress),
}

impl LibraryAddress {
    /// Reads an address: `postgres://` or `postgresql://` names a team library (checked: a host
    /// and a database, TLS unless the server is this computer), anything else is a file path.
    pub fn parse(text: &str) -> StoreResult<Self> {
        let trimmed = text.trim();
        let lower = trimmed.to_ascii_lowercase();
        if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            return TeamAddress::parse(trimmed).map(Self::Team);
        }
        if trimmed.is_empty() {
            return Err(StoreError::Invalid("no library address was given".into()));
        }
        Ok(Self::File(PathBuf::from(trimmed)))
    }
}

impl fmt::Display for LibraryAddress {
    /// The address as a person may see it: a team address never shows its password.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::File(path) => write!(f, "{}", path.display()),
            Self::Team(team) => team.fmt(f),
        }
    }
}

impl fmt::Debug for LibraryAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// How a team library's connection is protected, as PostgreSQL's `sslmode` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TlsMode {
    /// No TLS: allowed only when the server is this computer.
    Disable,
    /// TLS, the server's certificate not checked.
    Require,
    /// TLS, the certificate checked against the system's authorities.
    VerifyCa,
    /// TLS, the certificate checked and the host name matched.
    VerifyFull,
}

impl TlsMode {
    /// The `sslmode` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Disable => "disable",
            Self::Require => "require",
            Self::VerifyCa => "verify-ca",
            Self::VerifyFull => "verify-full",
        }
    }
}

/// A PostgreSQL address, checked: it names a host and a database, and its connection is
/// encrypted unless the server is on this computer (loopback or a local socket).
#[derive(Clone, PartialEq, Eq)]
pub struct TeamAddress {
    url: Url,
}

impl TeamAddress {
    /// Reads and checks a `postgres://` address. Without `sslmode`, a remote server gets
    /// `require` and this computer `disable`; `prefer`, `allow` and `disable` are refused for a
    /// remote server, since they let the password and the library travel in clear.
    pub fn parse(text: &str) -> StoreResult<Self> {
        let invalid = |why: &str| StoreError::Invalid(format!("not a team library address: {why}"));
        let mut url = Url::parse(text).map_err(|e| invalid(&e.to_string()))?;
        if !matches!(url.scheme(), "postgres" | "postgresql") {
            return Err(invalid("it must start with postgres://"));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(invalid(
                "it names no server (postgres://user@host/database)",
            ));
        }
        if url.path().trim_start_matches('/').is_empty() {
            return Err(invalid(
                "it names no database (postgres://user@host/database)",
            ));
        }
        // The server, the database, the user and the password are read from the address's own
        // parts only: a query parameter that names another server (`?host=`) would get around the
        // TLS rule below, and a password there would be shown with the address.
        if let Some((key, _)) = url.query_pairs().find(|(key, _)| {
            matches!(
                key.as_ref(),
                "host" | "hostaddr" | "port" | "dbname" | "user" | "password"
            )
        }) {
            return Err(invalid(&format!(
                "give the {key} in the address itself (postgres://user@host:port/database), not \
                 as ?{key}="
            )));
        }
        let given = url
            .query_pairs()
            .find(|(key, _)| key == "sslmode")
            .map(|(_, value)| value.into_owned());
        let local = is_loopback(url.host_str().unwrap_or_default());
        let mode = match given.as_deref() {
            None if local => TlsMode::Disable,
            None | Some("require") => TlsMode::Require,
            Some("verify-ca") => TlsMode::VerifyCa,
            Some("verify-full") => TlsMode::VerifyFull,
            Some("disable" | "allow" | "prefer") if local => TlsMode::Disable,
            Some("disable" | "allow" | "prefer") => {
                return Err(StoreError::Invalid(format!(
                    "a team library on another computer is reached over TLS only: use \
                     sslmode=require, verify-ca or verify-full instead of sslmode={}",
                    given.unwrap_or_default()
                )))
            }
            Some(other) => return Err(invalid(&format!("unknown sslmode {other}"))),
        };
        let others: Vec<(String, String)> = url
            .query_pairs()
            .filter(|(key, _)| key != "sslmode")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        url.query_pairs_mut()
            .clear()
            .extend_pairs(others)
            .append_pair("sslmode", mode.as_str());
        Ok(Self { url })
    }

    /// The address with `password` set (from the keychain, say).
    ///
    /// The password is percent-encoded, so that a `%`, `@` or `/` in it reaches the server as typed.
    pub fn with_password(mut self, password: &str) -> Self {
        let encoded: String = url::form_urlencoded::byte_serialize(password.as_bytes())
            .collect::<String>()
            .replace('+', "%20");
        let _ = self.url.set_password(Some(&encoded));
        self
    }

    /// The server's host name or address.
    pub fn host(&self) -> &str {
        self.url.host_str().unwrap_or_default()
    }

    /// The server's port (5432 unless given).
    pub fn port(&self) -> u16 {
        self.url.port().unwrap_or(5432)
    }

    /// The database's name.
    pub fn database(&self) -> &str {
        self.url.path().trim_start_matches('/')
    }

    /// The user name, when given.
    pub fn user(&self) -> Option<&str> {
        Some(self.url.username()).filter(|user| !user.is_empty())
    }

    /// Whether the address carries a password.
    pub fn has_password(&self) -> bool {
        self.url.password().is_some()
    }

    /// How the connection is protected.
    pub fn tls(&self) -> TlsMode {
        match self
            .url
            .query_pairs()
            .find(|(key, _)| key == "sslmode")
            .as_ref()
            .map(|(_, value)| value.as_ref())
        {
            Some("require") => TlsMode::Require,
            Some("verify-ca") => TlsMode::VerifyCa,
            Some("verify-full") => TlsMode::VerifyFull,
            _ => TlsMode::Disable,
        }
    }

    /// The address a client connects with: `application_name` names it to the server (and in
    /// its change notices, so a client is not told of its own changes).
    pub(crate) fn for_client(mut self, client: &str) -> Self {
        let others: Vec<(String, String)> = self
            .url
            .query_pairs()
            .filter(|(key, _)| key != "application_name")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        self.url
            .query_pairs_mut()
            .clear()
            .extend_pairs(others)
            .append_pair("application_name", client);
        self
    }

    /// The client name set by [`TeamAddress::for_client`] (empty when none).
    pub(crate) fn client_name(&self) -> String {
        self.url
            .query_pairs()
            .find(|(key, _)| key == "application_name")
            .map(|(_, value)| value.into_owned())
            .unwrap_or_default()
    }

    /// The full address, password included: for the connection only, never for display.
    pub(crate) fn connection_url(&self) -> &Url {
        &self.url
    }
}

impl fmt::Display for TeamAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut shown = self.url.clone();
        if shown.password().is_some() {
            let _ = shown.set_password(Some("***"));
        }
        f.write_str(shown.as_str())
    }
}

impl fmt::Debug for TeamAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Whether a host is this computer: `localhost` or a loopback address.
fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    bare.eq_ignore_ascii_case("localhost")
        || bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_team_addresses_are_told_apart() {
        assert!(matches!(
            LibraryAddress::parse("/home/ana/library.sqlite").unwrap(),
            LibraryAddress::File(_)
        ));
        let team = LibraryAddress::parse("postgresql://ana@db.newsroom.example/parallax").unwrap();
        let LibraryAddress::Team(team) = team else {
            panic!("a team address");
        };
        assert_eq!(team.host(), "db.newsroom.example");
        assert_eq!(team.database(), "parallax");
        assert_eq!(team.user(), Some("ana"));
        assert_eq!(
            team.tls(),
            TlsMode::Require,
            "a remote server gets TLS by default"
        );
    }

    #[test]
    fn a_remote_server_without_tls_is_refused() {
        for mode in ["disable", "allow", "prefer"] {
            let error = TeamAddress::parse(&format!(
                "postgres://ana@db.newsroom.example/parallax?sslmode={mode}"
            ))
            .unwrap_err();
            assert!(error.to_string().contains("TLS"), "{error}");
        }
        let local = TeamAddress::parse("postgres://ana@127.0.0.1:5544/parallax").unwrap();
        assert_eq!(local.tls(), TlsMode::Disable);
        let local = TeamAddress::parse("postgres://ana@localhost/parallax?sslmode=prefer").unwrap();
        assert_eq!(local.tls(), TlsMode::Disable);
    }

    #[test]
    fn query_parameters_cannot_name_another_server_or_carry_a_password() {
        for query in [
            "host=db.newsroom.example",
            "hostaddr=10.0.0.9",
            "password=s3cret",
        ] {
            let error = TeamAddress::parse(&format!("postgres://ana@localhost/parallax?{query}"))
                .unwrap_err();
            assert!(
                error.to_string().contains("in the address itself"),
                "{error}"
            );
            assert!(!error.to_string().contains("s3cret"), "{error}");
        }
    }

    #[test]
    fn a_password_reaches_the_server_as_typed() {
        let team = TeamAddress::parse("postgres://ana@127.0.0.1/parallax")
            .unwrap()
            .with_password("ab%41 @/x");
        let sent = team.connection_url().password().unwrap();
        let decoded = url::form_urlencoded::parse(format!("p={sent}").as_bytes())
            .next()
            .map(|(_, value)| value.into_owned());
        assert_eq!(
            decoded.as_deref(),
            Some("ab%41 @/x"),
            "sqlx decodes what it is given"
        );
    }

    #[test]
    fn a_password_is_never_shown() {
        let team = TeamAddress::parse("postgres://ana:s3cret@127.0.0.1/parallax").unwrap();
        assert!(team.has_password());
        assert!(!team.to_string().contains("s3cret"), "{team}");
        assert!(!format!("{:?}", LibraryAddress::Team(team.clone())).contains("s3cret"));
        assert!(team.connection_url().as_str().contains("s3cret"));
    }

    #[test]
    fn incomplete_addresses_say_what_is_missing() {
        let no_db = TeamAddress::parse("postgres://ana@127.0.0.1").unwrap_err();
        assert!(no_db.to_string().contains("database"), "{no_db}");
        let bad = TeamAddress::parse("postgres://ana@127.0.0.1/p?sslmode=sometimes").unwrap_err();
        assert!(bad.to_string().contains("sslmode"), "{bad}");
    }
}
