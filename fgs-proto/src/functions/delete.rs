//! Delete — `DELETE /v2/{project_id}/fgs/functions/{function_urn}`
//! (official name DeleteFunction).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// Deletes a function or one of its versions; the service answers 204 with no body.
///
/// What goes depends on the URN's qualifier: none deletes the whole function (every
/// version, alias and trigger); a version deletes that version and its triggers; an
/// alias (`!name`) deletes the version the alias points to. Deleting `latest` is
/// refused by the service. 404 `FSS.1051` if the function does not exist.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, functions::Delete};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Delete::new("urn:fss:cn-north-4:p1:function:default:hello");
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "DELETE");
/// assert_eq!(
///     request.uri().path(),
///     "/v2/p1/fgs/functions/urn%3Afss%3Acn-north-4%3Ap1%3Afunction%3Adefault%3Ahello"
/// );
/// assert!(request.body().is_empty());
/// op.response(http::Response::builder().status(204).body(Vec::new())?)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delete {
    function_urn: String,
}

impl Delete {
    /// Deletes the function, version or aliased version `function_urn`.
    pub fn new(function_urn: impl Into<String>) -> Self {
        Delete {
            function_urn: function_urn.into(),
        }
    }

    /// The URN to delete.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }
}

impl Operation for Delete {
    type Output = ();
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::DELETE)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        response::empty(&response)
    }
}
