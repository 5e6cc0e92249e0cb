//! Asynchronous invocation: a function's async configuration (retries, event age,
//! destinations of results) and the records of its asynchronous invocations.
//!
//! The official API has no Go SDK counterpart for these; the types are named in the
//! style of [`functions`](crate::functions): `async_invocations::UpdateConfig`,
//! `GetConfig`, `ListConfigs`, `DeleteConfig` for the configuration, and `List`,
//! `ListActive`, `Cancel` for the records.
//!
//! The configuration is per function version or alias (the URN's qualifier). With it,
//! a failing handler is retried up to `max_async_retry_attempts` times while the event
//! is younger than `max_async_event_age_in_seconds`, and the outcome is sent to the
//! `on_success` or `on_failure` destination
//! ([`FuncAsyncDestinationConfig`]).

mod cancel;
mod delete_config;
mod get_config;
mod list;
mod list_active;
mod list_configs;
mod update_config;

pub use cancel::{Cancel, CancelBody, CancelType};
pub use delete_config::DeleteConfig;
pub use get_config::GetConfig;
pub use list::List;
pub use list_active::ListActive;
pub use list_configs::{ListConfigs, ListConfigsOutput};
pub use update_config::{UpdateConfig, UpdateConfigBody};

use http::Method;

use crate::config::Config;
use crate::error::Error;
use crate::model::FuncAsyncDestinationConfig;
use crate::model::macros::{accessors, model, open_enum};
use crate::request::RequestBuilder;

model! {
    /// The asynchronous invocation configuration of a function version or alias (the
    /// answer of [`UpdateConfig`] and [`GetConfig`], an item of [`ListConfigs`]).
    pub struct AsyncInvokeConfig {
        /// The URN of the version or alias it applies to.
        pub func_urn: Option<String>,
        /// How long an event may wait to run, in seconds.
        pub max_async_event_age_in_seconds: Option<i64>,
        /// How many times a failed invocation is retried.
        pub max_async_retry_attempts: Option<i64>,
        /// Where results go.
        pub destination_config: Option<FuncAsyncDestinationConfig>,
        /// Whether invocation statuses are kept (`enable_async_status_log`).
        pub enable_async_status_log: Option<bool>,
        /// When it was created (`2021-03-04T14:50:02+08:00`).
        pub created_time: Option<String>,
        /// When it last changed.
        pub last_modified: Option<String>,
    }
}

accessors!(AsyncInvokeConfig {
    str func_urn,
    copy max_async_event_age_in_seconds: i64,
    copy max_async_retry_attempts: i64,
    ref destination_config: FuncAsyncDestinationConfig,
    copy enable_async_status_log: bool,
    str created_time,
    str last_modified,
});

open_enum! {
    /// Where an asynchronous invocation stands.
    pub enum InvocationStatus {
        /// Accepted, not started yet.
        Wait = "WAIT",
        /// Running (or between retries).
        Running = "RUNNING",
        /// The handler succeeded.
        Success = "SUCCESS",
        /// The handler failed on its last attempt.
        Fail = "FAIL",
        /// Dropped without a result: too old to run, or cancelled.
        Discard = "DISCARD",
    }
}

model! {
    /// The record of one asynchronous invocation.
    pub struct AsyncInvocation {
        /// The `request_id` AsyncInvoke answered.
        pub request_id: Option<String>,
        /// Where it stands.
        pub status: Option<InvocationStatus>,
        /// When it started (`YYYY-MM-DDThh:mm:ss`, UTC).
        pub start_time: Option<String>,
        /// When it ended (`YYYY-MM-DDThh:mm:ss`, UTC).
        pub end_time: Option<String>,
        /// `0` on success, else the service's error code.
        pub error_code: Option<i64>,
        /// Empty on success, else what went wrong.
        pub error_message: Option<String>,
    }
}

accessors!(AsyncInvocation {
    str request_id,
    ref status: InvocationStatus,
    str start_time,
    str end_time,
    copy error_code: i64,
    str error_message,
});

model! {
    /// One page of invocation records ([`List`], [`ListActive`]).
    pub struct ListOutput {
        /// The records.
        pub invocations: Option<Vec<AsyncInvocation>>,
        /// Where the next page starts (the `marker` to send).
        pub next_marker: Option<i64>,
        /// How many records match in all.
        pub count: Option<i64>,
    }
}

accessors!(ListOutput {
    slice invocations: AsyncInvocation,
    copy next_marker: i64,
    copy count: i64,
});

/// `…/fgs/functions/{function_urn}/{tail}`.
fn function_path(
    config: &Config,
    method: Method,
    function_urn: &str,
    tail: &'static str,
) -> Result<RequestBuilder, Error> {
    let mut builder = RequestBuilder::new(config, method);
    builder
        .path("functions")
        .param("function_urn", function_urn)?
        .path(tail);
    Ok(builder)
}

/// The query filters [`List`] and [`ListActive`] share, and their setters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct RecordQuery {
    limit: Option<u32>,
    status: Option<InvocationStatus>,
    query_begin_time: Option<String>,
    query_end_time: Option<String>,
}

impl RecordQuery {
    /// Appends the query parameters in alphabetical order: the shared ones, the
    /// `marker`, and the operation's own request-id parameter `ids`.
    fn apply(
        &self,
        builder: &mut RequestBuilder,
        marker: Option<&str>,
        ids: (&'static str, Option<&str>),
    ) {
        builder
            .query_number("limit", self.limit)
            .query("marker", marker)
            .query("query_begin_time", self.query_begin_time.as_deref())
            .query("query_end_time", self.query_end_time.as_deref())
            .query(ids.0, ids.1)
            .query("status", self.status.as_ref().map(InvocationStatus::as_str));
    }
}

/// The setters of the filters [`List`] and [`ListActive`] share.
macro_rules! record_query_setters {
    ($op:ident) => {
        impl $op {
            /// Starts at this record (the `next_marker` of the previous page).
            pub fn marker(mut self, marker: impl Into<String>) -> Self {
                self.marker = Some(marker.into());
                self
            }

            /// Page size (the service's default 100, at most 500).
            pub fn limit(mut self, limit: u32) -> Self {
                self.query.limit = Some(limit);
                self
            }

            /// Only records with this status.
            pub fn status(mut self, status: super::InvocationStatus) -> Self {
                self.query.status = Some(status);
                self
            }

            /// Only records from this time on, `YYYY-MM-DDThh:mm:ss` in UTC (the
            /// service's default: an hour ago).
            pub fn query_begin_time(mut self, time: impl Into<String>) -> Self {
                self.query.query_begin_time = Some(time.into());
                self
            }

            /// Only records up to this time, `YYYY-MM-DDThh:mm:ss` in UTC (the
            /// service's default: now).
            pub fn query_end_time(mut self, time: impl Into<String>) -> Self {
                self.query.query_end_time = Some(time.into());
                self
            }

            /// The function URN.
            pub fn function_urn(&self) -> &str {
                &self.function_urn
            }
        }

        crate::paginate::marker_paged!($op, super::ListOutput, super::AsyncInvocation, invocations);
    };
}
use record_query_setters;
