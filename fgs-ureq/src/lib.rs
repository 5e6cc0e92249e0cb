//! # fgs-ureq — blocking FunctionGraph client
//!
//! Runs [`fgs-proto`](fgs_proto) operations over [`ureq`]. This crate only moves bytes:
//! it builds a ureq agent from the client settings (timeouts, trusted roots), sends each
//! attempt within its limits, and says in [`TransportError`] terms what went wrong.
//! Everything else — signing, retries, paging, parsing — is fgs-proto's and the client
//! layer's ([`fgs_client`], written once for this client and the async one).
//!
//! ```no_run
//! use fgs_ureq::{Client, Config, Credentials};
//! use fgs_ureq::proto::functions::{GetMetadata, List};
//!
//! let config = Config::for_region("cn-north-4", "0123456789abcdef0123456789abcdef",
//!                                 Credentials::ak_sk("AK", "SK"))?;
//! let client = Client::new(config);
//! let function = client.send(&GetMetadata::new("default:hello"))?;
//! for f in client.pages(List::new()).items() {
//!     println!("{:?}", f?.func_name);
//! }
//! # Ok::<(), fgs_ureq::Error>(())
//! ```
//!
//! ## Errors
//! One type, [`Error`]: bad input, a service error (`code()`, `message()`,
//! `request_id()`, `status()`), an undecodable answer, or a [`TransportError`] whose
//! [`kind`](TransportError::kind) says what failed — `Connect`, `Tls`, `Io`, `Timeout`
//! (which one, and after how long, is in the message), `BodyTooLarge`, `Protocol`.
//!
//! ## Retries, timeouts, limits
//! The [`RetryPolicy`] (default: 3 attempts) retries 429 always, 5xx and broken
//! connections for idempotent operations, and any operation whose request never left
//! (connection refused, connect timeout). `Retry-After` is honoured. The timeout covers
//! one attempt; the response size limit defaults to 80 MiB. Redirects are never
//! followed. All of it is set on [`ClientBuilder`] — one setter at a time, or as one
//! [`ClientSettings`] value, which the async client's builder takes too — and timeout
//! and policy can be overridden per call with `send_with` and [`RequestOptions`].
//!
//! ## TLS
//! rustls with the Mozilla roots; certificates are always verified. Trust a private
//! CA with `ClientBuilder::add_root_certificate`.
//!
//! ## Features
//! - `tracing`: each call opens an `fgs.call` span and emits events per attempt
//!   (status, latency, retry delay); see [`fgs_client::trace`]. Headers are never
//!   logged, so no signature, token or key reaches a subscriber.
//!
//! ## Logging: filter `ureq_proto` below TRACE
//! ureq's protocol crate, ureq-proto, hex-dumps every request head at TRACE through the
//! `log` facade, under the target `ureq_proto::util`: with a `log` logger at TRACE
//! (`RUST_LOG=trace` with env_logger) the dump holds the `X-Auth-Token`, the
//! `X-Security-Token` and the `Authorization` signature. The dump is made inside
//! ureq-proto's serializer, before any transport sees the bytes, and ureq has no
//! switch for it, so fgs-ureq cannot suppress it; the secret key itself is never sent
//! and never dumped. **When TRACE is on, keep `ureq_proto` at DEBUG or below**:
//!
//! ```text
//! RUST_LOG=trace,ureq_proto=debug
//! ```
//!
//! ureq's own DEBUG output redacts these headers; fgs-hyper and transports of your own
//! emit nothing secret at any level.
//!
//! ## Bring your own transport
//! `Client::with_transport` takes any [`SyncTransport`] — a closure is one — and keeps
//! signing, retries, paging and parsing. The transport is shared by every clone of the
//! client and every thread: calls through it never wait for each other.
//!
//! ```
//! use std::time::Duration;
//! use fgs_ureq::proto::functions::GetMetadata;
//! use fgs_ureq::{AttemptLimits, Body, Client, Config, Credentials, RetryPolicy, TransportError};
//!
//! let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::ak_sk("AK", "SK"))?;
//! // Any HTTP client goes here; this one is busy once, then answers.
//! let calls = std::sync::atomic::AtomicU32::new(0);
//! let transport = move |request: http::Request<Body>| {
//!     assert!(request.headers().contains_key("authorization")); // signed per attempt
//!     let limits = request.extensions().get::<AttemptLimits>().copied().unwrap_or_default();
//!     assert_eq!(limits.timeout, Duration::from_secs(5)); // the client's, per attempt
//!     let (status, body) = match calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst) {
//!         0 => (429, r#"{"error_code":"FSS.0429","error_msg":"busy"}"#),
//!         _ => (200, r#"{"func_name":"hello"}"#),
//!     };
//!     let response = http::Response::builder().status(status).header("retry-after", "0");
//!     response.body(body).map_err(|e| TransportError::new(fgs_ureq::TransportErrorKind::Other, false, e.to_string()))
//! };
//! let client = Client::builder(config)
//!     .timeout(Duration::from_secs(5))
//!     .retry_policy(RetryPolicy::default().max_attempts(3))
//!     .transport(transport)
//!     .build()?;
//! let function = client.send(&GetMetadata::new("hello"))?;
//! assert_eq!(function.func_name.as_deref(), Some("hello"));
//! # Ok::<(), fgs_ureq::Error>(())
//! ```
// Where other crates' docs link to this one's when its local docs are not there (a
// fresh `cargo doc --no-deps` documents the crates in any order); docs.rs passes its
// own. `tests/tests/doc_roots.rs` keeps the version in step with the package's.
#![doc(html_root_url = "https://docs.rs/fgs-ureq/0.1.0")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(clippy::unwrap_used, clippy::expect_used)]

