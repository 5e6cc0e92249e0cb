//! ListExecutions — `GET /v2/{project_id}/fgs/workflows/{workflow_id}/executions`
//! (official name ListWorkflowExecutions), GetExecution — `GET …/executions/{execution_id}`
//! (ShowWorkflowExecution), and GetExecutionPage — `GET …/executions-history`
//! (ShowWorkflowExecutionForPage).

use http::{HeaderName, HeaderValue, Method, Request, Response};
use serde_json::{Map, Value};

use super::{execution, workflow};
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model, open_enum};
use crate::operation::Operation;
use crate::response;

open_enum! {
    /// The status of an execution or of one state's run.
    pub enum ExecutionStatus {
        /// It succeeded.
        Success = "success",
        /// It failed.
        Fail = "fail",
        /// It is running (or waiting for a callback).
        Running = "running",
        /// It ran out of time.
        Timeout = "timeout",
        /// It was stopped.
        Cancel = "cancel",
        /// It is scheduled.
        Scheduled = "scheduled",
        /// It was recovered.
        Recovered = "recovered",
        /// It is being retried.
        Retrying = "retrying",
        /// It is being stopped.
        Stopping = "stopping",
    }
}

model! {
    /// An execution in a listing (the API's `FlowExecutionBrief`, and
    /// `FlowExecutionBriefV2` of [`GetExecutionPage`]).
    pub struct ExecutionBrief {
        /// When it started (`yyyy-MM-ddTHH:mm:ssZ`, UTC).
        pub begin_time: Option<String>,
        /// Who started it.
        pub created_by: Option<String>,
        /// When it ended.
        pub end_time: Option<String>,
        /// Its id.
        pub execution_id: Option<String>,
        /// When it last changed.
        pub last_update_time: Option<String>,
        /// Its status.
        pub status: Option<ExecutionStatus>,
        /// The workflow's id.
        pub workflow_id: Option<String>,
        /// The workflow's URN.
        pub workflow_urn: Option<String>,
    }
}

accessors!(ExecutionBrief {
    str begin_time,
    str created_by,
    str end_time,
    str execution_id,
    str last_update_time,
    ref status: ExecutionStatus,
    str workflow_id,
    str workflow_urn,
});

/// The setters of the time window both listings take.
macro_rules! window_setters {
    ($op:ident) => {
        impl $op {
            /// Only executions started at or after this UTC time (default: three days
            /// before the end).
            pub fn start_time(mut self, time: impl Into<String>) -> Self {
                self.start_time = Some(time.into());
                self
            }

            /// Only executions started at or before this UTC time (default: three days
            /// after the start, or now).
            pub fn end_time(mut self, time: impl Into<String>) -> Self {
                self.end_time = Some(time.into());
                self
            }
        }
    };
}

/// Lists a workflow's executions (by default those of the last three days), optionally
/// of one status; `offset`/`limit` paged without a total, so a
/// [`Pager`](crate::paginate::Pager) reads until an empty page.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::workflows::{ExecutionStatus, ListExecutions};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = ListExecutions::new("48aff955").status(ExecutionStatus::Fail).limit(5);
/// assert_eq!(
///     op.request(&config)?.uri().query(),
///     Some("limit=5&status=fail")
/// );
/// let response = http::Response::builder().status(200).body(
///     r#"{"executions":[{"execution_id":"e1","status":"fail"}]}"#,
/// )?;
/// assert_eq!(op.response(response)?.executions()[0].status(), Some(&ExecutionStatus::Fail));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListExecutions {
    workflow_id: String,
    end_time: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
    start_time: Option<String>,
    status: Option<ExecutionStatus>,
}

impl ListExecutions {
    /// The executions of the workflow `workflow_id`.
    pub fn new(workflow_id: impl Into<String>) -> Self {
        ListExecutions {
            workflow_id: workflow_id.into(),
            end_time: None,
            limit: None,
            offset: None,
            start_time: None,
            status: None,
        }
    }

    /// Only executions of this status.
    pub fn status(mut self, status: ExecutionStatus) -> Self {
        self.status = Some(status);
        self
    }
}

window_setters!(ListExecutions);

model! {
    /// A page of executions (the API's `FlowExecutionList`).
    pub struct ListExecutionsOutput {
        /// The executions.
        pub executions: Option<Vec<ExecutionBrief>>,
    }
}

