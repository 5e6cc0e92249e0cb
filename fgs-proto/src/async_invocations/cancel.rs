//! Cancel — `POST /v2/{project_id}/fgs/functions/{function_urn}/cancel` (official name
//! CancelAsyncInvocation).

use http::{Method, Request, Response};

use super::function_path;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{open_enum, request_body};
use crate::operation::Operation;
use crate::response;

open_enum! {
    /// How [`Cancel`] stops an invocation that is running.
    pub enum CancelType {
        /// Ends the function's runtime at once (the only kind the service supports
        /// today).
        Force = "force",
        /// Also stops the functions it is calling.
        Recursive = "recursive",
    }
}

request_body! {
    /// The body of [`Cancel`]: every field of the OAS `CancelAsyncInvocationRequestBody`.
    pub struct CancelBody {
        required {
            /// The invocation to stop.
            pub request_id: String,
        }
        optional {
            /// How to stop it.
            #[wire = "type"]
            pub kind: Option<CancelType>,
        }
    }
}

/// Stops an asynchronous invocation. One that has not run yet never runs; one that has
/// finished cannot be stopped (the service answers 400 `FSS.0400` "Invalid RequestId").
/// The answer is 200 with no defined body. A POST that can be re-sent safely in effect,
/// but the registry calls it non-idempotent as every POST.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::async_invocations::{Cancel, CancelType};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Cancel::new("default:hello:latest", "403fcbd6").kind(CancelType::Force);
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "POST");
/// assert_eq!(request.uri().path(), "/v2/p1/fgs/functions/default%3Ahello%3Alatest/cancel");
/// assert_eq!(request.body(), br#"{"request_id":"403fcbd6","type":"force"}"#);
/// op.response(http::Response::builder().status(200).body(Vec::new())?)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Cancel {
    function_urn: String,
    body: CancelBody,
}

impl Cancel {
    /// Stops the invocation `request_id` of `function_urn`.
    pub fn new(function_urn: impl Into<String>, request_id: impl Into<String>) -> Self {
        Cancel {
            function_urn: function_urn.into(),
            body: CancelBody {
                request_id: request_id.into(),
                kind: None,
                extra: serde_json::Map::new(),
            },
        }
    }

    /// How to stop it (`type`).
    pub fn kind(mut self, kind: CancelType) -> Self {
        self.body.kind = Some(kind);
        self
    }

    /// The function URN.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }

    /// The body.
    pub fn body(&self) -> &CancelBody {
        &self.body
    }

    /// The body, for direct access to every field.
    pub fn body_mut(&mut self) -> &mut CancelBody {
        &mut self.body
    }
}

impl Operation for Cancel {
    type Output = ();
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        function_path(config, Method::POST, &self.function_urn, "cancel")?
            .json(&self.body)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        response::empty(&response)
    }
}
