//! UpdateMaxInstanceConfig — `PUT /v2/{project_id}/fgs/functions/{function_urn}/config-max-instance`
//! (official name UpdateFunctionMaxInstanceConfig).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::Function;
use crate::model::macros::request_body;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

request_body! {
    /// The body of [`UpdateMaxInstanceConfig`]: every field of the OAS
    /// `UpdateFunctionMaxInstanceConfigRequestBody`.
    pub struct UpdateMaxInstanceConfigBody {
        required {
            /// The most instances the function runs at once: `-1` for no limit, `0`
            /// disables the function.
            pub max_instance_num: i64,
        }
        optional {}
    }
}

/// Sets how many instances of a function may run at once. Answers the function's
/// configuration, whose `strategy_config.concurrency` is the new maximum.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, scaling::UpdateMaxInstanceConfig};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = UpdateMaxInstanceConfig::new("default:hello", 50);
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "PUT");
/// assert_eq!(request.uri().path(), "/v2/p1/fgs/functions/default%3Ahello/config-max-instance");
/// assert_eq!(request.body(), br#"{"max_instance_num":50}"#);
/// let response = http::Response::builder().status(200).body(
///     r#"{"func_name":"hello","strategy_config":{"concurrency":50,"concurrent_num":1}}"#,
/// )?;
/// let function = op.response(response)?;
/// assert_eq!(function.strategy_config.and_then(|s| s.concurrency), Some(50));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateMaxInstanceConfig {
    function_urn: String,
    body: UpdateMaxInstanceConfigBody,
}

impl UpdateMaxInstanceConfig {
    /// At most `max_instance_num` instances of `function_urn` (`-1`: no limit, `0`: the
    /// function is disabled). Not checked against the quota, which can be raised.
    pub fn new(function_urn: impl Into<String>, max_instance_num: i64) -> Self {
        UpdateMaxInstanceConfig {
            function_urn: function_urn.into(),
            body: UpdateMaxInstanceConfigBody {
                max_instance_num,
                extra: serde_json::Map::new(),
            },
        }
    }

    /// The function URN.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }

    /// The body.
    pub fn body(&self) -> &UpdateMaxInstanceConfigBody {
        &self.body
    }

    /// The body, for direct access to every field.
    pub fn body_mut(&mut self) -> &mut UpdateMaxInstanceConfigBody {
        &mut self.body
    }
}

impl Operation for UpdateMaxInstanceConfig {
    type Output = Function;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::PUT)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .path("config-max-instance")
            .json(&self.body)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Function, Error> {
        response::json(&response)
    }
}
