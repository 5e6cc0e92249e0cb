//! GetTemplate — `GET /v2/{project_id}/fgs/application/templates/{id}` (official name
//! ShowAppTemplate).

use http::{Request, Response};

use super::app_templates;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model};
use crate::operation::Operation;
use crate::response;

model! {
    /// A cloud resource an application template uses (the API's
    /// `AppTemplateResourceDetail`).
    pub struct AppTemplateResource {
        /// A console link to it.
        pub href: Option<String>,
        /// Its icon, base64.
        pub icon: Option<String>,
        /// The service's name.
        pub resource_name: Option<String>,
    }
}

accessors!(AppTemplateResource { str href, str icon, str resource_name });

model! {
    /// An application template in full (the API's `ShowAppTemplateResponseBody`).
    pub struct AppTemplateDetail {
        /// Its use case.
        pub category: Option<String>,
        /// When it was created, epoch milliseconds.
        pub create_time: Option<i64>,
        /// How many times it was deployed.
        pub deploy_count: Option<i64>,
        /// Its description.
        pub description: Option<String>,
        /// Its picture, base64.
        pub image: Option<String>,
        /// Its name.
        pub name: Option<String>,
        /// Its parameters, as text.
        pub params: Option<String>,
        /// The cloud resources it uses.
        pub resources: Option<Vec<AppTemplateResource>>,
        /// The runtime of its functions.
        pub runtime: Option<String>,
        /// How to use it.
        pub template_guide: Option<String>,
        /// When it last changed, epoch milliseconds.
        pub update_time: Option<i64>,
        /// Its version.
        pub version: Option<i64>,
    }
}

accessors!(AppTemplateDetail {
    str category,
    copy create_time: i64,
    copy deploy_count: i64,
    str description,
    str image,
    str name,
    str params,
    slice resources: AppTemplateResource,
    str runtime,
    str template_guide,
    copy update_time: i64,
    copy version: i64,
});

/// One application template, with its guide and the resources it uses.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, apps::GetTemplate};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = GetTemplate::new("t-1");
/// assert_eq!(op.request(&config)?.uri().path(), "/v2/p1/fgs/application/templates/t-1");
/// let response = http::Response::builder().status(200).body(
///     r#"{"name":"http-api","deploy_count":2,"resources":[{"resource_name":"FunctionGraph"}]}"#,
/// )?;
/// let template = op.response(response)?;
/// assert_eq!(template.deploy_count(), Some(2));
/// assert_eq!(template.resources()[0].resource_name(), Some("FunctionGraph"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetTemplate {
    id: String,
}

impl GetTemplate {
    /// The application template `id`.
    pub fn new(id: impl Into<String>) -> Self {
        GetTemplate { id: id.into() }
    }
}

impl Operation for GetTemplate {
    type Output = AppTemplateDetail;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        app_templates(config).param("id", &self.id)?.build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<AppTemplateDetail, Error> {
        response::json(&response)
    }
}
