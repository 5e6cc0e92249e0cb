//! The adapters' suite: every scenario is written once, generic over
//! [`fgs_testkit::Connect`], and runs through fgs-ureq (blocking) and fgs-hyper (async)
//! against the scripted servers of this crate — errors of every class, what goes on the
//! wire, lazy paging. (Tracing has a binary of its own, `tests/tracing.rs`.)
//!
//! What only one adapter has stays in its crate (`UreqTransport::new` and
//! `with_transport` in fgs-ureq; `Send` futures and spawned tasks in fgs-hyper). Fault
//! injection and TLS for both adapters live in fgs-tests (`tests/faults/`,
//! `tests/tls.rs`); no case is asserted in both places.
//!
//! One test binary, so both adapters are linked once.

mod errors;
mod pages;
mod wire;
