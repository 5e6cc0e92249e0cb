//! Retry — `POST /v2/{project_id}/fgs/workflows/{workflow_id}/executions/{execution_id}/retry`
//! (official name RetryWorkFlow), and Stop — `POST …/{execution_id}/terminate`
//! (StopWorkFlow).

use http::{Method, Request, Response};

use super::execution;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::operation::Operation;
use crate::response;

/// The operations on one execution that send nothing and answer nothing: both are
/// POSTs with an empty body (not `{}`: the body's hash is signed).
macro_rules! execution_control {
    ($(#[$meta:meta])* $op:ident, $segment:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $op {
            workflow_id: String,
            execution_id: String,
        }

        impl $op {
            /// Acts on the execution `execution_id` of the workflow `workflow_id`.
            pub fn new(workflow_id: impl Into<String>, execution_id: impl Into<String>) -> Self {
                $op {
                    workflow_id: workflow_id.into(),
                    execution_id: execution_id.into(),
                }
            }
        }

        impl Operation for $op {
            type Output = ();
            const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

            fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
                execution(config, Method::POST, &self.workflow_id, &self.execution_id)?
                    .path($segment)
                    .build()
            }

            fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
                response::empty(&response)
            }
        }
    };
}

execution_control!(
    /// Runs a failed or stopped execution again from the state where it ended; 200
    /// with no body.
    ///
    /// ```
    /// use fgs_proto::{Config, Credentials, Operation, workflows::Retry};
    ///
    /// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
    /// let op = Retry::new("48aff955", "e1");
    /// let request = op.request(&config)?;
    /// assert_eq!(request.uri().path(), "/v2/p1/fgs/workflows/48aff955/executions/e1/retry");
    /// assert!(request.body().is_empty());
    /// op.response(http::Response::builder().status(200).body(Vec::new())?)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Retry,
    "retry"
);

execution_control!(
    /// Stops a running execution (its status becomes `cancel`); 200 with no body.
    ///
    /// ```
    /// use fgs_proto::{Config, Credentials, Operation, workflows::Stop};
    ///
    /// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
    /// let op = Stop::new("48aff955", "e1");
    /// let request = op.request(&config)?;
    /// assert_eq!(request.uri().path(), "/v2/p1/fgs/workflows/48aff955/executions/e1/terminate");
    /// op.response(http::Response::builder().status(200).body(Vec::new())?)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    Stop,
    "terminate"
);
