//! The fetcher: one HTTP client (rustls, no cookie store) with redirects followed by hand, so that
//! each hop is checked and reported, and the body read chunk by chunk under the size cap.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::header::{CONTENT_LENGTH, CONTENT_TYPE, LOCATION};
use reqwest::{redirect, Url};
use tokio::sync::Semaphore;

use crate::address::parse_address;
use crate::FetchError;

/// What Parallax says it is to the servers it asks.
pub const USER_AGENT: &str = concat!(
    "Parallax/",
    env!("CARGO_PKG_VERSION"),
    " (news comparison for journalists and researchers; fetches only pages its user asked for)"
);

/// What the fetcher accepts in answer: pages first, then documents it can read.
const ACCEPT: &str = "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,\
                      application/pdf;q=0.8,application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.8,\
                      multipart/related;q=0.5,*/*;q=0.1";

/// Bounds on one fetch and on fetches at once.
#[derive(Debug, Clone)]
pub struct Limits {
    /// The most bytes a body may have (the import limit, 64 MiB).
    pub max_bytes: u64,
    /// The most redirects followed.
    pub max_redirects: usize,
    /// How long connecting may take.
    pub connect_timeout: Duration,
    /// How long a whole fetch (redirects, headers, body) may take.
    pub total_timeout: Duration,
    /// Fetches at once to one host.
    pub per_host: usize,
    /// Fetches at once in all.
    pub at_once: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 64 << 20,
            max_redirects: 10,
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(60),
            per_host: 2,
            at_once: 6,
        }
    }
}

/// A page as the server gave it, with where and when it came from.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The address asked for.
    pub requested: String,
    /// The address that answered, after redirects.
    pub final_url: String,
    /// The addresses that redirected, in order (the requested one first); empty without redirects.
    pub redirects: Vec<String>,
    pub status: u16,
    /// The response headers, in order, values as text (lossy).
    pub headers: Vec<(String, String)>,
    /// The body as received (after content decoding: gzip, brotli, deflate).
    pub body: Vec<u8>,
    /// When the answer came, RFC 3339 in UTC.
    pub fetched_at: String,
}

impl Fetched {
    /// The value of the first header called `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The media type of the body (`text/html`), lower case, without parameters.
    pub fn media_type(&self) -> Option<String> {
        let value = self.header("content-type")?;
        let media = value.split(';').next()?.trim().to_ascii_lowercase();
        (!media.is_empty()).then_some(media)
    }

    /// The charset the Content-Type header declares, if any.
    pub fn charset(&self) -> Option<String> {
        let value = self.header("content-type")?;
        value.split(';').skip(1).find_map(|parameter| {
            let (name, value) = parameter.split_once('=')?;
            name.trim()
                .eq_ignore_ascii_case("charset")
                .then(|| value.trim().trim_matches('"').to_ascii_lowercase())
        })
    }

    /// A file name whose extension tells the extractor the format: from the media type, else
    /// from the address's last path segment.
    pub fn file_name(&self) -> String {
        let by_type = match self.media_type().as_deref() {
            Some("text/html" | "application/xhtml+xml") => Some("html"),
            Some("text/plain") => Some("txt"),
            Some("text/markdown" | "text/x-markdown") => Some("md"),
            Some("application/pdf") => Some("pdf"),
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document") => {
                Some("docx")
            }
            Some("multipart/related" | "message/rfc822" | "application/x-mimearchive") => {
                Some("mhtml")
            }
            _ => None,
        };
        let segment = Url::parse(&self.final_url)
            .ok()
            .and_then(|url| {
                url.path_segments()
                    .and_then(|mut segments| segments.next_back().map(str::to_owned))
            })
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "page".to_owned());
        match by_type {
            Some(extension) => {
                let stem = segment
                    .rsplit_once('.')
                    .map_or(segment.as_str(), |(s, _)| s);
                format!("{stem}.{extension}")
            }
            None => segment,
        }
    }

    /// The bytes to extract from. A charset declared in the Content-Type header outranks a
    /// `<meta charset>` in the page (as in browsers): the body is then given to the extractor as
    /// UTF-8 behind a byte-order mark, which the extractor honours first. Without a declared
    /// charset, or when the body has its own byte-order mark, the body is given as it came.
    pub fn bytes_for_extraction(&self) -> std::borrow::Cow<'_, [u8]> {
        use std::borrow::Cow;
        const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
        let declared = self
            .charset()
            .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()));
        let Some(encoding) = declared else {
            return Cow::Borrowed(&self.body);
        };
        if encoding_rs::Encoding::for_bom(&self.body).is_some() {
            return Cow::Borrowed(&self.body);
        }
        let (text, _, _) = encoding.decode(&self.body);
        let mut bytes = Vec::with_capacity(UTF8_BOM.len() + text.len());
        bytes.extend_from_slice(UTF8_BOM);
        bytes.extend_from_slice(text.as_bytes());
        Cow::Owned(bytes)
    }
}

