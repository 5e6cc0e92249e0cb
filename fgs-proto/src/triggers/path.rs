//! The two trigger paths. Every parameter goes through `RequestBuilder::param`, so each
//! stays exactly one percent-encoded segment.

use http::Method;

use crate::config::Config;
use crate::error::Error;
use crate::model::{Trigger, TriggerType};
use crate::request::RequestBuilder;

/// `…/fgs/triggers/{function_urn}`: all triggers of a function.
pub(crate) fn function_triggers(
    config: &Config,
    method: Method,
    function_urn: &str,
) -> Result<RequestBuilder, Error> {
    let mut builder = RequestBuilder::new(config, method);
    builder
        .path("triggers")
        .param("function_urn", function_urn)?;
    Ok(builder)
}

/// `…/fgs/triggers/{function_urn}/{trigger_type_code}/{trigger_id}`: one trigger.
pub(crate) fn one_trigger(
    config: &Config,
    method: Method,
    function_urn: &str,
    trigger_type_code: &TriggerType,
    trigger_id: &str,
) -> Result<RequestBuilder, Error> {
    let mut builder = function_triggers(config, method, function_urn)?;
    builder
        .param("trigger_type_code", trigger_type_code.as_str())?
        .param("trigger_id", trigger_id)?;
    Ok(builder)
}

/// The type code and id that address `trigger` (as List, Get and Create answer it), or
/// an invalid-input error naming the one the service left out.
pub(crate) fn address_of(trigger: &Trigger) -> Result<(TriggerType, String), Error> {
    let missing = |field: &'static str| {
        Error::invalid_input(
            field,
            "the trigger does not have one (the service sent none)",
        )
    };
    let code = trigger
        .trigger_type_code
        .clone()
        .ok_or_else(|| missing("trigger_type_code"))?;
    let id = trigger
        .trigger_id
        .clone()
        .filter(|id| !id.is_empty())
        .ok_or_else(|| missing("trigger_id"))?;
    Ok((code, id))
}
