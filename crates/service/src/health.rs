//! Whether the library is sound, as every face asks at start: a damaged local library is named
//! by its damage; a team library's server that does not answer is an error, not damage.

use parallax_store::{Backend, Store};

use crate::error::ServiceResult;

/// What a quick check finds wrong with the library, `None` when it is sound. A library too damaged
/// for the check to run is damaged too; a team library whose server does not answer fails with
/// why (it is not damaged: it is out of reach).
pub async fn library_health(store: &Store) -> ServiceResult<Option<String>> {
    match store.quick_check().await {
        Ok(Ok(())) => Ok(None),
        Ok(Err(problems)) => Ok(Some(problems)),
        Err(error) if store.backend() == Backend::Postgres && !error.is_damaged() => {
            Err(error.into())
        }
        Err(error) => Ok(Some(error.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_new_library_is_sound() {
        let store = Store::open_in_memory().await.unwrap();
        assert_eq!(library_health(&store).await.unwrap(), None);
    }
}
