//! GetSnapshotState — `GET /v2/{project_id}/fgs/functions/{function_urn}/snapshots/{action}`
//! (official name ShowFuncSnapshotState); UpdateSnapshot — `POST` on the same path
//! (official name UpdateFuncSnapshot).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model, open_enum};
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

open_enum! {
    /// What [`GetSnapshotState`] asks about (the `{action}` segment).
    pub enum SnapshotQuery {
        /// The state of snapshot making.
        State = "state",
        /// Whether snapshots are switched on.
        EnableSnapshot = "enableSnapshot",
    }
}

open_enum! {
    /// What [`UpdateSnapshot`] does (the `{action}` segment).
    pub enum SnapshotAction {
        /// Switches snapshots on.
        Enable = "enable",
        /// Switches snapshots off.
        Disable = "disable",
    }
}

/// `…/functions/{function_urn}/snapshots/{action}`.
fn snapshots(
    config: &Config,
    method: Method,
    function_urn: &str,
    action: &str,
) -> Result<Request<Body>, Error> {
    RequestBuilder::new(config, method)
        .path("functions")
        .param("function_urn", function_urn)?
        .path("snapshots")
        .param("action", action)?
        .build()
}

/// Reads whether a function version makes snapshots (snapshot start-up, for Java
/// functions). 404 `FSS.1051` for an unknown function.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, functions::GetSnapshotState};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = GetSnapshotState::new("urn:fss:r:p1:function:default:hello:v1");
/// assert!(op.request(&config)?.uri().path().ends_with("/snapshots/state"));
/// let response = http::Response::builder().status(200).body(r#"{"code":"0","state":"enable"}"#)?;
/// assert_eq!(op.response(response)?.state(), Some("enable"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetSnapshotState {
    function_urn: String,
    action: SnapshotQuery,
}

impl GetSnapshotState {
    /// The snapshot state ([`SnapshotQuery::State`]) of `function_urn`.
    pub fn new(function_urn: impl Into<String>) -> Self {
        GetSnapshotState {
            function_urn: function_urn.into(),
            action: SnapshotQuery::State,
        }
    }

    /// Asks `action` instead.
    pub fn action(mut self, action: SnapshotQuery) -> Self {
        self.action = action;
        self
    }

    /// The URN asked about.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }
}

model! {
    /// A function version's snapshot state (the OAS `QueryFuncSnapshotResponseBody`).
    pub struct SnapshotState {
        /// The response code of snapshot making.
        pub code: Option<String>,
        /// The state (`enable`, `disable`).
        pub state: Option<String>,
    }
}

accessors!(SnapshotState { str code, str state });

impl Operation for GetSnapshotState {
    type Output = SnapshotState;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        snapshots(
            config,
            Method::GET,
            &self.function_urn,
            self.action.as_str(),
        )
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<SnapshotState, Error> {
        response::json(&response)
    }
}

/// Switches snapshots of a function version on or off; 204 with no body. The service
/// allows it for Java functions and published versions only (not `latest`). A POST
/// with an empty body.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::functions::{SnapshotAction, UpdateSnapshot};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = UpdateSnapshot::new("urn:fss:r:p1:function:default:hello:v1", SnapshotAction::Enable);
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "POST");
/// assert!(request.uri().path().ends_with("/snapshots/enable"));
/// assert!(request.body().to_bytes().is_empty());
/// op.response(http::Response::builder().status(204).body(Vec::new())?)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateSnapshot {
    function_urn: String,
    action: SnapshotAction,
}

impl UpdateSnapshot {
    /// Does `action` to the snapshots of `function_urn` (a published version).
    pub fn new(function_urn: impl Into<String>, action: SnapshotAction) -> Self {
        UpdateSnapshot {
            function_urn: function_urn.into(),
            action,
        }
    }

    /// The URN changed.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }

    /// The action.
    pub fn action(&self) -> &SnapshotAction {
        &self.action
    }
}

impl Operation for UpdateSnapshot {
    type Output = ();
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        snapshots(
            config,
            Method::POST,
            &self.function_urn,
            self.action.as_str(),
        )
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        response::empty(&response)
    }
}
