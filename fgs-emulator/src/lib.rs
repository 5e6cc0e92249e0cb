//! # fgs-emulator — an in-memory FunctionGraph v2 service on loopback
//!
//! A local stand-in for Huawei Cloud FunctionGraph (API v2): every operation of the
//! `fgs_proto::registry` (which covers the 21 of the Go SDK's `function` and `trigger`
//! packages), with the service's paths, JSON fields, status codes and `FSS.xxxx` error
//! codes, AK/SK (`SDK-HMAC-SHA256`) and IAM-token authentication, and hooks for tests:
//! pluggable function handlers, a record of asynchronous invocations, fault injection
//! and state snapshots. Think LocalStack or moto, for FunctionGraph. It is the server
//! behind the fgs SDK's integration tests and can serve your own test suite the same
//! way.
//!
//! ```
//! use std::time::Duration;
//! use fgs_emulator::{Emulator, Fault, FunctionError, InvocationContext, Route};
//!
//! let emu = Emulator::builder().token("TOKEN").start()?;
//! emu.register_handler("hello", |event: &[u8], ctx: &InvocationContext| -> Result<Vec<u8>, FunctionError> {
//!     ctx.log("saying hello");
//!     Ok([b"hello ".as_slice(), event].concat())
//! });
//! emu.inject(Fault::status(503).retry_after_secs(1).on(Route::of::<fgs_proto::functions::GetMetadata>()));
//!
//! // Any HTTP client works; the SDK gets a ready `Config` from `emu.config()`.
//! let agent: ureq::Agent = ureq::Agent::config_builder()
//!     .http_status_as_error(false)
//!     .build()
//!     .into();
//! let base = format!("{}/v2/{}/fgs", emu.endpoint(), emu.project_id());
//! let create = agent
//!     .post(format!("{base}/functions"))
//!     .header("X-Auth-Token", "TOKEN")
//!     .send(
//!         serde_json::json!({
//!             "func_name": "hello", "package": "default", "runtime": "Python3.9",
//!             "handler": "index.handler", "memory_size": 128, "timeout": 30,
//!             "code_type": "inline", "func_code": {"file": "cHJpbnQoMSk="},
//!         })
//!         .to_string(),
//!     )
//!     .expect("sent");
//! assert_eq!(create.status(), 200);
//! // The injected fault answers the first GetMetadata.
//! let config = format!("{base}/functions/default:hello/config");
//! let busy = agent.get(&config).header("X-Auth-Token", "TOKEN").call().expect("sent");
//! assert_eq!(busy.status(), 503);
//! assert_eq!(busy.headers()["retry-after"], "1");
//! let ok = agent.get(&config).header("X-Auth-Token", "TOKEN").call().expect("sent");
//! assert_eq!(ok.status(), 200);
//! let mut invoked = agent
//!     .post(format!("{base}/functions/default:hello/invocations"))
//!     .header("X-Auth-Token", "TOKEN")
//!     .send("\"world\"")
//!     .expect("sent");
//! assert_eq!(invoked.body_mut().read_to_string().expect("text"), "hello \"world\"");
//! assert_eq!(emu.snapshot().functions.len(), 1);
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! ## Scope
//! **In:** functions (create, list, get metadata and code, update, delete), versions,
//! aliases with weighted and rule-based canaries, sync and async invocation (v0 and v1
//! response formats, tail logs, function errors), triggers with TIMER and APIG
//! validation, marker paging, bounded request bodies, and the service's documented
//! validation rules with their FSS codes. Asynchronous invocations follow their
//! version's async configuration: a failing handler is retried up to
//! `max_async_retry_attempts` times while its event is younger than
//! `max_async_event_age_in_seconds`, a FunctionGraph destination is invoked with the
//! service's outcome record, and each record moves WAIT → RUNNING → SUCCESS / FAIL /
//! DISCARD, listed and cancellable through the API. The waits run on the emulator's
//! clock ([`Emulator::advance_clock`]).
//!
//! **Out:** running real function code (handlers are Rust closures; the default echoes
//! the event), firing triggers, dependencies, reserved instances, TLS, and the service's
//! eventual consistency (everything here is immediately consistent). Where the spec is
//! **UNCONFIRMED** the emulator is lenient; the choices are documented on the items
//! concerned (e.g. UpdateMetadata keeps fields not sent; publishing an unchanged
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
