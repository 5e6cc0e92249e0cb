//! List — `GET /v2/{project_id}/fgs/triggers/{function_urn}` (official name
//! ListFunctionTriggers).

use http::{Method, Request, Response};

use super::path::function_triggers;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::Trigger;
use crate::operation::Operation;
use crate::response;

/// Lists the triggers of a function (or of one version or alias), all in one answer: a
/// bare JSON array, not paged.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, triggers::List};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = List::new("default:hello");
/// assert_eq!(op.request(&config)?.uri().path(), "/v2/p1/fgs/triggers/default%3Ahello");
/// let response = http::Response::builder()
///     .status(200)
///     .body(r#"[{"trigger_id":"t-1","trigger_type_code":"SMN","trigger_status":"ACTIVE"}]"#)?;
/// let triggers = op.response(response)?;
/// assert_eq!(triggers[0].trigger_id.as_deref(), Some("t-1"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    function_urn: String,
}

impl List {
    /// The triggers of `function_urn`.
    pub fn new(function_urn: impl Into<String>) -> Self {
        List {
            function_urn: function_urn.into(),
        }
    }

    /// The URN asked for.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }
}

impl Operation for List {
    type Output = Vec<Trigger>;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        function_triggers(config, Method::GET, &self.function_urn)?.build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Vec<Trigger>, Error> {
        // `null` means no triggers, like `[]`.
        response::json::<Option<Vec<Trigger>>, _>(&response).map(Option::unwrap_or_default)
    }
}
