//! The fuzz harness: what each target does with one input, and what must hold.
//!
//! Written once and compiled twice: by the cargo-fuzz targets in `fuzz/fuzz_targets/`
//! and by the corpus regression test `fgs-proto/tests/fuzz_corpus.rs`, which runs every
//! committed corpus file and crash reproducer through the same functions on every CI run.
//! Each target module has a `run(&[u8])` that panics when an invariant breaks and
//! otherwise returns what happened, so the regression test can also check that the seeds
//! reach the interesting paths.
// Each includer uses only some of the targets.
#![allow(dead_code)]

pub(crate) mod authorization;
pub(crate) mod error_body;
// The one sample value per operation, shared with fgs-proto's tests.
#[path = "../../fgs-proto/tests/common/fixtures.rs"]
pub(crate) mod fixtures;
pub(crate) mod responses;
pub(crate) mod urn;
pub(crate) mod wire;

/// The fuzz targets, as named in `fuzz/Cargo.toml`, `fuzz/corpus/` and
/// `fuzz/regressions/`.
pub(crate) const TARGETS: [&str; 4] = ["responses", "authorization", "urn", "error_body"];
