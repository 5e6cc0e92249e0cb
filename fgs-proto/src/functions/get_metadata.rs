//! GetMetadata — `GET /v2/{project_id}/fgs/functions/{function_urn}/config`
//! (official name ShowFunctionConfig).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::Function;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// Gets a function's metadata (configuration). 404 `FSS.1051` if the function does not
/// exist.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, functions::GetMetadata};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = GetMetadata::new("urn:fss:cn-north-4:p1:function:default:hello:latest");
/// let request = op.request(&config)?;
/// assert_eq!(
///     request.uri().path(),
///     "/v2/p1/fgs/functions/urn%3Afss%3Acn-north-4%3Ap1%3Afunction%3Adefault%3Ahello%3Alatest/config"
/// );
/// let response = http::Response::builder()
///     .status(200)
///     .body(r#"{"func_name":"hello","memory_size":128}"#)?;
/// let function = op.response(response)?;
/// assert_eq!(function.func_name.as_deref(), Some("hello"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetMetadata {
    function_urn: String,
}

impl GetMetadata {
    /// Metadata of the function (or version, or alias) `function_urn`.
    pub fn new(function_urn: impl Into<String>) -> Self {
        GetMetadata {
            function_urn: function_urn.into(),
        }
    }

    /// The URN asked for.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }
}

impl Operation for GetMetadata {
    type Output = Function;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .path("config")
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Function, Error> {
        response::json(&response)
    }
}
