//! GetCode — `GET /v2/{project_id}/fgs/functions/{function_urn}/code`
//! (official name ShowFunctionCode).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::Function;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// Gets a function's code: `func_code.file` (base64) and `func_code.link` (the OBS
/// link of the stored package), with the code type, size and digest. 404 `FSS.1052` for
/// an unknown version.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, functions::GetCode};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = GetCode::new("urn:fss:cn-north-4:p1:function:default:hello:latest");
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "GET");
/// assert_eq!(
///     request.uri().path(),
///     "/v2/p1/fgs/functions/urn%3Afss%3Acn-north-4%3Ap1%3Afunction%3Adefault%3Ahello%3Alatest/code"
/// );
/// let response = http::Response::builder()
///     .status(200)
///     .body(r#"{"code_type":"zip","code_size":245,"func_code":{"file":"UEsDBA==","link":""}}"#)?;
/// let code = op.response(response)?;
/// assert_eq!(code.code_size, Some(245));
/// assert_eq!(code.func_code.unwrap().file.as_deref(), Some("UEsDBA=="));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetCode {
    function_urn: String,
}

impl GetCode {
    /// The code of the function (or version, or alias) `function_urn`.
    pub fn new(function_urn: impl Into<String>) -> Self {
        GetCode {
            function_urn: function_urn.into(),
        }
    }

    /// The URN asked for.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }
}

impl Operation for GetCode {
    type Output = Function;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .path("code")
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Function, Error> {
        response::json(&response)
    }
}
