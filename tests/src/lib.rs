//! # fgs-tests — the SDK proven as a whole
//!
//! Not published. Holds what runs the SDK end to end against
//! [fgs-emulator](fgs_emulator):
//!
//! - [`Sdk`]: one interface over the blocking client ([`Blocking`], fgs-ureq) and the
//!   async client ([`Async`], fgs-hyper on a runtime of its own), so that each
//!   integration scenario in `tests/it/` is written once and run through both (defined
//!   in [fgs-testkit](fgs_testkit), which the adapters' own suites use as well, and
//!   re-exported here);
//! - [`harness`]: an emulator with AK/SK auth on, fast retries, and a request counter
//!   built on the emulator's fault bookkeeping;
//! - [`bench`](mod@bench): the end-to-end benchmarks, `cargo run --release --example throughput`
//!   and `--example upload_memory`: the SDK's clients against raw clients that send the
//!   same bytes, and the memory of a large upload;
//! - [`demo`]: the README demo, `cargo run --example quickstart`, which walks all 21
//!   operations (the example and a test both call [`demo::run`]).
//!
//! The README's Rust snippets are compiled (and, where they need no network, run) as
//! doctests of this crate.
// Not published, and its modules are public only for its own examples and test
// binaries: the public-API lints have no API to guard here.
#![allow(missing_debug_implementations, unreachable_pub)]

pub mod bench;
pub mod demo;
pub mod harness;

pub use fgs_testkit::{
    Adapter, AnyClient, Async, Blocking, ClientSettings, Connect, Sdk, through_both_adapters,
};
pub use harness::{RequestCounter, aksk_emulator, echo_function, fast_retries, start};

/// Six hex digits from the clock, for names that two runs against the same endpoint
/// (and a leftover of an interrupted run) do not share.
pub fn unique_suffix() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos() ^ (d.as_secs() as u32));
    format!("{:06x}", nanos & 0xff_ffff)
}

/// The README's code blocks, compiled as doctests so that they cannot drift from the
/// API.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
