//! ListVersion — `GET /v2/{project_id}/fgs/dependencies/{depend_id}/version`
//! (official name ListDependencyVersion).

use http::{Method, Request, Response};

use super::ListOutput;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::Dependency;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// Lists the versions of one dependency, one page per call (the page has the shape of
/// [`List`](super::List)'s); walk all pages with [`Pager`](crate::paginate::Pager).
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, dependencies::ListVersion};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = ListVersion::new("d-1").marker("2").maxitems(2);
/// let request = op.request(&config)?;
/// assert_eq!(
///     request.uri().path_and_query().unwrap().as_str(),
///     "/v2/p1/fgs/dependencies/d-1/version?marker=2&maxitems=2"
/// );
/// let response = http::Response::builder().status(200).body(
///     r#"{"dependencies":[{"id":"v-3","dep_id":"d-1","version":3}],"next_marker":3,"count":3}"#,
/// )?;
/// assert_eq!(op.response(response)?.dependencies()[0].version, Some(3));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListVersion {
    depend_id: String,
    marker: Option<String>,
    maxitems: Option<u32>,
}

impl ListVersion {
    /// The first page of the versions of dependency `depend_id` (its `dep_id`).
    pub fn new(depend_id: impl Into<String>) -> Self {
        ListVersion {
            depend_id: depend_id.into(),
            marker: None,
            maxitems: None,
        }
    }

    /// Starts after this many records (the `next_marker` of the previous page).
    pub fn marker(mut self, marker: impl Into<String>) -> Self {
        self.marker = Some(marker.into());
        self
    }

    /// Page size.
    pub fn maxitems(mut self, maxitems: u32) -> Self {
        self.maxitems = Some(maxitems);
        self
    }

    /// The dependency.
    pub fn depend_id(&self) -> &str {
        &self.depend_id
    }
}

impl Operation for ListVersion {
    type Output = ListOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn idempotent(&self) -> bool {
        true
    }

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("dependencies")
            .param("depend_id", &self.depend_id)?
            .path("version")
            .query("marker", self.marker.as_deref())
            .query_number("maxitems", self.maxitems)
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<ListOutput, Error> {
        response::json(&response)
    }
}

crate::paginate::marker_paged!(ListVersion, ListOutput, Dependency, dependencies);
