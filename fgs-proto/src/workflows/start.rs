//! Start — `POST /v2/{project_id}/fgs/workflows/{workflow_id}/executions` (official
//! name StartWorkflowExecution), and StartSync — `POST …/{workflow_id}/sync-executions`
//! (StartSyncWorkflowExecution).

use http::{HeaderName, Method, Request, Response};
use serde_json::{Map, Value};

use super::{header_value, workflow};
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model, open_enum, request_body};
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

request_body! {
    /// The body of [`Start`] and [`StartSync`]: every field of the OAS
    /// `FlowExecuteBody`.
    pub struct ExecuteBody {
        required {
            /// The execution's input (a JSON object).
            pub input: Value,
        }
        optional {
            /// Headers the functions are called with.
            pub headers: Option<Map<String, Value>>,
        }
    }
}

impl ExecuteBody {
    fn new(input: Value) -> Self {
        ExecuteBody {
            input,
            headers: None,
            extra: Map::new(),
        }
    }
}

/// The body, refused before sending when the input is not an object (the API's type).
fn execute_request(
    config: &Config,
    workflow_id: &str,
    path: &'static str,
    body: &ExecuteBody,
) -> Result<RequestBuilder, Error> {
    if !body.input.is_object() {
        return Err(Error::invalid_input("input", "must be a JSON object"));
    }
    let mut builder = workflow(config, Method::POST, workflow_id)?;
    builder.path(path).json(body)?;
    Ok(builder)
}

/// The setters [`Start`] and [`StartSync`] share.
macro_rules! execute_setters {
    ($op:ident) => {
        impl $op {
            /// Sets a header the functions are called with.
            pub fn function_header(
                mut self,
                name: impl Into<String>,
                value: impl Into<String>,
            ) -> Self {
                self.body
                    .headers
                    .get_or_insert_with(Map::new)
                    .insert(name.into(), Value::String(value.into()));
                self
            }

            /// The body.
            pub fn body(&self) -> &ExecuteBody {
                &self.body
            }

            /// The body, for direct access to every field.
            pub fn body_mut(&mut self) -> &mut ExecuteBody {
                &mut self.body
            }
        }
    };
}

model! {
    /// The id of an execution started (the API's `FlowExecuteResponse`).
    pub struct StartOutput {
        /// The execution's id.
        pub execution_id: Option<String>,
    }
}

accessors!(StartOutput { str execution_id });

/// Starts an execution of a workflow; answers its id at once (the execution runs on:
/// follow it with [`GetExecution`](super::GetExecution)).
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, workflows::Start};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Start::new("48aff955", serde_json::json!({"size": 3})).run_id("run-1");
/// let request = op.request(&config)?;
/// assert_eq!(request.uri().path(), "/v2/p1/fgs/workflows/48aff955/executions");
/// assert_eq!(request.headers()["x-workflowrun-id"], "run-1");
/// assert_eq!(request.body(), br#"{"input":{"size":3}}"#);
/// let response = http::Response::builder().status(200).body(r#"{"execution_id":"e1"}"#)?;
/// assert_eq!(op.response(response)?.execution_id(), Some("e1"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Start {
    workflow_id: String,
    body: ExecuteBody,
    create_time: Option<String>,
    run_id: Option<String>,
    merge_fn_parameters: Option<String>,
}

impl Start {
    /// Starts the workflow `workflow_id` on `input` (a JSON object).
    pub fn new(workflow_id: impl Into<String>, input: Value) -> Self {
        Start {
            workflow_id: workflow_id.into(),
            body: ExecuteBody::new(input),
            create_time: None,
            run_id: None,
            merge_fn_parameters: None,
        }
    }

    /// `X-Create-Time`: when the run was created.
    pub fn create_time(mut self, time: impl Into<String>) -> Self {
        self.create_time = Some(time.into());
        self
    }

    /// `X-WorkflowRun-ID`: the run's id of the caller's choosing.
    pub fn run_id(mut self, id: impl Into<String>) -> Self {
        self.run_id = Some(id.into());
        self
    }

