//! GetTracing — `GET /v2/{project_id}/fgs/functions/{function_urn}/tracing` (official
//! name ShowTracing); UpdateTracing — `PUT` on the same path (official name
//! UpdateTracing).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model, request_body};
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;
use crate::secret::Secret;

/// `…/functions/{function_urn}/tracing`.
fn tracing(config: &Config, method: Method, function_urn: &str) -> Result<RequestBuilder, Error> {
    let mut builder = RequestBuilder::new(config, method);
    builder
        .path("functions")
        .param("function_urn", function_urn)?
        .path("tracing");
    Ok(builder)
}

model! {
    /// A function's APM tracing keys (the OAS `ShowTracingResponseBody`). The service
    /// masks the secret key (`******`); `Debug` hides it in any case.
    pub struct TracingKeys {
        /// The APM access key.
        pub tracing_ak: Option<String>,
        /// The APM secret key, as the service shows it.
        pub tracing_sk: Option<Secret>,
    }
}

accessors!(TracingKeys { str tracing_ak, ref tracing_sk: Secret });

/// A function's APM tracing configuration. 404 `FSS.0404` ("can not find tracing
/// aksk") while tracing is off.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, observability::GetTracing};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = GetTracing::new("default:hello");
/// assert_eq!(op.request(&config)?.uri().path(), "/v2/p1/fgs/functions/default%3Ahello/tracing");
/// let response = http::Response::builder().status(200).body(r#"{"tracing_ak":"AK1","tracing_sk":"******"}"#)?;
/// let keys = op.response(response)?;
/// assert_eq!(keys.tracing_ak(), Some("AK1"));
/// assert!(!format!("{keys:?}").contains("******"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetTracing {
    function_urn: String,
}

impl GetTracing {
    /// The tracing configuration of `function_urn`.
    pub fn new(function_urn: impl Into<String>) -> Self {
        GetTracing {
            function_urn: function_urn.into(),
        }
    }

    /// The URN asked about.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }
}

impl Operation for GetTracing {
    type Output = TracingKeys;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        tracing(config, Method::GET, &self.function_urn)?.build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<TracingKeys, Error> {
        response::json(&response)
    }
}

request_body! {
    /// The body of [`UpdateTracing`]: every field of the OAS `UpdateTracingRequestBody`.
    /// Both empty switch tracing off.
    pub struct UpdateTracingBody {
        required {}
        optional {
            /// The APM access key.
            pub tracing_ak: Option<String>,
            /// The APM secret key (hidden from `Debug`; sent on the wire).
            pub tracing_sk: Option<Secret>,
        }
    }
}

/// Switches a function's APM tracing on with an AK/SK, changes the keys, or switches it
/// off ([`UpdateTracing::disable`] sends both empty); 200 with no body to read. 400
/// `FSS.1128` for an unknown function.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, observability::UpdateTracing};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = UpdateTracing::new("default:hello", "AK1", "SK1");
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "PUT");
/// assert_eq!(request.body(), br#"{"tracing_ak":"AK1","tracing_sk":"SK1"}"#);
/// assert!(!format!("{op:?}").contains("SK1"));
/// op.response(http::Response::builder().status(200).body(Vec::new())?)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateTracing {
    function_urn: String,
    body: UpdateTracingBody,
}

impl UpdateTracing {
    /// Traces `function_urn` with the APM keys `ak` / `sk`.
    pub fn new(
        function_urn: impl Into<String>,
        ak: impl Into<String>,
        sk: impl Into<Secret>,
    ) -> Self {
        UpdateTracing {
            function_urn: function_urn.into(),
            body: UpdateTracingBody {
                tracing_ak: Some(ak.into()),
                tracing_sk: Some(sk.into()),
                extra: serde_json::Map::new(),
            },
        }
    }

    /// Switches tracing of `function_urn` off (both keys empty).
    pub fn disable(function_urn: impl Into<String>) -> Self {
        UpdateTracing::new(function_urn, "", "")
    }

    /// The URN changed.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }

    /// The body.
    pub fn body(&self) -> &UpdateTracingBody {
        &self.body
    }

    /// The body, for direct access to every field.
    pub fn body_mut(&mut self) -> &mut UpdateTracingBody {
        &mut self.body
    }
}

impl Operation for UpdateTracing {
    type Output = ();
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        tracing(config, Method::PUT, &self.function_urn)?
            .json(&self.body)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        response::empty(&response)
    }
}
