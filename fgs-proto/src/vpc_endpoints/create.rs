//! Create — `POST /v2/{project_id}/fgs/vpc-endpoint` (official name CreateVpcEndpoint).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model, request_body};
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

request_body! {
    /// The body of [`Create`]: every field of the OAS `CreateVpcEndpointRequestBody`.
    pub struct CreateBody {
        required {
            /// The tenant's VPC.
            pub vpc_id: String,
            /// The subnet of that VPC the endpoint goes into.
            pub subnet_id: String,
        }
        optional {
            /// The endpoint's flavor (the service's default: the large one).
            pub flavor: Option<String>,
            /// The agency the service creates the endpoint with.
            pub xrole: Option<String>,
        }
    }
}

model! {
    /// The endpoint (the API's `CreateVpcEndpointReponseBody`).
    pub struct CreateOutput {
        /// Its domain address.
        pub address: Option<String>,
        /// Its IP addresses.
        pub endpoints: Option<Vec<String>>,
    }
}

accessors!(CreateOutput { str address, slice endpoints: String });

/// Creates a VPC endpoint of FunctionGraph in a subnet of the tenant's VPC.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, vpc_endpoints::Create};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Create::new("vpc-1", "subnet-1").flavor("small");
/// let request = op.request(&config)?;
/// assert_eq!(request.uri().path(), "/v2/p1/fgs/vpc-endpoint");
/// assert_eq!(request.body(), br#"{"vpc_id":"vpc-1","subnet_id":"subnet-1","flavor":"small"}"#);
/// let response = http::Response::builder()
///     .status(200)
///     .body(r#"{"address":"https://xx","endpoints":["192.168.0.8"]}"#)?;
/// assert_eq!(op.response(response)?.endpoints(), ["192.168.0.8"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Create {
    body: CreateBody,
}

impl Create {
    /// An endpoint in subnet `subnet_id` of VPC `vpc_id`.
    pub fn new(vpc_id: impl Into<String>, subnet_id: impl Into<String>) -> Self {
        Create {
            body: CreateBody {
                vpc_id: vpc_id.into(),
                subnet_id: subnet_id.into(),
                flavor: None,
                xrole: None,
                extra: serde_json::Map::new(),
            },
        }
    }

    /// The endpoint's flavor.
    pub fn flavor(mut self, flavor: impl Into<String>) -> Self {
        self.body.flavor = Some(flavor.into());
        self
    }

    /// The agency to create it with.
    pub fn xrole(mut self, xrole: impl Into<String>) -> Self {
        self.body.xrole = Some(xrole.into());
        self
    }
}

crate::model::macros::body_accessors!(Create, CreateBody);

impl Operation for Create {
    type Output = CreateOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::POST)
            .path("vpc-endpoint")
            .json(&self.body)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<CreateOutput, Error> {
        response::json(&response)
    }
}