mod backend;
mod one_write;
mod resolver;
mod transport;

pub use backend::Ureq;
pub use transport::UreqTransport;

/// The blocking FunctionGraph client: cheap to clone (clones share the connection pool)
/// and usable from many threads. See [`fgs_client::blocking::Client`] for its methods.
///
/// ```no_run
/// use fgs_ureq::Client;
/// use fgs_ureq::proto::functions::GetMetadata;
///
/// let client = Client::from_env()?; // FGS_REGION, HUAWEICLOUD_SDK_PROJECT_ID, _AK, _SK
/// let function = client.send(&GetMetadata::new("default:hello"))?;
/// println!("{:?} runs {:?}", function.func_name, function.runtime);
/// # Ok::<(), fgs_ureq::Error>(())
/// ```
pub type Client = fgs_client::blocking::Client<Ureq>;

/// Builds a [`Client`] with non-default settings or a transport of yours.
///
/// ```
/// use std::time::Duration;
/// use fgs_ureq::{Client, Config, Credentials, RetryPolicy};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let client = Client::builder(config)
///     .connect_timeout(Duration::from_secs(3))
///     .timeout(Duration::from_secs(30))
///     .max_response_size(8 * 1024 * 1024)
///     .retry_policy(RetryPolicy::default().max_attempts(5))
///     .build()?;
/// assert_eq!(client.config().project_id(), "p1");
/// # Ok::<(), fgs_ureq::Error>(())
/// ```
pub type ClientBuilder = fgs_client::ClientBuilder<Client>;

/// The pages of a listing, fetched one per `next`; see `Client::pages`.
pub type Pages<O> = fgs_client::blocking::Pages<O, Ureq>;

/// The items of a paged listing, fetching pages as needed; see `Pages::items`.
pub type Items<O> = fgs_client::blocking::Items<O, Ureq>;

/// [`fgs_proto::prelude`] (the operation groups as modules, `Config`, `Credentials`,
/// `Error`, …) and this crate's [`Client`], for one glob import.
///
/// ```
/// use fgs_ureq::prelude::*;
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let client = Client::new(config);
/// let (functions, triggers) = (functions::List::new(), triggers::List::new("default:hello"));
/// # let _ = (client, functions, triggers);
/// # Ok::<(), Error>(())
/// ```
pub mod prelude {
    pub use crate::{Client, ClientBuilder};
    pub use fgs_proto::prelude::*;
}

/// The client layer this crate plugs into.
pub use fgs_client;
pub use fgs_client::{
    AttemptLimits, ClientSettings, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_TIMEOUT, RequestOptions, SyncTransport,
};
/// The sans-IO core: operations, models, configuration, errors.
pub use fgs_proto as proto;
pub use fgs_proto::{
    Body, Config, Credentials, DecodeError, Error, InvalidInput, Operation, RetryPolicy,
    ServiceError, TransportError, TransportErrorKind, bytes, http,
};
/// The ureq version this crate uses, for [`UreqTransport::new`].
pub use ureq;
