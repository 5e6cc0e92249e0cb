//! Create — `POST /v2/{project_id}/fgs/applications` (official name CreateFunctionApp).

use http::{Method, Request, Response};

use super::applications;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model, request_body};
use crate::operation::Operation;
use crate::response;

request_body! {
    /// The body of [`Create`]: every field of the OAS `CreateFunctionAppRequestBody`.
    /// The OAS marks none required; an application without a name or a template cannot
    /// be created, so those two are set by [`Create::new`].
    pub struct CreateBody {
        required {
            /// The application's name.
            pub name: String,
            /// The application template to deploy.
            pub template_id: String,
        }
        optional {
            /// The agency (IAM delegation) the application's resources act with.
            pub agency_name: Option<String>,
            /// The application's description.
            pub description: Option<String>,
            /// The enterprise project.
            pub enterprise_project_id: Option<String>,
            /// The template's parameters.
            pub params: Option<serde_json::Map<String, serde_json::Value>>,
        }
    }
}

model! {
    /// The answer of [`Create`].
    pub struct CreateOutput {
        /// The new application's id.
        pub application_id: Option<String>,
    }
}

accessors!(CreateOutput { str application_id });

/// Creates an application from an application template: the functions (and other
/// resources) the template describes are created with it.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, apps::Create};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Create::new("shop", "t-1").description("the shop");
/// let request = op.request(&config)?;
/// assert_eq!((request.method().as_str(), request.uri().path()), ("POST", "/v2/p1/fgs/applications"));
/// assert_eq!(request.body(), br#"{"name":"shop","template_id":"t-1","description":"the shop"}"#);
/// let response = http::Response::builder()
///     .status(200)
///     .body(r#"{"application_id":"cca14689-2a40-425a-86f8-14556a0fff9c"}"#)?;
/// assert!(op.response(response)?.application_id().is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Create {
    body: CreateBody,
}

impl Create {
    /// The application `name` from the template `template_id`.
    pub fn new(name: impl Into<String>, template_id: impl Into<String>) -> Self {
        Create {
            body: CreateBody {
                name: name.into(),
                template_id: template_id.into(),
                agency_name: None,
                description: None,
                enterprise_project_id: None,
                params: None,
                extra: serde_json::Map::new(),
            },
        }
    }

    /// The application's description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.body.description = Some(description.into());
        self
    }

    /// The agency its resources act with.
    pub fn agency_name(mut self, agency: impl Into<String>) -> Self {
        self.body.agency_name = Some(agency.into());
        self
    }

    /// The enterprise project.
    pub fn enterprise_project_id(mut self, id: impl Into<String>) -> Self {
        self.body.enterprise_project_id = Some(id.into());
        self
    }

    /// Sets one template parameter.
    pub fn param(mut self, key: impl Into<String>, value: impl Into<serde_json::Value>) -> Self {
        self.body
            .params
            .get_or_insert_with(serde_json::Map::new)
            .insert(key.into(), value.into());
        self
    }
}

crate::model::macros::body_accessors!(Create, CreateBody);

impl Operation for Create {
    type Output = CreateOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        applications(config, Method::POST).json(&self.body)?.build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<CreateOutput, Error> {
        response::json(&response)
    }
}
