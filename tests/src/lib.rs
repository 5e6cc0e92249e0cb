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
//! - tests of the README demo (`fgs-examples`, `cargo run --example quickstart`) and of
//!   the end-to-end benchmark programs (`fgs-benches`, `cargo bench -p fgs-benches`).
//!
//! The README's Rust snippets are compiled (and, where they need no network, run) as
//! doctests of this crate.
// Not published: its harness types are handles to emulators and counters that no test
// prints, so `Debug` on each would be code without a reader.
#![allow(missing_debug_implementations)]

pub mod harness;

pub use fgs_testkit::{
    Adapter, AnyClient, Async, Blocking, ClientSettings, Connect, Sdk, through_both_adapters,
    unique_suffix,
};
pub use harness::{RequestCounter, aksk_emulator, echo_function, fast_retries, start};

/// The README's code blocks, compiled as doctests so that they cannot drift from the
/// API.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// The published crates' own READMEs (their crates.io pages), compiled likewise.
#[doc = include_str!("../../fgs-ureq/README.md")]
#[doc = include_str!("../../fgs-hyper/README.md")]
#[doc = include_str!("../../fgs-emulator/README.md")]
#[cfg(doctest)]
pub struct CrateReadmeDoctests;
