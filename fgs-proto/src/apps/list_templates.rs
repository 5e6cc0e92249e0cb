//! ListTemplates — `GET /v2/{project_id}/fgs/application/templates` (official name
//! ListAppTemplates).

use http::{HeaderName, HeaderValue, Request, Response};

use super::app_templates;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model};
use crate::operation::Operation;
use crate::response;

/// The header that picks the language of the templates' texts.
const X_LANGUAGE: HeaderName = HeaderName::from_static("x-language");

model! {
    /// An application template in a listing (the API's `ListAppTemplatesResult`).
    pub struct AppTemplate {
        /// Its use case (`AI`, `web`, …).
        pub category: Option<String>,
        /// Its description.
        pub description: Option<String>,
        /// Its id, for [`GetTemplate`](super::GetTemplate) and
        /// [`Create`](super::Create).
        pub id: Option<String>,
        /// Its picture, base64.
        pub image: Option<String>,
        /// Its name.
        pub name: Option<String>,
        /// The runtime of its functions.
        pub runtime: Option<String>,
    }
}

accessors!(AppTemplate {
    str category,
    str description,
    str id,
    str image,
    str name,
    str runtime,
});

model! {
    /// One page of application templates.
    pub struct ListTemplatesOutput {
        /// How many templates there are in all.
        pub count: Option<i64>,
        /// Where the next page starts.
        pub next_marker: Option<i64>,
        /// The templates of this page.
        pub templates: Option<Vec<AppTemplate>>,
    }
}

accessors!(ListTemplatesOutput {
    copy count: i64,
    copy next_marker: i64,
    slice templates: AppTemplate,
});

/// Lists the application templates, one page per call (walk them all with
/// [`Pager`](crate::paginate::Pager) or an adapter's `pages`), optionally by runtime
/// and category, their texts in the language of `X-Language` (`en-us` by default).
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, apps::ListTemplates};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = ListTemplates::new().runtime("Python3.9").maxitems(5).language("zh-cn");
/// let request = op.request(&config)?;
/// assert_eq!(
///     request.uri().path_and_query().unwrap().as_str(),
///     "/v2/p1/fgs/application/templates?maxitems=5&runtime=Python3.9"
/// );
/// assert_eq!(request.headers()["x-language"], "zh-cn");
/// let response = http::Response::builder().status(200).body(
///     r#"{"count":1,"next_marker":1,"templates":[{"id":"t-1","name":"http-api","runtime":"Python3.9"}]}"#,
/// )?;
/// assert_eq!(op.response(response)?.templates()[0].name(), Some("http-api"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListTemplates {
    marker: Option<String>,
    maxitems: Option<u32>,
    runtime: Option<String>,
    category: Option<String>,
    language: Option<String>,
}

impl ListTemplates {
    /// The first page of every template.
    pub fn new() -> Self {
        ListTemplates::default()
    }

    /// Only templates of this runtime (the service's default: `all`).
    pub fn runtime(mut self, runtime: impl Into<String>) -> Self {
        self.runtime = Some(runtime.into());
        self
    }

    /// Only templates of this category (the service's default: `all`).
    pub fn category(mut self, category: impl Into<String>) -> Self {
        self.category = Some(category.into());
        self
    }

    /// The language of the texts (`X-Language`, e.g. `en-us`, `zh-cn`).
    pub fn language(mut self, language: impl Into<String>) -> Self {
        self.language = Some(language.into());
        self
    }
}

crate::paginate::page_setters!(
    ListTemplates,
    maxitems,
    "Page size (the service's default 100, maximum 500)."
);

impl Operation for ListTemplates {
    type Output = ListTemplatesOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        let mut builder = app_templates(config);
        builder
            .query("category", self.category.as_deref())
            .query("marker", self.marker.as_deref())
            .query_number("maxitems", self.maxitems)
            .query("runtime", self.runtime.as_deref());
        if let Some(language) = &self.language {
            let value = HeaderValue::from_str(language)
                .map_err(|_| Error::invalid_input("language", "not a valid header value"))?;
            builder.header(X_LANGUAGE, value);
        }
        builder.build()
    }

    fn response<B: AsRef<[u8]>>(
        &self,
        response: Response<B>,
    ) -> Result<ListTemplatesOutput, Error> {
        response::json(&response)
    }
}

crate::paginate::marker_paged!(ListTemplates, ListTemplatesOutput, AppTemplate, templates);
