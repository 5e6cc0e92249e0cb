//! List — `GET /v2/{project_id}/fgs/applications` (official name
//! ListFunctionApplications).

use http::{Method, Request, Response};

use super::applications;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model};
use crate::operation::Operation;
use crate::response;

model! {
    /// An application in a listing (the API's `ListFunctionApplicationResult`).
    pub struct AppSummary {
        /// Its description.
        pub description: Option<String>,
        /// Its id.
        pub id: Option<String>,
        /// When it last changed, epoch milliseconds.
        pub last_modified_time: Option<i64>,
        /// Its name.
        pub name: Option<String>,
        /// Its deployment status (`success`, `repoFail`, …).
        pub status: Option<String>,
    }
}

accessors!(AppSummary {
    str description,
    str id,
    copy last_modified_time: i64,
    str name,
    str status,
});

model! {
    /// One page of applications.
    pub struct ListOutput {
        /// The applications of this page.
        pub applications: Option<Vec<AppSummary>>,
        /// How many there are in all.
        pub count: Option<i64>,
        /// Where the next page starts.
        pub next_marker: Option<i64>,
    }
}

accessors!(ListOutput {
    slice applications: AppSummary,
    copy count: i64,
    copy next_marker: i64,
});

/// Lists the project's applications, one page per call; walk them all with
/// [`Pager`](crate::paginate::Pager) or an adapter's `pages`.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, apps::List};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = List::new().limit(10);
/// assert_eq!(
///     op.request(&config)?.uri().path_and_query().unwrap().as_str(),
///     "/v2/p1/fgs/applications?limit=10"
/// );
/// let response = http::Response::builder().status(200).body(
///     r#"{"applications":[{"id":"a-1","name":"shop","status":"success"}],"count":1,"next_marker":1}"#,
/// )?;
/// assert_eq!(op.response(response)?.applications()[0].status(), Some("success"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct List {
    marker: Option<String>,
    limit: Option<u32>,
}

impl List {
    /// The first page.
    pub fn new() -> Self {
        List::default()
    }
}

crate::paginate::page_setters!(
    List,
    limit,
    "Page size (the service's default 100, maximum 500)."
);

impl Operation for List {
    type Output = ListOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        applications(config, Method::GET)
            .query_number("limit", self.limit)
            .query("marker", self.marker.as_deref())
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<ListOutput, Error> {
        response::json(&response)
    }
}

crate::paginate::marker_paged!(List, ListOutput, AppSummary, applications);
