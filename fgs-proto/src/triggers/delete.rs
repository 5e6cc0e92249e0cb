//! Delete — `DELETE /v2/{project_id}/fgs/triggers/{function_urn}/{trigger_type_code}/{trigger_id}`
//! (official name DeleteFunctionTrigger).

use http::{Method, Request, Response};

use super::path::{address_of, one_trigger};
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::{Trigger, TriggerType};
use crate::operation::Operation;
use crate::response;

/// Deletes one trigger; 204 with no body. 404 `FSS.1131` if it does not exist (some
/// service versions answer 401 `FSS.0401` when the function is gone).
///
/// Idempotent in effect, so it is retried like a read; a retry after a lost answer may
/// then report 404 for a trigger the first attempt deleted.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, triggers::Delete};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Delete::new("default:hello", "SMN", "t/1");
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), http::Method::DELETE);
/// assert_eq!(request.uri().path(), "/v2/p1/fgs/triggers/default%3Ahello/SMN/t%2F1");
/// op.response(http::Response::builder().status(204).body(Vec::new())?)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delete {
    function_urn: String,
    trigger_type_code: TriggerType,
    trigger_id: String,
}

impl Delete {
    /// Deletes trigger `trigger_id` of type `trigger_type_code` on `function_urn`.
    pub fn new(
        function_urn: impl Into<String>,
        trigger_type_code: impl Into<TriggerType>,
        trigger_id: impl Into<String>,
    ) -> Self {
        Delete {
            function_urn: function_urn.into(),
            trigger_type_code: trigger_type_code.into(),
            trigger_id: trigger_id.into(),
        }
    }

    /// Deletes `trigger` of the function `function_urn`, as List, Get or Create
    /// answered it: its type code and id are read from it. An [`Error::InvalidInput`]
    /// if the trigger lacks either.
    ///
    /// ```
    /// use fgs_proto::model::Trigger;
    /// use fgs_proto::triggers::Delete;
    ///
    /// let trigger: Trigger = serde_json::from_str(
    ///     r#"{"trigger_id":"t-1","trigger_type_code":"TIMER"}"#)?;
    /// let op = Delete::of("default:hello", &trigger)?;
    /// assert_eq!((op.trigger_type_code().as_str(), op.trigger_id()), ("TIMER", "t-1"));
    /// assert!(Delete::of("default:hello", &Trigger::default()).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of(function_urn: impl Into<String>, trigger: &Trigger) -> Result<Self, Error> {
        let (trigger_type_code, trigger_id) = address_of(trigger)?;
        Ok(Delete::new(function_urn, trigger_type_code, trigger_id))
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

impl Operation for Delete {
    type Output = ();
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        one_trigger(
            config,
            Method::DELETE,
            &self.function_urn,
            &self.trigger_type_code,
            &self.trigger_id,
        )?
        .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        response::empty(&response)
    }
}
