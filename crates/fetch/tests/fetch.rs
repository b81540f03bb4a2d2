//! Fetching from the fixture server on 127.0.0.1: pages, redirects, encodings and every failure.

use std::time::Duration;

use parallax_fetch::fixture_server::FixtureServer;
use parallax_fetch::{FetchError, Fetcher, Limits};

fn fetcher() -> Fetcher {
    Fetcher::new(Limits {
        total_timeout: Duration::from_secs(2),
        connect_timeout: Duration::from_secs(2),
        max_bytes: 1 << 20,
        ..Limits::default()
    })
    .expect("a fetcher")
}

#[tokio::test]
async fn a_page_comes_with_its_headers_address_and_time() {
    let server = FixtureServer::start().unwrap();
    let page = fetcher().fetch(&server.url("/article")).await.unwrap();
    assert_eq!(page.status, 200);
    assert_eq!(page.final_url, server.url("/article"));
    assert!(page.redirects.is_empty());
    assert_eq!(page.media_type().as_deref(), Some("text/html"));
    assert_eq!(page.file_name(), "article.html");
    assert!(String::from_utf8_lossy(&page.body).contains("night ferry line"));
    assert!(page.fetched_at.ends_with('Z'), "{}", page.fetched_at);
}

#[tokio::test]
async fn redirects_are_followed_and_reported() {
    let server = FixtureServer::start().unwrap();
    let page = fetcher().fetch(&server.url("/moved")).await.unwrap();
    assert_eq!(page.final_url, server.url("/article"));
    assert_eq!(
        page.redirects,
        [
            server.url("/moved"),
            server.url("/redirect/2"),
            server.url("/redirect/1"),
            server.url("/redirect/0"),
        ]
    );
}

#[tokio::test]
async fn redirect_loops_and_long_chains_are_refused() {
    let server = FixtureServer::start().unwrap();
    let error = fetcher().fetch(&server.url("/loop-a")).await.unwrap_err();
    assert!(matches!(error, FetchError::RedirectLoop { .. }), "{error}");
    assert!(error.to_string().contains("loop"), "{error}");
    let error = fetcher()
        .fetch(&server.url("/redirect/30"))
        .await
        .unwrap_err();
    assert!(
        matches!(error, FetchError::TooManyRedirects { limit: 10, .. }),
        "{error}"
    );
    let error = fetcher().fetch(&server.url("/to-ftp")).await.unwrap_err();
    assert!(
        matches!(error, FetchError::RedirectScheme { .. }),
        "{error}"
    );
}

#[tokio::test]
async fn gzip_bodies_are_decoded() {
    let server = FixtureServer::start().unwrap();
    let page = fetcher().fetch(&server.url("/gzip")).await.unwrap();
    assert!(String::from_utf8_lossy(&page.body).contains("Councillor Mara Fenwick"));
}

#[tokio::test]
async fn a_charset_in_the_header_outranks_the_pages_meta_tag() {
    let server = FixtureServer::start().unwrap();
    let page = fetcher()
        .fetch(&server.url("/latin1-header"))
        .await
        .unwrap();
    assert_eq!(page.charset().as_deref(), Some("windows-1252"));
    let bytes = page.bytes_for_extraction();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "given as UTF-8 behind a BOM"
    );
    assert!(String::from_utf8_lossy(&bytes).contains("café owners"));
    // Without a declared charset the body goes to the extractor as it came.
    let page = fetcher()
        .fetch(&server.url("/latin1-undeclared"))
        .await
        .unwrap();
    assert_eq!(page.bytes_for_extraction().as_ref(), page.body.as_slice());
}

#[tokio::test]
async fn http_errors_say_what_the_server_answered() {
    let server = FixtureServer::start().unwrap();
    let error = fetcher().fetch(&server.url("/missing")).await.unwrap_err();
    assert_eq!(
        error,
        FetchError::Http {
            address: server.url("/missing"),
            status: 404
        }
    );
    assert!(
        error.to_string().contains("404 (no page at this address)"),
        "{error}"
    );
    let error = fetcher().fetch(&server.url("/broken")).await.unwrap_err();
    assert!(error.to_string().contains("500"), "{error}");
    assert!(error.is_transient());
}

#[tokio::test]
async fn slow_and_stalled_answers_time_out() {
    let server = FixtureServer::start().unwrap();
    for path in ["/slow", "/stall"] {
        let started = std::time::Instant::now();
        let error = fetcher().fetch(&server.url(path)).await.unwrap_err();
        assert!(
            matches!(error, FetchError::Timeout { .. }),
            "{path}: {error}"
        );
        assert!(started.elapsed() < Duration::from_secs(10), "{path}");
    }
}

#[tokio::test]
async fn bodies_over_the_cap_are_refused_while_streaming_or_before() {
    let server = FixtureServer::start().unwrap();
    let error = fetcher().fetch(&server.url("/endless")).await.unwrap_err();
    assert!(
        matches!(error, FetchError::TooLarge { limit_mib: 1, .. }),
        "{error}"
    );
    let error = fetcher().fetch(&server.url("/huge")).await.unwrap_err();
    assert!(matches!(error, FetchError::TooLarge { .. }), "{error}");
}

#[tokio::test]
async fn binaries_are_not_pages() {
    let server = FixtureServer::start().unwrap();
    let error = fetcher().fetch(&server.url("/image")).await.unwrap_err();
    assert!(matches!(error, FetchError::NotAPage { .. }), "{error}");
    assert!(error.to_string().contains("image/png"), "{error}");
}

#[tokio::test]
async fn unreachable_hosts_and_other_schemes_fail_clearly() {
    // A port nothing listens on (bound, then closed).
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}/x", closed.local_addr().unwrap());
    drop(closed);
    let error = fetcher().fetch(&address).await.unwrap_err();
    assert!(matches!(error, FetchError::Connect { .. }), "{error}");
    let error = fetcher().fetch("file:///etc/passwd").await.unwrap_err();
    assert!(matches!(error, FetchError::Scheme { .. }), "{error}");
}

#[tokio::test]
async fn the_user_agent_names_parallax() {
    assert!(parallax_fetch::USER_AGENT.starts_with("Parallax/"));
}
