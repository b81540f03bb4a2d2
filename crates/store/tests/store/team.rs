//! Two clients on one library (a team library's two colleagues, or two processes on one file):
//! each sees the other's work, a conflicting edit is refused, and on a team library each is told
//! of the other's changes (never of its own).

use std::time::Duration;

use parallax_store::{Backend, LibraryChange, StoreError};

use crate::common::{article, flood_report, import, second_client, temp_store};

fn report(n: usize) -> parallax_core::extract::Article {
    let lines = flood_report(n);
    let paragraphs: Vec<&str> = lines.iter().map(String::as_str).collect();
    article(
        &format!("Varnu flood, report {n}"),
        Some("Varnu Courier"),
        None,
        &paragraphs,
    )
}

#[tokio::test]
async fn an_import_by_one_client_appears_in_the_other() {
    let (dir, first) = temp_store().await;
    let ana = first.with_author(Some("Ana".into()));
    let ben = second_client(dir.path())
        .await
        .with_author(Some("Ben".into()));
    let id = import(&ana, &report(1)).await;
    let seen = ben.article(id).await.unwrap();
    assert_eq!(seen.imported_by.as_deref(), Some("Ana"));
    assert_eq!(ben.count_articles().await.unwrap(), 1);
    let hits = ben.search("Oskel", 10).await.unwrap();
    assert_eq!(hits.len(), 1, "the other client's search finds it");
}

#[tokio::test]
async fn a_conflicting_edit_from_the_other_client_is_refused() {
    let (dir, first) = temp_store().await;
    let ana = first.with_author(Some("Ana".into()));
    let ben = second_client(dir.path())
        .await
        .with_author(Some("Ben".into()));
    let event = ana.create_event("Varnu flood").await.unwrap();
    let as_ben_saw_it = ben.event(event.id).await.unwrap();
    ana.rename_event(event.id, "Varnu flood, day one", Some(event.version))
        .await
        .unwrap();
    let refused = ben
        .rename_event(event.id, "Varnu floods", Some(as_ben_saw_it.version))
        .await
        .unwrap_err();
    assert!(
        matches!(&refused, StoreError::Conflict { by, .. } if by == "Ana"),
        "{refused:?}"
    );
    assert_eq!(
        ana.event(event.id).await.unwrap().title,
        "Varnu flood, day one"
    );
}

#[tokio::test]
async fn a_team_client_is_told_of_the_others_changes_only() {
    let (dir, first) = temp_store().await;
    let watcher = second_client(dir.path()).await;
    let Some(mut feed) = watcher.change_feed().await.unwrap() else {
        assert_eq!(
            first.backend(),
            Backend::Sqlite,
            "only a local library has no feed"
        );
        return;
    };
    // The watcher's own change is not reported; the other client's import is.
    watcher.create_event("Watcher's own event").await.unwrap();
    import(&first, &report(2)).await;
    let change = tokio::time::timeout(Duration::from_secs(10), feed.next())
        .await
        .expect("a notice within seconds")
        .unwrap();
    assert_eq!(change, LibraryChange::Articles);
    first.create_event("Varnu flood").await.unwrap();
    let change = tokio::time::timeout(Duration::from_secs(10), feed.next())
        .await
        .expect("a notice within seconds")
        .unwrap();
    assert_eq!(change, LibraryChange::Events);
}

/// Many colleagues at once: `PARALLAX_LOAD_CLIENTS` clients (10) import and annotate for
/// `PARALLAX_LOAD_MINUTES` (10) on one library, each with its own connections; at the end every
/// import and note each client was told succeeded is in the library, and nothing else failed.
/// Run by hand (`-- --ignored`), on PostgreSQL with `PARALLAX_TEST_POSTGRES`.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "a load run of minutes: run it by hand"]
async fn many_clients_import_and_annotate_without_losing_anything() {
    let setting = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let clients = setting("PARALLAX_LOAD_CLIENTS", 10);
    let minutes = setting("PARALLAX_LOAD_MINUTES", 10);
    let (dir, first) = temp_store().await;
    let seed = import(&first, &report(0)).await;
    let other = import(&first, &report(1)).await;
    let session = first
        .create_session(&parallax_store::NewSession {
            name: Some("Load".into()),
            event_id: None,
            mode: None,
            article_ids: vec![seed, other],
        })
        .await
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(minutes * 60);
    let mut tasks = Vec::new();
    for client in 0..clients {
        let store = second_client(dir.path())
            .await
            .with_author(Some(format!("client {client}")));
        tasks.push(tokio::spawn(async move {
            let (mut imported, mut noted) = (0u64, 0u64);
            let mut n = 0usize;
            while std::time::Instant::now() < deadline {
                n += 1;
                let unique = 1_000_000 * (client as usize + 1) + n;
                import(&store, &report(unique)).await;
                imported += 1;
                store
                    .add_note(&parallax_store::NewNote {
                        session_id: session.id,
                        article_id: seed,
                        start: 0,
                        end: 6,
                        note: format!("Note {n} by client {client}"),
                    })
                    .await
                    .expect("a note");
                noted += 1;
            }
            store.close().await;
            (imported, noted)
        }));
    }
    let (mut imported, mut noted) = (0, 0);
    for task in tasks {
        let (i, n) = task.await.expect("a client ran to the end");
        imported += i;
        noted += n;
    }
    let articles = first.count_articles().await.unwrap();
    let notes = first.notes(session.id).await.unwrap().len() as u64;
    eprintln!(
        "{clients} clients, {minutes} min: {imported} imports ({:.1}/s), {noted} notes; \
         library: {articles} articles, {notes} notes",
        imported as f64 / (minutes * 60) as f64
    );
    assert_eq!(articles as u64, imported + 2, "every import is there, once");
    assert_eq!(notes, noted, "every note is there, once");
}

