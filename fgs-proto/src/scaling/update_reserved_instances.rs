//! UpdateReservedInstances — `PUT /v2/{project_id}/fgs/functions/{function_urn}/reservedinstances`
//! (official name UpdateFunctionReservedInstancesCount).

use http::{Method, Request, Response};

use super::TacticsConfig;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model, request_body};
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

request_body! {
    /// The body of [`UpdateReservedInstances`]: every field of the OAS
    /// `UpdateFunctionReservedInstancesCountRequestBody`.
    pub struct UpdateReservedInstancesBody {
        required {
            /// Instances kept ready.
            pub count: i64,
        }
        optional {
            /// Idle mode: reserved instances are kept but billed as idle until used.
            pub idle_mode: Option<bool>,
            /// Scheduled and load-driven counts beyond `count`.
            pub tactics_config: Option<TacticsConfig>,
        }
    }
}

model! {
    /// The answer of [`UpdateReservedInstances`]: the settings as stored.
    pub struct UpdateReservedInstancesOutput {
        /// Instances kept ready.
        pub count: Option<i64>,
        /// Whether idle mode is on.
        pub idle_mode: Option<bool>,
        /// Scheduled and load-driven counts.
        pub tactics_config: Option<TacticsConfig>,
    }
}

accessors!(UpdateReservedInstancesOutput {
    copy count: i64,
    copy idle_mode: bool,
    ref tactics_config: TacticsConfig,
});

/// Sets how many instances of a function version or alias are kept ready (`0` releases
/// them). The URN's qualifier says which: a version, an alias (`!prod`), or `latest`.
/// Not checked against the account's quota, which can be raised.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, scaling::UpdateReservedInstances};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = UpdateReservedInstances::new("default:hello:latest", 2).idle_mode(false);
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "PUT");
/// assert!(request.uri().path().ends_with("/functions/default%3Ahello%3Alatest/reservedinstances"));
/// assert_eq!(request.body(), br#"{"count":2,"idle_mode":false}"#);
/// let response = http::Response::builder().status(200).body(r#"{"count":2}"#)?;
/// assert_eq!(op.response(response)?.count(), Some(2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateReservedInstances {
    function_urn: String,
    body: UpdateReservedInstancesBody,
}

impl UpdateReservedInstances {
    /// Keeps `count` instances of `function_urn` ready.
    pub fn new(function_urn: impl Into<String>, count: i64) -> Self {
        UpdateReservedInstances {
            function_urn: function_urn.into(),
            body: UpdateReservedInstancesBody {
                count,
                idle_mode: None,
                tactics_config: None,
                extra: serde_json::Map::new(),
            },
        }
    }

    /// Turns idle mode on or off.
    pub fn idle_mode(mut self, idle: bool) -> Self {
        self.body.idle_mode = Some(idle);
        self
    }

    /// Scheduled and load-driven counts beyond the fixed one.
    pub fn tactics_config(mut self, tactics: TacticsConfig) -> Self {
        self.body.tactics_config = Some(tactics);
        self
    }

    /// The function URN.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }

    /// The body.
    pub fn body(&self) -> &UpdateReservedInstancesBody {
        &self.body
    }

    /// The body, for direct access to every field.
    pub fn body_mut(&mut self) -> &mut UpdateReservedInstancesBody {
        &mut self.body
    }
}

impl Operation for UpdateReservedInstances {
    type Output = UpdateReservedInstancesOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::PUT)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .path("reservedinstances")
            .json(&self.body)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(
        &self,
        response: Response<B>,
    ) -> Result<UpdateReservedInstancesOutput, Error> {
        response::json(&response)
    }
}
