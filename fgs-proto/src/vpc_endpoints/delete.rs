//! Delete — `DELETE /v2/{project_id}/fgs/vpc-endpoint/{vpc_id}/{subnet_id}` (official
//! name DeleteVpcEndpoint).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// Deletes the VPC endpoint of a subnet; 204 with no body.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, vpc_endpoints::Delete};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Delete::new("vpc-1", "subnet-1");
/// let request = op.request(&config)?;
/// assert_eq!((request.method().as_str(), request.uri().path()), ("DELETE", "/v2/p1/fgs/vpc-endpoint/vpc-1/subnet-1"));
/// op.response(http::Response::builder().status(204).body(Vec::new())?)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delete {
    vpc_id: String,
    subnet_id: String,
}

impl Delete {
    /// The endpoint in subnet `subnet_id` of VPC `vpc_id` (both required: an empty one
    /// is refused before sending).
    pub fn new(vpc_id: impl Into<String>, subnet_id: impl Into<String>) -> Self {
        Delete {
            vpc_id: vpc_id.into(),
            subnet_id: subnet_id.into(),
        }
    }
}

impl Operation for Delete {
    type Output = ();
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::DELETE)
            .path("vpc-endpoint")
            .param("vpc_id", &self.vpc_id)?
            .param("subnet_id", &self.subnet_id)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        response::empty(&response)
    }
}