    /// `X-WorkflowRun-MergeFnParameters`: whether each state's input is the previous
    /// state's output merged into it (`true`/`false`, as text).
    pub fn merge_fn_parameters(mut self, merge: bool) -> Self {
        self.merge_fn_parameters = Some(merge.to_string());
        self
    }
}

execute_setters!(Start);

impl Operation for Start {
    type Output = StartOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        let mut builder = execute_request(config, &self.workflow_id, "executions", &self.body)?;
        for (name, value) in [
            ("x-create-time", &self.create_time),
            ("x-workflowrun-id", &self.run_id),
            ("x-workflowrun-mergefnparameters", &self.merge_fn_parameters),
        ] {
            if let Some(value) = value {
                builder.header(HeaderName::from_static(name), header_value(name, value)?);
            }
        }
        builder.build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<StartOutput, Error> {
        response::json(&response)
    }
}

open_enum! {
    /// How a synchronous execution ended.
    pub enum SyncStatus {
        /// It succeeded; `output` holds the result.
        Success = "success",
        /// It failed; `errors` says where.
        Fail = "fail",
        /// It ran out of time.
        Timeout = "timeout",
    }
}

model! {
    /// A state's error in a synchronous execution (the API's
    /// `SyncExecutionNodeErrorDetail`).
    pub struct NodeError {
        /// When the state started (`yyyy-MM-ddTHH:mm:ssZ`).
        pub begin_time: Option<String>,
        /// When it ended.
        pub end_time: Option<String>,
        /// The error.
        pub error_message: Option<String>,
        /// The state's id.
        pub node_id: Option<String>,
    }
}

accessors!(NodeError { str begin_time, str end_time, str error_message, str node_id });

model! {
    /// The outcome of a synchronous execution (the API's `SyncExecuteResponse`).
    pub struct SyncOutput {
        /// When it started (`yyyy-MM-ddTHH:mm:ssZ`).
        pub begin_time: Option<String>,
        /// When it ended.
        pub end_time: Option<String>,
        /// The errors, when it failed.
        pub errors: Option<Vec<NodeError>>,
        /// Its id.
        pub execution_id: Option<String>,
        /// The final output, when it succeeded.
        pub output: Option<Value>,
        /// How it ended.
        pub status: Option<SyncStatus>,
    }
}

accessors!(SyncOutput {
    str begin_time,
    str end_time,
    slice errors: NodeError,
    str execution_id,
    ref output: Value,
    ref status: SyncStatus,
});

/// Runs an express workflow to its end and answers the final output (or the errors).
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::workflows::{StartSync, SyncStatus};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = StartSync::new("48aff955", serde_json::json!({"n": 1}));
/// assert_eq!(op.request(&config)?.uri().path(), "/v2/p1/fgs/workflows/48aff955/sync-executions");
/// let response = http::Response::builder().status(200).body(
///     r#"{"execution_id":"e1","status":"success","output":{"n":2},"errors":[],
///        "begin_time":"2024-01-15T08:30:00Z","end_time":"2024-01-15T08:30:01Z"}"#,
/// )?;
/// let outcome = op.response(response)?;
/// assert_eq!(outcome.status(), Some(&SyncStatus::Success));
/// assert_eq!(outcome.output().map(|o| o["n"].clone()), Some(2.into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct StartSync {
    workflow_id: String,
    body: ExecuteBody,
}

impl StartSync {
    /// Runs the workflow `workflow_id` on `input` (a JSON object).
    pub fn new(workflow_id: impl Into<String>, input: Value) -> Self {
        StartSync {
            workflow_id: workflow_id.into(),
            body: ExecuteBody::new(input),
        }
    }
}

execute_setters!(StartSync);

impl Operation for StartSync {
    type Output = SyncOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        execute_request(config, &self.workflow_id, "sync-executions", &self.body)?.build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<SyncOutput, Error> {
        response::json(&response)
    }
}
