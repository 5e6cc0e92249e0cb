//! Workflow (function flow) operations: definitions of states that call functions,
//! their executions, and the controls of a running execution.
//!
//! The official API has no Go SDK counterpart; the types are named in the style of
//! [`functions`](crate::functions): `workflows::Create`, `List`, `Get`, `Update`,
//! `BatchDelete` for definitions; `Start`, `StartSync`, `ListExecutions`,
//! `GetExecution`, `GetExecutionPage` for executions; `Retry`, `Stop`, `Callback` for
//! a running one.
//!
//! A [`Definition`] is typed: its [`State`]s are [`OperationState`]s for the kinds the
//! API documents ([`StateKind`]: `Operation`, `Sleep`, `End`), with the raw JSON kept
//! for any other kind ([`State::Raw`]), so that a definition read from the service is
//! sent back unchanged.
//!
//! ```
//! use fgs_proto::workflows::{Action, Definition, OperationState, WorkflowFunction};
//!
//! let definition = Definition::new(
//!     "resize",
//!     "fetch",
//!     vec![
//!         WorkflowFunction::new("fetch", "urn:fss:cn-north-4:p1:function:default:fetch:latest"),
//!         WorkflowFunction::new("shrink", "urn:fss:cn-north-4:p1:function:default:shrink:latest"),
//!     ],
//!     vec![
//!         OperationState::operation("fetch", "fetch", vec![Action::call("fetch")])
//!             .then("shrink")
//!             .into(),
//!         OperationState::operation("shrink", "shrink", vec![Action::call("shrink")])
//!             .ends()
//!             .into(),
//!     ],
//! );
//! let json = serde_json::to_value(&definition)?;
//! assert_eq!(json["states"][0]["transition"], "shrink");
//! assert_eq!(json["states"][1]["end"], true);
//! let back: Definition = serde_json::from_value(json)?;
//! assert_eq!(back, definition);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

/// Implements [`Paginated`](crate::paginate::Paginated) for a listing paged by its
/// `offset` query field: its answer (`$output`) holds the items in the
/// `Option<Vec<_>>` field `$items` and the total in `$total` (`none` when it answers
/// none, so that the pager reads until an empty page).
macro_rules! offset_paged {
    ($op:ty, $output:ty, $item:ty, $items:ident, total: $total:tt) => {
        impl crate::paginate::Paginated for $op {
            type Item = $item;

            fn page_marker(&self) -> Option<&str> {
                self.offset.as_deref()
            }

            fn set_page_marker(&mut self, marker: Option<String>) {
                self.offset = marker;
            }

            fn page_info(output: &$output) -> crate::paginate::PageInfo {
                crate::paginate::PageInfo {
                    len: output.$items.as_ref().map_or(0, Vec::len),
                    next_marker: None,
                    count: offset_paged!(@total output, $total),
                }
            }

            fn into_items(output: $output) -> Vec<$item> {
                output.$items.unwrap_or_default()
            }
        }
    };
    (@total $output:ident, none) => {
        None
    };
    (@total $output:ident, $field:ident) => {
        $output.$field
    };
}

/// The `limit` and `offset` setters of a listing whose page size is optional (200 at
/// most).
macro_rules! page_setters {
    ($op:ident, $what:literal) => {
        impl $op {
            /// Page size (at most 200; the service's default is 200).
            pub fn limit(mut self, limit: u32) -> Self {
                self.limit = Some(limit.to_string());
                self
            }

            #[doc = concat!("Skips this many ", $what, ".")]
            pub fn offset(mut self, offset: u32) -> Self {
                self.offset = Some(offset.to_string());
                self
            }
        }
    };
}

mod batch_delete;
mod callback;
mod control;
mod create;
mod definition;
mod executions;
mod get;
mod list;
mod start;

pub use batch_delete::{BatchDelete, BatchDeleteBody, BatchDeleteFailure, BatchDeleteOutput};
pub use callback::{Callback, CallbackBody, CallbackResult};
pub use control::{Retry, Stop};
pub use create::{Create, Update, WorkflowSummary};
pub use definition::{
    Action, ActionMode, Definition, ExpressConfig, FunctionRef, InvokeMode, LogLevel,
    ObsTriggerConfig, OnError, OperationState, RetryPolicy, State, StateDataFilter, StateKind,
    TriggerKind, WorkflowFunction, WorkflowMode, WorkflowTrigger,
};
pub use executions::{
    ExecutionBrief, ExecutionDetails, ExecutionPage, ExecutionStatus, GetExecution,
    GetExecutionPage, ListExecutions, ListExecutionsOutput, NodeExecution, NodeExecutionDetail,
};
pub use get::{Get, WorkflowInfo};
pub use list::{List, ListOutput};
pub use start::{ExecuteBody, NodeError, Start, StartOutput, StartSync, SyncOutput, SyncStatus};

use http::Method;

use crate::config::Config;
use crate::error::Error;
use crate::request::RequestBuilder;

/// `…/fgs/workflows`.
fn workflows(config: &Config, method: Method) -> RequestBuilder {
    let mut builder = RequestBuilder::new(config, method);
    builder.path("workflows");
    builder
}

/// `…/fgs/workflows/{workflow_id}`.
fn workflow(config: &Config, method: Method, workflow_id: &str) -> Result<RequestBuilder, Error> {
    let mut builder = workflows(config, method);
    builder.param("workflow_id", workflow_id)?;
    Ok(builder)
}

/// `…/fgs/workflows/{workflow_id}/executions/{execution_id}`.
fn execution(
    config: &Config,
    method: Method,
    workflow_id: &str,
    execution_id: &str,
) -> Result<RequestBuilder, Error> {
    let mut builder = workflow(config, method, workflow_id)?;
    builder
        .path("executions")
        .param("execution_id", execution_id)?;
    Ok(builder)
}

/// A header value from caller text, refused (not sent) when it is not a valid value.
fn header_value(field: &'static str, value: &str) -> Result<http::HeaderValue, Error> {
    http::HeaderValue::from_str(value)
        .map_err(|_| Error::invalid_input(field, "is not a valid header value"))
}