/// The README's set-up: a role owns the database and colleagues are its members. The first to
/// connect makes the tables as that role, so the next colleague can use them too.
#[tokio::test]
async fn colleagues_in_the_owning_role_share_the_tables_whoever_connects_first() {
    use sqlx::{Connection, Executor};
    let Ok(server) = std::env::var(crate::common::POSTGRES_VARIABLE) else {
        return; // a team library's roles: PostgreSQL only
    };
    let base = server.trim_end_matches('/');
    let tag = format!("{}_{}", std::process::id(), line!());
    let mut admin = sqlx::PgConnection::connect(&format!("{base}/postgres"))
        .await
        .unwrap();
    for statement in [
        format!("CREATE ROLE owner_{tag} NOLOGIN"),
        format!("CREATE ROLE ana_{tag} LOGIN IN ROLE owner_{tag}"),
        format!("CREATE ROLE ben_{tag} LOGIN IN ROLE owner_{tag}"),
        format!("CREATE DATABASE team_{tag} OWNER owner_{tag}"),
    ] {
        admin.execute(statement.as_str()).await.unwrap();
    }
    let host = base.split('@').nth(1).unwrap();
    let as_user = |user: &str| {
        parallax_store::TeamAddress::parse(&format!("postgres://{user}_{tag}@{host}/team_{tag}"))
            .unwrap()
    };
    let ana = parallax_store::Store::connect_team(&as_user("ana"))
        .await
        .expect("the first colleague makes the tables")
        .with_author(Some("Ana".into()));
    let ben = parallax_store::Store::connect_team(&as_user("ben"))
        .await
        .expect("the second colleague may use them")
        .with_author(Some("Ben".into()));
    let id = import(&ben, &report(3)).await;
    assert_eq!(
        ana.article(id).await.unwrap().imported_by.as_deref(),
        Some("Ben")
    );
    let owner: String =
        sqlx::query_scalar("SELECT tableowner::text FROM pg_tables WHERE tablename = 'articles'")
            .fetch_one(
                &mut sqlx::PgConnection::connect(&format!("{base}/team_{tag}"))
                    .await
                    .unwrap(),
            )
            .await
            .unwrap();
    assert_eq!(owner, format!("owner_{tag}"));
}

/// A team library reached over TLS: `sslmode=require` encrypts the connection (the server says
/// so), and `verify-full` refuses a certificate no authority signed, saying it is TLS. Runs where
/// `cargo xtask test`'s throwaway server has its self-signed certificate.
#[tokio::test]
async fn a_team_library_is_reached_encrypted_and_an_unsigned_certificate_is_refused() {
    use sqlx::Connection;
    let (Ok(server), Ok(_)) = (
        std::env::var(crate::common::POSTGRES_VARIABLE),
        std::env::var("PARALLAX_TEST_POSTGRES_TLS"),
    ) else {
        return; // needs a server with a certificate
    };
    let base = server.trim_end_matches('/');
    let database = format!("parallax_tls_{}", std::process::id());
    let mut admin = sqlx::PgConnection::connect(&format!("{base}/postgres?sslmode=disable"))
        .await
        .unwrap();
    sqlx::query(&format!("DROP DATABASE IF EXISTS {database}"))
        .execute(&mut admin)
        .await
        .unwrap();
    sqlx::query(&format!("CREATE DATABASE {database}"))
        .execute(&mut admin)
        .await
        .unwrap();
    let address = |mode: &str| {
        parallax_store::TeamAddress::parse(&format!("{base}/{database}?sslmode={mode}")).unwrap()
    };

    let store = parallax_store::Store::connect_team(&address("require"))
        .await
        .expect("an encrypted connection");
    import(&store, &report(1)).await;
    let (encrypted, clear): (i64, i64) = sqlx::query_as(
        "SELECT count(*) FILTER (WHERE s.ssl), count(*) FILTER (WHERE NOT s.ssl)
         FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid)
         WHERE a.datname = $1",
    )
    .bind(&database)
    .fetch_one(&mut admin)
    .await
    .unwrap();
    assert!(encrypted >= 1, "the library's connections are encrypted");
    assert_eq!(clear, 0, "none is in clear");
    store.close().await;

    let Err(refused) = parallax_store::Store::connect_team(&address("verify-full")).await else {
        panic!("a self-signed certificate is not trusted");
    };
    assert_eq!(
        refused.problem(),
        Some(parallax_store::DatabaseProblem::Tls),
        "{refused}"
    );
    sqlx::query(&format!("DROP DATABASE {database} WITH (FORCE)"))
        .execute(&mut admin)
        .await
        .unwrap();
}
