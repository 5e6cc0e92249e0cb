//! Create — `POST /v2/{project_id}/fgs/triggers/{function_urn}` (official name
//! CreateFunctionTrigger).

use http::{Method, Request, Response};
use serde_json::{Map, Value};

use super::path::function_triggers;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::request_body;
use crate::model::{EventData, Trigger, TriggerStatus, TriggerType, TypedEventData};
use crate::operation::Operation;
use crate::response;

/// Creates a trigger; the service answers 201 with the [`Trigger`]. Not idempotent: a
/// second request creates a second trigger (or fails with 409), so it is re-sent only
/// when the service cannot have acted on it.
///
/// The trigger type comes from the event data: pass a view ([`TimerEventData`],
/// [`ApigEventData`], ...) or a [`TypedEventData`]; for other types use
/// [`Create::raw`] or [`TypedEventData::Other`].
///
/// [`TimerEventData`]: crate::model::TimerEventData
/// [`ApigEventData`]: crate::model::ApigEventData
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, triggers::Create};
/// use fgs_proto::model::{TimerEventData, TriggerStatus};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Create::new("default:hello", TimerEventData::rate("Timer-l8v2", "3m"))
///     .trigger_status(TriggerStatus::Active);
/// let request = op.request(&config)?;
/// assert_eq!(request.uri().path(), "/v2/p1/fgs/triggers/default%3Ahello");
/// assert_eq!(
///     std::str::from_utf8(&request.body().to_bytes())?,
///     r#"{"trigger_type_code":"TIMER","trigger_status":"ACTIVE","event_data":{"name":"Timer-l8v2","schedule_type":"Rate","schedule":"3m"}}"#
/// );
///
/// let response = http::Response::builder().status(201).body(
///     r#"{"trigger_id":"9a14fae1","trigger_type_code":"TIMER","trigger_status":"ACTIVE"}"#,
/// )?;
/// assert_eq!(op.response(response)?.trigger_id.as_deref(), Some("9a14fae1"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Create {
    function_urn: String,
    body: CreateBody,
}

request_body! {
    /// The body of [`Create`].
    pub struct CreateBody {
        required {
            /// The trigger type.
            pub trigger_type_code: TriggerType,
        }
        optional {
            /// `ACTIVE` or `DISABLED`; the service's default is `ACTIVE`, except DDS and
            /// KAFKA (`DISABLED`). Only TIMER, DDS, DMS, KAFKA and LTS triggers may be
            /// disabled.
            pub trigger_status: Option<TriggerStatus>,
            /// Deprecated message code (`MessageCreated` by convention); older service
            /// versions require it.
            pub event_type_code: Option<String>,
        }
        last {
            /// The type-specific settings.
            pub event_data: EventData,
        }
    }
}

impl Create {
    /// A trigger on `function_urn` (a function, version or alias) of the type and with
    /// the settings of `event_data`.
    pub fn new(function_urn: impl Into<String>, event_data: impl Into<TypedEventData>) -> Self {
        let (trigger_type_code, event_data) = event_data.into().into_parts();
        Create {
            function_urn: function_urn.into(),
            body: CreateBody {
                trigger_type_code,
                trigger_status: None,
                event_type_code: None,
                event_data,
                extra: serde_json::Map::new(),
            },
        }
    }

    /// A trigger of `trigger_type` whose event data is sent exactly as `event_data`
    /// (see [`EventData::from_raw`]): for types this SDK does not model.
    pub fn raw(
        function_urn: impl Into<String>,
        trigger_type: impl Into<TriggerType>,
        event_data: Map<String, Value>,
    ) -> Self {
        Self::new(
            function_urn,
            TypedEventData::Other(
                trigger_type.into(),
                Box::new(EventData::from_raw(event_data)),
            ),
        )
    }

    /// Creates the trigger `ACTIVE` or `DISABLED`.
    pub fn trigger_status(mut self, status: TriggerStatus) -> Self {
        self.body.trigger_status = Some(status);
        self
    }

    /// Sends the deprecated message code (any non-empty text; `MessageCreated` by
    /// convention), which older service versions require.
    pub fn event_type_code(mut self, code: impl Into<String>) -> Self {
        self.body.event_type_code = Some(code.into());
        self
    }

    /// The function URN.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }

    /// The body that will be sent.
    pub fn body(&self) -> &CreateBody {
        &self.body
    }
}

impl Operation for Create {
    type Output = Trigger;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        let empty = |value: Option<&str>| value.is_some_and(|v| v.trim().is_empty());
        if empty(Some(self.body.trigger_type_code.as_str())) {
            return Err(Error::invalid_input(
                "trigger_type_code",
                "must not be empty",
            ));
        }
        if empty(self.body.event_type_code.as_deref()) {
            return Err(Error::invalid_input(
                "event_type_code",
                "must not be empty when set",
            ));
        }
        function_triggers(config, Method::POST, &self.function_urn)?
            .json(&self.body)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Trigger, Error> {
        response::json(&response)
    }
}
