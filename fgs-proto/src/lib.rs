//! # fgs-proto — the sans-IO core of the FunctionGraph v2 SDK
//!
//! `fgs-proto` knows everything about Huawei Cloud FunctionGraph (API v2, service code
//! `fgs`) and does no I/O. Give it an operation and a [`Config`], and it gives back an
//! `http::Request`; give it the `http::Response` that came back, and it gives the typed
//! output or a typed [`Error`].
//!
//! **In scope:** every operation of the [`registry`] (which covers the Go SDK's 21, in
//! modules [`functions`] and [`triggers`]), their models, function URNs, IAM-token and
//! AK/SK (`SDK-HMAC-SHA256`) authorization and its server-side verifier, the retry
//! policy, marker paging, and request inspection for logs and snapshot tests.
//!
//! **Not in scope:** sockets, TLS, clocks, sleeping, threads and async. Time is an input
//! (signing takes `now`), sleeping is a decision the [`Call`] driver returns, paging is a
//! state the [`Pager`](paginate::Pager) advances. The adapters `fgs-ureq` (blocking) and
//! `fgs-hyper` (async) run that loop over real connections; a transport of your own
//! needs about twenty lines:
//!
//! ```
//! use std::time::SystemTime;
//! use fgs_proto::{Call, Config, Credentials, RetryPolicy, Step, functions::GetMetadata};
//!
//! let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::ak_sk("AK", "SK"))?;
//! let op = GetMetadata::new("urn:fss:cn-north-4:p1:function:default:hello:latest");
//!
//! // A stand-in transport: answers 503 once, then the function.
//! let mut answers = vec![
//!     (200, r#"{"func_name":"hello","runtime":"Python3.9"}"#),
//!     (503, r#"{"error_code":"FSS.0503","error_msg":"busy"}"#),
//! ];
//! let mut send = |request: http::Request<fgs_proto::Body>| {
//!     assert!(request.headers().contains_key("authorization"));
//!     let (status, body) = answers.pop().unwrap();
//!     Ok::<_, fgs_proto::TransportError>(
//!         http::Response::builder().status(status).body(body.as_bytes().to_vec()).unwrap(),
//!     )
//! };
//!
//! let mut call = Call::new(&op, &config, RetryPolicy::default())?;
//! let function = loop {
//!     let request = call.next_request(SystemTime::now())?;
//!     let step = match send(request) {
//!         Ok(response) => call.on_response(response),
//!         Err(error) => call.on_transport_error(error),
//!     };
//!     match step {
//!         Step::Done(output) => break output,
//!         Step::Retry(_delay) => continue, // a real transport sleeps `_delay` here
//!         Step::Failed(error) => return Err(error),
//!     }
//! };
//! assert_eq!(function.func_name.as_deref(), Some("hello"));
//! assert_eq!(call.attempts(), 2);
//! # Ok::<(), fgs_proto::Error>(())
//! ```
//!
//! ## Features
//! None: everything is always built, and nothing pulls in a runtime, a socket or a TLS
//! crate. The operation groups are modules (`functions`, `triggers`, …) whose types
//! share names; [`prelude`] imports the modules in one glob.
// Where other crates' docs link to this one's when its local docs are not there (a
// fresh `cargo doc --no-deps` documents the crates in any order); docs.rs passes its
// own. `tests/tests/doc_roots.rs` keeps the version in step with the package's.
#![doc(html_root_url = "https://docs.rs/fgs-proto/0.1.0")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
// Data from outside never reaches an unwrap: library code may not use them at all.
#![warn(clippy::unwrap_used, clippy::expect_used)]

pub mod apps;
pub mod async_invocations;
pub mod auth;
mod body;
pub mod bridge;
mod call;
pub mod code;
mod config;
pub mod dependencies;
mod encoding;
mod error;
pub mod events;
pub mod functions;
pub mod inspect;
pub mod metrics;
pub mod model;
pub mod observability;
mod operation;
pub mod paginate;
pub mod prelude;
pub mod registry;
mod request;
mod response;
mod retry;
pub mod scaling;
mod secret;
pub mod tags;
pub mod templates;
mod text;
pub mod triggers;
mod urn;
pub mod vpc_endpoints;
pub mod workflows;

pub use auth::{Credentials, X_AUTH_TOKEN, X_PROJECT_ID, X_SECURITY_TOKEN, prepare};
pub use body::{Body, BodyBytes, BodySource};
/// The `bytes` crate, whose [`Bytes`](bytes::Bytes) holds bodies.
pub use bytes;
pub use call::{Call, KEEP_BODY_LIMIT, Step};
pub use config::{Config, DEFAULT_USER_AGENT, Endpoint};
pub use error::{
    DecodeError, Error, InvalidInput, ServiceError, TransportError, TransportErrorKind,
};
/// The `http` crate, whose request and response types operations build and read.
pub use http;
pub use operation::Operation;
pub use retry::{Failure, Jitter, RetryPolicy, retry_after};
pub use secret::Secret;
pub use urn::{FunctionUrn, Qualifier};
