//! Delete — `DELETE /v2/{project_id}/fgs/applications/{id}` (official name
//! DeleteFunctionApp).

use http::{Method, Request, Response};

use super::applications;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::operation::Operation;
use crate::response;

/// Deletes an application and the resources it created (its functions). The service
/// answers 200, not 204, with no body to read.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, apps::Delete};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Delete::new("a-1");
/// let request = op.request(&config)?;
/// assert_eq!((request.method().as_str(), request.uri().path()), ("DELETE", "/v2/p1/fgs/applications/a-1"));
/// op.response(http::Response::builder().status(200).body(Vec::new())?)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delete {
    id: String,
}

impl Delete {
    /// Deletes the application `id`.
    pub fn new(id: impl Into<String>) -> Self {
        Delete { id: id.into() }
    }
}

impl Operation for Delete {
    type Output = ();
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        applications(config, Method::DELETE)
            .param("id", &self.id)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        response::empty(&response)
    }
}
