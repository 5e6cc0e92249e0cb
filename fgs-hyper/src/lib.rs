//! # fgs-hyper — async FunctionGraph client
//!
//! Runs [`fgs-proto`](fgs_proto) operations over hyper 1 on tokio. This crate only moves
//! bytes: it builds a pooled hyper client from the client settings (connect timeout,
//! trusted roots), sends each attempt within its limits, says in [`TransportError`]
//! terms what went wrong, and sleeps between attempts on tokio's timer. Everything else
//! — signing, retries, paging, parsing — is fgs-proto's and the client layer's
//! ([`fgs_client`], written once for this client and the blocking one). The API is the
//! blocking `fgs-ureq` client's, with `.await`.
//!
//! ```no_run
//! use fgs_hyper::{Client, Config, Credentials};
//! use fgs_hyper::proto::functions::{GetMetadata, List};
//!
//! # async fn run() -> Result<(), fgs_hyper::Error> {
//! let config = Config::for_region("cn-north-4", "0123456789abcdef0123456789abcdef",
//!                                 Credentials::ak_sk("AK", "SK"))?;
//! let client = Client::new(config);
//! let function = client.send(&GetMetadata::new("default:hello")).await?;
//! let mut functions = client.pages(List::new()).items();
//! while let Some(f) = functions.next().await {
//!     println!("{:?}", f?.func_name);
//! }
//! # Ok(()) }
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
//! one attempt whatever the server sends: a connection's reads fail past the attempt's
//! deadline, a task whose reads keep finding bytes yields to the runtime every few
//! milliseconds, and more than 32 informational (`1xx`) answers to one request are a
//! `Protocol` error. The response size limit defaults to 80 MiB. Redirects are never
//! followed. All of it is set on [`ClientBuilder`] — one setter at a time, or as one
//! [`ClientSettings`] value, which the blocking client's builder takes too — and timeout
//! and policy can be overridden per call with `send_with` and [`RequestOptions`].
//!
//! ## Paging
//! `Client::pages` and its `items()` are [`Stream`](futures_core::Stream)s; without a
//! stream library, await their `next` method.
//!
//! ## Features
//! - `rustls` (default): https through rustls with the ring provider and the Mozilla
//!   roots; certificates are always verified, and a private CA is trusted with
//!   `ClientBuilder::add_root_certificate`. Without it only `http://` endpoints work
//!   (an emulator on loopback, say).
//! - `tracing`: each call opens an `fgs.call` span and emits events per attempt
//!   (status, latency, retry delay); see [`fgs_client::trace`]. Headers are never
//!   logged, so no signature, token or key reaches a subscriber.
//!
//! ## Bring your own transport
//! `Client::with_transport` takes any [`AsyncTransport`] — a closure returning a future
//! is one — and keeps signing, retries (on tokio's timer), paging and parsing. The
//! transport is shared by every clone of the client and every task: calls through it
//! run at the same time.
//!
//! ```
//! use fgs_hyper::proto::functions::GetMetadata;
//! use fgs_hyper::{Body, Client, Config, Credentials, TransportError, TransportErrorKind};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), fgs_hyper::Error> {
//! let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
//! // Any async HTTP client goes here; this one answers from memory.
//! let transport = |request: http::Request<Body>| async move {
//!     assert_eq!(request.headers()["x-auth-token"], "T");
//!     http::Response::builder()
//!         .status(200)
//!         .body(r#"{"func_name":"hello"}"#)
//!         .map_err(|e| TransportError::new(TransportErrorKind::Other, false, e.to_string()))
//! };
//! let client = Client::with_transport(config, transport);
//! let function = client.send(&GetMetadata::new("hello")).await?;
//! assert_eq!(function.func_name.as_deref(), Some("hello"));
//! # Ok(()) }
//! ```
// Where other crates' docs link to this one's when its local docs are not there (a
// fresh `cargo doc --no-deps` documents the crates in any order); docs.rs passes its
// own. `tests/tests/doc_roots.rs` keeps the version in step with the package's.
#![doc(html_root_url = "https://docs.rs/fgs-hyper/0.1.0")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(clippy::unwrap_used, clippy::expect_used)]

mod backend;
mod body;
mod connector;
mod guard;
mod pool;
mod transport;

pub use backend::Hyper;
pub use transport::HyperTransport;

/// The async FunctionGraph client: cheap to clone (clones share one connection pool).
/// See [`fgs_client::nonblocking::Client`] for its methods.
///
/// ```no_run
/// use fgs_hyper::Client;
/// use fgs_hyper::proto::functions::GetMetadata;
///
/// # async fn run() -> Result<(), fgs_hyper::Error> {
/// let client = Client::from_env()?; // FGS_REGION, HUAWEICLOUD_SDK_PROJECT_ID, _AK, _SK
/// let function = client.send(&GetMetadata::new("default:hello")).await?;
/// println!("{:?} runs {:?}", function.func_name, function.runtime);
/// # Ok(()) }
/// ```
pub type Client = fgs_client::nonblocking::Client<Hyper>;

/// Builds a [`Client`] with non-default settings or a transport of yours.
///
/// ```
/// use std::time::Duration;
/// use fgs_hyper::{Client, Config, Credentials, RetryPolicy};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let client = Client::builder(config)
///     .connect_timeout(Duration::from_secs(3))
///     .timeout(Duration::from_secs(30))
///     .max_response_size(8 * 1024 * 1024)
///     .retry_policy(RetryPolicy::default().max_attempts(5))
///     .build()?;
/// assert_eq!(client.config().project_id(), "p1");
/// # Ok::<(), fgs_hyper::Error>(())
/// ```
pub type ClientBuilder = fgs_client::ClientBuilder<Client>;

/// The pages of a listing, a `Stream`; see `Client::pages`.
pub type Pages<O> = fgs_client::nonblocking::Pages<O, Hyper>;

/// The items of a paged listing, a `Stream`; see `Pages::items`.
pub type Items<O> = fgs_client::nonblocking::Items<O, Hyper>;

/// [`fgs_proto::prelude`] (the operation groups as modules, `Config`, `Credentials`,
/// `Error`, …) and this crate's [`Client`], for one glob import.
///
/// ```
/// use fgs_hyper::prelude::*;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Error> {
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let client = Client::new(config); // inside a tokio runtime
/// let (functions, triggers) = (functions::List::new(), triggers::List::new("default:hello"));
/// # let _ = (client, functions, triggers);
/// # Ok(()) }
/// ```
pub mod prelude {
    pub use crate::{Client, ClientBuilder};
    pub use fgs_proto::prelude::*;
}

/// The client layer this crate plugs into.
pub use fgs_client;
pub use fgs_client::{
    AsyncTransport, AttemptLimits, ClientSettings, DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MAX_RESPONSE_SIZE, DEFAULT_TIMEOUT, RequestOptions,
};
/// The sans-IO core: operations, models, configuration, errors.
pub use fgs_proto as proto;
pub use fgs_proto::{
    Body, Config, Credentials, DecodeError, Error, InvalidInput, Operation, RetryPolicy,
    ServiceError, TransportError, TransportErrorKind, bytes, http,
};
