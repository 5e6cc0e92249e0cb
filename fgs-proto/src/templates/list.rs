//! List — `GET /v2/{project_id}/fgs/templates` (official name ListFunctionTemplate).

use http::{Request, Response};

use super::{FunctionTemplate, templates};
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model};
use crate::operation::Operation;
use crate::paginate::{PageInfo, Paginated};
use crate::response;

model! {
    /// One page of function templates (the API's `ListFunctionTemplateResponseBody`;
    /// it carries no total).
    pub struct ListOutput {
        /// The templates of this page.
        pub func_templates: Option<Vec<FunctionTemplate>>,
        /// Where the next page starts.
        pub next_marker: Option<i64>,
    }
}

accessors!(ListOutput { slice func_templates: FunctionTemplate, copy next_marker: i64 });

/// Lists function templates, one page per call, optionally by runtime, scene, cloud
/// service and whether they are public; walk them all with
/// [`Pager`](crate::paginate::Pager) or an adapter's `pages` (the answer has no total,
/// so the walk ends at an empty page or a `next_marker` that does not move on).
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, templates::List};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = List::new().runtime("Python3.9").ispublic(true).maxitems(10);
/// assert_eq!(
///     op.request(&config)?.uri().path_and_query().unwrap().as_str(),
///     "/v2/p1/fgs/templates?ispublic=true&maxitems=10&runtime=Python3.9"
/// );
/// let response = http::Response::builder().status(200).body(
///     r#"{"func_templates":[{"id":"t-1","template_name":"hello-python"}],"next_marker":1}"#,
/// )?;
/// assert_eq!(op.response(response)?.func_templates()[0].template_name(), Some("hello-python"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct List {
    marker: Option<String>,
    maxitems: Option<u32>,
    ispublic: Option<bool>,
    runtime: Option<String>,
    scene: Option<String>,
    service: Option<String>,
}

impl List {
    /// The first page of every template.
    pub fn new() -> Self {
        List::default()
    }

    /// Only public (`true`) or only private (`false`) templates.
    pub fn ispublic(mut self, public: bool) -> Self {
        self.ispublic = Some(public);
        self
    }

    /// Only templates of this runtime.
    pub fn runtime(mut self, runtime: impl Into<String>) -> Self {
        self.runtime = Some(runtime.into());
        self
    }

    /// Only templates of this scene (`basic_function_usage`, …).
    pub fn scene(mut self, scene: impl Into<String>) -> Self {
        self.scene = Some(scene.into());
        self
    }

    /// Only templates for this cloud service (`FunctionGraph`, …).
    pub fn service(mut self, service: impl Into<String>) -> Self {
        self.service = Some(service.into());
        self
    }
}

crate::paginate::page_setters!(List, maxitems, "Page size.");

impl Operation for List {
    type Output = ListOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        let ispublic = self.ispublic.map(|p| if p { "true" } else { "false" });
        templates(config)
            .query("ispublic", ispublic)
            .query("marker", self.marker.as_deref())
            .query_number("maxitems", self.maxitems)
            .query("runtime", self.runtime.as_deref())
            .query("scene", self.scene.as_deref())
            .query("service", self.service.as_deref())
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<ListOutput, Error> {
        response::json(&response)
    }
}

impl Paginated for List {
    type Item = FunctionTemplate;

    fn page_marker(&self) -> Option<&str> {
        self.marker.as_deref()
    }

    fn set_page_marker(&mut self, marker: Option<String>) {
        self.marker = marker;
    }

    fn page_info(output: &ListOutput) -> PageInfo {
        PageInfo {
            len: output.func_templates().len(),
            next_marker: output.next_marker,
            count: None,
        }
    }

    fn into_items(output: ListOutput) -> Vec<FunctionTemplate> {
        output.func_templates.unwrap_or_default()
    }
}
