//! Recovery of a damaged library: what can be read is copied into a new library, which passes
//! its own check; the damaged file is left as it was.

use parallax_store::{recover_library, ListQuery, Store};

use crate::common::{article, import, temp_sqlite_store};

/// A library of `n` invented articles with long bodies (so it spans many pages), closed.
async fn library_of(n: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, store) = temp_sqlite_store().await;
    for k in 0..n {
        let body = format!(
            "Harbour notice {k} about berth {} and the tide tables. ",
            k % 7
        )
        .repeat(40);
        import(
            &store,
            &article(
                &format!("Notice {k}"),
                Some(&format!("Outlet {}", k % 5)),
                None,
                &[&body],
            ),
        )
        .await;
    }
    store.close().await;
    let path = dir.path().join("library.sqlite");
    // Out of WAL mode, so that nothing writes to the file after it is damaged below (a pool's
    // connections may still be checkpointing as they close).
    let mut conn = crate::common::raw(&path).await;
    sqlx::query("PRAGMA busy_timeout = 5000")
        .execute(&mut conn)
        .await
        .unwrap();
    for attempt in 0.. {
        match sqlx::query("PRAGMA journal_mode = DELETE")
            .execute(&mut conn)
            .await
        {
            Ok(_) => break,
            Err(_) if attempt < 100 => {
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            }
            Err(e) => panic!("the library stays in WAL mode: {e}"),
        }
    }
    sqlx::Connection::close(conn).await.unwrap();
    (dir, path)
}

#[tokio::test]
async fn a_sound_library_is_copied_whole() {
    let (dir, path) = library_of(40).await;
    let into = dir.path().join("recovered.sqlite");
    let report = recover_library(&path, &into).await.unwrap();
    assert_eq!(report.lost(), 0, "{report:?}");
    assert!(report.unreadable.is_empty(), "{report:?}");
    let recovered = Store::open(&into).await.unwrap();
    assert_eq!(recovered.count_articles().await.unwrap(), 40);
    assert_eq!(recovered.list_outlets().await.unwrap().len(), 5);
    // The search index was rebuilt with the articles.
    assert_eq!(recovered.search("berth", 100).await.unwrap().len(), 40);
    assert!(recovered.check_integrity().await.unwrap().is_ok());
}

#[tokio::test]
async fn a_damaged_library_gives_up_only_what_cannot_be_read() {
    let (dir, path) = library_of(300).await;
    let mut raw = std::fs::read(&path).unwrap();
    let (middle, len) = (raw.len() / 2, raw.len());
    let mut state = 7u32;
    for byte in &mut raw[middle..(middle + (64 << 10)).min(len)] {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        *byte = (state >> 16) as u8;
    }
    std::fs::write(&path, &raw).unwrap();

    let into = dir.path().join("recovered.sqlite");
    let report = recover_library(&path, &into).await.unwrap();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        raw,
        "the damaged file is only read"
    );
    let recovered = Store::open(&into).await.unwrap();
    assert!(recovered.check_integrity().await.unwrap().is_ok());
    let saved = recovered.count_articles().await.unwrap();
    assert!(
        saved > 0,
        "articles outside the damage are saved: {report:?}"
    );
    assert!(saved < 300 || report.lost() == 0, "{report:?}");
    // What was saved reads back whole.
    for row in recovered
        .list_articles(&ListQuery::default())
        .await
        .unwrap()
    {
        assert!(recovered
            .article(row.id)
            .await
            .unwrap()
            .body
            .contains("Harbour notice"));
    }
}

#[tokio::test]
async fn recovery_never_overwrites_a_file() {
    let (dir, path) = library_of(1).await;
    let into = dir.path().join("taken.sqlite");
    std::fs::write(&into, b"keep me").unwrap();
    assert!(recover_library(&path, &into).await.is_err());
    assert_eq!(std::fs::read(&into).unwrap(), b"keep me");
}