accessors!(ListExecutionsOutput { slice executions: ExecutionBrief });

impl Operation for ListExecutions {
    type Output = ListExecutionsOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        workflow(config, Method::GET, &self.workflow_id)?
            .path("executions")
            .query("end_time", self.end_time.as_deref())
            .query("limit", self.limit.as_deref())
            .query("offset", self.offset.as_deref())
            .query("start_time", self.start_time.as_deref())
            .query("status", self.status.as_ref().map(ExecutionStatus::as_str))
            .build()
    }

    fn response<B: AsRef<[u8]>>(
        &self,
        response: Response<B>,
    ) -> Result<ListExecutionsOutput, Error> {
        response::json(&response)
    }
}

page_setters!(ListExecutions, "executions");

offset_paged!(ListExecutions, ListExecutionsOutput, ExecutionBrief, executions, total: none);

model! {
    /// One run of a state (the API's `NodeExecution`); a retried state has several.
    pub struct NodeExecution {
        /// When it started (epoch milliseconds, UTC).
        pub begin_time: Option<i64>,
        /// When it ended (epoch milliseconds, UTC).
        pub end_time: Option<i64>,
        /// The error, when it failed.
        pub error_message: Option<Value>,
        /// The state's input.
        pub input: Option<Value>,
        /// The state's output.
        pub output: Option<Value>,
        /// The request id of the run.
        pub request_id: Option<String>,
        /// Its status.
        pub status: Option<ExecutionStatus>,
    }
}

accessors!(NodeExecution {
    copy begin_time: i64,
    copy end_time: i64,
    ref error_message: Value,
    ref input: Value,
    ref output: Value,
    str request_id,
    ref status: ExecutionStatus,
});

model! {
    /// A state's runs in an execution (the API's `NodeExecutionDetail`).
    pub struct NodeExecutionDetail {
        /// The id of the state's execution.
        pub execution_id: Option<String>,
        /// Its runs, oldest first.
        pub executions: Option<Vec<NodeExecution>>,
        /// The state's id.
        pub node_id: Option<String>,
        /// The state's name.
        pub node_name: Option<String>,
    }
}

accessors!(NodeExecutionDetail {
    str execution_id,
    slice executions: NodeExecution,
    str node_id,
    str node_name,
});

model! {
    /// An execution with its input, output and every state's runs (the API's
    /// `ExecutionDetails`).
    pub struct ExecutionDetails {
        /// When it started (`yyyy-MM-ddTHH:mm:ssZ`, UTC).
        pub begin_time: Option<String>,
        /// Who started it.
        pub created_by: Option<String>,
        /// When it ended.
        pub end_time: Option<String>,
        /// Its id.
        pub execution_id: Option<String>,
        /// The headers the functions were called with.
        pub headers: Option<Map<String, Value>>,
        /// Its input.
        pub input: Option<Value>,
        /// When it last changed.
        pub last_update_time: Option<String>,
        /// The states' runs, in the order they ran.
        pub node_execution_details: Option<Vec<NodeExecutionDetail>>,
        /// Its output.
        pub output: Option<Value>,
        /// Its status.
        pub status: Option<ExecutionStatus>,
        /// The workflow's id.
        pub workflow_id: Option<String>,
        /// The workflow's URN.
        pub workflow_urn: Option<String>,
    }
}

accessors!(ExecutionDetails {
    str begin_time,
    str created_by,
    str end_time,
    str execution_id,
    ref headers: Map<String, Value>,
    ref input: Value,
    str last_update_time,
    slice node_execution_details: NodeExecutionDetail,
    ref output: Value,
    ref status: ExecutionStatus,
    str workflow_id,
    str workflow_urn,
});

impl ExecutionDetails {
    /// The runs of the state `node_id` (empty if it has not run).
    pub fn node(&self, node_id: &str) -> &[NodeExecution] {
        self.node_execution_details()
            .iter()
            .find(|n| n.node_id() == Some(node_id))
            .map(NodeExecutionDetail::executions)
            .unwrap_or_default()
    }
}

