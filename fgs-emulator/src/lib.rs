//! # fgs-emulator — an in-memory FunctionGraph v2 service on loopback
//!
//! A local stand-in for Huawei Cloud FunctionGraph (API v2): every operation of the
//! `fgs_proto::registry` (the 21 of the Go SDK's `function` and `trigger` packages and
//! the operations it lacks), with the service's paths, JSON fields, status codes and
//! `FSS.xxxx` error codes, AK/SK (`SDK-HMAC-SHA256`) and IAM-token authentication, and
//! hooks for tests: pluggable function handlers, a record of asynchronous invocations,
//! fault injection and state snapshots. Think LocalStack or moto, for FunctionGraph. It
//! is the server behind the fgs SDK's integration tests and can serve your own test
//! suite the same way.
//!
//! ```
//! use std::time::Duration;
//! use fgs_emulator::{Emulator, Fault, FunctionError, Route};
//! use fgs_ureq::proto::code::Code;
//! use fgs_ureq::proto::functions::{Create, FunctionConfig, GetMetadata, Invoke};
//! use fgs_ureq::proto::model::{MemorySize, Runtime};
//! use fgs_ureq::{Client, RetryPolicy};
//!
//! let emu = Emulator::builder().token("TOKEN").start()?;
//! // The function's code: a closure over the event and the invocation's context.
//! emu.register_handler("hello", |event, ctx| {
//!     ctx.log("saying hello");
//!     if event.is_empty() {
//!         return Err(FunctionError::new("ValueError", "no event"));
//!     }
//!     Ok([b"hello ".as_slice(), event].concat())
//! });
//! // The next GetMetadata answers 503 with `Retry-After: 1`.
//! emu.inject(Fault::status(503).retry_after_secs(1).on(Route::of::<GetMetadata>()));
//!
//! // `emu.config()`: the emulator's endpoint, project id and credentials.
//! let client = Client::builder(emu.config())
//!     .retry_policy(RetryPolicy::default().max_attempts(1))
//!     .build()?;
//! let settings = FunctionConfig::new(
//!     Runtime::Python39, "index.handler", MemorySize::mb(128), Duration::from_secs(30));
//! let create = Create::new("hello", "default", settings, Code::inline_source("print(1)"));
//! let urn = client.send(&create)?.func_urn.unwrap_or_default();
//!
//! let busy = client.send(&GetMetadata::new(&urn)).unwrap_err();
//! assert_eq!(busy.status().map(|s| s.as_u16()), Some(503));
//! assert_eq!(client.send(&GetMetadata::new(&urn))?.memory_size, Some(128));
//!
//! let output = client.send(&Invoke::new(&urn).raw_event(b"\"world\"".to_vec()))?;
//! assert_eq!(output.result(), b"hello \"world\"");
//! assert_eq!(emu.snapshot().functions.len(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Without the SDK, any HTTP client works: the paths are the service's,
//! `{endpoint}/v2/{project_id}/fgs/functions/...`, authenticated here by an
//! `X-Auth-Token: TOKEN` header.
//!
//! ## Features
//! None. The library and the `fgs-emulator` binary (`fgs-emulator --help`) are always
//! built; the binary serves the same emulator to programs in any language, and
//! `GET /health` answers `{"status":"ok"}` without credentials.
//!
//! ## Scope
//! **In:** every operation of `fgs_proto::registry`: functions (create, list, get
//! metadata and code, update, delete), versions, aliases with weighted and rule-based
//! canaries, sync and async invocation (v0 and v1 response formats, tail logs, function
//! errors), triggers with TIMER and APIG validation, layers, test events, reserved
//! instances, tags; marker and offset paging, bounded request bodies, and the service's
//! documented validation rules with their FSS codes. Asynchronous invocations follow their
//! version's async configuration: a failing handler is retried up to
//! `max_async_retry_attempts` times while its event is younger than
//! `max_async_event_age_in_seconds`, a FunctionGraph destination is invoked with the
//! service's outcome record, and each record moves WAIT → RUNNING → SUCCESS / FAIL /
//! DISCARD, listed and cancellable through the API. The waits run on the emulator's
//! clock ([`Emulator::advance_clock`]).
//!
//! **Out:** running real function code (handlers are Rust closures; the default echoes
//! the event), firing triggers, TLS, and the service's eventual consistency
//! (everything here is immediately consistent). Where the service's documentation
//! leaves a behaviour open the emulator is lenient; the choices are documented on the
//! items concerned (e.g. UpdateMetadata keeps fields not sent; publishing an unchanged
//! function twice is allowed; the region of a full URN is not checked).
//!
//! ## Why hyper
//! The server is hyper 1 (HTTP/1.1) on tokio, through `hyper-util`. hyper is already
//! the stack of the SDK's async adapter, so the emulator adds no second HTTP
//! implementation to the workspace; and its low-level connection API gives the control
//! fault injection needs — closing a connection without an answer after reading the
//! request, delaying an answer, reading a body in frames with a hard size limit — which
//! a web framework would hide. Routing is custom anyway: a function URN is one path
//! segment that may contain `:`, `!` and an encoded `%2F`, so the raw path is split
//! before segments are decoded.
//!
//! ## Robustness
//! No input makes the server panic: bodies are read up to a limit (413 `FSS.0413`
//! beyond it), JSON is parsed into `serde_json::Value` and checked field by field, bad
//! paths and methods answer 404/405, and a broken connection ends only itself. Every
//! answer carries an `X-Request-Id` header.
// Where other crates' docs link to this one's when its local docs are not there (a
// fresh `cargo doc --no-deps` documents the crates in any order); docs.rs passes its
// own. `tests/tests/doc_roots.rs` keeps the version in step with the package's.
#![doc(html_root_url = "https://docs.rs/fgs-emulator/0.1.0")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(clippy::unwrap_used, clippy::expect_used)]

mod api;
mod builder;
mod emulator;
mod hooks;
mod http;
mod runtime;
mod shared;

pub use api::routes::Route;
pub use builder::{DEFAULT_PROJECT_ID, DEFAULT_REGION, EmulatorBuilder};
pub use emulator::{Emulator, IdentityRequests};
pub use hooks::fault::Fault;
pub use hooks::snapshot::{
    AliasSnapshot, FunctionSnapshot, Snapshot, TriggerSnapshot, VersionSnapshot,
};
pub use http::body::{
    DEFAULT_BODY_TIMEOUT, DEFAULT_SIGNED_BODY_LIMIT, DEFAULT_UNSIGNED_BODY_LIMIT,
};
pub use runtime::async_log::{AsyncInvocation, AsyncStatus, DEFAULT_ASYNC_LOG_RECORDS};
pub use runtime::invocation::{FunctionError, Handler, InvocationContext};
