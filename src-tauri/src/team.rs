//! Which library the app works on: this computer's file, or a team library chosen in the app. A
//! team library's address (host, port, database, user, TLS mode) is kept beside the local library
//! file in `team-library.json`; its password only in the system's keychain, never in a file.

use std::path::PathBuf;

use parallax_store::{LibraryAddress, TeamAddress, TlsMode};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{AppError, AppResult};

/// The file, beside the local library, that names the team library to open.
const SETTINGS_FILE: &str = "team-library.json";

/// The keychain's service name for team library passwords.
const KEYCHAIN_SERVICE: &str = "app.parallax.desktop";

/// A team library as the library switcher asks for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TeamSettings {
    /// The server's name or address.
    pub host: String,
    pub port: u16,
    pub database: String,
    pub user: String,
    pub tls: TlsChoice,
}

/// How the connection to the server is protected (PostgreSQL's `sslmode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TlsChoice {
    /// No TLS: only for a server on this computer.
    Disable,
    /// Encrypted, the server's certificate not checked.
    Require,
    /// Encrypted, the certificate checked against the system's authorities.
    VerifyCa,
    /// Encrypted, the certificate checked and the host name matched.
    VerifyFull,
}

impl TlsChoice {
    fn mode(self) -> TlsMode {
        match self {
            Self::Disable => TlsMode::Disable,
            Self::Require => TlsMode::Require,
            Self::VerifyCa => TlsMode::VerifyCa,
            Self::VerifyFull => TlsMode::VerifyFull,
        }
    }
}

impl TeamSettings {
    /// The library's address (checked: TLS unless the server is this computer), with `password`.
    pub fn address(&self, password: Option<&str>) -> AppResult<TeamAddress> {
        let blank = |what: &str| AppError::invalid(format!("a team library needs {what}"));
        let host = self.host.trim();
        let database = self.database.trim();
        let user = self.user.trim();
        if host.is_empty() {
            return Err(blank("the server's name or address"));
        }
        if database.is_empty() {
            return Err(blank("a database name"));
        }
        if user.is_empty() {
            return Err(blank("a user name"));
        }
        let mut url = url::Url::parse("postgres://placeholder")
            .map_err(|error| AppError::invalid(error.to_string()))?;
        url.set_host(Some(host)).map_err(|error| {
            AppError::invalid(format!("“{host}” is not a server name: {error}"))
        })?;
        let _ = url.set_port(Some(self.port));
        let _ = url.set_username(user);
        url.set_path(database);
        url.query_pairs_mut()
            .append_pair("sslmode", self.tls.mode().as_str());
        let address = TeamAddress::parse(url.as_str())?;
        Ok(match password.filter(|password| !password.is_empty()) {
            Some(password) => address.with_password(password),
            None => address,
        })
    }

    /// The keychain entry's account: `user@host:port/database`.
    fn keychain_account(&self) -> String {
        format!(
            "{}@{}:{}/{}",
            self.user.trim(),
            self.host.trim(),
            self.port,
            self.database.trim()
        )
    }
}

/// Where the chosen team library is written down (`None`: no home folder).
fn settings_file() -> Option<PathBuf> {
    Some(
        parallax_store::default_library_path()
            .ok()?
            .with_file_name(SETTINGS_FILE),
    )
}

/// The team library chosen in the app, if any.
pub fn saved() -> Option<TeamSettings> {
    let text = std::fs::read_to_string(settings_file()?).ok()?;
    serde_json::from_str(&text).ok()
}

/// Writes down the team library to open from now on (`None`: this computer's library).
pub fn save(settings: Option<&TeamSettings>) -> AppResult<()> {
    let file = settings_file().ok_or_else(|| {
        AppError::library("there is no home folder to keep the choice of library in")
    })?;
    let written = match settings {
        Some(settings) => {
            if let Some(folder) = file.parent() {
                let _ = std::fs::create_dir_all(folder);
            }
            let json = serde_json::to_string_pretty(settings)
                .map_err(|error| AppError::library(error.to_string()))?;
            std::fs::write(&file, json)
        }
        None => match std::fs::remove_file(&file) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
            other => other,
        },
    };
    written.map_err(|error| {
        AppError::library(format!(
            "the choice of library could not be kept in {}: {error}",
            file.display()
        ))
    })
}

