//! What runs behind the API: the in-memory state, function handlers and their runner,
//! the asynchronous invocation record, and service timestamps.

pub(crate) mod async_log;
pub(crate) mod async_run;
pub(crate) mod catalog;
pub(crate) mod clock;
pub(crate) mod invocation;
pub(crate) mod runner;
pub(crate) mod state;
pub(crate) mod stats;
pub(crate) mod workflow;
