//! UpdateCollectState — `PUT /v2/{project_id}/fgs/functions/{func_urn}/collect/{state}`
//! (official name UpdateFunctionCollectState).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// Pins a function to the top of the console's function list, or unpins it (the
/// "collect" state is the console's favourite flag); 200 with no body. A PUT with an
/// empty body. Pass the URN itself: the OAS example's `functions/` prefix would be
/// encoded into the path segment.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, functions::UpdateCollectState};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = UpdateCollectState::new("default:hello", true);
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "PUT");
/// assert_eq!(request.uri().path(), "/v2/p1/fgs/functions/default%3Ahello/collect/true");
/// op.response(http::Response::builder().status(200).body(Vec::new())?)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateCollectState {
    func_urn: String,
    state: bool,
}

impl UpdateCollectState {
    /// Pins (`true`) or unpins (`false`) the function `func_urn`.
    pub fn new(func_urn: impl Into<String>, pinned: bool) -> Self {
        UpdateCollectState {
            func_urn: func_urn.into(),
            state: pinned,
        }
    }

    /// The URN changed.
    pub fn func_urn(&self) -> &str {
        &self.func_urn
    }

    /// The state sent.
    pub fn state(&self) -> bool {
        self.state
    }
}

impl Operation for UpdateCollectState {
    type Output = ();
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::PUT)
            .path("functions")
            .param("func_urn", &self.func_urn)?
            .path("collect")
            .param("state", if self.state { "true" } else { "false" })?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        response::empty(&response)
    }
}
