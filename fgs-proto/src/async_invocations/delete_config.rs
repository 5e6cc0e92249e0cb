//! DeleteConfig — `DELETE /v2/{project_id}/fgs/functions/{function_urn}/async-invoke-config`
//! (official name DeleteFunctionAsyncInvokeConfig).

use http::{Method, Request, Response};

use super::function_path;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::operation::Operation;
use crate::response;

/// Removes the asynchronous invocation configuration of a function version or alias:
/// the service's defaults apply again. 204 with no body.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, async_invocations::DeleteConfig};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = DeleteConfig::new("default:hello:latest");
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "DELETE");
/// assert!(request.uri().path().ends_with("/default%3Ahello%3Alatest/async-invoke-config"));
/// op.response(http::Response::builder().status(204).body(Vec::new())?)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteConfig {
    function_urn: String,
}

impl DeleteConfig {
    /// Removes the configuration of `function_urn`.
    pub fn new(function_urn: impl Into<String>) -> Self {
        DeleteConfig {
            function_urn: function_urn.into(),
        }
    }

    /// The function URN.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }
}

impl Operation for DeleteConfig {
    type Output = ();
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        function_path(
            config,
            Method::DELETE,
            &self.function_urn,
            "async-invoke-config",
        )?
        .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        response::empty(&response)
    }
}
