//! BatchDelete — `DELETE /v2/{project_id}/fgs/workflows` (official name
//! BatchDeleteWorkflows).

use http::{Method, Request, Response};

use super::workflows;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model, request_body};
use crate::operation::Operation;
use crate::response;

request_body! {
    /// The body of [`BatchDelete`]: every field of the OAS `WorkflowDeleteBody`.
    pub struct BatchDeleteBody {
        required {
            /// The URNs of the workflows to delete.
            pub workflow_urns: Vec<String>,
        }
        optional {}
    }
}

model! {
    /// A workflow that was not deleted (the API's `OperateErrorInfo`).
    pub struct BatchDeleteFailure {
        /// Why.
        pub error_detail: Option<String>,
        /// Its URN.
        pub workflow_urn: Option<String>,
    }
}

accessors!(BatchDeleteFailure { str error_detail, str workflow_urn });

model! {
    /// What was deleted and what was not (the API's `OperateResponse`).
    pub struct BatchDeleteOutput {
        /// The workflows not deleted, with the reason.
        pub fail: Option<Vec<BatchDeleteFailure>>,
        /// The URNs deleted.
        pub success: Option<Vec<String>>,
    }
}

accessors!(BatchDeleteOutput { slice fail: BatchDeleteFailure, slice success: String });

/// Deletes workflows by URN; 200 (not 204) with the URNs deleted and those that were
/// not. One of the DELETEs with a JSON body: transports must send it.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, workflows::BatchDelete};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let urn = "urn:fss:cn-north-4:p1:workflow:default:greet:latest";
/// let op = BatchDelete::new([urn]);
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "DELETE");
/// assert_eq!(request.body(), format!(r#"{{"workflow_urns":["{urn}"]}}"#).as_bytes());
/// let response = http::Response::builder()
///     .status(200)
///     .body(format!(r#"{{"success":["{urn}"],"fail":[]}}"#))?;
/// assert_eq!(op.response(response)?.success(), [urn]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct BatchDelete {
    body: BatchDeleteBody,
}

impl BatchDelete {
    /// Deletes the workflows `workflow_urns`.
    pub fn new<U: Into<String>>(workflow_urns: impl IntoIterator<Item = U>) -> Self {
        BatchDelete {
            body: BatchDeleteBody {
                workflow_urns: workflow_urns.into_iter().map(Into::into).collect(),
                extra: serde_json::Map::new(),
            },
        }
    }

    /// The body.
    pub fn body(&self) -> &BatchDeleteBody {
        &self.body
    }

    /// The body, for direct access to every field.
    pub fn body_mut(&mut self) -> &mut BatchDeleteBody {
        &mut self.body
    }
}

impl Operation for BatchDelete {
    type Output = BatchDeleteOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        workflows(config, Method::DELETE).json(&self.body)?.build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<BatchDeleteOutput, Error> {
        response::json(&response)
    }
}
