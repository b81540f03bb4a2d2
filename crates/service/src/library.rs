//! Opening a library for a face: a file or a team library by its address, with the name this
//! computer's user makes changes under.

use parallax_store::{LibraryAddress, Store};

use crate::error::ServiceResult;

/// The environment variable naming the library (a path or `postgres://…`), read by both faces.
pub const LIBRARY_VARIABLE: &str = "PARALLAX_DB";

/// The environment variable naming who makes the changes (else the system's user name).
pub const AUTHOR_VARIABLE: &str = "PARALLAX_AUTHOR";

/// The name changes are recorded under: `PARALLAX_AUTHOR`, else the system's user name.
pub fn author_name() -> Option<String> {
    [AUTHOR_VARIABLE, "USER", "USERNAME"]
        .iter()
        .filter_map(|variable| std::env::var(variable).ok())
        .map(|name| name.trim().to_owned())
        .find(|name| !name.is_empty())
}

/// Opens the library at `address` (a file's parent folders created; a team library's tables
/// brought up to date), recording changes under [`author_name`].
pub async fn open_library(address: &LibraryAddress) -> ServiceResult<Store> {
    let store = Store::open_address(address).await?;
    Ok(store.with_author(author_name()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_file_address_opens_a_local_library_with_an_author() {
        let dir = tempfile::tempdir().unwrap();
        let address =
            LibraryAddress::parse(&dir.path().join("l.sqlite").display().to_string()).unwrap();
        let store = open_library(&address).await.unwrap();
        assert_eq!(store.backend(), parallax_store::Backend::Sqlite);
        assert_eq!(store.author().map(str::to_owned), author_name());
        store.close().await;
    }
}
