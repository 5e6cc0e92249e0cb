//! ListFunctions — `GET /v2/{project_id}/fgs/functions/{function_urn}/servicebridge/relation`
//! (official name ListBridgeFunctions).

use http::{Method, Request, Response};

use super::BridgeType;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::Function;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

/// The bridge functions bound to a function (optionally of one bridge type): a bare
/// JSON array of functions, each as the function listing shows it.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::bridge::{BridgeType, ListFunctions};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = ListFunctions::new("default:app").kind(BridgeType::Rds);
/// assert_eq!(
///     op.request(&config)?.uri().path_and_query().unwrap().as_str(),
///     "/v2/p1/fgs/functions/default%3Aapp/servicebridge/relation?type=rds"
/// );
/// let response = http::Response::builder().status(200).body(
///     r#"[{"func_name":"bridge-test","is_bridge_function":true,"memory_size":128}]"#,
/// )?;
/// let bridges = op.response(response)?;
/// assert_eq!(bridges[0].func_name.as_deref(), Some("bridge-test"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListFunctions {
    function_urn: String,
    kind: Option<BridgeType>,
}

impl ListFunctions {
    /// The bridge functions of `function_urn`.
    pub fn new(function_urn: impl Into<String>) -> Self {
        ListFunctions {
            function_urn: function_urn.into(),
            kind: None,
        }
    }

    /// Only bridges of this type (`type`).
    pub fn kind(mut self, kind: BridgeType) -> Self {
        self.kind = Some(kind);
        self
    }
}

impl Operation for ListFunctions {
    type Output = Vec<Function>;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .path("servicebridge")
            .path("relation")
            .query("type", self.kind.as_ref().map(BridgeType::as_str))
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Vec<Function>, Error> {
        response::json(&response)
    }
}
