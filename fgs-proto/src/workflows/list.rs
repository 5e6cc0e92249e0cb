//! List — `GET /v2/{project_id}/fgs/workflows` (official name ListWorkflow).

use http::{Method, Request, Response};

use super::{WorkflowMode, WorkflowSummary, workflows};
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model};
use crate::operation::Operation;
use crate::response;

/// Lists the project's workflows, `offset`/`limit` paged (the service's page is 200 at
/// most); walk every page with [`Pager`](crate::paginate::Pager).
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, workflows::List};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = List::new().workflow_name("greet").limit(10);
/// assert_eq!(
///     op.request(&config)?.uri().path_and_query().map(|p| p.as_str()),
///     Some("/v2/p1/fgs/workflows?limit=10&workflow_name=greet")
/// );
/// let response = http::Response::builder().status(200).body(
///     r#"{"workflows":[{"id":"48aff955","name":"greet"}],"size":1,"total":1}"#,
/// )?;
/// let page = op.response(response)?;
/// assert_eq!((page.workflows()[0].name(), page.total()), (Some("greet"), Some(1)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct List {
    enterprise_project: Option<String>,
    limit: Option<String>,
    mode: Option<WorkflowMode>,
    offset: Option<String>,
    workflow_name: Option<String>,
}

impl List {
    /// Every workflow.
    pub fn new() -> Self {
        List::default()
    }

    /// Only workflows of this name.
    pub fn workflow_name(mut self, name: impl Into<String>) -> Self {
        self.workflow_name = Some(name.into());
        self
    }

    /// Only the workflows of this enterprise project.
    pub fn enterprise_project(mut self, id: impl Into<String>) -> Self {
        self.enterprise_project = Some(id.into());
        self
    }

    /// Only workflows of this mode.
    pub fn mode(mut self, mode: WorkflowMode) -> Self {
        self.mode = Some(mode);
        self
    }
}

model! {
    /// One page of workflows (the API's `WorkflowPageList`).
    pub struct ListOutput {
        /// How many this page holds.
        pub size: Option<i64>,
        /// How many match in all.
        pub total: Option<i64>,
        /// The workflows.
        pub workflows: Option<Vec<WorkflowSummary>>,
    }
}

accessors!(ListOutput { copy size: i64, copy total: i64, slice workflows: WorkflowSummary });

impl Operation for List {
    type Output = ListOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        workflows(config, Method::GET)
            .query("enterprise_project", self.enterprise_project.as_deref())
            .query("limit", self.limit.as_deref())
            .query("mode", self.mode.as_ref().map(WorkflowMode::as_str))
            .query("offset", self.offset.as_deref())
            .query("workflow_name", self.workflow_name.as_deref())
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<ListOutput, Error> {
        response::json(&response)
    }
}

page_setters!(List, "workflows");

offset_paged!(List, ListOutput, WorkflowSummary, workflows, total: total);
