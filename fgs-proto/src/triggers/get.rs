//! Get — `GET /v2/{project_id}/fgs/triggers/{function_urn}/{trigger_type_code}/{trigger_id}`
//! (official name ShowFunctionTrigger).

use http::{Method, Request, Response};

use super::path::{address_of, one_trigger};
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::{Trigger, TriggerType};
use crate::operation::Operation;
use crate::response;

/// Gets one trigger. 404 `FSS.1131` if it does not exist (some service versions answer
/// 500 `FSS.0500` when the function is gone).
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, triggers::Get, model::{TriggerType, TypedEventData}};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Get::new("default:hello", TriggerType::Timer, "9a14fae1");
/// assert_eq!(op.request(&config)?.uri().path(), "/v2/p1/fgs/triggers/default%3Ahello/TIMER/9a14fae1");
/// let response = http::Response::builder().status(200).body(
///     r#"{"trigger_id":"9a14fae1","trigger_type_code":"TIMER",
///         "event_data":{"name":"Timer-cpg3","schedule":"3m","schedule_type":"Rate"}}"#,
/// )?;
/// let trigger = op.response(response)?;
/// assert!(matches!(trigger.typed_event_data(), Some(TypedEventData::Timer(_))));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Get {
    function_urn: String,
    trigger_type_code: TriggerType,
    trigger_id: String,
}

impl Get {
    /// The trigger `trigger_id` of type `trigger_type_code` on `function_urn`.
    pub fn new(
        function_urn: impl Into<String>,
        trigger_type_code: impl Into<TriggerType>,
        trigger_id: impl Into<String>,
    ) -> Self {
        Get {
            function_urn: function_urn.into(),
            trigger_type_code: trigger_type_code.into(),
            trigger_id: trigger_id.into(),
        }
    }

    /// Gets `trigger` of the function `function_urn`, as List, Get or Create
    /// answered it: its type code and id are read from it. An [`Error::InvalidInput`]
    /// if the trigger lacks either.
    ///
    /// ```
    /// use fgs_proto::model::Trigger;
    /// use fgs_proto::triggers::Get;
    ///
    /// let trigger: Trigger = serde_json::from_str(
    ///     r#"{"trigger_id":"t-1","trigger_type_code":"TIMER"}"#)?;
    /// let op = Get::of("default:hello", &trigger)?;
    /// assert_eq!((op.trigger_type_code().as_str(), op.trigger_id()), ("TIMER", "t-1"));
    /// assert!(Get::of("default:hello", &Trigger::default()).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of(function_urn: impl Into<String>, trigger: &Trigger) -> Result<Self, Error> {
        let (trigger_type_code, trigger_id) = address_of(trigger)?;
        Ok(Get::new(function_urn, trigger_type_code, trigger_id))
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
}

impl Operation for Get {
    type Output = Trigger;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        one_trigger(
            config,
            Method::GET,
            &self.function_urn,
            &self.trigger_type_code,
            &self.trigger_id,
        )?
        .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Trigger, Error> {
        response::json(&response)
    }
}
