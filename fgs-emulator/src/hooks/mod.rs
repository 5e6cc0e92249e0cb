//! Test hooks: fault injection and state snapshots.

pub(crate) mod fault;
pub(crate) mod snapshot;