/// Reads one execution with every state's runs.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::workflows::{ExecutionStatus, GetExecution};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = GetExecution::new("48aff955", "e1").full_history(true);
/// let request = op.request(&config)?;
/// assert_eq!(request.uri().path(), "/v2/p1/fgs/workflows/48aff955/executions/e1");
/// assert_eq!(request.headers()["x-get-workflow-full-history-data"], "true");
/// let response = http::Response::builder().status(200).body(
///     r#"{"execution_id":"e1","status":"success","output":{"n":2},
///        "node_execution_details":[{"node_id":"a","executions":[{"status":"success","begin_time":1705307400000}]}]}"#,
/// )?;
/// let details = op.response(response)?;
/// assert_eq!(details.node("a")[0].status(), Some(&ExecutionStatus::Success));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetExecution {
    workflow_id: String,
    execution_id: String,
    full_history: Option<bool>,
}

impl GetExecution {
    /// The execution `execution_id` of the workflow `workflow_id`.
    pub fn new(workflow_id: impl Into<String>, execution_id: impl Into<String>) -> Self {
        GetExecution {
            workflow_id: workflow_id.into(),
            execution_id: execution_id.into(),
            full_history: None,
        }
    }

    /// `X-Get-Workflow-Full-History-Data`: whether the states' inputs and outputs are
    /// answered whole.
    pub fn full_history(mut self, full: bool) -> Self {
        self.full_history = Some(full);
        self
    }
}

impl Operation for GetExecution {
    type Output = ExecutionDetails;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        let mut builder = execution(config, Method::GET, &self.workflow_id, &self.execution_id)?;
        if let Some(full) = self.full_history {
            builder.header(
                HeaderName::from_static("x-get-workflow-full-history-data"),
                HeaderValue::from_static(if full { "true" } else { "false" }),
            );
        }
        builder.build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<ExecutionDetails, Error> {
        response::json(&response)
    }
}

/// Reads a page of a workflow's execution history: `offset` and `limit` (1 to 100)
/// are required, the times are `YYYY-MM-DD hh:mm:ss` (UTC); the answer has the total,
/// so a [`Pager`](crate::paginate::Pager) stops at it.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, workflows::GetExecutionPage};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = GetExecutionPage::new("48aff955", 0, 10).start_time("2024-01-15 00:00:00");
/// assert_eq!(
///     op.request(&config)?.uri().query(),
///     Some("limit=10&offset=0&start_time=2024-01-15%2000%3A00%3A00")
/// );
/// let response = http::Response::builder().status(200).body(
///     r#"{"executions":[{"execution_id":"e1","status":"retrying"}],"size":1,"total":1}"#,
/// )?;
/// assert_eq!(op.response(response)?.total(), Some(1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetExecutionPage {
    workflow_id: String,
    end_time: Option<String>,
    limit: String,
    offset: Option<String>,
    start_time: Option<String>,
}

impl GetExecutionPage {
    /// `limit` executions of the workflow `workflow_id` from `offset`.
    pub fn new(workflow_id: impl Into<String>, offset: u32, limit: u32) -> Self {
        GetExecutionPage {
            workflow_id: workflow_id.into(),
            end_time: None,
            limit: limit.to_string(),
            offset: Some(offset.to_string()),
            start_time: None,
        }
    }
}

window_setters!(GetExecutionPage);

model! {
    /// A page of the execution history (the API's `ShowWorkflowExecutionForPage`).
    pub struct ExecutionPage {
        /// The executions.
        pub executions: Option<Vec<ExecutionBrief>>,
        /// How many this page holds.
        pub size: Option<i64>,
        /// How many match in all.
        pub total: Option<i64>,
    }
}

accessors!(ExecutionPage { slice executions: ExecutionBrief, copy size: i64, copy total: i64 });

impl Operation for GetExecutionPage {
    type Output = ExecutionPage;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        workflow(config, Method::GET, &self.workflow_id)?
            .path("executions-history")
            .query("end_time", self.end_time.as_deref())
            .query("limit", Some(&self.limit))
            // The offset is required: a pager's first page (no marker) starts at 0.
            .query("offset", Some(self.offset.as_deref().unwrap_or("0")))
            .query("start_time", self.start_time.as_deref())
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<ExecutionPage, Error> {
        response::json(&response)
    }
}

offset_paged!(GetExecutionPage, ExecutionPage, ExecutionBrief, executions, total: total);
