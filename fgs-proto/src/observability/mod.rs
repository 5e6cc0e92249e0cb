//! Logs and tracing: LTS log reporting and a function's log group and stream, the
//! project's asynchronous-invocation status log, and a function's APM tracing keys.
//!
//! The official API has no Go SDK counterpart for these; the types are named in the
//! style of [`functions`](crate::functions): `observability::EnableLts`,
//! `observability::GetLtsDetails`, `observability::EnableAsyncStatusLog`,
//! `observability::GetAsyncStatusLog`, `observability::GetTracing`,
//! `observability::UpdateTracing`.

mod async_status_log;
mod lts;
mod tracing;

pub use async_status_log::{EnableAsyncStatusLog, GetAsyncStatusLog};
pub use lts::{EnableLts, GetLtsDetails};
pub use tracing::{GetTracing, TracingKeys, UpdateTracing, UpdateTracingBody};

use crate::model::macros::{accessors, model};

model! {
    /// Where logs go: an LTS log group and stream (the OAS
    /// `ShowLtsLogDetailsResponseBody`, answered by [`GetLtsDetails`] and
    /// [`GetAsyncStatusLog`]).
    pub struct LogDetails {
        /// The log group's id.
        pub group_id: Option<String>,
        /// The log group's name.
        pub group_name: Option<String>,
        /// The log stream's id.
        pub stream_id: Option<String>,
        /// The log stream's name.
        pub stream_name: Option<String>,
    }
}

accessors!(LogDetails { str group_id, str group_name, str stream_id, str stream_name });
