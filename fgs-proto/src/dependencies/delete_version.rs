//! DeleteVersion — `DELETE /v2/{project_id}/fgs/dependencies/{depend_id}/version/{version}`
//! (official name DeleteDependencyVersion).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// Deletes one version of a dependency; the service answers 204 with no body. The API
/// documents no refusal for a version that functions still name: they keep it in their
/// `depend_version_list`, and a later Create, UpdateCode or UpdateMetadata naming it is
/// refused as naming an unknown version.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, dependencies::DeleteVersion};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = DeleteVersion::new("d-1", 2);
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "DELETE");
/// assert_eq!(request.uri().path(), "/v2/p1/fgs/dependencies/d-1/version/2");
/// op.response(http::Response::builder().status(204).body(Vec::new())?)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteVersion {
    depend_id: String,
    version: String,
}

impl DeleteVersion {
    /// Version `version` (its number) of dependency `depend_id`.
    pub fn new(depend_id: impl Into<String>, version: impl ToString) -> Self {
        DeleteVersion {
            depend_id: depend_id.into(),
            version: version.to_string(),
        }
    }
}

impl Operation for DeleteVersion {
    type Output = ();
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn idempotent(&self) -> bool {
        true
    }

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::DELETE)
            .path("dependencies")
            .param("depend_id", &self.depend_id)?
            .path("version")
            .param("version", &self.version)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        response::empty(&response)
    }
}