/// The password kept in the keychain for `settings`, if any.
pub fn kept_password(settings: &TeamSettings) -> Option<String> {
    keyring::Entry::new(KEYCHAIN_SERVICE, &settings.keychain_account())
        .ok()?
        .get_password()
        .ok()
}

/// Keeps `password` in the system's keychain; the error says why it could not.
pub fn keep_password(settings: &TeamSettings, password: &str) -> Result<(), String> {
    keyring::Entry::new(KEYCHAIN_SERVICE, &settings.keychain_account())
        .and_then(|entry| entry.set_password(password))
        .map_err(|error| error.to_string())
}

/// Forgets the password kept for `settings` (nothing when there was none).
pub fn forget_password(settings: &TeamSettings) {
    if let Ok(entry) = keyring::Entry::new(KEYCHAIN_SERVICE, &settings.keychain_account()) {
        let _ = entry.delete_credential();
    }
}

/// The library to open at start: `PARALLAX_DB` (a path or an address), else the team library
/// chosen in the app (its password from the keychain), else `None` (this computer's library).
pub fn chosen_at_start() -> AppResult<Option<(LibraryAddress, Option<TeamSettings>)>> {
    if let Some(named) = std::env::var(parallax_service::LIBRARY_VARIABLE)
        .ok()
        .filter(|address| !address.trim().is_empty())
    {
        return Ok(Some((LibraryAddress::parse(&named)?, None)));
    }
    let Some(settings) = saved() else {
        return Ok(None);
    };
    let password = kept_password(&settings);
    let address = settings.address(password.as_deref())?;
    Ok(Some((LibraryAddress::Team(address), Some(settings))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn newsroom() -> TeamSettings {
        TeamSettings {
            host: "db.newsroom.example".into(),
            port: 5432,
            database: "parallax".into(),
            user: "ana".into(),
            tls: TlsChoice::VerifyFull,
        }
    }

    #[test]
    fn settings_make_a_checked_address_without_showing_the_password() {
        let address = newsroom().address(Some("s3cret")).unwrap();
        assert_eq!(address.host(), "db.newsroom.example");
        assert_eq!(address.tls(), TlsMode::VerifyFull);
        assert!(address.has_password());
        assert!(!address.to_string().contains("s3cret"));
        let clear = TeamSettings {
            tls: TlsChoice::Disable,
            ..newsroom()
        };
        let refused = clear.address(None).unwrap_err();
        assert!(refused.to_string().contains("TLS"), "{refused}");
        let local = TeamSettings {
            host: "127.0.0.1".into(),
            ..clear
        };
        assert_eq!(local.address(None).unwrap().tls(), TlsMode::Disable);
    }

    #[test]
    fn blank_fields_are_named() {
        let no_user = TeamSettings {
            user: " ".into(),
            ..newsroom()
        };
        assert!(no_user
            .address(None)
            .unwrap_err()
            .to_string()
            .contains("user name"));
    }

    #[test]
    fn passwords_go_to_the_keychain_and_back() {
        keyring::set_default_credential_builder(keyring::mock::default_credential_builder());
        let settings = newsroom();
        // The mock keeps nothing between entries: what it tells is that the calls are made
        // with the settings' account and do not fail.
        keep_password(&settings, "s3cret").unwrap();
        forget_password(&settings);
    }

    /// The system's own keychain keeps a password between entries and forgets it on request.
    /// Needs a keychain: `cargo xtask test` runs it in a D-Bus session of its own with
    /// gnome-keyring's Secret Service (Linux); on a desktop, `cargo test -- --ignored` does.
    #[test]
    #[ignore = "needs the system keychain (cargo xtask test provides one)"]
    fn the_system_keychain_keeps_a_password_between_entries() {
        let settings = TeamSettings {
            user: format!("keychain-test-{}", std::process::id()),
            ..newsroom()
        };
        keep_password(&settings, "s3cret %@/ ✓").expect("the keychain takes the password");
        assert_eq!(
            kept_password(&settings).as_deref(),
            Some("s3cret %@/ ✓"),
            "read back through a new entry"
        );
        forget_password(&settings);
        assert_eq!(kept_password(&settings), None, "forgotten");
    }
}
