//! Callback — `POST /v2/{project_id}/fgs/workflows/{workflow_id}/callback` (official
//! name CreateCallbackWorkflow).

use http::{HeaderName, Method, Request, Response};
use serde_json::{Map, Value};

use super::{StartOutput, header_value, workflow};
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{open_enum, request_body};
use crate::operation::Operation;
use crate::response;

open_enum! {
    /// The outcome a callback reports.
    pub enum CallbackResult {
        /// The awaited work succeeded; the execution goes on with the output.
        Success = "success",
        /// It failed; the execution fails.
        Fail = "fail",
    }
}

request_body! {
    /// The body of [`Callback`]: every field of the OAS `CallbackWorkflowRequestBody`.
    pub struct CallbackBody {
        required {
            /// The outcome.
            pub result: CallbackResult,
            /// The output (a JSON object; meaningful on success).
            pub output: Map<String, Value>,
        }
        optional {
            /// The error, on failure.
            pub error: Option<String>,
        }
    }
}

/// Reports the outcome of the state an execution waits on, which resumes it; answers
/// the execution's id. The execution and the state are named by the headers
/// `X-Workflow-Run-Id` and `X-Workflow-State-Id`.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::workflows::{Callback, CallbackResult};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let mut output = serde_json::Map::new();
/// output.insert("approved".into(), true.into());
/// let op = Callback::new("48aff955", "e1", "approval", CallbackResult::Success, output);
/// let request = op.request(&config)?;
/// assert_eq!(request.uri().path(), "/v2/p1/fgs/workflows/48aff955/callback");
/// assert_eq!(request.headers()["x-workflow-run-id"], "e1");
/// assert_eq!(request.headers()["x-workflow-state-id"], "approval");
/// assert_eq!(request.body(), br#"{"result":"success","output":{"approved":true}}"#);
/// let response = http::Response::builder().status(200).body(r#"{"execution_id":"e1"}"#)?;
/// assert_eq!(op.response(response)?.execution_id(), Some("e1"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Callback {
    workflow_id: String,
    run_id: String,
    state_id: String,
    body: CallbackBody,
}

impl Callback {
    /// Reports `result` with `output` for the state `state_id` of the execution
    /// `run_id` of the workflow `workflow_id`.
    pub fn new(
        workflow_id: impl Into<String>,
        run_id: impl Into<String>,
        state_id: impl Into<String>,
        result: CallbackResult,
        output: Map<String, Value>,
    ) -> Self {
        Callback {
            workflow_id: workflow_id.into(),
            run_id: run_id.into(),
            state_id: state_id.into(),
            body: CallbackBody {
                result,
                output,
                error: None,
                extra: Map::new(),
            },
        }
    }

    /// The error reported (with [`CallbackResult::Fail`]).
    pub fn error(mut self, error: impl Into<String>) -> Self {
        self.body.error = Some(error.into());
        self
    }

    /// The body.
    pub fn body(&self) -> &CallbackBody {
        &self.body
    }

    /// The body, for direct access to every field.
    pub fn body_mut(&mut self) -> &mut CallbackBody {
        &mut self.body
    }
}

impl Operation for Callback {
    type Output = StartOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        workflow(config, Method::POST, &self.workflow_id)?
            .path("callback")
            .header(
                HeaderName::from_static("x-workflow-run-id"),
                header_value("run_id", &self.run_id)?,
            )
            .header(
                HeaderName::from_static("x-workflow-state-id"),
                header_value("state_id", &self.state_id)?,
            )
            .json(&self.body)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<StartOutput, Error> {
        response::json(&response)
    }
}
