//! # fgs-client — the client layer of the FunctionGraph v2 SDK
//!
//! Everything a FunctionGraph client does besides moving bytes, written once for the
//! blocking and the async client: the attempt loop (authorize each attempt, ask the
//! retry policy, sleep, trace), the per-client jitter seed, per-call options, lazy
//! paging, building from the environment, the one [`ClientBuilder`] and its
//! [`ClientSettings`].
//!
//! Below it, a transport only moves bytes: [`SyncTransport`] and [`AsyncTransport`],
//! one method each, both taking `&self` (a shared client never serialises calls) and
//! both implemented for closures. `fgs-ureq` and `fgs-hyper` plug in ureq and hyper as
//! a [`SyncBackend`] and an [`AsyncBackend`]; a transport of your own plugs in with
//! `with_transport` or [`ClientBuilder::transport`].
//!
//! **Why a crate of its own:** the core, `fgs-proto`, is sans-IO — no clock, no
//! environment, no threads, no sleeping — and this layer reads the system clock, the
//! process environment and sleeps threads. It has no runtime or socket dependency, so
//! any transport, blocking or async, on any runtime, shares it.
//!
//! Most users depend on `fgs-ureq` or `fgs-hyper`, which re-export what is here.
//!
//! ## Features
//! - `tracing` (off by default): each call opens an `fgs.call` span and emits events
//!   per attempt (status, latency, retry delay); see [`trace`]. Headers are never
//!   logged, so no signature, token or key reaches a subscriber. The adapters'
//!   `tracing` features turn this one on.
//!
//! ```
//! use fgs_client::{SyncBackend, ClientSettings, blocking};
//! use fgs_proto::{Body, Config, Credentials, Error, TransportError, functions::GetMetadata};
//!
//! /// A backend whose transport answers every request itself (a real one would connect
//! /// with the settings' timeouts and roots).
//! struct Canned;
//! impl SyncBackend for Canned {
//!     const NAME: &'static str = "canned";
//!     type Transport = fn(http::Request<Body>) -> Result<http::Response<&'static str>, TransportError>;
//!     fn connect(_settings: &ClientSettings) -> Result<Self::Transport, Error> {
//!         Ok(|_request| Ok(http::Response::new(r#"{"func_name":"hello"}"#)))
//!     }
//! }
//!
//! let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
//! let client = blocking::Client::<Canned>::new(config);
//! let function = client.send(&GetMetadata::new("hello"))?;
//! assert_eq!(function.func_name.as_deref(), Some("hello"));
//! # Ok::<(), fgs_proto::Error>(())
//! ```
// Where other crates' docs link to this one's when its local docs are not there (a
// fresh `cargo doc --no-deps` documents the crates in any order); docs.rs passes its
// own. `tests/tests/doc_roots.rs` keeps the version in step with the package's.
#![doc(html_root_url = "https://docs.rs/fgs-client/0.1.0")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(clippy::unwrap_used, clippy::expect_used)]

mod attempts;
mod backend;
mod block_on;
pub mod blocking;
mod budget;
mod builder;
pub mod credentials;
pub mod nonblocking;
mod paging;
mod settings;
mod shared;
pub mod trace;
mod transport;

pub use backend::{AsyncBackend, SyncBackend};
pub use budget::RetryBudget;
pub use builder::ClientBuilder;
/// The `bytes` crate of the transport traits' request and response bodies (the one
/// `fgs_proto` uses), so that a transport needs no version of its own to agree on.
pub use fgs_proto::bytes;
/// The `http` crate of the transport traits' requests and responses (the one `fgs_proto`
/// uses).
pub use fgs_proto::http;
pub use settings::{
    ClientSettings, Clock, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_SIZE, DEFAULT_TIMEOUT,
    RequestOptions,
};
pub use transport::{
    AsyncTransport, AttemptLimits, SyncTransport, check_declared_length, classify_io,
    declared_length,
};
