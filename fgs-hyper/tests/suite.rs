//! The adapters' shared suite (`testkit/suite/`: every error class, what goes on the
//! wire, lazy paging), written once for both adapters and run here through fgs-hyper.
//! Tracing has a binary of its own (`tests/tracing.rs`).

/// The adapter every scenario of the suite runs through.
type Adapter = fgs_testkit::Async;

#[path = "../../testkit/suite/errors.rs"]
mod errors;
#[path = "../../testkit/suite/pages.rs"]
mod pages;
#[path = "../../testkit/suite/wire.rs"]
mod wire;
