//! Get — `GET /v2/{project_id}/fgs/workflows/{workflow_id}` (official name
//! ShowWorkFlow).

use http::{Method, Request, Response};

use super::{Definition, workflow};
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model};
use crate::operation::Operation;
use crate::response;

model! {
    /// A workflow with its definition (the API's `WorkflowInfo`).
    pub struct WorkflowInfo {
        /// Who created it.
        pub created_by: Option<String>,
        /// When (`yyyy-MM-ddTHH:mm:ssZ`, UTC).
        pub created_time: Option<String>,
        /// Its definition.
        pub definition: Option<Definition>,
        /// Its id.
        pub id: Option<String>,
        /// The LTS log group of an express workflow that keeps logs.
        pub lts_group_id: Option<String>,
        /// The LTS log stream of an express workflow that keeps logs.
        pub lts_stream_id: Option<String>,
        /// When it last changed.
        pub updated_time: Option<String>,
        /// Its URN.
        pub workflow_urn: Option<String>,
    }
}

accessors!(WorkflowInfo {
    str created_by,
    str created_time,
    ref definition: Definition,
    str id,
    str lts_group_id,
    str lts_stream_id,
    str updated_time,
    str workflow_urn,
});

/// Reads a workflow and its definition.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, workflows::Get};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Get::new("48aff955");
/// assert_eq!(op.request(&config)?.uri().path(), "/v2/p1/fgs/workflows/48aff955");
/// let response = http::Response::builder().status(200).body(
///     r#"{"id":"48aff955","definition":{"name":"greet","start":"a","states":[
///         {"id":"a","name":"a","type":"End","end":true,"actions":[],"transition":""},
///         {"id":"b","type":"Switch","conditions":[]}]}}"#,
/// )?;
/// let info = op.response(response)?;
/// let states = info.definition().map(|d| d.states()).unwrap_or_default();
/// assert_eq!(states[0].typed().and_then(|s| s.end()), Some(true));
/// assert_eq!(states[1].kind(), Some("Switch")); // kept as raw JSON
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Get {
    workflow_id: String,
}

impl Get {
    /// The workflow `workflow_id`.
    pub fn new(workflow_id: impl Into<String>) -> Self {
        Get {
            workflow_id: workflow_id.into(),
        }
    }
}

impl Operation for Get {
    type Output = WorkflowInfo;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        workflow(config, Method::GET, &self.workflow_id)?.build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<WorkflowInfo, Error> {
        response::json(&response)
    }
}