/// Fetches pages. Cheap to share (`Arc`); fetches from many tasks at once stay within
/// [`Limits::per_host`] and [`Limits::at_once`].
pub struct Fetcher {
    client: reqwest::Client,
    limits: Limits,
    hosts: Mutex<HashMap<String, Arc<Semaphore>>>,
    at_once: Arc<Semaphore>,
}

impl std::fmt::Debug for Fetcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fetcher")
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl Fetcher {
    /// A fetcher with these limits. Proxies come from the environment (`HTTPS_PROXY`, …).
    pub fn new(limits: Limits) -> Result<Fetcher, FetchError> {
        // rustls is built without a default crypto provider: ring is installed for the process
        // (a second install by another fetcher is refused and changes nothing). rustls now
        // prefers aws-lc-rs, whose C build needs more than this project installs; ring's only
        // lack is the post-quantum key exchange, which news sites do not require.
        #[allow(deprecated)]
        let provider = rustls::crypto::ring::default_provider();
        let _ = provider.install_default();
        let client = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .redirect(redirect::Policy::none())
            .connect_timeout(limits.connect_timeout)
            .pool_max_idle_per_host(limits.per_host)
            .build()
            .map_err(|error| FetchError::Client(error.to_string()))?;
        Ok(Fetcher {
            client,
            at_once: Arc::new(Semaphore::new(limits.at_once.max(1))),
            hosts: Mutex::new(HashMap::new()),
            limits,
        })
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    fn connect_seconds(&self) -> u64 {
        self.limits.connect_timeout.as_secs().max(1)
    }

    /// Fetches the page at `address`, following redirects, within the limits.
    pub async fn fetch(&self, address: &str) -> Result<Fetched, FetchError> {
        let url = parse_address(address)?;
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let per_host = {
            let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
            Arc::clone(
                hosts
                    .entry(host)
                    .or_insert_with(|| Arc::new(Semaphore::new(self.limits.per_host.max(1)))),
            )
        };
        let _host_turn = per_host.acquire().await;
        let _turn = self.at_once.acquire().await;
        let seconds = self.limits.total_timeout.as_secs().max(1);
        tokio::time::timeout(self.limits.total_timeout, self.fetch_within(url.clone()))
            .await
            .unwrap_or_else(|_| {
                Err(FetchError::Timeout {
                    address: url.to_string(),
                    seconds,
                })
            })
    }

    async fn fetch_within(&self, requested: Url) -> Result<Fetched, FetchError> {
        let mut url = requested.clone();
        let mut redirects: Vec<String> = Vec::new();
        loop {
            let response = self
                .client
                .get(url.clone())
                .header(reqwest::header::ACCEPT, ACCEPT)
                .send()
                .await
                .map_err(|error| classify(&error, &url, self.connect_seconds()))?;
            let status = response.status();
            if status.is_redirection() {
                if let Some(location) = response.headers().get(LOCATION) {
                    let next = location
                        .to_str()
                        .ok()
                        .and_then(|target| url.join(target).ok())
                        .ok_or_else(|| FetchError::RedirectScheme {
                            address: url.to_string(),
                            target: String::from_utf8_lossy(location.as_bytes()).into_owned(),
                        })?;
                    if !matches!(next.scheme(), "http" | "https") {
                        return Err(FetchError::RedirectScheme {
                            address: url.to_string(),
                            target: next.to_string(),
                        });
                    }
                    redirects.push(url.to_string());
                    if next == requested || redirects.iter().any(|r| *r == next.as_str()) {
                        return Err(FetchError::RedirectLoop {
                            address: requested.to_string(),
                            back_to: next.to_string(),
                        });
                    }
                    if redirects.len() > self.limits.max_redirects {
                        return Err(FetchError::TooManyRedirects {
                            address: requested.to_string(),
                            limit: self.limits.max_redirects,
                        });
                    }
                    url = next;
                    continue;
                }
            }
            if !status.is_success() {
                return Err(FetchError::Http {
                    address: url.to_string(),
                    status: status.as_u16(),
                });
            }
            return self.read(requested, url, redirects, response).await;
        }
    }

    /// Reads a successful answer's body, refusing what is too large or not a readable page.
    async fn read(
        &self,
        requested: Url,
        url: Url,
        redirects: Vec<String>,
        mut response: reqwest::Response,
    ) -> Result<Fetched, FetchError> {
        let too_large = || FetchError::TooLarge {
            address: url.to_string(),
            limit_mib: self.limits.max_bytes >> 20,
        };
        if let Some(media) = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                v.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            })
        {
            if !is_readable_media(&media) {
                return Err(FetchError::NotAPage {
                    address: url.to_string(),
                    content_type: media,
                });
            }
        }
        let declared_length = response
            .headers()
            .get(CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared_length.is_some_and(|n| n > self.limits.max_bytes) {
            return Err(too_large());
        }
        let headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_owned(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect();
        let status = response.status().as_u16();
        let mut body: Vec<u8> = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|error| classify(&error, &url, self.connect_seconds()))?
        {
            if body.len() as u64 + chunk.len() as u64 > self.limits.max_bytes {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Fetched {
            requested: requested.to_string(),
            final_url: url.to_string(),
            redirects,
            status,
            headers,
            body,
            fetched_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        })
    }
}

/// Media types whose bodies may hold an article Parallax reads (an absent type is tried too).
fn is_readable_media(media: &str) -> bool {
    media.starts_with("text/")
        || media.contains("html")
        || media.contains("xml")
        || matches!(
            media,
            "application/pdf"
                | "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                | "multipart/related"
                | "message/rfc822"
                | "application/x-mimearchive"
                | "application/octet-stream"
        )
}

/// A client error as a [`FetchError`]: DNS, TLS, connection, timeout or other network trouble.
fn classify(error: &reqwest::Error, url: &Url, timeout_seconds: u64) -> FetchError {
    let host = url.host_str().unwrap_or_default().to_owned();
    let mut causes: Vec<String> = Vec::new();
    let mut source: Option<&dyn std::error::Error> = Some(error);
    while let Some(cause) = source {
        causes.push(cause.to_string());
        source = cause.source();
    }
    let all = causes.join(": ").to_ascii_lowercase();
    let reason = causes.last().cloned().unwrap_or_else(|| error.to_string());
    if error.is_timeout() {
        return FetchError::Timeout {
            address: url.to_string(),
            seconds: timeout_seconds,
        };
    }
    if all.contains("dns error")
        || all.contains("failed to lookup address")
        || all.contains("name or service not known")
        || all.contains("no address associated")
    {
        return FetchError::Dns { host };
    }
    if all.contains("certificate") || all.contains("tls") || all.contains("handshake") {
        return FetchError::Tls { host, reason };
    }
    if error.is_connect() {
        return FetchError::Connect { host, reason };
    }
    FetchError::Network {
        address: url.to_string(),
        reason,
    }
}
