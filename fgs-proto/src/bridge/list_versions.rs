//! ListVersions — `GET /v2/{project_id}/fgs/servicebridge/version` (official name
//! ListBridgeVersions).

use http::{Method, Request, Response};

use super::BridgeType;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model};
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

model! {
    /// A bridge code version (the API's `ServiceBridgeVersion`).
    pub struct BridgeVersion {
        /// Where its code package is (an OBS URL).
        pub code_url: Option<String>,
        /// The package's name.
        pub name: Option<String>,
        /// The version.
        pub version: Option<String>,
    }
}

accessors!(BridgeVersion { str code_url, str name, str version });

/// The bridge code versions of one bridge type: a bare JSON array.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::bridge::{BridgeType, ListVersions};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = ListVersions::new(BridgeType::Mqs);
/// assert_eq!(
///     op.request(&config)?.uri().path_and_query().unwrap().as_str(),
///     "/v2/p1/fgs/servicebridge/version?type=mqs"
/// );
/// let response = http::Response::builder()
///     .status(200)
///     .body(r#"[{"code_url":"https://x","name":"functiongraph-mqs-bridge","version":"B101.1"}]"#)?;
/// assert_eq!(op.response(response)?[0].version(), Some("B101.1"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListVersions {
    kind: BridgeType,
}

impl ListVersions {
    /// The versions of bridges of type `kind` (required).
    pub fn new(kind: BridgeType) -> Self {
        ListVersions { kind }
    }
}

impl Operation for ListVersions {
    type Output = Vec<BridgeVersion>;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("servicebridge")
            .path("version")
            .query("type", Some(self.kind.as_str()))
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Vec<BridgeVersion>, Error> {
        response::json(&response)
    }
}
