//! Update — `PUT /v2/{project_id}/fgs/triggers/{function_urn}/{trigger_type_code}/{trigger_id}`
//! (official name UpdateTrigger).

use http::{Method, Request, Response};

use super::path::one_trigger;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::request_body;
use crate::model::{PollingUnit, Trigger, TriggerStatus, TriggerType};
use crate::operation::Operation;
use crate::response;

request_body! {
    /// The body of [`Update`]: every field of the OAS `UpdateTriggerRequestBody`. Both
    /// are optional; unset ones leave the trigger as it is.
    pub struct UpdateBody {
        required {}
        optional {
            /// `ACTIVE` or `DISABLED` (only TIMER, DDS, DMS, KAFKA and LTS triggers may be
            /// disabled).
            pub trigger_status: Option<TriggerStatus>,
            /// The settings to change. The API documents a list (the official SDKs send
            /// one); the service applies the fields of its entries to the trigger's event
            /// data.
            pub event_data: Option<Vec<UpdateEventData>>,
        }
    }
}

request_body! {
    /// One entry of [`UpdateBody::event_data`]: the event-data fields the API documents
    /// as changeable (those of DIS-style polling triggers). Other fields go in
    /// [`extra`](Self::extra), sent as they are.
    pub struct UpdateEventData {
        required {}
        optional {
            /// Process records serially: fetch the next batch only once one is done.
            pub is_serial: Option<bool>,
            /// Most bytes fetched at once.
            pub max_fetch_bytes: Option<i64>,
            /// The polling interval, in `polling_unit`.
            pub polling_interval: Option<i64>,
            /// The unit of `polling_interval`.
            pub polling_unit: Option<PollingUnit>,
        }
    }
}

impl UpdateEventData {
    /// An entry that changes nothing yet; set its public fields or its `extra` map.
    pub fn new() -> Self {
        UpdateEventData {
            is_serial: None,
            max_fetch_bytes: None,
            polling_interval: None,
            polling_unit: None,
            extra: serde_json::Map::new(),
        }
    }
}

impl Default for UpdateEventData {
    fn default() -> Self {
        UpdateEventData::new()
    }
}

/// Changes a trigger: enables or disables it, or changes its event data. Answers the
/// [`Trigger`] as it now is; 404 if it does not exist.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, triggers::Update};
/// use fgs_proto::model::{TriggerStatus, TriggerType};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Update::new("default:hello", TriggerType::Timer, "9a14fae1")
///     .trigger_status(TriggerStatus::Disabled);
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "PUT");
/// assert_eq!(request.uri().path(), "/v2/p1/fgs/triggers/default%3Ahello/TIMER/9a14fae1");
/// assert_eq!(request.body(), br#"{"trigger_status":"DISABLED"}"#);
///
/// let response = http::Response::builder().status(200).body(
///     r#"{"trigger_id":"9a14fae1","trigger_type_code":"TIMER","trigger_status":"DISABLED"}"#,
/// )?;
/// assert_eq!(op.response(response)?.trigger_status, Some(TriggerStatus::Disabled));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    function_urn: String,
    trigger_type_code: TriggerType,
    trigger_id: String,
    body: UpdateBody,
}

impl Update {
    /// Trigger `trigger_id` of type `trigger_type_code` on `function_urn`; the body is
    /// empty until a setter fills it.
    pub fn new(
        function_urn: impl Into<String>,
        trigger_type_code: impl Into<TriggerType>,
        trigger_id: impl Into<String>,
    ) -> Self {
        Update {
            function_urn: function_urn.into(),
            trigger_type_code: trigger_type_code.into(),
            trigger_id: trigger_id.into(),
            body: UpdateBody {
                trigger_status: None,
                event_data: None,
                extra: serde_json::Map::new(),
            },
        }
    }

    /// Enables (`ACTIVE`) or disables (`DISABLED`) the trigger.
    pub fn trigger_status(mut self, status: TriggerStatus) -> Self {
        self.body.trigger_status = Some(status);
        self
    }

    /// Adds an entry of event-data changes.
    pub fn event_data(mut self, change: UpdateEventData) -> Self {
        self.body
            .event_data
            .get_or_insert_with(Vec::new)
            .push(change);
        self
    }

    /// The function URN.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }

    /// The trigger type.
    pub fn trigger_type_code(&self) -> &TriggerType {
        &self.trigger_type_code
    }

    /// The trigger id.
    pub fn trigger_id(&self) -> &str {
        &self.trigger_id
    }

    /// The body that will be sent.
    pub fn body(&self) -> &UpdateBody {
        &self.body
    }

    /// The body, for direct access to every field.
    pub fn body_mut(&mut self) -> &mut UpdateBody {
        &mut self.body
    }
}

impl Operation for Update {
    type Output = Trigger;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        one_trigger(
            config,
            Method::PUT,
            &self.function_urn,
            &self.trigger_type_code,
            &self.trigger_id,
        )?
        .json(&self.body)?
        .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Trigger, Error> {
        response::json(&response)
    }
}
