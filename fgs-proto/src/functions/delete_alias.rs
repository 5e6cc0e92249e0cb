//! DeleteAlias — `DELETE /v2/{project_id}/fgs/functions/{function_urn}/aliases/{alias_name}`
//! (official name DeleteVersionAlias).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// Deletes an alias; the service answers 204 with no body. 404 `FSS.1053` if the alias
/// does not exist, 403 `FSS.1154` while triggers are bound to it.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, functions::DeleteAlias};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = DeleteAlias::new("urn:fss:cn-north-4:p1:function:default:hello", "dev");
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "DELETE");
/// assert_eq!(
///     request.uri().path(),
///     "/v2/p1/fgs/functions/urn%3Afss%3Acn-north-4%3Ap1%3Afunction%3Adefault%3Ahello/aliases/dev"
/// );
/// op.response(http::Response::builder().status(204).body(Vec::new())?)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteAlias {
    function_urn: String,
    alias_name: String,
}

impl DeleteAlias {
    /// Deletes alias `alias_name` of `function_urn`.
    pub fn new(function_urn: impl Into<String>, alias_name: impl Into<String>) -> Self {
        DeleteAlias {
            function_urn: function_urn.into(),
            alias_name: alias_name.into(),
        }
    }

    /// The function the alias belongs to.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }

    /// The alias deleted.
    pub fn alias_name(&self) -> &str {
        &self.alias_name
    }
}

impl Operation for DeleteAlias {
    type Output = ();
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::DELETE)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .path("aliases")
            .param("alias_name", &self.alias_name)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        response::empty(&response)
    }
}
