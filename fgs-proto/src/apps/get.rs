//! Get — `GET /v2/{project_id}/fgs/applications/{id}` (official name ShowFunctionApp).

use http::{Method, Request, Response};

use super::applications;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model};
use crate::operation::Operation;
use crate::response;

model! {
    /// The code repository of an application (the API's `RepoInfo`).
    pub struct RepoInfo {
        /// Why creating it failed.
        pub error_msg: Option<String>,
        /// Its https clone address.
        pub https_url: Option<String>,
        /// Its project.
        pub project_id: Option<String>,
        /// Its status.
        pub repo_status: Option<String>,
        /// Its web page.
        pub web_url: Option<String>,
    }
}

accessors!(RepoInfo {
    str error_msg,
    str https_url,
    str project_id,
    str repo_status,
    str web_url,
});

model! {
    /// A resource of an application's stack (the API's `StackResource`).
    pub struct StackResource {
        /// The cloud service's name.
        pub display_name: Option<String>,
        /// A console link to it.
        pub href: Option<String>,
        /// Its name in the template.
        pub logical_resource_name: Option<String>,
        /// Its type in the template (`huaweicloud_fgs_function`, …).
        pub logical_resource_type: Option<String>,
        /// The created resource's id.
        pub physical_resource_id: Option<String>,
        /// The created resource's name.
        pub physical_resource_name: Option<String>,
        /// Its status (`CREATION_COMPLETE`, …).
        pub resource_status: Option<String>,
        /// Details of the status.
        pub status_message: Option<String>,
    }
}

accessors!(StackResource {
    str display_name,
    str href,
    str logical_resource_name,
    str logical_resource_type,
    str physical_resource_id,
    str physical_resource_name,
    str resource_status,
    str status_message,
});

model! {
    /// An application (the API's `ShowFunctionAppResponseBody`).
    pub struct App {
        /// The URL that invokes it.
        pub apig_url: Option<String>,
        /// Its description.
        pub description: Option<String>,
        /// When it last changed, epoch milliseconds.
        pub last_modified_time: Option<i64>,
        /// Its name.
        pub name: Option<String>,
        /// Its pipeline.
        pub pipeline_id: Option<String>,
        /// Its project.
        pub project_id: Option<String>,
        /// Its code repository.
        pub repo: Option<RepoInfo>,
        /// The repository's name.
        pub repo_name: Option<String>,
        /// Its resource stack's id.
        pub stack_id: Option<String>,
        /// Its resource stack's name.
        pub stack_name: Option<String>,
        /// A resource of the stack (one object, as the API defines it).
        pub stack_resources: Option<StackResource>,
        /// Its deployment status (`success`, `repoFail`, …).
        pub status: Option<String>,
    }
}

accessors!(App {
    str apig_url,
    str description,
    copy last_modified_time: i64,
    str name,
    str pipeline_id,
    str project_id,
    ref repo: RepoInfo,
    str repo_name,
    str stack_id,
    str stack_name,
    ref stack_resources: StackResource,
    str status,
});

/// One application: its status, stack and repository.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, apps::Get};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Get::new("a-1");
/// assert_eq!(op.request(&config)?.uri().path(), "/v2/p1/fgs/applications/a-1");
/// let response = http::Response::builder().status(200).body(
///     r#"{"name":"shop","status":"success","repo":{},"stack_resources":null}"#,
/// )?;
/// let app = op.response(response)?;
/// assert_eq!((app.name(), app.status()), (Some("shop"), Some("success")));
/// assert!(app.stack_resources().is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Get {
    id: String,
}

impl Get {
    /// The application `id`.
    pub fn new(id: impl Into<String>) -> Self {
        Get { id: id.into() }
    }
}

impl Operation for Get {
    type Output = App;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        applications(config, Method::GET)
            .param("id", &self.id)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<App, Error> {
        response::json(&response)
    }
}
