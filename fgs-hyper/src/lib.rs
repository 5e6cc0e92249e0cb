//! # fgs-hyper — async FunctionGraph client
//!
//! Runs [`fgs-proto`](fgs_proto) operations over hyper 1 on tokio: it moves bytes,
//! sleeps between retries and pools connections. Everything FunctionGraph-specific —
//! building and signing requests, parsing responses and errors, the retry policy,
//! paging — is in fgs-proto, re-exported here as [`proto`]. The API is the blocking
//! `fgs-ureq` client's, with `.await`.
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
//! one attempt; the response size limit defaults to 80 MiB. Redirects are never
//! followed. All of it is set on [`ClientBuilder`] — one setter at a time, or as one
//! [`ClientSettings`] value, which the other adapter's builder takes too — and timeout
//! and policy can be overridden per call with [`Client::send_with`].
//!
//! ## Features
//! - `rustls` (default): https through rustls with the ring provider and the Mozilla
//!   roots; certificates are always verified, and a private CA is trusted with
//!   [`ClientBuilder::add_root_certificate`]. Without it only `http://` endpoints work
//!   (an emulator on loopback, say).
//! - `tracing`: each call opens an `fgs.call` span and emits events per attempt
//!   (status, latency, retry delay); see [`proto::trace`]. Headers are never logged,
//!   so no signature, token or key reaches a subscriber.
//!
//! ## Bring your own transport
//! The loop this client runs is short and public: see [`proto::Call`] — build a
//! [`Call`](proto::Call), and for each attempt send
//! [`next_request`](proto::Call::next_request), feed back the response or transport
//! error, and sleep or stop as the returned [`Step`](proto::Step) says.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(clippy::unwrap_used, clippy::expect_used)]

mod builder;
mod client;
mod connector;
mod exchange;
mod pages;

pub use builder::ClientBuilder;
pub use client::Client;
pub use pages::{Items, Pages};

/// The sans-IO core: operations, models, configuration, errors.
pub use fgs_proto as proto;
pub use fgs_proto::transport::{
    ClientSettings, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_SIZE, DEFAULT_TIMEOUT,
    RequestOptions,
};
pub use fgs_proto::{
    Config, Credentials, DecodeError, Error, Operation, RetryPolicy, ServiceError, TransportError,
    TransportErrorKind,
};
