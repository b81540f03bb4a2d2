//! Why a fetch failed, in words a person understands.

/// A fetch that gave no page to import. Each message names the address or host and what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("“{address}” is not a web address (Parallax fetches http:// and https:// addresses)")]
    InvalidAddress { address: String },
    #[error("Parallax fetches only http and https addresses, not {scheme}: ({address})")]
    Scheme { address: String, scheme: String },
    #[error("could not find the server {host} (check the address and the connection)")]
    Dns { host: String },
    #[error("could not connect to {host}: {reason}")]
    Connect { host: String, reason: String },
    #[error("the secure connection to {host} failed: {reason}")]
    Tls { host: String, reason: String },
    #[error("{address} gave no complete answer within {seconds} s; nothing was imported")]
    Timeout { address: String, seconds: u64 },
    #[error("{address} redirected more than {limit} times; nothing was imported")]
    TooManyRedirects { address: String, limit: usize },
    #[error("{address} redirects in a loop (back to {back_to}); nothing was imported")]
    RedirectLoop { address: String, back_to: String },
    #[error("{address} redirects to {target}, which is not an http or https address")]
    RedirectScheme { address: String, target: String },
    #[error("{address}: the server answered {status}{}", describe_status(*status))]
    Http { address: String, status: u16 },
    #[error(
        "{address} is larger than {limit_mib} MiB, the most Parallax imports; nothing was imported"
    )]
    TooLarge { address: String, limit_mib: u64 },
    #[error("{address} gives {content_type}, not a page Parallax can read")]
    NotAPage {
        address: String,
        content_type: String,
    },
    #[error("downloading {address} failed: {reason}")]
    Network { address: String, reason: String },
    #[error("the HTTP client could not start: {0}")]
    Client(String),
}

impl FetchError {
    /// True when trying again later may succeed (a network problem, a timeout, a server error).
    pub fn is_transient(&self) -> bool {
        match self {
            FetchError::Dns { .. }
            | FetchError::Connect { .. }
            | FetchError::Timeout { .. }
            | FetchError::Network { .. } => true,
            FetchError::Http { status, .. } => *status >= 500 || *status == 429,
            _ => false,
        }
    }
}

/// The meaning of an HTTP status for a reader of the error.
fn describe_status(status: u16) -> &'static str {
    match status {
        401 | 407 => " (a login is needed)",
        403 => " (access refused)",
        404 | 410 => " (no page at this address)",
        429 => " (too many requests: try again later)",
        451 => " (unavailable for legal reasons)",
        500..=599 => " (a problem on the server: try again later)",
        _ => "",
    }
}
