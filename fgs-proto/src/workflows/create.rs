//! Create — `POST /v2/{project_id}/fgs/workflows` (official name CreateWorkflow), and
//! Update — `PUT /v2/{project_id}/fgs/workflows/{workflow_id}` (UpdateWorkFlow).

use http::{Method, Request, Response};

use super::{Definition, workflow, workflows};
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model};
use crate::operation::Operation;
use crate::response;

model! {
    /// A workflow without its definition (the API's `WorkflowSimpleInfo`): what Create
    /// and Update answer, and each item of [`List`](super::List).
    pub struct WorkflowSummary {
        /// Who created it.
        pub created_by: Option<String>,
        /// When (`yyyy-MM-ddTHH:mm:ssZ`, UTC).
        pub created_time: Option<String>,
        /// Its description.
        pub description: Option<String>,
        /// Whether executions answer a stream.
        pub enable_stream_response: Option<bool>,
        /// Its id (the `workflow_id` of the other operations).
        pub id: Option<String>,
        /// Its name.
        pub name: Option<String>,
        /// When it last changed (`yyyy-MM-ddTHH:mm:ssZ`, UTC).
        pub updated_time: Option<String>,
        /// Its URN (`urn:fss:<region>:<project>:workflow:default:<name>:latest`), which
        /// [`BatchDelete`](super::BatchDelete) takes.
        pub workflow_urn: Option<String>,
    }
}

accessors!(WorkflowSummary {
    str created_by,
    str created_time,
    str description,
    copy enable_stream_response: bool,
    str id,
    str name,
    str updated_time,
    str workflow_urn,
});

/// Creates a workflow from its definition; 201 with the new workflow's summary.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::workflows::{Action, Create, Definition, OperationState, WorkflowFunction};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let definition = Definition::new(
///     "greet",
///     "hello",
///     vec![WorkflowFunction::new("hello", "urn:fss:cn-north-4:p1:function:default:hello:latest")],
///     vec![OperationState::operation("hello", "hello", vec![Action::call("hello")]).ends().into()],
/// );
/// let op = Create::new(definition);
/// let request = op.request(&config)?;
/// assert_eq!((request.method().as_str(), request.uri().path()), ("POST", "/v2/p1/fgs/workflows"));
/// let response = http::Response::builder().status(201).body(
///     r#"{"id":"48aff955","name":"greet","workflow_urn":"urn:fss:cn-north-4:p1:workflow:default:greet:latest"}"#,
/// )?;
/// assert_eq!(op.response(response)?.id(), Some("48aff955"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Create {
    definition: Definition,
}

impl Create {
    /// Creates the workflow `definition` describes.
    pub fn new(definition: Definition) -> Self {
        Create { definition }
    }

    /// The definition sent.
    pub fn definition(&self) -> &Definition {
        &self.definition
    }

    /// The definition, for direct access to every field.
    pub fn definition_mut(&mut self) -> &mut Definition {
        &mut self.definition
    }
}

impl Operation for Create {
    type Output = WorkflowSummary;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        workflows(config, Method::POST)
            .json(&self.definition)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<WorkflowSummary, Error> {
        response::json(&response)
    }
}

/// Replaces a workflow's definition; answers its summary.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::workflows::{Definition, OperationState, Update};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let definition = Definition::new(
///     "greet",
///     "done",
///     vec![],
///     vec![OperationState::end_state("done", "done").into()],
/// )
/// .with_description("nothing to do");
/// let op = Update::new("48aff955", definition);
/// let request = op.request(&config)?;
/// assert_eq!((request.method().as_str(), request.uri().path()), ("PUT", "/v2/p1/fgs/workflows/48aff955"));
/// let response = http::Response::builder().status(200).body(
///     r#"{"id":"48aff955","description":"nothing to do","updated_time":"2021-01-01T00:00:00Z"}"#,
/// )?;
/// assert_eq!(op.response(response)?.description(), Some("nothing to do"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    workflow_id: String,
    definition: Definition,
}

impl Update {
    /// Replaces the definition of the workflow `workflow_id` with `definition`.
    pub fn new(workflow_id: impl Into<String>, definition: Definition) -> Self {
        Update {
            workflow_id: workflow_id.into(),
            definition,
        }
    }

    /// The definition sent.
    pub fn definition(&self) -> &Definition {
        &self.definition
    }

    /// The definition, for direct access to every field.
    pub fn definition_mut(&mut self) -> &mut Definition {
        &mut self.definition
    }
}

impl Operation for Update {
    type Output = WorkflowSummary;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        workflow(config, Method::PUT, &self.workflow_id)?
            .json(&self.definition)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<WorkflowSummary, Error> {
        response::json(&response)
    }
}
