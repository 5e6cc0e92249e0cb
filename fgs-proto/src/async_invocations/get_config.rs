//! GetConfig — `GET /v2/{project_id}/fgs/functions/{function_urn}/async-invoke-config`
//! (official name ShowFunctionAsyncInvokeConfig).

use http::{Method, Request, Response};

use super::{AsyncInvokeConfig, function_path};
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::operation::Operation;
use crate::response;

/// Reads the asynchronous invocation configuration of a function version or alias (404
/// when none is set).
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, async_invocations::GetConfig};
/// use fgs_proto::model::DestinationType;
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = GetConfig::new("default:hello:latest");
/// assert_eq!(
///     op.request(&config)?.uri().path(),
///     "/v2/p1/fgs/functions/default%3Ahello%3Alatest/async-invoke-config"
/// );
/// let response = http::Response::builder().status(200).body(
///     r#"{"func_urn":"urn:fss:r:p1:function:default:hello:latest","max_async_retry_attempts":1,
///         "max_async_event_age_in_seconds":60,"destination_config":{"on_success":
///         {"destination":"FunctionGraph","param":"{\"func_urn\":\"default:audit\"}"}}}"#,
/// )?;
/// let stored = op.response(response)?;
/// let on_success = stored.destination_config().and_then(|d| d.on_success.as_ref()).unwrap();
/// assert_eq!(on_success.destination(), Some(&DestinationType::FunctionGraph));
/// assert_eq!(on_success.func_urn().as_deref(), Some("default:audit"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetConfig {
    function_urn: String,
}

impl GetConfig {
    /// The configuration of `function_urn`.
    pub fn new(function_urn: impl Into<String>) -> Self {
        GetConfig {
            function_urn: function_urn.into(),
        }
    }

    /// The function URN.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }
}

impl Operation for GetConfig {
    type Output = AsyncInvokeConfig;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        function_path(
            config,
            Method::GET,
            &self.function_urn,
            "async-invoke-config",
        )?
        .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<AsyncInvokeConfig, Error> {
        response::json(&response)
    }
}
