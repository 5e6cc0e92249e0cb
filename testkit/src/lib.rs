//! Test-only HTTP/1.1 servers, and one interface over both adapters, for the fgs test
//! suites.
//!
//! [`TestServer`] listens on `127.0.0.1:0`, reads HTTP/1.1 requests with a hand-written
//! parser (so it sees the bytes exactly as a client sent them), records each one, and
//! answers with whatever [`Reply`] the test's handler returns: a response (optionally
//! late), a dropped connection, a response cut off by a TCP reset, a reset before any
//! answer, or arbitrary bytes (a broken status line, a truncated body), at once or
//! trickled byte by byte. It counts accepted connections, and it checks the
//! `SDK-HMAC-SHA256` signature of every signed request with fgs-proto's verifier over
//! the raw request line and headers as received, answering 401 when the signature does
//! not hold. [`TestCa`] makes the certificates of its TLS variant: a good one, one for
//! the wrong name, an expired one.
//!
//! Both adapters' suites use this one implementation, so a scenario means the same
//! thing for the blocking and the async client. And so that a scenario is *written*
//! once too, [`Sdk`] is one interface over both clients: [`Blocking`] (fgs-ureq) and
//! [`Async`] (fgs-hyper on a runtime of its own), built from one
//! [`ClientSettings`] through [`Connect`] (type chosen at compile time) or
//! [`Adapter`] (chosen at run time, giving an [`AnyClient`]).
//! [`through_both_adapters!`] turns each scenario into one test per adapter (the
//! integration tests of fgs-tests); [`this_adapter!`] runs the shared adapter suite of
//! `testkit/suite/` through the adapter of the crate that includes it.
// Not published: its types are handles to test servers, clients and runtimes that no
// test prints, so `Debug` on each would be code without a reader.
#![allow(missing_debug_implementations)]

mod adapter;
mod clients;
mod fixtures;
mod http1;
mod reply;
mod sdk;
mod server;
mod tls;
mod trace_log;

pub use adapter::{Adapter, AnyClient};
pub use clients::{Async, Blocking};
/// The settings both adapters' clients are built from.
pub use fgs_client::ClientSettings;
pub use fixtures::{Poke, aksk_config, fast_retries, token_config};
pub use reply::Reply;
pub use sdk::{Connect, Listing, Sdk};
pub use server::{Received, TestServer, Unresponsive, closed_port_url, scripted};
pub use tls::TestCa;
pub use trace_log::TraceLog;

/// Six hex digits from the clock, for names that two runs against the same endpoint
/// (and a leftover of an interrupted run) do not share.
pub fn unique_suffix() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos() ^ (d.as_secs() as u32));
    format!("{:06x}", nanos & 0xff_ffff)
}

/// The project id the test configs use.
pub const PROJECT: &str = "0123456789abcdef0123456789abcdef";

/// A full function URN in [`PROJECT`].
pub const URN: &str =
    "urn:fss:cn-north-4:0123456789abcdef0123456789abcdef:function:default:hello:latest";

/// The access key test servers accept by default.
pub const ACCESS_KEY: &str = "TESTAK0123456789";

/// The secret key of [`ACCESS_KEY`]. A sentinel: a test can grep logs for it.
pub const SECRET_KEY: &str = "SENTINEL-SECRET-KEY-5f0c1e";

/// An IAM token sentinel for token-auth tests.
pub const TOKEN: &str = "SENTINEL-IAM-TOKEN-9a7b3d";

/// For each scenario `name` (a function generic over `S: Connect`), declares a module
/// `name` with two tests, `fgs_ureq` and `fgs_hyper`, that run it through each adapter.
///
/// ```ignore
/// fn retries_a_503<S: fgs_testkit::Connect>() { /* ... */ }
/// fgs_testkit::through_both_adapters!(retries_a_503);
/// // tests: retries_a_503::fgs_ureq, retries_a_503::fgs_hyper
/// ```
#[macro_export]
macro_rules! through_both_adapters {
    ($($scenario:ident),* $(,)?) => {
        $(
            mod $scenario {
                #[test]
                fn fgs_ureq() {
                    super::$scenario::<$crate::Blocking>();
                }

                #[test]
                fn fgs_hyper() {
                    super::$scenario::<$crate::Async>();
                }
            }
        )*
    };
}

/// For each scenario `name` (a function generic over `S: Connect`, in scope), declares
/// a module `name` with one test, `name::through_adapter`, that runs it through
/// `crate::Adapter` — the adapter of the test
/// crate that includes the suite. The adapters' shared suite (`testkit/suite/`) is
/// written once with this macro and included by `fgs-ureq`'s and `fgs-hyper`'s own
/// tests, so that `cargo test -p fgs-ureq` runs it through fgs-ureq, and
/// `cargo test -p fgs-hyper` through fgs-hyper.
///
/// ```ignore
/// // fgs-ureq/tests/suite.rs
/// type Adapter = fgs_testkit::Blocking;
/// #[path = "../../testkit/suite/errors.rs"]
/// mod errors; // which says: fgs_testkit::this_adapter!(a_5xx_is_retried, …);
/// ```
#[macro_export]
// `crate` here is deliberately the crate that calls the macro: its `Adapter` alias.
#[allow(clippy::crate_in_macro_def)]
macro_rules! this_adapter {
    ($($scenario:ident),* $(,)?) => {
        $(
            mod $scenario {
                #[test]
                fn through_adapter() {
                    super::$scenario::<crate::Adapter>();
                }
            }
        )*
    };
}
