//! Pages fetched by address for import: http and https only, redirects followed one by one (capped,
//! loops caught, each reported), connect and total time bounds, the size cap enforced while the
//! body streams in, gzip/brotli/deflate, an honest User-Agent, no cookies kept, proxies from the
//! environment, a few fetches at a time per host. Every failure is a [`FetchError`] whose message
//! a person understands.
//!
//! Nothing here fetches on its own: a page is fetched only when a person asks for its address.

mod address;
mod error;
mod fetcher;
#[cfg(any(test, feature = "fixture-server"))]
pub mod fixture_server;

pub use address::{canonical_address, is_address, parse_address};
pub use error::FetchError;
pub use fetcher::{Fetched, Fetcher, Limits, USER_AGENT};
