//! GetVersion — `GET /v2/{project_id}/fgs/dependencies/{depend_id}/version/{version}`
//! (official name ShowDependencyVersion).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::Dependency;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// Gets one version of a dependency.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, dependencies::GetVersion};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = GetVersion::new("d-1", 2);
/// let request = op.request(&config)?;
/// assert_eq!(request.uri().path(), "/v2/p1/fgs/dependencies/d-1/version/2");
/// let response = http::Response::builder()
///     .status(200)
///     .body(r#"{"id":"v-2","dep_id":"d-1","version":2,"size":577118}"#)?;
/// let version = op.response(response)?;
/// assert_eq!((version.version, version.size), (Some(2), Some(577118)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetVersion {
    depend_id: String,
    version: String,
}

impl GetVersion {
    /// Version `version` (its number) of dependency `depend_id`.
    pub fn new(depend_id: impl Into<String>, version: impl ToString) -> Self {
        GetVersion {
            depend_id: depend_id.into(),
            version: version.to_string(),
        }
    }
}

impl Operation for GetVersion {
    type Output = Dependency;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn idempotent(&self) -> bool {
        true
    }

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("dependencies")
            .param("depend_id", &self.depend_id)?
            .path("version")
            .param("version", &self.version)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Dependency, Error> {
        response::json(&response)
    }
}
