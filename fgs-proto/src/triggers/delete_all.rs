//! DeleteAll — `DELETE /v2/{project_id}/fgs/triggers/{function_urn}` (official name
//! BatchDeleteFunctionTriggers).

use http::{Method, Request, Response};

use super::path::function_triggers;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::operation::Operation;
use crate::response;

/// Deletes several triggers at once; 204 with no body. Which ones depends on the URN's
/// qualifier:
///
/// | URN | deletes the triggers of |
/// |---|---|
/// | no qualifier, or `:latest` | the whole function: every version and alias |
/// | a version other than `latest` | that version |
/// | an alias (`:!name`) | that alias |
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, triggers::DeleteAll};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = DeleteAll::new("urn:fss:cn-north-4:p1:function:default:hello:!prod");
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), http::Method::DELETE);
/// assert!(request.uri().path().ends_with("/triggers/urn%3Afss%3Acn-north-4%3Ap1%3Afunction%3Adefault%3Ahello%3A%21prod"));
/// op.response(http::Response::builder().status(204).body(Vec::new())?)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteAll {
    function_urn: String,
}

impl DeleteAll {
    /// Deletes the triggers of `function_urn` (see the table above for its scope).
    pub fn new(function_urn: impl Into<String>) -> Self {
        DeleteAll {
            function_urn: function_urn.into(),
        }
    }

    /// The URN whose triggers are deleted.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }
}

impl Operation for DeleteAll {
    type Output = ();
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        function_triggers(config, Method::DELETE, &self.function_urn)?.build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        response::empty(&response)
    }
}
