//! Tracing through fgs-hyper: the shared scenario of `testkit/suite/tracing.rs`.
//!
//! A test binary of its own: tracing caches per call site whether anyone listens, and a
//! test without a subscriber emitting the same events on another thread can race that
//! cache into dropping an event here.

/// The adapter the scenario runs through.
type Adapter = fgs_testkit::Async;

#[path = "../../testkit/suite/tracing.rs"]
mod tracing_scenario;
