//! Cross-transport integration tests: every scenario is a generic function over
//! [`fgs_tests::Sdk`], run once through fgs-ureq (blocking) and once through fgs-hyper
//! (async), each run against an emulator of its own with AK/SK authentication on.
//!
//! One test binary (modules, not files under `tests/`), so the SDK, both adapters and
//! the emulator are linked once.
// A test binary has no public API: its scenario types are printed by no test.
#![allow(missing_debug_implementations)]

// Each scenario module turns its scenarios into one test per adapter with
// `fgs_tests::through_both_adapters!` (defined in fgs-testkit, as used by the adapters'
// own suites).

mod apps;
mod async_invocations;
mod auth;
mod bench;
mod demo;
mod large_code;
mod layers;
mod lifecycle;
mod metrics;
mod observability;
mod readme;
mod retries;
mod scaling;
mod tags;
mod trigger_update;
mod workflows;
