//! # fgs-ureq — blocking FunctionGraph client
//!
//! Runs [`fgs-proto`](fgs_proto) operations over [`ureq`]: it moves bytes, sleeps between
//! retries and keeps connections alive. Everything FunctionGraph-specific — building and
//! signing requests, parsing responses and errors, the retry policy, paging — is in
//! fgs-proto, re-exported here as [`proto`].
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
//! [`ClientSettings`] value, which the other adapter's builder takes too — and timeout
//! and policy can be overridden per call with [`Client::send_with`].
//!
//! ## TLS
//! rustls with the Mozilla roots; certificates are always verified. Trust a private
//! CA with [`ClientBuilder::add_root_certificate`].
//!
//! ## Tracing
//! With the `tracing` feature each call opens an `fgs.call` span and emits events per
//! attempt (status, latency, retry delay); see [`proto::trace`]. Headers are never
//! logged, so no signature, token or key reaches a subscriber.
//!
//! ## Bring your own transport
//! [`Client::with_transport`] takes any [`SyncTransport`] — a closure is one — and keeps
//! signing, retries and parsing. Without a `Client` at all, the loop the client runs is
//! [`proto::transport::execute`]:
//!
//! ```
//! use std::time::{Duration, SystemTime};
//! use fgs_ureq::proto::transport::execute;
//! use fgs_ureq::proto::functions::GetMetadata;
//! use fgs_ureq::{Config, Credentials, RetryPolicy, TransportError};
//!
//! let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::ak_sk("AK", "SK"))?;
//! // Any HTTP client goes here; this one is busy once, then answers.
//! let mut calls = 0;
//! let mut transport = |request: http::Request<bytes::Bytes>| {
//!     calls += 1;
//!     assert!(request.headers().contains_key("authorization")); // signed per attempt
//!     let (status, body) = match calls {
//!         1 => (429, r#"{"error_code":"FSS.0429","error_msg":"busy"}"#),
//!         _ => (200, r#"{"func_name":"hello"}"#),
//!     };
//!     let response = http::Response::builder().status(status).header("retry-after", "0");
//!     Ok::<_, TransportError>(response.body(body.as_bytes().to_vec()).expect("valid response"))
//! };
//! let policy = RetryPolicy::default().max_attempts(3);
//! let mut slept = Vec::new();
//! let function = execute(&GetMetadata::new("hello"), &config, &policy, &mut transport,
//!                        SystemTime::now, |delay| slept.push(delay))?;
//! assert_eq!(function.func_name.as_deref(), Some("hello"));
//! assert_eq!(slept, [Duration::ZERO]); // Retry-After: 0 was honoured
//! # Ok::<(), fgs_ureq::Error>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(clippy::unwrap_used, clippy::expect_used)]

mod agent_transport;
mod builder;
mod client;
mod pages;

pub use builder::ClientBuilder;
pub use client::Client;
pub use pages::{Items, Pages};

/// The sans-IO core: operations, models, configuration, errors.
pub use fgs_proto as proto;
pub use fgs_proto::transport::{
    ClientSettings, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_SIZE, DEFAULT_TIMEOUT,
    RequestOptions, SyncTransport,
};
pub use fgs_proto::{
    Config, Credentials, DecodeError, Error, Operation, RetryPolicy, ServiceError, TransportError,
    TransportErrorKind,
};
/// The ureq version this crate uses, for [`Client::with_agent`].
pub use ureq;
